import { Command, CommanderError } from "commander";
import { COMMANDS, type CommandModule, modulesFor } from "./commands/index.js";
import { CommandFailure, printDiagnostics } from "./failure.js";
import { langOption } from "./format-option.js";
import { type CliIo, processIo } from "./io.js";
import { language, languageOf, setLanguage } from "./lang.js";
import { cliText, frenchUsageError } from "./messages.js";

import { VERSION } from "./version.js";

export { VERSION };

/**
 * Builds the `roundtable` program with the given command modules (all by default); every
 * command writes through `io`.
 */
export async function buildProgram(
  io: CliIo,
  modules: readonly CommandModule[] = COMMANDS,
): Promise<Command> {
  const program = new Command("roundtable")
    .description(
      "Model a funding round from the first hedged report to the pro-forma cap table, the capital flows and the exit.",
    )
    .version(VERSION)
    .showHelpAfterError(cliText.usageHint())
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: (text, write) => write(language() === "fr" ? frenchUsageError(text) : text),
    });
  const registers = await Promise.all(modules.map((m) => m.load()));
  for (const register of registers) register(program, io);
  const override = (command: Command) => {
    command.exitOverride();
    // Every command takes --lang (APP-9), except `ingest`, whose --lang names the report's
    // language (its messages follow ROUNDTABLE_LANG or the locale).
    if (command.name() !== "ingest" && !command.options.some((o) => o.long === "--lang"))
      command.addOption(langOption());
    command.commands.forEach(override);
  };
  program.commands.forEach(override);
  return program;
}

/**
 * Runs the CLI and returns the exit code (SPEC CLI-1): 0 on success, 1 on invalid input,
 * 2 on wrong usage. Never prints a stack trace unless ROUNDTABLE_DEBUG is set.
 */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  setLanguage(languageOf(argv, io.env));
  const program = await buildProgram(io, modulesFor(argv));
  try {
    await program.parseAsync([...argv], { from: "user" });
    return 0;
  } catch (error) {
    if (error instanceof CommandFailure) {
      printDiagnostics(io, error.diagnostics);
      return error.exitCode;
    }
    if (error instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      return error.exitCode === 0 ? 0 : 2;
    }
    const [first, ...rest] = cliText.internalError((error as Error).message ?? String(error)).split("\n");
    io.stderr.write(`${first}\n`);
    if (io.env.ROUNDTABLE_DEBUG) io.stderr.write(`${(error as Error).stack ?? ""}\n`);
    io.stderr.write(`${rest.join("\n")}\n`);
    return 70;
  }
}

export async function runProcess(): Promise<void> {
  const code = await run(process.argv.slice(2), processIo());
  process.exitCode = code;
}
