import { parseAmount } from "../exact/amount-parse.js";
import { type Currency, compactMoney, type ExchangeRate, type Money } from "../exact/money.js";
import { Rational } from "../exact/rational.js";
import { type FieldPath, fail, ok, type Result } from "../shared/problem.js";
import {
  DEFAULT_PERT_SHAPE,
  type Distribution,
  distributionDefect,
  distributionSupport,
} from "./distribution.js";
import { parsePercentAt } from "./percent.js";

/** What an estimate measures: an amount of money in one currency, or a fraction from 0 to 1. */
export type EstimateUnit =
  | { readonly kind: "money"; readonly currency: Currency }
  | { readonly kind: "fraction" };

/**
 * How the figure was qualified (SPEC UNC-EST-1). `distribution` is an estimate stated as
 * a distribution alone (a lognormal by its percentiles, say), with no qualifying words.
 */
export type Qualifier =
  | "exact"
  | "about"
  | "up_to"
  | "less_than"
  | "at_least"
  | "more_than"
  | "between"
  | "distribution";

export const QUALIFIERS: readonly Qualifier[] = [
  "exact",
  "about",
  "up_to",
  "less_than",
  "at_least",
  "more_than",
  "between",
  "distribution",
];

/** One end of the range an estimate asserts; `strict` for "less than" and "more than". */
export interface Bound {
  readonly value: Rational;
  readonly strict: boolean;
}

/**
 * An amount or fraction that is exact or estimated (UNC-EST-1). `lower` and `upper` are
 * what the words assert, and only that: "up to $50B" asserts an upper bound and nothing
 * below (amounts are non-negative by the domain, UNC-REC-1). The distribution says how
 * likely each value is; its support lies within the bounds.
 */
export interface Estimate {
  readonly kind: "estimate";
  readonly unit: EstimateUnit;
  readonly qualifier: Qualifier;
  /** The figure as stated: X in "about X" or "up to X"; undefined for a range or a distribution. */
  readonly stated: Rational | undefined;
  readonly lower: Bound | undefined;
  readonly upper: Bound | undefined;
  /** The relative half-width of "about X" (0.1 for ±10%). */
  readonly width: Rational | undefined;
  readonly distribution: Distribution;
  /** The estimate as written, when it came from text. */
  readonly text: string | undefined;
}

/**
 * The default relative half-width of "about X" (UNC-EST-3): ±10%. A reporter who writes
 * "about 40" for a figure that would round to 45 writes "about 45"; ±10% keeps the
 * figure's first significant digit for most values and is wider than the ±5% a rounding
 * to two significant digits would give, since "about" in reporting is looser than
 * rounding. Any width can be stated ("$40B±5%").
 */
export const DEFAULT_ABOUT_WIDTH = Rational.of(1n, 10n);

/** The upper end of "at least X" when no claim bounds the quantity (UNC-EST-6): 2 × X. */
export const AT_LEAST_DEFAULT_MULTIPLE = Rational.of(2n);

export type DistributionShape = "uniform" | "triangular" | "pert" | "lognormal";
export const DISTRIBUTION_SHAPES: readonly DistributionShape[] = [
  "uniform",
  "triangular",
  "pert",
  "lognormal",
];

export interface EstimateOptions {
  /** Relative half-width of "about"; DEFAULT_ABOUT_WIDTH when undefined. */
  readonly width?: Rational;
  /** Overrides the qualifier's default shape (UNC-EST-7). */
  readonly shape?: DistributionShape;
  /** PERT shape λ; 4 when undefined. */
  readonly pertShape?: Rational;
  readonly text?: string;
  readonly path?: FieldPath;
}

function describeUnitValue(value: Rational, unit: EstimateUnit): string {
  return formatEstimateValue(value, unit);
}

/**
 * Builds an estimate from a qualifier and its figures, with the default distribution of
 * the qualifier (UNC-EST-2..UNC-EST-7), and checks it (UNC-EST-8): no negative value, no
 * fraction above 1, the lower end not above the upper end.
 *
 * `figures.value` is the stated figure (for every qualifier but `between`), `min` and
 * `max` the ends of a `between`.
 */
