import type { FastifyInstance, FastifyRequest } from "fastify";
import * as z from "zod";
import { OcfImportInput } from "../../app/ocf-import.js";
import { Utf8Validator } from "../../core/ingest/input-check.js";
import { type IsoDate, parseIsoDate } from "../../core/shared/date.js";
import { ApiError } from "../api-error.js";
import {
  callerOf,
  DisplayName,
  ExpectedVersion,
  type ServerContext,
  Slug,
  workspaceAccess,
} from "../context.js";
import { liveDocument } from "../documents.js";
import { DealWritten } from "../responses.js";
import { type CommitArgs, commitRevision, conflict, documentText } from "./deals.js";

const DealParams = z.strictObject({ ws: Slug, deal: Slug });

const DateParam = z
  .string()
  .refine((s) => parseIsoDate(s) !== undefined, "a date is written YYYY-MM-DD")
  .transform((s) => parseIsoDate(s) as IsoDate);

const IngestQuery = {
  lang: z.enum(["fr", "en", "auto"]).default("auto").meta({ description: "The report's language." }),
  sourceDate: DateParam.optional().meta({ description: "The report's publication date (YYYY-MM-DD)." }),
};

/**
 * The text of a posted report: bytes that are not UTF-8 are refused with the error the CLI
 * gives them (`ingest_invalid_utf8`, naming the first bad byte), not read as replacement
 * characters.
 */
function reportText(request: FastifyRequest): string {
  const text = documentText(request);
  if (request.bodyBytes !== undefined) {
    const validator = new Utf8Validator();
    const bad = validator.push(request.bodyBytes) ?? validator.end();
    if (bad) throw ApiError.fromProblems([bad], "the report");
  }
  return text;
}

/** A plain-text report, for the OpenAPI document (sent as text/plain). */
const REPORT_BODY = z
  .string()
  .meta({ description: "The report as plain text (text/plain), French or English." });

/** The OCF use cases' own parameter (src/app/ocf-import.ts). */
const OnInconsistency = OcfImportInput.shape.onInconsistency;

/** The body of an OCF upload: the zip's bytes (application/zip). */
export const ZIP_TYPES = ["application/zip", "application/x-zip-compressed", "application/octet-stream"];

/**
 * Reading news reports into claims, and the Open Cap Format (SPEC API-8): the same functions
 * as `roundtable ingest`, `import-ocf` and `export-ocf`, on posted text and stored deals.
 */
