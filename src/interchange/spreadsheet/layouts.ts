import {
  type Field,
  headerScore,
  namesOf,
  normaliseHeader,
  type PercentBasis,
  recogniseHeader,
} from "./headers.js";
import type { Mapping } from "./mapping.js";
import type { ProblemList } from "./problems.js";
import { cellAt, isBlank, rowIsBlank, type Sheet } from "./sheet.js";

/**
 * The three layouts cap tables come in (IMP-30..IMP-33): the template (one row per
 * holding), a ledger of issuances (one row per certificate or grant, with ids, dates and
 * a status), and a summary (one row per holder, one column per class, with totals and
 * percentages). The layout is found from the headers unless it is given.
 */
export type LayoutName = "template" | "ledger" | "summary";

export interface Column {
  /** 1-based, as the sheet shows it (A is 1). */
  readonly index: number;
  readonly header: string;
  readonly field: Field | "class_shares" | undefined;
  readonly basis?: PercentBasis;
}

export interface SheetLayout {
  readonly sheet: Sheet;
  readonly layout: LayoutName;
  readonly headerRow: number;
  readonly columns: readonly Column[];
  /** The column of each single-valued field. */
  readonly byField: ReadonlyMap<Field, Column>;
  /** Summary layout: one column per class, headed by the class name. */
  readonly classColumns: readonly Column[];
  readonly percentColumns: readonly Column[];
}

const SCAN_ROWS = 30;
const SINGLE_FIELDS_EXEMPT = new Set<Field | "class_shares" | undefined>([
  "percent",
  "ignored",
  "class_shares",
  undefined,
]);

function headerText(sheet: Sheet, row: number, column: number): string {
  return cellAt(sheet, row, column)?.text ?? "";
}

function mappedFieldOf(mapping: Mapping | undefined, header: string): Field | undefined {
  const columns = mapping?.columns;
  if (!columns || header === "") return undefined;
  const key = normaliseHeader(header);
  for (const [field, names] of Object.entries(columns)) {
    const list = Array.isArray(names) ? names : [names];
    if (list.some((n) => normaliseHeader(n) === key)) return field as Field;
  }
  return undefined;
}

function ignored(mapping: Mapping | undefined, header: string): boolean {
  const key = normaliseHeader(header);
  return (mapping?.ignore ?? []).some((h) => normaliseHeader(h) === key);
}

export function meaningOf(
  mapping: Mapping | undefined,
  header: string,
): { field: Field; basis?: PercentBasis } | undefined {
  if (ignored(mapping, header)) return { field: "ignored" };
  const mapped = mappedFieldOf(mapping, header);
  if (mapped) return { field: mapped };
  return recogniseHeader(header);
}

function rowWidth(sheet: Sheet, row: number): number {
  return sheet.rows[row - 1]?.length ?? 0;
}

/** The header row: the one of the first rows whose cells name the most known fields and a holder. */
export function findHeaderRow(sheet: Sheet, mapping: Mapping | undefined): number | undefined {
  if (mapping?.headerRow !== undefined) return mapping.headerRow;
  let best: { row: number; score: number } | undefined;
  const last = Math.min(sheet.rows.length, SCAN_ROWS);
  for (let row = 1; row <= last; row++) {
    let score = 0;
    let holder = false;
    for (let column = 1; column <= rowWidth(sheet, row); column++) {
      const cell = cellAt(sheet, row, column);
      if (!cell || cell.number !== undefined || cell.date) continue;
      const meaning = meaningOf(mapping, cell.text);
      if (meaning?.field === "holder") holder = true;
      score += headerScore(meaning);
    }
    if (holder && (!best || score > best.score)) best = { row, score };
  }
  return best?.row;
}

/** Whether a column's data cells look like share counts (numbers), for a summary's class columns. */
function looksNumeric(sheet: Sheet, headerRow: number, column: number): boolean {
  let numbers = 0;
  let texts = 0;
  for (let row = headerRow + 1; row <= sheet.rows.length; row++) {
    const cell = cellAt(sheet, row, column);
    if (isBlank(cell) || !cell) continue;
    if (
      cell.number !== undefined ||
      /^[\s\d.,\u00a0\u202f()-]+$/.test(cell.text) ||
      /\d\s*[kKmM]$/.test(cell.text)
    )
      numbers++;
    else texts++;
  }
  return numbers > 0 && numbers >= texts;
}

const EXPECTED_TEMPLATE: readonly ("holder" | "class" | "shares")[] = ["holder", "class", "shares"];

function expectedNames(field: "holder" | "class" | "shares"): string {
  return namesOf(field)
    .slice(0, 8)
    .map((n) => `"${n}"`)
    .join(", ");
}

/**
 * Finds the header row, what each column holds, and the layout (IMP-30..IMP-34). Problems
 * are collected; undefined is returned when the sheet cannot be read further.
 */
