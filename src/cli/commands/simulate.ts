import type { Command } from "commander";
import { message } from "../../core/shared/messages.js";
import { CommandFailure } from "../failure.js";
import {
  formatOption,
  langOption,
  reportFileOptions,
  textOptionsOf,
  wantsReportFile,
} from "../format-option.js";
import type { CliIo } from "../io.js";
import { language } from "../lang.js";

function wholeNumber(text: string, what: string, min: number): number {
  if (!/^\d+$/.test(text.replaceAll("_", "")) || Number(text.replaceAll("_", "")) < min) {
    throw CommandFailure.of("usage", message("flag_whole_number", { flag: what, min, got: text }));
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
    // The statistics are the sampled floats, written to fixed places: no --exact or --ids here.
    .addOption(langOption())
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
          lang?: string;
        },
      ) => {
        // The PDF and XLSX renderers load only for a report written to a file (APP-6).
        const files = wantsReportFile(options) ? await import("../report-file.js") : undefined;
        const target = files?.reportTarget(io, options);
        if (options.format === "json") options.json = true;
        // The CLI takes more runs than the API (LIMITS.simulationRuns): its flags are read
        // here into the use case's input, and the engine checks the count.
        const runs = wholeNumber(options.runs, "--runs", 1);
        if (!/^\d+$/.test(options.seed))
          throw CommandFailure.of(
            "usage",
            message("flag_whole_number", { flag: "--seed", got: options.seed }),
          );
        const workers =
          options.workers === undefined ? undefined : wholeNumber(options.workers, "--workers", 1);
        const [{ simulate }, { readDealFile }, { failureOf }, { SingleBar }] = await Promise.all([
          import("../../app/simulate.js"),
          import("../deal-file.js"),
          import("../use-case.js"),
          import("cli-progress"),
        ]);
        const loaded = readDealFile(io, file);
        const bar =
          !options.json && io.stderr.isTTY
            ? new SingleBar({
                stream: process.stderr,
                format: "simulating [{bar}] {percentage}% | {value}/{total} scenarios | {eta_formatted} left",
                hideCursor: true,
              })
            : undefined;
        const input = {
          runs,
          seed: BigInt(options.seed),
          round: options.round,
          scenario: options.scenario,
          set: options.set,
        };
        const result = await simulate.run(loaded.deal, input, {
          progress: (done, total) => {
            if (done === 0) bar?.start(total, 0);
            else bar?.update(done);
          },
          signal: new AbortController().signal,
          ...(workers === undefined ? {} : { workers }),
        });
        bar?.stop();
        if (!result.ok) throw failureOf(result.problems, Object.keys(input), file, loaded.locate);
        const report = result.value;
        if (files && target) {
          const [{ simulationDocument, simulationFiguresOf }, { lastEventDate }] = await Promise.all([
            import("../../render/reports/simulation.js"),
            import("../../app/select.js"),
          ]);
          return files.writeReportFile(
            io,
            target,
            simulationDocument(simulationFiguresOf(report, lastEventDate(loaded.deal)), { lang: language() }),
          );
        }
        const [{ jsonText }, { simulationText }] = await Promise.all([
          import("../../report/text-formats.js"),
          import("../../report/simulation-report.js"),
        ]);
        if (options.json) {
          io.stdout.write(jsonText(simulate.json(report)));
          return;
        }
        io.stdout.write(simulationText(report, textOptionsOf(options)));
        if (report.whatIf) {
          const { whatIfText } = await import("../../report/what-if-report.js");
          io.stdout.write(`\n${whatIfText(report.whatIf, report.company.currency, language())}`);
        }
      },
    );
}
