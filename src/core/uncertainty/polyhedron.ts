import { Rational } from "../exact/rational.js";
import { type LinearProgram, type LpOracle, type LpRow, solveLinearProgram } from "./lp.js";

/**
 * A system of linear inequalities, some strict, over n unknowns: each row says
 * coefficients·x ≤ bound, or < bound when `strict` (SPEC UNC-REC-2). Strictness is kept
 * exactly: "less than $10B" never becomes "at most $10B".
 */
export interface SystemRow<Origin> {
  readonly coefficients: readonly Rational[];
  readonly bound: Rational;
  readonly strict: boolean;
  readonly origin: Origin;
}

export type Feasibility =
  | {
      readonly feasible: true;
      /** A point satisfying every row, strict ones strictly. */
      readonly point: readonly Rational[];
      /** A point satisfying every row with strict rows relaxed to "≤" (the closure). */
      readonly closurePoint: readonly Rational[];
    }
  | {
      readonly feasible: false;
      /**
       * Farkas multipliers, one per row, ≥ 0, with Σ yᵣ·coefficientsᵣ = 0 and
       * Σ yᵣ·boundᵣ < 0, or = 0 with some strict row weighted (`strict`): adding the rows
       * with these weights gives 0 < 0 or 0 ≤ negative, so the rows cannot all hold.
       */
      readonly multipliers: readonly Rational[];
      /** True when the rows fail only because some are strict (their closure holds). */
      readonly strict: boolean;
    };

function lpRows<O>(rows: readonly SystemRow<O>[], extra: (row: SystemRow<O>) => Rational): LpRow[] {
  return rows.map((row) => ({ coefficients: [...row.coefficients, extra(row)], bound: row.bound }));
}

/**
 * Decides exactly whether the rows can all hold (UNC-REC-2), in two linear programs:
 *
 * 1. min t subject to every row relaxed by t (coefficients·x − t ≤ bound) and t ≥ 0.
 *    t* = 0 exactly when the closure (strict rows read as "≤") is feasible; otherwise the
 *    optimal multipliers are a Farkas certificate.
 * 2. When some rows are strict: max τ ≤ 1 subject to the non-strict rows and
 *    coefficients·x + τ ≤ bound for the strict ones. The strict system holds exactly when
 *    τ* > 0 (a convex set meets the open half-spaces iff some point clears them all by a
 *    positive margin); with τ* ≤ 0 the multipliers certify it cannot hold.
 *
 * `n` unknowns; every program built from these rows must bound each unknown below (the
 * domain rows do), so that it is pointed.
 */
export function checkFeasibility<O>(
  n: number,
  rows: readonly SystemRow<O>[],
  oracle?: LpOracle,
): Feasibility {
  const m = rows.length;
  const zero = Array.from({ length: n }, () => Rational.ZERO);
  // Phase 1: the closure.
  let t0 = Rational.ZERO;
  for (const row of rows) if (row.bound.neg().gt(t0)) t0 = row.bound.neg();
  const phase1: LinearProgram = {
    variables: n + 1,
    rows: [
      ...lpRows(rows, () => Rational.ONE.neg()),
      { coefficients: [...zero, Rational.ONE.neg()], bound: Rational.ZERO },
    ],
    objective: [...zero, Rational.ONE],
  };
  const p1 = solveLinearProgram(phase1, [...zero, t0], oracle);
  if (p1.status !== "optimal") throw new Error("feasibility: phase 1 is bounded below by 0");
  if (p1.value.isPositive())
    return { feasible: false, multipliers: p1.multipliers.slice(0, m), strict: false };
  const closurePoint = p1.point.slice(0, n);
  if (!rows.some((r) => r.strict)) return { feasible: true, point: closurePoint, closurePoint };
  // Phase 2: the strict rows.
  let tau = Rational.ONE;
  for (const row of rows) {
    if (!row.strict) continue;
    const slack = row.bound.sub(dotRow(row.coefficients, closurePoint));
    if (slack.lt(tau)) tau = slack;
  }
  const phase2: LinearProgram = {
    variables: n + 1,
    rows: [
      ...lpRows(rows, (row) => (row.strict ? Rational.ONE : Rational.ZERO)),
      { coefficients: [...zero, Rational.ONE], bound: Rational.ONE },
    ],
    objective: [...zero, Rational.ONE.neg()],
  };
  const p2 = solveLinearProgram(phase2, [...closurePoint, tau], oracle);
  if (p2.status !== "optimal") throw new Error("feasibility: phase 2 is bounded by τ ≤ 1");
  const tauStar = p2.value.neg();
  if (tauStar.isPositive()) return { feasible: true, point: p2.point.slice(0, n), closurePoint };
  return { feasible: false, multipliers: p2.multipliers.slice(0, m), strict: true };
}

