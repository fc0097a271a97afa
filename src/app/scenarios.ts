import * as z from "zod";
import { ok, type Problem, type Result } from "../core/shared/problem.js";
import type { Deal } from "../deal/build.js";
import type { WhatIfOutcome } from "../deal/what-if.js";
import {
  compareScenarios,
  type ScenarioColumn,
  scenarioNames,
  scenariosReport,
} from "../report/scenarios-report.js";
import { whatIfJson } from "../report/what-if-report.js";
import { ListParam, RoundParam } from "./params.js";
import { chosenRound } from "./select.js";
import type { DealUseCase } from "./use-case.js";
import { dealForInput, SetParam } from "./what-if.js";

/**
 * A round priced in each scenario by the exact engine, side by side; with what-ifs, each
 * scenario's what-if (the figures set, the claims of that scenario they set aside).
 */
export type ScenariosReport = Extract<ReturnType<typeof compareScenarios>, { ok: true }>["value"] & {
  readonly whatIf?: readonly ReturnType<typeof whatIfJson>[];
};

/**
 * The scenarios compared with what-ifs (DEAL-WHATIF-5): each scenario is priced with the
 * set figures in a what-if scenario based on it (its picks and values, its claims but those
 * the figures contradict), and keeps its own name in the comparison.
 */
export function compareScenariosWithWhatIfs(
  deal: Deal,
  input: {
    readonly scenario?: readonly string[] | undefined;
    readonly round?: string | undefined;
    readonly set: readonly string[];
  },
): Result<ScenariosReport & { readonly whatIfs: readonly WhatIfOutcome[] }> {
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
    const priced = scenariosReport(withWhatIf, [whatIf.scenario], input.round);
    if (!priced.ok) return priced;
    round = priced.value.round;
    columns.push(...priced.value.scenarios.map((c) => ({ ...c, scenario: name })));
    whatIfs.push(whatIf);
    warnings.push(...chosen.warnings, ...priced.warnings);
  }
  return ok(
    { ...plain.value, round, scenarios: columns, whatIf: whatIfs.map(whatIfJson), whatIfs },
    warnings,
  );
}

/** The `scenarios` use case (APP-1). */
export const scenarios: DealUseCase<
  { scenario?: string[] | undefined; round?: string | undefined; set?: readonly string[] },
  ScenariosReport
> = {
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
    if (report.ok) {
      const { whatIfs: _outcomes, ...value } = report.value as ScenariosReport & { whatIfs?: unknown };
      return ok(value, report.warnings);
    }
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
  json: (report) => report,
};
