import type { ErrorCode } from "../core/shared/errors.js";
import type { Message } from "../core/shared/messages.js";
import { type FieldPath, formatPath, type Problem } from "../core/shared/problem.js";

/** A problem located in a file: the field path, and the line and column when known. */
export interface Diagnostic {
  readonly code: ErrorCode;
  readonly message: string;
  readonly severity: "error" | "warning";
  readonly file: string;
  readonly path?: FieldPath;
  readonly line?: number;
  readonly column?: number;
  /** The message as data, when it has a key (Problem.detail). */
  readonly detail?: Message;
}

export function diagnosticFrom(
  p: Problem,
  file: string,
  locate?: (path: FieldPath) => { line: number; column: number } | undefined,
): Diagnostic {
  const where = p.path && locate ? locate(p.path) : undefined;
  return {
    code: p.code,
    message: p.message,
    severity: p.severity,
    file,
    ...(p.path ? { path: p.path } : {}),
    ...(where ? { line: where.line, column: where.column } : {}),
    ...(p.detail ? { detail: p.detail } : {}),
  };
}

/** `deal.yaml:12:5: transactions[3].shares: expected a whole number (deal_invalid_field)`. */
export function formatDiagnostic(d: Diagnostic): string {
  const position = d.line !== undefined ? `:${d.line}:${d.column ?? 1}` : "";
  const field = d.path && d.path.length > 0 ? `${formatPath(d.path)}: ` : "";
  const level = d.severity === "warning" ? "warning: " : "";
  return `${d.file}${position}: ${level}${field}${d.message} (${d.code})`;
}
