import type { Ledger } from "../core/ledger/ledger.js";
import { ok, type Result } from "../core/shared/problem.js";
import type { Deal } from "../deal/build.js";
import { ledgerWithModelledRounds, type ModelledRoundNote, modelledRoundNote } from "../deal/close-round.js";

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
