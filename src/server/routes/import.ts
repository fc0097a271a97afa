import type { FastifyInstance, FastifyRequest } from "fastify";
import * as z from "zod";
import { SpreadsheetImportFields } from "../../app/import.js";
import { LIMITS } from "../../core/shared/limits.js";
import { ApiError } from "../api-error.js";
import { callerOf, ExpectedVersion, type ServerContext, Slug, workspaceAccess } from "../context.js";
import type { SpreadsheetQuery } from "../file-tasks.js";
import { DealWritten } from "../responses.js";
import { commitRevision } from "./deals.js";

/** The content types a spreadsheet is posted with (SPEC API-8, docs/spec/import.md IMP-80). */
export const SPREADSHEET_TYPES = [
  "text/csv",
  "application/csv",
  "text/tab-separated-values",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.ms-excel",
];

const ImportQuery = {
  name: z.string().min(1).max(LIMITS.nameLength).default("upload").meta({
    description: "The file's name, for messages and the deal's notes (captable.xlsx).",
  }),
  ...SpreadsheetImportFields,
};

type ImportQueryValue = SpreadsheetQuery;

/** The posted spreadsheet's bytes; an empty body is a 400 naming the types it may be. */
function spreadsheetBytes(request: FastifyRequest): Uint8Array {
  const bytes = request.body;
  if (!(bytes instanceof Buffer) || bytes.length === 0)
    throw new ApiError(
      "request_invalid",
      "the body must be a spreadsheet: CSV (text/csv) or XLSX (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet)",
      [{ code: "request_invalid", message: "is required: the file's bytes", path: "body" }],
    );
  return new Uint8Array(bytes);
}

/** The import's own query: the route's `expectedVersion` left out. */
function spreadsheetQuery(query: ImportQueryValue & { expectedVersion?: number }): SpreadsheetQuery {
  const { expectedVersion: _expectedVersion, ...rest } = query;
  return rest;
}

/**
 * Importing a cap table from a spreadsheet (docs/spec/import.md): the same function as
 * `roundtable import`, on a posted file, returned or stored as a deal.
 */
export function registerImportRoutes(app: FastifyInstance, context: ServerContext): void {
  app.post(
    "/api/v1/compute/import",
    {
      schema: {
        tags: ["import"],
        summary:
          "Read a cap table from a spreadsheet (CSV or XLSX: template, summary or ledger layout) into a deal document, as `roundtable import`; nothing is stored",
        querystring: z.strictObject(ImportQuery),
      },
    },
    async (request, reply) => {
      callerOf(request);
      // Read on a worker thread (SRV-5a), within the import's limits (IMP-80).
      const out = await context.pool.run({
        kind: "spreadsheet-import",
        bytes: spreadsheetBytes(request),
        query: spreadsheetQuery(request.query as ImportQueryValue),
        store: false,
      });
      if (out.stored) throw new Error("a spreadsheet import not to be stored was checked for the store");
      return reply.type("application/json; charset=utf-8").send(out.text);
    },
  );

  app.post(
    "/api/v1/workspaces/:ws/deals/:deal/import",
    {
      schema: {
        tags: ["import"],
        summary:
          "Import a cap table from a spreadsheet (CSV or XLSX) as a stored deal, as `roundtable import`: a new deal (expectedVersion=0) or a new version",
        params: z.strictObject({ ws: Slug, deal: Slug }),
        querystring: z.strictObject({ expectedVersion: ExpectedVersion, ...ImportQuery }),
        response: { 200: DealWritten, 201: DealWritten },
      },
    },
    async (request, reply) => {
      const { ws, deal } = request.params as { ws: string; deal: string };
      const query = request.query as ImportQueryValue & { expectedVersion: number };
      const access = await workspaceAccess(context, request, ws, "deal.write");
      const bytes = spreadsheetBytes(request);
      const head = await context.store.headVersion(ws, deal);
      const creating = !head || head.deleted;
      const current = creating ? undefined : await context.store.revision(ws, deal, head.version);
      // Read and checked as the store keeps it on a worker thread (SRV-5a).
      const out = await context.pool.run({
        kind: "spreadsheet-import",
        bytes,
        query: spreadsheetQuery(query),
        store: true,
        ...(current?.document ? { current: { document: current.document, slug: deal } } : {}),
      });
      if (!out.stored) throw new Error("a spreadsheet import to be stored was not checked for the store");
      const revision = await commitRevision(
        context.store,
        access,
        ws,
        deal,
        query.expectedVersion,
        creating ? "create" : "replace",
        out.canonical,
      );
      reply.header("etag", `"${revision.version}"`);
      return reply.status(creating ? 201 : 200).send({
        id: deal,
        kind: "deal",
        version: revision.version,
        documentHash: revision.documentHash,
        warnings: out.warnings,
      });
    },
  );
}
