import os from "node:os";
import * as z from "zod";
import { runSimulationInWorkers } from "../adapters/simulation-workers.js";
import { Rational } from "../core/exact/rational.js";
import { applyTransaction } from "../core/ledger/apply.js";
import { openingCapTable, orderedTransactions } from "../core/ledger/replay.js";
import { solveRound } from "../core/round/solve.js";
import { runDeal } from "../core/round/timeline.js";
import { type IsoDate, parseIsoDate } from "../core/shared/date.js";
import { roundId, stakeholderId } from "../core/shared/ids.js";
import { LIMITS } from "../core/shared/limits.js";
import { fail, ok, type Problem, type Result } from "../core/shared/problem.js";
import { sampleEstimate } from "../core/uncertainty/estimate-sampling.js";
import { type Deal, withScenario } from "../deal/build.js";
import type { Workspace } from "../deal/workspace.js";
import { resolveWorkspace } from "../deal/workspace.js";
import { capTableReport } from "../report/captable-report.js";
import { claimsReport, unknownClaims } from "../report/claims-report.js";
import {
  exitAtReport,
  exitBreakpointsReport,
  exitIpoReport,
  exitModelOf,
  exitSimulationReport,
  exitSweepReport,
  exitTermsOf,
  exitValueEstimate,
  exitValuesOf,
  ipoPricingOf,
  sweepRangeOf,
} from "../report/exit-report.js";
import { exposureInputs, exposureReport, flowModelOf, flowsReport } from "../report/flows-report.js";
import { flowsSimulation } from "../report/flows-simulation.js";
import { amount, decimal } from "../report/format.js";
import { modelReport } from "../report/model-report.js";
import { compareScenarios } from "../report/scenarios-report.js";
import { simulationReport, simulationSetup } from "../report/simulation-report.js";
import { type InvestorView, investorCapTableReport, investorModelReport } from "./access.js";

/** What a running computation may use: progress reports and a signal that it should stop. */
export interface ComputationContext {
  progress(done: number, total: number): void;
  readonly signal: AbortSignal;
}

type Json = Record<string, unknown>;

interface ComputationShape<I> {
  readonly name: string;
  readonly summary: string;
  readonly input: z.ZodType<I>;
  readonly mode: "sync" | "job";
  readonly forInvestor?: (report: Json, view: InvestorView) => Json;
}

/**
 * A computation the API exposes (SPEC API-5): a name, the schema of its query parameters,
 * and a function of a built deal (or, `on: "workspace"`, of a loaded workspace) that
 * returns a JSON report or typed problems. `sync` computations answer in the request;
 * `job` ones run as jobs with progress. The API exposes each for stored documents and for
 * posted ones; investors get `forInvestor`'s view of the report, or are refused when it is
 * absent. A `usage` problem names a query parameter by its path (SPEC API-2).
 */
export interface DealComputation<I = unknown> extends ComputationShape<I> {
  readonly on: "deal";
  run(deal: Deal, input: I, context: ComputationContext): Result<Json> | Promise<Result<Json>>;
}

export interface WorkspaceComputation<I = unknown> extends ComputationShape<I> {
  readonly on: "workspace";
  run(ws: Workspace, input: I, context: ComputationContext): Result<Json> | Promise<Result<Json>>;
}

export type Computation<I = unknown> = DealComputation<I> | WorkspaceComputation<I>;

/** Runs a computation on what it takes: a deal, or a workspace. */
export function runComputation(
  computation: Computation,
  subject: Deal | Workspace,
  input: unknown,
  context: ComputationContext,
) {
  return computation.on === "deal"
    ? computation.run(subject as Deal, input, context)
    : computation.run(subject as Workspace, input, context);
}

/**
 * The problems of a computation as a request's: a `usage` problem (a parameter the report
 * functions, shared with the CLI, refuse) is `request_invalid` at `query.<parameter>`.
 */
export function requestProblems(problems: readonly Problem[]): Problem[] {
  return problems.map((p) =>
    p.code === "usage"
      ? {
          ...p,
          code: "request_invalid",
          // A path the computation already placed under the query is kept as it is.
          ...(p.path ? { path: p.path[0] === "query" ? p.path : ["query", ...p.path] } : {}),
        }
      : p,
  );
}

const RoundParam = z
  .string()
  .min(1)
  .max(200)
  .optional()
  .meta({ description: "The round (its id); the last one by default. Earlier rounds are applied first." });

