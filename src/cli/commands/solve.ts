import { type Command, Option } from "commander";
import { message } from "../../core/shared/messages.js";
import { CommandFailure } from "../failure.js";
import { formatOption, type OutputFormat, textOptionsOf, withTextOptions } from "../format-option.js";
import type { CliIo } from "../io.js";
import { language } from "../lang.js";

/** Reads `investor=10%` or `investor=0.1` into the solve input's investor and fraction. */
function parseTarget(text: string): { investor: string; fraction: string } {
  const m = /^([^=]+)=\s*([0-9]+(?:\.[0-9]+)?)\s*(%?)$/.exec(text.trim());
  if (!m) {
    throw CommandFailure.of("usage", message("flag_target", { got: text }));
  }
  return { investor: m[1]!.trim(), fraction: `${m[2]}${m[3]}` };
}

export function registerSolve(program: Command, io: CliIo): void {
  withTextOptions(
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
      .option(
        "--set <name=value>",
        "a what-if, repeatable: amazon=$50B, pre-money=$830B, round-size=$60B (the round is solved in a scenario of its own; the claims it contradicts are listed)",
        (value: string, previous: string[]) => [...previous, value],
        [] as string[],
      )
      .addOption(formatOption()),
  ).action(
    async (
      file: string,
      options: {
        scenario?: string;
        target: string;
        for: string;
        round?: string;
        set: string[];
        format: OutputFormat;
        exact?: boolean;
        ids?: boolean;
      },
    ) => {
      const target = parseTarget(options.target);
      const [
        { solve },
        { readDealFile },
        { runUseCase },
        { solveText },
        { modelCsv, jsonText },
        { modelJson },
      ] = await Promise.all([
        import("../../app/solve.js"),
        import("../deal-file.js"),
        import("../use-case.js"),
        import("../../report/model-text.js"),
        import("../../report/text-formats.js"),
        import("../../report/model-report.js"),
      ]);
      const loaded = readDealFile(io, file);
      const report = await runUseCase(
        io,
        solve,
        loaded.deal,
        {
          ...target,
          // Pre-money, post-money and price are one unknown: the valuation fixes all three.
          for: options.for === "amount" ? "amount" : "valuation",
          round: options.round,
          scenario: options.scenario,
          set: options.set,
        },
        file,
        loaded.locate,
      );
      if (options.format === "json") io.stdout.write(jsonText(solve.json(report)));
      else if (options.format === "csv") io.stdout.write(modelCsv(modelJson(report.model)));
      else {
        io.stdout.write(solveText(report, textOptionsOf(options)));
        if (report.model.whatIf) {
          const { whatIfText } = await import("../../report/what-if-report.js");
          io.stdout.write(`\n${whatIfText(report.model.whatIf, report.model.company.currency, language())}`);
        }
      }
    },
  );
}
