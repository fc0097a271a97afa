import { Rational } from "../exact/rational.js";
import type { Claim, ClaimId, ClaimSet } from "./claim.js";
import { describeClaim } from "./claim.js";
import type { ConstraintRow } from "./constraints.js";
import { type EstimateUnit, formatEstimateValue } from "./estimate.js";
import type { Feasibility } from "./polyhedron.js";

export type Relation = "<=" | "<" | ">=" | ">";

/**
 * Why a set of claims cannot all hold (SPEC UNC-REC-5), read off the Farkas certificate:
 * the other claims (with the domain and the identities) imply a bound on the pivot
 * claim's subject that the pivot claim contradicts.
 */
export interface ConflictExplanation {
  /** The claim whose subject the explanation is about. */
  readonly pivot: ClaimId;
  readonly subject: string;
  /** What the pivot claim says about its subject: "≤ 44e9" for the upper end of "about $40B". */
  readonly pivotBound: { readonly relation: Relation; readonly value: Rational };
  /** What the other rows imply about the same subject. */
  readonly implied: { readonly relation: Relation; readonly value: Rational };
  /** The other claims that take part (multiplier > 0), in claim order. */
  readonly others: readonly ClaimId[];
  /** True when the non-negativity (or ≤ 100%) of some quantity takes part. */
  readonly usesDomain: boolean;
  /** Identities that take part, by id. */
  readonly identities: readonly string[];
  /** The explanation in one English sentence. */
  readonly text: string;
}

const WORDS: Record<Relation, string> = {
  "<=": "at most",
  "<": "less than",
  ">=": "at least",
  ">": "more than",
};

function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/**
 * Explains the conflict certified by `feasibility` (infeasible) over `rows` (UNC-REC-5).
 * The pivot is the taking-part claim whose subject has the most quantities (a group sum
 * before a single investor), then the one with the least weight, then the last listed.
 */
export function explainConflict(
  set: ClaimSet,
  claims: readonly Claim[],
  rows: readonly ConstraintRow[],
  feasibility: Extract<Feasibility, { feasible: false }>,
  weights: ReadonlyMap<ClaimId, number>,
): ConflictExplanation {
  const y = feasibility.multipliers;
  const active = rows.map((_, r) => y[r]!.isPositive());
  const order = new Map(claims.map((c, i) => [c.id, i]));
  const taking = claims.filter((c) =>
    rows.some((row, r) => active[r] && row.origin.kind === "claim" && row.origin.claim === c.id),
  );
  if (taking.length === 0) throw new Error("explain: a conflict with no claim taking part");
  const pivot = [...taking].sort(
    (a, b) =>
      b.subject.terms.length - a.subject.terms.length ||
      (weights.get(a.id) ?? 0) - (weights.get(b.id) ?? 0) ||
      order.get(b.id)! - order.get(a.id)!,
  )[0]!;
  // The pivot's row with the largest multiplier (its upper end on ties).
  let k = -1;
  for (let r = 0; r < rows.length; r++) {
    const o = rows[r]!.origin;
    if (!active[r] || o.kind !== "claim" || o.claim !== pivot.id) continue;
    if (k < 0 || y[r]!.gt(y[k]!) || (y[r]!.eq(y[k]!) && o.side === "upper")) k = r;
  }
  const pivotRow = rows[k]!;
  const side = pivotRow.origin.kind === "claim" ? pivotRow.origin.side : "upper";
  let others = Rational.ZERO;
  let othersStrict = false;
  for (let r = 0; r < rows.length; r++) {
    if (r === k || !active[r]) continue;
    others = others.add(y[r]!.mul(rows[r]!.bound));
    if (rows[r]!.strict) othersStrict = true;
  }
  // Σ_{r≠k} y_r row_r = −y_k row_k, so the other rows give row_k·x ≥ L.
  const implied = others.neg().div(y[k]!);
  const constant = pivot.subject.constant;
  const unit: EstimateUnit = pivot.value.unit;
  let pivotBound: ConflictExplanation["pivotBound"];
  let impliedBound: ConflictExplanation["implied"];
  if (side === "upper") {
    pivotBound = { relation: pivotRow.strict ? "<" : "<=", value: pivotRow.bound.add(constant) };
    impliedBound = { relation: othersStrict ? ">" : ">=", value: implied.add(constant) };
  } else {
    pivotBound = { relation: pivotRow.strict ? ">" : ">=", value: pivotRow.bound.neg().add(constant) };
    impliedBound = { relation: othersStrict ? "<" : "<=", value: implied.neg().add(constant) };
  }
  const otherClaims = taking.filter((c) => c.id !== pivot.id);
  const usesDomain = rows.some((row, r) => active[r] && row.origin.kind === "domain");
  const identityIds = [
    ...new Set(
      rows.flatMap((row, r) => (active[r] && row.origin.kind === "identity" ? [row.origin.identity] : [])),
    ),
  ];
  const identityTexts = identityIds.map((id) => set.model.identities.find((i) => i.id === id)?.text ?? id);
  const v = (x: Rational) => formatEstimateValue(x, unit);
  const quoted = (c: Claim) => `claim "${c.id}" (${describeClaim(c)})`;
  const premises = otherClaims.map(quoted);
  if (identityTexts.length > 0) premises.push(...identityTexts);
  if (usesDomain)
    premises.push(
      unit.kind === "fraction" ? "fractions lie between 0 and 100%" : "amounts are never negative",
    );
  const premiseText = premises.length === 0 ? "Nothing else" : listInWords(premises);
  const capital = premiseText[0]!.toUpperCase() + premiseText.slice(1);
  const verb = premises.length > 1 || otherClaims.length > 1 ? "together" : "";
  const impliedVerb = side === "upper" ? "need" : "allow";
  const pivotVerb = side === "upper" ? "allows" : "needs";
  const text =
    `${capital}${verb ? ` ${verb}` : ""} ${impliedVerb}${premises.length === 1 && otherClaims.length === 1 && identityTexts.length === 0 && !usesDomain ? "s" : ""} ` +
    `${pivot.subjectLabel} to be ${WORDS[impliedBound.relation]} ${v(impliedBound.value)}, ` +
    `but ${quoted(pivot)} ${pivotVerb} ${WORDS[pivotBound.relation]} ${v(pivotBound.value)}.`;
  return {
    pivot: pivot.id,
    subject: pivot.subjectLabel,
    pivotBound,
    implied: impliedBound,
    others: otherClaims.map((c) => c.id),
    usesDomain,
    identities: identityIds,
    text,
  };
}
