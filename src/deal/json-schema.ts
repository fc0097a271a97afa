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
  });
  return { ...schema, title: "roundtable deal file" };
}

export function dealJsonSchemaText(): string {
  return `${JSON.stringify(dealJsonSchema(), null, 2)}\n`;
}
