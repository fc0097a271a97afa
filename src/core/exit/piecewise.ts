import { Rational } from "../exact/rational.js";

/**
 * An exact piecewise-linear function of the exit value x ≥ 0. Segment j covers
 * (breakpoints[j], breakpoints[j+1]] (the last segment runs to infinity) and there the
 * value is slopes[j]·x + intercepts[j]; at x = 0 itself the value is `atZero`. Segments
 * are left-open so that at a breakpoint the function takes the value of the segment
 * ending there: at an exit value where a holder is indifferent, nothing converts yet
 * (EXIT-14). The point 0 is kept apart because something can start at the very first
 * dollar (options whose exercise price is paid in as soon as there is any value). Functions
 * of one ExitBreakpoints share one breakpoints array.
 */
export interface PiecewiseLinear {
  readonly breakpoints: readonly Rational[];
  readonly slopes: readonly Rational[];
  readonly intercepts: readonly Rational[];
  readonly atZero: Rational;
}

/** The segment that holds x: the last j with breakpoints[j] < x, or 0. */
export function segmentOf(breakpoints: readonly Rational[], x: Rational): number {
  let lo = 0;
  let hi = breakpoints.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (breakpoints[mid]!.lt(x)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The exact value of `fn` at x. */
export function evaluatePiecewise(fn: PiecewiseLinear, x: Rational): Rational {
  if (x.isZero()) return fn.atZero;
  const j = segmentOf(fn.breakpoints, x);
  return fn.slopes[j]!.mul(x).add(fn.intercepts[j]!);
}

/**
 * The exact value of `fn` at each of its own breakpoints, equal to evaluating it there
 * one by one but without searching for the segment: segments are left-open, so at
 * breakpoint j > 0 the value is that of segment j − 1, and at 0 it is `atZero`.
 */
export function valuesAtBreakpoints(fn: PiecewiseLinear): Rational[] {
  const values: Rational[] = [fn.atZero];
  for (let j = 1; j < fn.breakpoints.length; j++) {
    const slope = fn.slopes[j - 1]!;
    const intercept = fn.intercepts[j - 1]!;
    values.push(slope.isZero() ? intercept : slope.mul(fn.breakpoints[j]!).add(intercept));
  }
  return values;
}

/** Σ weight_k · fn_k over functions sharing one breakpoints array. */
export function combinePiecewise(
  breakpoints: readonly Rational[],
  terms: readonly { readonly weight: Rational; readonly fn: PiecewiseLinear }[],
): PiecewiseLinear {
  const slopes: Rational[] = [];
  const intercepts: Rational[] = [];
  let atZero = Rational.ZERO;
  for (const { weight, fn } of terms) if (!fn.atZero.isZero()) atZero = atZero.add(weight.mul(fn.atZero));
  for (let j = 0; j < breakpoints.length; j++) {
    let slope = Rational.ZERO;
    let intercept = Rational.ZERO;
    for (const { weight, fn } of terms) {
      const s = fn.slopes[j]!;
      const c = fn.intercepts[j]!;
      if (!s.isZero()) slope = slope.add(weight.mul(s));
      if (!c.isZero()) intercept = intercept.add(weight.mul(c));
    }
    slopes.push(slope);
    intercepts.push(intercept);
  }
  return { breakpoints, slopes, intercepts, atZero };
}

/**
 * The same function with the breakpoints where it neither changes slope nor jumps
 * removed: the exit values at which this one function's next dollar changes.
 */
export function simplifyPiecewise(fn: PiecewiseLinear): PiecewiseLinear {
  const breakpoints: Rational[] = [fn.breakpoints[0]!];
  const slopes: Rational[] = [fn.slopes[0]!];
  const intercepts: Rational[] = [fn.intercepts[0]!];
  for (let j = 1; j < fn.breakpoints.length; j++) {
    const last = slopes.length - 1;
    if (fn.slopes[j]!.eq(slopes[last]!) && fn.intercepts[j]!.eq(intercepts[last]!)) continue;
    breakpoints.push(fn.breakpoints[j]!);
    slopes.push(fn.slopes[j]!);
    intercepts.push(fn.intercepts[j]!);
  }
  return { breakpoints, slopes, intercepts, atZero: fn.atZero };
}
