import { type Message, message, say } from "../shared/messages.js";
import {
  CURRENCY_CODES,
  CURRENCY_SIGNS,
  CURRENCY_WORDS,
  FRENCH_BILLION_EXPONENT,
  GROUP_SPACES,
  NUMBER_WORDS,
  SCALE_WORDS,
} from "./amount-lexicon.js";
import type { Currency, Money } from "./money.js";
import { Rational } from "./rational.js";

/** An amount found in text: the exact value, where it stands, and how it was written. */
export interface AmountMatch {
  /** The exact number times its scale, in currency units. */
  readonly amount: Rational;
  /** The currency written with the amount, if any. */
  readonly currency: Currency | undefined;
  /** Offsets in the input: text.slice(start, end) is the amount as written. */
  readonly start: number;
  readonly end: number;
  /** The power of ten of the scale word ("milliards" is 9), 0 when none. */
  readonly scaleExponent: number;
  /** True when the number was a word ("un milliard"). */
  readonly numberWasWord: boolean;
}

export type AmountParseResult =
  | { readonly ok: true; readonly value: Money; readonly match: AmountMatch }
  | { readonly ok: false; readonly error: string; readonly detail?: Message };

export interface AmountParseOptions {
  /** The currency to use when the text names none; without it, such text is an error. */
  readonly defaultCurrency?: Currency;
}

/**
 * How to read "," and "." in numbers (docs/SPEC.md AMT-2). "auto" follows AMT-2 as
 * written. "en" is for text known to be English: a single "," before exactly three
 * digits always groups thousands, even before a scale word ("1,500 million").
 */
export type NumberStyle = "auto" | "en";

const LETTER = /\p{L}/u;

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && LETTER.test(ch);
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= "0" && ch <= "9";
}

function isSpace(ch: string | undefined): boolean {
  return (
    ch !== undefined && (ch === " " || ch === "\t" || ch === "\u00a0" || ch === "\u202f" || ch === "\u2009")
  );
}

function skipSpaces(text: string, pos: number): number {
  let p = pos;
  while (isSpace(text[p])) p++;
  return p;
}

/**
 * Lower-cases `text` so that offsets in the copy match the input. The native
 * lower-casing is used when it keeps the length (nearly always); otherwise each
 * character whose lower case has another length is kept as it is.
 */
export function lowerSameLength(text: string): string {
  const fast = text.toLowerCase();
  if (fast.length === text.length) return fast;
  let out = "";
  for (const ch of text) {
    const lower = ch.toLowerCase();
    out += lower.length === ch.length ? lower : ch;
  }
  return out;
}

/** The entries of each lexicon table grouped by their first character, built once per table. */
const byFirstChar = new WeakMap<ReadonlyMap<string, unknown>, Map<string, [string, unknown][]>>();

function entriesStartingWith<T>(table: ReadonlyMap<string, T>, ch: string): [string, T][] {
  let index = byFirstChar.get(table);
  if (!index) {
    index = new Map();
    for (const [key, value] of table) {
      const first = key[0]!;
      const list = index.get(first);
      if (list) list.push([key, value]);
      else index.set(first, [[key, value]]);
    }
    byFirstChar.set(table, index);
  }
  return (index.get(ch) ?? []) as [string, T][];
}

/** Longest key of `table` found at `pos` in `lower`, ending at a non-letter. */
function matchWord<T>(lower: string, pos: number, table: ReadonlyMap<string, T>): [string, T] | undefined {
  let best: [string, T] | undefined;
  const ch = lower[pos];
  if (ch === undefined) return undefined;
  for (const [key, value] of entriesStartingWith(table, ch)) {
    if (!lower.startsWith(key, pos)) continue;
    const last = key[key.length - 1];
    // A key ending in a letter must end the word; signs and hyphens need not.
    if (isLetter(last) && isLetter(lower[pos + key.length])) continue;
    if (!best || key.length > best[0].length) best = [key, value];
  }
  return best;
}

interface NumberToken {
  readonly start: number;
  readonly end: number;
  readonly groups: readonly string[];
  readonly separators: readonly string[];
}

/**
 * Reads digits with their separators: "1 234 567,89", "2.5", "1,234.5". A space-like
 * separator joins only a following group of exactly three digits.
 */
function readDigits(text: string, pos: number): NumberToken | undefined {
  if (!isDigit(text[pos])) return undefined;
  let p = pos;
  const groups: string[] = [];
  const separators: string[] = [];
  let group = "";
  while (isDigit(text[p])) group += text[p++];
  groups.push(group);
  for (;;) {
    const sep = text[p];
    if (sep === undefined) break;
    const spaceLike = GROUP_SPACES.includes(sep);
    if (!spaceLike && sep !== "." && sep !== ",") break;
    let q = p + 1;
    let next = "";
    while (isDigit(text[q])) next += text[q++];
    if (next.length === 0) break;
    if (spaceLike && next.length !== 3) break;
    separators.push(sep);
    groups.push(next);
    p = q;
  }
  return { start: pos, end: p, groups, separators };
}

