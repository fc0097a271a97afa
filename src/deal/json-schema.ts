import * as z from "zod";
import { DealSchema, WorkspaceSchema } from "./schema.js";

/**
 * The published JSON Schema of deal files, generated from the same zod definitions that
 * validate them (STYLE 8): a file holds one company's deal, or a workspace of several.
 */
export function dealJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(z.union([DealSchema, WorkspaceSchema]), {
    io: "input",
    unrepresentable: "any",
    target: "draft-2020-12",
    reused: "ref",
    // zod drops `examples` of a transforming schema in input mode (they would show its
    // output); the deal format's examples are written as a file states them, so keep them.
    override: ({ zodSchema, jsonSchema }) => {
      const examples = z.globalRegistry.get(zodSchema)?.examples;
      if (Array.isArray(examples) && jsonSchema.examples === undefined) jsonSchema.examples = examples;
      // A constant (a transaction's type, the format version) is its own example.
      if (jsonSchema.examples === undefined && jsonSchema.const !== undefined) jsonSchema.examples = [jsonSchema.const];
    },
  });
  return { ...readableDefinitionNames(schema), title: "roundtable deal file" };
}

const GENERATED_NAME = /^__schema\d+$/;

/**
 * Gives the definitions zod names `__schema31` a readable name: the field that first uses
 * it, in document order, in PascalCase (`discount` → `Discount`, a list's item → `…Item`),
 * prefixed by its parent's name when that is taken. References are rewritten to match.
 */
function readableDefinitionNames(schema: Record<string, unknown>): Record<string, unknown> {
  const defs = (schema.$defs ?? {}) as Record<string, unknown>;
  const names = new Map<string, string>();
  const taken = new Set(Object.keys(defs).filter((k) => !GENERATED_NAME.test(k)));
  const pascal = (text: string) =>
    text
      .replace(/[^A-Za-z0-9]+(.)/g, (_, c: string) => c.toUpperCase())
      .replace(/^./, (c) => c.toUpperCase());
  const nameFor = (generated: string, context: readonly string[]) => {
    if (names.has(generated)) return;
    const words = context.filter((w) => w !== "properties" && w !== "anyOf" && !/^\d+$/.test(w));
    for (let n = 1; n <= words.length; n++) {
      const candidate = words.slice(-n).map(pascal).join("");
      if (candidate && !taken.has(candidate)) {
        names.set(generated, candidate);
        taken.add(candidate);
        return;
      }
    }
    let i = 2;
    const base = words.length > 0 ? words.map(pascal).join("") : "Definition";
    while (taken.has(`${base}${i}`)) i++;
    names.set(generated, `${base}${i}`);
    taken.add(`${base}${i}`);
  };
  const visit = (node: unknown, context: string[]): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item, context);
      return;
    }
    if (node === null || typeof node !== "object") return;
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      if (key === "$ref" && typeof value === "string") {
        const generated = value.replace("#/$defs/", "");
        if (GENERATED_NAME.test(generated)) {
          nameFor(generated, context);
          visit(defs[generated], [...context]);
        }
      } else if (key !== "$defs") {
        const word = key === "items" ? "item" : key;
        visit(
          value,
          key === "properties" || key === "anyOf" || key === "oneOf" ? context : [...context, word],
        );
      }
    }
  };
  visit(schema, []);
  for (const generated of Object.keys(defs)) if (GENERATED_NAME.test(generated)) nameFor(generated, []);
  const renamed = JSON.parse(
    JSON.stringify(schema).replace(
      /"#\/\$defs\/(__schema\d+)"/g,
      (_, g: string) => `"#/$defs/${names.get(g)}"`,
    ),
  ) as Record<string, unknown>;
  renamed.$defs = Object.fromEntries(
    Object.entries((renamed.$defs ?? {}) as Record<string, unknown>).map(([k, v]) => [names.get(k) ?? k, v]),
  );
  return renamed;
}

export function dealJsonSchemaText(): string {
  return `${JSON.stringify(dealJsonSchema(), null, 2)}\n`;
}
