import { Rational } from "../exact/rational.js";
import { LIMITS } from "../shared/limits.js";
import { fail, ok, type Result } from "../shared/problem.js";
import type { Claim, ClaimId, ClaimSet } from "./claim.js";
import { claimWeights } from "./claim-weight.js";
import {
  type ConstraintRow,
  claimRows,
  coefficientsOf,
  quantityIndex,
  structuralRows,
} from "./constraints.js";
import { AT_LEAST_DEFAULT_MULTIPLE, formatEstimateValue } from "./estimate.js";
import type { LpOracle } from "./lp.js";
import { checkFeasibility, expressionRange } from "./polyhedron.js";
import { singleQuantity } from "./quantity.js";
import { ScenarioRandom } from "./rng.js";
import { densityRatio, SHAPE_PARAMETERS, SHAPE_UNIFORM, sampleShape, shapeCdf, shapeOf } from "./sampling.js";
import { type SparseRows, sparseRows } from "./sparse-rows.js";

/**
 * How the simulation draws the uncertain quantities (SPEC UNC-SIM-3), compiled once into
 * typed arrays so that the draw allocates nothing.
 *
 * Target law: on the set the chosen claims allow, the density proportional to the product
 * of the claims' densities, each at its subject's value (each claim is independent
 * evidence; a uniform claim only bounds), with respect to the volume measure on the
 * free coordinates once the equalities are solved. Method: exact rejection sampling.
 *
 * 1. Equalities (identities, exact claims, and inequalities that hold with equality
 *    everywhere, found by linear programming) are solved exactly: some quantities become
 *    affine functions of the others ("dependent"); the rest are "free". Any choice of
 *    free coordinates gives the same target up to a constant, as the change of
 *    coordinates is linear.
 * 2. Each free quantity is proposed from its heaviest direct claim's distribution (or
 *    uniformly when no claim is directly about it), truncated to its exact feasible range.
 * 3. Dependents are computed; the draw is rejected unless every remaining inequality holds;
 *    then it is accepted with probability Π f_c(value_c)/max f_c over the claims not used
 *    as proposals.
 *
 * This samples the target law exactly (no projection, no bias beyond float rounding at the
 * boundaries); its cost is the rejection rate. A scenario that draws more than
 * LIMITS.samplerAttemptsPerScenario times is counted as failed, never looped on forever.
 */
export interface SamplerPlan {
  readonly quantityCount: number;
  /** Quantities plus one coordinate per group claim: the length of the draw buffer. */
  readonly coordinateCount: number;
  readonly free: Int32Array;
  readonly proposalCode: Int32Array;
  readonly proposalParameters: Float64Array;
  /** lo, hi, F(lo), F(hi) per free quantity. */
  readonly proposalBounds: Float64Array;
  readonly dependent: Int32Array;
  readonly dependentConstant: Float64Array;
  /** Per dependent: coefficients over the coordinates (x_p = constant + Σ c·x). */
  readonly dependentCoefficients: SparseRows;
  readonly rowCount: number;
  /** coefficients·x ≤ bound (< when strict), per row. */
  readonly rowCoefficients: SparseRows;
  readonly rowBound: Float64Array;
  readonly rowStrict: Uint8Array;
  readonly factorCount: number;
  readonly factorCode: Int32Array;
  readonly factorParameters: Float64Array;
  readonly factorCoefficients: SparseRows;
  readonly factorConstant: Float64Array;
  readonly maxAttempts: number;
  /** Assumptions the sampler adds (the default upper end of "at least X"), in words. */
  readonly assumptions: readonly string[];
}

interface Row {
  readonly coefficients: Rational[];
  readonly bound: Rational;
}

/**
 * Compiles the sampler for the claims `claimIds` (UNC-SIM-3). Fails when the claims
 * conflict, when a quantity is unbounded above with no proper distribution, or when a
 * pilot of 2,000 draws accepts none.
 */
