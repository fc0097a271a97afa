import { randomUUID } from "node:crypto";
import { CompiledQuery, type Kysely, sql } from "kysely";
import { LIMITS } from "../core/shared/limits.js";
import type { Tables } from "../storage/schema.js";
import { ApiError } from "./api-error.js";
import { computation } from "./computations.js";
import type { ComputeTask } from "./compute-tasks.js";
import type { JobQueue } from "./job-queue.js";
import type { JobStart, JobState, JobStatus, Jobs } from "./jobs.js";

/** How often a follower of a shared job reads its progress, in milliseconds. */
const FOLLOW_EVERY_MS = 250;

/** The scenario ranges a job is split into: a simulation's chunks, or one whole computation. */
export function jobChunks(task: Extract<ComputeTask, { kind: "compute" }>): {
  readonly chunks: readonly { readonly from: number; readonly to: number }[];
  readonly total: number;
} {
  if (task.name !== "simulate") return { chunks: [{ from: 0, to: 0 }], total: 0 };
  const input = computation("simulate")?.input.safeParse(task.query);
  const runs = input?.success ? (input.data as { runs: number }).runs : 0;
  const size = LIMITS.simulationChunkRuns;
  const chunks = [];
  for (let from = 0; from < runs; from += size) chunks.push({ from, to: Math.min(runs, from + size) });
  return { chunks, total: runs };
}

/** A chunk a worker takes (SRV-6): its scenario range, whether it is done, and its job's task. */
export interface ClaimedChunk {
  readonly run_from: string;
  readonly run_to: string;
  readonly finished: number;
  readonly attempts: number;
  readonly status: string;
  readonly task: string;
}

/**
 * A worker takes a chunk (SPEC SRV-6, SRV-6b): its attempt is counted; its progress is left
 * as it is. A chunk whose worker was killed is redone from its first scenario, but the
 * progress it had reached stays counted until the redo passes it, so that a job's progress
 * never goes down.
 */
export async function claimChunk(
  db: Kysely<Tables>,
  jobId: string,
  chunk: number,
): Promise<ClaimedChunk | undefined> {
  return (
    await sql<ClaimedChunk>`
      update shared_job_chunks c set attempts = c.attempts + 1
      from shared_jobs j
      where c.job_id = j.id and c.job_id = ${jobId} and c.chunk = ${chunk}
      returning c.run_from, c.run_to, c.finished, c.attempts, j.status, j.task`.execute(db)
  ).rows[0];
}

/**
 * A chunk's progress, in scenarios done, written as the larger of what it had reached and
 * `done` (SRV-6b); answers its job's status (a worker drops the chunk of a job that no
 * longer runs).
 */
export async function chunkProgress(
  db: Kysely<Tables>,
  jobId: string,
  chunk: number,
  done: number,
): Promise<string | undefined> {
  return (
    await sql<{ status: string }>`
      with progress as (
        update shared_job_chunks set done = greatest(done, ${done})
        where job_id = ${jobId} and chunk = ${chunk} and finished = 0
      )
      select status from shared_jobs where id = ${jobId}`.execute(db)
  ).rows[0]?.status;
}

/** A chunk's results, written once: it counts its whole range as done (SRV-6b). */
export async function finishChunk(
  db: Kysely<Tables>,
  jobId: string,
  chunk: number,
  data: Buffer,
  runs: number,
): Promise<void> {
  await sql`update shared_job_chunks set data = ${data}, done = ${runs}, finished = 1
    where job_id = ${jobId} and chunk = ${chunk} and finished = 0`.execute(db);
}

interface JobRow {
  id: string;
  owner_id: string;
  computation: string;
  status: string;
  created_at: string;
  finished_at: string | null;
  result: string | null;
  error: string | null;
  total: string | number;
  done: string | number | null;
}

/**
 * Jobs in the database, run by worker processes (SPEC SRV-6): any server process of a
 * deployment on PostgreSQL starts, reads, follows and cancels any of them, whichever
 * process started it; `roundtable worker` processes run them through the queue (JobQueue).
 * A job's status, progress (the scenarios its chunks have done) and result are rows of
 * shared_jobs and shared_job_chunks. A server that stops leaves its jobs running.
 */
