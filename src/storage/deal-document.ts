import { parseDocument, stringify, visit } from "yaml";
import { runDeal } from "../core/round/timeline.js";
import type { Deal } from "../deal/build.js";
import { type Diagnostic, diagnosticFrom } from "../deal/diagnostics.js";
import { loadDeal, parseDealText } from "../deal/load.js";
import { canonicalJson } from "./canonical-json.js";

/** A deal document that loads, builds and runs: what the store keeps (SPEC STORE-3). */
export interface StorableDeal {
  readonly deal: Deal;
  /** The parsed document as written (numbers kept as the text written), before defaults. */
  readonly document: Record<string, unknown>;
  /** Its canonical JSON: what a revision stores and hashes. */
  readonly canonical: string;
  readonly warnings: readonly Diagnostic[];
}

export type StorableResult =
  | ({ readonly ok: true } & StorableDeal)
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/**
 * Reads deal text (YAML or JSON) through the deal format (SPEC DEAL-2) and runs its ledger
 * and rounds: a document is storable only if `roundtable validate` would accept it.
 */
export function storableDeal(text: string, file: string): StorableResult {
  const loaded = loadDeal(text, file);
  if (!loaded.ok) return loaded;
  const run = runDeal(loaded.deal.ledger, loaded.deal.rounds);
  if (!run.ok)
    return { ok: false, diagnostics: run.problems.map((p) => diagnosticFrom(p, file, loaded.locate)) };
  // The text parsed again for its plain data: fast for JSON, and the document kept is
  // exactly what the loader validated.
  const parsed = parseDealText(text, file);
  if (!parsed.ok) return parsed;
  const document = parsed.value.raw;
  return {
    ok: true,
    deal: loaded.deal,
    document,
    canonical: canonicalJson(document),
    warnings: [...loaded.warnings, ...run.warnings.map((p) => diagnosticFrom(p, file, loaded.locate))],
  };
}

/**
 * Reads a stored canonical document. Its locations are those of a one-line text, so
 * they are dropped: the field path names the place.
 */
export function storedDeal(canonical: string, file: string): StorableResult {
  const result = storableDeal(canonical, file);
  if (result.ok) return { ...result, warnings: result.warnings.map(withoutPosition) };
  return { ok: false, diagnostics: result.diagnostics.map(withoutPosition) };
}

function withoutPosition(d: Diagnostic): Diagnostic {
  const { line: _line, column: _column, ...rest } = d;
  return rest;
}

/**
 * Reads a fragment of a deal (one transaction or one round) written in YAML or JSON, the
 * numbers kept as the text written, as the deal loader does.
 */
export function parseFragment(
  text: string,
  file: string,
): { ok: true; value: unknown } | { ok: false; diagnostics: readonly Diagnostic[] } {
  const doc = parseDocument(text, { uniqueKeys: true, strict: true, prettyErrors: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      diagnostics: doc.errors.map((e) => ({
        code: "deal_syntax" as const,
        message: e.message.split("\n")[0]!,
        severity: "error" as const,
        file,
        ...(e.linePos?.[0] ? { line: e.linePos[0].line, column: e.linePos[0].col } : {}),
      })),
    };
  }
  visit(doc, {
    Scalar(_key, node) {
      if ((typeof node.value === "number" || typeof node.value === "bigint") && node.source !== undefined) {
        node.value = node.source;
      }
    },
  });
  return { ok: true, value: doc.toJS({ maxAliasCount: 100 }) };
}

/** The stored document with one more item in a list (`transactions` or `rounds`). */
export function appendToDocument(canonical: string, list: "transactions" | "rounds", item: unknown): string {
  const document = JSON.parse(canonical) as Record<string, unknown>;
  const existing = Array.isArray(document[list]) ? (document[list] as unknown[]) : [];
  return canonicalJson({ ...document, [list]: [...existing, item] });
}

/** A stored document as a deal file: JSON (indented) or YAML. Either loads back to the same deal. */
export function exportDocument(canonical: string, format: "json" | "yaml"): string {
  const value = JSON.parse(canonical) as unknown;
  return format === "json" ? `${JSON.stringify(value, null, 2)}\n` : stringify(value, { lineWidth: 0 });
}
