import type { Rational } from "../../core/exact/rational.js";
import type { ChartOption } from "../components/Chart.js";

/**
 * Chart options. Charts draw floats (ECharts works in numbers), converted from the exact
 * fractions only here, for drawing; every figure a chart shows is also in its table,
 * formatted from the exact value.
 */
export interface Slice {
  readonly name: string;
  readonly value: Rational;
}

/** The largest `keep` items by `weight`, the rest summed into one item named by `othersName(count)`. */
export function topAndOthers<T>(
  items: readonly T[],
  keep: number,
  weight: (item: T) => Rational,
  merge: (rest: readonly T[]) => T,
): T[] {
  if (items.length <= keep + 1) return [...items];
  const sorted = [...items].sort((a, b) => weight(b).cmp(weight(a)));
  return [...sorted.slice(0, keep), merge(sorted.slice(keep))];
}

const PALETTE = [
  "#1f5f8b",
  "#e07b39",
  "#3a9d5d",
  "#b8476e",
  "#7b5ea7",
  "#c9a227",
  "#2b9bb0",
  "#8c564b",
  "#5f6b7a",
  "#a4a4a4",
];

function percentNumber(value: Rational): number {
  return Number(value.mulInt(100n).toFixed(4));
}

export function pieOption(slices: readonly Slice[], format: (v: Rational) => string): ChartOption {
  return {
    animation: false,
    color: PALETTE,
    tooltip: {
      trigger: "item",
      formatter: (p: { name: string; dataIndex: number }) =>
        `${p.name}: ${format(slices[p.dataIndex]!.value)}`,
    },
    // A plain legend wraps its items onto further lines, so that no name is cut at any
    // width (a scrolled legend hides the items past its edge).
    legend: { type: "plain", bottom: 0, left: "center" },
    series: [
      {
        type: "pie",
        radius: ["28%", "52%"],
        center: ["50%", "38%"],
        label: { show: false },
        data: slices.map((s) => ({ name: s.name, value: percentNumber(s.value) })),
      },
    ],
  };
}

export interface BeforeAfter {
  readonly name: string;
  readonly before: Rational;
  readonly after: Rational;
}

export function beforeAfterOption(
  rows: readonly BeforeAfter[],
  labels: { before: string; after: string },
  format: (v: Rational) => string,
): ChartOption {
  const names = rows.map((r) => r.name);
  return {
    animation: false,
    color: ["#9db4c8", "#1f5f8b"],
    tooltip: {
      trigger: "axis",
      axisPointer: { type: "shadow" },
      formatter: (params: { dataIndex: number }[]) => {
        const r = rows[params[0]?.dataIndex ?? 0]!;
        return `${r.name}<br/>${labels.before}: ${format(r.before)}<br/>${labels.after}: ${format(r.after)}`;
      },
    },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 32, bottom: 8 },
    xAxis: { type: "value", axisLabel: { formatter: "{value}%" } },
    yAxis: { type: "category", data: names, inverse: true },
    series: [
      { name: labels.before, type: "bar", data: rows.map((r) => percentNumber(r.before)) },
      { name: labels.after, type: "bar", data: rows.map((r) => percentNumber(r.after)) },
    ],
  };
}

export function dilutionOption(
  rows: readonly Slice[],
  label: string,
  format: (v: Rational) => string,
): ChartOption {
  return {
    animation: false,
    color: ["#b8476e"],
    tooltip: {
      trigger: "axis",
      axisPointer: { type: "shadow" },
      formatter: (params: { dataIndex: number }[]) => {
        const r = rows[params[0]?.dataIndex ?? 0]!;
        return `${r.name}: ${format(r.value)}`;
      },
    },
    grid: { left: 8, right: 24, top: 16, bottom: 8 },
    xAxis: { type: "value", axisLabel: { formatter: "{value}%" } },
    yAxis: { type: "category", data: rows.map((r) => r.name), inverse: true },
    series: [{ name: label, type: "bar", data: rows.map((r) => percentNumber(r.value)) }],
  };
}

export interface Histogram {
  readonly min: number;
  readonly max: number;
  readonly counts: readonly number[];
}

/**
 * A simulated sample's histogram (equal-width bins from its minimum to its maximum), with
 * vertical lines at the given percentiles. Floats for drawing only: the percentiles and
 * the bins are also in a table of the report's figures.
 */