export class SharedJobs implements Jobs {
  constructor(
    private readonly db: Kysely<Tables>,
    private readonly queue: JobQueue,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async start(input: JobStart): Promise<JobState> {
    await this.expire();
    const counts = (
      await sql<{ running: string; kept: string }>`
        select count(*) filter (where status = 'running') as running, count(*) as kept
        from shared_jobs where owner_id = ${input.ownerId}`.execute(this.db)
    ).rows[0];
    if (Number(counts?.running ?? 0) >= LIMITS.jobsRunning || Number(counts?.kept ?? 0) >= LIMITS.jobsKept)
      throw new ApiError(
        "too_many_jobs",
        `a user runs at most ${LIMITS.jobsRunning} jobs at once and keeps ${LIMITS.jobsKept}; try again later`,
      );
    const id = randomUUID();
    const { chunks, total } = jobChunks(input.task);
    const { progress: _port, ...task } = input.task;
    const createdAt = this.now().toISOString();
    await this.db.transaction().execute(async (trx) => {
      await sql`insert into shared_jobs (id, owner_id, computation, status, task, chunks, total, created_at)
        values (${id}, ${input.ownerId}, ${input.computation}, 'running', ${JSON.stringify(task)},
          ${chunks.length}, ${total}, ${createdAt})`.execute(trx);
      for (const [chunk, range] of chunks.entries())
        await sql`insert into shared_job_chunks (job_id, chunk, run_from, run_to)
          values (${id}, ${chunk}, ${range.from}, ${range.to})`.execute(trx);
      // Queued in the same transaction: a job's rows exist if and only if its work is queued.
      const db = {
        executeSql: async (text: string, values: unknown[]) => ({
          rows: [...(await trx.executeQuery(CompiledQuery.raw(text, values))).rows],
        }),
      };
      if (input.task.name === "simulate") await this.queue.sendChunks(id, chunks.length, db);
      else await this.queue.sendCompute(id, db);
    });
    return {
      id,
      computation: input.computation,
      status: "running",
      progress: { done: 0, total },
      createdAt,
      finishedAt: null,
    };
  }

  private async row(id: string): Promise<JobRow | undefined> {
    return (
      await sql<JobRow>`
        select j.id, j.owner_id, j.computation, j.status, j.created_at, j.finished_at, j.result,
          j.error, j.total, (select sum(done) from shared_job_chunks c where c.job_id = j.id) as done
        from shared_jobs j where j.id = ${id}`.execute(this.db)
    ).rows[0];
  }

  private view(row: JobRow): JobState {
    const total = Number(row.total);
    const status = row.status as JobStatus;
    const done = status === "succeeded" ? total : Math.min(total, Number(row.done ?? 0));
    return {
      id: row.id,
      computation: row.computation,
      status,
      progress: { done, total },
      createdAt: row.created_at,
      finishedAt: row.finished_at,
      ...(row.result !== null ? { result: JSON.parse(row.result) as unknown } : {}),
      ...(row.error !== null ? { error: JSON.parse(row.error) as JobState["error"] } : {}),
    };
  }

  async get(id: string, userId: string): Promise<JobState | undefined> {
    const row = await this.row(id);
    return row && row.owner_id === userId ? this.view(row) : undefined;
  }

  async follow(
    id: string,
    userId: string,
    on: { progress(p: JobState["progress"]): void; end(state: JobState): void },
  ): Promise<(() => void) | undefined> {
    const first = await this.get(id, userId);
    if (!first) return undefined;
    if (first.status !== "running") {
      on.end(first);
      return () => {};
    }
    let stopped = false;
    let last = -1;
    const poll = async () => {
      if (stopped) return;
      try {
        const state = await this.get(id, userId);
        if (stopped) return;
        if (!state) return on.end({ ...first, status: "cancelled", finishedAt: this.now().toISOString() });
        if (state.status !== "running") return on.end(state);
        if (state.progress.done !== last) {
          last = state.progress.done;
          on.progress(state.progress);
        }
      } catch {
        // The database did not answer this time: the next poll tries again.
      }
      if (!stopped) timer = setTimeout(poll, FOLLOW_EVERY_MS);
    };
    let timer = setTimeout(poll, 0);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }

  /** The task a job was started with (its document and query), for its owner. */
  async task(id: string, userId: string): Promise<JobStart["task"] | undefined> {
    const row = (
      await sql<{ owner_id: string; task: string }>`
        select owner_id, task from shared_jobs where id = ${id}`.execute(this.db)
    ).rows[0];
    return row && row.owner_id === userId ? (JSON.parse(row.task) as JobStart["task"]) : undefined;
  }

  /**
   * Cancels a running job, from any process: its status says so at once; workers see it at
   * their next progress report (every PROGRESS_EVERY scenarios) and drop their chunk.
   */
  async cancel(id: string, userId: string): Promise<JobState | undefined> {
    await sql`update shared_jobs set status = 'cancelled', finished_at = ${this.now().toISOString()}
      where id = ${id} and owner_id = ${userId} and status = 'running'`.execute(this.db);
    await sql`update shared_job_chunks set data = null where job_id = ${id}`.execute(this.db);
    return this.get(id, userId);
  }

  /** Shared jobs belong to the deployment, not to this process: they go on without it. */
  cancelAll(): void {}

  /** Drops jobs that ended longer ago than LIMITS.jobResultMs (their chunks with them). */
  private async expire(): Promise<void> {
    const cutoff = new Date(this.now().getTime() - LIMITS.jobResultMs).toISOString();
    await sql`delete from shared_jobs where finished_at is not null and finished_at < ${cutoff}`.execute(
      this.db,
    );
  }
}
