import { readdirSync, readFileSync } from "node:fs";
import { monitorEventLoopDelay } from "node:perf_hooks";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { syntheticDealYaml } from "../../bench/model.bench.js";
import { LIMITS } from "../../src/core/shared/limits.js";
import { buildApp } from "../../src/server/app.js";
import { storableDeal } from "../../src/storage/deal-document.js";
import type { Store } from "../../src/storage/store.js";
import { BackendFactory } from "./support/backends.js";
import { type Credentials, PASSWORD, type Persona, seedTeam } from "./support/team.js";

/**
 * SRV-5: no request can stall the server. The heaviest requests a signed-in user with the
 * lowest role may send — long reports to ingest, a large deal to validate, a document whose
 * aliases would expand far beyond its size — run on worker threads while health checks and
 * sign-ins are answered, over real sockets, within 100 ms each.
 */

/** A long report: the ingestion corpus repeated to about `bytes` (issue 20 used 2.4 MB). */
function longReport(bytes: number): string {
  const corpus = readdirSync("corpus/ingest")
    .filter((f) => f.endsWith("-en.txt"))
    .map((f) => readFileSync(`corpus/ingest/${f}`, "utf8"))
    .join("\n\n");
  return corpus.repeat(Math.ceil(bytes / corpus.length)).slice(0, bytes);
}

/** 99 aliases of one large list: under the alias count, far over the expanded-size limit. */
function aliasBomb(): string {
  const list = Array.from({ length: 40_000 }, (_, i) => `"item-${i}-${"x".repeat(100)}"`).join(", ");
  return `roundtable: 1\ncompany: { name: A, formed: 2020-01-01 }\nbig: &big [${list}]\ncopies: [${Array(99).fill("*big").join(", ")}]\n`;
}

