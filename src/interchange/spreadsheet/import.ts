import path from "node:path";
import { replay } from "../../core/ledger/replay.js";
import { capTableView } from "../../core/ledger/views.js";
import type { IsoDate } from "../../core/shared/date.js";
import { LIMITS } from "../../core/shared/limits.js";
import { ok, type Problem, type Result } from "../../core/shared/problem.js";
import { loadDeal } from "../../deal/load.js";
import { dealYaml } from "../../deal/serialize.js";
import { buildDocument } from "./build-deal.js";
import { type DateOrder, slashDateParts } from "./cell-values.js";
import { checkStatedFigures } from "./checks.js";
import { readClassSheet } from "./class-sheet.js";
import type { Field } from "./headers.js";
import type { SheetContents } from "./holdings.js";
import { findHeaderRow, type LayoutName, readLayout, type SheetLayout } from "./layouts.js";
import type { Mapping } from "./mapping.js";
import { type ImportProblem, ProblemList } from "./problems.js";
import { readWorkbook } from "./read-workbook.js";
import { readRows } from "./rows-layout.js";
import { type CellPlace, cellAt, columnLetter, type Sheet, type Workbook } from "./sheet.js";
import { readSummary } from "./summary-layout.js";

export interface ImportOptions {
  /** The file's name, for messages and the deal's notes (`captable.xlsx`). */
  readonly sourceName: string;
  /** The sheet to read; by default the first whose headers name a holder. */
  readonly sheet?: string;
  readonly mapping?: Mapping;
  /** The company's name; by default the file's name without its extension. */
  readonly company?: string;
  /** The cap table's currency (ISO 4217); by default the one the amounts name, else USD. */
  readonly currency?: string;
  readonly layout?: LayoutName;
  /** The date of holdings the sheet gives no date for (the date of the cap table). */
  readonly date?: IsoDate;
  /** The company's date of formation (incorporation), which OCF export needs (IMP-66). */
  readonly formed?: IsoDate;
  /** How slash dates read, when the file does not show it. */
  readonly dateOrder?: DateOrder;
  /** Percentages that differ from the imported shares are errors rather than warnings. */
  readonly strict?: boolean;
}

export interface ImportedSpreadsheet {
  /** The deal document, ready to serialise; it loads and its ledger applies. */
  readonly document: Record<string, unknown>;
  /** The deal as YAML, headed by a comment naming the file and sheet. */
  readonly yaml: string;
  readonly layout: LayoutName;
  readonly sheet: string;
  readonly headerRow: number;
  /** What each recognised column was read as: `B (Shares) → shares`. */
  readonly columns: readonly string[];
  readonly counts: { readonly holders: number; readonly classes: number; readonly transactions: number };
  readonly csv?: Workbook["csv"];
}

function chooseSheet(
  workbook: Workbook,
  wanted: string | undefined,
  mapping: Mapping | undefined,
  problems: ProblemList,
): Sheet | undefined {
  if (wanted !== undefined) {
    const found =
      workbook.sheets.find((s) => s.name === wanted) ??
      workbook.sheets.find((s) => s.name.toLowerCase() === wanted.toLowerCase());
    if (!found)
      problems.error(
        "import_sheet_not_found",
        undefined,
        `no sheet "${wanted}" in the workbook; its sheets are ${workbook.sheets.map((s) => `"${s.name}"`).join(", ")}`,
      );
    return found;
  }
  if (workbook.sheets.length === 0) {
    problems.error("import_sheet_empty", undefined, "the workbook has no sheets");
    return undefined;
  }
  // The first sheet whose headers name a holder: a cover or notes sheet before it is passed over.
  return workbook.sheets.find((s) => findHeaderRow(s, mapping) !== undefined) ?? workbook.sheets[0];
}

/**
 * The order of slash dates (IMP-14): a date whose first number is above 12 shows day
 * first, one whose second is above 12 shows month first; a file that shows neither needs
 * the order given, and one that shows both is refused.
 */
function dateOrderOf(
  layout: SheetLayout,
  given: DateOrder | undefined,
  problems: ProblemList,
): DateOrder | undefined {
  const dateFields: Field[] = ["issueDate", "expiry", "vestingStart"];
  let dayFirst: CellPlace | undefined;
  let monthFirst: CellPlace | undefined;
  let ambiguous: CellPlace | undefined;
  for (const field of dateFields) {
    const column = layout.byField.get(field);
    if (!column) continue;
    for (let row = layout.headerRow + 1; row <= layout.sheet.rows.length; row++) {
      const cell = cellAt(layout.sheet, row, column.index);
      const parts = cell ? slashDateParts(cell) : undefined;
      if (!parts) continue;
      const place = { sheet: layout.sheet.name, row, column: column.index, header: column.header };
      if (parts[0] > 12) dayFirst ??= place;
      else if (parts[1] > 12) monthFirst ??= place;
      else ambiguous ??= place;
    }
  }
  if (given) return given;
  if (dayFirst && monthFirst) {
    problems.error(
      "import_date_ambiguous",
      monthFirst,
      `this date is written month first but ${columnLetter(dayFirst.column!)}${dayFirst.row} is written day first; write the dates one way (2025-12-31 is never ambiguous)`,
    );
    return undefined;
  }
  if (dayFirst) return "dmy";
  if (monthFirst) return "mdy";
  if (ambiguous)
    problems.error(
      "import_date_ambiguous",
      ambiguous,
      "this date can be read day first or month first, and no date of the file shows which; give the order (--date-order dmy or mdy, or dateOrder: in the mapping file)",
    );
  return undefined;
}

