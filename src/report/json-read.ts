import { type Currency, isCurrency, type Money } from "../core/exact/money.js";
import { Rational } from "../core/exact/rational.js";
import { type IsoDate, parseIsoDate } from "../core/shared/date.js";

/**
 * Reading a report's JSON back into its typed report (the web app reads the API's answers
 * so): each reader says what it read, or why the JSON is not the report it expects, naming
 * the field. These helpers are small on purpose, without a schema library: the web's boot
 * script reads the first view's cap table with them (SPEC WEB-20), and it stays small.
 */
export type JsonRead<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly message: string };

/** What a reader throws at a field it cannot read; `readJson` turns it into a message. */
class FieldError extends Error {}

/** A JSON value and where it sits in the answer ("holders[2].outstanding"). */
export interface At {
  readonly value: unknown;
  readonly path: string;
}

const describe = (value: unknown) =>
  value === undefined
    ? "missing"
    : typeof value === "string"
      ? `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`
      : value === null
        ? "null"
        : Array.isArray(value)
          ? "a list"
          : typeof value === "object"
            ? "an object"
            : String(value);

/** Refuses the field: "<field>: <its value> is not <expected>". */
export function refuse(at: At, expected: string): never {
  throw new FieldError(`${at.path}: ${describe(at.value)} is not ${expected}`);
}

/** Reads `json` with `read`; a field it cannot read gives "<what>: <field>: … is not …". */
export function readJson<T>(what: string, json: unknown, read: (root: At) => T): JsonRead<T> {
  try {
    return { ok: true, value: read({ value: json, path: "" }) };
  } catch (e) {
    if (e instanceof FieldError) return { ok: false, message: `${what}: ${e.message.replace(/^: /, "")}` };
    throw e;
  }
}

/** A field of an object ("" for the root's own). */
export function field(at: At, name: string): At {
  if (at.value === null || typeof at.value !== "object" || Array.isArray(at.value)) refuse(at, "an object");
  return {
    value: (at.value as Record<string, unknown>)[name],
    path: at.path === "" ? name : `${at.path}.${name}`,
  };
}

/** The names of an object's fields (a map written as an object: shares by class id). */
export function keys(at: At): string[] {
  if (at.value === null || typeof at.value !== "object" || Array.isArray(at.value)) refuse(at, "an object");
  return Object.keys(at.value);
}

/** True when the object has the field (a key an answer may leave out, AUTH-7). */
export function has(at: At, name: string): boolean {
  return field(at, name).value !== undefined;
}

export function list<T>(at: At, read: (item: At) => T): T[] {
  if (!Array.isArray(at.value)) refuse(at, "a list");
  return at.value.map((value, i) => read({ value, path: `${at.path}[${i}]` }));
}

export function text(at: At): string {
  if (typeof at.value !== "string") refuse(at, "a text");
  return at.value;
}

export function oneOf<const T extends string>(at: At, values: readonly T[]): T {
  const value = text(at);
  if (!(values as readonly string[]).includes(value)) refuse(at, `one of ${values.join(", ")}`);
  return value as T;
}

const WHOLE = /^-?[0-9]+$/;
const DECIMAL = /^-?[0-9]+(\.[0-9]+)?$/;

/** A whole number written as a decimal string (share counts, OUT-2). */
export function whole(at: At): bigint {
  if (typeof at.value !== "string" || !WHOLE.test(at.value)) refuse(at, "a whole number");
  return BigInt(at.value);
}

/** An exact decimal string (OUT-1): read as written, never through a float. */
export function exact(at: At): Rational {
  if (typeof at.value !== "string" || !DECIMAL.test(at.value)) refuse(at, "a decimal number");
  return Rational.parse(at.value) ?? refuse(at, "a decimal number");
}

export function currencyCode(at: At): Currency {
  const code = text(at);
  if (!isCurrency(code)) refuse(at, "a currency code (ISO 4217)");
  return code;
}

export function isoDate(at: At): IsoDate {
  return parseIsoDate(text(at)) ?? refuse(at, "a date in YYYY-MM-DD form");
}

export function moneyIn(currency: Currency, at: At): Money {
  return { kind: "money", currency, amount: exact(at) };
}
