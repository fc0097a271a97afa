import { readAmountAt } from "../exact/amount-parse.js";
import type { Currency } from "../exact/money.js";
import { Rational } from "../exact/rational.js";
import { message } from "../shared/messages.js";
import { type FieldPath, fail, failSaying, type Result } from "../shared/problem.js";
import {
  type DistributionShape,
  type Estimate,
  type EstimateUnit,
  makeEstimate,
  type Qualifier,
} from "./estimate.js";
import {
  PLUS_MINUS_SIGNS,
  QUALIFIER_PREFIXES,
  QUALIFIER_SUFFIXES,
  RANGE_SEPARATORS,
} from "./estimate-lexicon.js";
import { percentSignAt } from "./percent.js";

export interface EstimateParseOptions {
  /** What the estimate measures; "money" by default. */
  readonly unit?: "money" | "fraction";
  /** The currency of an amount that names none; without it such text is an error. */
  readonly defaultCurrency?: Currency;
  /** Relative half-width of "about"; the default ±10% when undefined (UNC-EST-3). */
  readonly width?: Rational;
  /** A shape that replaces the qualifier's default (UNC-EST-7). */
  readonly shape?: DistributionShape;
  readonly path?: FieldPath;
}

const LETTER = /\p{L}/u;

function isSpace(ch: string | undefined): boolean {
  return ch === " " || ch === "\t" || ch === "\u00a0" || ch === "\u202f" || ch === "\u2009";
}

function skipSpaces(text: string, pos: number): number {
  let p = pos;
  while (isSpace(text[p])) p++;
  return p;
}

function lowerSameLength(text: string): string {
  let out = "";
  for (const ch of text) {
    const lower = ch.toLowerCase();
    out += lower.length === ch.length ? lower : ch;
  }
  return out;
}

/** The longest key of `keys` at `pos`, ending a word when it ends in a letter. */
function matchKey(lower: string, pos: number, keys: Iterable<string>): string | undefined {
  let best: string | undefined;
  for (const key of keys) {
    if (!lower.startsWith(key, pos)) continue;
    if (LETTER.test(key[key.length - 1]!) && LETTER.test(lower[pos + key.length] ?? "")) continue;
    if (!best || key.length > best.length) best = key;
  }
  return best;
}

/** One figure as read: its number, the scale and currency or percent sign written with it. */
interface Figure {
  readonly value: Rational;
  readonly currency: Currency | undefined;
  readonly scaleExponent: number;
  readonly percent: boolean;
  readonly end: number;
}

function readFigure(text: string, pos: number): Figure | string | undefined {
  const read = readAmountAt(text, pos);
  if (read === undefined || typeof read === "string") return read;
  const percentEnd =
    read.currency === undefined && read.scaleExponent === 0 ? percentSignAt(text, read.end) : undefined;
  return {
    value: read.amount,
    currency: read.currency,
    scaleExponent: read.scaleExponent,
    percent: percentEnd !== undefined,
    end: percentEnd ?? read.end,
  };
}

const FORMS =
  "an amount ($60B), about X, up to X, less than X, at least X, more than X, between X and Y, X±10%, or their French forms (environ, jusqu'à, moins de, au moins, plus de, entre X et Y)";

/**
 * Parses an estimate written the way reports write them (SPEC UNC-PARSE-1..UNC-PARSE-4):
 * `up to $50B`, `< 10 Md$`, `less than 10 billion dollars`, `about €2.5M`, `~$40B`,
 * `jusqu'à 100 milliards de dollars`, `environ 40 Md$`, `between $1B and $2B`,
 * `entre 1 et 2 Md€`, `>= $20B`, `$40B±10%`, `$10B or more`, `about 27%`. Amounts are
 * read by the amount parser (AMT-1), so every form it reads works after a qualifier.
 * The whole text must be the estimate.
 */
