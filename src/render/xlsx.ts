import ExcelJS from "exceljs";
import { currencySymbol } from "../core/exact/money.js";
import { Rational } from "../core/exact/rational.js";
import { frenchFixed } from "../report/fr.js";
import {
  type Block,
  type CellValue,
  type Chart,
  type Facts,
  type Language,
  markLabel,
  type ReportDocument,
  type Table,
  type TitleBlock,
  wording,
} from "./document.js";
import { tableTotals } from "./totals.js";
import { withZipEntryDates } from "./zip-dates.js";

/**
 * The XLSX renderer (SPEC REP-5): a workbook with a first sheet for the title block and a
 * sheet per section (a table that names its own sheet gets one: the cap table that
 * `roundtable import` reads back). Figures are numbers with number formats — currency,
 * shares `#,##0`, percent `0.00%` — and where a figure is computed from others in the same
 * table, the cell is the formula (ownership = shares / total, total = SUM) with the exact
 * value as its cached result. Header rows are frozen.
 *
 * Exact values: a spreadsheet holds IEEE doubles, so each cell's value is the double
 * nearest the exact figure. When that double does not read back as the exact decimal (a
 * price with more digits than a double keeps, a share count past 2^53), the cell carries
 * a note with the exact decimal. Fractions are not noted: a percentage of a repeating
 * fraction is never exact in a double, and the JSON output has every figure exact.
 *
 * A French document has French sheet names, headers, labels and notes; its numbers stay
 * numbers, which the reader's spreadsheet writes in its own locale.
 */
export async function renderXlsx(document: ReportDocument): Promise<Uint8Array> {
  const lang = document.lang ?? "en";
  const w = wording(lang);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "roundtable";
  workbook.lastModifiedBy = "roundtable";
  // The report's date, not the clock: the same report gives the same workbook (OUT-3).
  const stamp = new Date(`${document.title.date}T00:00:00Z`);
  workbook.created = stamp;
  workbook.modified = stamp;
  // Excel, LibreOffice and Numbers recompute the formulas on opening; the cached results are the exact figures' doubles.
  workbook.calcProperties.fullCalcOnLoad = true;
  workbook.title = `${document.title.title} — ${document.title.company}`;
  const names = new SheetNames();
  // Tables with a sheet of their own come first, each starting with its header on row 1:
  // the cap table that `roundtable import` reads back is the workbook's first sheet.
  for (const section of document.sections) {
    for (const block of section.blocks) {
      if (block.kind !== "table" || !block.sheet) continue;
      const own = workbook.addWorksheet(names.take(block.sheet));
      writeTable(own, block, 1, lang);
      own.views = [{ state: "frozen", ySplit: 1, xSplit: 1 }];
    }
  }
  titleSheet(workbook.addWorksheet(names.take(w("Report", "Rapport"))), document.title, lang);
  for (const section of document.sections) {
    let sheet: ExcelJS.Worksheet | undefined;
    let row = 1;
    let frozen = false;
    const current = () => {
      if (!sheet) {
        sheet = workbook.addWorksheet(names.take(section.title));
        sheet.getCell(1, 1).value = section.title;
        sheet.getCell(1, 1).font = { bold: true, size: 13 };
        row = 3;
      }
      return sheet;
    };
    for (const block of section.blocks) {
      if (block.kind === "table" && block.sheet) continue;
      const target = current();
      const written = writeBlock(target, block, row, lang);
      // The header is frozen when the table opens the sheet: freezing rows of figures above it would hide the table.
      if (written.headerRow !== undefined && written.headerRow <= 6 && !frozen) {
        target.views = [{ state: "frozen", ySplit: written.headerRow, xSplit: 1 }];
        frozen = true;
      }
      row = written.nextRow + 1;
    }
  }
  const buffer = await workbook.xlsx.writeBuffer();
  // The zip entries are dated by the report too, not by the clock (OUT-3).
  return withZipEntryDates(new Uint8Array(buffer as ArrayBuffer), stamp);
}

