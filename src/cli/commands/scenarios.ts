import type { Command } from "commander";
import { compareScenariosWithWhatIfs } from "../../app/scenarios.js";
import { Rational } from "../../core/exact/rational.js";
import { diagnosticFrom } from "../../deal/diagnostics.js";
import type { WhatIfOutcome } from "../../deal/what-if.js";
import { lastEventDate } from "../../render/reports/bridge.js";
import { scenariosDocument, scenariosFiguresOf } from "../../render/reports/scenarios.js";
import { moneyText, percent } from "../../report/format.js";
import { compareScenarios, type ScenariosReport } from "../../report/scenarios-report.js";
import { whatIfText } from "../../report/what-if-report.js";
import { readDealFile } from "../deal-file.js";
import { CommandFailure, printDiagnostics } from "../failure.js";
import { formatOption, jsonText, type OutputFormat } from "../format-option.js";
import type { CliIo } from "../io.js";
import { reportFileOptions, reportTarget, writeReportFile } from "../report-file.js";
import { renderCsv, renderTable } from "../table.js";

function rows(report: ScenariosReport): { header: string[]; body: string[][] } {
  const cur = report.currency as never;
  const money = (v: string) => moneyText({ kind: "money", currency: cur, amount: Rational.parse(v)! }, 0);
  const header = ["", ...report.scenarios.map((s) => s.scenario)];
  const body: string[][] = [
    ["Round size", ...report.scenarios.map((s) => money(s.roundSize))],
    [
      "Price per share",
      ...report.scenarios.map((s) =>
        moneyText({ kind: "money", currency: cur, amount: Rational.parse(s.pricePerShare)! }, 4),
      ),
    ],
    ["Pre-money", ...report.scenarios.map((s) => money(s.preMoneyValuation))],
    ["Post-money", ...report.scenarios.map((s) => money(s.postMoneyValuation))],
  ];
  // Every holder of any scenario, in order of first appearance (a holder may invest nothing in one).
  const holders = [...new Map(report.scenarios.flatMap((s) => s.holders).map((h) => [h.id, h])).values()];
  for (const h of holders) {
    body.push([
      `${h.name}: ownership`,
      ...report.scenarios.map((s) =>
        percent(Rational.parse(s.holders.find((x) => x.id === h.id)?.fullyDilutedAfter ?? "0")!),
      ),
    ]);
    body.push([
      `${h.name}: dilution`,
      ...report.scenarios.map((s) => {
        const d = s.holders.find((x) => x.id === h.id)?.dilution;
        return d === null || d === undefined ? "new" : percent(Rational.parse(d)!);
      }),
    ]);
  }
  return { header, body };
}

/** The report as JSON gives it: the what-ifs' outcomes are printed, not written out raw. */
function withoutOutcomes<T extends object>(value: T): ScenariosReport & { whatIf?: unknown } {
  const { whatIfs: _outcomes, ...rest } = value as T & { whatIfs?: unknown };
  return rest as unknown as ScenariosReport & { whatIf?: unknown };
}

export function registerScenarios(program: Command, io: CliIo): void {
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
    .addOption(reportFileOptions()[1]!)
    .action(
      async (
        file: string,
        options: { scenario?: string; round?: string; set: string[]; format: OutputFormat; out?: string },
      ) => {
        const target = reportTarget(io, options);
        const loaded = readDealFile(io, file);
        const names = options.scenario
          ?.split(",")
          .map((s) => s.trim())
          .filter(Boolean);
        const compared =
          options.set.length === 0
            ? compareScenarios(loaded.deal, names, options.round)
            : compareScenariosWithWhatIfs(loaded.deal, {
                scenario: names,
                round: options.round,
                set: options.set,
              });
        const whatIfs: readonly WhatIfOutcome[] =
          compared.ok && "whatIfs" in compared.value
            ? (compared.value.whatIfs as readonly WhatIfOutcome[])
            : [];
        const report = compared.ok ? { ...compared, value: withoutOutcomes(compared.value) } : compared;
        const usage = report.ok ? undefined : report.problems.find((p) => p.code === "usage" && !p.path);
        if (usage && !loaded.deal.uncertainty?.roundsUncertain)
          throw CommandFailure.of("usage", usage.message, file);
        if (!report.ok) throw CommandFailure.fromProblems(report.problems, file, loaded.locate);
        printDiagnostics(
          io,
          report.warnings.map((w) => diagnosticFrom(w, file, loaded.locate)),
        );
        if (target)
          return writeReportFile(
            io,
            target,
            scenariosDocument(scenariosFiguresOf(report.value, lastEventDate(loaded.deal))),
          );
        if (options.format === "json") {
          io.stdout.write(jsonText(report.value));
          return;
        }
        const { header, body } = rows(report.value);
        if (options.format === "csv") {
          io.stdout.write(renderCsv(["metric", ...header.slice(1)], body));
          return;
        }
        io.stdout.write(`${report.value.company} — ${report.value.round}, by scenario\n\n`);
        io.stdout.write(
          renderTable(
            header.map((h, i) => ({ header: h, align: i === 0 ? ("left" as const) : ("right" as const) })),
            body,
          ),
        );
        for (const whatIf of whatIfs)
          io.stdout.write(
            `\n${report.value.scenarios.length > 1 ? `${whatIf.basedOn}: ` : ""}${whatIfText(whatIf, report.value.currency)}`,
          );
      },
    );
}
