import path from "node:path";
import type { AuthoringOutcome } from "../app/deal-append.js";
import { message } from "../core/shared/messages.js";
import { CommandFailure } from "./failure.js";
import type { CliIo } from "./io.js";

/** Writes an authoring use case's edited deal text to the file, atomically. */
export function writeDealFile(io: CliIo, file: string, text: string): void {
  try {
    io.writeFileAtomic(path.resolve(io.cwd, file), text);
  } catch (error) {
    throw CommandFailure.of(
      "file_unwritable",
      message("cannot_write_deal_file", { why: (error as Error).message }),
      file,
    );
  }
}

/**
 * An authoring use case's failure as the command's: wrong options exit 2 (1 when one is
 * about the deal, a duplicate id), an edited deal that would not load or price exits 1.
 */
export function authoringFailure(outcome: Extract<AuthoringOutcome<unknown>, { ok: false }>, file: string) {
  if (outcome.diagnostics) return new CommandFailure(outcome.diagnostics, 1);
  const problems = outcome.problems ?? [];
  if (outcome.locate) return CommandFailure.fromProblems(problems, file, outcome.locate);
  return new CommandFailure(
    problems.map((p) => ({ ...p, file })),
    problems.some((p) => p.code !== "usage") ? 1 : 2,
  );
}
