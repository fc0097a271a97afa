import { Rational } from "../core/exact/rational.js";
import type { CapTable } from "../core/ledger/cap-table.js";
import { runDeal } from "../core/round/timeline.js";
import type { Problem } from "../core/shared/problem.js";
import type { RoundTemplate } from "../core/uncertainty/round-template.js";
import { planSimulation, type SimulationPlan, type SimulationSummary } from "../core/uncertainty/simulate.js";
import type { SampleStatistics } from "../core/uncertainty/statistics.js";
import type { Deal } from "../deal/build.js";
import { scenarioNamed } from "../deal/uncertain.js";

/**
 * A float statistic as a decimal string (SPEC OUT-4): simulation statistics are float64
 * approximations, written with 12 significant digits and no exponent.
 */
export function floatText(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (Number.isInteger(x) && Math.abs(x) < Number.MAX_SAFE_INTEGER) return String(x);
  return Rational.parse(x.toPrecision(12))!.toDecimalString(18);
}

function statistics(s: SampleStatistics) {
  return {
    count: s.count,
    mean: floatText(s.mean),
    p5: floatText(s.p5),
    p50: floatText(s.p50),
    p95: floatText(s.p95),
    min: floatText(s.min),
    max: floatText(s.max),
    ...(s.histogram
      ? {
          histogram: {
            min: floatText(s.histogram.min),
            max: floatText(s.histogram.max),
            counts: [...s.histogram.counts],
          },
        }
      : {}),
  };
}

/** The JSON of `roundtable simulate`: every statistic as a decimal string (OUT-4). */
export function simulationReport(
  summary: SimulationSummary,
  meta: { company: string; currency: string; round: string },
) {
  return {
    company: meta.company,
    currency: meta.currency,
    round: meta.round,
    seed: summary.seed,
    runs: summary.runs,
    valid: summary.valid,
    exactScenarios: summary.exactScenarios,
    failures: summary.failures,
    claims: [...summary.claims],
    assumptions: [...summary.assumptions],
    roundSize: statistics(summary.roundSize),
    pricePerShare: statistics(summary.pricePerShare),
    preMoneyValuation: statistics(summary.preMoney),
    postMoneyValuation: statistics(summary.postMoney),
    quantities: summary.quantities.map((q) => ({
      quantity: q.quantity,
      label: q.label,
      value: statistics(q.value),
    })),
    dilutionOfOthers: statistics(summary.dilutionOfOthers),
    holders: summary.holders.map((h) => ({
      holder: h.holder,
      name: h.name,
      ownershipBefore: floatText(h.ownershipBefore),
      takesPart: h.takesPart,
      ownership: statistics(h.ownership),
      dilution: h.dilution ? statistics(h.dilution) : null,
    })),
  };
}

/** What a simulation of a deal's round needs, prepared as `roundtable simulate` prepares it. */
export interface DealSimulationSetup {
  readonly plan: SimulationPlan;
  /** The cap table just before the round (earlier rounds at the base scenario). */
  readonly capTable: CapTable;
  readonly template: RoundTemplate;
  readonly meta: { readonly company: string; readonly currency: string; readonly round: string };
}

export type DealSimulationSetupResult =
  | { readonly ok: true; readonly value: DealSimulationSetup }
  | { readonly ok: false; readonly kind: "usage"; readonly message: string }
  | { readonly ok: false; readonly kind: "problems"; readonly problems: readonly Problem[] };

/**
 * Prepares the simulation of a deal's round (SPEC UNC-SIM), for the CLI and the web app
 * alike: the round (the last uncertain one by default), the claims sampled (the default
 * reading's, or a scenario's), the earlier rounds run at the base scenario, and the plan.
 * Pure; the scenarios are then run by `simulateRange` on any number of threads.
 */
export function prepareDealSimulation(
  deal: Deal,
  options: { readonly round?: string | undefined; readonly scenario?: string | undefined } = {},
): DealSimulationSetupResult {
  const u = deal.uncertainty;
  if (!u?.roundsUncertain) {
    return {
      ok: false,
      kind: "usage",
      message:
        "the deal's round amounts are all exact: there is nothing to sample; `roundtable model` prints its pro forma",
    };
  }
  const index =
    options.round === undefined
      ? u.templates.length - 1
      : u.templates.findIndex((t) => t.terms.id === options.round);
  const template = u.templates[index];
  if (!template) return { ok: false, kind: "usage", message: `no round "${options.round}" in the deal` };
  let claims = u.defaultClaims;
  if (options.scenario !== undefined) {
    const scenario = scenarioNamed(u, options.scenario);
    if (!scenario)
      return { ok: false, kind: "usage", message: `no scenario "${options.scenario}" in the deal` };
    claims = scenario.claims ?? u.defaultClaims;
  }
  // Earlier rounds are taken at the base scenario; this round's amounts are sampled.
  const before = runDeal(deal.ledger, deal.rounds, { beforeRound: template.terms.id });
  if (!before.ok) return { ok: false, kind: "problems", problems: before.problems };
  const plan = planSimulation(u.claimSet, claims, before.value.final, template);
  if (!plan.ok) return { ok: false, kind: "problems", problems: plan.problems };
  return {
    ok: true,
    value: {
      plan: plan.value,
      capTable: before.value.final,
      template,
      meta: {
        company: deal.ledger.company.name,
        currency: deal.ledger.company.currency,
        round: template.terms.name,
      },
    },
  };
}