const DateParam = z
  .string()
  .refine((s) => parseIsoDate(s) !== undefined, "a date is written YYYY-MM-DD")
  .transform((s) => parseIsoDate(s) as IsoDate);

/** Reads a fraction written `10%` or `0.1`. */
const FractionParam = z
  .string()
  .regex(/^\s*[0-9]+(\.[0-9]+)?\s*%?\s*$/, "a fraction is written as 10% or 0.1")
  .transform((s) => {
    const text = s.trim();
    const value = Rational.parse(text.replace("%", "").trim())!;
    return text.endsWith("%") ? value.divInt(100n) : value;
  });

const ScenarioParam = z.string().min(1).max(200).optional().meta({
  description:
    "For a deal with uncertain amounts: the scenario that gives them (low, base, high, or one the deal defines; base by default).",
});

/** The deal with its amounts in the named scenario (SPEC DEAL-4); the base scenario as loaded. */
function inScenario(deal: Deal, scenario: string | undefined): Result<Deal> {
  if (scenario === undefined || scenario === "base") return ok(deal);
  const resolved = withScenario(deal, scenario);
  if (resolved.ok) return resolved;
  return {
    ok: false,
    problems: resolved.problems.map((p) => ({ ...p, path: p.path ?? ["query", "scenario"] })),
  };
}

/** The deal's last dated event: a cap table without a date is as of it (never the clock, OUT-3). */
function lastEventDate(deal: Deal): IsoDate {
  const dates = [
    ...deal.ledger.transactions.map((t) => t.date),
    ...deal.rounds.flatMap((r) => [r.date, ...r.closings.map((c) => c.date)]),
  ];
  return dates.reduce(
    (a, b) => (a > b ? a : b),
    deal.ledger.company.formationDate ?? ("1970-01-01" as IsoDate),
  );
}

function chooseRound(deal: Deal, round: string | undefined) {
  if (deal.rounds.length === 0) return fail("round_invalid", "the deal has no rounds; add one under rounds");
  const chosen =
    round === undefined ? deal.rounds[deal.rounds.length - 1] : deal.rounds.find((r) => r.id === round);
  if (!chosen)
    return fail(
      "request_invalid",
      `no round "${round}" in the deal; its rounds are ${deal.rounds.map((r) => r.id).join(", ")}`,
      ["query", "round"],
    );
  return ok(chosen);
}

/** The deal in the asked scenario, and the asked round of it (the last by default). */
function dealAndRound(deal: Deal, input: { scenario?: string | undefined; round?: string | undefined }) {
  const scenario = inScenario(deal, input.scenario);
  if (!scenario.ok) return scenario;
  const round = chooseRound(scenario.value, input.round);
  if (!round.ok) return round;
  return ok({ deal: scenario.value, round: round.value });
}

const model: DealComputation<{ round?: string | undefined; scenario?: string | undefined }> = {
  name: "model",
  summary: "The pro forma of a round: price, pre- and post-money, each holder before and after.",
  input: z.strictObject({ round: RoundParam, scenario: ScenarioParam }),
  on: "deal",
  mode: "sync",
  run(loaded, input) {
    const picked = dealAndRound(loaded, input);
    if (!picked.ok) return picked;
    const { deal, round } = picked.value;
    const run = runDeal(deal.ledger, deal.rounds, { untilRound: roundId(round.id) });
    if (!run.ok) return run;
    const outcome = run.value.rounds[run.value.rounds.length - 1]!;
    return ok(modelReport(deal, outcome, run.warnings) as unknown as Json, run.warnings);
  },
  forInvestor: investorModelReport,
};

