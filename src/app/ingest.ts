import * as z from "zod";
import { ingestOutputToJson } from "../core/ingest/claim-json.js";
import { ingest as readText } from "../core/ingest/ingest.js";
import type { IngestOutput } from "../core/ingest/types.js";
import { ok, type Result } from "../core/shared/problem.js";
import type { Deal } from "../deal/build.js";
import { knownNames } from "../deal/ingest-into-deal.js";
import { DateParam } from "./params.js";
import type { TextUseCase } from "./use-case.js";

export interface IngestInput {
  readonly lang: "fr" | "en" | "auto";
  readonly sourceDate?: string | undefined;
}

/**
 * A news report read into draft claims (the `ingest` use case's computation, for the faces
 * that run it in one call): with a deal, names are matched against its company and
 * stakeholders. The reader's own warnings and the text's are the result's warnings.
 */
export function readReport(text: string | Uint8Array, input: IngestInput, deal?: Deal): Result<IngestOutput> {
  const output = readText(text, {
    lang: input.lang,
    ...(input.sourceDate ? { sourceDate: input.sourceDate } : {}),
    ...(deal ? { knownStakeholders: knownNames(deal) } : {}),
  });
  if (!output.ok) return output;
  return ok(output.value, [...output.warnings, ...output.value.warnings]);
}

/**
 * The `ingest` use case (APP-1): a news report read into draft claims, each with the words
 * it rests on (ING-*). Its report is the reader's typed output (`IngestOutput`: claims,
 * conflicts, entities with their offsets, exact amounts), its JSON `ingestOutputToJson`
 * (ING-OUT-1). With a deal, names are matched against its company and stakeholders. The
 * reader's own warnings and the text's are the result's warnings.
 */
/** What a reading of a report takes: its language and publication date (ingest and ingest-into-deal). */
export const READING_FIELDS = {
  lang: z
    .enum(["fr", "en", "auto"])
    .default("auto")
    .meta({ description: "The report's language: fr, en, or auto (detected)." }),
  sourceDate: DateParam.optional().meta({ description: "The report's publication date (YYYY-MM-DD)." }),
};

export const ingest: TextUseCase<IngestInput, IngestOutput> = {
  name: "ingest",
  summary:
    "Reads a news report (French or English) and proposes draft claims, with the words they rest on; with a deal, names are matched against its stakeholders.",
  input: z.strictObject(READING_FIELDS),
  mode: "sync",
  on: "text",
  run(subject, input) {
    return readReport(subject.text, input, subject.deal);
  },
  json: ingestOutputToJson,
};
