import { type Command, Option } from "commander";
import type { TextOptions } from "../report/format.js";

export type OutputFormat = "table" | "json" | "csv";

export function formatOption(choices: readonly OutputFormat[] = ["table", "json", "csv"]): Option {
  return new Option("--format <format>", "output format").choices(choices).default("table");
}

/** Adds `--exact` and `--ids`, which change how a table reads (APP-5), to a command. */
export function withTextOptions(command: Command): Command {
  return command
    .option("--exact", "in tables, money to the cent and prices to their places instead of $1.2M")
    .option("--ids", "in tables, every name followed by its id: Amazon [amazon]");
}

/** The text options a command's parsed flags give. */
export function textOptionsOf(options: { exact?: boolean; ids?: boolean }): TextOptions {
  return { exact: options.exact === true, ids: options.ids === true };
}

export { jsonText } from "../report/text-formats.js";
