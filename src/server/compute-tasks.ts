import { MessagePort } from "node:worker_threads";
import { closeRound } from "../app/close-round.js";
import { ingest, readReport } from "../app/ingest.js";
import { ingestIntoDealOf } from "../app/ingest-into-deal.js";
import { roundPricesOf } from "../app/model.js";
import { parseInput } from "../app/use-case.js";
import type { IsoDate } from "../core/shared/date.js";
import type { Problem } from "../core/shared/problem.js";
import type { Deal } from "../deal/build.js";
import type { Diagnostic } from "../deal/diagnostics.js";
import { loadDeal, parseDealText } from "../deal/load.js";
import { isWorkspaceText, loadWorkspace, type Workspace } from "../deal/workspace.js";
import { amount } from "../report/format.js";
import { canonicalJson } from "../storage/canonical-json.js";
import {
  appendToDocument,
  includedDealSlugs,
  parseFragment,
  storableDocument,
  storedDeal,
  storedKind,
  storedWorkspace,
  wrongDocumentKind,
} from "../storage/deal-document.js";
import { type InvestorView, investorDocument, type SharedAggregate } from "./access.js";
import { ApiError, type ProblemBody, problemBody } from "./api-error.js";
import { computation, requestProblems, runComputation } from "./computations.js";
import type { FileTask, FileTaskValues } from "./file-tasks.js";
import { type ChunkTask, runChunk } from "./simulation-chunks.js";

/**
 * The work the server hands to its pool of worker threads (SPEC SRV-5): every step whose
 * cost depends on the input — reading a document, building a deal, running a computation,
 * reading a report — as a task of plain, serialisable data (document texts, query strings,
 * names), answered with plain data. A computation is called by its name in the registry
 * (src/server/computations.ts), so whatever implements it behind the name can change.
 * The functions here run on a worker thread; run on the request's thread they give the
 * same answers (tests compare both).
 */

/** An investor's view, as plain lists (SPEC AUTH-7). */
export interface InvestorViewData {
  readonly stakeholders: readonly string[];
  readonly shared: readonly string[];
}

/** A document a computation reads: posted in the request, or a stored revision. */
export interface DocumentSource {
  readonly text: string;
  /** Stored: the canonical document of this deal id (its name in messages); posted: undefined. */
  readonly stored?: { readonly slug: string; readonly key: string };
  /** For a stored workspace: the canonical documents of the deals it names, by id. */
  readonly deals?: Readonly<Record<string, string>>;
}

export type ComputeTask =
  | {
      readonly kind: "compute";
      readonly name: string;
      readonly source: DocumentSource;
      /** The query as sent: strings, validated on the worker by the computation's schema. */
      readonly query: Readonly<Record<string, unknown>>;
      readonly investor?: InvestorViewData;
      /** For a job: the port its progress goes to. */
      readonly progress?: MessagePort;
    }
  | { readonly kind: "storable"; readonly text: string; readonly deals?: Readonly<Record<string, string>> }
  | {
      readonly kind: "append";
      readonly base: string;
      /** The stored deal's id, for messages. */
      readonly slug: string;
      readonly list: "transactions" | "rounds";
      readonly fragment: string;
      readonly what: string;
    }
  | {
      readonly kind: "ingest";
      readonly text: string;
      readonly lang: "fr" | "en" | "auto";
      readonly sourceDate?: IsoDate;
    }
  | {
      readonly kind: "add-source";
      readonly base: string;
      readonly slug: string;
      readonly text: string;
      readonly query: {
        readonly lang: "fr" | "en" | "auto";
        readonly sourceDate?: IsoDate;
        readonly round?: string;
        readonly title?: string;
        readonly publisher?: string;
        readonly url?: string;
        readonly sourceId?: string;
      };
    }
  | { readonly kind: "load"; readonly name: string; readonly source: DocumentSource }
  | {
      readonly kind: "close-round";
      readonly base: string;
      readonly slug: string;
      readonly query: Readonly<Record<string, unknown>>;
    }
  | {
      readonly kind: "investor-document";
      readonly document: string;
      readonly slug: string;
      readonly investor: InvestorViewData;
    }
  | FileTask
  | ChunkTask;