export function makeEstimate(
  qualifier: Qualifier,
  figures: { readonly value?: Rational; readonly min?: Rational; readonly max?: Rational },
  unit: EstimateUnit,
  options: EstimateOptions = {},
): Result<Estimate> {
  const path = options.path;
  const text = options.text;
  const where = text === undefined ? "the estimate" : `"${text}"`;
  const checkValue = (v: Rational, what: string): Result<Rational> => {
    if (v.isNegative()) {
      return fail(
        "estimate_negative",
        `${where}: ${what} ${describeUnitValue(v, unit)} is negative; amounts and fractions are never below zero`,
        path,
      );
    }
    if (unit.kind === "fraction" && v.gt(Rational.ONE)) {
      return fail(
        "estimate_out_of_range",
        `${where}: ${what} ${describeUnitValue(v, unit)} is above 100%; a fraction is between 0 and 1`,
        path,
      );
    }
    return ok(v);
  };

  let lower: Bound | undefined;
  let upper: Bound | undefined;
  let stated: Rational | undefined;
  let width: Rational | undefined;
  if (qualifier === "between") {
    if (figures.min === undefined || figures.max === undefined) {
      return fail("estimate_unreadable", `${where}: a range needs both ends`, path);
    }
    for (const [v, what] of [
      [figures.min, "the lower end"],
      [figures.max, "the upper end"],
    ] as const) {
      const c = checkValue(v, what);
      if (!c.ok) return c;
    }
    if (figures.min.gt(figures.max)) {
      return fail(
        "estimate_bounds_reversed",
        `${where}: the lower end ${describeUnitValue(figures.min, unit)} is above the upper end ${describeUnitValue(figures.max, unit)}`,
        path,
      );
    }
    lower = { value: figures.min, strict: false };
    upper = { value: figures.max, strict: false };
  } else if (qualifier === "distribution") {
    // The caller builds these through estimateFromStructure; bounds come from min/max there.
    return fail("estimate_unreadable", `${where}: a distribution needs its parameters`, path);
  } else {
    if (figures.value === undefined) return fail("estimate_unreadable", `${where}: no figure`, path);
    const c = checkValue(figures.value, "the figure");
    if (!c.ok) return c;
    stated = figures.value;
    const x = figures.value;
    switch (qualifier) {
      case "exact":
        lower = { value: x, strict: false };
        upper = { value: x, strict: false };
        break;
      case "about": {
        width = options.width ?? DEFAULT_ABOUT_WIDTH;
        if (!width.isPositive() || width.gte(Rational.ONE)) {
          return fail(
            "estimate_invalid_distribution",
            `${where}: the width ±${width.mulInt(100n).toDecimalString(4)}% must be above 0% and below 100%`,
            path,
          );
        }
        lower = { value: x.mul(Rational.ONE.sub(width)), strict: false };
        upper = { value: x.mul(Rational.ONE.add(width)), strict: false };
        if (unit.kind === "fraction" && upper.value.gt(Rational.ONE)) {
          upper = { value: Rational.ONE, strict: false };
        }
        break;
      }
      case "up_to":
      case "less_than":
        if (qualifier === "less_than" && x.isZero()) {
          return fail("estimate_negative", `${where}: nothing non-negative is less than zero`, path);
        }
        upper = { value: x, strict: qualifier === "less_than" };
        break;
      case "at_least":
      case "more_than":
        if (qualifier === "more_than" && unit.kind === "fraction" && x.eq(Rational.ONE)) {
          return fail("estimate_out_of_range", `${where}: no fraction is more than 100%`, path);
        }
        lower = { value: x, strict: qualifier === "more_than" };
        break;
    }
  }
  const distribution = defaultDistribution(qualifier, stated, lower, upper, options);
  if (!distribution.ok) return distribution;
  return ok({
    kind: "estimate",
    unit,
    qualifier,
    stated,
    lower,
    upper,
    width,
    distribution: distribution.value,
    text,
  });
}

