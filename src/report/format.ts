import { allocate } from "../core/exact/allocate.js";
import { compactMoney, currencySymbol, type Money } from "../core/exact/money.js";
import { Rational } from "../core/exact/rational.js";
import { frenchFixed, frenchMoneyText, frenchPercent } from "./fr.js";

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
export function groupedInteger(value: bigint, options: TextOptions = {}): string {
  if (options.lang === "fr") return frenchFixed(value.toString());
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
  const symbol = currencySymbol(value.currency);
  const body = frac === undefined ? grouped : `${grouped}.${frac}`;
  return symbol ? `${sign}${symbol}${body}` : `${sign}${body} ${value.currency}`;
}

/**
 * How a text renderer writes what a person reads (APP-5): money compact ($830B, $1.2M)
 * unless `exact`, references by display name, with their ids when `ids`.
 */
export interface TextOptions {
  /** Money written to the cent (prices to their stated places) rather than compact. */
  readonly exact?: boolean;
  /** References written "Name [id]" rather than by name alone. */
  readonly ids?: boolean;
  /** The language of the words and the numbers (APP-9): French writes 830 Md$, 27,00 %, 1 234 567. */
  readonly lang?: "en" | "fr";
}

/** Money for a person or, with `exact`, to `places` (the cent by default). */
export function moneyFor(value: Money, options: TextOptions, places = 2): string {
  if (options.lang === "fr")
    return options.exact ? frenchMoneyText(value, places) : compactMoney(value, "fr");
  return options.exact ? moneyText(value, places) : compactMoney(value);
}

/** A price per share: to four places (trailing zeros beyond the cent dropped), or `places` with `exact`. */
export function priceFor(value: Money, options: TextOptions, places = 6): string {
  if (options.lang === "fr") {
    if (options.exact) return frenchMoneyText(value, places);
    // 77,5010 $ reads 77,501 $; 2,0000 $ reads 2,00 $.
    return frenchMoneyText(value, 4).replace(/(,\d\d\d*?)0+(?=\D*$)/, "$1");
  }
  if (options.exact) return moneyText(value, places);
  const text = moneyText(value, 4);
  // $77.5010 reads $77.501; $2.0000 reads $2.00: never fewer than the cents.
  return text.replace(/(\.\d\d\d*?)0+(?=\D*$)/, "$1");
}

/**
 * A fraction as a percentage with sensible precision (display only): two places
 * (27.00%, 3.25%), "<0.01%" for a positive value that would show as zero.
 */
export function percentText(value: Rational, options: TextOptions = {}): string {
  if (options.lang === "fr") return frenchPercent(value);
  if (value.isZero()) return "0%";
  const text = percent(value, 2);
  if (text === "0.00%" || text === "-0.00%") return value.isNegative() ? ">-0.01%" : "<0.01%";
  return text;
}

/** A reference by its display name, or "Name [id]" with `ids`. */
/** A word in the options' language: the English, or the French. */
export function say(options: TextOptions, en: string, fr: string): string {
  return options.lang === "fr" ? fr : en;
}

/** A scenario in words: "the base scenario", "le scénario de base" (one word per concept, issue 16). */
export function scenarioWords(name: string, options: TextOptions): string {
  if (options.lang !== "fr") return `the ${name} scenario`;
  return name === "base"
    ? "le scénario de base"
    : name === "low"
      ? "le scénario bas"
      : name === "high"
        ? "le scénario haut"
        : `le scénario « ${name} »`;
}

export function refText(
  ref: { readonly id: string; readonly name: string; readonly nameFr?: string },
  options: TextOptions,
): string {
  const name = options.lang === "fr" && ref.nameFr !== undefined ? ref.nameFr : ref.name;
  return options.ids && ref.id !== name ? `${name} [${ref.id}]` : name;
}

/**
 * Claims in words, grouped by their source: "Reuters: SoftBank, 2026 mega-round post-money
 * valuation", the deal's own stated terms (`terms:`) left out. A claim is named by what it
 * is about; its source once for all its claims.
 */
export function claimsBySource(
  claims: readonly {
    readonly id: string;
    readonly name: string;
    readonly nameFr?: string;
    readonly source?: { readonly id: string; readonly name: string };
  }[],
  lang: "en" | "fr" = "en",
): string[] {
  const groups = new Map<string, { source: string; about: string[] }>();
  for (const c of claims) {
    if (c.id.startsWith("terms:")) continue;
    const key = c.source?.id ?? "";
    const group = groups.get(key) ?? { source: c.source?.name ?? "", about: [] };
    const name = lang === "fr" ? (c.nameFr ?? c.name) : c.name;
    if (!group.about.includes(name)) group.about.push(name);
    groups.set(key, group);
  }
  return [...groups.values()].map((g) =>
    g.source ? `${g.source}${lang === "fr" ? " :" : ":"} ${g.about.join(", ")}` : g.about.join(", "),
  );
}
