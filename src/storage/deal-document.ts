import { LineCounter, parseDocument, stringify, visit } from "yaml";
import { runDeal } from "../core/round/timeline.js";
import type { Deal } from "../deal/build.js";
import { type Diagnostic, diagnosticFrom } from "../deal/diagnostics.js";
import { loadDeal, parseDealText, wrongFileKind } from "../deal/load.js";
import { isWorkspaceText, loadWorkspace, type Workspace } from "../deal/workspace.js";
import { yamlToPlain } from "../deal/yaml-plain.js";
import { canonicalJson } from "./canonical-json.js";

/** A deal document that loads, builds and runs: what the store keeps (SPEC STORE-3). */
export interface StorableDeal {
  readonly deal: Deal;
  /** The parsed document as written (numbers kept as the text written), before defaults. */
  readonly document: Record<string, unknown>;
  /** Its canonical JSON: what a revision stores and hashes. */
  readonly canonical: string;
  readonly warnings: readonly Diagnostic[];
}

export type StorableResult =
  | ({ readonly ok: true } & StorableDeal)
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/**
 * Reads deal text (YAML or JSON) through the deal format (SPEC DEAL-2) and runs its ledger
 * and rounds: a document is storable only if `roundtable validate` would accept it.
 */
export function storableDeal(text: string, file: string): StorableResult {
  const loaded = loadDeal(text, file);
  if (!loaded.ok) return loaded;
  const run = runDeal(loaded.deal.ledger, loaded.deal.rounds);
  if (!run.ok)
    return { ok: false, diagnostics: run.problems.map((p) => diagnosticFrom(p, file, loaded.locate)) };
  // The text parsed again for its plain data: fast for JSON, and the document kept is
  // exactly what the loader validated.
  const parsed = parseDealText(text, file);
  if (!parsed.ok) return parsed;
  const document = parsed.value.raw;
  return {
    ok: true,
    deal: loaded.deal,
    document,
    canonical: canonicalJson(document),
    warnings: [...loaded.warnings, ...run.warnings.map((p) => diagnosticFrom(p, file, loaded.locate))],
  };
}

/** What a stored document is: one company's deal, or a workspace of several (SPEC STORE-3). */
export type DocumentKind = "deal" | "workspace";

export function documentKind(document: Record<string, unknown>): DocumentKind {
  return isWorkspaceText(document) ? "workspace" : "deal";
}

/** The kind of a stored canonical document. */
export function storedKind(canonical: string): DocumentKind {
  return documentKind(JSON.parse(canonical) as Record<string, unknown>);
}

/**
 * How a stored workspace names a company's deal (SPEC STORE-3): `file: <deal id>.yaml`
 * (or `.yml`, `.json`), the deal stored under that id in the same store workspace. The same
 * name read by the CLI is the file beside the workspace file, so a workspace and its deals
 * exported into one folder load back with the CLI.
 */
const STORED_DEAL_FILE = /^([A-Za-z0-9][A-Za-z0-9_-]{0,63})\.(ya?ml|json)$/;

export function storedDealSlug(file: string): string | undefined {
  return STORED_DEAL_FILE.exec(file)?.[1];
}

/** The ids of the stored deals a workspace document names, in the order written. */
export function includedDealSlugs(document: Record<string, unknown>): string[] {
  const companies = Array.isArray(document.companies) ? (document.companies as unknown[]) : [];
  const slugs: string[] = [];
  for (const c of companies) {
    const file = typeof c === "object" && c !== null ? (c as { file?: unknown }).file : undefined;
    const slug = typeof file === "string" ? storedDealSlug(file) : undefined;
    if (slug !== undefined && !slugs.includes(slug)) slugs.push(slug);
  }
  return slugs;
}

/** The stored deals a workspace reads: each id's canonical document, absent when not stored. */
export type StoredDeals = ReadonlyMap<string, string>;

export interface StorableWorkspace {
  readonly workspace: Workspace;
  readonly document: Record<string, unknown>;
  readonly canonical: string;
  readonly warnings: readonly Diagnostic[];
}

export type StorableWorkspaceResult =
  | ({ readonly ok: true } & StorableWorkspace)
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/**
 * Reads workspace text through the workspace loader (SPEC FLOW-1, STORE-3), each company's
 * `file` read from the stored deals: a workspace is storable only if it loads whole with
 * the deals stored now. A deal that is missing, or is itself a workspace, is reported at
 * the company's `file` field.
 */
export function storableWorkspace(text: string, file: string, deals: StoredDeals): StorableWorkspaceResult {
  const loaded = loadWorkspace(text, file, (relative) => {
    const slug = storedDealSlug(relative);
    if (slug === undefined)
      return {
        ok: false,
        message: `a stored workspace names a company's deal as <deal id>.yaml, the id of a deal stored in the same workspace; "${relative}" is not such a name`,
      };
    const canonical = deals.get(slug);
    if (canonical === undefined) return { ok: false, message: `no stored deal "${slug}" in this workspace` };
    if (storedKind(canonical) !== "deal")
      return { ok: false, message: `the stored document "${slug}" is a workspace, not a deal` };
    return { ok: true, text: canonical, file: slug };
  });
  if (!loaded.ok) return loaded;
  const parsed = parseDealText(text, file);
  if (!parsed.ok) return parsed;
  const document = parsed.value.raw;
  return {
    ok: true,
    workspace: loaded.workspace,
    document,
    canonical: canonicalJson(document),
    warnings: loaded.warnings,
  };
}

