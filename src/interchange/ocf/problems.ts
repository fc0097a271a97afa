import type { ErrorCode } from "../../core/shared/errors.js";
import { type Problem, problem, warning } from "../../core/shared/problem.js";
import { isJsonObject, type Json, type JsonObject, jsonPointer, pointerSegments } from "./json.js";

/** Where in a package something is: the file, the object (type and id) and a JSON Pointer into the file. */
export interface OcfLocation {
  readonly file: string;
  /** JSON Pointer from the file's root ("/items/3/quantity"); "" for the whole file. */
  readonly pointer: string;
  readonly objectType?: string;
  readonly objectId?: string;
}

/** The location of item `index` of a file, or of a field inside it. */
export function itemLocation(
  file: string,
  index: number,
  item: Json | undefined,
  field: readonly (string | number)[] = [],
): OcfLocation {
  const object = isJsonObject(item) ? item : undefined;
  const objectType = typeof object?.object_type === "string" ? object.object_type : undefined;
  const objectId = typeof object?.id === "string" ? object.id : undefined;
  return {
    file,
    pointer: jsonPointer(["items", index, ...field]),
    ...(objectType === undefined ? {} : { objectType }),
    ...(objectId === undefined ? {} : { objectId }),
  };
}

export function fileLocation(file: string, field: readonly (string | number)[] = []): OcfLocation {
  return { file, pointer: jsonPointer(field) };
}

/** "Transactions.ocf.json, TX_STOCK_ISSUANCE "s-1", at /items/3/quantity" */
export function describeLocation(at: OcfLocation): string {
  const object =
    at.objectType !== undefined || at.objectId !== undefined
      ? `, ${at.objectType ?? "object"}${at.objectId === undefined ? "" : ` "${at.objectId}"`}`
      : "";
  return `${at.file}${object}, at ${at.pointer === "" ? "/" : at.pointer}`;
}

/** A problem located in a package: the message starts with the location; the path is the file then the pointer. */
export function ocfProblem(code: ErrorCode, at: OcfLocation, text: string): Problem {
  return problem(code, `${describeLocation(at)}: ${text}`, [at.file, ...pointerSegments(at.pointer)]);
}

export function ocfWarning(code: ErrorCode, at: OcfLocation, text: string): Problem {
  return warning(code, `${describeLocation(at)}: ${text}`, [at.file, ...pointerSegments(at.pointer)]);
}

/** A located problem about an object found through its location record. */
export interface LocatedObject {
  readonly file: string;
  readonly index: number;
  readonly object: JsonObject;
}

export function objectLocation(o: LocatedObject, field: readonly (string | number)[] = []): OcfLocation {
  return itemLocation(o.file, o.index, o.object, field);
}

/** Whether a value is a Problem (and not, say, a JSON object that happens to have a `code` key). */
export function isProblem(value: unknown): value is Problem {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.code === "string" &&
    typeof v.message === "string" &&
    (v.severity === "error" || v.severity === "warning")
  );
}
