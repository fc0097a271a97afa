import { SingleBar } from "cli-progress";
import type { Command } from "commander";
import { runSimulationInWorkers } from "../../adapters/simulation-workers.js";
import { simulationOfInput } from "../../app/simulate.js";
import { lastEventDate } from "../../render/reports/bridge.js";
import { simulationDocument, simulationFiguresOf } from "../../render/reports/simulation.js";
import { simulationReport } from "../../report/simulation-report.js";
import { whatIfJson, whatIfText } from "../../report/what-if-report.js";
import { readDealFile } from "../deal-file.js";
import { CommandFailure } from "../failure.js";
import { formatOption, jsonText } from "../format-option.js";
import type { CliIo } from "../io.js";
import { reportFileOptions, reportTarget, writeReportFile } from "../report-file.js";
import { renderTable } from "../table.js";

function wholeNumber(text: string, what: string, min: number): number {
  if (!/^\d+$/.test(text.replaceAll("_", "")) || Number(text.replaceAll("_", "")) < min) {
    throw CommandFailure.of("usage", `${what} takes a whole number of at least ${min}, got "${text}"`);
  }
  return Number(text.replaceAll("_", ""));
}

export function registerSimulate(program: Command, io: CliIo): void {
  program
    .command("simulate")
    .description(
      "sample a round's uncertain amounts (seeded Monte Carlo) and report percentiles of the round and of every holder's ownership",
    )
    .argument("<deal>", "deal file (YAML or JSON)")
    .option("--runs <n>", "number of scenarios", "10000")
    .option("--seed <s>", "the seed: the same seed gives the same result, byte for byte", "1")
    .option(
      "--workers <n>",
      "worker threads (default: all cores for large runs); the result does not depend on it",
    )
    .option("--round <id>", "the round to simulate (default: the last one)")
    .option("--scenario <name>", "sample under the claims of this scenario (default: the default reading)")
    .option(
      "--set <name=value>",
      "a what-if, repeatable: amazon=$50B, pre-money=$830B (held fixed, the rest sampled; the claims it contradicts are listed)",
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .option("--json", "print JSON (no progress bar)")
    .addOption(formatOption(["table", "json", "pdf", "xlsx"]))
    .addOption(reportFileOptions()[0]!)
    .addOption(reportFileOptions()[1]!)
    .action(
      async (
        file: string,
        options: {
          runs: string;
          seed: string;
          workers?: string;
          round?: string;
          scenario?: string;
          set: string[];
          json?: boolean;
          format: string;
          out?: string;
        },
      ) => {
        const target = reportTarget(io, options);
        if (options.format === "json") options.json = true;
        const runs = wholeNumber(options.runs, "--runs", 1);
        if (!/^\d+$/.test(options.seed))
          throw CommandFailure.of("usage", `--seed takes a whole number, got "${options.seed}"`);
        const seed = BigInt(options.seed);
        const workers =
          options.workers === undefined ? undefined : wholeNumber(options.workers, "--workers", 1);
        const loaded = readDealFile(io, file);
        const setup = simulationOfInput(loaded.deal, {
          round: options.round,
          scenario: options.scenario,
          set: options.set,
        });
        if (!setup.ok) {
          const usage = setup.problems.find((p) => p.code === "usage");
          if (usage) throw CommandFailure.of("usage", usage.message, file);
          throw CommandFailure.fromProblems(setup.problems, file, loaded.locate);
        }
        const { plan, capTable, template, meta, whatIf } = setup.value;
        const bar =
          !options.json && io.stderr.isTTY
            ? new SingleBar({
                stream: process.stderr,
                format: "simulating [{bar}] {percentage}% | {value}/{total} scenarios | {eta_formatted} left",
                hideCursor: true,
              })
            : undefined;
        bar?.start(runs, 0);
        const summary = await runSimulationInWorkers(plan, capTable, template, {
          runs,
          seed,
          ...(workers === undefined ? {} : { workers }),
          onProgress: (done) => bar?.update(done),
        });
        bar?.stop();
        if (!summary.ok) throw CommandFailure.fromProblems(summary.problems, file, loaded.locate);
        const simulated = simulationReport(summary.value, meta);
        const report = whatIf ? { ...simulated, whatIf: whatIfJson(whatIf) } : simulated;
        if (target)
          return writeReportFile(
            io,
            target,
            simulationDocument(simulationFiguresOf(report, lastEventDate(loaded.deal))),
          );
        if (options.json) {
          io.stdout.write(jsonText(report));
          return;
        }
        const s = summary.value;
        const row = (
          label: string,
          st: { p5: number; p50: number; p95: number; mean: number },
          scale = 1,
          digits = 4,
        ) => [label, ...[st.p5, st.p50, st.p95, st.mean].map((x) => (x * scale).toFixed(digits))];
        // Money in a unit that suits the round: billions, millions or thousands (display only).
        const size = Math.max(Math.abs(s.postMoney.p95), 1);
        const [scale, unit] =
          size >= 1e10 ? [1e-9, "billions"] : size >= 1e7 ? [1e-6, "millions"] : [1e-3, "thousands"];
        io.stdout.write(
          `${report.company} — ${report.round}: ${s.runs.toLocaleString("en-US")} scenarios, seed ${s.seed} (${s.valid.toLocaleString("en-US")} priced, ${s.exactScenarios} by the exact engine)\n`,
        );
        const reported = s.claims.filter((c) => !c.startsWith("terms:"));
        io.stdout.write(`claims: ${reported.length > 0 ? reported.join(", ") : "the deal's own terms"}\n\n`);
        io.stdout.write(
          renderTable(
            [
              { header: "" },
              { header: "P5", align: "right" },
              { header: "P50", align: "right" },
              { header: "P95", align: "right" },
              { header: "mean", align: "right" },
            ],
            [
              row(`Round size (${report.currency} ${unit})`, s.roundSize, scale, 3),
              row(`Post-money (${report.currency} ${unit})`, s.postMoney, scale, 3),
              row("Price per share", s.pricePerShare, 1, 4),
              ...s.quantities
                .filter((q) => q.quantity.includes("/investment:"))
                .map((q) => row(`${q.label} (${report.currency} ${unit})`, q.value, scale, 3)),
              ...s.holders.flatMap((h) => [
                row(`${h.name}: ownership %`, h.ownership, 100, 4),
                ...(h.dilution ? [row(`${h.name}: dilution %`, h.dilution, 100, 4)] : []),
              ]),
            ],
          ),
        );
        for (const f of s.failures) io.stdout.write(`${f.count} scenarios failed: ${f.reason}\n`);
        if (whatIf) io.stdout.write(`\n${whatIfText(whatIf, report.currency)}`);
      },
    );
}
