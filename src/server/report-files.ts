import type { FastifyReply, FastifyRequest } from "fastify";
import * as z from "zod";
import { claimsReportOf } from "../app/claims-report.js";
import { exit } from "../app/exit.js";
import { parseInput } from "../app/use-case.js";
import type { Deal } from "../deal/build.js";
import type { ReportDocument } from "../render/document.js";
import { nodePdfFonts } from "../render/node-fonts.js";
import { renderPdf } from "../render/pdf.js";
import { lastEventDate } from "../render/reports/bridge.js";
import { capTableDocument, capTableFiguresOf } from "../render/reports/cap-table.js";
import { claimsDocument, claimsFiguresOf } from "../render/reports/claims.js";
import { exitDocument, exitFiguresOf } from "../render/reports/exit.js";
import { type DocumentContext, proFormaDocument, proFormaFiguresOf } from "../render/reports/pro-forma.js";
import { scenariosDocument, scenariosFiguresOf } from "../render/reports/scenarios.js";
import { simulationDocument, simulationFiguresOf } from "../render/reports/simulation.js";
import { renderXlsx } from "../render/xlsx.js";
import type { CapTableReport } from "../report/captable-report.js";
import type { ModelReport } from "../report/model-report.js";
import type { ScenariosReport } from "../report/scenarios-report.js";
import { ApiError } from "./api-error.js";
import { type Computation, requestProblems } from "./computations.js";

/**
 * PDF and XLSX reports from the API (SPEC REP-8): the stored deal's computation routes
 * answer `?format=pdf|xlsx` or `Accept: application/pdf` / the XLSX media type with the
 * report's file instead of its JSON, for the computations below. Investors get JSON only:
 * their view of a report leaves out what they may not see, and the files are built from
 * the whole report.
 */
const DOCUMENTS: Readonly<
  Record<
    string,
    (
      report: Record<string, unknown>,
      deal: Deal,
      context: DocumentContext,
      query: Record<string, unknown>,
    ) => ReportDocument | Promise<ReportDocument>
  >
> = {
  model: (r, _d, context) => proFormaDocument(proFormaFiguresOf(r as unknown as ModelReport), context),
  captable: (r, _d, context) => capTableDocument(capTableFiguresOf(r as unknown as CapTableReport), context),
  // The typed dossier of the stored deal with the request's claim set (the JSON's chosen ids).
  claims: (r, d, context) =>
    claimsDocument(
      claimsFiguresOf(claimsReportOf(d, (r.chosen as { claims: string[] } | null)?.claims), lastEventDate(d)),
      context,
    ),
  // The exit statement at the request's exact `at` values (none: the breakpoints alone),
  // from the typed report of the exit use case (REP-6).
  exit: async (_r, d, context, query) => {
    if (query.sweep !== undefined || query.ipo !== undefined)
      throw new ApiError(
        "request_invalid",
        "the exit's PDF and XLSX are the waterfall at exact `at` values with the breakpoints: sweep and ipo are JSON only",
      );
    const { breakpoints: _breakpoints, ...rest } = query;
    const input = parseInput(exit, { ...rest, statement: "true" });
    if (!input.ok) throw ApiError.fromProblems(requestProblems(input.problems), "the request");
    const report = await exit.run(d, input.value);
    if (!report.ok) throw ApiError.fromProblems(requestProblems(report.problems), "the report");
    if (report.value.kind !== "statement") throw new Error("exit: a file report is the exit statement");
    return exitDocument(exitFiguresOf(report.value), context);
  },
  scenarios: (r, d, context) =>
    scenariosDocument(scenariosFiguresOf(r as unknown as ScenariosReport, lastEventDate(d)), context),
  // A job on the server: its file is only for a posted document, run to the end in the
  // request (`POST /api/v1/compute/simulate?format=pdf`, WEB-PDF-1).
  simulate: (r, d, context) =>
    simulationDocument(
      simulationFiguresOf(r as unknown as Parameters<typeof simulationFiguresOf>[0], lastEventDate(d)),
      context,
    ),
};