/** An expected failure, as an error body: the request's thread answers it with its status. */
export interface TaskFailure {
  readonly ok: false;
  readonly error: {
    readonly code: ApiError["code"];
    readonly message: string;
    readonly problems: readonly ProblemBody[];
  };
}

export type TaskOutcome<T> = { readonly ok: true; readonly value: T } | TaskFailure;

/** What each task answers. */
export interface TaskValues extends FileTaskValues {
  compute: { readonly text: string; readonly loadWarnings: readonly ProblemBody[] };
  storable:
    | { readonly needsDeals: readonly string[] }
    | {
        readonly kind: "deal" | "workspace";
        readonly canonical: string;
        readonly warnings: readonly ProblemBody[];
      };
  append: { readonly canonical: string; readonly index: number; readonly warnings: readonly ProblemBody[] };
  "close-round": {
    readonly canonical: string;
    readonly report: unknown;
    readonly warnings: readonly ProblemBody[];
  };
  ingest: { readonly text: string };
  "add-source": {
    readonly canonical: string;
    readonly sourceIndex: number;
    readonly warnings: readonly ProblemBody[];
    readonly source: string;
    readonly claims: number;
    readonly skipped: unknown;
    readonly newStakeholders: unknown;
  };
  load: Record<string, never>;
  "investor-document": { readonly text: string };
  "simulate-chunk": Uint8Array;
}

/** A posted deal document, loaded; a workspace document is a 400 of the wrong kind (STORE-3). */
export function postedDeal(text: string): { value: Deal; warnings: readonly Diagnostic[] } {
  const parsed = loadDeal(text, "body");
  if (parsed.ok) return { value: parsed.deal, warnings: parsed.warnings };
  const raw = parseDealText(text, "body");
  if (raw.ok && isWorkspaceText(raw.value.raw))
    throw ApiError.fromDiagnostics(wrongDocumentKind("body", "workspace").diagnostics);
  throw ApiError.fromDiagnostics(parsed.diagnostics);
}

/**
 * A posted workspace document, loaded. It stands alone: its companies' deals are inline
 * (`deal:`); a `file:` reference names a stored deal, which only a stored workspace reads.
 */
export function postedWorkspace(text: string): { value: Workspace; warnings: readonly Diagnostic[] } {
  const raw = parseDealText(text, "body");
  if (raw.ok && !isWorkspaceText(raw.value.raw))
    throw ApiError.fromDiagnostics(wrongDocumentKind("body", "deal").diagnostics);
  const loaded = loadWorkspace(text, "body", () => ({
    ok: false,
    message:
      "a posted workspace stands alone: write the company's deal inline (deal:), or store the workspace and its deals and compute on the stored workspace",
  }));
  if (!loaded.ok) throw ApiError.fromDiagnostics(loaded.diagnostics, "the workspace document");
  return { value: loaded.workspace, warnings: loaded.warnings };
}

/**
 * Built stored deals, by revision (`dealId@version`), kept by each worker thread: a
 * revision never changes, so reports at several dates or with several queries of one deal
 * build it once. Few are kept, since a large deal's built form is large.
 */
const builtDeals = new Map<string, Deal>();
const BUILT_DEALS_KEPT = 4;

function storedBuiltDeal(text: string, slug: string, key: string): Deal {
  if (storedKind(text) !== "deal")
    throw ApiError.fromDiagnostics(
      wrongDocumentKind(`stored document ${slug}`, "workspace").diagnostics,
      `stored document ${slug}`,
    );
  const cached = builtDeals.get(key);
  if (cached) {
    builtDeals.delete(key);
    builtDeals.set(key, cached);
    return cached;
  }
  const built = storedDeal(text, slug);
  if (!built.ok) throw ApiError.fromDiagnostics(built.diagnostics, `stored deal ${slug}`);
  builtDeals.set(key, built.deal);
  while (builtDeals.size > BUILT_DEALS_KEPT) builtDeals.delete(builtDeals.keys().next().value as string);
  return built.deal;
}

