import { type Command, Option } from "commander";
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

export function registerCapTable(program: Command, io: CliIo): void {
  withTextOptions(
    program
      .command("captable")
      .description(
        "print the cap table as of a date: outstanding, as-converted and fully diluted, per holder or per class",
      )
      .argument("<deal>", "deal file (YAML or JSON)")
      .option(
        "--scenario <name>",
        "for a deal with uncertain amounts: the scenario that gives them (low, base, high, or one the deal defines; default base)",
      )
      .option("--as-of <date>", "the date (YYYY-MM-DD); default: after every transaction and round")
      .option(
        "--at-price <price>",
        "a round price per share ($1.25): the shares each SAFE and note not yet converted would convert into at it (SAFE-7)",
      )
      .option(
        "--set <name=value>",
        "a what-if, repeatable: amazon=$50B, pre-money=$830B, round-size=$60B, microsoft-stake=27% (priced as a scenario of its own; the claims it contradicts are listed)",
        (value: string, previous: string[]) => [...previous, value],
        [] as string[],
      )
      .addOption(
        new Option("--by <grouping>", "rows per holder or per class")
          .choices(["holder", "class"])
          .default("holder"),
      )
      .addOption(formatOption(["table", "json", "csv", "pdf", "xlsx"]))
      .addOption(reportFileOptions()[0]!)
      .addOption(reportFileOptions()[1]!),
  ).action(
    async (
      file: string,
      options: {
        scenario?: string;
        asOf?: string;
        atPrice?: string;
        set: string[];
        by: "holder" | "class";
        format: OutputFormat | FileFormat;
        out?: string;
        pageSize?: string;
        exact?: boolean;
        ids?: boolean;
      },
    ) => {
      // The PDF and XLSX renderers load only for a report written to a file (APP-6).
      const files = wantsReportFile(options) ? await import("../report-file.js") : undefined;
      const target = files?.reportTarget(io, options);
      const [
        { captable },
        { readDealFile },
        { runUseCase },
        { capTableText },
        { capTableCsv, jsonText },
        json,
        date,
        failure,
      ] = await Promise.all([
        import("../../app/captable.js"),
        import("../deal-file.js"),
        import("../use-case.js"),
        import("../../report/captable-text.js"),
        import("../../report/text-formats.js"),
        import("../../report/captable-report.js"),
        import("../../core/shared/date.js"),
        import("../failure.js"),
      ]);
      if (options.asOf !== undefined && !date.parseIsoDate(options.asOf))
        throw failure.CommandFailure.of(
          "usage",
          message("flag_date", { flag: "--as-of", form: "as", got: options.asOf }),
        );
      const loaded = readDealFile(io, file);
      const report = await runUseCase(
        io,
        captable,
        loaded.deal,
        { asOf: options.asOf, scenario: options.scenario, set: options.set, atPrice: options.atPrice },
        file,
        loaded.locate,
      );
      if (files && target) {
        const { capTableDocument, capTableFiguresOf } = await import("../../render/reports/cap-table.js");
        return files.writeReportFile(
          io,
          target,
          capTableDocument(capTableFiguresOf(report, { byClass: true }), { lang: language() }),
        );
      }
      if (options.format === "json") io.stdout.write(jsonText(json.capTableJson(report)));
      else if (options.format === "csv") io.stdout.write(capTableCsv(json.capTableJson(report), options.by));
      else {
        io.stdout.write(capTableText(report, options.by, textOptionsOf(options)));
        if (report.whatIf) {
          const { whatIfText } = await import("../../report/what-if-report.js");
          io.stdout.write(`\n${whatIfText(report.whatIf, report.company.currency, language())}`);
        }
      }
    },
  );
}
