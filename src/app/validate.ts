import * as z from "zod";
import { runDeal } from "../core/round/timeline.js";
import { ok, type Problem, type Result } from "../core/shared/problem.js";
import type { Deal } from "../deal/build.js";
import type { Workspace } from "../deal/workspace.js";
import { flowModelOf } from "./flows-report.js";
import type { DealUseCase } from "./use-case.js";

/** A deal that loads and whose ledger and rounds apply: what it holds, and the warnings. */
export interface DealValidation {
  readonly kind: "deal";
  readonly stakeholders: number;
  readonly classes: number;
  readonly transactions: number;
  readonly rounds: number;
  readonly warnings: readonly Problem[];
}

/** A workspace whose companies' deals apply and whose flows build. */
export interface WorkspaceValidation {
  readonly kind: "workspace";
  readonly companies: number;
  readonly parties: number;
  readonly agreements: number;
  readonly stakes: number;
  readonly rounds: number;
  readonly warnings: readonly Problem[];
}

/** Checks a deal: its ledger and rounds apply (its form and references were checked on load). */
export function validateDeal(deal: Deal): Result<DealValidation> {
  const run = runDeal(deal.ledger, deal.rounds);
  if (!run.ok) return run;
  const { ledger, rounds } = deal;
  return ok(
    {
      kind: "deal",
      stakeholders: ledger.stakeholders.length,
      classes: ledger.classes.length,
      transactions: ledger.transactions.length,
      rounds: rounds.length,
      warnings: run.warnings,
    },
    run.warnings,
  );
}

/** Checks a workspace: every company's deal applies and the capital-flow model builds. */
export function validateWorkspace(ws: Workspace): Result<WorkspaceValidation> {
  const model = flowModelOf(ws);
  if (!model.ok) return model;
  return ok(
    {
      kind: "workspace",
      companies: ws.companies.length,
      parties: ws.parties.length,
      agreements: ws.agreements.length,
      stakes: ws.stakes.length,
      rounds: model.value.rounds.length,
      warnings: model.warnings,
    },
    model.warnings,
  );
}

/** The API's JSON of a valid deal (SPEC APP-3). */
export function validationJson(report: DealValidation) {
  return {
    valid: true,
    stakeholders: report.stakeholders,
    classes: report.classes,
    transactions: report.transactions,
    rounds: report.rounds,
    warnings: report.warnings.map((w) => ({ code: w.code, message: w.message })),
  };
}

/** The `validate` use case (APP-1). */
export const validate: DealUseCase<Record<string, never>, DealValidation> = {
  name: "validate",
  summary: "Checks the deal: its form, its references, and that its ledger and rounds apply.",
  input: z.strictObject({}),
  mode: "sync",
  on: "deal",
  run: validateDeal,
  json: validationJson,
};