/**
 * Interprets the separators of a number (docs/SPEC.md AMT-2):
 * - spaces and apostrophes always group thousands;
 * - with both "." and ",", the one written last is the decimal mark;
 * - a mark written more than once groups thousands;
 * - a single "." is a decimal point;
 * - a single "," is a decimal comma, except "1,234" (three digits, no space grouping,
 *   no scale word after it), which groups thousands as in English.
 */
function interpretDigits(token: NumberToken, hasScale: boolean, style: NumberStyle): Rational | string {
  const { groups, separators } = token;
  if (separators.length === 0) return Rational.parse(groups[0]!)!;
  const marks = separators.filter((s) => s === "." || s === ",");
  const spaces = separators.length - marks.length;
  let decimalIndex = -1; // index in `separators` of the decimal mark, -1 for none
  const dots = marks.filter((m) => m === ".").length;
  const commas = marks.length - dots;
  if (dots > 0 && commas > 0) {
    decimalIndex = separators.length - 1;
    const decimalMark = separators[decimalIndex];
    if (decimalMark !== "." && decimalMark !== ",") return "a grouping mark follows the decimal mark";
    if (separators.slice(0, -1).some((s) => s === decimalMark)) return "the decimal mark is written twice";
  } else if (marks.length === 1) {
    const index = separators.findIndex((s) => s === "." || s === ",");
    const mark = separators[index];
    const after = groups[index + 1]!;
    const englishThousands =
      mark === "," &&
      spaces === 0 &&
      after.length === 3 &&
      (!hasScale || style === "en") &&
      index === separators.length - 1;
    if (!englishThousands) {
      if (index !== separators.length - 1) return "a grouping mark follows the decimal mark";
      decimalIndex = index;
    }
  } else if (marks.length > 1 && spaces > 0) {
    return "mixed grouping marks";
  }
  let whole = "";
  let fraction = "";
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i]!;
    if (decimalIndex >= 0 && i === decimalIndex + 1) {
      fraction = g;
      continue;
    }
    if (i > 0 && g.length !== 3) return "thousands groups must have three digits";
    if (i === 1 && groups[0]!.length > 3) return "the first thousands group has more than three digits";
    whole += g;
  }
  return Rational.parse(fraction ? `${whole}.${fraction}` : whole)!;
}

function readCurrencyPrefix(text: string, lower: string, pos: number): [Currency, number] | undefined {
  const sign = matchWord(lower, pos, CURRENCY_SIGNS);
  if (sign) return [sign[1] as Currency, pos + sign[0].length];
  const code = text.slice(pos, pos + 3);
  if (CURRENCY_CODES.has(code) && !isLetter(text[pos + 3])) return [code as Currency, pos + 3];
  return undefined;
}

/**
 * Reads a currency written after an amount, from `pos` (after optional spaces): a
 * currency word with its linker ("de dollars", "d'euros", "of dollars"), a word, a sign
 * or an ISO code. Returns the currency and the offset just after it.
 */
