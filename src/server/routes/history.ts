import type { FastifyInstance } from "fastify";
import * as z from "zod";
import { ApiError } from "../api-error.js";
import { ExpectedVersion, type ServerContext, Slug, workspaceAccess } from "../context.js";
import { liveDocument } from "../documents.js";
import { DealWritten } from "../responses.js";
import { commitRevision } from "./deals.js";

const DealParams = z.strictObject({ ws: Slug, deal: Slug });
const Version = z.coerce.number().int().min(1).max(2_000_000_000);

/**
 * A stored deal's history beyond the list of versions (SPEC STORE-9): the readable
 * difference between two versions (DEAL-DIFF-1..2), and a revert that writes an earlier
 * version's document as a new version, so that nothing of the history is lost.
 */
export function registerHistoryRoutes(app: FastifyInstance, context: ServerContext): void {
  const { store } = context;

  app.get(
    "/api/v1/workspaces/:ws/deals/:deal/diff",
    {
      schema: {
        tags: ["deals"],
        summary:
          "What changed between two versions of a deal: records added, removed or changed field by field, and how the pro forma moved",
        params: DealParams,
        querystring: z.strictObject({ from: Version, to: Version.optional() }),
      },
    },
    async (request, reply) => {
      const { ws, deal } = request.params as { ws: string; deal: string };
      const query = request.query as { from: number; to?: number };
      await workspaceAccess(context, request, ws, "deal.history");
      const head = await store.headRevision(ws, deal);
      const to = query.to ?? head?.version;
      const older = liveDocument(await store.revision(ws, deal, query.from), deal);
      const newer = liveDocument(to === undefined ? undefined : await store.revision(ws, deal, to), deal);
      // Both versions built and compared on a worker thread (SRV-5a).
      const revision = (r: typeof older) => ({
        document: r.document,
        slug: r.slug,
        key: `${r.dealId}@${r.version}`,
        version: r.version,
      });
      const out = await context.pool.run({ kind: "diff", older: revision(older), newer: revision(newer) });
      return reply.type("application/json; charset=utf-8").send(out.text);
    },
  );

  app.post(
    "/api/v1/workspaces/:ws/deals/:deal/revert",
    {
      schema: {
        tags: ["deals"],
        summary: "Write an earlier version's document as a new version (the history keeps every version)",
        params: DealParams,
        querystring: z.strictObject({ to: Version, expectedVersion: ExpectedVersion }),
        response: { 200: DealWritten },
      },
    },
    async (request, reply) => {
      const { ws, deal } = request.params as { ws: string; deal: string };
      const { to, expectedVersion } = request.query as { to: number; expectedVersion: number };
      const access = await workspaceAccess(context, request, ws, "deal.write");
      const target = await store.revision(ws, deal, to);
      if (!target) throw new ApiError("not_found", `deal "${deal}" has no version ${to}`);
      if (target.document === null)
        throw new ApiError(
          "not_found",
          `version ${to} of deal "${deal}" is a deletion; revert to a version that holds a document`,
        );
      // What the document is, read on a worker thread (SRV-5a): it may be large.
      const { kind } = await context.pool.run({ kind: "describe", document: target.document });
      const revision = await commitRevision(
        store,
        access,
        ws,
        deal,
        expectedVersion,
        "revert",
        target.document,
      );
      reply.header("etag", `"${revision.version}"`);
      return {
        id: deal,
        kind,
        version: revision.version,
        documentHash: revision.documentHash,
        revertedTo: to,
      };
    },
  );
}
