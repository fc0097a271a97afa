import { Rational } from "../exact/rational.js";
import type { Oversubscription } from "./terms.js";

export interface AllocationRequest {
  /** Undefined for a pro-rata purchase (PR-1). */
  readonly requested: Rational | undefined;
  readonly lead: boolean;
  /** The investor's pro-rata fraction; used when `requested` is undefined. */
  readonly proRataFraction: Rational;
}

export interface AllocationResult {
  /** Amount requested (computed for pro-rata purchases). */
  readonly requested: readonly Rational[];
  readonly accepted: readonly Rational[];
  readonly total: Rational;
  readonly oversubscribed: boolean;
}

/**
 * Decides how much each investor puts in (SPEC PR-1, ALLOC-1, ALLOC-2), exactly:
 * - A pro-rata purchase is the investor's pro-rata fraction of the whole round: of the
 *   target size when there is one, else of the total, which includes the pro-rata
 *   purchases themselves (total = fixed / (1 - sum of fractions)).
 * - Without a target, or when requests fit in it, every request is accepted.
 * - Above the target, pro-rata purchases are honoured first; the rest of the target is
 *   shared by `pro_rata_cutback` (in proportion to requests) or `lead_priority` (leads
 *   are filled first, in order, then the others share what is left in proportion).
 */
export function allocate(
  requests: readonly AllocationRequest[],
  target: Rational | undefined,
  policy: Oversubscription,
): AllocationResult | { reason: string } {
  const fractionSum = Rational.sum(
    requests.filter((r) => r.requested === undefined).map((r) => r.proRataFraction),
  );
  const fixed = Rational.sum(requests.map((r) => r.requested ?? Rational.ZERO));
  if (fractionSum.gte(Rational.ONE)) {
    return { reason: "the pro-rata purchases together claim the whole round or more" };
  }
  const base = target ?? fixed.div(Rational.ONE.sub(fractionSum));
  const requested = requests.map((r) => r.requested ?? r.proRataFraction.mul(base));
  const totalRequested = Rational.sum(requested);
  if (target === undefined || totalRequested.lte(target)) {
    return { requested, accepted: requested, total: totalRequested, oversubscribed: false };
  }
  const accepted = requested.map(() => Rational.ZERO);
  let left = target;
  requests.forEach((r, i) => {
    if (r.requested === undefined) {
      accepted[i] = requested[i]!;
      left = left.sub(requested[i]!);
    }
  });
  if (left.isNegative()) return { reason: "the pro-rata purchases alone exceed the round's target size" };
  const others = requests.map((_, i) => i).filter((i) => requests[i]!.requested !== undefined);
  const shareOut = (indices: readonly number[]) => {
    const want = Rational.sum(indices.map((i) => requested[i]!));
    if (want.lte(left)) {
      for (const i of indices) accepted[i] = requested[i]!;
      left = left.sub(want);
      return;
    }
    for (const i of indices) accepted[i] = want.isZero() ? Rational.ZERO : left.mul(requested[i]!).div(want);
    left = Rational.ZERO;
  };
  if (policy === "lead_priority") {
    for (const i of others.filter((i) => requests[i]!.lead)) {
      const take = Rational.min(requested[i]!, left);
      accepted[i] = take;
      left = left.sub(take);
    }
    shareOut(others.filter((i) => !requests[i]!.lead));
  } else {
    shareOut(others);
  }
  return { requested, accepted, total: Rational.sum(accepted), oversubscribed: true };
}
