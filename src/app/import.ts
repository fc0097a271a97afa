import * as z from "zod";
import { type IsoDate, parseIsoDate } from "../core/shared/date.js";
import { LIMITS } from "../core/shared/limits.js";
import { inputForm } from "../core/shared/messages.js";
import type { Problem, Result } from "../core/shared/problem.js";
import {
  type ImportedSpreadsheet,
  type ImportOptions,
  importSpreadsheet,
  parseMapping,
} from "../interchange/spreadsheet/index.js";

const ImportDate = z.string().refine((s) => parseIsoDate(s) !== undefined, inputForm("date"));

/**
 * The fields of a spreadsheet import's input (docs/spec/import.md): the CLI's flags and the
 * API's query parameters (which add the file's `name`) both parse into them.
 */
export const SpreadsheetImportFields = {
  sheet: z.string().min(1).max(LIMITS.nameLength).optional().meta({ description: "The sheet to read." }),
  layout: z
    .enum(["template", "summary", "ledger"])
    .optional()
    .meta({ description: "Found from the headers by default." }),
  company: z.string().min(1).max(LIMITS.nameLength).optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, inputForm("currency"))
    .optional(),
  date: ImportDate.optional().meta({ description: "The date of holdings the sheet gives no date for." }),
  formed: ImportDate.optional().meta({
    description: "The company's date of formation (incorporation), which OCF export needs.",
  }),
  dateOrder: z.enum(["dmy", "mdy"]).optional(),
  strict: z.stringbool().default(false).meta({ description: "Percentages that differ are errors." }),
  mapping: z
    .string()
    .max(64 * 1024)
    .optional()
    .meta({
      description:
        "A mapping file's text (YAML or JSON): columns, layout, sheet, headerRow, dateOrder, classes.",
    }),
};

export const SpreadsheetImportInput = z.strictObject(SpreadsheetImportFields);
export type SpreadsheetImportInput = z.infer<typeof SpreadsheetImportInput>;

/** What is read: the file's bytes and name, and the name the mapping's messages give it. */
export interface SpreadsheetSource {
  readonly bytes: Uint8Array;
  /** The file's name, for messages and the deal's notes (`captable.xlsx`). */
  readonly name: string;
  /** The mapping's name in messages: its file, or `mapping` for a query parameter. */
  readonly mappingName?: string;
}

/**
 * The outcome of an import: the deal read, with the warnings; or the problems, with the input
 * they are about (the mapping, or the spreadsheet), so that a face names the right file.
 */
export type SpreadsheetImportOutcome =
  | { readonly ok: true; readonly value: ImportedSpreadsheet; readonly warnings: readonly Problem[] }
  | { readonly ok: false; readonly problems: readonly Problem[]; readonly about: "mapping" | "spreadsheet" };

async function runImport(
  source: SpreadsheetSource,
  input: SpreadsheetImportInput,
): Promise<SpreadsheetImportOutcome> {
  const options: { -readonly [K in keyof ImportOptions]: ImportOptions[K] } = {
    sourceName: source.name,
    strict: input.strict,
  };
  if (input.mapping !== undefined) {
    const parsed = parseMapping(input.mapping, source.mappingName ?? "mapping");
    if (!parsed.ok) return { ok: false, problems: parsed.problems, about: "mapping" };
    options.mapping = parsed.mapping;
  }
  if (input.sheet !== undefined) options.sheet = input.sheet;
  if (input.layout !== undefined) options.layout = input.layout;
  if (input.company !== undefined) options.company = input.company;
  if (input.currency !== undefined) options.currency = input.currency;
  if (input.date !== undefined) options.date = parseIsoDate(input.date) as IsoDate;
  if (input.formed !== undefined) options.formed = parseIsoDate(input.formed) as IsoDate;
  if (input.dateOrder !== undefined) options.dateOrder = input.dateOrder;
  const imported: Result<ImportedSpreadsheet> = await importSpreadsheet(source.bytes, options);
  if (!imported.ok) return { ok: false, problems: imported.problems, about: "spreadsheet" };
  return { ok: true, value: imported.value, warnings: imported.warnings };
}

/**
 * The import as `POST /api/v1/compute/import` answers it (docs/spec/import.md), with its
 * warnings as the face writes problems.
 */
function importJson<Warning>(report: ImportedSpreadsheet, warnings: readonly Warning[]) {
  return {
    document: report.document,
    yaml: report.yaml,
    layout: report.layout,
    sheet: report.sheet,
    headerRow: report.headerRow,
    columns: report.columns,
    counts: report.counts,
    warnings,
  };
}

/**
 * The `import` use case (APP-1): a cap table read from a CSV or XLSX spreadsheet into a deal
 * document that loads and applies. One place for `roundtable import` and the API's imports.
 */
export const spreadsheetImport = {
  name: "import",
  summary:
    "Reads a cap table from a spreadsheet (CSV or XLSX: the template, a summary by holder and class, or a ledger of issuances) into a deal document.",
  input: SpreadsheetImportInput,
  run: runImport,
  json: importJson,
};
