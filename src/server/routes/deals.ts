import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import * as z from "zod";
import { runDeal } from "../../core/round/timeline.js";
import { amount } from "../../report/format.js";
import {
  appendToDocument,
  exportDocument,
  parseFragment,
  storableDocument,
  storedDeal,
  storedKind,
  wrongDocumentKind,
} from "../../storage/deal-document.js";
import type { Revision, Store } from "../../storage/store.js";
import { type InvestorView, investorDocument } from "../access.js";
import { ApiError, problemBody } from "../api-error.js";
import { COMPUTATIONS, type Computation, requestProblems, runComputation } from "../computations.js";
import {
  callerOf,
  ExpectedVersion,
  type ServerContext,
  Slug,
  versionNumber,
  type WorkspaceAccess,
  workspaceAccess,
} from "../context.js";
import { documentReaders, liveDocument } from "../documents.js";
import { DealRead, DealWritten } from "../responses.js";

const DealParams = z.strictObject({ ws: Slug, deal: Slug });
const VersionQuery = versionNumber(1);

/** The body schema of a deal document, for the OpenAPI document; the deal loader validates it. */
export const DEAL_BODY = { $ref: "DealDocument#" } as const;
export const WORKSPACE_BODY = { $ref: "WorkspaceDocument#" } as const;
export const STORED_BODY = { $ref: "StoredDocument#" } as const;

/** The text of a posted deal document: YAML as sent, or JSON as sent (numbers keep their text). */
export function documentText(request: FastifyRequest): string {
  const text = request.rawBody;
  if (text === undefined || text.trim() === "")
    throw new ApiError("request_invalid", "the body must be a deal document (JSON or YAML)", [
      { code: "request_invalid", message: "is required", path: "body" },
    ]);
  return text;
}

export function conflict(expected: number, current: number): ApiError {
  return new ApiError(
    "version_conflict",
    `the deal is at version ${current}, not ${expected}: read it again and apply the change to the latest version`,
    [{ code: "version_conflict", message: `current version is ${current}`, path: "query.expectedVersion" }],
  );
}

export type CommitArgs = [
  access: WorkspaceAccess,
  ws: string,
  deal: string,
  expectedVersion: number,
  action: Revision["action"],
  document: string | null,
];

/**
 * Writes one version of a stored document as the caller (STORE-4, STORE-6): a stale
 * `expectedVersion` is a 409 naming the current version, and nothing is written.
 */
export async function commitRevision(
  store: Store,
  ...[access, ws, deal, expectedVersion, action, document]: CommitArgs
) {
  const written = await store.writeDeal({
    workspaceId: ws,
    slug: deal,
    expectedVersion,
    action,
    document,
    actorId: access.caller.user.id,
  });
  if (!written.ok) throw conflict(expectedVersion, written.currentVersion);
  return written.revision;
}

