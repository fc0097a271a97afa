import type { IsoDate } from "../core/shared/date.js";
import { message } from "../core/shared/messages.js";
import { failSaying, ok, type Result } from "../core/shared/problem.js";
import { type Deal, withScenario } from "../deal/build.js";
import { resolveWorkspace, type Workspace } from "../deal/workspace.js";

/**
 * The deal with its amounts in the named scenario (SPEC DEAL-4); the base scenario is the
 * deal as loaded. A wrong name is the `scenario` input's fault.
 */
export function dealInScenario(deal: Deal, scenario: string | undefined): Result<Deal> {
  if (scenario === undefined || scenario === "base") return ok(deal);
  const resolved = withScenario(deal, scenario);
  if (resolved.ok) return resolved;
  return { ok: false, problems: resolved.problems.map((p) => ({ ...p, path: p.path ?? ["scenario"] })) };
}

/** The workspace in the named scenario (base by default), a wrong name at `scenario`. */
export function workspaceInScenario(ws: Workspace, scenario: string | undefined): Result<Workspace> {
  if (scenario === undefined || scenario === "base") return ok(ws);
  const resolved = resolveWorkspace(ws, scenario);
  if (resolved.ok) return resolved;
  return { ok: false, problems: resolved.problems.map((p) => ({ ...p, path: p.path ?? ["scenario"] })) };
}

/** The deal's last dated event: a cap table without a date is as of it (never the clock, OUT-3). */
export function lastEventDate(deal: Deal): IsoDate {
  const dates = [
    ...deal.ledger.transactions.map((t) => t.date),
    ...deal.rounds.flatMap((r) => [r.date, ...r.closings.map((c) => c.date)]),
  ];
  return dates.reduce(
    (a, b) => (a > b ? a : b),
    deal.ledger.company.formationDate ?? ("1970-01-01" as IsoDate),
  );
}

/** The named round of the deal, or its last one; `what` says what the round is for ("to model"). */
export function chosenRound(deal: Deal, round: string | undefined, what?: "to model" | "to solve") {
  if (deal.rounds.length === 0)
    return failSaying("round_invalid", message("no_rounds", what ? { purpose: what } : {}));
  const chosen =
    round === undefined ? deal.rounds[deal.rounds.length - 1] : deal.rounds.find((r) => r.id === round);
  if (!chosen)
    return failSaying(
      "usage",
      message("no_such_round", { round: round ?? "", rounds: deal.rounds.map((r) => r.id) }),
      ["round"],
    );
  return ok(chosen);
}
