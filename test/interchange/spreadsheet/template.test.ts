import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { importSpreadsheet } from "../../../src/interchange/spreadsheet/index.js";
import { capTableOf } from "./fixtures.js";

async function importExample(file: string) {
  const r = await importSpreadsheet(readFileSync(file), {
    sourceName: file,
    company: "Northwind Robotics, Inc.",
  });
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join("\n"));
  return r;
}

describe("the documented template (examples/captable-template.csv and .xlsx, IMP-31)", () => {
  it("IMP-31 the CSV and the XLSX generated from it give the same deal, every column used", async () => {
    const csv = await importExample("examples/captable-template.csv");
    const xlsx = await importExample("examples/captable-template.xlsx");
    const withoutSource = (yaml: string) =>
      yaml
        .split("\n")
        .filter((l) => !l.startsWith("#") && !l.includes("note: Imported from"))
        .join("\n");
    expect(withoutSource(xlsx.value.yaml)).toBe(withoutSource(csv.value.yaml));
    expect(csv.value.columns).toHaveLength(22);
    expect(csv.warnings).toEqual([]);
    expect(xlsx.value.sheet).toBe("Holdings");
  });

  it("IMP-60 the template's deal: classes with their terms, the pool, vesting, the SAFE and the warrant", async () => {
    const { value } = await importExample("examples/captable-template.csv");
    expect(value.document).toMatchObject({
      company: { name: "Northwind Robotics, Inc.", currency: "USD" },
      classes: [
        { id: "common", type: "common" },
        {
          id: "series-seed",
          type: "preferred",
          originalIssuePrice: "1",
          preference: { multiple: "1", seniority: "1", participation: "none" },
        },
      ],
      pools: [{ id: "option-pool", class: "common", reserved: "1000000" }],
      vesting: [{ id: "vesting-48m-cliff-12m", months: "48", cliffMonths: "12" }],
    });
    const txs = value.document.transactions as Record<string, unknown>[];
    expect(txs.find((t) => t.type === "safe")).toMatchObject({
      holder: "bridge-angels-llc",
      amount: "500000",
      cap: "12000000",
      discount: "0.2",
    });
    expect(txs.find((t) => t.type === "warrant")).toMatchObject({
      quantity: "50000",
      exercisePrice: "0.25",
      expires: "2031-09-01",
    });
    expect(txs.find((t) => t.type === "grant")).toMatchObject({
      holder: "priya-shah",
      pool: "option-pool",
      exercisePrice: "0.25",
      vesting: "vesting-48m-cliff-12m",
      vestingStart: "2024-05-01",
    });
    expect(capTableOf(value.yaml)).toMatchObject({
      totals: { outstanding: "11000000", fullyDiluted: "12050000" },
    });
  });
});
