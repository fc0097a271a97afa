import PgBoss from "pg-boss";
import { LIMITS } from "../core/shared/limits.js";
import type { BackendConfig } from "../storage/backend.js";
import { retryConcurrentSetup } from "../storage/retry.js";

/**
 * The queue of work shared by the processes of a deployment on PostgreSQL (SPEC SRV-6),
 * kept by pg-boss in the same schema as roundtable's tables: a job's chunks, the merge of
 * a simulation's chunks, and whole computations. pg-boss hands each queued item to one
 * worker at a time (SELECT … FOR UPDATE SKIP LOCKED) and gives it back when the worker's
 * lease ends without an answer (`expireInSeconds`: a worker killed mid-chunk), so that
 * another worker redoes it. The item says what to do; the state of the job (its status,
 * progress, chunk results, result) is in roundtable's own tables (shared_jobs).
 */
export const QUEUES = {
  /** One chunk of a simulation: `{ jobId, chunk }`. */
  chunk: "roundtable-chunk",
  /** The summary of a simulation whose chunks are all done: `{ jobId }`. */
  merge: "roundtable-merge",
  /** A whole computation other than a simulation: `{ jobId }`. */
  compute: "roundtable-compute",
  /** Items given back QUEUE_RETRIES times (their workers kept dying or failing): their jobs fail. */
  dead: "roundtable-dead",
} as const;

export interface QueueTiming {
  /** Seconds a worker holds a chunk before another may take it over. */
  readonly leaseSeconds: number;
  /** How often the queue looks for ended leases, in seconds. */
  readonly maintenanceSeconds: number;
  /** How often an item is given back after its lease ended or it failed (QUEUE_RETRIES by default). */
  readonly retries?: number;
  /** How often an idle worker asks for work, in seconds. */
  readonly pollSeconds: number;
}

function positive(env: Readonly<Record<string, string | undefined>>, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text === "") return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`${name} must be a positive number of seconds, got "${text}"`);
  return value;
}

/**
 * The queue's timing: LIMITS by default, or ROUNDTABLE_JOB_LEASE_SECONDS,
 * ROUNDTABLE_QUEUE_MAINTENANCE_SECONDS and ROUNDTABLE_QUEUE_POLL_SECONDS.
 */
export function queueTimingFrom(env: Readonly<Record<string, string | undefined>>): QueueTiming {
  return {
    leaseSeconds: Math.max(
      1,
      Math.round(positive(env, "ROUNDTABLE_JOB_LEASE_SECONDS", LIMITS.jobLeaseSeconds)),
    ),
    maintenanceSeconds: Math.max(1, Math.round(positive(env, "ROUNDTABLE_QUEUE_MAINTENANCE_SECONDS", 15))),
    pollSeconds: Math.max(0.5, positive(env, "ROUNDTABLE_QUEUE_POLL_SECONDS", 1)),
  };
}

/** Times a queued item is given back after its worker's lease ended, before the job fails. */
export const QUEUE_RETRIES = 10;

export interface QueuedItem {
  readonly id: string;
  readonly data: { readonly jobId: string; readonly chunk?: number };
  /** How many times it was given back already (a worker that died, a failure). */
  readonly retryCount: number;
  readonly retryLimit: number;
}

export class JobQueue {
  private constructor(
    private readonly boss: PgBoss,
    readonly timing: QueueTiming,
  ) {}

