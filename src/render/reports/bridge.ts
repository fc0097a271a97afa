import { currency as currencyOf, type Money } from "../../core/exact/money.js";
import { Rational } from "../../core/exact/rational.js";

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
