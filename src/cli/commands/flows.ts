import type { Command } from "commander";
import { message } from "../../core/shared/messages.js";
import { CommandFailure } from "../failure.js";
import { formatOption, type OutputFormat, textOptionsOf, withTextOptions } from "../format-option.js";
import type { CliIo } from "../io.js";
import { language } from "../lang.js";

/** `--set COMPANY.NAME=VALUE`, repeatable (DEAL-WHATIF-5). */
const SET_OPTION = [
  "--set <company.name=value>",
  "a what-if, repeatable: openai.amazon=$50B, openai.pre-money=$830B (COMPANY.NAME; the claims it contradicts are listed)",
  (value: string, previous: string[]) => [...previous, value],
  [] as string[],
] as const;

/** The modules a workspace command uses, loaded when it runs (APP-6). */
async function modules() {
  const [{ readWorkspaceFile }, { failureOf }, { printDiagnostics }, { diagnosticFrom }, text, { jsonText }] =
    await Promise.all([
      import("../deal-file.js"),
      import("../use-case.js"),
      import("../failure.js"),
      import("../../deal/diagnostics.js"),
      import("../../report/flows-text.js"),
      import("../../report/text-formats.js"),
    ]);
  return { readWorkspaceFile, failureOf, printDiagnostics, diagnosticFrom, text, jsonText };
}

/** The what-if's block under a table, when there is one. */
async function whatIfBlock(
  report: { whatIf?: import("../../deal/what-if.js").WhatIfOutcome },
  currency: string,
) {
  if (!report.whatIf) return "";
  const { whatIfText } = await import("../../report/what-if-report.js");
  return `\n${whatIfText(report.whatIf, currency, language())}`;
}

export function registerFlows(program: Command, io: CliIo): void {
  withTextOptions(
    program
      .command("flows")
      .description(
        "the money between a workspace's companies and investors: investments, agreements, round-trip ratios, net cash, supplier shares",
      )
      .argument("<workspace>", "workspace file (YAML or JSON)")
      .option("--scenario <name>", "the scenario of the uncertain amounts (default base)")
      .option(
        "--runs <n>",
        "Monte Carlo: sample the uncertain amounts this many times and report percentiles",
      )
      .option("--seed <s>", "the seed of the Monte Carlo", "1")
      .option(...SET_OPTION)
      .addOption(formatOption()),
  ).action(
    async (
      file: string,
      options: {
        scenario?: string;
        runs?: string;
        seed: string;
        set: string[];
        format: OutputFormat;
        exact?: boolean;
        ids?: boolean;
        lang?: string;
      },
    ) => {
      // The CLI takes more runs than the API: its flags are read here into the use case's input.
      let runs: number | undefined;
      if (options.runs !== undefined) {
        runs = Number(options.runs);
        if (!Number.isInteger(runs) || runs < 1 || runs > 10_000_000)
          throw CommandFailure.of(
            "usage",
            message("flag_whole_number", { flag: "--runs", min: 1, max: "10,000,000", got: options.runs }),
          );
        if (!/^\d+$/.test(options.seed))
          throw CommandFailure.of(
            "usage",
            message("flag_whole_number", { flag: "--seed", got: options.seed }),
          );
      }
      const [{ flows }, m] = await Promise.all([import("../../app/flows.js"), modules()]);
      const loaded = m.readWorkspaceFile(io, file);
      const input = {
        scenario: options.scenario,
        runs,
        seed: /^\d+$/.test(options.seed) ? BigInt(options.seed) : 1n,
        set: options.set,
      };
      const result = await flows.run(loaded.workspace, input);
      if (!result.ok) throw m.failureOf(result.problems, Object.keys(input), file);
      m.printDiagnostics(
        io,
        result.warnings.map((w) => m.diagnosticFrom(w, file)),
      );
      const report = result.value;
      if (options.format === "json") return void io.stdout.write(m.jsonText(flows.json(report)));
      if (report.kind === "simulation") {
        if (options.format === "csv") return void io.stdout.write(m.text.flowsSimulationCsv(report));
        return void io.stdout.write(
          `${m.text.flowsSimulationText(report, textOptionsOf(options))}${await whatIfBlock(report, report.currency)}`,
        );
      }
      if (options.format === "csv") return void io.stdout.write(m.text.flowsCsv(report));
      io.stdout.write(
        `${m.text.flowsText(report, textOptionsOf(options))}${await whatIfBlock(report, report.currency)}`,
      );
    },
  );

  withTextOptions(
    program
      .command("exposure")
      .description(
        "an investor's exposure across a workspace's companies: ownership, invested amount, value at a valuation, revenue from agreements",
      )
      .argument("<workspace>", "workspace file (YAML or JSON)")
      .argument("<investor>", "the investor's id")
      .option(
        "--valuation <company=amount...>",
        "value a company at this valuation instead of its last round's post-money (repeatable)",
        (v: string, all: string[] = []) => [...all, v],
      )
      .option("--scenario <name>", "the scenario of the uncertain amounts (default base)")
      .option(...SET_OPTION)
      .addOption(formatOption()),
  ).action(
    async (
      file: string,
      investor: string,
      options: {
        valuation?: string[];
        scenario?: string;
        set: string[];
        format: OutputFormat;
        exact?: boolean;
        ids?: boolean;
        lang?: string;
      },
    ) => {
      const [{ exposure }, m] = await Promise.all([import("../../app/exposure.js"), modules()]);
      const loaded = m.readWorkspaceFile(io, file);
      const result = await exposure.run(loaded.workspace, {
        investor,
        valuation: options.valuation,
        scenario: options.scenario,
        set: options.set,
      });
      if (!result.ok) {
        // A wrong valuation is its option's (the report names the parameter; the command its option).
        const valuation = result.problems.find((p) => p.code === "usage" && p.path?.[0] === "valuation");
        if (valuation)
          throw CommandFailure.of(
            "usage",
            valuation.detail?.key === "valuation_form"
              ? message("valuation_form", { ...valuation.detail.params, flag: true })
              : `--${valuation.message}`,
          );
        throw m.failureOf(result.problems, ["investor", "valuation", "scenario", "set"], file);
      }
      m.printDiagnostics(
        io,
        result.warnings.map((w) => m.diagnosticFrom(w, file)),
      );
      const report = result.value;
      if (options.format === "json") return void io.stdout.write(m.jsonText(exposure.json(report)));
      if (options.format === "csv") return void io.stdout.write(m.text.exposureCsv(report));
      io.stdout.write(
        `${m.text.exposureText(report, textOptionsOf(options))}${await whatIfBlock(report, report.currency)}`,
      );
    },
  );
}
