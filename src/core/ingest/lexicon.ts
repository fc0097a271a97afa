/**
 * The shape of a language's rules. Every pattern runs on folded text (text-fold.ts:
 * lower case, no accents, plain apostrophes), so the lexicons are written in plain
 * lower-case ASCII. Global patterns ("g") are scanned over a sentence; patterns that
 * end in "$" are tested on the text just before a position, patterns that start with
 * "^" on the text just after it. docs/spec/ingest.md names the rule each serves.
 */
import type { ClaimStatus, IngestLanguage, Qualifier } from "./types.js";

export interface QualifierRule {
  readonly qualifier: Exclude<Qualifier, "exact" | "range">;
  readonly pattern: RegExp;
}

/** A vague scale phrase and the amount it encodes by convention (ING-AMT-4). */
export interface VagueAmountRule {
  readonly pattern: RegExp;
  readonly qualifier: "at_least" | "range" | "about";
  /** Powers of ten: min for at_least and range, max for range, point for about. */
  readonly minExponent?: number;
  readonly maxExponent?: number;
  readonly pointExponent?: number;
}

export interface RangeJoinRule {
  /** Between the two figures, at the start of the text after the first ("^\s*et\s+"). */
  readonly join: RegExp;
  /** A word required before the first figure ("entre"), or null. */
  readonly lead: RegExp | null;
}

/** An attribution pattern and a cheap test that must pass before it is run. */
export interface AttributionRule {
  readonly trigger: RegExp;
  readonly pattern: RegExp;
}

export interface StatusRule {
  readonly status: ClaimStatus;
  readonly pattern: RegExp;
}

export interface LanguageRules {
  readonly language: IngestLanguage;

  // Amounts (ING-AMT, ING-QUAL)
  readonly qualifierBefore: readonly QualifierRule[];
  readonly qualifierAfter: readonly QualifierRule[];
  readonly rangeJoins: readonly RangeJoinRule[];
  readonly vagueAmounts: readonly VagueAmountRule[];
  /** After a figure with no currency: what may follow a sum of money ("dans", "de financement"). */
  readonly currencylessContinuation: RegExp;
  /** Fractions written in words ("un quart", "a fifth"), for stakes. */
  readonly fractionWords: ReadonlyMap<string, readonly [number, number]>;

  // Kinds and roles (ING-KIND, ING-ROLE)
  readonly investVerb: RegExp;
  readonly investNoun: RegExp;
  /** After an investment noun: "de X", "of X" (the investor follows). */
  readonly investNounOf: RegExp;
  readonly raiseVerb: RegExp;
  readonly roundNoun: RegExp;
  readonly intent: RegExp;
  readonly sourcePrep: RegExp;
  readonly nonExhaustive: RegExp;
  readonly leadPrep: RegExp;
  readonly recipientPrep: RegExp;
  readonly withPrep: RegExp;
  readonly spendingNoun: RegExp;
  readonly valuation: RegExp;
  readonly valuationPre: RegExp;
  readonly valuationPost: RegExp;
  readonly agreement: RegExp;
  readonly agreementItemIntro: RegExp;
  readonly agreementItemKeyword: RegExp;
  readonly agreementItemSplit: RegExp;
  readonly stakeVerb: RegExp;
  readonly stakeObject: RegExp;
  readonly shareholderNoun: RegExp;
  readonly stakeNegation: RegExp;
  readonly negative: RegExp;
  readonly negativeAfter: RegExp;
  readonly amountRef: RegExp;
  readonly alternative: RegExp;
  /**
   * ING-PART-1: a cue followed by the investors of a round, named without an amount
   * ("led by X", "with participation from X and Y", "mené par X", "aux côtés de X").
   * Group 1, when set, marks a lead.
   */
  readonly participantAfter: RegExp;
  /** ING-PART-2: a verb whose subject takes part in a round ("X also participated", "X a mené l'opération"). */
  readonly participantBefore: RegExp;
  /**
   * Words without one of which `participantAfter` / `participantBefore` cannot match (folded):
   * a cheap test on the sentence before the patterns run (speed only; the claims are the same).
   */
  readonly participantAfterHint: RegExp;
  readonly participantBeforeHint: RegExp;
  /** ING-PART-3: "a Softbank-led round": a lead written with a hyphen right after its name. */
  readonly leadSuffix: RegExp;
  /** ING-STAKE-3: a cue followed by a company's existing backers ("backed by X", "déjà soutenue par X"). */
  readonly backerAfter: RegExp;
  /** ING-STAKE-3: a phrase after a holder naming it an existing investor ("X is already an investor"). */
  readonly backerBefore: RegExp;
  /**
   * ING-STAKE-7: a company's investors listed as such, not as a round's participants: "compte
   * parmi ses investisseurs A, B", "Among X's investors are A and B", "its backers include A".
   */
  readonly backerList: RegExp;
  /**
   * ING-PART-10: an investment verb with no figure, its subject an investor in the company
   * named after it ("when Altria invested in it", "ont signé un accord en vue d'investir dans X").
   */
  readonly investedIn: RegExp;
  /** Words before a mention that make it the object of a preposition, not a subject ("de", "in the"). */
  readonly prepositionBefore: RegExp;

  // Status and time (ING-STAT, ING-TEMP)
  readonly status: readonly StatusRule[];
  readonly conditional: RegExp;
  readonly conditionalExceptions: ReadonlySet<string>;
  readonly background: RegExp;
  readonly backgroundAdjacent: RegExp;
  /** A stake taken with the reported deal ("détiendra environ 11 %", "will hold a 10% stake"): current (ING-TEMP-4). */
  readonly stakeAcquired: RegExp;

  // Attribution (ING-ATTR)
  readonly attribution: readonly AttributionRule[];
  /** Attribution written with a capitalised source, matched on the original text ("Bloomberg reported"). */
  readonly namedAttribution: RegExp;
  /** Words after "selon" that are not a source ("selon les conditions"). */
  readonly notASource: RegExp;
  /** Time words trimmed from the end of an attribution ("mardi", "on Monday"). */
  readonly attributionTrailingTime: RegExp;

  // Anaphora (ING-ROLE-4)
  readonly companyAnaphor: RegExp;
  readonly groupAnaphor: RegExp;
  readonly pronoun: RegExp;
  /** The French clitic "y" before an investment verb ("y a investi"); null in English. */
  readonly recipientClitic: RegExp | null;
  readonly numerals: ReadonlyMap<string, number>;
  /**
   * After a name: ", filiale de X", ", the cloud unit of X" (the name belongs to X). A
   * capture group is set when the owner is written as "its (new) investor".
   */
  readonly subsidiary: RegExp;
  /** Before a name: "X's portfolio company Y", "la filiale d'X" (matched on the text between). */
  readonly subsidiaryBefore: RegExp;
  /** Words that follow a name at the start of a sentence when the name is the subject. */
  readonly subjectFollowers: RegExp;
}

/**
 * A global pattern matching any of `parts` as whole words: each match starts at a word
 * boundary and is not followed by a letter or digit.
 */
export function words(parts: readonly string[]): RegExp {
  return new RegExp(`\\b(?:${parts.join("|")})(?![a-z0-9])`, "g");
}

/** Like `words`, for phrases that end in a space or an apostrophe ("aupres de ", "d'"). */
export function phrases(parts: readonly string[]): RegExp {
  return new RegExp(`\\b(?:${parts.join("|")})`, "g");
}