function storedBuiltWorkspace(source: DocumentSource, slug: string): Workspace {
  if (storedKind(source.text) !== "workspace")
    throw ApiError.fromDiagnostics(
      wrongDocumentKind(`stored document ${slug}`, "deal").diagnostics,
      `stored document ${slug}`,
    );
  const loaded = storedWorkspace(source.text, slug, new Map(Object.entries(source.deals ?? {})));
  if (!loaded.ok) throw ApiError.fromDiagnostics(loaded.diagnostics, `stored workspace ${slug}`);
  return loaded.workspace;
}

const viewOf = (data: InvestorViewData): InvestorView => ({
  stakeholders: new Set(data.stakeholders),
  shared: new Set(data.shared as SharedAggregate[]),
});

export function namedComputation(name: string) {
  const found = computation(name);
  if (!found) throw new ApiError("not_found", `no computation "${name}"`);
  return found;
}

/** What a computation takes, loaded from its document: a deal or a workspace, and the load's warnings. */
export function subjectOf(found: ReturnType<typeof namedComputation>, source: DocumentSource) {
  const stored = source.stored;
  if (stored === undefined)
    return found.on === "deal" ? postedDeal(source.text) : postedWorkspace(source.text);
  const value =
    found.on === "deal"
      ? storedBuiltDeal(source.text, stored.slug, stored.key)
      : storedBuiltWorkspace(source, stored.slug);
  return { value, warnings: [] as readonly Diagnostic[] };
}

async function compute(task: Extract<ComputeTask, { kind: "compute" }>): Promise<TaskValues["compute"]> {
  const found = namedComputation(task.name);
  const input = found.input.safeParse(task.query);
  if (!input.success) {
    const issue = input.error.issues[0]!;
    const path = `query${issue.path.map((p) => `.${String(p)}`).join("")}`;
    throw new ApiError("request_invalid", `${path}: ${issue.message}`, [
      { code: "request_invalid", message: issue.message, path },
    ]);
  }
  const { source } = task;
  const stored = source.stored;
  const { value: subject, warnings } = subjectOf(found, source);
  const signal = new AbortController().signal;
  const progress = task.progress;
  let last = 0;
  const result = await runComputation(found, subject, input.data, {
    signal,
    progress: (done, total) => {
      // At most a few messages a second: progress is for people watching.
      const now = Date.now();
      if (progress && (now - last > 100 || done === total)) {
        last = now;
        progress.postMessage({ done, total });
      }
    },
  });
  if (!result.ok)
    throw ApiError.fromProblems(requestProblems(result.problems), stored ? `deal ${stored.slug}` : "body");
  const report =
    task.investor && found.forInvestor
      ? found.forInvestor(result.value, viewOf(task.investor))
      : result.value;
  return { text: JSON.stringify(report), loadWarnings: warnings.map(problemBody) };
}

async function storable(task: Extract<ComputeTask, { kind: "storable" }>): Promise<TaskValues["storable"]> {
  if (task.deals === undefined) {
    const parsed = parseDealText(task.text, "body");
    if (parsed.ok && isWorkspaceText(parsed.value.raw)) {
      const slugs = includedDealSlugs(parsed.value.raw);
      if (slugs.length > 0) return { needsDeals: slugs };
    }
  }
  const deals = task.deals ?? {};
  const parsed = await storableDocument(task.text, "body", async (slug) => deals[slug]);
  if (!parsed.ok) throw ApiError.fromDiagnostics(parsed.diagnostics);
  return { kind: parsed.kind, canonical: parsed.canonical, warnings: parsed.warnings.map(problemBody) };
}

