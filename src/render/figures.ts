import { formatMoneyShort, type Money } from "../core/exact/money.js";
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
          ? exactMoneyText(value.value, 2, 18)
          : compactMoneyText(value.value);
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

/** "$830B", "$1.2M", "€2.5K", "$950": three significant digits at most past the scale. */
export function compactMoneyText(value: Money): string {
  const abs = value.amount.abs();
  const digits = abs.gte(Rational.of(1000n)) && abs.lt(Rational.of(10n ** 15n)) ? compactDigits(abs) : 2;
  return formatMoneyShort(value, digits);
}

/** Decimal places after the scale so that the figure has three significant digits: 1.25B, 12.5B, 125B. */
function compactDigits(abs: Rational): number {
  for (const scale of [10n ** 12n, 10n ** 9n, 10n ** 6n, 10n ** 3n]) {
    if (abs.gte(Rational.of(scale))) {
      const scaled = abs.div(Rational.of(scale));
      return scaled.gte(Rational.of(100n)) ? 0 : scaled.gte(Rational.of(10n)) ? 1 : 2;
    }
  }
  return 2;
}

const SYMBOLS: Readonly<Record<string, string>> = { USD: "$", EUR: "€", GBP: "£", JPY: "¥" };

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
  const symbol = SYMBOLS[value.currency];
  return symbol ? `${sign}${symbol}${text}` : `${sign}${text} ${value.currency}`;
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
      return compactMoneyText({ kind: "money", currency: unit.currency, amount: value });
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
