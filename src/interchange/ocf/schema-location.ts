import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { fail, ok, type Result } from "../../core/shared/problem.js";
import { OCF_MANIFEST_SCHEMA_FILE } from "./model.js";

/** The environment variable naming the folder of official OCF schemas (OCF-VAL-1). */
export const OCF_SCHEMAS_ENV = "ROUNDTABLE_OCF_SCHEMAS";

/** Where the schemas are by default: `../shared/ocf/v1.2.0/schema` beside the roundtable checkout. */
export function defaultOcfSchemaDir(): string | undefined {
  const root = findPackageRoot(dirname(fileURLToPath(import.meta.url)));
  return root === undefined ? undefined : resolve(root, "..", "shared", "ocf", "v1.2.0", "schema");
}

function findPackageRoot(start: string): string | undefined {
  let dir = start;
  for (let depth = 0; depth < 16; depth += 1) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest)) {
      try {
        const parsed = JSON.parse(readFileSync(manifest, "utf8")) as { name?: unknown };
        if (parsed.name === "roundtable") return dir;
      } catch {
        // A package.json that cannot be read is not ours; keep walking up.
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
  return undefined;
}

/**
 * The schema folder to use (OCF-VAL-1): the one given, else $ROUNDTABLE_OCF_SCHEMAS, else the
 * default. It must hold `files/OCFManifestFile.schema.json`.
 */
export function resolveOcfSchemaDir(
  given: string | undefined,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Result<string> {
  const fromEnv = env[OCF_SCHEMAS_ENV];
  const source =
    given !== undefined
      ? { dir: given, how: "the schema folder given" }
      : fromEnv !== undefined && fromEnv !== ""
        ? { dir: fromEnv, how: `$${OCF_SCHEMAS_ENV}` }
        : { dir: defaultOcfSchemaDir(), how: "the default location" };
  if (source.dir === undefined) {
    return fail(
      "ocf_schemas_missing",
      `the OCF 1.2.0 schema folder cannot be found: no roundtable checkout around this module to take the default from; set $${OCF_SCHEMAS_ENV} to the folder holding files/, objects/, types/`,
    );
  }
  const dir = resolve(source.dir);
  if (!existsSync(join(dir, OCF_MANIFEST_SCHEMA_FILE))) {
    return fail(
      "ocf_schemas_missing",
      `the OCF 1.2.0 schema folder ${dir} (${source.how}) does not hold ${OCF_MANIFEST_SCHEMA_FILE}; set $${OCF_SCHEMAS_ENV} to the folder of the official schemas (the one holding files/, objects/, types/)`,
    );
  }
  return ok(dir);
}
