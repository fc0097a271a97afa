import { Rational, rat } from "../src/core/exact/rational.js";
import { exitBreakpoints, positionFunctions } from "../src/core/exit/breakpoints.js";
import { prepareExit } from "../src/core/exit/model.js";
import { compilePayoutTable, payoutsAt, sweepPayouts } from "../src/core/exit/sweep.js";
import { waterfallAt } from "../src/core/exit/waterfall.js";
import type { CapTable } from "../src/core/ledger/cap-table.js";
import { isoDate } from "../src/core/shared/date.js";
import { LedgerBuilder } from "../test/support/ledger-builder.js";
import { type BenchReport, timeMedian } from "./harness.js";

const CLASSES = 50;
const HOLDERS = 10_000;
const EXIT_VALUES = 10_000;

/** A deterministic generator (a 32-bit LCG): the same company on every run. */
function lcg(seed: number) {
  let state = seed >>> 0;
  return (n: number) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % n;
  };
}

/**
 * A synthetic company: common plus 49 preferred classes of every kind (non-participating,
 * participating, capped; multiples 1x–2x; five seniority levels; some with cumulative
 * dividends), 10,000 holders with one to three lots each, 2,000 option grants at 20
 * strikes, 10 warrants, 10 SAFEs and 5 notes.
 */
function syntheticCompany(): CapTable {
  const random = lcg(21);
  const b = new LedgerBuilder({ formed: "2015-01-01", start: "2015-01-01" });
  b.common("common");
  b.pool("plan", "common", 100_000_000n);
  for (let c = 1; c < CLASSES; c++) {
    const kind = c % 3;
    b.preferred(`series-${c}`, {
      originalIssuePrice: rat(10 + c * 7, 100),
      conversionPrice: rat(10 + c * 7 - (c % 4), 100),
      multiple: c % 5 === 0 ? "2" : c % 7 === 0 ? "1.5" : "1",
      seniority: c % 5,
      participation: kind === 0 ? "none" : kind === 1 ? "full" : { cap: c % 2 === 0 ? "3" : "2" },
      dividends: c % 6 === 0 ? { rate: "0.08", cumulative: true } : undefined,
    });
  }
  for (let h = 0; h < HOLDERS; h++) {
    const lots = 1 + random(3);
    for (let l = 0; l < lots; l++) {
      const c = random(CLASSES);
      b.on(`20${16 + random(8)}-0${1 + random(9)}-01`);
      b.issue(`h${h}`, c === 0 ? "common" : `series-${c}`, BigInt(1_000 + random(100_000)));
    }
  }
  b.on("2024-06-01");
  for (let g = 0; g < 2_000; g++) {
    b.grant(`h${random(HOLDERS)}`, BigInt(100 + random(20_000)), {
      pool: "plan",
      price: rat(5 + 5 * random(20), 100),
    });
  }
  for (let w = 0; w < 10; w++)
    b.warrant(`h${random(HOLDERS)}`, "common", BigInt(10_000 + random(50_000)), "0.75");
  b.on("2024-09-01");
  for (let s = 0; s < 10; s++) {
    b.safe(`h${random(HOLDERS)}`, { amount: 250_000 + 10_000 * s, cap: 200_000_000 + 10_000_000 * s });
  }
  for (let n = 0; n < 5; n++) {
    b.note(`h${random(HOLDERS)}`, { principal: 500_000, rate: "0.06", cap: 150_000_000 + 5_000_000 * n });
  }
  return b.table();
}

