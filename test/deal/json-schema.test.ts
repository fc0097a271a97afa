import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { dealJsonSchemaText } from "../../src/deal/json-schema.js";

describe("the published JSON Schema (STYLE 8, SPEC DEAL-3)", () => {
  it("schema/deal.schema.json is what the deal format's definitions generate (run npm run schema after a change)", () => {
    expect(readFileSync("schema/deal.schema.json", "utf8")).toBe(dealJsonSchemaText());
  });
});
