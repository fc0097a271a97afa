import { diff as dealDiff } from "../app/diff.js";
import { type SpreadsheetImportInput, spreadsheetImport } from "../app/import.js";
import { ocfExport } from "../app/ocf-export.js";
import { ocfImport } from "../app/ocf-import.js";
import type { Deal } from "../deal/build.js";
import { zipPackage } from "../interchange/ocf/index.js";
import {
  exportDocument,
  includedDealSlugs,
  storableDeal,
  storedKind,
  wrongDocumentKind,
} from "../storage/deal-document.js";
import { ApiError, type ProblemBody, problemBody } from "./api-error.js";
import { computation, requestProblems } from "./computations.js";
import { type FileFormat, renderReportFile, unsavedEditsMark } from "./report-files.js";

/**
 * The work of the routes that read and write files (SPEC SRV-5a): OCF export and import,
 * PDF and XLSX reports, spreadsheet import, the history's difference of two versions, a
 * deal's YAML or JSON export and what a stored document is. Each runs on a worker thread
 * of the server's pool, on plain data (document texts, file bytes, query values), and
 * answers plain data; run on the request's thread it gives the same answers.
 */

/** A stored deal revision a task reads: its canonical text, id (for messages) and revision key. */
export interface StoredRevision {
  readonly document: string;
  readonly slug: string;
  /** `dealId@version`: a revision never changes, so its built deal is kept by this key. */
  readonly key: string;
}

/** The query of a spreadsheet import, as its route parsed it: the file's name and the use case's input. */
export type SpreadsheetQuery = SpreadsheetImportInput & { readonly name: string };

export type FileTask =
  | {
      readonly kind: "describe";
      readonly document: string;
    }
  | {
      readonly kind: "export";
      readonly document: string;
      readonly format: "yaml" | "json";
    }
  | {
      readonly kind: "ocf-export";
      readonly revision: StoredRevision;
      /** The revision's date: the same version exports the same bytes. */
      readonly generatedAt: string;
      readonly country?: string;
      readonly onInconsistency: "fail" | "preserve";
      readonly includeModelled: boolean;
    }
  | {
      readonly kind: "ocf-import";
      readonly bytes: Uint8Array;
      readonly onInconsistency: "fail" | "preserve";
      /** The deal's latest document when it exists: a workspace is not replaced by a deal. */
      readonly current?: { readonly document: string; readonly slug: string };
    }
  | {
      readonly kind: "spreadsheet-import";
      readonly bytes: Uint8Array;
      readonly query: SpreadsheetQuery;
      /** To be stored: the deal checked as the store keeps it; absent, the import's report. */
      readonly store: boolean;
      readonly current?: { readonly document: string; readonly slug: string };
    }
  | {
      readonly kind: "report-file";
      readonly format: FileFormat;
      /** The computation whose report it is (model, captable, claims, exit, scenarios). */
      readonly name: string;
      /** The report's JSON text, as the computation answered it. */
      readonly report: string;
      readonly query: Readonly<Record<string, unknown>>;
      readonly revision: StoredRevision;
      readonly dealId: string;
      readonly version: number;
      /** The language of the file's words (English when absent). */
      readonly lang?: "en" | "fr";
    }
  | {
      readonly kind: "diff";
      readonly older: StoredRevision & { readonly version: number };
      readonly newer: StoredRevision & { readonly version: number };
    }
  | {
      /**
       * The file of a posted document (SPEC WEB-PDF-1): the computation run on the posted
       * text, then rendered with no version, marked when the text holds unsaved edits.
       */
      readonly kind: "posted-report-file";
      readonly format: FileFormat;
      readonly name: string;
      readonly text: string;
      readonly query: Readonly<Record<string, unknown>>;
      readonly unsaved: boolean;
      /** The language of the file's words (English when absent). */
      readonly lang?: "en" | "fr";
    };

export interface FileTaskValues {
  describe: {
    readonly kind: "deal" | "workspace";
    /** For a workspace: the stored deals it names, by id. */
    readonly includedDeals: readonly string[];
    readonly company?: string;
  };
  export: { readonly text: string };
  "ocf-export": {
    readonly bytes: Uint8Array;
    readonly validation: string;
    readonly notExported: readonly string[];
    readonly included: readonly string[];
  };
  "ocf-import": {
    readonly canonical: string;
    readonly validation: string;
    readonly warnings: readonly ProblemBody[];
    readonly mapped: unknown;
    readonly unmapped: unknown;
    readonly unresolved: unknown;
  };
  "spreadsheet-import":
    | { readonly stored: false; readonly text: string }
    | { readonly stored: true; readonly canonical: string; readonly warnings: readonly ProblemBody[] };
  "report-file": { readonly bytes: Uint8Array; readonly mediaType: string; readonly filename: string };
  "posted-report-file": { readonly bytes: Uint8Array; readonly mediaType: string; readonly filename: string };
  diff: { readonly text: string };
}

/** How a file task builds a stored deal: the pool's per-thread cache of built revisions. */
export type BuildStoredDeal = (text: string, slug: string, key: string) => Deal;

function describe(task: Extract<FileTask, { kind: "describe" }>): FileTaskValues["describe"] {
  const document = JSON.parse(task.document) as Record<string, unknown>;
  const kind = storedKind(task.document);
  const company = (document.company as { name?: unknown } | undefined)?.name;
  return {
    kind,
    includedDeals: kind === "workspace" ? includedDealSlugs(document) : [],
    ...(typeof company === "string" ? { company } : {}),
  };
}

