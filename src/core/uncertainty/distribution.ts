import { Rational } from "../exact/rational.js";

/**
 * The shape of an estimate's uncertainty (SPEC UNC-DST-1). Parameters are exact; only the
 * simulation samples them, on its float path (sampling.ts).
 *
 * - `point`: the value is known.
 * - `uniform` on [min, max]: every value equally likely. `max` undefined is the open end of
 *   "at least X": it becomes the quantity's feasible maximum under the chosen claims, or
 *   2 × min when no claim bounds it (UNC-EST-6).
 * - `triangular` (min, mode, max): density rising linearly to the mode and falling to max.
 * - `pert` (min, mode, max, shape λ): a beta distribution on [min, max] with
 *   α = 1 + λ(mode − min)/(max − min), β = 1 + λ(max − mode)/(max − min); λ = 4 by default
 *   (the classic PERT weighting, Malcolm et al. 1959, as in Vose, "Risk Analysis", 2008).
 * - `lognormal` given by its 5th and 95th percentiles: ln X is normal with mean
 *   (ln p5 + ln p95)/2 and standard deviation (ln p95 − ln p5)/(2 × 1.6448536…); truncated
 *   to the estimate's bounds when it has some.
 */
export type Distribution =
  | { readonly kind: "point"; readonly value: Rational }
  | { readonly kind: "uniform"; readonly min: Rational; readonly max: Rational | undefined }
  | { readonly kind: "triangular"; readonly min: Rational; readonly mode: Rational; readonly max: Rational }
  | {
      readonly kind: "pert";
      readonly min: Rational;
      readonly mode: Rational;
      readonly max: Rational;
      readonly shape: Rational;
    }
  | { readonly kind: "lognormal"; readonly p5: Rational; readonly p95: Rational };

export type DistributionKind = Distribution["kind"];
export const DISTRIBUTION_KINDS: readonly DistributionKind[] = [
  "point",
  "uniform",
  "triangular",
  "pert",
  "lognormal",
];

/** The classic PERT shape parameter λ (UNC-DST-1). */
export const DEFAULT_PERT_SHAPE = Rational.of(4n);

/** Checks a distribution's own parameters; returns what is wrong, in words, or undefined. */
export function distributionDefect(d: Distribution): string | undefined {
  switch (d.kind) {
    case "point":
      return undefined;
    case "uniform":
      if (d.max?.lt(d.min)) {
        return `its minimum ${d.min.toDecimalString()} is above its maximum ${d.max.toDecimalString()}`;
      }
      return undefined;
    case "triangular":
    case "pert":
      if (!d.min.lt(d.max)) {
        return `its minimum ${d.min.toDecimalString()} is not below its maximum ${d.max.toDecimalString()}`;
      }
      if (d.mode.lt(d.min) || d.mode.gt(d.max)) {
        return `its mode ${d.mode.toDecimalString()} is outside [${d.min.toDecimalString()}, ${d.max.toDecimalString()}]`;
      }
      if (d.kind === "pert" && !d.shape.isPositive()) return "its shape λ must be positive";
      return undefined;
    case "lognormal":
      if (!d.p5.isPositive()) return "its 5th percentile must be positive";
      if (!d.p5.lt(d.p95)) return "its 5th percentile must be below its 95th percentile";
      return undefined;
  }
}

/** The lowest and highest values the distribution can take; undefined where open. */
export function distributionSupport(d: Distribution): {
  readonly min: Rational | undefined;
  readonly max: Rational | undefined;
} {
  switch (d.kind) {
    case "point":
      return { min: d.value, max: d.value };
    case "uniform":
      return { min: d.min, max: d.max };
    case "triangular":
    case "pert":
      return { min: d.min, max: d.max };
    case "lognormal":
      return { min: Rational.ZERO, max: undefined };
  }
}

/**
 * Integer square root of a non-negative bigint (the largest r with r² ≤ n), by Newton's
 * method on bigints.
 */
function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = BigInt(Math.floor(Math.sqrt(Number(n))));
  // Newton steps from a float guess; the loop corrects any error in the guess.
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) break;
    x = y;
  }
  while (x * x > n) x -= 1n;
  while ((x + 1n) * (x + 1n) <= n) x += 1n;
  return x;
}

/**
 * √(a × b) for positive rationals, rounded down to `digits` significant digits: the
 * geometric mean, used as the central value of a lognormal (its median). Exact bigint
 * arithmetic; no float enters the exact path.
 */
export function geometricMean(a: Rational, b: Rational, digits = 12): Rational {
  const product = a.mul(b);
  // Scale so that the integer square root keeps `digits` significant digits.
  const magnitude = product.num.toString().length - product.den.toString().length;
  let exponent = 2 * digits - magnitude;
  if (exponent % 2 !== 0) exponent += 1;
  const scaled =
    exponent >= 0
      ? (product.num * 10n ** BigInt(exponent)) / product.den
      : product.num / (product.den * 10n ** BigInt(-exponent));
  const root = isqrt(scaled);
  const half = exponent / 2;
  return half >= 0 ? Rational.of(root, 10n ** BigInt(half)) : Rational.of(root * 10n ** BigInt(-half));
}

/**
 * The distribution's central value (UNC-SCN-2): the point, the mode of a triangular or
 * PERT, the midpoint of a uniform (its minimum when open-ended), the median of a
 * lognormal (√(p5 × p95), to 12 significant digits).
 */
export function centralValue(d: Distribution): Rational {
  switch (d.kind) {
    case "point":
      return d.value;
    case "uniform":
      return d.max === undefined ? d.min : d.min.add(d.max).divInt(2n);
    case "triangular":
    case "pert":
      return d.mode;
    case "lognormal":
      return geometricMean(d.p5, d.p95);
  }
}

export function describeDistribution(d: Distribution): string {
  const s = (r: Rational) => r.toDecimalString(6);
  switch (d.kind) {
    case "point":
      return `point ${s(d.value)}`;
    case "uniform":
      return `uniform on [${s(d.min)}, ${d.max === undefined ? "open" : s(d.max)}]`;
    case "triangular":
      return `triangular (${s(d.min)}, ${s(d.mode)}, ${s(d.max)})`;
    case "pert":
      return `PERT (${s(d.min)}, ${s(d.mode)}, ${s(d.max)}, λ=${s(d.shape)})`;
    case "lognormal":
      return `lognormal with 5th percentile ${s(d.p5)} and 95th percentile ${s(d.p95)}`;
  }
}
