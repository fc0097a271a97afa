import * as jsYaml from "js-yaml";
import {
  type Document,
  isCollection,
  isMap,
  isPair,
  isScalar,
  LineCounter,
  parseDocument,
  visit,
} from "yaml";
import type * as z from "zod";
import { LIMITS } from "../core/shared/limits.js";
import { type Message, message, say } from "../core/shared/messages.js";
import type { FieldPath } from "../core/shared/problem.js";
import { buildDeal, type Deal } from "./build.js";
import { type Diagnostic, diagnosticFrom } from "./diagnostics.js";
import { DealSchema } from "./schema.js";
import { type YamlPlainResult, yamlToPlain } from "./yaml-plain.js";

export type LoadResult =
  | {
      readonly ok: true;
      readonly deal: Deal;
      readonly warnings: readonly Diagnostic[];
      /** The parsed YAML document (parsed on first use), for writers that keep comments and order. */
      readonly yaml: () => Document.Parsed;
      /** The line and column of a field path in the file, for problems found later (running the deal). */
      readonly locate: (path: FieldPath) => { line: number; column: number } | undefined;
    }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

interface Located {
  readonly line: number;
  readonly column: number;
}

function locator(doc: Document.Parsed, lines: LineCounter) {
  return (path: FieldPath, key?: string): Located | undefined => {
    // Walk down as far as the path exists: a missing field is reported at its parent.
    let node: unknown = doc.contents;
    let best: [number, number, number] | null | undefined = (
      doc.contents as { range?: [number, number, number] } | null
    )?.range;
    for (const part of path) {
      if (!isCollection(node)) break;
      const next: unknown = node.get(part, true);
      if (next === undefined) {
        if (isMap(node)) {
          const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === part);
          if (pair && isScalar(pair.key)) best = pair.key.range;
        }
        break;
      }
      node = next;
      const range = (next as { range?: [number, number, number] }).range;
      if (range) best = range;
    }
    if (key !== undefined && isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
      if (pair && isScalar(pair.key) && pair.key.range) best = pair.key.range;
    }
    if (!best) return undefined;
    const pos = lines.linePos(best[0]);
    return { line: pos.line, column: pos.col };
  };
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const part of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[part as string];
  }
  return v;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string")
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  return String(value);
}

/** The first custom message found anywhere in a union's branch errors: the most specific explanation. */
function deepestCustom(issue: z.core.$ZodIssue): string | undefined {
  if (issue.code === "custom") return issue.message;
  if (issue.code === "invalid_union") {
    for (const branch of issue.errors) {
      for (const inner of branch) {
        const found = deepestCustom(inner);
        if (found) return found;
      }
    }
  }
  return undefined;
}

/**
 * Replaces a union's failure by the failures of the branch that fits best: one whose
 * problems lie inside the value (the value had that branch's shape) or carry a custom
 * explanation; discriminated unions are kept, their message names the options.
 */
export function flattenIssues(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== "invalid_union" || ("discriminator" in issue && issue.discriminator)) return [issue];
  const branches = issue.errors.filter((b) => b.length > 0);
  const inside = branches.find((b) => b.every((i) => i.path.length > 0 || i.code === "unrecognized_keys"));
  const custom = branches.find((b) => b.some((i) => deepestCustom(i) !== undefined));
  const best = inside ?? custom;
  if (!best) return [issue];
  return best.flatMap((i) => flattenIssues({ ...i, path: [...issue.path, ...i.path] } as z.core.$ZodIssue));
}

const detailOf = (detail: Message | undefined) => (detail ? { detail } : {});

/** Turns a zod issue into a sentence a user can act on (SPEC DEAL-2). */
export function issueMessage(issue: z.core.$ZodIssue, input: unknown): string {
  const detail = issueDetail(issue, input);
  if (detail) return say(detail);
  if (issue.code === "invalid_union") return deepestCustom(issue) ?? issue.message;
  if (issue.code === "invalid_format") return `${issue.message}, got ${describe(valueAt(input, issue.path))}`;
  return issue.message;
}

/**
 * A zod issue's message as data (a key and its parameters, src/core/shared/messages.ts), or
 * undefined for a schema's own custom message, which is given as it is.
 */
export function issueDetail(issue: z.core.$ZodIssue, input: unknown): Message | undefined {
  const value = valueAt(input, issue.path);
  const got = describe(value);
  switch (issue.code) {
    case "invalid_type":
      return value === undefined
        ? message("field_required", {})
        : message("field_expected", { expected: issue.expected, got });
    case "unrecognized_keys":
      return message("field_unknown", { keys: issue.keys });
    case "invalid_value":
      return message("field_must_be", { values: issue.values.map((v) => JSON.stringify(v)), got });
    case "invalid_union": {
      if ("discriminator" in issue && issue.discriminator) {
        const options = ((issue as { options?: unknown[] }).options ?? []).map((o) => JSON.stringify(o));
        return value === undefined
          ? message("field_required", { options })
          : message("field_unknown_kind", { discriminator: issue.discriminator, got, options });
      }
      if (value === undefined) return message("field_required", {});
      return deepestCustom(issue) === undefined ? message("field_wrong_form", { got }) : undefined;
    }
    case "too_small":
      if (issue.origin === "array") return message("field_min_items", { min: Number(issue.minimum) });
      if (issue.origin === "string") return message("field_not_empty", {});
      return message("field_at_least", { min: String(issue.minimum), got });
    case "too_big":
      if (issue.origin === "string") return message("field_too_long", { max: String(issue.maximum) });
      if (issue.origin === "array") return message("field_too_many", { max: String(issue.maximum) });
      return message("field_at_most", { max: String(issue.maximum), got });
    case "invalid_format":
      return issue.message.startsWith("Invalid") ? message("field_wrong_format", { got }) : undefined;
    default:
      return undefined;
  }
}

