import type { Command } from "commander";
import { parseAmount } from "../../core/exact/amount-parse.js";
import type { Money } from "../../core/exact/money.js";
import { Rational } from "../../core/exact/rational.js";
import { diagnosticFrom } from "../../deal/diagnostics.js";
import { exposureReport, flowModelOf, flowsReport } from "../../report/flows-report.js";
import { flowsSimulation } from "../../report/flows-simulation.js";
import { moneyText, percent } from "../../report/format.js";
import { readWorkspaceFile, workspaceInScenario } from "../deal-file.js";
import { CommandFailure, printDiagnostics } from "../failure.js";
import { formatOption, jsonText, type OutputFormat } from "../format-option.js";
import type { CliIo } from "../io.js";
import { renderCsv, renderTable } from "../table.js";

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
    .addOption(formatOption())
    .action(
      (file: string, options: { scenario?: string; runs?: string; seed: string; format: OutputFormat }) => {
        const loaded = workspaceInScenario(readWorkspaceFile(io, file), options.scenario);
        const ws = loaded.workspace;
        if (options.runs !== undefined) {
          const runs = Number(options.runs);
          if (!Number.isInteger(runs) || runs < 1 || runs > 10_000_000)
            throw CommandFailure.of(
              "usage",
              `--runs takes a whole number from 1 to 10,000,000, got "${options.runs}"`,
            );
          if (!/^\d+$/.test(options.seed))
            throw CommandFailure.of("usage", `--seed takes a whole number, got "${options.seed}"`);
          const sim = flowsSimulation(ws, runs, BigInt(options.seed), ws.scenario?.claims as never);
          if (!sim.ok) throw CommandFailure.fromProblems(sim.problems, file);
          if (options.format === "json") return void io.stdout.write(jsonText(sim.value));
          const rows = sim.value.investments
            .filter((i) => i.roundTripRatio)
            .map((i) => [
              `${i.investor} in ${i.company} (${i.round})`,
              ...["p5", "p50", "p95", "mean"].map((k) =>
                percent(Rational.parse((i.roundTripRatio as Record<string, string>)[k]!)!, 2),
              ),
            ]);
          if (options.format === "csv")
            return void io.stdout.write(renderCsv(["investment", "p5", "p50", "p95", "mean"], rows));
          io.stdout.write(
            `${sim.value.workspace}: round-trip ratios over ${runs.toLocaleString("en-US")} scenarios, seed ${options.seed}\n\n`,
          );
          io.stdout.write(
            renderTable(
              [
                { header: "Investment" },
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
        const model = flowModelOf(ws);
        if (!model.ok) throw CommandFailure.fromProblems(model.problems, file);
        printDiagnostics(
          io,
          model.warnings.map((w) => diagnosticFrom(w, file)),
        );
        const report = flowsReport(ws, model.value);
        if (options.format === "json") return void io.stdout.write(jsonText(report));
        const money = (v: string | null) =>
          v === null
            ? "unknown"
            : moneyText({ kind: "money", currency: ws.currency, amount: Rational.parse(v)! }, 0);
        const investmentRows = report.investments.map((m) => [
          `${m.investor} in ${m.company}`,
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
              `${r.company} ${r.round}`,
              money(r.newMoney),
              money(r.fromSuppliers),
              percent(Rational.parse(r.supplierShare)!, 2),
              r.suppliers.join(", "),
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
              `${a.payer} → ${a.payee}`,
              money(a.value),
              a.linkedTo ? `${a.linkedTo.investor} in ${a.linkedTo.company} ${a.linkedTo.round}` : "",
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
        io.stdout.write(`${out.join("\n")}\n`);
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
    .addOption(formatOption())
    .action(
      (
        file: string,
        investor: string,
        options: { valuation?: string[]; scenario?: string; format: OutputFormat },
      ) => {
        const loaded = workspaceInScenario(readWorkspaceFile(io, file), options.scenario);
        const ws = loaded.workspace;
        if (!ws.parties.some((p) => p.id === investor)) {
          throw CommandFailure.of(
            "usage",
            `no party "${investor}" in the workspace; its parties are ${ws.parties.map((p) => p.id).join(", ")}`,
            file,
          );
        }
        const valuations = new Map<string, Money>();
        for (const v of options.valuation ?? []) {
          const m = /^([^=]+)=(.+)$/.exec(v);
          const amount = m ? parseAmount(m[2]!.trim(), { defaultCurrency: ws.currency }) : undefined;
          if (!m || !amount?.ok || !ws.companies.some((c) => c.id === m[1]!.trim())) {
            throw CommandFailure.of(
              "usage",
              `--valuation takes company=amount for a company of the workspace, such as openai=$1T; got "${v}"`,
            );
          }
          valuations.set(m[1]!.trim(), amount.value);
        }
        const model = flowModelOf(ws, valuations);
        if (!model.ok) throw CommandFailure.fromProblems(model.problems, file);
        const report = exposureReport(ws, model.value, investor);
        if (options.format === "json") return void io.stdout.write(jsonText(report));
        const money = (v: string | null) =>
          v === null
            ? ""
            : moneyText({ kind: "money", currency: ws.currency, amount: Rational.parse(v)! }, 0);
        const rows = report.companies.map((c) => [
          c.name,
          percent(Rational.parse(c.ownership)!, 4),
          money(c.invested),
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
      },
    );
}
