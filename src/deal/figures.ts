import { parseAmount } from "../core/exact/amount-parse.js";
import type { Currency, Money } from "../core/exact/money.js";
import { Rational } from "../core/exact/rational.js";
import type { FieldPath, Problem } from "../core/shared/problem.js";
import { type Estimate, estimateFromStructure } from "../core/uncertainty/estimate.js";
import { parseEstimate } from "../core/uncertainty/estimate-parse.js";
import type { FigureText } from "./scalars.js";

/** A figure read: an exact amount, or an estimate of one (SPEC DEAL-4). */
export type ReadFigure =
  | { readonly kind: "exact"; readonly value: Money }
  | { readonly kind: "estimate"; readonly estimate: Estimate };

/**
 * Reads a figure of money: a plain number is in the company's currency; an amount as
 * people write it is exact; anything else is read as an estimate ("up to $50B").
 */
export function readMoneyFigure(
  figure: FigureText,
  currency: Currency,
  path: FieldPath,
): ReadFigure | readonly Problem[] {
  if (figure.kind === "text") {
    const plain = Rational.parse(figure.text.replaceAll("_", ""));
    if (plain) return { kind: "exact", value: { kind: "money", currency, amount: plain } };
    const exact = parseAmount(figure.text, { defaultCurrency: currency });
    if (exact.ok) return { kind: "exact", value: exact.value };
    const estimate = parseEstimate(figure.text, { unit: "money", defaultCurrency: currency, path });
    if (!estimate.ok) return estimate.problems;
    if (estimate.value.qualifier === "exact" && estimate.value.unit.kind === "money") {
      return {
        kind: "exact",
        value: { kind: "money", currency: estimate.value.unit.currency, amount: estimate.value.stated! },
      };
    }
    return { kind: "estimate", estimate: estimate.value };
  }
  const estimate = estimateFromStructure(figure.structure as never, "money", {
    defaultCurrency: currency,
    path,
  });
  if (!estimate.ok) return estimate.problems;
  return { kind: "estimate", estimate: estimate.value };
}

/** Reads a figure for a quantity of the given unit (claims): always as an estimate, exact ones included. */
export function readEstimate(
  figure: FigureText,
  unit: "money" | "fraction",
  currency: Currency,
  path: FieldPath,
): Estimate | readonly Problem[] {
  const result =
    figure.kind === "text"
      ? parseEstimate(figure.text, { unit, defaultCurrency: currency, path })
      : estimateFromStructure(figure.structure as never, unit, { defaultCurrency: currency, path });
  return result.ok ? result.value : result.problems;
}
