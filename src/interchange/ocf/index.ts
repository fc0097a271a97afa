/**
 * Open Cap Format (OCF 1.2.0) import and export (docs/spec/ocf.md). The mapping between OCF
 * objects and the ledger is pure (import-package.ts, export-package.ts); reading and writing
 * folders and zips, and loading the official schemas, are the I/O around it.
 */
export {
  buildCheckedOcfPackage,
  exportOcf,
  type OcfExport,
  type OcfExportOptions,
  preservedOf,
} from "./export.js";
export {
  type BuiltOcfPackage,
  buildOcfPackage,
  type OcfBuildOptions,
  type OcfExportReport,
  serializeOcfPackage,
} from "./export-package.js";
export { importOcf, importOcfFiles, importOcfZip, type OcfImportOptions } from "./import.js";
export { mapOcfPackage, type OcfMapOptions } from "./import-package.js";
export type { Json, JsonObject } from "./json.js";
export type {
  OcfEntry,
  OcfFileKind,
  OcfImport,
  OcfImportReport,
  OcfMapping,
  OcfPackage,
  OcfPreserved,
} from "./model.js";
export { type OcfOutputFile, writeOcfPackage, zipPackage } from "./package-writer.js";
export {
  OCF_SCHEMAS_ENV,
  type OcfValidationKind,
  ocfValidation,
  resolveOcfSchemaDir,
  validationNote,
} from "./schema-location.js";
