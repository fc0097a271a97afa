import path from "node:path";
import type { Command } from "commander";
import { stringify } from "yaml";
import { closeRound } from "../../app/close-round.js";
import { LIMITS } from "../../core/shared/limits.js";
import { message } from "../../core/shared/messages.js";
import { writeDealFile } from "../deal-edit.js";
import { isWorkspaceFile, readDealFile } from "../deal-file.js";
import { CommandFailure } from "../failure.js";
import type { CliIo } from "../io.js";

/** `roundtable close-round`: a thin face over the use case in src/app/close-round.ts (CLOSE-3). */
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
    .option("--company <id>", "in a workspace file: the company whose round to close")
    .option("--write", "write the deal file (every other byte unchanged; nothing written unless it loads)")
    .option("--format <format>", "text or json (the report of what is added, ids and exact decimals)", "text")
    .action(
      (
        file: string,
        options: { round?: string; scenario?: string; company?: string; write?: boolean; format: string },
      ) => {
        if (options.format !== "text" && options.format !== "json")
          throw CommandFailure.of(
            "usage",
            message("flag_must_be_choice", {
              flag: "--format",
              choices: ["text", "json"],
              got: options.format,
            }),
            file,
          );
        if (isWorkspaceFile(io, file)) {
          closeInWorkspace(io, file, options);
          return;
        }
        if (options.company !== undefined)
          throw CommandFailure.of("usage", message("company_not_workspace", {}), file);
        const loaded = readDealFile(io, file);
        const closed = closeRound.run(loaded.text, file, {
          ...(options.round === undefined ? {} : { round: options.round }),
          ...(options.scenario === undefined ? {} : { scenario: options.scenario }),
        });
        if (!closed.ok) {
          if (closed.diagnostics) throw new CommandFailure(closed.diagnostics, 1);
          throw CommandFailure.fromProblems(closed.problems ?? [], file, loaded.locate);
        }
        const report = closed.value;
        if (options.write) writeDealFile(io, file, report.text);
        if (options.format === "json") {
          io.stdout.write(
            `${JSON.stringify({ written: options.write === true, ...closeRound.json(report) }, null, 2)}\n`,
          );
          return;
        }
        if (!options.write) {
          io.stdout.write(
            `Closing ${report.round.name} would add to ${file} (run again with --write to write it):\n\n`,
          );
          io.stdout.write(stringify(report.added, { lineWidth: 0 }));
          io.stdout.write(`\nand move round ${report.round.id} from the modelled rounds to closedRounds.\n`);
          return;
        }
        io.stdout.write(
          `closed ${report.round.name} into ${file}: ${report.classes.length} class${report.classes.length === 1 ? "" : "es"} and ${report.transactions.length} transaction${report.transactions.length === 1 ? "" : "s"} added, round ${report.round.id} removed\n`,
        );
      },
    );
}

/** CLOSE-5: a company's round in a workspace file (inline, or in the company's own file). */
function closeInWorkspace(
  io: CliIo,
  file: string,
  options: { round?: string; scenario?: string; company?: string; write?: boolean; format: string },
): void {
  const text = io.readBytes(path.resolve(io.cwd, file), LIMITS.dealFileBytes).toString("utf8");
  const dir = path.dirname(path.resolve(io.cwd, file));
  const closed = closeRound.runInWorkspace(
    text,
    file,
    (relative) => {
      const resolved = path.resolve(dir, relative);
      try {
        return {
          ok: true,
          text: io.readBytes(resolved, LIMITS.dealFileBytes).toString("utf8"),
          file: path.relative(io.cwd, resolved) || resolved,
        };
      } catch (error) {
        return { ok: false, message: (error as Error).message };
      }
    },
    { round: options.round, scenario: options.scenario, company: options.company },
  );
  if (!closed.ok) {
    if (closed.diagnostics) throw new CommandFailure(closed.diagnostics, 1);
    throw CommandFailure.fromProblems(closed.problems ?? [], file);
  }
  const { value } = closed;
  if (options.write) {
    try {
      io.writeFileAtomic(path.resolve(io.cwd, value.file), value.text);
    } catch (error) {
      throw CommandFailure.of(
        "file_unwritable",
        message("cannot_write_file", { why: (error as Error).message }),
        value.file,
      );
    }
  }
  if (options.format === "json") {
    io.stdout.write(
      `${JSON.stringify({ written: options.write === true, file: value.file, ...closeRound.json(value) }, null, 2)}\n`,
    );
    return;
  }
  if (!options.write) {
    io.stdout.write(
      `Closing ${value.round.name} would add to ${value.file} (run again with --write to write it):\n\n`,
    );
    io.stdout.write(stringify(value.added, { lineWidth: 0 }));
    io.stdout.write(`\nand move round ${value.round.id} from the modelled rounds to closedRounds.\n`);
    return;
  }
  io.stdout.write(
    `closed ${value.round.name} into ${value.file}: ${value.classes.length} class${value.classes.length === 1 ? "" : "es"} and ${value.transactions.length} transaction${value.transactions.length === 1 ? "" : "s"} added, round ${value.round.id} removed\n`,
  );
}