/** A stored document that is a workspace is not replaced by an imported deal (STORE-3). */
function refuseWorkspace(current: { readonly document: string; readonly slug: string } | undefined): void {
  if (current && storedKind(current.document) !== "deal")
    throw ApiError.fromDiagnostics(
      wrongDocumentKind(`stored document ${current.slug}`, "workspace").diagnostics,
    );
}

function exportOcfTask(
  task: Extract<FileTask, { kind: "ocf-export" }>,
  build: BuildStoredDeal,
): FileTaskValues["ocf-export"] {
  const { slug } = task.revision;
  const built = build(task.revision.document, slug, task.revision.key);
  const exported = ocfExport.run(
    built,
    {
      onInconsistency: task.onInconsistency,
      ...(task.country ? { country: task.country } : {}),
      includeModelled: task.includeModelled,
    },
    { generatedAt: task.generatedAt },
  );
  if (!exported.ok) throw ApiError.fromProblems(requestProblems(exported.problems), `deal ${slug}`);
  const { files, validation, modelled } = exported.value;
  return {
    bytes: zipPackage(files),
    validation,
    notExported: modelled.notExported.map((r) => r.id),
    included: modelled.included.map((r) => r.id),
  };
}

async function importOcfTask(
  task: Extract<FileTask, { kind: "ocf-import" }>,
): Promise<FileTaskValues["ocf-import"]> {
  const imported = await ocfImport.run(
    { kind: "zip", name: "body", bytes: task.bytes },
    { onInconsistency: task.onInconsistency },
  );
  if (!imported.ok) throw ApiError.fromProblems(imported.problems, "the OCF package");
  const { report, text, validation } = imported.value;
  const parsed = storableDeal(text, "body");
  if (!parsed.ok) throw ApiError.fromDiagnostics(parsed.diagnostics, "the deal read from the OCF package");
  refuseWorkspace(task.current);
  return {
    canonical: parsed.canonical,
    validation,
    warnings: [...report.warnings, ...parsed.warnings].map(problemBody),
    mapped: report.mapped,
    unmapped: report.unmapped,
    unresolved: report.unresolved,
  };
}

async function importSpreadsheetTask(
  task: Extract<FileTask, { kind: "spreadsheet-import" }>,
): Promise<FileTaskValues["spreadsheet-import"]> {
  const { name, ...input } = task.query;
  const imported = await spreadsheetImport.run({ bytes: task.bytes, name }, input);
  if (!imported.ok)
    throw ApiError.fromProblems(
      imported.problems,
      imported.about === "mapping" ? "the mapping" : `the spreadsheet ${name}`,
    );
  const v = imported.value;
  if (!task.store)
    return {
      stored: false,
      text: JSON.stringify(spreadsheetImport.json(v, imported.warnings.map(problemBody))),
    };
  const parsed = storableDeal(v.yaml, name);
  if (!parsed.ok) throw ApiError.fromDiagnostics(parsed.diagnostics, "the deal read from the spreadsheet");
  refuseWorkspace(task.current);
  return {
    stored: true,
    canonical: parsed.canonical,
    warnings: [...imported.warnings, ...parsed.warnings].map(problemBody),
  };
}

async function reportFile(
  task: Extract<FileTask, { kind: "report-file" }>,
  build: BuildStoredDeal,
): Promise<FileTaskValues["report-file"]> {
  const found = computation(task.name);
  if (!found) throw new ApiError("not_found", `no computation "${task.name}"`);
  const file = await renderReportFile({
    format: task.format,
    computation: found,
    report: JSON.parse(task.report) as Record<string, unknown>,
    query: task.query as Record<string, unknown>,
    deal: build(task.revision.document, task.revision.slug, task.revision.key),
    dealId: task.dealId,
    version: task.version,
    ...(task.lang ? { lang: task.lang } : {}),
  });
  return file;
}

/**
 * A posted document's file: its report (the computation's JSON, as the request's thread
 * would have had it) rendered with no version; the attachment is named by the company.
 */
export async function postedReportFile(
  task: Extract<FileTask, { kind: "posted-report-file" }>,
  report: string,
  deal: Deal,
): Promise<FileTaskValues["posted-report-file"]> {
  const found = computation(task.name);
  if (!found) throw new ApiError("not_found", `no computation "${task.name}"`);
  const company = deal.ledger.company.name;
  return renderReportFile({
    format: task.format,
    computation: found,
    report: JSON.parse(report) as Record<string, unknown>,
    query: task.query as Record<string, unknown>,
    deal,
    dealId:
      company
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-|-$/g, "") || "deal",
    version: undefined,
    ...(task.unsaved ? { marks: [unsavedEditsMark(task.lang)] } : {}),
    ...(task.lang ? { lang: task.lang } : {}),
  });
}

function diff(task: Extract<FileTask, { kind: "diff" }>, build: BuildStoredDeal): FileTaskValues["diff"] {
  const { older, newer } = task;
  const difference = dealDiff.run(
    build(older.document, older.slug, older.key),
    build(newer.document, newer.slug, newer.key),
  );
  return { text: JSON.stringify(dealDiff.json(difference, { from: older.version, to: newer.version })) };
}

/** Runs one file task (SPEC SRV-5a); an expected failure is thrown as an ApiError. */
export async function runFileTask(
  task: Exclude<FileTask, { kind: "posted-report-file" }>,
  build: BuildStoredDeal,
): Promise<unknown> {
  switch (task.kind) {
    case "describe":
      return describe(task);
    case "export":
      return { text: exportDocument(task.document, task.format) };
    case "ocf-export":
      return exportOcfTask(task, build);
    case "ocf-import":
      return importOcfTask(task);
    case "spreadsheet-import":
      return importSpreadsheetTask(task);
    case "report-file":
      return reportFile(task, build);
    case "diff":
      return diff(task, build);
  }
}
