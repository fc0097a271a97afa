import type { UseCase } from "../app/use-case.js";
import { parseInput } from "../app/use-case.js";
import { type Message, message } from "../core/shared/messages.js";
import type { Problem } from "../core/shared/problem.js";
import { diagnosticFrom } from "../deal/diagnostics.js";
import type { LoadedDeal } from "./deal-file.js";
import { CommandFailure, printDiagnostics } from "./failure.js";
import type { CliIo } from "./io.js";

/** The flag a use case's input field is given by: `asOf` is `--as-of`. */
export function flagOf(field: string | number): string {
  return `--${String(field).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/**
 * Runs a use case for a command (APP-4): parses the flags' values into its input, runs it on
 * the deal or workspace, prints its warnings, and returns the typed report; a problem ends
 * the command. A problem with an input field is the command line's: it names the flag, not
 * a place in the deal file.
 */
export async function runUseCase<Input, Report>(
  io: CliIo,
  useCase: UseCase<Input, Report>,
  subject: unknown,
  rawInput: Record<string, unknown>,
  file: string,
  locate?: LoadedDeal["locate"],
): Promise<Report> {
  const defined = Object.fromEntries(Object.entries(rawInput).filter(([, v]) => v !== undefined));
  const input = parseInput(useCase, defined);
  if (!input.ok) {
    throw CommandFailure.of("usage", flagMessage(input.problems[0]!));
  }
  const result = await useCase.run(subject as never, input.value, undefined);
  if (!result.ok)
    throw failureOf(result.problems, Object.keys(defined).concat(inputFields(useCase)), file, locate);
  printDiagnostics(
    io,
    result.warnings.map((w) => diagnosticFrom(w, file, locate)),
  );
  return result.value;
}

/** A problem with a flag's value, `--as-of: a date is written YYYY-MM-DD`, as a message with a key when it has one. */
export function flagMessage(p: Problem): Message | string {
  const flag = p.path?.length ? flagOf(p.path[0]!) : undefined;
  if (flag === undefined) return p.detail ?? p.message;
  return p.detail ? message("flag_input", { flag, message: p.detail }) : `${flag}: ${p.message}`;
}

function inputFields(useCase: UseCase<never, never> | UseCase<unknown, unknown>): string[] {
  const shape = (useCase.input as unknown as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

/** A use case's problems as the command's failure: those about an input field lose its path. */
export function failureOf(
  problems: readonly Problem[],
  fields: readonly string[],
  file: string,
  locate?: LoadedDeal["locate"],
): CommandFailure {
  const isInput = (p: Problem) => p.path?.length === 1 && fields.includes(String(p.path[0]));
  return CommandFailure.fromProblems(
    problems.map((p) => {
      if (!isInput(p)) return p;
      const { path: _path, ...rest } = p;
      return rest;
    }),
    file,
    locate,
  );
}
