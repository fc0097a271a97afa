import { type ErrorCode, errorSpec } from "../core/shared/errors.js";
import { type Message, say } from "../core/shared/messages.js";
import { formatPath, type Problem } from "../core/shared/problem.js";
import { type Diagnostic, diagnosticFrom, formatDiagnostic } from "../deal/diagnostics.js";
import { ERROR_SUMMARIES_FR } from "../report/fr.js";
import { messageFr } from "../report/messages-fr.js";
import type { CliIo } from "./io.js";
import { language } from "./lang.js";

/**
 * A command that cannot go on: it carries diagnostics and the exit code to return.
 * Commands throw it; `run` prints it and exits with its code. Anything else thrown is
 * a bug, reported as such without a stack trace unless ROUNDTABLE_DEBUG is set.
 */
export class CommandFailure extends Error {
  constructor(
    readonly diagnostics: readonly Diagnostic[],
    readonly exitCode: number,
  ) {
    super(diagnostics.map(formatDiagnostic).join("\n"));
  }

  /** A failure with one message: a message with a key (French with `--lang fr`), or a text given as it is. */
  static of(code: ErrorCode, message: Message | string, file = "roundtable"): CommandFailure {
    const worded = typeof message === "string" ? { message } : { message: say(message), detail: message };
    return new CommandFailure([{ code, ...worded, severity: "error", file }], errorSpec(code).exitCode);
  }

  static fromProblems(
    problems: readonly Problem[],
    file: string,
    locate?: Parameters<typeof diagnosticFrom>[2],
  ) {
    const diagnostics = problems.map((p) => diagnosticFrom(p, file, locate));
    const exitCode = Math.max(...diagnostics.map((d) => errorSpec(d.code).exitCode), 1);
    return new CommandFailure(diagnostics, exitCode);
  }
}

/**
 * Writes diagnostics to standard error, in the run's language (APP-9): in French, the
 * catalogue's French summary of the code (src/report/fr.ts) leads, and the detail, which
 * names the figures and the fields, follows: in French when its message has a key
 * (src/report/messages-fr.ts), else as the engine wrote it.
 */
export function printDiagnostics(io: CliIo, diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics)
    io.stderr.write(`${language() === "fr" ? frenchDiagnostic(d) : formatDiagnostic(d)}\n`);
}

function frenchDiagnostic(d: Diagnostic): string {
  const position = d.line !== undefined ? `:${d.line}:${d.column ?? 1}` : "";
  const field = d.path && d.path.length > 0 ? `${formatPath(d.path)} : ` : "";
  const level = d.severity === "warning" ? "avertissement : " : "";
  const summary = ERROR_SUMMARIES_FR[d.code as ErrorCode] ?? "";
  const detail = d.detail ? messageFr(d.detail) : d.message;
  return `${d.file}${position} : ${level}${summary}${summary ? " Détail : " : ""}${field}${detail} (${d.code})`;
}
