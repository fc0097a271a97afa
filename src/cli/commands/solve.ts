import { type Command, Option } from "commander";
import { Rational } from "../../core/exact/rational.js";
import { solveRound } from "../../core/round/solve.js";
import { runDeal } from "../../core/round/timeline.js";
import { stakeholderId } from "../../core/shared/ids.js";
import { diagnosticFrom } from "../../deal/diagnostics.js";
import { amount, decimal } from "../../report/format.js";
import { modelReport } from "../../report/model-report.js";
import { inScenario, readDealFile } from "../deal-file.js";
import { CommandFailure, printDiagnostics } from "../failure.js";
import { formatOption, jsonText, type OutputFormat } from "../format-option.js";
import type { CliIo } from "../io.js";
import { renderModel } from "./model.js";

/** Reads `investor=10%` or `investor=0.1`. */
function parseTarget(text: string): { investor: string; fraction: Rational } {
  const m = /^([^=]+)=\s*([0-9.]+)\s*(%?)$/.exec(text.trim());
  const value = m ? Rational.parse(m[2]!) : undefined;
  if (!m || !value) {
    throw CommandFailure.of(
      "usage",
      `--target takes investor=fraction, such as amazon=10% or amazon=0.1; got "${text}"`,
    );
  }
  return { investor: m[1]!.trim(), fraction: m[3] === "%" ? value.divInt(100n) : value };
}

export function registerSolve(program: Command, io: CliIo): void {
  program
    .command("solve")
    .description(
      "solve a round for its valuation (pre-money, post-money and price) or an amount, given an investor's target ownership",
    )
    .argument("<deal>", "deal file (YAML or JSON)")
    .option(
      "--scenario <name>",
      "for a deal with uncertain amounts: the scenario that gives them (low, base, high, or one the deal defines; default base)",
    )
    .requiredOption(
      "--target <investor=fraction>",
      "the investor's target fully diluted ownership after the round, e.g. amazon=10%",
    )
    .addOption(
      new Option(
        "--for <unknown>",
        "what to solve for: the valuation (pre-money, post-money and price) or the investor's amount",
      )
        .choices(["valuation", "pre-money", "post-money", "price", "amount"])
        .default("valuation"),
    )
    .option("--round <id>", "the round to solve (default: the last one)")
    .addOption(formatOption())
    .action(
      (
        file: string,
        options: { scenario?: string; target: string; for: string; round?: string; format: OutputFormat },
      ) => {
        const target = parseTarget(options.target);
        const loaded = inScenario(readDealFile(io, file), options.scenario);
        const { deal } = loaded;
        if (deal.rounds.length === 0)
          throw CommandFailure.of("round_invalid", "the deal has no rounds to solve", file);
        const round =
          options.round === undefined
            ? deal.rounds[deal.rounds.length - 1]
            : deal.rounds.find((r) => r.id === options.round);
        if (!round) throw CommandFailure.of("usage", `no round "${options.round}" in the deal`, file);
        // Price every earlier round first, then solve this one on the cap table just before it.
        const before = runDeal(deal.ledger, deal.rounds, { beforeRound: round.id });
        if (!before.ok) throw CommandFailure.fromProblems(before.problems, file, loaded.locate);
        const solved = solveRound(before.value.final, round, {
          investor: stakeholderId(target.investor),
          fraction: target.fraction,
          unknown: options.for === "amount" ? "amount" : "valuation",
        });
        if (!solved.ok) throw CommandFailure.fromProblems(solved.problems, file, loaded.locate);
        printDiagnostics(
          io,
          solved.warnings.map((w) => diagnosticFrom(w, file, loaded.locate)),
        );
        const s = solved.value;
        const report = modelReport(deal, s.outcome, solved.warnings);
        const solution = {
          investor: target.investor,
          targetFraction: decimal(target.fraction),
          achievedFraction: decimal(s.achievedFraction),
          unknown: s.request.unknown,
          exactPricePerShare: amount(s.exactPricePerShare),
          pricePerShare: report.round.pricePerShare,
          preMoneyValuation: report.round.preMoneyValuation,
          postMoneyValuation: report.round.postMoneyValuation,
          amount: s.exactAmount ? amount(s.exactAmount) : null,
        };
        if (options.format === "json") {
          io.stdout.write(jsonText({ solution, model: report }));
          return;
        }
        if (options.format === "table") {
          io.stdout.write(
            [
              `Solved for the ${s.request.unknown} that gives ${target.investor} ${decimal(target.fraction.mulInt(100n))}% fully diluted`,
              `  exact price per share  ${solution.exactPricePerShare}`,
              ...(solution.amount ? [`  exact amount           ${solution.amount}`] : []),
              `  pre-money              ${solution.preMoneyValuation}`,
              `  post-money             ${solution.postMoneyValuation}`,
              `  achieved in whole shares ${decimal(s.achievedFraction.mulInt(100n))}%`,
              "",
              "",
            ].join("\n"),
          );
        }
        io.stdout.write(renderModel(report, options.format));
      },
    );
}
