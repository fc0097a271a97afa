import path from "node:path";
import type { Command } from "commander";
import { stringify } from "yaml";
import { closeRound } from "../../app/close-round.js";
import { LIMITS } from "../../core/shared/limits.js";
import { message } from "../../core/shared/messages.js";
import { writeDealFile } from "../deal-edit.js";
import { isWorkspaceFile, readDealFile } from "../deal-file.js";
import { CommandFailure } from "../failure.js";
import { textOrJsonFormat } from "../format-option.js";
import type { CliIo } from "../io.js";
import { cliText } from "../messages.js";

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
        textOrJsonFormat(options.format, file);
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
          io.stdout.write(`${cliText.closeRoundPreview(report.round.name, file)}\n\n`);
          io.stdout.write(stringify(report.added, { lineWidth: 0 }));
          io.stdout.write(`\n${cliText.closeRoundMove(report.round.id)}\n`);
          return;
        }
        io.stdout.write(
          `${cliText.closeRoundDone(report.round.name, file, report.classes.length, report.transactions.length, report.round.id)}\n`,
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
    io.stdout.write(`${cliText.closeRoundPreview(value.round.name, value.file)}\n\n`);
    io.stdout.write(stringify(value.added, { lineWidth: 0 }));
    io.stdout.write(`\n${cliText.closeRoundMove(value.round.id)}\n`);
    return;
  }
  io.stdout.write(
    `${cliText.closeRoundDone(value.round.name, value.file, value.classes.length, value.transactions.length, value.round.id)}\n`,
  );
}
