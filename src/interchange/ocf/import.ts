import type { Result } from "../../core/shared/problem.js";
import { importFailure, mapOcfPackage, type OcfMapOptions } from "./import-package.js";
import type { OcfImport } from "./model.js";
import { assemblePackage, type PackageSource } from "./package-assembly.js";
import { openOcfSource, openOcfZip } from "./package-reader.js";
import { type OcfValidationKind, ocfValidation } from "./schema-location.js";

export interface OcfImportOptions extends OcfMapOptions {
  /**
   * The folder of official OCF 1.2.0 schemas; by default $ROUNDTABLE_OCF_SCHEMAS; with
   * neither, the package is checked with roundtable's own checks only (OCF-VAL-4).
   */
  readonly schemaDir?: string;
  /** The environment $ROUNDTABLE_OCF_SCHEMAS is read from (default: the process's). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Imports an OCF package: a folder, a .zip or a manifest path (OCF-PKG-1). Reads, validates
 * against the official schemas (always fatal), checks hashes and references, and maps into a
 * ledger. Reads files only; writes nothing.
 */
export async function importOcf(source: string, options: OcfImportOptions = {}): Promise<Result<OcfImport>> {
  const opened = openOcfSource(source);
  if (!opened.ok) return opened;
  return importOcfSource(opened.value, options);
}

/** Imports a zipped package held in memory (an upload), as `importOcf` imports a .zip file. */
export function importOcfZip(
  name: string,
  bytes: Uint8Array,
  options: OcfImportOptions = {},
): Result<OcfImport> {
  const opened = openOcfZip(name, bytes);
  if (!opened.ok) return opened;
  return importOcfSource(opened.value, options);
}

/** Imports a package held in memory: its files by path inside the package; the manifest is the file named *Manifest.ocf.json. */
export function importOcfFiles(
  files: readonly { readonly path: string; readonly bytes: Uint8Array }[],
  options: OcfImportOptions = {},
): Result<OcfImport> {
  const byPath = new Map(files.map((f) => [f.path, f.bytes]));
  const manifest =
    files.find((f) => f.path.toLowerCase().endsWith("manifest.ocf.json"))?.path ?? "Manifest.ocf.json";
  return importOcfSource({ manifestPath: manifest, read: (p) => byPath.get(p) }, options);
}

function importOcfSource(source: PackageSource, options: OcfImportOptions): Result<OcfImport> {
  const validation = ocfValidation(options.schemaDir, options.env);
  if (!validation.ok) return validation;
  const assembly = assemblePackage(
    source,
    validation.value.schemas,
    options.onInconsistency === "preserve" ? "warning" : "error",
  );
  // Hash mismatches do not stop the reading: references are checked too, so that one run reports both.
  const structural = assembly.problems.filter((p) => p.code !== "ocf_hash_mismatch");
  if (assembly.pkg === undefined || structural.length > 0) return importFailure(assembly.problems);
  const mapped = withValidation(
    mapOcfPackage(assembly.pkg, { ...options, readWarnings: assembly.warnings }),
    validation.value.kind,
  );
  if (assembly.problems.length === 0) return mapped;
  return importFailure([...assembly.problems, ...(mapped.ok ? [] : mapped.problems)]);
}

function withValidation(result: Result<OcfImport>, validation: OcfValidationKind): Result<OcfImport> {
  return result.ok ? { ...result, value: { ...result.value, validation } } : result;
}
