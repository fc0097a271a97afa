import { Rational } from "../exact/rational.js";
import type { ExitModel } from "./model.js";
import { kinksOf } from "./position.js";

/**
 * The equity needed to pay every position when the price per as-converted common share
 * is p, once the whole preference stack is paid: M(p) = Σ payout_i(p), each position
 * taking its best choice at p (docs/spec/exit.md EXIT-14). M is continuous, piecewise
 * linear and non-decreasing; its kinks are the positions' conversion thresholds, caps and
 * strikes. `values[k]` = M(prices[k]); `slopes[k]` is the slope on (prices[k],
 * prices[k+1]) (the last one to infinity). prices[0] = 0 and values[0] is the stack total.
 */
export interface PriceCurve {
  readonly prices: readonly Rational[];
  readonly values: readonly Rational[];
  readonly slopes: readonly Rational[];
  /** The positions whose regime changes at each price (empty at 0 unless something kinks there). */
  readonly changes: readonly (readonly number[])[];
}

export function priceCurve(model: ExitModel): PriceCurve {
  const events: { price: Rational; position: number; delta: Rational }[] = [];
  let slope = Rational.ZERO;
  let stackTotal = Rational.ZERO;
  for (const [index, position] of model.positions.entries()) {
    stackTotal = stackTotal.add(position.preference);
    const { rights, shares } = position;
    if (rights.kind === "common" || rights.kind === "participating" || rights.kind === "capped") {
      slope = slope.add(shares);
    }
    const kinks = kinksOf(position);
    if (rights.kind === "capped") {
      // Participation stops at the cap, then resumes as common once converting pays more.
      events.push({ price: kinks[0]!, position: index, delta: shares.neg() });
      if (kinks[1]) events.push({ price: kinks[1], position: index, delta: shares });
    } else {
      for (const price of kinks) events.push({ price, position: index, delta: shares });
    }
  }
  events.sort((a, b) => a.price.cmp(b.price) || a.position - b.position);

  const prices: Rational[] = [Rational.ZERO];
  const values: Rational[] = [stackTotal];
  const changes: number[][] = [[]];
  let i = 0;
  // Kinks at price 0 change the slope of the very first interval.
  while (i < events.length && events[i]!.price.isZero()) {
    slope = slope.add(events[i]!.delta);
    changes[0]!.push(events[i]!.position);
    i++;
  }
  const slopes: Rational[] = [slope];
  while (i < events.length) {
    const price = events[i]!.price;
    const last = prices.length - 1;
    const value = values[last]!.add(slopes[last]!.mul(price.sub(prices[last]!)));
    const changed: number[] = [];
    while (i < events.length && events[i]!.price.eq(price)) {
      slope = slope.add(events[i]!.delta);
      changed.push(events[i]!.position);
      i++;
    }
    prices.push(price);
    values.push(value);
    slopes.push(slope);
    changes.push(changed);
  }
  return { prices, values, slopes, changes };
}

/**
 * The interval index k and the common price for an equity amount at or above the stack
 * total: the smallest p with M(p) = equity (EXIT-14). On a flat stretch of M every price
 * gives the same payouts, and the smallest is the one where nobody converts at indifference.
 */
export function commonPriceFor(curve: PriceCurve, equity: Rational): { interval: number; price: Rational } {
  const { prices, values, slopes } = curve;
  if (equity.lte(values[0]!)) return { interval: 0, price: Rational.ZERO };
  // The last k with values[k] < equity: the solution lies in (prices[k], prices[k+1]].
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (values[mid]!.lt(equity)) lo = mid;
    else hi = mid - 1;
  }
  const slope = slopes[lo]!;
  // values[lo] < equity and M rises to infinity, so the slope on this interval is positive
  // unless equity exceeds the last value with a zero final slope (excluded by prepareExit).
  return { interval: lo, price: prices[lo]!.add(equity.sub(values[lo]!).div(slope)) };
}

/**
 * The interval of the curve just to the right of an equity amount at or above the stack
 * total: the last k whose value is at most `equity`. That interval's slope is positive: a
 * flat interval k has values[k + 1] = values[k], so it is never the last one.
 */
export function intervalAfter(curve: PriceCurve, equity: Rational): number {
  const { values } = curve;
  let lo = 0;
  let hi = values.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (values[mid]!.lte(equity)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
