import type { Currency } from "../exact/money.js";
import type { Rational } from "../exact/rational.js";
import type { IsoDate } from "../shared/date.js";
import type { Problem } from "../shared/problem.js";

/** The languages the ingester reads. */
export type IngestLanguage = "fr" | "en";

/** What a claim is about (docs/spec/ingest.md ING-KIND). */
export type ClaimKind =
  | "round_size"
  | "round_target"
  | "investment"
  | "valuation_pre"
  | "valuation_post"
  | "commercial_agreement"
  | "existing_stake";

/** How the figure of a claim is hedged (ING-QUAL). */
export type Qualifier = "exact" | "about" | "up_to" | "less_than" | "at_least" | "more_than" | "range";

/** How far the reported deal has gone (ING-STAT). */
export type ClaimStatus = "rumored" | "in_talks" | "agreed" | "announced" | "closed";

/** The deal reported, or an earlier deal mentioned in passing (ING-TEMP). */
export type Temporal = "current" | "background";

/** A piece of the input: `text === input.slice(start, end)`. Offsets count UTF-16 code units. */
export interface TextSpan {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/**
 * An amount as the README of the fixtures encodes it: `exact` fills min, max and point;
 * `about` fills point; `up_to` and `less_than` fill max; `at_least` and `more_than`
 * fill min; `range` fills min and max. Values are in currency units.
 */
export interface ClaimAmount {
  readonly currency: Currency;
  readonly min: Rational | null;
  readonly max: Rational | null;
  readonly point: Rational | null;
}

/** A share of a company held, for existing stakes ("environ 12 %", "about a fifth"). */
export interface StakeFraction {
  readonly qualifier: Qualifier;
  /** The fraction, 0–1 (12 % is 0.12). */
  readonly point: Rational;
}

/** A company or person a claim names, by entity id (see `IngestEntity`). */
export interface PartyRef {
  readonly entityId: string;
  readonly name: string;
}

/** A draft claim read from the text, to be reviewed by a person before it enters a deal. */
export interface DraftClaim {
  /** Position in `IngestOutput.claims`, used by conflicts. */
  readonly index: number;
  readonly kind: ClaimKind;
  /** The company raising or receiving the money; null when the text names none. */
  readonly subject: PartyRef | null;
  /** The investor, the group of investors for a combined amount, or null. */
  readonly counterparty: PartyRef | readonly PartyRef[] | null;
  readonly amount: ClaimAmount | null;
  readonly qualifier: Qualifier | null;
  /** True when the amount encodes a scale word by convention ("des milliards", ING-AMT-4). */
  readonly vague: boolean;
  /** True when the text wrote no currency and the claim takes the article's (ING-AMT-6). */
  readonly currencyInferred: boolean;
  /** For valuations only: false when the text says neither pre- nor post-money. */
  readonly basisStated?: boolean;
  readonly fraction: StakeFraction | null;
  /** The phrase naming the source, in the claim's own sentence (ING-ATTR). */
  readonly attribution: TextSpan | null;
  readonly status: ClaimStatus;
  readonly temporal: Temporal;
  /**
   * The deal the claim belongs to, as its sentence names or dates it (ING-DEAL-T): the round
   * ("Series C", "seed") and the date ("2011-12", "2018"); null where the sentence says nothing.
   */
  readonly deal: { readonly round: string | null; readonly date: string | null };
  /** The span the claim rests on. */
  readonly evidence: TextSpan;
  /** The sentence the claim was read from. */
  readonly sentence: { readonly start: number; readonly end: number };
  readonly language: IngestLanguage;
  /** The ids of the rules that produced the claim (docs/spec/ingest.md), for review. */
  readonly rules: readonly string[];
}

export type ConflictType =
  | "alternative"
  | "incompatible"
  | "members_exceed_group"
  | "members_sum_inconsistent";

/** Claims that cannot all be taken at face value (ING-CONF). */
export interface ClaimConflict {
  /** Indexes into `IngestOutput.claims`, ascending. */
  readonly claims: readonly number[];
  readonly type: ConflictType;
  readonly description: string;
}

/** A company or person found in the text. */
export interface IngestEntity {
  /** The known stakeholder's id, or a proposed id (a slug of the name). */
  readonly id: string;
  readonly name: string;
  readonly type: "organisation" | "person";
  /** True when the entity matched one of `knownStakeholders`. */
  readonly known: boolean;
  /** True for unknown organisations and people that a claim names: proposed as new stakeholders. */
  readonly proposed: boolean;
  /** Other names the text used for it ("AWS", "Meridian" for "Meridian Capital"). */
  readonly aliases: readonly string[];
  readonly mentionCount: number;
  /** The first mentions (at most LIMITS.ingestMentionsPerEntity). */
  readonly mentions: readonly { readonly start: number; readonly end: number }[];
}

/** A stakeholder the caller already knows, to match names against. */
export interface KnownStakeholder {
  readonly id: string;
  readonly name: string;
  readonly aliases?: readonly string[];
}

export interface IngestOptions {
  /** The language of the text; "auto" (the default) detects it (ING-LANG). */
  readonly lang?: IngestLanguage | "auto";
  /** The publication date: years before it mark earlier deals as background (ING-TEMP). */
  readonly sourceDate?: IsoDate | string;
  readonly knownStakeholders?: readonly KnownStakeholder[];
}

export interface IngestOutput {
  readonly language: IngestLanguage;
  /** How sure the detection is, 0–1 (1 when the language was given). */
  readonly languageConfidence: number;
  readonly sourceDate: IsoDate | null;
  readonly claims: readonly DraftClaim[];
  readonly conflicts: readonly ClaimConflict[];
  readonly entities: readonly IngestEntity[];
  readonly warnings: readonly Problem[];
  /** The size of the text read, in UTF-16 code units. */
  readonly textLength: number;
}
