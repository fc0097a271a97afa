import type { ErrorCode } from "./errors.js";
import { type Message, say } from "./messages.js";

/** A path into a deal document: ["transactions", 3, "shares"]. */
export type FieldPath = readonly (string | number)[];

/**
 * Something wrong with the input, found by the domain: a typed result, never an
 * exception. `path` points into the deal document when the problem comes from one.
 */
export interface Problem {
  readonly code: ErrorCode;
  readonly message: string;
  readonly path?: FieldPath;
  readonly severity: "error" | "warning";
  /**
   * The message as data (src/core/shared/messages.ts), when it has a key: a face that speaks
   * another language words it from this; `message` is its English.
   */
  readonly detail?: Message;
}

export type Result<T> =
  | { readonly ok: true; readonly value: T; readonly warnings: readonly Problem[] }
  | Failure;

export interface Failure {
  readonly ok: false;
  readonly problems: readonly Problem[];
}

export function ok<T>(value: T, warnings: readonly Problem[] = []): Result<T> {
  return { ok: true, value, warnings };
}

export function fail(code: ErrorCode, message: string, path?: FieldPath): Failure {
  return { ok: false, problems: [problem(code, message, path)] };
}

export function problem(code: ErrorCode, message: string, path?: FieldPath): Problem {
  return path === undefined
    ? { code, message, severity: "error" }
    : { code, message, path, severity: "error" };
}

/** A problem whose message has a key (`message` is its English). */
export function problemSaying(code: ErrorCode, detail: Message, path?: FieldPath): Problem {
  return { ...problem(code, say(detail), path), detail };
}

/** A failure whose message has a key. */
export function failSaying(code: ErrorCode, detail: Message, path?: FieldPath): Failure {
  return { ok: false, problems: [problemSaying(code, detail, path)] };
}

export function warning(code: ErrorCode, message: string, path?: FieldPath): Problem {
  return path === undefined
    ? { code, message, severity: "warning" }
    : { code, message, path, severity: "warning" };
}

/** Formats a field path as `transactions[3].shares`. */
export function formatPath(path: FieldPath): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out.length === 0 ? part : `.${part}`;
  }
  return out;
}