/**
 * The distribution each qualifier gets (UNC-EST-2..UNC-EST-7):
 * - exact X: the point X;
 * - about X: triangular on [X(1−w), X(1+w)] with mode X;
 * - up to X, less than X: uniform on [0, X] (the words assert a ceiling and nothing else;
 *   the uniform is the maximum-entropy law on what they allow, and the other claims then
 *   shape it: with a group subtotal the sampler's conditioning moves mass up, UNC-SIM-3);
 * - at least X, more than X: uniform on [X, the feasible maximum or 2X] (UNC-EST-6);
 * - between a and b: uniform on [a, b].
 * A stated shape overrides the default, keeping the bounds: triangular and PERT take the
 * stated figure as mode (the midpoint for a range); lognormal takes the range's ends as its
 * 5th and 95th percentiles and is truncated to the bounds.
 */
function defaultDistribution(
  qualifier: Qualifier,
  stated: Rational | undefined,
  lower: Bound | undefined,
  upper: Bound | undefined,
  options: EstimateOptions,
): Result<Distribution> {
  const path = options.path;
  const where = options.text === undefined ? "the estimate" : `"${options.text}"`;
  if (qualifier === "exact") return ok({ kind: "point", value: stated! });
  const lo = lower?.value ?? Rational.ZERO;
  const hi = upper?.value;
  if (hi !== undefined && lo.eq(hi)) return ok({ kind: "point", value: lo });
  const shape = options.shape ?? (qualifier === "about" ? "triangular" : "uniform");
  if (shape === "uniform") return ok({ kind: "uniform", min: lo, max: hi });
  if (hi === undefined) {
    return fail(
      "estimate_invalid_distribution",
      `${where}: a ${shape} distribution needs an upper end; state one ("between … and …")`,
      path,
    );
  }
  if (shape === "lognormal") {
    if (!lo.isPositive()) {
      return fail(
        "estimate_invalid_distribution",
        `${where}: a lognormal needs a positive lower end (its 5th percentile); state a range`,
        path,
      );
    }
    return ok({ kind: "lognormal", p5: lo, p95: hi });
  }
  const mode = stated?.gte(lo) && stated.lte(hi) ? stated : lo.add(hi).divInt(2n);
  if (shape === "triangular") return ok({ kind: "triangular", min: lo, mode, max: hi });
  return ok({ kind: "pert", min: lo, mode, max: hi, shape: options.pertShape ?? DEFAULT_PERT_SHAPE });
}

/** A value in a structured estimate: exact number, money, or text ("$50B", "27%", "0.27"). */
export type EstimateValueInput = Rational | Money | string;

/** The structured form of an estimate (UNC-EST-9), as a deal file writes it. */
export interface EstimateStructure {
  readonly qualifier?: string;
  readonly value?: EstimateValueInput;
  readonly min?: EstimateValueInput;
  readonly max?: EstimateValueInput;
  readonly mode?: EstimateValueInput;
  readonly minStrict?: boolean;
  readonly maxStrict?: boolean;
  /** Relative half-width of "about", as a fraction ("0.1") or a percent ("10%"). */
  readonly width?: EstimateValueInput;
  readonly distribution?: string;
  /** PERT shape λ. */
  readonly shape?: EstimateValueInput;
  /** Lognormal percentiles. */
  readonly p5?: EstimateValueInput;
  readonly p95?: EstimateValueInput;
}

function readFraction(text: string): Rational | undefined {
  const percent = parsePercentAt(text, 0);
  if (percent && typeof percent !== "string" && text.slice(percent.end).trim() === "") return percent.value;
  return Rational.parse(text);
}

/**
 * Builds an estimate from its structured form (UNC-EST-9): `{value}` is exact; `{max}`
 * is "up to" ("less than" with `maxStrict`); `{min}` is "at least" ("more than" with
 * `minStrict`); `{min, max}` is a range; `mode` makes the default shape triangular;
 * `distribution` chooses uniform, triangular, PERT or lognormal (by `p5` and `p95`);
 * `qualifier` may be stated and is then checked against the figures.
 */
