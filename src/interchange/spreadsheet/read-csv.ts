import Papa from "papaparse";
import { LIMITS } from "../../core/shared/limits.js";
import type { ImportProblem } from "./problems.js";
import { importProblem } from "./problems.js";
import type { Sheet, SheetCell, Workbook } from "./sheet.js";

/**
 * Windows-1252 differs from Latin-1 in 0x80–0x9F (the WHATWG Encoding Standard's
 * index-windows-1252); Node's TextDecoder reads that label as Latin-1, so the 27 mapped
 * positions are applied here. French exports from Excel on Windows use this code page.
 */
const WINDOWS_1252_HIGH: Readonly<Record<number, number>> = {
  128: 0x20ac,
  130: 0x201a,
  131: 0x0192,
  132: 0x201e,
  133: 0x2026,
  134: 0x2020,
  135: 0x2021,
  136: 0x02c6,
  137: 0x2030,
  138: 0x0160,
  139: 0x2039,
  140: 0x0152,
  142: 0x017d,
  145: 0x2018,
  146: 0x2019,
  147: 0x201c,
  148: 0x201d,
  149: 0x2022,
  150: 0x2013,
  151: 0x2014,
  152: 0x02dc,
  153: 0x2122,
  154: 0x0161,
  155: 0x203a,
  156: 0x0153,
  158: 0x017e,
  159: 0x0178,
};

function decodeWindows1252(bytes: Uint8Array): string {
  let out = "";
  for (const b of bytes) out += String.fromCharCode(WINDOWS_1252_HIGH[b] ?? b);
  return out;
}

/**
 * The text of a CSV file and the encoding it was read in (IMP-3): a byte-order mark says
 * UTF-8 or UTF-16; otherwise UTF-8 when the bytes are valid UTF-8, else Windows-1252.
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { text: new TextDecoder("utf-8").decode(bytes.subarray(3)), encoding: "UTF-8 with BOM" };
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "UTF-16LE" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "UTF-16BE" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "UTF-8" };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: "Windows-1252" };
  }
}

/**
 * Reads a CSV file into one sheet named `sheetName` (IMP-2, IMP-3). The delimiter (comma,
 * semicolon or tab) is the one papaparse finds most consistent over the first rows.
 */
export function readCsv(
  bytes: Uint8Array,
  sheetName: string,
): { ok: true; workbook: Workbook } | { ok: false; problems: ImportProblem[] } {
  const { text, encoding } = decodeCsv(bytes);
  const parsed = Papa.parse<string[]>(text, {
    delimitersToGuess: [",", ";", "\t"],
    skipEmptyLines: false,
    // One row past the limit, so that a longer file is reported rather than cut silently.
    preview: LIMITS.spreadsheetRows + 1,
  });
  const problems: ImportProblem[] = [];
  for (const e of parsed.errors) {
    // A single-column file has no delimiter to find: not a problem.
    if (e.code === "UndetectableDelimiter") continue;
    problems.push(
      importProblem(
        "import_not_spreadsheet",
        { sheet: sheetName, ...(e.row !== undefined ? { row: e.row + 1 } : {}) },
        `cannot be read as CSV: ${e.message}`,
      ),
    );
  }
  if (problems.length > 0) return { ok: false, problems: problems.slice(0, LIMITS.spreadsheetProblems) };
  const data = parsed.data;
  if (data.length > LIMITS.spreadsheetRows)
    return {
      ok: false,
      problems: [
        importProblem(
          "input_too_large",
          { sheet: sheetName },
          `has more than ${LIMITS.spreadsheetRows} rows, the limit of one import`,
        ),
      ],
    };
  const widest = data.reduce((m, r) => Math.max(m, r.length), 0);
  if (widest > LIMITS.spreadsheetColumns)
    return {
      ok: false,
      problems: [
        importProblem(
          "input_too_large",
          { sheet: sheetName },
          `has ${widest} columns, more than the limit of ${LIMITS.spreadsheetColumns}`,
        ),
      ],
    };
  const rows = data.map((r) =>
    r.map((value): SheetCell | undefined => {
      const t = value.trim();
      return t === "" ? undefined : { text: t };
    }),
  );
  const sheet: Sheet = { name: sheetName, rows };
  return {
    ok: true,
    workbook: { kind: "csv", sheets: [sheet], csv: { delimiter: parsed.meta.delimiter, encoding } },
  };
}