function capped(problems: readonly ImportProblem[]): ImportProblem[] {
  if (problems.length <= LIMITS.spreadsheetProblems) return [...problems];
  const kept = problems.slice(0, LIMITS.spreadsheetProblems);
  kept.push({
    code: problems[LIMITS.spreadsheetProblems]!.code,
    message: `and ${problems.length - LIMITS.spreadsheetProblems} more problems like these`,
    severity: "error",
  });
  return kept;
}

/**
 * Imports a cap table from a CSV or XLSX spreadsheet (docs/spec/import.md): the bytes are
 * read into cells, the header row and the layout found, every row read into holdings,
 * the deal document built, loaded and replayed, and the sheet's totals and percentages
 * checked against it. Every problem is collected and names its sheet, row and column;
 * the result is a deal document only when the whole import loads (IMP-21).
 */
export async function importSpreadsheet(
  bytes: Uint8Array,
  options: ImportOptions,
): Promise<Result<ImportedSpreadsheet>> {
  const problems = new ProblemList();
  const base = path.basename(options.sourceName);
  const stem = base.replace(/\.[^.]+$/, "") || base;
  const read = await readWorkbook(bytes, base, stem);
  if (!read.ok) return { ok: false, problems: read.problems };
  const { workbook } = read;
  const mapping = options.mapping;
  const sheet = chooseSheet(workbook, options.sheet ?? mapping?.sheet, mapping, problems);
  if (!sheet) return { ok: false, problems: problems.items };
  const layout = readLayout(sheet, mapping, options.layout ?? mapping?.layout, problems);
  if (!layout || problems.hasErrors) return { ok: false, problems: capped(problems.items) };

  const dateOrder = dateOrderOf(layout, options.dateOrder ?? mapping?.dateOrder, problems);
  const contents: SheetContents =
    layout.layout === "summary" ? readSummary(layout, problems) : readRows(layout, problems, dateOrder);
  // Class definitions kept on a sheet of their own (IMP-43).
  for (const other of workbook.sheets) if (other !== sheet) readClassSheet(other, contents.classes, problems);
  if (contents.skippedRows.length > 0) {
    const first = contents.skippedRows[0]!;
    problems.warn(
      "import_row_skipped",
      first,
      `${contents.skippedRows.length} row${contents.skippedRows.length === 1 ? " is" : "s are"} not imported (this one first): not outstanding (cancelled, transferred, exercised, converted) or with no shares`,
    );
  }
  if (contents.holdings.length === 0 && !problems.hasErrors)
    problems.error(
      "import_sheet_empty",
      { sheet: sheet.name, row: layout.headerRow },
      "has no holdings under its header row",
    );

  const built = buildDocument(
    contents,
    {
      company: options.company ?? stem,
      currency: options.currency,
      date: options.date,
      formed: options.formed,
      classTerms: mapping?.classes ?? {},
      sourceName: base,
    },
    problems,
  );
  if (problems.hasErrors) return { ok: false, problems: capped(problems.items) };

  const yaml = dealYaml(
    built.document,
    `Imported from ${base} (sheet "${sheet.name}", ${layout.layout} layout, headers in row ${layout.headerRow}) by roundtable import.\nEach transaction's note names the row it comes from.`,
  );
  const loaded = loadDeal(yaml, base);
  if (!loaded.ok) {
    for (const d of loaded.diagnostics) {
      const index = d.path?.[0] === "transactions" && typeof d.path[1] === "number" ? d.path[1] : undefined;
      const place = index !== undefined ? built.transactionPlaces[index] : undefined;
      problems.error(d.code, place ?? { sheet: sheet.name }, `the holding does not load: ${d.message}`);
    }
    return { ok: false, problems: capped(problems.items) };
  }
  const table = replay(loaded.deal.ledger);
  if (!table.ok) {
    for (const p of table.problems) {
      const txId = p.path?.[0];
      const index =
        typeof txId === "string"
          ? loaded.deal.ledger.transactions.findIndex((t) => t.id === txId)
          : undefined;
      const place = index !== undefined && index >= 0 ? built.transactionPlaces[index] : undefined;
      problems.error(
        p.code,
        place ?? { sheet: sheet.name },
        `the holding does not apply to the ledger: ${p.message}`,
      );
    }
    return { ok: false, problems: capped(problems.items) };
  }
  const view = capTableView(table.value);
  checkStatedFigures(contents, built, view, options.strict ?? false, problems);
  if (problems.hasErrors) return { ok: false, problems: capped(problems.items) };

  const columns = layout.columns
    .filter((c) => c.field !== undefined && c.field !== "ignored")
    .map(
      (c) =>
        `${columnLetter(c.index)} (${c.header}) → ${c.field === "class_shares" ? `shares of class ${c.header}` : c.field}`,
    );
  const warnings: Problem[] = [
    ...problems.warnings,
    ...loaded.warnings.map((w) => ({ code: w.code, message: w.message, severity: "warning" as const })),
  ];
  return ok(
    {
      document: built.document,
      yaml,
      layout: layout.layout,
      sheet: sheet.name,
      headerRow: layout.headerRow,
      columns,
      counts: {
        holders: loaded.deal.ledger.stakeholders.length,
        classes: loaded.deal.ledger.classes.length,
        transactions: loaded.deal.ledger.transactions.length,
      },
      ...(workbook.csv ? { csv: workbook.csv } : {}),
    },
    capped(warnings),
  );
}
