import { Rational } from "../core/exact/rational.js";
import type { CapTable } from "../core/ledger/cap-table.js";
import { runDeal } from "../core/round/timeline.js";
import { fail, ok, type Result } from "../core/shared/problem.js";
import type { RoundTemplate } from "../core/uncertainty/round-template.js";
import { planSimulation, type SimulationPlan, type SimulationSummary } from "../core/uncertainty/simulate.js";
import type { SampleStatistics } from "../core/uncertainty/statistics.js";
import type { Deal } from "../deal/build.js";
import { scenarioNamed } from "../deal/uncertain.js";
import { type WhatIfOutcome, whatIfClaims } from "../deal/what-if.js";

/**
 * A float statistic as a decimal string (SPEC OUT-4): simulation statistics are float64
 * approximations, written with 12 significant digits and no exponent.
 */
export function floatText(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (Number.isInteger(x) && Math.abs(x) < Number.MAX_SAFE_INTEGER) return String(x);
  const text = x.toPrecision(12);
  // The 12 digits are moved and trimmed as text: a sweep writes a million of these (issue
  // 19). Fixed notation has at most 17 places, so nothing rounds; an exponent of 11 or
  // more is an integer. Only tiny values (an exponent below -6) go through the rounding.
  const e = text.indexOf("e");
  if (e < 0) {
    if (text.indexOf(".") < 0) return text;
    const trimmed = text.replace(/\.?0+$/, "");
    return trimmed === "-0" ? "0" : trimmed;
  }
  const exponent = Number(text.slice(e + 1));
  if (exponent >= 11) {
    const negative = text.startsWith("-");
    const digits = text.slice(negative ? 1 : 0, e).replace(".", "");
    return `${negative ? "-" : ""}${digits.padEnd(exponent + 1, "0")}`;
  }
  return Rational.parse(text)!.toDecimalString(18);
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
    // The quartiles came after the first release of this report: added at the end, so that the
    // fields before them keep their order (a fan chart's inner band, P25–P75).
    p25: floatText(s.p25),
    p75: floatText(s.p75),
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

/** What a simulation of a deal's round needs: the compiled plan, the cap table before the round, the round. */
export interface SimulationSetup {
  readonly plan: SimulationPlan;
  readonly capTable: CapTable;
  readonly template: RoundTemplate;
  readonly meta: { company: string; currency: string; round: string };
}

/**
 * Prepares the simulation of a deal's round (SPEC UNC-SIM-3), as `roundtable simulate` and
 * the API's simulate job both run it: the round (the last by default), the claims of the
 * named scenario (the default reading otherwise), earlier rounds taken at the base
 * scenario. A wrong round or scenario is a `usage` problem whose path names the parameter.
 */
export function simulationSetup(
  deal: Deal,
  options: {
    round?: string | undefined;
    scenario?: string | undefined;
    /** What-ifs applied to the deal (DEAL-WHATIF-5): their figures are held, not sampled. */
    whatIf?: WhatIfOutcome | undefined;
  },
): Result<SimulationSetup> {
  const u = deal.uncertainty;
  if (!u?.roundsUncertain)
    return fail(
      "usage",
      "the deal's round amounts are all exact: there is nothing to sample; `roundtable model` prints its pro forma",
    );
  const index =
    options.round === undefined
      ? u.templates.length - 1
      : u.templates.findIndex((t) => t.terms.id === options.round);
  if (index < 0) return fail("usage", `no round "${options.round}" in the deal`, ["round"]);
  const template = u.templates[index]!;
  let claims = u.defaultClaims;
  let claimSet = u.claimSet;
  if (options.whatIf) {
    // The what-if's scenario keeps the chosen scenario's claims that hold beside its figures.
    const scenario = scenarioNamed(u, options.whatIf.scenario);
    const held = whatIfClaims(u.claimSet, options.whatIf);
    claimSet = held.claimSet;
    claims = [...(scenario?.claims ?? u.defaultClaims), ...held.ids];
  } else if (options.scenario !== undefined) {
    const scenario = scenarioNamed(u, options.scenario);
    if (!scenario) return fail("usage", `no scenario "${options.scenario}" in the deal`, ["scenario"]);
    claims = scenario.claims ?? u.defaultClaims;
  }
  const before = runDeal(deal.ledger, deal.rounds, { beforeRound: template.terms.id });
  if (!before.ok) return before;
  const plan = planSimulation(claimSet, claims, before.value.final, template);
  if (!plan.ok) return plan;
  return ok({
    plan: plan.value,
    capTable: before.value.final,
    template,
    meta: {
      company: deal.ledger.company.name,
      currency: deal.ledger.company.currency,
      round: template.terms.name,
    },
  });
}
