import type { FastifyInstance, FastifyRequest } from "fastify";
import * as z from "zod";
import { type IsoDate, parseIsoDate } from "../../core/shared/date.js";
import { LIMITS } from "../../core/shared/limits.js";
import { type ImportOptions, importSpreadsheet, parseMapping } from "../../interchange/spreadsheet/index.js";
import { storableDeal, storedKind, wrongDocumentKind } from "../../storage/deal-document.js";
import { ApiError, problemBody } from "../api-error.js";
import { callerOf, ExpectedVersion, type ServerContext, Slug, workspaceAccess } from "../context.js";
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
  sheet: z.string().min(1).max(LIMITS.nameLength).optional().meta({ description: "The sheet to read." }),
  layout: z
    .enum(["template", "summary", "ledger"])
    .optional()
    .meta({ description: "Found from the headers by default." }),
  company: z.string().min(1).max(LIMITS.nameLength).optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, "an ISO 4217 code such as EUR or USD")
    .optional(),
  date: z
    .string()
    .refine((s) => parseIsoDate(s) !== undefined, "a date is written YYYY-MM-DD")
    .optional()
    .meta({ description: "The date of holdings the sheet gives no date for." }),
  formed: z
    .string()
    .refine((s) => parseIsoDate(s) !== undefined, "a date is written YYYY-MM-DD")
    .optional()
    .meta({ description: "The company's date of formation (incorporation), which OCF export needs." }),
  dateOrder: z.enum(["dmy", "mdy"]).optional(),
  strict: z.stringbool().default(false).meta({ description: "Percentages that differ are errors." }),
  mapping: z
    .string()
    .max(64 * 1024)
    .optional()
    .meta({
      description:
        "A mapping file's text (YAML or JSON): columns, layout, sheet, headerRow, dateOrder, classes.",
    }),
};

type ImportQueryValue = {
  name: string;
  sheet?: string;
  layout?: "template" | "summary" | "ledger";
  company?: string;
  currency?: string;
  date?: string;
  formed?: string;
  dateOrder?: "dmy" | "mdy";
  strict: boolean;
  mapping?: string;
};

/** The posted spreadsheet read into a deal document, or an ApiError naming sheet, row and column. */
async function importBody(request: FastifyRequest, query: ImportQueryValue) {
  const bytes = request.body;
  if (!(bytes instanceof Buffer) || bytes.length === 0)
    throw new ApiError(
      "request_invalid",
      "the body must be a spreadsheet: CSV (text/csv) or XLSX (application/vnd.openxmlformats-officedocument.spreadsheetml.sheet)",
      [{ code: "request_invalid", message: "is required: the file's bytes", path: "body" }],
    );
  const options: { -readonly [K in keyof ImportOptions]: ImportOptions[K] } = {
    sourceName: query.name,
    strict: query.strict,
  };
  if (query.mapping !== undefined) {
    const parsed = parseMapping(query.mapping, "mapping");
    if (!parsed.ok) throw ApiError.fromProblems(parsed.problems, "the mapping");
    options.mapping = parsed.mapping;
  }
  if (query.sheet !== undefined) options.sheet = query.sheet;
  if (query.layout !== undefined) options.layout = query.layout;
  if (query.company !== undefined) options.company = query.company;
  if (query.currency !== undefined) options.currency = query.currency;
  if (query.date !== undefined) options.date = parseIsoDate(query.date) as IsoDate;
  if (query.formed !== undefined) options.formed = parseIsoDate(query.formed) as IsoDate;
  if (query.dateOrder !== undefined) options.dateOrder = query.dateOrder;
  const imported = await importSpreadsheet(new Uint8Array(bytes), options);
  if (!imported.ok) throw ApiError.fromProblems(imported.problems, `the spreadsheet ${query.name}`);
  return imported;
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
    async (request) => {
      callerOf(request);
      const imported = await importBody(request, request.query as ImportQueryValue);
      const v = imported.value;
      return {
        document: v.document,
        yaml: v.yaml,
        layout: v.layout,
        sheet: v.sheet,
        headerRow: v.headerRow,
        columns: v.columns,
        counts: v.counts,
        warnings: imported.warnings.map(problemBody),
      };
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
      const imported = await importBody(request, query);
      const parsed = storableDeal(imported.value.yaml, query.name);
      if (!parsed.ok)
        throw ApiError.fromDiagnostics(parsed.diagnostics, "the deal read from the spreadsheet");
      const head = await context.store.headVersion(ws, deal);
      const creating = !head || head.deleted;
      if (!creating) {
        const current = await context.store.revision(ws, deal, head.version);
        if (current?.document && storedKind(current.document) !== "deal")
          throw ApiError.fromDiagnostics(
            wrongDocumentKind(`stored document ${deal}`, "workspace").diagnostics,
          );
      }
      const revision = await commitRevision(
        context.store,
        access,
        ws,
        deal,
        query.expectedVersion,
        creating ? "create" : "replace",
        parsed.canonical,
      );
      reply.header("etag", `"${revision.version}"`);
      return reply.status(creating ? 201 : 200).send({
        id: deal,
        kind: "deal",
        version: revision.version,
        documentHash: revision.documentHash,
        warnings: [...imported.warnings, ...parsed.warnings].map(problemBody),
      });
    },
  );
}