function dotRow(a: readonly Rational[], x: readonly Rational[]): Rational {
  let s = Rational.ZERO;
  for (let i = 0; i < a.length; i++) if (!a[i]!.isZero()) s = s.add(a[i]!.mul(x[i]!));
  return s;
}

/** One end of a feasible range: the exact infimum or supremum, and whether it is attained. */
export interface RangeEnd {
  readonly value: Rational;
  /** False when the claims allow values as close as wanted but not the value itself. */
  readonly attained: boolean;
}

export interface ExpressionRange {
  /** Undefined: no lower end (unbounded below). */
  readonly min: RangeEnd | undefined;
  /** Undefined: no upper end (unbounded above). */
  readonly max: RangeEnd | undefined;
}

/**
 * The exact range of objective·x + constant over the rows (UNC-REC-4), which must be
 * feasible with `closurePoint` in their closure. The infimum and supremum are the optima of
 * two linear programs over the closure (a non-empty convex set with strict rows has the
 * closure of the non-strict system as its closure, so the optima are the same); an end is
 * attained exactly when the strict system still holds with objective·x fixed at it.
 */
export function expressionRange<O>(
  n: number,
  rows: readonly SystemRow<O>[],
  objective: readonly Rational[],
  constant: Rational,
  closurePoint: readonly Rational[],
  oracle?: LpOracle,
): ExpressionRange {
  const block = blockOfObjective(n, rows, objective);
  if (block.unknowns.length === 0)
    return { min: { value: constant, attained: true }, max: { value: constant, attained: true } };
  if (block.unknowns.length < n) {
    return expressionRange(
      block.unknowns.length,
      subsystem(rows, block),
      restrictTo(objective, block.unknowns),
      constant,
      restrictTo(closurePoint, block.unknowns),
      oracle,
    );
  }
  const closure: LpRow[] = rows.map((r) => ({ coefficients: r.coefficients, bound: r.bound }));
  const hasStrict = rows.some((r) => r.strict);
  const end = (sign: 1 | -1): RangeEnd | undefined => {
    const c = sign === 1 ? objective : objective.map((v) => v.neg());
    const solved = solveLinearProgram({ variables: n, rows: closure, objective: c }, closurePoint, oracle);
    if (solved.status === "unbounded") return undefined;
    const value = sign === 1 ? solved.value : solved.value.neg();
    if (!hasStrict) return { value: value.add(constant), attained: true };
    const pinned: SystemRow<undefined>[] = [
      ...rows.map((r) => ({
        coefficients: r.coefficients,
        bound: r.bound,
        strict: r.strict,
        origin: undefined,
      })),
      { coefficients: objective, bound: value, strict: false, origin: undefined },
      { coefficients: objective.map((v) => v.neg()), bound: value.neg(), strict: false, origin: undefined },
    ];
    const attained = checkFeasibility(n, pinned, oracle).feasible;
    return { value: value.add(constant), attained };
  };
  return { min: end(1), max: end(-1) };
}

/** What is known of a row object once read: an identity, and the unknowns it names. */
interface RowFacts {
  readonly id: number;
  readonly unknowns: readonly number[];
}

const rowFactsCache = new WeakMap<object, RowFacts>();
let nextRowId = 0;

/** Rows are immutable values, so what is read of one is kept while the row lives. */
function rowFacts<O>(row: SystemRow<O>): RowFacts {
  let facts = rowFactsCache.get(row);
  if (!facts) {
    const unknowns: number[] = [];
    row.coefficients.forEach((c, j) => {
      if (!c.isZero()) unknowns.push(j);
    });
    facts = { id: nextRowId++, unknowns };
    rowFactsCache.set(row, facts);
  }
  return facts;
}

/**
 * Remembers the verdict of each block already checked, by the identity of its rows: a
 * caller that checks a growing system again and again (a scenario fixing one quantity
 * after another) solves only the blocks that changed. The verdict of a block depends on
 * its rows alone.
 */
export type BlockVerdicts = Map<string, Feasibility>;

/** A set of unknowns and the rows over them that name no other unknown. */
interface Block {
  readonly unknowns: readonly number[];
  readonly rows: readonly number[];
}

/**
 * The independent blocks of a system: unknowns joined when some row names both, each with
 * its rows. Rows naming no unknown (0 ≤ bound) belong to no block. The rows of a deal's
 * claims fall apart into many blocks when the claims tie only some quantities together
 * (a workspace's agreements, each with its own estimate): each block is feasible or not,
 * and an objective's range is found, over its own blocks alone, so n programs over all n
 * unknowns become programs of the blocks' sizes.
 */
