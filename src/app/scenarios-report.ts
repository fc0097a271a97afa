import type { Currency, Money } from "../core/exact/money.js";
import { Rational } from "../core/exact/rational.js";
import { capTableView, fractionOf } from "../core/ledger/views.js";
import { runDeal } from "../core/round/timeline.js";
import { fail, ok, type Problem, type Result } from "../core/shared/problem.js";
import { STANDARD_SCENARIOS } from "../core/uncertainty/scenario.js";
import { type Deal, withScenario } from "../deal/build.js";
import type { WhatIfOutcome } from "../deal/what-if.js";
import type { QuantityRefNamed } from "./model.js";
import { namer } from "./names.js";
import type { Ref } from "./use-case.js";

/**
 * The typed report of the `scenarios` use case (APP-2): the round priced in each scenario
 * by the exact engine, exact values (`Money`, `Rational`), every holder, claim and quantity a
 * `Ref` with its display name. Its JSON is written by `scenariosJson`
 * (src/report/scenarios-report.ts), its table by `scenariosRows`, its PDF and XLSX by
 * src/render/reports/scenarios.ts.
 */
export interface ScenarioColumn {
  /** The scenario's name (low, base, high or the deal's own). */
  readonly scenario: string;
  /** The claims the scenario holds, the deal's own stated terms (`terms:`) included. */
  readonly claims: readonly (Ref & { readonly source?: Ref })[];
  readonly roundSize: Money;
  readonly pricePerShare: Money;
  readonly preMoneyValuation: Money;
  readonly postMoneyValuation: Money;
  /** Each uncertain quantity's value in the scenario, and how it was chosen. */
  readonly values: readonly {
    readonly quantity: QuantityRefNamed;
    readonly value: Rational;
    readonly how: string;
  }[];
  /** Every holder before or after the round, exact fractions of the fully diluted totals. */
  readonly holders: readonly {
    readonly holder: Ref;
    readonly fullyDilutedBefore: Rational;
    readonly fullyDilutedAfter: Rational;
    /** Relative dilution 1 − after/before; null for a holder new in the round. */
    readonly dilution: Rational | null;
  }[];
  /** Each investment as priced in the scenario, when asked for (`investments: true`, the web's view). */
  readonly investments?: readonly { readonly investor: Ref; readonly paid: Money }[];
}

/**
 * A round priced in each scenario side by side (UNC-SCN-5); with what-ifs, each scenario's
 * what-if (the figures set, the claims of that scenario they set aside, DEAL-WHATIF-5).
 */
export interface ScenariosReport {
  readonly company: { readonly name: string; readonly currency: Currency };
  readonly round: Ref;
  readonly scenarios: readonly ScenarioColumn[];
  readonly whatIfs?: readonly WhatIfOutcome[];
}

/** The names compared by default: low, base, high, then the deal's own scenarios. */
export function scenarioNames(deal: Deal): string[] {
  return [
    ...STANDARD_SCENARIOS.map((s) => s.name),
    ...(deal.uncertainty?.scenarios.map((s) => s.name) ?? []),
  ];
}

/**
 * Prices the round in every scenario with the exact engine and puts the results side by
 * side (SPEC UNC-SCN-5): round size, price, pre- and post-money, and each holder's fully
 * diluted ownership and dilution.
 */
export function scenariosReportOf(
  deal: Deal,
  names: readonly string[],
  roundId?: string,
  options: { readonly investments?: boolean } = {},
): Result<ScenariosReport> {
  const columns: ScenarioColumn[] = [];
  const warnings: Problem[] = [];
  let round: Ref = { id: "", name: "" };
  for (const name of names) {
    const d = withScenario(deal, name);
    if (!d.ok) return d;
    const rounds = d.value.rounds;
    const terms = roundId === undefined ? rounds[rounds.length - 1] : rounds.find((r) => r.id === roundId);
    if (!terms)
      return fail(
        "usage",
        roundId === undefined ? "the deal has no rounds" : `no round "${roundId}" in the deal`,
      );
    round = { id: terms.id, name: terms.name };
    const run = runDeal(d.value.ledger, rounds, { untilRound: terms.id });
    if (!run.ok)
      return {
        ok: false,
        problems: run.problems.map((p) => ({ ...p, message: `scenario ${name}: ${p.message}` })),
      };
    warnings.push(...run.warnings);
    const outcome = run.value.rounds[run.value.rounds.length - 1]!;
    const names = namer(outcome.after, d.value);
    const before = capTableView(outcome.before);
    const after = capTableView(outcome.after);
    const ids = [...new Set([...before.holders.map((h) => h.holder), ...after.holders.map((h) => h.holder)])];
    columns.push({
      scenario: name,
      claims: d.value.scenario ? d.value.scenario.claims.map((c) => names.claim(c)) : [],
      roundSize: outcome.newMoney,
      pricePerShare: outcome.pricePerShare,
      preMoneyValuation: outcome.preMoneyValuation,
      postMoneyValuation: outcome.postMoneyValuation,
      values:
        d.value.scenario?.values.map((v) => ({
          quantity: names.quantity(v.quantity),
          value: v.value,
          how: v.how,
        })) ?? [],
      ...(options.investments
        ? {
            investments: outcome.investments.map((i) => ({
              investor: names.holder(i.investor),
              paid: i.paid,
            })),
          }
        : {}),
      holders: ids.map((id) => {
        const b = before.holders.find((h) => h.holder === id);
        const a = after.holders.find((h) => h.holder === id);
        const fb = fractionOf(b?.fullyDiluted ?? 0n, before.totals.fullyDiluted);
        const fa = fractionOf(a?.fullyDiluted ?? 0n, after.totals.fullyDiluted);
        return {
          holder: { id, name: (a ?? b)!.name },
          fullyDilutedBefore: fb,
          fullyDilutedAfter: fa,
          dilution: fb.isZero() ? null : Rational.ONE.sub(fa.div(fb)),
        };
      }),
    });
  }
  return ok(
    {
      company: { name: deal.ledger.company.name, currency: deal.ledger.company.currency },
      round,
      scenarios: columns,
    },
    warnings,
  );
}

/**
 * The scenarios comparison as `roundtable scenarios` and the API give it: the named
 * scenarios (low, base, high and the deal's own by default). A deal whose round amounts
 * are all exact has one scenario only: a `usage` problem.
 */
export function compareScenarios(
  deal: Deal,
  names: readonly string[] | undefined,
  roundId?: string,
): Result<ScenariosReport> {
  if (!deal.uncertainty?.roundsUncertain)
    return fail(
      "usage",
      "the deal's round amounts are all exact: there is one scenario, which `roundtable model` prints",
    );
  return scenariosReportOf(deal, names ?? scenarioNames(deal), roundId);
}
