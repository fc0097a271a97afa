import * as z from "zod";
import type { Problem, Result } from "../core/shared/problem.js";
import { ok } from "../core/shared/problem.js";
import type { Deal } from "../deal/build.js";
import { applyWhatIfs, parseWhatIfSetting, type WhatIfOutcome, type WhatIfSetting } from "../deal/what-if.js";
import type { Workspace } from "../deal/workspace.js";
import { applyWorkspaceWhatIfs } from "../deal/workspace-what-if.js";
import { dealInScenario, workspaceInScenario } from "./select.js";

/**
 * What-ifs as an input field (SPEC DEAL-WHATIF-1): `--set NAME=VALUE`, repeatable, or the
 * API's `set=` repeated. A value may hold commas ($1,000,000), so a list is never split.
 */
export const SetParam = z
  .union([z.string().max(1_000), z.array(z.string().max(1_000)).max(100)])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
  .meta({
    description:
      "What-ifs, NAME=VALUE, repeatable: amazon=$50B, pre-money=$830B, round-size=$60B, microsoft-stake=27%, or full quantity ids.",
  });

/**
 * The deal a use case computes on (DEAL-4, DEAL-WHATIF-3): in the named scenario, or, with
 * what-ifs, in a scenario of their own based on it. A problem with the what-ifs is the
 * `set` field's.
 */
export function dealForInput(
  deal: Deal,
  input: {
    readonly scenario?: string | undefined;
    readonly set?: readonly string[];
    readonly round?: string | undefined;
  },
): Result<{ readonly deal: Deal; readonly whatIf: WhatIfOutcome | undefined }> {
  const texts = input.set ?? [];
  if (texts.length === 0) {
    const scenario = dealInScenario(deal, input.scenario);
    return scenario.ok ? ok({ deal: scenario.value, whatIf: undefined }, scenario.warnings) : scenario;
  }
  const settings = parseSettings(texts);
  if (!settings.ok) return settings;
  const applied = applyWhatIfs(deal, settings.value, {
    ...(input.scenario === undefined ? {} : { scenario: input.scenario }),
    ...(input.round === undefined ? {} : { round: input.round }),
  });
  if (!applied.ok) return { ok: false, problems: applied.problems.map(asSetProblem) };
  return ok({ deal: applied.value.deal, whatIf: applied.value.whatIf }, applied.warnings);
}

/**
 * The workspace a use case computes on (DEAL-WHATIF-5): in the named scenario, or, with
 * what-ifs (`COMPANY.NAME=VALUE`), in a scenario of their own based on it. A problem with
 * the what-ifs is the `set` field's.
 */
export function workspaceForInput(
  ws: Workspace,
  input: { readonly scenario?: string | undefined; readonly set?: readonly string[] },
): Result<{ readonly workspace: Workspace; readonly whatIf: WhatIfOutcome | undefined }> {
  const texts = input.set ?? [];
  if (texts.length === 0) {
    const scenario = workspaceInScenario(ws, input.scenario);
    return scenario.ok ? ok({ workspace: scenario.value, whatIf: undefined }, scenario.warnings) : scenario;
  }
  const settings = parseSettings(texts);
  if (!settings.ok) return settings;
  const applied = applyWorkspaceWhatIfs(ws, settings.value, { scenario: input.scenario });
  if (!applied.ok) return { ok: false, problems: applied.problems.map(asSetProblem) };
  return applied;
}

/** The what-ifs' texts parsed; a text that does not parse is a problem of the `set` field. */
function parseSettings(texts: readonly string[]): Result<WhatIfSetting[]> {
  const settings: WhatIfSetting[] = [];
  const problems: Problem[] = [];
  for (const text of texts) {
    const parsed = parseWhatIfSetting(text);
    if (parsed.ok) settings.push(parsed.value);
    else problems.push(...parsed.problems.map((p) => ({ ...p, path: ["set"] })));
  }
  return problems.length > 0 ? { ok: false, problems } : ok(settings);
}

/** A what-if that names nothing known, or cannot apply, is the `set` field's problem. */
function asSetProblem(p: Problem): Problem {
  return p.code === "what_if_unknown_name" || p.code === "what_if_invalid" ? { ...p, path: ["set"] } : p;
}
