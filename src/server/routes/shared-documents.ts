import type { FastifyInstance } from "fastify";
import * as z from "zod";
import {
  SHARED_FORMATS,
  SHARED_REPORTS,
  type SharedDocument,
  type SharedFormat,
  type SharedReport,
} from "../../storage/store.js";
import { ApiError } from "../api-error.js";
import {
  DisplayName,
  type ServerContext,
  Slug,
  Username,
  type WorkspaceAccess,
  workspaceAccess,
} from "../context.js";
import { liveDocument } from "../documents.js";
import { LANG_PARAM, requestedFileLanguage, sendFile } from "../report-files.js";

/** What each shareable report is called in a default title. */
const REPORT_TITLES: Readonly<Record<SharedReport, string>> = {
  model: "pro forma",
  captable: "cap table",
};

const WorkspaceParams = z.strictObject({ ws: Slug });
const SharedParams = z.strictObject({ ws: Slug, id: z.uuid() });

/** Where a shared document's file is downloaded. */
export function sharedDocumentFileUrl(workspaceId: string, id: string): string {
  return `/api/v1/workspaces/${workspaceId}/shared-documents/${id}/file`;
}

function sharedDocumentBody(document: SharedDocument) {
  return {
    id: document.id,
    deal: document.deal,
    version: document.version,
    report: document.report,
    format: document.format,
    title: document.title,
    recipient: document.recipient,
    sharedBy: document.sharedBy,
    sharedAt: document.sharedAt,
    withdrawnAt: document.withdrawnAt,
    file: sharedDocumentFileUrl(document.workspaceId, document.id),
  };
}

/** Whether an investor member sees a shared document: still shared, and with every investor or with them. */
function sharedWith(document: SharedDocument, access: WorkspaceAccess): boolean {
  return (
    document.withdrawnAt === null &&
    (document.recipient === null || document.recipient === access.caller.user.username)
  );
}

/**
 * Documents an owner shares with investors (SPEC SRV-SHARE-1..5): a report of a stored deal
 * (the pro forma or the cap table) at one version, as PDF or XLSX, shared with the
 * workspace's investor members or one of them. The file is rendered from that version on
 * each download, by the renderers the report routes use, so the same document gives the
 * same bytes every time. Investors list and download what is shared with them; owners share,
 * list and withdraw.
 */
