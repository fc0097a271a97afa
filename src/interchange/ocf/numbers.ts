import { type Currency, isCurrency, type Money } from "../../core/exact/money.js";
import { Rational } from "../../core/exact/rational.js";
import { isJsonObject, type Json, type JsonObject } from "./json.js";

/** Fractional digits the OCF Numeric type allows ("^[+-]?[0-9]+(\.[0-9]{1,10})?$"). */
export const OCF_NUMERIC_PLACES = 10;

/** Reads an OCF Numeric string exactly; undefined when it is not one. */
export function readNumeric(value: Json | undefined): Rational | undefined {
  if (typeof value !== "string" || !/^[+-]?[0-9]+(\.[0-9]{1,10})?$/.test(value)) return undefined;
  return Rational.parse(value);
}

/** Reads an OCF Numeric that must be a whole number (a share count); undefined otherwise. */
export function readWholeNumeric(value: Json | undefined): bigint | undefined {
  const r = readNumeric(value);
  return r?.isInteger() ? r.num : undefined;
}

/** An OCF Monetary object as Money; undefined when malformed. */
export function readMonetary(value: Json | undefined): Money | undefined {
  if (!isJsonObject(value)) return undefined;
  const amount = readNumeric(value.amount);
  const code = value.currency;
  if (amount === undefined || typeof code !== "string" || !isCurrency(code)) return undefined;
  return { kind: "money", currency: code, amount };
}

/** An OCF Ratio (numerator / denominator, both Numeric) as one exact fraction; undefined when malformed or zero over. */
export function readRatio(value: Json | undefined): Rational | undefined {
  if (!isJsonObject(value)) return undefined;
  const n = readNumeric(value.numerator);
  const d = readNumeric(value.denominator);
  if (n === undefined || d === undefined || d.isZero()) return undefined;
  return n.div(d);
}

/** Whether `value` can be written as an OCF Numeric exactly (a decimal with at most 10 places). */
export function isNumericExact(value: Rational): boolean {
  return value.eq(value.roundTo(OCF_NUMERIC_PLACES, "half_even"));
}

/** `value` as an OCF Numeric string; undefined when it needs more than 10 decimal places. */
export function writeNumeric(value: Rational): string | undefined {
  return isNumericExact(value) ? value.toDecimalString(OCF_NUMERIC_PLACES) : undefined;
}

export function writeWhole(value: bigint): string {
  return value.toString();
}

/** Money as an OCF Monetary object; undefined when the amount needs more than 10 decimal places. */
export function writeMonetary(value: Money): JsonObject | undefined {
  const amount = writeNumeric(value.amount);
  return amount === undefined ? undefined : { amount, currency: value.currency };
}

/** An exact fraction as an OCF Ratio of two whole numbers (always exact). */
export function writeRatio(value: Rational): JsonObject {
  return { numerator: value.num.toString(), denominator: value.den.toString() };
}

/** The currency of an OCF Monetary, if well-formed. */
export function monetaryCurrency(value: Json | undefined): Currency | undefined {
  return readMonetary(value)?.currency;
}
