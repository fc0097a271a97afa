import type { Command } from "commander";
import type { CliIo } from "../io.js";
import { cliText } from "../messages.js";

export function registerValidate(program: Command, io: CliIo): void {
  program
    .command("validate")
    .description(
      "check a deal or workspace file: its form, its references, and that its ledgers and rounds apply",
    )
    .argument("<deal>", "deal or workspace file (YAML or JSON)")
    .action(async (file: string) => {
      const [
        { validateDeal, validateWorkspace },
        deals,
        { CommandFailure, printDiagnostics },
        { diagnosticFrom },
      ] = await Promise.all([
        import("../../app/validate.js"),
        import("../deal-file.js"),
        import("../failure.js"),
        import("../../deal/diagnostics.js"),
      ]);
      if (deals.isWorkspaceFile(io, file)) {
        const checked = validateWorkspace(deals.readWorkspaceFile(io, file).workspace);
        if (!checked.ok) throw CommandFailure.fromProblems(checked.problems, file);
        printDiagnostics(
          io,
          checked.warnings.map((w) => diagnosticFrom(w, file)),
        );
        const v = checked.value;
        io.stdout.write(`${cliText.validWorkspace(file, v)}\n`);
        return;
      }
      const loaded = deals.readDealFile(io, file);
      const checked = validateDeal(loaded.deal);
      if (!checked.ok) throw CommandFailure.fromProblems(checked.problems, file, loaded.locate);
      printDiagnostics(
        io,
        checked.warnings.map((w) => diagnosticFrom(w, file, loaded.locate)),
      );
      const v = checked.value;
      io.stdout.write(`${cliText.validDeal(file, v)}\n`);
    });
}