export function readCurrencyAfter(
  text: string,
  pos: number,
  lower = lowerSameLength(text),
): [Currency, number] | undefined {
  const p = skipSpaces(text, pos);
  // "de dollars", "d'euros", "of dollars": the linker belongs to the amount only before a currency word.
  const linker = /^(?:de\s+|d'|d’|of\s+)/.exec(lower.slice(p, p + 8));
  if (linker) {
    const q = skipSpaces(text, p + linker[0].length);
    const word = matchWord(lower, q, CURRENCY_WORDS);
    if (word) return [word[1] as Currency, q + word[0].length];
  }
  const word = matchWord(lower, p, CURRENCY_WORDS);
  if (word) return [word[1] as Currency, p + word[0].length];
  const sign = matchWord(lower, p, CURRENCY_SIGNS);
  // A sign followed by digits starts the next amount ("$50B $30B"), so it is not a suffix.
  if (sign && sign[0] !== "fr." && !isDigit(text[skipSpaces(text, p + sign[0].length)])) {
    return [sign[1] as Currency, p + sign[0].length];
  }
  const code = text.slice(p, p + 3);
  if (CURRENCY_CODES.has(code) && !isLetter(text[p + 3])) return [code as Currency, p + 3];
  return undefined;
}

/**
 * Reads one amount starting at `pos` (after optional spaces). Returns undefined when no
 * amount starts there, or an error text when one starts but is malformed.
 */
export function readAmountAt(
  text: string,
  pos: number,
  lower = lowerSameLength(text),
  style: NumberStyle = "auto",
): AmountMatch | string | undefined {
  const start = skipSpaces(text, pos);
  let p = start;
  let negative = false;
  if (text[p] === "-" || text[p] === "−") {
    negative = true;
    p++;
  }
  let prefixCurrency: Currency | undefined;
  const prefix = readCurrencyPrefix(text, lower, p);
  if (prefix) {
    prefixCurrency = prefix[0];
    p = skipSpaces(text, prefix[1]);
  }
  if (!negative && (text[p] === "-" || text[p] === "−")) {
    negative = true;
    p++;
  }
  let digits: NumberToken | undefined = readDigits(text, p);
  let wordValue: Rational | undefined;
  if (!digits && text[p] === "." && isDigit(text[p + 1])) {
    digits = readDigits(`0${text.slice(p)}`, 0);
    if (digits) digits = { ...digits, start: p, end: p + digits.end - 1 };
  }
  let afterNumber: number;
  if (digits) {
    afterNumber = digits.end;
  } else {
    const word = matchWord(lower, p, NUMBER_WORDS);
    if (!word) return prefixCurrency ? "a currency with no number after it" : undefined;
    wordValue = Rational.parse(word[1])!;
    afterNumber = p + word[0].length;
  }
  // Scale word, possibly glued to the number ("50B", "2.5M€", "40 Md$").
  let q = skipSpaces(text, afterNumber);
  let scaleExponent = 0;
  const scale = matchWord(lower, q, SCALE_WORDS);
  if (scale) {
    scaleExponent = scale[1];
    q += scale[0].length;
    if (lower[q] === "." && scale[0] === "mrd") q++;
    if (scale[0].startsWith("billion") && /^\s*(de |d'|d’)/.test(lower.slice(q, q + 5))) {
      scaleExponent = FRENCH_BILLION_EXPONENT;
    }
  } else if (wordValue) {
    // A number word stands for an amount only before a scale word ("un milliard").
    return undefined;
  }
  let end = scale ? q : afterNumber;
  // "un milliard et demi", "two billion and a half": half a unit of the scale more.
  let half = false;
  if (scale) {
    const halfWords = /^\s+(?:et demi|and a half)(?![\p{L}])/u.exec(lower.slice(end, end + 16));
    if (halfWords) {
      half = true;
      end += halfWords[0].length;
    }
  }
  let value: Rational;
  if (digits) {
    const read = interpretDigits(digits, scale !== undefined, style);
    if (typeof read === "string")
      return `unreadable number "${text.slice(digits.start, digits.end)}": ${read}`;
    value = read;
  } else {
    value = wordValue!;
  }
  let suffixCurrency: Currency | undefined;
  const suffix = readCurrencyAfter(text, end, lower);
  if (suffix) {
    suffixCurrency = suffix[0];
    end = suffix[1];
  }
  if (prefixCurrency && suffixCurrency && prefixCurrency !== suffixCurrency) {
    return `two currencies in one amount: ${prefixCurrency} and ${suffixCurrency}`;
  }
  if (half) value = value.add(Rational.of(1n, 2n));
  const amount = value.mul(Rational.of(10n ** BigInt(scaleExponent)));
  return {
    amount: negative ? amount.neg() : amount,
    currency: prefixCurrency ?? suffixCurrency,
    start,
    end,
    scaleExponent,
    numberWasWord: wordValue !== undefined,
  };
}

const EXAMPLES = "such as $50B, 50 billion USD, 40 Md$, €2,5 M or 1 234 567,89 €";

/**
 * Parses one amount of money written the way people write it (docs/SPEC.md AMT-1):
 * `$50B`, `50 billion USD`, `USD 300m`, `100 milliards de dollars`, `40 Md$`, `€2,5 M`,
 * `2.5M€`, `1 234 567,89 €`, `un milliard de dollars`. The whole text must be the amount.
 */
export function parseAmount(text: string, options: AmountParseOptions = {}): AmountParseResult {
  const refused = (detail: Message): AmountParseResult => ({ ok: false, error: say(detail), detail });
  if (text.trim().length === 0) return refused(message("amount_empty", { examples: EXAMPLES }));
  const read = readAmountAt(text, 0);
  if (read === undefined) return refused(message("amount_unreadable", { text, examples: EXAMPLES }));
  if (typeof read === "string") return { ok: false, error: `"${text}": ${read}` };
  const rest = text.slice(read.end).trim();
  if (rest.length > 0) return refused(message("amount_trailing", { text, rest }));
  const code = read.currency ?? options.defaultCurrency;
  if (!code) return refused(message("amount_no_currency", { text }));
  return { ok: true, value: { kind: "money", currency: code, amount: read.amount }, match: read };
}
