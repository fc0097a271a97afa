import * as z from "zod";
import { ok } from "../core/shared/problem.js";
import { compareScenarios } from "../report/scenarios-report.js";
import { ListParam, RoundParam } from "./params.js";
import { chosenRound } from "./select.js";
import type { DealUseCase } from "./use-case.js";

/** A round priced in each scenario by the exact engine, side by side. */
export type ScenariosReport = Extract<ReturnType<typeof compareScenarios>, { ok: true }>["value"];

/** The `scenarios` use case (APP-1). */
export const scenarios: DealUseCase<
  { scenario?: string[] | undefined; round?: string | undefined },
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
  }),
  on: "deal",
  mode: "sync",
  run(deal, input) {
    if (input.round !== undefined) {
      const chosen = chosenRound(deal, input.round);
      if (!chosen.ok) return chosen;
    }
    const report = compareScenarios(deal, input.scenario, input.round);
    if (report.ok) return ok(report.value, report.warnings);
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
