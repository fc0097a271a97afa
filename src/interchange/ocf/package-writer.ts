import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { zipSync } from "fflate";
import { fail, ok, type Result } from "../../core/shared/problem.js";

export interface OcfOutputFile {
  /** Path inside the package, "/"-separated. */
  readonly path: string;
  readonly bytes: Uint8Array;
}

/** Zip entries carry this time, so that two exports of one ledger give the same archive (OCF-EXP-2). */
const ZIP_ENTRY_TIME = new Date(1980, 0, 1, 0, 0, 0);

/** The bytes of a .zip holding the files, entries in path order with a fixed time and compression level. */
export function zipPackage(files: readonly OcfOutputFile[]): Uint8Array {
  const entries: Record<string, [Uint8Array, { mtime: Date; level: 6 }]> = {};
  for (const f of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    entries[f.path] = [f.bytes, { mtime: ZIP_ENTRY_TIME, level: 6 }];
  }
  return zipSync(entries);
}

/**
 * Writes a package to a folder, or to a .zip when `out` ends in .zip (OCF-EXP-11): first to a
 * temporary sibling, then renamed into place, so that a failure leaves nothing half-written. An
 * existing `out` is replaced only when `overwrite` is set.
 */
export function writeOcfPackage(
  out: string,
  files: readonly OcfOutputFile[],
  overwrite: boolean,
): Result<string> {
  const target = resolve(out);
  if (existsSync(target) && !overwrite) {
    return fail("output_exists", `${target} exists; choose another path or ask to overwrite it`);
  }
  const temporary = join(dirname(target), `.${basename(target)}.tmp-${process.pid}-${Date.now()}`);
  try {
    if (target.toLowerCase().endsWith(".zip")) {
      writeFileSync(temporary, zipPackage(files));
      renameSync(temporary, target);
      return ok(target);
    }
    mkdirSync(temporary, { recursive: false });
    for (const f of files) {
      const path = join(temporary, ...f.path.split("/"));
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, f.bytes);
    }
    if (existsSync(target)) {
      const previous = `${temporary}.previous`;
      renameSync(target, previous);
      renameSync(temporary, target);
      rmSync(previous, { recursive: true, force: true });
    } else {
      renameSync(temporary, target);
    }
    return ok(target);
  } catch (error) {
    rmSync(temporary, { recursive: true, force: true });
    return fail(
      "file_unwritable",
      `${target} cannot be written: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
