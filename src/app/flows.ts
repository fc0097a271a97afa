import * as z from "zod";
import { LIMITS } from "../core/shared/limits.js";
import { ok } from "../core/shared/problem.js";
import { flowsJson } from "../report/flows-report.js";
import { type FlowsReport, flowsSimulation, workspaceFlowsOf } from "./flows-report.js";
import { ScenarioParam, SeedParam } from "./params.js";
import type { WorkspaceUseCase } from "./use-case.js";
import { SetParam, workspaceForInput } from "./what-if.js";

export type { FlowsReport };

/** The `flows` use case (APP-1). */
export const flows: WorkspaceUseCase<
  {
    scenario?: string | undefined;
    runs?: number | undefined;
    seed: bigint;
    set?: readonly string[];
  },
  FlowsReport
> = {
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
    set: SetParam,
  }),
  on: "workspace",
  mode: "sync",
  run(loaded, input) {
    const resolved = workspaceForInput(loaded, input);
    if (!resolved.ok) return resolved;
    const { workspace: ws, whatIf } = resolved.value;
    const withWhatIf = <T extends object>(report: T) => (whatIf ? { ...report, whatIf } : report);
    if (input.runs !== undefined) {
      const sim = flowsSimulation(ws, input.runs, input.seed, ws.scenario?.claims);
      return sim.ok ? ok(withWhatIf(sim.value)) : sim;
    }
    const report = workspaceFlowsOf(ws);
    if (!report.ok) return report;
    return ok(withWhatIf(report.value), [...(whatIf ? resolved.warnings : []), ...report.warnings]);
  },
  json: flowsJson,
};
