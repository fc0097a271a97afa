import type { Money } from "../exact/money.js";
import { Rational } from "../exact/rational.js";
import type { CapTable } from "../ledger/cap-table.js";
import type { Investment, Pricing, RoundTerms } from "../round/terms.js";
import type { StakeholderId } from "../shared/ids.js";
import { fail, ok, type Result } from "../shared/problem.js";
import type { LinearExpression, QuantityId } from "./quantity.js";

/**
 * Where an amount of a round comes from (SPEC UNC-SCN-4): a fixed amount, or a quantity
 * (or a linear combination of quantities, such as "the round size less the named
 * investments") whose value a scenario or a simulation supplies.
 */
export type AmountSource =
  | { readonly kind: "fixed"; readonly value: Money }
  | { readonly kind: "quantity"; readonly expression: LinearExpression };

export interface TemplateInvestment {
  readonly investor: StakeholderId;
  /** Undefined for a pro-rata purchase (PR-1), whose amount the engine computes. */
  readonly amount: AmountSource | undefined;
  readonly lead: boolean;
  readonly proRata: boolean;
  readonly closing: string | undefined;
}

/** A round's terms with amounts that come from quantities: RoundTerms before the numbers. */
export interface RoundTemplate {
  readonly terms: Omit<RoundTerms, "pricing" | "investments" | "targetSize">;
  readonly pricing: { readonly basis: Pricing["basis"]; readonly value: AmountSource };
  readonly investments: readonly TemplateInvestment[];
  readonly targetSize: AmountSource | undefined;
}

/** Point values of quantities, in the model's currency for amounts. */
export type QuantityValues = ReadonlyMap<QuantityId, Rational>;

/** Σ coefficient × value + constant; undefined when a quantity has no value. */
export function evaluateExpression(
  expression: LinearExpression,
  values: QuantityValues,
): Rational | QuantityId {
  let total = expression.constant;
  for (const term of expression.terms) {
    const v = values.get(term.quantity);
    if (v === undefined) return term.quantity;
    total = total.add(term.coefficient.mul(v));
  }
  return total;
}

/** Every quantity the template reads. */
export function templateQuantities(template: RoundTemplate): QuantityId[] {
  const ids = new Set<QuantityId>();
  const add = (s: AmountSource | undefined) => {
    if (s?.kind === "quantity") for (const t of s.expression.terms) ids.add(t.quantity);
  };
  add(template.pricing.value);
  add(template.targetSize);
  for (const inv of template.investments) add(inv.amount);
  return [...ids];
}

/**
 * The round's terms with every amount taken from `values` (UNC-SCN-4): investments,
 * target size and the valuation or price. Amounts are in `capTable`'s currency. A missing
 * value, a negative amount or an unknown investor is a problem, never an exception.
 */
export function buildRoundTerms(
  capTable: CapTable,
  template: RoundTemplate,
  values: QuantityValues,
): Result<RoundTerms> {
  const currency = capTable.company.currency;
  const path = ["rounds", template.terms.id];
  const amount = (source: AmountSource, what: string): Result<Money> => {
    if (source.kind === "fixed") return ok(source.value);
    const v = evaluateExpression(source.expression, values);
    if (!(v instanceof Rational)) {
      return fail(
        "scenario_invalid",
        `${what} needs a value for quantity "${v}", and the scenario gives none`,
        path,
      );
    }
    if (v.isNegative()) {
      return fail(
        "scenario_invalid",
        `${what} comes out negative (${v.toDecimalString(2)} ${currency}) from the scenario's values`,
        path,
      );
    }
    return ok({ kind: "money", currency, amount: v });
  };
  const pricing = amount(
    template.pricing.value,
    `round ${template.terms.name}'s ${template.pricing.basis.replaceAll("_", " ")}`,
  );
  if (!pricing.ok) return pricing;
  let targetSize: Money | undefined;
  if (template.targetSize) {
    const t = amount(template.targetSize, `round ${template.terms.name}'s target size`);
    if (!t.ok) return t;
    targetSize = t.value;
  }
  const investments: Investment[] = [];
  for (const [i, inv] of template.investments.entries()) {
    if (!capTable.stakeholders.has(inv.investor)) {
      return fail(
        "deal_unknown_reference",
        `round ${template.terms.name} has an investment by unknown stakeholder "${inv.investor}"`,
        [...path, "investments", i, "investor"],
      );
    }
    let money: Money | undefined;
    if (inv.amount) {
      const a = amount(inv.amount, `${inv.investor}'s investment in round ${template.terms.name}`);
      if (!a.ok) return a;
      money = a.value;
    }
    investments.push({
      investor: inv.investor,
      amount: money,
      lead: inv.lead,
      proRata: inv.proRata,
      closing: inv.closing,
      path: [...path, "investments", i],
    });
  }
  return ok({
    ...template.terms,
    pricing: { basis: template.pricing.basis, value: pricing.value },
    investments,
    targetSize,
  });
}
