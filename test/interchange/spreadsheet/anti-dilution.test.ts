import { describe, expect, it } from "vitest";
import { antiDilutionOfText, readAntiDilution } from "../../../src/interchange/spreadsheet/cell-values.js";
import { recogniseHeader } from "../../../src/interchange/spreadsheet/headers.js";
import { importSpreadsheet, parseMapping } from "../../../src/interchange/spreadsheet/index.js";

const HEADER = "Holder,Class,Shares,Issue date,Price per share,Liquidation preference,Anti-dilution";

function csv(rows: readonly string[], header = HEADER): Uint8Array {
  return Buffer.from(`${[header, ...rows].join("\n")}\n`);
}

async function importCsv(bytes: Uint8Array, mappingYaml?: string) {
  const mapping = mappingYaml === undefined ? undefined : parseMapping(mappingYaml, "map.yaml");
  if (mapping !== undefined && !mapping.ok) throw new Error("mapping");
  return importSpreadsheet(bytes, {
    sourceName: "cap.csv",
    company: "Northwind SAS",
    ...(mapping?.ok ? { mapping: mapping.mapping } : {}),
  });
}

describe("IMP-44 a preferred class's anti-dilution term", () => {
  it("IMP-44 headers and words in English and French", () => {
    for (const h of ["Anti-dilution", "ANTI DILUTION", "Protection anti-dilution", "Clause anti-dilution"])
      expect(recogniseHeader(h)?.field, h).toBe("antiDilution");
    const cases: [string, string][] = [
      ["none", "none"],
      ["Aucune", "none"],
      ["Broad-based weighted average", "broad_based_weighted_average"],
      ["BBWA", "broad_based_weighted_average"],
      ["moyenne pondérée large", "broad_based_weighted_average"],
      ["narrow-based weighted average", "narrow_based_weighted_average"],
      ["Moyenne pondérée étroite", "narrow_based_weighted_average"],
      ["Full ratchet", "full_ratchet"],
      ["cliquet intégral", "full_ratchet"],
    ];
    for (const [text, term] of cases) expect(antiDilutionOfText(text), text).toBe(term);
    const bad = readAntiDilution({ text: "weighted" });
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.why).toBe(
        '"weighted" is not an anti-dilution term: write none, broad-based weighted average, narrow-based weighted average or full ratchet',
      );
  });

  it("IMP-44 a stated term is written on the class; an unstated one is the NVCA default, said as a warning", async () => {
    const r = await importCsv(
      csv([
        "Ada Founder,Common,8000000,2024-01-10,0.0001,,",
        "Seed Fund,Series Seed,2000000,2024-03-15,1.00,1x,full ratchet",
        "Growth Fund,Series A,1000000,2025-03-15,4.00,1x,",
      ]),
    );
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join("\n"));
    expect(r.value.yaml).toMatch(/name: Series Seed[\s\S]*?antiDilution: full_ratchet/);
    expect(r.value.yaml).toMatch(/name: Series A[\s\S]*?antiDilution: broad_based_weighted_average/);
    const assumed = r.warnings.filter((w) => w.code === "import_value_assumed");
    expect(assumed.map((w) => w.message)).toEqual([
      'sheet "cap", row 4, column B (Class): preferred class "Series A" states no anti-dilution term: broad-based weighted average is written, the NVCA model charter\'s default (SPEC CLS-4); add an anti-dilution column (or the mapping file\'s classes: section) with none, narrow-based weighted average or full ratchet if its terms differ',
    ]);
  });

  it("IMP-44 the mapping file's classes: section states it too; a word it does not know is refused, nothing written", async () => {
    const header = "Holder,Class,Shares,Issue date,Price per share";
    const rows = [
      "Ada Founder,Common,8000000,2024-01-10,0.0001",
      "Seed Fund,Series Seed,2000000,2024-03-15,1.00",
    ];
    const good = await importCsv(
      csv(rows, header),
      'classes:\n  "Series Seed": { type: preferred, antiDilution: "narrow-based weighted average" }\n',
    );
    if (!good.ok) throw new Error(good.problems.map((p) => p.message).join("\n"));
    expect(good.value.yaml).toMatch(/antiDilution: narrow_based_weighted_average/);
    expect(good.warnings.filter((w) => w.code === "import_value_assumed")).toEqual([]);
    const bad = await importCsv(
      csv(rows, header),
      'classes:\n  "Series Seed": { type: preferred, antiDilution: "sometimes" }\n',
    );
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.problems.map((p) => p.message)).toContain(
        'sheet "cap", row 3, column B (Class): the mapping file gives class "Series Seed" the anti-dilution term "sometimes": write none, broad-based weighted average, narrow-based weighted average or full ratchet',
      );
  });

  it("IMP-44 a cell that is not a term names its sheet, row and column", async () => {
    const r = await importCsv(csv(["Seed Fund,Series Seed,2000000,2024-03-15,1.00,1x,weighted"]));
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.problems.map((p) => p.message)).toContain(
        'sheet "cap", row 2, column G (Anti-dilution): "weighted" is not an anti-dilution term: write none, broad-based weighted average, narrow-based weighted average or full ratchet',
      );
  });
});
