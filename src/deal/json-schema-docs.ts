/**
 * Checks that the published JSON Schema explains itself (SPEC DEAL-SCHEMA-1): every property of
 * every object, in `$defs` too, has a description and an example (its own, or those of the
 * definition it refers to), and no definition keeps a generated name such as `__schema31`.
 */
export interface SchemaDocGap {
  readonly path: string;
  readonly missing: "description" | "examples" | "readable name";
}

type Node = Record<string, unknown>;

export function schemaDocGaps(schema: Node): SchemaDocGap[] {
  const defs = (schema.$defs ?? {}) as Record<string, Node>;
  const gaps: SchemaDocGap[] = [];
  for (const name of Object.keys(defs)) {
    if (/^__schema/.test(name)) gaps.push({ path: `$defs/${name}`, missing: "readable name" });
  }
  const resolved = (node: Node, key: "description" | "examples", seen = new Set<string>()): boolean => {
    if (node[key] !== undefined) return true;
    const ref = node.$ref;
    if (typeof ref !== "string" || seen.has(ref)) return false;
    seen.add(ref);
    const target = defs[ref.replace("#/$defs/", "")];
    return target !== undefined && resolved(target, key, seen);
  };
  const visit = (node: unknown, path: string): void => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => visit(item, `${path}[${i}]`));
      return;
    }
    if (node === null || typeof node !== "object") return;
    const object = node as Node;
    for (const [key, value] of Object.entries(object)) {
      if (key === "$defs") continue;
      if (key === "properties" && value && typeof value === "object") {
        for (const [name, property] of Object.entries(value as Record<string, Node>)) {
          const at = `${path}.${name}`;
          if (!resolved(property, "description")) gaps.push({ path: at, missing: "description" });
          if (!resolved(property, "examples")) gaps.push({ path: at, missing: "examples" });
          visit(property, at);
        }
      } else {
        visit(value, key === "items" ? `${path}[]` : key === "anyOf" || key === "oneOf" ? path : `${path}/${key}`);
      }
    }
  };
  visit(schema, "#");
  for (const [name, def] of Object.entries(defs)) visit(def, `$defs/${name}`);
  return gaps;
}