export function histogramOption(
  histogram: Histogram,
  marks: readonly { readonly name: string; readonly value: number }[],
  format: (x: number) => string,
  countLabel: string,
): ChartOption {
  const bins = histogram.counts.length;
  const width = bins > 0 ? (histogram.max - histogram.min) / bins : 0;
  const centre = (i: number) => histogram.min + width * (i + 0.5);
  return {
    animation: false,
    color: ["#1f5f8b"],
    tooltip: {
      trigger: "item",
      formatter: (p: { dataIndex: number }) => {
        const i = p.dataIndex;
        const from = histogram.min + width * i;
        return `${format(from)} – ${format(from + width)}: ${histogram.counts[i] ?? 0}`;
      },
    },
    grid: { left: 56, right: 24, top: 32, bottom: 40 },
    xAxis: {
      type: "value",
      min: histogram.min,
      max: histogram.max === histogram.min ? histogram.min + 1 : histogram.max,
      axisLabel: { formatter: (x: number) => format(x), hideOverlap: true },
    },
    yAxis: { type: "value", name: countLabel },
    series: [
      {
        type: "bar",
        barWidth: "90%",
        data: histogram.counts.map((c, i) => [centre(i), c]),
        markLine: {
          symbol: "none",
          silent: true,
          lineStyle: { color: "#b8476e", type: "dashed" },
          label: { formatter: (p: { name: string }) => p.name },
          data: marks.map((m) => ({ name: m.name, xAxis: m.value })),
        },
      },
    ],
  };
}

export interface SankeyLink {
  readonly source: string;
  readonly target: string;
  /** The exact amount, as decimal text (drawn as a float: the bands' widths). */
  readonly value: string;
  /** The amount as a person reads it ("$50M"), for the tooltip. */
  readonly shown: string;
  readonly label: string;
}

/**
 * The money between parties as a Sankey (the flows report's money edges: each party once as a payer
 * and once as a receiver, since a Sankey cannot draw the cycles of round-tripped money).
 * Amounts become floats for drawing only; the table beside it has them exactly.
 */
/** Chart widths at which labels sized to the chart are laid out again (px). */
const LABEL_WIDTH_STEPS = [240, 320, 400, 480, 560, 640, 800, 1000, 1200] as const;

/**
 * The lines a plain legend of these names takes at a chart width: each item is its
 * symbol, its gap and its name (12 px text, at most 7.5 px a character, a bound for the
 * Latin names of holders and classes), wrapped as ECharts wraps them.
 */
function legendLines(names: readonly string[], width: number): number {
  let lines = 1;
  let used = 0;
  for (const name of names) {
    const item = 25 + 5 + 10 + Math.ceil(name.length * 7.5);
    if (used > 0 && used + item > width - 10) {
      lines += 1;
      used = 0;
    }
    used += item;
  }
  return lines;
}

/**
 * A chart with a legend above its grid: the legend wraps onto as many lines as the chart's
 * width needs (a scrolled legend would hide names past its edge), and the grid starts
 * below it, the lines counted at each width step (ECharts' media queries).
 */
function withLegendAbove(
  names: readonly string[],
  grid: { left: number; right: number; bottom: number },
  option: ChartOption,
): ChartOption {
  const top = (width: number) => ({ grid: { ...grid, top: 16 + legendLines(names, width) * 24 } });
  return {
    baseOption: { ...option, legend: { type: "plain", top: 0 }, ...top(LABEL_WIDTH_STEPS[0]) },
    media: LABEL_WIDTH_STEPS.slice(1).map((minWidth) => ({ query: { minWidth }, option: top(minWidth) })),
  };
}

