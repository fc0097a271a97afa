import fc from "fast-check";
import type { FastifyInstance } from "fastify";
import { beforeAll, expect, it } from "vitest";
import { newSecret, tokenHash } from "../../src/server/auth.js";
import type { Store } from "../../src/storage/store.js";
import { describeEachBackend } from "./support/backends.js";
import { as, type Credentials, type Persona, seedTeam, teamApp, yamlOf } from "./support/team.js";

/** A stack frame as Node prints it: "    at fn (/path/file.js:12:34)". */
const STACK_FRAME = /\n\s+at .*:\d+:\d+|node_modules|\/src\/|\.ts:\d+/;

const EXAMPLE = yamlOf("examples/seed-to-series-a.yaml");

/** Plausible and implausible values for a path parameter. */
const pathValue = fc.oneof(
  {
    arbitrary: fc.constantFrom(
      "acme",
      "seed",
      "openai",
      "viewer",
      "model",
      "00000000-0000-4000-8000-000000000000",
    ),
    weight: 6,
  },
  fc.string({ maxLength: 80 }),
  fc.string({ unit: "binary", maxLength: 30 }),
  fc.constantFrom("..", "%00", "a".repeat(300), "acme%2F..%2Fother", " ", "ü", "\u0000"),
);

const queryValue = fc.oneof(
  { arbitrary: fc.constantFrom("CURRENT", "1", "2"), weight: 3 },
  fc.constantFrom(
    "0",
    "1",
    "-1",
    "2",
    "1e9",
    "99999999999999999999",
    "",
    "round-2026",
    "amazon",
    "5%",
    "yaml",
    "json",
    "2026-01-01",
    "true",
  ),
  fc.string({ maxLength: 40 }),
);

/** Near-valid bodies: a valid one with a field replaced, removed or added. */
function mutated(valid: Record<string, unknown>) {
  const keys = Object.keys(valid);
  return fc.oneof(
    fc.constant(valid),
    fc
      .record({ key: fc.constantFrom(...keys), value: fc.jsonValue() })
      .map(({ key, value }) => ({ ...valid, [key]: value })),
    fc.constantFrom(...keys).map((key) => {
      const { [key]: _removed, ...rest } = valid;
      return rest;
    }),
    fc
      .record({ key: fc.string({ maxLength: 10 }), value: fc.jsonValue() })
      .map(({ key, value }) => ({ ...valid, [key]: value })),
  );
}

/** The example deal file with a few random edits: reaches the deep checks of the deal format. */
const editedDeal = fc
  .array(
    fc.record({
      at: fc.nat({ max: EXAMPLE.length }),
      cut: fc.nat({ max: 20 }),
      insert: fc.string({ maxLength: 12 }),
    }),
    {
      minLength: 1,
      maxLength: 4,
    },
  )
  .map((edits) =>
    edits.reduce((text, e) => text.slice(0, e.at) + e.insert + text.slice(e.at + e.cut), EXAMPLE),
  );

const VALID_PARAMS: Record<string, string> = {
  ws: "acme",
  deal: "seed",
  username: "viewer",
  tokenId: "00000000-0000-4000-8000-000000000000",
  jobId: "00000000-0000-4000-8000-000000000000",
};

const VALID_QUERY: Record<string, string> = {
  expectedVersion: "CURRENT",
  investor: "ada",
  fraction: "5%",
};

const SAMPLE_BODIES: Record<string, Record<string, unknown>> = {
  "POST /api/v1/auth/login": { username: "viewer", password: "correct horse battery staple" },
  "POST /api/v1/tokens": { name: "x" },
  "POST /api/v1/users": { username: "fuzzed", password: "a long enough password" },
  "POST /api/v1/workspaces": { id: "fuzzed", name: "F" },
  "PUT /api/v1/workspaces/{ws}/settings": { sharedAggregates: ["totals"] },
  "PUT /api/v1/workspaces/{ws}/members/{username}": { role: "investor", stakeholders: ["amazon"] },
  "POST /api/v1/workspaces/{ws}/deals/{deal}/transactions": {
    type: "issue",
    date: "2021-06-01",
    holder: "ada",
    class: "common",
    shares: "10",
  },
  "POST /api/v1/workspaces/{ws}/deals/{deal}/rounds": {
    id: "later",
    name: "Later",
    date: "2027-01-01",
    class: "common",
    pricePerShare: "$100",
    investments: [{ investor: "ada", amount: "$1M" }],
  },
};

