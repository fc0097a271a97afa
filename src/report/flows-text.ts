import type {
  ExposureReport,
  FlowStatistics,
  FlowsExactReport,
  FlowsSimulationReport,
} from "../app/flows-report.js";
import type { Currency, Money } from "../core/exact/money.js";
import type { Rational } from "../core/exact/rational.js";
import {
  decimal,
  moneyFor,
  percentText,
  priceFor,
  refText,
  say,
  scenarioWords,
  type TextOptions,
} from "./format.js";
import { AGREEMENT_KINDS_FR, frenchFixed } from "./fr.js";
import { floatText, floatValue } from "./simulation-report.js";
import { renderTable } from "./table.js";
import { renderCsv } from "./text-formats.js";

/**
 * The tables of `roundtable flows` and `roundtable exposure` (text and CSV), from their
 * typed reports: parties, companies and rounds by name (ids beside them with `--ids`);
 * money compact ($50M), to the cent with `--exact`; fractions as percentages; English or
 * French (APP-9). The CSV keeps ids and decimal strings.
 */

/** Money as the options write it, or a word for an amount the report does not know. */
function amountText(
  m: Money | undefined,
  options: TextOptions,
  unknown = say(options, "unknown", "inconnu"),
) {
  return m === undefined ? unknown : moneyFor(m, options);
}

/** A fraction as a percentage to `places` decimals: "12.0000%", "12,0000 %". */
function percentPlaces(value: Rational, places: number, options: TextOptions): string {
  const text = value.mulInt(100n).toFixed(places);
  return options.lang === "fr" ? `${frenchFixed(text)} %` : `${text}%`;
}

/** "Amazon in OpenAI", "Amazon dans OpenAI". */
function investmentText(investor: { name: string }, company: { name: string }, options: TextOptions) {
  return `${investor.name} ${say(options, "in", "dans")} ${company.name}`;
}

/** `roundtable flows`: investments and what comes back, suppliers' share, agreements, net cash. */
export function flowsText(report: FlowsExactReport, options: TextOptions = {}): string {
  const w = (en: string, fr: string) => say(options, en, fr);
  const money = (m: Money | undefined) => amountText(m, options);
  const scenario = report.scenario
    ? ` (${w(`${report.scenario.name} scenario`, scenarioWords(report.scenario.name, options))})`
    : "";
  const out: string[] = [`${report.workspace} — ${w("capital flows", "flux de capitaux")}${scenario}`, ""];
  out.push(
    w(
      "Investments and the money that comes back through linked agreements",
      "Investissements et argent qui revient par les accords liés",
    ),
  );
  out.push(
    renderTable(
      [
        { header: w("Investment", "Investissement") },
        { header: w("Round", "Tour") },
        { header: w("Invested", "Investi"), align: "right" },
        { header: w("Returned", "Revenu"), align: "right" },
        { header: w("Returned profit", "Marge revenue"), align: "right" },
        { header: w("Net cash", "Trésorerie nette"), align: "right" },
        { header: w("Round trip", "Aller-retour"), align: "right" },
        { header: w("Net price/share", "Prix net/action"), align: "right" },
      ],
      report.investments.map((m) => [
        investmentText(m.investor, m.company, options),
        refText(m.round, options),
        money(m.gross),
        money(m.returned),
        m.returnedProfit === undefined ? w("no margin", "sans marge") : money(m.returnedProfit),
        money(m.netCash),
        percentText(m.roundTripRatio, options),
        m.effectivePricePerShare === undefined ? "" : priceFor(m.effectivePricePerShare, options),
      ]),
    ).trimEnd(),
  );
  out.push(
    "",
    w("New money from the company's own suppliers", "Argent frais venant des fournisseurs de la société"),
  );
  out.push(
    renderTable(
      [
        { header: w("Round", "Tour") },
        { header: w("New money", "Argent frais"), align: "right" },
        { header: w("From suppliers", "Des fournisseurs"), align: "right" },
        { header: w("Share", "Part"), align: "right" },
        { header: w("Suppliers", "Fournisseurs") },
      ],
      report.rounds.map((r) => [
        `${r.company.name} ${refText(r.round, options)}`,
        money(r.newMoney),
        money(r.fromSuppliers),
        percentText(r.supplierShare, options),
        r.suppliers.map((s) => s.name).join(", "),
      ]),
    ).trimEnd(),
  );
  out.push("", w("Agreements", "Accords"));
  out.push(
    renderTable(
      [
        { header: w("Agreement", "Accord") },
        { header: w("Kind", "Nature") },
        { header: w("Payer → payee", "Payeur → bénéficiaire") },
        { header: w("Value", "Valeur"), align: "right" },
        { header: w("Linked to", "Lié à") },
      ],
      report.agreements.map((a) => [
        a.agreement.name,
        options.lang === "fr" ? AGREEMENT_KINDS_FR[a.kind] : a.kind.replaceAll("_", " "),
        `${a.payer.name} → ${a.payee.name}`,
        money(a.value),
        a.linkedTo
          ? `${investmentText(a.linkedTo.investor, a.linkedTo.company, options)} ${refText(a.linkedTo.round, options)}`
          : "",
      ]),
    ).trimEnd(),
  );
  out.push(
    "",
    w(
      "Net cash by party (received − paid, over the investments and agreements above)",
      "Trésorerie nette par partie (reçu − payé, sur les investissements et accords ci-dessus)",
    ),
  );
  out.push(
    renderTable(
      [{ header: w("Party", "Partie") }, { header: w("Net", "Net"), align: "right" }],
      report.netCash.filter((n) => !n.net.amount.isZero()).map((n) => [n.party.name, money(n.net)]),
    ).trimEnd(),
  );
  return `${out.join("\n")}\n`;
}

