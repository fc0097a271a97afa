import { type Command, Option } from "commander";
import { Rational } from "../../core/exact/rational.js";
import { runDeal } from "../../core/round/timeline.js";
import { type IsoDate, parseIsoDate } from "../../core/shared/date.js";
import { diagnosticFrom } from "../../deal/diagnostics.js";
import { capTableDocument, capTableFiguresOf } from "../../render/reports/cap-table.js";
import { capTableReport } from "../../report/captable-report.js";
import { groupedInteger, percent } from "../../report/format.js";
import { capTableCsv } from "../../report/text-formats.js";
import { inScenario, readDealFile } from "../deal-file.js";
import { CommandFailure, printDiagnostics } from "../failure.js";
import { formatOption, jsonText, type OutputFormat } from "../format-option.js";
import type { CliIo } from "../io.js";
import { reportFileOptions, reportTarget, writeReportFile } from "../report-file.js";
import { renderTable } from "../table.js";

export function registerCapTable(program: Command, io: CliIo): void {
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
    .addOption(
      new Option("--by <grouping>", "rows per holder or per class")
        .choices(["holder", "class"])
        .default("holder"),
    )
    .addOption(formatOption(["table", "json", "csv", "pdf", "xlsx"]))
    .addOption(reportFileOptions()[0]!)
    .addOption(reportFileOptions()[1]!)
    .action(
      async (
        file: string,
        options: {
          scenario?: string;
          asOf?: string;
          by: "holder" | "class";
          format: OutputFormat;
          out?: string;
        },
      ) => {
        const target = reportTarget(io, options);
        const asOf = options.asOf === undefined ? undefined : parseIsoDate(options.asOf);
        if (options.asOf !== undefined && !asOf) {
          throw CommandFailure.of("usage", `--as-of takes a date as YYYY-MM-DD, got "${options.asOf}"`);
        }
        const loaded = inScenario(readDealFile(io, file), options.scenario);
        const run = runDeal(loaded.deal.ledger, loaded.deal.rounds, asOf ? { asOf } : {});
        if (!run.ok) throw CommandFailure.fromProblems(run.problems, file, loaded.locate);
        printDiagnostics(
          io,
          run.warnings.map((w) => diagnosticFrom(w, file, loaded.locate)),
        );
        // Without --as-of, the report is as of the deal's last dated event (never the clock: OUT-3).
        const dates = [
          ...loaded.deal.ledger.transactions.map((t) => t.date),
          ...loaded.deal.rounds.flatMap((r) => [r.date, ...r.closings.map((c) => c.date)]),
        ];
        const lastDate = dates.reduce(
          (a, b) => (a > b ? a : b),
          loaded.deal.ledger.company.formationDate ?? ("1970-01-01" as IsoDate),
        );
        const report = capTableReport(run.value.final, asOf ?? lastDate, { byClass: target !== undefined });
        if (target) return writeReportFile(io, target, capTableDocument(capTableFiguresOf(report)));
        if (options.format === "json") {
          io.stdout.write(jsonText(report));
          return;
        }
        const rows = options.by === "holder" ? report.holders : report.classes;
        if (options.format === "csv") {
          io.stdout.write(capTableCsv(report, options.by));
          return;
        }
        io.stdout.write(`${report.company} — cap table as of ${report.asOf}\n\n`);
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
              ...(options.by === "holder" ? [{ header: "Options vested", align: "right" as const }] : []),
            ],
            rows.map((r) => [
              r.name,
              groupedInteger(BigInt(r.outstanding)),
              percent(Rational.parse(r.outstandingFraction)!),
              groupedInteger(BigInt(r.asConverted)),
              percent(Rational.parse(r.asConvertedFraction)!),
              groupedInteger(BigInt(r.fullyDiluted)),
              percent(Rational.parse(r.fullyDilutedFraction)!),
              ...(options.by === "holder"
                ? [
                    r.optionsVested === undefined
                      ? ""
                      : `${groupedInteger(BigInt(r.optionsVested))} of ${groupedInteger(BigInt(r.optionsVested) + BigInt(r.optionsUnvested!))}`,
                  ]
                : []),
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
      },
    );
}