export function planSampler(
  set: ClaimSet,
  claimIds: readonly ClaimId[],
  options: { readonly oracle?: LpOracle } = {},
): Result<SamplerPlan> {
  const oracle = options.oracle;
  const byId = new Map(set.claims.map((c) => [c.id, c]));
  const claims: Claim[] = [];
  for (const id of claimIds) {
    const c = byId.get(id);
    if (!c) return fail("claim_unknown", `the simulation names claim "${id}", which does not exist`);
    claims.push(c);
  }
  claims.sort((a, b) => set.claims.indexOf(a) - set.claims.indexOf(b));
  const model = set.model;
  const n = model.quantities.length;
  const index = quantityIndex(model);
  let rows: ConstraintRow[] = [...structuralRows(model), ...claims.flatMap((c) => claimRows(c, index))];
  const first = checkFeasibility(n, rows, oracle);
  if (!first.feasible) {
    return fail(
      "claim_set_inconsistent",
      "the simulation's claims cannot all hold; reconcile them and choose a reading",
    );
  }
  // "At least X" with nothing above it: assume 2X as its upper end (UNC-EST-6).
  const assumptions: string[] = [];
  for (const claim of claims) {
    const d = claim.value.distribution;
    if (d.kind !== "uniform" || d.max !== undefined) continue;
    const coefficients = coefficientsOf(claim.subject, index);
    const range = expressionRange(n, rows, coefficients, claim.subject.constant, first.closurePoint, oracle);
    if (range.max !== undefined) continue;
    const cap = d.min.mul(AT_LEAST_DEFAULT_MULTIPLE);
    if (!cap.isPositive()) {
      return fail(
        "quantity_unbounded",
        `claim "${claim.id}" (${claim.subjectLabel}: at least 0) bounds nothing above; the simulation needs an upper end`,
      );
    }
    rows = [
      ...rows,
      {
        coefficients,
        bound: cap.sub(claim.subject.constant),
        strict: false,
        origin: { kind: "claim", claim: claim.id, side: "upper" },
      },
    ];
    assumptions.push(
      `${claim.subjectLabel} is taken to be at most ${formatEstimateValue(cap, claim.value.unit)}, twice the "at least" of claim "${claim.id}", as no claim bounds it above (UNC-EST-6)`,
    );
  }
  const feasibility = checkFeasibility(n, rows, oracle);
  if (!feasibility.feasible) throw new Error("sampler: an assumed upper end made the claims conflict");
  const unit = (j: number) => Array.from({ length: n }, (_, k) => (k === j ? Rational.ONE : Rational.ZERO));
  const ranges = model.quantities.map((_, j) =>
    expressionRange(n, rows, unit(j), Rational.ZERO, feasibility.closurePoint, oracle),
  );

  // 1. Equalities. Each claim about several quantities with a spread (a group subtotal)
  // gets a coordinate of its own, s = its subject, so that it can be proposed from its own
  // distribution instead of being hit by rejection; one of its quantities becomes dependent.
  const groups = claims.filter((c) => c.subject.terms.length > 1 && c.value.distribution.kind !== "point");
  const size = n + groups.length;
  const widen = (coefficients: readonly Rational[]) => [...coefficients, ...groups.map(() => Rational.ZERO)];
  const equalities: Row[] = [];
  const isEquality = new Array<boolean>(rows.length).fill(false);
  rows.forEach((row, r) => {
    if (row.strict) return;
    const o = row.origin;
    if (o.kind === "identity") {
      isEquality[r] = true;
      if (o.side === "upper") equalities.push({ coefficients: widen(row.coefficients), bound: row.bound });
      return;
    }
    const terms = row.coefficients.filter((c) => !c.isZero()).length;
    if (terms === 1) return; // single quantities: fixed below from their ranges
    const range = expressionRange(
      n,
      rows,
      [...row.coefficients],
      Rational.ZERO,
      feasibility.closurePoint,
      oracle,
    );
    if (range.min?.value.eq(row.bound)) {
      isEquality[r] = true;
      equalities.push({ coefficients: widen(row.coefficients), bound: row.bound });
    }
  });
  ranges.forEach((range, j) => {
    if (range.max && range.min?.value.eq(range.max.value)) {
      equalities.push({ coefficients: widen(unit(j)), bound: range.min.value });
    }
  });
  groups.forEach((c, g) => {
    // s_g − Σ c·q = constant.
    const coefficients = widen(coefficientsOf(c.subject, index).map((v) => v.neg()));
    coefficients[n + g] = Rational.ONE;
    equalities.push({ coefficients, bound: c.subject.constant });
    const range = expressionRange(
      n,
      rows,
      coefficientsOf(c.subject, index),
      c.subject.constant,
      feasibility.closurePoint,
      oracle,
    );
    ranges.push(range);
  });
  const weights = claimWeights(set);
  const directClaims = (j: number) =>
    j >= n
      ? [groups[j - n]!]
      : claims
          .filter(
            (c) =>
              singleQuantity(c.subject) === model.quantities[j]!.id && c.value.distribution.kind !== "point",
          )
          .sort((a, b) => (weights.get(b.id) ?? 0) - (weights.get(a.id) ?? 0));
  const width = (j: number): Rational | undefined => {
    const r = ranges[j]!;
    return r.max === undefined ? undefined : r.max.value.sub(r.min!.value);
  };
  // Pivot preference: a quantity no claim is directly about, then a quantity with the
  // widest range, then the last; a group's own coordinate only when nothing else is left.
  const better = (a: number, b: number): boolean => {
    if (a >= n !== b >= n) return b >= n;
    const da = directClaims(a).length === 0;
    const db = directClaims(b).length === 0;
    if (da !== db) return da;
    const wa = width(a);
    const wb = width(b);
    if (wa === undefined && wb !== undefined) return true;
    if (wb === undefined && wa !== undefined) return false;
    if (wa !== undefined && wb !== undefined && !wa.eq(wb)) return wa.gt(wb);
    return a > b;
  };
  const reduced: Row[] = [];
  const pivotOf: number[] = [];
  for (const eq of equalities) {
    const v = [...eq.coefficients];
    let b = eq.bound;
    for (let i = 0; i < reduced.length; i++) {
      const p = pivotOf[i]!;
      if (v[p]!.isZero()) continue;
      const f = v[p]!;
      const r = reduced[i]!;
      for (let j = 0; j < size; j++) v[j] = v[j]!.sub(f.mul(r.coefficients[j]!));
      b = b.sub(f.mul(r.bound));
    }
    let pivot = -1;
    for (let j = 0; j < size; j++) if (!v[j]!.isZero() && (pivot < 0 || better(j, pivot))) pivot = j;
    if (pivot < 0) continue; // implied by the others
    const pv = v[pivot]!;
    const row = { coefficients: v.map((x) => x.div(pv)), bound: b.div(pv) };
    // Keep the form reduced: clear the new pivot from the rows already held.
    for (let i = 0; i < reduced.length; i++) {
      const r = reduced[i]!;
      const f = r.coefficients[pivot]!;
      if (f.isZero()) continue;
      reduced[i] = {
        coefficients: r.coefficients.map((x, j) => x.sub(f.mul(row.coefficients[j]!))),
        bound: r.bound.sub(f.mul(row.bound)),
      };
    }
    reduced.push(row);
    pivotOf.push(pivot);
  }
  const dependentSet = new Set(pivotOf);
  const free = Array.from({ length: size }, (_, j) => j).filter((j) => !dependentSet.has(j));

  // 2. Proposals.
  const proposalCode = new Int32Array(free.length);
  const proposalParameters = new Float64Array(free.length * SHAPE_PARAMETERS);
  const proposalBounds = new Float64Array(free.length * 4);
  const governing = new Set<ClaimId>();
  for (const [k, j] of free.entries()) {
    const range = ranges[j]!;
    const lo = range.min!.value.toNumber();
    const hiExact = range.max?.value;
    const claim = directClaims(j)[0];
    let shape = claim ? shapeOf(claim.value.distribution) : undefined;
    if (shape && shape.code === SHAPE_UNIFORM && !Number.isFinite(shape.parameters[1]!)) {
      shape = hiExact
        ? { code: SHAPE_UNIFORM, parameters: [shape.parameters[0]!, hiExact.toNumber(), 0, 0, 0, 0] }
        : undefined;
    }
    if (!shape) {
      if (hiExact === undefined) {
        const label = j < n ? model.quantities[j]!.label : groups[j - n]!.subjectLabel;
        return fail(
          "quantity_unbounded",
          `${label} has no upper bound under the chosen claims; the simulation needs one (state a claim or an assumption)`,
        );
      }
      shape = { code: SHAPE_UNIFORM, parameters: [lo, hiExact.toNumber(), 0, 0, 0, 0] };
    } else if (claim) {
      governing.add(claim.id);
    }
    const hi = hiExact === undefined ? Number.POSITIVE_INFINITY : hiExact.toNumber();
    proposalCode[k] = shape.code;
    proposalParameters.set(shape.parameters, k * SHAPE_PARAMETERS);
    proposalBounds[k * 4] = lo;
    proposalBounds[k * 4 + 1] = hi;
    if (shape.code !== 2) {
      proposalBounds[k * 4 + 2] = shapeCdf(shape.code, shape.parameters, 0, lo);
      proposalBounds[k * 4 + 3] = shapeCdf(shape.code, shape.parameters, 0, hi);
    }
  }
  const dependent = Int32Array.from(pivotOf);
  const dependentConstant = Float64Array.from(reduced, (r) => r.bound.toNumber());
  const dependentCoefficients = new Float64Array(pivotOf.length * free.length);
  reduced.forEach((r, i) => {
    free.forEach((j, k) => {
      // x_p + Σ c_j x_j = b, so x_p = b − Σ c_j x_j.
      dependentCoefficients[i * free.length + k] = r.coefficients[j]!.neg().toNumber();
    });
  });

  // 3. The inequalities left to check, and the density factors.
  const freeSet = new Set(free);
  const groupRows = new Set(groups.map((c) => c.id));
  const checked = rows.filter((row, r) => {
    if (isEquality[r]) return false;
    // A group's own rows hold across its coordinate's feasible range, to which its proposal keeps.
    if (row.origin.kind === "claim" && groupRows.has(row.origin.claim)) {
      const g = groups.findIndex((c) => c.id === (row.origin as { claim: ClaimId }).claim);
      if (freeSet.has(n + g)) return false;
    }
    const used = row.coefficients.map((c, j) => (c.isZero() ? -1 : j)).filter((j) => j >= 0);
    if (used.length === 0) return false;
    // A row on one free quantity holds across its feasible range, which the proposal keeps to.
    return !(used.length === 1 && freeSet.has(used[0]!));
  });
  const rowCoefficients = new Float64Array(checked.length * n);
  checked.forEach((row, r) => {
    row.coefficients.forEach((c, j) => {
      rowCoefficients[r * n + j] = c.toNumber();
    });
  });
  const factors = claims.filter((c) => {
    if (governing.has(c.id)) return false;
    const kind = c.value.distribution.kind;
    return kind === "triangular" || kind === "pert" || kind === "lognormal";
  });
  const factorCode = new Int32Array(factors.length);
  const factorParameters = new Float64Array(factors.length * SHAPE_PARAMETERS);
  const factorCoefficients = new Float64Array(factors.length * n);
  const factorConstant = new Float64Array(factors.length);
  factors.forEach((c, f) => {
    const shape = shapeOf(c.value.distribution)!;
    factorCode[f] = shape.code;
    factorParameters.set(shape.parameters, f * SHAPE_PARAMETERS);
    coefficientsOf(c.subject, index).forEach((v, j) => {
      factorCoefficients[f * n + j] = v.toNumber();
    });
    factorConstant[f] = c.subject.constant.toNumber();
  });
  const plan: SamplerPlan = {
    quantityCount: n,
    coordinateCount: size,
    free: Int32Array.from(free),
    proposalCode,
    proposalParameters,
    proposalBounds,
    dependent,
    dependentConstant,
    dependentCoefficients: sparseRows(dependentCoefficients, pivotOf.length, free.length, (k) => free[k]!),
    rowCount: checked.length,
    rowCoefficients: sparseRows(rowCoefficients, checked.length, n),
    rowBound: Float64Array.from(checked, (r) => r.bound.toNumber()),
    rowStrict: Uint8Array.from(checked, (r) => (r.strict ? 1 : 0)),
    factorCount: factors.length,
    factorCode,
    factorParameters,
    factorCoefficients: sparseRows(factorCoefficients, factors.length, n),
    factorConstant,
    maxAttempts: LIMITS.samplerAttemptsPerScenario,
    assumptions,
  };
  // A pilot: the region must not be too thin to draw from.
  const rng = new ScenarioRandom(0x5eedn);
  const x = new Float64Array(size);
  let accepted = 0;
  const pilot = 2_000;
  for (let i = 0; i < pilot; i++) {
    rng.startScenario(i);
    if (drawOnce(plan, rng, x)) accepted++;
  }
  if (accepted === 0) {
    return fail(
      "simulation_sampling_failed",
      `no draw out of ${pilot} satisfied the chosen claims together; the region they allow is too thin to sample (check for claims that pin a sum exactly between tight bounds)`,
    );
  }
  return ok(plan);
}

