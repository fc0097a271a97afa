import { currency as currencyOf, type Money } from "../../core/exact/money.js";
import { Rational } from "../../core/exact/rational.js";
import type { IsoDate } from "../../core/shared/date.js";
import type { Deal } from "../../deal/build.js";

/**
 * Readers for the decimal strings of today's report objects (src/report), used only by
 * the one bridge function of each report (`…FiguresOf`). When the application layer
 * returns exact values, the bridges read them directly and this file goes away. A string
 * that does not read is a bug in the report that wrote it: it throws.
 */
export function exact(text: string): Rational {
  const value = Rational.parse(text);
  if (value === undefined) throw new Error(`report bridge: "${text}" is not a decimal`);
  return value;
}

export function exactOrNull(text: string | null | undefined): Rational | null {
  return text === null || text === undefined ? null : exact(text);
}

export function moneyIn(code: string): (text: string) => Money {
  const c = currencyOf(code);
  return (text) => ({ kind: "money", currency: c, amount: exact(text) });
}

export function count(text: string): bigint {
  if (!/^-?\d+$/.test(text)) throw new Error(`report bridge: "${text}" is not a whole number`);
  return BigInt(text);
}

/**
 * The date of a report that has none of its own (claims, scenarios, a simulation): the
 * deal's last dated event, as the cap table without --as-of takes it — never the clock
 * (OUT-3).
 */
export function lastEventDate(deal: Deal): IsoDate {
  const dates = [
    ...deal.ledger.transactions.map((t) => t.date),
    ...deal.rounds.flatMap((r) => [r.date, ...r.closings.map((c) => c.date)]),
  ];
  return dates.reduce(
    (a, b) => (a > b ? a : b),
    deal.ledger.company.formationDate ?? ("1970-01-01" as IsoDate),
  );
}

/**
 * Today's reports do not say a quantity's unit: the round's amounts are named so in their
 * ids (investments, size, valuation). The application layer will carry the unit.
 */
export function isMoneyQuantity(id: string): boolean {
  return id.includes("/investment:") || id.endsWith("/size") || id.includes("/valuation:");
}
