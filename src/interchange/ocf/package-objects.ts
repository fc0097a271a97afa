import { isJsonObject, type JsonObject } from "./json.js";
import type { OcfFileKind, OcfPackage } from "./model.js";
import { itemLocation, type OcfLocation } from "./problems.js";

/** One object of a package with where it stands: its file, kind, index in the file and order in the package. */
export interface PackageObject {
  readonly file: string;
  readonly kind: OcfFileKind;
  readonly index: number;
  /** Position in the whole package (files in manifest order, items in file order). */
  readonly seq: number;
  readonly object: JsonObject;
}

/** Every object of a package in package order (schema validation has ensured they are objects). */
export function packageObjects(pkg: OcfPackage): PackageObject[] {
  const out: PackageObject[] = [];
  for (const file of pkg.files) {
    for (const [index, item] of file.items.entries()) {
      if (isJsonObject(item))
        out.push({ file: file.path, kind: file.kind, index, seq: out.length, object: item });
    }
  }
  return out;
}

export function locate(o: PackageObject, field: readonly (string | number)[] = []): OcfLocation {
  return itemLocation(o.file, o.index, o.object, field);
}

export function objectType(o: PackageObject): string {
  return typeof o.object.object_type === "string" ? o.object.object_type : "";
}

export function objectId(o: PackageObject): string {
  return typeof o.object.id === "string" ? o.object.id : "";
}

export function str(o: JsonObject, key: string): string | undefined {
  const v = o[key];
  return typeof v === "string" ? v : undefined;
}

export function strList(o: JsonObject, key: string): string[] {
  const v = o[key];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

/** OCF 1.2.0 keeps the older TX_PLAN_SECURITY_* names as synonyms of TX_EQUITY_COMPENSATION_* (OCF-MAP-1). */
export function canonicalType(type: string): string {
  return type.startsWith("TX_PLAN_SECURITY_")
    ? `TX_EQUITY_COMPENSATION_${type.slice("TX_PLAN_SECURITY_".length)}`
    : type;
}

export const ISSUANCE_TYPES = new Set([
  "TX_STOCK_ISSUANCE",
  "TX_EQUITY_COMPENSATION_ISSUANCE",
  "TX_WARRANT_ISSUANCE",
  "TX_CONVERTIBLE_ISSUANCE",
]);

export function isIssuance(o: PackageObject): boolean {
  return o.kind === "transactions" && ISSUANCE_TYPES.has(canonicalType(objectType(o)));
}