export default async function (): Promise<BenchReport[]> {
  const table = syntheticCompany();
  const terms = {
    exitDate: isoDate("2026-01-01"),
    fees: { rate: rat("0.02") },
    debt: { kind: "money" as const, currency: table.company.currency, amount: rat(5_000_000) },
  };
  const prepared = prepareExit(table, terms);
  if (!prepared.ok) throw new Error(prepared.problems[0]!.message);
  const model = prepared.value;
  const bp = exitBreakpoints(model);
  const last = bp.breakpoints[bp.breakpoints.length - 1]!.toNumber();

  const prepareMs = timeMedian(() => {
    prepareExit(table, terms);
  });
  const breakpointsMs = timeMedian(() => {
    exitBreakpoints(model);
  });
  const breakpointsAndTableMs = timeMedian(() => {
    compilePayoutTable(exitBreakpoints(model));
  });
  const endToEndMs = timeMedian(() => {
    const m = prepareExit(table, terms);
    if (m.ok) compilePayoutTable(exitBreakpoints(m.value));
  });
  const exactFunctionsMs = timeMedian(
    () => {
      for (let i = 0; i < model.positions.length; i++) positionFunctions(bp, i);
    },
    { minRuns: 3 },
  );
  const compileMs = timeMedian(() => {
    compilePayoutTable(bp);
  });
  const payoutTable = compilePayoutTable(bp);
  const to = Math.ceil(last * 1.5);
  const sweepMs = timeMedian(() => {
    sweepPayouts(payoutTable, 0, to, EXIT_VALUES);
  });
  const someHolders = payoutTable.holderIds.slice(0, 1_000);
  const sweepHoldersMs = timeMedian(() => {
    sweepPayouts(payoutTable, 0, to, EXIT_VALUES, someHolders);
  });
  const allHoldersMs = timeMedian(
    () => {
      sweepPayouts(payoutTable, 0, to, 1_000, "all");
    },
    { minRuns: 3 },
  );
  const random = lcg(7);
  const samples = new Float64Array(EXIT_VALUES);
  for (let s = 0; s < EXIT_VALUES; s++) samples[s] = (random(1_000_000) / 1_000_000) * to;
  const samplesMs = timeMedian(() => {
    payoutsAt(payoutTable, samples, someHolders.slice(0, 100));
  });
  const at = Rational.of(BigInt(Math.round(last * 0.6)));
  const waterfallMs = timeMedian(
    () => {
      waterfallAt(model, at);
    },
    { minRuns: 3 },
  );

  return [
    {
      name: `exit: ${CLASSES} classes, ${HOLDERS.toLocaleString("en-US")} holders, ${model.positions.length} positions, ${bp.breakpoints.length} breakpoints`,
      figures: [
        { label: "prepare: cap table (22,000 securities) → exit model", value: prepareMs, unit: "ms" },
        {
          label: "breakpoints (exact)",
          value: breakpointsMs,
          unit: "ms",
          target: "< 50 ms",
          met: breakpointsMs < 50,
        },
        {
          label: "breakpoints + float payout table",
          value: breakpointsAndTableMs,
          unit: "ms",
          target: "< 50 ms",
          met: breakpointsAndTableMs < 50,
        },
        { label: "prepare + breakpoints + float payout table", value: endToEndMs, unit: "ms" },
        { label: "exact payout functions of every position", value: exactFunctionsMs, unit: "ms" },
        { label: "float payout table alone", value: compileMs, unit: "ms" },
        {
          label: `sweep: every position at ${EXIT_VALUES.toLocaleString("en-US")} exit values`,
          value: sweepMs,
          unit: "ms",
          target: "< 200 ms",
          met: sweepMs < 200,
        },
        {
          label: `sweep: positions + 1,000 holders at ${EXIT_VALUES.toLocaleString("en-US")} exit values`,
          value: sweepHoldersMs,
          unit: "ms",
        },
        {
          label: "sweep: positions + all 10,000 holders at 1,000 exit values",
          value: allHoldersMs,
          unit: "ms",
        },
        {
          label: `samples: ${EXIT_VALUES.toLocaleString("en-US")} unsorted exit values, positions + 100 holders`,
          value: samplesMs,
          unit: "ms",
        },
        { label: "exact waterfall at one exit value, every holder", value: waterfallMs, unit: "ms" },
      ],
      notes: [
        "A full 10,000 holders × 10,000 exit values matrix is 800 MB of float64; holders are computed for those asked for.",
      ],
    },
  ];
}
