import type {
  ExposureReport,
  FlowStatistics,
  FlowsExactReport,
  FlowsSimulationReport,
} from "../app/flows-report.js";
import type { Currency, Money } from "../core/exact/money.js";
import { decimal, moneyText, percent } from "./format.js";
import { floatText, floatValue } from "./simulation-report.js";
import { renderTable } from "./table.js";
import { renderCsv } from "./text-formats.js";

/**
 * The tables of `roundtable flows` and `roundtable exposure` (text and CSV), from their
 * typed reports: parties and companies by name (rounds by id, as the deal files write
 * them); money to the unit, fractions as percentages; CSV by ids and decimal strings.
 */

const whole = (m: Money | undefined, unknown = "unknown") => (m === undefined ? unknown : moneyText(m, 0));

/** `roundtable flows`: investments and what comes back, suppliers' share, agreements, net cash. */
export function flowsText(report: FlowsExactReport): string {
  const out: string[] = [
    `${report.workspace} — capital flows${report.scenario ? ` (${report.scenario.name} scenario)` : ""}`,
    "",
  ];
  out.push("Investments and the money that comes back through linked agreements");
  out.push(
    renderTable(
      [
        { header: "Investment" },
        { header: "Round" },
        { header: "Invested", align: "right" },
        { header: "Returned", align: "right" },
        { header: "Returned profit", align: "right" },
        { header: "Net cash", align: "right" },
        { header: "Round trip", align: "right" },
        { header: "Net price/share", align: "right" },
      ],
      report.investments.map((m) => [
        `${m.investor.name} in ${m.company.name}`,
        m.round.id,
        whole(m.gross),
        whole(m.returned),
        m.returnedProfit === undefined ? "no margin" : whole(m.returnedProfit),
        whole(m.netCash),
        percent(m.roundTripRatio, 2),
        m.effectivePricePerShare === undefined ? "" : moneyText(m.effectivePricePerShare, 4),
      ]),
    ).trimEnd(),
  );
  out.push("", "New money from the company's own suppliers");
  out.push(
    renderTable(
      [
        { header: "Round" },
        { header: "New money", align: "right" },
        { header: "From suppliers", align: "right" },
        { header: "Share", align: "right" },
        { header: "Suppliers" },
      ],
      report.rounds.map((r) => [
        `${r.company.name} ${r.round.id}`,
        whole(r.newMoney),
        whole(r.fromSuppliers),
        percent(r.supplierShare, 2),
        r.suppliers.map((s) => s.name).join(", "),
      ]),
    ).trimEnd(),
  );
  out.push("", "Agreements");
  out.push(
    renderTable(
      [
        { header: "Agreement" },
        { header: "Kind" },
        { header: "Payer → payee" },
        { header: "Value", align: "right" },
        { header: "Linked to" },
      ],
      report.agreements.map((a) => [
        a.agreement.name,
        a.kind.replaceAll("_", " "),
        `${a.payer.name} → ${a.payee.name}`,
        whole(a.value),
        a.linkedTo ? `${a.linkedTo.investor.name} in ${a.linkedTo.company.name} ${a.linkedTo.round.id}` : "",
      ]),
    ).trimEnd(),
  );
  out.push("", "Net cash by party (received − paid, over the investments and agreements above)");
  out.push(
    renderTable(
      [{ header: "Party" }, { header: "Net", align: "right" }],
      report.netCash.filter((n) => !n.net.amount.isZero()).map((n) => [n.party.name, whole(n.net)]),
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
export function flowsSimulationText(report: FlowsSimulationReport): string {
  // Each statistic at the 12 significant digits the JSON writes (OUT-4), then rounded for the table.
  const exact = floatValue;
  const pct = (st: FlowStatistics | null) => KEYS.map((k) => (st ? percent(exact(st[k]), 2) : ""));
  const cash = (st: FlowStatistics | null, currency: Currency) =>
    KEYS.map((k) => (st ? moneyText({ kind: "money", currency, amount: exact(st[k]) }, 0) : ""));
  const columns = [
    { header: "P5", align: "right" as const },
    { header: "P50", align: "right" as const },
    { header: "P95", align: "right" as const },
    { header: "mean", align: "right" as const },
  ];
  const label = (i: FlowsSimulationReport["investments"][number]) =>
    `${i.investor.name} in ${i.company.name} (${i.round.id})`;
  const out = [
    `${report.workspace}: ${report.runs.toLocaleString("en-US")} scenarios, seed ${report.seed}${report.failed > 0 ? ` (${report.failed} could not be drawn)` : ""}`,
    "",
    "Round-trip ratio (money returned through linked agreements ÷ investment)",
    renderTable(
      [{ header: "Investment" }, ...columns],
      report.investments.map((i) => [label(i), ...pct(i.roundTripRatio)]),
    ).trimEnd(),
    "",
    "Net cash provided (investment − money returned)",
    renderTable(
      [{ header: "Investment" }, ...columns],
      report.investments.map((i) => [label(i), ...cash(i.netCash, report.currency)]),
    ).trimEnd(),
    "",
    "Share of the round's new money from the company's own suppliers",
    renderTable(
      [{ header: "Round" }, ...columns],
      report.rounds.map((r) => [`${r.company.name} ${r.round.id}`, ...pct(r.supplierShare)]),
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
export function exposureText(report: ExposureReport): string {
  const money = (m: Money | undefined) => whole(m, "");
  const rows = report.companies.map((c) => [
    c.company.name,
    percent(c.ownership, 4),
    c.invested === undefined ? "unknown" : money(c.invested),
    money(c.valuation),
    money(c.value),
    money(c.agreementRevenue),
  ]);
  return `${report.investor.name}'s exposure across ${report.workspace}\n\n${renderTable(
    [
      { header: "Company" },
      { header: "Ownership", align: "right" },
      { header: "Invested", align: "right" },
      { header: "Valuation", align: "right" },
      { header: "Value", align: "right" },
      { header: "Agreement revenue", align: "right" },
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
