import type { Command } from "commander";
import { workspaceForInput } from "../../app/what-if.js";
import { Rational } from "../../core/exact/rational.js";
import { diagnosticFrom } from "../../deal/diagnostics.js";
import type { WhatIfOutcome } from "../../deal/what-if.js";
import type { Workspace } from "../../deal/workspace.js";
import { exposureInputs, exposureReport, flowModelOf, flowsReport } from "../../report/flows-report.js";
import { flowsSimulation } from "../../report/flows-simulation.js";
import { moneyText, percent } from "../../report/format.js";
import { whatIfJson, whatIfText } from "../../report/what-if-report.js";
import { readWorkspaceFile, workspaceInScenario } from "../deal-file.js";
import { CommandFailure, printDiagnostics } from "../failure.js";
import { formatOption, jsonText, type OutputFormat } from "../format-option.js";
import type { CliIo } from "../io.js";
import { renderCsv, renderTable } from "../table.js";

/** `--set COMPANY.NAME=VALUE`, repeatable (DEAL-WHATIF-5). */
const SET_OPTION = [
  "--set <company.name=value>",
  "a what-if, repeatable: openai.amazon=$50B, openai.pre-money=$830B (COMPANY.NAME; the claims it contradicts are listed)",
  (value: string, previous: string[]) => [...previous, value],
  [] as string[],
] as const;

/** The workspace in the scenario asked for, with the what-ifs asked for (DEAL-WHATIF-5). */
function chosenWorkspace(
  io: CliIo,
  file: string,
  options: { scenario?: string; set: string[] },
): { ws: Workspace; whatIf: WhatIfOutcome | undefined } {
  if (options.set.length === 0)
    return {
      ws: workspaceInScenario(readWorkspaceFile(io, file), options.scenario).workspace,
      whatIf: undefined,
    };
  const loaded = readWorkspaceFile(io, file);
  const chosen = workspaceForInput(loaded.workspace, options);
  if (!chosen.ok) throw CommandFailure.fromProblems(chosen.problems, file);
  printDiagnostics(
    io,
    chosen.warnings.map((w) => diagnosticFrom(w, file)),
  );
  return { ws: chosen.value.workspace, whatIf: chosen.value.whatIf };
}

/** The JSON with the what-if added when there is one (the existing JSON is unchanged otherwise). */
function withWhatIf<T extends object>(report: T, whatIf: WhatIfOutcome | undefined) {
  return whatIf ? { ...report, whatIf: whatIfJson(whatIf) } : report;
}