export function registerDealRoutes(app: FastifyInstance, context: ServerContext): void {
  const { store, cache } = context;

  const { builtDeal, builtWorkspace, readDeal } = documentReaders(context);

  /** The rounds' prices per share, when the owner shares them with investors (AUTH-7). */
  function roundPrices(view: InvestorView, revision: Revision & { document: string }): Map<string, string> {
    const prices = new Map<string, string>();
    if (!view.shared.has("round_price") || storedKind(revision.document) !== "deal") return prices;
    const deal = builtDeal(revision);
    const run = runDeal(deal.ledger, deal.rounds);
    if (!run.ok) return prices;
    for (const outcome of run.value.rounds)
      prices.set(outcome.terms.id, `${amount(outcome.pricePerShare)} ${outcome.pricePerShare.currency}`);
    return prices;
  }

  app.get(
    "/api/v1/workspaces/:ws/deals",
    {
      schema: {
        tags: ["deals"],
        summary: "The workspace's deals, with their latest version",
        params: z.strictObject({ ws: Slug }),
      },
    },
    async (request) => {
      const { ws } = request.params as { ws: string };
      await workspaceAccess(context, request, ws, "deal.read");
      return { deals: await store.listDeals(ws) };
    },
  );

  app.get(
    "/api/v1/workspaces/:ws/deals/:deal",
    {
      schema: {
        tags: ["deals"],
        summary: "A deal's document at its latest version (or ?version=N); investors see their own view",
        params: DealParams,
        querystring: z.strictObject({ version: VersionQuery.optional() }),
        response: { 200: DealRead },
      },
    },
    async (request, reply) => {
      const { ws, deal } = request.params as { ws: string; deal: string };
      const { version } = request.query as { version?: number };
      const access = await workspaceAccess(context, request, ws, "deal.read");
      if (version !== undefined && access.investor)
        throw new ApiError("forbidden", "investors see the latest version only");
      const revision = liveDocument(
        version === undefined ? await store.headRevision(ws, deal) : await store.revision(ws, deal, version),
        deal,
      );
      const document = JSON.parse(revision.document) as Record<string, unknown>;
      if (access.investor && storedKind(revision.document) === "workspace")
        throw new ApiError(
          "forbidden",
          "investors see the deal documents of their companies, not workspaces",
        );
      reply.header("etag", `"${revision.version}"`);
      const shown = access.investor
        ? investorDocument(document, access.investor, roundPrices(access.investor, revision))
        : document;
      return {
        id: deal,
        version: revision.version,
        updatedAt: revision.createdAt,
        ...(access.investor ? {} : { action: revision.action, documentHash: revision.documentHash }),
        document: shown,
      };
    },
  );

  app.get(
    "/api/v1/workspaces/:ws/deals/:deal/export",
    {
      schema: {
        tags: ["deals"],
        summary: "A deal as a deal file (YAML or JSON) that loads back to the same deal",
        params: DealParams,
        querystring: z.strictObject({
          format: z.enum(["yaml", "json"]).default("yaml"),
          version: VersionQuery.optional(),
        }),
      },
    },
    async (request, reply) => {
      const { ws, deal } = request.params as { ws: string; deal: string };
      const { format, version } = request.query as { format: "yaml" | "json"; version?: number };
      await workspaceAccess(context, request, ws, "deal.export");
      const revision = liveDocument(
        version === undefined ? await store.headRevision(ws, deal) : await store.revision(ws, deal, version),
        deal,
      );
      reply
        .header(
          "content-type",
          format === "json" ? "application/json; charset=utf-8" : "application/yaml; charset=utf-8",
        )
        .header(
          "content-disposition",
          `attachment; filename="${deal}.${format === "json" ? "json" : "yaml"}"`,
        )
        .header("etag", `"${revision.version}"`);
      return reply.send(exportDocument(revision.document, format));
    },
  );

  app.get(
    "/api/v1/workspaces/:ws/deals/:deal/revisions",
    {
      schema: {
        tags: ["deals"],
        summary: "Every version of a deal: who wrote it, when, and how",
        params: DealParams,
      },
    },
    async (request) => {
      const { ws, deal } = request.params as { ws: string; deal: string };
      await workspaceAccess(context, request, ws, "deal.history");
      const revisions = await store.listRevisions(ws, deal);
      if (revisions.length === 0) throw new ApiError("not_found", `no deal "${deal}"`);
      return { revisions };
    },
  );

  const commit = (...args: CommitArgs) => commitRevision(store, ...args);

  app.put(
    "/api/v1/workspaces/:ws/deals/:deal",
    {
      schema: {
        tags: ["deals"],
        summary:
          "Write a whole document (JSON or YAML), a deal or a workspace naming stored deals, as a new version; expectedVersion=0 creates it",
        params: DealParams,
        querystring: z.strictObject({ expectedVersion: ExpectedVersion }),
        body: STORED_BODY,
        response: { 200: DealWritten, 201: DealWritten },
      },
    },
    async (request, reply) => {
      const { ws, deal } = request.params as { ws: string; deal: string };
      const { expectedVersion } = request.query as { expectedVersion: number };
      const access = await workspaceAccess(context, request, ws, "deal.write");
      const parsed = await storableDocument(documentText(request), "body", readDeal(ws));
      if (!parsed.ok) throw ApiError.fromDiagnostics(parsed.diagnostics);
      const head = await store.headVersion(ws, deal);
      const creating = !head || head.deleted;
      const revision = await commit(
        access,
        ws,
        deal,
        expectedVersion,
        creating ? "create" : "replace",
        parsed.canonical,
      );
      reply.header("etag", `"${revision.version}"`);
      return reply.status(creating ? 201 : 200).send({
        id: deal,
        kind: parsed.kind,
        version: revision.version,
        documentHash: revision.documentHash,
        warnings: parsed.warnings.map(problemBody),
      });
    },
  );

  app.delete(
    "/api/v1/workspaces/:ws/deals/:deal",
    {
      schema: {
        tags: ["deals"],
        summary: "Delete a deal: a new version that marks it deleted (its history stays)",
        params: DealParams,
        querystring: z.strictObject({ expectedVersion: ExpectedVersion }),
      },
    },
    async (request, reply) => {
      const { ws, deal } = request.params as { ws: string; deal: string };
      const { expectedVersion } = request.query as { expectedVersion: number };
      const access = await workspaceAccess(context, request, ws, "deal.write");
      const head = await store.headVersion(ws, deal);
      if (!head || head.deleted) throw new ApiError("not_found", `no deal "${deal}"`);
      await commit(access, ws, deal, expectedVersion, "delete", null);
      return reply.status(204).send();
    },
  );

  for (const [list, action, what] of [
    ["transactions", "append_transaction", "a ledger transaction"],
    ["rounds", "append_round", "a round"],
  ] as const) {
    app.post(
      `/api/v1/workspaces/:ws/deals/:deal/${list}`,
      {
        schema: {
          tags: ["deals"],
          summary: `Append ${what} (JSON or YAML, in the deal-file format) as a new version`,
          params: DealParams,
          querystring: z.strictObject({ expectedVersion: ExpectedVersion }),
          body: { $ref: list === "transactions" ? "DealTransaction#" : "DealRound#" },
          response: { 201: DealWritten },
        },
      },
      async (request, reply) => {
        const { ws, deal } = request.params as { ws: string; deal: string };
        const { expectedVersion } = request.query as { expectedVersion: number };
        const access = await workspaceAccess(context, request, ws, "deal.write");
        const fragment = parseFragment(documentText(request), "body");
        if (!fragment.ok) throw ApiError.fromDiagnostics(fragment.diagnostics, `the ${what.slice(2)}`);
        const base = await store.revision(ws, deal, expectedVersion);
        if (!base || base.document === null) {
          const head = await store.headVersion(ws, deal);
          if (head && !head.deleted && head.version !== expectedVersion)
            throw conflict(expectedVersion, head.version);
          throw new ApiError("not_found", `no deal "${deal}"`);
        }
        if (storedKind(base.document) !== "deal")
          throw ApiError.fromDiagnostics(
            wrongDocumentKind(`stored document ${deal}`, "workspace").diagnostics,
          );
        const canonical = appendToDocument(base.document, list, fragment.value);
        const parsed = storedDeal(canonical, "body");
        if (!parsed.ok) throw ApiError.fromDiagnostics(parsed.diagnostics);
        const revision = await commit(access, ws, deal, expectedVersion, action, parsed.canonical);
        const index = (JSON.parse(parsed.canonical)[list] as unknown[]).length - 1;
        reply.header("etag", `"${revision.version}"`);
        return reply.status(201).send({
          id: deal,
          version: revision.version,
          documentHash: revision.documentHash,
          path: `${list}[${index}]`,
          warnings: parsed.warnings.map(problemBody),
        });
      },
    );
  }

  for (const computation of COMPUTATIONS as readonly Computation[]) {
    if (computation.mode === "sync") registerStoredComputation(computation);
    else registerStoredJob(computation);
  }

  function registerStoredComputation(computation: Computation): void {
    app.get(
      `/api/v1/workspaces/:ws/deals/:deal/${computation.name}`,
      {
        schema: {
          tags: ["computations"],
          summary: `${computation.summary} (a stored deal)`,
          params: DealParams,
          querystring: computation.input,
        },
      },
      async (request, reply) => {
        const { ws, deal } = request.params as { ws: string; deal: string };
        const access = await workspaceAccess(context, request, ws, "report.read");
        if (access.investor && !computation.forInvestor)
          throw new ApiError("forbidden", `investors cannot run ${computation.name}`);
        const head = await store.headVersion(ws, deal);
        if (!head || head.deleted) throw new ApiError("not_found", `no deal "${deal}"`);
        const query = request.url.slice(request.url.indexOf("?") + 1 || request.url.length);
        // A workspace's report also depends on the deals it names: only its loading is cached.
        const key =
          computation.on === "deal"
            ? `report|${head.dealId}@${head.version}|${computation.name}|${query}`
            : "";
        let entry =
          key === ""
            ? undefined
            : (cache.get(key) as { report: Record<string, unknown>; text: string } | undefined);
        if (!entry) {
          const revision = liveDocument(await store.revision(ws, deal, head.version), deal);
          const subject =
            computation.on === "deal" ? builtDeal(revision) : await builtWorkspace(ws, revision);
          const result = await runComputation(computation, subject, request.query, neverCancelled);
          if (!result.ok) throw ApiError.fromProblems(requestProblems(result.problems), `deal ${deal}`);
          entry = { report: result.value, text: JSON.stringify(result.value) };
          if (key !== "") cache.set(key, entry);
        }
        reply.header("etag", `"${head.version}"`);
        if (access.investor && computation.forInvestor)
          return computation.forInvestor(entry.report, access.investor);
        return reply.type("application/json; charset=utf-8").send(entry.text);
      },
    );
  }

  function registerStoredJob(computation: Computation): void {
    app.post(
      `/api/v1/workspaces/:ws/deals/:deal/jobs/${computation.name}`,
      {
        schema: {
          tags: ["jobs"],
          summary: `Start a job: ${computation.summary} (a stored deal)`,
          params: DealParams,
          querystring: computation.input,
        },
      },
      async (request, reply) => {
        const { ws, deal } = request.params as { ws: string; deal: string };
        const access = await workspaceAccess(context, request, ws, "report.read");
        if (access.investor && !computation.forInvestor)
          throw new ApiError("forbidden", `investors cannot run ${computation.name}`);
        const revision = liveDocument(await store.headRevision(ws, deal), deal);
        const built = computation.on === "deal" ? builtDeal(revision) : await builtWorkspace(ws, revision);
        const investor = access.investor;
        const job = context.jobs.start({
          computation: computation.name,
          ownerId: callerOf(request).user.id,
          run: async (ctx) => {
            const result = await runComputation(computation, built, request.query, ctx);
            return result.ok ? result : { ok: false, problems: requestProblems(result.problems) };
          },
          present: (result) =>
            investor && computation.forInvestor ? computation.forInvestor(result, investor) : result,
        });
        return sendJob(reply, job);
      },
    );
  }
}

const neverCancelled = { progress: () => {}, signal: new AbortController().signal };

export function sendJob(reply: FastifyReply, job: { id: string }) {
  return reply.status(202).header("location", `/api/v1/jobs/${job.id}`).send({ job });
}
