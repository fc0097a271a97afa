import { type Command, Option } from "commander";
import { message } from "../core/shared/messages.js";
import type { TextOptions } from "../report/format.js";
import { CommandFailure } from "./failure.js";
import { language } from "./lang.js";

export type OutputFormat = "table" | "json" | "csv";

/** The output formats, and with pdf and xlsx the reports written to a file (src/cli/report-file.ts). */
export function formatOption(
  choices: readonly (OutputFormat | "pdf" | "xlsx")[] = ["table", "json", "csv"],
): Option {
  return new Option("--format <format>", "output format").choices(choices).default("table");
}

/** `--lang`: the language of a command's tables and messages (APP-9). */
export function langOption(): Option {
  return new Option(
    "--lang <lang>",
    "the language of tables and messages (default: ROUNDTABLE_LANG, else the locale, else en)",
  ).choices(["en", "fr"]);
}

/** Adds `--exact`, `--ids` and `--lang`, which change how a table reads (APP-5, APP-9), to a command. */
export function withTextOptions(command: Command): Command {
  return command
    .option("--exact", "in tables, money to the cent and prices to their places instead of $1.2M")
    .option("--ids", "in tables, every name followed by its id: Amazon [amazon]")
    .addOption(langOption());
}

/** The text options a command's parsed flags give; the language is the run's unless `--lang` says. */
export function textOptionsOf(options: { exact?: boolean; ids?: boolean; lang?: string }): TextOptions {
  return {
    exact: options.exact === true,
    ids: options.ids === true,
    lang: options.lang === "fr" || options.lang === "en" ? options.lang : language(),
  };
}

/** The formats written to a file rather than printed (SPEC REP-7). */
export const FILE_FORMATS = ["pdf", "xlsx"] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];

/** `--out FILE` and `--page-size`, for the commands that write pdf and xlsx reports. */
export function reportFileOptions(): Option[] {
  return [
    new Option("--out <file>", "with --format pdf or xlsx: the file to write (- for standard output)"),
    new Option("--page-size <size>", "with --format pdf: A4 or Letter")
      .choices(["A4", "Letter"])
      .default("A4"),
  ];
}

/**
 * Whether a command's flags ask for a report file (or name --out, which only a file
 * report takes): the PDF and XLSX renderers are loaded only then (APP-6).
 */
export function wantsReportFile(options: { format?: string; out?: string }): boolean {
  return options.out !== undefined || (FILE_FORMATS as readonly string[]).includes(options.format ?? "");
}

export { jsonText } from "../report/text-formats.js";

/**
 * `--format` of a command that reports what it did as text or JSON (close-round, export-ocf):
 * anything else is a usage failure naming the flag, its choices and what was given (and the file).
 */
export function textOrJsonFormat(format: string, file?: string): "text" | "json" {
  if (format === "text" || format === "json") return format;
  throw CommandFailure.of(
    "usage",
    message("flag_must_be_choice", { flag: "--format", choices: ["text", "json"], got: format }),
    ...(file === undefined ? [] : [file]),
  );
}
