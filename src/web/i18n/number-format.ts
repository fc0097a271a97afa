import type { Money } from "../../core/exact/money.js";
import { Rational } from "../../core/exact/rational.js";
import { divideRounded } from "../../core/exact/rounding.js";

/**
 * Number formats of the interface, written from exact values (Rational, bigint, decimal
 * strings), never through a binary float: the digits shown are the exact value rounded
 * half-even at the places asked for. English writes `1,234.5` and `$100B`; French writes
 * `1 234,5` (a narrow no-break space groups thousands) and `100 Md$`.
 */
export type Locale = "en" | "fr";

export const LOCALES: readonly Locale[] = ["en", "fr"];

/** The French thousands separator: U+202F NARROW NO-BREAK SPACE, as CLDR and Intl write it. */
const FRENCH_GROUP = "\u202f";
/** The space between a French number and its unit or % sign: U+00A0 NO-BREAK SPACE. */
const FRENCH_UNIT_SPACE = "\u00a0";

interface Separators {
  readonly group: string;
  readonly decimal: string;
}

const SEPARATORS: Record<Locale, Separators> = {
  en: { group: ",", decimal: "." },
  fr: { group: FRENCH_GROUP, decimal: "," },
};

function groupDigits(digits: string, group: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, group);
}

/** Re-writes a plain decimal text ("-1234.50") with the locale's marks ("-1,234.50" / "-1 234,50"). */
export function localizeDecimalText(text: string, locale: Locale): string {
  const negative = text.startsWith("-");
  const body = negative ? text.slice(1) : text;
  const [whole, fraction] = body.split(".");
  const { group, decimal } = SEPARATORS[locale];
  const grouped = groupDigits(whole ?? "0", group);
  const out = fraction === undefined ? grouped : `${grouped}${decimal}${fraction}`;
  return negative ? `-${out}` : out;
}

/** A share count: "1,234,567" / "1 234 567". */
export function formatInteger(value: bigint, locale: Locale): string {
  return localizeDecimalText(value.toString(), locale);
}

/** An exact number with exactly `places` decimals. */
export function formatFixed(value: Rational, places: number, locale: Locale): string {
  return localizeDecimalText(value.toFixed(places, "half_even"), locale);
}

/** An exact number with at most `maxPlaces` decimals, trailing zeros dropped. */
export function formatDecimal(value: Rational, maxPlaces: number, locale: Locale): string {
  return localizeDecimalText(value.toDecimalString(maxPlaces), locale);
}

/** A fraction (0 to 1) as a percentage: "12.3457%" / "12,3457 %". */
export function formatPercent(fraction: Rational, places: number, locale: Locale): string {
  const number = formatFixed(fraction.mulInt(100n), places, locale);
  return locale === "fr" ? `${number}${FRENCH_UNIT_SPACE}%` : `${number}%`;
}

/**
 * `numerator / denominator` as a percentage with exactly `places` decimals, rounded
 * half-even, from integers alone (no fraction reduced): the fast path for tables of
 * shares over a total. Equal to formatPercent of the same fraction. A zero denominator
 * reads as 0%.
 */
export function formatRatioPercent(
  numerator: bigint,
  denominator: bigint,
  places: number,
  locale: Locale,
): string {
  if (denominator === 0n) return formatPercent(Rational.ZERO, places, locale);
  const negative = numerator < 0n !== denominator < 0n && numerator !== 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const scaled = divideRounded(n * 10n ** BigInt(places + 2), d, "half_even");
  const digits = scaled.toString().padStart(places + 1, "0");
  const whole = digits.slice(0, digits.length - places);
  const fraction = digits.slice(digits.length - places);
  const text = places > 0 ? `${whole}.${fraction}` : whole;
  const signed = negative && scaled !== 0n ? `-${text}` : text;
  const number = localizeDecimalText(signed, locale);
  return locale === "fr" ? `${number}${FRENCH_UNIT_SPACE}%` : `${number}%`;
}

const SIGNS: Record<string, string> = { USD: "$", EUR: "€", GBP: "£", JPY: "¥" };

