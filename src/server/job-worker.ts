import os from "node:os";
import { MessageChannel } from "node:worker_threads";
import { type Kysely, sql } from "kysely";
import { Piscina } from "piscina";
import { SimulationMerge } from "../app/simulation-chunks.js";
import { type BackendConfig, openBackend } from "../storage/backend.js";
import type { Tables } from "../storage/schema.js";
import { ApiError } from "./api-error.js";
import { computeWorkerFile } from "./compute-pool.js";
import type { ComputeTask, TaskOutcome } from "./compute-tasks.js";
import { JobQueue, QUEUE_RETRIES, QUEUES, type QueuedItem, type QueueTiming } from "./job-queue.js";
import { chunkProgress, claimChunk, finishChunk } from "./shared-jobs.js";
import { type ChunkTask, forgetSetup, setupFor } from "./simulation-chunks.js";

type Task = Extract<ComputeTask, { kind: "compute" }>;

/** What a worker says it does, one JSON object a line (the test and the logs read them). */
export type WorkerEvent =
  | { event: "ready"; pid: number }
  | { event: "chunk-start"; job: string; chunk: number; attempt: number }
  | { event: "chunk-done"; job: string; chunk: number }
  | { event: "chunk-dropped"; job: string; chunk: number; reason: string }
  | { event: "merge-done"; job: string }
  | { event: "compute-done"; job: string }
  | { event: "job-failed"; job: string; code: string }
  | { event: "error"; message: string };

export interface JobWorkerOptions {
  readonly backend: Extract<BackendConfig, { kind: "postgres" }>;
  readonly timing: QueueTiming;
  readonly log: (event: WorkerEvent) => void;
  readonly now?: () => Date;
  /** Chunks run at once, each on a thread of its own (SRV-6c); the cores by default. */
  readonly concurrency?: number;
}

export interface RunningWorker {
  /** Stops taking work; finishes (gracefully) or drops the items in hand. */
  stop(graceful: boolean): Promise<void>;
}

/**
 * A worker process's loop (SPEC SRV-6, `roundtable worker`): takes a simulation's chunks
 * (up to `concurrency` at once, each on a thread of its own: SRV-6c), the merges of
 * finished simulations and whole computations from the queue, and writes their results to
 * the job's rows. A chunk is run in slices of PROGRESS_EVERY scenarios; after each the
 * worker writes the chunk's progress (never lower than before: SRV-6b) and reads the job's
 * status, so that a cancelled job's chunk is dropped (its thread terminated) within a slice. A chunk's
 * scenarios depend only on the seed, the plan and their indices (UNC-SIM-4), so the
 * simulation's summary, computed from every chunk's results in scenario order, is the
 * same bytes as one process's, whichever workers ran which chunks, and however often a
 * chunk was redone after its worker died.
 */
