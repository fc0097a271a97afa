import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import PgBoss from "pg-boss";
import { beforeAll, expect, it } from "vitest";
import { LIMITS } from "../../src/core/shared/limits.js";
import { buildApp } from "../../src/server/app.js";
import { JobQueue, QUEUES } from "../../src/server/job-queue.js";
import { startJobWorker } from "../../src/server/job-worker.js";
import { ReportCache } from "../../src/server/report-cache.js";
import { SharedJobs } from "../../src/server/shared-jobs.js";
import { SharedReportCache } from "../../src/server/shared-limits.js";
import { openBackend } from "../../src/storage/backend.js";
import { Store } from "../../src/storage/store.js";
import { describeEachBackend } from "./support/backends.js";
import { as, type Credentials, type Persona, seedTeam, teamApp } from "./support/team.js";

/**
 * SRV-6: two server processes on one PostgreSQL share failed-login counts (AUTH-3) and
 * cached reports (API-7). Each app here has its own Store (its own connections), as two
 * processes would; they share only the database.
 */
describeEachBackend(
  "state shared by the servers of one PostgreSQL (SRV-6)",
  (backends) => {
    let stores: Store[];
    let apps: FastifyInstance[];
    let team: Record<Persona, Credentials>;

    beforeAll(async () => {
      const { config } = await backends.freshConfig();
      stores = [new Store(await openBackend(config)), new Store(await openBackend(config))];
      team = await seedTeam(stores[0]!);
      apps = [await teamApp(stores[0]!), await teamApp(stores[1]!)];
      return async () => {
        for (const app of apps) await app.close();
        for (const store of stores) await store.close();
      };
    });

    const loginAt = (app: FastifyInstance, username: string, password: string) =>
      app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username, password } });

    it("AUTH-3, SRV-6: failed logins counted by one server hold on the other", async () => {
      const half = LIMITS.loginFailures / 2;
      for (let i = 0; i < LIMITS.loginFailures; i++) {
        const response = await loginAt(apps[i < half ? 0 : 1]!, "viewer", "not the password at all");
        expect(response.statusCode).toBe(401);
      }
      for (const app of apps) {
        const refused = await loginAt(app, "viewer", "correct horse battery staple");
        expect(refused.statusCode).toBe(429);
        expect(refused.json().error.code).toBe("login_rate_limited");
        expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
      }
      // The address is counted too, across both: another user name from it is refused as well.
      expect((await loginAt(apps[1]!, "editor", "correct horse battery staple")).statusCode).toBe(429);
    });

    it("API-7, SRV-6: a report computed through one server is served by the other from the database", async () => {
      const url = "/api/v1/workspaces/acme/deals/openai/captable?asOf=2026-01-01";
      const first = await as(apps[0]!, team.viewer, { method: "GET", url });
      expect(first.statusCode).toBe(200);
      const db = stores[0]!.backend.db;
      const rows = (await sql<{ key: string }>`select key from shared_reports`.execute(db)).rows;
      expect(rows.map((r) => r.key).filter((k) => k.includes("|captable|asOf=2026-01-01"))).toHaveLength(1);
      // The second server has not computed it: it answers the database's text, as written there.
      const marked = `${first.body.slice(0, -1)},"servedFrom":"shared_reports"}`;
      await sql`update shared_reports set text = ${marked} where key like ${"%|captable|asOf=2026-01-01"}`.execute(
        db,
      );
      const second = await as(apps[1]!, team.viewer, { method: "GET", url });
      expect(second.statusCode).toBe(200);
      expect(second.json()).toEqual({ ...first.json(), servedFrom: "shared_reports" });
    });

    it("API-7: the reports kept in the database are bounded in bytes, least recently used first", async () => {
      const db = stores[0]!.backend.db;
      await sql`delete from shared_reports`.execute(db);
      let clock = 1;
      const cache = new SharedReportCache(db, new ReportCache(0), () => clock++, 250);
      const text = "x".repeat(96);
      await cache.set("k1", text);
      await cache.set("k2", text);
      expect(await cache.get("k1")).toBe(text);
      await cache.set("k3", text);
      await cache.sweep();
      const kept = (await sql<{ key: string }>`select key from shared_reports order by key`.execute(db)).rows;
      // k2 was used least recently: k1 was read after it was written.
      expect(kept.map((r) => r.key)).toEqual(["k1", "k3"]);
      await cache.set("big", "y".repeat(300));
      expect(await cache.get("big")).toBeUndefined();
    });
  },
  ["postgres"],
);

/**
 * SRV-6 with the worker in this process (startJobWorker, what `roundtable worker` runs):
 * the API-6 behaviours of jobs on shared jobs — a whole computation (replay) with its
 * progress and result, the events stream, cancellation, another user's 404, a job that
 * fails with its request's error, posted documents.
 */
