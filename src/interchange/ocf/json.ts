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

/** Parses JSON text; on failure gives the 1-based line and column of the first error (OCF-PKG-2). */
export function parseJson(text: string): JsonParse {
  try {
    return { ok: true, value: JSON.parse(text) as Json };
  } catch {
    const { position, reason } = locateSyntaxError(text);
    const before = text.slice(0, position);
    const line = before.split("\n").length;
    const column = position - before.lastIndexOf("\n");
    return { ok: false, line, column, reason };
  }
}

/**
 * Where JSON text first goes wrong. JSON.parse does not always say (its messages differ between
 * engines), so a small recursive-descent scanner finds the offset and what was expected there.
 */
export function locateSyntaxError(text: string): { position: number; reason: string } {
  let i = 0;
  class Stop {
    constructor(
      readonly position: number,
      readonly reason: string,
    ) {}
  }
  const stop = (reason: string): never => {
    throw new Stop(
      i,
      i >= text.length ? "unexpected end of text" : `${reason}, found ${JSON.stringify(text[i])}`,
    );
  };
  const space = () => {
    while (i < text.length && " \t\n\r".includes(text[i]!)) i += 1;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else stop(`expected ${word}`);
  };
  const string = () => {
    i += 1;
    while (i < text.length && text[i] !== '"') {
      const c = text.charCodeAt(i);
      if (c < 0x20) stop("control character in a string");
      if (text[i] === "\\") {
        i += 1;
        if (text[i] === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) stop("expected four hex digits after \\u");
          i += 5;
        } else if (i < text.length && '"\\/bfnrt'.includes(text[i]!)) i += 1;
        else stop("invalid escape in a string");
      } else i += 1;
    }
    if (i >= text.length) stop("unterminated string");
    i += 1;
  };
  const number = () => {
    const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(i));
    if (!m || m[0] === "" || m[0] === "-") stop("expected a value");
    i += m![0].length;
  };
  const value = (): void => {
    space();
    const c = text[i];
    if (c === "{") {
      i += 1;
      space();
      if (text[i] === "}") {
        i += 1;
        return;
      }
      for (;;) {
        space();
        if (text[i] !== '"') stop("expected a property name in double quotes");
        string();
        space();
        if (text[i] !== ":") stop("expected ':'");
        i += 1;
        value();
        space();
        if (text[i] === ",") i += 1;
        else if (text[i] === "}") {
          i += 1;
          return;
        } else stop("expected ',' or '}'");
      }
    } else if (c === "[") {
      i += 1;
      space();
      if (text[i] === "]") {
        i += 1;
        return;
      }
      for (;;) {
        value();
        space();
        if (text[i] === ",") i += 1;
        else if (text[i] === "]") {
          i += 1;
          return;
        } else stop("expected ',' or ']'");
      }
    } else if (c === '"') string();
    else if (c === "t") literal("true");
    else if (c === "f") literal("false");
    else if (c === "n") literal("null");
    else number();
  };
  try {
    value();
    space();
    if (i < text.length) stop("unexpected text after the JSON value");
    return { position: text.length, reason: "not valid JSON" };
  } catch (error) {
    if (error instanceof Stop) return { position: error.position, reason: error.reason };
    throw error;
  }
}

/** Keys written first, in this order, wherever they occur; every other key follows in code-point order. */
const LEADING_KEYS = [
  "ocf_version",
  "file_type",
  "object_type",
  "id",
  "date",
  "security_id",
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