export const FILE_MEDIA_TYPES = {
  pdf: "application/pdf",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

export type FileFormat = keyof typeof FILE_MEDIA_TYPES;

/** Whether a computation's stored-deal route also answers as a file. */
export function hasReportFile(computation: Computation): boolean {
  return computation.on === "deal" && computation.mode === "sync" && computation.name in DOCUMENTS;
}

const UNSAVED_PARAM = z.enum(["true", "false"]).optional().meta({
  description:
    "true: the posted document holds edits not yet saved; a PDF or XLSX file says so in its title block.",
});

const FORMAT_PARAM = z.enum(["json", "pdf", "xlsx"]).optional().meta({
  description: "json (default), or the report as a PDF or an XLSX workbook (also by the Accept header).",
});

/**
 * Whether a job computation of a deal also answers, on a posted document, as a file run to
 * the end in the request (`POST /api/v1/compute/<name>?format=pdf|xlsx`; the Monte Carlo
 * summary, WEB-PDF-1).
 */
export function hasPostedJobFile(computation: Computation): boolean {
  return computation.on === "deal" && computation.mode === "job" && computation.name in DOCUMENTS;
}

/** The query schema of a job's file route: its parameters, the format (required) and `unsaved`. */
export function postedJobFileParams(computation: Computation): z.ZodType {
  return (computation.input as unknown as z.ZodObject).extend({
    format: z.enum(["pdf", "xlsx"]).meta({ description: "The report as a PDF or an XLSX workbook." }),
    unsaved: UNSAVED_PARAM,
  });
}

/** The computation's query schema with `format` added (json by default). */
export function withFormatParam(computation: Computation): z.ZodType {
  if (!hasReportFile(computation)) return computation.input;
  return (computation.input as unknown as z.ZodObject).extend({ format: FORMAT_PARAM });
}

/**
 * The query schema of a computation on a posted document (`POST /api/v1/compute/<name>`):
 * `format` as on a stored deal, and `unsaved`, which marks the file's figures as coming
 * from unsaved edits (the web app posts its working document with them, SPEC WEB-PDF-1).
 */
export function withPostedFileParams(computation: Computation): z.ZodType {
  if (!hasReportFile(computation)) return computation.input;
  return (computation.input as unknown as z.ZodObject).extend({
    format: FORMAT_PARAM,
    unsaved: UNSAVED_PARAM,
  });
}

/** The mark of a file whose figures come from edits not yet saved (SPEC WEB-PDF-1). */
export const UNSAVED_EDITS_MARK = {
  kind: "unsaved_edits",
  text: "The figures come from edits not yet saved: no stored version of the deal holds them.",
} as const;

/** The file format a request asks for: `?format=`, else the Accept header; undefined for JSON. */
export function requestedFileFormat(request: FastifyRequest): FileFormat | undefined {
  const query = request.query as { format?: string };
  if (query.format === "pdf" || query.format === "xlsx") return query.format;
  if (query.format === "json") return undefined;
  const accept = String(request.headers.accept ?? "");
  if (accept.includes(FILE_MEDIA_TYPES.pdf)) return "pdf";
  if (accept.includes(FILE_MEDIA_TYPES.xlsx)) return "xlsx";
  return undefined;
}

/**
 * The report's file: the document built from the report and rendered as PDF or XLSX, and its
 * attachment name. The renderers are deterministic (REP-3, OUT-3), so the same report of the
 * same version gives the same bytes.
 */
export async function renderReportFile(options: {
  format: FileFormat;
  computation: Computation;
  report: Record<string, unknown>;
  /** The computation's query parameters (the file format left out). */
  query: Record<string, unknown>;
  deal: Deal;
  dealId: string;
  /** The stored version; none for a posted document. */
  version: number | undefined;
  /** Marks the figures cannot carry themselves: unsaved edits. */
  marks?: DocumentContext["marks"];
}): Promise<{ bytes: Uint8Array; mediaType: string; filename: string }> {
  const build = DOCUMENTS[options.computation.name]!;
  const context: DocumentContext = {
    ...(options.version === undefined ? {} : { version: String(options.version) }),
    ...(options.marks ? { marks: options.marks } : {}),
  };
  const document = await build(options.report, options.deal, context, options.query);
  const bytes =
    options.format === "pdf"
      ? await renderPdf(document, { fonts: nodePdfFonts() })
      : await renderXlsx(document);
  const version = options.version === undefined ? "" : `-v${options.version}`;
  const filename = `${options.dealId}-${options.computation.name}${version}.${options.format}`.replace(
    /[^A-Za-z0-9._-]/g,
    "_",
  );
  return { bytes, mediaType: FILE_MEDIA_TYPES[options.format], filename };
}

/** Sends a rendered file as an attachment. */
export function sendFile(
  reply: FastifyReply,
  file: { bytes: Uint8Array; mediaType: string; filename: string },
) {
  return reply
    .type(file.mediaType)
    .header("content-disposition", `attachment; filename="${file.filename}"`)
    .send(Buffer.from(file.bytes));
}

/** Renders the report as the file asked for and sends it as an attachment. */
export async function sendReportFile(
  reply: FastifyReply,
  options: {
    format: FileFormat;
    computation: Computation;
    report: Record<string, unknown>;
    /** The computation's query parameters (the file format left out). */
    query: Record<string, unknown>;
    deal: Deal;
    dealId: string;
    version: number;
    investor: boolean;
  },
) {
  if (options.investor)
    throw new ApiError(
      "forbidden",
      `investors read the ${options.computation.name} report as JSON; its ${options.format.toUpperCase()} file shows the whole deal`,
    );
  return sendFile(reply, await renderReportFile(options));
}
