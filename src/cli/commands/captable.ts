import { type Command, Option } from "commander";
import { Rational } from "../../core/exact/rational.js";
import { runDeal } from "../../core/round/timeline.js";
import { parseIsoDate } from "../../core/shared/date.js";
import { diagnosticFrom } from "../../deal/diagnostics.js";
import { capTableReport } from "../../report/captable-report.js";
import { groupedInteger, percent } from "../../report/format.js";
import { capTableCsv } from "../../report/text-formats.js";
import { readDealFile } from "../deal-file.js";
import { CommandFailure, printDiagnostics } from "../failure.js";
import { formatOption, jsonText, type OutputFormat } from "../format-option.js";
import type { CliIo } from "../io.js";
import { renderTable } from "../table.js";

export function registerCapTable(program: Command, io: CliIo): void {
  program
    .command("captable")
    .description(
      "print the cap table as of a date: outstanding, as-converted and fully diluted, per holder or per class",
    )
    .argument("<deal>", "deal file (YAML or JSON)")
    .option("--as-of <date>", "the date (YYYY-MM-DD); default: after every transaction and round")
    .addOption(
      new Option("--by <grouping>", "rows per holder or per class")
        .choices(["holder", "class"])
        .default("holder"),
    )
    .addOption(formatOption())
    .action((file: string, options: { asOf?: string; by: "holder" | "class"; format: OutputFormat }) => {
      const asOf = options.asOf === undefined ? undefined : parseIsoDate(options.asOf);
      if (options.asOf !== undefined && !asOf) {
        throw CommandFailure.of("usage", `--as-of takes a date as YYYY-MM-DD, got "${options.asOf}"`);
      }
      const loaded = readDealFile(io, file);
      const run = runDeal(loaded.deal.ledger, loaded.deal.rounds, asOf ? { asOf } : {});
      if (!run.ok) throw CommandFailure.fromProblems(run.problems, file, loaded.locate);
      printDiagnostics(
        io,
        run.warnings.map((w) => diagnosticFrom(w, file, loaded.locate)),
      );
      const report = capTableReport(run.value.final, asOf ?? null);
      if (options.format === "json") {
        io.stdout.write(jsonText(report));
        return;
      }
      if (options.format === "csv") {
        io.stdout.write(capTableCsv(report, options.by));
        return;
      }
      const rows = options.by === "holder" ? report.holders : report.classes;
      io.stdout.write(`${report.company} — cap table${asOf ? ` as of ${asOf}` : ""}\n\n`);
      io.stdout.write(
        renderTable(
          [
            { header: options.by === "holder" ? "Holder" : "Class" },
            { header: "Outstanding", align: "right" },
            { header: "%", align: "right" },
            { header: "As-converted", align: "right" },
            { header: "%", align: "right" },
            { header: "Fully diluted", align: "right" },
            { header: "%", align: "right" },
          ],
          rows.map((r) => [
            r.name,
            groupedInteger(BigInt(r.outstanding)),
            percent(Rational.parse(r.outstandingFraction)!),
            groupedInteger(BigInt(r.asConverted)),
            percent(Rational.parse(r.asConvertedFraction)!),
            groupedInteger(BigInt(r.fullyDiluted)),
            percent(Rational.parse(r.fullyDilutedFraction)!),
          ]),
        ),
      );
      const t = report.totals;
      io.stdout.write(
        `\nTotal: ${groupedInteger(BigInt(t.outstanding))} outstanding, ${groupedInteger(BigInt(t.asConverted))} as-converted, ${groupedInteger(BigInt(t.fullyDiluted))} fully diluted\n`,
      );
      if (t.unconverted !== "0")
        io.stdout.write(
          `SAFEs and notes not yet converted (outside the share counts): ${t.unconverted} ${report.currency}\n`,
        );
    });
}
