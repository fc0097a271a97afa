import { Rational } from "../exact/rational.js";
import type { Claim, ClaimId, ClaimSet } from "./claim.js";
import { claimWeights } from "./claim-weight.js";
import { type ConstraintRow, claimRows, quantityIndex, structuralRows } from "./constraints.js";
import { checkFeasibilityByBlocks } from "./polyhedron.js";
import type { QuantityId } from "./quantity.js";

/** Which claims hold beside a set of fixed values, and which the values contradict. */
export interface ClaimsBesideValues {
  readonly kept: readonly ClaimId[];
  /** Claims that cannot hold together with the fixed values and the kept claims. */
  readonly contradicted: readonly Claim[];
}

/** The two rows that pin quantity `j` to `value`. */
function pinRows(n: number, j: number, value: Rational, quantity: QuantityId): ConstraintRow[] {
  const unit = Array.from({ length: n }, (_, k) => (k === j ? Rational.ONE : Rational.ZERO));
  return [
    { coefficients: unit, bound: value, strict: false, origin: { kind: "domain", quantity, side: "upper" } },
    {
      coefficients: unit.map((v) => v.neg()),
      bound: value.neg(),
      strict: false,
      origin: { kind: "domain", quantity, side: "lower" },
    },
  ];
}

/**
 * Keeps the claims that can hold beside values a user fixes (docs/spec/uncertainty.md UNC-WHATIF-1): the
 * claims are taken heaviest first (UNC-REC-6 weights, ties in the set's order) and each is
 * kept when it still holds with the values and the claims kept before it; the others are
 * the claims the values contradict. A claim in `protect` is never dropped: when the values
 * contradict it the function fails with that claim, so that a caller can say the value
 * contradicts a figure the deal states rather than a report; it fails too when the values
 * alone break an identity or a domain. The result is deterministic.
 */
export function claimsBesideValues(
  set: ClaimSet,
  claims: readonly ClaimId[],
  values: ReadonlyMap<QuantityId, Rational>,
  protect: (claim: Claim) => boolean = () => false,
):
  | { readonly ok: true; readonly value: ClaimsBesideValues }
  | { readonly ok: false; readonly reason: "values_inconsistent" }
  | { readonly ok: false; readonly reason: "protected_claim"; readonly claim: Claim } {
  const model = set.model;
  const n = model.quantities.length;
  const index = quantityIndex(model);
  const byId = new Map(set.claims.map((c) => [c.id, c]));
  const chosen = claims.map((id) => byId.get(id)).filter((c): c is Claim => c !== undefined);
  const weights = claimWeights(set);
  const order = chosen
    .map((claim, position) => ({ claim, position }))
    .sort((a, b) => {
      // Claims that must hold go first, so that a report never displaces them.
      const pa = protect(a.claim) ? 1 : 0;
      const pb = protect(b.claim) ? 1 : 0;
      if (pa !== pb) return pb - pa;
      const wa = weights.get(a.claim.id) ?? 0;
      const wb = weights.get(b.claim.id) ?? 0;
      return wa !== wb ? wb - wa : a.position - b.position;
    });
  let rows: ConstraintRow[] = [...structuralRows(model)];
  for (const [quantity, value] of values) {
    const j = index.get(quantity);
    if (j === undefined) throw new Error(`claimsBesideValues: unknown quantity ${quantity}`);
    rows = [...rows, ...pinRows(n, j, value, quantity)];
  }
  // The values alone must hold with the model's identities and domains (a pre-money, a
  // size and a post-money that do not add up cannot all be set).
  if (!checkFeasibilityByBlocks(n, rows).feasible) return { ok: false, reason: "values_inconsistent" };
  const kept = new Set<ClaimId>();
  const contradicted: Claim[] = [];
  for (const { claim } of order) {
    const candidate = [...rows, ...claimRows(claim, index)];
    if (checkFeasibilityByBlocks(n, candidate).feasible) {
      rows = candidate;
      kept.add(claim.id);
    } else if (protect(claim)) {
      return { ok: false, reason: "protected_claim", claim };
    } else {
      contradicted.push(claim);
    }
  }
  return {
    ok: true,
    value: {
      kept: chosen.filter((c) => kept.has(c.id)).map((c) => c.id),
      contradicted: chosen.filter((c) => contradicted.includes(c)),
    },
  };
}
