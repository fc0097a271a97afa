import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { type BackendConfig, openBackend } from "../storage/backend.js";
import { Store } from "../storage/store.js";
import { buildApp } from "./app.js";
import { ComputePool } from "./compute-pool.js";
import { DEMO_USER, DEMO_WORKSPACE, seedDemo } from "./demo.js";
import { JobQueue, type QueueTiming, queueTimingFrom } from "./job-queue.js";
import { SharedJobs } from "./shared-jobs.js";
import { WEB_APP_DIR } from "./web-app.js";

export interface ServeOptions {
  readonly backend: BackendConfig;
  readonly port: number;
  readonly host: string;
  /** Seed the demo account and workspace on an empty store. */
  readonly demo: boolean;
  readonly trustProxy: boolean | string;
  readonly logLevel: string;
  readonly version: string;
  /** The built web app served at `/`; the package's dist/web by default. */
  readonly webRoot?: string;
  /** Where the URL and the demo password are printed (not the log). */
  readonly print: (text: string) => void;
  /**
   * On PostgreSQL, jobs are in the database, run by `roundtable worker` processes (SPEC
   * SRV-6), with this queue timing; "memory" keeps them in this process as on SQLite.
   */
  readonly jobs?: { readonly kind: "shared"; readonly timing: QueueTiming } | { readonly kind: "memory" };
}

export interface RunningServer {
  readonly app: FastifyInstance;
  readonly url: string;
  /** Stops accepting connections, finishes requests in flight, closes the database. */
  close(): Promise<void>;
}

/** Opens the store, builds the API and listens (SPEC SRV-1). */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const store = new Store(await openBackend(options.backend));
  let app: FastifyInstance;
  let queue: JobQueue | undefined;
  try {
    const password = options.demo ? await seedDemo(store) : undefined;
    const config = options.backend;
    if (config.kind === "postgres" && options.jobs?.kind !== "memory") {
      const schema =
        (await sql<{ schema: string }>`select current_schema() as schema`.execute(store.backend.db)).rows[0]
          ?.schema ?? "public";
      queue = await JobQueue.open(config, schema, options.jobs?.timing ?? queueTimingDefault(), (error) =>
        app?.log.error({ err: error }, "job queue error"),
      );
    }
    app = await buildApp({
      ...(queue ? { jobs: new SharedJobs(store.backend.db, queue) } : {}),
      store,
      logger: { level: options.logLevel },
      trustProxy: options.trustProxy,
      version: options.version,
      webRoot: options.webRoot ?? WEB_APP_DIR,
    });
    const opened = queue;
    app.addHook("onClose", async () => {
      await opened?.stop(false);
      await store.close();
    });
    await app.listen({ port: options.port, host: options.host });
    const address = app.server.address();
    const port = typeof address === "object" && address ? address.port : options.port;
    const host = options.host.includes(":") ? `[${options.host}]` : options.host;
    const url = `http://${host === "0.0.0.0" ? "127.0.0.1" : host}:${port}`;
    options.print(`roundtable is serving ${store.backend.description} at ${url}\n`);
    options.print(`  Web app: ${url}/\n`);
    options.print(`  API reference: ${url}/api/docs   OpenAPI: ${url}/api/v1/openapi.json\n`);
    if (password !== undefined) {
      options.print(
        `  First start: created the demo account. Log in as "${DEMO_USER}" with the password\n\n      ${password}\n\n` +
          `  (shown once; it is stored hashed). Workspace "${DEMO_WORKSPACE}" holds the examples.\n` +
          `  curl -c jar -H 'content-type: application/json' -d '{"username":"${DEMO_USER}","password":"…"}' ${url}/api/v1/auth/login\n`,
      );
    }
    return {
      app,
      url,
      close: async () => {
        await app.close();
        await ComputePool.closeShared();
      },
    };
  } catch (error) {
    await queue?.stop(false).catch(() => {});
    await store.close().catch(() => {});
    throw error;
  }
}

function queueTimingDefault(): QueueTiming {
  return queueTimingFrom({});
}

/**
 * Runs until SIGTERM or SIGINT, then shuts down gracefully (SPEC SRV-2): no new
 * connections, requests in flight finish, jobs are cancelled, the database is closed.
 */
export async function serveUntilSignalled(options: ServeOptions): Promise<void> {
  const server = await startServer(options);
  await new Promise<void>((resolve) => {
    let closing = false;
    const stop = (signal: NodeJS.Signals) => {
      if (closing) return;
      closing = true;
      server.app.log.info({ signal }, "shutting down");
      server.close().then(resolve, (error: unknown) => {
        server.app.log.error({ err: error }, "error while shutting down");
        resolve();
      });
    };
    process.once("SIGTERM", stop);
    process.once("SIGINT", stop);
  });
}

/** How the launcher reads the queue's timing settings (`roundtable serve`, SRV-6). */
export { queueTimingFrom } from "./job-queue.js";