export function sankeyOption(
  nodes: readonly {
    readonly id: string;
    readonly name: string;
    readonly label: string;
    readonly payer: boolean;
  }[],
  links: readonly SankeyLink[],
): ChartOption {
  const nameOf = (id: string) => nodes.find((n) => n.id === id)?.name ?? id;
  // Payers' labels sit to the right of their nodes and receivers' to the left, both in the
  // space between the columns, each at most 40% of the chart's width (cut with an ellipsis;
  // the full name is in the tooltip and the table): no label leaves the canvas or meets the
  // other column's. Nodes are at least one label's height apart.
  const labelShare = 0.4;
  const labelled = (width: number) => ({
    series: [
      {
        data: nodes.map((n) => ({
          name: n.id,
          label: {
            position: n.payer ? "right" : "left",
            width: Math.floor(width * labelShare) - 24,
            overflow: "truncate",
            formatter: () => n.label,
          },
        })),
      },
    ],
  });
  return {
    baseOption: {
      animation: false,
      color: PALETTE,
      tooltip: {
        trigger: "item",
        formatter: (p: { dataType: string; data: { name: string }; dataIndex: number }) => {
          if (p.dataType !== "edge") return nameOf(p.data.name);
          const l = links[p.dataIndex]!;
          return `${nameOf(l.source)} → ${nameOf(l.target)}<br/>${l.label}: ${l.shown}`;
        },
      },
      series: [
        {
          type: "sankey",
          left: 8,
          right: 8,
          top: 8,
          bottom: 8,
          nodeWidth: 14,
          nodeGap: 18,
          nodeAlign: "justify",
          emphasis: { focus: "adjacency" },
          lineStyle: { color: "gradient", opacity: 0.45 },
          label: { fontSize: 12, lineHeight: 14 },
          links: links.map((l) => ({ source: l.source, target: l.target, value: Number(l.value) })),
          ...labelled(LABEL_WIDTH_STEPS[0]!).series[0],
        },
      ],
    },
    // The labels' width follows the chart's (ECharts' media queries on the chart's size,
    // applied in order: the widest step the chart reaches sets the width).
    media: LABEL_WIDTH_STEPS.slice(1).map((minWidth) => ({
      query: { minWidth },
      option: labelled(minWidth),
    })),
  };
}

export interface PayoutLine {
  readonly name: string;
  /** [exit value, payout] at every breakpoint and at the two ends, floats for drawing only. */
  readonly points: readonly (readonly [number, number])[];
}

/**
 * Payouts against the exit value. Every payout is piecewise linear in the exit value with
 * its kinks at the breakpoints (SPEC EXIT-15), so straight lines through the exact values
 * at the breakpoints draw it exactly; the breakpoints are marked by dashed lines and the
 * chosen exit value by a solid one.
 */
export function payoutLinesOption(
  lines: readonly PayoutLine[],
  breakpoints: readonly number[],
  chosen: number | undefined,
  format: (x: number) => string,
): ChartOption {
  const marks = [
    ...breakpoints
      .filter((x) => x > 0)
      .map((x) => ({ xAxis: x, lineStyle: { type: "dashed", color: "#a4a4a4" } })),
    ...(chosen === undefined ? [] : [{ xAxis: chosen, lineStyle: { type: "solid", color: "#b8476e" } }]),
  ];
  return withLegendAbove(
    lines.map((l) => l.name),
    { left: 72, right: 24, bottom: 40 },
    {
      animation: false,
      color: PALETTE,
      tooltip: {
        trigger: "axis",
        formatter: (params: { seriesName: string; value: [number, number] }[]) =>
          [
            format(params[0]?.value[0] ?? 0),
            ...params.map((p) => `${p.seriesName}: ${format(p.value[1])}`),
          ].join("<br/>"),
      },
      xAxis: { type: "value", axisLabel: { formatter: (x: number) => format(x), hideOverlap: true } },
      yAxis: { type: "value", axisLabel: { formatter: (x: number) => format(x) } },
      series: lines.map((l, i) => ({
        name: l.name,
        type: "line",
        showSymbol: true,
        symbolSize: 5,
        data: l.points.map((p) => [p[0], p[1]]),
        ...(i === 0
          ? { markLine: { symbol: "none", silent: true, label: { show: false }, data: marks.slice(0, 60) } }
          : {}),
      })),
    },
  );
}

export interface StackedRow {
  readonly name: string;
  /** One float per stack, converted from the exact amounts for drawing only. */
  readonly values: readonly number[];
}

/**
 * Horizontal bars, one per row, each stacked by part (the waterfall by tranche: each
 * class's or holder's payout split into the preference levels, participation and common).
 * The legend names the parts and wraps above the bars.
 */
export function stackedBarsOption(
  rows: readonly StackedRow[],
  parts: readonly string[],
  format: (x: number) => string,
  colors: readonly string[] = PALETTE,
): ChartOption {
  return withLegendAbove(
    parts,
    { left: 8, right: 24, bottom: 8 },
    {
      animation: false,
      color: [...colors],
      tooltip: {
        trigger: "axis",
        axisPointer: { type: "shadow" },
        formatter: (params: { dataIndex: number; seriesName: string; value: number }[]) => {
          const r = rows[params[0]?.dataIndex ?? 0];
          return [
            r?.name ?? "",
            ...params.filter((p) => p.value !== 0).map((p) => `${p.seriesName}: ${format(p.value)}`),
          ].join("<br/>");
        },
      },
      xAxis: { type: "value", axisLabel: { formatter: (x: number) => format(x), hideOverlap: true } },
      yAxis: {
        type: "category",
        data: rows.map((r) => r.name),
        inverse: true,
        axisLabel: { width: 140, overflow: "truncate" },
      },
      series: parts.map((name, i) => ({
        name,
        type: "bar",
        stack: "total",
        data: rows.map((r) => r.values[i] ?? 0),
      })),
    },
  );
}

