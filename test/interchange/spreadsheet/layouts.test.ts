import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { isoDate } from "../../../src/core/shared/date.js";
import { importSpreadsheet, parseMapping } from "../../../src/interchange/spreadsheet/index.js";
import {
  capTableOf,
  csvText,
  frenchCsv,
  ledgerXlsx,
  SEED_TERMS_MAPPING,
  summaryXlsx,
  templateRows,
  templateXlsx,
} from "./fixtures.js";

async function imported(
  bytes: Uint8Array,
  name: string,
  extra: Parameters<typeof importSpreadsheet>[1] | object = {},
) {
  const r = await importSpreadsheet(bytes, { sourceName: name, company: "Acme SAS", ...extra });
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.code}: ${p.message}`).join("\n"));
  return r;
}

const mapping = () => {
  const m = parseMapping(SEED_TERMS_MAPPING, "map.yaml");
  if (!m.ok) throw new Error("mapping");
  return m.mapping;
};

describe("the same company in every layout gives the same cap table (IMP-30..IMP-33)", async () => {
  const expected = capTableOf((await imported(Buffer.from(csvText(templateRows())), "acme.csv")).value.yaml);

  it("IMP-31 the template as CSV: holders, classes, the option and the pool", () => {
    expect(expected).toMatchObject({
      holders: [
        { name: "Alice Martin", byClass: { Common: "4000000" }, fullyDiluted: "4000000" },
        { name: "Bob Chen", byClass: { Common: "4000000" } },
        { name: "Seed Fund LP", byClass: { "Series Seed": "1500000" } },
        { name: "Carol Díaz", options: "250000", fullyDiluted: "250000" },
      ],
      classes: [
        { name: "Common", type: "common", issued: "8000000", options: "250000" },
        { name: "Series Seed", type: "preferred", issued: "1500000" },
      ],
      pools: [{ reserved: "1000000", available: "750000" }],
      totals: { outstanding: "9500000", fullyDiluted: "10500000" },
    });
  });

  it("IMP-31 the template as XLSX, with numeric and date cells", async () => {
    const r = await imported(await templateXlsx(), "acme.xlsx");
    expect(r.value.layout).toBe("template");
    expect(capTableOf(r.value.yaml)).toEqual(expected);
  });

  it("IMP-33 a summary XLSX (Holder | classes | Total | % fully diluted), its totals and percentages checked", async () => {
    const r = await imported(await summaryXlsx(), "summary.xlsx", {
      date: isoDate("2022-06-15"),
      mapping: mapping(),
    });
    expect(r.value.layout).toBe("summary");
    expect(r.value.headerRow).toBe(2);
    expect(capTableOf(r.value.yaml)).toEqual(expected);
    expect(r.warnings.filter((w) => w.code === "import_percentage_mismatch")).toEqual([]);
  });

  it("IMP-43 a summary after a cover sheet, its classes defined on a sheet of their own", async () => {
    const r = await imported(await summaryXlsx({ coverAndClassesSheets: true }), "counsel.xlsx", {
      date: isoDate("2022-06-15"),
    });
    expect(r.value.sheet).toBe("Cap table");
    expect(capTableOf(r.value.yaml)).toEqual(expected);
    expect(r.warnings.filter((w) => w.code === "import_class_undefined")).toEqual([]);
    expect(r.value.document).toMatchObject({
      classes: [{}, { name: "Series Seed", originalIssuePrice: "1.2" }],
    });
  });

  it("IMP-6 IMP-53 totals and percentages as formulas: checked from their cached values, skipped with a warning without one", async () => {
    const workbook = async (cached: boolean) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("Cap table");
      ws.addRow(["Holder", "Common", "Total", "% fully diluted"]);
      ws.addRow(["Alice", 750, null, null]);
      ws.addRow(["Bob", 250, null, null]);
      for (const row of [2, 3]) {
        ws.getCell(`C${row}`).value = {
          formula: `SUM(B${row})`,
          ...(cached ? { result: row === 2 ? 750 : 250 } : {}),
        } as ExcelJS.CellValue;
        ws.getCell(`D${row}`).value = {
          formula: `C${row}/SUM(C$2:C$3)`,
          ...(cached ? { result: row === 2 ? 0.75 : 0.2 } : {}),
        } as ExcelJS.CellValue;
      }
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const withValues = await importSpreadsheet(await workbook(true), {
      sourceName: "f.xlsx",
      date: isoDate("2024-01-01"),
    });
    expect(withValues.ok).toBe(true);
    // Bob's cached 20% is checked against 25%.
    expect(withValues.ok && withValues.warnings.map((w) => w.message)).toContain(
      'sheet "Cap table", row 3, column D (% fully diluted): states 0.2 (20.00%) but the imported shares give 25.00% of the fully diluted shares (250 of 1000)',
    );
    const without = await importSpreadsheet(await workbook(false), {
      sourceName: "f.xlsx",
      date: isoDate("2024-01-01"),
    });
    if (!without.ok) throw new Error(without.problems.map((p) => p.message).join("\n"));
    expect(without.warnings.filter((w) => w.code === "import_check_skipped").map((w) => w.message)).toEqual([
      'sheet "Cap table", row 2, column C (Total): is a formula with no computed value, so it is not checked; open and save the file in a spreadsheet to compute it',
      'sheet "Cap table", row 2, column D (% fully diluted): is a formula with no computed value, so it is not checked; open and save the file in a spreadsheet to compute it',
      'sheet "Cap table", row 3, column C (Total): is a formula with no computed value, so it is not checked; open and save the file in a spreadsheet to compute it',
      'sheet "Cap table", row 3, column D (% fully diluted): is a formula with no computed value, so it is not checked; open and save the file in a spreadsheet to compute it',
    ]);
  });

  it("IMP-32 a ledger XLSX: cancelled and transferred certificates left out, with a warning", async () => {
    const r = await imported(await ledgerXlsx(), "ledger.xlsx");
    expect(r.value.layout).toBe("ledger");
    expect(capTableOf(r.value.yaml)).toEqual(expected);
    const skipped = r.warnings.find((w) => w.code === "import_row_skipped");
    expect(skipped?.message).toBe(
      'sheet "Securities ledger", row 3, column J (Status): 2 rows are not imported (this one first): not outstanding (cancelled, transferred, exercised, converted) or with no shares',
    );
    expect(r.value.yaml).toContain("id: cs-3");
  });

  it("IMP-3 IMP-10 French headers, Windows-1252, semicolons, 4 000 000 and 1,20 €, dates day first", async () => {
    const r = await imported(frenchCsv(), "acme-fr.csv");
    expect(r.value.document).toMatchObject({ company: { currency: "EUR" } });
    expect(r.value.csv).toEqual({ delimiter: ";", encoding: "Windows-1252" });
    const french = JSON.stringify(capTableOf(r.value.yaml)).replaceAll("Actions ordinaires", "Common");
    expect(JSON.parse(french)).toEqual(expected);
  });

  it("IMP-2 the template with semicolons and a UTF-8 byte-order mark", async () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csvText(templateRows(), ";"))]);
    const r = await imported(bytes, "acme-semicolon.csv");
    expect(r.value.csv).toEqual({ delimiter: ";", encoding: "UTF-8 with BOM" });
    expect(capTableOf(r.value.yaml)).toEqual(expected);
  });

  it("IMP-2 the template with tabs", async () => {
    const r = await imported(Buffer.from(csvText(templateRows(), "\t")), "acme.tsv");
    expect(r.value.csv?.delimiter).toBe("\t");
    expect(capTableOf(r.value.yaml)).toEqual(expected);
  });

  it("IMP-68 the same bytes give the same deal, byte for byte", async () => {
    const a = await imported(await summaryXlsx(), "s.xlsx", {
      date: isoDate("2022-06-15"),
      mapping: mapping(),
    });
    const b = await imported(await summaryXlsx(), "s.xlsx", {
      date: isoDate("2022-06-15"),
      mapping: mapping(),
    });
    expect(a.value.yaml).toBe(b.value.yaml);
  });
});