export function registerSharedDocumentRoutes(app: FastifyInstance, context: ServerContext): void {
  const { store, cache } = context;

  /** The report's JSON of one stored version, computed as the report routes compute it and cached with theirs. */
  async function reportOf(revision: ReturnType<typeof liveDocument>, report: SharedReport): Promise<string> {
    // A workspace is refused on the worker thread, which builds the revision as a deal (SRV-5a).
    // The key is the report route's for the same version without a query (SPEC API-7).
    const key = `report|${revision.dealId}@${revision.version}|${report}|`;
    let text = await cache.get(key);
    if (text === undefined) {
      const out = await context.pool.run({
        kind: "compute",
        name: report,
        source: {
          text: revision.document,
          stored: { slug: revision.slug, key: `${revision.dealId}@${revision.version}` },
        },
        query: {},
      });
      text = out.text;
      await cache.set(key, text);
    }
    return text;
  }

  app.post(
    "/api/v1/workspaces/:ws/shared-documents",
    {
      schema: {
        tags: ["shared documents"],
        summary:
          "Share a report of a stored deal (pro forma or cap table, PDF or XLSX, at a version) with the workspace's investors or one of them (owners)",
        params: WorkspaceParams,
        body: z.strictObject({
          deal: Slug.meta({ description: "The stored deal's id." }),
          report: z.enum(SHARED_REPORTS).meta({ description: "model (the pro forma) or captable." }),
          format: z.enum(SHARED_FORMATS),
          version: z
            .number()
            .int()
            .min(1)
            .max(2_000_000_000)
            .optional()
            .meta({ description: "The deal's version; its latest by default." }),
          recipient: Username.optional().meta({
            description: "An investor member's user name; every investor member by default.",
          }),
          title: DisplayName.optional().meta({
            description: "What investors see; by default the company, the report and the version.",
          }),
        }),
      },
    },
    async (request, reply) => {
      const { ws } = request.params as { ws: string };
      const body = request.body as {
        deal: string;
        report: SharedReport;
        format: SharedFormat;
        version?: number;
        recipient?: string;
        title?: string;
      };
      const access = await workspaceAccess(context, request, ws, "shared.manage");
      const head = await store.headVersion(ws, body.deal);
      if (!head || (head.deleted && body.version === undefined))
        throw new ApiError("not_found", `no deal "${body.deal}" in workspace "${ws}"`, [
          { code: "not_found", message: `no deal "${body.deal}"`, path: "body.deal" },
        ]);
      const version = body.version ?? head.version;
      const revision = await store.revision(ws, body.deal, version);
      if (!revision || revision.document === null)
        throw new ApiError(
          "not_found",
          `deal "${body.deal}" has no version ${version}${revision ? " with a document (the deal was deleted at it)" : ""}: its latest is ${head.version}`,
          [{ code: "not_found", message: `no version ${version}`, path: "body.version" }],
        );
      const live = liveDocument(revision, body.deal);
      // The report is computed now, so that a version it cannot be made from is refused here
      // rather than at an investor's download.
      await reportOf(live, body.report);
      const company =
        body.title === undefined
          ? ((await context.pool.run({ kind: "describe", document: live.document })).company ?? body.deal)
          : body.deal;
      const shared = await store.shareDocument(
        {
          workspaceId: ws,
          deal: body.deal,
          version,
          report: body.report,
          format: body.format,
          title: body.title ?? `${company} ${REPORT_TITLES[body.report]}, version ${version}`,
          recipient: body.recipient ?? null,
        },
        access.caller.user.id,
      );
      if (!shared.ok) {
        if (shared.reason === "recipient_not_investor")
          throw new ApiError(
            "request_invalid",
            `"${body.recipient}" is not an investor member of workspace "${ws}": documents are shared with investor members`,
            [{ code: "request_invalid", message: "is not an investor member", path: "body.recipient" }],
          );
        throw new ApiError("not_found", `no deal "${body.deal}" at version ${version}`, [
          { code: "not_found", message: `no version ${version}`, path: "body.version" },
        ]);
      }
      return reply.status(201).send({ sharedDocument: sharedDocumentBody(shared.document) });
    },
  );

  app.get(
    "/api/v1/workspaces/:ws/shared-documents",
    {
      schema: {
        tags: ["shared documents"],
        summary:
          "Documents shared with investors: owners see every one (withdrawn ones too); an investor sees those shared with them",
        params: WorkspaceParams,
      },
    },
    async (request) => {
      const { ws } = request.params as { ws: string };
      const access = await workspaceAccess(context, request, ws, "shared.read");
      const documents = await store.listSharedDocuments(
        ws,
        access.investor ? { forInvestor: access.caller.user.id } : {},
      );
      return { sharedDocuments: documents.map(sharedDocumentBody) };
    },
  );

  app.get(
    "/api/v1/workspaces/:ws/shared-documents/:id/file",
    {
      schema: {
        tags: ["shared documents"],
        summary: "Download a shared document: the report rendered from its version, the same bytes each time",
        params: SharedParams,
        // Other query parameters are ignored, as before the language was one.
        querystring: z.object({ lang: LANG_PARAM }),
      },
    },
    async (request, reply) => {
      const { ws, id } = request.params as { ws: string; id: string };
      const access = await workspaceAccess(context, request, ws, "shared.read");
      const document = await store.sharedDocument(ws, id);
      // To an investor, a document not shared with them does not exist.
      if (!document || (access.investor && !sharedWith(document, access)))
        throw new ApiError("not_found", `no document "${id}" is shared with you in workspace "${ws}"`);
      const revision = liveDocument(await store.revision(ws, document.deal, document.version), document.deal);
      // A version never changes and the renderers are deterministic (SRV-SHARE-2), so the file
      // is kept as the reports are (API-7): a second download is not rendered again.
      const lang = requestedFileLanguage(request);
      const key = `file|${revision.dealId}@${revision.version}|${document.report}|${document.format}${lang === "fr" ? "|fr" : ""}`;
      const kept = await cache.get(key);
      if (kept !== undefined) {
        const { bytes, mediaType, filename } = JSON.parse(kept) as Record<string, string>;
        reply.header("cache-control", "private, no-cache");
        return sendFile(reply, {
          bytes: Buffer.from(bytes!, "base64"),
          mediaType: mediaType!,
          filename: filename!,
        });
      }
      const report = await reportOf(revision, document.report);
      // Rendered on a worker thread (SRV-5a).
      const file = await context.pool.run({
        kind: "report-file",
        format: document.format,
        name: document.report,
        report,
        query: {},
        revision: {
          document: revision.document,
          slug: revision.slug,
          key: `${revision.dealId}@${revision.version}`,
        },
        dealId: document.deal,
        version: document.version,
        lang,
      });
      await cache.set(
        key,
        JSON.stringify({
          bytes: Buffer.from(file.bytes).toString("base64"),
          mediaType: file.mediaType,
          filename: file.filename,
        }),
      );
      reply.header("cache-control", "private, no-cache");
      return sendFile(reply, file);
    },
  );

  app.delete(
    "/api/v1/workspaces/:ws/shared-documents/:id",
    {
      schema: {
        tags: ["shared documents"],
        summary: "Withdraw a shared document (owners): investors no longer list or download it",
        params: SharedParams,
      },
    },
    async (request, reply) => {
      const { ws, id } = request.params as { ws: string; id: string };
      const access = await workspaceAccess(context, request, ws, "shared.manage");
      if (!(await store.withdrawSharedDocument(ws, id, access.caller.user.id)))
        throw new ApiError(
          "not_found",
          `no document "${id}" is shared in workspace "${ws}" (or it was withdrawn)`,
        );
      return reply.status(204).send();
    },
  );
}
