import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/io.js";
import { run } from "../../src/cli/main.js";
import { type Currency, compactMoney } from "../../src/core/exact/money.js";
import { Rational } from "../../src/core/exact/rational.js";
import { exactMoneyText, percentText } from "../../src/render/figures.js";
import { cli } from "../support/cli.js";

const OPENAI = "examples/openai-round.yaml";
const SEED = "examples/seed-to-series-a.yaml";

function outDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), "roundtable-reports-"));
}

/** The text of a PDF as pdftotext (Debian's poppler-utils) extracts it, lines joined. */
function pdfText(file: string): string {
  return execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" }).replace(/[ \t]+/g, " ");
}

async function writeReport(args: readonly string[], ext: "pdf" | "xlsx"): Promise<string> {
  const file = path.join(outDir(), `report.${ext}`);
  const result = await cli([...args, "--format", ext, "--out", file]);
  expect(result.stderr).toContain(`wrote ${file}`);
  expect(result.code).toBe(0);
  expect(result.stdout).toBe("");
  return file;
}

async function json(args: readonly string[]) {
  const result = await cli([...args, "--format", "json"]);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

async function workbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

type CellContent = ExcelJS.CellValue;

/**
 * Computes the formulas the workbook writes (SUM over a range or a list, a quotient of two
 * cells), from the cells' read-back values: a reference evaluator, so that a test checks
 * the formula and not the result cached beside it.
 */
function evaluate(sheet: ExcelJS.Worksheet, formula: string): number {
  const cellValue = (ref: string): number => {
    const v = sheet.getCell(ref.replaceAll("$", "")).value as CellContent;
    if (v === null || v === undefined || v === "") return 0;
    if (typeof v === "number") return v;
    if (typeof v === "object" && "formula" in v) return evaluate(sheet, String(v.formula));
    throw new Error(`cell ${ref} is not a number: ${JSON.stringify(v)}`);
  };
  const range = /^SUM\(([A-Z]+)\$?(\d+):([A-Z]+)\$?(\d+)\)$/.exec(formula);
  if (range) {
    let total = 0;
    for (let r = Number(range[2]); r <= Number(range[4]); r++) total += cellValue(`${range[1]}${r}`);
    return total;
  }
  const list = /^SUM\((.+)\)$/.exec(formula);
  if (list) return list[1]!.split(",").reduce((t, ref) => t + cellValue(ref), 0);
  const quotient = /^(\$?[A-Z]+\$?\d+)\/(\$?[A-Z]+\$?\d+)$/.exec(formula);
  if (quotient) return cellValue(quotient[1]!) / cellValue(quotient[2]!);
  throw new Error(`unexpected formula ${formula}`);
}

function rowValues(sheet: ExcelJS.Worksheet, row: number): CellContent[] {
  return (sheet.getRow(row).values as CellContent[]).slice(1);
}

describe("PDF reports (SPEC REP-3)", () => {
  it("REP-3: model --format pdf has the company, the price per share, every holder and their ownership", async () => {
    const report = await json(["model", OPENAI]);
    const file = await writeReport(["model", OPENAI], "pdf");
    const text = pdfText(file);
    expect(text).toContain("OpenAI Group PBC");
    expect(text).toContain("Pro forma");
    expect(text).toContain("$77.50");
    // The key figures as people read them ($830B), each with its exact amount beside it.
    expect(text).toContain("Post-money valuation $830B $829,999,999,895.00");
    for (const [label, value] of [
      ["Pre-money valuation", report.round.preMoneyValuation],
      ["New money", report.round.newMoney],
      ["Post-money valuation", report.round.postMoneyValuation],
    ] as const) {
      const amount = { kind: "money" as const, currency: "USD" as Currency, amount: Rational.parse(value)! };
      expect(text).toContain(`${label} ${compactMoney(amount)} ${exactMoneyText(amount, 2)}`);
    }
    for (const h of report.holders) {
      expect(text).toContain(h.name);
      expect(text).toContain(percentText(Rational.parse(h.fullyDilutedAfter)!));
    }
    // Estimated amounts are marked in the title block.
    expect(text).toContain("Estimates: Some round amounts are estimates");
    // The scenario's claims by what they are about, not by their ids; two about one holder once.
    expect(text).toContain("Amazon + Nvidia + Microsoft, Amazon (2 claims), Nvidia");
    expect(text).not.toContain("trio-about-40");
  });

  it("REP-3: the same report gives the same bytes, with the fonts embedded and dated by the report", async () => {
    const a = readFileSync(await writeReport(["model", SEED], "pdf"));
    const b = readFileSync(await writeReport(["model", SEED], "pdf"));
    expect(a.equals(b)).toBe(true);
    const latin1 = a.toString("latin1");
    expect(latin1).toContain("/FontFile2");
    expect(latin1).not.toMatch(/\/BaseFont \/Helvetica/);
    const info = execFileSync("pdfinfo", ["-isodates", "-"], { input: a, encoding: "utf8" });
    expect(info).toMatch(/CreationDate:\s+2023-06-15T00:00:00/);
  });

  it("REP-3: charts are vector paths, not images", async () => {
    const file = await writeReport(["captable", SEED], "pdf");
    const images = execFileSync("pdfimages", ["-list", file], { encoding: "utf8" });
    expect(images.trim().split("\n")).toHaveLength(2); // the header lines only
  });

  it("REP-3: Letter pages with --page-size Letter", async () => {
    const file = path.join(outDir(), "letter.pdf");
    const result = await cli(["model", SEED, "--format", "pdf", "--out", file, "--page-size", "Letter"]);
    expect(result.code).toBe(0);
    expect(execFileSync("pdfinfo", [file], { encoding: "utf8" })).toMatch(
      /Page size:\s+612 x 792 pts \(letter\)/,
    );
  });

  it("REP-6: the exit report has the waterfall per class and holder, multiples and breakpoints", async () => {
    const at = await json(["exit", SEED, "--at", "50M"]);
    const file = await writeReport(["exit", SEED, "--at", "10M;50M"], "pdf");
    const text = pdfText(file);
    expect(text).toContain("Exit waterfall");
    expect(text).toContain("At an exit of $50M");
    expect(text).toContain("Breakpoints");
    for (const c of at.outcomes[0].classes) expect(text).toContain(c.name);
    for (const h of at.outcomes[0].holders.filter((x: { total: string }) => x.total !== "0"))
      expect(text).toContain(h.name);
    // Lead Ventures paid $4M for its Series A shares: 1.00x at $10M (a 1x preference), more at $50M.
    expect(text).toMatch(/Lead Ventures .*\$4M .*1\.00x/);
  });

  it("REP-6: the claims dossier has the sources, the evidence, the conflict in words and the ranges", async () => {
    const report = await json(["claims", OPENAI]);
    const text = pdfText(await writeReport(["claims", OPENAI], "pdf"));
    expect(text).toContain("Claims dossier");
    expect(report.conflicts.length).toBeGreaterThan(0);
    expect(text).toContain("cannot all hold");
    expect(text).toContain("Reading 1");
    expect(text).toContain("($20B, $50B]");
    expect(text).toContain("fonds géante");
  });

  it("REP-6: scenarios side by side and the Monte Carlo summary", async () => {
    const scenarios = await json(["scenarios", OPENAI]);
    const text = pdfText(await writeReport(["scenarios", OPENAI], "pdf"));
    for (const s of scenarios.scenarios) expect(text).toContain(s.scenario);
    expect(text).toContain("$830B");
    const sim = pdfText(await writeReport(["simulate", OPENAI, "--runs", "300", "--seed", "3"], "pdf"));
    expect(sim).toContain("Monte Carlo simulation");
    expect(sim).toContain("seed 3");
    expect(sim).toContain("P50");
    expect(sim).toContain("Post-money valuation: distribution over the sampled scenarios");
  });
});

describe("XLSX reports (SPEC REP-5)", () => {
  it("REP-5: the cap table's first sheet is Holder | classes | Total | % fully diluted, for the importer", async () => {
    const report = await json(["captable", SEED]);
    const wb = await workbook(await writeReport(["captable", SEED], "xlsx"));
    const sheet = wb.worksheets[0]!;
    expect(sheet.name).toBe("Cap table");
    const classes = report.classes.filter((c: { outstanding: string }) => c.outstanding !== "0");
    expect(rowValues(sheet, 1)).toEqual([
      "Holder",
      ...classes.map((c: { name: string }) => c.name),
      "Total",
      "% fully diluted",
    ]);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const holders = report.holders.filter(
      (h: { kind: string; outstanding: string }) => h.kind === "stakeholder" && h.outstanding !== "0",
    );
    expect(sheet.rowCount).toBe(holders.length + 1);
    const totalColumn = classes.length + 2;
    holders.forEach((h: { name: string; outstanding: string; fullyDilutedFraction: string }, i: number) => {
      const row = sheet.getRow(i + 2);
      expect(row.getCell(1).value).toBe(h.name);
      const total = row.getCell(totalColumn).value as { formula: string };
      expect(evaluate(sheet, total.formula)).toBe(Number(h.outstanding));
      expect(row.getCell(totalColumn).numFmt).toBe("#,##0");
      expect(row.getCell(totalColumn + 1).value).toBeCloseTo(Number(h.fullyDilutedFraction), 15);
      expect(row.getCell(totalColumn + 1).numFmt).toBe("0.00%");
    });
  });

  it("REP-5: the pro forma's numbers read back, and its formulas compute the report's fractions", async () => {
    const report = await json(["model", OPENAI]);
    const wb = await workbook(await writeReport(["model", OPENAI], "xlsx"));
    const sheet = wb.getWorksheet("Pro forma by holder")!;
    expect(rowValues(sheet, 3)).toEqual([
      "Holder",
      "FD shares before",
      "FD before",
      "FD shares after",
      "FD after",
      "Dilution",
      "Invested",
    ]);
    report.holders.forEach(
      (
        h: { name: string; fullyDilutedSharesAfter: string; fullyDilutedAfter: string; invested: string },
        i: number,
      ) => {
        const row = sheet.getRow(4 + i);
        expect(row.getCell(1).value).toBe(h.name);
        expect(row.getCell(4).value).toBe(Number(h.fullyDilutedSharesAfter));
        const ownership = row.getCell(5).value as { formula: string };
        expect(ownership.formula).toBe(`D${4 + i}/D$${4 + report.holders.length}`);
        expect(evaluate(sheet, ownership.formula)).toBeCloseTo(Number(h.fullyDilutedAfter), 15);
        if (h.invested !== "0") {
          expect(row.getCell(7).value).toBe(Number(h.invested));
          expect(row.getCell(7).numFmt).toBe('"$"#,##0.00');
        }
      },
    );
    const totalRow = sheet.getRow(4 + report.holders.length);
    expect(totalRow.getCell(1).value).toBe("Total");
    const total = totalRow.getCell(4).value as { formula: string };
    expect(evaluate(sheet, total.formula)).toBe(Number(report.round.fullyDilutedSharesAfter));
    expect(evaluate(sheet, (totalRow.getCell(7).value as { formula: string }).formula)).toBe(
      Number(report.round.newMoney),
    );
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
  });

  it("REP-5: an exit multiple is the formula total / invested", async () => {
    const wb = await workbook(await writeReport(["exit", SEED, "--at", "50M"], "xlsx"));
    const sheet = wb.getWorksheet("At an exit of $50M")!;
    let checked = 0;
    sheet.eachRow((row) => {
      const multiple = row.getCell(8).value;
      if (typeof multiple === "object" && multiple !== null && "formula" in multiple) {
        const formula = String(multiple.formula);
        const [num, den] = formula.split("/");
        expect(num).toMatch(/^F\d+$/);
        expect(den).toMatch(/^G\d+$/);
        expect(evaluate(sheet, formula)).toBeCloseTo(
          (row.getCell(6).value as number) / (row.getCell(7).value as number),
          12,
        );
        checked++;
      }
    });
    expect(checked).toBeGreaterThan(3);
  });
});

describe("report files: bad input (SPEC REP-7)", () => {
  it("REP-7: an unknown format is refused with the formats allowed", async () => {
    const result = await cli(["model", SEED, "--format", "docx", "--out", "x.docx"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/argument 'docx' is invalid.*table, json, csv, pdf, xlsx/);
  });

  it("REP-7: pdf and xlsx need --out, and --out needs pdf or xlsx", async () => {
    const missing = await cli(["model", SEED, "--format", "pdf"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--format pdf writes a file: name it with --out FILE");
    expect(missing.stdout).toBe("");
    const text = await cli(["captable", SEED, "--out", "x.pdf"]);
    expect(text.code).toBe(2);
    expect(text.stderr).toContain("--out writes a pdf or xlsx report");
  });

  it("REP-7: a folder that does not exist, or a folder as the file, is refused and nothing is written", async () => {
    const dir = outDir();
    const missing = await cli(["model", SEED, "--format", "pdf", "--out", path.join(dir, "no", "x.pdf")]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/cannot write .*x\.pdf: the folder .* does not exist \(file_unwritable\)/);
    const folder = await cli(["model", SEED, "--format", "xlsx", "--out", dir]);
    expect(folder.code).toBe(1);
    expect(folder.stderr).toContain("is a directory");
    expect(readdirSync(dir)).toEqual([]);
  });

  it("REP-7: a report that cannot be computed writes no file", async () => {
    const file = path.join(outDir(), "x.pdf");
    const result = await cli(["exit", SEED, "--at", "-5M", "--format", "pdf", "--out", file]);
    expect(result.code).not.toBe(0);
    expect(existsSync(file)).toBe(false);
    const sweep = await cli(["exit", SEED, "--sweep", "0..1B", "--format", "pdf", "--out", file]);
    expect(sweep.code).toBe(2);
    expect(sweep.stderr).toContain("--sweep and --ipo print text, JSON or CSV");
    expect(existsSync(file)).toBe(false);
  });

  it("REP-7: --out - writes to standard output, but never to a terminal", async () => {
    const chunks: (string | Uint8Array)[] = [];
    let stderr = "";
    const io = (isTTY: boolean): CliIo => ({
      stdout: { write: (t: string) => void chunks.push(t), isTTY },
      stderr: {
        write: (t: string) => {
          stderr += t;
        },
        isTTY: false,
      },
      cwd: process.cwd(),
      env: {},
      readText: (f) => readFileSync(f, "utf8"),
      readBytes: (f) => readFileSync(f),
      writeFileAtomic: () => {
        throw new Error("no file expected");
      },
      readStdin: () => Buffer.from(""),
    });
    expect(await run(["model", SEED, "--format", "pdf", "--out", "-"], io(true))).toBe(2);
    expect(stderr).toContain("refusing to write a pdf file to the terminal");
    expect(chunks).toEqual([]);
    expect(await run(["model", SEED, "--format", "pdf", "--out", "-"], io(false))).toBe(0);
    expect(
      Buffer.from(chunks[0] as Uint8Array)
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
  });
});
