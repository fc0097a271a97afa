import { Rational } from "../exact/rational.js";
import { LIMITS } from "../shared/limits.js";
import { fail, ok, type Problem, type Result, warning } from "../shared/problem.js";
import type { Claim, ClaimId, ClaimSet } from "./claim.js";
import { claimWeights } from "./claim-weight.js";
import { type ConflictExplanation, explainConflict } from "./conflict-explanation.js";
import { type ConstraintRow, coefficientsOf, quantityIndex, systemRows } from "./constraints.js";
import type { EstimateUnit } from "./estimate.js";
import type { LpOracle } from "./lp.js";
import { checkFeasibility, checkFeasibilityByBlocks, expressionRange, type RangeEnd } from "./polyhedron.js";
import type { LinearExpression, QuantityId } from "./quantity.js";

export interface ReconcileOptions {
  /** A float LP solver that proposes optimal vertices (HiGHS); results are exact either way. */
  readonly oracle?: LpOracle;
  /** At most this many readings are listed (LIMITS.readings by default). */
  readonly maxReadings?: number;
  /** At most this many feasibility checks are run (LIMITS.reconcileChecks by default). */
  readonly maxChecks?: number;
  /** Compute the feasible ranges of every reading (true by default). */
  readonly ranges?: boolean;
}

/** The exact feasible range of one quantity, or of one claim's group subject (UNC-REC-4). */
export interface FeasibleRange {
  /** The quantity id, or undefined for a group subject. */
  readonly quantity: QuantityId | undefined;
  readonly label: string;
  /** The label in French (APP-9). */
  readonly labelFr: string;
  readonly expression: LinearExpression;
  readonly unit: EstimateUnit;
  /** Undefined: unbounded below. */
  readonly min: RangeEnd | undefined;
  /** Undefined: unbounded above. */
  readonly max: RangeEnd | undefined;
}

export interface RangeReport {
  readonly claims: readonly ClaimId[];
  readonly quantities: readonly FeasibleRange[];
  /** The subjects of claims about several quantities ("Amazon + Nvidia + Microsoft"). */
  readonly groups: readonly FeasibleRange[];
}

/** A minimal set of claims that cannot all hold, with why (UNC-REC-5). */
export interface Conflict {
  readonly claims: readonly ClaimId[];
  readonly explanation: ConflictExplanation;
}

/** A maximal consistent set of claims: one way to read the reports (UNC-REC-6). */
export interface Reading {
  readonly claims: readonly ClaimId[];
  readonly dropped: readonly ClaimId[];
  readonly weight: number;
  readonly ranges: RangeReport | undefined;
}

export interface Reconciliation {
  /** True when all the claims can hold together. */
  readonly consistent: boolean;
  /** Every minimal conflicting set (all of them when `complete`). */
  readonly conflicts: readonly Conflict[];
  /** Maximal consistent sets, heaviest first: `readings[0]` is the default reading. */
  readonly readings: readonly Reading[];
  /** False when a limit stopped the enumeration; the lists are then partial. */
  readonly complete: boolean;
  readonly weights: ReadonlyMap<ClaimId, number>;
  /** Feasibility checks (exact linear programs) run. */
  readonly checks: number;
  readonly warnings: readonly Problem[];
}

class LimitReached extends Error {}

function unitOf(set: ClaimSet, expression: LinearExpression): EstimateUnit {
  const q = set.model.quantities.find((x) => x.id === expression.terms[0]?.quantity);
  return q?.unit === "fraction" ? { kind: "fraction" } : { kind: "money", currency: set.currency };
}

function rowsFor(set: ClaimSet, claims: readonly Claim[]): ConstraintRow[] {
  return systemRows(set.model, claims);
}

/** Drops claims one by one while the rest still conflict: what is left is minimal (UNC-REC-5). */
function deletionFilter(claims: readonly Claim[], conflicts: (subset: readonly Claim[]) => boolean): Claim[] {
  let kept = [...claims];
  for (const claim of claims) {
    const without = kept.filter((c) => c !== claim);
    if (conflicts(without)) kept = without;
  }
  return kept;
}