  /**
   * Connects to the queue in `schema` (the schema of roundtable's tables), installing or
   * upgrading pg-boss's tables there on first use. Every process looks for ended leases;
   * pg-boss lets one of them do it at a time.
   */
  static async open(
    config: Extract<BackendConfig, { kind: "postgres" }>,
    schema: string,
    timing: QueueTiming,
    onError: (error: Error) => void,
  ): Promise<JobQueue> {
    // Servers and workers started together may meet installing pg-boss's tables or creating
    // its queues: the one PostgreSQL aborts starts again with a new connection (SRV-6).
    return retryConcurrentSetup(async () => {
      const boss = new PgBoss({
        connectionString: config.url,
        schema,
        max: 4,
        application_name: "roundtable-queue",
        supervise: true,
        schedule: false,
        maintenanceIntervalSeconds: timing.maintenanceSeconds,
        // Finished items are kept a day, for inspection; the job's result is in shared_jobs.
        archiveCompletedAfterSeconds: 3600,
        deleteAfterDays: 1,
      });
      boss.on("error", onError);
      try {
        await boss.start();
        for (const name of Object.values(QUEUES)) {
          if (!(await boss.getQueue(name))) {
            try {
              await boss.createQueue(name, {
                name,
                retryLimit: timing.retries ?? QUEUE_RETRIES,
                retryDelay: 0,
              });
            } catch (error) {
              // Another process created it between the look and the creation.
              if (!(await boss.getQueue(name))) throw error;
            }
          }
        }
      } catch (error) {
        await boss.stop({ graceful: false, wait: true }).catch(() => undefined);
        throw error;
      }
      return new JobQueue(boss, timing);
    });
  }

  /**
   * Queues a simulation's chunks, each leased for `leaseSeconds`; through `db` (a
   * transaction's connection), they are queued only if it commits.
   */
  async sendChunks(jobId: string, chunks: number, db?: PgBoss.Db): Promise<void> {
    await this.boss.insert(
      Array.from({ length: chunks }, (_, chunk) => ({
        name: QUEUES.chunk,
        data: { jobId, chunk },
        retryLimit: this.timing.retries ?? QUEUE_RETRIES,
        retryDelay: 0,
        expireInSeconds: this.timing.leaseSeconds,
        deadLetter: QUEUES.dead,
      })),
      db ? { db } : {},
    );
  }

  /**
   * Queues the merge of a simulation. Two workers that finish the last chunks at once may
   * both queue it: the merge writes the result only while the job runs, so once. Merging
   * reads every chunk, so its lease is ten chunks'.
   */
  async sendMerge(jobId: string): Promise<void> {
    await this.boss.send(
      QUEUES.merge,
      { jobId },
      {
        singletonKey: jobId,
        deadLetter: QUEUES.dead,
        retryLimit: this.timing.retries ?? QUEUE_RETRIES,
        retryDelay: 0,
        expireInSeconds: Math.min(23 * 3600, this.timing.leaseSeconds * 10),
      },
    );
  }

  /** Queues a whole computation (through `db`, only if its transaction commits); its lease is ten chunks'. */
  async sendCompute(jobId: string, db?: PgBoss.Db): Promise<void> {
    await this.boss.send(
      QUEUES.compute,
      { jobId },
      {
        ...(db ? { db } : {}),
        deadLetter: QUEUES.dead,
        retryLimit: this.timing.retries ?? QUEUE_RETRIES,
        retryDelay: 0,
        expireInSeconds: Math.min(23 * 3600, this.timing.leaseSeconds * 10),
      },
    );
  }

  /**
   * Works one queue, one item at a time: `handle` resolving completes the item; throwing
   * gives it back for another try (up to QUEUE_RETRIES).
   */
  async work(name: string, handle: (item: QueuedItem) => Promise<void>): Promise<void> {
    await this.boss.work(
      name,
      { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: this.timing.pollSeconds },
      async (jobs) => {
        for (const job of jobs as PgBoss.JobWithMetadata<QueuedItem["data"]>[]) {
          await handle({
            id: job.id,
            data: job.data,
            retryCount: job.retryCount,
            retryLimit: job.retryLimit,
          });
        }
      },
    );
  }

  /** Stops: with `graceful`, waits for the items in hand to finish. */
  async stop(graceful: boolean): Promise<void> {
    await this.boss.stop({ graceful, wait: true, timeout: 30_000 });
  }
}
