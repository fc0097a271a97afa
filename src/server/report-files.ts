import type { FastifyReply, FastifyRequest } from "fastify";
import * as z from "zod";
import { captable } from "../app/captable.js";
import { claimsReportOf } from "../app/claims-report.js";
import { exit } from "../app/exit.js";
import { model } from "../app/model.js";
import { scenarios } from "../app/scenarios.js";
import { lastEventDate } from "../app/select.js";
import { simulate, simulationOfInput } from "../app/simulate.js";
import { type DealUseCase, parseInput } from "../app/use-case.js";
import type { Deal } from "../deal/build.js";
import type { Language, ReportDocument } from "../render/document.js";
import { nodePdfFonts } from "../render/node-fonts.js";
import { renderPdf } from "../render/pdf.js";
import { capTableDocument, capTableFiguresOf } from "../render/reports/cap-table.js";
import { claimsDocument, claimsFiguresOf } from "../render/reports/claims.js";
import { exitDocument, exitFiguresOf } from "../render/reports/exit.js";
import { type DocumentContext, proFormaDocument, proFormaFiguresOf } from "../render/reports/pro-forma.js";
import { scenariosDocument, scenariosFiguresOf } from "../render/reports/scenarios.js";
import { simulationDocument, simulationFiguresOf } from "../render/reports/simulation.js";
import { renderXlsx } from "../render/xlsx.js";
import { simulationReportFromJson } from "../report/simulation-report.js";
import { ApiError } from "./api-error.js";
import { type Computation, requestProblems } from "./computations.js";
import { namedComputation, subjectOf } from "./compute-tasks.js";
import type { JobStart, JobState } from "./jobs.js";

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
  // The pro forma and the cap table from the typed reports of their use cases with the
  // request's query (APP-2); the API's cap table has no holder × class breakdown.
  model: async (_r, d, context, query) =>
    proFormaDocument(proFormaFiguresOf(await typedReport(model, d, query)), context),
  captable: async (_r, d, context, query) =>
    capTableDocument(capTableFiguresOf(await typedReport(captable, d, query)), context),
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
  // The scenarios side by side, from the typed report of the scenarios use case (REP-6).
  scenarios: async (_r, d, context, query) =>
    scenariosDocument(scenariosFiguresOf(await typedReport(scenarios, d, query), lastEventDate(d)), context),
  // A job on the server: its file here is only for a posted document, run to the end in the
  // request (`POST /api/v1/compute/simulate?format=pdf`, WEB-PDF-1); the summary is built from
  // the report's JSON read back into the typed report (a stored job's file: renderJobFile).
  simulate: (r, d, context, query) => {
    const input = parseInput(simulate, query);
    const setup = input.ok ? simulationOfInput(d, input.value) : undefined;
    const report = simulationReportFromJson(
      r,
      setup?.ok ? setup.value.names : undefined,
      setup?.ok ? setup.value.meta.roundId : undefined,
    );
    if (!report) throw new Error("simulate: its result is not a simulation report");
    return simulationDocument(simulationFiguresOf(report, lastEventDate(d)), context);
  },
};

/**
 * The typed report of a use case on the stored deal with the request's query (the JSON's
 * report is its JSON; the file is built from the typed one, APP-2).
 */
async function typedReport<I, R>(useCase: DealUseCase<I, R>, deal: Deal, query: Record<string, unknown>) {
  const input = parseInput(useCase, query);
  if (!input.ok) throw ApiError.fromProblems(requestProblems(input.problems), "the request");
  const report = await useCase.run(deal, input.value);
  if (!report.ok) throw ApiError.fromProblems(requestProblems(report.problems), "the report");
  return report.value;
}

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

/** The language a PDF or XLSX file is worded in (issue 16); the JSON does not change with it. */
export const LANG_PARAM = z.enum(["en", "fr"]).optional().meta({
  description:
    "en (default) or fr: the language of a PDF or XLSX file's words and of how the PDF writes its figures (830 Md$, 27,00 %). The JSON answer does not change with it.",
});

/** The language a request asks its file in: `?lang=fr`, else English. */
export function requestedFileLanguage(request: FastifyRequest): Language {
  return (request.query as { lang?: string }).lang === "fr" ? "fr" : "en";
}

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
    lang: LANG_PARAM,
  });
}

/** The computation's query schema with `format` added (json by default). */
export function withFormatParam(computation: Computation): z.ZodType {
  if (!hasReportFile(computation)) return computation.input;
  return (computation.input as unknown as z.ZodObject).extend({ format: FORMAT_PARAM, lang: LANG_PARAM });
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
    lang: LANG_PARAM,
  });
}

/** The mark of a file whose figures come from edits not yet saved (SPEC WEB-PDF-1), the renderers'. */
export { unsavedEditsMark } from "../render/document.js";

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
  /** The language of the file's words (English when absent). */
  lang?: Language;
}): Promise<{ bytes: Uint8Array; mediaType: string; filename: string }> {
  const build = DOCUMENTS[options.computation.name]!;
  const context: DocumentContext = {
    ...(options.version === undefined ? {} : { version: String(options.version) }),
    ...(options.marks ? { marks: options.marks } : {}),
    ...(options.lang === "fr" ? { lang: "fr" as const } : {}),
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

/**
 * A finished job's report as a file (REP-8): the simulation's Monte Carlo summary, from the
 * job's result (its JSON, read back into the typed report) and the deal it ran on (the
 * claims' names, the date of its last event). Only a succeeded simulate job has one.
 */
export async function renderJobFile(options: {
  format: FileFormat;
  job: JobState;
  task: JobStart["task"];
  lang?: Language;
}): Promise<{ bytes: Uint8Array; mediaType: string; filename: string }> {
  const { job, task } = options;
  if (job.computation !== "simulate")
    throw new ApiError(
      "request_invalid",
      `a ${job.computation} job's result is JSON only; a simulate job's is also a PDF or XLSX file`,
    );
  if (job.status !== "succeeded")
    throw new ApiError(
      "request_invalid",
      `the job has ${job.status === "running" ? "not finished" : job.status}: its file is there once it has succeeded`,
    );
  const deal = subjectOf(namedComputation(task.name), task.source).value as Deal;
  const input = parseInput(simulate, task.query);
  const setup = input.ok ? simulationOfInput(deal, input.value) : undefined;
  const report = simulationReportFromJson(
    job.result,
    setup?.ok ? setup.value.names : undefined,
    setup?.ok ? setup.value.meta.roundId : undefined,
  );
  if (!report) throw new Error(`job ${job.id}: its result is not a simulation report`);
  const document = simulationDocument(
    simulationFiguresOf(report, lastEventDate(deal)),
    options.lang === "fr" ? { lang: "fr" } : {},
  );
  const bytes =
    options.format === "pdf"
      ? await renderPdf(document, { fonts: nodePdfFonts() })
      : await renderXlsx(document);
  return {
    bytes,
    mediaType: FILE_MEDIA_TYPES[options.format],
    filename: `simulation-${job.id}.${options.format}`,
  };
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

/** Investors read reports as JSON only (REP-8): the files are built from the whole report. */
export function investorFileRefused(computation: Computation, format: FileFormat): ApiError {
  return new ApiError(
    "forbidden",
    `investors read the ${computation.name} report as JSON; its ${format.toUpperCase()} file shows the whole deal`,
  );
}