/** One proposal and its acceptance test; true when `x` holds an accepted draw. */
function drawOnce(plan: SamplerPlan, rng: ScenarioRandom, x: Float64Array): boolean {
  const free = plan.free;
  const fc = free.length;
  for (let k = 0; k < fc; k++) {
    const b = k * 4;
    const v = sampleShape(
      plan.proposalCode[k]!,
      plan.proposalParameters,
      k * SHAPE_PARAMETERS,
      plan.proposalBounds[b]!,
      plan.proposalBounds[b + 1]!,
      plan.proposalBounds[b + 2]!,
      plan.proposalBounds[b + 3]!,
      rng,
    );
    if (Number.isNaN(v)) return false;
    x[free[k]!] = v;
  }
  const dc = plan.dependent.length;
  const dep = plan.dependentCoefficients;
  for (let i = 0; i < dc; i++) {
    let v = plan.dependentConstant[i]!;
    for (let e = dep.start[i]!; e < dep.start[i + 1]!; e++) v += dep.value[e]! * x[dep.index[e]!]!;
    x[plan.dependent[i]!] = v;
  }
  const rc = plan.rowCount;
  const rows = plan.rowCoefficients;
  for (let r = 0; r < rc; r++) {
    let s = 0;
    let magnitude = 0;
    for (let e = rows.start[r]!; e < rows.start[r + 1]!; e++) {
      const t = rows.value[e]! * x[rows.index[e]!]!;
      s += t;
      magnitude += t < 0 ? -t : t;
    }
    const bound = plan.rowBound[r]!;
    if (plan.rowStrict[r]) {
      if (!(s < bound)) return false;
    } else if (s > bound + 1e-12 * (magnitude + (bound < 0 ? -bound : bound))) {
      // Dependents carry float rounding: allow a relative 1e-12 on non-strict rows.
      return false;
    }
  }
  const f = plan.factorCount;
  if (f > 0) {
    let acceptance = 1;
    const factors = plan.factorCoefficients;
    for (let i = 0; i < f; i++) {
      let v = plan.factorConstant[i]!;
      for (let e = factors.start[i]!; e < factors.start[i + 1]!; e++)
        v += factors.value[e]! * x[factors.index[e]!]!;
      acceptance *= densityRatio(plan.factorCode[i]!, plan.factorParameters, i * SHAPE_PARAMETERS, v);
    }
    if (acceptance < 1 && rng.nextFloat() >= acceptance) return false;
  }
  return true;
}

/**
 * Draws scenario values into `x` (length coordinateCount; the quantities come first) from `rng`, which the caller has
 * positioned at the scenario. Returns the number of attempts used, or 0 when the scenario
 * failed (no accepted draw within maxAttempts).
 */
export function drawQuantities(plan: SamplerPlan, rng: ScenarioRandom, x: Float64Array): number {
  for (let attempt = 1; attempt <= plan.maxAttempts; attempt++) {
    if (drawOnce(plan, rng, x)) return attempt;
  }
  return 0;
}
