import { solveLinearSystem } from "../exact/linear-system.js";
import { Rational } from "../exact/rational.js";

/**
 * Exact linear programming for reconciliation (SPEC UNC-REC-3).
 *
 * A program is: minimize c·x subject to G x ≤ h (every row written as "≤"), x free. The
 * programs built by reconciliation are pointed (every quantity has a lower bound row), so
 * a bounded program has an optimal vertex: n linearly independent rows B, active at x,
 * with x = G_B⁻¹ h_B.
 *
 * A vertex is proven optimal exactly by a certificate: x satisfies every row (G x ≤ h,
 * checked in rationals) and the multipliers y_B solving G_Bᵀ y = −c are all ≥ 0; then for
 * every feasible x', c·x' = −yᵀ G x' ≥ −yᵀ h = c·x (weak duality), so c·x is the minimum.
 *
 * A floating-point solver (the LpOracle, HiGHS in practice) proposes the active rows of an
 * optimal vertex; the vertex and its multipliers are then recomputed exactly with
 * `solveLinearSystem` over the rationals and checked as above. When the proposal does not
 * certify (a float error, a degenerate basis, no oracle), an exact primal simplex on the
 * rationals finishes the job, started from the proposed vertex when it is feasible, else
 * from a feasible point the caller gives. The simplex uses Bland's rule (lowest index
 * leaves and enters), which cannot cycle, so it ends; its result carries the same
 * certificate. Every bound reported is therefore exact, whatever the oracle did.
 */
export interface LpRow {
  readonly coefficients: readonly Rational[];
  readonly bound: Rational;
}

export interface LinearProgram {
  readonly variables: number;
  readonly rows: readonly LpRow[];
  /** Minimized. */
  readonly objective: readonly Rational[];
}

/** The same program in floats, row-major, for an oracle. Bounds are divided by `scale`. */
export interface FloatLinearProgram {
  readonly variables: number;
  readonly rowCount: number;
  readonly matrix: Float64Array;
  readonly bounds: Float64Array;
  readonly objective: Float64Array;
  /** The bounds were divided by this (so that amounts in billions stay near 1 for the solver). */
  readonly scale: number;
}

/** A floating-point LP solver that proposes the rows active at an optimal vertex. */
export interface LpOracle {
  readonly name: string;
  /** Row indices active at an optimal vertex, or undefined when it found none. */
  suggestActiveRows(program: FloatLinearProgram): readonly number[] | undefined;
}

export type LpSolution =
  | {
      readonly status: "optimal";
      readonly value: Rational;
      readonly point: readonly Rational[];
      /** y ≥ 0 per row, zero off the optimal basis, with Gᵀ y = −c: the optimality certificate. */
      readonly multipliers: readonly Rational[];
      /** How the certified vertex was found. */
      readonly method: "oracle" | "exact_simplex";
      readonly pivots: number;
    }
  | {
      readonly status: "unbounded";
      readonly point: readonly Rational[];
      /** A direction with G d ≤ 0 and c·d < 0: the objective falls without end along it. */
      readonly ray: readonly Rational[];
    };

/** The exact simplex stops here; reaching it is a bug (Bland's rule cannot cycle). */
const MAX_PIVOTS = 100_000;

function dot(a: readonly Rational[], b: readonly Rational[]): Rational {
  let s = Rational.ZERO;
  for (let i = 0; i < a.length; i++) {
    const ai = a[i]!;
    if (ai.isZero()) continue;
    const bi = b[i]!;
    if (bi.isZero()) continue;
    s = s.add(ai.mul(bi));
  }
  return s;
}

export function toFloatProgram(lp: LinearProgram): FloatLinearProgram {
  const n = lp.variables;
  const m = lp.rows.length;
  const matrix = new Float64Array(m * n);
  const bounds = new Float64Array(m);
  let scale = 1;
  for (const row of lp.rows) scale = Math.max(scale, Math.abs(row.bound.toNumber()));
  for (let r = 0; r < m; r++) {
    const row = lp.rows[r]!;
    for (let j = 0; j < n; j++) matrix[r * n + j] = row.coefficients[j]!.toNumber();
    bounds[r] = row.bound.toNumber() / scale;
  }
  return {
    variables: n,
    rowCount: m,
    matrix,
    bounds,
    objective: Float64Array.from(lp.objective, (c) => c.toNumber()),
    scale,
  };
}

