import ExcelJS from "exceljs";
import { isoDate } from "../src/core/shared/date.js";
import { importSpreadsheet } from "../src/interchange/spreadsheet/index.js";
import type { BenchReport } from "./harness.js";

/**
 * `roundtable import` end to end, as the command runs it: the file's bytes read into
 * cells, the layout found, the deal built, loaded and replayed, the totals checked and
 * the YAML written to a string (the file write aside). Deterministic synthetic files.
 */
function templateCsv(rows: number): Buffer {
  const lines = ["Holder,Class,Shares,Price per share,Issue date"];
  for (let i = 0; i < rows; i++)
    lines.push(
      `Holder ${i},${i % 10 === 0 ? "Series A" : "Common"},${10_000 + i},0.01,2024-01-${String((i % 28) + 1).padStart(2, "0")}`,
    );
  return Buffer.from(`${lines.join("\n")}\n`);
}

async function summaryXlsx(holders: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Cap table");
  ws.addRow(["Holder", "Common", "Series A", "Total", "% fully diluted"]);
  let total = 0;
  const rows: [string, number, number][] = [];
  for (let i = 0; i < holders; i++) {
    const common = 10_000 + i;
    const a = i % 10 === 0 ? 5_000 : 0;
    rows.push([`Holder ${i}`, common, a]);
    total += common + a;
  }
  for (const [name, c, a] of rows)
    ws.addRow([name, c, a || null, c + a, (c + a) / total]).getCell(5).numFmt = "0.00%";
  ws.addRow(["Total", rows.reduce((s, r) => s + r[1], 0), rows.reduce((s, r) => s + r[2], 0), total, 1]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function median(fn: () => Promise<void>, runs: number): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

async function timeImport(bytes: Buffer, name: string, runs: number): Promise<number> {
  return median(async () => {
    const r = await importSpreadsheet(bytes, { sourceName: name, date: isoDate("2024-06-30") });
    if (!r.ok) throw new Error(r.problems[0]!.message);
  }, runs);
}

export default async function run(): Promise<BenchReport[]> {
  const csv = templateCsv(10_000);
  const xlsx = await summaryXlsx(2_000);
  return [
    {
      name: "roundtable import (spreadsheet to deal)",
      figures: [
        {
          label: "template CSV, 10,000 rows",
          value: Math.round(await timeImport(csv, "t.csv", 5)),
          unit: "ms",
        },
        {
          label: "summary XLSX, 2,000 holders × 2 classes",
          value: Math.round(await timeImport(xlsx, "s.xlsx", 5)),
          unit: "ms",
        },
      ],
      notes: [`file sizes: ${csv.length} bytes (CSV), ${xlsx.length} bytes (XLSX)`],
    },
  ];
}