export function estimateFromStructure(
  input: EstimateStructure,
  expected: "money" | "fraction",
  options: { readonly defaultCurrency?: Currency; readonly path?: FieldPath } = {},
): Result<Estimate> {
  const path = options.path;
  let currency: Currency | undefined;
  const read = (value: EstimateValueInput | undefined, field: string): Result<Rational | undefined> => {
    const at = path === undefined ? undefined : [...path, field];
    if (value === undefined) return ok(undefined);
    if (value instanceof Rational) return ok(value);
    if (typeof value !== "string") {
      if (expected === "fraction") {
        return fail("claim_unit_mismatch", `${field} is an amount of money; this estimate is a fraction`, at);
      }
      if (currency !== undefined && value.currency !== currency) {
        return fail(
          "estimate_unreadable",
          `${field} is in ${value.currency}, another field in ${currency}`,
          at,
        );
      }
      currency = value.currency;
      return ok(value.amount);
    }
    if (expected === "fraction" || field === "width" || field === "shape") {
      const r = readFraction(value);
      if (r === undefined) {
        return fail("estimate_unreadable", `${field} "${value}" is not a number or a percentage`, at);
      }
      return ok(r);
    }
    const plain = Rational.parse(value);
    if (plain !== undefined) return ok(plain);
    const parsed = parseAmount(value, { defaultCurrency: currency ?? options.defaultCurrency });
    if (!parsed.ok) return fail("estimate_unreadable", `${field}: ${parsed.error}`, at);
    if (currency !== undefined && parsed.value.currency !== currency) {
      return fail(
        "estimate_unreadable",
        `${field} is in ${parsed.value.currency}, another field in ${currency}; write one currency`,
        at,
      );
    }
    currency = parsed.value.currency;
    return ok(parsed.value.amount);
  };
  const fields = ["value", "min", "max", "mode", "width", "shape", "p5", "p95"] as const;
  const values: Partial<Record<(typeof fields)[number], Rational>> = {};
  for (const field of fields) {
    const r = read(input[field], field);
    if (!r.ok) return r;
    if (r.value !== undefined) values[field] = r.value;
  }
  let unit: EstimateUnit;
  if (expected === "fraction") unit = { kind: "fraction" };
  else {
    const code = currency ?? options.defaultCurrency;
    if (code === undefined) {
      return fail(
        "estimate_unreadable",
        "the estimate names no currency; write $50B or 50 billion USD",
        path,
      );
    }
    unit = { kind: "money", currency: code };
  }
  let shape: DistributionShape | undefined;
  if (input.distribution !== undefined && input.distribution !== "point") {
    if (!DISTRIBUTION_SHAPES.includes(input.distribution as DistributionShape)) {
      return fail(
        "estimate_invalid_distribution",
        `distribution "${input.distribution}" is not one of ${DISTRIBUTION_SHAPES.join(", ")}`,
        path === undefined ? undefined : [...path, "distribution"],
      );
    }
    shape = input.distribution as DistributionShape;
  }
  let qualifier: Qualifier;
  if (input.qualifier !== undefined) {
    const q = input.qualifier.replaceAll(" ", "_").replaceAll("-", "_") as Qualifier;
    if (!QUALIFIERS.includes(q)) {
      return fail(
        "estimate_unknown_qualifier",
        `qualifier "${input.qualifier}" is not one of ${QUALIFIERS.join(", ")}`,
        path === undefined ? undefined : [...path, "qualifier"],
      );
    }
    qualifier = q;
  } else if (shape === "lognormal" && values.p5 !== undefined) {
    qualifier = "distribution";
  } else if (values.value !== undefined) {
    qualifier = "exact";
  } else if (values.min !== undefined && values.max !== undefined) {
    qualifier = "between";
  } else if (values.max !== undefined) {
    qualifier = input.maxStrict ? "less_than" : "up_to";
  } else if (values.min !== undefined) {
    qualifier = input.minStrict ? "more_than" : "at_least";
  } else {
    return fail("estimate_unreadable", "the estimate states no value, min or max", path);
  }
  const text = undefined;
  if (qualifier === "distribution") return lognormalEstimate(values, unit, path, input);
  // The figure of a one-sided qualifier may be given as value, or as the side it bounds.
  const figure =
    values.value ??
    (qualifier === "up_to" || qualifier === "less_than"
      ? values.max
      : qualifier === "at_least" || qualifier === "more_than"
        ? values.min
        : undefined);
  const base = makeEstimate(qualifier, { value: figure, min: values.min, max: values.max }, unit, {
    width: values.width,
    shape: shape ?? (values.mode ? "triangular" : undefined),
    text,
    path,
    pertShape: values.shape,
  });
  if (!base.ok) return base;
  let estimate = base.value;
  if (qualifier === "between" && (input.minStrict || input.maxStrict)) {
    estimate = {
      ...estimate,
      lower: { value: estimate.lower!.value, strict: input.minStrict === true },
      upper: { value: estimate.upper!.value, strict: input.maxStrict === true },
    };
  }
  if (values.mode !== undefined) {
    const d = estimate.distribution;
    if (d.kind !== "triangular" && d.kind !== "pert") {
      return fail(
        "estimate_invalid_distribution",
        `a mode fits a triangular or PERT distribution, not ${d.kind}`,
        path === undefined ? undefined : [...path, "mode"],
      );
    }
    if (values.mode.lt(d.min) || values.mode.gt(d.max)) {
      return fail(
        "estimate_bounds_reversed",
        `the mode ${formatEstimateValue(values.mode, unit)} lies outside [${formatEstimateValue(d.min, unit)}, ${formatEstimateValue(d.max, unit)}]`,
        path === undefined ? undefined : [...path, "mode"],
      );
    }
    estimate = { ...estimate, distribution: { ...d, mode: values.mode } };
  }
  return ok(estimate);
}

