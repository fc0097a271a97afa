import { Option } from "commander";

export type OutputFormat = "table" | "json" | "csv";

/** The output formats, and with pdf and xlsx the reports written to a file (src/cli/report-file.ts). */
export function formatOption(
  choices: readonly (OutputFormat | "pdf" | "xlsx")[] = ["table", "json", "csv"],
): Option {
  return new Option("--format <format>", "output format").choices(choices).default("table");
}

export { jsonText } from "../report/text-formats.js";
