import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import * as z from "zod";
import { CloseRoundInput } from "../../app/close-round.js";
import { readStoredDeals } from "../../storage/deal-document.js";
import type { Revision, Store } from "../../storage/store.js";
import type { InvestorView } from "../access.js";
import { ApiError } from "../api-error.js";
import { COMPUTATIONS, type Computation } from "../computations.js";
import { runJob } from "../compute-pool.js";
import type { DocumentSource, InvestorViewData } from "../compute-tasks.js";
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
import {
  hasReportFile,
  investorFileRefused,
  requestedFileFormat,
  requestedFileLanguage,
  sendFile,
  withFormatParam,
} from "../report-files.js";
import { DealClosed, DealRead, DealWritten } from "../responses.js";

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

  const { readDeal } = documentReaders(context);

  /** A stored document as a computation reads it: a workspace with the deals it names (STORE-3). */
  async function storedSource(
    ws: string,
    revision: Revision & { document: string },
  ): Promise<DocumentSource> {
    const stored = { slug: revision.slug, key: `${revision.dealId}@${revision.version}` };
    // What the document is, read on a worker thread (SRV-5a): a large one is not parsed here.
    const described = await context.pool.run({ kind: "describe", document: revision.document });
    if (described.kind !== "workspace") return { text: revision.document, stored };
    const deals = await readStoredDeals(described.includedDeals, readDeal(ws));
    return { text: revision.document, stored, deals: Object.fromEntries(deals) };
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
      reply.header("etag", `"${revision.version}"`);
      // The stored text is sent as it is: a large document is neither parsed nor written
      // again on the request's thread; an investor's view is made on a worker thread, which
      // also refuses them a workspace (SRV-5a).
      const document = access.investor
        ? (
            await context.pool.run({
              kind: "investor-document",
              document: revision.document,
              slug: deal,
              investor: viewData(access.investor),
            })
          ).text
        : revision.document;
      const head = JSON.stringify({
        id: deal,
        version: revision.version,
        updatedAt: revision.createdAt,
        ...(access.investor ? {} : { action: revision.action, documentHash: revision.documentHash }),
      });
      return reply
        .type("application/json; charset=utf-8")
        .send(`${head.slice(0, -1)},"document":${document}}`);
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
      // Written out on a worker thread (SRV-5a): a large deal's YAML takes long to write.
      return reply.send(
        (await context.pool.run({ kind: "export", document: revision.document, format })).text,
      );
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
      // Read and checked on a worker thread; a workspace names stored deals, read here.
      const text = documentText(request);
      let parsed = await context.pool.run({ kind: "storable", text });
      if ("needsDeals" in parsed) {
        const deals = await readStoredDeals(parsed.needsDeals, readDeal(ws));
        parsed = await context.pool.run({ kind: "storable", text, deals: Object.fromEntries(deals) });
      }
      if ("needsDeals" in parsed) throw new Error("a workspace's deals were read and asked for again");
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
        warnings: parsed.warnings,
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
        const fragment = documentText(request);
        const base = await store.revision(ws, deal, expectedVersion);
        if (!base || base.document === null) {
          const head = await store.headVersion(ws, deal);
          if (head && !head.deleted && head.version !== expectedVersion)
            throw conflict(expectedVersion, head.version);
          throw new ApiError("not_found", `no deal "${deal}"`);
        }
        // The stored document's kind is checked on the worker thread with the fragment (SRV-5a).
        const parsed = await context.pool.run({
          kind: "append",
          base: base.document,
          slug: deal,
          list,
          fragment,
          what: what.slice(2),
        });
        const revision = await commit(access, ws, deal, expectedVersion, action, parsed.canonical);
        const index = parsed.index;
        reply.header("etag", `"${revision.version}"`);
        return reply.status(201).send({
          id: deal,
          version: revision.version,
          documentHash: revision.documentHash,
          path: `${list}[${index}]`,
          warnings: parsed.warnings,
        });
      },
    );
  }

  app.post(
    "/api/v1/workspaces/:ws/deals/:deal/close-round",
    {
      schema: {
        tags: ["deals"],
        summary:
          "Close a modelled round into the ledger (CLOSE-3): its classes, conversions, pool increase, anti-dilution and issuances per closing become dated transactions, the round moves to closedRounds; a new version",
        params: DealParams,
        querystring: z.strictObject({ expectedVersion: ExpectedVersion, ...CloseRoundInput.shape }),
        response: { 201: DealClosed },
      },
    },
    async (request, reply) => {
      const { ws, deal } = request.params as { ws: string; deal: string };
      const { expectedVersion, ...query } = request.query as { expectedVersion: number } & CloseRoundInput;
      const access = await workspaceAccess(context, request, ws, "deal.write");
      const base = await store.revision(ws, deal, expectedVersion);
      if (!base || base.document === null) {
        const head = await store.headVersion(ws, deal);
        if (head && !head.deleted && head.version !== expectedVersion)
          throw conflict(expectedVersion, head.version);
        throw new ApiError("not_found", `no deal "${deal}"`);
      }
      const closed = await context.pool.run({ kind: "close-round", base: base.document, slug: deal, query });
      const revision = await commit(access, ws, deal, expectedVersion, "close_round", closed.canonical);
      reply.header("etag", `"${revision.version}"`);
      return reply.status(201).send({
        id: deal,
        version: revision.version,
        documentHash: revision.documentHash,
        closed: closed.report,
        warnings: closed.warnings,
      });
    },
  );

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
          summary: `${computation.summary} (a stored deal)${hasReportFile(computation) ? "; as a PDF or XLSX file with ?format= or the Accept header" : ""}`,
          params: DealParams,
          querystring: withFormatParam(computation),
        },
      },
      async (request, reply) => {
        const { ws, deal } = request.params as { ws: string; deal: string };
        const fileFormat = hasReportFile(computation) ? requestedFileFormat(request) : undefined;
        const access = await workspaceAccess(context, request, ws, "report.read");
        if (access.investor && !computation.forInvestor)
          throw new ApiError("forbidden", `investors cannot run ${computation.name}`);
        // Investors read reports as JSON only (REP-8).
        if (fileFormat && access.investor) throw investorFileRefused(computation, fileFormat);
        const head = await store.headVersion(ws, deal);
        if (!head || head.deleted) throw new ApiError("not_found", `no deal "${deal}"`);
        const query = request.url.slice(request.url.indexOf("?") + 1 || request.url.length);
        const investor = access.investor && computation.forInvestor ? viewData(access.investor) : undefined;
        // Reports of a deal are cached by its version, the query and the view (SPEC API-7); a
        // workspace's report also depends on the deals it names, which are read each time.
        const key =
          computation.on === "deal"
            ? `report|${head.dealId}@${head.version}|${computation.name}|${query}${investor ? `|investor:${investor.stakeholders.join(",")}|${investor.shared.join(",")}` : ""}`
            : "";
        let text = key === "" ? undefined : await cache.get(key);
        if (text === undefined) {
          const revision = liveDocument(await store.revision(ws, deal, head.version), deal);
          const out = await context.pool.run({
            kind: "compute",
            name: computation.name,
            source: await storedSource(ws, revision),
            // The computation's own parameters: the file format is the route's, not its.
            query: withoutFormat(request.rawQuery ?? {}),
            ...(investor ? { investor } : {}),
          });
          text = out.text;
          if (key !== "") await cache.set(key, text);
        }
        reply.header("etag", `"${head.version}"`);
        if (fileFormat) {
          // A PDF or XLSX is rendered from the report on a worker thread (SRV-5a).
          const revision = liveDocument(await store.revision(ws, deal, head.version), deal);
          const file = await context.pool.run({
            kind: "report-file",
            format: fileFormat,
            name: computation.name,
            report: text,
            query: withoutFormat(request.rawQuery ?? {}),
            revision: {
              document: revision.document,
              slug: revision.slug,
              key: `${revision.dealId}@${revision.version}`,
            },
            dealId: deal,
            version: head.version,
            lang: requestedFileLanguage(request),
          });
          return sendFile(reply, file);
        }
        return reply.type("application/json; charset=utf-8").send(text);
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
        const source = await storedSource(ws, revision);
        // A document of the wrong kind is the request's 400, before any job starts.
        await context.pool.run({ kind: "load", name: computation.name, source });
        const investor = access.investor;
        const task = {
          kind: "compute" as const,
          name: computation.name,
          source,
          query: request.rawQuery ?? {},
        };
        const job = await context.jobs.start({
          computation: computation.name,
          ownerId: callerOf(request).user.id,
          // A worker process applies the investor's view itself (SPEC SRV-6).
          task: investor && computation.forInvestor ? { ...task, investor: viewData(investor) } : task,
          run: (ctx) => runJob(context.pool, task, ctx),
          present: (result) =>
            investor && computation.forInvestor ? computation.forInvestor(result, investor) : result,
        });
        return sendJob(reply, job);
      },
    );
  }
}

function withoutFormat(query: Record<string, unknown>): Record<string, unknown> {
  // The file's format and language are the route's: the computation's report does not change with them.
  const { format: _format, lang: _lang, ...rest } = query;
  return rest;
}

/** An investor's view as plain lists, for a worker thread. */
function viewData(view: InvestorView): InvestorViewData {
  return { stakeholders: [...view.stakeholders].sort(), shared: [...view.shared].sort() };
}

export function sendJob(reply: FastifyReply, job: { id: string }) {
  return reply.status(202).header("location", `/api/v1/jobs/${job.id}`).send({ job });
}
