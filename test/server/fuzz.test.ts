import fc from "fast-check";
import type { FastifyInstance } from "fastify";
import { beforeAll, expect, it } from "vitest";
import { newSecret, tokenHash } from "../../src/server/auth.js";
import { storableDeal } from "../../src/storage/deal-document.js";
import type { Store } from "../../src/storage/store.js";
import { csvText, summaryXlsx, templateRows } from "../interchange/spreadsheet/fixtures.js";
import { describeEachBackend } from "./support/backends.js";
import { as, type Credentials, type Persona, seedTeam, teamApp, yamlOf } from "./support/team.js";
import { markSeesSessions, writeMarker } from "./support/write-marker.js";

/**
 * How many requests to generate in all (ROUNDTABLE_FUZZ_RUNS; 1,500 by default, for CI) and
 * the time they may take per backend (ROUNDTABLE_FUZZ_SECONDS; 30 by default): a run by
 * hand sets ROUNDTABLE_FUZZ_RUNS=100000 and a budget to match. The seed is fixed
 * (ROUNDTABLE_FUZZ_SEED to change it), so a failure replays.
 */
const TOTAL_RUNS = Number(process.env.ROUNDTABLE_FUZZ_RUNS ?? 1_500);
const budgetMs = 1000 * Number(process.env.ROUNDTABLE_FUZZ_SECONDS ?? 30);
const SEED = Number(process.env.ROUNDTABLE_FUZZ_SEED ?? 20261126);
/** No response may take longer than this (issue 20). */
const RESPONSE_MS = 2_000;

/** A stack frame as Node prints it: "    at fn (/path/file.js:12:34)". */
const STACK_FRAME = /\n\s+at .*:\d+:\d+|node_modules|\/src\/|\.ts:\d+/;

const EXAMPLE = yamlOf("examples/seed-to-series-a.yaml");
const SEED_CANONICAL = (() => {
  const parsed = storableDeal(EXAMPLE, "examples/seed-to-series-a.yaml");
  if (!parsed.ok) throw new Error("the seed example does not load");
  return parsed.canonical;
})();

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
    "pdf",
    "xlsx",
    "US",
    "preserve",
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

