import type { FastifyInstance } from "fastify";
import { beforeAll, describe, expect, it } from "vitest";
import { Rational } from "../../src/core/exact/rational.js";
import { loadDeal } from "../../src/deal/load.js";
import type { Store } from "../../src/storage/store.js";
import { cli } from "../support/cli.js";
import { describeEachBackend } from "./support/backends.js";
import { as, type Credentials, login, type Persona, seedTeam, teamApp, yamlOf } from "./support/team.js";

const yaml = { "content-type": "application/yaml" };

describeEachBackend("the HTTP API", (backends) => {
  let store: Store;
  let app: FastifyInstance;
  let team: Record<Persona, Credentials>;
  beforeAll(async () => {
    store = await backends.freshStore();
    team = await seedTeam(store);
    app = await teamApp(store);
    return () => app.close();
  });

  describe("deals", () => {
    it("API-1: PUT creates a deal from YAML (201), reads back at version 1 with an ETag", async () => {
      const put = await as(app, team.editor, {
        method: "PUT",
        url: "/api/v1/workspaces/acme/deals/down?expectedVersion=0",
        headers: yaml,
        payload: yamlOf("examples/down-round.yaml"),
      });
      expect(put.statusCode).toBe(201);
      expect(put.json()).toMatchObject({ id: "down", version: 1 });
      const get = await as(app, team.viewer, { method: "GET", url: "/api/v1/workspaces/acme/deals/down" });
      expect(get.statusCode).toBe(200);
      expect(get.headers.etag).toBe('"1"');
      expect(get.json().document.company.name).toBe("Borealis Labs SAS");
    });

    it("STORE-3: a deal exported as YAML or JSON and PUT back is the same document", async () => {
      for (const format of ["yaml", "json"]) {
        const exported = await as(app, team.viewer, {
          method: "GET",
          url: `/api/v1/workspaces/acme/deals/openai/export?format=${format}`,
        });
        expect(exported.statusCode).toBe(200);
        expect(loadDeal(exported.body, `x.${format}`).ok).toBe(true);
        const compute = await as(app, team.viewer, {
          method: "POST",
          url: "/api/v1/compute/model",
          headers: { "content-type": format === "json" ? "application/json" : "application/yaml" },
          payload: exported.body,
        });
        const stored = await as(app, team.viewer, {
          method: "GET",
          url: "/api/v1/workspaces/acme/deals/openai/model",
        });
        expect(compute.statusCode).toBe(200);
        expect(compute.json()).toEqual(stored.json());
      }
    });

    it("API-3: an invalid document is a 400 naming each bad field, and stores nothing", async () => {
      const before = await store.contentDigest();
      const bad = yamlOf("examples/seed-to-series-a.yaml")
        .replace("name: Acme Robotics, Inc.", "name: 42\n  foo: bar")
        .replace("authorized: 30_000_000", "authorized: lots");
      const put = await as(app, team.editor, {
        method: "PUT",
        url: "/api/v1/workspaces/acme/deals/seed?expectedVersion=1",
        headers: yaml,
        payload: bad,
      });
      expect(put.statusCode).toBe(400);
      const body = put.json().error;
      expect(body.code).toBe("deal_invalid_field");
      const paths = body.problems.map((p: { path: string }) => p.path);
      expect(paths).toEqual(expect.arrayContaining(["company.foo", "classes[0].authorized"]));
      expect(body.problems.every((p: { line?: number }) => typeof p.line === "number")).toBe(true);
      expect(await store.contentDigest()).toBe(before);
    });

    it("STORE-4: a transaction appended is a new version; a stale append is a 409 that changes nothing", async () => {
      const tx = { type: "issue", date: "2021-06-01", holder: "ada", class: "common", shares: 1000 };
      const ok = await as(app, team.editor, {
        method: "POST",
        url: "/api/v1/workspaces/acme/deals/seed/transactions?expectedVersion=1",
        payload: tx,
      });
      expect(ok.statusCode).toBe(201);
      expect(ok.json()).toMatchObject({ version: 2 });
      const before = await store.contentDigest();
      const stale = await as(app, team.editor, {
        method: "POST",
        url: "/api/v1/workspaces/acme/deals/seed/transactions?expectedVersion=1",
        payload: tx,
      });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error.code).toBe("version_conflict");
      expect(await store.contentDigest()).toBe(before);
      const revisions = await as(app, team.viewer, {
        method: "GET",
        url: "/api/v1/workspaces/acme/deals/seed/revisions",
      });
      expect(revisions.json().revisions.map((r: { action: string }) => r.action)).toEqual([
        "create",
        "append_transaction",
      ]);
    });

    it("API-3: an append that breaks the ledger names the field and stores nothing", async () => {
      const before = await store.contentDigest();
      const response = await as(app, team.editor, {
        method: "POST",
        url: "/api/v1/workspaces/acme/deals/seed/transactions?expectedVersion=2",
        headers: yaml,
        payload:
          "{ type: transfer, date: 2021-07-01, from: ada, to: grace, class: common, shares: 999999999 }",
      });
      expect(response.statusCode).toBe(422);
      expect(response.json().error).toMatchObject({
        code: "transfer_exceeds_holding",
        problems: [expect.objectContaining({ path: expect.stringMatching(/^transactions\[\d+\]/) })],
      });
      const unknown = await as(app, team.editor, {
        method: "POST",
        url: "/api/v1/workspaces/acme/deals/seed/rounds?expectedVersion=2",
        payload: { id: "b", name: "B", date: "2024-01-01", class: "nope", preMoney: "$1M", investments: [] },
      });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().error.problems[0].path).toMatch(/^rounds\[\d+\]\.investments$/);
      expect(await store.contentDigest()).toBe(before);
    });

    it("a deleted deal is gone from reads and lists, and its history stays", async () => {
      await as(app, team.editor, {
        method: "PUT",
        url: "/api/v1/workspaces/acme/deals/tmp?expectedVersion=0",
        headers: yaml,
        payload: yamlOf("examples/down-round.yaml"),
      });
      const del = await as(app, team.editor, {
        method: "DELETE",
        url: "/api/v1/workspaces/acme/deals/tmp?expectedVersion=1",
      });
      expect(del.statusCode).toBe(204);
      expect(
        (await as(app, team.viewer, { method: "GET", url: "/api/v1/workspaces/acme/deals/tmp" })).statusCode,
      ).toBe(404);
      const list = await as(app, team.viewer, { method: "GET", url: "/api/v1/workspaces/acme/deals" });
      expect(list.json().deals.map((d: { id: string }) => d.id)).not.toContain("tmp");
      const history = await as(app, team.viewer, {
        method: "GET",
        url: "/api/v1/workspaces/acme/deals/tmp/revisions",
      });
      expect(history.json().revisions.map((r: { action: string }) => r.action)).toEqual(["create", "delete"]);
    });
  });

  describe("workspace documents", () => {
    it("STORE-3: a workspace naming a deal not stored is a 400 at the company's file field; stored after it, it is listed as a workspace", async () => {
      const before = await store.contentDigest();
      const missing = await as(app, team.editor, {
        method: "PUT",
        url: "/api/v1/workspaces/acme/deals/ecosystem?expectedVersion=0",
        headers: yaml,
        payload: yamlOf("examples/ai-ecosystem.yaml"),
      });
      expect(missing.statusCode).toBe(400);
      expect(missing.json().error.problems[0]).toMatchObject({
        code: "file_unreadable",
        path: "companies[0].file",
        message: expect.stringContaining('no stored deal "openai-round"'),
      });
      expect(await store.contentDigest()).toBe(before);
      const deal = await as(app, team.editor, {
        method: "PUT",
        url: "/api/v1/workspaces/acme/deals/openai-round?expectedVersion=0",
        headers: yaml,
        payload: yamlOf("examples/openai-round.yaml"),
      });
      expect(deal.json()).toMatchObject({ kind: "deal", version: 1 });
      const stored = await as(app, team.editor, {
        method: "PUT",
        url: "/api/v1/workspaces/acme/deals/ecosystem?expectedVersion=0",
        headers: yaml,
        payload: yamlOf("examples/ai-ecosystem.yaml"),
      });
      expect(stored.statusCode).toBe(201);
      expect(stored.json()).toMatchObject({ id: "ecosystem", kind: "workspace", version: 1 });
      const list = await as(app, team.viewer, { method: "GET", url: "/api/v1/workspaces/acme/deals" });
      expect(list.json().deals).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ id: "ecosystem", kind: "workspace" }),
          expect.objectContaining({ id: "openai-round", kind: "deal" }),
        ]),
      );
    });

    it("STORE-3: a deal computation or append on a workspace document is a 400 of the wrong kind", async () => {
      const before = await store.contentDigest();
      for (const request of [
        { method: "GET" as const, url: "/api/v1/workspaces/acme/deals/ecosystem/model" },
        { method: "GET" as const, url: "/api/v1/workspaces/acme/deals/ecosystem/captable" },
        { method: "POST" as const, url: "/api/v1/workspaces/acme/deals/ecosystem/jobs/replay" },
        {
          method: "POST" as const,
          url: "/api/v1/workspaces/acme/deals/ecosystem/transactions?expectedVersion=1",
          payload: { type: "issue", date: "2021-06-01", holder: "ada", class: "common", shares: 1000 },
        },
        {
          method: "POST" as const,
          url: "/api/v1/compute/model",
          headers: yaml,
          payload: yamlOf("examples/cloud-partners.yaml"),
        },
      ]) {
        const response = await as(app, team.editor, request);
        expect(response.statusCode, request.url).toBe(400);
        expect(response.json().error.code, request.url).toBe("document_kind_wrong");
      }
      expect(await store.contentDigest()).toBe(before);
    });
  });

  describe("computations", () => {
    it("API-5: model, captable, solve and validate of a stored deal", async () => {
      const model = await as(app, team.viewer, {
        method: "GET",
        url: "/api/v1/workspaces/acme/deals/openai/model",
      });
      expect(model.statusCode).toBe(200);
      // The same JSON as `roundtable model --format json` (API-5), and a consistent round:
      // the pre-money is the price times the 10,000,000,000 fully diluted shares before it.
      const viaCli = await cli(["model", "examples/openai-round.yaml", "--format", "json"]);
      expect(model.json()).toEqual(JSON.parse(viaCli.stdout));
      const round = model.json().round;
      expect(round.fullyDilutedSharesBefore).toBe("10000000000");
      expect(
        Rational.parse(round.pricePerShare)!
          .mulInt(10_000_000_000n)
          .eq(Rational.parse(round.preMoneyValuation)!),
      ).toBe(true);
      const high = await as(app, team.viewer, {
        method: "GET",
        url: "/api/v1/workspaces/acme/deals/openai/model?scenario=high",
      });
      const highCli = await cli([
        "model",
        "examples/openai-round.yaml",
        "--format",
        "json",
        "--scenario",
        "high",
      ]);
      expect(high.json()).toEqual(JSON.parse(highCli.stdout));
      expect(high.json().round.pricePerShare).not.toBe(round.pricePerShare);
      const unknown = await as(app, team.viewer, {
        method: "GET",
        url: "/api/v1/workspaces/acme/deals/openai/model?scenario=nope",
      });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().error.message).toMatch(/no scenario "nope"/);
      const cap = await as(app, team.viewer, {
        method: "GET",
        url: "/api/v1/workspaces/acme/deals/openai/captable?asOf=2026-01-01",
      });
      expect(cap.json().totals.outstanding).toBe("10000000000");
      const solve = await as(app, team.viewer, {
        method: "GET",
        url: "/api/v1/workspaces/acme/deals/openai/solve?investor=amazon&fraction=5%25",
      });
      expect(solve.statusCode).toBe(200);
      expect(solve.json().solution.targetFraction).toBe("0.05");
      const validate = await as(app, team.viewer, {
        method: "GET",
        url: "/api/v1/workspaces/acme/deals/openai/validate",
      });
      expect(validate.json()).toMatchObject({ valid: true, stakeholders: 6, rounds: 1 });
    });

    it("API-2: bad query parameters are a 400 naming each", async () => {
      const r = await as(app, team.viewer, {
        method: "GET",
        url: "/api/v1/workspaces/acme/deals/openai/solve?fraction=ten&for=price&extra=1",
      });
      expect(r.statusCode).toBe(400);
      expect(
        r
          .json()
          .error.problems.map((p: { path: string }) => p.path)
          .sort(),
      ).toEqual(["query.extra", "query.for", "query.fraction", "query.investor"]);
      const round = await as(app, team.viewer, {
        method: "GET",
        url: "/api/v1/workspaces/acme/deals/openai/model?round=zzz",
      });
      expect(round.statusCode).toBe(400);
      expect(round.json().error.problems[0].path).toBe("query.round");
    });

    it("API-5: a posted document (JSON with big numbers kept exact) is computed without being stored", async () => {
      const before = await store.contentDigest();
      const json = `{"roundtable":1,"company":{"name":"Big","currency":"USD"},"stakeholders":[{"id":"a","name":"A"}],
        "classes":[{"id":"common","name":"Common","type":"common"}],
        "transactions":[{"type":"issue","date":"2020-01-01","holder":"a","class":"common","shares":123456789012345678}]}`;
      const r = await as(app, team.outsider, {
        method: "POST",
        url: "/api/v1/compute/captable",
        payload: json,
        headers: { "content-type": "application/json" },
      });
      expect(r.statusCode).toBe(200);
      expect(r.json().totals.outstanding).toBe("123456789012345678");
      expect(await store.contentDigest()).toBe(before);
      const bad = await as(app, team.outsider, {
        method: "POST",
        url: "/api/v1/compute/model",
        payload: "{",
        headers: { "content-type": "application/json" },
      });
      expect(bad.statusCode).toBe(400);
      const wrongType = await as(app, team.outsider, {
        method: "POST",
        url: "/api/v1/compute/model",
        payload: "x",
        headers: { "content-type": "image/png" },
      });
      expect(wrongType.statusCode).toBe(415);
      expect(wrongType.json().error.code).toBe("unsupported_media_type");
    });
  });

  describe("jobs", () => {
    it("API-6: a job reports progress, then its result; another user cannot see it", async () => {
      const start = await as(app, team.viewer, {
        method: "POST",
        url: "/api/v1/workspaces/acme/deals/seed/jobs/replay?stepDelayMs=5",
      });
      expect(start.statusCode).toBe(202);
      const id = start.json().job.id as string;
      expect(start.headers.location).toBe(`/api/v1/jobs/${id}`);
      let job = start.json().job;
      const seen: number[] = [];
      for (let i = 0; i < 200 && job.status === "running"; i++) {
        await new Promise((r) => setTimeout(r, 10));
        job = (await as(app, team.viewer, { method: "GET", url: `/api/v1/jobs/${id}` })).json().job;
        seen.push(job.progress.done);
      }
      expect(job.status).toBe("succeeded");
      expect(job.progress.done).toBe(job.progress.total);
      expect(seen).toEqual([...seen].sort((a, b) => a - b));
      expect(job.result.transactions).toBe(job.progress.total);
      const other = await as(app, team.editor, { method: "GET", url: `/api/v1/jobs/${id}` });
      expect(other.statusCode).toBe(404);
    });

    it("API-6: the events stream sends progress events, then the end", async () => {
      const start = await as(app, team.viewer, {
        method: "POST",
        url: "/api/v1/workspaces/acme/deals/seed/jobs/replay?stepDelayMs=2",
      });
      const id = start.json().job.id as string;
      const events = await as(app, team.viewer, { method: "GET", url: `/api/v1/jobs/${id}/events` });
      expect(events.headers["content-type"]).toMatch(/^text\/event-stream/);
      const names = [...events.body.matchAll(/^event: (\w+)$/gm)].map((m) => m[1]);
      expect(names.at(-1)).toBe("end");
      expect(names.filter((n) => n === "progress").length).toBeGreaterThan(1);
      const end = JSON.parse(
        events.body
          .trim()
          .split("\n")
          .at(-1)!
          .replace(/^data: /, ""),
      );
      expect(end.status).toBe("succeeded");
    });

    it("API-6: a running job can be cancelled", async () => {
      const start = await as(app, team.viewer, {
        method: "POST",
        url: "/api/v1/workspaces/acme/deals/seed/jobs/replay?stepDelayMs=200",
      });
      const id = start.json().job.id as string;
      const cancel = await as(app, team.viewer, { method: "DELETE", url: `/api/v1/jobs/${id}` });
      expect(cancel.json().job.status).toBe("cancelled");
    });
  });

  describe("investors", () => {
    it("AUTH-7: an investor sees their own rows and only the aggregates the owner shares", async () => {
      const get = (url: string) => as(app, team.investor, { method: "GET", url });
      const model = (await get("/api/v1/workspaces/acme/deals/openai/model")).json();
      expect(model.holders.map((h: { id: string }) => h.id)).toEqual(["amazon"]);
      expect(model.round.pricePerShare).toBeUndefined();
      expect(model.round.preMoneyValuation).toBeUndefined();
      expect(model.investments.map((i: { investor: string }) => i.investor)).toEqual(["amazon"]);
      const doc = (await get("/api/v1/workspaces/acme/deals/openai")).json().document;
      expect(doc.stakeholders.map((s: { id: string }) => s.id)).toEqual(["amazon"]);
      expect(doc.transactions).toEqual([]);
      expect(doc.assumptions).toBeUndefined();
      expect(doc.rounds[0].investments.map((i: { investor: string }) => i.investor)).toEqual(["amazon"]);
      expect(doc.rounds[0].preMoney).toBeUndefined();
      const cap = (await get("/api/v1/workspaces/acme/deals/seed/captable")).json();
      expect(cap.holders.map((h: { id: string }) => h.id)).toEqual(["angel-a"]);
      expect(cap.totals).toBeUndefined();

      const share = await as(app, team.owner, {
        method: "PUT",
        url: "/api/v1/workspaces/acme/settings",
        payload: { sharedAggregates: ["round_price", "valuations", "totals"] },
      });
      expect(share.statusCode).toBe(200);
      const shared = (await get("/api/v1/workspaces/acme/deals/openai/model")).json();
      const full = (
        await as(app, team.viewer, { method: "GET", url: "/api/v1/workspaces/acme/deals/openai/model" })
      ).json();
      expect(shared.round).toMatchObject({
        pricePerShare: full.round.pricePerShare,
        preMoneyValuation: full.round.preMoneyValuation,
      });
      expect(shared.holders).toHaveLength(1);
      expect((await get("/api/v1/workspaces/acme/deals/seed/captable")).json().totals).toBeDefined();
      expect(
        (await get("/api/v1/workspaces/acme/deals/openai/solve?investor=amazon&fraction=5%25")).statusCode,
      ).toBe(403);
      expect((await get("/api/v1/workspaces/acme/deals/openai/export")).statusCode).toBe(403);
    });

    it("AUTH-7: with the round price shared, an investor's document states it and loads, pricing only their investment", async () => {
      const share = await as(app, team.owner, {
        method: "PUT",
        url: "/api/v1/workspaces/acme/settings",
        payload: { sharedAggregates: ["round_price"] },
      });
      expect(share.statusCode).toBe(200);
      const full = (
        await as(app, team.viewer, { method: "GET", url: "/api/v1/workspaces/acme/deals/openai/model" })
      ).json();
      const doc = (
        await as(app, team.investor, { method: "GET", url: "/api/v1/workspaces/acme/deals/openai" })
      ).json().document;
      expect(doc.rounds[0].pricePerShare).toBe(`${full.round.pricePerShare} USD`);
      expect(doc.rounds[0].postMoney).toBeUndefined();
      const amazon = full.investments.find((i: { investor: string }) => i.investor === "amazon");
      doc.rounds[0].investments = doc.rounds[0].investments.map((i: Record<string, unknown>) => ({
        ...i,
        amount: `${amazon.requested} USD`,
      }));
      const loaded = loadDeal(JSON.stringify(doc), "investor.json");
      expect(loaded.ok ? [] : loaded.diagnostics).toEqual([]);
      await as(app, team.owner, {
        method: "PUT",
        url: "/api/v1/workspaces/acme/settings",
        payload: { sharedAggregates: [] },
      });
    });
  });

  describe("sessions, CSRF and tokens", () => {
    it("AUTH-2: the session cookie is HttpOnly and SameSite=Strict; a cookie write needs the CSRF header", async () => {
      const session = await login(app, "editor");
      expect(session.setCookie).toMatch(/HttpOnly/);
      expect(session.setCookie).toMatch(/SameSite=Strict/);
      expect(session.setCookie).not.toMatch(/Secure/);
      const url = "/api/v1/workspaces/acme/deals/csrf?expectedVersion=0";
      const payload = yamlOf("examples/down-round.yaml");
      const without = await app.inject({
        method: "PUT",
        url,
        payload,
        headers: { ...yaml, cookie: session.cookie },
      });
      expect(without.statusCode).toBe(403);
      expect(without.json().error.code).toBe("csrf_token_invalid");
      const wrong = await app.inject({
        method: "PUT",
        url,
        payload,
        headers: { ...yaml, cookie: session.cookie, "x-csrf-token": "nope" },
      });
      expect(wrong.statusCode).toBe(403);
      const right = await app.inject({
        method: "PUT",
        url,
        payload,
        headers: { ...yaml, cookie: session.cookie, "x-csrf-token": session.csrf },
      });
      expect(right.statusCode).toBe(201);
      const read = await app.inject({
        method: "GET",
        url: "/api/v1/auth/me",
        headers: { cookie: session.cookie },
      });
      expect(read.json()).toMatchObject({
        user: { username: "editor" },
        via: "session",
        csrfToken: session.csrf,
      });
      const logout = await app.inject({
        method: "POST",
        url: "/api/v1/auth/logout",
        headers: { cookie: session.cookie, "x-csrf-token": session.csrf },
      });
      expect(logout.statusCode).toBe(204);
      const after = await app.inject({
        method: "GET",
        url: "/api/v1/auth/me",
        headers: { cookie: session.cookie },
      });
      expect(after.statusCode).toBe(401);
    });

    it("API-1: the web app's exchanges (src/web/api/contract.ts) are the native API, with no second shape", async () => {
      // Sign-in by user name only: the user is { username, admin }.
      const byEmail = await app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { email: "editor", password: "correct horse battery staple" },
      });
      expect(byEmail.statusCode).toBe(400);
      const signedIn = await app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { username: "editor", password: "correct horse battery staple" },
      });
      expect(signedIn.statusCode).toBe(200);
      expect(Object.keys(signedIn.json().user).sort()).toEqual(["admin", "username"]);
      const headers = {
        cookie: String(signedIn.headers["set-cookie"]).split(";")[0]!,
        "x-csrf-token": signedIn.json().csrfToken as string,
      };
      // A save as the app sends it: the JSON document as the body, the version in the query.
      const document = JSON.parse(
        (
          await as(app, team.viewer, {
            method: "GET",
            url: "/api/v1/workspaces/acme/deals/seed/export?format=json",
          })
        ).body,
      );
      const url = "/api/v1/workspaces/acme/deals/webapp";
      const created = await app.inject({
        method: "PUT",
        url: `${url}?expectedVersion=0`,
        headers: { ...headers, "content-type": "application/json" },
        payload: JSON.stringify(document),
      });
      expect(created.statusCode, created.body).toBe(201);
      expect(Object.keys(created.json()).sort()).toEqual([
        "documentHash",
        "id",
        "kind",
        "version",
        "warnings",
      ]);
      const read = await app.inject({ method: "GET", url, headers });
      expect(Object.keys(read.json()).sort()).toEqual([
        "action",
        "document",
        "documentHash",
        "id",
        "updatedAt",
        "version",
      ]);
      const list = await app.inject({ method: "GET", url: "/api/v1/workspaces/acme/deals", headers });
      const listed = list.json().deals.find((d: { id: string }) => d.id === "webapp");
      expect(listed).toMatchObject({ id: "webapp", version: 1 });
      expect(listed.name).toBeUndefined();
      // A stale save is a 409 whose body is the error alone; the app reads the deal again.
      const before = await store.contentDigest();
      const stale = await app.inject({
        method: "PUT",
        url: `${url}?expectedVersion=0`,
        headers: { ...headers, "content-type": "application/json" },
        payload: JSON.stringify(document),
      });
      expect(stale.statusCode).toBe(409);
      expect(Object.keys(stale.json())).toEqual(["error"]);
      expect(stale.json().error.code).toBe("version_conflict");
      // The version is required in the query; a {document, expectedVersion} body is not a second form.
      const wrapped = await app.inject({
        method: "PUT",
        url,
        headers: { ...headers, "content-type": "application/json" },
        payload: JSON.stringify({ document, expectedVersion: 1 }),
      });
      expect(wrapped.statusCode).toBe(400);
      expect(wrapped.json().error.problems.map((p: { path: string }) => p.path)).toContain(
        "query.expectedVersion",
      );
      expect(await store.contentDigest()).toBe(before);
      const ingest = await app.inject({
        method: "POST",
        url: "/api/v1/workspaces/acme/ingest",
        headers,
        payload: { text: "Amazon pourrait investir jusqu'à 50 milliards de dollars dans OpenAI." },
      });
      expect(ingest.statusCode).toBe(404);
    });

    it("AUTH-2: behind a trusted proxy that says HTTPS, the cookie is Secure", async () => {
      const proxied = await teamApp(store, { trustProxy: true });
      const r = await proxied.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { username: "viewer", password: "correct horse battery staple" },
        headers: { "x-forwarded-proto": "https" },
      });
      expect(String(r.headers["set-cookie"])).toMatch(/; Secure/);
      await proxied.close();
      // Without --trust-proxy the header is anyone's to send, and is ignored.
      const direct = await app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { username: "viewer", password: "correct horse battery staple" },
        headers: { "x-forwarded-proto": "https" },
      });
      expect(direct.statusCode).toBe(200);
      expect(String(direct.headers["set-cookie"])).not.toMatch(/Secure/);
    });

    it("AUTH-4: a token is shown once, works as a bearer token, and stops working when revoked", async () => {
      const created = await as(app, team.viewer, {
        method: "POST",
        url: "/api/v1/tokens",
        payload: { name: "script" },
      });
      expect(created.statusCode).toBe(201);
      const { token, id } = created.json();
      expect(token).toMatch(/^rt_[A-Za-z0-9_-]{43}$/);
      const list = await as(app, team.viewer, { method: "GET", url: "/api/v1/tokens" });
      expect(list.body).not.toContain(token);
      const me = await app.inject({
        method: "GET",
        url: "/api/v1/auth/me",
        headers: { authorization: `Bearer ${token}` },
      });
      expect(me.json()).toMatchObject({ user: { username: "viewer" }, via: "token" });
      expect((await as(app, team.viewer, { method: "DELETE", url: `/api/v1/tokens/${id}` })).statusCode).toBe(
        204,
      );
      const revoked = await app.inject({
        method: "GET",
        url: "/api/v1/auth/me",
        headers: { authorization: `Bearer ${token}` },
      });
      expect(revoked.statusCode).toBe(401);
    });
  });

  describe("logins", () => {
    it("AUTH-3: an unknown user and a wrong password get the same answer", async () => {
      const attempt = (username: string) =>
        app.inject({
          method: "POST",
          url: "/api/v1/auth/login",
          payload: { username, password: "wrong password!" },
        });
      const unknown = await attempt("nobody-here");
      const wrong = await attempt("viewer");
      expect(unknown.statusCode).toBe(401);
      expect(unknown.body).toBe(wrong.body);
      expect(Object.keys(unknown.headers).sort()).toEqual(Object.keys(wrong.headers).sort());
    });

    it("AUTH-3: an unknown user costs a password verification, like a wrong password", async () => {
      const time = async (username: string) => {
        const t0 = performance.now();
        await app.inject({
          method: "POST",
          url: "/api/v1/auth/login",
          payload: { username, password: "wrong password!" },
        });
        return performance.now() - t0;
      };
      const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
      const unknown: number[] = [];
      const wrong: number[] = [];
      for (let i = 0; i < 5; i++) {
        unknown.push(await time(`ghost-${i}`));
        wrong.push(await time("owner"));
      }
      // Both include one argon2id verification (tens of milliseconds); an unknown user answered
      // without one would take well under a millisecond.
      expect(median(unknown)).toBeGreaterThan(median(wrong) * 0.3);
    });

    it("AUTH-3: after 10 failures the user name is limited (429), known or not", async () => {
      for (const username of ["editor", "no-such-user"]) {
        const statuses: number[] = [];
        for (let i = 0; i < 11; i++) {
          const r = await app.inject({
            method: "POST",
            url: "/api/v1/auth/login",
            payload: { username, password: "not the password" },
            remoteAddress: `10.0.0.${i + (username === "editor" ? 1 : 100)}`,
          });
          statuses.push(r.statusCode);
        }
        expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
        expect(statuses[10]).toBe(429);
      }
      const limited = await app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { username: "editor", password: "correct horse battery staple" },
        remoteAddress: "10.0.1.1",
      });
      expect(limited.statusCode).toBe(429);
      expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    });
  });

  describe("the OpenAPI document and reference", () => {
    it("API-4: /api/v1/openapi.json documents every route; /api/docs serves the reference offline", async () => {
      const doc = (await app.inject({ method: "GET", url: "/api/v1/openapi.json" })).json();
      expect(doc.openapi).toBe("3.1.0");
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining([
          "/api/v1/workspaces/{ws}/deals/{deal}",
          "/api/v1/workspaces/{ws}/deals/{deal}/model",
          "/api/v1/compute/model",
          "/api/v1/jobs/{jobId}/events",
        ]),
      );
      expect(
        doc.paths["/api/v1/workspaces/{ws}/deals/{deal}/solve"].get.parameters.map(
          (p: { name: string }) => p.name,
        ),
      ).toEqual(expect.arrayContaining(["round", "investor", "fraction", "for", "ws", "deal"]));
      expect(doc.components.schemas.DealDocument.properties.company).toBeDefined();
      const html = await app.inject({ method: "GET", url: "/api/docs/" });
      expect(html.statusCode).toBe(200);
      const bundle = await app.inject({ method: "GET", url: "/api/docs/static/swagger-ui-bundle.js" });
      expect(bundle.statusCode).toBe(200);
      expect(bundle.body.length).toBeGreaterThan(100_000);
    });
  });
});