const solve: DealComputation<{
  round?: string | undefined;
  scenario?: string | undefined;
  investor: string;
  fraction: Rational;
  for: "valuation" | "amount";
}> = {
  name: "solve",
  summary:
    "Solves a round for the valuation (pre-money, post-money and price) or an investor's amount that gives the investor a target fully diluted ownership.",
  input: z.strictObject({
    round: RoundParam,
    scenario: ScenarioParam,
    investor: z.string().min(1).max(200).meta({ description: "The investor's stakeholder id." }),
    fraction: FractionParam.meta({
      description: "The target fully diluted fraction after the round: 10% or 0.1.",
    }),
    for: z.enum(["valuation", "amount"]).default("valuation"),
  }),
  on: "deal",
  mode: "sync",
  run(loaded, input) {
    const picked = dealAndRound(loaded, input);
    if (!picked.ok) return picked;
    const { deal, round } = picked.value;
    const before = runDeal(deal.ledger, deal.rounds, { beforeRound: roundId(round.id) });
    if (!before.ok) return before;
    const solved = solveRound(before.value.final, round, {
      investor: stakeholderId(input.investor),
      fraction: input.fraction,
      unknown: input.for,
    });
    if (!solved.ok) return solved;
    const s = solved.value;
    const report = modelReport(deal, s.outcome, solved.warnings);
    return ok(
      {
        solution: {
          investor: input.investor,
          targetFraction: decimal(input.fraction),
          achievedFraction: decimal(s.achievedFraction),
          unknown: s.request.unknown,
          exactPricePerShare: amount(s.exactPricePerShare),
          pricePerShare: report.round.pricePerShare,
          preMoneyValuation: report.round.preMoneyValuation,
          postMoneyValuation: report.round.postMoneyValuation,
          amount: s.exactAmount ? amount(s.exactAmount) : null,
        },
        model: report as unknown as Json,
      },
      solved.warnings,
    );
  },
  // No investor view: a solution is a valuation, which is the owner's to share or not.
};

const captable: DealComputation<{ asOf?: IsoDate | undefined; scenario?: string | undefined }> = {
  name: "captable",
  summary: "The cap table at a date: outstanding, as-converted and fully diluted, per holder and per class.",
  input: z.strictObject({
    asOf: DateParam.optional().meta({
      description: "YYYY-MM-DD; after every transaction and round by default.",
    }),
    scenario: ScenarioParam,
  }),
  on: "deal",
  mode: "sync",
  run(loaded, input) {
    const scenario = inScenario(loaded, input.scenario);
    if (!scenario.ok) return scenario;
    const deal = scenario.value;
    const run = runDeal(deal.ledger, deal.rounds, input.asOf ? { asOf: input.asOf } : {});
    if (!run.ok) return run;
    return ok(
      capTableReport(run.value.final, input.asOf ?? lastEventDate(deal)) as unknown as Json,
      run.warnings,
    );
  },
  forInvestor: investorCapTableReport,
};

const validate: DealComputation<Record<string, never>> = {
  name: "validate",
  summary: "Checks the deal: its form, its references, and that its ledger and rounds apply.",
  input: z.strictObject({}),
  on: "deal",
  mode: "sync",
  run(deal) {
    const run = runDeal(deal.ledger, deal.rounds);
    if (!run.ok) return run;
    const { ledger, rounds } = deal;
    return ok(
      {
        valid: true,
        stakeholders: ledger.stakeholders.length,
        classes: ledger.classes.length,
        transactions: ledger.transactions.length,
        rounds: rounds.length,
        warnings: run.warnings.map((w) => ({ code: w.code, message: w.message })),
      },
      run.warnings,
    );
  },
  forInvestor: () => ({ valid: true }),
};

const STEP_DELAY_MAX_MS = 1000;

/**
 * Replays the ledger one transaction at a time, reporting progress after each: the job
 * mechanism's reference computation (long simulations report progress the same way).
 */
const replay: DealComputation<{ stepDelayMs: number }> = {
  name: "replay",
  summary:
    "Replays the ledger transaction by transaction as a job, reporting progress after each; the result is the final totals.",
  input: z.strictObject({
    stepDelayMs: z.coerce
      .number()
      .int()
      .min(0)
      .max(STEP_DELAY_MAX_MS)
      .default(0)
      .meta({ description: "A pause after each step, in milliseconds (to watch progress)." }),
  }),
  on: "deal",
  mode: "job",
  async run(deal, input, context) {
    const opening = openingCapTable(deal.ledger);
    if (!opening.ok) return opening;
    const table = opening.value;
    const transactions = orderedTransactions(deal.ledger.transactions);
    context.progress(0, transactions.length);
    for (let i = 0; i < transactions.length; i++) {
      if (context.signal.aborted) return fail("unavailable", "the job was cancelled");
      const rejected = applyTransaction(table, transactions[i]!);
      if (rejected) return { ok: false, problems: [rejected] };
      context.progress(i + 1, transactions.length);
      await new Promise((resolve) => setTimeout(resolve, input.stepDelayMs));
    }
    table.assertInvariants();
    const report = capTableReport(table, lastEventDate(deal));
    return ok({ transactions: transactions.length, totals: report.totals, holders: report.holders });
  },
  forInvestor: (report, view) => ({
    transactions: report.transactions,
    holders: (report.holders as Json[]).filter((h) => view.stakeholders.has(String(h.id))),
    ...(view.shared.has("totals") ? { totals: report.totals } : {}),
  }),
};

