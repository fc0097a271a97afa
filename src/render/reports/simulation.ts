import type { SimulationReport } from "../../app/simulation-report.js";
import { Rational } from "../../core/exact/rational.js";
import type { IsoDate } from "../../core/shared/date.js";
import type { SampleStatistics } from "../../core/uncertainty/statistics.js";
import { floatValue } from "../../report/simulation-report.js";
import {
  type Block,
  type CellValue,
  type ChartUnit,
  empty,
  fraction,
  money,
  paragraph,
  type ReportDocument,
  shares,
  type Table,
  text,
} from "../document.js";
import { axisText } from "../figures.js";
import type { DocumentContext } from "./pro-forma.js";
import { claimsBySource } from "./scenarios.js";

/** A statistic of the sample: float64 figures to 12 significant digits, as the JSON writes them, not exact ones (OUT-4). */
export interface StatisticFigures {
  readonly label: string;
  readonly unit: ChartUnit;
  readonly mean: Rational;
  readonly p5: Rational;
  readonly p50: Rational;
  readonly p95: Rational;
  readonly min: Rational;
  readonly max: Rational;
  readonly histogram: {
    readonly min: Rational;
    readonly max: Rational;
    readonly counts: readonly number[];
  } | null;
}

export interface SimulationFigures {
  readonly company: string;
  readonly round: string;
  readonly date: IsoDate;
  readonly seed: string;
  readonly runs: number;
  readonly valid: number;
  readonly exactScenarios: number;
  readonly claims: readonly string[];
  readonly failures: readonly { readonly reason: string; readonly count: number }[];
  readonly roundFigures: readonly StatisticFigures[];
  readonly holders: readonly {
    readonly name: string;
    readonly before: Rational;
    readonly ownership: StatisticFigures;
    readonly dilution: StatisticFigures | null;
  }[];
}

/** The figures of the typed simulation report (APP-2) that the document shows. */
export function simulationFiguresOf(report: SimulationReport, date: IsoDate): SimulationFigures {
  const money: ChartUnit = { kind: "money", currency: report.company.currency };
  const stats = (label: string, unit: ChartUnit, s: SampleStatistics): StatisticFigures => ({
    label,
    unit,
    mean: floatValue(s.mean),
    p5: floatValue(s.p5),
    p50: floatValue(s.p50),
    p95: floatValue(s.p95),
    min: floatValue(s.min),
    max: floatValue(s.max),
    histogram: s.histogram
      ? { min: floatValue(s.histogram.min), max: floatValue(s.histogram.max), counts: s.histogram.counts }
      : null,
  });
  return {
    company: report.company.name,
    round: report.round.name,
    date,
    seed: String(report.seed),
    runs: report.runs,
    valid: report.valid,
    exactScenarios: report.exactScenarios,
    claims: claimsBySource(report.claims),
    failures: report.failures.map((f) => ({ reason: f.reason, count: f.count })),
    roundFigures: [
      stats("Round size", money, report.roundSize),
      stats("Price per share", money, report.pricePerShare),
      stats("Pre-money valuation", money, report.preMoneyValuation),
      stats("Post-money valuation", money, report.postMoneyValuation),
      // The round's size and valuation are listed above: only the investments are added.
      ...report.quantities
        .filter((q) => q.quantity.ref?.kind === "investment")
        .map((q) => stats(q.quantity.name, money, q.value)),
      stats("Dilution of the existing holders", { kind: "fraction" }, report.dilutionOfOthers),
    ],
    holders: report.holders.map((h) => ({
      name: h.holder.name,
      before: floatValue(h.ownershipBefore),
      ownership: stats(`${h.holder.name}: ownership`, { kind: "fraction" }, h.ownership),
      dilution: h.dilution ? stats(`${h.holder.name}: dilution`, { kind: "fraction" }, h.dilution) : null,
    })),
  };
}

function cell(value: Rational, unit: ChartUnit, label: string): CellValue {
  if (unit.kind === "fraction") return fraction(value);
  if (unit.kind === "money")
    return money(
      { kind: "money", currency: unit.currency, amount: value },
      label === "Price per share" ? "price" : "compact",
    );
  return value.isInteger() ? shares(value.num) : { kind: "number", value, places: 2 };
}

function percentileTable(title: string, rows: readonly StatisticFigures[]): Table {
  const keys = ["p5", "p50", "p95", "mean", "min", "max"] as const;
  return {
    kind: "table",
    title,
    columns: [
      { key: "label", header: "" },
      ...keys.map((k) => ({
        key: k,
        header: k === "mean" ? "Mean" : k === "min" ? "Min" : k === "max" ? "Max" : k.toUpperCase(),
      })),
    ],
    rows: rows.map((s) => ({
      cells: {
        label: text(s.label),
        ...Object.fromEntries(keys.map((k) => [k, cell(s[k], s.unit, s.label)])),
      },
    })),
  };
}

