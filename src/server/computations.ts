import type * as z from "zod";
import { captable, replay } from "../app/captable.js";
import { claims } from "../app/claims.js";
import { exit } from "../app/exit.js";
import { exposure } from "../app/exposure.js";
import { flows } from "../app/flows.js";
import { model } from "../app/model.js";
import { scenarios } from "../app/scenarios.js";
import { simulate } from "../app/simulate.js";
import { solve } from "../app/solve.js";
import type { UseCase } from "../app/use-case.js";
import { validate } from "../app/validate.js";
import { ok, type Problem, type Result } from "../core/shared/problem.js";
import type { Deal } from "../deal/build.js";
import type { Workspace } from "../deal/workspace.js";
import {
  type InvestorView,
  investorCapTableReport,
  investorExitReport,
  investorModelReport,
  investorScenariosReport,
} from "./access.js";

/** What a running computation may use: progress reports and a signal that it should stop. */
export interface ComputationContext {
  progress(done: number, total: number): void;
  readonly signal: AbortSignal;
}

type Json = Record<string, unknown>;

interface ComputationShape<I> {
  readonly name: string;
  readonly summary: string;
  readonly input: z.ZodType<I>;
  readonly mode: "sync" | "job";
  readonly forInvestor?: (report: Json, view: InvestorView) => Json;
}

/**
 * A computation the API exposes (SPEC API-5): a name, the schema of its query parameters,
 * and a function of a built deal (or, `on: "workspace"`, of a loaded workspace) that
 * returns a JSON report or typed problems. `sync` computations answer in the request;
 * `job` ones run as jobs with progress. The API exposes each for stored documents and for
 * posted ones; investors get `forInvestor`'s view of the report, or are refused when it is
 * absent. A `usage` problem names a query parameter by its path (SPEC API-2).
 */
export interface DealComputation<I = unknown> extends ComputationShape<I> {
  readonly on: "deal";
  run(deal: Deal, input: I, context: ComputationContext): Result<Json> | Promise<Result<Json>>;
}

export interface WorkspaceComputation<I = unknown> extends ComputationShape<I> {
  readonly on: "workspace";
  run(ws: Workspace, input: I, context: ComputationContext): Result<Json> | Promise<Result<Json>>;
}

export type Computation<I = unknown> = DealComputation<I> | WorkspaceComputation<I>;

/** Runs a computation on what it takes: a deal, or a workspace. */
export function runComputation(
  computation: Computation,
  subject: Deal | Workspace,
  input: unknown,
  context: ComputationContext,
) {
  return computation.on === "deal"
    ? computation.run(subject as Deal, input, context)
    : computation.run(subject as Workspace, input, context);
}

/**
 * The problems of a computation as a request's: a `usage` problem (a parameter the report
 * functions, shared with the CLI, refuse) is `request_invalid` at `query.<parameter>`.
 */
export function requestProblems(problems: readonly Problem[]): Problem[] {
  return problems.map((p) =>
    p.code === "usage"
      ? {
          ...p,
          code: "request_invalid",
          // A path the computation already placed under the query is kept as it is.
          ...(p.path ? { path: p.path[0] === "query" ? p.path : ["query", ...p.path] } : {}),
        }
      : p,
  );
}

/** An investor sees the transaction count, its own holdings, and the totals when they are shared. */
function investorReplayReport(report: Json, view: InvestorView): Json {
  return {
    transactions: report.transactions,
    holders: (report.holders as Json[]).filter((h) => view.stakeholders.has(String(h.id))),
    ...(view.shared.has("totals") ? { totals: report.totals } : {}),
  };
}

/**
 * A use case of the application layer as a computation (APP-4): its input schema is the
 * query's, its report is written as its JSON, and a problem with one of its input fields
 * is the request's, at `query.<field>`.
 */
export function computationOf<I, R>(
  useCase: UseCase<I, R>,
  forInvestor?: (report: Json, view: InvestorView) => Json,
): Computation<I> {
  const fields = Object.keys((useCase.input as unknown as { shape?: object }).shape ?? {});
  const asRequest = (p: Problem): Problem =>
    // A usage problem becomes the request's at query.<field> in requestProblems; others here.
    p.code !== "usage" && p.path?.length === 1 && fields.includes(String(p.path[0]))
      ? { ...p, path: ["query", ...p.path] }
      : p;
  // The report leaves as its JSON: a worker thread or the cache passes it on as it is, and
  // the investor's view filters that JSON, the contract the API documents (APP-3).
  const present = (result: Result<R>): Result<Json> =>
    result.ok
      ? ok(useCase.json(result.value) as Json, result.warnings)
      : { ok: false, problems: result.problems.map(asRequest) };
  const shape = {
    name: useCase.name,
    summary: useCase.summary,
    input: useCase.input,
    mode: useCase.mode,
    ...(forInvestor ? { forInvestor } : {}),
  };
  if (useCase.on === "deal") {
    const run = useCase.run;
    return {
      ...shape,
      on: "deal",
      run: (deal: Deal, input: I, context: ComputationContext) => {
        const result = run(deal, input, context);
        return result instanceof Promise ? result.then(present) : present(result);
      },
    };
  }
  if (useCase.on === "text")
    throw new Error(
      `computationOf: ${useCase.name} reads a text; the API reads texts through its own routes`,
    );
  const run = useCase.run;
  return {
    ...shape,
    on: "workspace",
    run: (ws: Workspace, input: I, context: ComputationContext) => {
      const result = run(ws, input, context);
      return result instanceof Promise ? result.then(present) : present(result);
    },
  };
}

/** Every computation the API exposes, by name: add new ones here. */
export const COMPUTATIONS: readonly Computation<never>[] = [
  computationOf(model, investorModelReport),
  computationOf(solve),
  computationOf(captable, investorCapTableReport),
  computationOf(validate, () => ({ valid: true })),
  computationOf(replay, investorReplayReport),
  computationOf(claims),
  // Investors get their own ownership and dilution per scenario, and the shared aggregates.
  computationOf(scenarios, investorScenariosReport),
  computationOf(simulate),
  // Investors get their own payouts at exit values, nothing else of the waterfall.
  computationOf(exit, investorExitReport),
  computationOf(flows),
  computationOf(exposure),
] as never;

export function computation(name: string): Computation | undefined {
  return (COMPUTATIONS as readonly Computation[]).find((c) => c.name === name);
}
