import * as z from "zod";
import { ok } from "../core/shared/problem.js";
import { exposureInputs, exposureReport, flowModelOf } from "../report/flows-report.js";
import { ListParam, ScenarioParam } from "./params.js";
import { workspaceInScenario } from "./select.js";
import type { WorkspaceUseCase } from "./use-case.js";

/** An investor's exposure across a workspace's companies. */
export type ExposureReport = ReturnType<typeof exposureReport>;

/** The `exposure` use case (APP-1). */
export const exposure: WorkspaceUseCase<
  {
    investor: string;
    valuation?: string[] | undefined;
    scenario?: string | undefined;
  },
  ExposureReport
> = {
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
    const resolved = workspaceInScenario(loaded, input.scenario);
    if (!resolved.ok) return resolved;
    const ws = resolved.value;
    const valuations = exposureInputs(ws, input.investor, input.valuation ?? []);
    if (!valuations.ok) return valuations;
    const model = flowModelOf(ws, valuations.value);
    if (!model.ok) return model;
    return ok(exposureReport(ws, model.value, input.investor), model.warnings);
  },
  json: (report) => report,
};
