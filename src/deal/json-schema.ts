import * as z from "zod";
import { DealSchema } from "./schema.js";

/** The published JSON Schema of deal files, generated from the same zod definitions that validate them (STYLE 8). */
export function dealJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(DealSchema, { io: "input", unrepresentable: "any", target: "draft-2020-12" });
  return { ...schema, title: "roundtable deal file" };
}

export function dealJsonSchemaText(): string {
  return `${JSON.stringify(dealJsonSchema(), null, 2)}\n`;
}
