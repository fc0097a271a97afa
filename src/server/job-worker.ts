import { setImmediate as nextTurn } from "node:timers/promises";
import { MessageChannel } from "node:worker_threads";
import { type Kysely, sql } from "kysely";
import type { Problem } from "../core/shared/problem.js";
import {
  allocateSimulationBuffers,
  completeExactScenarios,
  PROGRESS_EVERY,
  type SimulationBuffers,
  simulateRange,
  summarizeSimulation,
} from "../core/uncertainty/simulate.js";
import type { Deal } from "../deal/build.js";
import { type SimulationSetup, simulationReport, simulationSetup } from "../report/simulation-report.js";
import { type BackendConfig, openBackend } from "../storage/backend.js";
import type { Tables } from "../storage/schema.js";
import { ApiError } from "./api-error.js";
import { requestProblems } from "./computations.js";
import { type ComputeTask, namedComputation, runTask, subjectOf } from "./compute-tasks.js";
import { JobQueue, QUEUE_RETRIES, QUEUES, type QueuedItem, type QueueTiming } from "./job-queue.js";
import { chunkProgress, claimChunk, finishChunk } from "./shared-jobs.js";

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
}

export interface RunningWorker {
  /** Stops taking work; finishes (gracefully) or drops the items in hand. */
  stop(graceful: boolean): Promise<void>;
}

/** The simulation parameters of a task, as its schema reads them. */
interface SimulateInput {
  runs: number;
  seed: bigint;
  round?: string | undefined;
  scenario?: string | undefined;
}

/** A task's simulation: the deal built and the simulation compiled, or the job's error. */
function simulationOf(task: Task): { setup: SimulationSetup; input: SimulateInput } {
  const found = namedComputation("simulate");
  const parsed = found.input.safeParse(task.query);
  if (!parsed.success) throw new ApiError("request_invalid", "the job's parameters are not valid");
  const input = parsed.data as SimulateInput;
  const { value } = subjectOf(found, task.source);
  const setup = simulationSetup(value as Deal, { round: input.round, scenario: input.scenario });
  if (!setup.ok) {
    // The same error the simulation would end with in one process (computationOf, compute).
    const fields = ["runs", "seed", "round", "scenario"];
    const problems: Problem[] = setup.problems.map((p) =>
      p.code !== "usage" && p.path?.length === 1 && fields.includes(String(p.path[0]))
        ? { ...p, path: ["query", ...p.path] }
        : p,
    );
    throw ApiError.fromProblems(
      requestProblems(problems),
      task.source.stored ? `deal ${task.source.stored.slug}` : "body",
    );
  }
  return { setup: setup.value, input };
}

/** A chunk's results as bytes: statuses, then metrics and quantities as float64 (this machine's byte order). */
function chunkBytes(buffers: SimulationBuffers): Buffer {
  return Buffer.concat([
    Buffer.from(buffers.status.buffer, buffers.status.byteOffset, buffers.status.byteLength),
    Buffer.from(buffers.metrics.buffer, buffers.metrics.byteOffset, buffers.metrics.byteLength),
    Buffer.from(buffers.quantities.buffer, buffers.quantities.byteOffset, buffers.quantities.byteLength),
  ]);
}

/** Copies a chunk's bytes into the whole simulation's buffers, at its scenarios' slots. */
function placeChunk(
  buffers: SimulationBuffers,
  setup: SimulationSetup,
  from: number,
  runs: number,
  data: Buffer,
): void {
  const width = setup.plan.metricWidth * 8;
  const n = setup.plan.round.quantityCount * 8;
  if (data.length !== runs * (1 + width + n))
    throw new Error(`chunk at ${from} holds ${data.length} bytes, expected ${runs * (1 + width + n)}`);
  const target = (array: Uint8Array | Float64Array) =>
    Buffer.from(array.buffer, array.byteOffset, array.byteLength);
  data.copy(target(buffers.status), from, 0, runs);
  data.copy(target(buffers.metrics), from * width, runs, runs + runs * width);
  data.copy(target(buffers.quantities), from * n, runs + runs * width, data.length);
}

