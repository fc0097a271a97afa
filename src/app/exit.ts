import * as z from "zod";
import { runDeal } from "../core/round/timeline.js";
import type { IsoDate } from "../core/shared/date.js";
import { roundId } from "../core/shared/ids.js";
import { LIMITS } from "../core/shared/limits.js";
import { fail, ok, type Result } from "../core/shared/problem.js";
import { sampleEstimate } from "../core/uncertainty/estimate-sampling.js";
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
import { DateParam, RoundParam, ScenarioParam, SeedParam } from "./params.js";
import { chosenRound, dealInScenario } from "./select.js";
import type { DealUseCase } from "./use-case.js";

type Value<F extends (...args: never[]) => unknown> =
  Extract<ReturnType<F>, { ok: true }> extends { value: infer V } ? V : ReturnType<F>;

/** Who receives what at an exit: a waterfall, percentiles over an estimate, breakpoints, a sweep or an IPO. */
export type ExitReport =
  | Value<typeof exitAtReport>
  | Value<typeof exitSimulationReport>
  | ReturnType<typeof exitBreakpointsReport>
  | Value<typeof exitSweepReport>
  | Value<typeof exitIpoReport>;

/** The `exit` use case (APP-1): give exactly one of at, breakpoints, sweep, ipo. */
export const exit: DealUseCase<
  {
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
  },
  ExitReport
> = {
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
        "usage",
        `give exactly one of at, breakpoints, sweep or ipo${modes.length > 1 ? `, not ${modes.join(" and ")}` : ""}`,
        [modes[1] ?? "at"],
      );
    const scenario = dealInScenario(loaded, input.scenario);
    if (!scenario.ok) return scenario;
    const deal = scenario.value;
    if (input.round !== undefined) {
      const chosen = chosenRound(deal, input.round);
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
              code: p.code === "usage" ? ("usage" as const) : p.code,
              path: [parameter],
            })),
          };
    if (input.at !== undefined) {
      const estimate = exitValueEstimate(input.at, currency);
      if (estimate) {
        const report = exitSimulationReport(model.value, sampleEstimate(estimate, input.runs, input.seed));
        return report.ok ? ok(report.value, run.warnings) : report;
      }
      const values = exitValuesOf(input.at, currency);
      if (!values.ok) return atQuery(values, "at") as Result<never>;
      const report = exitAtReport(model.value, values.value);
      return report.ok ? ok(report.value, run.warnings) : report;
    }
    if (input.breakpoints !== undefined) {
      if (!input.breakpoints) return fail("usage", "breakpoints is true when given", ["breakpoints"]);
      return ok(exitBreakpointsReport(model.value), run.warnings);
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
      return report.ok ? ok(report.value, run.warnings) : (atQuery(report, "sweep") as Result<never>);
    }
    const pricing = ipoPricingOf(input.ipo!, currency);
    if (!pricing.ok) return atQuery(pricing, "ipo") as Result<never>;
    const report = exitIpoReport(model.value, pricing.value);
    return report.ok ? ok(report.value, run.warnings) : report;
  },
  // No investor view: payouts at an exit show every class's preference and every holder.
  json: (report) => report,
};
