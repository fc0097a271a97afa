import * as z from "zod";
import { type DealDraft, type DraftSourceInfo, toDealDraft } from "../core/ingest/deal-draft.js";
import type { IngestOutput } from "../core/ingest/types.js";
import { fail, ok, type Problem, type Result } from "../core/shared/problem.js";
import type { Deal } from "../deal/build.js";
import type { Diagnostic } from "../deal/diagnostics.js";
import { appendToDealText } from "../deal/edit.js";
import { type IngestedEntries, ingestionForDeal } from "../deal/ingest-into-deal.js";
import { loadDeal } from "../deal/load.js";
import { type IngestInput, READING_FIELDS, readReport } from "./ingest.js";
import type { TextUseCase } from "./use-case.js";

export interface IngestIntoDealInput extends IngestInput {
  /** The round the claims are about; the deal's last when absent. */
  readonly round?: string | undefined;
  /** The new source's id; from the title when absent. */
  readonly sourceId?: string | undefined;
  readonly title?: string | undefined;
  readonly publisher?: string | undefined;
  readonly url?: string | undefined;
  /**
   * A source id the deal already has: `fail` (`deal_duplicate_id` at `sourceId`, as the CLI
   * and the API answer) or `next` (the id with -2, -3, …, as the web app proposes it).
   */
  readonly takenSourceId?: "fail" | "next" | undefined;
}

/** What a report adds to a deal: its new source, the claims about the round, and what was left out. */
export interface DealAddition {
  readonly draft: DealDraft;
  readonly entries: IngestedEntries;
}

/**
 * A report read against a deal (SPEC DEAL-6): the reading (the `ingest` report), and what
 * it adds to the deal. The reading stands even when the deal refuses the addition (a round
 * it does not have, a source id it already has), so that a face shows the reading's
 * warnings before the refusal: `addition` is that refusal or the addition.
 */
export interface IngestIntoDealReport {
  readonly reading: IngestOutput;
  readonly addition: Result<DealAddition>;
}

/** A source id not yet taken: the wanted one, or it with -2, -3, … */
function freeSourceId(wanted: string, taken: ReadonlySet<string>): string {
  if (!taken.has(wanted)) return wanted;
  for (let n = 2; ; n++) if (!taken.has(`${wanted}-${n}`)) return `${wanted}-${n}`;
}

/**
 * Reads a report and proposes what it adds to the deal: one new source with a claim for
 * each figure about the deal's round (`ingestionForDeal`, SPEC DEAL-6). A report that
 * cannot be read fails; the reading's warnings are the result's.
 */
export function ingestIntoDealOf(
  text: string | Uint8Array,
  deal: Deal,
  input: IngestIntoDealInput,
): Result<IngestIntoDealReport> {
  const read = readReport(text, input, deal);
  if (!read.ok) return read;
  const info: DraftSourceInfo = {
    ...(input.title ? { title: input.title } : {}),
    ...(input.publisher ? { publisher: input.publisher } : {}),
    ...(input.url ? { url: input.url } : {}),
    ...(input.sourceDate ? { publicationDate: input.sourceDate } : {}),
  };
  let id = input.sourceId;
  if (input.takenSourceId === "next") {
    // The id the draft takes (given, or from the title); a taken one moves on to the next free.
    const wanted = toDealDraft(read.value, { ...info, ...(id ? { id } : {}) }).source.id;
    id = freeSourceId(wanted, new Set(deal.document.sources.map((s) => s.id)));
  }
  const addition = ingestionForDeal(read.value, deal, {
    round: input.round,
    source: { ...info, ...(id ? { id } : {}) },
  });
  return ok({ reading: read.value, addition }, read.warnings);
}

/** A deal file's text with a report's addition, or why it could not be made. */
export type DealTextEdit =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly problems: readonly Problem[]; readonly diagnostics?: undefined }
  | { readonly ok: false; readonly problems?: undefined; readonly diagnostics: readonly Diagnostic[] };

/**
 * Adds what a report proposes to a deal file's text (`roundtable ingest --deal --write`):
 * the source and its claims appended, nothing else changed. The edited deal must load
 * before a face writes it: its load diagnostics otherwise; a text that cannot be edited is
 * a `deal_syntax` problem.
 */
export function dealTextWithAddition(text: string, fileName: string, entries: IngestedEntries): DealTextEdit {
  const edited = appendToDealText(text, { sources: [entries.source], claims: entries.claims });
  if (!edited.ok) return fail("deal_syntax", `cannot edit the deal file: ${edited.error}`);
  const check = loadDeal(edited.text, fileName);
  if (!check.ok) return { ok: false, diagnostics: check.diagnostics };
  return { ok: true, text: edited.text };
}

/**
 * The `ingest` use case with a deal to add to (APP-1, SPEC DEAL-6): the report read, its
 * names matched against the deal, and the source and claims it adds to the deal's round.
 * Its JSON is the reading's (`ingest`'s) with what the deal gains.
 */
export const ingestIntoDeal = {
  name: "ingest-into-deal",
  summary:
    "Reads a news report against a deal and proposes what it adds: one new source, with a claim for each figure about the deal's round.",
  input: z.strictObject({
    ...READING_FIELDS,
    round: z
      .string()
      .optional()
      .meta({ description: "The round the claims are about (default: the deal's last)." }),
    sourceId: z.string().optional().meta({ description: "The new source's id (default: from the title)." }),
    title: z.string().optional().meta({ description: "The report's title, for the source." }),
    publisher: z.string().optional().meta({ description: "The report's publisher, for the source." }),
    url: z.string().optional().meta({ description: "The report's address, for the source." }),
    takenSourceId: z
      .enum(["fail", "next"])
      .optional()
      .meta({ description: "A source id the deal already has: fail, or take the next free (-2, -3, …)." }),
  }),
  mode: "sync",
  on: "text",
  run(subject, input) {
    if (!subject.deal) return fail("usage", "a report is added to a deal: give the deal");
    return ingestIntoDealOf(subject.text, subject.deal, input);
  },
  json(report) {
    const a = report.addition;
    return a.ok
      ? {
          source: a.value.draft.source.id,
          claims: a.value.entries.claims,
          skipped: a.value.entries.skipped,
          newStakeholders: a.value.draft.newStakeholders,
        }
      : { problems: a.problems };
  },
} satisfies TextUseCase<IngestIntoDealInput, IngestIntoDealReport>;
