import type { Distribution } from "./distribution.js";
import type { ScenarioRandom } from "./rng.js";

/**
 * Float sampling of the distributions (SPEC UNC-SIM-2), for the simulation only. A shape is
 * a code and six parameters in a Float64Array, so that the sampler's loop stays
 * monomorphic and allocates nothing.
 *
 * Parameters by shape:
 * - uniform:    [min, max]
 * - triangular: [min, mode, max]
 * - pert:       [min, max, α, β, y*] with y* = (α − 1)/(α + β − 2) the mode on [0, 1]
 * - lognormal:  [μ, σ, mode = exp(μ − σ²)]
 */
export const SHAPE_UNIFORM = 0;
export const SHAPE_TRIANGULAR = 1;
export const SHAPE_PERT = 2;
export const SHAPE_LOGNORMAL = 3;
export const SHAPE_PARAMETERS = 6;

/** z such that Φ(z) = 0.95: the lognormal's p5/p95 are μ ∓ 1.6448536269514722 σ in log space. */
const Z95 = 1.6448536269514722;

/** The shape code and parameters of a distribution (its exact parameters rounded to floats). */
export function shapeOf(
  d: Distribution,
): { readonly code: number; readonly parameters: number[] } | undefined {
  switch (d.kind) {
    case "point":
      return undefined;
    case "uniform":
      return {
        code: SHAPE_UNIFORM,
        parameters: [d.min.toNumber(), d.max?.toNumber() ?? Number.POSITIVE_INFINITY, 0, 0, 0, 0],
      };
    case "triangular":
      return {
        code: SHAPE_TRIANGULAR,
        parameters: [d.min.toNumber(), d.mode.toNumber(), d.max.toNumber(), 0, 0, 0],
      };
    case "pert": {
      const a = d.min.toNumber();
      const b = d.max.toNumber();
      const c = d.mode.toNumber();
      const lambda = d.shape.toNumber();
      const alpha = 1 + (lambda * (c - a)) / (b - a);
      const beta = 1 + (lambda * (b - c)) / (b - a);
      const mode = alpha + beta > 2 ? (alpha - 1) / (alpha + beta - 2) : 0.5;
      return { code: SHAPE_PERT, parameters: [a, b, alpha, beta, mode, 0] };
    }
    case "lognormal": {
      const l5 = Math.log(d.p5.toNumber());
      const l95 = Math.log(d.p95.toNumber());
      const mu = (l5 + l95) / 2;
      const sigma = (l95 - l5) / (2 * Z95);
      return { code: SHAPE_LOGNORMAL, parameters: [mu, sigma, Math.exp(mu - sigma * sigma), 0, 0, 0] };
    }
  }
}

/** erf(x) to about 1e-15: Maclaurin series for |x| < 2.5, Laplace's continued fraction for erfc beyond. */
function erf(x: number): number {
  const ax = Math.abs(x);
  if (ax < 2.5) {
    let term = ax;
    let sum = ax;
    const x2 = ax * ax;
    for (let n = 1; n < 200; n++) {
      term *= -x2 / n;
      const add = term / (2 * n + 1);
      sum += add;
      if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
    }
    const r = (2 / Math.sqrt(Math.PI)) * sum;
    return x < 0 ? -r : r;
  }
  // erfc(x) = exp(−x²)/√π · 1/(x + 1/2/(x + 1/(x + 3/2/(x + …)))), evaluated from the tail.
  let f = 0;
  for (let n = 60; n >= 1; n--) f = n / 2 / (ax + f);
  const erfc = Math.exp(-ax * ax) / Math.sqrt(Math.PI) / (ax + f);
  return x < 0 ? erfc - 1 : 1 - erfc;
}

/** Φ(x), the standard normal distribution function. */
export function normalCdf(x: number): number {
  return 0.5 * (1 + erf(x / Math.SQRT2));
}

/**
 * Φ⁻¹(p) by Acklam's rational approximation (relative error below 1.15e-9), the usual
 * choice for simulation (P. J. Acklam, "An algorithm for computing the inverse normal
 * cumulative distribution function", 2003).
 */
export function normalQuantile(p: number): number {
  if (p <= 0) return Number.NEGATIVE_INFINITY;
  if (p >= 1) return Number.POSITIVE_INFINITY;
  const plow = 0.02425;
  if (p < plow) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (
      (((((-7.784894002430293e-3 * q - 3.223964580411365e-1) * q - 2.400758277161838) * q -
        2.549732539343734) *
        q +
        4.374664141464968) *
        q +
        2.938163982698783) /
      ((((7.784695709041462e-3 * q + 3.224671290700398e-1) * q + 2.445134137142996) * q + 3.754408661907416) *
        q +
        1)
    );
  }
  if (p > 1 - plow) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -(
      (((((-7.784894002430293e-3 * q - 3.223964580411365e-1) * q - 2.400758277161838) * q -
        2.549732539343734) *
        q +
        4.374664141464968) *
        q +
        2.938163982698783) /
      ((((7.784695709041462e-3 * q + 3.224671290700398e-1) * q + 2.445134137142996) * q + 3.754408661907416) *
        q +
        1)
    );
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((-3.969683028665376e1 * r + 2.209460984245205e2) * r - 2.759285104469687e2) * r +
      1.38357751867269e2) *
      r -
      3.066479806614716e1) *
      r +
      2.506628277459239) *
      q) /
    (((((-5.447609879822406e1 * r + 1.615858368580409e2) * r - 1.556989798598866e2) * r +
      6.680131188771972e1) *
      r -
      1.328068155288572e1) *
      r +
      1)
  );
}