function lognormalEstimate(
  values: Partial<Record<string, Rational>>,
  unit: EstimateUnit,
  path: FieldPath | undefined,
  input: EstimateStructure,
): Result<Estimate> {
  const p5 = values.p5;
  const p95 = values.p95;
  if (p5 === undefined || p95 === undefined) {
    return fail("estimate_invalid_distribution", "a lognormal needs its p5 and p95", path);
  }
  const distribution: Distribution = { kind: "lognormal", p5, p95 };
  const defect = distributionDefect(distribution);
  if (defect) return fail("estimate_invalid_distribution", `the lognormal: ${defect}`, path);
  const lower =
    values.min === undefined ? undefined : { value: values.min, strict: input.minStrict === true };
  const upper =
    values.max === undefined ? undefined : { value: values.max, strict: input.maxStrict === true };
  for (const b of [lower, upper]) {
    if (b?.value.isNegative()) return fail("estimate_negative", "a bound of the lognormal is negative", path);
  }
  if (lower && upper && lower.value.gt(upper.value)) {
    return fail("estimate_bounds_reversed", "the lognormal's min is above its max", path);
  }
  return ok({
    kind: "estimate",
    unit,
    qualifier: "distribution",
    stated: undefined,
    lower,
    upper,
    width: undefined,
    distribution,
    text: undefined,
  });
}

/**
 * The support of the estimate's distribution within its bounds: where the simulation
 * draws it (before the other claims narrow it further).
 */
export function estimateSupport(e: Estimate): { readonly min: Rational; readonly max: Rational | undefined } {
  const s = distributionSupport(e.distribution);
  let min = s.min ?? Rational.ZERO;
  let max = s.max;
  if (e.lower?.value.gt(min)) min = e.lower.value;
  if (e.upper && (max === undefined || e.upper.value.lt(max))) max = e.upper.value;
  return { min, max };
}