function append(task: Extract<ComputeTask, { kind: "append" }>): TaskValues["append"] {
  if (storedKind(task.base) !== "deal")
    throw ApiError.fromDiagnostics(
      wrongDocumentKind(`stored document ${task.slug}`, "workspace").diagnostics,
    );
  const fragment = parseFragment(task.fragment, "body");
  if (!fragment.ok) throw ApiError.fromDiagnostics(fragment.diagnostics, `the ${task.what}`);
  const canonical = appendToDocument(task.base, task.list, fragment.value);
  const parsed = storedDeal(canonical, "body");
  if (!parsed.ok) throw ApiError.fromDiagnostics(parsed.diagnostics);
  const index = (JSON.parse(parsed.canonical)[task.list] as unknown[]).length - 1;
  return { canonical: parsed.canonical, index, warnings: parsed.warnings.map(problemBody) };
}

/**
 * Closes a round of a stored deal (CLOSE-3): the use case edits the stored document, which
 * must load again before anything is written; a round that cannot close is the request's 4xx.
 */
function closeStoredRound(task: Extract<ComputeTask, { kind: "close-round" }>): TaskValues["close-round"] {
  if (storedKind(task.base) !== "deal")
    throw ApiError.fromDiagnostics(
      wrongDocumentKind(`stored document ${task.slug}`, "workspace").diagnostics,
    );
  const input = parseInput(closeRound, task.query);
  if (!input.ok) throw ApiError.fromProblems(requestProblems(input.problems), "the request");
  const closed = closeRound.run(task.base, task.slug, input.value);
  if (!closed.ok) {
    if (closed.diagnostics)
      throw ApiError.fromDiagnostics(closed.diagnostics.map(withoutLine), `deal ${task.slug}`);
    throw ApiError.fromProblems(
      requestProblems(closeRoundProblems(closed.problems ?? [])),
      `deal ${task.slug}`,
    );
  }
  const checked = storedDeal(canonicalJson(JSON.parse(closed.value.text)), task.slug);
  if (!checked.ok)
    throw ApiError.fromDiagnostics(checked.diagnostics, `deal ${task.slug} with the round closed`);
  return {
    canonical: checked.canonical,
    report: closeRound.json(closed.value),
    warnings: checked.warnings.map(problemBody),
  };
}

/** A stored document is one line: its positions say nothing, the field path names the place. */
function withoutLine(d: Diagnostic): Diagnostic {
  const { line: _line, column: _column, ...rest } = d;
  return rest;
}

/** The round named in the query that the deal does not have is the request's fault (its `round`). */
function closeRoundProblems(problems: readonly Problem[]): readonly Problem[] {
  return problems.map((p) => (p.code === "usage" ? { ...p, path: ["query", "round"] } : p));
}

function ingestReport(task: Extract<ComputeTask, { kind: "ingest" }>): TaskValues["ingest"] {
  const output = readReport(task.text, {
    lang: task.lang,
    ...(task.sourceDate ? { sourceDate: task.sourceDate } : {}),
  });
  if (!output.ok) throw ApiError.fromProblems(requestProblems(output.problems), "the report");
  return { text: JSON.stringify(ingest.json(output.value)) };
}

function addSource(task: Extract<ComputeTask, { kind: "add-source" }>): TaskValues["add-source"] {
  const { query: q, slug } = task;
  const built = storedBuiltDeal(task.base, slug, `source|${slug}`);
  builtDeals.delete(`source|${slug}`);
  const read = ingestIntoDealOf(task.text, built, q);
  if (!read.ok) throw ApiError.fromProblems(requestProblems(read.problems), "the report");
  const added = read.value.addition;
  if (!added.ok)
    throw ApiError.fromProblems(
      requestProblems(added.problems).map((p) =>
        p.code === "deal_duplicate_id" ? { ...p, path: ["query", "sourceId"] } : p,
      ),
      `deal ${slug}`,
    );
  const { draft, entries } = added.value;
  const document = JSON.parse(task.base) as Record<string, unknown>;
  const list = (key: string) => (Array.isArray(document[key]) ? (document[key] as unknown[]) : []);
  const canonical = canonicalJson({
    ...document,
    sources: [...list("sources"), entries.source],
    claims: [...list("claims"), ...entries.claims],
  });
  // The deal with the new source must load, build and run before anything is written.
  const checked = storedDeal(canonical, slug);
  if (!checked.ok)
    throw ApiError.fromDiagnostics(checked.diagnostics, `deal ${slug} with the report's claims`);
  return {
    canonical: checked.canonical,
    sourceIndex: list("sources").length,
    warnings: checked.warnings.map(problemBody),
    source: draft.source.id,
    claims: entries.claims.length,
    skipped: entries.skipped,
    newStakeholders: draft.newStakeholders,
  };
}

