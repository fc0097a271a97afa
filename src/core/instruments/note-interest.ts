import type { Money } from "../exact/money.js";
import { Rational } from "../exact/rational.js";
import type { ConvertibleNote } from "../ledger/security.js";
import { addMonths, daysBetween, type IsoDate } from "../shared/date.js";

const DAYS_PER_YEAR = 365n;

/**
 * Interest accrued on a note from its issue date to `asOf` (SPEC NOTE-2), exactly:
 * - simple: principal x rate x days / 365 (actual/365 day count);
 * - compound, n periods a year: whole periods compound at rate / n; the days of the
 *   last, partial period accrue simple interest on the compounded balance.
 * Interest stops at maturity only if the note says so; here it runs to `asOf`.
 */
export function accruedInterest(note: ConvertibleNote, asOf: IsoDate): Money {
  const principal = note.principal;
  if (asOf <= note.issueDate || note.interestRate.isZero()) {
    return { ...principal, amount: Rational.ZERO };
  }
  if (note.interest.method === "simple") {
    const days = BigInt(daysBetween(note.issueDate, asOf));
    return {
      ...principal,
      amount: principal.amount.mul(note.interestRate).mulInt(days).divInt(DAYS_PER_YEAR),
    };
  }
  // periodsPerYear is 1, 2, 4 or 12, so a period is a whole number of months.
  const monthsPerPeriod = 12 / note.interest.periodsPerYear;
  const periodRate = note.interestRate.divInt(BigInt(note.interest.periodsPerYear));
  let periods = 0;
  while (addMonths(note.issueDate, monthsPerPeriod * (periods + 1)) <= asOf) periods++;
  let balance = principal.amount;
  const growth = Rational.ONE.add(periodRate);
  for (let k = 0; k < periods; k++) balance = balance.mul(growth);
  const periodStart = addMonths(note.issueDate, monthsPerPeriod * periods);
  const stubDays = BigInt(daysBetween(periodStart, asOf));
  balance = balance.add(balance.mul(note.interestRate).mulInt(stubDays).divInt(DAYS_PER_YEAR));
  return { ...principal, amount: balance.sub(principal.amount) };
}

/** Principal plus accrued interest at `asOf`: what converts when interest converts (NOTE-1). */
export function noteBalance(note: ConvertibleNote, asOf: IsoDate): Money {
  const interest = accruedInterest(note, asOf);
  return { ...note.principal, amount: note.principal.amount.add(interest.amount) };
}
