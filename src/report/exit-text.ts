import type {
  ExitBreakpointsReport,
  ExitIpoReport,
  ExitPercentilesReport,
  ExitReport,
  ExitWaterfallReport,
} from "../app/exit-report.js";
import type { Currency, Money } from "../core/exact/money.js";
import { Rational } from "../core/exact/rational.js";
import { breakpointEventText, exitIpoJson, exitSweepJson, exitWaterfallJson } from "./exit-report.js";
import { decimal, moneyFor, moneyText, priceFor, refText, say, type TextOptions } from "./format.js";
import { explanationFr, frenchFixed } from "./fr.js";
import { renderTable } from "./table.js";
import { renderCsv } from "./text-formats.js";

const moneyOf = (currency: Currency, amount: Rational): Money => ({ kind: "money", currency, amount });

/** A simulated figure (a float, UNC-SIM) as money: read through its 12 significant digits. */
function floatMoney(currency: Currency, x: number): Money {
  return moneyOf(currency, Rational.fromNumberText(Number(x.toPrecision(12))));
}

/**
 * `roundtable exit` as text (APP-5): display names (`--ids` adds ids), money compact
 * ($830B) or to the cent with `--exact`. A sweep is a CSV in every text format (its
 * figures are for charts).
 */
export function exitText(report: ExitReport, options: TextOptions = {}): string {
  switch (report.kind) {
    case "waterfall":
      return waterfallText(report, options);
    case "statement":
      return `${waterfallText(report.waterfall, options)}\n${breakpointsText(report.breakpoints, options)}`;
    case "breakpoints":
      return breakpointsText(report, options);
    case "percentiles":
      return percentilesText(report, options);
    case "ipo":
      return ipoText(report, options);
    case "sweep":
      return exitCsv(report);
  }
}

function waterfallText(report: ExitWaterfallReport, options: TextOptions): string {
  const { outcomes, currency } = report;
  const money = (amount: Rational) => moneyFor(moneyOf(currency, amount), options);
  const first = outcomes[0];
  const w = (en: string, fr: string) => say(options, en, fr);
  const title = w(
    `Exit waterfall (closing ${report.exitDate})`,
    `Répartition à la sortie (au ${report.exitDate})`,
  );
  if (!first) return `${title}${w(": no exit values", " : aucune valeur de sortie")}\n`;
  const lines: string[][] = [
    [
      w("Fees, debt and carve-out", "Frais, dette et carve-out"),
      ...outcomes.map((o) => money(o.fees.add(o.debt).add(o.carveOut))),
    ],
    [
      w("Price per common share", "Prix par action ordinaire"),
      ...outcomes.map((o) => priceFor(moneyOf(currency, o.commonPrice), options)),
    ],
  ];
  // DEBT-3: each venture debt's repayment, before any equity.
  for (const [k, d] of (first.ventureDebts ?? []).entries()) {
    lines.push([
      `${refText(d.holder, options)} (${w("venture debt, seniority", "dette venture, rang")} ${d.seniority})`,
      ...outcomes.map((o) => money(o.ventureDebts![k]!.repaid)),
    ]);
  }
  for (const c of first.classes) {
    lines.push([
      `${refText(c.shareClass, options)} (${w("class", "catégorie")})`,
      ...outcomes.map((o) => money(o.classes.find((x) => x.shareClass.id === c.shareClass.id)!.payout)),
    ]);
  }
  for (const h of first.holders) {
    const totals = outcomes.map((o) => o.holders.find((x) => x.holder.id === h.holder.id)!.total);
    if (totals.every((t) => t.isZero())) continue;
    lines.push([refText(h.holder, options), ...totals.map(money)]);
  }
  return `${title}\n\n${renderTable(
    [{ header: "" }, ...outcomes.map((o) => ({ header: money(o.exitValue), align: "right" as const }))],
    lines,
  )}`;
}

function breakpointsText(report: ExitBreakpointsReport, options: TextOptions): string {
  const w = (en: string, fr: string) => say(options, en, fr);
  return `${w(
    `Breakpoints: exit values where the split of the next dollar changes (closing ${report.exitDate})`,
    `Points de rupture : les valeurs de sortie où le partage du dollar suivant change (au ${report.exitDate})`,
  )}\n\n${renderTable(
    [
      { header: w("Exit value", "Valeur de sortie"), align: "right" },
      { header: w("What happens", "Ce qui se passe") },
    ],
    report.breakpoints.map((b) => [
      moneyFor(moneyOf(report.currency, b.exitValue), options),
      b.events
        .map((e) => {
          if (options.lang === "fr") return explanationFr(e, report.currency, options.ids === true);
          const named = {
            ...e,
            params: { positions: e.params.positions.map((p) => ({ ...p, name: refText(p, options) })) },
          };
          return breakpointEventText(named);
        })
        .join("; ") || w("start", "début"),
    ]),
  )}`;
}

