import { Rational } from "../core/exact/rational.js";
import type { SimulationSummary } from "../core/uncertainty/simulate.js";
import type { SampleStatistics } from "../core/uncertainty/statistics.js";

/**
 * A float statistic as a decimal string (SPEC OUT-4): simulation statistics are float64
 * approximations, written with 12 significant digits and no exponent.
 */
export function floatText(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (Number.isInteger(x) && Math.abs(x) < Number.MAX_SAFE_INTEGER) return String(x);
  return Rational.parse(x.toPrecision(12))!.toDecimalString(18);
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

/** The JSON of `roundtable simulate`: every statistic as a decimal string (OUT-4). */
export function simulationReport(
  summary: SimulationSummary,
  meta: { company: string; currency: string; round: string },
) {
  return {
    company: meta.company,
    currency: meta.currency,
    round: meta.round,
    seed: summary.seed,
    runs: summary.runs,
    valid: summary.valid,
    exactScenarios: summary.exactScenarios,
    failures: summary.failures,
    claims: [...summary.claims],
    assumptions: [...summary.assumptions],
    roundSize: statistics(summary.roundSize),
    pricePerShare: statistics(summary.pricePerShare),
    preMoneyValuation: statistics(summary.preMoney),
    postMoneyValuation: statistics(summary.postMoney),
    quantities: summary.quantities.map((q) => ({
      quantity: q.quantity,
      label: q.label,
      value: statistics(q.value),
    })),
    dilutionOfOthers: statistics(summary.dilutionOfOthers),
    holders: summary.holders.map((h) => ({
      holder: h.holder,
      name: h.name,
      ownershipBefore: floatText(h.ownershipBefore),
      takesPart: h.takesPart,
      ownership: statistics(h.ownership),
      dilution: h.dilution ? statistics(h.dilution) : null,
    })),
  };
}
