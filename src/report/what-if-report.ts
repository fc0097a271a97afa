import { type Currency, compactMoney } from "../core/exact/money.js";
import { formatEstimate, formatEstimateValue } from "../core/uncertainty/estimate.js";
import type { WhatIfOutcome } from "../deal/what-if.js";
import { decimal } from "./format.js";
import { estimateFr, frenchPercent } from "./fr.js";

/** A what-if as JSON (DEAL-WHATIF-4): each figure set, exactly, and the claims set aside. */
export function whatIfJson(w: WhatIfOutcome) {
  return {
    scenario: w.scenario,
    basedOn: w.basedOn,
    settings: w.settings.map((s) => ({
      name: s.name,
      quantity: s.quantity,
      label: s.label,
      unit: s.unit,
      value: decimal(s.value),
    })),
    contradicted: w.contradicted.map((c) => ({
      id: c.id,
      source: c.source,
      about: c.subjectLabel,
      value: formatEstimate(c.value),
    })),
  };
}

/**
 * A what-if in words, for a table's reader: the figures set, and the claims they set aside;
 * in French with `lang: "fr"` (APP-9).
 */
export function whatIfText(w: WhatIfOutcome, currency: string, lang: "en" | "fr" = "en"): string {
  const unit = (u: "money" | "fraction") =>
    u === "fraction"
      ? ({ kind: "fraction" } as const)
      : ({ kind: "money", currency: currency as Currency } as const);
  if (lang === "fr") {
    const valueFr = (value: WhatIfOutcome["settings"][number]["value"], u: "money" | "fraction") =>
      u === "fraction"
        ? frenchPercent(value)
        : compactMoney({ kind: "money", currency: currency as Currency, amount: value }, "fr");
    const lines = [
      `Hypothèse (à partir du ${w.basedOn === "base" ? "scénario de base" : `scénario ${w.basedOn}`}) : ${w.settings
        .map((s) => `${s.labelFr} = ${valueFr(s.value, s.unit)}`)
        .join(" ; ")}`,
    ];
    if (w.contradicted.length === 0) lines.push("  toutes les affirmations du scénario tiennent encore");
    for (const c of w.contradicted)
      lines.push(
        `  écartée, contredite par l'hypothèse : affirmation ${c.id} (${c.subjectLabelFr} : ${estimateFr(c.value)})`,
      );
    return `${lines.join("\n")}\n`;
  }
  const lines = [
    `What-if (based on the ${w.basedOn} scenario): ${w.settings
      .map((s) => `${s.label} = ${formatEstimateValue(s.value, unit(s.unit))}`)
      .join("; ")}`,
  ];
  if (w.contradicted.length === 0) lines.push("  every claim of the scenario still holds");
  for (const c of w.contradicted)
    lines.push(
      `  set aside, contradicted by the what-if: claim ${c.id} (${c.subjectLabel}: ${formatEstimate(c.value)})`,
    );
  return `${lines.join("\n")}\n`;
}