/** Checks an estimate built by hand: its distribution's parameters and its bounds (UNC-EST-8). */
export function checkEstimate(e: Estimate, path?: FieldPath): Result<Estimate> {
  const defect = distributionDefect(e.distribution);
  if (defect) return fail("estimate_invalid_distribution", `the estimate's distribution: ${defect}`, path);
  if (e.lower && e.upper && e.lower.value.gt(e.upper.value)) {
    return fail(
      "estimate_bounds_reversed",
      `the lower end ${formatEstimateValue(e.lower.value, e.unit)} is above the upper end ${formatEstimateValue(e.upper.value, e.unit)}`,
      path,
    );
  }
  for (const b of [e.lower, e.upper]) {
    if (b?.value.isNegative()) return fail("estimate_negative", "a bound of the estimate is negative", path);
  }
  return ok(e);
}

function scaleDistribution(d: Distribution, k: Rational): Distribution {
  switch (d.kind) {
    case "point":
      return { kind: "point", value: d.value.mul(k) };
    case "uniform":
      return { kind: "uniform", min: d.min.mul(k), max: d.max?.mul(k) };
    case "triangular":
      return { kind: "triangular", min: d.min.mul(k), mode: d.mode.mul(k), max: d.max.mul(k) };
    case "pert":
      return { kind: "pert", min: d.min.mul(k), mode: d.mode.mul(k), max: d.max.mul(k), shape: d.shape };
    case "lognormal":
      return { kind: "lognormal", p5: d.p5.mul(k), p95: d.p95.mul(k) };
  }
}

/**
 * The estimate in `target`, through a rate the deal states (a direct rate or the inverse
 * of the opposite one); undefined without one. Every figure scales exactly.
 */
export function convertEstimate(
  e: Estimate,
  target: Currency,
  rates: readonly ExchangeRate[],
): Estimate | undefined {
  if (e.unit.kind !== "money" || e.unit.currency === target) return e;
  const from = e.unit.currency;
  const direct = rates.find((r) => r.from === from && r.to === target);
  const inverse = rates.find((r) => r.from === target && r.to === from);
  const k = direct ? direct.rate : inverse ? inverse.rate.inverse() : undefined;
  if (k === undefined) return undefined;
  const scale = (b: Bound | undefined) => (b ? { value: b.value.mul(k), strict: b.strict } : undefined);
  return {
    ...e,
    unit: { kind: "money", currency: target },
    stated: e.stated?.mul(k),
    lower: scale(e.lower),
    upper: scale(e.upper),
    distribution: scaleDistribution(e.distribution, k),
  };
}

/** A value in the estimate's unit, for messages: "$44B", "27.5%". Display only. */
export function formatEstimateValue(value: Rational, unit: EstimateUnit): string {
  if (unit.kind === "fraction") return `${value.mulInt(100n).toDecimalString(4)}%`;
  return compactMoney({ kind: "money", currency: unit.currency, amount: value });
}

/** The estimate in words: "up to $50B", "about $40B", "between $1B and $2B". */
export function formatEstimate(e: Estimate): string {
  const v = (r: Rational) => formatEstimateValue(r, e.unit);
  switch (e.qualifier) {
    case "exact":
      return v(e.stated!);
    case "about":
      return e.width && !e.width.eq(DEFAULT_ABOUT_WIDTH)
        ? `${v(e.stated!)} ± ${e.width.mulInt(100n).toDecimalString(4)}%`
        : `about ${v(e.stated!)}`;
    case "up_to":
      return `up to ${v(e.stated!)}`;
    case "less_than":
      return `less than ${v(e.stated!)}`;
    case "at_least":
      return `at least ${v(e.stated!)}`;
    case "more_than":
      return `more than ${v(e.stated!)}`;
    case "between":
      if (e.lower!.strict || e.upper!.strict) {
        return `${e.lower!.strict ? "more than" : "at least"} ${v(e.lower!.value)} and ${e.upper!.strict ? "less than" : "at most"} ${v(e.upper!.value)}`;
      }
      return `between ${v(e.lower!.value)} and ${v(e.upper!.value)}`;
    case "distribution": {
      const d = e.distribution;
      return d.kind === "lognormal" ? `lognormal, 90% between ${v(d.p5)} and ${v(d.p95)}` : d.kind;
    }
  }
}
