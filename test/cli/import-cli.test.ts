import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import {
  capTableOf,
  csvText,
  SEED_TERMS_MAPPING,
  summaryXlsx,
  templateRows,
} from "../interchange/spreadsheet/fixtures.js";
import { cli } from "../support/cli.js";

function dir(): string {
  return mkdtempSync(path.join(os.tmpdir(), "roundtable-import-"));
}

/** Runs `roundtable import` on a file of these bytes; returns the result and whether anything was written. */
async function importFile(name: string, bytes: string | Buffer, args: string[] = []) {
  const d = dir();
  const file = path.join(d, name);
  writeFileSync(file, bytes);
  const out = path.join(d, "deal.yaml");
  const r = await cli(["import", name, "--out", "deal.yaml", ...args], { cwd: d });
  const written = existsSync(out) ? readFileSync(out, "utf8") : undefined;
  const leftovers = readdirSync(d).filter((f) => f.endsWith(".tmp"));
  return { ...r, written, leftovers, dir: d };
}

describe("roundtable import (docs/spec/import.md)", () => {
  it("IMP-66 --formed writes the company's formation date, so that the import exports to OCF as it is", async () => {
    const r = await importFile("acme.csv", csvText(templateRows()), [
      "--company",
      "Acme SAS",
      "--formed",
      "2020-06-01",
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.written).toMatch(/company:\n {2}name: Acme SAS\n {2}currency: \w{3}\n {2}formed: 2020-06-01\n/);
    const exported = await cli(["export-ocf", "deal.yaml", "--out", "acme-ocf.zip", "--country", "FR"], {
      cwd: r.dir,
    });
    expect(exported.code, exported.stderr).toBe(0);
    expect(existsSync(path.join(r.dir, "acme-ocf.zip"))).toBe(true);
    // A holding dated before the formation is refused, nothing written.
    const early = await importFile("acme.csv", csvText(templateRows()), ["--formed", "2023-01-15"]);
    expect(early.code).toBe(1);
    expect(early.stderr).toContain("before the company's formation on 2023-01-15 (date_before_formation)");
    expect(early.written).toBeUndefined();
    const bad = await importFile("acme.csv", csvText(templateRows()), ["--formed", "15/01/2023"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--formed takes a calendar date YYYY-MM-DD, got "15/01/2023"');
    expect(bad.written).toBeUndefined();
  });

  it("IMP-1 imports the template into a deal file that validates, and prints what each column was read as", async () => {
    const r = await importFile("acme.csv", csvText(templateRows()), ["--company", "Acme SAS"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      'read acme.csv: sheet "acme", template layout, headers in row 1, UTF-8, delimiter ","',
    );
    expect(r.stderr).toContain("  G (Shares) → shares");
    expect(r.stderr).toContain("imported 4 holders, 2 classes, 4 transactions");
    expect(r.written).toMatch(/^# Imported from acme.csv/);
    const validated = await cli(["validate", "deal.yaml"], { cwd: r.dir });
    expect(validated.stdout).toBe("deal.yaml: valid — 4 stakeholders, 2 classes, 4 transactions, 0 rounds\n");
  });

  it("IMP-1 refuses to replace an existing deal file without --force", async () => {
    const d = dir();
    writeFileSync(path.join(d, "acme.csv"), csvText(templateRows()));
    writeFileSync(path.join(d, "deal.yaml"), "kept");
    const r = await cli(["import", "acme.csv", "--out", "deal.yaml"], { cwd: d });
    expect(r.code).toBe(2);
    expect(readFileSync(path.join(d, "deal.yaml"), "utf8")).toBe("kept");
    expect((await cli(["import", "acme.csv", "--out", "deal.yaml", "--force"], { cwd: d })).code).toBe(0);
  });

  it("IMP-40 a mapping file names columns the import does not know, and defines a summary's classes", async () => {
    const csv = "Nom complet;Cat.;Nb titres\nMarie Curie;Ordinaires;1000\nPierre Curie;Ordinaires;500\n";
    const d = dir();
    writeFileSync(path.join(d, "registre.csv"), csv);
    writeFileSync(
      path.join(d, "map.yaml"),
      'columns:\n  holder: "Nom complet"\n  class: "Cat."\n  shares: "Nb titres"\n',
    );
    const r = await cli(["import", "registre.csv", "--map", "map.yaml", "--date", "2024-01-01"], { cwd: d });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("name: Marie Curie");
    expect(r.stdout).toContain('shares: "1000"');
    const summary = await importFile("summary.xlsx", await summaryXlsx(), [
      "--date",
      "2022-06-15",
      "--map",
      "map.yaml",
    ]);
    writeFileSync(path.join(summary.dir, "map.yaml"), SEED_TERMS_MAPPING);
    const again = await cli(
      [
        "import",
        "summary.xlsx",
        "--out",
        "deal.yaml",
        "--date",
        "2022-06-15",
        "--map",
        "map.yaml",
        "--force",
      ],
      { cwd: summary.dir },
    );
    expect(again.code).toBe(0);
    expect(capTableOf(readFileSync(path.join(summary.dir, "deal.yaml"), "utf8"))).toMatchObject({
      classes: [
        { name: "Common", type: "common" },
        { name: "Series Seed", type: "preferred" },
      ],
    });
  });

  it("IMP-40 a mapping file that names a header the sheet does not have lists the headers found", async () => {
    const d = dir();
    writeFileSync(path.join(d, "a.csv"), "Holder,Class,Shares\nA,Common,1\n");
    writeFileSync(path.join(d, "map.yaml"), 'columns:\n  shares: "Nb titres"\n');
    const r = await cli(["import", "a.csv", "--map", "map.yaml", "--date", "2024-01-01"], { cwd: d });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'a.csv: sheet "a", row 1: the mapping file\'s columns.shares names "Nb titres", which is not a header of this row; the headers are "Holder", "Class", "Shares" (import_mapping_invalid)',
    );
  });
});

describe("bad spreadsheets: a clear message naming sheet, row and column, exit code 1, nothing written", () => {
  const expectNothingWritten = (r: Awaited<ReturnType<typeof importFile>>) => {
    expect(r.code).toBe(1);
    expect(r.written).toBeUndefined();
    expect(r.leftovers).toEqual([]);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  };

  it("IMP-34 a missing required column lists the headers found and the names expected", async () => {
    const r = await importFile("no-class.csv", "Holder,Shares\nAlice,100\n", ["--date", "2024-01-01"]);
    expectNothingWritten(r);
    expect(r.stderr).toContain(
      'no-class.csv: sheet "no-class", row 1: no column holds the share class (required in the template layout). The headers found are "Holder", "Shares"; the class column is headed one of "class", "share class", "stock class", "class of shares", "class of stock", "security class", "series", "share type", or is named in a mapping file (columns: { class: "..." }) (import_headers_unrecognised)',
    );
  });

  it("IMP-34 a sheet with no holder column says which names a holder column takes", async () => {
    const r = await importFile("x.csv", "Foo,Bar\n1,2\n");
    expectNothingWritten(r);
    expect(r.stderr).toMatch(
      /sheet "x", row 1: no column names the holder\. The headers found are "Foo", "Bar"; a holder column is headed one of "holder"/,
    );
  });

  it('IMP-12 a share count of "12,5k" (and 12.5k, and a fraction) is refused at its cell; every problem is listed', async () => {
    const csv =
      'Holder,Class,Shares\nAlice,Common,12500\nBob,Common,"12,5k"\nCarol,Common,12.5k\nDan,Common,"1,5"\n';
    const r = await importFile("bad.csv", csv, ["--date", "2024-01-01"]);
    expectNothingWritten(r);
    expect(r.stderr).toContain(
      'bad.csv: sheet "bad", row 3, column C (Shares): "12,5k" is abbreviated: write the whole number of shares (12500, not 12.5k or 12,5k) (import_invalid_cell)',
    );
    expect(r.stderr).toContain('sheet "bad", row 4, column C (Shares): "12.5k" is abbreviated');
    expect(r.stderr).toContain(
      'sheet "bad", row 5, column C (Shares): "1,5" is not a whole number of shares',
    );
  });

  it("IMP-12 a negative share count is refused at its cell", async () => {
    const r = await importFile("neg.csv", "Holder,Class,Shares\nAlice,Common,-100\nBob,Common,(200)\n", [
      "--date",
      "2024-01-01",
    ]);
    expectNothingWritten(r);
    expect(r.stderr).toContain(
      'sheet "neg", row 2, column C (Shares): "-100" is negative: a share count is zero or more (import_invalid_cell)',
    );
    expect(r.stderr).toContain('sheet "neg", row 3, column C (Shares): "(200)" is negative');
  });

  it("IMP-12 a fraction of a share in a numeric XLSX cell is refused", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Holdings");
    ws.addRow(["Holder", "Class", "Shares"]);
    ws.addRow(["Alice", "Common", 100.5]);
    const r = await importFile("f.xlsx", Buffer.from(await wb.xlsx.writeBuffer()), ["--date", "2024-01-01"]);
    expectNothingWritten(r);
    expect(r.stderr).toContain(
      'sheet "Holdings", row 2, column C (Shares): "100.5" is not a whole number of shares',
    );
  });

  it("IMP-61 a row whose class has no definition creates common stock, said as a warning", async () => {
    const r = await importFile("c.csv", "Holder,Class,Shares\nAlice,Common,100\nBob,Series Z,50\n", [
      "--date",
      "2024-01-01",
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(
      'c.csv: warning: sheet "c", row 3, column B (Class): class "Series Z" has no definition in the sheet (no class type, preference, participation or seniority); it is imported as common stock.',
    );
    expect(r.written).toContain("name: Series Z\n    type: common");
  });

  it("IMP-51 totals that do not add up: the total row's cell, its stated and computed values", async () => {
    const r = await importFile("s.xlsx", await summaryXlsx({ totalsWrong: true }), ["--date", "2022-06-15"]);
    expectNothingWritten(r);
    expect(r.stderr).toContain(
      's.xlsx: sheet "Cap table", row 8, column D (Options): the sheet\'s total is 1100000 but the column "Options" adds up to 1000000 (100000 more in the total); correct the total or the rows (import_total_mismatch)',
    );
  });

  it("IMP-52 a percentage that differs is a warning, and an error with --strict", async () => {
    const csv = "Holder,Class,Shares,% ownership\nAlice,Common,750,75%\nBob,Common,250,20%\n";
    const lenient = await importFile("p.csv", csv, ["--date", "2024-01-01"]);
    expect(lenient.code).toBe(0);
    expect(lenient.stderr).toContain(
      'p.csv: warning: sheet "p", row 3, column D (% ownership): states 20% (20.00%) but the imported shares give 25.00% of the fully diluted shares (250 of 1000), or 25.00% of the outstanding shares (250 of 1000)',
    );
    const strict = await importFile("p.csv", csv, ["--date", "2024-01-01", "--strict"]);
    expectNothingWritten(strict);
    expect(strict.stderr).toMatch(
      /p\.csv: sheet "p", row 3, column D \(% ownership\): states 20%.*\(import_percentage_mismatch\)/,
    );
  });

  it("IMP-52 a percentage is checked to the places it is written with", async () => {
    const csv = "Holder,Class,Shares,% FD\nAlice,Common,1,33.33%\nBob,Common,2,66.67%\n";
    const r = await importFile("third.csv", csv, ["--date", "2024-01-01", "--strict"]);
    expect(r.code).toBe(0);
    const off = await importFile("third.csv", csv.replace("33.33%", "33.32%"), [
      "--date",
      "2024-01-01",
      "--strict",
    ]);
    expect(off.code).toBe(1);
  });

  it("IMP-4 a PDF renamed .xlsx, random bytes, a damaged zip and an old .xls are named for what they are", async () => {
    const pdf = await importFile("cap.xlsx", Buffer.from("%PDF-1.7\n%âãÏÓ\n1 0 obj\n"));
    expectNothingWritten(pdf);
    expect(pdf.stderr).toContain(
      'cap.xlsx: sheet "cap.xlsx": is a PDF, not a spreadsheet: export the cap table as CSV or XLSX (import_not_spreadsheet)',
    );
    const random = Buffer.alloc(4096);
    for (let i = 0; i < random.length; i++) random[i] = (i * 7919 + 13) % 256;
    const noise = await importFile("noise.xlsx", random);
    expectNothingWritten(noise);
    expect(noise.stderr).toContain("is binary data, not a CSV or XLSX spreadsheet (import_not_spreadsheet)");
    const zip = await importFile(
      "broken.xlsx",
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), random]),
    );
    expectNothingWritten(zip);
    expect(zip.stderr).toMatch(
      /broken\.xlsx: sheet "broken\.xlsx": is not a readable XLSX workbook: the zip is damaged/,
    );
    const xls = await importFile(
      "old.xls",
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), random]),
    );
    expectNothingWritten(xls);
    expect(xls.stderr).toContain("is an old Excel 97–2003 file (.xls)");
  });

  it("IMP-5 a 50 MB file is refused before it is parsed", async () => {
    const r = await importFile("huge.csv", Buffer.alloc(50 * 1024 * 1024, "a"));
    expectNothingWritten(r);
    expect(r.stderr).toContain(
      'huge.csv: sheet "huge.csv": is 52428800 bytes, more than the limit of 20971520 bytes (20 MiB) for a spreadsheet (input_too_large)',
    );
  });

  it("IMP-34 an empty file, an empty sheet, and headers with no rows", async () => {
    const empty = await importFile("empty.csv", "");
    expectNothingWritten(empty);
    expect(empty.stderr).toContain("is empty: expected a CSV or XLSX spreadsheet");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Blank");
    const blank = await importFile("blank.xlsx", Buffer.from(await wb.xlsx.writeBuffer()));
    expectNothingWritten(blank);
    expect(blank.stderr).toContain(
      'blank.xlsx: sheet "Blank": is empty: there is no header row and no holdings (import_sheet_empty)',
    );
    const headersOnly = await importFile("h.csv", "Holder,Class,Shares\n");
    expectNothingWritten(headersOnly);
    expect(headersOnly.stderr).toContain(
      'sheet "h", row 1: has a header row but no rows of holdings under it (import_sheet_empty)',
    );
  });

  it("IMP-35 two columns for one field (duplicate headers) are refused, naming both", async () => {
    const r = await importFile("dup.csv", "Holder,Class,Shares,Number of shares\nAlice,Common,1,1\n", [
      "--date",
      "2024-01-01",
    ]);
    expectNothingWritten(r);
    expect(r.stderr).toContain(
      'dup.csv: sheet "dup", row 1, column D (Number of shares): this column and column 3 ("Shares") both hold the shares; remove one, or name the one to use in a mapping file (import_duplicate_header)',
    );
  });

  it("IMP-14 slash dates that read both ways need the order, and the order makes them read", async () => {
    const csv = "Holder,Class,Shares,Issue date\nAlice,Common,100,01/02/2024\nBob,Common,100,03/04/2024\n";
    const r = await importFile("d.csv", csv);
    expectNothingWritten(r);
    expect(r.stderr).toContain(
      'sheet "d", row 2, column D (Issue date): this date can be read day first or month first, and no date of the file shows which; give the order (--date-order dmy or mdy, or dateOrder: in the mapping file) (import_date_ambiguous)',
    );
    const dmy = await importFile("d.csv", csv, ["--date-order", "dmy"]);
    expect(dmy.code).toBe(0);
    expect(dmy.written).toContain("date: 2024-02-01");
    const shown = await importFile("d.csv", csv.replace("03/04/2024", "13/04/2024"));
    expect(shown.written).toContain("date: 2024-04-13");
  });

  it("IMP-63 holdings with no date need the date of the cap table", async () => {
    const r = await importFile("n.csv", "Holder,Class,Shares\nAlice,Common,100\n");
    expectNothingWritten(r);
    expect(r.stderr).toContain(
      'n.csv: sheet "n", row 2: 1 holding has no issue date (this one first); give the date of the cap table (--date YYYY-MM-DD) or an issue date column (import_missing_value)',
    );
  });

  it("IMP-13 an amount in another currency than the cap table's is refused at its cell", async () => {
    const r = await importFile("m.csv", "Holder,Class,Shares,Price per share\nAlice,Common,100,$1\n", [
      "--date",
      "2024-01-01",
      "--currency",
      "EUR",
    ]);
    expectNothingWritten(r);
    expect(r.stderr).toContain(
      'sheet "m", row 2, column D (Price per share): is in USD but the cap table is in EUR',
    );
  });
});
