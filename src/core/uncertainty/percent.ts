import { readAmountAt } from "../exact/amount-parse.js";
import { Rational } from "../exact/rational.js";

/** A percentage found in text, as a fraction (27% is 0.27), with where it stands. */
export interface PercentMatch {
  readonly value: Rational;
  readonly start: number;
  readonly end: number;
}

const PERCENT_SIGNS = ["%", "pour cent", "pourcent", "percent", "per cent"];

/** The percent sign or word at `pos` (after spaces): its end, or undefined. */
export function percentSignAt(text: string, pos: number): number | undefined {
  let p = pos;
  while (text[p] === " " || text[p] === "\u00a0" || text[p] === "\u202f") p++;
  const lower = text.slice(p, p + 10).toLowerCase();
  for (const sign of PERCENT_SIGNS) {
    if (lower.startsWith(sign) && !/\p{L}/u.test(text[p + sign.length] ?? "")) return p + sign.length;
  }
  return undefined;
}

/**
 * Reads a percentage at `pos`: a number written as the amount parser reads numbers
 * ("27", "27,5", "27.5") followed by "%" or "percent"/"pour cent". Returns undefined when
 * no percentage starts there, or an error text when the number is malformed.
 */
export function parsePercentAt(text: string, pos: number): PercentMatch | string | undefined {
  const read = readAmountAt(text, pos);
  if (read === undefined || typeof read === "string") return read;
  if (read.currency !== undefined || read.scaleExponent !== 0 || read.numberWasWord) return undefined;
  const end = percentSignAt(text, read.end);
  if (end === undefined) return undefined;
  return { value: read.amount.div(Rational.of(100n)), start: read.start, end };
}