/** `roundtable flows --format csv`: one row per investment, by ids, exact decimals. */
export function flowsCsv(report: FlowsExactReport): string {
  const optional = (m: Money | undefined) => (m === undefined ? "" : decimal(m.amount));
  return renderCsv(
    [
      "company",
      "round",
      "investor",
      "gross",
      "returned",
      "returned_profit",
      "net_cash",
      "round_trip_ratio",
      "effective_price_per_share",
    ],
    report.investments.map((m) => [
      m.company.id,
      m.round.id,
      m.investor.id,
      decimal(m.gross.amount),
      decimal(m.returned.amount),
      optional(m.returnedProfit),
      decimal(m.netCash.amount),
      decimal(m.roundTripRatio),
      optional(m.effectivePricePerShare),
    ]),
  );
}

const KEYS = ["p5", "p50", "p95", "mean"] as const;

/** `roundtable flows --runs`: percentiles of each cash metric over the sampled scenarios (FLOW-8). */
export function flowsSimulationText(report: FlowsSimulationReport, options: TextOptions = {}): string {
  const w = (en: string, fr: string) => say(options, en, fr);
  // Each statistic at the 12 significant digits the JSON writes (OUT-4), then rounded for the table.
  const exact = floatValue;
  const pct = (st: FlowStatistics | null) => KEYS.map((k) => (st ? percentText(exact(st[k]), options) : ""));
  const cash = (st: FlowStatistics | null, currency: Currency) =>
    KEYS.map((k) => (st ? moneyFor({ kind: "money", currency, amount: exact(st[k]) }, options) : ""));
  const columns = [
    { header: "P5", align: "right" as const },
    { header: "P50", align: "right" as const },
    { header: "P95", align: "right" as const },
    { header: w("mean", "moyenne"), align: "right" as const },
  ];
  const label = (i: FlowsSimulationReport["investments"][number]) =>
    `${investmentText(i.investor, i.company, options)} (${refText(i.round, options)})`;
  const runs = report.runs.toLocaleString(options.lang === "fr" ? "fr-FR" : "en-US");
  const failed =
    report.failed > 0 ? ` (${report.failed} ${w("could not be drawn", "n'ont pas pu être tirés")})` : "";
  const out = [
    `${report.workspace}${w(":", " :")} ${runs} ${w("scenarios, seed", "scénarios, graine")} ${report.seed}${failed}`,
    "",
    w(
      "Round-trip ratio (money returned through linked agreements ÷ investment)",
      "Taux d'aller-retour (argent revenu par les accords liés ÷ investissement)",
    ),
    renderTable(
      [{ header: w("Investment", "Investissement") }, ...columns],
      report.investments.map((i) => [label(i), ...pct(i.roundTripRatio)]),
    ).trimEnd(),
    "",
    w(
      "Net cash provided (investment − money returned)",
      "Trésorerie nette apportée (investissement − argent revenu)",
    ),
    renderTable(
      [{ header: w("Investment", "Investissement") }, ...columns],
      report.investments.map((i) => [label(i), ...cash(i.netCash, report.currency)]),
    ).trimEnd(),
    "",
    w(
      "Share of the round's new money from the company's own suppliers",
      "Part de l'argent frais du tour venant des fournisseurs de la société",
    ),
    renderTable(
      [{ header: w("Round", "Tour") }, ...columns],
      report.rounds.map((r) => [`${r.company.name} ${refText(r.round, options)}`, ...pct(r.supplierShare)]),
    ).trimEnd(),
  ];
  return `${out.join("\n")}\n`;
}

