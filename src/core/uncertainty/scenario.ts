import type { Money } from "../exact/money.js";
import { Rational } from "../exact/rational.js";
import type { CapTable } from "../ledger/cap-table.js";
import { capTableView, fractionOf } from "../ledger/views.js";
import { priceRound, type RoundOutcome } from "../round/price-round.js";
import type { StakeholderId } from "../shared/ids.js";
import { fail, ok, type Problem, type Result } from "../shared/problem.js";
import type { Claim, ClaimId, ClaimSet } from "./claim.js";
import { claimWeights } from "./claim-weight.js";
import { type ConstraintRow, claimRows, quantityIndex, systemRows } from "./constraints.js";
import { centralValue } from "./distribution.js";
import { formatEstimateValue } from "./estimate.js";
import type { LpOracle } from "./lp.js";
import { type BlockVerdicts, checkFeasibilityByBlocks, expressionRange } from "./polyhedron.js";
import { type QuantityId, singleQuantity } from "./quantity.js";
import { buildRoundTerms, type QuantityValues, type RoundTemplate } from "./round-template.js";

export type Pick = "low" | "base" | "high";

/**
 * What a scenario does with one quantity (SPEC UNC-SCN-1): a stated value, or its low,
 * base or high value under a claim set (the scenario's when `claims` is undefined).
 */
export type ScenarioChoice =
  | { readonly kind: "value"; readonly value: Rational }
  | { readonly kind: "pick"; readonly pick: Pick; readonly claims?: readonly ClaimId[] };

export interface Scenario {
  readonly name: string;
  /** The claims that hold in the scenario; the default reading when undefined. */
  readonly claims?: readonly ClaimId[];
  /** What a quantity with no choice takes. */
  readonly pick: Pick;
  readonly choices: ReadonlyMap<QuantityId, ScenarioChoice>;
}

/** The three standard scenarios (UNC-SCN-1). */
export const STANDARD_SCENARIOS: readonly Scenario[] = (["low", "base", "high"] as const).map((pick) => ({
  name: pick,
  pick,
  choices: new Map(),
}));

export interface ResolvedValue {
  readonly quantity: QuantityId;
  readonly value: Rational;
  /** How the value was chosen. */
  readonly how: "stated" | Pick;
  /** True when the value is an end of its range that the claims exclude (a "less than" limit). */
  readonly atOpenBound: boolean;
}

export interface ResolvedScenario {
  readonly name: string;
  readonly claims: readonly ClaimId[];
  readonly values: readonly ResolvedValue[];
}

export function valuesOf(resolved: ResolvedScenario): Map<QuantityId, Rational> {
  return new Map(resolved.values.map((v) => [v.quantity, v.value]));
}

function fixRows(n: number, j: number, value: Rational, quantity: QuantityId): ConstraintRow[] {
  const unit = Array.from({ length: n }, (_, k) => (k === j ? Rational.ONE : Rational.ZERO));
  return [
    {
      coefficients: unit,
      bound: value,
      strict: false,
      origin: { kind: "domain", quantity, side: "upper" },
    },
    {
      coefficients: unit.map((v) => v.neg()),
      bound: value.neg(),
      strict: false,
      origin: { kind: "domain", quantity, side: "lower" },
    },
  ];
}

/**
 * Resolves a scenario to one exact value per quantity (UNC-SCN-1..UNC-SCN-3).
 *
 * Quantities are fixed one at a time so that the values hold together: stated values
 * first; then the quantities some claim is directly about, in model order; then the rest.
 * Each takes, within its exact feasible range given the claims and the values fixed so
 * far: "low" its minimum, "high" its maximum, "base" the midpoint of that range (when
 * the range has no upper end: the central value of its heaviest direct claim, clamped
 * into the range, or the range's minimum when no claim is directly about it). An end the
 * claims exclude ("less than $10B") may be taken as a limit; the value is then flagged
 * `atOpenBound`.
 */
