import * as z from "zod";
import type { QuantityRefNamed } from "../app/model.js";
import {
  type SimulationReport,
  type SimulationSetup,
  simulationReportOf,
  simulationSetup,
} from "../app/simulation-report.js";
import type { Ref } from "../app/use-case.js";
import type { Currency } from "../core/exact/money.js";
import { Rational } from "../core/exact/rational.js";
import { parseQuantityId } from "../core/uncertainty/quantity.js";
import type { SimulationSummary } from "../core/uncertainty/simulate.js";
import type { SampleStatistics } from "../core/uncertainty/statistics.js";
import { claimsBySource, say, type TextOptions } from "./format.js";
import { renderTable } from "./table.js";
import { whatIfJson } from "./what-if-report.js";

export { type SimulationSetup, simulationSetup };

/**
 * A float statistic as a decimal string (SPEC OUT-4): simulation statistics are float64
 * approximations, written with 12 significant digits and no exponent.
 */
export function floatText(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (Number.isInteger(x) && Math.abs(x) < Number.MAX_SAFE_INTEGER) return String(x);
  const text = x.toPrecision(12);
  // The 12 digits are moved and trimmed as text: a sweep writes a million of these (issue
  // 19). Fixed notation has at most 17 places, so nothing rounds; an exponent of 11 or
  // more is an integer. Only tiny values (an exponent below -6) go through the rounding.
  const e = text.indexOf("e");
  if (e < 0) {
    if (text.indexOf(".") < 0) return text;
    const trimmed = text.replace(/\.?0+$/, "");
    return trimmed === "-0" ? "0" : trimmed;
  }
  const exponent = Number(text.slice(e + 1));
  if (exponent >= 11) {
    const negative = text.startsWith("-");
    const digits = text.slice(negative ? 1 : 0, e).replace(".", "");
    return `${negative ? "-" : ""}${digits.padEnd(exponent + 1, "0")}`;
  }
  return Rational.parse(text)!.toDecimalString(18);
}

/**
 * The value `floatText(x)` writes, as an exact figure for a renderer (a table, a PDF), read
 * from the number rather than from its text.
 */
export function floatValue(x: number): Rational {
  if (Number.isSafeInteger(x)) return Rational.of(x);
  return Rational.fromNumberText(Number(x.toPrecision(12)));
}

function statistics(s: SampleStatistics) {
  return {
    count: s.count,
    mean: floatText(s.mean),
    p5: floatText(s.p5),
    p50: floatText(s.p50),
    p95: floatText(s.p95),
    min: floatText(s.min),
    max: floatText(s.max),
    // The quartiles came after the first release of this report: added at the end, so that the
    // fields before them keep their order (a fan chart's inner band, P25–P75).
    p25: floatText(s.p25),
    p75: floatText(s.p75),
    ...(s.histogram
      ? {
          histogram: {
            min: floatText(s.histogram.min),
            max: floatText(s.histogram.max),
            counts: [...s.histogram.counts],
          },
        }
      : {}),
  };
}

/** The JSON of `roundtable simulate` and the API's simulate (APP-3): every statistic as a decimal string (OUT-4). */
export function simulationJson(report: SimulationReport) {
  return {
    company: report.company.name,
    currency: report.company.currency as string,
    round: report.round.name,
    seed: String(report.seed),
    runs: report.runs,
    valid: report.valid,
    exactScenarios: report.exactScenarios,
    failures: report.failures,
    claims: report.claims.map((c) => c.id),
    assumptions: [...report.assumptions],
    roundSize: statistics(report.roundSize),
    pricePerShare: statistics(report.pricePerShare),
    preMoneyValuation: statistics(report.preMoneyValuation),
    postMoneyValuation: statistics(report.postMoneyValuation),
    quantities: report.quantities.map((q) => ({
      quantity: q.quantity.id,
      label: q.quantity.name,
      value: statistics(q.value),
    })),
    dilutionOfOthers: statistics(report.dilutionOfOthers),
    holders: report.holders.map((h) => ({
      holder: h.holder.id,
      name: h.holder.name,
      ownershipBefore: floatText(h.ownershipBefore),
      takesPart: h.takesPart,
      ownership: statistics(h.ownership),
      dilution: h.dilution ? statistics(h.dilution) : null,
    })),
    ...(report.whatIf ? { whatIf: whatIfJson(report.whatIf) } : {}),
  };
}

