import * as z from "zod";
import { parseAmount } from "../core/exact/amount-parse.js";
import type { Currency } from "../core/exact/money.js";
import type { Rational } from "../core/exact/rational.js";
import type { ExitModel } from "../core/exit/model.js";
import type { CapTable } from "../core/ledger/cap-table.js";
import { runDeal } from "../core/round/timeline.js";
import type { IsoDate } from "../core/shared/date.js";
import { roundId } from "../core/shared/ids.js";
import { LIMITS } from "../core/shared/limits.js";
import { fail, ok, type Result } from "../core/shared/problem.js";
import { sampleEstimate } from "../core/uncertainty/estimate-sampling.js";
import type { Deal } from "../deal/build.js";
import type { WhatIfOutcome } from "../deal/what-if.js";
import {
  exitJson,
  exitModelOf,
  exitTermsOf,
  exitValueEstimate,
  exitValuesOf,
  ipoPricingOf,
  sweepRangeOf,
} from "../report/exit-report.js";
import {
  type ExitReport,
  exitBreakpointsOf,
  exitIpoOf,
  exitPercentilesOf,
  exitSweepOf,
  exitWaterfallOf,
  type HolderInvested,
  investedOf,
} from "./exit-report.js";
import { DateParam, RoundParam, ScenarioParam, SeedParam } from "./params.js";
import { chosenRound } from "./select.js";
import type { DealUseCase } from "./use-case.js";
import { dealForInput, SetParam } from "./what-if.js";

export type {
  ExitBreakpointsReport,
  ExitIpoReport,
  ExitPercentilesReport,
  ExitReport,
  ExitStatementReport,
  ExitSweepReport,
  ExitWaterfallReport,
} from "./exit-report.js";

/**
 * The `exit` use case (APP-1): give exactly one of at, breakpoints, sweep, ipo; or
 * `statement` (with exact `at` values or none) for the exit statement the PDF and XLSX
 * show (REP-6): the waterfalls, the breakpoints and what each holder invested.
 */
export const exit: DealUseCase<
  {
    at?: string | undefined;
    breakpoints?: boolean | undefined;
    statement?: boolean | undefined;
    sweep?: string | undefined;
    steps: number;
    ipo?: string | undefined;
    ipoProceeds?: string | undefined;
    runs: number;
    seed: bigint;
    date?: IsoDate | undefined;
    round?: string | undefined;
    scenario?: string | undefined;
    set?: readonly string[];
  },
  ExitReport
