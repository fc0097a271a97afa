import { loadWorkspace, type WorkspaceLoadResult } from "../../deal/workspace.js";
import type { DealDocumentJson, DealRecord } from "../api/contract.js";
import { dealDocumentText } from "../api/deal-text.js";

/** The deal files a workspace document names (`companies: [{ file: openai-round.yaml }]`). */
export function includedFiles(document: DealDocumentJson): string[] {
  const companies = Array.isArray(document.companies) ? document.companies : [];
  return companies.flatMap((c) =>
    c !== null && typeof c === "object" && typeof (c as { file?: unknown }).file === "string"
      ? [(c as { file: string }).file]
      : [],
  );
}

/** The stored deal a `file:` reference names: by its file name, else by its id with the extension dropped. */
export function dealForFile<T extends { readonly id: string; readonly name: string }>(
  deals: readonly T[],
  file: string,
): T | undefined {
  const base = file.split("/").at(-1) ?? file;
  return (
    deals.find((d) => d.name === base) ?? deals.find((d) => d.id === base.replace(/\.(ya?ml|json)$/i, ""))
  );
}

/**
 * Loads a stored workspace document as `roundtable flows` loads its file (SPEC FLOW-1):
 * its `file:` companies resolve to the workspace's other stored deals by file name.
 */
export function loadStoredWorkspace(
  record: DealRecord,
  included: readonly DealRecord[],
): WorkspaceLoadResult {
  return loadWorkspace(dealDocumentText(record.document), record.name, (relative) => {
    const found = dealForFile(included, relative);
    return found
      ? { ok: true, text: dealDocumentText(found.document), file: found.name }
      : { ok: false, message: `no deal "${relative}" in this workspace` };
  });
}