export function readLayout(
  sheet: Sheet,
  mapping: Mapping | undefined,
  forced: LayoutName | undefined,
  problems: ProblemList,
): SheetLayout | undefined {
  if (sheet.rows.every((r) => rowIsBlank(r))) {
    problems.error(
      "import_sheet_empty",
      { sheet: sheet.name },
      "is empty: there is no header row and no holdings",
    );
    return undefined;
  }
  const headerRow = findHeaderRow(sheet, mapping);
  const firstFilled = sheet.rows.findIndex((r) => !rowIsBlank(r)) + 1;
  const shownRow = headerRow ?? firstFilled;
  const found = Array.from({ length: rowWidth(sheet, shownRow) }, (_, i) =>
    headerText(sheet, shownRow, i + 1),
  )
    .filter((h) => h !== "")
    .map((h) => `"${h}"`)
    .join(", ");
  if (headerRow === undefined) {
    problems.error(
      "import_headers_unrecognised",
      { sheet: sheet.name, row: shownRow },
      `no column names the holder. The headers found are ${found || "none"}; a holder column is headed one of ${expectedNames("holder")} (or say which column it is in a mapping file: columns: { holder: "..." })`,
    );
    return undefined;
  }

  const columns: Column[] = [];
  for (let index = 1; index <= rowWidth(sheet, headerRow); index++) {
    const header = headerText(sheet, headerRow, index);
    if (header === "") {
      columns.push({ index, header, field: undefined });
      continue;
    }
    const meaning = meaningOf(mapping, header);
    columns.push({
      index,
      header,
      field: meaning?.field,
      ...(meaning?.basis ? { basis: meaning.basis } : {}),
    });
  }

  // A header named in the mapping file must be in the sheet.
  for (const [field, names] of Object.entries(mapping?.columns ?? {})) {
    const list = Array.isArray(names) ? names : [names];
    if (!list.some((n) => columns.some((c) => normaliseHeader(c.header) === normaliseHeader(n))))
      problems.error(
        "import_mapping_invalid",
        { sheet: sheet.name, row: headerRow },
        `the mapping file's columns.${field} names ${list.map((n) => `"${n}"`).join(" or ")}, which is not a header of this row; the headers are ${found}`,
      );
  }

  const hasField = (f: Field) => columns.some((c) => c.field === f);
  const layout: LayoutName =
    forced ??
    (hasField("shares")
      ? hasField("certificate") || hasField("status")
        ? "ledger"
        : "template"
      : "summary");

  if (layout === "summary") {
    // In a summary, a column the import does not know is a class when it holds share counts.
    for (const [i, c] of columns.entries()) {
      if (c.header === "") continue;
      if (c.field === undefined || c.field === "shares") {
        if (looksNumeric(sheet, headerRow, c.index)) columns[i] = { ...c, field: "class_shares" };
        else if (c.field === undefined)
          problems.warn(
            "import_column_ignored",
            { sheet: sheet.name, row: headerRow, column: c.index, header: c.header },
            "this column is not imported: it is not a field the import knows and its cells are not share counts",
          );
      }
    }
  } else {
    for (const field of EXPECTED_TEMPLATE) {
      if (!hasField(field))
        problems.error(
          "import_headers_unrecognised",
          { sheet: sheet.name, row: headerRow },
          `no column holds the ${field === "holder" ? "holder" : field === "class" ? "share class" : "number of shares"} (required in the ${layout} layout). The headers found are ${found}; the ${field} column is headed one of ${expectedNames(field)}, or is named in a mapping file (columns: { ${field}: "..." })`,
        );
    }
    for (const c of columns)
      if (c.header !== "" && c.field === undefined)
        problems.warn(
          "import_column_ignored",
          { sheet: sheet.name, row: headerRow, column: c.index, header: c.header },
          "this column is not imported: its header is not a field the import knows (name it in a mapping file to use it)",
        );
  }

  // Two columns for one field: the import cannot know which to believe (IMP-35).
  const seen = new Map<string, Column>();
  for (const c of columns) {
    if (SINGLE_FIELDS_EXEMPT.has(c.field) && c.field !== "class_shares") continue;
    const key = c.field === "class_shares" ? `class:${normaliseHeader(c.header)}` : String(c.field);
    const first = seen.get(key);
    if (first)
      problems.error(
        "import_duplicate_header",
        { sheet: sheet.name, row: headerRow, column: c.index, header: c.header },
        `this column and column ${first.index} ("${first.header}") both hold the ${c.field === "class_shares" ? `class "${c.header}"` : c.field}; remove one, or name the one to use in a mapping file`,
      );
    else seen.set(key, c);
  }

  const byField = new Map<Field, Column>();
  for (const c of columns) {
    if (c.field === undefined || c.field === "class_shares" || c.field === "percent" || c.field === "ignored")
      continue;
    if (!byField.has(c.field)) byField.set(c.field, c);
  }
  const dataRows = sheet.rows.slice(headerRow).filter((r) => !rowIsBlank(r)).length;
  if (dataRows === 0)
    problems.error(
      "import_sheet_empty",
      { sheet: sheet.name, row: headerRow },
      "has a header row but no rows of holdings under it",
    );
  if (layout === "summary" && !columns.some((c) => c.field === "class_shares"))
    problems.error(
      "import_headers_unrecognised",
      { sheet: sheet.name, row: headerRow },
      `no column holds shares: a summary has one column of share counts per class, a template has a shares column (${expectedNames("shares")}). The headers found are ${found}`,
    );
  return {
    sheet,
    layout,
    headerRow,
    columns,
    byField,
    classColumns: columns.filter((c) => c.field === "class_shares"),
    percentColumns: columns.filter((c) => c.field === "percent"),
  };
}
