/**
 * Offline language detection by stopword counts (ING-LANG-1). French and English share
 * few function words, so counting them tells the two apart on a sentence or two; accented
 * letters and French elisions ("l'", "d'") add French evidence. No model, no network.
 */
import { foldText } from "./text-fold.js";
import type { IngestLanguage } from "./types.js";

const FRENCH_WORDS = new Set(
  (
    "le la les des du de et est un une dans pour que qui avec sur pas ses ces au aux ont sont cette ce " +
    "il elle ils elles selon mais ou donc été être plus aussi leur leurs son sa nous vous par entre " +
    "depuis lors comme très fait peut pourrait serait avait sous chez dont où même tout tous après avant " +
    "encore alors ainsi déjà lui notre nos votre"
  )
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .split(" "),
);

const ENGLISH_WORDS = new Set(
  (
    "the and of to in is for with that by from its has was will at are be this it have which were their " +
    "would could should been being than into about after before said says they them these those there " +
    "while also other more most such only over under between during through up out not but or if who " +
    "whom what when where new last first its"
  ).split(" "),
);

/** French elided articles and pronouns: "l'", "d'", "qu'", "n'", "s'", "c'", "j'". */
const FRENCH_ELISION = /\b[ldqnscj]'[a-z]/g;
const WORD = /[a-z]+/g;

export interface LanguageScores {
  readonly french: number;
  readonly english: number;
}

/** Counts French and English evidence in already folded text. */
export function languageScores(folded: string, original: string): LanguageScores {
  let french = 0;
  let english = 0;
  for (const m of folded.matchAll(WORD)) {
    const w = m[0];
    if (FRENCH_WORDS.has(w)) french++;
    if (ENGLISH_WORDS.has(w)) english++;
  }
  french += (folded.match(FRENCH_ELISION) ?? []).length;
  // Accented letters are weak evidence (names carry them too): half a point, capped.
  const accents = (original.match(/[éèêàçùûôîœ]/gi) ?? []).length;
  french += Math.min(accents, 40) / 2;
  return { french, english };
}

export interface LanguageGuess {
  /** The language, or undefined when the evidence is too thin to tell. */
  readonly language: IngestLanguage | undefined;
  /** |french - english| / (french + english), 0 when there is no evidence. */
  readonly confidence: number;
  readonly scores: LanguageScores;
}

/** The least evidence (stopwords counted) for a guess. */
export const MIN_LANGUAGE_EVIDENCE = 3;

export function guessLanguage(scores: LanguageScores): LanguageGuess {
  const total = scores.french + scores.english;
  if (total < MIN_LANGUAGE_EVIDENCE || scores.french === scores.english) {
    return { language: undefined, confidence: 0, scores };
  }
  return {
    language: scores.french > scores.english ? "fr" : "en",
    confidence: Math.abs(scores.french - scores.english) / total,
    scores,
  };
}

/** Detects the language of a text on its own (folds it first). */
export function detectLanguage(text: string): LanguageGuess {
  return guessLanguage(languageScores(foldText(text), text));
}
