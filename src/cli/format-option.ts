import { Option } from "commander";

export type OutputFormat = "table" | "json" | "csv";

export function formatOption(choices: readonly OutputFormat[] = ["table", "json", "csv"]): Option {
  return new Option("--format <format>", "output format").choices(choices).default("table");
}

/** JSON output: two-space indent, a final newline; keys in the order the report builds them. */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
