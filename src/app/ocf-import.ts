import path from "node:path";
import * as z from "zod";
import type { Result } from "../core/shared/problem.js";
import { ok } from "../core/shared/problem.js";
import { dealYaml, ledgerToDocument } from "../deal/serialize.js";
import { importOcfZip, type OcfImport, importOcf as readOcfPackage } from "../interchange/ocf/index.js";

/** What `import-ocf` takes, from the CLI's flags or the API's query (docs/spec/ocf.md). */
export const OcfImportInput = z.strictObject({
  onInconsistency: z.enum(["fail", "preserve"]).default("fail").meta({
    description:
      "A package whose references do not resolve: fail, or keep it as it is (references kept from an import with preserve).",
  }),
});
export type OcfImportInput = z.infer<typeof OcfImportInput>;

/** The package to read: a folder, .zip or manifest on disk, or a zip's bytes (an upload). */
export type OcfSource =
  | { readonly kind: "path"; readonly path: string }
  | { readonly kind: "zip"; readonly name: string; readonly bytes: Uint8Array };

/** Where the official OCF schemas are found (a folder, or $ROUNDTABLE_OCF_SCHEMAS in `env`). */
export interface OcfSchemaLocation {
  readonly schemaDir?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** An imported package: the ledger, what was kept, the mapping report, and the deal's text. */
export interface OcfImportReport extends OcfImport {
  /** The deal document as YAML, headed by a comment naming the package when it has a file. */
  readonly text: string;
  readonly validation: "official_schemas" | "own_checks";
}

/** The comment a deal imported from a package starts with. */
function headComment(source: OcfSource): string {
  if (source.kind === "zip") return "Imported from an Open Cap Format package.";
  return `Imported from the Open Cap Format package ${path.basename(source.path)} by roundtable import-ocf.\nObjects with no counterpart in the ledger are kept in ocfPreserved so that export-ocf writes them back.`;
}

async function runOcfImport(
  source: OcfSource,
  input: OcfImportInput,
  schemas: OcfSchemaLocation = {},
): Promise<Result<OcfImportReport>> {
  const options = {
    onInconsistency: input.onInconsistency,
    ...(schemas.env ? { env: schemas.env } : {}),
    ...(schemas.schemaDir ? { schemaDir: schemas.schemaDir } : {}),
  };
  const imported =
    source.kind === "path"
      ? await readOcfPackage(source.path, options)
      : importOcfZip(source.name, source.bytes, options);
  if (!imported.ok) return imported;
  const { ledger, preserved } = imported.value;
  const text = dealYaml(ledgerToDocument(ledger, { ocfPreserved: preserved }), headComment(source));
  return ok(
    { ...imported.value, text, validation: imported.value.validation ?? "own_checks" },
    imported.warnings,
  );
}

/**
 * The `import-ocf` use case (APP-1): an Open Cap Format package read into a deal document;
 * objects with no counterpart in the ledger are kept and reported. One place for
 * `roundtable import-ocf` and the API's OCF upload.
 */
export const ocfImport = {
  name: "import-ocf",
  summary:
    "Reads an Open Cap Format package into a deal document; objects with no counterpart in the ledger are kept and reported.",
  input: OcfImportInput,
  run: runOcfImport,
};
