import type { Command } from "commander";
import { formatOption, type OutputFormat, textOptionsOf, withTextOptions } from "../format-option.js";
import type { CliIo } from "../io.js";

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
      .addOption(formatOption()),
  ).action(
    async (
      file: string,
      options: { scenario?: string; round?: string; format: OutputFormat; exact?: boolean; ids?: boolean },
    ) => {
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
        { round: options.round, scenario: options.scenario },
        file,
        loaded.locate,
      );
      if (options.format === "json") io.stdout.write(jsonText(model.json(report)));
      else if (options.format === "csv") io.stdout.write(modelCsv(modelJson(report)));
      else io.stdout.write(modelText(report, textOptionsOf(options)));
    },
  );
}
