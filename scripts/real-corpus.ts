/**
 * The real-report corpus (corpus/real, docs/spec/ingest.md ING-EVAL-4): recipes that say
 * where each report's text was found, and gold claims whose evidence is kept as offsets
 * into that text with a short hash of each span. The texts themselves are never
 * committed: they are read from a folder filled by hand from the recipes
 * (`npm run corpus:fetch`, corpus/real/README.md).
 */
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { type GoldClaim, type GoldDocument, parseGold } from "../src/core/ingest/evaluate.js";

export interface Recipe {
  readonly id: string;
  readonly language: string;
  readonly corpus: string;
  readonly query: string;
  readonly rank: number;
  readonly url: string;
  readonly first_words: string;
  readonly last_words: string;
  readonly chars: number;
  readonly utf8_bytes: number;
  readonly sha256_12: string;
  readonly held_out: boolean;
  /**
   * Which blind set a held-out report came in (corpus/real/README.md): the third set's
   * recipes have no field and are set 3; the fourth set's say 4.
   */
  readonly blind_set?: number;
  /**
   * The development batch a report came in, when it came in a numbered batch annotated blind
   * after the first development reports (batch 5: corpus/real/README.md); absent otherwise.
   */
  readonly batch?: number;
}

/** The blind set of a held-out recipe (3 when the recipe does not say), null for a development one. */
export function blindSetOf(recipe: Recipe): number | null {
  if (!recipe.held_out) return null;
  return recipe.blind_set ?? 3;
}

export type Split = "dev" | "held-out" | "all";

interface StoredSpan {
  readonly start: number;
  readonly end: number;
  readonly sha256_12: string;
}

/** The first 12 hexadecimal digits of the SHA-256 of the text's UTF-8 bytes. */
export function shortHash(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex").slice(0, 12);
}

export function readRecipes(realDir: string): Recipe[] {
  const file = path.join(realDir, "recipes.json");
  const json = JSON.parse(readFileSync(file, "utf8")) as { documents?: unknown };
  if (!Array.isArray(json.documents)) throw new Error(`${file}: "documents" must be a list`);
  return json.documents as Recipe[];
}

export interface RealDocument {
  readonly recipe: Recipe;
  readonly text: string;
  readonly gold: GoldDocument;
}

export interface RealCorpus {
  readonly documents: RealDocument[];
  /** Documents left out, each with the reason (text missing, text or span hash differs). */
  readonly problems: string[];
}

function isSpan(v: unknown): v is StoredSpan {
  const s = v as StoredSpan;
  return (
    typeof s === "object" &&
    s !== null &&
    Number.isInteger(s.start) &&
    Number.isInteger(s.end) &&
    s.start >= 0 &&
    s.end > s.start &&
    typeof s.sha256_12 === "string"
  );
}

/**
 * Reads the recipes of the split (or, when `blindSet` is given, only the held-out recipes
 * of that blind set; when `batch` is given, only the development recipes of that batch), each text from `textsDir/ID.txt` and its gold file, checks the hash
 * of every span against the text first, and returns the documents whose spans all check,
 * with their evidence and attribution cut from the text.
 */
export function loadRealCorpus(
  realDir: string,
  textsDir: string,
  split: Split,
  blindSet?: number,
  batch?: number,
): RealCorpus {
  const documents: RealDocument[] = [];
  const problems: string[] = [];
  for (const recipe of readRecipes(realDir)) {
    if (blindSet !== undefined) {
      if (blindSetOf(recipe) !== blindSet) continue;
    } else if (batch !== undefined) {
      if (recipe.held_out || recipe.batch !== batch) continue;
    } else {
      if (split === "dev" && recipe.held_out) continue;
      if (split === "held-out" && !recipe.held_out) continue;
    }
    const textPath = path.join(textsDir, `${recipe.id}.txt`);
    if (!statSync(textPath, { throwIfNoEntry: false })?.isFile()) {
      problems.push(
        `${recipe.id}: no text at ${textPath} (fill the folder from the recipe, corpus/real/README.md)`,
      );
      continue;
    }
    const text = readFileSync(textPath, "utf8");
    const goldPath = path.join(realDir, "gold", `${recipe.id}.gold.json`);
    const raw = JSON.parse(readFileSync(goldPath, "utf8")) as { claims?: Record<string, unknown>[] };
    const bad: string[] = [];
    const cut = (where: string, v: unknown): string | null => {
      if (!isSpan(v)) {
        bad.push(`${where} is not a span {start, end, sha256_12}`);
        return null;
      }
      const piece = text.slice(v.start, v.end);
      if (v.end > text.length || shortHash(piece) !== v.sha256_12) {
        bad.push(`${where} [${v.start}, ${v.end}) does not hash to ${v.sha256_12}`);
        return null;
      }
      return piece;
    };
    const claims = (raw.claims ?? []).map((c, i) => {
      const evidence = cut(`claims[${i}].evidence`, c.evidence);
      const alternatives = Array.isArray(c.evidence_alternatives) ? c.evidence_alternatives : [];
      for (const [k, a] of alternatives.entries()) cut(`claims[${i}].evidence_alternatives[${k}]`, a);
      const attribution = c.attribution === null ? null : cut(`claims[${i}].attribution`, c.attribution);
      return { ...c, evidence, attribution, spans: [c.evidence, ...alternatives] as StoredSpan[] };
    });
    if (bad.length > 0) {
      const whole =
        shortHash(text) === recipe.sha256_12 ? "" : " (the whole text differs from the recipe's too)";
      problems.push(
        `${recipe.id}: ${bad.length} span(s) do not match the text${whole}: ${bad.slice(0, 3).join("; ")}`,
      );
      continue;
    }
    const parsed = parseGold({ ...raw, claims }, goldPath);
    if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join("\n"));
    const withSpans: GoldClaim[] = parsed.value.claims.map((g, i) => ({
      ...g,
      evidenceSpans: claims[i]!.spans.map((s) => ({ start: s.start, end: s.end })),
    }));
    documents.push({ recipe, text, gold: { ...parsed.value, claims: withSpans } });
  }
  return { documents, problems };
}
