import { allocate } from "../core/exact/allocate.js";
import type { Money } from "../core/exact/money.js";
import { Rational } from "../core/exact/rational.js";

/**
 * How numbers are written in reports (SPEC OUT-1, OUT-2). JSON carries amounts, prices
 * and fractions as decimal strings and share counts as integer strings. A value whose
 * decimal expansion ends within DECIMAL_PLACES digits is written exactly; others are
 * rounded half-even at DECIMAL_PLACES.
 */
export const DECIMAL_PLACES = 18;

export function decimal(value: Rational): string {
  return value.toDecimalString(DECIMAL_PLACES);
}

export function amount(value: Money): string {
  return value.amount.toDecimalString(DECIMAL_PLACES);
}

/**
 * Writes fractions that sum to exactly 1 so that their decimal strings also sum to
 * exactly 1 (OUT-2): they are rounded together to DECIMAL_PLACES by largest remainder.
 * Any set of fractions not summing to 1 is written one by one.
 */
export function fractionsSummingToOne(values: readonly Rational[]): string[] {
  const total = Rational.sum(values);
  if (!total.eq(Rational.ONE) || values.some((v) => v.isNegative())) return values.map(decimal);
  const units = 10n ** BigInt(DECIMAL_PLACES);
  return allocate(units, values).map((u) => Rational.of(u, units).toDecimalString(DECIMAL_PLACES));
}

/**
 * Writes amounts that sum exactly to `total` so that their decimal strings also do
 * (OUT-2): rounded together at DECIMAL_PLACES by largest remainder. When the total has
 * more places than that, or a value is negative, they are written one by one.
 */
export function decimalsSummingTo(values: readonly Rational[], total: Rational): string[] {
  const units = 10n ** BigInt(DECIMAL_PLACES);
  const scaledTotal = total.mulInt(units);
  if (
    !scaledTotal.isInteger() ||
    !Rational.sum(values).eq(total) ||
    values.some((v) => v.isNegative()) ||
    total.isZero()
  ) {
    return values.map(decimal);
  }
  return allocate(scaledTotal.num, values).map((u) => Rational.of(u, units).toDecimalString(DECIMAL_PLACES));
}

/** Percent text for tables (display only): "12.3457%". */
export function percent(value: Rational, places = 4): string {
  return `${value.mulInt(100n).toFixed(places)}%`;
}

/** A share count with thousands separators for tables: "1,234,567". */
export function groupedInteger(value: bigint): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString();
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return negative ? `-${grouped}` : grouped;
}

/** Money for tables: "$1,234,567.89" style with a fixed number of places (display only). */
export function moneyText(value: Money, places = 2): string {
  const fixed = value.amount.abs().toFixed(places);
  const [whole, frac] = fixed.split(".");
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const sign = value.amount.isNegative() ? "-" : "";
  const symbol =
    value.currency === "USD" ? "$" : value.currency === "EUR" ? "€" : value.currency === "GBP" ? "£" : "";
  const body = frac === undefined ? grouped : `${grouped}.${frac}`;
  return symbol ? `${sign}${symbol}${body}` : `${sign}${body} ${value.currency}`;
}
