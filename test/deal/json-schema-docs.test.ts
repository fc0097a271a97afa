import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { dealJsonSchema } from "../../src/deal/json-schema.js";

/**
 * DEAL-SCHEMA-1: the published deal-file JSON Schema explains itself. Every property of every
 * object, in `$defs` too, has a description and an example (its own, or those of the
 * definition it refers to), and no definition keeps a name zod generated (`__schema31`).
 */
type Node = Record<string, unknown>;

interface Gap {
  readonly path: string;
  readonly missing: "description" | "examples" | "a readable name";
}

function schemaDocGaps(schema: Node): Gap[] {
  const defs = (schema.$defs ?? {}) as Record<string, Node>;
  const gaps: Gap[] = [];
  for (const name of Object.keys(defs)) {
    if (/^__schema/.test(name)) gaps.push({ path: `$defs/${name}`, missing: "a readable name" });
  }
  const has = (node: Node, key: "description" | "examples", seen = new Set<string>()): boolean => {
    if (
      key === "examples"
        ? Array.isArray(node.examples) && node.examples.length > 0
        : typeof node[key] === "string" && node[key] !== ""
    )
      return true;
    const ref = node.$ref;
    if (typeof ref !== "string" || seen.has(ref)) return false;
    seen.add(ref);
    const target = defs[ref.replace("#/$defs/", "")];
    return target !== undefined && has(target, key, seen);
  };
  const visit = (node: unknown, path: string): void => {
    if (Array.isArray(node)) {
      for (const [i, item] of node.entries()) visit(item, `${path}[${i}]`);
      return;
    }
    if (node === null || typeof node !== "object") return;
    for (const [key, value] of Object.entries(node as Node)) {
      if (key === "$defs") continue;
      if (key === "properties" && value !== null && typeof value === "object") {
        for (const [name, property] of Object.entries(value as Record<string, Node>)) {
          const at = `${path}.${name}`;
          if (!has(property, "description")) gaps.push({ path: at, missing: "description" });
          if (!has(property, "examples")) gaps.push({ path: at, missing: "examples" });
          visit(property, at);
        }
      } else visit(value, key === "items" ? `${path}[]` : `${path}/${key}`);
    }
  };
  visit(schema, "#");
  for (const [name, def] of Object.entries(defs)) visit(def, `#/$defs/${name}`);
  return gaps;
}

const describeGaps = (gaps: readonly Gap[]) => gaps.map((g) => `${g.path}: no ${g.missing}`);

describe("DEAL-SCHEMA-1: the deal-file JSON Schema explains itself", () => {
  it("DEAL-SCHEMA-1: every property of every object, in $defs too, has a description and an example", () => {
    const schema = dealJsonSchema();
    expect(describeGaps(schemaDocGaps(schema))).toEqual([]);
    // The walk reaches every object: the deal's and the workspace's fields, and those of the
    // definitions (a SAFE's discount, a round's conventions, an estimate's bounds).
    const text = JSON.stringify(schema);
    for (const field of ['"discount"', '"noteInterestConverts"', '"p95"', '"agreements"', '"sellers"'])
      expect(text).toContain(field);
  });

  it("DEAL-SCHEMA-1: every example is valid for its field under the published schema", () => {
    const schema = dealJsonSchema();
    const defs = schema.$defs as Record<string, Node>;
    const ajv = new Ajv2020({ strict: false });
    const invalid: string[] = [];
    let checked = 0;
    const visit = (node: unknown, path: string): void => {
      if (Array.isArray(node)) {
        for (const [i, item] of node.entries()) visit(item, `${path}[${i}]`);
        return;
      }
      if (node === null || typeof node !== "object") return;
      const object = node as Node;
      if (Array.isArray(object.examples)) {
        const validate = ajv.compile({ ...object, $defs: defs });
        for (const example of object.examples) {
          checked++;
          if (!validate(example)) invalid.push(`${path}: ${JSON.stringify(example)}`);
        }
      }
      for (const [key, value] of Object.entries(object)) if (key !== "$defs") visit(value, `${path}/${key}`);
    };
    visit(schema, "#");
    for (const [name, def] of Object.entries(defs)) visit(def, `#/$defs/${name}`);
    expect(invalid).toEqual([]);
    expect(checked).toBeGreaterThan(300);
  });

  it("DEAL-SCHEMA-1: definitions have readable names: Amount, ShareClass, SafeTransaction…, never __schemaN", () => {
    const defs = Object.keys((dealJsonSchema() as { $defs: Record<string, unknown> }).$defs);
    expect(defs.filter((name) => /^__schema/.test(name))).toEqual([]);
    for (const name of ["Amount", "Shares", "Fraction", "Id", "IsoDate", "Decimal", "Multiple", "ShareClass"])
      expect(defs).toContain(name);
    for (const name of [
      "SafeTransaction",
      "ConvertibleNoteTransaction",
      "Investment",
      "Claim",
      "ExitSettings",
    ])
      expect(defs).toContain(name);
  });

  it("DEAL-SCHEMA-1: the check names each property without a description or an example, and a generated name", () => {
    const gaps = schemaDocGaps({
      type: "object",
      properties: {
        documented: { type: "string", description: "A field.", examples: ["x"] },
        bare: { type: "string" },
        viaRef: { $ref: "#/$defs/Amount" },
        nested: {
          type: "object",
          description: "An object.",
          examples: [{}],
          properties: { inner: { type: "number", description: "No example." } },
        },
      },
      $defs: {
        Amount: { type: "string", description: "Money.", examples: ["$5M"] },
        __schema31: { type: "object", properties: { rate: { type: "string", examples: ["8%"] } } },
      },
    });
    expect(describeGaps(gaps)).toEqual([
      "$defs/__schema31: no a readable name",
      "#.bare: no description",
      "#.bare: no examples",
      "#.nested.inner: no examples",
      "#/$defs/__schema31.rate: no description",
    ]);
  });

  it("DEAL-SCHEMA-1: a SAFE's and a note's discount is the discount (20%), not a discount rate of 80%", () => {
    const defs = (dealJsonSchema() as { $defs: Record<string, { properties: Record<string, Node> }> }).$defs;
    for (const instrument of ["SafeTransaction", "ConvertibleNoteTransaction"]) {
      const discount = defs[instrument]!.properties.discount!;
      expect(discount.description).toMatch(/^The discount off the round's price per share: 20% means/);
      expect(discount.description).toContain("at 80% of the price (not a 'discount rate' of 80%)");
      expect(discount.examples).toEqual(["20%", 0.2]);
    }
  });
});
