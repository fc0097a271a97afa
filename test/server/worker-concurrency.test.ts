import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Kysely } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runTaskHere } from "../../src/server/compute-pool.js";
import { JobQueue } from "../../src/server/job-queue.js";
import { type RunningWorker, startJobWorker, type WorkerEvent } from "../../src/server/job-worker.js";
import { SharedJobs } from "../../src/server/shared-jobs.js";
import { type Backend, openBackend } from "../../src/storage/backend.js";
import type { Tables } from "../../src/storage/schema.js";
import { cli } from "../support/cli.js";
import { POSTGRES_URL, postgresUnavailable } from "./support/backends.js";

/**
 * SRV-6c: `roundtable worker --concurrency N` runs up to N chunks at once in one process,
 * each on a thread of its own. One worker with a concurrency of 2 takes both chunks of a
 * 500,000-run simulation before it finishes either, and the result is the bytes of the same
 * simulation run whole in one process.
 */
// Skipped only where no PostgreSQL answers (the reason is printed by support/backends.ts):
// shared jobs exist on PostgreSQL alone (SQLite keeps the in-process jobs); CI starts one.
describe.skipIf(postgresUnavailable !== undefined)("SRV-6c: one worker runs several chunks at once", () => {
  const schema = `rt_concurrency_${randomBytes(5).toString("hex")}`;
  const url = new URL(POSTGRES_URL);
  url.searchParams.set("options", `-c search_path=${schema}`);
  const config = { kind: "postgres" as const, url: url.toString() };
  const timing = { leaseSeconds: 60, maintenanceSeconds: 1, pollSeconds: 0.5 };
  let admin: pg.Client;
  let backend: Backend;
  let queue: JobQueue;
  let worker: RunningWorker | undefined;
  const events: WorkerEvent[] = [];

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    backend = await openBackend(config);
    queue = await JobQueue.open(config, schema, timing, (error) => {
      throw error;
    });
  }, 120_000);

  afterAll(async () => {
    await worker?.stop(false);
    await queue?.stop(false);
    await backend?.close();
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
  });

  it("two chunks are leased and run at once by one worker; the result is one process's", async () => {
    worker = await startJobWorker({ backend: config, timing, concurrency: 2, log: (e) => events.push(e) });
    const jobs = new SharedJobs(backend.db as Kysely<Tables>, queue);
    const task = {
      kind: "compute" as const,
      name: "simulate",
      source: { text: readFileSync("examples/openai-round.yaml", "utf8") },
      query: { runs: "500000", seed: "9" },
    };
    const owner = "owner";
    const started = await jobs.start({
      computation: "simulate",
      ownerId: owner,
      task,
      run: async () => {
        throw new Error("shared jobs run on workers");
      },
      present: (r) => r,
    });
    let state = await jobs.get(started.id, owner);
    for (let i = 0; i < 1200 && state?.status === "running"; i++) {
      await new Promise((r) => setTimeout(r, 100));
      state = await jobs.get(started.id, owner);
    }
    expect(state?.status, JSON.stringify(state?.error)).toBe("succeeded");
    const mine = events.filter((e) => "job" in e && e.job === started.id);
    // Both chunks were in hand at once: two starts before the first chunk was done.
    const firstDone = mine.findIndex((e) => e.event === "chunk-done");
    const startsBefore = mine.slice(0, firstDone).filter((e) => e.event === "chunk-start");
    expect(startsBefore.map((e) => (e as { chunk: number }).chunk).sort()).toEqual([0, 1]);
    expect(mine.filter((e) => e.event === "chunk-done")).toHaveLength(2);
    const whole = await runTaskHere({ ...task, kind: "compute" });
    expect(JSON.stringify(state!.result)).toBe(whole.text);
    console.info(
      `SRV-6c: events of the job: ${mine.map((e) => `${e.event}${"chunk" in e ? ` ${e.chunk}` : ""}`).join(", ")}`,
    );
  }, 240_000);
});

describe("SRV-6c: --concurrency is checked", () => {
  it("a concurrency that is not a whole number from 1 to 64 is a usage error naming the range", async () => {
    for (const bad of ["0", "65", "1.5", "two", "-1"]) {
      const run = await cli(["worker", `--concurrency=${bad}`]);
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toContain(`--concurrency must be a whole number from 1 to 64, got "${bad}"`);
    }
  }, 60_000);
});