/** A stored workspace document, read with the stored deals it names; positions dropped. */
export function storedWorkspace(
  canonical: string,
  file: string,
  deals: StoredDeals,
): StorableWorkspaceResult {
  const result = storableWorkspace(canonical, file, deals);
  if (result.ok) return { ...result, warnings: result.warnings.map(withoutPosition) };
  return { ok: false, diagnostics: result.diagnostics.map(withoutPosition) };
}

export type StorableDocumentResult =
  | ({ readonly ok: true; readonly kind: "deal" } & StorableDeal)
  | ({ readonly ok: true; readonly kind: "workspace" } & StorableWorkspace)
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

/**
 * Reads a document to store (SPEC STORE-3): a deal, checked as `roundtable validate` would,
 * or a workspace, loaded whole with the stored deals it names (read through `readDeal`,
 * which answers a deal id's canonical document or undefined).
 */
export async function storableDocument(
  text: string,
  file: string,
  readDeal: (slug: string) => Promise<string | undefined>,
): Promise<StorableDocumentResult> {
  const parsed = parseDealText(text, file);
  if (!parsed.ok) return parsed;
  if (!isWorkspaceText(parsed.value.raw)) {
    const deal = storableDeal(text, file);
    return deal.ok ? { ...deal, kind: "deal" } : deal;
  }
  const deals = await readStoredDeals(includedDealSlugs(parsed.value.raw), readDeal);
  const workspace = storableWorkspace(text, file, deals);
  return workspace.ok ? { ...workspace, kind: "workspace" } : workspace;
}

/** Reads the named stored deals (a bounded list: a workspace's companies). */
export async function readStoredDeals(
  slugs: readonly string[],
  readDeal: (slug: string) => Promise<string | undefined>,
): Promise<Map<string, string>> {
  const deals = new Map<string, string>();
  for (const slug of slugs) {
    const canonical = await readDeal(slug);
    if (canonical !== undefined) deals.set(slug, canonical);
  }
  return deals;
}

/** The answer to a deal command given a workspace document, or the other way round. */
export function wrongDocumentKind(file: string, got: DocumentKind): { ok: false; diagnostics: Diagnostic[] } {
  const wrong = wrongFileKind(
    file,
    got === "workspace"
      ? "this is a workspace document (several companies); this takes a deal document of one company"
      : "this is a deal document of one company; this takes a workspace document (with a workspace section)",
  );
  return {
    ok: false,
    diagnostics: wrong.diagnostics.map((d) => ({
      ...withoutPosition(d),
      code: "document_kind_wrong" as const,
    })),
  };
}

/**
 * Reads a stored canonical document. Its locations are those of a one-line text, so
 * they are dropped: the field path names the place.
 */
export function storedDeal(canonical: string, file: string): StorableResult {
  const result = storableDeal(canonical, file);
  if (result.ok) return { ...result, warnings: result.warnings.map(withoutPosition) };
  return { ok: false, diagnostics: result.diagnostics.map(withoutPosition) };
}

function withoutPosition(d: Diagnostic): Diagnostic {
  const { line: _line, column: _column, ...rest } = d;
  return rest;
}

/**
 * Reads a fragment of a deal (one transaction or one round) written in YAML or JSON, the
 * numbers kept as the text written, as the deal loader does.
 */
export function parseFragment(
  text: string,
  file: string,
): { ok: true; value: unknown } | { ok: false; diagnostics: readonly Diagnostic[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, strict: true, prettyErrors: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      diagnostics: doc.errors.map((e) => ({
        code: "deal_syntax" as const,
        message: e.message.split("\n")[0]!,
        severity: "error" as const,
        file,
        ...(e.linePos?.[0] ? { line: e.linePos[0].line, column: e.linePos[0].col } : {}),
      })),
    };
  }
  visit(doc, {
    Scalar(_key, node) {
      if ((typeof node.value === "number" || typeof node.value === "bigint") && node.source !== undefined) {
        node.value = node.source;
      }
    },
  });
  const plain = yamlToPlain(doc);
  if (!plain.ok) {
    const pos = plain.problem.offset === undefined ? undefined : lines.linePos(plain.problem.offset);
    return {
      ok: false,
      diagnostics: [
        {
          code: plain.problem.code,
          message: plain.problem.message,
          severity: "error" as const,
          file,
          ...(pos ? { line: pos.line, column: pos.col } : {}),
        },
      ],
    };
  }
  return { ok: true, value: plain.value };
}

/** The stored document with one more item in a list (`transactions` or `rounds`). */
export function appendToDocument(canonical: string, list: "transactions" | "rounds", item: unknown): string {
  const document = JSON.parse(canonical) as Record<string, unknown>;
  const existing = Array.isArray(document[list]) ? (document[list] as unknown[]) : [];
  return canonicalJson({ ...document, [list]: [...existing, item] });
}

/** A stored document as a deal file: JSON (indented) or YAML. Either loads back to the same deal. */
export function exportDocument(canonical: string, format: "json" | "yaml"): string {
  const value = JSON.parse(canonical) as unknown;
  return format === "json" ? `${JSON.stringify(value, null, 2)}\n` : stringify(value, { lineWidth: 0 });
}
