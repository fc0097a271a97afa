import type { Command } from "commander";
import { dealDifference } from "../../deal/difference.js";
import { differenceJson, differenceText } from "../../report/difference-report.js";
import { readDealFile } from "../deal-file.js";
import { formatOption, jsonText, type OutputFormat } from "../format-option.js";
import type { CliIo } from "../io.js";
import { language } from "../lang.js";

export function registerDiff(program: Command, io: CliIo): void {
  program
    .command("diff")
    .description(
      "what changed between two versions of a deal: records added, removed or changed, and how the pro forma moved",
    )
    .argument("<old>", "the older deal file (YAML or JSON)")
    .argument("<new>", "the newer deal file")
    .addOption(formatOption(["table", "json"]))
    .action((older: string, newer: string, options: { format: OutputFormat }) => {
      const a = readDealFile(io, older);
      const b = readDealFile(io, newer);
      const d = dealDifference(a.deal, b.deal);
      io.stdout.write(
        options.format === "json" ? jsonText(differenceJson(d)) : differenceText(d, language()),
      );
    });
}
