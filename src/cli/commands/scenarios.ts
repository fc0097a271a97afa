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

export function registerScenarios(program: Command, io: CliIo): void {
  withTextOptions(
    program
      .command("scenarios")
      .description(
        "price a round in each scenario (low, base, high and the deal's own) and compare them side by side",
      )
      .argument("<deal>", "deal file (YAML or JSON)")
      .option(
        "--scenario <names>",
        "the scenarios to compare, comma-separated (default: low, base, high and the deal's own)",
      )
      .option("--round <id>", "the round to compare (default: the last one)")
      .option(
        "--set <name=value>",
        "a what-if, repeatable: amazon=$50B, pre-money=$830B (fixed in every scenario compared; the claims it contradicts are listed)",
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
        exact?: boolean;
        ids?: boolean;
        lang?: string;
      },
    ) => {
      // The PDF and XLSX renderers load only for a report written to a file (APP-6).
      const files = wantsReportFile(options) ? await import("../report-file.js") : undefined;
      const target = files?.reportTarget(io, options);
      const [
        { scenarios },
        { readDealFile },
        { runUseCase },
        { scenariosRows, scenariosText },
        { jsonText },
        table,
      ] = await Promise.all([
        import("../../app/scenarios.js"),
        import("../deal-file.js"),
        import("../use-case.js"),
        import("../../report/scenarios-report.js"),
        import("../../report/text-formats.js"),
        import("../table.js"),
      ]);
      const loaded = readDealFile(io, file);
      const report = await runUseCase(
        io,
        scenarios,
        loaded.deal,
        { scenario: options.scenario, round: options.round, set: options.set },
        file,
        loaded.locate,
      );
      if (files && target) {
        const [{ scenariosDocument, scenariosFiguresOf }, { lastEventDate }] = await Promise.all([
          import("../../render/reports/scenarios.js"),
          import("../../app/select.js"),
        ]);
        return files.writeReportFile(
          io,
          target,
          scenariosDocument(scenariosFiguresOf(report, lastEventDate(loaded.deal)), { lang: language() }),
        );
      }
      if (options.format === "json") {
        io.stdout.write(jsonText(scenarios.json(report)));
        return;
      }
      if (options.format === "csv") {
        const { header, body } = scenariosRows(report);
        io.stdout.write(table.renderCsv(["metric", ...header.slice(1)], body));
        return;
      }
      io.stdout.write(scenariosText(report, textOptionsOf(options)));
      if (report.whatIfs) {
        const { whatIfText } = await import("../../report/what-if-report.js");
        for (const whatIf of report.whatIfs)
          io.stdout.write(
            `\n${report.scenarios.length > 1 ? `${whatIf.basedOn}: ` : ""}${whatIfText(whatIf, report.company.currency, language())}`,
          );
      }
    },
  );
}
