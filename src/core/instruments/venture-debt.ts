import { allocateExact } from "../exact/allocate.js";
import type { Money } from "../exact/money.js";
import { Rational } from "../exact/rational.js";
import type { VentureDebt } from "../ledger/security.js";
import { daysBetween, type IsoDate } from "../shared/date.js";
import type { SecurityId, StakeholderId } from "../shared/ids.js";

const DAYS_PER_YEAR = 365n;

/**
 * What venture debt is owed at `asOf` (DEBT-3): its principal, its final payment (a fraction
 * of principal), and, when its interest accrues rather than being paid as it falls due,
 * simple interest from the loan date on an actual/365 day count (as NOTE-2).
 */
export function debtOwed(debt: VentureDebt, asOf: IsoDate): Money {
  const principal = debt.principal.amount;
  let owed = principal.add(principal.mul(debt.finalPayment));
  if (debt.interest === "accrued" && asOf > debt.issueDate) {
    const days = BigInt(daysBetween(debt.issueDate, asOf));
    owed = owed.add(principal.mul(debt.interestRate).mulInt(days).divInt(DAYS_PER_YEAR));
  }
  return { ...debt.principal, amount: owed };
}

/** One debt at an exit: what it is owed and what it is repaid. */
export interface DebtRepaid {
  readonly security: SecurityId;
  readonly holder: StakeholderId;
  readonly seniority: number;
  readonly owed: Rational;
  readonly repaid: Rational;
}

/**
 * Shares `available` among debts (DEBT-3): higher seniority first, each level in full before
 * the next; within a level, pro rata to what each is owed (exact, EXACT-3's allocateExact).
 */
export function repayDebts(
  debts: readonly {
    readonly security: SecurityId;
    readonly holder: StakeholderId;
    readonly seniority: number;
    readonly owed: Rational;
  }[],
  available: Rational,
): DebtRepaid[] {
  const levels = [...new Set(debts.map((d) => d.seniority))].sort((a, b) => b - a);
  const repaid = new Map<SecurityId, Rational>();
  let left = Rational.max(available, Rational.ZERO);
  for (const level of levels) {
    const at = debts.filter((d) => d.seniority === level);
    const owed = Rational.sum(at.map((d) => d.owed));
    const paid = Rational.min(owed, left);
    left = left.sub(paid);
    const parts = allocateExact(
      paid,
      at.map((d) => d.owed),
    );
    for (const [i, d] of at.entries()) repaid.set(d.security, parts[i]!);
  }
  return debts.map((d) => ({ ...d, repaid: repaid.get(d.security) ?? Rational.ZERO }));
}
