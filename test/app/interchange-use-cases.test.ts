import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { captable } from "../../src/app/captable.js";
import { spreadsheetImport } from "../../src/app/import.js";
import { ocfExport } from "../../src/app/ocf-export.js";
import { ocfImport } from "../../src/app/ocf-import.js";
import { parseInput } from "../../src/app/use-case.js";
import { zipPackage } from "../../src/interchange/ocf/index.js";
import { capTableJson } from "../../src/report/captable-report.js";
import { dealFrom } from "../support/deal.js";

/**
 * import, import-ocf and export-ocf as use cases (APP-1): what the CLI and the server call,
 * run here as the library runs them, on bytes in memory.
 */
describe("the interchange use cases", () => {
  const csv = new Uint8Array(readFileSync("examples/captable-template.csv"));

  it("import: the template reads into a deal that loads; its input is the API's query fields", async () => {
    const input = parseInput(spreadsheetImport, {
      company: "Template Co",
      currency: "USD",
      date: "2025-06-30",
    });
    if (!input.ok) throw new Error(input.problems[0]!.message);
    expect(input.value.strict).toBe(false);
    const imported = await spreadsheetImport.run({ bytes: csv, name: "captable-template.csv" }, input.value);
    if (!imported.ok) throw new Error(imported.problems[0]!.message);
    expect(imported.value.layout).toBe("template");
    expect(imported.value.counts.holders).toBeGreaterThan(3);
    const json = spreadsheetImport.json(imported.value, ["w"]);
    expect(Object.keys(json)).toEqual([
      "document",
      "yaml",
      "layout",
      "sheet",
      "headerRow",
      "columns",
      "counts",
      "warnings",
    ]);
    expect(dealFrom(imported.value.yaml).ledger.company.name).toBe("Template Co");
  });

  it("import: a wrong field is refused by the schema; a bad mapping is the mapping's problem, by its name", async () => {
    const bad = parseInput(spreadsheetImport, { currency: "usd", date: "30/06/2025" });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems.map((p) => p.path?.[0])).toEqual(["currency", "date"]);
    const input = parseInput(spreadsheetImport, { mapping: "columns: [1, 2" });
    if (!input.ok) throw new Error("input");
    const imported = await spreadsheetImport.run(
      { bytes: csv, name: "captable-template.csv", mappingName: "my-map.yaml" },
      input.value,
    );
    expect(imported.ok).toBe(false);
    if (!imported.ok) {
      expect(imported.about).toBe("mapping");
      expect(imported.problems[0]!.code).toBe("import_mapping_invalid");
      expect(imported.problems[0]!.message).toContain("my-map.yaml");
    }
  });

  it("export-ocf then import-ocf in memory gives back the same cap table; a modelled round is listed", async () => {
    const deal = dealFrom(readFileSync("examples/seed-to-series-a.yaml", "utf8"));
    const exported = ocfExport.run(
      deal,
      { onInconsistency: "fail", country: "US", includeModelled: false },
      { generatedAt: "2024-01-01T00:00:00Z" },
    );
    if (!exported.ok) throw new Error(exported.problems[0]!.message);
    expect(exported.value.modelled.notExported.map((r) => r.id)).toEqual(["series-a"]);
    expect(ocfExport.json(exported.value, "out.zip")).toMatchObject({ out: "out.zip", includedModelled: [] });
    // With the modelled round written in as close-round would record it, the package holds the pro forma.
    const withRound = ocfExport.run(
      deal,
      { onInconsistency: "fail", country: "US", includeModelled: true },
      { generatedAt: "2024-01-01T00:00:00Z" },
    );
    if (!withRound.ok) throw new Error(withRound.problems[0]!.message);
    expect(withRound.value.modelled.included.map((r) => r.id)).toEqual(["series-a"]);
    const imported = await ocfImport.run(
      { kind: "zip", name: "seed.ocf.zip", bytes: zipPackage(withRound.value.files) },
      { onInconsistency: "fail" },
    );
    if (!imported.ok) throw new Error(imported.problems[0]!.message);
    expect(imported.value.text.startsWith("# Imported from an Open Cap Format package.")).toBe(true);
    const before = await captable.run(deal, captable.input.parse({}));
    const after = await captable.run(dealFrom(imported.value.text), captable.input.parse({}));
    if (!before.ok || !after.ok) throw new Error("captable");
    const rows = (r: typeof before.value) => capTableJson(r).holders.map((h) => [h.id, h.fullyDiluted]);
    expect(rows(after.value)).toEqual(rows(before.value));
  });

  it("export-ocf: a failure says whether it is the deal's or the package's", () => {
    const deal = dealFrom(
      readFileSync("examples/seed-to-series-a.yaml", "utf8").replace(/\n {2}formed: .*\n/, "\n"),
    );
    const exported = ocfExport.run(deal, { onInconsistency: "fail", country: "US", includeModelled: false });
    expect(exported.ok).toBe(false);
    if (!exported.ok) {
      expect(exported.about).toBe("package");
      expect(exported.problems[0]!.message).toContain("formation date");
    }
    // What the deal kept from an import, unreadable, is the deal's problem.
    const kept = dealFrom(
      `${readFileSync("examples/seed-to-series-a.yaml", "utf8")}\nocfPreserved: "{not json"\n`,
    );
    const unreadable = ocfExport.run(kept, {
      onInconsistency: "fail",
      country: "US",
      includeModelled: false,
    });
    expect(unreadable.ok).toBe(false);
    if (!unreadable.ok) {
      expect(unreadable.about).toBe("deal");
      expect(unreadable.problems[0]!.path).toEqual(["ocfPreserved"]);
    }
  });
});
