import type { Command } from "commander";
import { Rational } from "../../core/exact/rational.js";
import type { RoundOutcome } from "../../core/round/price-round.js";
import { runDeal } from "../../core/round/timeline.js";
import { roundId } from "../../core/shared/ids.js";
import type { Problem } from "../../core/shared/problem.js";
import type { Deal } from "../../deal/build.js";
import { diagnosticFrom } from "../../deal/diagnostics.js";
import { proFormaDocument, proFormaFiguresOf } from "../../render/reports/pro-forma.js";
import { groupedInteger, moneyText, percent } from "../../report/format.js";
import { type ModelReport, modelReport } from "../../report/model-report.js";
import { modelCsv } from "../../report/text-formats.js";
import { inScenario, type LoadedDeal, readDealFile } from "../deal-file.js";
import { CommandFailure, printDiagnostics } from "../failure.js";
import { formatOption, jsonText, type OutputFormat } from "../format-option.js";
import type { CliIo } from "../io.js";
import { reportFileOptions, reportTarget, writeReportFile } from "../report-file.js";
import { renderTable } from "../table.js";

/** Runs the deal up to the chosen round (the last by default) and returns its outcome. */
export function modelRound(
  deal: Deal,
  file: string,
  roundOption: string | undefined,
  locate?: LoadedDeal["locate"],
): { outcome: RoundOutcome; warnings: readonly Problem[] } {
  if (deal.rounds.length === 0) {
    throw CommandFailure.of("round_invalid", "the deal has no rounds to model; add one under rounds", file);
  }
  const chosen =
    roundOption === undefined
      ? deal.rounds[deal.rounds.length - 1]!
      : deal.rounds.find((r) => r.id === roundOption);
  if (!chosen) {
    throw CommandFailure.of(
      "usage",
      `no round "${roundOption}" in the deal; its rounds are ${deal.rounds.map((r) => r.id).join(", ")}`,
      file,
    );
  }
  const run = runDeal(deal.ledger, deal.rounds, { untilRound: roundId(chosen.id) });
  if (!run.ok) throw CommandFailure.fromProblems(run.problems, file, locate);
  return { outcome: run.value.rounds[run.value.rounds.length - 1]!, warnings: run.warnings };
}

/**
 * Notes the valuation the terms stated when the priced one differs from it, and why
 * (ROUND-5): with the pre-money method the price is set without the conversion shares,
 * so the reported valuation adds their value at the round price; with the dollars-
 * invested method the converting dollars are added to the stated pre-money; what is left
 * comes from the rounded price and whole shares.
 */
function statedNote(report: ModelReport, money: (v: string) => string): string {
  const r = report.round;
  const stated = r.statedValuation;
  if (stated.basis === "price_per_share") return "";
  const actual = stated.basis === "pre_money" ? r.preMoneyValuation : r.postMoneyValuation;
  if (actual === stated.value) return "";
  const difference = Rational.parse(actual)!.sub(Rational.parse(stated.value)!);
  const method = r.conventions.convertibles;
  const conversionPart =
    method === "outside_pre_money"
      ? Rational.parse(r.pricePerShare)!.mulInt(BigInt(r.conversionShares))
      : method === "dollars_invested"
        ? Rational.sum(report.conversions.map((c) => Rational.parse(String(c.convertingAmount))!))
        : Rational.ZERO;
  const rest = difference.sub(conversionPart);
  const causes: string[] = [];
  if (!conversionPart.isZero()) {
    causes.push(
      method === "outside_pre_money"
        ? `${money(conversionPart.toDecimalString(2))} is the conversion shares at the round price (the pre-money method sets the price without them)`
        : `${money(conversionPart.toDecimalString(2))} is the converting SAFEs' and notes' dollars (the dollars-invested method adds them to the pre-money)`,
    );
  }
  if (!rest.isZero()) causes.push(`${money(rest.toDecimalString(2))} is the rounded price and whole shares`);
  return `  (stated ${stated.basis.replace("_", "-")}: ${money(stated.value)}; of the difference, ${causes.join("; ")})`;
}

