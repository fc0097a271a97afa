import type { Command } from "commander";
import { Rational } from "../../core/exact/rational.js";
import { runDeal } from "../../core/round/timeline.js";
import { parseIsoDate } from "../../core/shared/date.js";
import { sampleEstimate } from "../../core/uncertainty/estimate-sampling.js";
import { diagnosticFrom } from "../../deal/diagnostics.js";
import { exitDocument, exitFiguresOf } from "../../render/reports/exit.js";
import {
  exitAtReport,
  exitBreakpointsJsonChunks,
  exitBreakpointsReport,
  exitInvestedReport,
  exitIpoReport,
  exitModelOf,
  exitSimulationReport,
  exitSweepReport,
  exitTermsOf,
  exitValueEstimate,
  exitValuesOf,
  ipoPricingOf,
  sweepRangeOf,
} from "../../report/exit-report.js";
import { moneyText } from "../../report/format.js";
import { inScenario, readDealFile } from "../deal-file.js";
import { CommandFailure, printDiagnostics } from "../failure.js";
import { formatOption, jsonText, type OutputFormat } from "../format-option.js";
import type { CliIo } from "../io.js";
import { reportFileOptions, reportTarget, writeReportFile } from "../report-file.js";
import { renderCsv, renderTable } from "../table.js";

interface ExitOptions {
  at?: string;
  breakpoints?: boolean;
  sweep?: string;
  steps: string;
  ipo?: string;
  runs: string;
  seed: string;
  date?: string;
  round?: string;
  scenario?: string;
  format: OutputFormat;
  out?: string;
}

/** Exit values for an option: the report's reading, its problem named after the option. */
function exitValues(text: string, currency: string, option = "--at"): Rational[] {
  const values = exitValuesOf(text, currency as never);
  if (values.ok) return values.value;
  const p = values.problems[0]!;
  const repeat = p.code === "exit_value_list_ambiguous" ? ` (or repeat ${option})` : "";
  throw CommandFailure.of(p.code, `${option}: ${p.message}${repeat}`);
}

