import { Rational } from "../exact/rational.js";
import type { SecurityId, ShareClassId, StakeholderId } from "../shared/ids.js";

/**
 * How a position takes part in the waterfall once every preference has been paid, as a
 * function of the price per as-converted common share `p` (docs/spec/exit.md EXIT-6, EXIT-7, EXIT-9):
 * - `common`: n·p;
 * - `participating`: its preference, then n·p;
 * - `capped`: its preference plus n·p until the total reaches `total`, or n·p once it
 *   converts because that pays more;
 * - `convertible`: the greater of its preference and n·p (non-participating preferred, a
 *   capped SAFE or note);
 * - `fixed`: its claims only (a SAFE without a valuation cap);
 * - `option`: n·(p − strike) once p exceeds the strike, nothing before.
 */
export type Rights =
  | { readonly kind: "common" }
  | { readonly kind: "participating" }
  /** `convertible` is false for a preferred class that has no class to convert into. */
  | { readonly kind: "capped"; readonly total: Rational; readonly convertible: boolean }
  | { readonly kind: "convertible" }
  | { readonly kind: "fixed" }
  | { readonly kind: "option"; readonly strike: Rational };

/** One claim in the preference stack: paid at `level`, higher levels first, equal levels pari passu. */
export interface StackClaim {
  readonly level: number;
  readonly amount: Rational;
}

/** One holder's part of a position. */
export interface HolderStake {
  readonly holder: StakeholderId;
  /** The holder's index in ExitModel.holders. */
  readonly index: number;
  /** Shares, options or units held: the holder's weight in the as-converted part. */
  readonly units: bigint;
  /**
   * The holder's preference claim, when it is not proportional to units (an
   * amount-invested base, or dividends accrued over different periods); undefined
   * means proportional to units.
   */
  readonly claim: Rational | undefined;
}

export type PositionKind = "shares" | "options" | "warrant" | "safe" | "note";

/**
 * A group of securities with identical rights at the exit: the shares of one class, the
 * options of one class at one strike, one warrant, one SAFE, one note. The waterfall is
 * solved per position; holders split a position's payout in proportion to their claims
 * (the preference part) and their units (the as-converted part) (EXIT-13).
 */
export interface ExitPosition {
  /** Stable id: "shares:series-a", "options:common@0.5", "warrant:w1", "safe:s1", "note:n1". */
  readonly id: string;
  readonly kind: PositionKind;
  readonly label: string;
  /** The share class, for shares, options and warrants. */
  readonly classId: ShareClassId | undefined;
  /** The security, for a warrant, SAFE or note. */
  readonly security: SecurityId | undefined;
  readonly rights: Rights;
  /** The preference stack claims; their sum is `preference`. */
  readonly claims: readonly StackClaim[];
  readonly preference: Rational;
  /** As-converted common shares received when participating, converting or exercising. */
  readonly shares: Rational;
  /** The sum of the holders' units. */
  readonly units: bigint;
  readonly holders: readonly HolderStake[];
  /** IPO: the value the class's IPO ratchet guarantees (ipoRatchetMultiple × original issue price × shares). */
  readonly ipoMinimumValue: Rational | undefined;
  /** IPO: the least price per common share at which the class must convert (IPO-Q-1); undefined: any price. */
  readonly qualifiedIpoPrice?: Rational;
  /** IPO: the least gross proceeds of the offering at which the class must convert (IPO-Q-4). */
  readonly qualifiedIpoMinProceeds?: Rational;
}

/** The state of a position at a given common price. */
export type PositionState =
  | "common"
  | "unpaid"
  | "takes_preference"
  | "participates"
  | "at_cap"
  | "converts"
  | "exercises"
  | "out_of_the_money";

/**
 * A position's payout once the stack is fully paid, on an interval of the common price
 * where its state does not change: preference (constant) + as-converted part
 * (`slope`·p + `constant`). Net of any exercise price; `exercisePerPrice` is the
 * exercise price paid (a constant) when exercised.
 */
export interface PositionRegime {
  readonly state: PositionState;
  readonly preference: Rational;
  readonly slope: Rational;
  readonly constant: Rational;
  readonly exercisePaid: Rational;
}

/**
 * The regime of `position` at common price `p` > 0 (EXIT-5..EXIT-9). At a price where the
 * position is indifferent it does not convert or exercise: it converts only when that pays
 * strictly more (EXIT-14).
 */
export function regimeAt(position: ExitPosition, p: Rational): PositionRegime {
  const { rights, preference: L, shares: n } = position;
  const zero = Rational.ZERO;
  switch (rights.kind) {
    case "common":
      return { state: "common", preference: zero, slope: n, constant: zero, exercisePaid: zero };
    case "participating":
      return { state: "participates", preference: L, slope: n, constant: zero, exercisePaid: zero };
    case "capped": {
      const asConverted = n.mul(p);
      if (rights.convertible && asConverted.gt(rights.total)) {
        return { state: "converts", preference: zero, slope: n, constant: zero, exercisePaid: zero };
      }
      if (L.add(asConverted).gte(rights.total)) {
        return {
          state: "at_cap",
          preference: L,
          slope: zero,
          constant: rights.total.sub(L),
          exercisePaid: zero,
        };
      }
      return { state: "participates", preference: L, slope: n, constant: zero, exercisePaid: zero };
    }
    case "convertible":
      return n.mul(p).gt(L)
        ? { state: "converts", preference: zero, slope: n, constant: zero, exercisePaid: zero }
        : { state: "takes_preference", preference: L, slope: zero, constant: zero, exercisePaid: zero };
    case "fixed":
      return { state: "takes_preference", preference: L, slope: zero, constant: zero, exercisePaid: zero };
    case "option":
      return p.gt(rights.strike)
        ? {
            state: "exercises",
            preference: zero,
            slope: n,
            constant: n.mul(rights.strike).neg(),
            exercisePaid: n.mul(rights.strike),
          }
        : { state: "out_of_the_money", preference: zero, slope: zero, constant: zero, exercisePaid: zero };
  }
}

/**
 * The common prices at which a position's regime changes (the kinks of its payout as a
 * function of p): a conversion threshold, the start of a participation cap, a strike.
 */
export function kinksOf(position: ExitPosition): Rational[] {
  const { rights, preference: L, shares: n } = position;
  if (n.isZero()) return [];
  switch (rights.kind) {
    case "common":
    case "participating":
    case "fixed":
      return [];
    case "capped":
      return rights.convertible
        ? [rights.total.sub(L).div(n), rights.total.div(n)]
        : [rights.total.sub(L).div(n)];
    case "convertible":
      return [L.div(n)];
    case "option":
      return [rights.strike];
  }
}

/**
 * The conversion price of a position: the common price above which converting (or
 * exercising) pays it strictly more. Undefined for positions that never convert. The
 * reference waterfall converts positions in ascending order of this price (EXIT-14).
 */
export function conversionThreshold(position: ExitPosition): Rational | undefined {
  const { rights, preference: L, shares: n } = position;
  if (n.isZero()) return undefined;
  switch (rights.kind) {
    case "capped":
      return rights.convertible ? rights.total.div(n) : undefined;
    case "convertible":
      return L.div(n);
    case "option":
      return rights.strike;
    default:
      return undefined;
  }
}
