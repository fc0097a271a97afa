import { daysBetween, type IsoDate } from "../shared/date.js";
import type { Claim, ClaimId, ClaimSet, ClaimStatus } from "./claim.js";
import { reliabilityScore } from "./source.js";

/** Days after which a claim counts half as much as the newest claim (SPEC UNC-REC-6). */
export const RECENCY_HALF_LIFE_DAYS = 30;

/**
 * How much a claim's status adds to its weight (UNC-REC-6): terms that are agreed or
 * announced outweigh talk, and talk outweighs rumour.
 */
export const STATUS_FACTORS: Readonly<Record<ClaimStatus, number>> = {
  rumored: 0.5,
  in_talks: 0.7,
  agreed: 0.85,
  announced: 0.95,
  closed: 1,
};

/**
 * The weight of each claim (UNC-REC-6), used to pick the default reading:
 *
 *   weight = reliability(source) × status factor × 0.5 ^ (age / 30 days)
 *
 * where age is the number of days between the claim's date and the newest dated claim of
 * the set. An undated claim counts as old as the oldest dated claim (it cannot be newer
 * than what is known); when no claim is dated, age is 0 for all. Weights are floats: they
 * rank readings and never enter an amount.
 */
export function claimWeights(set: ClaimSet, claims: readonly Claim[] = set.claims): Map<ClaimId, number> {
  const dates = claims.map((c) => c.date).filter((d): d is IsoDate => d !== undefined);
  const newest = dates.reduce<IsoDate | undefined>((a, d) => (a === undefined || d > a ? d : a), undefined);
  const oldest = dates.reduce<IsoDate | undefined>((a, d) => (a === undefined || d < a ? d : a), undefined);
  const weights = new Map<ClaimId, number>();
  for (const claim of claims) {
    const source = set.sources.get(claim.source);
    const reliability = source ? reliabilityScore(source.reliability).toNumber() : 0;
    const date = claim.date ?? oldest;
    const age = newest !== undefined && date !== undefined ? daysBetween(date, newest) : 0;
    weights.set(claim.id, reliability * STATUS_FACTORS[claim.status] * 0.5 ** (age / RECENCY_HALF_LIFE_DAYS));
  }
  return weights;
}