/**
 * Reads JSON text with every number kept as its text (numbers become strings before
 * JSON.parse), or returns undefined when the text is not JSON. JSON is far faster to read
 * this way than through the YAML parser; positions are found later, only when needed.
 */
export function parseJsonKeepingNumberText(text: string): unknown {
  if (!/^\s*[{[]/.test(text)) return undefined;
  const quoted = text.replace(/"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g, (token) =>
    token.startsWith('"') ? token : `"${token}"`,
  );
  try {
    return JSON.parse(quoted);
  } catch {
    return undefined;
  }
}

/**
 * The fast YAML path's schema: YAML 1.2's core schema without its number types, so that
 * every number stays the text the user wrote (as the full path keeps it), with null and
 * booleans resolved as the core schema resolves them; no timestamps, no merge keys (as in
 * YAML 1.2, which the full path reads).
 */
// js-yaml exports its built-in types for custom schemas; its type declarations leave them out.
const yamlTypes = (jsYaml as unknown as { types: Record<"null" | "bool", jsYaml.Type> }).types;
const FAST_YAML_SCHEMA = jsYaml.FAILSAFE_SCHEMA.extend({ implicit: [yamlTypes.null, yamlTypes.bool] });

/**
 * Reads YAML text into plain data with `js-yaml`, which builds no syntax tree and keeps no
 * source positions: several times faster than the full parser on a large deal (issue 19).
 * Returns undefined whenever the full parser should decide: on any error (the full parser
 * then reports it with its line and column), and for text with anchors or aliases (the
 * full parser limits how far aliases expand). A test checks that both paths give the same
 * data on every example deal and on generated documents.
 */
export function parseYamlFast(text: string): unknown {
  if (text.includes("&") || text.includes("*")) return undefined;
  try {
    return jsYaml.load(text, { schema: FAST_YAML_SCHEMA });
  } catch {
    return undefined;
  }
}

/** Reads YAML text with the full parser (positions, every check), numbers kept as their text. */
export function parseYamlFull(
  text: string,
): { ok: true; value: unknown } | { ok: false; doc: Document.Parsed } {
  const { doc } = parseYaml(text);
  if (doc.errors.length > 0) return { ok: false, doc };
  const plain = toDataKeepingNumberText(doc);
  if (!plain.ok) throw new Error(plain.problem.message);
  return { ok: true, value: plain.value };
}

function toDataKeepingNumberText(doc: Document.Parsed): YamlPlainResult {
  // Keep every number as the text the user wrote, so that no value passes through a float.
  visit(doc, {
    Scalar(_key, node) {
      if ((typeof node.value === "number" || typeof node.value === "bigint") && node.source !== undefined) {
        node.value = node.source;
      }
    },
  });
  // Aliases bounded by their expanded size before any value is built (SPEC SRV-5).
  return yamlToPlain(doc);
}

interface ParsedYaml {
  readonly doc: Document.Parsed;
  readonly lines: LineCounter;
}

function parseYaml(text: string): ParsedYaml {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true, strict: true });
  return { doc, lines };
}

function syntaxDiagnostics(doc: Document.Parsed, text: string, file: string): Diagnostic[] {
  return doc.errors.map((e) => {
    const pos = e.linePos?.[0];
    const firstLine = e.message.split("\n")[0]!.replace(/ at line \d+, column \d+.*$/, "");
    const sourceLine = pos ? (text.split(/\r?\n/)[pos.line - 1] ?? "") : "";
    // In a flow mapping { ... } a comma ends an entry, so "$2,000,000" splits apart.
    const hint = /\{[^}]*\d,\d{3}/.test(sourceLine)
      ? "; inside { } a comma separates entries, so quote amounts written with commas, as in '$2,000,000'"
      : "";
    return {
      code: "deal_syntax" as const,
      message: `${firstLine}${hint}`,
      detail: message("yaml_syntax", { detail: `${firstLine}${hint}`, commas: hint !== "" }),
      severity: "error" as const,
      file,
      ...(pos ? { line: pos.line, column: pos.col } : {}),
    };
  });
}

/** A document's text parsed into plain data, with a way to find where a field stands in the text. */
export interface ParsedText {
  readonly raw: Record<string, unknown>;
  readonly locate: (path: FieldPath, key?: string) => { line: number; column: number } | undefined;
  readonly yaml: () => Document.Parsed;
}

