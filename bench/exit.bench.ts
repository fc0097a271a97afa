import { exit } from "../src/app/exit.js";
import { parseInput } from "../src/app/use-case.js";
import { Rational, rat } from "../src/core/exact/rational.js";
import { exitBreakpoints, positionFunctions } from "../src/core/exit/breakpoints.js";
import { HolderPayouts } from "../src/core/exit/holder-payouts.js";
import { prepareExit } from "../src/core/exit/model.js";
import { compilePayoutTable, payoutsAt, sweepPayouts } from "../src/core/exit/sweep.js";
import { waterfallAt } from "../src/core/exit/waterfall.js";
import { isoDate } from "../src/core/shared/date.js";
import { loadDeal } from "../src/deal/load.js";
import { dealYaml, ledgerToDocument } from "../src/deal/serialize.js";
import { exitAtReport, exitJson, exitJsonChunks, exitSweepReport } from "../src/report/exit-report.js";
import { exitCsv, exitText } from "../src/report/exit-text.js";
import { type BenchReport, timeMedian } from "./harness.js";
import { CLASSES, lcg, syntheticCompany, syntheticLedger } from "./synthetic-company.js";

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

  // What the CLI runs for `exit FILE --breakpoints`: the `exit` use case on the loaded
  // deal (replay, prepare, breakpoints, the typed report with every holder in compact
  // form), then the renderer of the format asked: the JSON written in pieces, the text
  // table, the CSV. The deal is the same company written as a deal file and loaded once
  // (loading a deal is timed by the loading bench). The API answers the JSON of the same
  // typed report.
  const once = { warmup: 1, minRuns: 3, minMs: 0 };
  const loaded = loadDeal(
    dealYaml(
      { ...ledgerToDocument(syntheticLedger(HOLDERS)), exit: { fees: { rate: "0.02" }, debt: "5000000" } },
      "synthetic 50-class company",
    ),
    "synthetic.yaml",
  );
  if (!loaded.ok) throw new Error(loaded.diagnostics[0]!.message);
  const deal = loaded.deal;
  const breakpointsInput = parseInput(exit, { breakpoints: "true" });
  if (!breakpointsInput.ok) throw new Error(breakpointsInput.problems[0]!.message);
  // The exit use case answers synchronously (mode "sync"), as the CLI awaits it.
  const breakpointsUseCase = () => {
    const r = exit.run(deal, breakpointsInput.value, undefined);
    if (r instanceof Promise || !r.ok) throw new Error("exit --breakpoints: the use case failed");
    return r.value;
  };
  let breakpointsJsonBytes = 0;
  const breakpointsJsonMs = timeMedian(() => {
    let bytes = 0;
    for (const chunk of exitJsonChunks(breakpointsUseCase())) bytes += chunk.length;
    breakpointsJsonBytes = bytes;
  }, once);
  const breakpointsTableMs = timeMedian(() => {
    exitText(breakpointsUseCase());
  }, once);
  const breakpointsCsvMs = timeMedian(() => {
    exitCsv(breakpointsUseCase());
  }, once);
  const breakpointsApiMs = timeMedian(() => {
    exitJson(breakpointsUseCase());
  }, once);
  // Inner kernel of the above: every holder's exact payout function in compact form
  // (HolderPayouts: each holder's terms over the position functions), prepare included.
  const holderFunctionsMs = timeMedian(() => {
    const m = prepareExit(table, terms);
    if (m.ok) new HolderPayouts(exitBreakpoints(m.value));
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
          label: `exit FILE --breakpoints --format json: the exit use case + every holder's payout at every breakpoint and its function written in pieces (${(breakpointsJsonBytes / 1e6).toFixed(0)} MB)`,
          value: breakpointsJsonMs,
          unit: "ms",
          target: "<= 150 ms",
          met: breakpointsJsonMs <= 150,
        },
        {
          label: "exit FILE --breakpoints (table): the exit use case + the text table",
          value: breakpointsTableMs,
          unit: "ms",
          target: "<= 150 ms",
          met: breakpointsTableMs <= 150,
        },
        {
          label: "exit FILE --breakpoints --format csv: the exit use case + the CSV",
          value: breakpointsCsvMs,
          unit: "ms",
        },
        {
          label: "API exit?breakpoints=true: the exit use case + its JSON (every holder)",
          value: breakpointsApiMs,
          unit: "ms",
        },
        {
          label:
            "inner kernel: prepare + breakpoints + every holder's exact payout function (HolderPayouts, compact)",
          value: holderFunctionsMs,
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