/**
 * A worker process's loop (SPEC SRV-6, `roundtable worker`): takes a simulation's chunks,
 * the merges of finished simulations and whole computations from the queue, one of each
 * at a time, and writes their results to the job's rows. A chunk is run in slices of
 * PROGRESS_EVERY scenarios; after each the worker writes the chunk's progress and reads
 * the job's status, so that a cancelled job's chunk is dropped within a slice. A chunk's
 * scenarios depend only on the seed, the plan and their indices (UNC-SIM-4), so the
 * simulation's summary, computed from every chunk's results in scenario order, is the
 * same bytes as one process's, whichever workers ran which chunks, and however often a
 * chunk was redone after its worker died.
 */
export async function startJobWorker(options: JobWorkerOptions): Promise<RunningWorker> {
  const backend = await openBackend(options.backend);
  const db = backend.db as Kysely<Tables>;
  const now = options.now ?? (() => new Date());
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

  // A job's simulation, compiled once per worker (its chunks come one after another).
  const setups = new Map<string, ReturnType<typeof simulationOf>>();
  const setupFor = (jobId: string, task: Task) => {
    let found = setups.get(jobId);
    if (!found) {
      found = simulationOf(task);
      setups.set(jobId, found);
      while (setups.size > 2) setups.delete(setups.keys().next().value as string);
    }
    return found;
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
      const task = JSON.parse(claimed.task) as Task;
      const { setup, input } = setupFor(jobId, task);
      const from = Number(claimed.run_from);
      const to = Number(claimed.run_to);
      const buffers = allocateSimulationBuffers(setup.plan, to - from);
      for (let at = from; at < to; at += PROGRESS_EVERY) {
        const end = Math.min(to, at + PROGRESS_EVERY);
        simulateRange(setup.plan, input.seed, at, end, buffers, undefined, from);
        const status = await chunkProgress(db, jobId, chunk, end - from);
        if (status !== "running") {
          log({ event: "chunk-dropped", job: jobId, chunk, reason: status ?? "gone" });
          return;
        }
        // Other items (a merge, the queue's own upkeep) get a turn between slices.
        await nextTurn();
      }
      completeExactScenarios(setup.plan, buffers, setup.capTable, setup.template);
      await finishChunk(db, jobId, chunk, chunkBytes(buffers), to - from);
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
    const buffers = allocateSimulationBuffers(setup.plan, input.runs);
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
      placeChunk(buffers, setup, from, to - from, row.data);
      covered = to;
    }
    if (covered !== input.runs)
      throw new Error(`job ${jobId}: the chunks cover ${covered} of ${input.runs} runs`);
    const report = simulationReport(summarizeSimulation(setup.plan, buffers, input.seed), setup.meta);
    await db.transaction().execute(async (trx) => {
      const done = await sql`update shared_jobs set status = 'succeeded', result = ${JSON.stringify(report)},
          finished_at = ${now().toISOString()}
        where id = ${jobId} and status = 'running'`.execute(trx);
      if (Number(done.numAffectedRows ?? 0) > 0)
        await sql`update shared_job_chunks set data = null where job_id = ${jobId}`.execute(trx);
    });
    setups.delete(jobId);
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
    const channel = new MessageChannel();
    let writing: Promise<unknown> = Promise.resolve();
    channel.port1.on("message", (p: { done: number; total: number }) => {
      writing = writing.then(() =>
        sql`with progress as (
            update shared_job_chunks set done = greatest(done, ${p.done}) where job_id = ${jobId} and chunk = 0
          )
          update shared_jobs set total = ${p.total} where id = ${jobId} and status = 'running'`
          .execute(db)
          .catch(() => {}),
      );
    });
    const task = JSON.parse(job.task) as Task;
    const outcome = await runTask({ ...task, progress: channel.port2 });
    channel.port1.close();
    await writing;
    if (!outcome.ok)
      return failJob(jobId, new ApiError(outcome.error.code, outcome.error.message, outcome.error.problems));
    const text = (outcome.value as { text: string }).text;
    await sql`update shared_jobs set status = 'succeeded', result = ${text}, finished_at = ${now().toISOString()}
      where id = ${jobId} and status = 'running'`.execute(db);
    log({ event: "compute-done", job: jobId });
  };

  try {
    await queue.work(QUEUES.chunk, guarded(runChunk));
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
    await backend.close();
    throw error;
  }
  log({ event: "ready", pid: process.pid });
  return {
    async stop(graceful) {
      await queue.stop(graceful);
      await backend.close();
    },
  };
}

/** How the launcher reads the queue's timing settings (`roundtable worker`, SRV-6). */
export { queueTimingFrom } from "./job-queue.js";
