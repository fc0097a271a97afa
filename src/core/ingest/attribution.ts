/**
 * Attribution phrases in a sentence (ING-ATTR-1): "selon des sources proches du
 * dossier", "des rapports suggèrent", "a rapporté Reuters", "according to people
 * familiar with the matter", "Bloomberg reported", "the company said". A claim takes
 * the phrase of its own sentence only (the founding report's same-sentence rule).
 */
import type { LanguageRules } from "./lexicon.js";

export interface AttributionSpan {
  /** Offsets relative to the sentence. */
  readonly start: number;
  readonly end: number;
}

const MAX_WORDS = 12;

/** Cuts a "selon …" phrase at a clause word and to MAX_WORDS words. */
function trimSourcePhrase(folded: string, start: number, end: number): number {
  const phrase = folded.slice(start, end);
  const clause = /\s(?:que|qui|et|mais|alors|tandis|while|and|but|which|who|that)\s/.exec(phrase);
  let cut = clause ? start + clause.index : end;
  const words = folded.slice(start, cut).split(/\s+/);
  if (words.length > MAX_WORDS) {
    let n = 0;
    for (let i = start; i < cut; i++) {
      if (/\s/.test(folded[i]!) && !/\s/.test(folded[i - 1]!)) {
        n++;
        if (n === MAX_WORDS) {
          cut = i;
          break;
        }
      }
    }
  }
  return cut;
}

const NAMED_TRIGGER =
  /reported|reports|said|says|wrote|revealed|confirmed|told|rapporte|revele|affirme|ecrit/;

export function findAttributions(text: string, folded: string, rules: LanguageRules): AttributionSpan[] {
  const spans: AttributionSpan[] = [];
  const add = (start: number, end: number) => {
    let e = end;
    while (e > start && /[\s,;:.]/.test(folded[e - 1]!)) e--;
    const trailing = rules.attributionTrailingTime.exec(folded.slice(start, e));
    if (trailing) e = start + trailing.index;
    while (e > start && /[\s,;:]/.test(folded[e - 1]!)) e--;
    if (e - start < 4) return;
    // Keep the longest of overlapping phrases.
    for (let k = 0; k < spans.length; k++) {
      const s = spans[k]!;
      if (s.start < e && start < s.end) {
        if (e - start > s.end - s.start) spans[k] = { start, end: e };
        return;
      }
    }
    spans.push({ start, end: e });
  };
  for (const { trigger, pattern } of rules.attribution) {
    if (!trigger.test(folded)) continue;
    pattern.lastIndex = 0;
    for (const m of folded.matchAll(pattern)) {
      const start = m.index;
      let end = start + m[0].length;
      if (/^(?:selon|d'apres|according to|a en croire|cite|rapporte|as reported|cited)/.test(m[0])) {
        if (rules.notASource.test(m[0])) continue;
        // "variant selon les conditions finales": "selon" after a verb of variation is no source.
        if (/(?:vari\w*|fonction|depend\w*)\s*$/.test(folded.slice(Math.max(0, start - 16), start))) continue;
        end = trimSourcePhrase(folded, start, end);
      }
      add(start, end);
    }
  }
  if (!NAMED_TRIGGER.test(folded)) return spans.sort((a, b) => a.start - b.start);
  rules.namedAttribution.lastIndex = 0;
  for (const m of text.matchAll(rules.namedAttribution)) {
    const name = m[1]!;
    // A sentence-initial article or preposition is not part of the source's name.
    if (/^(?:Selon|Le|La|Les|Un|Une|Des|Dans|En|Pour|Mais|Et|But|And|In|On|As|At|By|For|If)$/.test(name))
      continue;
    add(m.index, m.index + m[0].length);
  }
  return spans.sort((a, b) => a.start - b.start);
}
