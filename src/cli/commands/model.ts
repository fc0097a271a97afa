import type { Command } from "commander";
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

export function registerModel(program: Command, io: CliIo): void {
  withTextOptions(
    program
      .command("model")
      .description("price a round and print the pro-forma cap table, before and after")
      .argument("<deal>", "deal file (YAML or JSON)")
      .option(
        "--scenario <name>",
        "for a deal with uncertain amounts: the scenario that gives them (low, base, high, or one the deal defines; default base)",
      )
      .option("--round <id>", "the round to model (default: the last one); earlier rounds are applied first")
      .option(
        "--set <name=value>",
        "a what-if, repeatable: amazon=$50B, pre-money=$830B, round-size=$60B, microsoft-stake=27% (priced as a scenario of its own; the claims it contradicts are listed)",
        (value: string, previous: string[]) => [...previous, value],
        [] as string[],
      )
      .addOption(formatOption(["table", "json", "csv", "pdf", "xlsx"]))
      .addOption(reportFileOptions()[0]!)
      .addOption(reportFileOptions()[1]!),
  ).action(
    async (
      file: string,
      options: {
        scenario?: string;
        round?: string;
        set: string[];
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
        { model },
        { readDealFile },
        { runUseCase },
        { modelText },
        { modelCsv, jsonText },
        { modelJson },
      ] = await Promise.all([
        import("../../app/model.js"),
        import("../deal-file.js"),
        import("../use-case.js"),
        import("../../report/model-text.js"),
        import("../../report/text-formats.js"),
        import("../../report/model-report.js"),
      ]);
      const loaded = readDealFile(io, file);
      const report = await runUseCase(
        io,
        model,
        loaded.deal,
        { round: options.round, scenario: options.scenario, set: options.set },
        file,
        loaded.locate,
      );
      if (files && target) {
        const { proFormaDocument, proFormaFiguresOf } = await import("../../render/reports/pro-forma.js");
        return files.writeReportFile(
          io,
          target,
          proFormaDocument(proFormaFiguresOf(report), { lang: language() }),
        );
      }
      if (options.format === "json") io.stdout.write(jsonText(model.json(report)));
      else if (options.format === "csv") io.stdout.write(modelCsv(modelJson(report)));
      else {
        io.stdout.write(modelText(report, textOptionsOf(options)));
        if (report.whatIf) {
          const { whatIfText } = await import("../../report/what-if-report.js");
          io.stdout.write(`\n${whatIfText(report.whatIf, report.company.currency, language())}`);
        }
      }
    },
  );
}
