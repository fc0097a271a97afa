import { readdirSync, readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import addFormatsModule, { type FormatsPlugin } from "ajv-formats";
import { fail, ok, type Problem, type Result } from "../../core/shared/problem.js";
import { isJsonObject, type Json, type JsonObject, jsonPointer, pointerSegments } from "./json.js";
import {
  OCF_FILE_KIND_SPECS,
  OCF_FILE_KINDS,
  OCF_MANIFEST_SCHEMA_FILE,
  OCF_VERSION,
  type OcfFileKind,
} from "./model.js";
import { itemLocation, ocfProblem } from "./problems.js";

// ajv-formats is CommonJS; its default export is the plugin function, which also carries itself as `default`.
const addFormats = (addFormatsModule as unknown as { default: FormatsPlugin }).default;

/** Every official schema's $id is this prefix plus its path under schema/ (OCF-VAL-1). */
export const OCF_SCHEMA_ID_PREFIX = `https://schema.opencaptablecoalition.com/v/${OCF_VERSION}/`;

/**
 * The transactions file schema of OCF 1.2.0 leaves this object type out of its `oneOf`, though
 * the object schema exists and the official sample uses it; it is accepted there (OCF-VAL-3).
 */
const TRANSACTION_TYPES_MISSING_FROM_FILE_SCHEMA = ["TX_ISSUER_AUTHORIZED_SHARES_ADJUSTMENT"];

/** Errors reported per object at most, so that one bad object does not drown the rest. */
const ERRORS_PER_OBJECT = 3;

/** The official OCF schemas, compiled, with what each file kind may hold. */
export interface OcfSchemas {
  /** The folder the schemas were read from; undefined for roundtable's own checks (OCF-VAL-4). */
  readonly dir: string | undefined;
  /** Schema violations of a manifest (OCF-VAL-2). */
  validateManifest(file: string, json: Json): Problem[];
  /** Schema violations of an object file: its envelope against the file schema, each item against its object schema. */
  validateFile(file: string, kind: OcfFileKind, json: Json): Problem[];
  /** Object types a file of this kind may hold. */
  allowedObjectTypes(kind: OcfFileKind): ReadonlySet<string>;
}

const cache = new Map<string, OcfSchemas>();

/** Loads and compiles the schemas in `dir` (once per folder and process). */
export function loadOcfSchemas(dir: string): Result<OcfSchemas> {
  const cached = cache.get(dir);
  if (cached) return ok(cached);
  const loaded = readSchemaFolder(dir);
  if (!loaded.ok) return loaded;
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv, ["date", "date-time", "email"]);
  const schemaIdsByObjectType = new Map<string, string[]>();
  const schemaIdByTypeConst = new Map<string, string>();
  const objectTypesBySchemaId = new Map<string, string[]>();
  for (const { path, schema } of loaded.value) {
    const id = schema.$id;
    if (typeof id !== "string" || id !== OCF_SCHEMA_ID_PREFIX + path) {
      return fail(
        "ocf_schemas_missing",
        `the schema ${join(dir, path)} has $id ${JSON.stringify(id)}, not ${OCF_SCHEMA_ID_PREFIX + path}: not the official OCF ${OCF_VERSION} schemas`,
      );
    }
    try {
      ajv.addSchema(schema);
    } catch (error) {
      return fail(
        "ocf_schemas_missing",
        `the schema ${join(dir, path)} cannot be loaded: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    const typeConst = constOf(schema, "type");
    if (path.startsWith("types/") && typeConst !== undefined) schemaIdByTypeConst.set(typeConst, id);
    if (path.startsWith("objects/")) {
      const types = declaredObjectTypes(schema);
      objectTypesBySchemaId.set(id, types);
      for (const type of types)
        schemaIdsByObjectType.set(type, [...(schemaIdsByObjectType.get(type) ?? []), id]);
    }
  }
  const byPath = new Map(loaded.value.map((s) => [s.path, s.schema]));
  const allowed = new Map<OcfFileKind, Set<string>>();
  for (const kind of OCF_FILE_KINDS) {
    const fileSchema = byPath.get(OCF_FILE_KIND_SPECS[kind].schemaFile);
    if (!fileSchema) {
      return fail(
        "ocf_schemas_missing",
        `the schema folder ${dir} lacks ${OCF_FILE_KIND_SPECS[kind].schemaFile}: not the complete OCF ${OCF_VERSION} schemas`,
      );
    }
    const types = new Set<string>();
    for (const ref of itemSchemaRefs(fileSchema))
      for (const t of objectTypesBySchemaId.get(ref) ?? []) types.add(t);
    if (kind === "transactions") for (const t of TRANSACTION_TYPES_MISSING_FROM_FILE_SCHEMA) types.add(t);
    allowed.set(kind, types);
  }
  const lookup: SchemaLookup = (typeConst) => {
    const id = schemaIdByTypeConst.get(typeConst);
    const validate = id === undefined ? undefined : ajv.getSchema(id);
    return id === undefined || validate === undefined ? undefined : { id, validate };
  };
  const validator = (path: string): ValidateFunction => {
    const v = ajv.getSchema(OCF_SCHEMA_ID_PREFIX + path);
    if (!v) throw new Error(`OCF schema ${path} was loaded but cannot be compiled`);
    return v;
  };
  const schemas: OcfSchemas = {
    dir,
    validateManifest(file, json) {
      const v = validator(OCF_MANIFEST_SCHEMA_FILE);
      if (v(json)) return [];
      return describeErrors(v.errors ?? [], OCF_MANIFEST_SCHEMA_FILE, json, lookup).map((e) =>
        ocfProblem("ocf_schema_violation", { file, pointer: e.pointer, objectType: "manifest" }, e.text),
      );
    },
    validateFile(file, kind, json) {
      const problems: Problem[] = [];
      const spec = OCF_FILE_KIND_SPECS[kind];
      const v = validator(spec.schemaFile);
      // The envelope is checked against the file schema with its items left out; each item is then
      // checked against the schema of its own object type, which gives precise errors and spares
      // trying every branch of the file schema's oneOf for every item.
      const envelopeOnly = isJsonObject(json) && Array.isArray(json.items) ? { ...json, items: [] } : json;
      if (!v(envelopeOnly)) {
        const envelope = v.errors ?? [];
        for (const e of describeErrors(envelope, spec.schemaFile, json, lookup)) {
          problems.push(ocfProblem("ocf_schema_violation", { file, pointer: e.pointer }, e.text));
        }
      }
      const items = isJsonObject(json) && Array.isArray(json.items) ? json.items : [];
      const types = allowed.get(kind)!;
      for (const [index, item] of items.entries()) {
        const at = itemLocation(file, index, item);
        const type = isJsonObject(item) ? item.object_type : undefined;
        if (typeof type !== "string" || !types.has(type)) {
          problems.push(
            ocfProblem(
              "ocf_schema_violation",
              typeof type === "string" ? { ...at, pointer: `${at.pointer}/object_type` } : at,
              typeof type === "string"
                ? `object_type "${type}" is not one a ${spec.fileType} may hold (rule "oneOf" of ${spec.schemaFile})`
                : `must be an object with a string object_type (rule "items" of ${spec.schemaFile})`,
            ),
          );
          continue;
        }
        const candidates = schemaIdsByObjectType.get(type) ?? [];
        let firstErrors: readonly ErrorObject[] | undefined;
        let firstSchema = "";

        let valid = false;
        for (const id of candidates) {
          const check = ajv.getSchema(id)!;
          if (check(item)) {
            valid = true;
            break;
          }
          if (firstErrors === undefined) {
            firstErrors = check.errors ?? [];
            firstSchema = id;
          }
        }
        if (valid) continue;
        for (const e of describeErrors(firstErrors ?? [], firstSchema, item, lookup).slice(
          0,
          ERRORS_PER_OBJECT,
        )) {
          problems.push(
            ocfProblem(
              "ocf_schema_violation",
              { ...at, pointer: jsonPointer(["items", index, ...pointerSegments(e.pointer)]) },
              e.text,
            ),
          );
        }
      }
      return problems;
    },
    allowedObjectTypes(kind) {
      return allowed.get(kind)!;
    },
  };
  cache.set(dir, schemas);
  return ok(schemas);
}

function readSchemaFolder(dir: string): Result<{ path: string; schema: JsonObject }[]> {
  const out: { path: string; schema: JsonObject }[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      const full = join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".schema.json")) {
        const schema = JSON.parse(readFileSync(full, "utf8")) as Json;
        if (isJsonObject(schema)) out.push({ path: relative(dir, full).split(sep).join("/"), schema });
      }
    }
  };
  try {
    walk(dir);
  } catch (error) {
    return fail(
      "ocf_schemas_missing",
      `the OCF schema folder ${dir} cannot be read: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return ok(out);
}

function constOf(schema: JsonObject, property: string): string | undefined {
  const properties = schema.properties;
  const p = isJsonObject(properties) ? properties[property] : undefined;
  return isJsonObject(p) && typeof p.const === "string" ? p.const : undefined;
}

function declaredObjectTypes(schema: JsonObject): string[] {
  const properties = schema.properties;
  const objectType = isJsonObject(properties) ? properties.object_type : undefined;
  if (!isJsonObject(objectType)) return [];
  if (typeof objectType.const === "string") return [objectType.const];
  if (Array.isArray(objectType.enum))
    return objectType.enum.filter((t): t is string => typeof t === "string");
  return [];
}

/** The schema ids a file schema's `items` refers to: one $ref, or a oneOf of $refs. */
function itemSchemaRefs(fileSchema: JsonObject): string[] {
  const properties = fileSchema.properties;
  const items =
    isJsonObject(properties) && isJsonObject(properties.items) ? properties.items.items : undefined;
  if (!isJsonObject(items)) return [];
  if (typeof items.$ref === "string") return [items.$ref];
  const options = Array.isArray(items.oneOf) ? items.oneOf : Array.isArray(items.anyOf) ? items.anyOf : [];
  return options.flatMap((o) => (isJsonObject(o) && typeof o.$ref === "string" ? [o.$ref] : []));
}

interface DescribedError {
  readonly pointer: string;
  readonly text: string;
}

type SchemaLookup = (typeConst: string) => { id: string; validate: ValidateFunction } | undefined;

/**
 * Ajv errors as located sentences (OCF-VAL-2). Where a `oneOf` or `anyOf` tries several
 * schemas, the object's own `type` names the branch it meant; its errors are found by
 * validating against that branch alone, so that the errors of the other branches do not bury them.
 */
export function describeErrors(
  errors: readonly ErrorObject[],
  rootSchema: string,
  instance: Json,
  lookup: SchemaLookup,
): DescribedError[] {
  const branchPoints = [
    ...new Set(
      errors.filter((e) => e.keyword === "oneOf" || e.keyword === "anyOf").map((e) => e.instancePath),
    ),
  ].sort((a, b) => a.length - b.length);
  const replaced: DescribedError[] = [];
  let remaining = [...errors];
  for (const at of branchPoints) {
    if (!remaining.some((e) => e.instancePath === at)) continue;
    const sub = valueAt(instance, at);
    const typeConst = isJsonObject(sub) && typeof sub.type === "string" ? sub.type : undefined;
    const branch = typeConst === undefined ? undefined : lookup(typeConst);
    const under = (e: ErrorObject) => e.instancePath === at || e.instancePath.startsWith(`${at}/`);
    if (branch && sub !== undefined && !branch.validate(sub)) {
      const inner = describeErrors(branch.validate.errors ?? [], branch.id, sub, lookup);
      replaced.push(...inner.map((e) => ({ pointer: at + e.pointer, text: e.text })));
      remaining = remaining.filter((e) => !under(e));
    } else if (!branch) {
      const allowed = remaining
        .filter((e) => e.keyword === "const" && e.instancePath === `${at}/type`)
        .map((e) => JSON.stringify((e.params as { allowedValue?: unknown }).allowedValue));
      const summary = remaining.find(
        (e) => e.instancePath === at && (e.keyword === "oneOf" || e.keyword === "anyOf"),
      )!;
      replaced.push({
        pointer: at,
        text:
          allowed.length > 0
            ? `has type ${typeConst === undefined ? "(none)" : JSON.stringify(typeConst)}, none of ${[...new Set(allowed)].join(", ")} (rule "${summary.keyword}" of ${rootSchema})`
            : `${summary.message ?? "matches no allowed schema"} (rule "${summary.keyword}" of ${rootSchema})`,
      });
      remaining = remaining.filter((e) => !under(e));
    }
  }
  const seen = new Set<string>();
  const out: DescribedError[] = [];
  for (const e of remaining) {
    const text = `${e.message ?? "is invalid"}${detail(e)} (rule "${e.keyword}" of ${rootSchema.startsWith(OCF_SCHEMA_ID_PREFIX) ? rootSchema.slice(OCF_SCHEMA_ID_PREFIX.length) : rootSchema})`;
    const key = `${e.instancePath} ${text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ pointer: e.instancePath, text });
  }
  return [...out, ...replaced].sort((a, b) => (a.pointer < b.pointer ? -1 : a.pointer > b.pointer ? 1 : 0));
}

function valueAt(root: Json, pointer: string): Json | undefined {
  let current: Json | undefined = root;
  for (const segment of pointerSegments(pointer)) {
    if (Array.isArray(current) && typeof segment === "number") current = current[segment];
    else if (isJsonObject(current)) current = current[String(segment)];
    else return undefined;
  }
  return current;
}

function detail(e: ErrorObject): string {
  const params = e.params as Record<string, unknown>;
  if (e.keyword === "additionalProperties" && typeof params.additionalProperty === "string") {
    return ` ("${params.additionalProperty}")`;
  }
  if (e.keyword === "enum" && Array.isArray(params.allowedValues)) {
    return ` (${params.allowedValues.map((v) => JSON.stringify(v)).join(", ")})`;
  }
  if (e.keyword === "const" && params.allowedValue !== undefined)
    return ` (${JSON.stringify(params.allowedValue)})`;
  return "";
}
