/**
 * ING-EVAL-4: the real-report corpus keeps no text, only recipes and gold spans with their
 * hashes; the evaluation checks every span's hash against the text it is given first.
 * The texts here are written for the test.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { evaluateRealCorpus } from "../../../scripts/eval-ingest.js";
import { blindSetOf, loadRealCorpus, readRecipes, shortHash } from "../../../scripts/real-corpus.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const TEXT = "Harbor Robotics has raised $40 million in a round led by Quillon Ventures.";

function span(text: string, piece: string) {
  const start = text.indexOf(piece);
  return { start, end: start + piece.length, sha256_12: shortHash(piece) };
}

function corpus(heldOut: Record<string, unknown> = { held_out: false }): { real: string; texts: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), "rt-real-"));
  const real = path.join(dir, "real");
  const texts = path.join(dir, "texts");
  mkdirSync(path.join(real, "gold"), { recursive: true });
  mkdirSync(texts);
  const recipe = {
    id: "harbor",
    language: "en",
    corpus: "pages",
    query: "harbor robotics series b",
    rank: 1,
    url: "https://example.org/harbor",
    first_words: "Harbor Robotics has raised $40 million in",
    last_words: "led by Quillon Ventures.",
    chars: TEXT.length,
    utf8_bytes: TEXT.length,
    sha256_12: shortHash(TEXT),
    ...heldOut,
  };
  writeFileSync(path.join(real, "recipes.json"), JSON.stringify({ version: 1, documents: [recipe] }));
  const claim = (over: Record<string, unknown>) => ({
    subject: "Harbor Robotics",
    counterparty: null,
    kind: "round_size",
    amount: { currency: "USD", min: 40000000, max: 40000000, point: 40000000 },
    qualifier: "exact",
    attribution: null,
    status: "closed",
    temporal: "current",
    vague: false,
    evidence: span(TEXT, "has raised $40 million"),
    evidence_alternatives: [],
    ...over,
  });
  const gold = {
    id: "harbor",
    language: "en",
    publication_date: null,
    claims: [
      claim({}),
      claim({
        kind: "investment",
        counterparty: "Quillon Ventures",
        amount: null,
        qualifier: null,
        evidence: span(TEXT, "led by Quillon Ventures"),
      }),
    ],
    conflicts: [],
  };
  writeFileSync(path.join(real, "gold", "harbor.gold.json"), JSON.stringify(gold));
  writeFileSync(path.join(texts, "harbor.txt"), TEXT);
  return { real, texts };
}

describe("ING-EVAL-4 the real-report corpus", () => {
  it("reads a text whose spans hash as the gold says and scores it on kind, investors and amount", () => {
    const { real, texts } = corpus();
    const loaded = loadRealCorpus(real, texts, "dev");
    expect(loaded.problems).toEqual([]);
    expect(loaded.documents[0]!.gold.claims[1]!.evidence).toBe("led by Quillon Ventures");
    const { evaluation } = evaluateRealCorpus(real, texts, "dev");
    expect(evaluation.overall.f1).toBe(1);
    expect(evaluation.fields.subject).toEqual({ correct: 2, total: 2 });
  });

  it("leaves out a document whose text changed, naming the span, and one whose text is missing", () => {
    const { real, texts } = corpus();
    writeFileSync(path.join(texts, "harbor.txt"), TEXT.replace("Harbor", "Harbour"));
    const loaded = loadRealCorpus(real, texts, "dev");
    expect(loaded.documents).toEqual([]);
    expect(loaded.problems[0]).toMatch(/^harbor: 2 span\(s\) do not match the text \(the whole text differs/);
    expect(loadRealCorpus(real, path.join(texts, "none"), "dev").problems[0]).toMatch(/^harbor: no text at /);
    expect(loadRealCorpus(real, texts, "held-out").documents).toEqual([]);
  });

  it("--blind-set N reads only the held-out reports of set N; a held-out recipe without the field is set 3", () => {
    const third = corpus({ held_out: true });
    expect(loadRealCorpus(third.real, third.texts, "dev", 3).documents).toHaveLength(1);
    expect(loadRealCorpus(third.real, third.texts, "dev", 4).documents).toEqual([]);
    const fourth = corpus({ held_out: true, blind_set: 4 });
    expect(loadRealCorpus(fourth.real, fourth.texts, "all", 4).documents).toHaveLength(1);
    expect(loadRealCorpus(fourth.real, fourth.texts, "all", 3).documents).toEqual([]);
    expect(loadRealCorpus(fourth.real, fourth.texts, "held-out").documents).toHaveLength(1);
    const dev = corpus();
    expect(loadRealCorpus(dev.real, dev.texts, "dev", 3).documents).toEqual([]);
    expect(evaluateRealCorpus(fourth.real, fourth.texts, "dev", 4).evaluation.overall.f1).toBe(1);
  });

  it("--batch N reads only the development reports of batch N", () => {
    const batch = corpus({ batch: 5 });
    expect(loadRealCorpus(batch.real, batch.texts, "dev", undefined, 5).documents).toHaveLength(1);
    expect(loadRealCorpus(batch.real, batch.texts, "dev", undefined, 6).documents).toEqual([]);
    expect(loadRealCorpus(batch.real, batch.texts, "dev").documents).toHaveLength(1);
    const unbatched = corpus();
    expect(loadRealCorpus(unbatched.real, unbatched.texts, "dev", undefined, 5).documents).toEqual([]);
    const heldOut = corpus({ held_out: true, batch: 5 });
    expect(loadRealCorpus(heldOut.real, heldOut.texts, "all", undefined, 5).documents).toEqual([]);
    expect(evaluateRealCorpus(batch.real, batch.texts, "dev", undefined, 5).evaluation.overall.f1).toBe(1);
  });

  it("the committed corpus: 140 recipes, half in each language, 40 held out in blind sets 3 and 4 (10 fr, 10 en each), 20 in each development batch 5 and 6, no quoted evidence", () => {
    const recipes = readRecipes(path.join(root, "corpus/real"));
    expect(recipes).toHaveLength(140);
    expect(recipes.filter((r) => r.language === "fr")).toHaveLength(70);
    for (const batch of [5, 6]) {
      const inBatch = recipes.filter((r) => r.batch === batch);
      expect(inBatch, `batch ${batch}`).toHaveLength(20);
      expect(
        inBatch.filter((r) => r.language === "fr"),
        `batch ${batch}`,
      ).toHaveLength(10);
      expect(
        inBatch.filter((r) => r.held_out),
        `batch ${batch}`,
      ).toEqual([]);
    }
    const heldOut = recipes.filter((r) => r.held_out);
    expect(heldOut).toHaveLength(40);
    for (const set of [3, 4]) {
      const inSet = recipes.filter((r) => blindSetOf(r) === set);
      expect(inSet, `blind set ${set}`).toHaveLength(20);
      expect(
        inSet.filter((r) => r.language === "fr"),
        `blind set ${set}`,
      ).toHaveLength(10);
    }
    expect(recipes.filter((r) => !r.held_out && r.blind_set !== undefined)).toEqual([]);
    expect(new Set(recipes.map((r) => r.id)).size).toBe(140);
    expect(new Set(recipes.map((r) => r.url)).size).toBe(140);
    for (const r of recipes) {
      const gold = JSON.parse(readFileSync(path.join(root, "corpus/real/gold", `${r.id}.gold.json`), "utf8"));
      for (const c of gold.claims) {
        expect(typeof c.evidence, r.id).toBe("object");
        expect(c.evidence.sha256_12, r.id).toMatch(/^[0-9a-f]{12}$/);
      }
    }
  });
});