/**
 * A stored deal document as an investor sees it (AUTH-7); with `round_price` shared, its
 * rounds are priced by the prices per share the whole deal gives them.
 */
function investorDocumentText(
  task: Extract<ComputeTask, { kind: "investor-document" }>,
): TaskValues["investor-document"] {
  if (storedKind(task.document) === "workspace")
    throw new ApiError("forbidden", "investors see the deal documents of their companies, not workspaces");
  const view = viewOf(task.investor);
  const prices = new Map<string, string>();
  if (view.shared.has("round_price")) {
    const deal = storedBuiltDeal(task.document, task.slug, `prices|${task.slug}`);
    builtDeals.delete(`prices|${task.slug}`);
    const rounds = roundPricesOf(deal);
    if (rounds.ok)
      for (const r of rounds.value)
        prices.set(r.round, `${amount(r.pricePerShare)} ${r.pricePerShare.currency}`);
  }
  const document = JSON.parse(task.document) as Record<string, unknown>;
  return { text: JSON.stringify(investorDocument(document, view, prices)) };
}

/**
 * Runs one task and answers plain data: the value, or the error body of an expected
 * failure. Anything else thrown is a bug and is thrown on (logged by the request's thread).
 */
export async function runTask(task: ComputeTask): Promise<TaskOutcome<unknown>> {
  try {
    switch (task.kind) {
      case "compute":
        return { ok: true, value: await compute(task) };
      case "storable":
        return { ok: true, value: await storable(task) };
      case "append":
        return { ok: true, value: append(task) };
      case "ingest":
        return { ok: true, value: ingestReport(task) };
      case "close-round":
        return { ok: true, value: closeStoredRound(task) };
      case "add-source":
        return { ok: true, value: addSource(task) };
      case "load":
        subjectOf(namedComputation(task.name), task.source);
        return { ok: true, value: {} };
      case "investor-document":
        return { ok: true, value: investorDocumentText(task) };
      case "describe":
      case "export":
      case "ocf-export":
      case "ocf-import":
      case "spreadsheet-import":
      case "report-file":
      case "diff":
        // Loaded on first use: the file readers and renderers (OCF schemas, workbooks, PDF
        // fonts) would lengthen every thread's start, jobs' threads included.
        return {
          ok: true,
          value: await (await import("./file-tasks.js")).runFileTask(task, storedBuiltDeal),
        };
      case "posted-report-file": {
        // The computation on the posted text, then its file (SPEC WEB-PDF-1, SRV-5a).
        const out = await compute({
          kind: "compute",
          name: task.name,
          source: { text: task.text },
          query: task.query,
        });
        const files = await import("./file-tasks.js");
        return { ok: true, value: await files.postedReportFile(task, out.text, postedDeal(task.text).value) };
      }
      case "simulate-chunk":
        return { ok: true, value: runChunk(task) };
      default:
        throw new Error(`unknown task ${(task as { kind: string }).kind}`);
    }
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, error: error.body().error };
    throw error;
  } finally {
    (task.kind === "compute" || task.kind === "simulate-chunk") &&
      task.progress instanceof MessagePort &&
      task.progress.close();
  }
}
