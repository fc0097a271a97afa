import type { Ledger } from "../../core/ledger/ledger.js";
import { fail, ok, type Problem, type Result, warning } from "../../core/shared/problem.js";
import {
  buildOcfPackage,
  type OcfBuildOptions,
  type OcfExportReport,
  serializeOcfPackage,
} from "./export-package.js";
import type { OcfPreserved } from "./model.js";
import { assemblePackage } from "./package-assembly.js";
import { packageObjects } from "./package-objects.js";
import { type OcfOutputFile, writeOcfPackage } from "./package-writer.js";
import { checkReferences } from "./references.js";
import { type OcfValidationKind, ocfValidation } from "./schema-location.js";

export interface OcfExportOptions extends Partial<OcfBuildOptions> {
  /**
   * The folder of official OCF 1.2.0 schemas; by default $ROUNDTABLE_OCF_SCHEMAS; with
   * neither, the package is checked with roundtable's own checks only (OCF-VAL-4).
   */
  readonly schemaDir?: string;
  /** The environment $ROUNDTABLE_OCF_SCHEMAS is read from (default: the process's). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Replace an existing output folder or file. */
  readonly overwrite?: boolean;
  /**
   * "fail" (the default): a package whose references do not resolve is not written. "preserve":
   * it is written, the broken references reported as warnings; for packages imported with
   * `onInconsistency: "preserve"`, whose inconsistencies were kept as they were (OCF-EXP-11).
   * Schema violations are never written.
   */
  readonly onInconsistency?: "fail" | "preserve";
}

export interface OcfExport {
  readonly files: readonly OcfOutputFile[];
  readonly report: OcfExportReport;
  /** With `onInconsistency: "preserve"`, the broken references written. */
  readonly warnings: readonly Problem[];
  /** Whether the package was checked against the official schemas or with roundtable's own checks only. */
  readonly validation: OcfValidationKind;
}

/**
 * Builds the package for a ledger and checks it as an import would (OCF-EXP-11): every file
 * against the official schemas, the hashes, and the references. Writes nothing.
 */
export function buildCheckedOcfPackage(
  ledger: Ledger,
  preserved: OcfPreserved | undefined,
  options: OcfExportOptions = {},
): Result<OcfExport> {
  const validation = ocfValidation(options.schemaDir, options.env);
  if (!validation.ok) return validation;
  const built = buildOcfPackage(ledger, preserved, {
    ...options,
    generatedAt: options.generatedAt ?? new Date().toISOString(),
  });
  if (!built.ok) return built;
  const files = serializeOcfPackage(built.value);
  const byPath = new Map(files.map((f) => [f.path, f.bytes]));
  const assembly = assemblePackage(
    { manifestPath: files[0]!.path, read: (p) => byPath.get(p) },
    validation.value.schemas,
    "error",
  );
  const problems: Problem[] = [...assembly.problems];
  const warnings: Problem[] = [];
  if (assembly.pkg) {
    const issuer = assembly.pkg.manifest.issuer;
    const issuerId =
      typeof issuer === "object" && issuer !== null && !Array.isArray(issuer) && typeof issuer.id === "string"
        ? issuer.id
        : undefined;
    const broken = checkReferences(packageObjects(assembly.pkg), issuerId).problems.map((p) => p.problem);
    if (options.onInconsistency === "preserve") {
      warnings.push(...broken.map((p) => warning(p.code, p.message, p.path)));
    } else problems.push(...broken);
  }
  if (problems.length > 0) {
    return {
      ok: false,
      problems: [
        ...problems,
        ...fail(
          "ocf_export_incomplete",
          "the package written from this ledger would not be valid OCF; nothing was written",
        ).problems,
      ],
    };
  }
  return ok({ files, report: built.value.report, warnings, validation: validation.value.kind });
}

/**
 * Exports a ledger, with what its import preserved, as an OCF package: a folder, or a .zip when
 * `out` ends in .zip. Nothing is written unless the whole package is valid (OCF-EXP-11).
 */
export async function exportOcf(
  ledger: Ledger,
  preserved: OcfPreserved | undefined,
  out: string,
  options: OcfExportOptions = {},
): Promise<
  Result<
    OcfExportReport & {
      readonly path: string;
      readonly warnings: readonly Problem[];
      readonly validation: OcfValidationKind;
    }
  >
> {
  const checked = buildCheckedOcfPackage(ledger, preserved, options);
  if (!checked.ok) return checked;
  const written = writeOcfPackage(out, checked.value.files, options.overwrite ?? false);
  if (!written.ok) return written;
  return ok({
    ...checked.value.report,
    path: written.value,
    warnings: checked.value.warnings,
    validation: checked.value.validation,
  });
}

/** The OCF objects a deal kept from its import (its `ocfPreserved` text), to write back on export. */
export function preservedOf(text: string | undefined): Result<OcfPreserved | undefined> {
  if (text === undefined) return ok(undefined);
  try {
    return ok(JSON.parse(text) as OcfPreserved);
  } catch {
    return fail("deal_invalid_field", "ocfPreserved is not JSON text", ["ocfPreserved"]);
  }
}
