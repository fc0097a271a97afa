import type { ModelReport, PricingNote } from "../app/model.js";
import type { SolveReport } from "../app/solve.js";
import type { Money } from "../core/exact/money.js";
import { Rational } from "../core/exact/rational.js";
import { groupedInteger, moneyFor, percentText, priceFor, refText, type TextOptions } from "./format.js";
import { renderTable } from "./table.js";

const BASIS_WORDS: Readonly<Record<string, string>> = {
  pre_money: "pre-money",
  post_money: "post-money",
  price_per_share: "price per share",
};

/** A signed amount of a difference: "+$12.3K", "-$5". */
function signed(amount: Rational, currency: string, options: TextOptions): string {
  const money = { kind: "money", currency, amount: amount.abs() } as Money;
  return `${amount.isNegative() ? "-" : "+"}${moneyFor(money, options)}`;
}

/** Why the priced valuation is not the stated one, in words (the note's code and parameters). */
export function pricingText(note: PricingNote, currency: string, options: TextOptions): string {
  if (note.code === "valuation_as_stated") return "";
  const p = note.params;
  const parts = [];
  if (p.conversions)
    parts.push(
      p.conversions.method === "outside_pre_money"
        ? `${signed(p.conversions.amount, currency, options)} the conversion shares at the round price (the pre-money method sets the price without them)`
        : `${signed(p.conversions.amount, currency, options)} the converting SAFEs' and notes' dollars (the dollars-invested method adds them to the pre-money)`,
    );
  if (!p.priceRounding.isZero())
    parts.push(
      `${signed(p.priceRounding, currency, options)} from the price rounded${p.pricePlaces === undefined ? "" : ` to ${p.pricePlaces} places`}`,
    );
  if (p.antiDilution)
    parts.push(
      `${signed(p.antiDilution.amount, currency, options)} the anti-dilution adjustment's ${p.antiDilution.shares.toLocaleString("en-US")} as-converted shares at the round price`,
    );
  if (!p.wholeShares.isZero()) parts.push(`${signed(p.wholeShares, currency, options)} from whole shares`);
  return `  (stated ${BASIS_WORDS[p.basis]} ${moneyFor(p.stated, options)}: ${parts.join(", ")})`;
}