/** An amount as people write it, well or badly. */
const amountText = fc.oneof(
  fc.bigInt({ min: 0n, max: 10n ** 15n }).map((n) => n.toString()),
  fc.constantFrom(
    "$15M",
    "-$15M",
    "€2.5B",
    "about $40B",
    "up to $50B",
    "less than $10B",
    "between $1B and $3B",
    "0",
    "$0.0001",
    "1e9",
    "$",
    "15%",
  ),
  fc.string({ maxLength: 12 }),
);
const idText = fc.oneof(
  fc.constantFrom("ada", "grace", "common", "plan", "a", "series-a"),
  fc.string({ maxLength: 10 }),
);
const dateText = fc.oneof(
  fc
    .date({ min: new Date("1990-01-01"), max: new Date("2100-01-01"), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom("2020-02-30", "2020-13-01", "yesterday", ""),
);

/**
 * Structure-aware deal documents: the deal format's sections with generated stakeholders,
 * classes, transactions and rounds, their fields well-formed or not, written as JSON or
 * YAML (some YAML with anchors and aliases). They reach the loader's and the engine's
 * checks far more often than random text does.
 */
const generatedDeal = fc
  .record({
    stakeholders: fc.array(fc.record({ id: idText, name: fc.string({ maxLength: 12 }) }), { maxLength: 5 }),
    classes: fc.array(
      fc.record({
        id: idText,
        name: fc.string({ maxLength: 8 }),
        type: fc.constantFrom("common", "preferred", "bogus"),
        authorized: fc.option(fc.bigInt({ min: -5n, max: 10n ** 19n }).map(String), { nil: undefined }),
      }),
      { maxLength: 3 },
    ),
    transactions: fc.array(
      fc.record({
        type: fc.constantFrom("issue", "transfer", "safe", "grant", "cancel", "split", "bogus"),
        date: dateText,
        holder: idText,
        class: idText,
        shares: fc.oneof(fc.bigInt({ min: -10n, max: 10n ** 19n }).map(String), fc.string({ maxLength: 5 })),
        amount: fc.option(amountText, { nil: undefined }),
      }),
      { maxLength: 5 },
    ),
    rounds: fc.array(
      fc.record({
        id: idText,
        name: fc.string({ maxLength: 8 }),
        date: dateText,
        class: idText,
        preMoney: fc.option(amountText, { nil: undefined }),
        pricePerShare: fc.option(amountText, { nil: undefined }),
        investments: fc.array(fc.record({ investor: idText, amount: amountText }), { maxLength: 3 }),
      }),
      { maxLength: 2 },
    ),
    format: fc.constantFrom("json", "yaml", "yaml-aliases"),
  })
  .map(({ format, ...sections }) => {
    const document = {
      roundtable: 1,
      company: { name: "Fuzzed", formed: "2020-01-01", currency: "USD" },
      ...sections,
    };
    const json = JSON.stringify(document, (_k, v) => (v === undefined ? undefined : v));
    if (format === "json") return json;
    // JSON is YAML; with aliases, the first stakeholder is anchored and repeated.
    if (format === "yaml") return `# fuzzed\n${json}`;
    return `base: &base ${JSON.stringify(document.company)}\n${json
      .slice(1, -1)
      .replace(/"company":\{[^}]*\}/, '"company": *base')
      .replace(/,"/g, '\n"')}\nextra: [*base, *base, *nothing]\n`;
  });

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
  // The history's difference and revert (STORE-9): the seed deal's first version.
  from: "1",
  to: "1",
  country: "US",
};

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * The routes that read files (SRV-5a) and the files they take: an OCF package (the seed
 * deal's own export) or a spreadsheet (the import fixtures' CSV and XLSX), each also with
 * bytes changed, cut short, or replaced by random bytes.
 */
const FILE_ROUTES: Record<string, "zip" | "sheet"> = {
  "POST /api/v1/workspaces/{ws}/deals/{deal}/ocf": "zip",
  "POST /api/v1/compute/import": "sheet",
  "POST /api/v1/workspaces/{ws}/deals/{deal}/import": "sheet",
};

interface FileBody {
  readonly bytes: Buffer;
  readonly type: string;
}

/** A file, as it is, with a few bytes changed, cut short, or random bytes of its type. */
function fileBodies(files: readonly FileBody[]) {
  const file = fc.constantFrom(...files);
  return fc.oneof(
    { arbitrary: file, weight: 3 },
    fc
      .record({
        file,
        edits: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
      })
      .map(({ file, edits }) => {
        const bytes = Buffer.from(file.bytes);
        for (const [at, byte] of edits) bytes[at % bytes.length] = byte;
        return { bytes, type: file.type };
      }),
    fc.record({ file, cut: fc.double({ min: 0, max: 1, noNaN: true }) }).map(({ file, cut }) => ({
      bytes: file.bytes.subarray(0, Math.floor(file.bytes.length * cut)),
      type: file.type,
    })),
    fc
      .record({ file, bytes: fc.uint8Array({ maxLength: 2_000 }) })
      .map(({ file, bytes }) => ({ bytes: Buffer.from(bytes), type: file.type })),
  );
}

/** A route's valid query: `format` asks for each file a stored deal's report answers as (REP-8). */
function validQueryOf(route: { path: string; query: string[] }) {
  const fixed = Object.fromEntries(
    route.query.filter((q) => q in VALID_QUERY).map((q) => [q, VALID_QUERY[q]!]),
  );
  if (!route.query.includes("format")) return fc.constant(fixed);
  const formats = route.path.endsWith("/export") ? ["yaml", "json"] : ["pdf", "xlsx", "json"];
  return fc.constantFrom(...formats).map((format) => ({ ...fixed, format }));
}

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

describeEachBackend("fuzzing every endpoint (API-3)", (backends) => {
  let store: Store;
  let app: FastifyInstance;
  let team: Record<Persona, Credentials>;
  let routes: { method: string; path: string; params: string[]; query: string[] }[];
  let ownerId: string;
  let files: Record<"zip" | "sheet", FileBody[]>;

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
    const zip = await as(app, team.owner, {
      method: "GET",
      url: "/api/v1/workspaces/acme/deals/seed/ocf?country=US",
    });
    expect(zip.statusCode, zip.body).toBe(200);
    files = {
      zip: [{ bytes: zip.rawPayload, type: "application/zip" }],
      sheet: [
        { bytes: Buffer.from(csvText(templateRows())), type: "text/csv" },
        { bytes: await summaryXlsx(), type: XLSX_TYPE },
      ],
    };
    return () => app.close();
  });

  it("the write mark moves with every kind of committed write, so an equal mark proves no change", async () => {
    const user = await store.createUser({ username: "marked", passwordHash: "x", admin: false }, ownerId);
    const token = newSecret();
    const steps: [string, () => Promise<unknown>][] = [
      ["insert of a token", () => store.createToken(user!.id, "marked", tokenHash(token))],
      [
        "update of a token",
        async () => store.revokeToken(user!.id, (await store.listTokens(user!.id))[0]!.id),
      ],
      ["insert of a member", () => store.setMember("acme", user!.id, "viewer", [], ownerId)],
      ["delete of a member", () => store.removeMember("acme", user!.id, ownerId)],
    ];
    for (const [what, step] of steps) {
      const before = await writeMarker(store);
      const digest = await store.contentDigest();
      await step();
      expect(await store.contentDigest(), what).not.toBe(digest);
      expect(await writeMarker(store), what).not.toBe(before);
    }
    const quiet = await writeMarker(store);
    await store.contentDigest();
    await store.headVersion("acme", "seed");
    expect(await writeMarker(store)).toBe(quiet);
  });

  it(
    "no request gets a 500 or a stack trace, and a rejected request changes nothing",
    async () => {
      expect(routes.length).toBeGreaterThan(30);
      const runsPerRoute = Math.ceil(TOTAL_RUNS / routes.length);
      // The worker threads start before the clock does: their start is not a response's time.
      await as(app, team.owner, {
        method: "POST",
        url: "/api/v1/compute/validate",
        headers: { "content-type": "application/yaml" },
        payload: EXAMPLE,
      });
      // So do the file readers' and renderers' first uses (OCF schemas, fonts, workbooks).
      const warm = "/api/v1/workspaces/acme/deals/seed";
      for (const [url, payload, type] of [
        [`${warm}/ocf?country=US`],
        ...["model", "captable", "exit"].flatMap((report) =>
          ["pdf", "xlsx"].map((format) => [`${warm}/${report}?format=${format}`]),
        ),
        [`${warm}/diff?from=1&to=1`],
        [`${warm}/export?format=yaml`],
        ["/api/v1/compute/import?name=cap.csv", files.sheet[0]!.bytes, "text/csv"],
        ["/api/v1/compute/import?name=cap.xlsx", files.sheet[1]!.bytes, XLSX_TYPE],
      ] as [string, Buffer?, string?][])
        await as(app, team.owner, {
          method: payload ? "POST" : "GET",
          url,
          ...(payload ? { payload, headers: { "content-type": type! } } : {}),
        });
      const began = performance.now();
      let requests = 0;
      let slowest = 0;
      let index = 0;
      /** The content digest at the last write mark it was computed at (see writeMarker). */
      let known: { mark: string; digest: string } | undefined;
      let digests = 0;
      /** Answers by route and status class, printed for the routes that read or write files. */
      const answered: Record<string, Record<string, number>> = {};
      for (const route of routes) {
        const key = `${route.method} ${route.path}`;
        const sample = SAMPLE_BODIES[key];
        const fileKind = FILE_ROUTES[key];
        const file = fileKind ? fileBodies(files[fileKind]) : undefined;
        const body = fc.oneof(
          fc.constant(undefined),
          fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
          fc.string({ maxLength: 200 }),
          editedDeal,
          generatedDeal,
          ...(sample ? [mutated(sample).map((v) => JSON.stringify(v))] : []),
          ...(file ? [{ arbitrary: file.map((f) => f.bytes), weight: 4 }] : []),
        );
        // Mostly-valid requests with one or two parts fuzzed reach the deep checks; fully random
        // ones exercise the edges.
        const validParams = route.params.map((name) => VALID_PARAMS[name] ?? "acme");
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
        const validBody: fc.Arbitrary<string | FileBody | undefined> = file
          ? file
          : sample
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
            validQuery: validQueryOf(route),
            body,
            validBody,
            contentType: fc.constantFrom(
              "application/json",
              "application/yaml",
              "text/plain",
              "application/x-www-form-urlencoded",
              "application/zip",
              "text/csv",
              XLSX_TYPE,
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
            query: r.fuzz.includes("query") ? r.query : r.validQuery,
            body: r.fuzz.includes("body")
              ? r.body
              : typeof r.validBody === "object"
                ? r.validBody.bytes
                : r.validBody,
            contentType: r.fuzz.includes("contentType")
              ? r.contentType
              : typeof r.validBody === "object"
                ? r.validBody.type
                : r.validBody === EXAMPLE
                  ? "application/yaml"
                  : "application/json",
            auth: r.fuzz.includes("auth") ? r.auth : "owner-token",
          }));
        // A route that deleted the seed deal (DELETE, a revert to a deletion) would leave
        // every later route only its 404: each route starts with the seed deal stored.
        const head = await store.headVersion("acme", "seed");
        if (!head || head.deleted) {
          await store.writeDeal({
            workspaceId: "acme",
            slug: "seed",
            expectedVersion: head?.version ?? 0,
            action: "create",
            document: SEED_CANONICAL,
            actorId: ownerId,
          });
          known = undefined;
        }
        const routeDeadline = began + (budgetMs * (index + 1)) / routes.length;
        let ranHere = 0;
        await fc.assert(
          fc.asyncProperty(request, async (r) => {
            // The time budget is shared out over the routes: past its share, a route's
            // remaining runs are skipped before they send anything (never cut off mid-request,
            // which would leave a write running into the next check), after one run at least.
            if (ranHere > 0 && performance.now() > routeDeadline) return;
            ranHere++;
            let url = route.path;
            route.params.forEach((name, i) => {
              url = url.replace(`{${name}}`, encodeURIComponent(r.params[i] as string));
            });
            const dealSlug = url.match(/\/deals\/([^/?]+)/)?.[1];
            // The harness's own lookup of the current version (for "CURRENT" in a query) reads
            // only a slug a deal could have: a fuzzed one (a NUL, say) is the server's to refuse,
            // and PostgreSQL would refuse it in this lookup before the request is even sent.
            const slug = dealSlug === undefined ? undefined : decodeURIComponent(dealSlug);
            const current =
              slug !== undefined && /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(slug)
                ? String((await store.headVersion("acme", slug))?.version ?? 0)
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
              const rebase = known !== undefined && markSeesSessions(store);
              const unchanged = rebase && known?.mark === (await writeMarker(store));
              await store.createSession(tokenHash(id), ownerId, csrf, new Date(Date.now() + 3_600_000));
              // Only a session was written, which the digest leaves out: the digest still holds.
              if (unchanged) known = { mark: await writeMarker(store), digest: known!.digest };
              else if (rebase) known = undefined;
              headers.cookie = `rt_session=${id}`;
              if (r.auth === "session") headers["x-csrf-token"] = csrf;
            }
            const credentials = r.auth.endsWith("token")
              ? team[r.auth.replace("-token", "") as Persona]
              : undefined;
            // `known` is the digest at the mark taken after the last request (nothing but
            // sessions is written between requests), or undefined after a write or a failure
            // (it is set again only when a run's checks all pass).
            let before = known;
            if (before === undefined) {
              before = { mark: await writeMarker(store), digest: await store.contentDigest() };
              digests++;
            }
            known = undefined;
            const started = performance.now();
            const response = await as(app, credentials, {
              method: route.method as "GET",
              url,
              headers,
              ...(r.body !== undefined && route.method !== "GET" ? { payload: r.body } : {}),
            });
            const elapsed = performance.now() - started;
            const label = `${route.method} ${url} → ${response.statusCode} ${response.body.slice(0, 300)}`;
            requests++;
            answered[key] ??= {};
            const tally = answered[key];
            const kind = `${String(response.statusCode).slice(0, 1)}xx`;
            tally[kind] = (tally[kind] ?? 0) + 1;
            slowest = Math.max(slowest, elapsed);
            expect(response.statusCode, label).toBeLessThan(500);
            expect(elapsed, `${label} took ${elapsed.toFixed(0)} ms`).toBeLessThan(RESPONSE_MS);
            expect(response.body, label).not.toMatch(STACK_FRAME);
            const after = await writeMarker(store);
            if (response.statusCode >= 400) {
              expect(response.json().error.code, label).toEqual(expect.any(String));
              // An unchanged mark proves no content row was written; a moved one (a write
              // rolled back, a session) is checked against the digest.
              if (after !== before.mark) {
                expect(await store.contentDigest(), label).toBe(before.digest);
                digests++;
              }
              known = { mark: after, digest: before.digest };
            } else if (after === before.mark) known = before;
            if (response.statusCode === 202) {
              await as(app, credentials, { method: "DELETE", url: `/api/v1/jobs/${response.json().job.id}` });
              known = undefined;
            }
          }),
          {
            numRuns: runsPerRoute,
            seed: SEED,
          },
        );
        index++;
      }
      console.log(
        `fuzz (${backends.kind}): seed ${SEED}, ${requests} requests over ${routes.length} routes (${runsPerRoute} asked per route, ${TOTAL_RUNS} in all), in ${((performance.now() - began) / 1000).toFixed(1)} s; slowest response ${slowest.toFixed(0)} ms; ${digests} content digests computed`,
      );
      const fileLines = Object.entries(answered)
        .filter(([key]) => key in FILE_ROUTES || /\/(ocf|diff|revert|export|model|captable|exit)$/.test(key))
        .map(
          ([key, tally]) =>
            `${key}: ${Object.entries(tally)
              .sort()
              .map(([k, n]) => `${n} ${k}`)
              .join(", ")}`,
        );
      console.log(
        `fuzz (${backends.kind}), routes that read or write files (SRV-5a):\n  ${fileLines.join("\n  ")}`,
      );
      expect(requests).toBeGreaterThan(routes.length);
    },
    budgetMs + 120_000,
  );
});
