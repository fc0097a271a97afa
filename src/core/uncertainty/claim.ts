import type { Currency, ExchangeRate } from "../exact/money.js";
import { Rational } from "../exact/rational.js";
import { type IsoDate, parseIsoDate } from "../shared/date.js";
import { LIMITS } from "../shared/limits.js";
import { type FieldPath, ok, type Problem, problem, type Result } from "../shared/problem.js";
import { convertEstimate, type Estimate, formatEstimate } from "./estimate.js";
import {
  type LinearExpression,
  type Quantity,
  type QuantityId,
  type QuantityModel,
  quantityExpression,
  sumExpression,
} from "./quantity.js";
import type { Source, SourceId } from "./source.js";

export type ClaimId = string & { readonly __brand: "ClaimId" };
export const claimId = (id: string): ClaimId => id as ClaimId;

/** How far along the reported terms are (SPEC UNC-CLM-2), from talk to money in the bank. */
export type ClaimStatus = "rumored" | "in_talks" | "agreed" | "announced" | "closed";
export const CLAIM_STATUSES: readonly ClaimStatus[] = [
  "rumored",
  "in_talks",
  "agreed",
  "announced",
  "closed",
];

/** The text a claim rests on, with its place in the source text when known. */
export interface Evidence {
  readonly text: string;
  readonly start: number | undefined;
  readonly end: number | undefined;
}

/**
 * What one source says about one quantity, or about a linear combination of quantities
 * such as the sum of a group's investments (UNC-CLM-1). The estimate is in the model's
 * currency (converted through a stated rate when the source wrote another).
 */
export interface Claim {
  readonly kind: "claim";
  readonly id: ClaimId;
  readonly source: SourceId;
  readonly subject: LinearExpression;
  /** The subject in words: "Amazon", "Amazon + Nvidia + Microsoft". */
  readonly subjectLabel: string;
  /** The subject in French words, from the quantities' French labels (APP-9). */
  readonly subjectLabelFr: string;
  readonly value: Estimate;
  /** The estimate as the source wrote it, before any currency conversion. */
  readonly statedValue: Estimate;
  /** The phrase naming who says it: "selon des personnes familières avec le dossier". */
  readonly attribution: string | undefined;
  readonly status: ClaimStatus;
  readonly evidence: Evidence | undefined;
  /** When the claim was made; the source's date when not stated. */
  readonly date: IsoDate | undefined;
}

export interface ClaimInput {
  readonly id: string;
  readonly source: string;
  /** One quantity id, several (their sum), or a linear expression. */
  readonly subject: string | readonly string[] | LinearExpression;
  readonly value: Estimate;
  readonly attribution?: string;
  readonly status: ClaimStatus | string;
  readonly evidence?: { readonly text: string; readonly start?: number; readonly end?: number };
  readonly date?: string;
}

/** Claims checked against their sources and the quantity model, ready to reconcile. */
export interface ClaimSet {
  readonly model: QuantityModel;
  readonly sources: ReadonlyMap<SourceId, Source>;
  readonly claims: readonly Claim[];
  readonly currency: Currency;
}

function expressionLabel(
  expression: LinearExpression,
  byId: ReadonlyMap<string, Quantity>,
  lang: "en" | "fr" = "en",
): string {
  const parts: string[] = [];
  for (const [i, term] of expression.terms.entries()) {
    const q = byId.get(term.quantity);
    const name = (lang === "fr" ? q?.labelFr : q?.label) ?? term.quantity;
    const c = term.coefficient;
    const magnitude = c.abs();
    const text = magnitude.eq(Rational.ONE) ? name : `${magnitude.toDecimalString(6)} × ${name}`;
    if (i === 0) parts.push(c.isNegative() ? `−${text}` : text);
    else parts.push(c.isNegative() ? `− ${text}` : `+ ${text}`);
  }
  if (!expression.constant.isZero() || parts.length === 0) {
    const k = expression.constant;
    parts.push(
      parts.length === 0
        ? k.toDecimalString(6)
        : `${k.isNegative() ? "−" : "+"} ${k.abs().toDecimalString(6)}`,
    );
  }
  return parts.join(" ");
}

/** The expression in words, with each quantity's label. */
export function describeExpression(expression: LinearExpression, model: QuantityModel): string {
  return expressionLabel(expression, new Map(model.quantities.map((q) => [q.id, q])));
}

/**
 * Checks claims against their sources and the quantity model (UNC-CLM-1..UNC-CLM-4) and
 * returns every problem found, not only the first: unknown or duplicate ids, unknown
 * sources and quantities, a money estimate on a fraction (or the reverse), a currency with
 * no stated rate, bad dates and evidence offsets.
 */