/** `roundtable flows --runs --format csv`: one row per metric, the statistics as the JSON writes them. */
export function flowsSimulationCsv(report: FlowsSimulationReport): string {
  const rows: string[][] = [];
  const add = (
    company: string,
    round: string,
    investor: string,
    metric: string,
    st: FlowStatistics | null,
  ) => {
    if (st) rows.push([company, round, investor, metric, ...KEYS.map((k) => floatText(st[k]))]);
  };
  for (const i of report.investments) {
    add(i.company.id, i.round.id, i.investor.id, "round_trip_ratio", i.roundTripRatio);
    add(i.company.id, i.round.id, i.investor.id, "net_cash", i.netCash);
  }
  for (const r of report.rounds) add(r.company.id, r.round.id, "", "supplier_share", r.supplierShare);
  return renderCsv(["company", "round", "investor", "metric", ...KEYS], rows);
}

/** `roundtable exposure`: the investor's ownership, invested amount, value and revenue by company. */
export function exposureText(report: ExposureReport, options: TextOptions = {}): string {
  const w = (en: string, fr: string) => say(options, en, fr);
  const money = (m: Money | undefined) => amountText(m, options, "");
  const rows = report.companies.map((c) => [
    c.company.name,
    percentPlaces(c.ownership, 4, options),
    c.invested === undefined ? w("unknown", "inconnu") : money(c.invested),
    money(c.valuation),
    money(c.value),
    money(c.agreementRevenue),
  ]);
  const title = w(
    `${report.investor.name}'s exposure across ${report.workspace}`,
    `Exposition de ${report.investor.name} dans ${report.workspace}`,
  );
  return `${title}\n\n${renderTable(
    [
      { header: w("Company", "Société") },
      { header: w("Ownership", "Détention"), align: "right" },
      { header: w("Invested", "Investi"), align: "right" },
      { header: w("Valuation", "Valorisation"), align: "right" },
      { header: w("Value", "Valeur"), align: "right" },
      { header: w("Agreement revenue", "Revenus des accords"), align: "right" },
    ],
    [
      ...rows,
      [
        "Total",
        "",
        money(report.totals.invested),
        "",
        money(report.totals.value),
        money(report.totals.agreementRevenue),
      ],
    ],
  )}`;
}

/** `roundtable exposure --format csv`: by company id, exact decimals. */
export function exposureCsv(report: ExposureReport): string {
  const optional = (m: Money | undefined) => (m === undefined ? "" : decimal(m.amount));
  return renderCsv(
    ["company", "ownership", "invested", "valuation", "value", "agreement_revenue"],
    report.companies.map((c) => [
      c.company.id,
      decimal(c.ownership),
      optional(c.invested),
      optional(c.valuation),
      optional(c.value),
      decimal(c.agreementRevenue.amount),
    ]),
  );
}