describeEachBackend(
  "fuzzing every endpoint (API-3)",
  (backends) => {
    let store: Store;
    let app: FastifyInstance;
    let team: Record<Persona, Credentials>;
    let routes: { method: string; path: string; params: string[]; query: string[] }[];
    let ownerId: string;

    beforeAll(async () => {
      store = await backends.freshStore();
      team = await seedTeam(store);
      app = await teamApp(store);
      ownerId = (await store.findUserByName("owner"))!.id;
      const doc = (await app.inject({ method: "GET", url: "/api/v1/openapi.json" })).json();
      routes = Object.entries(
        doc.paths as Record<string, Record<string, { parameters?: { in: string; name: string }[] }>>,
      ).flatMap(([path, ops]) =>
        Object.entries(ops).map(([method, op]) => ({
          method: method.toUpperCase(),
          path,
          params: (op.parameters ?? []).filter((p) => p.in === "path").map((p) => p.name),
          query: (op.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name),
        })),
      );
      return () => app.close();
    });

    it("no request gets a 500 or a stack trace, and a rejected request changes nothing", async () => {
      expect(routes.length).toBeGreaterThan(30);
      for (const route of routes) {
        const key = `${route.method} ${route.path}`;
        const sample = SAMPLE_BODIES[key];
        const body = fc.oneof(
          fc.constant(undefined),
          fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
          fc.string({ maxLength: 200 }),
          editedDeal,
          ...(sample ? [mutated(sample).map((v) => JSON.stringify(v))] : []),
        );
        // Mostly-valid requests with one or two parts fuzzed reach the deep checks; fully random
        // ones exercise the edges.
        const validParams = route.params.map((name) => VALID_PARAMS[name] ?? "acme");
        const validQuery = Object.fromEntries(
          route.query.filter((q) => q in VALID_QUERY).map((q) => [q, VALID_QUERY[q]!]),
        );
        const fuzzedQuery = fc
          .record({
            keys: fc.subarray([...new Set([...route.query, "expectedVersion"])]),
            values: fc.array(queryValue, { minLength: 6, maxLength: 6 }),
            extra: fc.option(fc.tuple(fc.string({ maxLength: 8 }), queryValue), { freq: 5 }),
          })
          .map(({ keys, values, extra }) => ({
            ...Object.fromEntries(keys.map((k, i) => [k, values[i % values.length]!])),
            ...(extra ? { [extra[0]]: extra[1] } : {}),
          }));
        const validBody = sample
          ? fc.constant(JSON.stringify(sample))
          : route.path.includes("compute") || route.method === "PUT"
            ? fc.constant(EXAMPLE)
            : fc.constant(undefined);
        const request = fc
          .record({
            fuzz: fc.subarray(["params", "query", "body", "contentType", "auth"] as const, {
              minLength: 1,
              maxLength: 2,
            }),
            params: fc.tuple(...route.params.map(() => pathValue)),
            query: fuzzedQuery,
            body,
            validBody,
            contentType: fc.constantFrom(
              "application/json",
              "application/yaml",
              "text/plain",
              "application/x-www-form-urlencoded",
              undefined,
            ),
            auth: fc.constantFrom(
              "owner-token",
              "editor-token",
              "investor-token",
              "session",
              "session-no-csrf",
            ),
          })
          .map((r) => ({
            params: r.fuzz.includes("params") ? r.params : validParams,
            query: r.fuzz.includes("query") ? r.query : validQuery,
            body: r.fuzz.includes("body") ? r.body : r.validBody,
            contentType: r.fuzz.includes("contentType")
              ? r.contentType
              : r.validBody === EXAMPLE
                ? "application/yaml"
                : "application/json",
            auth: r.fuzz.includes("auth") ? r.auth : "owner-token",
          }));
        await fc.assert(
          fc.asyncProperty(request, async (r) => {
            let url = route.path;
            route.params.forEach((name, i) => {
              url = url.replace(`{${name}}`, encodeURIComponent(r.params[i] as string));
            });
            const dealSlug = url.match(/\/deals\/([^/?]+)/)?.[1];
            const current = dealSlug
              ? String((await store.headVersion("acme", decodeURIComponent(dealSlug)))?.version ?? 0)
              : "0";
            const query = Object.fromEntries(
              Object.entries(r.query as Record<string, string>).map(([k, v]) => [
                k,
                v === "CURRENT" ? current : v,
              ]),
            );
            const qs = new URLSearchParams(query).toString();
            if (qs) url += `?${qs}`;
            const headers: Record<string, string> = {};
            if (r.contentType && r.body !== undefined) headers["content-type"] = r.contentType;
            if (r.auth.startsWith("session")) {
              // A new session each time: a fuzzed logout must not end the others.
              const id = newSecret();
              const csrf = newSecret();
              await store.createSession(tokenHash(id), ownerId, csrf, new Date(Date.now() + 3_600_000));
              headers.cookie = `rt_session=${id}`;
              if (r.auth === "session") headers["x-csrf-token"] = csrf;
            }
            const credentials = r.auth.endsWith("token")
              ? team[r.auth.replace("-token", "") as Persona]
              : undefined;
            const before = await store.contentDigest();
            const response = await as(app, credentials, {
              method: route.method as "GET",
              url,
              headers,
              ...(r.body !== undefined && route.method !== "GET" ? { payload: r.body } : {}),
            });
            const label = `${route.method} ${url} → ${response.statusCode} ${response.body.slice(0, 300)}`;
            expect(response.statusCode, label).toBeLessThan(500);
            expect(response.body, label).not.toMatch(STACK_FRAME);
            if (response.statusCode >= 400) {
              expect(response.json().error.code, label).toEqual(expect.any(String));
              expect(await store.contentDigest(), label).toBe(before);
            }
            if (response.statusCode === 202) {
              await as(app, credentials, { method: "DELETE", url: `/api/v1/jobs/${response.json().job.id}` });
            }
          }),
          { numRuns: 25, seed: 20261126 },
        );
      }
    });
  },
  ["sqlite"],
);