describeEachBackend(
  "jobs in the database, run by a worker (SRV-6)",
  (backends) => {
    let store: Store;
    let app: FastifyInstance;
    let team: Record<Persona, Credentials>;
    let stopWorker: () => Promise<void>;

    beforeAll(async () => {
      const { config } = await backends.freshConfig();
      if (config.kind !== "postgres") throw new Error("postgres only");
      store = new Store(await openBackend(config));
      team = await seedTeam(store);
      const timing = { leaseSeconds: 30, maintenanceSeconds: 1, pollSeconds: 0.5 };
      const schema = config.schema ?? "public";
      const queue = await JobQueue.open(config, schema, timing, () => {});
      app = await buildApp({ store, jobs: new SharedJobs(store.backend.db, queue) });
      await app.ready();
      const worker = await startJobWorker({ backend: config, timing, log: () => {} });
      stopWorker = () => worker.stop(false);
      return async () => {
        await stopWorker();
        await app.close();
        await queue.stop(false);
        await store.close();
      };
    });

    const get = (credentials: Credentials, url: string) => as(app, credentials, { method: "GET", url });
    async function waitEnd(id: string) {
      for (let i = 0; i < 600; i++) {
        const job = (await get(team.viewer, `/api/v1/jobs/${id}`)).json().job;
        if (job.status !== "running") return job;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error("the job did not end");
    }

    it("API-6, SRV-6: a replay job run by the worker reports progress and its result; another user gets 404", async () => {
      const start = await as(app, team.viewer, {
        method: "POST",
        url: "/api/v1/workspaces/acme/deals/seed/jobs/replay?stepDelayMs=20",
      });
      expect(start.statusCode).toBe(202);
      const id = start.json().job.id as string;
      const job = await waitEnd(id);
      expect(job.status).toBe("succeeded");
      expect(job.progress.done).toBe(job.progress.total);
      expect(job.progress.total).toBeGreaterThan(0);
      expect(job.result.transactions).toBe(job.progress.total);
      expect((await get(team.editor, `/api/v1/jobs/${id}`)).statusCode).toBe(404);
      const events = await get(team.viewer, `/api/v1/jobs/${id}/events`);
      const names = [...events.body.matchAll(/^event: (\w+)$/gm)].map((m) => m[1]);
      expect(names).toEqual(["end"]);
    });

    it("API-6, SRV-6: a simulation's result is the in-memory job's; a bad round fails with the request's error", async () => {
      const inMemory = await teamApp(store);
      const url = "/api/v1/workspaces/acme/deals/openai/jobs/simulate?runs=300000&seed=3";
      const local = (await as(inMemory, team.viewer, { method: "POST", url })).json().job.id as string;
      const shared = (await as(app, team.viewer, { method: "POST", url })).json().job.id as string;
      let localJob = { status: "running", result: undefined as unknown };
      for (let i = 0; i < 600 && localJob.status === "running"; i++) {
        await new Promise((r) => setTimeout(r, 50));
        localJob = (await as(inMemory, team.viewer, { method: "GET", url: `/api/v1/jobs/${local}` })).json()
          .job;
      }
      await inMemory.close();
      expect(localJob.status).toBe("succeeded");
      const sharedJob = await waitEnd(shared);
      expect(sharedJob.status).toBe("succeeded");
      expect(sharedJob.progress).toEqual({ done: 300_000, total: 300_000 });
      expect(JSON.stringify(sharedJob.result)).toBe(JSON.stringify(localJob.result));
      const bad = await as(app, team.viewer, {
        method: "POST",
        url: "/api/v1/workspaces/acme/deals/openai/jobs/simulate?runs=10&round=nope",
      });
      const failed = await waitEnd(bad.json().job.id);
      expect(failed.status).toBe("failed");
      expect(failed.error.problems[0]).toMatchObject({ code: "request_invalid", path: "query.round" });
    });

    it("API-6, SRV-6: a running job is cancelled, and stays cancelled", async () => {
      const start = await as(app, team.viewer, {
        method: "POST",
        url: "/api/v1/workspaces/acme/deals/seed/jobs/replay?stepDelayMs=200",
      });
      const id = start.json().job.id as string;
      const cancel = await as(app, team.viewer, { method: "DELETE", url: `/api/v1/jobs/${id}` });
      expect(cancel.json().job.status).toBe("cancelled");
      await new Promise((r) => setTimeout(r, 1500));
      expect((await get(team.viewer, `/api/v1/jobs/${id}`)).json().job.status).toBe("cancelled");
    });
  },
  ["postgres"],
);

describeEachBackend(
  "a shared job whose work never finishes (SRV-6)",
  (backends) => {
    it("SRV-6: a chunk whose lease ends more often than the retries allow fails its job, with a message saying so", async () => {
      const { config } = await backends.freshConfig();
      if (config.kind !== "postgres") throw new Error("postgres only");
      const store = new Store(await openBackend(config));
      const team = await seedTeam(store);
      const timing = { leaseSeconds: 1, maintenanceSeconds: 1, pollSeconds: 0.5, retries: 0 };
      const schema = config.schema ?? "public";
      const queue = await JobQueue.open(config, schema, timing, () => {});
      const app = await buildApp({ store, jobs: new SharedJobs(store.backend.db, queue) });
      // A worker that takes the chunk and dies without a word: an item fetched, never answered.
      const silent = new PgBoss({ connectionString: config.url, schema, supervise: false, schedule: false });
      await silent.start();
      try {
        const start = await as(app, team.viewer, {
          method: "POST",
          url: "/api/v1/workspaces/acme/deals/openai/jobs/simulate?runs=10",
        });
        const id = start.json().job.id as string;
        const taken = await silent.fetch(QUEUES.chunk);
        expect(taken?.map((j) => (j.data as { jobId: string }).jobId)).toEqual([id]);
        const worker = await startJobWorker({ backend: config, timing, log: () => {} });
        let job = start.json().job;
        for (let i = 0; i < 300 && job.status === "running"; i++) {
          await new Promise((r) => setTimeout(r, 100));
          job = (await as(app, team.viewer, { method: "GET", url: `/api/v1/jobs/${id}` })).json().job;
        }
        await worker.stop(false);
        expect(job.status).toBe("failed");
        expect(job.error.code).toBe("unavailable");
        expect(job.error.message).toMatch(/started 1 time and never finished/);
      } finally {
        await silent.stop({ graceful: false, wait: true });
        await app.close();
        await queue.stop(false);
        await store.close();
      }
    }, 60_000);
  },
  ["postgres"],
);