export interface GroupedSeries {
  readonly name: string;
  readonly values: readonly number[];
}

/**
 * Vertical bars grouped by category (scenarios side by side: one group per holder or per
 * investor, one bar per scenario), with the values formatted on the axis and in the tooltip.
 */
export function groupedBarsOption(
  categories: readonly string[],
  series: readonly GroupedSeries[],
  format: (x: number) => string,
): ChartOption {
  return withLegendAbove(
    series.map((s) => s.name),
    { left: 8, right: 16, bottom: 16 },
    {
      animation: false,
      color: PALETTE,
      tooltip: {
        trigger: "axis",
        axisPointer: { type: "shadow" },
        formatter: (params: { dataIndex: number; seriesName: string; value: number }[]) =>
          [
            categories[params[0]?.dataIndex ?? 0] ?? "",
            ...params.map((p) => `${p.seriesName}: ${format(p.value)}`),
          ].join("<br/>"),
      },
      xAxis: {
        type: "category",
        data: [...categories],
        axisLabel: { interval: 0, width: 90, overflow: "truncate", hideOverlap: true },
      },
      yAxis: { type: "value", axisLabel: { formatter: (x: number) => format(x) } },
      series: series.map((s) => ({ name: s.name, type: "bar", data: [...s.values] })),
    },
  );
}

export interface FanBand {
  readonly name: string;
  /** P5, P25, P50, P75, P95 per category, floats for drawing only. */
  readonly p5: readonly number[];
  readonly p25: readonly number[];
  readonly p50: readonly number[];
  readonly p75: readonly number[];
  readonly p95: readonly number[];
}

/**
 * A fan chart across categories (the holders, or one price): the P5–P95 range as a light
 * bar floating from P5, the P25–P75 range as a darker one, and the median as a marker,
 * each category's spread read at a glance (the simulation's percentiles).
 */
export function fanOption(
  categories: readonly string[],
  fan: FanBand,
  labels: { outer: string; inner: string; median: string },
  format: (x: number) => string,
): ChartOption {
  const base = fan.p5;
  return withLegendAbove(
    [labels.outer, labels.inner, labels.median],
    { left: 8, right: 24, bottom: 8 },
    {
      animation: false,
      tooltip: {
        trigger: "axis",
        axisPointer: { type: "shadow" },
        formatter: (params: { dataIndex: number }[]) => {
          const i = params[0]?.dataIndex ?? 0;
          return [
            categories[i] ?? "",
            `P5–P95: ${format(fan.p5[i] ?? 0)} – ${format(fan.p95[i] ?? 0)}`,
            `P25–P75: ${format(fan.p25[i] ?? 0)} – ${format(fan.p75[i] ?? 0)}`,
            `P50: ${format(fan.p50[i] ?? 0)}`,
          ].join("<br/>");
        },
      },
      xAxis: {
        type: "value",
        scale: true,
        axisLabel: { formatter: (x: number) => format(x), hideOverlap: true },
      },
      yAxis: {
        type: "category",
        data: [...categories],
        inverse: true,
        axisLabel: { width: 140, overflow: "truncate" },
      },
      series: [
        // Invisible bars lift the ranges to their lower ends (ECharts' floating-bar idiom).
        { type: "bar", stack: "outer", silent: true, itemStyle: { color: "transparent" }, data: [...base] },
        {
          name: labels.outer,
          type: "bar",
          stack: "outer",
          barWidth: 18,
          itemStyle: { color: "#c6d6e4" },
          data: fan.p95.map((x, i) => x - (base[i] ?? 0)),
        },
        {
          type: "bar",
          stack: "inner",
          silent: true,
          barGap: "-100%",
          itemStyle: { color: "transparent" },
          data: [...fan.p25],
        },
        {
          name: labels.inner,
          type: "bar",
          stack: "inner",
          barWidth: 18,
          itemStyle: { color: "#6f97ba" },
          data: fan.p75.map((x, i) => x - (fan.p25[i] ?? 0)),
        },
        {
          name: labels.median,
          type: "scatter",
          symbol: "rect",
          symbolSize: [3, 22],
          itemStyle: { color: "#b8476e" },
          data: fan.p50.map((x, i) => [x, i]),
        },
      ],
    },
  );
}