function blocksOf<O>(n: number, rows: readonly SystemRow<O>[]): Block[] {
  const parent = Array.from({ length: n }, (_, j) => j);
  const root = (j: number): number => {
    let r = j;
    while (parent[r] !== r) r = parent[r]!;
    while (parent[j] !== r) {
      const next = parent[j]!;
      parent[j] = r;
      j = next;
    }
    return r;
  };
  const firstOf = rows.map((row) => {
    const unknowns = rowFacts(row).unknowns;
    for (let k = 1; k < unknowns.length; k++) parent[root(unknowns[k]!)] = root(unknowns[0]!);
    return unknowns.length > 0 ? unknowns[0]! : -1;
  });
  const byRoot = new Map<number, { unknowns: number[]; rows: number[] }>();
  for (let j = 0; j < n; j++) {
    const r = root(j);
    let block = byRoot.get(r);
    if (!block) {
      block = { unknowns: [], rows: [] };
      byRoot.set(r, block);
    }
    block.unknowns.push(j);
  }
  firstOf.forEach((first, r) => {
    if (first >= 0) byRoot.get(root(first))!.rows.push(r);
  });
  return [...byRoot.values()];
}

function restrictTo(values: readonly Rational[], unknowns: readonly number[]): Rational[] {
  return unknowns.map((j) => values[j]!);
}

function subsystem<O>(rows: readonly SystemRow<O>[], block: Block): SystemRow<O>[] {
  return block.rows.map((r) => ({
    ...rows[r]!,
    coefficients: restrictTo(rows[r]!.coefficients, block.unknowns),
  }));
}

/** The block holding every unknown the objective names (merged when it names several). */
function blockOfObjective<O>(
  n: number,
  rows: readonly SystemRow<O>[],
  objective: readonly Rational[],
): Block {
  const touched = blocksOf(n, rows).filter((b) => b.unknowns.some((j) => !objective[j]!.isZero()));
  const unknowns = touched.flatMap((b) => b.unknowns).sort((a, b) => a - b);
  const blockRows = touched.flatMap((b) => b.rows).sort((a, b) => a - b);
  return { unknowns, rows: blockRows };
}

/**
 * `checkFeasibility`, block by block (UNC-REC-2): the system holds exactly when every
 * block holds and every row naming no unknown holds; a failing block's certificate,
 * padded with zeros, certifies the whole. A failure of the closure is reported before a
 * failure due only to strict rows, as the whole-system check does. The points found may
 * differ from the whole-system check's (any point of the system will do for the callers).
 */
export function checkFeasibilityByBlocks<O>(
  n: number,
  rows: readonly SystemRow<O>[],
  oracle?: LpOracle,
  verdicts?: BlockVerdicts,
): Feasibility {
  const blocks = blocksOf(n, rows);
  if (blocks.length <= 1) return checkFeasibility(n, rows, oracle);
  const only = (r: number, value: Rational) => rows.map((_, k) => (k === r ? value : Rational.ZERO));
  let strictFailure: Feasibility | undefined;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    if (rowFacts(row).unknowns.length > 0) continue;
    if (row.bound.isNegative()) return { feasible: false, multipliers: only(r, Rational.ONE), strict: false };
    if (row.strict && row.bound.isZero())
      strictFailure ??= { feasible: false, multipliers: only(r, Rational.ONE), strict: true };
  }
  const point = Array.from({ length: n }, () => Rational.ZERO);
  const closurePoint = [...point];
  for (const block of blocks) {
    const key = verdicts && block.rows.map((r) => rowFacts(rows[r]!).id).join(",");
    let found = key === undefined ? undefined : verdicts?.get(key);
    if (!found) {
      found = checkFeasibility(block.unknowns.length, subsystem(rows, block), oracle);
      if (key !== undefined) verdicts?.set(key, found);
    }
    if (!found.feasible) {
      const multipliers = rows.map(() => Rational.ZERO);
      block.rows.forEach((r, k) => {
        multipliers[r] = found.multipliers[k]!;
      });
      const failure: Feasibility = { feasible: false, multipliers, strict: found.strict };
      if (!found.strict) return failure;
      strictFailure ??= failure;
      continue;
    }
    block.unknowns.forEach((j, k) => {
      point[j] = found.point[k]!;
      closurePoint[j] = found.closurePoint[k]!;
    });
  }
  return strictFailure ?? { feasible: true, point, closurePoint };
}
