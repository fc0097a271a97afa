import type * as z from "zod";
import type { Problem, Result } from "../core/shared/problem.js";
import type { Deal } from "../deal/build.js";
import type { Workspace } from "../deal/workspace.js";

/**
 * A reference to something a report names: its id (for machines, the JSON and `--ids`)
 * and its display name (for people). Reports never make a face look a name up (APP-2).
 */
export interface Ref {
  readonly id: string;
  readonly name: string;
  /**
   * The display name in French, for the names the engine makes ("participation de
   * Microsoft" for "Microsoft's stake"); absent when the name is the deal's own (a holder's,
   * a class's), which is not translated. The JSON carries `name` only (APP-9).
   */
  readonly nameFr?: string;
}

/**
 * An explanation as data (APP-2): a stable code and its parameters. The text and
 * French renderers word it; the JSON keeps the sentence it gave before the layer.
 */
export interface Explanation<Code extends string = string, Params = Readonly<Record<string, unknown>>> {
  readonly code: Code;
  readonly params: Params;
}

/** What a running use case may use: progress reports and a signal that it should stop. */
export interface RunContext {
  progress(done: number, total: number): void;
  readonly signal: AbortSignal;
  /**
   * The worker threads a use case that runs on several may use (the CLI's `--workers`);
   * left out, the use case chooses. Its result never depends on it.
   */
  readonly workers?: number;
}

/** A context for a use case run to its end in one call (the CLI, the library, a sync route). */
export function runToEnd(): RunContext {
  return { progress: () => {}, signal: new AbortController().signal };
}

interface UseCaseShape<Input, Report> {
  /** The use case's name: the CLI command and the API's computation (APP-1). */
  readonly name: string;
  readonly summary: string;
  /** The schema of its input: the CLI's flags and the API's query parameters both parse into it. */
  readonly input: z.ZodType<Input>;
  /** `job` use cases run long and report progress; the API runs them as jobs. */
  readonly mode: "sync" | "job";
  /** The report as the CLI's `--format json` and the API write it (SPEC OUT-1, APP-3). */
  json(report: Report): unknown;
}

/** A use case on one deal. */
export interface DealUseCase<Input = unknown, Report = unknown> extends UseCaseShape<Input, Report> {
  readonly on: "deal";
  run(deal: Deal, input: Input, context?: RunContext): Result<Report> | Promise<Result<Report>>;
}

/** A use case on a workspace (several companies and the money between them). */
export interface WorkspaceUseCase<Input = unknown, Report = unknown> extends UseCaseShape<Input, Report> {
  readonly on: "workspace";
  run(ws: Workspace, input: Input, context?: RunContext): Result<Report> | Promise<Result<Report>>;
}

/**
 * A use case on a text (a news report to read), with the deal whose names it matches
 * when there is one.
 */
export interface TextUseCase<Input = unknown, Report = unknown> extends UseCaseShape<Input, Report> {
  readonly on: "text";
  run(
    subject: { readonly text: string | Uint8Array; readonly deal?: Deal | undefined },
    input: Input,
    context?: RunContext,
  ): Result<Report> | Promise<Result<Report>>;
}

export type UseCase<Input = unknown, Report = unknown> =
  | DealUseCase<Input, Report>
  | WorkspaceUseCase<Input, Report>
  | TextUseCase<Input, Report>;

/** The input a use case's schema gives, or a `usage` problem per wrong field, at its path. */
export function parseInput<Input>(
  useCase: { readonly input: z.ZodType<Input> },
  raw: unknown,
): Result<Input> {
  const parsed = useCase.input.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data, warnings: [] };
  return {
    ok: false,
    problems: parsed.error.issues.map(
      (issue): Problem => ({
        code: "usage",
        message: issue.message,
        path: issue.path.map((p) => (typeof p === "symbol" ? String(p) : p)),
        severity: "error",
      }),
    ),
  };
}
