import type { CellValue, Workbook as ExcelWorkbook, Worksheet } from "exceljs";
import { unzipSync } from "fflate";
import type { IsoDate } from "../../core/shared/date.js";
import { LIMITS } from "../../core/shared/limits.js";
import { type ImportProblem, importProblem } from "./problems.js";
import type { Sheet, SheetCell, Workbook } from "./sheet.js";

type XlsxRead = { ok: true; workbook: Workbook } | { ok: false; problems: ImportProblem[] };

/**
 * Looks into the zip before exceljs does (IMP-4): a zip that is not a workbook (a Word
 * file, an OCF package) is named as such, and a workbook whose parts declare more than
 * the unzipped limit is refused unread.
 */
function checkZip(bytes: Uint8Array, file: string): ImportProblem | undefined {
  let total = 0;
  let hasWorkbook = false;
  let hasWord = false;
  try {
    unzipSync(bytes, {
      filter: (entry) => {
        total += entry.originalSize;
        if (entry.name === "xl/workbook.xml") hasWorkbook = true;
        if (entry.name === "word/document.xml" || entry.name === "Manifest.ocf.json") hasWord = true;
        return false;
      },
    });
  } catch (error) {
    return importProblem(
      "import_not_spreadsheet",
      { sheet: file },
      `is not a readable XLSX workbook: the zip is damaged (${(error as Error).message})`,
    );
  }
  if (!hasWorkbook)
    return importProblem(
      "import_not_spreadsheet",
      { sheet: file },
      hasWord
        ? "is a zip but not an XLSX workbook (a Word document or an OCF package: OCF packages are read by import-ocf)"
        : "is a zip but not an XLSX workbook: it has no xl/workbook.xml",
    );
  if (total > LIMITS.spreadsheetUnzippedBytes)
    return importProblem(
      "input_too_large",
      { sheet: file },
      `unzips to ${total} bytes, more than the limit of ${LIMITS.spreadsheetUnzippedBytes}`,
    );
  return undefined;
}

/** Decimal places a number format shows (`0.00%` shows 2), from its first section. */
function formatDecimals(numFmt: string | undefined): number | undefined {
  if (!numFmt) return undefined;
  const section = numFmt.split(";")[0] ?? "";
  const m = /\.([0#]+)/.exec(section.replace(/"[^"]*"/g, ""));
  if (m) return m[1]!.length;
  return /[0#]/.test(section) ? 0 : undefined;
}

function isoOf(date: Date): IsoDate {
  // exceljs gives date cells as UTC midnight of the calendar day written.
  return date.toISOString().slice(0, 10) as IsoDate;
}

/**
 * One cell's value as the import reads it (IMP-6): numbers keep the exact decimal text of
 * the stored double (its shortest round-trip text, what Excel shows with enough digits);
 * a formula gives its cached result; rich text and hyperlinks give their text.
 */
function cellOf(value: CellValue, numFmt: string | undefined): SheetCell | undefined {
  const percentFormat = numFmt !== undefined && /%/.test(numFmt.replace(/"[^"]*"/g, ""));
  const decimals = formatDecimals(numFmt);
  const numberCell = (n: number): SheetCell => ({
    text: String(n),
    number: String(n),
    ...(percentFormat ? { percentFormat } : {}),
    ...(decimals !== undefined ? { formatDecimals: decimals } : {}),
  });
  if (value === null || value === undefined) return undefined;
  if (typeof value === "number") return Number.isFinite(value) ? numberCell(value) : { text: String(value) };
  if (typeof value === "string") {
    const t = value.trim();
    return t === "" ? undefined : { text: t };
  }
  if (typeof value === "boolean") return { text: value ? "TRUE" : "FALSE" };
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { text: "", formulaProblem: "an invalid date" };
    const iso = isoOf(value);
    return { text: iso, date: iso };
  }
  if ("error" in value)
    return { text: String(value.error), formulaProblem: `the error value ${value.error}` };
  if ("richText" in value) {
    const t = value.richText
      .map((r) => r.text)
      .join("")
      .trim();
    return t === "" ? undefined : { text: t };
  }
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: unknown }).result;
    if (result === undefined || result === null)
      return {
        text: "",
        formulaProblem: "a formula with no computed value (open the file in a spreadsheet and save it)",
      };
    if (typeof result === "object" && result !== null && "error" in result)
      return { text: String(result.error), formulaProblem: `the error value ${String(result.error)}` };
    const computed = cellOf(result as CellValue, numFmt);
    return computed === undefined ? undefined : { ...computed, formula: true };
  }
  if ("hyperlink" in value) {
    const text = (value as { text?: unknown }).text;
    return typeof text === "string" && text.trim() !== "" ? { text: text.trim() } : undefined;
  }
  return { text: String(value) };
}

function readWorksheet(ws: Worksheet): { sheet: Sheet } | { problem: ImportProblem } {
  if (ws.rowCount > LIMITS.spreadsheetRows)
    return {
      problem: importProblem(
        "input_too_large",
        { sheet: ws.name },
        `has ${ws.rowCount} rows, more than the limit of ${LIMITS.spreadsheetRows}`,
      ),
    };
  if (ws.columnCount > LIMITS.spreadsheetColumns)
    return {
      problem: importProblem(
        "input_too_large",
        { sheet: ws.name },
        `has ${ws.columnCount} columns, more than the limit of ${LIMITS.spreadsheetColumns}`,
      ),
    };
  const rows: (SheetCell | undefined)[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: (SheetCell | undefined)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // A merged cell repeats its master's value only in the master.
      if (cell.isMerged && cell.master !== cell) return;
      cells[colNumber - 1] = cellOf(cell.value, cell.numFmt);
    });
    rows[rowNumber - 1] = cells;
  });
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return { sheet: { name: ws.name, rows } };
}

/** Reads every worksheet of an XLSX workbook (IMP-4, IMP-5, IMP-6). */
export async function readXlsx(bytes: Uint8Array, file: string): Promise<XlsxRead> {
  const zipProblem = checkZip(bytes, file);
  if (zipProblem) return { ok: false, problems: [zipProblem] };
  const { default: ExcelJS } = await import("exceljs");
  const workbook: ExcelWorkbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as an older Buffer type; in a browser (the web app's import
    // preview) there is no Buffer, and exceljs reads the bytes' ArrayBuffer.
    await workbook.xlsx.load(
      (typeof Buffer === "undefined"
        ? bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)
        : Buffer.from(bytes)) as unknown as ArrayBuffer,
    );
  } catch (error) {
    return {
      ok: false,
      problems: [
        importProblem(
          "import_not_spreadsheet",
          { sheet: file },
          `is not a readable XLSX workbook (${(error as Error).message})`,
        ),
      ],
    };
  }
  const sheets: Sheet[] = [];
  for (const ws of workbook.worksheets) {
    const read = readWorksheet(ws);
    if ("problem" in read) return { ok: false, problems: [read.problem] };
    sheets.push(read.sheet);
  }
  return { ok: true, workbook: { kind: "xlsx", sheets } };
}