const SeedParam = z
  .string()
  .regex(/^[0-9]{1,20}$/, "a seed is a whole number")
  .default("1")
  .transform((s) => BigInt(s))
  .meta({ description: "The seed: the same seed gives the same result, byte for byte." });

/** A list written as one comma-separated value or as the parameter repeated. */
const ListParam = z
  .union([z.string().max(10_000), z.array(z.string().max(10_000)).max(1_000)])
  .transform((v) =>
    (Array.isArray(v) ? v : [v])
      .flatMap((x) => x.split(","))
      .map((x) => x.trim())
      .filter(Boolean),
  );

const claims: DealComputation<{ claims?: string[] | undefined }> = {
  name: "claims",
  summary:
    "The deal's sources and claims by date, the conflicts among them, and each consistent reading's feasible ranges (reconciliation).",
  input: z.strictObject({
    claims: ListParam.optional().meta({
      description: "A claim set of your own, comma-separated: its feasible ranges are reported first.",
    }),
  }),
  on: "deal",
  mode: "sync",
  run(deal, input) {
    const unknown = unknownClaims(deal, input.claims ?? []);
    if (unknown.length > 0)
      return fail(
        "request_invalid",
        `unknown claim${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")}; the deal's claims are ${deal.uncertainty?.claimSet.claims.map((c) => c.id).join(", ")}`,
        ["query", "claims"],
      );
    return ok(claimsReport(deal, input.claims) as unknown as Json);
  },
  // No investor view: the claims are the reports about the round, the owner's to share.
};

const scenarios: DealComputation<{ scenario?: string[] | undefined; round?: string | undefined }> = {
  name: "scenarios",
  summary:
    "Prices a round in each scenario (low, base, high and the deal's own) with the exact engine and compares them.",
  input: z.strictObject({
    scenario: ListParam.optional().meta({
      description: "The scenarios to compare, comma-separated (default: low, base, high and the deal's own).",
    }),
    round: RoundParam,
  }),
  on: "deal",
  mode: "sync",
  run(deal, input) {
    if (input.round !== undefined) {
      const chosen = chooseRound(deal, input.round);
      if (!chosen.ok) return chosen;
    }
    const report = compareScenarios(deal, input.scenario, input.round);
    if (report.ok) return ok(report.value as unknown as Json, report.warnings);
    // A scenario the deal does not have is the scenario parameter's fault.
    return {
      ok: false,
      problems: report.problems.map((p) =>
        p.code === "usage" && !p.path && p.message.startsWith("no scenario")
          ? { ...p, path: ["scenario"] }
          : p,
      ),
    };
  },
};

const simulate: DealComputation<{
  runs: number;
  seed: bigint;
  round?: string | undefined;
  scenario?: string | undefined;
}> = {
  name: "simulate",
  summary:
    "Samples a round's uncertain amounts (seeded Monte Carlo) and reports percentiles of the round and of every holder's ownership; deterministic for a seed.",
  input: z.strictObject({
    runs: z.coerce
      .number()
      .int()
      .min(1)
      .max(LIMITS.apiSimulationRuns)
      .default(10_000)
      .meta({ description: `Number of scenarios, at most ${LIMITS.apiSimulationRuns}.` }),
    seed: SeedParam,
    round: RoundParam,
    scenario: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .meta({ description: "Sample under the claims of this scenario (default: the default reading)." }),
  }),
  on: "deal",
  mode: "job",
  async run(deal, input, context) {
    const setup = simulationSetup(deal, { round: input.round, scenario: input.scenario });
    if (!setup.ok) return setup;
    const { plan, capTable, template, meta } = setup.value;
    if (context.signal.aborted) return fail("unavailable", "the job was cancelled");
    context.progress(0, input.runs);
    // Large runs go to worker threads so that the server keeps answering while they run;
    // the result does not depend on the number of workers (SPEC UNC-SIM-4).
    const summary = await runSimulationInWorkers(plan, capTable, template, {
      runs: input.runs,
      seed: input.seed,
      workers: input.runs >= SIMULATION_WORKER_THRESHOLD ? Math.max(2, os.availableParallelism()) : 1,
      onProgress: (done, total) => context.progress(done, total),
      signal: context.signal,
    });
    if (!summary.ok) return summary;
    context.progress(input.runs, input.runs);
    return ok(simulationReport(summary.value, meta) as unknown as Json);
  },
};

