import { Rational } from "../core/exact/rational.js";
import { capTableView, fractionOf } from "../core/ledger/views.js";
import { runDeal } from "../core/round/timeline.js";
import type { Problem, Result } from "../core/shared/problem.js";
import { fail, ok } from "../core/shared/problem.js";
import { STANDARD_SCENARIOS } from "../core/uncertainty/scenario.js";
import { type Deal, withScenario } from "../deal/build.js";
import { amount, decimal } from "./format.js";

export interface ScenarioColumn {
  readonly scenario: string;
  readonly claims: readonly string[];
  readonly roundSize: string;
  readonly pricePerShare: string;
  readonly preMoneyValuation: string;
  readonly postMoneyValuation: string;
  readonly values: readonly { readonly quantity: string; readonly value: string; readonly how: string }[];
  readonly holders: readonly {
    readonly id: string;
    readonly name: string;
    readonly fullyDilutedBefore: string;
    readonly fullyDilutedAfter: string;
    readonly dilution: string | null;
  }[];
  /**
   * Each investment of the round as priced in the scenario (the amount paid, whole shares
   * at the price), when asked for (`investments: true`, the web's scenarios view); the
   * CLI's report does not carry it.
   */
  readonly investments?: readonly {
    readonly investor: string;
    readonly name: string;
    readonly paid: string;
  }[];
}

export interface ScenariosReport {
  readonly company: string;
  readonly currency: string;
  readonly round: string;
  readonly scenarios: readonly ScenarioColumn[];
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
export function scenariosReport(
  deal: Deal,
  names: readonly string[],
  roundId?: string,
  options: { readonly investments?: boolean } = {},
): Result<ScenariosReport> {
  const columns: ScenarioColumn[] = [];
  const warnings: Problem[] = [];
  let roundName = "";
  for (const name of names) {
    const d = withScenario(deal, name);
    if (!d.ok) return d;
    const rounds = d.value.rounds;
    const round = roundId === undefined ? rounds[rounds.length - 1] : rounds.find((r) => r.id === roundId);
    if (!round)
      return fail(
        "usage",
        roundId === undefined ? "the deal has no rounds" : `no round "${roundId}" in the deal`,
      );
    roundName = round.name;
    const run = runDeal(d.value.ledger, rounds, { untilRound: round.id });
    if (!run.ok)
      return {
        ok: false,
        problems: run.problems.map((p) => ({ ...p, message: `scenario ${name}: ${p.message}` })),
      };
    warnings.push(...run.warnings);
    const outcome = run.value.rounds[run.value.rounds.length - 1]!;
    const before = capTableView(outcome.before);
    const after = capTableView(outcome.after);
    const ids = [...new Set([...before.holders.map((h) => h.holder), ...after.holders.map((h) => h.holder)])];
    columns.push({
      scenario: name,
      claims: d.value.scenario ? [...d.value.scenario.claims] : [],
      roundSize: amount(outcome.newMoney),
      pricePerShare: amount(outcome.pricePerShare),
      preMoneyValuation: amount(outcome.preMoneyValuation),
      postMoneyValuation: amount(outcome.postMoneyValuation),
      values:
        d.value.scenario?.values.map((v) => ({
          quantity: v.quantity,
          value: decimal(v.value),
          how: v.how,
        })) ?? [],
      ...(options.investments
        ? {
            investments: outcome.investments.map((i) => ({
              investor: i.investor,
              name: d.value.ledger.stakeholders.find((s) => s.id === i.investor)?.name ?? i.investor,
              paid: amount(i.paid),
            })),
          }
        : {}),
      holders: ids.map((id) => {
        const b = before.holders.find((h) => h.holder === id);
        const a = after.holders.find((h) => h.holder === id);
        const fb = fractionOf(b?.fullyDiluted ?? 0n, before.totals.fullyDiluted);
        const fa = fractionOf(a?.fullyDiluted ?? 0n, after.totals.fullyDiluted);
        return {
          id,
          name: (a ?? b)!.name,
          fullyDilutedBefore: decimal(fb),
          fullyDilutedAfter: decimal(fa),
          dilution: fb.isZero() ? null : decimal(Rational.ONE.sub(fa.div(fb))),
        };
      }),
    });
  }
  return ok(
    {
      company: deal.ledger.company.name,
      currency: deal.ledger.company.currency,
      round: roundName,
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
  return scenariosReport(deal, names ?? scenarioNames(deal), roundId);
}
