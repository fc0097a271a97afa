/**
 * Paragraphs and sentences (ING-SENT-1). A blank line ends a paragraph. Inside one, a
 * sentence ends at ".", "!", "?" or "…" followed by a space and a character that is not
 * a lower-case letter — unless the word before the point is an abbreviation ("M.", "Inc.",
 * "U.S.", "env."), an initial ("J.") or the point is inside a number ("1.5"). A line
 * break ends a sentence (headlines have no point) unless the next line starts in lower
 * case or the line ends with a comma, as in text wrapped by hand.
 */
import { LIMITS } from "../shared/limits.js";

/** Abbreviations after which a point does not end a sentence (folded, without the point). */
const ABBREVIATIONS = new Set([
  // French
  "m",
  "mm",
  "mme",
  "mmes",
  "mlle",
  "dr",
  "pr",
  "st",
  "ste",
  "cf",
  "p",
  "pp",
  "env",
  "av",
  "apr",
  "hab",
  "n°",
  "cie",
  "ets",
  "etc",
  "vol",
  "chap",
  "art",
  "al",
  // English
  "mr",
  "mrs",
  "ms",
  "prof",
  "sr",
  "jr",
  "vs",
  "e.g",
  "i.e",
  "approx",
  "no",
  "nos",
  "fig",
  "dept",
  "gov",
  "gen",
  "col",
  "sgt",
  "rep",
  "sen",
  "jan",
  "feb",
  "mar",
  "jun",
  "jul",
  "aug",
  "sep",
  "sept",
  "oct",
  "nov",
  "dec",
  "mt",
  "ft",
  "inc",
  "corp",
  "ltd",
  "co",
  "plc",
  "llc",
  "bros",
]);

/** Company suffixes: a point after them ends the sentence when a sentence starter follows. */
const COMPANY_SUFFIXES = new Set(["inc", "corp", "ltd", "co", "plc", "llc"]);
const SENTENCE_STARTERS = new Set([
  "the",
  "it",
  "its",
  "this",
  "that",
  "these",
  "they",
  "but",
  "and",
  "in",
  "on",
  "a",
  "an",
  "le",
  "la",
  "les",
  "il",
  "elle",
  "ils",
  "elles",
  "ce",
  "cette",
  "ces",
  "mais",
  "un",
  "une",
  "selon",
  "en",
  "dans",
]);

export interface SentenceSpan {
  /** Offsets in the paragraph given to `splitSentences`. */
  readonly start: number;
  readonly end: number;
}

const TERMINAL = new Set([".", "!", "?", "…"]);
/** The characters that may end a sentence: only these are looked at. */
const BOUNDARY = /[.!?…\n]/g;
const CLOSERS = new Set(['"', "'", "’", "”", "»", ")", "]"]);

function isBlank(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x202f || c === 0x2009 || c === 0x2007;
}

function isSpace(ch: string | undefined): boolean {
  return ch === " " || ch === "\t" || ch === "\u00a0" || ch === "\u202f" || ch === "\r";
}

function isLowerLetter(ch: string | undefined): boolean {
  return ch !== undefined && ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

/** The word just before offset `dot` (letters, digits and inner points), folded. */
function wordBefore(folded: string, dot: number): string {
  let i = dot;
  while (i > 0 && /[a-z0-9°.]/.test(folded[i - 1]!)) i--;
  return folded.slice(i, dot);
}

function wordAfter(folded: string, from: number): string {
  const m = /^[a-z']+/.exec(folded.slice(from, from + 20));
  return m ? m[0] : "";
}

function pointEndsSentence(folded: string, dot: number, next: number): boolean {
  const word = wordBefore(folded, dot);
  if (word.length === 0) return true;
  if (/^\d+$/.test(word)) return true; // "en 2021." ends a sentence; "1.5" has no space after the point.
  if (word.length === 1 && /[a-z]/.test(word)) return false; // an initial: "J. Smith"
  if (/^(?:[a-z]\.)+[a-z]$/.test(word)) return false; // "U.S.", "e.g." — not "2.5m."
  if (ABBREVIATIONS.has(word)) {
    return COMPANY_SUFFIXES.has(word) && SENTENCE_STARTERS.has(wordAfter(folded, next));
  }
  return true;
}

/** Whether at least two line breaks, and most of them, fall before a lower-case word. */
function hardWrapped(text: string): boolean {
  let breaks = 0;
  let lower = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) {
    breaks++;
    let j = i + 1;
    while (isSpace(text[j])) j++;
    if (isLowerLetter(text[j])) lower++;
  }
  return lower >= 2 && lower * 2 > breaks;
}

/**
 * Splits one paragraph into sentences. `text` is the paragraph, `folded` its folded copy
 * (same length). Offsets are relative to the paragraph.
 */
export function splitSentences(text: string, folded: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && isBlank(text.charCodeAt(s))) s++;
    while (e > s && isBlank(text.charCodeAt(e - 1))) e--;
    // Cut a run-on "sentence" into pieces at white space: no real sentence is this long.
    while (e - s > LIMITS.ingestSentenceChars) {
      let cut = s + LIMITS.ingestSentenceChars;
      while (cut > s + 1 && !/\s/.test(text[cut]!)) cut--;
      if (cut <= s + 1) cut = s + LIMITS.ingestSentenceChars;
      out.push({ start: s, end: cut });
      s = cut;
      while (s < e && /\s/.test(text[s]!)) s++;
    }
    if (e > s) out.push({ start: s, end: e });
  };
  // ING-ENT-17: a hard-wrapped paragraph (most of its line breaks fall before a lower-case word)
  // breaks lines inside sentences and names ("venture capital group Sequoia\nChina and …").
  const wrapped = text.includes("\n") && hardWrapped(text);
  BOUNDARY.lastIndex = 0;
  for (let b = BOUNDARY.exec(text); b !== null; b = BOUNDARY.exec(text)) {
    const i = b.index;
    if (i < start) continue;
    const ch = text[i]!;
    if (ch === "\n") {
      let j = i + 1;
      while (isSpace(text[j])) j++;
      let k = i - 1;
      while (k >= start && isSpace(text[k])) k--;
      const previous = text[k];
      const continues =
        isLowerLetter(text[j]) ||
        previous === "," ||
        previous === "-" ||
        (wrapped && previous !== undefined && /[\p{L}\p{N}]/u.test(previous) && text[i + 1] !== "\n");
      if (!continues) {
        push(i);
        start = i + 1;
      }
      continue;
    }
    let j = i + 1;
    while (TERMINAL.has(text[j] ?? "") || CLOSERS.has(text[j] ?? "")) j++;
    if (j < text.length && !isSpace(text[j]) && text[j] !== "\n") continue;
    let k = j;
    while (isSpace(text[k])) k++;
    if (k < text.length && isLowerLetter(text[k])) continue;
    if (ch === "." && !pointEndsSentence(folded, i, k)) continue;
    push(j);
    start = j;
    BOUNDARY.lastIndex = j;
  }
  push(text.length);
  return out;
}