/** From this many scenarios a simulate job runs on worker threads. */
const SIMULATION_WORKER_THRESHOLD = 50_000;

const exit: DealComputation<{
  at?: string | undefined;
  breakpoints?: boolean | undefined;
  sweep?: string | undefined;
  steps: number;
  ipo?: string | undefined;
  runs: number;
  seed: bigint;
  date?: IsoDate | undefined;
  round?: string | undefined;
  scenario?: string | undefined;
}> = {
  name: "exit",
  summary:
    "Who receives what at an exit: the waterfall at exit values (or percentiles over an estimated one), its exact breakpoints, a sweep for charts, or an IPO. Give exactly one of at, breakpoints, sweep, ipo.",
  input: z.strictObject({
    at: z.string().min(1).max(10_000).optional().meta({
      description:
        'Exit values, comma-separated (15M,60M,1B); or one estimate ("between $1B and $3B") for payout percentiles over `runs` sampled values.',
    }),
    breakpoints: z.stringbool().optional().meta({
      description:
        "true: the exit values where the split of the next dollar changes, with the payouts there.",
    }),
    sweep: z.string().min(1).max(200).optional().meta({
      description: "Payouts at evenly spaced exit values from..to, such as 0..1B.",
    }),
    steps: z.coerce.number().int().min(2).max(LIMITS.exitSweepSteps).default(101).meta({
      description: "Number of exit values in a sweep.",
    }),
    ipo: z.string().min(1).max(200).optional().meta({
      description:
        'Each holder\'s value at an IPO: a price per share ("$120/share") or a pre-IPO valuation ("$1T").',
    }),
    runs: z.coerce.number().int().min(1).max(LIMITS.apiExitSamples).default(10_000).meta({
      description: "With an estimated `at`: the number of sampled exit values.",
    }),
    seed: SeedParam,
    date: DateParam.optional().meta({
      description:
        "The exit date (YYYY-MM-DD): dividends and interest accrue to it, vesting is measured at it.",
    }),
    round: RoundParam.meta({
      description: "The cap table just after this round (default: after every transaction and round).",
    }),
    scenario: ScenarioParam,
  }),
  on: "deal",
  mode: "sync",
  run(loaded, input) {
    const modes = (["at", "breakpoints", "sweep", "ipo"] as const).filter((m) => input[m] !== undefined);
    if (modes.length !== 1)
      return fail(
        "request_invalid",
        `give exactly one of at, breakpoints, sweep or ipo${modes.length > 1 ? `, not ${modes.join(" and ")}` : ""}`,
        ["query", modes[1] ?? "at"],
      );
    const scenario = inScenario(loaded, input.scenario);
    if (!scenario.ok) return scenario;
    const deal = scenario.value;
    if (input.round !== undefined) {
      const chosen = chooseRound(deal, input.round);
      if (!chosen.ok) return chosen;
    }
    const run = runDeal(
      deal.ledger,
      deal.rounds,
      input.round === undefined ? {} : { untilRound: roundId(input.round) },
    );
    if (!run.ok) return run;
    const model = exitModelOf(run.value.final, exitTermsOf(deal, input.date));
    if (!model.ok) return model;
    const currency = deal.ledger.company.currency;
    // The parameter a report function refused: its usage problem is the request's.
    const atQuery = (r: Result<unknown>, parameter: string) =>
      r.ok
        ? r
        : {
            ok: false as const,
            problems: r.problems.map((p) => ({
              ...p,
              code: p.code === "usage" ? ("request_invalid" as const) : p.code,
              path: ["query", parameter],
            })),
          };
    if (input.at !== undefined) {
      const estimate = exitValueEstimate(input.at, currency);
      if (estimate) {
        const report = exitSimulationReport(model.value, sampleEstimate(estimate, input.runs, input.seed));
        return report.ok ? ok(report.value as unknown as Json, run.warnings) : report;
      }
      const values = exitValuesOf(input.at, currency);
      if (!values.ok) return atQuery(values, "at") as Result<never>;
      const report = exitAtReport(model.value, values.value);
      return report.ok ? ok(report.value as unknown as Json, run.warnings) : report;
    }
    if (input.breakpoints !== undefined) {
      if (!input.breakpoints)
        return fail("request_invalid", "breakpoints is true when given", ["query", "breakpoints"]);
      return ok(exitBreakpointsReport(model.value) as unknown as Json, run.warnings);
    }
    if (input.sweep !== undefined) {
      const range = sweepRangeOf(input.sweep, currency);
      if (!range.ok) return atQuery(range, "sweep") as Result<never>;
      const report = exitSweepReport(
        model.value,
        range.value.from.toNumber(),
        range.value.to.toNumber(),
        input.steps,
      );
      return report.ok
        ? ok(report.value as unknown as Json, run.warnings)
        : (atQuery(report, "sweep") as Result<never>);
    }
    const pricing = ipoPricingOf(input.ipo!, currency);
    if (!pricing.ok) return atQuery(pricing, "ipo") as Result<never>;
    const report = exitIpoReport(model.value, pricing.value);
    return report.ok ? ok(report.value as unknown as Json, run.warnings) : report;
  },
  // No investor view: payouts at an exit show every class's preference and every holder.
};