export function registerInterchangeRoutes(app: FastifyInstance, context: ServerContext): void {
  const { store } = context;
  const commit = (...args: CommitArgs) => commitRevision(store, ...args);

  app.post(
    "/api/v1/ingest",
    {
      schema: {
        tags: ["ingest"],
        summary:
          "Read a news report (text/plain, French or English) into proposed claims with their evidence, as `roundtable ingest --format json`; nothing is stored",
        querystring: z.strictObject(IngestQuery),
        body: REPORT_BODY,
      },
    },
    async (request, reply) => {
      callerOf(request);
      const { lang, sourceDate } = request.query as { lang: "fr" | "en" | "auto"; sourceDate?: IsoDate };
      // Read on a worker thread: a long report must not hold the event loop (SPEC SRV-5).
      const out = await context.pool.run({
        kind: "ingest",
        text: reportText(request),
        lang,
        ...(sourceDate ? { sourceDate } : {}),
      });
      return reply.type("application/json; charset=utf-8").send(out.text);
    },
  );

  app.post(
    "/api/v1/workspaces/:ws/deals/:deal/sources",
    {
      schema: {
        tags: ["ingest"],
        summary:
          "Accept a news report into a stored deal: the report (text/plain) read into claims, added as one new source with its claims, as a new version",
        params: DealParams,
        querystring: z.strictObject({
          expectedVersion: ExpectedVersion,
          ...IngestQuery,
          round: z.string().min(1).max(200).optional().meta({
            description: "The round the claims are about (default: the deal's last).",
          }),
          title: DisplayName.optional(),
          publisher: DisplayName.optional(),
          url: z.url().max(2000).optional(),
          sourceId: z
            .string()
            .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/)
            .optional()
            .meta({
              description: "The new source's id (default: from the title).",
            }),
        }),
        body: REPORT_BODY,
        response: { 201: DealWritten },
      },
    },
    async (request, reply) => {
      const { ws, deal } = request.params as { ws: string; deal: string };
      const q = request.query as {
        expectedVersion: number;
        lang: "fr" | "en" | "auto";
        sourceDate?: IsoDate;
        round?: string;
        title?: string;
        publisher?: string;
        url?: string;
        sourceId?: string;
      };
      const access = await workspaceAccess(context, request, ws, "deal.write");
      const text = reportText(request);
      const base = await store.revision(ws, deal, q.expectedVersion);
      if (!base || base.document === null) {
        const head = await store.headVersion(ws, deal);
        if (head && !head.deleted && head.version !== q.expectedVersion)
          throw conflict(q.expectedVersion, head.version);
        throw new ApiError("not_found", `no deal "${deal}"`);
      }
      const checked = await context.pool.run({
        kind: "add-source",
        base: base.document,
        slug: deal,
        text,
        query: q,
      });
      const revision = await commit(access, ws, deal, q.expectedVersion, "append_source", checked.canonical);
      reply.header("etag", `"${revision.version}"`);
      return reply.status(201).send({
        id: deal,
        kind: "deal",
        version: revision.version,
        documentHash: revision.documentHash,
        path: `sources[${checked.sourceIndex}]`,
        warnings: checked.warnings,
        source: checked.source,
        claims: checked.claims,
        skipped: checked.skipped,
        newStakeholders: checked.newStakeholders,
      });
    },
  );

  app.get(
    "/api/v1/workspaces/:ws/deals/:deal/ocf",
    {
      schema: {
        tags: ["ocf"],
        summary:
          "A stored deal's ledger as an Open Cap Format package (zip), valid against the official schemas, as `roundtable export-ocf`",
        params: DealParams,
        querystring: z.strictObject({
          country: z
            .string()
            .regex(/^[A-Z]{2}$/, "an ISO 3166-1 alpha-2 code such as US or FR")
            .optional()
            .meta({
              description: "The issuer's country of formation, which OCF requires; kept from an import.",
            }),
          onInconsistency: OnInconsistency,
          includeModelled: z.enum(["true", "false"]).default("false").meta({
            description:
              "Also write the rounds still only modelled, as close-round would record them (OCF-EXP-14); without it they are listed in the x-ocf-not-exported header",
          }),
        }),
      },
    },
    async (request, reply) => {
      const { ws, deal } = request.params as { ws: string; deal: string };
      const { country, onInconsistency, includeModelled } = request.query as {
        country?: string;
        onInconsistency: "fail" | "preserve";
        includeModelled: "true" | "false";
      };
      await workspaceAccess(context, request, ws, "deal.export");
      const revision = liveDocument(await store.headRevision(ws, deal), deal);
      // Built, checked and zipped on a worker thread (SRV-5a); dated by the revision, not the
      // clock: the same version exports the same bytes.
      const exported = await context.pool.run({
        kind: "ocf-export",
        revision: {
          document: revision.document,
          slug: revision.slug,
          key: `${revision.dealId}@${revision.version}`,
        },
        generatedAt: revision.createdAt,
        ...(country ? { country } : {}),
        onInconsistency,
        includeModelled: includeModelled === "true",
      });
      reply
        .header("content-type", "application/zip")
        .header("content-disposition", `attachment; filename="${deal}.ocf.zip"`)
        .header("etag", `"${revision.version}"`)
        // OCF-VAL-4: whether the package was checked against the official schemas or only with roundtable's own checks.
        .header("x-ocf-validation", exported.validation)
        // OCF-EXP-14: the modelled rounds left out, or written in, by id (empty when none).
        .header("x-ocf-not-exported", exported.notExported.join(","))
        .header("x-ocf-included-modelled", exported.included.join(","));
      return reply.send(Buffer.from(exported.bytes));
    },
  );

  app.post(
    "/api/v1/workspaces/:ws/deals/:deal/ocf",
    {
      schema: {
        tags: ["ocf"],
        summary:
          "Import an Open Cap Format package (a zip, application/zip) as a stored deal, as `roundtable import-ocf`: a new deal (expectedVersion=0) or a new version",
        params: DealParams,
        querystring: z.strictObject({ expectedVersion: ExpectedVersion, onInconsistency: OnInconsistency }),
        response: { 200: DealWritten, 201: DealWritten },
      },
    },
    async (request, reply) => {
      const { ws, deal } = request.params as { ws: string; deal: string };
      const { expectedVersion, onInconsistency } = request.query as {
        expectedVersion: number;
        onInconsistency: "fail" | "preserve";
      };
      const access = await workspaceAccess(context, request, ws, "deal.write");
      const bytes = request.body;
      if (!(bytes instanceof Buffer) || bytes.length === 0)
        throw new ApiError("request_invalid", "the body must be an OCF package as a zip (application/zip)", [
          { code: "request_invalid", message: "is required: the zip's bytes", path: "body" },
        ]);
      const head = await store.headVersion(ws, deal);
      const creating = !head || head.deleted;
      const current = creating ? undefined : await store.revision(ws, deal, head.version);
      // Read, mapped and checked on a worker thread (SRV-5a), with the limits of the OCF
      // reader (OCF-IMP): the package's size unzipped, its files, the request's time.
      const imported = await context.pool.run({
        kind: "ocf-import",
        bytes: new Uint8Array(bytes),
        onInconsistency,
        ...(current?.document ? { current: { document: current.document, slug: deal } } : {}),
      });
      reply.header("x-ocf-validation", imported.validation);
      const revision = await commit(
        access,
        ws,
        deal,
        expectedVersion,
        creating ? "create" : "replace",
        imported.canonical,
      );
      reply.header("etag", `"${revision.version}"`);
      return reply.status(creating ? 201 : 200).send({
        id: deal,
        kind: "deal",
        version: revision.version,
        documentHash: revision.documentHash,
        warnings: imported.warnings,
        mapped: imported.mapped,
        unmapped: imported.unmapped,
        unresolved: imported.unresolved,
      });
    },
  );
}
