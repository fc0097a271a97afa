import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openBackend } from "../../src/storage/backend.js";
import { Store } from "../../src/storage/store.js";
import { cli } from "../support/cli.js";
import { POSTGRES_URL, postgresUnavailable } from "./support/backends.js";
import { type ServerProcess, startServerProcess } from "./support/server-process.js";
import { type Credentials, type Persona, seedTeam } from "./support/team.js";

/**
 * SRV-6: two servers and two workers on one PostgreSQL, each a process of its own, as the
 * README's deployment runs them. A 4,000,000-run simulation is started through server A,
 * followed and cancelled through server B; another is started through A, one worker is
 * killed with SIGKILL while it holds a chunk, the other redoes that chunk, and the result,
 * read through B, is byte for byte the single-process `roundtable simulate` of the same seed.
 */

const RUNS = 4_000_000;
/** A chunk takes about a second on an idle 2-core machine; the lease leaves room for a busy one. */
const LEASE_SECONDS = 10;
// One chunk at a time per worker (SRV-6c's default is the cores): two workers on this
// 2-core machine keep each chunk within its lease; worker-concurrency.test.ts runs several.

interface WorkerProcess {
  readonly child: ChildProcess;
  readonly events: { event: string; job?: string; chunk?: number; attempt?: number }[];
  kill(): Promise<void>;
  stop(): Promise<number | null>;
}