/** The JSON of a simulation's summary (the web's simulation and the API's merged job): `simulationJson` of its typed report. */
export function simulationReport(summary: SimulationSummary, meta: Parameters<typeof simulationReportOf>[1]) {
  return simulationJson(simulationReportOf(summary, meta));
}

/**
 * The table of `roundtable simulate` (UNC-SIM): P5, P50, P95 and the mean of the round's
 * figures, each investment and each holder's ownership and dilution. Money in a unit that
 * suits the round (billions, millions or thousands), display only.
 */
export function simulationText(report: SimulationReport, options: TextOptions = {}): string {
  const w = (en: string, fr: string) => say(options, en, fr);
  const fr = options.lang === "fr";
  // The statistics are the fast path's floats (UNC-SIM): written to a fixed number of places.
  const fixed = (x: number, digits: number) => (fr ? x.toFixed(digits).replace(".", ",") : x.toFixed(digits));
  const row = (label: string, st: SampleStatistics, scale = 1, digits = 4) => [
    label,
    ...[st.p5, st.p50, st.p95, st.mean].map((x) => fixed(x * scale, digits)),
  ];
  const size = Math.max(Math.abs(report.postMoneyValuation.p95), 1);
  const [scale, unit] =
    size >= 1e10
      ? [1e-9, w("billions", "milliards")]
      : size >= 1e7
        ? [1e-6, w("millions", "millions")]
        : [1e-3, w("thousands", "milliers")];
  const currency = report.company.currency;
  const inUnits = fr ? `${unit} ${currency}` : `${currency} ${unit}`;
  const reported = claimsBySource(report.claims, options.lang === "fr" ? "fr" : "en");
  const colon = w(":", " :");
  const table = renderTable(
    [
      { header: "" },
      { header: "P5", align: "right" },
      { header: "P50", align: "right" },
      { header: "P95", align: "right" },
      { header: w("mean", "moyenne"), align: "right" },
    ],
    [
      row(`${w("Round size", "Taille du tour")} (${inUnits})`, report.roundSize, scale, 3),
      row(`Post-money (${inUnits})`, report.postMoneyValuation, scale, 3),
      row(w("Price per share", "Prix par action"), report.pricePerShare, 1, 4),
      ...report.quantities
        .filter((q) => q.quantity.ref?.kind === "investment")
        .map((q) => row(`${q.quantity.name} (${inUnits})`, q.value, scale, 3)),
      ...report.holders.flatMap((h) => [
        row(`${h.holder.name}${colon} ${w("ownership", "détention")} %`, h.ownership, 100, 4),
        ...(h.dilution ? [row(`${h.holder.name}${colon} dilution %`, h.dilution, 100, 4)] : []),
      ]),
    ],
  );
  const count = (n: number) => n.toLocaleString(fr ? "fr-FR" : "en-US");
  return [
    `${report.company.name} — ${report.round.name}${colon} ${count(report.runs)} ${w("scenarios, seed", "scénarios, graine")} ${report.seed} (${count(report.valid)} ${w("priced", "évalués")}, ${report.exactScenarios} ${w("by the exact engine", "par le moteur exact")})\n`,
    `${w("claims", "informations")}${colon} ${reported.length > 0 ? reported.join("; ") : w("the deal's own terms", "les conditions du dossier")}\n\n`,
    table,
    ...report.failures.map(
      (f) => `${f.count} ${w("scenarios failed", "scénarios en échec")}${colon} ${f.reason}\n`,
    ),
  ].join("");
}

