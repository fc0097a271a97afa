import type { Command } from "commander";
import { runDeal } from "../../core/round/timeline.js";
import { diagnosticFrom } from "../../deal/diagnostics.js";
import { flowModelOf } from "../../report/flows-report.js";
import { isWorkspaceFile, readDealFile, readWorkspaceFile } from "../deal-file.js";
import { CommandFailure, printDiagnostics } from "../failure.js";
import type { CliIo } from "../io.js";

export function registerValidate(program: Command, io: CliIo): void {
  program
    .command("validate")
    .description(
      "check a deal or workspace file: its form, its references, and that its ledgers and rounds apply",
    )
    .argument("<deal>", "deal or workspace file (YAML or JSON)")
    .action((file: string) => {
      if (isWorkspaceFile(io, file)) {
        const { workspace: ws } = readWorkspaceFile(io, file);
        const model = flowModelOf(ws);
        if (!model.ok) throw CommandFailure.fromProblems(model.problems, file);
        printDiagnostics(
          io,
          model.warnings.map((w) => diagnosticFrom(w, file)),
        );
        const n = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;
        io.stdout.write(
          `${file}: valid workspace — ${n(ws.companies.length, "company").replace("companys", "companies")}, ` +
            `${n(ws.parties.length, "party").replace("partys", "parties")}, ${n(ws.agreements.length, "agreement")}, ` +
            `${n(ws.stakes.length, "declared stake")}, ${n(model.value.rounds.length, "round")}\n`,
        );
        return;
      }
      const loaded = readDealFile(io, file);
      const run = runDeal(loaded.deal.ledger, loaded.deal.rounds);
      if (!run.ok) throw CommandFailure.fromProblems(run.problems, file, loaded.locate);
      printDiagnostics(
        io,
        run.warnings.map((w) => diagnosticFrom(w, file, loaded.locate)),
      );
      const { ledger, rounds } = loaded.deal;
      io.stdout.write(
        `${file}: valid — ${ledger.stakeholders.length} stakeholders, ${ledger.classes.length} class${ledger.classes.length === 1 ? "" : "es"}, ` +
          `${ledger.transactions.length} transactions, ${rounds.length} round${rounds.length === 1 ? "" : "s"}\n`,
      );
    });
}
