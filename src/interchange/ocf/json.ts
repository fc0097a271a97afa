/**
 * Plain JSON values as OCF files hold them, parsing with a line and column on error, and
 * the deterministic writer: a fixed key order (OCF-EXP-2), two-space indent, final newline.
 */
export type Json = null | boolean | number | string | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}

export function isJsonObject(value: Json | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export type JsonParse =
  | { ok: true; value: Json }
  | { ok: false; line: number; column: number; reason: string };

/** Parses JSON text; on failure gives the 1-based line and column the parser stopped at. */
export function parseJson(text: string): JsonParse {
  try {
    return { ok: true, value: JSON.parse(text) as Json };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const match = /position (\d+)/.exec(reason);
    const position = match ? Number(match[1]) : text.length;
    const before = text.slice(0, position);
    const line = before.split("\n").length;
    const column = position - before.lastIndexOf("\n");
    return { ok: false, line, column, reason: reason.replace(/ in JSON at position \d+.*$/, "") };
  }
}

/** Keys written first, in this order, wherever they occur; every other key follows in code-point order. */
const LEADING_KEYS = [
  "ocf_version",
  "file_type",
  "object_type",
  "id",
  "issuer",
  "as_of",
  "generated_at",
  "items",
] as const;
const LEADING_RANK = new Map<string, number>(LEADING_KEYS.map((key, index) => [key, index]));

function compareKeys(a: string, b: string): number {
  const ra = LEADING_RANK.get(a);
  const rb = LEADING_RANK.get(b);
  if (ra !== undefined || rb !== undefined) return (ra ?? LEADING_KEYS.length) - (rb ?? LEADING_KEYS.length);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A copy of `value` with every object's keys in the writer's order (OCF-EXP-2). */
export function withStableKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(withStableKeys);
  if (!isJsonObject(value)) return value;
  const out: JsonObject = {};
  for (const key of Object.keys(value).sort(compareKeys)) out[key] = withStableKeys(value[key]!);
  return out;
}

/** The bytes of a JSON file as roundtable writes it: stable keys, two-space indent, final newline. */
export function stringifyStable(value: Json): string {
  return `${JSON.stringify(withStableKeys(value), null, 2)}\n`;
}

/** Deep equality of JSON values, ignoring key order. */
export function jsonEqual(a: Json | undefined, b: Json | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((item, index) => jsonEqual(item, b[index]));
  }
  if (isJsonObject(a) && isJsonObject(b)) {
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    return ka.every((key) => key in b && jsonEqual(a[key], b[key]));
  }
  return false;
}

/** A JSON Pointer (RFC 6901) from path segments: ["items", 3, "quantity"] → "/items/3/quantity". */
export function jsonPointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => `/${String(s).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
}

/** The segments of a JSON Pointer. */
export function pointerSegments(pointer: string): (string | number)[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}