export function resolveScenario(
  set: ClaimSet,
  scenario: Scenario,
  defaultClaims: readonly ClaimId[],
  options: { readonly oracle?: LpOracle } = {},
): Result<ResolvedScenario> {
  const oracle = options.oracle;
  const byId = new Map(set.claims.map((c) => [c.id, c]));
  const pickClaims = (ids: readonly ClaimId[]): Result<Claim[]> => {
    const out: Claim[] = [];
    for (const id of ids) {
      const c = byId.get(id);
      if (!c)
        return fail("claim_unknown", `scenario "${scenario.name}" names claim "${id}", which does not exist`);
      out.push(c);
    }
    return ok(out);
  };
  const chosen = pickClaims(scenario.claims ?? defaultClaims);
  if (!chosen.ok) return chosen;
  const model = set.model;
  const n = model.quantities.length;
  const index = quantityIndex(model);
  for (const id of scenario.choices.keys()) {
    if (!index.has(id)) {
      return fail(
        "scenario_invalid",
        `scenario "${scenario.name}" sets quantity "${id}", which the deal does not define`,
      );
    }
  }
  let fixed: ConstraintRow[] = [];
  const base = systemRows(model, chosen.value);
  // Verdicts per block, kept while the quantities are fixed one after another.
  const verdicts: BlockVerdicts = new Map();
  const start = checkFeasibilityByBlocks(n, base, oracle, verdicts);
  if (!start.feasible) {
    return fail(
      "claim_set_inconsistent",
      `scenario "${scenario.name}": its claims cannot all hold; reconcile them first`,
    );
  }
  const weights = claimWeights(set);
  const values = new Map<QuantityId, ResolvedValue>();
  const unitOf = (q: (typeof model.quantities)[number]) =>
    q.unit === "fraction"
      ? ({ kind: "fraction" } as const)
      : ({ kind: "money", currency: set.currency } as const);

  // 1. Stated values.
  for (const [id, choice] of scenario.choices) {
    if (choice.kind !== "value") continue;
    const j = index.get(id)!;
    const rows = fixRows(n, j, choice.value, id);
    const check = checkFeasibilityByBlocks(n, [...base, ...fixed, ...rows], oracle, verdicts);
    if (!check.feasible) {
      const q = model.quantities[j]!;
      const range = expressionRange(
        n,
        [...base, ...fixed],
        unitRow(n, j),
        Rational.ZERO,
        start.closurePoint,
        oracle,
      );
      const show = (r: { value: Rational; attained: boolean } | undefined, open: string) =>
        r === undefined ? open : formatEstimateValue(r.value, unitOf(q));
      return fail(
        "scenario_invalid",
        `scenario "${scenario.name}" sets ${q.label} to ${formatEstimateValue(choice.value, unitOf(q))}, which the chosen claims and the other stated values exclude (they allow ${show(range.min, "−∞")} to ${show(range.max, "no upper end")})`,
      );
    }
    fixed = [...fixed, ...rows];
    values.set(id, { quantity: id, value: choice.value, how: "stated", atOpenBound: false });
  }

  // 2. Quantities with a direct claim, then the rest, in model order.
  const direct = (id: QuantityId) =>
    chosen.value
      .filter((c) => singleQuantity(c.subject) === id)
      .sort((a, b) => (weights.get(b.id) ?? 0) - (weights.get(a.id) ?? 0));
  const order = [
    ...model.quantities.filter((q) => direct(q.id).length > 0),
    ...model.quantities.filter((q) => direct(q.id).length === 0),
  ];
  for (const q of order) {
    if (values.has(q.id)) continue;
    const j = index.get(q.id)!;
    const choice = scenario.choices.get(q.id);
    const pick: Pick = choice?.kind === "pick" ? choice.pick : scenario.pick;
    let rows = [...base, ...fixed];
    if (choice?.kind === "pick" && choice.claims) {
      const extra = pickClaims(choice.claims);
      if (!extra.ok) return extra;
      rows = [...rows, ...extra.value.flatMap((c) => claimRows(c, index))];
    }
    // Once a value sits on an open bound the strict system has no point left; the values
    // that follow are then chosen in its closure (UNC-SCN-3).
    let feasible = checkFeasibilityByBlocks(n, rows, oracle, verdicts);
    if (!feasible.feasible) {
      rows = rows.map((r) => ({ ...r, strict: false }));
      feasible = checkFeasibilityByBlocks(n, rows, oracle, verdicts);
    }
    if (!feasible.feasible) {
      return fail(
        "claim_set_inconsistent",
        `scenario "${scenario.name}": the claims chosen for ${q.label} conflict with the scenario's claims and values`,
      );
    }
    const range = expressionRange(n, rows, unitRow(n, j), Rational.ZERO, feasible.closurePoint, oracle);
    const lo = range.min!;
    let value: Rational;
    let atOpenBound = false;
    if (pick === "low") {
      value = lo.value;
      atOpenBound = !lo.attained;
    } else if (pick === "high") {
      if (range.max === undefined) {
        return fail(
          "quantity_unbounded",
          `scenario "${scenario.name}": ${q.label} has no upper bound under the chosen claims; state a value or a claim that bounds it`,
        );
      }
      value = range.max.value;
      atOpenBound = !range.max.attained;
    } else {
      // Base (UNC-SCN-2): the midpoint of the quantity's feasible range given the values
      // fixed so far, so that every quantity of a group keeps room (a subtotal is shared
      // rather than taken by the first member). For a quantity bounded by one symmetric
      // claim this is the claim's central value. Unbounded above: the central value of its
      // heaviest direct claim, or its lower end.
      const governing = direct(q.id)[0];
      let target: Rational;
      if (range.max !== undefined) {
        target = lo.value.add(range.max.value).divInt(2n);
      } else if (governing) {
        target = centralValue(governing.value.distribution);
      } else {
        target = lo.value;
      }
      value = target;
      if (value.lt(lo.value)) value = lo.value;
      if (range.max !== undefined && value.gt(range.max.value)) value = range.max.value;
      atOpenBound =
        (value.eq(lo.value) && !lo.attained) ||
        (range.max !== undefined && value.eq(range.max.value) && !range.max.attained);
    }
    fixed = [...fixed, ...fixRows(n, j, value, q.id)];
    values.set(q.id, { quantity: q.id, value, how: pick, atOpenBound });
  }
  return ok({
    name: scenario.name,
    claims: chosen.value.map((c) => c.id),
    values: model.quantities.map((q) => values.get(q.id)!),
  });
}