/** Minimal hitting sets of a family of sets of indices (Berge's algorithm). */
function minimalHittingSets(family: readonly (readonly number[])[], cap: number): number[][] {
  let sets: number[][] = [[]];
  for (const d of family) {
    const next: number[][] = [];
    for (const h of sets) {
      if (h.some((x) => d.includes(x))) next.push(h);
      else for (const x of d) next.push([...h, x].sort((a, b) => a - b));
    }
    const unique = new Map(next.map((s) => [s.join(","), s]));
    const candidates = [...unique.values()].sort((a, b) => a.length - b.length);
    sets = [];
    for (const s of candidates) {
      if (!sets.some((t) => t.every((x) => s.includes(x)))) sets.push(s);
      if (sets.length > cap) break;
    }
  }
  return sets;
}

/**
 * The exact feasible range of every quantity, and of every group subject, when exactly
 * `claimIds` hold (UNC-REC-4). A set that cannot hold is a `claim_set_inconsistent`
 * problem whose message explains one minimal conflict.
 */
export function feasibleRanges(
  set: ClaimSet,
  claimIds: readonly ClaimId[],
  options: { readonly oracle?: LpOracle } = {},
): Result<RangeReport> {
  const byId = new Map(set.claims.map((c) => [c.id, c]));
  const chosen: Claim[] = [];
  for (const id of claimIds) {
    const c = byId.get(id);
    if (!c) return fail("claim_unknown", `the claim set names claim "${id}", which does not exist`);
    chosen.push(c);
  }
  // Keep the deal's order so that results do not depend on how the set was listed.
  chosen.sort((a, b) => set.claims.indexOf(a) - set.claims.indexOf(b));
  const n = set.model.quantities.length;
  const rows = rowsFor(set, chosen);
  const feasibility = checkFeasibilityByBlocks(n, rows, options.oracle);
  if (!feasibility.feasible) {
    const weights = claimWeights(set);
    const conflicting = (subset: readonly Claim[]) =>
      !checkFeasibilityByBlocks(n, rowsFor(set, subset), options.oracle).feasible;
    const minimal = deletionFilter(chosen, conflicting);
    const minimalRows = rowsFor(set, minimal);
    const certificate = checkFeasibility(n, minimalRows);
    if (certificate.feasible) throw new Error("reconcile: a minimal conflict turned out feasible");
    const why = explainConflict(set, minimal, minimalRows, certificate, weights);
    return fail(
      "claim_set_inconsistent",
      `the chosen claims cannot all hold: ${minimal.map((c) => `"${c.id}"`).join(", ")} conflict. ${why.text}`,
    );
  }
  const index = quantityIndex(set.model);
  const quantities: FeasibleRange[] = set.model.quantities.map((q, j) => {
    const objective = Array.from({ length: n }, (_, k) => (k === j ? Rational.ONE : Rational.ZERO));
    const range = expressionRange(
      n,
      rows,
      objective,
      Rational.ZERO,
      feasibility.closurePoint,
      options.oracle,
    );
    return {
      quantity: q.id,
      label: q.label,
      labelFr: q.labelFr,
      expression: { terms: [{ quantity: q.id, coefficient: Rational.ONE }], constant: Rational.ZERO },
      unit: q.unit === "fraction" ? { kind: "fraction" } : { kind: "money", currency: set.currency },
      min: range.min,
      max: range.max,
    };
  });
  const groups: FeasibleRange[] = [];
  const seen = new Set<string>();
  for (const claim of chosen) {
    if (claim.subject.terms.length < 2) continue;
    const objective = coefficientsOf(claim.subject, index);
    const key = `${objective.map((c) => c.toString()).join(",")}|${claim.subject.constant.toString()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const range = expressionRange(
      n,
      rows,
      objective,
      claim.subject.constant,
      feasibility.closurePoint,
      options.oracle,
    );
    groups.push({
      quantity: undefined,
      label: claim.subjectLabel,
      labelFr: claim.subjectLabelFr,
      expression: claim.subject,
      unit: unitOf(set, claim.subject),
      min: range.min,
      max: range.max,
    });
  }
  return ok({ claims: chosen.map((c) => c.id), quantities, groups });
}

/**
 * Reconciles a claim set (UNC-REC-1..UNC-REC-7): finds every minimal set of conflicting
 * claims and explains each, lists every maximal consistent set of claims (a "reading")
 * with its weight and exact feasible ranges, heaviest first.
 *
 * Method: Reiter's hitting-set tree, breadth first, over the claims. Each node removes a
 * set of claims; when the rest conflict, a minimal conflict is found by a deletion filter
 * (drop each claim in turn if the rest still conflict) and the node branches on its claims;
 * when the rest hold, the removed set is a minimal diagnosis and the rest a reading. The
 * minimal conflicts are then exactly the minimal hitting sets of the diagnoses (the
 * classical duality of minimal unsatisfiable and maximal satisfiable subsets).
 */
export function reconcile(set: ClaimSet, options: ReconcileOptions = {}): Reconciliation {
  const maxReadings = options.maxReadings ?? LIMITS.readings;
  const maxChecks = options.maxChecks ?? LIMITS.reconcileChecks;
  const claims = set.claims;
  const n = set.model.quantities.length;
  const weights = claimWeights(set);
  let checks = 0;
  const conflicting = (subset: readonly Claim[]): boolean => {
    if (checks >= maxChecks) throw new LimitReached();
    checks++;
    return !checkFeasibilityByBlocks(n, rowsFor(set, subset), options.oracle).feasible;
  };
  const indexOf = new Map(claims.map((c, i) => [c.id, i]));
  const diagnoses: number[][] = [];
  const found: number[][] = [];
  let complete = true;
  try {
    const queue: number[][] = [[]];
    const seen = new Set<string>([""]);
    while (queue.length > 0) {
      const removed = queue.shift()!;
      if (diagnoses.some((d) => d.every((x) => removed.includes(x)))) continue;
      let conflict = found.find((c) => c.every((x) => !removed.includes(x)));
      if (!conflict) {
        const rest = claims.filter((_, i) => !removed.includes(i));
        if (!conflicting(rest)) {
          diagnoses.push(removed);
          if (diagnoses.length >= maxReadings && queue.length > 0) {
            complete = false;
            break;
          }
          continue;
        }
        conflict = deletionFilter(rest, conflicting).map((c) => indexOf.get(c.id)!);
        found.push(conflict);
      }
      for (const x of conflict) {
        const child = [...removed, x].sort((a, b) => a - b);
        const key = child.join(",");
        if (seen.has(key)) continue;
        seen.add(key);
        queue.push(child);
      }
    }
  } catch (e) {
    if (!(e instanceof LimitReached)) throw e;
    complete = false;
  }
  const warnings: Problem[] = [];
  if (!complete) {
    warnings.push(
      warning(
        "reconcile_limit_reached",
        `reconciliation stopped after ${diagnoses.length} readings and ${checks} checks (limits ${maxReadings} and ${maxChecks}); the lists are partial`,
      ),
    );
  }
  const musIndices = complete ? minimalHittingSets(diagnoses, 1_000) : found;
  const conflicts: Conflict[] = musIndices
    .map((indices) => [...indices].sort((a, b) => a - b))
    .sort((a, b) => a.length - b.length || a.join(",").localeCompare(b.join(",")))
    .map((indices) => {
      const subset = indices.map((i) => claims[i]!);
      const rows = rowsFor(set, subset);
      const certificate = checkFeasibility(n, rows);
      if (certificate.feasible) throw new Error("reconcile: a minimal conflict turned out feasible");
      return {
        claims: subset.map((c) => c.id),
        explanation: explainConflict(set, subset, rows, certificate, weights),
      };
    });
  const readings: Reading[] = diagnoses
    .map((removed) => {
      const kept = claims.filter((_, i) => !removed.includes(i));
      const weight = kept.reduce((s, c) => s + (weights.get(c.id) ?? 0), 0);
      return { removed, kept, weight };
    })
    .sort((a, b) => b.weight - a.weight || compareDropped(a.removed, b.removed))
    .map(({ removed, kept, weight }) => {
      let ranges: RangeReport | undefined;
      if (options.ranges !== false) {
        const r = feasibleRanges(
          set,
          kept.map((c) => c.id),
          { oracle: options.oracle },
        );
        if (!r.ok) throw new Error("reconcile: a reading turned out inconsistent");
        ranges = r.value;
      }
      return {
        claims: kept.map((c) => c.id),
        dropped: removed.map((i) => claims[i]!.id),
        weight,
        ranges,
      };
    });
  return {
    consistent: diagnoses.length === 1 && diagnoses[0]!.length === 0,
    conflicts,
    readings,
    complete,
    weights,
    checks,
    warnings,
  };
}

/** Ties between readings of equal weight keep the claims listed first: drop later claims. */
function compareDropped(a: readonly number[], b: readonly number[]): number {
  const x = [...a].sort((p, q) => q - p);
  const y = [...b].sort((p, q) => q - p);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return y[i]! - x[i]!;
  return x.length - y.length;
}
