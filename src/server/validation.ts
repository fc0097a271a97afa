import type { FastifySchema, FastifySchemaCompiler } from "fastify";
import * as z from "zod";
import { issueMessage } from "../deal/load.js";
import { ApiError } from "./api-error.js";

const PART_NAMES: Record<string, string> = {
  body: "body",
  querystring: "query",
  params: "path",
  headers: "header",
};

/**
 * Validates each part of a request with the route's zod schema (SPEC API-2): the schema
 * is the one source of the validation, of the parsed value the handler receives and of
 * the OpenAPI document. A failure names every bad field: `query.round: is required`.
 */
export const zodValidatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  if (!(schema instanceof z.ZodType)) return (data: unknown) => ({ value: data });
  const part = PART_NAMES[httpPart ?? "body"] ?? "body";
  return (data: unknown) => {
    const parsed = schema.safeParse(data ?? (part === "body" ? undefined : {}));
    if (parsed.success) return { value: parsed.data };
    const problems = parsed.error.issues.map((issue) => {
      const path = [part, ...issue.path.filter((p): p is string | number => typeof p !== "symbol")];
      const key = issue.code === "unrecognized_keys" ? issue.keys[0] : undefined;
      return {
        code: "request_invalid" as const,
        message: issueMessage(issue, data),
        path: formatRequestPath(key === undefined ? path : [...path, key]),
      };
    });
    const first = problems[0]!;
    return { error: new ApiError("request_invalid", `${first.path}: ${first.message}`, problems) };
  };
};

function formatRequestPath(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
}

/** Turns a route's zod schemas into JSON Schemas for the OpenAPI document (STYLE 8). */
export function openApiTransform({ schema, url }: { schema: FastifySchema; url: string }) {
  if (!schema) return { schema, url };
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (value instanceof z.ZodType) {
      const json = z.toJSONSchema(value, { io: "input", unrepresentable: "any", target: "draft-2020-12" });
      const { $schema: _ignored, ...rest } = json as Record<string, unknown>;
      out[key] = rest;
    } else if (key === "response" && value && typeof value === "object") {
      out[key] = Object.fromEntries(
        Object.entries(value as Record<string, unknown>).map(([status, s]) => {
          if (!(s instanceof z.ZodType)) return [status, s];
          const { $schema: _ignored, ...rest } = z.toJSONSchema(s, {
            io: "output",
            unrepresentable: "any",
            target: "draft-2020-12",
          }) as Record<string, unknown>;
          return [status, rest];
        }),
      );
    } else {
      out[key] = value;
    }
  }
  return { schema: out as FastifySchema, url };
}
