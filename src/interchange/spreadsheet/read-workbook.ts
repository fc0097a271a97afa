import { LIMITS } from "../../core/shared/limits.js";
import { type ImportProblem, importProblem } from "./problems.js";
import { readCsv } from "./read-csv.js";
import { readXlsx } from "./read-xlsx.js";
import type { Workbook } from "./sheet.js";

type WorkbookRead = { ok: true; workbook: Workbook } | { ok: false; problems: ImportProblem[] };

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

/**
 * What kind of file the bytes are, from their first bytes rather than the file's name
 * (IMP-4): a zip is read as XLSX, text as CSV, and anything else is refused with what it
 * looks like. The size limit is checked first, before anything is parsed (IMP-5).
 */
export async function readWorkbook(
  bytes: Uint8Array,
  file: string,
  csvSheetName: string,
): Promise<WorkbookRead> {
  const refuse = (what: string): WorkbookRead => ({
    ok: false,
    problems: [importProblem("import_not_spreadsheet", { sheet: file }, what)],
  });
  if (bytes.length > LIMITS.spreadsheetBytes)
    return {
      ok: false,
      problems: [
        importProblem(
          "input_too_large",
          { sheet: file },
          `is ${bytes.length} bytes, more than the limit of ${LIMITS.spreadsheetBytes} bytes (20 MiB) for a spreadsheet`,
        ),
      ],
    };
  if (bytes.length === 0) return refuse("is empty: expected a CSV or XLSX spreadsheet");
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return readXlsx(bytes, file);
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46]))
    return refuse("is a PDF, not a spreadsheet: export the cap table as CSV or XLSX");
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0]))
    return refuse(
      "is an old Excel 97–2003 file (.xls) or another OLE document: save it as .xlsx (Excel Workbook) or CSV",
    );
  if (startsWith(bytes, [0x50, 0x4b])) return refuse("is a damaged or unusual zip, not an XLSX workbook");
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  // Text has no NUL bytes and few control characters; binary data has many.
  if (!utf16) {
    const sample = bytes.subarray(0, 64 * 1024);
    let control = 0;
    for (const b of sample) {
      if (b === 0) return refuse("is binary data, not a CSV or XLSX spreadsheet");
      if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
    }
    if (control > sample.length / 100) return refuse("is binary data, not a CSV or XLSX spreadsheet");
  }
  return readCsv(bytes, csvSheetName);
}
