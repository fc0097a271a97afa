import { createHash } from "node:crypto";
import { Rational } from "../../core/exact/rational.js";

/**
 * Canonical text of a ledger record: keys sorted, bigints and Rationals as exact strings,
 * undefined fields and the deal-location `path` left out. Two records with the same
 * canonical text are the same record.
 */
export function canonicalRecord(value: unknown): string {
  return JSON.stringify(canonical(value));
}

function canonical(value: unknown): unknown {
  if (typeof value === "bigint") return `${value}n`;
  if (value instanceof Rational) return `${value.toString()}r`;
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value === "object" && value !== null) {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v === undefined || key === "path") continue;
      out[key] = canonical(v);
    }
    return out;
  }
  return value;
}

/** A short fingerprint of ledger records (OCF-RT-2): the first 16 hex digits of the SHA-256 of their canonical text. */
export function fingerprint(records: readonly unknown[]): string {
  return createHash("sha256").update(canonicalRecord(records)).digest("hex").slice(0, 16);
}
