import { mkdtempSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { MessageChannel, receiveMessageOnPort } from "node:worker_threads";
import { Piscina } from "piscina";
import { LIMITS } from "../core/shared/limits.js";
import { ok } from "../core/shared/problem.js";
import { ApiError } from "./api-error.js";
import { type ComputeTask, runTask, type TaskOutcome, type TaskValues } from "./compute-tasks.js";

/** How the pool is sized and bounded (SPEC SRV-5); LIMITS gives the defaults. */
export interface ComputePoolOptions {
  /** Threads for requests; the cores, at least 2, by default. */
  readonly threads?: number;
  /** Tasks waiting for a thread before the server answers 503. */
  readonly maxQueue?: number;
  /** A request's computation is stopped (its thread terminated) after this long. */
  readonly timeoutMs?: number;
  /** Each worker thread's heap, in MiB: past it the thread ends, not the server. */
  readonly heapMb?: number;
}

/**
 * The worker file. Built, it is JavaScript beside this file. Run from source (tests, tsx),
 * it is TypeScript: a small ES-module bootstrap, written once to a temporary folder,
 * registers the tsx loader in the worker's thread and then imports it (a worker thread
 * ignores `--import` in its execArgv, and piscina loads a file path, not a data: URL).
 */
function workerFile(): string {
  if (!import.meta.url.endsWith(".ts")) return fileURLToPath(new URL("./compute-worker.js", import.meta.url));
  const worker = new URL("./compute-worker.ts", import.meta.url).href;
  const api = pathToFileURL(
    createRequire(import.meta.url)
      .resolve("tsx/esm/api")
      .replace(/\.cjs$/, ".mjs"),
  ).href;
  const dir = mkdtempSync(path.join(os.tmpdir(), "roundtable-worker-"));
  const file = path.join(dir, "compute-worker.mjs");
  writeFileSync(
    file,
    `import { register } from ${JSON.stringify(api)};\nregister();\nconst worker = await import(${JSON.stringify(worker)});\nexport default worker.default;\n`,
  );
  return file;
}

let sharedWorkerFile: string | undefined;

/** The worker threads' entry file, written once per process when run from source. */
export function computeWorkerFile(): string {
  sharedWorkerFile ??= workerFile();
  return sharedWorkerFile;
}

const minutes = (ms: number) => (ms % 60_000 === 0 ? `${ms / 60_000} min` : `${ms / 1000} s`);

/**
 * The server's pool of worker threads (SPEC SRV-5): every step whose cost depends on the
 * input runs here, off the event loop, so that no request can stall the server — health,
 * sign-in and every other request keep being answered while the heaviest run. Each task
 * is bounded in time (a request's computation that runs past `timeoutMs` has its thread
 * terminated and is answered 422 `computation_too_long` naming the limit) and in memory
 * (a thread whose heap passes `heapMb` ends with its task, answered 413 naming the limit,
 * and the server goes on). When every thread is busy, tasks wait in a bounded queue; a
 * full queue is answered 503 naming its limit.
 *
 * Requests run on all cores but one, which stays with the event loop and sign-in's argon2
 * verifications, so that heavy requests queue rather than slow every answer. Jobs (SPEC
 * API-6) run on threads of their own, without a time limit: they are cancelled by their
 * owner, which terminates their thread; they never take the threads requests need.
 */
export class ComputePool {
  private readonly threads: Piscina;
  private readonly jobThreads: Piscina;
  readonly timeoutMs: number;
  readonly heapMb: number;
  readonly maxQueue: number;

  constructor(options: ComputePoolOptions = {}) {
    const filename = computeWorkerFile();
    this.timeoutMs = options.timeoutMs ?? LIMITS.computeRequestMs;
    this.heapMb = options.heapMb ?? LIMITS.computeHeapMb;
    this.maxQueue = options.maxQueue ?? LIMITS.computeQueue;
    const common = {
      filename,
      // One thread is kept started, and replaced when a timeout or a cancelled job ends
      // it: starting a thread (loading the engine) takes longer than most requests.
      minThreads: 1,
      idleTimeout: 60_000,
      resourceLimits: { maxOldGenerationSizeMb: this.heapMb },
      // Threads with nothing to do must not keep a CLI process or a test alive.
      closeTimeout: 5_000,
    };
    this.threads = new Piscina({
      ...common,
      maxThreads: options.threads ?? Math.max(1, os.availableParallelism() - 1),
      maxQueue: this.maxQueue,
    });
    this.jobThreads = new Piscina({
      ...common,
      minThreads: 0,
      maxThreads: LIMITS.jobsRunning,
      maxQueue: LIMITS.jobsRunning,
    });
  }

  private static sharedPool: ComputePool | undefined;

  /**
   * The process's pool with the default limits, shared by every server the process builds
   * (one, in production; many, in tests): its idle threads stay warm and do not keep the
   * process alive.
   */
  static shared(): ComputePool {
    ComputePool.sharedPool ??= new ComputePool();
    return ComputePool.sharedPool;
  }

  /** Stops the shared pool's threads, if it was started (a server process that ends). */
  static async closeShared(): Promise<void> {
    await ComputePool.sharedPool?.close();
  }

  get isShared(): boolean {
    return this === ComputePool.sharedPool;
  }

  /** Runs a request's task on a worker thread and answers its value, or throws its ApiError. */
  async run<K extends ComputeTask["kind"]>(task: Extract<ComputeTask, { kind: K }>): Promise<TaskValues[K]> {
    if (this.threads.queueSize >= this.maxQueue)
      throw new ApiError(
        "unavailable",
        `the server is busy: ${this.maxQueue} computations are waiting for a thread, the limit; try again`,
      );
    const signal = AbortSignal.timeout(this.timeoutMs);
    let outcome: TaskOutcome<unknown>;
    try {
      outcome = await this.threads.run(task, { signal });
    } catch (error) {
      throw this.failure(error, signal.aborted);
    }
    return unwrap(outcome) as TaskValues[K];
  }

  /**
   * Runs a job's computation on a thread of the jobs' pool: progress comes back through a
   * message port; aborting `signal` terminates the thread at once.
   */
  async runJob(
    task: Extract<ComputeTask, { kind: "compute" }>,
    onProgress: (done: number, total: number) => void,
    signal: AbortSignal,
  ): Promise<TaskValues["compute"]> {
    const channel = new MessageChannel();
    channel.port1.on("message", (p: { done: number; total: number }) => onProgress(p.done, p.total));
    try {
      const outcome = await this.jobThreads.run(
        { ...task, progress: channel.port2 },
        { signal, transferList: [channel.port2] as never },
      );
      return unwrap(outcome) as TaskValues["compute"];
    } catch (error) {
      if (signal.aborted)
        throw new ApiError("simulation_cancelled", "the job was cancelled before it finished");
      throw this.failure(error, false);
    } finally {
      // Progress posted just before the result may not have been read yet: read it now, so
      // that a job's last progress (its whole total) is never lost with the port.
      for (let m = receiveMessageOnPort(channel.port1); m; m = receiveMessageOnPort(channel.port1)) {
        const p = m.message as { done: number; total: number };
        onProgress(p.done, p.total);
      }
      channel.port1.close();
    }
  }

  private failure(error: unknown, timedOut: boolean): unknown {
    if (error instanceof ApiError) return error;
    if (timedOut)
      return new ApiError(
        "computation_too_long",
        `the computation ran past the ${minutes(this.timeoutMs)} limit on a request and was stopped; make the input smaller, or run it with the CLI`,
      );
    const code = (error as { code?: string }).code;
    if (code === "ERR_WORKER_OUT_OF_MEMORY")
      return new ApiError(
        "input_too_large",
        `the computation needed more than the ${this.heapMb} MiB memory limit of a request and was stopped; make the input smaller, or run it with the CLI`,
      );
    if ((error as Error).message === "Task queue is at limit")
      return new ApiError(
        "unavailable",
        `the server is busy: ${this.maxQueue} computations are waiting for a thread, the limit; try again`,
      );
    return error;
  }

  /** Stops every thread (the server is closing): running tasks end as cancelled. */
  async close(): Promise<void> {
    if (this.isShared) ComputePool.sharedPool = undefined;
    await Promise.all([this.threads.destroy(), this.jobThreads.destroy()]);
  }
}

function unwrap(outcome: TaskOutcome<unknown>): unknown {
  if (outcome.ok) return outcome.value;
  throw new ApiError(outcome.error.code, outcome.error.message, outcome.error.problems);
}

/** Runs a task on the calling thread: the same answers as the pool (used by tests to compare). */
export async function runTaskHere<K extends ComputeTask["kind"]>(
  task: Extract<ComputeTask, { kind: K }>,
): Promise<TaskValues[K]> {
  return unwrap(await runTask(task)) as TaskValues[K];
}

/** A job's computation on the jobs' worker threads, its report read back as JSON. */
export async function runJob(
  pool: ComputePool,
  task: Extract<ComputeTask, { kind: "compute" }>,
  ctx: { progress(done: number, total: number): void; readonly signal: AbortSignal },
) {
  const out = await pool.runJob(task, (done, total) => ctx.progress(done, total), ctx.signal);
  return ok(JSON.parse(out.text) as Record<string, unknown>);
}