export async function startJobWorker(options: JobWorkerOptions): Promise<RunningWorker> {
  const backend = await openBackend(options.backend);
  const db = backend.db as Kysely<Tables>;
  const now = options.now ?? (() => new Date());
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? os.availableParallelism()));
  const log = options.log;
  let queue: JobQueue;
  try {
    const schema =
      (await sql<{ schema: string }>`select current_schema() as schema`.execute(db)).rows[0]?.schema ??
      "public";
    queue = await JobQueue.open(options.backend, schema, options.timing, (error) =>
      log({ event: "error", message: error.message }),
    );
  } catch (error) {
    await backend.close();
    throw error;
  }

  // Chunks and whole computations run on threads of their own (SRV-6c), up to
  // `concurrency` chunks at once; the event loop writes progress and answers the queue.
  const threads = new Piscina({
    filename: computeWorkerFile(),
    minThreads: 0,
    maxThreads: concurrency,
    idleTimeout: 60_000,
    closeTimeout: 5_000,
  });

  /**
   * Runs a task on a thread with a port for its progress; `onProgress` may abort it (its
   * thread is terminated at once). Answers the task's outcome, or undefined when aborted.
   */
  const onThread = async (
    task: ChunkTask | Task,
    onProgress: (p: { done: number; total?: number }, abort: () => void) => Promise<void>,
  ): Promise<TaskOutcome<unknown> | undefined> => {
    const channel = new MessageChannel();
    const aborting = new AbortController();
    let writing: Promise<unknown> = Promise.resolve();
    channel.port1.on("message", (p: { done: number; total?: number }) => {
      writing = writing.then(() => onProgress(p, () => aborting.abort())).catch(() => {});
    });
    try {
      return (await threads.run(
        { ...task, progress: channel.port2 },
        { signal: aborting.signal, transferList: [channel.port2] as never },
      )) as TaskOutcome<unknown>;
    } catch (error) {
      if (aborting.signal.aborted) return undefined;
      throw error;
    } finally {
      channel.port1.close();
      await writing;
    }
  };

  const failJob = async (jobId: string, error: ApiError) => {
    await sql`update shared_jobs set status = 'failed', finished_at = ${now().toISOString()},
        error = ${JSON.stringify(error.body().error)}
      where id = ${jobId} and status = 'running'`.execute(db);
    await sql`update shared_job_chunks set data = null where job_id = ${jobId}`.execute(db);
    log({ event: "job-failed", job: jobId, code: error.code });
  };

  /** Runs an item; an expected failure ends the job; anything else, on the last try too. */
  const guarded = (handle: (item: QueuedItem) => Promise<void>) => async (item: QueuedItem) => {
    try {
      await handle(item);
    } catch (error) {
      if (error instanceof ApiError) return failJob(item.data.jobId, error);
      log({ event: "error", message: (error as Error).message ?? String(error) });
      if (item.retryCount >= item.retryLimit)
        return failJob(item.data.jobId, new ApiError("unavailable", "the job failed unexpectedly"));
      throw error;
    }
  };

  const runChunk = async (item: QueuedItem) => {
    const jobId = item.data.jobId;
    const chunk = item.data.chunk ?? 0;
    const claimed = await claimChunk(db, jobId, chunk);
    if (!claimed) return log({ event: "chunk-dropped", job: jobId, chunk, reason: "gone" });
    if (claimed.status !== "running")
      return log({ event: "chunk-dropped", job: jobId, chunk, reason: claimed.status });
    if (claimed.finished !== 1) {
      log({ event: "chunk-start", job: jobId, chunk, attempt: claimed.attempts });
      const from = Number(claimed.run_from);
      const to = Number(claimed.run_to);
      let dropped: string | undefined;
      // After each slice the chunk's progress is written and the job's status read: a chunk
      // of a job that no longer runs is dropped (its thread terminated) within a slice.
      const outcome = await onThread(
        { kind: "simulate-chunk", jobId, task: JSON.parse(claimed.task) as Task, from, to },
        async (p, abort) => {
          if (dropped !== undefined) return;
          const status = await chunkProgress(db, jobId, chunk, p.done);
          if (status !== "running") {
            dropped = status ?? "gone";
            abort();
          }
        },
      );
      if (outcome === undefined || dropped !== undefined) {
        log({ event: "chunk-dropped", job: jobId, chunk, reason: dropped ?? "gone" });
        return;
      }
      if (!outcome.ok) throw new ApiError(outcome.error.code, outcome.error.message, outcome.error.problems);
      const bytes = outcome.value as Uint8Array;
      await finishChunk(
        db,
        jobId,
        chunk,
        Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
        to - from,
      );
      log({ event: "chunk-done", job: jobId, chunk });
    }
    const counts = (
      await sql<{ finished: string; chunks: string }>`
        select count(*) filter (where finished = 1) as finished, count(*) as chunks
        from shared_job_chunks where job_id = ${jobId}`.execute(db)
    ).rows[0];
    if (counts && Number(counts.finished) === Number(counts.chunks)) await queue.sendMerge(jobId);
  };

  const runMerge = async (item: QueuedItem) => {
    const jobId = item.data.jobId;
    const job = (
      await sql<{
        status: string;
        task: string;
      }>`select status, task from shared_jobs where id = ${jobId}`.execute(db)
    ).rows[0];
    if (!job) return;
    if (job.status !== "running") return;
    const { setup, input } = setupFor(jobId, JSON.parse(job.task) as Task);
    const merge = new SimulationMerge(setup, input.runs);
    const chunks = (
      await sql<{ chunk: number; run_from: string; run_to: string }>`
        select chunk, run_from, run_to from shared_job_chunks where job_id = ${jobId} and finished = 1
        order by chunk`.execute(db)
    ).rows;
    let covered = 0;
    // One chunk's bytes at a time: a whole simulation's would be one very large answer.
    for (const c of chunks) {
      const from = Number(c.run_from);
      const to = Number(c.run_to);
      if (from !== covered)
        throw new Error(`job ${jobId}: chunk ${c.chunk} starts at ${from}, expected ${covered}`);
      const row = (
        await sql<{ data: Buffer | null }>`select data from shared_job_chunks
          where job_id = ${jobId} and chunk = ${c.chunk}`.execute(db)
      ).rows[0];
      if (!row?.data) return; // cancelled meanwhile: its chunks' data are dropped
      merge.place(from, to - from, row.data);
      covered = to;
    }
    if (covered !== input.runs)
      throw new Error(`job ${jobId}: the chunks cover ${covered} of ${input.runs} runs`);
    const report = merge.json(input.seed);
    await db.transaction().execute(async (trx) => {
      const done = await sql`update shared_jobs set status = 'succeeded', result = ${JSON.stringify(report)},
          finished_at = ${now().toISOString()}
        where id = ${jobId} and status = 'running'`.execute(trx);
      if (Number(done.numAffectedRows ?? 0) > 0)
        await sql`update shared_job_chunks set data = null where job_id = ${jobId}`.execute(trx);
    });
    forgetSetup(jobId);
    log({ event: "merge-done", job: jobId });
  };

  const runCompute = async (item: QueuedItem) => {
    const jobId = item.data.jobId;
    const job = (
      await sql<{
        status: string;
        task: string;
      }>`select status, task from shared_jobs where id = ${jobId}`.execute(db)
    ).rows[0];
    if (!job) return;
    if (job.status !== "running") return;
    const task = JSON.parse(job.task) as Task;
    const outcome = await onThread(task, async (p) => {
      await sql`with progress as (
          update shared_job_chunks set done = greatest(done, ${p.done}) where job_id = ${jobId} and chunk = 0
        )
        update shared_jobs set total = ${p.total ?? 0} where id = ${jobId} and status = 'running'`.execute(
        db,
      );
    });
    if (outcome === undefined) return;
    if (!outcome.ok)
      return failJob(jobId, new ApiError(outcome.error.code, outcome.error.message, outcome.error.problems));
    const text = (outcome.value as { text: string }).text;
    await sql`update shared_jobs set status = 'succeeded', result = ${text}, finished_at = ${now().toISOString()}
      where id = ${jobId} and status = 'running'`.execute(db);
    log({ event: "compute-done", job: jobId });
  };

  try {
    // Up to `concurrency` chunks in hand at once: each loop takes one at a time.
    for (let i = 0; i < concurrency; i++) await queue.work(QUEUES.chunk, guarded(runChunk));
    await queue.work(QUEUES.merge, guarded(runMerge));
    await queue.work(QUEUES.compute, guarded(runCompute));
    // An item given back too often (its workers were killed again and again): its job fails.
    const starts = (options.timing.retries ?? QUEUE_RETRIES) + 1;
    await queue.work(QUEUES.dead, (item) =>
      failJob(
        item.data.jobId,
        new ApiError(
          "unavailable",
          `a part of the job was started ${starts} time${starts === 1 ? "" : "s"} and never finished (its workers stopped or failed); start the job again`,
        ),
      ),
    );
  } catch (error) {
    await queue.stop(false).catch(() => {});
    await threads.destroy();
    await backend.close();
    throw error;
  }
  log({ event: "ready", pid: process.pid });
  return {
    async stop(graceful) {
      await queue.stop(graceful);
      await threads.destroy();
      await backend.close();
    },
  };
}

/** How the launcher reads the queue's timing settings (`roundtable worker`, SRV-6). */
export { queueTimingFrom } from "./job-queue.js";
