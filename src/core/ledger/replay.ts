import type { IsoDate } from "../shared/date.js";
import type { ShareClassId } from "../shared/ids.js";
import { fail, ok, type Problem, problem, type Result } from "../shared/problem.js";
import { applyTransaction } from "./apply.js";
import { CapTable } from "./cap-table.js";
import type { Ledger } from "./ledger.js";
import type { Transaction } from "./transaction.js";

/**
 * Checks the class structure (CLS-1): every preferred class converts into a class that
 * exists, and following `convertsTo` never comes back to where it started.
 */
export function checkClassStructure(ledger: Ledger): Problem | undefined {
  const byId = new Map(ledger.classes.map((c) => [c.id, c]));
  for (const [index, start] of ledger.classes.entries()) {
    const seen: ShareClassId[] = [start.id];
    let current = start;
    while (current.convertsTo !== undefined) {
      const next = byId.get(current.convertsTo);
      if (!next) {
        return problem(
          "deal_unknown_reference",
          `share class "${current.id}" converts into unknown class "${current.convertsTo}"`,
          ["classes", ledger.classes.indexOf(current), "convertsTo"],
        );
      }
      if (seen.includes(next.id)) {
        return problem(
          "conversion_cycle",
          `share classes convert in a cycle: ${[...seen, next.id].join(" → ")}`,
          ["classes", index, "convertsTo"],
        );
      }
      seen.push(next.id);
      current = next;
    }
  }
  return undefined;
}

/** Transactions in the order they apply: by date, and in written order within a date (LED-5). */
export function orderedTransactions(transactions: readonly Transaction[]): Transaction[] {
  return transactions
    .map((tx, index) => ({ tx, index }))
    .sort((a, b) => (a.tx.date < b.tx.date ? -1 : a.tx.date > b.tx.date ? 1 : a.index - b.index))
    .map(({ tx }) => tx);
}

/** The cap table before any transaction: the declared records and pools' initial reserves. */
export function openingCapTable(ledger: Ledger): Result<CapTable> {
  const structure = checkClassStructure(ledger);
  if (structure) return { ok: false, problems: [structure] };
  const table = CapTable.empty(ledger.company);
  for (const s of ledger.stakeholders) table.stakeholders.set(s.id, s);
  for (const c of ledger.classes) table.classes.set(c.id, c);
  for (const v of ledger.vestingSchedules) table.vestingSchedules.set(v.id, v);
  for (const [index, p] of ledger.pools.entries()) {
    if (!table.classes.has(p.classId)) {
      return fail(
        "deal_unknown_reference",
        `option pool "${p.id}" names unknown share class "${p.classId}"`,
        ["pools", index, "class"],
      );
    }
    table.pools.set(p.id, {
      kind: "option_pool",
      id: p.id,
      name: p.name,
      classId: p.classId,
      reserved: p.initialReserved,
      available: p.initialReserved,
    });
  }
  return ok(table);
}

/**
 * Replays the ledger up to and including `asOf` (all of it when undefined) and returns
 * the cap table at that date, or the first transaction that cannot apply.
 */
export function replay(ledger: Ledger, asOf?: IsoDate): Result<CapTable> {
  const opening = openingCapTable(ledger);
  if (!opening.ok) return opening;
  const table = opening.value;
  for (const tx of orderedTransactions(ledger.transactions)) {
    if (asOf !== undefined && tx.date > asOf) break;
    const rejected = applyTransaction(table, tx);
    if (rejected) return { ok: false, problems: [rejected] };
  }
  table.assertInvariants();
  return ok(table);
}
