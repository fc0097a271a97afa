import type { Command } from "commander";
import { message } from "../../core/shared/messages.js";
import {
  type FileFormat,
  formatOption,
  type OutputFormat,
  reportFileOptions,
  textOptionsOf,
  wantsReportFile,
  withTextOptions,
} from "../format-option.js";
import type { CliIo } from "../io.js";
import { language } from "../lang.js";

interface ExitOptions {
  at?: string;
  breakpoints?: boolean;
  sweep?: string;
  steps: string;
  ipo?: string;
  ipoProceeds?: string;
  runs: string;
  seed: string;
  date?: string;
  round?: string;
  scenario?: string;
  set: string[];
  format: OutputFormat | FileFormat;
  out?: string;
  pageSize?: string;
  exact?: boolean;
  ids?: boolean;
}

export function registerExit(program: Command, io: CliIo): void {
  withTextOptions(
    program
      .command("exit")
      .description(
        "who receives what at an exit: the waterfall at exit values, its exact breakpoints, a sweep for charts, or an IPO",
      )
      .argument("<deal>", "deal file (YAML or JSON)")
      .option(
        "--at <values>",
        'exit values, separated by ";" or by repeating --at (--at 15M --at 60M, or --at "15M;60M;1B"; a comma only groups thousands: 1,500,000); or one estimate ("between $1B and $3B") with --runs for payout percentiles',
        (value: string, previous: string | undefined) =>
          previous === undefined ? value : `${previous};${value}`,
      )
      .option(
        "--breakpoints",
        "the exit values where the split of the next dollar changes, with every class's and holder's payout there",
      )
      .option("--sweep <from..to>", "payouts at evenly spaced exit values, e.g. 0..1B (CSV for charts)")
      .option("--steps <n>", "number of exit values in a sweep", "101")
      .option(
        "--ipo <price or valuation>",
        'each holder\'s value at an IPO: a price per share ("$120/share") or a pre-IPO valuation ("$1T")',
      )
      .option(
        "--ipo-proceeds <amount>",
        "with --ipo: the offering's gross proceeds, which a class's qualifiedIpoMinProceeds is measured against",
      )
      .option("--runs <n>", "with an estimated --at: the number of sampled exit values", "10000")
      .option("--seed <s>", "the seed of the sampled exit values", "1")
      .option(
        "--date <date>",
        "the exit date (YYYY-MM-DD): dividends and interest accrue to it, vesting is measured at it",
      )
      .option(
        "--round <id>",
        "the cap table just after this round (default: after every transaction and round)",
      )
      .option(
        "--scenario <name>",
        "for a deal with uncertain amounts: the scenario of its rounds (default base)",
      )
      .option(
        "--set <name=value>",
        "a what-if, repeatable: amazon=$50B, pre-money=$830B, round-size=$60B (the exit of the deal priced in a scenario of its own; the claims it contradicts are listed)",
        (value: string, previous: string[]) => [...previous, value],
        [] as string[],
      )
      .addOption(formatOption(["table", "json", "csv", "pdf", "xlsx"]))
      .addOption(reportFileOptions()[0]!)
      .addOption(reportFileOptions()[1]!),
  ).action(async (file: string, options: ExitOptions) => {
    // The PDF and XLSX renderers load only for a report written to a file (APP-6).
    const files = wantsReportFile(options) ? await import("../report-file.js") : undefined;
    const target = files?.reportTarget(io, options);
    const [{ exit }, { readDealFile }, { runUseCase }, text, { exitJsonChunks }, { CommandFailure }] =
      await Promise.all([
        import("../../app/exit.js"),
        import("../deal-file.js"),
        import("../use-case.js"),
        import("../../report/exit-text.js"),
        import("../../report/exit-report.js"),
        import("../failure.js"),
      ]);
    if (target && (options.sweep !== undefined || options.ipo !== undefined))
      throw CommandFailure.of("usage", message("exit_file_modes", { format: target.format }));
    if (
      !target &&
      [options.at, options.breakpoints, options.sweep, options.ipo].filter((x) => x !== undefined).length !==
        1
    )
      throw CommandFailure.of(
        "usage",
        message("flags_exactly_one", { flags: ["--at", "--breakpoints", "--sweep", "--ipo"] }),
      );
    const loaded = readDealFile(io, file);
    const input = {
      at: options.at,
      // A file holds the exit statement: the waterfalls at --at, the breakpoints, what each invested.
      ...(target ? { statement: "true" } : { breakpoints: options.breakpoints ? "true" : undefined }),
      sweep: options.sweep,
      steps: options.steps,
      ipo: options.ipo,
      ipoProceeds: options.ipoProceeds,
      runs: options.runs,
      seed: options.seed,
      date: options.date,
      round: options.round,
      scenario: options.scenario,
      set: options.set,
    };
    const report = await runUseCase(io, exit, loaded.deal, input, file, loaded.locate).catch((e: unknown) => {
      throw atFlag(e, CommandFailure);
    });
    if (files && target) {
      if (report.kind !== "statement") throw new Error("exit: a file report is the exit statement");
      const { exitDocument, exitFiguresOf } = await import("../../render/reports/exit.js");
      return files.writeReportFile(io, target, exitDocument(exitFiguresOf(report), { lang: language() }));
    }
    // The JSON is written in pieces: the breakpoints' text can exceed the longest string a
    // JavaScript engine builds (issue 19); the bytes are those of jsonText(exit.json(report)).
    if (options.format === "json") for (const chunk of exitJsonChunks(report)) io.stdout.write(chunk);
    else if (options.format === "csv" || report.kind === "sweep") io.stdout.write(text.exitCsv(report));
    else {
      io.stdout.write(text.exitText(report, textOptionsOf(options)));
      if (report.whatIf) {
        const { whatIfText } = await import("../../report/what-if-report.js");
        io.stdout.write(`\n${whatIfText(report.whatIf, loaded.deal.ledger.company.currency, language())}`);
      }
    }
  });
}

/**
 * A list of exit values that could be misread names its flag and the other way to write a
 * list (EXIT-LIST-1): "--at: … (or repeat --at)".
 */
function atFlag(e: unknown, failure: typeof import("../failure.js").CommandFailure): unknown {
  if (!(e instanceof failure)) return e;
  const [d] = e.diagnostics;
  if (d?.code !== "exit_value_list_ambiguous" || e.diagnostics.length !== 1) return e;
  return new failure([{ ...d, message: `--at: ${d.message} (or repeat --at)` }], e.exitCode);
}
