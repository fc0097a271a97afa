import * as z from "zod";
import { Rational } from "../core/exact/rational.js";
import { applyTransaction } from "../core/ledger/apply.js";
import { openingCapTable, orderedTransactions } from "../core/ledger/replay.js";
import { solveRound } from "../core/round/solve.js";
import { runDeal } from "../core/round/timeline.js";
import { type IsoDate, parseIsoDate } from "../core/shared/date.js";
import { roundId, stakeholderId } from "../core/shared/ids.js";
import { fail, ok, type Result } from "../core/shared/problem.js";
import { type Deal, withScenario } from "../deal/build.js";
import { capTableReport } from "../report/captable-report.js";
import { amount, decimal } from "../report/format.js";
import { modelReport } from "../report/model-report.js";
import { type InvestorView, investorCapTableReport, investorModelReport } from "./access.js";

/** What a running computation may use: progress reports and a signal that it should stop. */
export interface ComputationContext {
  progress(done: number, total: number): void;
  readonly signal: AbortSignal;
}

type Json = Record<string, unknown>;

/**
 * A computation the API exposes (SPEC API-5): a name, the schema of its query parameters,
 * and a function of a built deal that returns a JSON report or typed problems. `sync`
 * computations answer in the request; `job` ones run as jobs with progress. The API
 * exposes each for stored deals and for posted deal documents; investors get
 * `forInvestor`'s view of the report, or are refused when it is absent.
 */
export interface Computation<I = unknown> {
  readonly name: string;
  readonly summary: string;
  readonly input: z.ZodType<I>;
  readonly mode: "sync" | "job";
  run(deal: Deal, input: I, context: ComputationContext): Result<Json> | Promise<Result<Json>>;
  readonly forInvestor?: (report: Json, view: InvestorView) => Json;
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

const model: Computation<{ round?: string | undefined; scenario?: string | undefined }> = {
  name: "model",
  summary: "The pro forma of a round: price, pre- and post-money, each holder before and after.",
  input: z.strictObject({ round: RoundParam, scenario: ScenarioParam }),
  mode: "sync",
  run(loaded, input) {
    const scenario = inScenario(loaded, input.scenario);
    if (!scenario.ok) return scenario;
    const deal = scenario.value;
    const chosen = chooseRound(deal, input.round);
    if (!chosen.ok) return chosen;
    const run = runDeal(deal.ledger, deal.rounds, { untilRound: roundId(chosen.value.id) });
    if (!run.ok) return run;
    const outcome = run.value.rounds[run.value.rounds.length - 1]!;
    return ok(modelReport(deal, outcome, run.warnings) as unknown as Json, run.warnings);
  },
  forInvestor: investorModelReport,
};

const solve: Computation<{
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
  mode: "sync",
  run(loaded, input) {
    const scenario = inScenario(loaded, input.scenario);
    if (!scenario.ok) return scenario;
    const deal = scenario.value;
    const chosen = chooseRound(deal, input.round);
    if (!chosen.ok) return chosen;
    const before = runDeal(deal.ledger, deal.rounds, { beforeRound: roundId(chosen.value.id) });
    if (!before.ok) return before;
    const solved = solveRound(before.value.final, chosen.value, {
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

const captable: Computation<{ asOf?: IsoDate | undefined; scenario?: string | undefined }> = {
  name: "captable",
  summary: "The cap table at a date: outstanding, as-converted and fully diluted, per holder and per class.",
  input: z.strictObject({
    asOf: DateParam.optional().meta({
      description: "YYYY-MM-DD; after every transaction and round by default.",
    }),
    scenario: ScenarioParam,
  }),
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

const validate: Computation<Record<string, never>> = {
  name: "validate",
  summary: "Checks the deal: its form, its references, and that its ledger and rounds apply.",
  input: z.strictObject({}),
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
const replay: Computation<{ stepDelayMs: number }> = {
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

/** Every computation the API exposes, by name: add new ones here. */
export const COMPUTATIONS: readonly Computation<never>[] = [
  model,
  solve,
  captable,
  validate,
  replay,
] as never;

export function computation(name: string): Computation | undefined {
  return (COMPUTATIONS as readonly Computation[]).find((c) => c.name === name);
}