/** Sheet names as Excel allows them: at most 31 characters, none of []:*?/\, unique in the workbook. */
class SheetNames {
  private readonly used = new Set<string>();

  take(wanted: string): string {
    const base =
      wanted
        .replace(/[[\]:*?/\\]/g, " ")
        .trim()
        .slice(0, 31) || "Sheet";
    let name = base;
    for (let i = 2; this.used.has(name.toLowerCase()); i++) name = `${base.slice(0, 27)} (${i})`;
    this.used.add(name.toLowerCase());
    return name;
  }
}

function titleSheet(sheet: ExcelJS.Worksheet, title: TitleBlock, lang: Language): void {
  const w = wording(lang);
  sheet.getColumn(1).width = 22;
  sheet.getColumn(2).width = 90;
  sheet.getCell(1, 1).value = title.title;
  sheet.getCell(1, 1).font = { bold: true, size: 16 };
  const rows: [string, string][] = [
    [w("Company", "Société"), title.company],
    ...(title.subject ? ([[w("Subject", "Objet"), title.subject]] as [string, string][]) : []),
    ...(title.version !== undefined
      ? ([[w("Document version", "Version du document"), title.version]] as [string, string][])
      : []),
    ["Date", title.date],
    ...title.marks.map((m): [string, string] => [markLabel(m.kind, lang), m.text]),
    [
      w("Exact values", "Valeurs exactes"),
      w(
        "Cells hold the nearest double to each exact figure; a note gives the exact decimal where the two differ. The JSON output (--format json) has every figure exact.",
        "Les cellules contiennent le nombre à virgule flottante le plus proche de chaque chiffre exact ; une note donne la valeur décimale exacte là où les deux diffèrent. La sortie JSON (--format json) donne chaque chiffre exactement.",
      ),
    ],
  ];
  rows.forEach(([label, value], i) => {
    sheet.getCell(i + 3, 1).value = label;
    sheet.getCell(i + 3, 1).font = { bold: true };
    sheet.getCell(i + 3, 2).value = value;
    sheet.getCell(i + 3, 2).alignment = { wrapText: true, vertical: "top" };
  });
}

function writeBlock(
  sheet: ExcelJS.Worksheet,
  block: Block,
  row: number,
  lang: Language,
): { nextRow: number; headerRow?: number } {
  switch (block.kind) {
    case "paragraph":
      sheet.getCell(row, 1).value = block.text;
      if (block.style === "note") sheet.getCell(row, 1).font = { italic: true, color: { argb: "FF5B6470" } };
      return { nextRow: row + 1 };
    case "facts":
      return { nextRow: writeFacts(sheet, block, row, lang) };
    case "table":
      return writeTable(sheet, block, row, lang);
    case "chart":
      return writeTable(sheet, chartTable(block, lang), row, lang);
  }
}

function writeFacts(sheet: ExcelJS.Worksheet, facts: Facts, row: number, lang: Language): number {
  widen(sheet, 1, Math.max(...facts.items.map((i) => i.label.length)));
  facts.items.forEach((item, i) => {
    sheet.getCell(row + i, 1).value = item.label;
    setValue(sheet.getCell(row + i, 2), item.value, lang);
    widen(sheet, 2, displayLength(item.value));
  });
  return row + facts.items.length;
}

