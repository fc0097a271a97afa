import * as z from "zod";
import type { Money } from "../core/exact/money.js";
import type { Rational } from "../core/exact/rational.js";
import { solveRound } from "../core/round/solve.js";
import { runDeal } from "../core/round/timeline.js";
import { roundId, stakeholderId } from "../core/shared/ids.js";
import { ok, type Result } from "../core/shared/problem.js";
import type { Deal } from "../deal/build.js";
import { solveJson } from "../report/model-report.js";
import { type ModelReport, modelReportOf } from "./model.js";
import { namer } from "./names.js";
import { FractionParam, RoundParam, ScenarioParam } from "./params.js";
import { chosenRound } from "./select.js";
import type { DealUseCase, Ref } from "./use-case.js";
import { dealForInput, SetParam } from "./what-if.js";

/** A round solved for the valuation or an amount that gives an investor a target ownership. */
export interface SolveReport {
  readonly solution: {
    readonly investor: Ref;
    readonly targetFraction: Rational;
    /** The fraction reached in whole shares at the rounded price. */
    readonly achievedFraction: Rational;
    readonly unknown: "valuation" | "amount";
    readonly exactPricePerShare: Money;
    /** The exact amount solved for (when the unknown is the amount). */
    readonly amount: Money | undefined;
  };
  /** The round priced with the solution. */
  readonly model: ModelReport;
}

export interface SolveInput {
  readonly round?: string | undefined;
  readonly scenario?: string | undefined;
  readonly investor: string;
  readonly fraction: Rational;
  readonly for: "valuation" | "amount";
  /** What-ifs (DEAL-WHATIF-1): the round is solved in a scenario of their own. */
  readonly set?: readonly string[];
}

/** Prices every earlier round, then solves the chosen one on the cap table just before it. */
export function solveOf(loaded: Deal, input: SolveInput): Result<SolveReport> {
  const chosen = dealForInput(loaded, input);
  if (!chosen.ok) return chosen;
  const { deal, whatIf } = chosen.value;
  const round = chosenRound(deal, input.round, "to solve");
  if (!round.ok) return round;
  const before = runDeal(deal.ledger, deal.rounds, { beforeRound: roundId(round.value.id) });
  if (!before.ok) return before;
  const solved = solveRound(before.value.final, round.value, {
    investor: stakeholderId(input.investor),
    fraction: input.fraction,
    unknown: input.for,
  });
  if (!solved.ok) return solved;
  const s = solved.value;
  return ok(
    {
      solution: {
        investor: namer(s.outcome.after).holder(input.investor),
        targetFraction: input.fraction,
        achievedFraction: s.achievedFraction,
        unknown: s.request.unknown,
        exactPricePerShare: s.exactPricePerShare,
        amount: s.exactAmount,
      },
      model: whatIf
        ? { ...modelReportOf(deal, s.outcome, solved.warnings), whatIf }
        : modelReportOf(deal, s.outcome, solved.warnings),
    },
    [...chosen.warnings, ...solved.warnings],
  );
}

/** The `solve` use case (APP-1). */
export const solve: DealUseCase<SolveInput, SolveReport> = {
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
    set: SetParam,
  }),
  mode: "sync",
  on: "deal",
  run: solveOf,
  json: solveJson,
};