function isFeasible(lp: LinearProgram, x: readonly Rational[]): boolean {
  return lp.rows.every((row) => dot(row.coefficients, x).lte(row.bound));
}

function transpose(rows: readonly (readonly Rational[])[]): Rational[][] {
  const n = rows.length;
  return Array.from({ length: n }, (_, j) => rows.map((row) => row[j]!));
}

interface Vertex {
  readonly point: Rational[];
  readonly basis: number[];
}

/** The vertex where the rows `basis` are active, when they are n independent rows. */
function vertexOf(lp: LinearProgram, basis: readonly number[]): Rational[] | undefined {
  if (basis.length !== lp.variables) return undefined;
  return solveLinearSystem(
    basis.map((r) => lp.rows[r]!.coefficients),
    basis.map((r) => lp.rows[r]!.bound),
  );
}

/** y_B with G_Bᵀ y = −c. */
function basisMultipliers(lp: LinearProgram, basis: readonly number[]): Rational[] {
  const gt = transpose(basis.map((r) => lp.rows[r]!.coefficients));
  const y = solveLinearSystem(
    gt,
    lp.objective.map((c) => c.neg()),
  );
  if (!y) throw new Error("lp: basis became singular");
  return y;
}

function optimal(
  lp: LinearProgram,
  vertex: Vertex,
  y: readonly Rational[],
  method: "oracle" | "exact_simplex",
  pivots: number,
): LpSolution {
  const multipliers = lp.rows.map(() => Rational.ZERO);
  vertex.basis.forEach((r, i) => {
    multipliers[r] = y[i]!;
  });
  return {
    status: "optimal",
    value: dot(lp.objective, vertex.point),
    point: vertex.point,
    multipliers,
    method,
    pivots,
  };
}

/**
 * Incremental row echelon form: accepts rows that are linearly independent of those it
 * holds, and gives a vector in the null space of the rows held.
 */
class Echelon {
  private readonly reduced: Rational[][] = [];
  private readonly pivots: number[] = [];

  constructor(private readonly n: number) {}

  get size(): number {
    return this.reduced.length;
  }

  /** Adds `row` when independent of the rows held; returns whether it did. */
  add(row: readonly Rational[]): boolean {
    const v = [...row];
    for (let i = 0; i < this.reduced.length; i++) {
      const p = this.pivots[i]!;
      if (v[p]!.isZero()) continue;
      const r = this.reduced[i]!;
      const f = v[p]!.div(r[p]!);
      for (let j = 0; j < this.n; j++) if (!r[j]!.isZero()) v[j] = v[j]!.sub(f.mul(r[j]!));
    }
    const pivot = v.findIndex((x) => !x.isZero());
    if (pivot < 0) return false;
    this.reduced.push(v);
    this.pivots.push(pivot);
    return true;
  }

  /** A nonzero d with every held row · d = 0; the rows held must number fewer than n. */
  nullVector(): Rational[] {
    const isPivot = new Set(this.pivots);
    let free = 0;
    while (isPivot.has(free)) free++;
    const d = Array.from({ length: this.n }, (_, j) => (j === free ? Rational.ONE : Rational.ZERO));
    // Row i has zeros at the pivots of rows before it, so solve from the last row up.
    for (let i = this.reduced.length - 1; i >= 0; i--) {
      const r = this.reduced[i]!;
      const p = this.pivots[i]!;
      let s = Rational.ZERO;
      for (let j = 0; j < this.n; j++) if (j !== p && !r[j]!.isZero()) s = s.add(r[j]!.mul(d[j]!));
      d[p] = s.neg().div(r[p]!);
    }
    return d;
  }
}

/**
 * Moves from a feasible point to a vertex without raising the objective (purification):
 * while fewer than n independent rows are active, step along a direction that keeps the
 * active rows active until another row becomes active. Returns the unbounded ray when the
 * objective falls without end along such a direction.
 */
