import type { ModelReport, PricingNote } from "../app/model.js";
import type { SolveReport } from "../app/solve.js";
import type { Money } from "../core/exact/money.js";
import { Rational } from "../core/exact/rational.js";
import {
  groupedInteger,
  moneyFor,
  percentText,
  priceFor,
  refText,
  say,
  scenarioWords,
  type TextOptions,
} from "./format.js";
import { explanationFr, fieldNameFr, frenchFixed } from "./fr.js";
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
  if (options.lang === "fr") return `  (${explanationFr(note, currency)})`;
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
  // A stated valuation that reads as the priced one compactly ($830B and $830B) is written
  // to the cent beside the priced one, so that the note shows the difference it explains.
  const same = !options.exact && moneyFor(p.stated, options) === moneyFor(p.priced, options);
  const stated = same
    ? `${moneyFor(p.stated, { ...options, exact: true })}, priced ${moneyFor(p.priced, { ...options, exact: true })}`
    : moneyFor(p.stated, options);
  return `  (stated ${BASIS_WORDS[p.basis]} ${stated}: ${parts.join(", ")})`;
}

/** `roundtable model` as a table (APP-5): display names, compact money unless `exact`, ids with `ids`. */
export function modelText(report: ModelReport, options: TextOptions = {}): string {
  const r = report.round;
  const currency = report.company.currency;
  const money = (m: Money) => moneyFor(m, options);
  const w = (en: string, fr: string) => say(options, en, fr);
  const int = (n: bigint) => groupedInteger(n, options);
  const pct = (f: Rational) => percentText(f, options);
  const lines = [
    `${report.company.name} — ${refText(r.round, options)} (${r.date})`,
    `  ${w("price per share   ", "prix par action   ")}  ${priceFor(r.pricePerShare, options)}${
      r.exactPricePerShare.amount.eq(r.pricePerShare.amount)
        ? ""
        : `  (${w("exact", "exactement")} ${w(r.exactPricePerShare.amount.toDecimalString(18), frenchFixed(r.exactPricePerShare.amount.toDecimalString(18)))})`
    }`,
    `  ${w("pre-money         ", "pré-money         ")}  ${money(r.preMoneyValuation)}${r.pricing.params.basis === "pre_money" ? pricingText(r.pricing, currency, options) : ""}`,
    `  ${w("new money         ", "argent frais      ")}  ${money(r.newMoney)}`,
    `  ${w("post-money        ", "post-money        ")}  ${money(r.postMoneyValuation)}${r.pricing.params.basis === "post_money" ? pricingText(r.pricing, currency, options) : ""}`,
    `  ${w("new shares        ", "actions nouvelles ")}  ${int(r.newShares)}   ${w("conversion shares", "actions de conversion")} ${int(r.conversionShares)}   ${w("pool increase", "hausse du pool")} ${int(r.poolIncrease)}`,
    `  ${w("fully diluted     ", "entièrement dilué ")}  ${int(r.fullyDilutedSharesBefore)} → ${int(r.fullyDilutedSharesAfter)}`,
    "",
  ];
  const table = renderTable(
    [
      { header: w("Holder", "Détenteur") },
      { header: w("FD shares before", "Actions ED avant"), align: "right" },
      { header: w("FD before", "ED avant"), align: "right" },
      { header: w("FD shares after", "Actions ED après"), align: "right" },
      { header: w("FD after", "ED après"), align: "right" },
      { header: "Dilution", align: "right" },
      { header: w("Invested", "Investi"), align: "right" },
    ],
    report.holders.map((h) => [
      refText(h.holder, options),
      int(h.fullyDilutedSharesBefore),
      pct(h.fullyDilutedBefore),
      int(h.fullyDilutedSharesAfter),
      pct(h.fullyDilutedAfter),
      h.dilution === undefined ? (h.kind === "stakeholder" ? w("new", "nouveau") : "") : pct(h.dilution),
      h.invested.amount.isZero() ? "" : money(h.invested),
    ]),
  );
  const notes: string[] = [];
  // A SAFE or note is named by its holder (securities have no display name); its id with --ids.
  const securityId = (security: { readonly id: string }) => (options.ids ? ` [${security.id}]` : "");
  for (const c of report.conversions) {
    notes.push(
      options.lang === "fr"
        ? `  ${c.instrument === "safe" ? "SAFE" : "Obligation convertible"} — ${refText(c.holder, options)}${securityId(c.security)} : ${money(c.convertingAmount)} à ${priceFor(c.conversionPrice, options)} (${c.basis === "cap" ? "plafond" : c.basis === "discount" ? "décote" : "prix du tour"}) → ${int(c.shares)} actions`
        : `  ${c.instrument === "safe" ? "SAFE" : "Convertible note"} — ${refText(c.holder, options)}${securityId(c.security)}: ${money(c.convertingAmount)} at ${priceFor(c.conversionPrice, options)} (${c.basis.replace("_", " ")}) → ${groupedInteger(c.shares)} shares`,
    );
  }
  for (const a of report.antiDilution) {
    notes.push(
      options.lang === "fr"
        ? `  anti-dilution ${refText(a.shareClass, options)} (${a.method.replaceAll("_", " ")}) : prix de conversion ${priceFor(a.conversionPriceBefore, options)} → ${priceFor(a.conversionPriceAfter, options)}${a.closing === undefined ? "" : ` à la clôture ${a.closing} (${a.date})`}`
        : `  anti-dilution ${refText(a.shareClass, options)} (${a.method.replaceAll("_", " ")}): conversion price ${priceFor(a.conversionPriceBefore, options)} → ${priceFor(a.conversionPriceAfter, options)}${a.closing === undefined ? "" : ` at closing ${a.closing} (${a.date})`}`,
    );
  }
  // P2P-6: who did not buy its pro rata, and what it converted.
  const proRata = (r: Rational) =>
    r.eq(Rational.of(r.floor())) ? groupedInteger(r.floor()) : r.toDecimalString(2);
  const p2p = report.payToPlay;
  for (const h of p2p?.holders ?? []) {
    notes.push(
      say(
        options,
        `  pay-to-play (${p2p!.form.replaceAll("_", " ")}, ${groupedInteger(p2p!.offered)} offered): ${refText(h.holder, options)} bought ${groupedInteger(h.purchased)} of a pro rata of ${proRata(h.proRata)}: ${h.converted === 0n ? "plays, nothing converts" : `${groupedInteger(h.converted)} preferred shares convert`}`,
        `  pay-to-play (${p2p!.form === "partial" ? "partiel" : "tout ou rien"}, ${groupedInteger(p2p!.offered)} offertes) : ${refText(h.holder, options)} a acheté ${groupedInteger(h.purchased)} sur un prorata de ${proRata(h.proRata)} : ${h.converted === 0n ? "participe, rien n'est converti" : `${groupedInteger(h.converted)} actions de préférence converties`}`,
      ),
    );
  }
  const scenario = report.scenario;
  const reported = scenario
    ? scenario.claims.filter((c) => !c.id.startsWith("terms:")).map((c) => refText(c, options))
    : [];
  const scenarioLines = scenario
    ? [
        options.lang === "fr"
          ? `Montants du ${scenarioWords(scenario.name, options).replace(/^le /, "")}${reported.length ? `, donnés par les informations sur ${reported.join(", ")}` : ""}`
          : `Amounts from ${scenarioWords(scenario.name, options)}${reported.length ? `, given by the claims on ${reported.join(", ")}` : ""}`,
        ...scenario.values
          .filter((v) =>
            ["investment", "round_size", "valuation_pre", "valuation_post"].includes(
              v.quantity.ref?.kind ?? "",
            ),
          )
          .map(
            (v) =>
              `  ${refText(v.quantity, options).padEnd(40)} ${money({ kind: "money", currency, amount: v.value } as Money)}  (${v.how}${v.atOpenBound ? w(", at a limit the claims exclude", ", à une limite que les informations excluent") : ""})`,
          ),
        "",
      ]
    : [];
  const assumptions = report.assumptions
    .filter((a) => a.fields.length > 0)
    .map(
      (a) =>
        `  ${options.ids ? `[${a.id}] ` : ""}${a.text} (${w("used in", "utilisée pour")} ${a.fields
          .map((f) =>
            options.lang === "fr"
              ? refText({ id: f.id, name: fieldNameFr(f) }, options)
              : refText(f, options),
          )
          .join(", ")})`,
    );
  return [
    ...lines,
    table,
    ...scenarioLines,
    ...(notes.length ? [w("Conversions and adjustments", "Conversions et ajustements"), ...notes, ""] : []),
    ...(assumptions.length ? [w("Assumptions", "Hypothèses"), ...assumptions, ""] : []),
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
