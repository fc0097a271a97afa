import type { Money } from "../exact/money.js";
import type { Rational } from "../exact/rational.js";
import type { RoundingMode } from "../exact/rounding.js";
import type { ShareClass } from "../ledger/share-class.js";
import type { IsoDate } from "../shared/date.js";
import type { PoolId, RoundId, ShareClassId, StakeholderId } from "../shared/ids.js";

/** How the round's price is stated (SPEC ROUND-1, ROUND-2). */
export type Pricing =
  | { readonly basis: "pre_money"; readonly value: Money }
  | { readonly basis: "post_money"; readonly value: Money }
  | { readonly basis: "price_per_share"; readonly value: Money };

/**
 * How converting SAFEs and notes enter the share count that sets the price (ROUND-3):
 * - `in_pre_money` (percentage-ownership method, the default): conversion shares are part
 *   of the pre-money capitalization, so they dilute only the existing holders;
 * - `outside_pre_money` (pre-money method): the price is set on the capitalization
 *   without them, and their shares dilute the new investors too;
 * - `dollars_invested` (Cooley's third method): the converting dollars are added to the
 *   pre-money valuation, and the price is set on the capitalization with the conversion
 *   shares, so that the post-money is the pre-money plus every dollar put in.
 */
export type ConvertibleMethod = "in_pre_money" | "outside_pre_money" | "dollars_invested";

export type PoolTopUp =
  | { readonly kind: "none" }
  | {
      readonly kind: "target_fraction";
      readonly poolId: PoolId;
      /** Fraction of the post-money fully diluted capitalization, 0 to 1. */
      readonly fraction: Rational;
      /** "unallocated": the available part only; "total": granted-and-outstanding plus available. */
      readonly of: "unallocated" | "total";
      /** Counted in the pre-money (the option-pool shuffle) or not (POOL-1). */
      readonly inPreMoney: boolean;
    }
  | {
      readonly kind: "shares";
      readonly poolId: PoolId;
      readonly shares: bigint;
      readonly inPreMoney: boolean;
    };

export interface PricePrecision {
  readonly places: number;
  readonly rounding: Extract<RoundingMode, "up" | "down" | "half_up">;
  /** When true (the default), shares are computed from the rounded price (ROUND-6). */
  readonly sharesFromRoundedPrice: boolean;
}

export type ShareRounding = "down" | "nearest";

export interface RoundConventions {
  readonly convertibles: ConvertibleMethod;
  /** Undefined: the price stays exact (no precision stated, ROUND-6). */
  readonly pricePrecision: PricePrecision | undefined;
  readonly shareRounding: {
    readonly investors: ShareRounding;
    readonly convertibles: ShareRounding;
    readonly pool: ShareRounding;
  };
  /** Whether a note's accrued interest converts with its principal (NOTE-1). */
  readonly noteInterestConverts: boolean;
}

export interface Investment {
  readonly investor: StakeholderId;
  /** Undefined for a pro-rata purchase whose amount the engine computes (PR-1). */
  readonly amount: Money | undefined;
  readonly lead: boolean;
  /** Buys its pro-rata share of the round (PR-1). */
  readonly proRata: boolean;
  readonly closing: string | undefined;
  readonly path?: readonly (string | number)[];
}

export interface Closing {
  readonly id: string;
  readonly date: IsoDate;
  /**
   * A milestone tranche's own price per share (TRANCHE-2); undefined: the round's price. The
   * round's price, conversions and anti-dilution are still set at the first closing (CLOSE-1).
   */
  readonly pricePerShare?: Money;
}

export type Oversubscription = "pro_rata_cutback" | "lead_priority";

/** A priced equity round's terms, as the engine takes them: every amount a point value. */
export interface RoundTerms {
  readonly id: RoundId;
  readonly name: string;
  /** The date of the first closing: conversions, anti-dilution and interest accrual are at this date. */
  readonly date: IsoDate;
  readonly pricing: Pricing;
  /** The class the round sells: a new class (its original issue price is set to the round price) or an existing one. */
  readonly newClass: ShareClass | undefined;
  readonly existingClassId: ShareClassId | undefined;
  /** The class SAFEs and notes convert into; defaults to the round's class (SAFE-1). */
  readonly conversionClassId: ShareClassId | undefined;
  readonly investments: readonly Investment[];
  /** The most new money the round takes; above it, oversubscription applies (ALLOC-1). */
  readonly targetSize: Money | undefined;
  readonly oversubscription: Oversubscription;
  readonly pool: PoolTopUp;
  readonly conventions: RoundConventions;
  readonly closings: readonly Closing[];
  /** Pay-to-play as a term of the round (P2P-6): applied at its date, after its investments. */
  readonly payToPlay?: RoundPayToPlay;
}

/** The pay-to-play a round's terms state (P2P-6): a `pay_to_play` transaction the round makes. */
export interface RoundPayToPlay {
  readonly classIds: readonly ShareClassId[];
  /** The shares offered to the holders of the classes; undefined: all the round's new shares. */
  readonly offered: bigint | undefined;
  readonly shadowClassId: ShareClassId | undefined;
  readonly form: "all_or_nothing" | "partial";
  /** Where the term is written, for messages (`rounds[i].payToPlay`). */
  readonly path: readonly (string | number)[];
}

export const DEFAULT_CONVENTIONS: RoundConventions = {
  convertibles: "in_pre_money",
  pricePrecision: undefined,
  shareRounding: { investors: "down", convertibles: "down", pool: "down" },
  noteInterestConverts: true,
};
