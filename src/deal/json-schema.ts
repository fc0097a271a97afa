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
      if (jsonSchema.examples === undefined && jsonSchema.const !== undefined)
        jsonSchema.examples = [jsonSchema.const];
    },
  });
  return { ...readableDefinitionNames(inlineSingleUseDefinitions(schema)), title: "roundtable deal file" };
}

const ANNOTATIONS = new Set(["description", "examples", "default", "title", "deprecated"]);

/**
 * zod extracts the schema under each `.meta()` (its parent) as a definition of its own; a
 * generated definition used by one field only is put back in that field, so that the
 * published schema reads field by field. The field's own annotations (its description,
 * examples, default) win over the definition's; a field with any other keyword beside its
 * `$ref` keeps the reference.
 */
function inlineSingleUseDefinitions(schema: Record<string, unknown>): Record<string, unknown> {
  const defs = { ...((schema.$defs ?? {}) as Record<string, Record<string, unknown>>) };
  const uses = new Map<string, number>();
  const count = (node: unknown): void => {
    if (Array.isArray(node)) for (const item of node) count(item);
    else if (node !== null && typeof node === "object") {
      for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
        if (key === "$ref" && typeof value === "string") {
          const name = value.replace("#/$defs/", "");
          uses.set(name, (uses.get(name) ?? 0) + 1);
        } else count(value);
      }
    }
  };
  count(schema);
  const inlined = new Set<string>();
  const rewrite = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (node === null || typeof node !== "object") return node;
    const object = node as Record<string, unknown>;
    const ref = typeof object.$ref === "string" ? object.$ref.replace("#/$defs/", "") : undefined;
    if (ref !== undefined && GENERATED_NAME.test(ref) && uses.get(ref) === 1 && defs[ref] !== undefined) {
      const { $ref: _, ...siblings } = object;
      if (Object.keys(siblings).every((key) => ANNOTATIONS.has(key))) {
        inlined.add(ref);
        return rewrite({ ...defs[ref], ...siblings });
      }
    }
    return Object.fromEntries(
      Object.entries(object).map(([key, value]) => [key, key === "$defs" ? value : rewrite(value)]),
    );
  };
  const { $defs: _, ...root } = schema;
  const rewritten = rewrite(root) as Record<string, unknown>;
  const rewrittenDefs = Object.entries(defs).map(([name, def]) => [name, rewrite(def)] as const);
  const kept = Object.fromEntries(rewrittenDefs.filter(([name]) => !inlined.has(name)));
  return { ...rewritten, $defs: kept };
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
  const visitedNamed = new Set<string>();
  const visit = (node: unknown, context: string[]): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item, context);
      return;
    }
    if (node === null || typeof node !== "object") return;
    for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
      if (key === "$ref" && typeof value === "string") {
        const target = value.replace("#/$defs/", "");
        if (GENERATED_NAME.test(target)) {
          nameFor(target, context);
          visit(defs[target], [...context]);
        } else if (!visitedNamed.has(target)) {
          // A definition named by its `id` (Deal, ShareClass…): its parts are named after it.
          visitedNamed.add(target);
          visit(defs[target], [target]);
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
