import { mkdtempSync, readdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { expect, it } from "vitest";
import { verifyPassword } from "../../src/server/auth.js";
import { seedDemo } from "../../src/server/demo.js";
import { openBackend } from "../../src/storage/backend.js";
import { Store } from "../../src/storage/store.js";
import { cli } from "../support/cli.js";
import { startServerProcess } from "./support/server-process.js";

function dataDir(): string {
  return mkdtempSync(path.join(os.tmpdir(), "roundtable-cli-"));
}

async function storeIn(dir: string): Promise<Store> {
  return new Store(await openBackend({ kind: "sqlite", file: path.join(dir, "roundtable.sqlite") }));
}

it("AUTH-1: user create --owner reads the password from standard input and makes an owned workspace", async () => {
  const dir = dataDir();
  const created = await cli(["user", "create", "--owner", "alice", "--workspace", "acme", "--data", dir], {
    stdin: "a long enough password\n",
  });
  expect(created.stderr).toBe("");
  expect(created.code).toBe(0);
  expect(created.stdout).toBe("created administrator alice\ncreated workspace acme, owned by alice\n");
  const store = await storeIn(dir);
  const alice = await store.findUserByName("alice");
  expect(alice?.admin).toBe(true);
  expect(alice?.passwordHash).toMatch(/^\$argon2id\$/);
  expect(await verifyPassword(alice!.passwordHash, "a long enough password")).toBe(true);
  expect((await store.membership("acme", alice!.id))?.role).toBe("owner");
  await store.close();

  const again = await cli(["user", "create", "alice", "--data", dir], { stdin: "another long password\n" });
  expect(again.code).toBe(1);
  expect(again.stderr).toMatch(/a user "alice" already exists \(already_exists\)/);
  const short = await cli(["user", "create", "bob", "--data", dir], { stdin: "short\n" });
  expect(short.code).toBe(2);
  expect(short.stderr).toMatch(/12 to 1024 characters/);
});

it("SRV-3: the demo seeding runs on an empty store only: the demo administrator, a password, the examples", async () => {
  const store = await storeIn(dataDir());
  const password = await seedDemo(store);
  expect(password).toMatch(/^[A-Za-z0-9_-]{20}$/);
  const demo = await store.findUserByName("demo");
  expect(demo?.admin).toBe(true);
  expect(await verifyPassword(demo!.passwordHash, password!)).toBe(true);
  // Every example, in the store's order of ids (the file names sort otherwise: "-" < ".").
  const examples = readdirSync("examples")
    .filter((f) => f.endsWith(".yaml"))
    .map((f) => f.slice(0, -".yaml".length));
  expect((await store.listDeals("demo")).map((d) => d.id)).toEqual(examples.sort());
  expect(await seedDemo(store)).toBeUndefined();
  expect(await store.countUsers()).toBe(1);
  await store.close();
});

it("AUDIT-4: audit verify exits 0 on an intact trail and 1 naming the first broken entry", async () => {
  const dir = dataDir();
  await cli(["user", "create", "--owner", "alice", "--data", dir], { stdin: "a long enough password\n" });
  await cli(["user", "create", "bob", "--data", dir], { stdin: "a long enough password\n" });
  const ok = await cli(["audit", "verify", "--data", dir]);
  expect(ok.code).toBe(0);
  expect(ok.stdout).toMatch(
    /audit trail verified: 3 entries, 0 deal revisions\nlast hash: [0-9a-f]{64} \(keep it elsewhere; check it later with --expect-head\)\n$/,
  );
  const store = await storeIn(dir);
  await sql`update audit_log set actor_id = 'mallory' where seq = 2`.execute(store.backend.db);
  await store.close();
  const broken = await cli(["audit", "verify", "--data", dir]);
  expect(broken.code).toBe(1);
  expect(broken.stderr).toMatch(
    /the audit trail is broken at entry 2: entry 2 was changed: its hash does not match its contents \(audit_chain_broken\)/,
  );
});

it("SRV-2: on SIGTERM the server finishes the request in flight, then exits with 0", async () => {
  const dir = dataDir();
  await cli(["user", "create", "--owner", "alice", "--data", dir], { stdin: "a long enough password\n" });
  const server = await startServerProcess(["--data", dir], {});
  const login = await fetch(`${server.url}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "alice", password: "a long enough password" }),
  });
  const cookie = login.headers.get("set-cookie")!.split(";")[0]!;
  const csrf = ((await login.json()) as { csrfToken: string }).csrfToken;
  // A request still arriving: half its body is sent, the signal comes, then the rest.
  const issues = Array.from(
    { length: 200 },
    (_, i) => `  - { type: issue, date: 2020-01-02, holder: a, class: common, shares: ${i + 1} }`,
  ).join("\n");
  const deal = `roundtable: 1\ncompany: { name: Long, currency: USD }\nstakeholders: [{ id: a, name: A }]\nclasses: [{ id: common, name: Common, type: common }]\ntransactions:\n${issues}\n`;
  const half = Math.floor(deal.length / 2);
  let sendRest: () => void = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(deal.slice(0, half)));
      sendRest = () => {
        controller.enqueue(new TextEncoder().encode(deal.slice(half)));
        controller.close();
      };
    },
  });
  const inFlight = fetch(`${server.url}/api/v1/compute/captable`, {
    method: "POST",
    headers: { "content-type": "application/yaml", cookie, "x-csrf-token": csrf },
    body,
    duplex: "half",
  } as RequestInit);
  await new Promise((r) => setTimeout(r, 300));
  const exit = server.stop();
  await new Promise((r) => setTimeout(r, 300));
  sendRest();
  const response = await inFlight;
  expect(response.status).toBe(200);
  expect(((await response.json()) as { totals: { outstanding: string } }).totals.outstanding).toBe(
    String((200 * 201) / 2),
  );
  expect(response.headers.get("connection")).toBe("close");
  expect(await exit).toBe(0);
});
