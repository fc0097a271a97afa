import type { Problem } from "../../core/shared/problem.js";
import { isJsonObject, type Json } from "./json.js";
import { OCF_FILE_KIND_SPECS, OCF_FILE_KINDS, OCF_VERSION, type OcfFileKind } from "./model.js";
import { fileLocation, itemLocation, ocfProblem } from "./problems.js";
import type { OcfSchemas } from "./schema-validator.js";

/**
 * The object types each OCF 1.2.0 file may hold: the `object_type` constants of the object
 * schemas its file schema's `items` lists (schema/files/*.schema.json, tag v1.2.0), plus
 * TX_ISSUER_AUTHORIZED_SHARES_ADJUSTMENT in a transactions file (OCF-VAL-3).
 */
const OBJECT_TYPES: Readonly<Record<OcfFileKind, readonly string[]>> = {
  stakeholders: ["STAKEHOLDER"],
  stock_classes: ["STOCK_CLASS"],
  stock_plans: ["STOCK_PLAN"],
  vesting_terms: ["VESTING_TERMS"],
  valuations: ["VALUATION"],
  stock_legend_templates: ["STOCK_LEGEND_TEMPLATE"],
  financings: ["FINANCING"],
  documents: ["DOCUMENT"],
  transactions: [
    ...["CONVERTIBLE", "PLAN_SECURITY", "EQUITY_COMPENSATION", "STOCK", "WARRANT"].flatMap((s) => [
      `TX_${s}_ACCEPTANCE`,
      `TX_${s}_CANCELLATION`,
      `TX_${s}_ISSUANCE`,
      `TX_${s}_RETRACTION`,
      `TX_${s}_TRANSFER`,
    ]),
    "TX_CONVERTIBLE_CONVERSION",
    "TX_STOCK_CONVERSION",
    "TX_PLAN_SECURITY_EXERCISE",
    "TX_EQUITY_COMPENSATION_EXERCISE",
    "TX_WARRANT_EXERCISE",
    "TX_STOCK_REISSUANCE",
    "TX_STOCK_REPURCHASE",
    "TX_PLAN_SECURITY_RELEASE",
    "TX_EQUITY_COMPENSATION_RELEASE",
    "TX_STOCK_PLAN_RETURN_TO_POOL",
    "TX_STOCK_CLASS_SPLIT",
    "TX_STOCK_CLASS_CONVERSION_RATIO_ADJUSTMENT",
    "TX_STOCK_CLASS_AUTHORIZED_SHARES_ADJUSTMENT",
    "TX_ISSUER_AUTHORIZED_SHARES_ADJUSTMENT",
    "TX_VESTING_ACCELERATION",
    "TX_VESTING_START",
    "TX_VESTING_EVENT",
    "TX_STOCK_PLAN_POOL_ADJUSTMENT",
  ],
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MD5 = /^[0-9a-fA-F]{32}$/;

/**
 * roundtable's own checks of a package, used when no folder of official schemas is given
 * (OCF-VAL-4): the manifest's required fields (OCF version, issuer, dates, the file lists and
 * each entry's path and MD5), each file's `items` list, and each item's `id` and an
 * `object_type` its file may hold. The mapping then checks every field it reads, and the
 * references are checked as always; what the official schemas would add (every field's
 * format and every unknown property) is not checked, and the commands say so.
 */
export const OWN_CHECKS: OcfSchemas = {
  dir: undefined,
  validateManifest(file, json) {
    const problems: Problem[] = [];
    const violation = (field: string, text: string) =>
      problems.push(
        ocfProblem("ocf_schema_violation", { ...fileLocation(file, [field]), objectType: "manifest" }, text),
      );
    if (!isJsonObject(json))
      return [ocfProblem("ocf_schema_violation", fileLocation(file), "is not an object")];
    if (json.ocf_version !== OCF_VERSION) violation("ocf_version", `must be "${OCF_VERSION}"`);
    const issuer = json.issuer;
    if (!isJsonObject(issuer) || typeof issuer.id !== "string")
      violation("issuer", "must be an issuer object with a string id");
    if (typeof json.as_of !== "string" || !DATE.test(json.as_of))
      violation("as_of", "must be a date YYYY-MM-DD");
    if (typeof json.generated_at !== "string") violation("generated_at", "must be a date-time");
    for (const kind of OCF_FILE_KINDS) {
      const spec = OCF_FILE_KIND_SPECS[kind];
      const list = json[spec.manifestKey];
      if (list === undefined) {
        if (spec.required) violation(spec.manifestKey, "is required (a list of files, possibly empty)");
        continue;
      }
      if (!Array.isArray(list)) {
        violation(spec.manifestKey, "must be a list of files");
        continue;
      }
      list.forEach((entry: Json, i) => {
        if (!isJsonObject(entry) || typeof entry.filepath !== "string" || typeof entry.md5 !== "string") {
          problems.push(
            ocfProblem(
              "ocf_schema_violation",
              fileLocation(file, [spec.manifestKey, i]),
              "must be a file entry with a string filepath and md5",
            ),
          );
        } else if (!MD5.test(entry.md5)) {
          problems.push(
            ocfProblem(
              "ocf_schema_violation",
              fileLocation(file, [spec.manifestKey, i, "md5"]),
              "must be 32 hexadecimal digits",
            ),
          );
        }
      });
    }
    return problems;
  },
  validateFile(file, kind, json) {
    if (!isJsonObject(json) || !Array.isArray(json.items)) {
      return [ocfProblem("ocf_schema_violation", fileLocation(file, ["items"]), "must be a list of objects")];
    }
    const allowed = OWN_CHECKS.allowedObjectTypes(kind);
    const problems: Problem[] = [];
    json.items.forEach((item, index) => {
      const at = itemLocation(file, index, item);
      if (!isJsonObject(item) || typeof item.object_type !== "string") {
        problems.push(ocfProblem("ocf_schema_violation", at, "must be an object with a string object_type"));
      } else if (!allowed.has(item.object_type)) {
        problems.push(
          ocfProblem(
            "ocf_schema_violation",
            { ...at, pointer: `${at.pointer}/object_type` },
            `object_type "${item.object_type}" is not one a ${OCF_FILE_KIND_SPECS[kind].fileType} may hold`,
          ),
        );
      } else if (typeof item.id !== "string" || item.id === "") {
        problems.push(
          ocfProblem("ocf_schema_violation", { ...at, pointer: `${at.pointer}/id` }, "must be a string id"),
        );
      }
    });
    return problems;
  },
  allowedObjectTypes(kind) {
    return ALLOWED.get(kind)!;
  },
};

const ALLOWED = new Map(OCF_FILE_KINDS.map((kind) => [kind, new Set(OBJECT_TYPES[kind])]));
