import type { RangeFigure } from "../../app/claims-report.js";
import type { Currency, Money } from "../../core/exact/money.js";
import type { Rational } from "../../core/exact/rational.js";
import type { Estimate } from "../../core/uncertainty/estimate.js";
import type { MessageKey } from "./messages.js";
import { formatMoneyExactShort, formatPercent, type Locale } from "./number-format.js";

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** A fraction as a percentage with as few decimals as show it exactly (up to 6), else 6 rounded half-even. */
export function formatPercentExact(fraction: Rational, locale: Locale): string {
  const percent = fraction.mulInt(100n);
  for (let places = 0; places < 6; places++) {
    if (percent.mulInt(10n ** BigInt(places)).isInteger()) return formatPercent(fraction, places, locale);
  }
  return formatPercent(fraction, 6, locale);
}

/** An amount of money in its shortest exact short form ("$1.25B" / "1,25 Md$"). */
export function formatAmount(amount: Rational, currency: Currency, locale: Locale): string {
  const money: Money = { kind: "money", currency, amount };
  return formatMoneyExactShort(money, locale);
}

/** A claim's or a figure's estimate in the interface's language: "up to $50B", "jusqu'à 50 Md$". */
export function formatEstimateIn(estimate: Estimate, t: Translate, locale: Locale): string {
  const unit = estimate.unit;
  const v = (x: Rational) =>
    unit.kind === "fraction" ? formatPercentExact(x, locale) : formatAmount(x, unit.currency, locale);
  const lower = estimate.lower?.value;
  const upper = estimate.upper?.value;
  const stated = estimate.stated;
  switch (estimate.qualifier) {
    case "exact":
      return stated ? v(stated) : lower ? v(lower) : "";
    case "about":
      return stated ? t("estimateAbout", { value: v(stated) }) : "";
    case "up_to":
      return upper ? t("estimateUpTo", { value: v(upper) }) : "";
    case "less_than":
      return upper ? t("estimateLessThan", { value: v(upper) }) : "";
    case "at_least":
      return lower ? t("estimateAtLeast", { value: v(lower) }) : "";
    case "more_than":
      return lower ? t("estimateMoreThan", { value: v(lower) }) : "";
    default:
      return lower && upper
        ? t("estimateBetween", { min: v(lower), max: v(upper) })
        : lower
          ? t("estimateAtLeast", { value: v(lower) })
          : upper
            ? t("estimateUpTo", { value: v(upper) })
            : "";
  }
}

/**
 * A feasible range of the typed claims report (exact ends, each reached or not) in
 * interval notation: "[$10B, $44B]", "($20B, $50B]"; an open end is written in words.
 */
export function formatRange(range: RangeFigure, t: Translate, locale: Locale): string {
  const unit = range.unit;
  const v = (x: Rational) =>
    unit.kind === "money" ? formatAmount(x, unit.currency, locale) : formatPercentExact(x, locale);
  const lo =
    range.min === null ? `(${t("noLowerEnd")}` : `${range.min.attained ? "[" : "("}${v(range.min.value)}`;
  const hi =
    range.max === null ? `${t("noUpperEnd")})` : `${v(range.max.value)}${range.max.attained ? "]" : ")"}`;
  return locale === "fr" ? `${lo} ; ${hi}` : `${lo}, ${hi}`;
}

const STANDARD_SCENARIOS = { low: "scenarioLow", base: "scenarioBase", high: "scenarioHigh" } as const;

/** A scenario's name in the interface's language: low, base and high are words; the deal's own names as written. */
export function scenarioLabel(name: string, t: Translate): string {
  return Object.hasOwn(STANDARD_SCENARIOS, name)
    ? t(STANDARD_SCENARIOS[name as keyof typeof STANDARD_SCENARIOS])
    : name;
}
