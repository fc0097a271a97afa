import { Rational } from "../exact/rational.js";
import type { Claim, ClaimId } from "./claim.js";
import type { SystemRow } from "./polyhedron.js";
import type { LinearExpression, QuantityId, QuantityModel } from "./quantity.js";

/**
 * Where a row of the constraint system comes from (SPEC UNC-REC-1): a claim's lower or
 * upper end, an identity of the model, or the domain (amounts are never negative, a
 * fraction is at most 1).
 */
export type RowOrigin =
  | { readonly kind: "claim"; readonly claim: ClaimId; readonly side: "lower" | "upper" }
  | { readonly kind: "identity"; readonly identity: string; readonly side: "lower" | "upper" }
  | { readonly kind: "domain"; readonly quantity: QuantityId; readonly side: "lower" | "upper" };

export type ConstraintRow = SystemRow<RowOrigin>;

/** Dense coefficients of an expression over the model's quantities, in model order. */
export function coefficientsOf(expression: LinearExpression, index: ReadonlyMap<string, number>): Rational[] {
  const coefficients = Array.from({ length: index.size }, () => Rational.ZERO);
  for (const term of expression.terms) {
    const j = index.get(term.quantity);
    if (j === undefined)
      throw new Error(`constraints: unknown quantity ${term.quantity} (claims are validated first)`);
    coefficients[j] = coefficients[j]!.add(term.coefficient);
  }
  return coefficients;
}

export function quantityIndex(model: QuantityModel): Map<string, number> {
  return new Map(model.quantities.map((q, j) => [q.id as string, j]));
}

/** The rows that always hold: the domain of every quantity and the model's identities. */
export function structuralRows(model: QuantityModel): ConstraintRow[] {
  const index = quantityIndex(model);
  const n = model.quantities.length;
  const rows: ConstraintRow[] = [];
  for (const [j, q] of model.quantities.entries()) {
    const unit = Array.from({ length: n }, (_, k) => (k === j ? Rational.ONE : Rational.ZERO));
    rows.push({
      coefficients: unit.map((v) => v.neg()),
      bound: Rational.ZERO,
      strict: false,
      origin: { kind: "domain", quantity: q.id, side: "lower" },
    });
    if (q.unit === "fraction") {
      rows.push({
        coefficients: unit,
        bound: Rational.ONE,
        strict: false,
        origin: { kind: "domain", quantity: q.id, side: "upper" },
      });
    }
  }
  for (const identity of model.identities) {
    const left = coefficientsOf(identity.left, index);
    const right = coefficientsOf(identity.right, index);
    const difference = left.map((v, j) => v.sub(right[j]!));
    const constant = identity.right.constant.sub(identity.left.constant);
    rows.push({
      coefficients: difference,
      bound: constant,
      strict: false,
      origin: { kind: "identity", identity: identity.id, side: "upper" },
    });
    rows.push({
      coefficients: difference.map((v) => v.neg()),
      bound: constant.neg(),
      strict: false,
      origin: { kind: "identity", identity: identity.id, side: "lower" },
    });
  }
  return rows;
}

/**
 * The rows a claim adds (UNC-REC-1): for its subject e = Σ c·q + k, "e ≥ L" (or "> L")
 * from its lower end and "e ≤ U" (or "< U") from its upper end; an exact claim gives both
 * with L = U. A claim with no stated end (a bare distribution) adds no row.
 */
export function claimRows(claim: Claim, index: ReadonlyMap<string, number>): ConstraintRow[] {
  const coefficients = coefficientsOf(claim.subject, index);
  const k = claim.subject.constant;
  const rows: ConstraintRow[] = [];
  const { lower, upper } = claim.value;
  if (lower) {
    rows.push({
      coefficients: coefficients.map((v) => v.neg()),
      bound: lower.value.sub(k).neg(),
      strict: lower.strict,
      origin: { kind: "claim", claim: claim.id, side: "lower" },
    });
  }
  if (upper) {
    rows.push({
      coefficients,
      bound: upper.value.sub(k),
      strict: upper.strict,
      origin: { kind: "claim", claim: claim.id, side: "upper" },
    });
  }
  return rows;
}

/** The structural rows plus the rows of `claims`. */
export function systemRows(model: QuantityModel, claims: readonly Claim[]): ConstraintRow[] {
  const index = quantityIndex(model);
  return [...structuralRows(model), ...claims.flatMap((c) => claimRows(c, index))];
}
