// npm run bench:api — throughput and latency of the HTTP API on loopback, next to a bare
// Fastify route as the baseline. The server runs in a child process (as in production, with
// warn-level logs); autocannon runs here. Every request stays on 127.0.0.1 and the run is
// bounded in time. Figures are printed, never asserted.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { hashPassword, newApiToken, tokenHash } from "../src/server/auth.js";
import { type BackendConfig, openBackend } from "../src/storage/backend.js";
import { storableDeal } from "../src/storage/deal-document.js";
import { Store } from "../src/storage/store.js";

const CONNECTIONS = 100;
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 10);
const EXAMPLE = readFileSync("examples/openai-round.yaml", "utf8");
const POSTGRES_URL = process.env.DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/test";

interface Figure {
  readonly label: string;
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly errors: number;
}

function waitForUrl(child: ChildProcess, pattern: RegExp): Promise<string> {
  let text = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL in 30 s:\n${text}`)), 30_000);
    const onData = (chunk: Buffer) => {
      text += chunk.toString("utf8");
      const m = pattern.exec(text);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stderr?.on("data", onData);
    child.stdout?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`exited with ${code}:\n${text}`)));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

async function load(label: string, options: autocannon.Options): Promise<Figure> {
  // A short warm-up fills caches and JIT before the measured run.
  await autocannon({ ...options, connections: 10, duration: 2 });
  const result = await autocannon({ ...options, connections: CONNECTIONS, duration: DURATION_S });
  const errors = result.errors + result.timeouts + result.non2xx;
  return { label, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors };
}

async function bareFastify(): Promise<Figure> {
  const script = `
    import Fastify from "fastify";
    const app = Fastify({ logger: false });
    app.get("/", async () => ({ hello: "world" }));
    await app.listen({ port: 0, host: "127.0.0.1" });
    console.error("listening at http://127.0.0.1:" + app.server.address().port);
    process.on("SIGTERM", () => app.close().then(() => process.exit(0)));
  `;
  const child = spawn(process.execPath, ["--input-type=module", "-e", script], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  const url = await waitForUrl(child, /listening at (http:\/\/127\.0\.0\.1:\d+)/);
  try {
    return await load("bare Fastify route (baseline)", { url });
  } finally {
    await stop(child);
  }
}

async function seeded(kind: "sqlite" | "postgres") {
  let config: BackendConfig;
  let env: Record<string, string> = {};
  let args: string[] = [];
  let cleanup: () => Promise<void>;
  if (kind === "sqlite") {
    const dir = mkdtempSync(path.join(os.tmpdir(), "roundtable-bench-"));
    config = { kind, file: path.join(dir, "roundtable.sqlite") };
    args = ["--data", dir];
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const schema = `rt_bench_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    config = { kind, url: POSTGRES_URL, schema };
    const url = new URL(POSTGRES_URL);
    url.searchParams.set("options", `-c search_path=${schema}`);
    env = { DATABASE_URL: url.toString() };
    cleanup = async () => {
      const c = new pg.Client({ connectionString: POSTGRES_URL });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    };
  }
  const store = new Store(await openBackend(config));
  const user = await store.createUser(
    { username: "bench", passwordHash: await hashPassword("a long enough password"), admin: true },
    "system",
  );
  await store.createWorkspace({ id: "bench", name: "Bench", ownerId: user!.id }, user!.id);
  const deal = storableDeal(EXAMPLE, "openai-round.yaml");
  if (!deal.ok) throw new Error("the example does not load");
  await store.writeDeal({
    workspaceId: "bench",
    slug: "openai",
    expectedVersion: 0,
    action: "create",
    document: deal.canonical,
    actorId: user!.id,
  });
  const token = newApiToken();
  await store.createToken(user!.id, "bench", tokenHash(token));
  await store.close();
  return { env, args, token, cleanup };
}

async function roundtable(kind: "sqlite" | "postgres"): Promise<Figure[]> {
  const { env, args, token, cleanup } = await seeded(kind);
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "scripts/dev-cli.ts", "serve", "--port", "0", ...args],
    { env: { ...process.env, LOG_LEVEL: "warn", ...env }, stdio: ["ignore", "ignore", "pipe"] },
  );
  try {
    const url = await waitForUrl(child, /serving .* at (http:\/\/127\.0\.0\.1:\d+)/);
    const headers = { authorization: `Bearer ${token}` };
    return [
      await load(`${kind}: cached cap-table read (GET …/deals/openai/captable)`, {
        url: `${url}/api/v1/workspaces/bench/deals/openai/captable`,
        headers,
      }),
      await load(`${kind}: pro forma of a posted deal (POST /compute/model, openai-round.yaml)`, {
        url: `${url}/api/v1/compute/model`,
        method: "POST",
        headers: { ...headers, "content-type": "application/yaml" },
        body: EXAMPLE,
      }),
    ];
  } finally {
    await stop(child);
    await cleanup();
  }
}

async function postgresAnswers(): Promise<boolean> {
  const c = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2000 });
  c.on("error", () => {});
  try {
    await c.connect();
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}

const cpu = os.cpus()[0]?.model ?? "unknown CPU";
console.log(
  `roundtable API benchmark — Node ${process.version}, ${os.cpus().length} cores (${cpu}); ${CONNECTIONS} connections, ${DURATION_S} s each, loopback`,
);
const figures: Figure[] = [await bareFastify(), ...(await roundtable("sqlite"))];
if (await postgresAnswers()) figures.push(...(await roundtable("postgres")));
else console.log(`PostgreSQL skipped: nothing answers at ${POSTGRES_URL}`);

const baseline = figures[0]!.rps;
console.log("");
console.log("| scenario | requests/s | p50 ms | p99 ms | errors |");
console.log("| --- | ---: | ---: | ---: | ---: |");
for (const f of figures)
  console.log(
    `| ${f.label} | ${Math.round(f.rps).toLocaleString("en-US")} | ${f.p50} | ${f.p99} | ${f.errors} |`,
  );
console.log("");
for (const f of figures.filter((x) => x.label.includes("cached"))) {
  const ratio = f.rps / baseline;
  console.log(
    `${f.label}: ${(ratio * 100).toFixed(0)}% of the bare route (target ≥ 50%: ${ratio >= 0.5 ? "met" : "NOT met"}); p99 ${f.p99} ms (target < 50 ms: ${f.p99 < 50 ? "met" : "NOT met"})`,
  );
}
