/**
 * Reading a sentence written for a test through the ingester, and writing each proposed
 * claim in one line a test can compare (the real-report pattern tests of issue 18).
 */
import { type ClaimJson, ingestOutputToJson } from "../../src/core/ingest/claim-json.js";
import { ingest } from "../../src/core/ingest/ingest.js";
import type { IngestOutput } from "../../src/core/ingest/types.js";

/** The ingester's output on `text`, the language told from it; a refusal throws with its messages. */
export function read(text: string, sourceDate?: string): IngestOutput {
  const r = ingest(text, sourceDate ? { lang: "auto", sourceDate } : { lang: "auto" });
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join("; "));
  return r.value;
}

/** The claims proposed for `text`, as the CLI's JSON writes them. */
export function claims(text: string, sourceDate?: string): ClaimJson[] {
  return ingestOutputToJson(read(text, sourceDate)).claims;
}

/** kind, company ← investors, hedge and figure, in one line. */
export function brief(c: ClaimJson): string {
  const who =
    c.counterparty === null ? "-" : Array.isArray(c.counterparty) ? c.counterparty.join("+") : c.counterparty;
  const a = c.amount;
  const figure = a ? `${c.qualifier} ${a.point ?? a.min ?? a.max} ${a.currency}` : "-";
  return `${c.kind} ${c.subject} <- ${who} ${figure}`;
}

/** Every claim of `text` in one line each. */
export const briefs = (text: string): string[] => claims(text).map(brief);

/** The companies raising money that the claims of `text` name, each once. */
export const subjects = (text: string): (string | null)[] => [...new Set(claims(text).map((c) => c.subject))];

/** The names of the entities the ingester found in `text`. */
export function entityNames(text: string): string[] {
  return read(text).entities.map((e) => e.name);
}