export function registerExit(program: Command, io: CliIo): void {
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
    .addOption(formatOption(["table", "json", "csv", "pdf", "xlsx"]))
    .addOption(reportFileOptions()[0]!)
    .addOption(reportFileOptions()[1]!)
    .action(async (file: string, options: ExitOptions) => {
      const target = reportTarget(io, options);
      if (target && (options.sweep !== undefined || options.ipo !== undefined))
        throw CommandFailure.of(
          "usage",
          `--format ${target.format} writes the waterfall at --at values with the breakpoints, or the breakpoints alone: --sweep and --ipo print text, JSON or CSV`,
        );
      const modes = [options.at, options.breakpoints, options.sweep, options.ipo].filter(
        (x) => x !== undefined,
      );
      if (modes.length !== 1)
        throw CommandFailure.of("usage", "give exactly one of --at, --breakpoints, --sweep or --ipo");
      const date = options.date === undefined ? undefined : parseIsoDate(options.date);
      if (options.date !== undefined && !date)
        throw CommandFailure.of("usage", `--date takes YYYY-MM-DD, got "${options.date}"`);
      const loaded = inScenario(readDealFile(io, file), options.scenario);
      const { deal } = loaded;
      const run = runDeal(
        deal.ledger,
        deal.rounds,
        options.round === undefined ? {} : { untilRound: options.round as never },
      );
      if (!run.ok) throw CommandFailure.fromProblems(run.problems, file, loaded.locate);
      const model = exitModelOf(run.value.final, exitTermsOf(deal, date));
      if (!model.ok) throw CommandFailure.fromProblems(model.problems, file, loaded.locate);
      printDiagnostics(
        io,
        run.warnings.map((w) => diagnosticFrom(w, file, loaded.locate)),
      );
      const currency = deal.ledger.company.currency;
      const money = (v: string) => moneyText({ kind: "money", currency, amount: Rational.parse(v)! }, 0);
      if (target) {
        if (options.at !== undefined && exitValueEstimate(options.at, currency))
          throw CommandFailure.of(
            "usage",
            `--format ${target.format} takes exact exit values in --at (such as 500M,1B,5B), not an estimate`,
          );
        const at = exitAtReport(
          model.value,
          options.at === undefined ? [] : exitValues(options.at, currency),
        );
        if (!at.ok) throw CommandFailure.fromProblems(at.problems, file);
        const figures = exitFiguresOf(
          deal.ledger.company.name,
          at.value,
          exitBreakpointsReport(model.value),
          exitInvestedReport(run.value.final),
          deal.scenario?.name ?? null,
        );
        return writeReportFile(io, target, exitDocument(figures));
      }

      if (options.at !== undefined) {
        const estimate = exitValueEstimate(options.at, currency);
        if (estimate) {
          const runs = Number(options.runs);
          if (!Number.isInteger(runs) || runs < 1)
            throw CommandFailure.of(
              "usage",
              `--runs takes a whole number of at least 1, got "${options.runs}"`,
            );
          if (!/^\d+$/.test(options.seed))
            throw CommandFailure.of("usage", `--seed takes a whole number, got "${options.seed}"`);
          const samples = sampleEstimate(estimate, runs, BigInt(options.seed));
          const report = exitSimulationReport(model.value, samples);
          if (!report.ok) throw CommandFailure.fromProblems(report.problems, file);
          if (options.format === "json") return void io.stdout.write(jsonText(report.value));
          const rows = report.value.holders.map((h) => [
            h.name,
            ...[h.payout.p5, h.payout.p50, h.payout.p95, h.payout.mean].map(money),
          ]);
          if (options.format === "csv")
            return void io.stdout.write(renderCsv(["holder", "p5", "p50", "p95", "mean"], rows));
          io.stdout.write(
            `Exit value ${options.at}: ${runs.toLocaleString("en-US")} sampled values, seed ${options.seed}\n\n`,
          );
          io.stdout.write(
            renderTable(
              [
                { header: "Holder" },
                { header: "P5", align: "right" },
                { header: "P50", align: "right" },
                { header: "P95", align: "right" },
                { header: "mean", align: "right" },
              ],
              rows,
            ),
          );
          return;
        }
        const report = exitAtReport(model.value, exitValues(options.at, currency));
        if (!report.ok) throw CommandFailure.fromProblems(report.problems, file);
        if (options.format === "json") return void io.stdout.write(jsonText(report.value));
        const outcomes = report.value.outcomes;
        if (options.format === "csv") {
          const rows = outcomes.flatMap((o) => [
            ...o.classes.map((c) => [o.exitValue, "class", c.id, c.name, c.state, c.payout]),
            ...o.holders.map((h) => [o.exitValue, "holder", h.id, h.name, "", h.total]),
          ]);
          return void io.stdout.write(
            renderCsv(["exit_value", "kind", "id", "name", "state", "payout"], rows),
          );
        }
        const header = [
          { header: "" },
          ...outcomes.map((o) => ({ header: money(o.exitValue), align: "right" as const })),
        ];
        const lines: string[][] = [
          [
            "Fees, debt and carve-out",
            ...outcomes.map((o) =>
              money(
                Rational.parse(o.fees)!
                  .add(Rational.parse(o.debt)!)
                  .add(Rational.parse(o.carveOut)!)
                  .toString(),
              ),
            ),
          ],
          [
            "Price per common share",
            ...outcomes.map((o) =>
              moneyText({ kind: "money", currency, amount: Rational.parse(o.commonPrice)! }, 4),
            ),
          ],
        ];
        // DEBT-3: each venture debt's repayment, before any equity.
        for (const [k, d] of (outcomes[0]!.ventureDebts ?? []).entries()) {
          lines.push([
            `${d.name} (venture debt, seniority ${d.seniority})`,
            ...outcomes.map((o) => money(o.ventureDebts![k]!.repaid)),
          ]);
        }
        for (const c of outcomes[0]!.classes) {
          lines.push([
            `${c.name} (class)`,
            ...outcomes.map((o) => {
              const x = o.classes.find((y) => y.id === c.id)!;
              return `${money(x.payout)} ${x.state === "converts" || x.state === "participates" ? "" : ""}`.trim();
            }),
          ]);
        }
        for (const h of outcomes[0]!.holders) {
          if (outcomes.every((o) => o.holders.find((y) => y.id === h.id)!.total === "0")) continue;
          lines.push([h.name, ...outcomes.map((o) => money(o.holders.find((y) => y.id === h.id)!.total))]);
        }
        io.stdout.write(`Exit waterfall (closing ${report.value.exitDate})\n\n`);
        io.stdout.write(renderTable(header, lines));
        return;
      }

      if (options.breakpoints) {
        if (options.format === "json") {
          // Written in pieces: the whole text can exceed the longest string (issue 19).
          for (const chunk of exitBreakpointsJsonChunks(model.value)) io.stdout.write(chunk);
          return;
        }
        // The tables show breakpoints and classes: holders' payouts are not computed.
        const report = exitBreakpointsReport(model.value, { holders: false });
        const rows = report.breakpoints.map((b) => [
          b.exitValue,
          b.events.join("; "),
          ...b.classes.map((c) => c.payout),
        ]);
        if (options.format === "csv")
          return void io.stdout.write(
            renderCsv(["exit_value", "events", ...report.classFunctions.map((c) => c.id)], rows),
          );
        io.stdout.write(
          `Breakpoints: exit values where the split of the next dollar changes (closing ${report.exitDate})\n\n`,
        );
        io.stdout.write(
          renderTable(
            [{ header: "Exit value", align: "right" }, { header: "What happens" }],
            report.breakpoints.map((b) => [money(b.exitValue), b.events.join("; ") || "start"]),
          ),
        );
        return;
      }

      if (options.sweep !== undefined) {
        const range = sweepRangeOf(options.sweep, currency);
        if (!range.ok)
          throw CommandFailure.of(range.problems[0]!.code, `--sweep: ${range.problems[0]!.message}`);
        const { from, to } = range.value;
        const steps = Number(options.steps);
        if (!Number.isInteger(steps) || steps < 2)
          throw CommandFailure.of(
            "usage",
            `--steps takes a whole number of at least 2, got "${options.steps}"`,
          );
        const report = exitSweepReport(model.value, from.toNumber(), to.toNumber(), steps);
        if (!report.ok) throw CommandFailure.fromProblems(report.problems, file);
        if (options.format === "json") return void io.stdout.write(jsonText(report.value));
        io.stdout.write(renderCsv(report.value.header, report.value.rows));
        return;
      }

      const pricing = ipoPricingOf(options.ipo!, currency);
      if (!pricing.ok) throw CommandFailure.of("usage", `--ipo: ${pricing.problems[0]!.message}`);
      const report = exitIpoReport(model.value, pricing.value);
      if (!report.ok) throw CommandFailure.fromProblems(report.problems, file);
      if (options.format === "json") return void io.stdout.write(jsonText(report.value));
      const rows = report.value.holders.map((h) => [
        h.name,
        Rational.parse(h.shares)!.toFixed(0, "down"),
        money(h.cash),
        money(h.value),
      ]);
      if (options.format === "csv")
        return void io.stdout.write(
          renderCsv(
            ["holder", "shares", "cash", "value"],
            report.value.holders.map((h) => [h.name, h.shares, h.cash, h.value]),
          ),
        );
      io.stdout.write(
        `IPO at ${moneyText({ kind: "money", currency, amount: Rational.parse(report.value.pricePerShare)! }, 4)} a share (pre-IPO valuation ${money(report.value.preIpoValuation)})\n\n`,
      );
      io.stdout.write(
        renderTable(
          [
            { header: "Holder" },
            { header: "Shares", align: "right" },
            { header: "Cash", align: "right" },
            { header: "Value", align: "right" },
          ],
          rows,
        ),
      );
    });
}
