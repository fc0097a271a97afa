import { Rational } from "./rational.js";

/** An ISO 4217 currency code, upper case ("USD", "EUR"). */
export type Currency = string & { readonly __brand: "Currency" };

const CURRENCY_PATTERN = /^[A-Z]{3}$/;

export function isCurrency(code: string): code is Currency {
  return CURRENCY_PATTERN.test(code);
}

export function currency(code: string): Currency {
  const upper = code.toUpperCase();
  if (!isCurrency(upper)) throw new RangeError(`not an ISO 4217 currency code: ${code}`);
  return upper;
}

/**
 * An exact amount of money in one currency. Amounts in different currencies never meet
 * except through an exchange rate the deal states (see `convert`).
 */
export interface Money {
  readonly kind: "money";
  readonly currency: Currency;
  readonly amount: Rational;
}

export function money(amount: Rational | bigint | number | string, code: Currency | string): Money {
  const value =
    amount instanceof Rational
      ? amount
      : typeof amount === "string"
        ? Rational.parse(amount)
        : Rational.of(amount);
  if (!value) throw new RangeError(`money: not a number: ${String(amount)}`);
  return { kind: "money", currency: typeof code === "string" ? currency(code) : code, amount: value };
}

export function zeroMoney(code: Currency): Money {
  return { kind: "money", currency: code, amount: Rational.ZERO };
}

function assertSameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) {
    // Validation converts every amount to one currency before arithmetic; reaching here is a bug.
    throw new Error(`currency mismatch: ${a.currency} and ${b.currency} met without an exchange rate`);
  }
}

export function addMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return { kind: "money", currency: a.currency, amount: a.amount.add(b.amount) };
}

export function subMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return { kind: "money", currency: a.currency, amount: a.amount.sub(b.amount) };
}

export function scaleMoney(a: Money, factor: Rational): Money {
  return { kind: "money", currency: a.currency, amount: a.amount.mul(factor) };
}

export function compareMoney(a: Money, b: Money): -1 | 0 | 1 {
  assertSameCurrency(a, b);
  return a.amount.cmp(b.amount);
}

export function sumMoney(values: readonly Money[], code: Currency): Money {
  let total = zeroMoney(code);
  for (const v of values) total = addMoney(total, v);
  return total;
}

/** A stated exchange rate: one unit of `from` is worth `rate` units of `to`. */
export interface ExchangeRate {
  readonly from: Currency;
  readonly to: Currency;
  readonly rate: Rational;
}

/**
 * Converts `value` into `target` using only the rates given: a direct rate, or the
 * inverse of the opposite rate. Returns undefined when the deal states no such rate.
 */
export function convert(value: Money, target: Currency, rates: readonly ExchangeRate[]): Money | undefined {
  if (value.currency === target) return value;
  const direct = rates.find((r) => r.from === value.currency && r.to === target);
  if (direct) return { kind: "money", currency: target, amount: value.amount.mul(direct.rate) };
  const inverse = rates.find((r) => r.from === target && r.to === value.currency);
  if (inverse) return { kind: "money", currency: target, amount: value.amount.div(inverse.rate) };
  return undefined;
}

const SYMBOLS: Readonly<Record<string, string>> = { USD: "$", EUR: "€", GBP: "£", JPY: "¥" };

/** The symbol people write a currency with, or "" when it has none here (CHF, SEK…). */
export function currencySymbol(code: string): string {
  return SYMBOLS[code] ?? "";
}

/**
 * Scales of the compact form: English K, M, B, T; French k, M, Md (milliard). French has no
 * trillion abbreviation people read safely ("Bn" is an English billion to the amount parser and
 * to most readers): past 10^12 French counts milliards, grouped ("1 460 Md$"), as the French
 * financial press writes "1 460 milliards de dollars".
 */
const COMPACT_SCALES: readonly { readonly unit: bigint; readonly en: string; readonly fr: string }[] = [
  { unit: 10n ** 12n, en: "T", fr: "" },
  { unit: 10n ** 9n, en: "B", fr: "Md" },
  { unit: 10n ** 6n, en: "M", fr: "M" },
  { unit: 10n ** 3n, en: "K", fr: "k" },
];

/** `abs` at COMPACT_SCALES[index] in three significant digits; past the end, to the cent. */
function compactDigits(abs: Rational, index: number): string {
  const scale = COMPACT_SCALES[index];
  if (!scale) {
    // Below a thousand: whole, or to the cent when there are cents ($950, $119.60, $0.25).
    const cents = abs.toFixed(2);
    return cents.endsWith(".00") ? cents.slice(0, -3) : cents;
  }
  const scaled = abs.divInt(scale.unit);
  const whole = scaled.toInteger("down").toString().length;
  const fixed = scaled.toFixed(Math.max(0, 3 - whole));
  return fixed.includes(".") ? fixed.replace(/\.?0+$/, "") : fixed;
}

/**
 * Money in the compact form a person reads in a table or a sentence (display only; the
 * exact value is one step away: `--exact`, the JSON, the workbook): three significant
 * digits and a scale, "$830B", "$1.2M", "$64.5K"; below a thousand, whole or to the cent
 * ("$950", "$119.60"). Rounded half-even from the exact value, never through a float; a
 * figure that rounds to 1,000 of its scale takes the next one ("$1M", not "$1000K"). In
 * French: "830 Md$", "1,2 M$", "119,60 £", and past 10^12 in milliards: "1 460 Md$". A currency without a symbol follows the number:
 * "300M CHF", "300 M CHF".
 */
export function compactMoney(value: Money, lang: "en" | "fr" = "en"): string {
  const abs = value.amount.abs();
  let index = COMPACT_SCALES.findIndex((s) => abs.gte(Rational.of(s.unit)));
  if (index === -1) index = COMPACT_SCALES.length;
  // One scale up when rounding makes it 1000: 999.996 is $1K, 999,960 is $1M.
  if (index > 0 && /^1000(\D|$)/.test(compactDigits(abs, index))) index -= 1;
  else if (index === COMPACT_SCALES.length && compactDigits(abs, index) === "1000") index -= 1;
  let digits = compactDigits(abs, index);
  if (lang === "fr" && index === 0) {
    // Three significant digits of trillions, written in milliards: "1.46" -> "1 460".
    const milliards = Rational.parse(digits)!.mulInt(1000n).toInteger("down").toString();
    digits = milliards.replace(/\B(?=(\d{3})+$)/g, " ");
    index = 1;
  }
  const sign = value.amount.isNegative() && /[1-9]/.test(digits) ? "-" : "";
  const symbol = currencySymbol(value.currency);
  const scale = COMPACT_SCALES[index]?.[lang] ?? "";
  if (lang === "fr")
    return `${sign}${digits.replace(".", ",")} ${scale}${symbol || `${scale ? " " : ""}${value.currency}`}`;
  return symbol ? `${sign}${symbol}${digits}${scale}` : `${sign}${digits}${scale} ${value.currency}`;
}
