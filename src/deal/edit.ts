import { isMap, isSeq, parseDocument, stringify } from "yaml";

/**
 * Appends entries to top-level lists of a deal file's text, changing nothing else
 * (SPEC DEAL-6): in YAML, the new entries are inserted as text at the end of their
 * lists (or of the file), so every other byte stays as it was; in JSON, key order and every number's
 * text are kept, and the indentation of the original. Returns the new text, or an error
 * when the text cannot be edited.
 */
export function appendToDealText(
  text: string,
  additions: Readonly<Record<string, readonly Record<string, unknown>[]>>,
  /** Where the deal is in the document: [] for a deal file, ["companies", i, "deal"] in a workspace. */
  at: readonly (string | number)[] = [],
): { ok: true; text: string } | { ok: false; error: string } {
  if (/^\s*\{/.test(text)) return appendToJson(text, additions, at);
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return { ok: false, error: doc.errors[0]!.message.split("\n")[0]! };
  if (at.length > 0) return appendToNestedYaml(text, doc, additions, at);
  // Text insertions, applied from the end of the file back, so that offsets stay valid.
  const insertions: { at: number; text: string }[] = [];
  let appended = "";
  for (const [key, items] of Object.entries(additions)) {
    if (items.length === 0) continue;
    const block = stringify(items, { lineWidth: 0 }).trimEnd();
    const existing = doc.get(key, true);
    if (existing === undefined || existing === null) {
      appended += `\n${key}:\n${indent(block, 2)}\n`;
    } else if (isSeq(existing) && !existing.flow && existing.items.length > 0 && existing.range) {
      const first = existing.items[0] as { range?: [number, number, number] } | undefined;
      const lineStart = text.lastIndexOf("\n", (first?.range?.[0] ?? existing.range[0]) - 1) + 1;
      const column = Math.max(0, text.slice(lineStart).search(/-/));
      const at = existing.range[1];
      // After a line break (the list ends the file) the new lines follow it; else they start one.
      insertions.push({
        at,
        text: text[at - 1] === "\n" ? `${indent(block, column)}\n` : `\n${indent(block, column)}`,
      });
    } else {
      return {
        ok: false,
        error: `"${key}" is not a block list in the deal file; write it as one (- item per line) to add to it`,
      };
    }
  }
  let out = text;
  for (const ins of insertions.sort((a, b) => b.at - a.at))
    out = out.slice(0, ins.at) + ins.text + out.slice(ins.at);
  if (appended) out = `${out.endsWith("\n") ? out : `${out}\n`}${appended.slice(1)}`;
  return { ok: true, text: out };
}

function indent(block: string, columns: number): string {
  const pad = " ".repeat(columns);
  return block
    .split("\n")
    .map((line) => (line.length > 0 ? pad + line : line))
    .join("\n");
}

/**
 * Appends to the lists of a deal nested in a workspace (`companies[i].deal`), as text: at the
 * end of each block list, or a new key at the end of the deal's block mapping.
 */
function appendToNestedYaml(
  text: string,
  doc: ReturnType<typeof parseDocument>,
  additions: Readonly<Record<string, readonly Record<string, unknown>[]>>,
  at: readonly (string | number)[],
): { ok: true; text: string } | { ok: false; error: string } {
  const owner = doc.getIn(at, true);
  if (!isMap(owner) || owner.flow || !owner.range || owner.items.length === 0)
    return { ok: false, error: `${at.join(".")} is not a block mapping in the file` };
  const firstKey = owner.items[0]!.key as { range?: [number, number, number] } | undefined;
  const keyStart = firstKey?.range?.[0] ?? owner.range[0];
  const keyColumn = keyStart - (text.lastIndexOf("\n", keyStart - 1) + 1);
  const insertions: { at: number; text: string }[] = [];
  let appended = "";
  for (const [key, items] of Object.entries(additions)) {
    if (items.length === 0) continue;
    const block = stringify(items, { lineWidth: 0 }).trimEnd();
    const existing = owner.get(key, true);
    if (existing === undefined || existing === null) {
      appended += `${indent(`${key}:`, keyColumn)}\n${indent(block, keyColumn + 2)}\n`;
    } else if (isSeq(existing) && !existing.flow && existing.items.length > 0 && existing.range) {
      const first = existing.items[0] as { range?: [number, number, number] } | undefined;
      const lineStart = text.lastIndexOf("\n", (first?.range?.[0] ?? existing.range[0]) - 1) + 1;
      const column = Math.max(0, text.slice(lineStart).search(/-/));
      const end = existing.range[1];
      insertions.push({
        at: end,
        text: text[end - 1] === "\n" ? `${indent(block, column)}\n` : `\n${indent(block, column)}`,
      });
    } else {
      return {
        ok: false,
        error: `"${key}" is not a block list in the deal file; write it as one (- item per line) to add to it`,
      };
    }
  }
  if (appended) {
    // After the deal's last line: at the end of its mapping's last value.
    const end = owner.range[1];
    const lineEnd =
      text[end - 1] === "\n" ? end : text.indexOf("\n", end) < 0 ? text.length : text.indexOf("\n", end) + 1;
    insertions.push({
      at: lineEnd,
      text: lineEnd === text.length && !text.endsWith("\n") ? `\n${appended}` : appended,
    });
  }
  // From the end back; at one offset, the later insertion first, so that the text keeps their order.
  const ordered = insertions.map((ins, i) => ({ ...ins, i })).sort((a, b) => b.at - a.at || b.i - a.i);
  let out = text;
  for (const ins of ordered) out = out.slice(0, ins.at) + ins.text + out.slice(ins.at);
  return { ok: true, text: out };
}

function appendToJson(
  text: string,
  additions: Readonly<Record<string, readonly Record<string, unknown>[]>>,
  at: readonly (string | number)[] = [],
): { ok: true; text: string } | { ok: false; error: string } {
  // Numbers stand in as marked strings so that JSON.parse and JSON.stringify keep their text.
  // The marker is written as a JSON escape: JSON.parse refuses raw control characters in strings.
  const marker = "\\u0000n:";
  const marked = text.replace(/"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g, (t) =>
    t.startsWith('"') ? t : `"${marker}${t}"`,
  );
  let root: Record<string, unknown>;
  try {
    root = JSON.parse(marked) as Record<string, unknown>;
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
  const data = at.reduce<unknown>(
    (node, key) => (node as Record<string, unknown> | undefined)?.[key],
    root,
  ) as Record<string, unknown> | undefined;
  if (!data || typeof data !== "object" || Array.isArray(data))
    return { ok: false, error: `${at.join(".")} is not a mapping in the file` };
  for (const [key, items] of Object.entries(additions)) {
    if (items.length === 0) continue;
    const existing = data[key];
    if (existing === undefined) data[key] = [...items];
    else if (Array.isArray(existing)) existing.push(...items);
    else return { ok: false, error: `"${key}" is not a list in the deal file` };
  }
  const indent = /\n( +)"/.exec(text)?.[1]?.length ?? 2;
  const out = JSON.stringify(root, null, indent).replace(/"\\u0000n:([^"]*)"/g, "$1");
  return { ok: true, text: text.endsWith("\n") ? `${out}\n` : out };
}
