/**
 * Sums of money in a sentence (ING-AMT, ING-QUAL). Figures are read by the shared
 * scanner `readAmountAt` (the same one deal files use); this module finds where they
 * start, keeps those that are money, joins ranges ("entre 80 et 100 millions"), reads
 * the hedge in front ("jusqu'à", "less than") and adds the vague scale phrases ("des
 * dizaines de milliards") by the README's conventions.
 */
import { CURRENCY_CODES, NUMBER_WORDS } from "../exact/amount-lexicon.js";
import {
  type AmountMatch,
  type NumberStyle,
  readAmountAt,
  readCurrencyAfter,
} from "../exact/amount-parse.js";
import type { Currency } from "../exact/money.js";
import { Rational } from "../exact/rational.js";
import type { LanguageRules } from "./lexicon.js";
import type { Qualifier } from "./types.js";

/** A sum of money in a sentence; offsets are relative to the sentence. */
export interface MoneyMention {
  /** Start of the mention, the hedge included ("jusqu'à 50 milliards"). */
  readonly start: number;
  /** Start of the figure itself. */
  readonly figureStart: number;
  readonly end: number;
  readonly qualifier: Qualifier;
  readonly min: Rational | null;
  readonly max: Rational | null;
  readonly point: Rational | null;
  /** Undefined when the text wrote none ("des milliards dans…"). */
  readonly currency: Currency | undefined;
  readonly vague: boolean;
  /** ING-AMT-7: the figure's conversion written in brackets after it ("($14 million)"), read and left out. */
  readonly conversion?: Pick<MoneyMention, "currency" | "min" | "max" | "point">;
  /** ING-AMT-12: the first of two figures given "respectively" ("respectivement 40 et 104 millions"). */
  readonly respectively?: boolean;
}

/** A percentage, for stakes ("environ 12 %"). */
export interface PercentMention {
  readonly start: number;
  readonly end: number;
  readonly qualifier: Qualifier;
  /** The fraction 0–1. */
  readonly value: Rational;
}

