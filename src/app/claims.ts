import * as z from "zod";
import { message } from "../core/shared/messages.js";
import { failSaying, ok } from "../core/shared/problem.js";
import { claimsJson, unknownClaims } from "../report/claims-report.js";
import { type ClaimsReport, claimsReportOf } from "./claims-report.js";
import { ListParam } from "./params.js";
import type { DealUseCase } from "./use-case.js";

export type {
  ClaimsReport,
  ConflictExplanation,
  GapExplanation,
  RangeFigure,
  Reading,
} from "./claims-report.js";

/** The `claims` use case (APP-1). */
export const claims: DealUseCase<{ claims?: string[] | undefined }, ClaimsReport> = {
  name: "claims",
  summary:
    "The deal's sources and claims by date, the conflicts among them, and each consistent reading's feasible ranges (reconciliation).",
  input: z.strictObject({
    claims: ListParam.optional().meta({
      description: "A claim set of your own, comma-separated: its feasible ranges are reported first.",
    }),
  }),
  on: "deal",
  mode: "sync",
  run(deal, input) {
    const unknown = unknownClaims(deal, input.claims ?? []);
    if (unknown.length > 0)
      return failSaying(
        "usage",
        message("unknown_claims", {
          unknown,
          claims: deal.uncertainty?.claimSet.claims.map((c) => c.id as string) ?? [],
        }),
        ["claims"],
      );
    return ok(claimsReportOf(deal, input.claims));
  },
  // No investor view: the claims are the reports about the round, the owner's to share.
  json: (report) => claimsJson(report),
};
