import type { FastifyInstance, FastifyReply } from "fastify";
import * as z from "zod";
import type { Language } from "../../render/document.js";
import { ApiError } from "../api-error.js";
import { COMPUTATIONS, type Computation } from "../computations.js";
import { runJob } from "../compute-pool.js";
import { callerOf, type ServerContext } from "../context.js";
import type { JobState } from "../jobs.js";
import {
  hasPostedJobFile,
  hasReportFile,
  LANG_PARAM,
  postedJobFileParams,
  renderJobFile,
  requestedFileFormat,
  requestedFileLanguage,
  sendFile,
  withPostedFileParams,
} from "../report-files.js";
import { JobState as JobStateBody } from "../responses.js";
import { DEAL_BODY, documentText, sendJob, WORKSPACE_BODY } from "./deals.js";

const JobParams = z.strictObject({ jobId: z.uuid() });

/** A report's JSON text with the posted document's load warnings added, when it has any. */
function withLoadWarnings(out: { text: string; loadWarnings: readonly unknown[] }): string {
  if (out.loadWarnings.length === 0) return out.text;
  const warnings = `"loadWarnings":${JSON.stringify(out.loadWarnings)}`;
  return out.text === "{}" ? `{${warnings}}` : `${out.text.slice(0, -1)},${warnings}}`;
}

