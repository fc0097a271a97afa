import * as z from "zod";
import { ok } from "../core/shared/problem.js";
import { exposureJson } from "../report/flows-report.js";
import { type ExposureReport, exposureInputs, exposureReportOf, flowModelOf } from "./flows-report.js";
import { ListParam, ScenarioParam } from "./params.js";
import type { WorkspaceUseCase } from "./use-case.js";
import { SetParam, workspaceForInput } from "./what-if.js";

export type { ExposureReport };

/** The `exposure` use case (APP-1). */
export const exposure: WorkspaceUseCase<
  {
    investor: string;
    valuation?: string[] | undefined;
    scenario?: string | undefined;
    set?: readonly string[];
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
    set: SetParam,
  }),
  on: "workspace",
  mode: "sync",
  run(loaded, input) {
    const resolved = workspaceForInput(loaded, input);
    if (!resolved.ok) return resolved;
    const { workspace: ws, whatIf } = resolved.value;
    const valuations = exposureInputs(ws, input.investor, input.valuation ?? []);
    if (!valuations.ok) return valuations;
    const model = flowModelOf(ws, valuations.value);
    if (!model.ok) return model;
    const report = exposureReportOf(ws, model.value, input.investor);
    return ok(whatIf ? { ...report, whatIf } : report, [
      ...(whatIf ? resolved.warnings : []),
      ...model.warnings,
    ]);
  },
  json: exposureJson,
};