/** Writes a table from `row` (its title, if any, then its header); returns the row after it. */
function writeTable(
  sheet: ExcelJS.Worksheet,
  table: Table,
  start: number,
  lang: Language,
): { nextRow: number; headerRow: number } {
  let row = start;
  if (table.title) {
    sheet.getCell(row, 1).value = table.title;
    sheet.getCell(row, 1).font = { bold: true };
    row += 1;
  }
  const headerRow = row;
  const column = new Map(table.columns.map((c, i) => [c.key, i + 1]));
  table.columns.forEach((c, i) => {
    const cell = sheet.getCell(headerRow, i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE9EEF5" } };
    cell.alignment = { wrapText: true, vertical: "bottom" };
    widen(sheet, i + 1, Math.min(c.header.length, 24));
  });
  const first = headerRow + 1;
  const last = headerRow + table.rows.length;
  const totalRow = table.total ? last + 1 : undefined;
  const letter = (key: string) => columnLetter(column.get(key)!);
  table.rows.forEach((r, index) => {
    const at = first + index;
    table.columns.forEach((c, i) => {
      const value = r.cells[c.key] ?? { kind: "empty" };
      const cell = sheet.getCell(at, i + 1);
      setValue(cell, value, lang);
      widen(sheet, i + 1, displayLength(value));
      if (value.kind === "empty" || !c.formula) return;
      const f = c.formula;
      const formula =
        f.kind === "share_of_total"
          ? totalRow !== undefined && column.has(f.of)
            ? `${letter(f.of)}${at}/${letter(f.of)}$${totalRow}`
            : undefined
          : f.kind === "ratio"
            ? column.has(f.numerator) && column.has(f.denominator)
              ? `${letter(f.numerator)}${at}/${letter(f.denominator)}${at}`
              : undefined
            : f.columns.every((k) => column.has(k))
              ? `SUM(${f.columns.map((k) => `${letter(k)}${at}`).join(",")})`
              : undefined;
      if (formula !== undefined) cell.value = { formula, result: numericValue(value) as number };
    });
  });
  if (table.total && totalRow !== undefined) {
    const totals = tableTotals(table);
    sheet.getCell(totalRow, 1).value = table.total.label;
    table.columns.forEach((c, i) => {
      const total = totals.get(c.key);
      if (!total) return;
      const cell = sheet.getCell(totalRow, i + 1);
      setValue(cell, total, lang);
      cell.value = {
        formula: `SUM(${letter(c.key)}${first}:${letter(c.key)}${last})`,
        result: numericValue(total) as number,
      };
    });
    sheet.getRow(totalRow).font = { bold: true };
    sheet.getRow(totalRow).border = { top: { style: "thin" } };
  }
  return { nextRow: (totalRow ?? last) + 1, headerRow };
}

/** A chart's data as a table: one row per category (bars) or per x value shared by every series (lines). */
export function chartTable(chart: Chart, lang: Language = "en"): Table {
  const dataTitle = `${chart.title} (${wording(lang)("chart data", "données du graphique")})`;
  const unitCell = (v: Rational, unit: Chart["unit"]): CellValue =>
    unit.kind === "money"
      ? { kind: "money", value: { kind: "money", currency: unit.currency, amount: v } }
      : unit.kind === "fraction"
        ? { kind: "fraction", value: v }
        : unit.kind === "shares" && v.isInteger()
          ? { kind: "shares", value: v.num }
          : { kind: "number", value: v, places: 0 };
  const seriesKeys = chart.series.map((_, i) => `s${i}`);
  if (chart.chart !== "line") {
    return {
      kind: "table",
      title: dataTitle,
      columns: [
        { key: "category", header: "" },
        ...chart.series.map((s, i) => ({ key: seriesKeys[i]!, header: s.name })),
      ],
      rows: chart.categories.map((c, j) => ({
        cells: {
          category: { kind: "text", text: c },
          ...Object.fromEntries(
            chart.series.map((s, i) => [seriesKeys[i]!, unitCell(s.values[j] ?? Rational.ZERO, chart.unit)]),
          ),
        },
      })),
    };
  }
  const xs = [
    ...new Map(chart.series.flatMap((s) => s.points.map((p) => [p.x.toString(), p.x]))).values(),
  ].sort((a, b) => a.cmp(b));
  return {
    kind: "table",
    title: `${chart.title} (chart data)`,
    columns: [
      { key: "x", header: "x" },
      ...chart.series.map((s, i) => ({ key: seriesKeys[i]!, header: s.name })),
    ],
    rows: xs.map((x) => ({
      cells: {
        x: unitCell(x, chart.xUnit),
        ...Object.fromEntries(
          chart.series.map((s, i) => {
            const p = s.points.find((q) => q.x.eq(x));
            return [seriesKeys[i]!, p ? unitCell(p.y, chart.unit) : { kind: "empty" }];
          }),
        ),
      },
    })),
  };
}

/**
 * The double nearest an exact value, through its decimal text with 21 significant digits
 * (which the parser rounds correctly): closer than the spacing of doubles, so that only a
 * value within 10^-21 of a midpoint between two doubles could round to the other one.
 */
export function nearestDouble(value: Rational): number {
  if (value.isZero()) return 0;
  const magnitude = value.num.toString().replace("-", "").length - value.den.toString().length;
  return Number(value.toDecimalString(Math.max(0, 21 - magnitude)));
}

function numericValue(value: CellValue): number | string | undefined {
  switch (value.kind) {
    case "money":
      return nearestDouble(value.value.amount);
    case "shares":
      return Number(value.value);
    case "fraction":
    case "number":
      return nearestDouble(value.value);
    case "text":
      return value.text;
    case "date":
      return value.value;
    case "empty":
      return undefined;
  }
}

function moneyFormat(currency: string, price: boolean): string {
  const places = price ? "0.00##########" : "0.00";
  const symbol = currencySymbol(currency);
  return symbol ? `"${symbol}"#,##${places}` : `#,##${places} "${currency}"`;
}

function setValue(cell: ExcelJS.Cell, value: CellValue, lang: Language): void {
  switch (value.kind) {
    case "text":
      cell.value = value.text;
      return;
    case "empty":
      return;
    case "date":
      cell.value = new Date(`${value.value}T00:00:00Z`);
      cell.numFmt = "yyyy-mm-dd";
      return;
    case "money": {
      const double = nearestDouble(value.value.amount);
      cell.value = double;
      cell.numFmt = moneyFormat(value.value.currency, value.precision === "price");
      noteIfInexact(cell, double, value.value.amount, value.value.currency, lang);
      return;
    }
    case "shares": {
      const double = Number(value.value);
      cell.value = double;
      cell.numFmt = "#,##0";
      noteIfInexact(cell, double, Rational.of(value.value), wording(lang)("shares", "actions"), lang);
      return;
    }
    case "fraction":
      cell.value = nearestDouble(value.value);
      cell.numFmt = "0.00%";
      return;
    case "number":
      cell.value = nearestDouble(value.value);
      cell.numFmt = `#,##0${(value.places ?? 2) > 0 ? `.${"0".repeat(value.places ?? 2)}` : ""}${value.suffix ? `"${value.suffix}"` : ""}`;
      return;
  }
}

/** The exact decimal in a note when the double in the cell does not read back as the exact value. */
function noteIfInexact(
  cell: ExcelJS.Cell,
  double: number,
  exact: Rational,
  unit: string,
  lang: Language,
): void {
  const back = Rational.parse(String(double));
  if (back?.eq(exact)) return;
  const digits = `${exact.toDecimalString(18)}${exact.isTerminatingDecimal() ? "" : "…"}`;
  cell.note = lang === "fr" ? `Valeur exacte : ${frenchFixed(digits)} ${unit}` : `Exact: ${digits} ${unit}`;
}

function displayLength(value: CellValue): number {
  switch (value.kind) {
    case "text":
      return Math.min(value.text.length, 60);
    case "money":
      return 16;
    case "shares":
      return value.value.toString().length + 4;
    case "fraction":
      return 9;
    case "number":
      return 10;
    case "date":
      return 11;
    case "empty":
      return 0;
  }
}

function widen(sheet: ExcelJS.Worksheet, column: number, length: number): void {
  const c = sheet.getColumn(column);
  const width = Math.max(8, Math.min(60, length + 2));
  if ((c.width ?? 0) < width) c.width = width;
}

/** Column letters: 1 → A, 27 → AA. */
export function columnLetter(index: number): string {
  let n = index;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
