import type { FastifyReply, FastifyRequest } from "fastify";
import * as z from "zod";
import { claimsReportOf } from "../app/claims-report.js";
import { exit } from "../app/exit.js";
import { scenarios } from "../app/scenarios.js";
import { lastEventDate } from "../app/select.js";
import { simulate, simulationOfInput } from "../app/simulate.js";
import { type DealUseCase, parseInput } from "../app/use-case.js";
import type { Deal } from "../deal/build.js";
import type { ReportDocument } from "../render/document.js";
import { nodePdfFonts } from "../render/node-fonts.js";
import { renderPdf } from "../render/pdf.js";
import { capTableDocument, capTableFiguresOf } from "../render/reports/cap-table.js";
import { claimsDocument, claimsFiguresOf } from "../render/reports/claims.js";
import { exitDocument, exitFiguresOf } from "../render/reports/exit.js";
import { proFormaDocument, proFormaFiguresOf } from "../render/reports/pro-forma.js";
import { scenariosDocument, scenariosFiguresOf } from "../render/reports/scenarios.js";
import { simulationDocument, simulationFiguresOf } from "../render/reports/simulation.js";
import { renderXlsx } from "../render/xlsx.js";
import type { CapTableReport } from "../report/captable-report.js";
import type { ModelReport } from "../report/model-report.js";
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
      version: string,
      query: Record<string, unknown>,
    ) => ReportDocument | Promise<ReportDocument>
  >
> = {
  model: (r, _d, version) => proFormaDocument(proFormaFiguresOf(r as unknown as ModelReport), { version }),
  captable: (r, _d, version) =>
    capTableDocument(capTableFiguresOf(r as unknown as CapTableReport), { version }),
  // The typed dossier of the stored deal with the request's claim set (the JSON's chosen ids).
  claims: (r, d, version) =>
    claimsDocument(
      claimsFiguresOf(claimsReportOf(d, (r.chosen as { claims: string[] } | null)?.claims), lastEventDate(d)),
      { version },
    ),
  // The exit statement at the request's exact `at` values (none: the breakpoints alone),
  // from the typed report of the exit use case (REP-6).
  exit: async (_r, d, version, query) => {
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
    return exitDocument(exitFiguresOf(report.value), { version });
  },
  // The scenarios side by side, from the typed report of the scenarios use case (REP-6).
  scenarios: async (_r, d, version, query) =>
    scenariosDocument(scenariosFiguresOf(await typedReport(scenarios, d, query), lastEventDate(d)), {
      version,
    }),
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

/** The computation's query schema with `format` added (json by default). */
export function withFormatParam(computation: Computation): z.ZodType {
  if (!hasReportFile(computation)) return computation.input;
  return (computation.input as unknown as z.ZodObject).extend({
    format: z.enum(["json", "pdf", "xlsx"]).optional().meta({
      description: "json (default), or the report as a PDF or an XLSX workbook (also by the Accept header).",
    }),
  });
}

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
  version: number;
}): Promise<{ bytes: Uint8Array; mediaType: string; filename: string }> {
  const build = DOCUMENTS[options.computation.name]!;
  const document = await build(options.report, options.deal, String(options.version), options.query);
  const bytes =
    options.format === "pdf"
      ? await renderPdf(document, { fonts: nodePdfFonts() })
      : await renderXlsx(document);
  const filename =
    `${options.dealId}-${options.computation.name}-v${options.version}.${options.format}`.replace(
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
  const document = simulationDocument(simulationFiguresOf(report, lastEventDate(deal)));
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