> = {
  name: "exit",
  summary:
    "Who receives what at an exit: the waterfall at exit values (or percentiles over an estimated one), its exact breakpoints, a sweep for charts, or an IPO. Give exactly one of at, breakpoints, sweep, ipo; or statement=true (with exact at values, or none) for the exit statement: the waterfalls, the breakpoints and what each holder invested.",
  input: z.strictObject({
    at: z.string().min(1).max(10_000).optional().meta({
      description:
        'Exit values separated by ";" (15M;60M;1B; a comma only groups thousands, EXIT-LIST-1); or one estimate ("between $1B and $3B") for payout percentiles over `runs` sampled values.',
    }),
    breakpoints: z.stringbool().optional().meta({
      description:
        "true: the exit values where the split of the next dollar changes, with the payouts there.",
    }),
    statement: z.stringbool().optional().meta({
      description:
        "true: the exit statement (what the PDF and XLSX reports show): the waterfall at the exact `at` values (none when absent), the breakpoints, and what each holder invested.",
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
    ipoProceeds: z.string().min(1).max(200).optional().meta({
      description:
        "With ipo: the offering's gross proceeds ($80M), which a class's qualifiedIpoMinProceeds is measured against (IPO-Q-4).",
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
    set: SetParam,
  }),
  on: "deal",
  mode: "sync",
  run(loaded, input) {
    const modes = (["at", "breakpoints", "sweep", "ipo"] as const).filter((m) => input[m] !== undefined);
    if (input.statement === false) return fail("usage", "statement is true when given", ["statement"]);
    const statement = input.statement === true;
    if (statement) {
      const other = modes.find((m) => m !== "at");
      if (other !== undefined)
        return fail(
          "usage",
          `the exit statement is the waterfall at exact at values with the breakpoints: ${other} is not part of it`,
          [other],
        );
    } else if (modes.length !== 1)
      return fail(
        "usage",
        `give exactly one of at, breakpoints, sweep or ipo${modes.length > 1 ? `, not ${modes.join(" and ")}` : ""}`,
        [modes[1] ?? "at"],
      );
    if (input.breakpoints === false) return fail("usage", "breakpoints is true when given", ["breakpoints"]);
    if (input.ipoProceeds !== undefined && input.ipo === undefined)
      return fail("usage", "ipoProceeds is the gross proceeds of an IPO: give it with ipo", ["ipoProceeds"]);
    const basis = exitBasisOf(loaded, input);
    if (!basis.ok) return basis;
    const { model, classNames, whatIf } = basis.value;
    const currency = basis.value.company.currency;
    // A parameter the readers refused: the problem is the request's, at that parameter.
    const atInput = <T>(r: Result<T>, parameter: string): Result<T> =>
      r.ok ? r : { ok: false, problems: r.problems.map((p) => ({ ...p, path: [parameter] })) };
    const done = (r: Result<ExitReport>): Result<ExitReport> =>
      r.ok ? ok(whatIf ? { ...r.value, whatIf } : r.value, basis.warnings) : r;
    if (input.at !== undefined || statement) {
      const at = input.at ?? "";
      const estimate = input.at === undefined ? undefined : exitValueEstimate(input.at, currency);
      if (estimate) {
        if (statement)
          return fail(
            "usage",
            "the exit statement takes exact exit values in at (such as 500M;1B;5B), not an estimate",
            ["at"],
          );
        return done(
          exitPercentilesOf(model, sampleEstimate(estimate, input.runs, input.seed), {
            estimate: at,
            seed: input.seed,
          }),
        );
      }
      const values = input.at === undefined ? ok([]) : atInput(exitValuesOf(at, currency), "at");
      if (!values.ok) return values;
      const waterfall = exitWaterfallOf(model, values.value);
      if (!waterfall.ok || !statement) return done(waterfall);
      return done(
        ok({
          kind: "statement",
          company: basis.value.company,
          exitDate: waterfall.value.exitDate,
          scenario: basis.value.scenario,
          waterfall: waterfall.value,
          breakpoints: exitBreakpointsOf(model, classNames),
          invested: basis.value.invested,
        }),
      );
    }
    if (input.breakpoints) return done(ok(exitBreakpointsOf(model, classNames)));
    if (input.sweep !== undefined) {
      const range = atInput(sweepRangeOf(input.sweep, currency), "sweep");
      if (!range.ok) return range;
      return done(
        atInput(
          exitSweepOf(model, range.value.from.toNumber(), range.value.to.toNumber(), input.steps),
          "sweep",
        ),
      );
    }
    const pricing = atInput(ipoPricingOf(input.ipo!, currency), "ipo");
    if (!pricing.ok) return pricing;
    let grossProceeds: Rational | undefined;
    if (input.ipoProceeds !== undefined) {
      const parsed = parseAmount(input.ipoProceeds, { defaultCurrency: currency });
      if (!parsed.ok) return fail("usage", `ipoProceeds: ${parsed.error}`, ["ipoProceeds"]);
      if (parsed.value.currency !== currency)
        return fail(
          "usage",
          `ipoProceeds: the proceeds are in ${parsed.value.currency}, the company's amounts in ${currency}`,
          ["ipoProceeds"],
        );
      grossProceeds = parsed.value.amount;
    }
    const ipo = exitIpoOf(
      model,
      grossProceeds === undefined ? pricing.value : { ...pricing.value, grossProceeds },
    );
    // A problem with the proceeds is the request's, at its parameter.
    return done(
      ipo.ok
        ? ipo
        : {
            ok: false,
            problems: ipo.problems.map((p) =>
              p.path?.[0] === "ipo" && p.path[1] === "proceeds" ? { ...p, path: ["ipoProceeds"] } : p,
            ),
          },
    );
  },
  // No investor view here: the API's investor view filters this JSON (src/server/access.ts).
  json: exitJson,
};

/**
 * What every exit report of a deal is computed from (the `exit` use case's first steps,
 * also the web's exit view's): the exit model of the cap table after every round (or just
 * after `round`), in the chosen scenario or with what-ifs, at the exit date; the classes'
 * display names; and what each holder invested (REP-6), with the company and the scenario
 * the reports name.
 */
export interface ExitBasis {
  readonly model: ExitModel;
  readonly classNames: ReadonlyMap<string, string>;
  readonly invested: readonly HolderInvested[];
  readonly company: { readonly name: string; readonly currency: Currency };
  /** The scenario whose round amounts the cap table comes from, when some were estimates. */
  readonly scenario: string | null;
  readonly whatIf: WhatIfOutcome | undefined;
}

/** The exit model of a deal and what its reports name (see `ExitBasis`); its warnings are the scenario's and the rounds'. */
export function exitBasisOf(
  loaded: Deal,
  input: {
    readonly date?: IsoDate | undefined;
    readonly round?: string | undefined;
    readonly scenario?: string | undefined;
    readonly set?: readonly string[];
  },
): Result<ExitBasis> {
  // DEAL-WHATIF-1: with what-ifs, the exit of the deal in a scenario of their own.
  const chosen = dealForInput(loaded, input);
  if (!chosen.ok) return chosen;
  const { deal, whatIf } = chosen.value;
  const run = tableOf(deal, input.round);
  if (!run.ok) return run;
  const table = run.value;
  const model = exitModelOf(table, exitTermsOf(deal, input.date));
  if (!model.ok) return model;
  const currency = deal.ledger.company.currency;
  return ok(
    {
      model: model.value,
      classNames: new Map([...table.classes.values()].map((c) => [c.id as string, c.name])),
      invested: investedOf(table),
      company: { name: deal.ledger.company.name, currency },
      scenario: deal.scenario?.name ?? null,
      whatIf,
    },
    [...chosen.warnings, ...run.warnings],
  );
}

/** The cap table after every round of a chosen deal, or just after `round`. */
function tableOf(deal: Deal, round: string | undefined): Result<CapTable> {
  if (round !== undefined) {
    const chosen = chosenRound(deal, round);
    if (!chosen.ok) return chosen;
  }
  const run = runDeal(deal.ledger, deal.rounds, round === undefined ? {} : { untilRound: roundId(round) });
  return run.ok ? ok(run.value.final, run.warnings) : run;
}

/**
 * What each holder of a deal invested (REP-6, `investedOf`): what the exit statement's
 * multiples on invested capital divide by, counted on the same cap table as `exitBasisOf`
 * (after every round, or just after `round`, in the chosen scenario or with what-ifs),
 * without the exit model, so that an investor's own document, which may hold no exit terms
 * of the other holders, gives it too (the web's investor view, WEB-23).
 */
export function investedInDeal(
  loaded: Deal,
  input: {
    readonly round?: string | undefined;
    readonly scenario?: string | undefined;
    readonly set?: readonly string[];
  } = {},
): Result<{ readonly currency: Currency; readonly invested: readonly HolderInvested[] }> {
  const chosen = dealForInput(loaded, input);
  if (!chosen.ok) return chosen;
  const table = tableOf(chosen.value.deal, input.round);
  if (!table.ok) return table;
  return ok({ currency: table.value.company.currency, invested: investedOf(table.value) }, [
    ...chosen.warnings,
    ...table.warnings,
  ]);
}