export function registerFlows(program: Command, io: CliIo): void {
  program
    .command("flows")
    .description(
      "the money between a workspace's companies and investors: investments, agreements, round-trip ratios, net cash, supplier shares",
    )
    .argument("<workspace>", "workspace file (YAML or JSON)")
    .option("--scenario <name>", "the scenario of the uncertain amounts (default base)")
    .option("--runs <n>", "Monte Carlo: sample the uncertain amounts this many times and report percentiles")
    .option("--seed <s>", "the seed of the Monte Carlo", "1")
    .option(...SET_OPTION)
    .addOption(formatOption())
    .action(
      (
        file: string,
        options: { scenario?: string; runs?: string; seed: string; set: string[]; format: OutputFormat },
      ) => {
        const { ws, whatIf } = chosenWorkspace(io, file, options);
        const whatIfBlock = whatIf ? `\n${whatIfText(whatIf, ws.currency)}` : "";
        if (options.runs !== undefined) {
          const runs = Number(options.runs);
          if (!Number.isInteger(runs) || runs < 1 || runs > 10_000_000)
            throw CommandFailure.of(
              "usage",
              `--runs takes a whole number from 1 to 10,000,000, got "${options.runs}"`,
            );
          if (!/^\d+$/.test(options.seed))
            throw CommandFailure.of("usage", `--seed takes a whole number, got "${options.seed}"`);
          const partyName = (id: string) => ws.parties.find((p) => p.id === id)?.name ?? id;
          const sim = flowsSimulation(ws, runs, BigInt(options.seed), ws.scenario?.claims as never);
          if (!sim.ok) throw CommandFailure.fromProblems(sim.problems, file);
          if (options.format === "json") return void io.stdout.write(jsonText(withWhatIf(sim.value, whatIf)));
          type Stats = { p5: string; p50: string; p95: string; mean: string } | null;
          const keys = ["p5", "p50", "p95", "mean"] as const;
          if (options.format === "csv") {
            const csvRows: string[][] = [];
            const add = (company: string, round: string, investor: string, metric: string, st: Stats) => {
              if (st) csvRows.push([company, round, investor, metric, ...keys.map((k) => st[k])]);
            };
            for (const i of sim.value.investments) {
              add(i.company, i.round, i.investor, "round_trip_ratio", i.roundTripRatio);
              add(i.company, i.round, i.investor, "net_cash", i.netCash);
            }
            for (const r of sim.value.rounds) add(r.company, r.round, "", "supplier_share", r.supplierShare);
            return void io.stdout.write(
              renderCsv(["company", "round", "investor", "metric", ...keys], csvRows),
            );
          }
          const pct = (st: Stats) => keys.map((k) => (st ? percent(Rational.parse(st[k])!, 2) : ""));
          const cash = (st: Stats) =>
            keys.map((k) =>
              st
                ? moneyText({ kind: "money", currency: ws.currency, amount: Rational.parse(st[k])! }, 0)
                : "",
            );
          const columns = [
            { header: "P5", align: "right" as const },
            { header: "P50", align: "right" as const },
            { header: "P95", align: "right" as const },
            { header: "mean", align: "right" as const },
          ];
          const label = (i: { company: string; round: string; investor: string }) =>
            `${partyName(i.investor)} in ${partyName(i.company)} (${i.round})`;
          const out = [
            `${sim.value.workspace}: ${runs.toLocaleString("en-US")} scenarios, seed ${options.seed}${sim.value.failed > 0 ? ` (${sim.value.failed} could not be drawn)` : ""}`,
            "",
            "Round-trip ratio (money returned through linked agreements ÷ investment)",
            renderTable(
              [{ header: "Investment" }, ...columns],
              sim.value.investments.map((i) => [label(i), ...pct(i.roundTripRatio)]),
            ).trimEnd(),
            "",
            "Net cash provided (investment − money returned)",
            renderTable(
              [{ header: "Investment" }, ...columns],
              sim.value.investments.map((i) => [label(i), ...cash(i.netCash)]),
            ).trimEnd(),
            "",
            "Share of the round's new money from the company's own suppliers",
            renderTable(
              [{ header: "Round" }, ...columns],
              sim.value.rounds.map((r) => [`${partyName(r.company)} ${r.round}`, ...pct(r.supplierShare)]),
            ).trimEnd(),
          ];
          io.stdout.write(`${out.join("\n")}\n${whatIfBlock}`);
          return;
        }
        const model = flowModelOf(ws);
        if (!model.ok) throw CommandFailure.fromProblems(model.problems, file);
        printDiagnostics(
          io,
          model.warnings.map((w) => diagnosticFrom(w, file)),
        );
        const report = flowsReport(ws, model.value);
        if (options.format === "json") return void io.stdout.write(jsonText(withWhatIf(report, whatIf)));
        const money = (v: string | null) =>
          v === null
            ? "unknown"
            : moneyText({ kind: "money", currency: ws.currency, amount: Rational.parse(v)! }, 0);
        const nameOf = (id: string) => report.parties.find((p) => p.id === id)?.name ?? id;
        const investmentRows = report.investments.map((m) => [
          `${nameOf(m.investor)} in ${nameOf(m.company)}`,
          m.round,
          money(m.gross),
          money(m.returned),
          m.returnedProfit === null ? "no margin" : money(m.returnedProfit),
          money(m.netCash),
          percent(Rational.parse(m.roundTripRatio)!, 2),
          m.effectivePricePerShare === null
            ? ""
            : moneyText(
                { kind: "money", currency: ws.currency, amount: Rational.parse(m.effectivePricePerShare)! },
                4,
              ),
        ]);
        if (options.format === "csv") {
          return void io.stdout.write(
            renderCsv(
              [
                "company",
                "round",
                "investor",
                "gross",
                "returned",
                "returned_profit",
                "net_cash",
                "round_trip_ratio",
                "effective_price_per_share",
              ],
              report.investments.map((m) => [
                m.company,
                m.round,
                m.investor,
                m.gross,
                m.returned,
                m.returnedProfit ?? "",
                m.netCash,
                m.roundTripRatio,
                m.effectivePricePerShare ?? "",
              ]),
            ),
          );
        }
        const out: string[] = [
          `${report.workspace} — capital flows${report.scenario ? ` (${report.scenario.name} scenario)` : ""}`,
          "",
        ];
        out.push("Investments and the money that comes back through linked agreements");
        out.push(
          renderTable(
            [
              { header: "Investment" },
              { header: "Round" },
              { header: "Invested", align: "right" },
              { header: "Returned", align: "right" },
              { header: "Returned profit", align: "right" },
              { header: "Net cash", align: "right" },
              { header: "Round trip", align: "right" },
              { header: "Net price/share", align: "right" },
            ],
            investmentRows,
          ).trimEnd(),
        );
        out.push("", "New money from the company's own suppliers");
        out.push(
          renderTable(
            [
              { header: "Round" },
              { header: "New money", align: "right" },
              { header: "From suppliers", align: "right" },
              { header: "Share", align: "right" },
              { header: "Suppliers" },
            ],
            report.rounds.map((r) => [
              `${nameOf(r.company)} ${r.round}`,
              money(r.newMoney),
              money(r.fromSuppliers),
              percent(Rational.parse(r.supplierShare)!, 2),
              r.suppliers.map(nameOf).join(", "),
            ]),
          ).trimEnd(),
        );
        out.push("", "Agreements");
        out.push(
          renderTable(
            [
              { header: "Agreement" },
              { header: "Kind" },
              { header: "Payer → payee" },
              { header: "Value", align: "right" },
              { header: "Linked to" },
            ],
            report.agreements.map((a) => [
              a.name,
              a.kind.replaceAll("_", " "),
              `${nameOf(a.payer)} → ${nameOf(a.payee)}`,
              money(a.value),
              a.linkedTo
                ? `${nameOf(a.linkedTo.investor)} in ${nameOf(a.linkedTo.company)} ${a.linkedTo.round}`
                : "",
            ]),
          ).trimEnd(),
        );
        out.push("", "Net cash by party (received − paid, over the investments and agreements above)");
        out.push(
          renderTable(
            [{ header: "Party" }, { header: "Net", align: "right" }],
            report.netCash.filter((n) => n.net !== "0").map((n) => [n.name, money(n.net)]),
          ).trimEnd(),
        );
        io.stdout.write(`${out.join("\n")}\n${whatIfBlock}`);
      },
    );

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
    .addOption(formatOption())
    .action(
      (
        file: string,
        investor: string,
        options: { valuation?: string[]; scenario?: string; set: string[]; format: OutputFormat },
      ) => {
        const { ws, whatIf } = chosenWorkspace(io, file, options);
        const inputs = exposureInputs(ws, investor, options.valuation ?? []);
        if (!inputs.ok) {
          const p = inputs.problems[0]!;
          // The report names the parameter; the command names its option.
          if (p.path?.[0] === "valuation") throw CommandFailure.of("usage", `--${p.message}`);
          throw CommandFailure.of("usage", p.message, file);
        }
        const valuations = inputs.value;
        const model = flowModelOf(ws, valuations);
        if (!model.ok) throw CommandFailure.fromProblems(model.problems, file);
        const report = exposureReport(ws, model.value, investor);
        if (options.format === "json") return void io.stdout.write(jsonText(withWhatIf(report, whatIf)));
        const money = (v: string | null) =>
          v === null
            ? ""
            : moneyText({ kind: "money", currency: ws.currency, amount: Rational.parse(v)! }, 0);
        const rows = report.companies.map((c) => [
          c.name,
          percent(Rational.parse(c.ownership)!, 4),
          c.invested === null ? "unknown" : money(c.invested),
          money(c.valuation),
          money(c.value),
          money(c.agreementRevenue),
        ]);
        if (options.format === "csv")
          return void io.stdout.write(
            renderCsv(
              ["company", "ownership", "invested", "valuation", "value", "agreement_revenue"],
              report.companies.map((c) => [
                c.company,
                c.ownership,
                c.invested ?? "",
                c.valuation ?? "",
                c.value ?? "",
                c.agreementRevenue,
              ]),
            ),
          );
        io.stdout.write(`${report.name}'s exposure across ${report.workspace}\n\n`);
        io.stdout.write(
          renderTable(
            [
              { header: "Company" },
              { header: "Ownership", align: "right" },
              { header: "Invested", align: "right" },
              { header: "Valuation", align: "right" },
              { header: "Value", align: "right" },
              { header: "Agreement revenue", align: "right" },
            ],
            [
              ...rows,
              [
                "Total",
                "",
                money(report.totals.invested),
                "",
                money(report.totals.value),
                money(report.totals.agreementRevenue),
              ],
            ],
          ),
        );
        if (whatIf) io.stdout.write(`\n${whatIfText(whatIf, ws.currency)}`);
      },
    );
}
