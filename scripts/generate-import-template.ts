/**
 * Writes examples/captable-template.xlsx from examples/captable-template.csv: the same
 * rows with share counts, prices and amounts as numbers and dates as date cells, as a
 * spreadsheet user fills them, and a "Read me" sheet that lists the columns
 * (docs/spec/import.md). Run with `npm run template:import`; a test imports both files
 * and checks they give the same deal.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import Papa from "papaparse";

const root = path.resolve(import.meta.dirname, "..");
const csvPath = path.join(root, "examples/captable-template.csv");
const xlsxPath = path.join(root, "examples/captable-template.xlsx");

const NUMBER_COLUMNS = new Set([
  "Shares",
  "Price per share",
  "Amount invested",
  "Exercise price",
  "Vesting months",
  "Cliff months",
  "Seniority",
  "Conversion ratio",
  "Valuation cap",
]);
const DATE_COLUMNS = new Set(["Issue date", "Expiry", "Vesting start"]);

const README: readonly [string, string][] = [
  ["Holder", "Required. The holder's name, as it should appear in the cap table."],
  ["Holder kind", "founder, employee, individual, fund or company."],
  ["Class", "Required for shares. The share class; a class with no terms below is imported as common stock."],
  ["Class type", "common or preferred."],
  ["Security", "stock (default), option (BSPCE), RSU, warrant (BSA), SAFE (BSA AIR) or note."],
  ["Shares", "Required for stock, options and warrants. A whole number, written in full (12500, not 12.5k)."],
  ["Price per share", "The price paid per share, in the cap table's currency."],
  ["Amount invested", "The amount paid in total; for a SAFE or a note, its amount."],
  ["Issue date", "YYYY-MM-DD, or a date cell. Without it, give the date of the cap table (--date)."],
  ["Exercise price", "For options and warrants."],
  ["Expiry", "For options and warrants; a note's maturity."],
  ["Vesting start, Vesting months, Cliff months", "The vesting schedule of shares or options."],
  [
    "Liquidation preference, Participation, Seniority, Conversion ratio, Anti-dilution",
    "The terms of a preferred class: 1x, none/full/capped at 3x, 1, 1, broad-based weighted average (or narrow-based weighted average, full ratchet, none).",
  ],
  ["Valuation cap, Discount, Interest rate", "For SAFEs and notes."],
  ["(a holder named Option pool or Available)", "The pool's shares not yet granted."],
  [
    "",
    "Headers may be written in English or French, in any order, any case; docs/spec/import.md lists the names each column takes.",
  ],
];

async function main(): Promise<void> {
  const parsed = Papa.parse<string[]>(readFileSync(csvPath, "utf8"), { skipEmptyLines: true });
  const [header, ...rows] = parsed.data;
  if (!header) throw new Error("the template CSV has no header");
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "roundtable";
  workbook.created = new Date(Date.UTC(2000, 0, 1));
  workbook.modified = workbook.created;
  const sheet = workbook.addWorksheet("Holdings");
  sheet.columns = header.map((h) => ({ header: h, width: Math.max(12, h.length + 2) }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    sheet.addRow(
      row.map((value, i) => {
        const name = header[i]!;
        if (value === "") return null;
        if (DATE_COLUMNS.has(name)) return new Date(`${value}T00:00:00Z`);
        // The template's numbers are small decimals and whole counts, exact in a double.
        if (NUMBER_COLUMNS.has(name)) return Number(value);
        return value;
      }),
    );
  }
  for (const [i, name] of header.entries()) {
    if (DATE_COLUMNS.has(name)) sheet.getColumn(i + 1).numFmt = "yyyy-mm-dd";
    if (name === "Shares") sheet.getColumn(i + 1).numFmt = "#,##0";
  }
  const readme = workbook.addWorksheet("Read me");
  readme.columns = [
    { header: "Column", width: 60 },
    { header: "What it holds", width: 100 },
  ];
  readme.getRow(1).font = { bold: true };
  for (const line of README) readme.addRow([...line]);
  await workbook.xlsx.writeFile(xlsxPath);
  process.stdout.write(`wrote ${path.relative(root, xlsxPath)}\n`);
}

await main();
