import type { Ledger } from "../../core/ledger/ledger.js";
import type { Problem } from "../../core/shared/problem.js";
import type { Json, JsonObject } from "./json.js";

/** The OCF version this adapter reads and writes. */
export const OCF_VERSION = "1.2.0";

/** The kinds of object file an OCF manifest lists (OCF-PKG-2). */
export const OCF_FILE_KINDS = [
  "stakeholders",
  "stock_classes",
  "stock_plans",
  "vesting_terms",
  "valuations",
  "stock_legend_templates",
  "transactions",
  "financings",
  "documents",
] as const;
export type OcfFileKind = (typeof OCF_FILE_KINDS)[number];

export interface OcfFileKindSpec {
  /** The manifest property listing files of this kind. */
  readonly manifestKey: string;
  /** The `file_type` such a file declares. */
  readonly fileType: string;
  /** The official schema of such a file, under `files/`. */
  readonly schemaFile: string;
  /** The name roundtable gives the file it writes (OCF-EXP-1). */
  readonly fileName: string;
  /** Whether the manifest must list this kind (possibly as an empty array). */
  readonly required: boolean;
}

export const OCF_FILE_KIND_SPECS: Readonly<Record<OcfFileKind, OcfFileKindSpec>> = {
  stakeholders: spec("stakeholders_files", "OCF_STAKEHOLDERS_FILE", "StakeholdersFile", "Stakeholders", true),
  stock_classes: spec(
    "stock_classes_files",
    "OCF_STOCK_CLASSES_FILE",
    "StockClassesFile",
    "StockClasses",
    true,
  ),
  stock_plans: spec("stock_plans_files", "OCF_STOCK_PLANS_FILE", "StockPlansFile", "StockPlans", true),
  vesting_terms: spec(
    "vesting_terms_files",
    "OCF_VESTING_TERMS_FILE",
    "VestingTermsFile",
    "VestingTerms",
    true,
  ),
  valuations: spec("valuations_files", "OCF_VALUATIONS_FILE", "ValuationsFile", "Valuations", true),
  stock_legend_templates: spec(
    "stock_legend_templates_files",
    "OCF_STOCK_LEGEND_TEMPLATES_FILE",
    "StockLegendTemplatesFile",
    "StockLegendTemplates",
    true,
  ),
  transactions: spec("transactions_files", "OCF_TRANSACTIONS_FILE", "TransactionsFile", "Transactions", true),
  financings: spec("financings_files", "OCF_FINANCINGS_FILE", "FinancingsFile", "Financings", false),
  documents: spec("documents_files", "OCF_DOCUMENTS_FILE", "DocumentsFile", "Documents", false),
};

function spec(
  manifestKey: string,
  fileType: string,
  schemaName: string,
  fileName: string,
  required: boolean,
): OcfFileKindSpec {
  return {
    manifestKey,
    fileType,
    schemaFile: `files/${schemaName}.schema.json`,
    fileName: `${fileName}.ocf.json`,
    required,
  };
}

export const OCF_MANIFEST_FILE_TYPE = "OCF_MANIFEST_FILE";
export const OCF_MANIFEST_SCHEMA_FILE = "files/OCFManifestFile.schema.json";
export const OCF_MANIFEST_FILE_NAME = "Manifest.ocf.json";

/** One file of a package as read: its path inside the package and its bytes. */
export interface OcfRawFile {
  /** Path inside the package, "/"-separated, relative to the package root. */
  readonly path: string;
  readonly bytes: Uint8Array;
}

/** A listed object file, parsed. */
export interface OcfFile {
  /** Path inside the package, as the manifest lists it after normalisation ("Transactions.ocf.json"). */
  readonly path: string;
  readonly kind: OcfFileKind;
  readonly json: JsonObject;
  /** The `items` array (empty when absent or malformed; schema validation reports that). */
  readonly items: readonly Json[];
  /** The MD5 the manifest lists for the file. */
  readonly listedMd5: string;
}

/** An OCF package as read and parsed: the manifest and the object files it lists, in manifest order. */
export interface OcfPackage {
  readonly manifestPath: string;
  readonly manifest: JsonObject;
  readonly files: readonly OcfFile[];
}

/**
 * What a mapped OCF object became in the ledger. Export writes the object back verbatim
 * while the ledger records with these ids still have this fingerprint (OCF-RT-2).
 */
export interface OcfMapping {
  readonly to: "stakeholder" | "share_class" | "pool" | "vesting_schedule" | "transactions";
  /** Ids of the ledger records (for "transactions": the ledger transactions, in ledger order). */
  readonly ids: readonly string[];
  /** Fingerprint of those ledger records as imported (OCF-RT-2). */
  readonly fingerprint: string;
  /** OCF balance security ids that name, in the ledger, the remainder of another security (OCF-MAP-20). */
  readonly aliases?: Readonly<Record<string, string>>;
}

/** One OCF object kept for export: verbatim, with what it became, or why it has no counterpart. */
export interface OcfEntry {
  readonly file: OcfFileKind;
  readonly object: JsonObject;
  /** Absent for objects with no counterpart in the ledger. */
  readonly mapped?: OcfMapping;
  /** Why the object is not mapped (no counterpart, or set aside as inconsistent). */
  readonly note?: string;
}

/**
 * Everything an import keeps beside the ledger so that export is lossless (OCF-RT-1). Plain
 * JSON: the deal layer stores it as it is and gives it back unchanged.
 */
export interface OcfPreserved {
  readonly format: "roundtable-ocf-preserved/1";
  readonly ocfVersion: typeof OCF_VERSION;
  readonly manifest: {
    readonly issuer: JsonObject;
    readonly asOf: string;
    readonly comments?: readonly string[];
  };
  /** Every object of the package except the manifest, in package order. */
  readonly entries: readonly OcfEntry[];
}

export interface OcfImportReport {
  /** Objects mapped into the ledger, by OCF object type (the issuer counts as ISSUER). */
  readonly mapped: Readonly<Record<string, number>>;
  /** Objects with no counterpart in the ledger, kept verbatim in `preserved`, by object type. */
  readonly unmapped: Readonly<Record<string, number>>;
  /** With `onInconsistency: "preserve"`: objects set aside as inconsistent, kept verbatim, by object type. */
  readonly unresolved: Readonly<Record<string, number>>;
  /** Details the ledger keeps only approximately, hash mismatches and set-aside objects, each with its location. */
  readonly warnings: readonly Problem[];
}

/** The result of an import: the ledger, what export needs beyond it, and what mapped and what did not. */
export interface OcfImport {
  readonly ledger: Ledger;
  readonly preserved: OcfPreserved;
  readonly report: OcfImportReport;
  /** Whether the package was checked against the official schemas or with roundtable's own checks only (OCF-VAL-4). */
  readonly validation?: "official_schemas" | "own_checks";
}
