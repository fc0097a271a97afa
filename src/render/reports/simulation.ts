import type { SimulationReport } from "../../app/simulation-report.js";
import { Rational } from "../../core/exact/rational.js";
import type { IsoDate } from "../../core/shared/date.js";
import type { SampleStatistics } from "../../core/uncertainty/statistics.js";
import { frenchFixed } from "../../report/fr.js";
import { floatValue } from "../../report/simulation-report.js";
import {
  type Block,
  type CellValue,
  type ChartUnit,
  type DocumentContext,
  empty,
  fraction,
  type Language,
  money,
  paragraph,
  type ReportDocument,
  shares,
  type Table,
  text,
  wording,
} from "../document.js";
import { axisText } from "../figures.js";
import { claimsBySource } from "./scenarios.js";

/** What a statistic is of: a figure of the round, an investment, or a holder's ownership or dilution. */
export type StatisticSubject =
  | {
      readonly kind: "round_size" | "price_per_share" | "pre_money" | "post_money" | "dilution_of_others";
    }
  | { readonly kind: "investment" | "ownership" | "dilution"; readonly name: string };

/** A statistic of the sample: float64 figures to 12 significant digits, as the JSON writes them, not exact ones (OUT-4). */
export interface StatisticFigures {
  readonly of: StatisticSubject;
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
  /** The claims sampled, with their sources (grouped by source in words by `claimsBySource`). */
  readonly claims: Parameters<typeof claimsBySource>[0];
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
  const stats = (of: StatisticSubject, unit: ChartUnit, s: SampleStatistics): StatisticFigures => ({
    of,
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
    claims: report.claims,
    failures: report.failures.map((f) => ({ reason: f.reason, count: f.count })),
    roundFigures: [
      stats({ kind: "round_size" }, money, report.roundSize),
      stats({ kind: "price_per_share" }, money, report.pricePerShare),
      stats({ kind: "pre_money" }, money, report.preMoneyValuation),
      stats({ kind: "post_money" }, money, report.postMoneyValuation),
      // The round's size and valuation are listed above: only the investments are added.
      ...report.quantities
        .filter((q) => q.quantity.ref?.kind === "investment")
        .map((q) => stats({ kind: "investment", name: q.quantity.name }, money, q.value)),
      stats({ kind: "dilution_of_others" }, { kind: "fraction" }, report.dilutionOfOthers),
    ],
    holders: report.holders.map((h) => ({
      name: h.holder.name,
      before: floatValue(h.ownershipBefore),
      ownership: stats({ kind: "ownership", name: h.holder.name }, { kind: "fraction" }, h.ownership),
      dilution: h.dilution
        ? stats({ kind: "dilution", name: h.holder.name }, { kind: "fraction" }, h.dilution)
        : null,
    })),
  };
}

/** What a statistic is of, in words: "Round size", "Amazon: ownership"; in French "Taille du tour", "Amazon : détention". */
export function statisticLabel(of: StatisticSubject, lang?: Language): string {
  const w = wording(lang);
  switch (of.kind) {
    case "round_size":
      return w("Round size", "Taille du tour");
    case "price_per_share":
      return w("Price per share", "Prix par action");
    case "pre_money":
      return w("Pre-money valuation", "Valorisation pré-money");
    case "post_money":
      return w("Post-money valuation", "Valorisation post-money");
    case "dilution_of_others":
      return w("Dilution of the existing holders", "Dilution des détenteurs existants");
    case "investment":
      return of.name;
    case "ownership":
      return w(`${of.name}: ownership`, `${of.name} : détention`);
    case "dilution":
      return w(`${of.name}: dilution`, `${of.name} : dilution`);
  }
}

function cell(value: Rational, unit: ChartUnit, of: StatisticSubject): CellValue {
  if (unit.kind === "fraction") return fraction(value);
  if (unit.kind === "money")
    return money(
      { kind: "money", currency: unit.currency, amount: value },
      of.kind === "price_per_share" ? "price" : "compact",
    );
  return value.isInteger() ? shares(value.num) : { kind: "number", value, places: 2 };
}

function percentileTable(title: string, rows: readonly StatisticFigures[], lang: Language): Table {
  const w = wording(lang);
  const keys = ["p5", "p50", "p95", "mean", "min", "max"] as const;
  return {
    kind: "table",
    title,
    columns: [
      { key: "label", header: "" },
      ...keys.map((k) => ({
        key: k,
        header:
          k === "mean" ? w("Mean", "Moyenne") : k === "min" ? "Min" : k === "max" ? "Max" : k.toUpperCase(),
      })),
    ],
    rows: rows.map((s) => ({
      cells: {
        label: text(statisticLabel(s.of, lang)),
        ...Object.fromEntries(keys.map((k) => [k, cell(s[k], s.unit, s.of)])),
      },
    })),
  };
}

/** A histogram as a bar chart over its bins, with P5, P50 and P95 marked. */
function histogram(s: StatisticFigures, lang: Language): Block[] {
  const w = wording(lang);
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
      title: w(
        `${statisticLabel(s.of, lang)}: distribution over the sampled scenarios`,
        `${statisticLabel(s.of, lang)} : distribution sur les scénarios tirés`,
      ),
      unit: { kind: "count" },
      categories: h.counts.map((_, i) => axisText(h.min.add(width.mulInt(BigInt(i))), s.unit, lang)),
      series: [{ name: w("Scenarios", "Scénarios"), values: h.counts.map((c) => Rational.of(BigInt(c))) }],
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
  const lang = context.lang ?? "en";
  const w = wording(lang);
  const postMoney = f.roundFigures.find((s) => s.of.kind === "post_money");
  const roundSize = f.roundFigures.find((s) => s.of.kind === "round_size");
  const claims = claimsBySource(f.claims, lang).join(w("; ", " ; "));
  return {
    ...(context.lang === undefined ? {} : { lang: context.lang }),
    title: {
      title: w("Monte Carlo simulation", "Simulation Monte-Carlo"),
      company: f.company,
      subject: f.round,
      ...(context.version === undefined ? {} : { version: context.version }),
      date: f.date,
      marks: [
        ...(context.marks ?? []),
        {
          kind: "simulation",
          text: w(
            `Figures are statistics of ${f.runs.toLocaleString("en-US")} sampled scenarios (seed ${f.seed}) of the round's uncertain amounts, computed in floating point: ranges to read, not exact values.`,
            `Les chiffres sont des statistiques de ${frenchFixed(String(f.runs))} scénarios tirés (graine ${f.seed}) des montants incertains du tour, calculées en virgule flottante : des plages à lire, pas des valeurs exactes.`,
          ),
        },
      ],
    },
    sections: [
      {
        title: w("The sample", "L'échantillon"),
        blocks: [
          {
            kind: "facts",
            items: [
              { label: w("Scenarios sampled", "Scénarios tirés"), value: shares(BigInt(f.runs)) },
              { label: w("Scenarios priced", "Scénarios évalués"), value: shares(BigInt(f.valid)) },
              {
                label: w("Priced by the exact engine", "Évalués par le moteur exact"),
                value: shares(BigInt(f.exactScenarios)),
              },
              { label: w("Seed", "Graine"), value: text(f.seed) },
              {
                label: w("Claims sampled", "Informations échantillonnées"),
                value: text(claims || w("the deal's own terms", "les conditions du dossier")),
              },
            ],
          },
          ...f.failures.map((x) =>
            paragraph(
              w(`${x.count} scenarios failed: ${x.reason}`, `${x.count} scénarios en échec : ${x.reason}`),
              "note",
            ),
          ),
        ],
      },
      {
        title: w("The round", "Le tour"),
        blocks: [
          percentileTable(
            w("Percentiles of the round's figures", "Centiles des chiffres du tour"),
            f.roundFigures,
            lang,
          ),
          ...(roundSize ? histogram(roundSize, lang) : []),
          ...(postMoney ? histogram(postMoney, lang) : []),
        ],
      },
      {
        title: w("Each holder", "Chaque détenteur"),
        blocks: [
          {
            kind: "table",
            title: w("Fully diluted ownership after the round", "Détention entièrement diluée après le tour"),
            columns: [
              { key: "name", header: w("Holder", "Détenteur") },
              { key: "before", header: w("Before", "Avant") },
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
            title: w(
              "Ownership after the round: P5, P50 and P95",
              "Détention après le tour : P5, P50 et P95",
            ),
            unit: { kind: "fraction" },
            categories: f.holders.map((h) => h.name),
            series: [
              { name: "P5", values: f.holders.map((h) => h.ownership.p5) },
              { name: "P50", values: f.holders.map((h) => h.ownership.p50) },
              { name: "P95", values: f.holders.map((h) => h.ownership.p95) },
            ],
          },
          percentileTable(
            w("Every percentile", "Tous les centiles"),
            f.holders.flatMap((h) => [h.ownership, ...(h.dilution ? [h.dilution] : [])]),
            lang,
          ),
        ],
      },
    ],
  };
}