const StatisticText = z.string().refine((s) => Number.isFinite(Number(s)), "a decimal");
const StatisticsJson = z.object({
  count: z.number(),
  mean: StatisticText,
  p5: StatisticText,
  p50: StatisticText,
  p95: StatisticText,
  min: StatisticText,
  max: StatisticText,
  p25: StatisticText,
  p75: StatisticText,
  histogram: z.object({ min: StatisticText, max: StatisticText, counts: z.array(z.number()) }).optional(),
});
const SimulationJsonSchema = z.object({
  company: z.string(),
  currency: z.string(),
  round: z.string(),
  seed: z.string().regex(/^[0-9]+$/),
  runs: z.number(),
  valid: z.number(),
  exactScenarios: z.number(),
  failures: z.array(z.object({ reason: z.string(), count: z.number() })),
  claims: z.array(z.string()),
  assumptions: z.array(z.string()),
  roundSize: StatisticsJson,
  pricePerShare: StatisticsJson,
  preMoneyValuation: StatisticsJson,
  postMoneyValuation: StatisticsJson,
  quantities: z.array(z.object({ quantity: z.string(), label: z.string(), value: StatisticsJson })),
  dilutionOfOthers: StatisticsJson,
  holders: z.array(
    z.object({
      holder: z.string(),
      name: z.string(),
      ownershipBefore: StatisticText,
      takesPart: z.boolean(),
      ownership: StatisticsJson,
      dilution: StatisticsJson.nullable(),
    }),
  ),
});

function statisticsOf(s: z.infer<typeof StatisticsJson>): SampleStatistics {
  return {
    count: s.count,
    mean: Number(s.mean),
    p5: Number(s.p5),
    p25: Number(s.p25),
    p50: Number(s.p50),
    p75: Number(s.p75),
    p95: Number(s.p95),
    min: Number(s.min),
    max: Number(s.max),
    ...(s.histogram
      ? {
          histogram: {
            min: Number(s.histogram.min),
            max: Number(s.histogram.max),
            counts: s.histogram.counts,
          },
        }
      : {}),
  };
}

/**
 * A simulation's typed report read back from its JSON (`simulationJson`), for a finished
 * job whose result is kept as JSON (a worker process wrote it, API-6): the statistics are
 * float64 figures written to 12 significant digits (OUT-4), so the numbers they read give
 * the same JSON again, byte for byte. `names` (the deal's) names the claims and the round's
 * quantities; undefined when the JSON is not a simulation's.
 */
export function simulationReportFromJson(
  json: unknown,
  names?: { claim(id: string): Ref & { readonly source?: Ref }; quantity(id: string): QuantityRefNamed },
  roundId?: string,
): SimulationReport | undefined {
  const parsed = SimulationJsonSchema.safeParse(json);
  if (!parsed.success) return undefined;
  const r = parsed.data;
  return {
    company: { name: r.company, currency: r.currency as Currency },
    round: { id: roundId ?? r.round, name: r.round },
    seed: BigInt(r.seed),
    runs: r.runs,
    valid: r.valid,
    exactScenarios: r.exactScenarios,
    failures: r.failures,
    claims: r.claims.map((c) => names?.claim(c) ?? { id: c, name: c }),
    assumptions: r.assumptions,
    roundSize: statisticsOf(r.roundSize),
    pricePerShare: statisticsOf(r.pricePerShare),
    preMoneyValuation: statisticsOf(r.preMoneyValuation),
    postMoneyValuation: statisticsOf(r.postMoneyValuation),
    quantities: r.quantities.map((q) => {
      const ref = parseQuantityId(q.quantity);
      return {
        quantity: { id: q.quantity, name: q.label, ...(ref.ok ? { ref: ref.value } : {}) },
        value: statisticsOf(q.value),
      };
    }),
    dilutionOfOthers: statisticsOf(r.dilutionOfOthers),
    holders: r.holders.map((h) => ({
      holder: { id: h.holder, name: h.name },
      ownershipBefore: Number(h.ownershipBefore),
      takesPart: h.takesPart,
      ownership: statisticsOf(h.ownership),
      dilution: h.dilution ? statisticsOf(h.dilution) : null,
    })),
  };
}
