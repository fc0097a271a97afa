import { applyTransaction } from "../ledger/apply.js";
import type { CapTable } from "../ledger/cap-table.js";
import type { Ledger } from "../ledger/ledger.js";
import { openingCapTable, orderedTransactions } from "../ledger/replay.js";
import type { IsoDate } from "../shared/date.js";
import type { RoundId } from "../shared/ids.js";
import { ok, type Problem, type Result } from "../shared/problem.js";
import { priceRound, type RoundOutcome } from "./price-round.js";
import type { RoundTerms } from "./terms.js";

export interface DealRun {
  /** Each round priced on the cap table just before it, in date order. */
  readonly rounds: readonly RoundOutcome[];
  /** The cap table after every transaction and round up to `asOf` (or all of them). */
  readonly final: CapTable;
}

/**
 * Runs a deal's ledger and rounds in date order (SPEC TL-1): a round is priced on the
 * cap table after every transaction dated on or before its date, so rounds build on the
 * pro forma of the ones before; ledger transactions dated after a round apply to its
 * pro forma. With `asOf`, stops after that date; with `untilRound`, after that round;
 * with `beforeRound`, just before that round (its date's transactions applied).
 */
export function runDeal(
  ledger: Ledger,
  rounds: readonly RoundTerms[],
  options: { readonly asOf?: IsoDate; readonly untilRound?: RoundId; readonly beforeRound?: RoundId } = {},
): Result<DealRun> {
  const opening = openingCapTable(ledger);
  if (!opening.ok) return opening;
  let table = opening.value;
  const transactions = orderedTransactions(ledger.transactions);
  const ordered = [...rounds].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const outcomes: RoundOutcome[] = [];
  const warnings: Problem[] = [];
  let next = 0;
  const applyUntil = (date: IsoDate | undefined): Problem | undefined => {
    while (next < transactions.length) {
      const tx = transactions[next]!;
      if (date !== undefined && tx.date > date) break;
      const rejected = applyTransaction(table, tx);
      if (rejected) return rejected;
      next++;
    }
    return undefined;
  };
  for (const round of ordered) {
    if (options.asOf !== undefined && round.date > options.asOf) break;
    const rejected = applyUntil(round.date);
    if (rejected) return { ok: false, problems: [rejected] };
    if (options.beforeRound !== undefined && round.id === options.beforeRound) {
      table.assertInvariants();
      return ok({ rounds: outcomes, final: table }, warnings);
    }
    const outcome = priceRound(table, round);
    if (!outcome.ok) return outcome;
    warnings.push(...outcome.warnings);
    outcomes.push(outcome.value);
    table = outcome.value.after.clone();
    if (options.untilRound !== undefined && round.id === options.untilRound) {
      table.assertInvariants();
      return ok({ rounds: outcomes, final: table }, warnings);
    }
  }
  const rejected = applyUntil(options.asOf);
  if (rejected) return { ok: false, problems: [rejected] };
  table.assertInvariants();
  return ok({ rounds: outcomes, final: table }, warnings);
}
