import { applyTransaction } from "../ledger/apply.js";
import type { CapTable } from "../ledger/cap-table.js";
import type { Ledger } from "../ledger/ledger.js";
import { openingCapTable, orderedTransactions } from "../ledger/replay.js";
import type { Transaction } from "../ledger/transaction.js";
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
 * pro forma. With `asOf`, stops after that date; with `untilRound`, after that round (its
 * pro forma, every closing included); with `beforeRound`, just before that round (its
 * date's transactions applied).
 *
 * A round's investments close on their closings' dates (CLOSE-1, CLOSE-2): its price,
 * conversions, pool increase and first-closing issuances apply at the round's date, and
 * the issuances of each later closing join the ledger's transactions at their own date
 * (before the ledger's transactions of that date, so that they may already be moved).
 * A view dated between two closings thus counts only the closings done by then.
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
  // Later closings' issuances, in date order (stable within a date).
  let laterClosings: Transaction[] = [];
  const applyUntil = (date: IsoDate | undefined): Problem | undefined => {
    for (;;) {
      const ledgerTx = transactions[next];
      const closingTx = laterClosings[0];
      const tx =
        closingTx !== undefined && (ledgerTx === undefined || closingTx.date <= ledgerTx.date)
          ? closingTx
          : ledgerTx;
      if (tx === undefined || (date !== undefined && tx.date > date)) return undefined;
      const rejected = applyTransaction(table, tx);
      if (rejected) return rejected;
      if (tx === closingTx) laterClosings = laterClosings.slice(1);
      else next++;
    }
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
    if (options.untilRound !== undefined && round.id === options.untilRound) {
      const proForma = outcome.value.after.clone();
      proForma.assertInvariants();
      return ok({ rounds: outcomes, final: proForma }, warnings);
    }
    const later = outcome.value.transactions.filter((tx) => tx.date > round.date);
    if (later.length === 0) {
      table = outcome.value.after.clone();
    } else {
      table = atFirstClosing(outcome.value);
      laterClosings = [...laterClosings, ...later].sort((a, b) =>
        a.date < b.date ? -1 : a.date > b.date ? 1 : 0,
      );
    }
  }
  const rejected = applyUntil(options.asOf);
  if (rejected) return { ok: false, problems: [rejected] };
  table.assertInvariants();
  return ok({ rounds: outcomes, final: table }, warnings);
}

/**
 * The cap table of a round at its first closing: the table before it with the round's
 * class as the pro forma has it, and the round's transactions dated on the round's date.
 * Every transaction applied to the pro forma, so applying a subset in the same order is
 * a replay of that pro forma's prefix.
 */
function atFirstClosing(outcome: RoundOutcome): CapTable {
  const table = outcome.before.clone();
  // The round's new class and its shadow series, as the pro forma has them.
  for (const [id, shareClass] of outcome.after.classes)
    if (!table.classes.has(id)) table.classes.set(id, shareClass);
  for (const tx of outcome.transactions) {
    if (tx.date > outcome.terms.date) continue;
    const rejected = applyTransaction(table, tx);
    if (rejected)
      throw new Error(`a round's first-closing transaction ${tx.id} failed to apply: ${rejected.message}`);
  }
  return table;
}