/** A histogram as a bar chart over its bins, with P5, P50 and P95 marked. */
function histogram(s: StatisticFigures): Block[] {
  const h = s.histogram;
  if (!h || h.counts.length === 0) return [];
  const bins = h.counts.length;
  const width = h.max.sub(h.min).divInt(BigInt(bins));
  const binOf = (v: Rational) => {
    if (width.isZero()) return 0;
    const i = v.sub(h.min).div(width).floor();
    return Math.max(0, Math.min(bins - 1, Number(i)));
  };
  return [
    {
      kind: "chart",
      chart: "bar",
      title: `${s.label}: distribution over the sampled scenarios`,
      unit: { kind: "count" },
      categories: h.counts.map((_, i) => axisText(h.min.add(width.mulInt(BigInt(i))), s.unit)),
      series: [{ name: "Scenarios", values: h.counts.map((c) => Rational.of(BigInt(c))) }],
      markers: [
        { at: binOf(s.p5), label: "P5" },
        { at: binOf(s.p50), label: "P50" },
        { at: binOf(s.p95), label: "P95" },
      ],
    },
  ];
}

/** The Monte Carlo summary: percentiles of the round and of each holder, with histograms (SPEC REP-6). */
export function simulationDocument(f: SimulationFigures, context: DocumentContext = {}): ReportDocument {
  const postMoney = f.roundFigures.find((s) => s.label === "Post-money valuation");
  const roundSize = f.roundFigures.find((s) => s.label === "Round size");
  return {
    title: {
      title: "Monte Carlo simulation",
      company: f.company,
      subject: f.round,
      ...(context.version === undefined ? {} : { version: context.version }),
      date: f.date,
      marks: [
        ...(context.marks ?? []),
        {
          kind: "simulation",
          text: `Figures are statistics of ${f.runs.toLocaleString("en-US")} sampled scenarios (seed ${f.seed}) of the round's uncertain amounts, computed in floating point: ranges to read, not exact values.`,
        },
      ],
    },
    sections: [
      {
        title: "The sample",
        blocks: [
          {
            kind: "facts",
            items: [
              { label: "Scenarios sampled", value: shares(BigInt(f.runs)) },
              { label: "Scenarios priced", value: shares(BigInt(f.valid)) },
              { label: "Priced by the exact engine", value: shares(BigInt(f.exactScenarios)) },
              { label: "Seed", value: text(f.seed) },
              { label: "Claims sampled", value: text(f.claims.join("; ") || "the deal's own terms") },
            ],
          },
          ...f.failures.map((x) => paragraph(`${x.count} scenarios failed: ${x.reason}`, "note")),
        ],
      },
      {
        title: "The round",
        blocks: [
          percentileTable("Percentiles of the round's figures", f.roundFigures),
          ...(roundSize ? histogram(roundSize) : []),
          ...(postMoney ? histogram(postMoney) : []),
        ],
      },
      {
        title: "Each holder",
        blocks: [
          {
            kind: "table",
            title: "Fully diluted ownership after the round",
            columns: [
              { key: "name", header: "Holder" },
              { key: "before", header: "Before" },
              { key: "p5", header: "P5" },
              { key: "p50", header: "P50" },
              { key: "p95", header: "P95" },
              { key: "dilution", header: "Dilution P50" },
            ],
            rows: f.holders.map((h) => ({
              cells: {
                name: text(h.name),
                before: fraction(h.before),
                p5: fraction(h.ownership.p5),
                p50: fraction(h.ownership.p50),
                p95: fraction(h.ownership.p95),
                dilution: h.dilution ? fraction(h.dilution.p50) : empty,
              },
            })),
          },
          {
            kind: "chart",
            chart: "bar",
            title: "Ownership after the round: P5, P50 and P95",
            unit: { kind: "fraction" },
            categories: f.holders.map((h) => h.name),
            series: [
              { name: "P5", values: f.holders.map((h) => h.ownership.p5) },
              { name: "P50", values: f.holders.map((h) => h.ownership.p50) },
              { name: "P95", values: f.holders.map((h) => h.ownership.p95) },
            ],
          },
          percentileTable(
            "Every percentile",
            f.holders.flatMap((h) => [h.ownership, ...(h.dilution ? [h.dilution] : [])]),
          ),
        ],
      },
    ],
  };
}
