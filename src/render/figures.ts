import { compactMoney, currencySymbol, type Money } from "../core/exact/money.js";
import { Rational } from "../core/exact/rational.js";
import type { CellValue, ChartUnit } from "./document.js";

/**
 * How a printed report writes a typed value (SPEC REP-2): money in the compact form
 * people read in a table ($830B, $1.2M) or exactly (to the cent, or every decimal of a
 * price); share counts grouped; fractions as percentages with two decimals, more when a
 * fraction is small but not zero so that it never reads as 0.00%.
 */
export function cellText(value: CellValue): string {
  switch (value.kind) {
    case "text":
      return value.text;
    case "money":
      return value.precision === "exact"
        ? exactMoneyText(value.value, 2)
        : value.precision === "price"
          ? priceText(value.value)
          : value.precision === "key"
            ? `${compactMoney(value.value)} (${exactMoneyText(value.value, 2)})`
            : compactMoney(value.value);
    case "shares":
      return groupedDecimal(value.value.toString());
    case "fraction":
      return percentText(value.value);
    case "number":
      return `${groupedDecimal(value.value.toFixed(value.places ?? 2))}${value.suffix ?? ""}`;
    case "date":
      return value.value;
    case "empty":
      return "";
  }
}

/**
 * Money exactly: grouped, with at least `minPlaces` decimals and at most `maxPlaces`
 * (a value whose decimals end before is written to its last digit; one that does not is
 * rounded half-even there, which only a price with a repeating expansion needs).
 */
export function exactMoneyText(value: Money, minPlaces: number, maxPlaces = minPlaces): string {
  const body = value.amount.abs().toDecimalString(maxPlaces);
  const [whole, fractional = ""] = body.split(".");
  const places = fractional.padEnd(minPlaces, "0");
  const text = `${groupedDecimal(whole!)}${places ? `.${places}` : ""}`;
  const sign = value.amount.isNegative() ? "-" : "";
  const symbol = currencySymbol(value.currency);
  return symbol ? `${sign}${symbol}${text}` : `${sign}${text} ${value.currency}`;
}

/**
 * A price per share: every decimal when there are at most ten, else ten followed by an
 * ellipsis (a repeating price such as a waterfall's common price; the workbook and the
 * JSON carry it to eighteen places).
 */
export function priceText(value: Money): string {
  const tenPlaces = value.amount.roundTo(10, "half_even");
  return tenPlaces.eq(value.amount) ? exactMoneyText(value, 2, 10) : `${exactMoneyText(value, 10, 10)}…`;
}

/** A percentage with two decimals, or two significant digits when smaller than 0.01%. */
export function percentText(value: Rational): string {
  const percent = value.mulInt(100n);
  if (!percent.isZero() && percent.abs().lt(Rational.of(1n, 100n))) {
    let places = 2;
    while (places < 18 && percent.abs().lt(Rational.of(1n, 10n ** BigInt(places - 1)))) places++;
    return `${percent.toFixed(places)}%`;
  }
  return `${percent.toFixed(2)}%`;
}

function groupedDecimal(text: string): string {
  const negative = text.startsWith("-");
  const [whole, fractional] = (negative ? text.slice(1) : text).split(".");
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${negative ? "-" : ""}${grouped}${fractional === undefined ? "" : `.${fractional}`}`;
}

/** An axis tick for a chart in its unit (a tick is a layout position, written compactly). */
export function axisText(value: Rational, unit: ChartUnit): string {
  switch (unit.kind) {
    case "money":
      return compactMoney({ kind: "money", currency: unit.currency, amount: value });
    case "fraction": {
      const percent = value.mulInt(100n);
      return `${percent.isInteger() ? percent.toFixed(0) : percent.toDecimalString(2)}%`;
    }
    case "shares":
    case "count":
      return compactCount(value);
  }
}

function compactCount(value: Rational): string {
  const abs = value.abs();
  for (const [scale, suffix] of [
    [10n ** 12n, "T"],
    [10n ** 9n, "B"],
    [10n ** 6n, "M"],
    [10n ** 3n, "K"],
  ] as const) {
    if (abs.gte(Rational.of(scale))) return `${value.div(Rational.of(scale)).toDecimalString(1)}${suffix}`;
  }
  return value.toDecimalString(2);
}

/**
 * The characters the embedded font (Inter, Latin subset) has no glyph for, written with
 * ones it has, so that no box is printed in place of an arrow or a comparison.
 */
export function printable(textValue: string): string {
  return textValue
    .replaceAll("→", "->")
    .replaceAll("≤", "<=")
    .replaceAll("≥", ">=")
    .replaceAll("≈", "~")
    .replaceAll("≠", "!=")
    .replaceAll("∞", "inf");
}
