import { spawn } from "node:child_process";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { processIo } from "../../src/cli/io.js";
import { LIMITS } from "../../src/core/shared/limits.js";
import type { Store } from "../../src/storage/store.js";
import { cli, tempFile } from "../support/cli.js";
import { describeEachBackend } from "./support/backends.js";
import { as, type Credentials, login, type Persona, seedTeam, teamApp, yamlOf } from "./support/team.js";

/**
 * Regression tests for the defects of issue 20 (items 4, 5, 6, 8 and 9): each input that
 * got a 500, a leak, an unbounded read or a stack trace, reproduced and answered as the
 * spec says.
 */

const YAML = { "content-type": "application/yaml" };
const SEED = "examples/seed-to-series-a.yaml";

/** An alias with no anchor, and more aliases than the limit, in a deal document. */
const ALIAS_WITHOUT_ANCHOR = `${yamlOf(SEED)}\nextra: *nowhere\n`;
const TOO_MANY_ALIASES = `roundtable: 1\ncompany: &c {name: A}\nx: [${Array(LIMITS.yamlAliases + 1)
  .fill("*c")
  .join(", ")}]\n`;
const NEGATIVE_PRE_MONEY = yamlOf(SEED).replace(/preMoney: .*/, "preMoney: -$15M");

/** The store's observable state: what a rejected request must leave unchanged. */
async function snapshot(store: Store) {
  return {
    deals: await store.listDeals("acme"),
    audit: await store.verifyAudit(),
  };
}

describeEachBackend("issue 20 defects", (factory) => {
  let store: Store;
  let app: FastifyInstance;
  let team: Record<Persona, Credentials>;

  beforeAll(async () => {
    store = await factory.freshStore();
    team = await seedTeam(store);
    app = await teamApp(store);
  });
  afterAll(async () => {
    await app.close();
  });

  describe("API-3: a YAML alias error is a 400 on every route that reads a document, never a 500", () => {
    const routes = [
      { method: "PUT" as const, url: "/api/v1/workspaces/acme/deals/aliased?expectedVersion=0" },
      { method: "POST" as const, url: "/api/v1/workspaces/acme/deals/seed/transactions?expectedVersion=1" },
      { method: "POST" as const, url: "/api/v1/workspaces/acme/deals/seed/rounds?expectedVersion=1" },
      { method: "POST" as const, url: "/api/v1/compute/model" },
      { method: "POST" as const, url: "/api/v1/compute/validate" },
      { method: "POST" as const, url: "/api/v1/compute/captable" },
      { method: "POST" as const, url: "/api/v1/compute/claims" },
      { method: "POST" as const, url: "/api/v1/compute/scenarios" },
      { method: "POST" as const, url: "/api/v1/compute/exit?breakpoints=true" },
      { method: "POST" as const, url: "/api/v1/compute/solve?investor=x&fraction=0.1" },
      { method: "POST" as const, url: "/api/v1/compute/flows" },
      { method: "POST" as const, url: "/api/v1/compute/exposure?investor=x" },
      { method: "POST" as const, url: "/api/v1/compute/simulate/jobs" },
      { method: "POST" as const, url: "/api/v1/compute/replay/jobs" },
    ];
    for (const route of routes) {
      test(`${route.method} ${route.url.split("?")[0]}`, async () => {
        const before = await snapshot(store);
        for (const [text, message] of [
          [ALIAS_WITHOUT_ANCHOR, /alias \*nowhere names no anchor/],
          [TOO_MANY_ALIASES, new RegExp(`more than ${LIMITS.yamlAliases} aliases`)],
        ] as const) {
          const response = await as(app, team.owner, { ...route, headers: YAML, payload: text });
          expect(response.statusCode, response.body).toBe(400);
          const body = response.json().error;
          expect(body.code).toBe("deal_syntax");
          expect(body.message).toMatch(message);
          expect(body.problems[0].line).toBeGreaterThan(0);
        }
        expect(await snapshot(store)).toEqual(before);
      });
    }
  });

  test("API-3: a negative amount is a 400 naming the field, not a 500", async () => {
    const response = await as(app, team.owner, {
      method: "POST",
      url: "/api/v1/compute/validate",
      headers: YAML,
      payload: NEGATIVE_PRE_MONEY,
    });
    expect(response.statusCode, response.body).toBe(400);
    const problem = response.json().error.problems[0];
    expect(problem).toMatchObject({ code: "deal_invalid_field", path: "rounds[0].preMoney" });
    expect(problem.message).toBe("preMoney must not be negative, got -$15M");
  });

  test("API-3: a NUL character in a workspace or token name is a 400, and nothing is stored", async () => {
    const before = await snapshot(store);
    const workspace = await as(app, team.owner, {
      method: "POST",
      url: "/api/v1/workspaces",
      payload: { id: "nul", name: "a\u0000b" },
    });
    expect(workspace.statusCode, workspace.body).toBe(400);
    expect(workspace.json().error.problems[0]).toMatchObject({ path: "body.name" });
    const token = await as(app, team.owner, {
      method: "POST",
      url: "/api/v1/tokens",
      payload: { name: "a\u0000b" },
    });
    expect(token.statusCode, token.body).toBe(400);
    const loginWithNul = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: "own\u0000er", password: "correct horse battery staple" },
    });
    expect(loginWithNul.statusCode, loginWithNul.body).toBe(400);
    const workspaces = await as(app, team.owner, { method: "GET", url: "/api/v1/workspaces" });
    expect(workspaces.json().workspaces.map((w: { id: string }) => w.id)).not.toContain("nul");
    expect(await snapshot(store)).toEqual(before);
  });

  test("AUTH-7: an investor does not see the round's option-pool term in the model report", async () => {
    const owner = await as(app, team.owner, {
      method: "GET",
      url: "/api/v1/workspaces/acme/deals/seed/model",
    });
    expect(owner.json().round.conventions.pool).toMatchObject({ pool: "plan-2021", target: "0.1" });
    const investor = await as(app, team.investor, {
      method: "GET",
      url: "/api/v1/workspaces/acme/deals/seed/model",
    });
    expect(investor.statusCode).toBe(200);
    expect(investor.json().round.conventions).toBeDefined();
    expect(investor.json().round.conventions.pool).toBeUndefined();
    expect(investor.body).not.toContain("plan-2021");
  });

  test("API-8: invalid UTF-8 posted to ingest is ingest_invalid_utf8 naming the byte", async () => {
    for (const url of ["/api/v1/ingest", "/api/v1/workspaces/acme/deals/seed/sources?expectedVersion=1"]) {
      const response = await as(app, team.owner, {
        method: "POST",
        url,
        headers: { "content-type": "text/plain" },
        payload: Buffer.concat([
          Buffer.from("OpenAI raises $40B "),
          Buffer.from([0xff, 0xfe]),
          Buffer.from("."),
        ]),
      });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().error.code).toBe("ingest_invalid_utf8");
      expect(response.json().error.message).toContain("byte 19");
    }
  });

  test("STORE-6: a version is decimal digits: 0x1, 1e0 and an empty value are 400s", async () => {
    for (const url of [
      "/api/v1/workspaces/acme/deals/seed?version=0x1",
      "/api/v1/workspaces/acme/deals/seed?version=1e0",
      "/api/v1/workspaces/acme/deals/seed?version=",
    ]) {
      const response = await as(app, team.owner, { method: "GET", url });
      expect(response.statusCode, `${url}: ${response.body}`).toBe(400);
      expect(response.json().error.problems[0].path).toBe("query.version");
    }
    const before = await snapshot(store);
    for (const expected of ["", "0x1", " 1", "1.0"]) {
      const response = await as(app, team.owner, {
        method: "DELETE",
        url: `/api/v1/workspaces/acme/deals/seed?expectedVersion=${encodeURIComponent(expected)}`,
      });
      expect(response.statusCode, `${expected}: ${response.body}`).toBe(400);
      expect(response.json().error.problems[0].path).toBe("query.expectedVersion");
    }
    expect(await snapshot(store)).toEqual(before);
    const ok = await as(app, team.owner, {
      method: "GET",
      url: "/api/v1/workspaces/acme/deals/seed?version=1",
    });
    expect(ok.statusCode).toBe(200);
  });

  test("API-3: a parameter a computation refuses is named once under query", async () => {
    for (const name of ["model", "captable"]) {
      const response = await as(app, team.owner, {
        method: "GET",
        url: `/api/v1/workspaces/acme/deals/openai/${name}?scenario=nope`,
      });
      expect(response.statusCode).toBe(400);
      expect(response.json().error.problems[0].path).toBe("query.scenario");
      expect(response.body).not.toContain("query.query");
    }
  });

  test("AUTH-2: logout clears the cookie with the attributes the login set", async () => {
    const session = await login(app, "owner");
    expect(session.setCookie).toContain("SameSite=Strict");
    const out = await app.inject({
      method: "POST",
      url: "/api/v1/auth/logout",
      headers: { cookie: session.cookie, "x-csrf-token": session.csrf },
    });
    expect(out.statusCode).toBe(204);
    const cleared = String(out.headers["set-cookie"]);
    expect(cleared).toMatch(/^rt_session=;/);
    for (const attribute of ["HttpOnly", "SameSite=Strict", "Path=/"]) expect(cleared).toContain(attribute);
    expect(cleared).not.toContain("SameSite=Lax");
  });
});