export function renderModel(report: ModelReport, format: OutputFormat): string {
  if (format === "json") return jsonText(report);
  if (format === "csv") return modelCsv(report);
  const r = report.round;
  const money = (v: string, places = 2) =>
    moneyText({ kind: "money", currency: report.currency as never, amount: Rational.parse(v)! }, places);
  const lines = [
    `${report.company} — ${r.name} (${r.date})`,
    `  price per share     ${money(r.pricePerShare, 6)}${r.exactPricePerShare !== r.pricePerShare ? `  (exact ${r.exactPricePerShare})` : ""}`,
    `  pre-money           ${money(r.preMoneyValuation)}${statedNote(report, (v) => money(v))}`,
    `  new money           ${money(r.newMoney)}`,
    `  post-money          ${money(r.postMoneyValuation)}`,
    `  new shares          ${groupedInteger(BigInt(r.newShares))}   conversion shares ${groupedInteger(BigInt(r.conversionShares))}   pool increase ${groupedInteger(BigInt(r.poolIncrease))}`,
    `  fully diluted       ${groupedInteger(BigInt(r.fullyDilutedSharesBefore))} → ${groupedInteger(BigInt(r.fullyDilutedSharesAfter))}`,
    "",
  ];
  const table = renderTable(
    [
      { header: "Holder" },
      { header: "FD shares before", align: "right" },
      { header: "FD before", align: "right" },
      { header: "FD shares after", align: "right" },
      { header: "FD after", align: "right" },
      { header: "Dilution", align: "right" },
      { header: "Invested", align: "right" },
    ],
    report.holders.map((h) => [
      h.name,
      groupedInteger(BigInt(h.fullyDilutedSharesBefore)),
      percent(Rational.parse(h.fullyDilutedBefore)!),
      groupedInteger(BigInt(h.fullyDilutedSharesAfter)),
      percent(Rational.parse(h.fullyDilutedAfter)!),
      h.dilution === null ? (h.kind === "stakeholder" ? "new" : "") : percent(Rational.parse(h.dilution)!),
      h.invested === "0" ? "" : money(h.invested),
    ]),
  );
  const notes: string[] = [];
  for (const c of report.conversions) {
    notes.push(
      `  ${c.security} (${c.instrument}, ${c.holder}): ${money(String(c.convertingAmount))} at ${money(String(c.conversionPrice), 6)} (${c.basis}) → ${groupedInteger(BigInt(String(c.shares)))} shares`,
    );
  }
  for (const a of report.antiDilution) {
    notes.push(
      `  anti-dilution ${a.class} (${a.method}): conversion price ${money(String(a.conversionPriceBefore), 6)} → ${money(String(a.conversionPriceAfter), 6)}`,
    );
  }
  const scenario = report.scenario
    ? [
        `Amounts from the ${report.scenario.name} scenario (claims: ${report.scenario.claims.filter((c) => !c.startsWith("terms:")).join(", ")})`,
        ...report.scenario.values
          .filter(
            (v) =>
              v.quantity.includes("/investment:") ||
              v.quantity.endsWith("/size") ||
              v.quantity.includes("/valuation:"),
          )
          .map(
            (v) =>
              `  ${v.label.padEnd(40)} ${money(v.value)}  (${v.how}${v.atOpenBound ? ", at a limit the claims exclude" : ""})`,
          ),
        "",
      ]
    : [];
  const assumptions = report.assumptions
    .filter((a) => a.fields.length > 0)
    .map((a) => `  [${a.id}] ${a.text}${a.fields.length ? ` (used in ${a.fields.join(", ")})` : ""}`);
  return [
    ...lines,
    table,
    ...scenario,
    ...(notes.length ? ["Conversions and adjustments", ...notes, ""] : []),
    ...(assumptions.length ? ["Assumptions", ...assumptions, ""] : []),
  ].join("\n");
}

export function registerModel(program: Command, io: CliIo): void {
  program
    .command("model")
    .description("price a round and print the pro-forma cap table, before and after")
    .argument("<deal>", "deal file (YAML or JSON)")
    .option(
      "--scenario <name>",
      "for a deal with uncertain amounts: the scenario that gives them (low, base, high, or one the deal defines; default base)",
    )
    .option("--round <id>", "the round to model (default: the last one); earlier rounds are applied first")
    .addOption(formatOption(["table", "json", "csv", "pdf", "xlsx"]))
    .addOption(reportFileOptions()[0]!)
    .addOption(reportFileOptions()[1]!)
    .action(
      async (
        file: string,
        options: { scenario?: string; round?: string; format: OutputFormat; out?: string },
      ) => {
        const target = reportTarget(io, options);
        const loaded = inScenario(readDealFile(io, file), options.scenario);
        const { outcome, warnings } = modelRound(loaded.deal, file, options.round, loaded.locate);
        printDiagnostics(
          io,
          warnings.map((w) => diagnosticFrom(w, file, loaded.locate)),
        );
        const report = modelReport(loaded.deal, outcome, warnings);
        if (target) return writeReportFile(io, target, proFormaDocument(proFormaFiguresOf(report)));
        io.stdout.write(renderModel(report, options.format));
      },
    );
}
