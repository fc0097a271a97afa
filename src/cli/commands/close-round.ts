import path from "node:path";
import type { Command } from "commander";
import { stringify } from "yaml";
import { closeRound } from "../../deal/close-round.js";
import { readDealFile } from "../deal-file.js";
import { CommandFailure } from "../failure.js";
import type { CliIo } from "../io.js";

/** `roundtable close-round`: a thin face over the use case in src/deal/close-round.ts (CLOSE-3). */
export function registerCloseRound(program: Command, io: CliIo): void {
  program
    .command("close-round")
    .description(
      "turn a modelled round into dated ledger transactions (classes, issuances per closing, conversions, pool increase, anti-dilution) and remove it from the modelled rounds; prints them, or writes the deal file with --write",
    )
    .argument("<deal>", "deal file (YAML or JSON)")
    .option("--round <id>", "the round to close (default: the earliest modelled round)")
    .option(
      "--scenario <name>",
      "for a round with uncertain amounts: the scenario whose amounts become the record (default base)",
    )
    .option("--write", "write the deal file (every other byte unchanged; nothing written unless it loads)")
    .action((file: string, options: { round?: string; scenario?: string; write?: boolean }) => {
      const loaded = readDealFile(io, file);
      const closed = closeRound(loaded.text, file, {
        ...(options.round === undefined ? {} : { round: options.round }),
        ...(options.scenario === undefined ? {} : { scenario: options.scenario }),
      });
      if (!closed.ok) {
        if (closed.diagnostics) throw new CommandFailure(closed.diagnostics, 1);
        throw CommandFailure.fromProblems(closed.problems ?? [], file, loaded.locate);
      }
      const { value } = closed;
      if (!options.write) {
        io.stdout.write(
          `Closing ${value.roundName} would add to ${file} (run again with --write to write it):\n\n`,
        );
        io.stdout.write(
          stringify({ classes: value.classes, transactions: value.transactions }, { lineWidth: 0 }),
        );
        io.stdout.write(`\nand remove round ${value.roundId} from the modelled rounds.\n`);
        return;
      }
      try {
        io.writeFileAtomic(path.resolve(io.cwd, file), value.text);
      } catch (error) {
        throw CommandFailure.of(
          "file_unwritable",
          `cannot write the deal file: ${(error as Error).message}`,
          file,
        );
      }
      io.stdout.write(
        `closed ${value.roundName} into ${file}: ${value.classes.length} class${value.classes.length === 1 ? "" : "es"} and ${value.transactions.length} transaction${value.transactions.length === 1 ? "" : "s"} added, round ${value.roundId} removed\n`,
      );
    });
}
