import { readdirSync, readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { dealJsonSchemaText } from "../../src/deal/json-schema.js";

describe("the published JSON Schema (STYLE 8, SPEC DEAL-3)", () => {
  it("schema/deal.schema.json is what the deal format's definitions generate (run npm run schema after a change)", () => {
    expect(readFileSync("schema/deal.schema.json", "utf8")).toBe(dealJsonSchemaText());
  });

  it("every example, deal or workspace, is valid under it, and a misspelt field is not", () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(JSON.parse(dealJsonSchemaText()));
    const examples = readdirSync("examples").filter((f) => f.endsWith(".yaml"));
    expect(examples).toContain("ai-ecosystem.yaml");
    for (const f of examples) {
      const doc = parse(readFileSync(`examples/${f}`, "utf8"));
      expect(validate(doc), `${f}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
    }
    const bad = parse(readFileSync("examples/cloud-partners.yaml", "utf8"));
    bad.agreements[0].payor = bad.agreements[0].payer;
    expect(validate(bad)).toBe(false);
  });
});

describe("the deal-file JSON Schema explains itself (SPEC DEAL-1)", () => {
  it("DEAL-1: definitions have readable names, never zod's generated __schemaN", async () => {
    const { dealJsonSchema } = await import("../../src/deal/json-schema.js");
    const text = JSON.stringify(dealJsonSchema());
    expect(text).not.toMatch(/__schema\d/);
    const defs = Object.keys((dealJsonSchema() as { $defs: Record<string, unknown> }).$defs);
    for (const name of defs) expect(name).toMatch(/^[A-Z][A-Za-z0-9]*$/);
  });

  it("DEAL-1: a SAFE's and a note's discount say they are the discount (20%), not a rate of 80%", async () => {
    const { dealJsonSchema } = await import("../../src/deal/json-schema.js");
    const text = JSON.stringify(dealJsonSchema());
    expect(text).toContain("20% means the SAFE converts at 80% of the price (not a 'discount rate' of 80%)");
    expect(text).toContain("20% means the note converts at 80% of the price (not a 'discount rate' of 80%)");
  });
});
