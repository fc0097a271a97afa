/**
 * Mentions of companies and people in a sentence (ING-ENT-1, ING-ROLE-4): names (runs
 * of capitalised words, trimmed of function words, places and titles), definite
 * descriptions that stand for a company ("l'entreprise", "the company"), references to
 * a group ("ces trois entreprises", "these three companies"), subject pronouns and the
 * French clitic "y". Offsets are relative to the sentence.
 */
import type { EntityRegistry, EntityType } from "./entity-registry.js";
import type { LanguageRules } from "./lexicon.js";
import { DESIGNATOR_WORDS, NOT_NAME_WORDS, PERSON_ROLE, PLACE_WORDS } from "./names.js";
import { squeezeFoldedName } from "./text-fold.js";

export interface NameMention {
  readonly kind: "name";
  readonly start: number;
  readonly end: number;
  /** The entity key in the registry. */
  readonly key: string;
  readonly type: EntityType;
  /** Written with "'s" ("Halcyon's chips"). */
  readonly possessive: boolean;
  readonly inAttribution: boolean;
}

export interface AnaphorMention {
  readonly kind: "anaphor";
  readonly start: number;
  readonly end: number;
  readonly form: "description" | "pronoun" | "clitic";
  readonly inAttribution: boolean;
}

export interface GroupMention {
  readonly kind: "group";
  readonly start: number;
  readonly end: number;
  /** The number of members the text gives ("trois"), if any. */
  readonly size: number | undefined;
  readonly inAttribution: boolean;
}

export type Mention = NameMention | AnaphorMention | GroupMention;

const JOINERS = "&'’.-";
/** The head nouns of the descriptions in both lexicons: no description without one of them. */
const DESCRIPTION_HEADS =
  /entreprise|firme|societe|start|pousse|groupe|geant|editeur|fabricant|constructeur|licorne|pepite|laboratoire|tech|neobanque|operateur|fonds|banque|-ci|company|firm|group|giant|maker|developer|lab|retailer|business|unicorn|operator|bank|fund|carrier|insurer|latter|specialiste|investisseur|conglomerat|investor|conglomerate|specialist|dernier|derniere/;
const ELIDED = /^(?:l|d|qu|n|s|c|j|jusqu|lorsqu|puisqu)'/;
const ACRONYM_AFTER = /^\s*\((\p{Lu}[\p{Lu}\p{N}&]{1,7})\)/u;
const PERSON_TOKEN = /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u;
/** Words joining the parts of one name: "Bank of America", "Procter & Gamble". */
const NAME_JOINER = /^(?: | & | of )$/;

interface Token {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly folded: string;
  readonly possessive: boolean;
}

/**
 * A capitalised word right after a figure is a unit ("5 Md$", "40 M€"), not a name; a
 * digit ending a word ("H2 Green Steel", "Q8 Blue") makes no figure (ING-ENT-14).
 */
/** The cheap test before AFTER_FIGURE: a digit right before, or before one space. */
const DIGIT_BEFORE = /\d[\s\u00a0\u202f]?$/;
const AFTER_FIGURE = /(?<![\p{L}\d])\d+(?:[.,]\d+)?[\s\u00a0\u202f]?$/u;
/** ING-ENT-6: a bare number opening a list member ("…, 360 Capital Partners"), captured with its space. */
const NUMBERED_NAME_IN_LIST = /(?:[,;:]\s|\b(?:et|and)\s)(\d{1,4}\s)$/;
/** Units and scale words that follow a figure ("5 Md$", "40 M€", "2 Bn", "3 Millions"). */
const UNIT_WORD =
  /^(?:M|Md|Mds|Mn|Mio|Mrd|Bn|B|K|Mln|Md\$|M€|M\$|USD|EUR|GBP|CHF|JPY|INR|Cr|Crore|Lakh|Millions?|Milliards?|Billions?|Trillions?|Thousand|Euros?|Dollars?)\b/;
/** ING-ENT-5: a date or a year is not a figure with a unit ("date 2025-04 OpenAI", "in 2021 Anthropic"). */
const DATE_OR_YEAR_BEFORE = /(?:^|[^\d$€£¥.,])(?:19|20)\d\d(?:-\d\d){0,2}[\s\u00a0\u202f]$/;

/** ING-ENT-4, ING-ENT-7: a place or a kind glued to a descriptor ("US-based", "New York-headquartered"). */
const DESCRIPTOR_TOKEN = /-(?:based|headquartered|owned|backed|listed|born|focused)$/;

