import path from "node:path";
import { errorSpec } from "../core/shared/errors.js";
import { type LoadResult, loadDeal } from "../deal/load.js";
import { CommandFailure, printDiagnostics } from "./failure.js";
import type { CliIo } from "./io.js";

export type LoadedDeal = Extract<LoadResult, { ok: true }> & { readonly file: string; readonly text: string };

function describeReadError(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === "ENOENT") return "no such file";
  if (code === "EISDIR") return "is a directory, not a deal file";
  if (code === "EACCES") return "permission denied";
  return (error as Error).message ?? String(error);
}

/** Reads and loads a deal file, or throws a CommandFailure naming the file and what is wrong. */
export function readDealFile(io: CliIo, file: string): LoadedDeal {
  const display = file;
  let text: string;
  try {
    const bytes = io.readBytes(path.resolve(io.cwd, file));
    if (bytes.includes(0))
      throw CommandFailure.of("file_unreadable", "is a binary file, not a YAML or JSON deal", display);
    text = bytes.toString("utf8");
  } catch (error) {
    if (error instanceof CommandFailure) throw error;
    throw CommandFailure.of(
      "file_unreadable",
      `cannot read the deal file: ${describeReadError(error)}`,
      display,
    );
  }
  const loaded = loadDeal(text, display);
  if (!loaded.ok) {
    const exitCode = Math.max(...loaded.diagnostics.map((d) => errorSpec(d.code).exitCode), 1);
    throw new CommandFailure(loaded.diagnostics, exitCode);
  }
  printDiagnostics(io, loaded.warnings);
  return { ...loaded, file: display, text };
}