function percentilesText(report: ExitPercentilesReport, options: TextOptions): string {
  const w = (en: string, fr: string) => say(options, en, fr);
  const money = (x: number) => moneyFor(floatMoney(report.currency, x), options, 0);
  const runs = options.lang === "fr" ? frenchFixed(String(report.runs)) : report.runs.toLocaleString("en-US");
  return `${w("Exit value", "Valeur de sortie")} ${report.estimate}${w(":", " :")} ${runs} ${w("sampled values, seed", "valeurs tirées, graine")} ${report.seed}\n\n${renderTable(
    [
      { header: w("Holder", "Détenteur") },
      { header: "P5", align: "right" },
      { header: "P50", align: "right" },
      { header: "P95", align: "right" },
      { header: w("mean", "moyenne"), align: "right" },
    ],
    report.holders.map((h) => [
      refText(h.holder, options),
      ...[h.payout.p5, h.payout.p50, h.payout.p95, h.payout.mean].map(money),
    ]),
  )}`;
}

function ipoText(report: ExitIpoReport, options: TextOptions): string {
  const w = (en: string, fr: string) => say(options, en, fr);
  const money = (amount: Rational) => moneyFor(moneyOf(report.currency, amount), options);
  const shareCount = (shares: Rational) =>
    options.lang === "fr" ? frenchFixed(shares.toFixed(0, "down")) : groupedShares(shares);
  // DEBT-5: the venture debt repaid at the IPO, before the equity.
  const debts = (report.ventureDebts ?? []).map(
    (d) =>
      `${w("Venture debt repaid before equity:", "Dette venture remboursée avant les actions :")} ${refText(d.holder, options)} (${d.security.id}, ${w("seniority", "rang")} ${d.seniority}) ${money(d.repaid)}\n`,
  );
  const price = priceFor(moneyOf(report.currency, report.pricePerShare), options);
  const heading = w(
    `IPO at ${price} a share (pre-IPO valuation ${money(report.preIpoValuation)})`,
    `Introduction en bourse à ${price} par action (valorisation avant l'introduction ${money(report.preIpoValuation)})`,
  );
  return `${heading}\n\n${debts.length > 0 ? `${debts.join("")}\n` : ""}${renderTable(
    [
      { header: w("Holder", "Détenteur") },
      { header: w("Shares", "Actions"), align: "right" },
      { header: w("Cash", "Numéraire"), align: "right" },
      { header: w("Value", "Valeur"), align: "right" },
    ],
    report.holders.map((h) => [
      refText(h.holder, options),
      shareCount(h.shares),
      money(h.cash),
      money(h.value),
    ]),
  )}`;
}

function groupedShares(shares: Rational): string {
  return shares.toFixed(0, "down").replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/**
 * `roundtable exit --format csv`: machine figures as the JSON writes them (exact decimal
 * strings, ids beside names); percentiles as whole money, a sweep as its rows.
 */
export function exitCsv(report: ExitReport): string {
  switch (report.kind) {
    case "waterfall":
    case "statement": {
      const outcomes = exitWaterfallJson(report.kind === "waterfall" ? report : report.waterfall).outcomes;
      return renderCsv(
        ["exit_value", "kind", "id", "name", "state", "payout"],
        outcomes.flatMap((o) => [
          ...o.classes.map((c) => [o.exitValue, "class", c.id, c.name, c.state, c.payout]),
          ...o.holders.map((h) => [o.exitValue, "holder", h.id, h.name, "", h.total]),
        ]),
      );
    }
    case "breakpoints": {
      return renderCsv(
        ["exit_value", "events", ...report.classFunctions.map((c) => c.subject.id)],
        report.breakpoints.map((b) => [
          decimal(b.exitValue),
          b.events.map(breakpointEventText).join("; "),
          ...b.classes.map((c) => decimal(c.payout)),
        ]),
      );
    }
    case "sweep": {
      const json = exitSweepJson(report);
      return renderCsv(json.header, json.rows);
    }
    case "percentiles": {
      return renderCsv(
        ["holder", "p5", "p50", "p95", "mean"],
        report.holders.map((h) => [
          h.holder.name,
          ...[h.payout.p5, h.payout.p50, h.payout.p95, h.payout.mean].map((x) =>
            moneyText(floatMoney(report.currency, x), 0),
          ),
        ]),
      );
    }
    case "ipo": {
      const json = exitIpoJson(report);
      return renderCsv(
        ["holder", "shares", "cash", "value"],
        json.holders.map((h) => [h.name, h.shares, h.cash, h.value]),
      );
    }
  }
}
