import { parseDocument, visit } from "yaml";
import { parseJsonKeepingNumberText } from "../../deal/load.js";
import type { DealDocumentJson } from "./contract.js";

/**
 * Reads a deal file's text (YAML or JSON) into the JSON document the API stores, every
 * number kept as the text written (as the deal loader reads it), or undefined when the
 * text is not a mapping. Syntax errors are the loader's to report: this only converts.
 */
export function dealDocumentFromText(text: string): DealDocumentJson | undefined {
  let raw = parseJsonKeepingNumberText(text);
  if (raw === undefined) {
    const doc = parseDocument(text, { uniqueKeys: true, strict: true });
    if (doc.errors.length > 0) return undefined;
    visit(doc, {
      Scalar(_key, node) {
        if ((typeof node.value === "number" || typeof node.value === "bigint") && node.source !== undefined) {
          node.value = node.source;
        }
      },
    });
    raw = doc.toJS({ maxAliasCount: 100 });
  }
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) return undefined;
  return raw as DealDocumentJson;
}

/** The text the engine loads for a stored document: JSON, which the loader reads on its fast path. */
export function dealDocumentText(document: DealDocumentJson): string {
  return JSON.stringify(document);
}