/** A full amount: "$1,234,567.89" / "1 234 567,89 $"; "CHF 12.50" / "12,50 CHF". */
export function formatMoney(value: Money, places: number, locale: Locale): string {
  const number = formatFixed(value.amount, places, locale);
  const sign = SIGNS[value.currency];
  if (locale === "fr") return `${number}${FRENCH_UNIT_SPACE}${sign ?? value.currency}`;
  if (!sign) return `${value.currency}${FRENCH_UNIT_SPACE}${number}`;
  return number.startsWith("-") ? `-${sign}${number.slice(1)}` : `${sign}${number}`;
}

interface Scale {
  readonly power: bigint;
  readonly en: string;
  readonly fr: string;
}

/**
 * Short scales of the input form: English K, M, B, T; French k, M, Md (milliard); 10^12
 * stays "000 Md" in French, which the amount parser reads back (see formatMoneyForInput).
 */
const SCALES: readonly Scale[] = [
  { power: 10n ** 12n, en: "T", fr: "" },
  { power: 10n ** 9n, en: "B", fr: "Md" },
  { power: 10n ** 6n, en: "M", fr: "M" },
  { power: 10n ** 3n, en: "K", fr: "k" },
];

function shortScale(abs: Rational, locale: Locale): { scaled: Rational; suffix: string } {
  for (const scale of SCALES) {
    const label = scale[locale];
    if (label !== "" && abs.gte(Rational.of(scale.power))) {
      return { scaled: abs.div(Rational.of(scale.power)), suffix: label };
    }
  }
  return { scaled: abs, suffix: "" };
}

/**
 * A short amount written into a typed field or offered as an example of what to type, that
 * the amount parser reads back (parseAmount): "$100B", "$1.25B" / "100 Md$", "1,25 Md$"; at
 * most `maxPlaces` decimals after scaling (rounded half-even), so the text is exact whenever
 * the scaled value has no more decimals than that. Only for input: an amount a person reads
 * in a table, a sentence or a chart is the core's `compactMoney` (issue 16). The French
 * scales are compactMoney's (k, M, Md) up to the milliards; from 10^12 this form keeps
 * milliards ("1 460 Md$") where compactMoney writes "1,46 Bn$", because the amount parser
 * reads "Bn" as the English "bn", a milliard: "1,46 Bn$" typed back would be 1.46 × 10^9.
 */
export function formatMoneyForInput(value: Money, locale: Locale, maxPlaces = 2): string {
  const { scaled, suffix } = shortScale(value.amount.abs(), locale);
  // "$1,250T" would read back as 1.25T (a single comma before a scale word is a decimal
  // comma, SPEC AMT-2), so English scaled amounts are not grouped; French groups with
  // spaces, which always group.
  const number =
    locale === "en" && suffix !== ""
      ? scaled.toDecimalString(maxPlaces)
      : formatDecimal(scaled, maxPlaces, locale);
  const negative = value.amount.isNegative() ? "-" : "";
  const sign = SIGNS[value.currency];
  if (locale === "fr") {
    const unit = sign ? `${suffix}${sign}` : `${suffix}${suffix ? FRENCH_UNIT_SPACE : ""}${value.currency}`;
    return `${negative}${number}${FRENCH_UNIT_SPACE}${unit}`;
  }
  if (!sign) return `${negative}${value.currency}${FRENCH_UNIT_SPACE}${number}${suffix}`;
  return `${negative}${sign}${number}${suffix}`;
}

/**
 * The shortest exact short form: as few decimals as possible (up to 6) so that the text
 * reads back as exactly `value`; used to fill typed fields with a value that round-trips.
 * Falls back to the full amount with every decimal the value has.
 */
export function formatMoneyExactShort(value: Money, locale: Locale): string {
  const { scaled, suffix } = shortScale(value.amount.abs(), locale);
  for (let places = 0; places <= 6; places++) {
    if (!scaled.mulInt(10n ** BigInt(places)).isInteger()) continue;
    // The amount parser reads "0,001" (one comma, three digits, no scale word) as English
    // thousands (SPEC AMT-2); a fourth decimal keeps the French decimal comma unambiguous.
    if (locale === "fr" && places === 3 && suffix === "") return formatMoney(value, 4, locale);
    return formatMoneyForInput(value, locale, places);
  }
  const places = value.amount.isTerminatingDecimal()
    ? (value.amount.toDecimalString(18).split(".")[1]?.length ?? 0)
    : 18;
  return formatMoney(value, places, locale);
}
