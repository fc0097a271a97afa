import type { Currency } from "../core/exact/money.js";
import type { CapTable } from "../core/ledger/cap-table.js";
import { runDeal } from "../core/round/timeline.js";
import { fail, ok, type Result } from "../core/shared/problem.js";
import { parseQuantityId } from "../core/uncertainty/quantity.js";
import type { RoundTemplate } from "../core/uncertainty/round-template.js";
import { planSimulation, type SimulationPlan, type SimulationSummary } from "../core/uncertainty/simulate.js";
import type { SampleStatistics } from "../core/uncertainty/statistics.js";
import type { Deal } from "../deal/build.js";
import { scenarioNamed } from "../deal/uncertain.js";
import { type WhatIfOutcome, whatIfClaims } from "../deal/what-if.js";
import type { QuantityRefNamed } from "./model.js";
import { namer } from "./names.js";
import type { Ref } from "./use-case.js";

/**
 * The typed report of the `simulate` use case (APP-2): a simulation's statistics are
 * float64 by nature (UNC-SIM, OUT-4), kept as the numbers the sample gave; the round, every
 * holder, claim and quantity is a `Ref` with its display name (a quantity with its
 * structured `ref`, so that a reader picks the investments by kind). Its JSON is written by
 * `simulationJson` (src/report/simulation-report.ts), its table by `simulationRows`, its
 * PDF and XLSX by src/render/reports/simulation.ts.
 */
export interface SimulationReport {
  readonly company: { readonly name: string; readonly currency: Currency };
  readonly round: Ref;
  readonly seed: bigint;
  readonly runs: number;
  /** Scenarios that priced (fast or exact). */
  readonly valid: number;
  /** Scenarios priced by the exact engine (anti-dilution). */
  readonly exactScenarios: number;
  readonly failures: readonly { readonly reason: string; readonly count: number }[];
  /** The claims sampled, the deal's own stated terms (`terms:`) included. */
  readonly claims: readonly (Ref & { readonly source?: Ref })[];
  readonly assumptions: readonly string[];
  readonly roundSize: SampleStatistics;
  readonly pricePerShare: SampleStatistics;
  readonly preMoneyValuation: SampleStatistics;
  readonly postMoneyValuation: SampleStatistics;
  /** Every uncertain quantity of the round, sampled. */
  readonly quantities: readonly { readonly quantity: QuantityRefNamed; readonly value: SampleStatistics }[];
  /** 1 − T₀/T: the dilution of every holder the round does not touch. */
  readonly dilutionOfOthers: SampleStatistics;
  readonly holders: readonly {
    readonly holder: Ref;
    readonly ownershipBefore: number;
    /** Whether the round touches the holder (an investor or a converting holder). */
    readonly takesPart: boolean;
    readonly ownership: SampleStatistics;
    /** Null for a holder with nothing before the round. */
    readonly dilution: SampleStatistics | null;
  }[];
  /** The what-ifs whose figures were held, not sampled (DEAL-WHATIF-5). */
  readonly whatIf?: WhatIfOutcome;
}

/** What a simulation of a deal's round needs: the compiled plan, the cap table before the round, the round. */
export interface SimulationSetup {
  readonly plan: SimulationPlan;
  readonly capTable: CapTable;
  readonly template: RoundTemplate;
  readonly meta: { company: string; currency: Currency; round: string; roundId: string };
}

/**
 * The typed report of a simulation's summary. `names` (the deal's, `namer`) gives the
 * claims their names; without it (a worker that merged the chunks) a claim is named by its
 * id, and a round without its id is named by its name.
 */
export function simulationReportOf(
  summary: SimulationSummary,
  meta: { company: string; currency: Currency; round: string; roundId?: string },
  names?: ReturnType<typeof namer>,
): SimulationReport {
  return {
    company: { name: meta.company, currency: meta.currency },
    round: { id: meta.roundId ?? meta.round, name: meta.round },
    seed: BigInt(summary.seed),
    runs: summary.runs,
    valid: summary.valid,
    exactScenarios: summary.exactScenarios,
    failures: summary.failures,
    claims: summary.claims.map((c) => names?.claim(c) ?? { id: c, name: c }),
    assumptions: summary.assumptions,
    roundSize: summary.roundSize,
    pricePerShare: summary.pricePerShare,
    preMoneyValuation: summary.preMoney,
    postMoneyValuation: summary.postMoney,
    quantities: summary.quantities.map((q) => {
      const ref = parseQuantityId(q.quantity);
      return {
        quantity: { id: q.quantity, name: q.label, ...(ref.ok ? { ref: ref.value } : {}) },
        value: q.value,
      };
    }),
    dilutionOfOthers: summary.dilutionOfOthers,
    holders: summary.holders.map((h) => ({
      holder: { id: h.holder, name: h.name },
      ownershipBefore: h.ownershipBefore,
      takesPart: h.takesPart,
      ownership: h.ownership,
      dilution: h.dilution ?? null,
    })),
  };
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
      roundId: template.terms.id,
    },
  });
}

/** The names of a deal's claims for a simulation's report (`simulationReportOf`). */
export function simulationNames(deal: Deal, setup: SimulationSetup): ReturnType<typeof namer> {
  return namer(setup.capTable, deal);
}
