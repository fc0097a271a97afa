import { type ErrorCode, errorSpec } from "../core/shared/errors.js";
import { formatPath, type Problem } from "../core/shared/problem.js";
import type { Diagnostic } from "../deal/diagnostics.js";

/** One problem in an error body: the code, a sentence, and where (a field path, a line and column). */
export interface ProblemBody {
  readonly code: ErrorCode;
  readonly message: string;
  readonly path?: string;
  readonly line?: number;
  readonly column?: number;
  readonly severity?: "error" | "warning";
}

/**
 * An expected failure of a request, with a code from the error catalogue (SPEC API-3).
 * Thrown by handlers and hooks; the error handler writes it as
 * `{"error": {"code", "message", "problems": [...]}}` with the catalogue's status.
 */
export class ApiError extends Error {
  readonly statusCode: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly problems: readonly ProblemBody[] = [],
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.statusCode = errorSpec(code).httpStatus;
  }

  /** The status and code of the first problem; every problem listed. */
  static fromDiagnostics(diagnostics: readonly Diagnostic[], what = "the deal document"): ApiError {
    const errors = diagnostics.filter((d) => d.severity === "error");
    const first = errors[0] ?? diagnostics[0];
    const problems = errors.map(problemBody);
    return new ApiError(
      first?.code ?? "deal_invalid_field",
      `${what} is not valid: ${problems.length} problem${problems.length === 1 ? "" : "s"}${first ? `, first: ${problemText(problemBody(first))}` : ""}`,
      problems,
    );
  }

  static fromProblems(problems: readonly Problem[], what = "the deal"): ApiError {
    return ApiError.fromDiagnostics(
      problems.map((p) => ({ ...p, file: what })),
      what,
    );
  }

  body() {
    return { error: { code: this.code, message: this.message, problems: this.problems } };
  }
}

export function problemBody(d: Diagnostic | Problem): ProblemBody {
  return {
    code: d.code,
    message: d.message,
    ...(d.path && d.path.length > 0 ? { path: formatPath(d.path) } : {}),
    ...("line" in d && d.line !== undefined ? { line: d.line, column: d.column ?? 1 } : {}),
    ...(d.severity === "warning" ? { severity: "warning" as const } : {}),
  };
}

function problemText(p: ProblemBody): string {
  return `${p.path ? `${p.path}: ` : ""}${p.message}`;
}
