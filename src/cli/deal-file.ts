import path from "node:path";
import { errorSpec } from "../core/shared/errors.js";
import { LIMITS } from "../core/shared/limits.js";
import { type LoadResult, loadDeal, parseDealText } from "../deal/load.js";
import { isWorkspaceText, loadWorkspace, type WorkspaceLoadResult } from "../deal/workspace.js";
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

/**
 * True when the file reads as a workspace (it has a top-level `workspace` section). A file
 * that cannot be read or parsed is not one: the deal loader then reports what is wrong.
 */
export function isWorkspaceFile(io: CliIo, file: string): boolean {
  try {
    const text = io.readBytes(path.resolve(io.cwd, file), LIMITS.dealFileBytes).toString("utf8");
    if (!/^\s*(\{[\s\S]*)?"?workspace"?\s*:/m.test(text)) return false;
    const parsed = parseDealText(text, file);
    return parsed.ok && isWorkspaceText(parsed.value.raw);
  } catch {
    return false;
  }
}

/** Reads and loads a deal file, or throws a CommandFailure naming the file and what is wrong. */
export function readDealFile(io: CliIo, file: string): LoadedDeal {
  const display = file;
  let text: string;
  try {
    const bytes = io.readBytes(path.resolve(io.cwd, file), LIMITS.dealFileBytes);
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

export type LoadedWorkspace = Extract<WorkspaceLoadResult, { ok: true }> & { readonly file: string };

/** Reads and loads a workspace file, company files named in it read beside it. */
export function readWorkspaceFile(io: CliIo, file: string): LoadedWorkspace {
  let text: string;
  try {
    text = io.readBytes(path.resolve(io.cwd, file), LIMITS.dealFileBytes).toString("utf8");
  } catch (error) {
    if (error instanceof CommandFailure) throw error;
    throw CommandFailure.of(
      "file_unreadable",
      `cannot read the workspace file: ${describeReadError(error)}`,
      file,
    );
  }
  const dir = path.dirname(path.resolve(io.cwd, file));
  const loaded = loadWorkspace(text, file, (relative) => {
    const resolved = path.resolve(dir, relative);
    try {
      return {
        ok: true,
        text: io.readBytes(resolved, LIMITS.dealFileBytes).toString("utf8"),
        file: path.relative(io.cwd, resolved) || resolved,
      };
    } catch (error) {
      return { ok: false, message: describeReadError(error) };
    }
  });
  if (!loaded.ok) {
    const exitCode = Math.max(...loaded.diagnostics.map((d) => errorSpec(d.code).exitCode), 1);
    throw new CommandFailure(loaded.diagnostics, exitCode);
  }
  printDiagnostics(io, loaded.warnings);
  return { ...loaded, file };
}