describe("the CLI on the same inputs", () => {
  test("CLI-1: a YAML alias error exits 1 with the line, not 70", async () => {
    const result = await cli(["validate", tempFile("aliases.yaml", ALIAS_WITHOUT_ANCHOR)]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/aliases\.yaml:\d+:\d+: the alias \*nowhere names no anchor/);
    const many = await cli(["validate", tempFile("many.yaml", TOO_MANY_ALIASES)]);
    expect(many.code).toBe(1);
    expect(many.stderr).toContain(`more than ${LIMITS.yamlAliases} aliases`);
  });

  test("CLI-1: a negative amount exits 1 naming the field, not 70", async () => {
    const result = await cli(["validate", tempFile("negative.yaml", NEGATIVE_PRE_MONEY)]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("rounds[0].preMoney: preMoney must not be negative, got -$15M");
    expect(result.stderr).not.toContain("internal error");
  });

  test("CLI-1: /dev/zero is read up to the 20 MiB limit only", () => {
    const started = Date.now();
    expect(() => processIo().readBytes("/dev/zero", LIMITS.dealFileBytes)).toThrow(
      /larger than the 20 MiB limit; reading stopped there/,
    );
    // Reading stops at the limit: well under the seconds an unbounded read takes.
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  test("CLI-1: piped into a reader that stops (head), the CLI ends quietly", async () => {
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "scripts/dev-cli.ts",
        "exit",
        SEED,
        "--sweep",
        "0..100M",
        "--steps",
        "10001",
        "--format",
        "json",
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    let stderr = "";
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    // Read the first chunk, then close the pipe as head does.
    await new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(stderr).toBe("");
    expect(code).toBe(0);
  }, 60_000);
});
