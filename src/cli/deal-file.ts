import path from "node:path";
import { errorSpec } from "../core/shared/errors.js";
import { LIMITS } from "../core/shared/limits.js";
import { message, type ReadFailure, readFailureEn } from "../core/shared/messages.js";
import { type LoadResult, loadDeal, parseDealText } from "../deal/load.js";
import { isWorkspaceText, loadWorkspace, type WorkspaceLoadResult } from "../deal/workspace.js";
import { CommandFailure, printDiagnostics } from "./failure.js";
import type { CliIo } from "./io.js";

export type LoadedDeal = Extract<LoadResult, { ok: true }> & { readonly file: string; readonly text: string };

/** Why a file could not be read, from the system's error. */
export function readFailure(
  error: unknown,
  directory: "is_directory" | "directory_not_deal" = "is_directory",
): ReadFailure {
  const code = (error as { code?: string }).code;
  if (code === "ENOENT") return "no_such_file";
  if (code === "EISDIR") return directory;
  if (code === "EACCES") return "permission_denied";
  return { system: (error as Error).message ?? String(error) };
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
    if (bytes.includes(0)) throw CommandFailure.of("file_unreadable", message("binary_file", {}), display);
    text = bytes.toString("utf8");
  } catch (error) {
    if (error instanceof CommandFailure) throw error;
    throw CommandFailure.of(
      "file_unreadable",
      message("cannot_read", { what: "deal file", why: readFailure(error, "directory_not_deal") }),
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
      message("cannot_read", { what: "workspace file", why: readFailure(error, "directory_not_deal") }),
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
      return { ok: false, message: readFailureEn(readFailure(error, "directory_not_deal")) };
    }
  });
  if (!loaded.ok) {
    const exitCode = Math.max(...loaded.diagnostics.map((d) => errorSpec(d.code).exitCode), 1);
    throw new CommandFailure(loaded.diagnostics, exitCode);
  }
  printDiagnostics(io, loaded.warnings);
  return { ...loaded, file };
}