/** The distribution function of a shape at x (uniform, triangular, lognormal; PERT is not needed). */
export function shapeCdf(code: number, p: ArrayLike<number>, o: number, x: number): number {
  if (code === SHAPE_UNIFORM) {
    const a = p[o]!;
    const b = p[o + 1]!;
    if (x <= a) return 0;
    if (x >= b) return 1;
    return (x - a) / (b - a);
  }
  if (code === SHAPE_TRIANGULAR) {
    const a = p[o]!;
    const c = p[o + 1]!;
    const b = p[o + 2]!;
    if (x <= a) return 0;
    if (x >= b) return 1;
    if (x <= c) return ((x - a) * (x - a)) / ((b - a) * (c - a));
    return 1 - ((b - x) * (b - x)) / ((b - a) * (b - c));
  }
  if (code === SHAPE_LOGNORMAL) {
    if (x <= 0) return 0;
    if (x === Number.POSITIVE_INFINITY) return 1;
    return normalCdf((Math.log(x) - p[o]!) / p[o + 1]!);
  }
  throw new Error("shapeCdf: no closed form for this shape");
}

/** The inverse distribution function at u in [0, 1). */
function shapeQuantile(code: number, p: ArrayLike<number>, o: number, u: number): number {
  if (code === SHAPE_UNIFORM) return p[o]! + u * (p[o + 1]! - p[o]!);
  if (code === SHAPE_TRIANGULAR) {
    const a = p[o]!;
    const c = p[o + 1]!;
    const b = p[o + 2]!;
    const fc = (c - a) / (b - a);
    return u < fc ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
  }
  // Lognormal.
  return Math.exp(p[o]! + p[o + 1]! * normalQuantile(u));
}

/** A gamma(shape ≥ 1, 1) variate by Marsaglia and Tsang's method (ACM TOMS 26(3), 2000). */
function gamma(shape: number, rng: ScenarioRandom): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (let i = 0; i < 1000; i++) {
    const x = normalQuantile(rng.nextFloat());
    if (!Number.isFinite(x)) continue;
    let v = 1 + c * x;
    if (v <= 0) continue;
    v = v * v * v;
    const u = rng.nextFloat();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
  return Number.NaN;
}

/**
 * Draws from a shape truncated to [lo, hi] (UNC-SIM-2): by the inverse distribution
 * function for uniform, triangular and lognormal (u uniform on [F(lo), F(hi)), the
 * truncation constants Flo and Fhi computed once per plan); by rejection for PERT (a beta
 * from two gamma variates, redrawn while outside [lo, hi], at most 1000 times). NaN when
 * a PERT draw fails.
 */
export function sampleShape(
  code: number,
  p: ArrayLike<number>,
  o: number,
  lo: number,
  hi: number,
  flo: number,
  fhi: number,
  rng: ScenarioRandom,
): number {
  if (code === SHAPE_PERT) {
    const a = p[o]!;
    const b = p[o + 1]!;
    for (let i = 0; i < 1000; i++) {
      const g1 = gamma(p[o + 2]!, rng);
      const g2 = gamma(p[o + 3]!, rng);
      const x = a + (b - a) * (g1 / (g1 + g2));
      if (x >= lo && x <= hi) return x;
    }
    return Number.NaN;
  }
  const u = flo + rng.nextFloat() * (fhi - flo);
  const x = shapeQuantile(code, p, o, u);
  return x < lo ? lo : x > hi ? hi : x;
}

/**
 * The density at x divided by the density's maximum (0 to 1): the acceptance probability
 * a claim's distribution gives a draw when it is not the draw's proposal (UNC-SIM-3).
 */
export function densityRatio(code: number, p: ArrayLike<number>, o: number, x: number): number {
  if (code === SHAPE_UNIFORM) return x >= p[o]! && x <= p[o + 1]! ? 1 : 0;
  if (code === SHAPE_TRIANGULAR) {
    const a = p[o]!;
    const c = p[o + 1]!;
    const b = p[o + 2]!;
    if (x < a || x > b) return 0;
    if (x < c) return (x - a) / (c - a);
    if (x > c) return (b - x) / (b - c);
    return 1;
  }
  if (code === SHAPE_PERT) {
    const a = p[o]!;
    const b = p[o + 1]!;
    if (x < a || x > b) return 0;
    const y = (x - a) / (b - a);
    const m = p[o + 4]!;
    const alpha = p[o + 2]!;
    const beta = p[o + 3]!;
    const left = alpha === 1 ? 1 : (y / m) ** (alpha - 1);
    const right = beta === 1 ? 1 : ((1 - y) / (1 - m)) ** (beta - 1);
    return left * right;
  }
  // Lognormal: f(x)/f(mode) = (mode/x)·exp(−((ln x − μ)² − σ⁴)/(2σ²)).
  if (x <= 0) return 0;
  const mu = p[o]!;
  const sigma = p[o + 1]!;
  const z = Math.log(x) - mu;
  return Math.min(1, (p[o + 2]! / x) * Math.exp(-(z * z - sigma ** 4) / (2 * sigma * sigma)));
}