export function parseEstimate(text: string, options: EstimateParseOptions = {}): Result<Estimate> {
  const path = options.path;
  const expected = options.unit ?? "money";
  const source = text.trim();
  if (source.length === 0) return fail("estimate_unreadable", `empty estimate; expected ${FORMS}`, path);
  const lower = lowerSameLength(source);
  let pos = 0;
  let qualifier: Qualifier | undefined;
  const prefix = matchKey(lower, 0, QUALIFIER_PREFIXES.keys());
  if (prefix !== undefined) {
    qualifier = QUALIFIER_PREFIXES.get(prefix)!;
    pos = skipSpaces(source, prefix.length);
  }
  const first = readFigure(source, pos);
  if (typeof first === "string") return fail("estimate_unreadable", `"${source}": ${first}`, path);
  if (first === undefined) {
    if (qualifier === undefined) {
      const word = /^[\p{L}'’.-]+(?:\s+[\p{L}'’]+)?/u.exec(source)?.[0];
      if (word !== undefined) {
        return failSaying(
          "estimate_unknown_qualifier",
          message("estimate_unknown_word", { text: source, word, forms: FORMS }),
          path,
        );
      }
      return failSaying(
        "estimate_unreadable",
        message("estimate_unreadable", { text: source, forms: FORMS }),
        path,
      );
    }
    return failSaying(
      "estimate_unreadable",
      message("estimate_no_amount", { text: source, prefix: prefix! }),
      path,
    );
  }
  pos = skipSpaces(source, first.end);
  let second: Figure | undefined;
  let widthFigure: Figure | undefined;

  // A range: "between A and B", "A to B", "A–B".
  const separator = matchKey(lower, pos, RANGE_SEPARATORS);
  const isRange =
    separator !== undefined &&
    (qualifier === "between" || (qualifier === undefined && !["a", "et", "and"].includes(separator)));
  if (isRange) {
    const read = readFigure(source, skipSpaces(source, pos + separator.length));
    if (typeof read === "string") return fail("estimate_unreadable", `"${source}": ${read}`, path);
    if (read === undefined) {
      return fail("estimate_unreadable", `"${source}": no amount after "${separator}"`, path);
    }
    second = read;
    qualifier = "between";
    pos = skipSpaces(source, read.end);
  } else if (qualifier === "between") {
    return fail(
      "estimate_unreadable",
      `"${source}": a range needs a second amount ("between X and Y")`,
      path,
    );
  }

  // "X ± w": a stated half-width, absolute or in percent.
  const plusMinus = matchKey(lower, pos, PLUS_MINUS_SIGNS);
  if (plusMinus !== undefined && qualifier !== "between") {
    const read = readFigure(source, skipSpaces(source, pos + plusMinus.length));
    if (read === undefined || typeof read === "string") {
      return fail("estimate_unreadable", `"${source}": no width after "${plusMinus}"`, path);
    }
    widthFigure = read;
    if (qualifier !== undefined && qualifier !== "about") {
      return fail("estimate_unreadable", `"${source}": "±" goes with a figure alone or with "about"`, path);
    }
    qualifier = "about";
    pos = skipSpaces(source, read.end);
  }

  // "X or more", "X ou moins", "X+".
  const suffix = matchKey(lower, pos, QUALIFIER_SUFFIXES.keys());
  if (suffix !== undefined && qualifier === undefined) {
    qualifier = QUALIFIER_SUFFIXES.get(suffix)!;
    pos = skipSpaces(source, pos + suffix.length);
  }
  if (pos < source.length) {
    return fail(
      "estimate_unreadable",
      `"${source}": unexpected "${source.slice(pos)}" after the estimate`,
      path,
    );
  }
  qualifier ??= "exact";

  // Units: a range's first end takes the scale, currency or percent sign written only
  // with its second end ("entre 1 et 2 Md€", "20 to 30%") (UNC-PARSE-2).
  let a = first;
  const b = second;
  if (b !== undefined) {
    if (a.scaleExponent === 0 && b.scaleExponent > 0 && !a.percent) {
      a = {
        ...a,
        value: a.value.mul(Rational.of(10n ** BigInt(b.scaleExponent))),
        scaleExponent: b.scaleExponent,
      };
    }
    if (!a.percent && b.percent && a.currency === undefined) a = { ...a, percent: true };
  }
  const figures = b === undefined ? [a] : [a, b];
  let unit: EstimateUnit;
  const values: Rational[] = [];
  if (expected === "fraction") {
    for (const f of figures) {
      if (f.currency !== undefined) {
        return fail(
          "claim_unit_mismatch",
          `"${source}" is an amount of money; this estimate is a fraction`,
          path,
        );
      }
      values.push(f.percent ? f.value.div(Rational.of(100n)) : f.value);
    }
    unit = { kind: "fraction" };
  } else {
    const currencies = new Set(figures.map((f) => f.currency).filter((c) => c !== undefined));
    if (currencies.size > 1) {
      return fail(
        "estimate_unreadable",
        `"${source}": two currencies in one estimate (${[...currencies].join(", ")})`,
        path,
      );
    }
    if (figures.some((f) => f.percent)) {
      return fail(
        "claim_unit_mismatch",
        `"${source}" is a percentage; this estimate is an amount of money`,
        path,
      );
    }
    const code = [...currencies][0] ?? options.defaultCurrency;
    if (code === undefined) {
      return fail(
        "estimate_unreadable",
        `"${source}" names no currency; write $50B, 50 billion USD or 40 Md$`,
        path,
      );
    }
    unit = { kind: "money", currency: code };
    for (const f of figures) values.push(f.value);
  }

  let width = options.width;
  if (widthFigure !== undefined) {
    if (widthFigure.percent) width = widthFigure.value.div(Rational.of(100n));
    else {
      if (values[0]!.isZero()) {
        return fail(
          "estimate_unreadable",
          `"${source}": a width around zero must be absolute, not relative`,
          path,
        );
      }
      let absolute = widthFigure.value;
      if (widthFigure.scaleExponent === 0 && first.scaleExponent > 0 && expected === "money") {
        absolute = absolute.mul(Rational.of(10n ** BigInt(first.scaleExponent)));
      }
      width = absolute.div(values[0]!);
    }
  }
  return makeEstimate(
    qualifier,
    qualifier === "between" ? { min: values[0], max: values[1] } : { value: values[0] },
    unit,
    { width, shape: options.shape, text: source, path },
  );
}