const UPPER = /\p{Lu}/gu;
const LETTER = /\p{L}/u;

function isWordCode(c: number, ch: string | undefined): boolean {
  if (c < 0x80) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return ch !== undefined && LETTER.test(ch);
}

function isWordAt(text: string, i: number): boolean {
  return i >= 0 && i < text.length && isWordCode(text.charCodeAt(i), text[i]);
}

function isLetterAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  return !(c >= 48 && c <= 57) && isWordCode(c, text[i]);
}

/** ING-ENT-19: an adverb of time between a name opening a sentence and its verb ("Kivo today announced"). */
const TIME_ADVERB_AFTER =
  /^\s+(?:today|now|also|recently|yesterday|officially|finally|just|aujourd'hui|desormais|enfin|officiellement|hier)(?=\s)/;
/** ING-ENT-18: a company noun right before a name ("the battery company 24M", "la start-up 6K"). */
const COMPANY_NOUN_BEFORE =
  /\b(?:company|startup|start-up|firm|maker|manufacturer|developer|societe|entreprise|pepite|jeune pousse)\s+$/;
/** ING-ENT-18: digits glued to one to three capitals ("24M", "6K", "3M"). */
const DIGIT_NAME = /^\d{1,3}\p{Lu}{1,3}(?:['’]s)?$/u;

/**
 * ING-ENT-18: a name made of digits and capitals ("24M", "6K"), which reads as a figure and its
 * unit: a name after a company noun ("the battery technology company 24M"), or once so named.
 */
function digitName(
  text: string,
  folded: string,
  wordStart: number,
  at: number,
  end: number,
  known: ((folded: string) => boolean) | undefined,
): boolean {
  if (at - wordStart > 3 || !DIGIT_NAME.test(text.slice(wordStart, end))) return false;
  if (/[$€£¥\d.,]/.test(text[wordStart - 1] ?? " ")) return false;
  if (COMPANY_NOUN_BEFORE.test(folded.slice(Math.max(0, wordStart - 24), wordStart))) return true;
  return known?.(folded.slice(wordStart, end).replace(/['’]s$/, "")) ?? false;
}

/**
 * The words that may be part of a name: a capital first ("OpenAI", "Énergie"), or a short
 * lower-case start with a capital inside ("xAI", "eBay"), with inner joiners ("AT&T",
 * "Amazon.com", "Saint-Gobain"). A word right after a figure is a unit ("5 Md$"). Only
 * the capitals are visited: they are few in running text.
 */
function tokenize(text: string, folded: string, known?: (folded: string) => boolean): Token[] {
  const out: Token[] = [];
  let resume = 0;
  UPPER.lastIndex = 0;
  for (let m = UPPER.exec(text); m !== null; m = UPPER.exec(text)) {
    const at = m.index;
    if (at < resume) continue;
    let wordStart = at;
    while (isWordAt(text, wordStart - 1)) wordStart--;
    let end = at;
    for (;;) {
      if (isWordAt(text, end)) end++;
      else if (JOINERS.includes(text[end] ?? " ") && isLetterAt(text, end + 1)) end += 2;
      else break;
    }
    resume = end;
    let start = at;
    if (wordStart < at) {
      // "xAI", "eBay": a short lower-case start; a capital deeper inside a word is no name start.
      // ING-ENT-14: "5AM Ventures", "7Oaks": one or two digits glued to a capitalised word open a
      // name, unless they make a figure with a unit ("5Bn", "$4B", "10M").
      const lead = text.slice(wordStart, at);
      const digits =
        /^\d{1,2}$/.test(lead) &&
        end - at >= 2 &&
        !UNIT_WORD.test(text.slice(at, end)) &&
        !/[$€£¥\d.,]/.test(text[wordStart - 1] ?? " ");
      if (
        !digits &&
        !digitName(text, folded, wordStart, at, end, known) &&
        (at - wordStart > 4 || !/^[a-z]+$/.test(lead))
      )
        continue;
      start = wordStart;
    }
    if (
      DIGIT_BEFORE.test(text.slice(Math.max(0, start - 2), start)) &&
      AFTER_FIGURE.test(text.slice(Math.max(0, start - 12), start)) &&
      !DATE_OR_YEAR_BEFORE.test(text.slice(Math.max(0, start - 13), start))
    ) {
      // ING-ENT-6: in a list, a name may start with a number ("Sigma, 360 Capital Partners et …").
      const listed = NUMBERED_NAME_IN_LIST.exec(text.slice(Math.max(0, start - 10), start));
      if (!listed || UNIT_WORD.test(text.slice(start, end))) continue;
      start -= listed[1]!.length;
    }
    let raw = text.slice(start, end);
    let possessive = false;
    if (/['’]s$/.test(raw)) {
      raw = raw.slice(0, -2);
      possessive = true;
    }
    // ING-ENT-10: "Amazon.com" is Amazon.
    if (/^.{2,}\.com$/i.test(raw)) raw = raw.slice(0, -4);
    raw = raw.replace(/[.'’-]+$/, "");
    // ING-PART-3: "a Softbank-led round": the name ends before "-led".
    if (/.-(?:led|backed)$/i.test(raw)) raw = raw.replace(/-(?:led|backed)$/i, "");
    if (raw.length === 0) continue;
    out.push({
      start,
      end: start + raw.length,
      text: raw,
      folded: squeezeFoldedName(folded.slice(start, start + raw.length)),
      possessive,
    });
  }
  return out;
}

/** Whether a folded word is a verb of the lexicon, memoised per language. */
const verbMemo = new WeakMap<LanguageRules, Map<string, boolean>>();

function isVerb(rules: LanguageRules, word: string): boolean {
  let memo = verbMemo.get(rules);
  if (!memo) {
    memo = new Map();
    verbMemo.set(rules, memo);
  }
  let known = memo.get(word);
  if (known === undefined) {
    known = /^[a-z]/.test(word) && rules.subjectFollowers.test(` ${word}`);
    if (memo.size < 10_000) memo.set(word, known);
  }
  return known;
}

function isNotName(token: Token): boolean {
  return (
    NOT_NAME_WORDS.has(token.folded) ||
    ELIDED.test(token.folded) ||
    /-(?:based|born)$/.test(token.folded) ||
    // A single letter is an initial or a series ("Series C"), not a name.
    token.text.length === 1
  );
}

function inSpans(start: number, end: number, spans: readonly { start: number; end: number }[]): boolean {
  return spans.some((s) => start >= s.start && end <= s.end);
}

function descriptionOfName(folded: string, end: number, names: readonly NameMention[]): boolean {
  const next = /^\s+((?:[a-z'-]+\s+){0,2})/.exec(folded.slice(end, end + 40));
  if (!next) return false;
  let at = end + next[0].length - next[1]!.length;
  for (let word = 0; word <= 2; word++) {
    if (names.some((n) => n.start === at)) return true;
    const w = /^[a-z'-]+\s+/.exec(folded.slice(at, at + 30));
    if (!w) return false;
    at += w[0].length;
  }
  return false;
}

/** The first character of the sentence that is a letter or digit. */
function firstWordStart(text: string): number {
  const m = /[\p{L}\p{N}]/u.exec(text);
  return m ? m.index : 0;
}

/**
 * Finds the mentions in one sentence, registering new names in `registry`. `base` is
 * the sentence's offset in the whole text, for the mention offsets kept by the registry.
 */
/** Legal forms written after a company's name. */
const LEGAL_SUFFIX =
  /^(?:corp|corporation|inc|incorporated|ltd|limited|llc|plc|sa|sas|sasu|ag|gmbh|nv|bv|co|aps|oy|srl|spa|pty|kk)\.?$/;

/** ING-ENT-13: "based in Shanghai and Philadelphia", "basée à Lyon": the names after it are places. */
const LOCATED_IN_BEFORE =
  /\b(?:(?:based|headquartered|located|offices?|campus(?:es)?) in|(?:basee?s?|implantee?s?|installee?s?|situee?s?) (?:a|en))\s+(?:[\p{L}.'-]+[,\s]+)*$/u;
/** A cheap test before LOCATED_IN_BEFORE: most names have none of these words before them. */
const LOCATED_HINT = /based|headquartered|located|office|campus|basee?s? |implante|installe|situe/;

/** ING-ENT-17: a single capital written as an initial ("T. Rowe Price"). */
const INITIAL = /^\p{Lu}$/u;
/** ING-ENT-17: role words inside a run of capitals, before a person's name ("GitHub CEO Nat Friedman"). */
const ROLE_TOKEN =
  /^(?:ceo|cto|cfo|coo|chief|founder|co-founder|cofounder|chairman|chairwoman|president|pdg|fondateur|cofondateur|partner)$/;

/** ING-ENT-13: "T-cell", "X-ray", "B-cell": a single capital joined to a common word names a thing. */
const LETTER_COMPOUND = /^\p{Lu}-\p{Ll}+$/u;

export function findMentions(
  text: string,
  folded: string,
  base: number,
  rules: LanguageRules,
  registry: EntityRegistry,
  attributionSpans: readonly { start: number; end: number }[],
): Mention[] {
  const mentions: Mention[] = [];
  const tokens = tokenize(text, folded, (f) => registry.has(f));
  const sentenceStart = firstWordStart(text);
  // ING-ENT-17: a sentence broken before a lower-case word is hard-wrapped.
  const wrapped = text.includes("\n") && /\n\p{Ll}/u.test(text);
  let i = 0;
  while (i < tokens.length) {
    // A run of capitalised tokens joined by single spaces (or "&", "of", "and" between capitals).
    const run: Token[] = [tokens[i]!];
    let j = i + 1;
    while (j < tokens.length && !run[run.length - 1]!.possessive) {
      const gap = text.slice(run[run.length - 1]!.end, tokens[j]!.start);
      // ING-ENT-17: an initial opening a name ("T. Rowe Price") joins the name after it.
      const initial = gap === ". " && run.length === 1 && INITIAL.test(run[0]!.text) && run[0]!.start !== 0;
      // ING-ENT-17: a hard-wrapped text breaks lines inside names ("Sequoia\nChina").
      if (!NAME_JOINER.test(gap) && !initial && !(wrapped && gap === "\n")) break;
      // Title-case headlines: "SkyForge Robotics Announces $140 Million" — a verb ends the name.
      if (isVerb(rules, tokens[j]!.folded)) break;
      if (gap !== " " && isNotName(tokens[j]!)) break;
      run.push(tokens[j]!);
      j++;
    }
    i = j;
    // A verb written with a capital (a title-case headline) is not a name: skip it.
    if (i < tokens.length && isVerb(rules, tokens[i]!.folded) && !registry.has(tokens[i]!.folded)) i++;
    // ING-ENT-8: "in The Viral Fever's round": a capitalised "The" inside a sentence opens the name.
    const article =
      run.length > 1 && run[0]!.folded === "the" && run[0]!.start !== sentenceStart && !isNotName(run[1]!)
        ? run[0]!
        : undefined;
    // ING-ENT-14: "M Ventures", "K Capital": a single capital before a designator names a fund.
    const run0 = run[0];
    const letterFund =
      run.length > 1 &&
      /^[B-HJ-Z]$/.test(run[0]!.text) &&
      DESIGNATOR_WORDS.has(run[1]!.folded) &&
      run[0]!.start !== sentenceStart;
    const initialName = run.length > 1 && INITIAL.test(run[0]!.text) && text[run[0]!.end] === ".";
    while (run.length > 0 && isNotName(run[0]!) && !(letterFund && run[0] === run0) && !initialName)
      run.shift();
    // ING-ENT-17: "former GitHub CEO Nat Friedman", "McKinsey Chief Rajat Gupta": a role word inside
    // a run, followed by a person's first name and surname, introduces that person: the company
    // before the role is a name of its own, the person is read as the next run.
    let roleSplit = false;
    for (let k = run.length - 3; k >= 1; k--) {
      const rest = run.slice(k + 1);
      if (
        ROLE_TOKEN.test(run[k]!.folded) &&
        rest.length >= 2 &&
        rest.length <= 3 &&
        rest.every((t) => PERSON_TOKEN.test(t.text) && !DESIGNATOR_WORDS.has(t.folded))
      ) {
        i = tokens.indexOf(rest[0]!);
        run.splice(k);
        roleSplit = true;
        break;
      }
    }
    if (article && !/[.:;!?"“«([]\s*$/.test(text.slice(Math.max(0, article.start - 3), article.start)))
      run.unshift(article);
    // ING-ENT-7: "New York-headquartered Tiger": a glued descriptor inside the run is cut with what precedes it.
    for (let k = run.length - 2; k >= 0; k--) {
      if (DESCRIPTOR_TOKEN.test(run[k]!.folded)) {
        run.splice(0, k + 1);
        break;
      }
    }
    // "a US AI startup": a place followed only by words that name nothing is no name.
    if (run.length > 1 && PLACE_WORDS.has(run[0]!.folded) && run.slice(1).every((t) => isNotName(t)))
      continue;
    if (run.length === 1 && isVerb(rules, run[0]!.folded) && !registry.has(run[0]!.folded)) continue;
    while (run.length > 0 && NOT_NAME_WORDS.has(run[run.length - 1]!.folded) && run.length > 1) {
      const last = run[run.length - 1]!.folded;
      // ING-ENT-17: "Nuovo Plus", "Disney Plus": in English "Plus" ends a name (a French "plus" is an adverb).
      const englishPlus = last === "plus" && rules.language === "en";
      if (!/^(?:ai|ia|cloud|investments?)$/.test(last) && !englishPlus) run.pop();
      else break;
    }
    // ING-ENT-4: "US-based", "New York-headquartered", "UK-government-owned": a descriptor, not a name.
    const tail = run[run.length - 1];
    if (tail && DESCRIPTOR_TOKEN.test(tail.folded)) continue;
    // ING-ENT-4: a legal suffix glued to a name is not part of it ("Nvidia Corp", "Cisco Systems Inc.").
    let legalForm = false;
    // "Novartis AG's acquisition": the possessive written on the legal form is the name's.
    let suffixPossessive = false;
    while (run.length > 1 && LEGAL_SUFFIX.test(run[run.length - 1]!.folded)) {
      suffixPossessive ||= run[run.length - 1]!.possessive;
      run.pop();
      legalForm = true;
      // ING-ENT-17: "Altria Group Inc.", "SoftBank Group Corp": "Group" before a legal form goes with it.
      if (run.length > 1 && run[run.length - 1]!.folded === "group") run.pop();
    }
    if (run.length === 0) continue;
    const first = run[0]!;
    const last = run[run.length - 1]!;
    // ING-ENT-13: a legal form alone ("Ltd." after "Co.", cut by the sentence splitter), a place
    // abbreviation written before "-based" ("Cambridge, Mass.-based"), a single capital joined to
    // a common word ("T-cell"), and names after "based in" are no company.
    if (run.length === 1 && LEGAL_SUFFIX.test(first.folded)) continue;
    if (/^\.?-(?:based|headquartered)\b/.test(folded.slice(last.end, last.end + 16))) continue;
    if (run.length === 1 && LETTER_COMPOUND.test(first.text)) continue;
    const before60 = folded.slice(Math.max(0, first.start - 60), first.start);
    if (LOCATED_HINT.test(before60) && LOCATED_IN_BEFORE.test(before60)) continue;
    // A name broken over two lines is written with one space.
    const surface = wrapped
      ? text.slice(first.start, last.end).replace(/\n/g, " ")
      : text.slice(first.start, last.end);
    const surfaceFolded = squeezeFoldedName(
      wrapped ? folded.slice(first.start, last.end).replace(/\n/g, " ") : folded.slice(first.start, last.end),
    );
    if (run.every((t) => PLACE_WORDS.has(t.folded)) || PLACE_WORDS.has(surfaceFolded)) continue;
    // ING-ENT-11: "du logiciel d'entreprise (ERP)": an acronym in brackets after a common noun abbreviates a term.
    if (
      run.length === 1 &&
      /^\p{Lu}{2,5}$/u.test(first.text) &&
      /\p{Ll}\s*\(\s*$/u.test(text.slice(Math.max(0, first.start - 4), first.start)) &&
      /^\s*\)/.test(text.slice(last.end, last.end + 3))
    )
      continue;
    if (run.length === 1 && first.start === sentenceStart && !registry.has(surfaceFolded) && !roleSplit) {
      // A capitalised word opening a sentence is a name only with some support: an inner
      // capital ("OpenAI"), or a verb, comma or colon after it ("Nvidia est", "Mistelle, le…").
      const innerCapital = /.\p{Lu}/u.test(first.text);
      const after = folded.slice(last.end, last.end + 40);
      const adverb = /(?:ly|ment)$/.test(first.folded) && /^\s*,/.test(after);
      // A legal form after it ("Tamsel Ltd. has closed") marks a company too.
      // ING-ENT-19: an adverb of time may stand between the name and its verb ("Kivo today announced").
      const verbAfter =
        rules.subjectFollowers.test(after) ||
        (TIME_ADVERB_AFTER.test(after) && rules.subjectFollowers.test(after.replace(TIME_ADVERB_AFTER, "")));
      if (adverb || (!innerCapital && !legalForm && !verbAfter)) continue;
    }
    const person =
      run.length >= 2 &&
      run.length <= 3 &&
      run.every((t) => PERSON_TOKEN.test(t.text)) &&
      // ING-ENT-14: "dirigé par Halden Venture Fund": a name ending in a designator is no person.
      !DESIGNATOR_WORDS.has(last.folded) &&
      // "an analyst with Futurum Group": the name after the role's preposition is its employer.
      !/(?:\b(?:with|at|of|from|for|chez|de|du|des|pour)\s+|d['’])$/.test(
        folded.slice(Math.max(0, first.start - 8), first.start),
      ) &&
      PERSON_ROLE.test(folded.slice(Math.max(0, first.start - 40), Math.min(folded.length, last.end + 30)));
    // ING-ENT-9: a lone surname of a person named in full before is that person ("Carlsson said").
    const surnameOf =
      run.length === 1 && !registry.has(surfaceFolded) ? registry.personBySurname(surfaceFolded) : undefined;
    const type: EntityType = person || surnameOf !== undefined ? "person" : "organisation";
    const key = surnameOf ?? registry.resolve(surface, type, surfaceFolded);
    if (key === undefined) continue;
    const inAttribution = inSpans(first.start, last.end, attributionSpans);
    registry.noteMention(key, base + first.start, base + last.end, type);
    mentions.push({
      kind: "name",
      start: first.start,
      end: last.end,
      key,
      type: registry.type(key),
      possessive: last.possessive || suffixPossessive,
      inAttribution,
    });
    const acronym = ACRONYM_AFTER.exec(text.slice(last.end, last.end + 14));
    if (acronym) {
      registry.addAlias(key, acronym[1]!);
      // The acronym's own token is the same entity: skip it.
      const acronymStart = last.end + acronym[0].indexOf(acronym[1]!);
      while (i < tokens.length && tokens[i]!.start <= acronymStart) i++;
    }
  }
  const names = mentions.filter((m): m is NameMention => m.kind === "name");
  const overlapsName = (s: number, e: number) => names.some((n) => n.start < e && s < n.end);
  rules.companyAnaphor.lastIndex = 0;
  const descriptions = DESCRIPTION_HEADS.test(folded) ? folded.matchAll(rules.companyAnaphor) : [];
  for (const m of descriptions) {
    const start = m.index;
    const end = start + m[0].length;
    if (overlapsName(start, end)) continue;
    // "le fonds Sequana", "la start-up Kalyx", "le fonds américain Northgate Capital": a
    // description in front of a name (at most two words apart) is not an anaphor.
    if (descriptionOfName(folded, end, names)) continue;
    mentions.push({
      kind: "anaphor",
      start,
      end,
      form: "description",
      inAttribution: inSpans(start, end, attributionSpans),
    });
  }
  rules.groupAnaphor.lastIndex = 0;
  for (const m of folded.matchAll(rules.groupAnaphor)) {
    const start = m.index;
    const end = start + m[0].length;
    if (overlapsName(start, end)) continue;
    const numeral = m.slice(1).find((g) => g !== undefined);
    const size = numeral ? rules.numerals.get(numeral) : /\btrio\b/.test(m[0]) ? 3 : undefined;
    mentions.push({ kind: "group", start, end, size, inAttribution: inSpans(start, end, attributionSpans) });
  }
  rules.pronoun.lastIndex = 0;
  for (const m of folded.matchAll(rules.pronoun)) {
    const start = m.index;
    const end = start + m[0].length;
    // "il y a" is not a subject pronoun standing for a company.
    if (/^\s+y\s+a(?![a-z])/.test(folded.slice(end, end + 6))) continue;
    mentions.push({
      kind: "anaphor",
      start,
      end,
      form: "pronoun",
      inAttribution: inSpans(start, end, attributionSpans),
    });
  }
  if (rules.recipientClitic) {
    rules.recipientClitic.lastIndex = 0;
    for (const m of folded.matchAll(rules.recipientClitic)) {
      mentions.push({
        kind: "anaphor",
        start: m.index,
        end: m.index + 1,
        form: "clitic",
        inAttribution: false,
      });
    }
  }
  return mentions.sort((a, b) => a.start - b.start);
}