/** `roundtable model` as a table (APP-5): display names, compact money unless `exact`, ids with `ids`. */
export function modelText(report: ModelReport, options: TextOptions = {}): string {
  const r = report.round;
  const currency = report.company.currency;
  const money = (m: Money) => moneyFor(m, options);
  const lines = [
    `${report.company.name} — ${refText(r.round, options)} (${r.date})`,
    `  price per share     ${priceFor(r.pricePerShare, options)}${
      r.exactPricePerShare.amount.eq(r.pricePerShare.amount)
        ? ""
        : `  (exact ${r.exactPricePerShare.amount.toDecimalString(18)})`
    }`,
    `  pre-money           ${money(r.preMoneyValuation)}${r.pricing.params.basis === "pre_money" ? pricingText(r.pricing, currency, options) : ""}`,
    `  new money           ${money(r.newMoney)}`,
    `  post-money          ${money(r.postMoneyValuation)}${r.pricing.params.basis === "post_money" ? pricingText(r.pricing, currency, options) : ""}`,
    `  new shares          ${groupedInteger(r.newShares)}   conversion shares ${groupedInteger(r.conversionShares)}   pool increase ${groupedInteger(r.poolIncrease)}`,
    `  fully diluted       ${groupedInteger(r.fullyDilutedSharesBefore)} → ${groupedInteger(r.fullyDilutedSharesAfter)}`,
    "",
  ];
  const table = renderTable(
    [
      { header: "Holder" },
      { header: "FD shares before", align: "right" },
      { header: "FD before", align: "right" },
      { header: "FD shares after", align: "right" },
      { header: "FD after", align: "right" },
      { header: "Dilution", align: "right" },
      { header: "Invested", align: "right" },
    ],
    report.holders.map((h) => [
      refText(h.holder, options),
      groupedInteger(h.fullyDilutedSharesBefore),
      percentText(h.fullyDilutedBefore),
      groupedInteger(h.fullyDilutedSharesAfter),
      percentText(h.fullyDilutedAfter),
      h.dilution === undefined ? (h.kind === "stakeholder" ? "new" : "") : percentText(h.dilution),
      h.invested.amount.isZero() ? "" : money(h.invested),
    ]),
  );
  const notes: string[] = [];
  for (const c of report.conversions) {
    notes.push(
      `  ${refText(c.security, options)} (${c.instrument === "safe" ? "SAFE" : "note"}, ${refText(c.holder, options)}): ${money(c.convertingAmount)} at ${priceFor(c.conversionPrice, options)} (${c.basis.replace("_", " ")}) → ${groupedInteger(c.shares)} shares`,
    );
  }
  for (const a of report.antiDilution) {
    notes.push(
      `  anti-dilution ${refText(a.shareClass, options)} (${a.method.replaceAll("_", " ")}): conversion price ${priceFor(a.conversionPriceBefore, options)} → ${priceFor(a.conversionPriceAfter, options)}${a.closing === undefined ? "" : ` at closing ${a.closing} (${a.date})`}`,
    );
  }
  // P2P-6: who did not buy its pro rata, and what it converted.
  const p2p = report.payToPlay;
  for (const h of p2p?.holders ?? []) {
    notes.push(
      `  pay-to-play (${p2p!.form.replaceAll("_", " ")}, ${groupedInteger(p2p!.offered)} offered): ${refText(h.holder, options)} bought ${groupedInteger(h.purchased)} of a pro rata of ${h.proRata.eq(Rational.of(h.proRata.floor())) ? groupedInteger(h.proRata.floor()) : h.proRata.toDecimalString(2)}: ${h.converted === 0n ? "plays, nothing converts" : `${groupedInteger(h.converted)} preferred shares convert`}`,
    );
  }
  const scenario = report.scenario;
  const reported = scenario
    ? scenario.claims.filter((c) => !c.id.startsWith("terms:")).map((c) => refText(c, options))
    : [];
  const scenarioLines = scenario
    ? [
        `Amounts from the ${scenario.name} scenario${reported.length ? `, given by the claims on ${reported.join(", ")}` : ""}`,
        ...scenario.values
          .filter((v) =>
            ["investment", "round_size", "valuation_pre", "valuation_post"].includes(
              v.quantity.ref?.kind ?? "",
            ),
          )
          .map(
            (v) =>
              `  ${refText(v.quantity, options).padEnd(40)} ${money({ kind: "money", currency, amount: v.value } as Money)}  (${v.how}${v.atOpenBound ? ", at a limit the claims exclude" : ""})`,
          ),
        "",
      ]
    : [];
  const assumptions = report.assumptions
    .filter((a) => a.fields.length > 0)
    .map(
      (a) =>
        `  ${options.ids ? `[${a.id}] ` : ""}${a.text} (used in ${a.fields.map((f) => refText(f, options)).join(", ")})`,
    );
  return [
    ...lines,
    table,
    ...scenarioLines,
    ...(notes.length ? ["Conversions and adjustments", ...notes, ""] : []),
    ...(assumptions.length ? ["Assumptions", ...assumptions, ""] : []),
  ].join("\n");
}

/** `roundtable solve` as text: the solution, then the round's pro forma. */
export function solveText(report: SolveReport, options: TextOptions = {}): string {
  const s = report.solution;
  const r = report.model.round;
  return [
    `Solved for the ${s.unknown} that gives ${refText(s.investor, options)} ${percentText(s.targetFraction)} fully diluted`,
    `  price per share        ${s.exactPricePerShare.amount.toDecimalString(18)} (exact)`,
    ...(s.amount
      ? [
          `  amount                 ${moneyFor(s.amount, options)}  (exact ${s.amount.amount.toDecimalString(18)})`,
        ]
      : []),
    `  pre-money              ${moneyFor(r.preMoneyValuation, options)}`,
    `  post-money             ${moneyFor(r.postMoneyValuation, options)}`,
    `  achieved in whole shares ${percentText(s.achievedFraction)}`,
    "",
    "",
    modelText(report.model, options),
  ].join("\n");
}
