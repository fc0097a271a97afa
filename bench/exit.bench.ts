import { exitBreakpointsOf } from "../src/app/exit-report.js";
import { Rational, rat } from "../src/core/exact/rational.js";
import { exitBreakpoints, positionFunctions } from "../src/core/exit/breakpoints.js";
import { HolderPayouts } from "../src/core/exit/holder-payouts.js";
import { prepareExit } from "../src/core/exit/model.js";
import { compilePayoutTable, payoutsAt, sweepPayouts } from "../src/core/exit/sweep.js";
import { waterfallAt } from "../src/core/exit/waterfall.js";
import { isoDate } from "../src/core/shared/date.js";
import { exitAtReport, exitBreakpointsReport, exitSweepReport } from "../src/report/exit-report.js";
import { jsonText } from "../src/report/text-formats.js";
import { type BenchReport, timeMedian } from "./harness.js";
import { CLASSES, lcg, syntheticCompany } from "./synthetic-company.js";

const HOLDERS = 10_000;
const EXIT_VALUES = 10_000;

export default async function (): Promise<BenchReport[]> {
  const table = syntheticCompany(HOLDERS);
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

  // What the CLI runs: `exit --breakpoints`, `exit --sweep` and `exit --at` call these
  // report functions on the prepared model (prepare included here, as the command does it
  // on every run). `exit --breakpoints` builds the typed report (every holder's exact
  // function and its values at every breakpoint); `--format json` then writes its JSON
  // text; the API answers the same JSON.
  const once = { warmup: 1, minRuns: 3, minMs: 0 };
  let breakpointsJsonBytes = 0;
  const breakpointsJsonMs = timeMedian(() => {
    const m = prepareExit(table, terms);
    if (m.ok) breakpointsJsonBytes = jsonText(exitBreakpointsReport(m.value)).length;
  }, once);
  // The table and CSV are rendered from the same typed report (the exit use case).
  const breakpointsTableMs = timeMedian(() => {
    const m = prepareExit(table, terms);
    if (m.ok) exitBreakpointsOf(m.value);
  }, once);
  // Inner kernel of the above: every holder's exact payout function in compact form
  // (HolderPayouts: each holder's terms over the position functions), prepare included.
  const holderFunctionsMs = timeMedian(() => {
    const m = prepareExit(table, terms);
    if (m.ok) new HolderPayouts(exitBreakpoints(m.value));
  }, once);
  const breakpointsReportMs = timeMedian(() => {
    const m = prepareExit(table, terms);
    if (m.ok) exitBreakpointsReport(m.value);
  }, once);
  const sweepReportMs = timeMedian(() => {
    const m = prepareExit(table, terms);
    if (m.ok) exitSweepReport(m.value, 0, to, 101);
  }, once);
  const sweepReport1000Ms = timeMedian(() => {
    const m = prepareExit(table, terms);
    if (m.ok) exitSweepReport(m.value, 0, to, 1_000);
  }, once);
  const atValues = [0.2, 0.6, 1.2].map((f) => Rational.of(BigInt(Math.round(last * f))));
  const atReportMs = timeMedian(() => {
    const m = prepareExit(table, terms);
    if (m.ok) exitAtReport(m.value, atValues);
  }, once);

  return [
    {
      name: `exit commands as the CLI runs them: ${CLASSES} classes, ${HOLDERS.toLocaleString("en-US")} holders (prepare + report)`,
      figures: [
        {
          label: `exit --breakpoints --format json: every holder's payout at every breakpoint and its function, the JSON text (${(breakpointsJsonBytes / 1e6).toFixed(0)} MB)`,
          value: breakpointsJsonMs,
          unit: "ms",
          target: "<= 150 ms",
          met: breakpointsJsonMs <= 150,
        },
        {
          label: "exit --breakpoints (table or CSV): the typed report, every holder included",
          value: breakpointsTableMs,
          unit: "ms",
        },
        {
          label:
            "inner kernel: prepare + breakpoints + every holder's exact payout function (HolderPayouts, compact)",
          value: holderFunctionsMs,
          unit: "ms",
        },
        {
          label: "API exit?breakpoints=true: the typed report with every holder",
          value: breakpointsReportMs,
          unit: "ms",
        },
        {
          label: "exit --sweep 0..1.5×last (101 steps, the default): every holder",
          value: sweepReportMs,
          unit: "ms",
        },
        {
          label: "exit --sweep 0..1.5×last --steps 1000: every holder",
          value: sweepReport1000Ms,
          unit: "ms",
        },
        { label: "exit --at (3 exit values), exact waterfall, every holder", value: atReportMs, unit: "ms" },
      ],
    },
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