/**
 * Parses a deal or workspace file's text (YAML or JSON) into plain data with every number
 * kept as the text the user wrote, or syntax diagnostics with their line and column.
 */
export function parseDealText(
  text: string,
  file: string,
): { ok: true; value: ParsedText } | { ok: false; diagnostics: Diagnostic[] } {
  // The deal layer runs in browsers too: no Node APIs here.
  if (new TextEncoder().encode(text).length > LIMITS.dealFileBytes) {
    return {
      ok: false,
      diagnostics: [
        {
          code: "input_too_large",
          message: `the deal file is larger than the ${LIMITS.dealFileBytes / (1024 * 1024)} MiB limit`,
          severity: "error",
          file,
        },
      ],
    };
  }
  let yaml: ParsedYaml | undefined;
  const yamlOf = (): ParsedYaml => {
    yaml ??= parseYaml(text);
    return yaml;
  };
  // JSON first, then the fast YAML reader; the full YAML parser, with positions, only when
  // those cannot decide (an error to report, anchors) or when a position is asked for.
  let raw: unknown = parseJsonKeepingNumberText(text) ?? parseYamlFast(text);
  if (raw === undefined) {
    const { doc } = yamlOf();
    if (doc.errors.length > 0) return { ok: false, diagnostics: syntaxDiagnostics(doc, text, file) };
    const plain = toDataKeepingNumberText(doc);
    if (!plain.ok) {
      const pos =
        plain.problem.offset === undefined ? undefined : yamlOf().lines.linePos(plain.problem.offset);
      return {
        ok: false,
        diagnostics: [
          {
            code: plain.problem.code,
            message: plain.problem.message,
            severity: "error",
            file,
            ...(pos ? { line: pos.line, column: pos.col } : {}),
          },
        ],
      };
    }
    raw = plain.value;
  }
  const locate = (path: FieldPath, key?: string) => {
    const { doc, lines } = yamlOf();
    return doc.errors.length > 0 ? undefined : locator(doc, lines)(path, key);
  };
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    return {
      ok: false,
      diagnostics: [
        {
          code: "deal_syntax",
          message: "a deal file is a mapping with at least roundtable: 1 and company (or workspace)",
          severity: "error",
          file,
          line: 1,
          column: 1,
        },
      ],
    };
  }
  return { ok: true, value: { raw: raw as Record<string, unknown>, locate, yaml: () => yamlOf().doc } };
}

/** Validates parsed data against a schema, turning every issue into a located diagnostic (DEAL-2). */
export function validateAgainst<T>(
  schema: z.ZodType<T>,
  parsed: ParsedText,
  file: string,
  prefix: FieldPath = [],
): { ok: true; value: T } | { ok: false; diagnostics: Diagnostic[] } {
  const result = schema.safeParse(parsed.raw);
  if (result.success) return { ok: true, value: result.data };
  return {
    ok: false,
    diagnostics: result.error.issues.flatMap(flattenIssues).map((issue) => {
      const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
      const key = issue.code === "unrecognized_keys" ? issue.keys[0] : undefined;
      const where = parsed.locate(path, key);
      const fieldPath = key === undefined ? path : [...path, key];
      return {
        code: "deal_invalid_field" as const,
        message: issueMessage(issue, parsed.raw),
        ...detailOf(issueDetail(issue, parsed.raw)),
        severity: "error" as const,
        file,
        path: [...prefix, ...fieldPath],
        ...(where ? { line: where.line, column: where.column } : {}),
      };
    }),
  };
}

/**
 * Reads a deal file's text (YAML or JSON; JSON is read as YAML 1.2) into a validated,
 * built deal, or a list of diagnostics naming the file, the line and column, the field
 * path and what is wrong (SPEC DEAL-2). Pure: the caller reads the file.
 */
/** A file of the other kind (a workspace where a deal is expected, or the reverse), reported at its first line. */
export function wrongFileKind(
  file: string,
  text: string | Message,
): { ok: false; diagnostics: Diagnostic[] } {
  const worded = typeof text === "string" ? { message: text } : { message: say(text), detail: text };
  return {
    ok: false,
    diagnostics: [{ code: "deal_invalid_field", ...worded, severity: "error", file, line: 1, column: 1 }],
  };
}

export function loadDeal(text: string, file: string): LoadResult {
  const parsed = parseDealText(text, file);
  if (!parsed.ok) return parsed;
  if ("workspace" in parsed.value.raw) {
    return wrongFileKind(file, message("wrong_file_kind", { got: "workspace" }));
  }
  const validated = validateAgainst(DealSchema, parsed.value, file);
  if (!validated.ok) return validated;
  const { locate } = parsed.value;
  const built = buildDeal(validated.value);
  if (!built.ok)
    return { ok: false, diagnostics: built.problems.map((p) => diagnosticFrom(p, file, locate)) };
  return {
    ok: true,
    deal: built.value,
    warnings: built.warnings.map((p) => diagnosticFrom(p, file, locate)),
    yaml: parsed.value.yaml,
    locate: (path: FieldPath) => locate(path),
  };
}
