import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isoDate } from "../../../src/core/shared/date.js";
import { dealYaml } from "../../../src/deal/serialize.js";
import { importSpreadsheet } from "../../../src/interchange/spreadsheet/index.js";
import { capTableOf } from "./fixtures.js";

const HOLDER_NAMES = [
  "Alice Martin",
  "Zoë Ålund",
  "Jean-Éric Dupont",
  "Seed Fund LP",
  "ACME Ventures II",
  "Ana",
  "Bob O'Brien",
  "李雷",
];
const CLASS_NAMES = ["Common", "Series A", "Actions ordinaires", "Class B (non-voting)", "ADP 2021"];

/** A generated cap table: holders × classes × share counts, as a deal written by hand would hold it. */
const capTables = fc
  .record({
    holders: fc.integer({ min: 1, max: HOLDER_NAMES.length }),
    classes: fc.integer({ min: 1, max: CLASS_NAMES.length }),
    seed: fc.array(fc.oneof(fc.constant(0n), fc.bigInt({ min: 1n, max: 10n ** 12n })), {
      minLength: 40,
      maxLength: 40,
    }),
  })
  .map(({ holders, classes, seed }) => ({
    holders: HOLDER_NAMES.slice(0, holders),
    classes: CLASS_NAMES.slice(0, classes),
    shares: HOLDER_NAMES.slice(0, holders).map((_, h) =>
      CLASS_NAMES.slice(0, classes).map((_, c) => seed[h * classes + c] ?? 0n),
    ),
  }))
  .filter((t) => t.shares.some((row) => row.some((n) => n > 0n)));

type CapTable = { holders: string[]; classes: string[]; shares: bigint[][] };

function dealOf(t: CapTable): string {
  const id = (prefix: string, i: number) => `${prefix}${i}`;
  const transactions = t.shares.flatMap((row, h) =>
    row.flatMap((n, c) =>
      n > 0n
        ? [{ date: "2024-01-01", type: "issue", holder: id("h", h), class: id("c", c), shares: String(n) }]
        : [],
    ),
  );
  return dealYaml(
    {
      roundtable: 1,
      company: { name: "Generated", currency: "USD" },
      stakeholders: t.holders.map((name, i) => ({ id: id("h", i), name })),
      classes: t.classes.map((name, i) => ({ id: id("c", i), name, type: "common" })),
      transactions,
    },
    "generated",
  );
}

/** The summary as roundtable's cap-table XLSX writes it: Holder | <class names…> | Total | % fully diluted. */
async function summaryOf(t: CapTable): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Cap table");
  ws.addRow(["Holder", ...t.classes, "Total", "% fully diluted"]);
  const totals = t.shares.map((row) => row.reduce((a, b) => a + b, 0n));
  const all = totals.reduce((a, b) => a + b, 0n);
  for (const [h, row] of t.shares.entries()) {
    if (totals[h] === 0n) continue;
    const line = ws.addRow([
      t.holders[h],
      ...row.map((n) => (n === 0n ? null : Number(n))),
      Number(totals[h]),
      Number(totals[h]) / Number(all),
    ]);
    line.getCell(t.classes.length + 3).numFmt = "0.00%";
  }
  const sums = t.classes.map((_, c) => t.shares.reduce((a, row) => a + row[c]!, 0n));
  const total = ws.addRow(["Total", ...sums.map(Number), Number(all), 1]);
  total.getCell(t.classes.length + 3).numFmt = "0.00%";
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe("round trip: a cap table written as a summary XLSX re-imports to the same cap table (IMP-70)", () => {
  it("IMP-70 generated holders × classes × shares → summary XLSX → import → the same cap table view", async () => {
    await fc.assert(
      fc.asyncProperty(capTables, async (t) => {
        const imported = await importSpreadsheet(await summaryOf(t), {
          sourceName: "generated.xlsx",
          company: "Generated",
          date: isoDate("2024-01-01"),
          strict: true,
        });
        if (!imported.ok) throw new Error(imported.problems.map((p) => p.message).join("\n"));
        expect(imported.value.layout).toBe("summary");
        expect(capTableOf(imported.value.yaml)).toEqual(capTableOf(dealOf(t)));
      }),
      { numRuns: 25, seed: 20261207 },
    );
  });
});
