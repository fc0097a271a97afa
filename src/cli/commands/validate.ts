import type { Command } from "commander";
import { runDeal } from "../../core/round/timeline.js";
import { diagnosticFrom } from "../../deal/diagnostics.js";
import { readDealFile } from "../deal-file.js";
import { CommandFailure, printDiagnostics } from "../failure.js";
import type { CliIo } from "../io.js";

export function registerValidate(program: Command, io: CliIo): void {
  program
    .command("validate")
    .description("check a deal file: its form, its references, and that its ledger and rounds apply")
    .argument("<deal>", "deal file (YAML or JSON)")
    .action((file: string) => {
      const loaded = readDealFile(io, file);
      const run = runDeal(loaded.deal.ledger, loaded.deal.rounds);
      if (!run.ok) throw CommandFailure.fromProblems(run.problems, file, loaded.locate);
      printDiagnostics(
        io,
        run.warnings.map((w) => diagnosticFrom(w, file, loaded.locate)),
      );
      const { ledger, rounds } = loaded.deal;
      io.stdout.write(
        `${file}: valid — ${ledger.stakeholders.length} stakeholders, ${ledger.classes.length} classes, ` +
          `${ledger.transactions.length} transactions, ${rounds.length} round${rounds.length === 1 ? "" : "s"}\n`,
      );
    });
}
