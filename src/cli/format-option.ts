import { Option } from "commander";

export type OutputFormat = "table" | "json" | "csv";

export function formatOption(choices: readonly OutputFormat[] = ["table", "json", "csv"]): Option {
  return new Option("--format <format>", "output format").choices(choices).default("table");
}

export { jsonText } from "../report/text-formats.js";
