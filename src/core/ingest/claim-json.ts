/**
 * The JSON form of an ingestion (ING-OUT-1): the claim schema of the fixtures' README
 * (subject, counterparty, kind, amount {currency, min, max, point}, qualifier,
 * attribution, status, evidence, temporal, vague), with `start`/`end` offsets of the
 * evidence and a few fields for review (ids, rules, inferred currency, stake fraction).
 * Amounts are plain numbers in currency units, as in the gold files, whenever the
 * number is exact in JSON; otherwise a decimal string (never a rounded float).
 */
import type { Rational } from "../exact/rational.js";
import type { IngestEntity, IngestOutput, PartyRef } from "./types.js";

export type JsonAmountValue = number | string;

export interface ClaimJson {
  readonly idx: number;
  readonly subject: string | null;
  readonly counterparty: string | string[] | null;
  readonly kind: string;
  readonly amount: {
    readonly currency: string;
    readonly min: JsonAmountValue | null;
    readonly max: JsonAmountValue | null;
    readonly point: JsonAmountValue | null;
  } | null;
  readonly qualifier: string | null;
  readonly attribution: string | null;
  readonly status: string;
  readonly evidence: string;
  readonly start: number;
  readonly end: number;
  readonly temporal: string;
  /** ING-DEAL-T: the round and date the claim's sentence gives its deal, or null. */
  readonly deal: { readonly round: string | null; readonly date: string | null };
  readonly vague: boolean;
  readonly basis_stated?: boolean;
  readonly currency_inferred: boolean;
  readonly fraction: { readonly qualifier: string; readonly point: JsonAmountValue } | null;
  readonly subject_id: string | null;
  readonly counterparty_ids: string[];
  readonly language: string;
  readonly rules: string[];
}

export interface IngestJson {
  readonly language: string;
  readonly language_confidence: number;
  readonly source_date: string | null;
  readonly claims: ClaimJson[];
  readonly conflicts: { claims: number[]; type: string; description: string }[];
  readonly entities: IngestEntity[];
  readonly warnings: { code: string; severity: string; message: string }[];
}

/** A Rational as a JSON number when that number is exactly the value, else as decimal text. */
export function jsonNumber(value: Rational): JsonAmountValue {
  if (value.isInteger()) {
    const n = Number(value.num);
    if (Number.isSafeInteger(n)) return n;
    return value.num.toString();
  }
  if (value.isTerminatingDecimal()) {
    const text = value.toDecimalString(30);
    const n = Number(text);
    if (String(n) === text) return n;
    return text;
  }
  return value.toString();
}

function nullable(value: Rational | null): JsonAmountValue | null {
  return value === null ? null : jsonNumber(value);
}

export function ingestOutputToJson(output: IngestOutput): IngestJson {
  return {
    language: output.language,
    language_confidence: Math.round(output.languageConfidence * 1000) / 1000,
    source_date: output.sourceDate,
    claims: output.claims.map((c): ClaimJson => {
      const parties: readonly PartyRef[] =
        c.counterparty === null
          ? []
          : Array.isArray(c.counterparty)
            ? c.counterparty
            : [c.counterparty as PartyRef];
      return {
        idx: c.index,
        subject: c.subject?.name ?? null,
        counterparty:
          c.counterparty === null
            ? null
            : Array.isArray(c.counterparty)
              ? parties.map((p) => p.name)
              : (c.counterparty as PartyRef).name,
        kind: c.kind,
        amount: c.amount
          ? {
              currency: c.amount.currency,
              min: nullable(c.amount.min),
              max: nullable(c.amount.max),
              point: nullable(c.amount.point),
            }
          : null,
        qualifier: c.qualifier,
        attribution: c.attribution?.text ?? null,
        status: c.status,
        evidence: c.evidence.text,
        start: c.evidence.start,
        end: c.evidence.end,
        temporal: c.temporal,
        deal: { round: c.deal.round, date: c.deal.date },
        vague: c.vague,
        ...(c.basisStated === undefined ? {} : { basis_stated: c.basisStated }),
        currency_inferred: c.currencyInferred,
        fraction: c.fraction
          ? { qualifier: c.fraction.qualifier, point: jsonNumber(c.fraction.point) }
          : null,
        subject_id: c.subject?.entityId ?? null,
        counterparty_ids: parties.map((p) => p.entityId),
        language: c.language,
        rules: [...c.rules],
      };
    }),
    conflicts: output.conflicts.map((k) => ({
      claims: [...k.claims],
      type: k.type,
      description: k.description,
    })),
    entities: [...output.entities],
    warnings: output.warnings.map((w) => ({ code: w.code, severity: w.severity, message: w.message })),
  };
}