describe("SRV-5: while the heaviest allowed requests run, health and sign-in answer within 100 ms", () => {
  const factory = new BackendFactory("sqlite");
  let store: Store;
  let app: FastifyInstance;
  let team: Record<Persona, Credentials>;
  let url: string;

  beforeAll(async () => {
    store = await factory.freshStore();
    team = await seedTeam(store);
    app = await buildApp({ store });
    url = await app.listen({ host: "127.0.0.1", port: 0 });
  });
  afterAll(async () => {
    await app.close();
    await factory.cleanup();
  });

  const post = (path: string, type: string, body: string) =>
    fetch(`${url}${path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${team.investor.token}`, "content-type": type },
      body,
    });

  test("a YAML alias bomb under the alias count is refused by its expanded size, quickly", async () => {
    const bomb = aliasBomb();
    expect(bomb.length).toBeLessThan(LIMITS.requestBodyBytes);
    const started = performance.now();
    const response = await post("/api/v1/compute/validate", "application/yaml", bomb);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(response.status).toBe(413);
    expect(body.error.code).toBe("input_too_large");
    expect(body.error.message).toContain(`${LIMITS.yamlExpandedSize} limit`);
    console.log(`SRV-5: the alias bomb was refused in ${(performance.now() - started).toFixed(0)} ms`);
  }, 60_000);

  // A sign-in is an argon2 verification on a thread of its own: on two cores its time also
  // depends on what the machine does besides this server, so a slow measurement is taken
  // again (at most twice), with the same bounds; a server that stalls fails every attempt.
  test("health and sign-in stay under 100 ms each while 4 ingests and 2 validations run", {
    retry: 2,
    timeout: 300_000,
  }, async () => {
    const probe = async () => {
      let started = performance.now();
      const h = await fetch(`${url}/api/v1/health`);
      const health = performance.now() - started;
      expect(h.status).toBe(200);
      started = performance.now();
      const login = await fetch(`${url}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username: "viewer", password: PASSWORD }),
      });
      const signIn = performance.now() - started;
      expect(login.status).toBe(200);
      return { health, signIn };
    };
    // What the probes cost with nothing else running in this server: on a quiet machine far
    // under 100 ms (a sign-in is one argon2id verification, about 40 ms). On a machine other
    // programs keep busy, the bound is twice that cost, so that the test still measures what
    // this server's own heavy requests add, and no more.
    const quiet = [];
    for (let i = 0; i < 5; i++) quiet.push(await probe());
    const bound = {
      health: Math.max(100, 2 * Math.max(...quiet.map((q) => q.health))),
      signIn: Math.max(100, 2 * Math.max(...quiet.map((q) => q.signIn))),
    };
    const report = longReport(300_000);
    const deal = syntheticDealYaml(10_000);
    const heavy = [
      ...Array.from({ length: 4 }, () => post("/api/v1/ingest?lang=en", "text/plain", report)),
      post("/api/v1/compute/validate", "application/yaml", deal),
      post("/api/v1/compute/validate", "application/yaml", aliasBomb()),
    ];
    let heavyDone = 0;
    for (const h of heavy) void h.then(() => heavyDone++);
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    // Let the heavy requests reach their worker threads.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const probes: { health: number; signIn: number }[] = [];
    while (probes.length < 20 && heavyDone < heavy.length) {
      probes.push(await probe());
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    loop.disable();
    const responses = await Promise.all(heavy);
    const bodies = await Promise.all(responses.map((r) => r.json() as Promise<{ error?: { code: string } }>));
    const health = Math.max(...probes.map((p) => p.health));
    const signIn = Math.max(...probes.map((p) => p.signIn));
    console.log(
      `SRV-5: ${probes.length} probes while heavy requests ran: health max ${health.toFixed(1)} ms, sign-in max ${signIn.toFixed(1)} ms (bounds ${bound.health.toFixed(0)} and ${bound.signIn.toFixed(0)} ms; quiet sign-in max ${Math.max(...quiet.map((q) => q.signIn)).toFixed(1)} ms; event-loop delay max ${(loop.max / 1e6).toFixed(1)} ms); heavy answers ${responses.map((r, i) => `${r.status}${bodies[i]!.error ? ` ${bodies[i]!.error!.code}` : ""}`).join(", ")}`,
    );
    // Every probe ran while at least one heavy request was still running.
    expect(probes.length).toBe(20);
    expect(health).toBeLessThan(bound.health);
    expect(signIn).toBeLessThan(bound.signIn);
    // Each heavy request is answered: its report, or a computation stopped at the time limit
    // (on a machine too busy to finish it in time), never a 500.
    for (const [i, response] of responses.slice(0, 5).entries()) {
      if (response.status !== 200) {
        expect(response.status).toBe(422);
        expect(bodies[i]!.error!.code).toBe("computation_too_long");
      }
    }
    expect(responses[5]!.status).toBe(413);
  });
});

/** A template CSV of `rows` holders, as `roundtable import` reads it (docs/spec/import.md). */
function largeCsv(rows: number): string {
  const lines = ["Holder,Class,Shares,Price per share,Issue date"];
  for (let i = 0; i < rows; i++)
    lines.push(
      `Holder ${i},${i % 10 === 0 ? "Series A" : "Common"},${10_000 + i},0.01,2024-01-${String((i % 28) + 1).padStart(2, "0")}`,
    );
  return `${lines.join("\n")}\n`;
}

/**
 * SRV-5, SRV-5a: the routes that read files and render them — OCF export and import, PDF and
 * XLSX reports, spreadsheet import, the history's difference of two versions and revert, a
 * deal's YAML export — do their input-dependent work on worker threads too: while the
 * heaviest of each runs, health and sign-in answer within 100 ms.
 */
describe("SRV-5a: while large OCF, PDF, diff and spreadsheet requests run, health and sign-in answer within 100 ms", () => {
  const factory = new BackendFactory("sqlite");
  let app: FastifyInstance;
  let team: Record<Persona, Credentials>;
  let url: string;
  let zip: Buffer;
  const HOLDERS = 20_000;

  beforeAll(async () => {
    const store = await factory.freshStore();
    team = await seedTeam(store);
    app = await buildApp({ store });
    url = await app.listen({ host: "127.0.0.1", port: 0 });
    const owner = { authorization: `Bearer ${team.owner.token}` };
    const deal = syntheticDealYaml(HOLDERS);
    const put = async (path: string, body: string) => {
      const r = await fetch(`${url}${path}`, {
        method: "PUT",
        headers: { ...owner, "content-type": "application/yaml" },
        body,
      });
      expect(r.status, await r.clone().text()).toBeLessThan(300);
    };
    await put("/api/v1/workspaces/acme/deals/big?expectedVersion=0", deal);
    await put(
      "/api/v1/workspaces/acme/deals/big?expectedVersion=1",
      deal.replace("shares: 10000 }", "shares: 10001 }"),
    );
    const exported = await fetch(`${url}/api/v1/workspaces/acme/deals/big/ocf?country=US`, {
      headers: owner,
    });
    expect(exported.status).toBe(200);
    zip = Buffer.from(await exported.arrayBuffer());
  }, 300_000);
  afterAll(async () => {
    await app.close();
    await factory.cleanup();
  });

  test("health and sign-in stay under 100 ms each while each moved kind of request runs on a large deal", {
    retry: 2,
    timeout: 600_000,
  }, async () => {
    const owner = { authorization: `Bearer ${team.owner.token}` };
    const probe = async () => {
      let started = performance.now();
      const h = await fetch(`${url}/api/v1/health`);
      const health = performance.now() - started;
      expect(h.status).toBe(200);
      started = performance.now();
      const login = await fetch(`${url}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username: "viewer", password: PASSWORD }),
      });
      const signIn = performance.now() - started;
      expect(login.status).toBe(200);
      return { health, signIn };
    };
    const quiet = [];
    for (let i = 0; i < 5; i++) quiet.push(await probe());
    const bound = {
      health: Math.max(100, 2 * Math.max(...quiet.map((q) => q.health))),
      signIn: Math.max(100, 2 * Math.max(...quiet.map((q) => q.signIn))),
    };
    const deals = `${url}/api/v1/workspaces/acme/deals`;
    // A retried attempt finds the deal reverted by the one before: revert from its head.
    const headVersion = async () =>
      (
        (await (await fetch(`${deals}/big/revisions`, { headers: owner })).json()) as {
          revisions: { version: number }[];
        }
      ).revisions.reduce((max, r) => Math.max(max, r.version), 0);
    const heavy: [string, Promise<Response>][] = [
      [
        "OCF import",
        fetch(`${deals}/from-ocf/ocf?expectedVersion=0`, {
          method: "POST",
          headers: { ...owner, "content-type": "application/zip" },
          body: zip,
        }),
      ],
      ["OCF export", fetch(`${deals}/big/ocf?country=US`, { headers: owner })],
      ["captable PDF", fetch(`${deals}/big/captable?format=pdf`, { headers: owner })],
      ["diff", fetch(`${deals}/big/diff?from=1&to=2`, { headers: owner })],
      ["YAML export", fetch(`${deals}/big/export?format=yaml`, { headers: owner })],
      [
        "spreadsheet import",
        fetch(`${url}/api/v1/compute/import?name=big.csv&company=Big`, {
          method: "POST",
          headers: { ...owner, "content-type": "text/csv" },
          body: largeCsv(HOLDERS),
        }),
      ],
      [
        "revert",
        fetch(`${deals}/big/revert?to=1&expectedVersion=${await headVersion()}`, {
          method: "POST",
          headers: owner,
        }),
      ],
    ];
    let heavyDone = 0;
    for (const [, h] of heavy) void h.then(() => heavyDone++);
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    await new Promise((resolve) => setTimeout(resolve, 300));
    const probes: { health: number; signIn: number }[] = [];
    while (probes.length < 20 && heavyDone < heavy.length) {
      probes.push(await probe());
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    loop.disable();
    const responses = await Promise.all(heavy.map(([, h]) => h));
    const bodies = await Promise.all(responses.map((r) => r.arrayBuffer()));
    const health = Math.max(...probes.map((p) => p.health));
    const signIn = Math.max(...probes.map((p) => p.signIn));
    console.log(
      `SRV-5a: ${probes.length} probes while heavy requests ran: health max ${health.toFixed(1)} ms, sign-in max ${signIn.toFixed(1)} ms (bounds ${bound.health.toFixed(0)} and ${bound.signIn.toFixed(0)} ms; event-loop delay max ${(loop.max / 1e6).toFixed(1)} ms); heavy answers ${heavy.map(([name], i) => `${name} ${responses[i]!.status} (${bodies[i]!.byteLength} bytes)`).join(", ")}`,
    );
    expect(probes.length).toBe(20);
    expect(health).toBeLessThan(bound.health);
    expect(signIn).toBeLessThan(bound.signIn);
    // Each heavy request is answered: its result, or a computation stopped at the time limit
    // (on a machine too busy to finish it in time), never a 500.
    for (const [i, response] of responses.entries()) {
      // The deal read back from the OCF package of the largest deal is refused by the deal
      // file's size limit (413 naming it), after its work on a worker thread; or imported.
      if (heavy[i]![0] === "OCF import" && response.status === 413) {
        expect(Buffer.from(bodies[i]!).toString()).toContain(`larger than the 20 MiB limit`);
        continue;
      }
      if (response.status >= 300) {
        expect(response.status, `${heavy[i]![0]}: ${Buffer.from(bodies[i]!).toString()}`).toBe(422);
        expect(Buffer.from(bodies[i]!).toString()).toContain("computation_too_long");
      }
    }
  });
});