/** Computations on posted deal documents, and the jobs endpoints (SPEC API-5, API-6). */
export function registerComputeRoutes(app: FastifyInstance, context: ServerContext): void {
  for (const computation of COMPUTATIONS as readonly Computation[]) {
    const path =
      computation.mode === "sync"
        ? `/api/v1/compute/${computation.name}`
        : `/api/v1/compute/${computation.name}/jobs`;
    app.post(
      path,
      {
        schema: {
          tags: computation.mode === "sync" ? ["computations"] : ["jobs"],
          summary: `${computation.mode === "job" ? "Start a job: " : ""}${computation.summary} (a posted ${computation.on} document, JSON or YAML)`,
          querystring: computation.mode === "sync" ? withPostedFileParams(computation) : computation.input,
          body: computation.on === "deal" ? DEAL_BODY : WORKSPACE_BODY,
        },
      },
      async (request, reply) => {
        const caller = callerOf(request);
        const fileFormat = hasReportFile(computation) ? requestedFileFormat(request) : undefined;
        const {
          format: _format,
          unsaved,
          lang: _lang,
          ...query
        } = (request.rawQuery ?? {}) as Record<string, unknown>;
        // Loaded and run on a worker thread (SPEC SRV-5): the document's text and the query
        // as sent go there (the file's parameters left out), the computation by its name.
        const task = {
          kind: "compute" as const,
          name: computation.name,
          source: { text: documentText(request) },
          query: hasReportFile(computation) ? query : (request.rawQuery ?? {}),
        };
        if (computation.mode === "job") {
          // A document that does not load is the request's 400, before any job starts.
          await context.pool.run({ kind: "load", name: computation.name, source: task.source });
          const job = await context.jobs.start({
            computation: computation.name,
            ownerId: caller.user.id,
            task,
            run: (ctx) => runJob(context.pool, task, ctx),
            present: (result) => result,
          });
          return sendJob(reply, job);
        }
        if (fileFormat)
          return sendPostedFile(
            reply,
            computation,
            fileFormat,
            task,
            query,
            unsaved === "true",
            requestedFileLanguage(request),
          );
        const out = await context.pool.run(task);
        return reply.type("application/json; charset=utf-8").send(withLoadWarnings(out));
      },
    );
    if (hasPostedJobFile(computation))
      app.post(
        `/api/v1/compute/${computation.name}`,
        {
          schema: {
            tags: ["computations"],
            summary: `${computation.summary} (a posted deal document), run to the end in the request: as a PDF or XLSX file`,
            querystring: postedJobFileParams(computation),
            body: DEAL_BODY,
          },
        },
        async (request, reply) => {
          const {
            format,
            unsaved,
            lang: _lang,
            ...query
          } = (request.rawQuery ?? {}) as Record<string, unknown>;
          const task = {
            kind: "compute" as const,
            name: computation.name,
            source: { text: documentText(request) },
            query,
          };
          return sendPostedFile(
            reply,
            computation,
            format as "pdf" | "xlsx",
            task,
            query,
            unsaved === "true",
            requestedFileLanguage(request),
          );
        },
      );
  }

  /**
   * The file of a posted document (SPEC WEB-PDF-1): the report computed on a worker thread,
   * rendered as on a stored deal, with no version, and marked when the document holds
   * unsaved edits.
   */
  async function sendPostedFile(
    reply: FastifyReply,
    computation: Computation,
    format: "pdf" | "xlsx",
    task: { kind: "compute"; name: string; source: { text: string }; query: Record<string, unknown> },
    query: Record<string, unknown>,
    unsaved: boolean,
    lang: Language,
  ) {
    // Computed and rendered on a worker thread (SPEC SRV-5a).
    return sendFile(
      reply,
      await context.pool.run({
        kind: "posted-report-file",
        format,
        name: computation.name,
        text: task.source.text,
        query,
        unsaved,
        lang,
      }),
    );
  }

  app.get(
    "/api/v1/jobs/:jobId",
    {
      schema: {
        tags: ["jobs"],
        summary: "A job's status, progress and, when done, its result",
        params: JobParams,
        response: { 200: JobStateBody },
      },
    },
    async (request) => {
      const { jobId } = request.params as { jobId: string };
      const job = await context.jobs.get(jobId, callerOf(request).user.id);
      if (!job) throw new ApiError("not_found", `no job "${jobId}"`);
      return { job };
    },
  );

  app.get(
    "/api/v1/jobs/:jobId/file",
    {
      schema: {
        tags: ["jobs"],
        summary:
          "A finished simulate job's Monte Carlo summary as a PDF or an XLSX workbook (?format= or the Accept header)",
        params: JobParams,
        querystring: z.strictObject({
          format: z.enum(["pdf", "xlsx"]).optional().meta({
            description: "pdf (default) or xlsx; also by the Accept header.",
          }),
          lang: LANG_PARAM,
        }),
      },
    },
    async (request, reply) => {
      const { jobId } = request.params as { jobId: string };
      const userId = callerOf(request).user.id;
      const [job, task] = await Promise.all([
        context.jobs.get(jobId, userId),
        context.jobs.task(jobId, userId),
      ]);
      if (!job || !task) throw new ApiError("not_found", `no job "${jobId}"`);
      return sendFile(
        reply,
        await renderJobFile({
          format: requestedFileFormat(request) ?? "pdf",
          job,
          task,
          lang: requestedFileLanguage(request),
        }),
      );
    },
  );

  app.delete(
    "/api/v1/jobs/:jobId",
    { schema: { tags: ["jobs"], summary: "Cancel a running job", params: JobParams } },
    async (request) => {
      const { jobId } = request.params as { jobId: string };
      const job = await context.jobs.cancel(jobId, callerOf(request).user.id);
      if (!job) throw new ApiError("not_found", `no job "${jobId}"`);
      return { job };
    },
  );

  app.get(
    "/api/v1/jobs/:jobId/events",
    {
      schema: {
        tags: ["jobs"],
        summary:
          "A job's progress as server-sent events: `progress` events, then one `end` event with the job",
        params: JobParams,
      },
    },
    async (request, reply) => {
      const { jobId } = request.params as { jobId: string };
      const userId = callerOf(request).user.id;
      if (!(await context.jobs.get(jobId, userId))) throw new ApiError("not_found", `no job "${jobId}"`);
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-store",
        connection: "keep-alive",
        "x-content-type-options": "nosniff",
      });
      const send = (event: string, data: unknown) =>
        raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      let stop: (() => void) | undefined;
      const end = (state: JobState) => {
        send("end", state);
        stop?.();
        raw.end();
      };
      let closed = false;
      request.raw.on("close", () => {
        closed = true;
        stop?.();
      });
      stop = await context.jobs.follow(jobId, userId, { progress: (p) => send("progress", p), end });
      if (closed) stop?.();
    },
  );
}
