import { compactMoney, currencySymbol, type Money } from "../core/exact/money.js";
import { Rational } from "../core/exact/rational.js";
import { frenchFixed } from "../report/fr.js";
import type { CellValue, ChartUnit, Language } from "./document.js";

/** The narrow no-break space French writes between digit groups and before a unit (as `fr-FR` does). */
const NARROW = "\u202f";

/**
 * How a printed report writes a typed value (SPEC REP-2): money in the compact form
 * people read in a table ($830B, $1.2M) or exactly (to the cent, or every decimal of a
 * price); share counts grouped; fractions as percentages with two decimals, more when a
 * fraction is small but not zero so that it never reads as 0.00%. In French (`lang` "fr"):
 * a decimal comma, groups and units after a narrow no-break space (830 Md$,
 * 775 000 000 000,00 $, 27,00 %), dates as the French CLI writes them (ISO).
 */
export function cellText(value: CellValue, lang: Language = "en"): string {
  switch (value.kind) {
    case "text":
      return value.text;
    case "money":
      return value.precision === "exact"
        ? exactMoneyText(value.value, 2, 2, lang)
        : value.precision === "price"
          ? priceText(value.value, lang)
          : value.precision === "key"
            ? `${compactMoney(value.value, lang)} (${exactMoneyText(value.value, 2, 2, lang)})`
            : compactMoney(value.value, lang);
    case "shares":
      return groupedDecimal(value.value.toString(), lang);
    case "fraction":
      return percentText(value.value, lang);
    case "number":
      return `${groupedDecimal(value.value.toFixed(value.places ?? 2), lang)}${value.suffix ?? ""}`;
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
export function exactMoneyText(
  value: Money,
  minPlaces: number,
  maxPlaces = minPlaces,
  lang: Language = "en",
): string {
  const body = value.amount.abs().toDecimalString(maxPlaces);
  const [whole, fractional = ""] = body.split(".");
  const places = fractional.padEnd(minPlaces, "0");
  const sign = value.amount.isNegative() ? "-" : "";
  const symbol = currencySymbol(value.currency);
  if (lang === "fr")
    return `${sign}${groupedDecimal(`${whole}${places ? `.${places}` : ""}`, "fr")}${NARROW}${symbol || value.currency}`;
  const text = `${groupedDecimal(whole!)}${places ? `.${places}` : ""}`;
  return symbol ? `${sign}${symbol}${text}` : `${sign}${text} ${value.currency}`;
}

/**
 * A price per share: every decimal when there are at most ten, else ten followed by an
 * ellipsis (a repeating price such as a waterfall's common price; the workbook and the
 * JSON carry it to eighteen places).
 */
export function priceText(value: Money, lang: Language = "en"): string {
  const tenPlaces = value.amount.roundTo(10, "half_even");
  if (tenPlaces.eq(value.amount)) return exactMoneyText(value, 2, 10, lang);
  const text = exactMoneyText(value, 10, 10, lang);
  // The ellipsis follows the last digit: "$0.1234567890…", "0,1234567890… $".
  return lang === "fr" ? text.replace(NARROW, `…${NARROW}`) : `${text}…`;
}

/** A percentage with two decimals, or two significant digits when smaller than 0.01%. */
export function percentText(value: Rational, lang: Language = "en"): string {
  const percent = value.mulInt(100n);
  let places = 2;
  if (!percent.isZero() && percent.abs().lt(Rational.of(1n, 100n)))
    while (places < 18 && percent.abs().lt(Rational.of(1n, 10n ** BigInt(places - 1)))) places++;
  return lang === "fr" ? `${frenchFixed(percent.toFixed(places))}${NARROW}%` : `${percent.toFixed(places)}%`;
}

function groupedDecimal(text: string, lang: Language = "en"): string {
  if (lang === "fr") return frenchFixed(text);
  const negative = text.startsWith("-");
  const [whole, fractional] = (negative ? text.slice(1) : text).split(".");
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${negative ? "-" : ""}${grouped}${fractional === undefined ? "" : `.${fractional}`}`;
}

/** An axis tick for a chart in its unit (a tick is a layout position, written compactly). */
export function axisText(value: Rational, unit: ChartUnit, lang: Language = "en"): string {
  switch (unit.kind) {
    case "money":
      return compactMoney({ kind: "money", currency: unit.currency, amount: value }, lang);
    case "fraction": {
      const percent = value.mulInt(100n);
      const digits = percent.isInteger() ? percent.toFixed(0) : percent.toDecimalString(2);
      return lang === "fr" ? `${frenchFixed(digits)}${NARROW}%` : `${digits}%`;
    }
    case "shares":
    case "count":
      return compactCount(value, lang);
  }
}

/**
 * A count on an axis: 1.5M, 20K; in French 1,5 M, 20 k, 3 Md (the scales `compactMoney`
 * writes, trillions in milliards).
 */
function compactCount(value: Rational, lang: Language): string {
  const abs = value.abs();
  const scales =
    lang === "fr"
      ? ([
          [10n ** 9n, "Md"],
          [10n ** 6n, "M"],
          [10n ** 3n, "k"],
        ] as const)
      : ([
          [10n ** 12n, "T"],
          [10n ** 9n, "B"],
          [10n ** 6n, "M"],
          [10n ** 3n, "K"],
        ] as const);
  for (const [scale, suffix] of scales) {
    if (abs.gte(Rational.of(scale))) {
      const digits = value.div(Rational.of(scale)).toDecimalString(1);
      return lang === "fr" ? `${frenchFixed(digits)}${NARROW}${suffix}` : `${digits}${suffix}`;
    }
  }
  return lang === "fr" ? frenchFixed(value.toDecimalString(2)) : value.toDecimalString(2);
}

/**
 * The characters the embedded font (Inter, Latin subset) has no glyph for, written with
 * ones it has, so that no box is printed in place of an arrow or a comparison. French's
 * narrow no-break space (between digit groups, before a unit) is printed as the no-break
 * space, which the font has: the figure still never breaks across lines.
 */
export function printable(textValue: string): string {
  return textValue
    .replaceAll(NARROW, "\u00a0")
    .replaceAll("→", "->")
    .replaceAll("≤", "<=")
    .replaceAll("≥", ">=")
    .replaceAll("≈", "~")
    .replaceAll("≠", "!=")
    .replaceAll("∞", "inf");
}