describe("SRV-5: a request's computation past the time limit is stopped and answered 422", () => {
  const factory = new BackendFactory("sqlite");
  let app: FastifyInstance;
  let team: Record<Persona, Credentials>;
  let store: Store;

  beforeAll(async () => {
    store = await factory.freshStore();
    team = await seedTeam(store);
    app = await buildApp({ store, compute: { timeoutMs: 200 } });
  });
  afterAll(async () => {
    await app.close();
    await factory.cleanup();
  });

  test("computation_too_long names the limit; the server answers the next request", async () => {
    const response = await app.inject({
      method: "POST",
      url: "/api/v1/compute/validate",
      headers: { authorization: `Bearer ${team.viewer.token}`, "content-type": "application/yaml" },
      payload: syntheticDealYaml(20_000),
    });
    expect(response.statusCode, response.body).toBe(422);
    expect(response.json().error.code).toBe("computation_too_long");
    expect(response.json().error.message).toContain("the 0.2 s limit");
    const health = await app.inject({ method: "GET", url: "/api/v1/health" });
    expect(health.statusCode).toBe(200);
  }, 60_000);

  test("SRV-5a: OCF export, a PDF, a YAML export, a difference and a spreadsheet import past the limit are 422 naming it", async () => {
    // A 5,000-holder deal, stored directly (its PUT would itself run past 0.2 s).
    const parsed = storableDeal(syntheticDealYaml(5_000), "big.yaml");
    if (!parsed.ok) throw new Error("the synthetic deal does not load");
    const ownerId = (await store.findUserByName("owner"))!.id;
    for (const [expectedVersion, document] of [
      [0, parsed.canonical],
      [1, parsed.canonical.replace('"shares":"10000"', '"shares":"10001"')],
    ] as const)
      await store.writeDeal({
        workspaceId: "acme",
        slug: "big",
        expectedVersion,
        action: expectedVersion === 0 ? "create" : "replace",
        document,
        actorId: ownerId,
      });
    const deals = "/api/v1/workspaces/acme/deals/big";
    for (const [what, request] of [
      ["OCF export", { method: "GET", url: `${deals}/ocf?country=US` }],
      ["cap-table PDF", { method: "GET", url: `${deals}/captable?format=pdf` }],
      ["YAML export", { method: "GET", url: `${deals}/export?format=yaml` }],
      ["difference", { method: "GET", url: `${deals}/diff?from=1&to=2` }],
      [
        "spreadsheet import",
        {
          method: "POST",
          url: "/api/v1/compute/import?name=big.csv&company=Big",
          headers: { "content-type": "text/csv" },
          payload: largeCsv(20_000),
        },
      ],
    ] as const) {
      const response = await app.inject({
        ...request,
        headers: {
          authorization: `Bearer ${team.owner.token}`,
          ...("headers" in request ? request.headers : {}),
        },
      } as never);
      expect(response.statusCode, `${what}: ${response.body.slice(0, 300)}`).toBe(422);
      expect(response.json().error.code, what).toBe("computation_too_long");
      expect(response.json().error.message, what).toContain("the 0.2 s limit");
    }
    const health = await app.inject({ method: "GET", url: "/api/v1/health" });
    expect(health.statusCode).toBe(200);
  }, 120_000);
});
