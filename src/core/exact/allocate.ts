import { Rational } from "./rational.js";

/**
 * Splits a whole number `total` into whole parts proportional to `weights` by the
 * largest-remainder method: each part gets the floor of its exact share, then the units
 * left over go one by one to the largest fractional remainders, ties to the earlier
 * index. The parts always sum to `total` exactly. Weights must be non-negative and not
 * all zero (unless total is zero).
 */
export function allocate(total: bigint, weights: readonly Rational[]): bigint[] {
  if (total < 0n) throw new RangeError("allocate: negative total");
  const weightSum = Rational.sum(weights);
  if (weights.some((w) => w.isNegative())) throw new RangeError("allocate: negative weight");
  if (weightSum.isZero()) {
    if (total === 0n) return weights.map(() => 0n);
    throw new RangeError("allocate: all weights are zero");
  }
  const exact = weights.map((w) => w.mulInt(total).div(weightSum));
  const parts = exact.map((e) => e.floor());
  let remaining = total - parts.reduce((a, b) => a + b, 0n);
  const order = exact
    .map((e, index) => ({ index, remainder: e.sub(Rational.of(e.floor())) }))
    .sort((a, b) => b.remainder.cmp(a.remainder) || a.index - b.index);
  for (const { index } of order) {
    if (remaining === 0n) break;
    parts[index] = parts[index]! + 1n;
    remaining -= 1n;
  }
  return parts;
}

/** `allocate` for exact (non-integer) totals such as money: splits exactly, no rounding. */
export function allocateExact(total: Rational, weights: readonly Rational[]): Rational[] {
  const weightSum = Rational.sum(weights);
  if (weightSum.isZero()) return weights.map(() => Rational.ZERO);
  return weights.map((w) => total.mul(w).div(weightSum));
}
