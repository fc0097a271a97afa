import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { fail, ok, type Result } from "../../core/shared/problem.js";
import { OCF_MANIFEST_SCHEMA_FILE, OCF_VERSION } from "./model.js";
import { OWN_CHECKS } from "./own-checks.js";
import { loadOcfSchemas, type OcfSchemas } from "./schema-validator.js";

/** The environment variable naming the folder of official OCF schemas (OCF-VAL-1). */
export const OCF_SCHEMAS_ENV = "ROUNDTABLE_OCF_SCHEMAS";

/**
 * How a package was validated (OCF-VAL-1, OCF-VAL-4): against the official OCF 1.2.0 JSON
 * Schemas of a folder given, or, with no folder given, with roundtable's own checks only.
 */
export type OcfValidationKind = "official_schemas" | "own_checks";

export interface OcfValidation {
  readonly kind: OcfValidationKind;
  readonly schemas: OcfSchemas;
}

/**
 * The schema folder to use (OCF-VAL-1): the one given, else $ROUNDTABLE_OCF_SCHEMAS, else
 * none (undefined: the package is checked with roundtable's own checks, OCF-VAL-4). A folder
 * given must hold `files/OCFManifestFile.schema.json`. A folder named by the environment is
 * not written in messages, which an HTTP client may read (it is the server's path).
 */
export function resolveOcfSchemaDir(
  given: string | undefined,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Result<string | undefined> {
  const fromEnv = env[OCF_SCHEMAS_ENV];
  if (given === undefined && (fromEnv === undefined || fromEnv === "")) return ok(undefined);
  const dir = resolve(given ?? fromEnv!);
  if (!existsSync(join(dir, OCF_MANIFEST_SCHEMA_FILE))) {
    return fail(
      "ocf_schemas_missing",
      given !== undefined
        ? `the OCF ${OCF_VERSION} schema folder ${dir} (the schema folder given) does not hold ${OCF_MANIFEST_SCHEMA_FILE}; give the folder of the official schemas (the one holding files/, objects/, types/), or leave it out to check with roundtable's own checks only`
        : `the folder $${OCF_SCHEMAS_ENV} names does not hold the official OCF ${OCF_VERSION} schemas (${OCF_MANIFEST_SCHEMA_FILE}); set it to the folder holding files/, objects/, types/, or unset it to check with roundtable's own checks only`,
    );
  }
  return ok(dir);
}

/**
 * The validation to run: the official schemas of the folder given (or named by the
 * environment), compiled once per folder, or roundtable's own checks when there is none.
 */
export function ocfValidation(
  given: string | undefined,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Result<OcfValidation> {
  const dir = resolveOcfSchemaDir(given, env);
  if (!dir.ok) return dir;
  if (dir.value === undefined) return ok({ kind: "own_checks", schemas: OWN_CHECKS });
  const schemas = loadOcfSchemas(dir.value);
  if (!schemas.ok) {
    if (given !== undefined) return schemas;
    return fail(
      "ocf_schemas_missing",
      `the folder $${OCF_SCHEMAS_ENV} names does not hold a complete, readable copy of the official OCF ${OCF_VERSION} schemas`,
    );
  }
  return ok({ kind: "official_schemas", schemas: schemas.value });
}

/** The sentence the commands print about the validation they ran (OCF-VAL-4). */
export function validationNote(kind: OcfValidationKind): string {
  return kind === "official_schemas"
    ? `validated against the official OCF ${OCF_VERSION} JSON Schemas`
    : `validated with roundtable's own checks only (no OCF schema folder given: pass --schemas DIR or set $${OCF_SCHEMAS_ENV} to validate against the official OCF ${OCF_VERSION} JSON Schemas)`;
}