function startWorkerProcess(env: Record<string, string>): Promise<WorkerProcess> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "scripts/dev-cli.ts", "worker", "--concurrency", "1"],
    {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  const events: WorkerProcess["events"] = [];
  let out = "";
  let err = "";
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`the worker did not start in 30 s:\n${err}`));
    }, 30_000);
    child.stderr!.on("data", (chunk: Buffer) => {
      err += chunk.toString("utf8");
    });
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString("utf8");
      let newline = out.indexOf("\n");
      while (newline >= 0) {
        const line = out.slice(0, newline);
        out = out.slice(newline + 1);
        newline = out.indexOf("\n");
        const event = JSON.parse(line) as WorkerProcess["events"][number];
        events.push(event);
        if (event.event === "ready") {
          clearTimeout(timer);
          resolve({
            child,
            events,
            kill: async () => {
              child.kill("SIGKILL");
              await exited;
            },
            stop: async () => {
              child.kill("SIGTERM");
              return exited;
            },
          });
        }
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the worker exited with ${code} before it started:\n${err}`));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Job {
  id: string;
  status: string;
  progress: { done: number; total: number };
  result?: unknown;
  error?: unknown;
}

// Jobs are shared through PostgreSQL only: without a PostgreSQL answering at POSTGRES_URL this
// suite cannot run, and support/backends.ts prints why it was skipped (CI starts PostgreSQL).
describe.skipIf(postgresUnavailable !== undefined)(
  "SRV-6: two servers and two workers on one PostgreSQL",
  () => {
    const schema = `rt_server_jobs_${randomBytes(5).toString("hex")}`;
    const url = new URL(POSTGRES_URL);
    url.searchParams.set("options", `-c search_path=${schema}`);
    const env = {
      DATABASE_URL: url.toString(),
      ROUNDTABLE_JOB_LEASE_SECONDS: String(LEASE_SECONDS),
      ROUNDTABLE_QUEUE_MAINTENANCE_SECONDS: "1",
      ROUNDTABLE_QUEUE_POLL_SECONDS: "0.5",
    };
    let team: Record<Persona, Credentials>;
    let servers: ServerProcess[] = [];
    let workers: WorkerProcess[] = [];
    let db: pg.Client;

    beforeAll(async () => {
      db = new pg.Client({ connectionString: POSTGRES_URL });
      await db.connect();
      await db.query(`create schema ${schema}`);
      const store = new Store(await openBackend({ kind: "postgres", url: POSTGRES_URL, schema }));
      team = await seedTeam(store);
      await store.close();
      servers = await Promise.all([startServerProcess([], env), startServerProcess([], env)]);
      workers = await Promise.all([startWorkerProcess(env), startWorkerProcess(env)]);
    }, 120_000);

    afterAll(async () => {
      for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) await w.kill();
      for (const s of servers) await s.stop();
      await db.query(`drop schema if exists ${schema} cascade`);
      await db.end();
    });

    const call = async (server: ServerProcess, method: string, path: string) => {
      const response = await fetch(`${server.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${team.viewer.token}` },
      });
      return { status: response.status, body: (await response.json()) as { job: Job } };
    };
    const start = async (seed: number) => {
      const started = await call(
        servers[0]!,
        "POST",
        `/api/v1/workspaces/acme/deals/openai/jobs/simulate?runs=${RUNS}&seed=${seed}`,
      );
      expect(started.status).toBe(202);
      expect(started.body.job).toMatchObject({ status: "running", progress: { done: 0, total: RUNS } });
      return started.body.job.id;
    };
    const poll = (id: string) => call(servers[1]!, "GET", `/api/v1/jobs/${id}`);
    const chunkRows = async (id: string) =>
      (
        await db.query<{ chunk: number; attempts: number; finished: number }>(
          `select chunk, attempts, finished from ${schema}.shared_job_chunks where job_id = $1 order by chunk`,
          [id],
        )
      ).rows;

    it("a simulation started through A is followed and cancelled through B: the workers drop its chunks", async () => {
      const id = await start(5);
      let job = (await poll(id)).body.job;
      for (let i = 0; i < 600 && job.progress.done === 0; i++) {
        await sleep(100);
        job = (await poll(id)).body.job;
      }
      expect(job.status).toBe("running");
      expect(job.progress.done).toBeGreaterThan(0);
      const cancelled = await call(servers[1]!, "DELETE", `/api/v1/jobs/${id}`);
      expect(cancelled.status).toBe(200);
      expect(cancelled.body.job.status).toBe("cancelled");
      // A sees it cancelled too, and the queue empties without running the rest.
      expect((await call(servers[0]!, "GET", `/api/v1/jobs/${id}`)).body.job.status).toBe("cancelled");
      let open = Number.POSITIVE_INFINITY;
      for (let i = 0; i < 300 && open > 0; i++) {
        await sleep(100);
        open = (
          await db.query<{ open: string }>(
            `select count(*) as open from ${schema}.job where data->>'jobId' = $1 and state in ('created', 'retry', 'active')`,
            [id],
          )
        ).rows[0]!.open as unknown as number;
        open = Number(open);
      }
      expect(open).toBe(0);
      const rows = await chunkRows(id);
      expect(rows).toHaveLength(RUNS / 250_000);
      expect(rows.filter((r) => r.finished === 1).length).toBeLessThan(rows.length);
      const dropped = workers
        .flatMap((w) => w.events)
        .filter((e) => e.job === id && e.event === "chunk-dropped");
      expect(dropped.length).toBeGreaterThan(0);
      expect((await poll(id)).body.job.status).toBe("cancelled");
    }, 120_000);

    it("a worker killed mid-chunk loses only its chunk: the other redoes it, and the result is one process's bytes", async () => {
      const seed = 11;
      const id = await start(seed);
      const [victim, survivor] = workers as [WorkerProcess, WorkerProcess];
      // Kill the victim while it holds a chunk of this job that it has not finished.
      const inHand = () => {
        const mine = victim.events.filter((e) => e.job === id);
        const last = mine.at(-1);
        return last?.event === "chunk-start" ? last.chunk : undefined;
      };
      let chunk: number | undefined;
      for (let i = 0; i < 600 && chunk === undefined; i++) {
        await sleep(50);
        const doneSoFar = victim.events.some((e) => e.job === id && e.event === "chunk-done");
        if (doneSoFar) chunk = inHand();
      }
      expect(chunk, "the victim took a second chunk of the job").toBeDefined();
      await victim.kill();
      const seen: number[] = [];
      let job = (await poll(id)).body.job;
      for (let i = 0; i < 1200 && job.status === "running"; i++) {
        await sleep(100);
        job = (await poll(id)).body.job;
        seen.push(job.progress.done);
      }
      expect(job.status, JSON.stringify(job.error)).toBe("succeeded");
      expect(job.progress).toEqual({ done: RUNS, total: RUNS });
      expect(seen.some((d) => d > 0 && d < RUNS)).toBe(true);
      // SRV-6b: the chunk redone after the kill never takes the job's progress back.
      for (let i = 1; i < seen.length; i++) expect(seen[i]!).toBeGreaterThanOrEqual(seen[i - 1]!);
      // The chunk the victim held was taken again, and finished by the survivor.
      const rows = await chunkRows(id);
      const redone = rows.find((r) => r.chunk === chunk)!;
      expect(redone.attempts).toBeGreaterThanOrEqual(2);
      expect(rows.every((r) => r.finished === 1)).toBe(true);
      expect(survivor.events.some((e) => e.job === id && e.event === "chunk-done" && e.chunk === chunk)).toBe(
        true,
      );
      // The same bytes as one process's run of the same seed.
      const single = await cli([
        "simulate",
        "examples/openai-round.yaml",
        "--runs",
        String(RUNS),
        "--seed",
        String(seed),
        "--format",
        "json",
      ]);
      expect(single.code, single.stderr).toBe(0);
      expect(JSON.stringify(job.result)).toBe(JSON.stringify(JSON.parse(single.stdout)));
      console.info(
        `SRV-6: ${RUNS} runs in ${rows.length} chunks on two workers, one killed mid-chunk (chunk ${chunk}, ${redone.attempts} attempts)`,
      );
    }, 240_000);
  },
);
