import { randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";
import { LIMITS } from "../core/shared/limits.js";
import type { Result } from "../core/shared/problem.js";
import { ApiError } from "./api-error.js";
import type { ComputationContext } from "./computations.js";
import type { ComputeTask } from "./compute-tasks.js";

export type JobStatus = "running" | "succeeded" | "failed" | "cancelled";

export interface JobState {
  readonly id: string;
  readonly computation: string;
  readonly status: JobStatus;
  readonly progress: { readonly done: number; readonly total: number };
  readonly createdAt: string;
  readonly finishedAt: string | null;
  readonly result?: unknown;
  readonly error?: ReturnType<ApiError["body"]>["error"];
}

interface Job {
  state: JobState;
  readonly ownerId: string;
  readonly abort: AbortController;
  readonly events: EventEmitter;
  /** Applied to the result when it is read (the investor view). */
  readonly present: (result: Record<string, unknown>) => unknown;
  readonly task: JobStart["task"];
}

/** What starts a job: the computation as plain data (for a shared queue), and how to run it here. */
export interface JobStart {
  readonly computation: string;
  readonly ownerId: string;
  /** The computation as plain data: what a worker process runs (SPEC SRV-6). */
  readonly task: Extract<ComputeTask, { kind: "compute" }>;
  /** Runs the computation in this process (the in-memory jobs). */
  readonly run: (context: ComputationContext) => Promise<Result<Record<string, unknown>>>;
  /** Applied to the result when it is read (the investor view). */
  readonly present: (result: Record<string, unknown>) => unknown;
}

/**
 * The jobs of a server (SPEC API-6): in this process's memory (JobManager, SQLite's
 * embedded default), or in the database, run by worker processes (SharedJobs, PostgreSQL,
 * SPEC SRV-6). A job is visible only to the user who started it.
 */
export interface Jobs {
  start(input: JobStart): JobState | Promise<JobState>;
  get(id: string, userId: string): JobState | undefined | Promise<JobState | undefined>;
  follow(
    id: string,
    userId: string,
    on: { progress(p: JobState["progress"]): void; end(state: JobState): void },
  ): (() => void) | undefined | Promise<(() => void) | undefined>;
  cancel(id: string, userId: string): JobState | undefined | Promise<JobState | undefined>;
  /**
   * What a job computed on, for its owner: the task as started (the document's text and the
   * query), from which a finished job's report file is built (REP-8); undefined for anyone else.
   */
  task(id: string, userId: string): JobStart["task"] | undefined | Promise<JobStart["task"] | undefined>;
  /** At shutdown: cancels the jobs that live in this process. */
  cancelAll(): void | Promise<void>;
}

/**
 * Jobs for long computations (SPEC API-6): started by a POST, read by polling or as a
 * stream of server-sent events. Kept in memory by the process that runs them, visible
 * only to the user who started them, bounded in number, dropped a while after they end.
 */
export class JobManager implements Jobs {
  private readonly jobs = new Map<string, Job>();

  constructor(private readonly now: () => Date = () => new Date()) {}

  start(input: JobStart): JobState {
    this.expire();
    const running = [...this.jobs.values()].filter((j) => j.state.status === "running").length;
    if (this.jobs.size >= LIMITS.jobsKept || running >= LIMITS.jobsRunning)
      throw new ApiError(
        "too_many_jobs",
        `the server runs at most ${LIMITS.jobsRunning} jobs at once and keeps ${LIMITS.jobsKept}; try again later`,
      );
    const job: Job = {
      state: {
        id: randomUUID(),
        computation: input.computation,
        status: "running",
        progress: { done: 0, total: 0 },
        createdAt: this.now().toISOString(),
        finishedAt: null,
      },
      ownerId: input.ownerId,
      abort: new AbortController(),
      events: new EventEmitter(),
      present: input.present,
      task: input.task,
    };
    this.jobs.set(job.state.id, job);
    const context: ComputationContext = {
      signal: job.abort.signal,
      progress: (done, total) => {
        if (job.state.status !== "running") return;
        job.state = { ...job.state, progress: { done, total } };
        job.events.emit("progress", job.state.progress);
      },
    };
    // Start on the next turn, so that the POST answers before the first step.
    setImmediate(() => {
      input
        .run(context)
        .then((result) => {
          if (job.state.status !== "running") return;
          this.finish(
            job,
            result.ok
              ? { status: "succeeded", result: result.value }
              : { status: "failed", error: ApiError.fromProblems(result.problems).body().error },
          );
        })
        .catch((error: unknown) => {
          if (job.state.status !== "running") return;
          this.finish(job, {
            status: "failed",
            error:
              error instanceof ApiError
                ? error.body().error
                : { code: "unavailable", message: "the job failed unexpectedly", problems: [] },
          });
        });
    });
    return this.view(job);
  }

  private finish(job: Job, outcome: Partial<JobState> & { status: JobStatus }): void {
    job.state = { ...job.state, ...outcome, finishedAt: this.now().toISOString() };
    job.events.emit("end", this.view(job));
  }

  private view(job: Job): JobState {
    const { result, ...rest } = job.state;
    return result === undefined ? rest : { ...rest, result: job.present(result as Record<string, unknown>) };
  }

  /** The job as its owner sees it; undefined for anyone else (SPEC API-6). */
  get(id: string, userId: string): JobState | undefined {
    this.expire();
    const job = this.jobs.get(id);
    return job && job.ownerId === userId ? this.view(job) : undefined;
  }

  /** Follows a job: progress events, then its end. Returns the function that stops following. */
  follow(
    id: string,
    userId: string,
    on: { progress(p: JobState["progress"]): void; end(state: JobState): void },
  ): (() => void) | undefined {
    const job = this.jobs.get(id);
    if (!job || job.ownerId !== userId) return undefined;
    if (job.state.status !== "running") {
      on.end(this.view(job));
      return () => {};
    }
    job.events.on("progress", on.progress);
    job.events.on("end", on.end);
    return () => {
      job.events.off("progress", on.progress);
      job.events.off("end", on.end);
    };
  }

  task(id: string, userId: string): JobStart["task"] | undefined {
    const job = this.jobs.get(id);
    return job && job.ownerId === userId ? job.task : undefined;
  }

  cancel(id: string, userId: string): JobState | undefined {
    const job = this.jobs.get(id);
    if (!job || job.ownerId !== userId) return undefined;
    if (job.state.status === "running") {
      job.abort.abort();
      this.finish(job, { status: "cancelled" });
    }
    return this.view(job);
  }

  /** Cancels every running job (at shutdown). */
  cancelAll(): void {
    for (const job of this.jobs.values()) {
      if (job.state.status === "running") {
        job.abort.abort();
        this.finish(job, { status: "cancelled" });
      }
    }
  }

  private expire(): void {
    const cutoff = this.now().getTime() - LIMITS.jobResultMs;
    for (const [id, job] of this.jobs) {
      if (job.state.finishedAt !== null && Date.parse(job.state.finishedAt) < cutoff) this.jobs.delete(id);
    }
  }
}
