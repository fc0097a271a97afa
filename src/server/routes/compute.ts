import type { FastifyInstance } from "fastify";
import * as z from "zod";
import type { Deal } from "../../deal/build.js";
import type { Diagnostic } from "../../deal/diagnostics.js";
import { loadDeal, parseDealText } from "../../deal/load.js";
import { isWorkspaceText, loadWorkspace, type Workspace } from "../../deal/workspace.js";
import { wrongDocumentKind } from "../../storage/deal-document.js";
import { ApiError, problemBody } from "../api-error.js";
import { COMPUTATIONS, type Computation, requestProblems, runComputation } from "../computations.js";
import { callerOf, type ServerContext } from "../context.js";
import type { JobState } from "../jobs.js";
import { JobState as JobStateBody } from "../responses.js";
import { DEAL_BODY, documentText, sendJob, WORKSPACE_BODY } from "./deals.js";

/** A posted deal document, loaded; a workspace document is a 400 of the wrong kind (STORE-3). */
export function postedDeal(text: string): { value: Deal; warnings: readonly Diagnostic[] } {
  const parsed = loadDeal(text, "body");
  if (parsed.ok) return { value: parsed.deal, warnings: parsed.warnings };
  const raw = parseDealText(text, "body");
  if (raw.ok && isWorkspaceText(raw.value.raw))
    throw ApiError.fromDiagnostics(wrongDocumentKind("body", "workspace").diagnostics);
  throw ApiError.fromDiagnostics(parsed.diagnostics);
}

/**
 * A posted workspace document, loaded. It stands alone: its companies' deals are inline
 * (`deal:`); a `file:` reference names a stored deal, which only a stored workspace reads.
 */
export function postedWorkspace(text: string): { value: Workspace; warnings: readonly Diagnostic[] } {
  const raw = parseDealText(text, "body");
  if (raw.ok && !isWorkspaceText(raw.value.raw))
    throw ApiError.fromDiagnostics(wrongDocumentKind("body", "deal").diagnostics);
  const loaded = loadWorkspace(text, "body", () => ({
    ok: false,
    message:
      "a posted workspace stands alone: write the company's deal inline (deal:), or store the workspace and its deals and compute on the stored workspace",
  }));
  if (!loaded.ok) throw ApiError.fromDiagnostics(loaded.diagnostics, "the workspace document");
  return { value: loaded.workspace, warnings: loaded.warnings };
}

const JobParams = z.strictObject({ jobId: z.uuid() });

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
          querystring: computation.input,
          body: computation.on === "deal" ? DEAL_BODY : WORKSPACE_BODY,
        },
      },
      async (request, reply) => {
        const caller = callerOf(request);
        // Loaded, not run: the computation runs the deal and reports what fails.
        const text = documentText(request);
        const subject = computation.on === "deal" ? postedDeal(text) : postedWorkspace(text);
        if (computation.mode === "job") {
          const job = context.jobs.start({
            computation: computation.name,
            ownerId: caller.user.id,
            run: async (ctx) => {
              const result = await runComputation(computation, subject.value, request.query, ctx);
              return result.ok ? result : { ok: false, problems: requestProblems(result.problems) };
            },
            present: (result) => result,
          });
          return sendJob(reply, job);
        }
        const result = await runComputation(computation, subject.value, request.query, {
          progress: () => {},
          signal: new AbortController().signal,
        });
        if (!result.ok) throw ApiError.fromProblems(requestProblems(result.problems), "body");
        return {
          ...result.value,
          ...(subject.warnings.length ? { loadWarnings: subject.warnings.map(problemBody) } : {}),
        };
      },
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
      const job = context.jobs.get(jobId, callerOf(request).user.id);
      if (!job) throw new ApiError("not_found", `no job "${jobId}"`);
      return { job };
    },
  );

  app.delete(
    "/api/v1/jobs/:jobId",
    { schema: { tags: ["jobs"], summary: "Cancel a running job", params: JobParams } },
    async (request) => {
      const { jobId } = request.params as { jobId: string };
      const job = context.jobs.cancel(jobId, callerOf(request).user.id);
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
      if (!context.jobs.get(jobId, userId)) throw new ApiError("not_found", `no job "${jobId}"`);
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
      stop = context.jobs.follow(jobId, userId, { progress: (p) => send("progress", p), end });
      request.raw.on("close", () => stop?.());
    },
  );
}