export function validateClaims(
  inputs: readonly ClaimInput[],
  sources: readonly Source[],
  model: QuantityModel,
  options: {
    readonly currency: Currency;
    readonly rates?: readonly ExchangeRate[];
    readonly path?: FieldPath;
  },
): Result<ClaimSet> {
  const base = options.path ?? ["claims"];
  const problems: Problem[] = [];
  if (inputs.length > LIMITS.claims) {
    return {
      ok: false,
      problems: [
        problem("input_too_large", `${inputs.length} claims; at most ${LIMITS.claims} are accepted`, base),
      ],
    };
  }
  const sourceById = new Map<SourceId, Source>();
  for (const s of sources) {
    if (sourceById.has(s.id))
      problems.push(problem("deal_duplicate_id", `source "${s.id}" is declared twice`, ["sources"]));
    sourceById.set(s.id, s);
  }
  const byId = new Map(model.quantities.map((q) => [q.id as string, q]));
  const seen = new Set<string>();
  const claims: Claim[] = [];
  for (const [index, input] of inputs.entries()) {
    const path = [...base, index];
    const at = (field: string) => [...path, field];
    const before = problems.length;
    if (seen.has(input.id))
      problems.push(problem("deal_duplicate_id", `claim "${input.id}" is declared twice`, at("id")));
    seen.add(input.id);
    const source = sourceById.get(input.source as SourceId);
    if (!source) {
      problems.push(
        problem(
          "claim_unknown_source",
          `claim "${input.id}" names unknown source "${input.source}"`,
          at("source"),
        ),
      );
    }
    let subject: LinearExpression;
    if (typeof input.subject === "string") subject = quantityExpression(input.subject as QuantityId);
    else if (Array.isArray(input.subject)) subject = sumExpression(input.subject as QuantityId[]);
    else subject = input.subject as LinearExpression;
    if (subject.terms.length === 0) {
      problems.push(
        problem("claim_unknown_quantity", `claim "${input.id}" is about no quantity`, at("subject")),
      );
    }
    const units = new Set<string>();
    for (const term of subject.terms) {
      const q = byId.get(term.quantity);
      if (!q) {
        problems.push(
          problem(
            "claim_unknown_quantity",
            `claim "${input.id}" is about "${term.quantity}", a quantity the deal does not define`,
            at("subject"),
          ),
        );
      } else units.add(q.unit);
    }
    if (units.size > 1) {
      problems.push(
        problem(
          "claim_unit_mismatch",
          `claim "${input.id}" adds amounts of money to fractions`,
          at("subject"),
        ),
      );
    }
    const unit = [...units][0];
    const valueKind = input.value.unit.kind;
    if (unit !== undefined && unit !== valueKind) {
      problems.push(
        problem(
          "claim_unit_mismatch",
          `claim "${input.id}" gives ${valueKind === "money" ? "an amount of money" : "a fraction"} (${formatEstimate(input.value)}) for ${unit === "money" ? "an amount of money" : "a fraction"}`,
          at("value"),
        ),
      );
    }
    let value = input.value;
    if (valueKind === "money") {
      const converted = convertEstimate(input.value, options.currency, options.rates ?? []);
      if (!converted) {
        problems.push(
          problem(
            "currency_without_rate",
            `claim "${input.id}" is in ${input.value.unit.kind === "money" ? input.value.unit.currency : ""} and the deal states no rate to ${options.currency}`,
            at("value"),
          ),
        );
      } else value = converted;
    }
    if (!CLAIM_STATUSES.includes(input.status as ClaimStatus)) {
      problems.push(
        problem(
          "deal_invalid_field",
          `claim "${input.id}": status "${input.status}" is not one of ${CLAIM_STATUSES.join(", ")}`,
          at("status"),
        ),
      );
    }
    let date: IsoDate | undefined = source?.date;
    if (input.date !== undefined) {
      date = parseIsoDate(input.date);
      if (!date) {
        problems.push(
          problem(
            "deal_invalid_field",
            `claim "${input.id}": date "${input.date}" is not a calendar date YYYY-MM-DD`,
            at("date"),
          ),
        );
      }
    }
    let evidence: Evidence | undefined;
    if (input.evidence) {
      const { text, start, end } = input.evidence;
      const bad =
        (start !== undefined && (!Number.isSafeInteger(start) || start < 0)) ||
        (end !== undefined && (!Number.isSafeInteger(end) || end < 0)) ||
        (start !== undefined && end !== undefined && (end < start || end - start !== text.length));
      if (bad) {
        problems.push(
          problem(
            "deal_invalid_field",
            `claim "${input.id}": evidence offsets ${start}–${end} do not span its ${text.length}-character text`,
            at("evidence"),
          ),
        );
      }
      evidence = { text, start, end };
    }
    if (problems.length > before) continue;
    claims.push({
      kind: "claim",
      id: claimId(input.id),
      source: input.source as SourceId,
      subject,
      subjectLabel: expressionLabel(subject, byId),
      subjectLabelFr: expressionLabel(subject, byId, "fr"),
      value,
      statedValue: input.value,
      attribution: input.attribution,
      status: input.status as ClaimStatus,
      evidence,
      date,
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  return ok({ model, sources: sourceById, claims, currency: options.currency });
}

/** The claim in words: "Amazon: up to $50B (src, 2026-01-28)". */
export function describeClaim(claim: Claim): string {
  return `${claim.subjectLabel}: ${formatEstimate(claim.value)}`;
}
