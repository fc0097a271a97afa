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

const SYMBOLS: Record<string, string> = { USD: "$", EUR: "€", GBP: "£", JPY: "¥" };

/** Short human form for tables: "$1.25B", "€2.5M", "CHF 300K". Display only. */
export function formatMoneyShort(value: Money, digits = 2): string {
  const abs = value.amount.abs();
  const scales: [Rational, string][] = [
    [Rational.of(10n ** 12n), "T"],
    [Rational.of(10n ** 9n), "B"],
    [Rational.of(10n ** 6n), "M"],
    [Rational.of(10n ** 3n), "K"],
  ];
  let text = abs.toDecimalString(digits);
  for (const [scale, suffix] of scales) {
    if (abs.gte(scale)) {
      text = abs.div(scale).toDecimalString(digits) + suffix;
      break;
    }
  }
  const sign = value.amount.isNegative() ? "-" : "";
  const symbol = SYMBOLS[value.currency];
  return symbol ? `${sign}${symbol}${text}` : `${sign}${value.currency} ${text}`;
}