function unitRow(n: number, j: number): Rational[] {
  return Array.from({ length: n }, (_, k) => (k === j ? Rational.ONE : Rational.ZERO));
}

export interface HolderComparison {
  readonly holder: StakeholderId;
  readonly name: string;
  /** Fully diluted fraction before the round (FD-1). */
  readonly before: Rational;
  readonly after: Rational;
  /** 1 − after / before: the relative loss of ownership; undefined for a holder new to the table. */
  readonly dilution: Rational | undefined;
}

/** One scenario's round, priced by the exact engine (UNC-SCN-5). */
export interface ScenarioOutcome {
  readonly name: string;
  readonly values: readonly ResolvedValue[];
  readonly roundSize: Money;
  readonly pricePerShare: Money;
  readonly preMoney: Money;
  readonly postMoney: Money;
  readonly holders: readonly HolderComparison[];
  readonly outcome: RoundOutcome;
}

/** Ownership before and after, per holder, from the exact pro forma (UNC-SCN-5). */
export function holderComparison(before: CapTable, after: CapTable): HolderComparison[] {
  const viewBefore = capTableView(before);
  const viewAfter = capTableView(after);
  const fdBefore = new Map(viewBefore.holders.map((h) => [h.holder, h.fullyDiluted]));
  return viewAfter.holders.map((h) => {
    const b = fractionOf(fdBefore.get(h.holder) ?? 0n, viewBefore.totals.fullyDiluted);
    const a = fractionOf(h.fullyDiluted, viewAfter.totals.fullyDiluted);
    return {
      holder: h.holder,
      name: h.name,
      before: b,
      after: a,
      dilution: b.isZero() ? undefined : Rational.ONE.sub(a.div(b)),
    };
  });
}

/**
 * Prices the round once per scenario with the exact engine (`priceRound`) on the terms
 * the scenario's values give (`buildRoundTerms`), and lines the results up (UNC-SCN-5):
 * round size (the new money), price, pre- and post-money, and each holder's ownership and
 * dilution.
 */
export function compareScenarios(
  capTable: CapTable,
  template: RoundTemplate,
  scenarios: readonly ResolvedScenario[],
): Result<readonly ScenarioOutcome[]> {
  const outcomes: ScenarioOutcome[] = [];
  const warnings: Problem[] = [];
  for (const scenario of scenarios) {
    const values: QuantityValues = valuesOf(scenario);
    const terms = buildRoundTerms(capTable, template, values);
    if (!terms.ok) return terms;
    const priced = priceRound(capTable, terms.value);
    if (!priced.ok) {
      return {
        ok: false,
        problems: priced.problems.map((p) => ({
          ...p,
          message: `scenario "${scenario.name}": ${p.message}`,
        })),
      };
    }
    warnings.push(...priced.warnings);
    const o = priced.value;
    outcomes.push({
      name: scenario.name,
      values: scenario.values,
      roundSize: o.newMoney,
      pricePerShare: o.pricePerShare,
      preMoney: o.preMoneyValuation,
      postMoney: o.postMoneyValuation,
      holders: holderComparison(capTable, o.after),
      outcome: o,
    });
  }
  return ok(outcomes, warnings);
}
