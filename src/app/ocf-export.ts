import * as z from "zod";
import type { Ledger } from "../core/ledger/ledger.js";
import { inputForm } from "../core/shared/messages.js";
import { ok, type Problem, type Result } from "../core/shared/problem.js";
import type { Deal } from "../deal/build.js";
import { ledgerWithModelledRounds, type ModelledRoundNote, modelledRoundNote } from "../deal/close-round.js";
import { buildCheckedOcfPackage, type OcfExport, preservedOf } from "../interchange/ocf/index.js";
import { OcfImportInput, type OcfSchemaLocation } from "./ocf-import.js";

/** The ledger an OCF export writes, and what it says of the deal's modelled rounds (OCF-EXP-14). */
export interface ModelledRoundsForExport {
  readonly ledger: Ledger;
  /** Rounds still only modelled and left out of the package. */
  readonly notExported: readonly ModelledRoundNote[];
  /** Rounds still only modelled, written in as close-round would record them (`--include-modelled`). */
  readonly included: readonly ModelledRoundNote[];
}

/**
 * An OCF package holds the record: closed rounds are its transactions. A round still only
 * modelled is listed as not exported, or, asked for, written in as `close-round` would
 * record it, the pro forma as of its last closing (OCF-EXP-14). One place for the CLI and the API.
 */
export function modelledRoundsForExport(
  deal: Deal,
  includeModelled: boolean,
): Result<ModelledRoundsForExport> {
  if (!includeModelled)
    return ok({ ledger: deal.ledger, notExported: deal.rounds.map(modelledRoundNote), included: [] });
  const written = ledgerWithModelledRounds(deal.ledger, deal.rounds);
  if (!written.ok) return written;
  return ok({ ledger: written.value.ledger, notExported: [], included: written.value.rounds });
}

/** The lines the text output gives the modelled rounds. */
export function modelledRoundLines(value: ModelledRoundsForExport): string[] {
  return [
    ...value.notExported.map(
      (r) =>
        `not exported: round ${r.name} (${r.id}, ${r.date}) is only modelled, not closed; close it with \`roundtable close-round\`, or pass --include-modelled to write its pro forma as of its last closing (${r.lastClosing})`,
    ),
    ...value.included.map(
      (r) =>
        `included as modelled: round ${r.name} (${r.id}), its pro forma as of its last closing (${r.lastClosing}), recorded as close-round would record it`,
    ),
  ];
}

/** What `export-ocf` takes, from the CLI's flags or the API's query (docs/spec/ocf.md). */
export const OcfExportInput = z.strictObject({
  onInconsistency: OcfImportInput.shape.onInconsistency,
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, inputForm("country"))
    .optional()
    .meta({ description: "The issuer's country of formation, which OCF requires; kept from an import." }),
  includeModelled: z.boolean().default(false).meta({
    description: "Also write the rounds still only modelled, as close-round would record them (OCF-EXP-14).",
  }),
});
export type OcfExportInput = z.infer<typeof OcfExportInput>;

/** A package built and checked from a deal, and what it says of the deal's modelled rounds. */
export interface OcfExportResult extends OcfExport {
  readonly modelled: ModelledRoundsForExport;
}

/**
 * The outcome of an export; a failure says what it is about: the deal (what it kept from an
 * import, its modelled rounds) or the package that would have been written.
 */
export type OcfExportOutcome =
  | { readonly ok: true; readonly value: OcfExportResult; readonly warnings: readonly Problem[] }
  | { readonly ok: false; readonly problems: readonly Problem[]; readonly about: "deal" | "package" };

/** How an export is written beyond its input: its manifest's date (now by default) and the schemas. */
export interface OcfExportOptions extends OcfSchemaLocation {
  /** The manifest's generated_at: a stored version exports with its own date, the same bytes each time. */
  readonly generatedAt?: string;
}

function runOcfExport(deal: Deal, input: OcfExportInput, options: OcfExportOptions = {}): OcfExportOutcome {
  const kept = preservedOf(deal.document.ocfPreserved);
  if (!kept.ok) return { ok: false, problems: kept.problems, about: "deal" };
  // OCF-EXP-14: a round still only modelled is never dropped silently.
  const modelled = modelledRoundsForExport(deal, input.includeModelled);
  if (!modelled.ok) return { ok: false, problems: modelled.problems, about: "deal" };
  const checked = buildCheckedOcfPackage(modelled.value.ledger, kept.value, {
    onInconsistency: input.onInconsistency,
    ...(options.generatedAt ? { generatedAt: options.generatedAt } : {}),
    ...(input.country ? { issuer: { countryOfFormation: input.country } } : {}),
    ...(options.env ? { env: options.env } : {}),
    ...(options.schemaDir ? { schemaDir: options.schemaDir } : {}),
  });
  if (!checked.ok) return { ok: false, problems: checked.problems, about: "package" };
  return {
    ok: true,
    value: { ...checked.value, modelled: modelled.value },
    warnings: checked.value.warnings,
  };
}

/** What an export wrote, as `export-ocf --format json` prints it. */
function ocfExportJson(result: OcfExportResult, out: string) {
  const r = result.report;
  return {
    out,
    written: r.written,
    validation: result.validation,
    kept: r.kept,
    generated: r.generated,
    omitted: r.omitted,
    dropped: r.dropped,
    notExported: result.modelled.notExported,
    includedModelled: result.modelled.included,
  };
}

/**
 * The `export-ocf` use case (APP-1): a deal's ledger as an Open Cap Format package, built and
 * checked as an import would check it (OCF-EXP-11); the face writes it (a folder, a .zip, a
 * download). One place for `roundtable export-ocf` and the API's OCF download.
 */
export const ocfExport = {
  name: "export-ocf",
  summary:
    "Writes a deal's ledger as a valid Open Cap Format package, with its manifest and file hashes; rounds still only modelled are listed, or written in as close-round would record them.",
  input: OcfExportInput,
  run: runOcfExport,
  json: ocfExportJson,
};