const SCALE_ALTERNATION = "milliards?|millions?|billions?|trillions?|mds?|mrds?|bn|mn";
const NUMBER_WORD_ALTERNATION = [...NUMBER_WORDS.keys()]
  .sort((a, b) => b.length - a.length)
  .map((w) => w.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&"))
  .join("|");

/** ING-AMT-12: "respectivement", "respectively" just before the first of two figures (folded). */
const RESPECTIVELY_BEFORE = /\b(?:respectivement|respectively)\s*$/;

/** Where a figure may start, in folded text: a currency sign, an ISO code before a digit, or a digit. */
const FIGURE_START = new RegExp(
  `(?:\\b(?:us|c|ca|a|au|hk))?[$€£¥₹]|\\b(?:${[...CURRENCY_CODES].map((c) => c.toLowerCase()).join("|")})(?=\\s*[\\d.])|(?<![a-z0-9.,])\\d`,
  "g",
);
/** A scale word: a number word may stand before it ("un milliard", "a billion"). */
const SCALE_WORD = new RegExp(`\\b(?:${SCALE_ALTERNATION})(?![a-z])`, "g");
const NUMBER_WORD_BEFORE = new RegExp(`\\b(?:${NUMBER_WORD_ALTERNATION})\\s*-?\\s*$`);
/** ING-AMT-8: a number word at the start of the text, then a space and a scale. */
const NUMBER_WORD_AT = new RegExp(`^(?:${NUMBER_WORD_ALTERNATION})\\s+(?:${SCALE_ALTERNATION})(?![a-z])`);
/** Words that can start a vague amount or carry a scale: no vague rule can match without one. */
const VAGUE_TRIGGER = /milliard|million|billion|multi-?billion/;

/** What must follow a bare digit within a few characters for it to start a sum of money. */
const MONEY_AHEAD =
  /[$€£¥₹]|milliard|million|billion|trillion|\bmds?\b|\bmrds?\b|\bbn\b|\bmn\b|\d\s?[mkbtg]\b|dollar|euro|pound|livre|yen|yuan|franc|\b(?:usd|eur|gbp|chf|jpy|cad|aud|cny|hkd|inr|sek|nok|dkk|sgd|krw|brl|ils|aed|sar)\b/;

function power(exponent: number | undefined): Rational {
  return Rational.of(10n ** BigInt(exponent ?? 0));
}

/**
 * The vague-scale rules of a language as one pattern (one group per rule, in the rules'
 * order: at one position the first rule listed wins, "des dizaines de milliards" before
 * "des milliards").
 */
const vaguePatterns = new WeakMap<LanguageRules, RegExp>();

function vaguePattern(rules: LanguageRules): RegExp {
  let pattern = vaguePatterns.get(rules);
  if (!pattern) {
    pattern = new RegExp(rules.vagueAmounts.map((r) => `(${r.pattern.source})`).join("|"), "g");
    vaguePatterns.set(rules, pattern);
  }
  return pattern;
}

/** The offsets where a figure may start, in order. */
function figureStarts(folded: string): number[] {
  const starts: number[] = [];
  FIGURE_START.lastIndex = 0;
  for (let m = FIGURE_START.exec(folded); m !== null; m = FIGURE_START.exec(folded)) {
    // A digit with no currency or scale word close after it is a year, a count or a percentage.
    if (
      m[0].length === 1 &&
      m[0] >= "0" &&
      m[0] <= "9" &&
      !MONEY_AHEAD.test(folded.slice(m.index, m.index + 40))
    ) {
      continue;
    }
    starts.push(m.index);
  }
  SCALE_WORD.lastIndex = 0;
  for (let m = SCALE_WORD.exec(folded); m !== null; m = SCALE_WORD.exec(folded)) {
    const before = NUMBER_WORD_BEFORE.exec(folded.slice(Math.max(0, m.index - 20), m.index));
    if (before) starts.push(m.index - (Math.min(m.index, 20) - before.index));
  }
  return starts.sort((a, b) => a - b);
}

const PERCENT = /(?<![\d.,])(\d+(?:[.,]\d+)?)\s*(?:%|pour ?cent|per ?cent|percent)(?![a-z])/g;
const AFTER_PERCENT = /^\s*(?:%|pour ?cent|per ?cent|percent)(?![a-z])/;

function isMoney(read: AmountMatch, folded: string, rules: LanguageRules): boolean {
  if (AFTER_PERCENT.test(folded.slice(read.end, read.end + 12))) return false;
  if (read.currency !== undefined) return true;
  // Without a currency, only a scale of a million or more reads as money, and only when
  // what follows is not a count of something else ("un milliard d'utilisateurs").
  if (read.scaleExponent < 6) return false;
  return rules.currencylessContinuation.test(folded.slice(read.end, read.end + 40));
}

function encode(
  qualifier: Qualifier,
  low: Rational,
  high: Rational,
): Pick<MoneyMention, "min" | "max" | "point"> {
  switch (qualifier) {
    case "exact":
      return { min: low, max: low, point: low };
    case "about":
      return { min: null, max: null, point: low };
    case "up_to":
    case "less_than":
      return { min: null, max: low, point: null };
    case "at_least":
    case "more_than":
      return { min: low, max: null, point: null };
    case "range":
      return { min: low, max: high, point: null };
  }
}

/** The hedge written just before `pos`, with its start, or undefined. */
export function qualifierBefore(
  folded: string,
  pos: number,
  rules: LanguageRules,
): { qualifier: Qualifier; start: number } | undefined {
  const windowStart = Math.max(0, pos - 40);
  const before = folded.slice(windowStart, pos);
  for (const rule of rules.qualifierBefore) {
    const m = rule.pattern.exec(before);
    if (m) return { qualifier: rule.qualifier, start: windowStart + m.index };
  }
  return undefined;
}

interface RangeRead {
  readonly low: Rational;
  readonly high: Rational;
  readonly currency: Currency | undefined;
  readonly end: number;
  readonly scaleExponent: number;
}

function readRange(
  text: string,
  folded: string,
  first: AmountMatch,
  rules: LanguageRules,
  style: NumberStyle,
): RangeRead | undefined {
  const after = folded.slice(first.end, first.end + 12);
  for (const rule of rules.rangeJoins) {
    const join = rule.join.exec(after);
    if (!join) continue;
    if (rule.lead && !rule.lead.test(folded.slice(Math.max(0, first.start - 12), first.start))) continue;
    const second = readAmountAt(text, first.end + join[0].length, folded, style);
    if (second === undefined || typeof second === "string") continue;
    if (second.amount.isNegative()) continue;
    if (second.currency === undefined && second.scaleExponent < 6) continue;
    // "80 et 100 millions": the first figure takes the scale and currency written after the second.
    const scale =
      first.scaleExponent === 0 && second.scaleExponent > 0
        ? Rational.of(10n ** BigInt(second.scaleExponent))
        : Rational.ONE;
    const low = first.amount.mul(scale);
    if (!low.lt(second.amount)) continue;
    if (first.currency && second.currency && first.currency !== second.currency) continue;
    return {
      low,
      high: second.amount,
      currency: first.currency ?? second.currency,
      end: second.end,
      scaleExponent: Math.max(first.scaleExponent, second.scaleExponent),
    };
  }
  return undefined;
}

/**
 * Finds the sums of money in one sentence. `folded` is the folded sentence (same length).
 */
/** "$22-million": a scale joined to the figure by a hyphen (ING-AMT-7), read as "$22 million" (same length). */
const HYPHEN_SCALE = /(\d)-(million|billion|mn|bn|milliards?|millions?)(?![a-z])/gi;
/** A currency written as words after the figure that the shared scanner does not know (ING-AMT-7). */
const CURRENCY_WORDS_AFTER: readonly (readonly [RegExp, string])[] = [
  [/^\s+(?:indian\s+)?rupees?(?![a-z])|^\s+roupies?(?:\s+indiennes?)?(?![a-z])/, "INR"],
];

export function findMoney(
  rawText: string,
  rawFolded: string,
  rules: LanguageRules,
  style: NumberStyle,
): MoneyMention[] {
  const found = findMoneyRaw(
    rawText.replace(HYPHEN_SCALE, "$1 $2"),
    rawFolded.replace(HYPHEN_SCALE, "$1 $2"),
    rules,
    style,
  );
  // ING-AMT-7: a figure in brackets right after another is its conversion ("$200mn (€186mn)"): one claim.
  const out: MoneyMention[] = [];
  for (const [k, m] of found.entries()) {
    const previous = found[k - 1];
    if (
      previous &&
      /^\s*\(\s*(?:soit\s+|or\s+|about\s+|environ\s+)?$/.test(rawFolded.slice(previous.end, m.start))
    ) {
      // Remembered, so that the same figure written alone elsewhere (a headline) is known as the conversion.
      const kept = out[out.length - 1];
      if (kept === previous)
        out[out.length - 1] = {
          ...previous,
          conversion: { currency: m.currency, min: m.min, max: m.max, point: m.point },
        };
      continue;
    }
    out.push(m);
  }
  return out;
}

function findMoneyRaw(
  text: string,
  folded: string,
  rules: LanguageRules,
  style: NumberStyle,
): MoneyMention[] {
  const found: MoneyMention[] = [];
  let resume = 0;
  const respectively = folded.includes("respectiv");
  for (const at of figureStarts(folded)) {
    if (at < resume) continue;
    // Three letters open a figure as a currency code ("USD 5m") or a number word ("six millions", "two billion").
    if (
      /^[a-z]{3}$/.test(folded.slice(at, at + 3)) &&
      !CURRENCY_CODES.has(text.slice(at, at + 3)) &&
      !NUMBER_WORDS.has(folded.slice(at, at + 3)) &&
      // ING-AMT-8: a longer number word ("cent millions de dollars", "trente millions").
      !NUMBER_WORD_AT.test(folded.slice(at, at + 20))
    )
      continue;
    let read = readAmountAt(text, at, folded, style);
    if (read === undefined || typeof read === "string" || read.amount.isNegative()) continue;
    if (read.currency === undefined) {
      for (const [pattern, code] of CURRENCY_WORDS_AFTER) {
        const word = pattern.exec(folded.slice(read.end, read.end + 30));
        if (word) read = { ...read, currency: code as Currency, end: read.end + word[0].length };
      }
    }
    const range = readRange(text, folded, read, rules, style);
    // ING-AMT-12: "viennent de lever respectivement 40 et 104 millions d'euros": two figures, not a
    // range; the first takes the scale and currency written after the second.
    if (respectively && RESPECTIVELY_BEFORE.test(folded.slice(Math.max(0, at - 30), at))) {
      const join = /^\s*(?:et|and|,)\s*/.exec(folded.slice(read.end, read.end + 8));
      const second = join ? readAmountAt(text, read.end + join[0].length, folded, style) : undefined;
      if (
        second !== undefined &&
        typeof second !== "string" &&
        (second.currency || second.scaleExponent >= 6)
      ) {
        const scale =
          read.scaleExponent === 0 && second.scaleExponent > 0 ? power(second.scaleExponent) : Rational.ONE;
        const first = read.amount.mul(scale);
        found.push({
          start: read.start,
          figureStart: read.start,
          end: read.end,
          qualifier: "exact",
          ...encode("exact", first, first),
          currency: read.currency ?? second.currency,
          vague: false,
          respectively: true,
        });
        resume = read.end;
        continue;
      }
    }
    if (range) {
      const lead = /(?:\bentre|\bbetween|\bde|\bfrom)\s*$/.exec(folded.slice(Math.max(0, at - 10), at));
      found.push({
        start: lead ? at - lead[0].length : read.start,
        figureStart: read.start,
        end: range.end,
        qualifier: "range",
        ...encode("range", range.low, range.high),
        currency: range.currency,
        vague: false,
      });
      resume = range.end;
      continue;
    }
    if (!isMoney(read, folded, rules)) {
      resume = read.end;
      continue;
    }
    let qualifier: Qualifier = "exact";
    let start = read.start;
    let end = read.end;
    const before = qualifierBefore(folded, read.start, rules);
    if (before) {
      qualifier = before.qualifier;
      start = before.start;
    } else {
      for (const rule of rules.qualifierAfter) {
        const after = rule.pattern.exec(folded.slice(end, end + 24));
        if (after) {
          qualifier = rule.qualifier;
          end += after[0].length;
          break;
        }
      }
    }
    found.push({
      start,
      figureStart: read.start,
      end,
      qualifier,
      ...encode(qualifier, read.amount, read.amount),
      currency: read.currency,
      vague: false,
    });
    resume = read.end;
  }
  if (folded.includes("crore") || folded.includes("lakh")) indianScales(folded, found);
  if (!VAGUE_TRIGGER.test(folded)) return found.sort((a, b) => a.start - b.start);
  if (THRESHOLD_HINT.some((h) => folded.includes(h))) thresholds(text, folded, found);
  const vague = vaguePattern(rules);
  vague.lastIndex = 0;
  for (let v = vague.exec(folded); v !== null; v = vague.exec(folded)) {
    const rule = rules.vagueAmounts[v.slice(1).findIndex((g) => g !== undefined)]!;
    const start = v.index;
    let end = start + v[0].length;
    if (found.some((f) => f.start < end && start < f.end)) continue;
    let currency: Currency | undefined;
    // "multibillion-dollar": the currency is written inside the scale phrase.
    const inside = /-(dollar|euro|pound)/.exec(v[0]);
    const suffix = inside ? undefined : readCurrencyAfter(text, end, folded);
    if (inside) {
      currency = (inside[1] === "dollar" ? "USD" : inside[1] === "euro" ? "EUR" : "GBP") as Currency;
    } else if (suffix) {
      currency = suffix[0];
      end = suffix[1];
    } else if (!rules.currencylessContinuation.test(folded.slice(end, end + 40))) {
      continue;
    }
    const low = rule.qualifier === "about" ? power(rule.pointExponent) : power(rule.minExponent);
    found.push({
      start,
      figureStart: start,
      end,
      qualifier: rule.qualifier,
      ...encode(rule.qualifier, low, power(rule.maxExponent)),
      currency,
      vague: true,
    });
  }
  return found.sort((a, b) => a.start - b.start);
}

/**
 * ING-AMT-10: a round figure passed, written with the article and no number ("a franchi le milliard
 * de dollars de valorisation", "sa valorisation dépassait le milliard d'euros", "crossed the billion-dollar
 * mark"): more than one of the scale, not a vague amount.
 */
const THRESHOLD =
  /\b(?:depass\w*|franchi\w*|passe|passer|passent|surpass\w*|crossed|crosses|topped|tops|passed|exceeded|exceeds)\s+(?:[a-z]+\s+){0,3}?(?:le|la barre du|la barre d'un|the)\s*(milliard|million|billion)(?:-dollar)?(?![a-z])/g;

/** Cheap test before THRESHOLD: the article and the scale word, written together. */
const THRESHOLD_HINT = [
  "le milliard",
  "le million",
  "the billion",
  "the million",
  "d'un milliard",
  "du milliard",
];

function thresholds(text: string, folded: string, found: MoneyMention[]): void {
  THRESHOLD.lastIndex = 0;
  for (let t = THRESHOLD.exec(folded); t !== null; t = THRESHOLD.exec(folded)) {
    const scaleAt = t.index + t[0].length - t[1]!.length - (t[0].endsWith("-dollar") ? 7 : 0);
    const start = folded.lastIndexOf(" ", scaleAt - 2) + 1;
    let end = t.index + t[0].length;
    if (found.some((f) => f.start < end && start < f.end)) continue;
    // With no currency written, the billion passed is the unicorn's: dollars (README).
    let currency = "USD" as Currency;
    const suffix = t[0].endsWith("-dollar") ? undefined : readCurrencyAfter(text, end, folded);
    if (suffix) {
      currency = suffix[0];
      end = suffix[1];
    }
    const low = power(t[1] === "million" ? 6 : 9);
    found.push({
      start,
      figureStart: start,
      end,
      qualifier: "more_than",
      ...encode("more_than", low, low),
      currency,
      vague: false,
    });
  }
}

/**
 * ING-AMT-11: Indian scales ("Rs 100 crore", "INR 50 lakh", "₹2,000 crore"): a crore is ten million, a
 * lakh a hundred thousand, in rupees; the figure read without its scale is replaced.
 */
const INDIAN_SCALE =
  /(?:\brs\.?|\binr|₹)\s*(\d{1,3}(?:,\d{2,3})+|\d+(?:\.\d+)?)\s*(crores?|cr|lakhs?|lacs?)(?![a-z])/g;

function indianScales(folded: string, found: MoneyMention[]): void {
  INDIAN_SCALE.lastIndex = 0;
  for (let t = INDIAN_SCALE.exec(folded); t !== null; t = INDIAN_SCALE.exec(folded)) {
    const value = Rational.parse(t[1]!.replace(/,/g, ""));
    if (!value) continue;
    const start = t.index;
    const end = start + t[0].length;
    for (let k = found.length - 1; k >= 0; k--) {
      if (found[k]!.figureStart < end && start < found[k]!.end) found.splice(k, 1);
    }
    const amount = value.mul(power(t[2]!.startsWith("c") ? 7 : 5));
    found.push({
      start,
      figureStart: start,
      end,
      qualifier: "exact",
      ...encode("exact", amount, amount),
      currency: "INR" as Currency,
      vague: false,
    });
  }
}

/** Finds percentages in a folded sentence, with the hedge before each. */
export function findPercents(folded: string, rules: LanguageRules): PercentMention[] {
  const out: PercentMention[] = [];
  for (const m of folded.matchAll(PERCENT)) {
    const value = Rational.parse(m[1]!.replace(",", "."));
    if (!value) continue;
    const before = qualifierBefore(folded, m.index, rules);
    out.push({
      start: before ? before.start : m.index,
      end: m.index + m[0].length,
      qualifier: before ? before.qualifier : "exact",
      value: value.div(Rational.of(100n)),
    });
  }
  return out;
}