/** The workspace in the named scenario (base by default), a wrong name at `query.scenario`. */
function workspaceIn(ws: Workspace, name: string | undefined): Result<Workspace> {
  if (name === undefined || name === "base") return ok(ws);
  const resolved = resolveWorkspace(ws, name);
  if (resolved.ok) return resolved;
  return {
    ok: false,
    problems: resolved.problems.map((p) => ({ ...p, path: p.path ?? ["query", "scenario"] })),
  };
}

const flows: WorkspaceComputation<{
  scenario?: string | undefined;
  runs?: number | undefined;
  seed: bigint;
}> = {
  name: "flows",
  summary:
    "The money between a workspace's companies and investors: investments, agreements, round-trip ratios, net cash, supplier shares; with runs, percentiles over sampled uncertain amounts.",
  input: z.strictObject({
    scenario: ScenarioParam,
    runs: z.coerce
      .number()
      .int()
      .min(1)
      .max(LIMITS.apiFlowsRuns)
      .optional()
      .meta({
        description: `Monte Carlo: sample the uncertain amounts this many times (at most ${LIMITS.apiFlowsRuns}) and report percentiles.`,
      }),
    seed: SeedParam,
  }),
  on: "workspace",
  mode: "sync",
  run(loaded, input) {
    const resolved = workspaceIn(loaded, input.scenario);
    if (!resolved.ok) return resolved;
    const ws = resolved.value;
    if (input.runs !== undefined) {
      const sim = flowsSimulation(ws, input.runs, input.seed, ws.scenario?.claims as never);
      return sim.ok ? ok(sim.value as unknown as Json) : sim;
    }
    const model = flowModelOf(ws);
    if (!model.ok) return model;
    return ok(flowsReport(ws, model.value) as unknown as Json, model.warnings);
  },
};

const exposure: WorkspaceComputation<{
  investor: string;
  valuation?: string[] | undefined;
  scenario?: string | undefined;
}> = {
  name: "exposure",
  summary:
    "An investor's exposure across a workspace's companies: ownership, invested amount, value at a valuation, revenue from agreements.",
  input: z.strictObject({
    investor: z.string().min(1).max(200).meta({ description: "The investor's party id." }),
    valuation: ListParam.optional().meta({
      description:
        "Value a company at this valuation instead of its last round's post-money: company=amount, comma-separated or repeated.",
    }),
    scenario: ScenarioParam,
  }),
  on: "workspace",
  mode: "sync",
  run(loaded, input) {
    const resolved = workspaceIn(loaded, input.scenario);
    if (!resolved.ok) return resolved;
    const ws = resolved.value;
    const valuations = exposureInputs(ws, input.investor, input.valuation ?? []);
    if (!valuations.ok) return valuations;
    const model = flowModelOf(ws, valuations.value);
    if (!model.ok) return model;
    return ok(exposureReport(ws, model.value, input.investor) as unknown as Json, model.warnings);
  },
};

/** Every computation the API exposes, by name: add new ones here. */
export const COMPUTATIONS: readonly Computation<never>[] = [
  model,
  solve,
  captable,
  validate,
  replay,
  claims,
  scenarios,
  simulate,
  exit,
  flows,
  exposure,
] as never;

export function computation(name: string): Computation | undefined {
  return (COMPUTATIONS as readonly Computation[]).find((c) => c.name === name);
}
