import * as z from "zod";
import { ok, type Problem, type Result } from "../core/shared/problem.js";
import type { Deal } from "../deal/build.js";
import type { WhatIfOutcome } from "../deal/what-if.js";
import { scenariosJson } from "../report/scenarios-report.js";
import { ListParam, RoundParam } from "./params.js";
import {
  compareScenarios,
  type ScenarioColumn,
  type ScenariosReport,
  scenarioNames,
  scenariosReportOf,
} from "./scenarios-report.js";
import { chosenRound } from "./select.js";
import type { DealUseCase } from "./use-case.js";
import { dealForInput, SetParam } from "./what-if.js";

export type { ScenarioColumn, ScenariosReport };

/**
 * The scenarios compared with what-ifs (DEAL-WHATIF-5): each scenario is priced with the
 * set figures in a what-if scenario based on it (its picks and values, its claims but those
 * the figures contradict), and keeps its own name in the comparison.
 */
function compareScenariosWithWhatIfs(
  deal: Deal,
  input: {
    readonly scenario?: readonly string[] | undefined;
    readonly round?: string | undefined;
    readonly set: readonly string[];
  },
): Result<ScenariosReport> {
  const plain = compareScenarios(deal, [], input.round);
  if (!plain.ok) return plain;
  const names = input.scenario ?? scenarioNames(deal);
  const columns: ScenarioColumn[] = [];
  const whatIfs: WhatIfOutcome[] = [];
  const warnings: Problem[] = [];
  let round = plain.value.round;
  for (const name of names) {
    const chosen = dealForInput(deal, { scenario: name, set: input.set, round: input.round });
    if (!chosen.ok) return chosen;
    const { deal: withWhatIf, whatIf } = chosen.value;
    if (!whatIf) throw new Error("compareScenariosWithWhatIfs: what-ifs always give a what-if");
    const priced = scenariosReportOf(withWhatIf, [whatIf.scenario], input.round);
    if (!priced.ok) return priced;
    round = priced.value.round;
    columns.push(...priced.value.scenarios.map((c) => ({ ...c, scenario: name })));
    whatIfs.push(whatIf);
    warnings.push(...chosen.warnings, ...priced.warnings);
  }
  return ok({ ...plain.value, round, scenarios: columns, whatIfs }, warnings);
}

export interface ScenariosInput {
  scenario?: string[] | undefined;
  round?: string | undefined;
  set?: readonly string[];
}

/** The `scenarios` use case (APP-1). */
export const scenarios: DealUseCase<ScenariosInput, ScenariosReport> = {
  name: "scenarios",
  summary:
    "Prices a round in each scenario (low, base, high and the deal's own) with the exact engine and compares them.",
  input: z.strictObject({
    scenario: ListParam.optional().meta({
      description: "The scenarios to compare, comma-separated (default: low, base, high and the deal's own).",
    }),
    round: RoundParam,
    set: SetParam,
  }),
  on: "deal",
  mode: "sync",
  run(deal, input) {
    if (input.round !== undefined) {
      const chosen = chosenRound(deal, input.round);
      if (!chosen.ok) return chosen;
    }
    const set = input.set ?? [];
    const report =
      set.length === 0
        ? compareScenarios(deal, input.scenario, input.round)
        : compareScenariosWithWhatIfs(deal, { scenario: input.scenario, round: input.round, set });
    if (report.ok) return report;
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
  json: scenariosJson,
};
