import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { runDeal } from "../../src/core/round/timeline.js";
import { loadDeal, parseJsonKeepingNumberText } from "../../src/deal/load.js";
import { modelReport } from "../support/report-json.js";

function model(text: string, file: string) {
  const loaded = loadDeal(text, file);
  if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => d.message).join("; "));
  const run = runDeal(loaded.deal.ledger, loaded.deal.rounds);
  if (!run.ok) throw new Error(run.problems[0]!.message);
  return modelReport(loaded.deal, run.value.rounds.at(-1)!, run.warnings);
}

describe("JSON deal files (SPEC DEAL-1)", () => {
  it("keeps every number's text: 20-digit share counts and 0.1 stay exact", () => {
    const raw = parseJsonKeepingNumberText(
      '{"a": 12345678901234567890, "b": [0.1, -2.5e3], "c": "x\\"1\\"", "d": true}',
    );
    expect(raw).toEqual({ a: "12345678901234567890", b: ["0.1", "-2.5e3"], c: 'x"1"', d: true });
    expect(parseJsonKeepingNumberText("roundtable: 1")).toBeUndefined();
    expect(parseJsonKeepingNumberText("{ not json")).toBeUndefined();
  });

  it("a deal written as JSON gives the same model as its YAML", () => {
    const yamlText = readFileSync("examples/seed-to-series-a.yaml", "utf8");
    const jsonText = JSON.stringify(parse(yamlText), null, 2);
    expect(JSON.stringify(model(jsonText, "deal.json"))).toBe(JSON.stringify(model(yamlText, "deal.yaml")));
  });

  it("an error in a JSON deal still names its line and column", () => {
    const text =
      '{\n  "roundtable": 1,\n  "company": { "name": "X" },\n  "stakeholders": [\n    { "id": "a", "name": "A", "colour": "red" }\n  ]\n}\n';
    const loaded = loadDeal(text, "deal.json");
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.diagnostics[0]).toMatchObject({ message: 'unknown field "colour"', line: 5, column: 31 });
  });

  it("malformed JSON is reported as a syntax error with its position", () => {
    const loaded = loadDeal('{\n  "roundtable": 1,\n  "company": { "name": "X" ,\n}\n', "deal.json");
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.diagnostics[0]!.code).toBe("deal_syntax");
    expect(loaded.diagnostics[0]!.line).toBeGreaterThan(1);
  });
});