function purify(
  lp: LinearProgram,
  start: readonly Rational[],
): { vertex: Vertex } | { ray: Rational[]; point: Rational[] } {
  const n = lp.variables;
  const x = [...start];
  const echelon = new Echelon(n);
  const basis: number[] = [];
  for (let r = 0; r < lp.rows.length; r++) {
    if (echelon.size === n) break;
    const row = lp.rows[r]!;
    if (dot(row.coefficients, x).eq(row.bound) && echelon.add(row.coefficients)) basis.push(r);
  }
  while (basis.length < n) {
    let d = echelon.nullVector();
    let slope = dot(lp.objective, d);
    if (slope.isPositive()) {
      d = d.map((v) => v.neg());
      slope = slope.neg();
    }
    const blocked = (dir: readonly Rational[]) =>
      lp.rows.some((row, r) => !basis.includes(r) && dot(row.coefficients, dir).isPositive());
    if (slope.isZero() && !blocked(d)) d = d.map((v) => v.neg());
    let best: Rational | undefined;
    let entering = -1;
    for (let r = 0; r < lp.rows.length; r++) {
      if (basis.includes(r)) continue;
      const row = lp.rows[r]!;
      const rate = dot(row.coefficients, d);
      if (!rate.isPositive()) continue;
      const step = row.bound.sub(dot(row.coefficients, x)).div(rate);
      if (best === undefined || step.lt(best)) {
        best = step;
        entering = r;
      }
    }
    if (best === undefined) {
      if (slope.isNegative()) return { ray: d, point: x };
      throw new Error("lp: the feasible set contains a line; the program is not pointed");
    }
    for (let j = 0; j < n; j++) x[j] = x[j]!.add(best.mul(d[j]!));
    if (!echelon.add(lp.rows[entering]!.coefficients)) throw new Error("lp: entering row is dependent");
    basis.push(entering);
  }
  return { vertex: { point: x, basis } };
}

/** The primal simplex from a feasible vertex, Bland's rule (see the module comment). */
function simplexFrom(lp: LinearProgram, start: Vertex, method: "oracle" | "exact_simplex"): LpSolution {
  const n = lp.variables;
  const x = [...start.point];
  const basis = [...start.basis];
  for (let pivots = 0; pivots < MAX_PIVOTS; pivots++) {
    const y = basisMultipliers(lp, basis);
    let leave = -1;
    for (let i = 0; i < n; i++) {
      if (y[i]!.isNegative() && (leave < 0 || basis[i]! < basis[leave]!)) leave = i;
    }
    if (leave < 0)
      return optimal(lp, { point: x, basis }, y, pivots === 0 ? method : "exact_simplex", pivots);
    const unit = basis.map((_, i) => (i === leave ? Rational.ONE.neg() : Rational.ZERO));
    const d = solveLinearSystem(
      basis.map((r) => lp.rows[r]!.coefficients),
      unit,
    )!;
    let best: Rational | undefined;
    let entering = -1;
    for (let r = 0; r < lp.rows.length; r++) {
      if (basis.includes(r)) continue;
      const row = lp.rows[r]!;
      const rate = dot(row.coefficients, d);
      if (!rate.isPositive()) continue;
      const step = row.bound.sub(dot(row.coefficients, x)).div(rate);
      if (best === undefined || step.lt(best)) {
        best = step;
        entering = r;
      }
    }
    if (best === undefined) return { status: "unbounded", point: x, ray: d };
    for (let j = 0; j < n; j++) x[j] = x[j]!.add(best.mul(d[j]!));
    basis[leave] = entering;
  }
  throw new Error("lp: the simplex did not end (a bug: Bland's rule cannot cycle)");
}

/**
 * Solves `lp` exactly (see the module comment). `start` must satisfy every row; it is
 * used when the oracle's proposal does not certify. The result is exact and certified.
 */
export function solveLinearProgram(
  lp: LinearProgram,
  start: readonly Rational[],
  oracle?: LpOracle,
): LpSolution {
  if (!isFeasible(lp, start)) throw new Error("lp: the start point is not feasible");
  if (oracle) {
    const proposal = oracle.suggestActiveRows(toFloatProgram(lp));
    if (proposal && proposal.length === lp.variables) {
      const basis = [...proposal].sort((a, b) => a - b);
      const point = vertexOf(lp, basis);
      if (point && isFeasible(lp, point)) {
        return simplexFrom(lp, { point, basis }, "oracle");
      }
    }
  }
  const purified = purify(lp, start);
  if ("ray" in purified) return { status: "unbounded", point: purified.point, ray: purified.ray };
  return simplexFrom(lp, purified.vertex, "exact_simplex");
}
