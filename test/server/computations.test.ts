import { readFileSync } from "node:fs";
import type { FastifyInstance } from "fastify";
import { beforeAll, describe, expect, it } from "vitest";
import { importOcfZip } from "../../src/interchange/ocf/index.js";
import type { Store } from "../../src/storage/store.js";
import { cli } from "../support/cli.js";
import { describeEachBackend } from "./support/backends.js";
import { as, type Credentials, type Persona, seedTeam, teamApp, yamlOf } from "./support/team.js";

const yaml = { "content-type": "application/yaml" };
const text = { "content-type": "text/plain" };
const REPORT = "../shared/fixtures/seed-openai-round-fr.txt";

/** The JSON a CLI command prints: what the API must answer for the same document and options. */
async function cliJson(args: readonly string[]): Promise<unknown> {
  const r = await cli(args);
  if (r.code !== 0) throw new Error(`roundtable ${args.join(" ")}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

describeEachBackend("computations on stored and posted documents", (backends) => {
  let store: Store;
  let app: FastifyInstance;
  let team: Record<Persona, Credentials>;
  const deals = "/api/v1/workspaces/acme/deals";

  /** Starts a job and waits for its end; returns the final job state. */
  async function jobResult(url: string, payload?: string) {
    const started = await as(app, team.viewer, {
      method: "POST",
      url,
      ...(payload === undefined ? {} : { headers: yaml, payload }),
    });
    expect(started.statusCode, started.body).toBe(202);
    const id = started.json().job.id as string;
    for (let i = 0; i < 2000; i++) {
      const job = (await as(app, team.viewer, { method: "GET", url: `/api/v1/jobs/${id}` })).json().job;
      if (job.status !== "running") return job;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error("the job did not end");
  }

  beforeAll(async () => {
    store = await backends.freshStore();
    team = await seedTeam(store);
    app = await teamApp(store);
    for (const [slug, file] of [
      ["openai-round", "examples/openai-round.yaml"],
      ["ecosystem", "examples/ai-ecosystem.yaml"],
      ["cloud", "examples/cloud-partners.yaml"],
    ]) {
      const put = await as(app, team.editor, {
        method: "PUT",
        url: `${deals}/${slug}?expectedVersion=0`,
        headers: yaml,
        payload: yamlOf(file!),
      });
      expect(put.statusCode, put.body).toBe(201);
    }
    return () => app.close();
  });

  describe("claims and scenarios", () => {
    it("API-5: claims of a stored deal equal `roundtable claims --format json`; posted too", async () => {
      const expected = await cliJson(["claims", "examples/openai-round.yaml", "--format", "json"]);
      const stored = await as(app, team.viewer, { method: "GET", url: `${deals}/openai/claims` });
      expect(stored.statusCode).toBe(200);
      expect(stored.json()).toEqual(expected);
      expect(stored.json().conflicts.length).toBeGreaterThan(0);
      const posted = await as(app, team.outsider, {
        method: "POST",
        url: "/api/v1/compute/claims",
        headers: yaml,
        payload: yamlOf("examples/openai-round.yaml"),
      });
      expect(posted.json()).toEqual(expected);
    });

    it("API-2: claims: a chosen set with an unknown claim is a 400 at query.claims", async () => {
      const r = await as(app, team.viewer, { method: "GET", url: `${deals}/openai/claims?claims=nope` });
      expect(r.statusCode).toBe(400);
      expect(r.json().error.problems[0]).toMatchObject({ code: "request_invalid", path: "query.claims" });
    });

    it("API-5: scenarios equal `roundtable scenarios --format json`; a deal with exact rounds or an unknown scenario is a 400", async () => {
      const expected = await cliJson(["scenarios", "examples/openai-round.yaml", "--format", "json"]);
      const stored = await as(app, team.viewer, { method: "GET", url: `${deals}/openai/scenarios` });
      expect(stored.statusCode, stored.body).toBe(200);
      expect(stored.json()).toEqual(expected);
      const unknown = await as(app, team.viewer, {
        method: "GET",
        url: `${deals}/openai/scenarios?scenario=low,nope`,
      });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json().error.problems[0].path).toBe("query.scenario");
      const exact = await as(app, team.viewer, {
        method: "POST",
        url: "/api/v1/compute/scenarios",
        headers: { "content-type": "application/json" },
        payload: `{"roundtable":1,"company":{"name":"Exact","currency":"USD"},"stakeholders":[{"id":"a","name":"A"}],
          "classes":[{"id":"common","name":"Common","type":"common"}],
          "transactions":[{"type":"issue","date":"2020-01-01","holder":"a","class":"common","shares":100}]}`,
      });
      expect(exact.statusCode).toBe(400);
      expect(exact.json().error.message).toMatch(/all exact/);
    });
  });

  describe("simulate", () => {
    it("API-6: a simulate job reports progress and the result of `roundtable simulate --json` for its seed", async () => {
      const expected = await cliJson([
        "simulate",
        "examples/openai-round.yaml",
        "--runs",
        "3000",
        "--seed",
        "7",
        "--json",
      ]);
      const job = await jobResult(`${deals}/openai/jobs/simulate?runs=3000&seed=7`);
      expect(job.status).toBe("succeeded");
      expect(job.progress).toMatchObject({ done: 3000, total: 3000 });
      expect(job.result).toEqual(expected);
      const posted = await jobResult(
        "/api/v1/compute/simulate/jobs?runs=3000&seed=7",
        yamlOf("examples/openai-round.yaml"),
      );
      expect(posted.result).toEqual(expected);
      const otherSeed = await jobResult(`${deals}/openai/jobs/simulate?runs=3000&seed=8`);
      expect(otherSeed.result).not.toEqual(expected);
    });

    it("API-2: simulate: too many runs, a bad seed, an unknown round are 400s naming the parameter", async () => {
      const r = await as(app, team.viewer, {
        method: "POST",
        url: `${deals}/openai/jobs/simulate?runs=5000000&seed=x`,
      });
      expect(r.statusCode).toBe(400);
      expect(
        r
          .json()
          .error.problems.map((p: { path: string }) => p.path)
          .sort(),
      ).toEqual(["query.runs", "query.seed"]);
      const round = await jobResult(`${deals}/openai/jobs/simulate?runs=10&round=nope`);
      expect(round.status).toBe("failed");
      expect(round.error.problems[0]).toMatchObject({ code: "request_invalid", path: "query.round" });
    });
  });

  describe("exit", () => {
    it("API-5: exit at values, breakpoints, sweep and IPO equal `roundtable exit --format json`", async () => {
      for (const [query, args] of [
        ["at=15M%3B60M%3B1B", ["--at", "15M", "--at", "60M", "--at", "1B"]],
        ["breakpoints=true", ["--breakpoints"]],
        ["sweep=0..100M&steps=11", ["--sweep", "0..100M", "--steps", "11"]],
        ["ipo=%2420%2Fshare", ["--ipo", "$20/share"]],
        // IPO-Q-4: the offering's gross proceeds, as the CLI's --ipo-proceeds.
        ["ipo=%2420%2Fshare&ipoProceeds=%2480M", ["--ipo", "$20/share", "--ipo-proceeds", "$80M"]],
        [
          "at=between%20%2410M%20and%20%2450M&runs=500&seed=3",
          ["--at", "between $10M and $50M", "--runs", "500", "--seed", "3"],
        ],
      ] as const) {
        const expected = await cliJson([
          "exit",
          "examples/seed-to-series-a.yaml",
          ...args,
          "--format",
          "json",
        ]);
        const r = await as(app, team.viewer, { method: "GET", url: `${deals}/seed/exit?${query}` });
        expect(r.statusCode, `${query}: ${r.body.slice(0, 300)}`).toBe(200);
        expect(r.json(), query).toEqual(expected);
      }
    });

    it("API-2: exit: no mode or two, a bad value, a negative one are 400s naming the parameter", async () => {
      for (const [query, path] of [
        ["", "query.at"],
        ["at=1M&ipo=%241T", "query.ipo"],
        ["at=1M&ipoProceeds=%2480M", "query.ipoProceeds"],
        ["at=lots", "query.at"],
        ["sweep=1B", "query.sweep"],
        ["at=-5M", "query.at"],
        // EXIT-LIST-1: a comma that does not group thousands is refused, never read as 20,000,000.1.
        ["at=20000000,10000000", "query.at"],
        ["steps=1&sweep=0..1M", "query.steps"],
      ] as const) {
        const r = await as(app, team.viewer, { method: "GET", url: `${deals}/seed/exit?${query}` });
        expect(r.statusCode, query).toBe(400);
        expect(r.json().error.problems[0].path, query).toBe(path);
      }
    });
  });

  describe("flows and exposure of workspaces", () => {
    it("API-5: flows of a stored workspace equal `roundtable flows --format json`; a posted standalone one too", async () => {
      const expected = await cliJson(["flows", "examples/ai-ecosystem.yaml", "--format", "json"]);
      const stored = await as(app, team.viewer, { method: "GET", url: `${deals}/ecosystem/flows` });
      expect(stored.statusCode, stored.body.slice(0, 300)).toBe(200);
      expect(stored.json()).toEqual(expected);
      const cloud = await cliJson(["flows", "examples/cloud-partners.yaml", "--format", "json"]);
      const posted = await as(app, team.outsider, {
        method: "POST",
        url: "/api/v1/compute/flows",
        headers: yaml,
        payload: yamlOf("examples/cloud-partners.yaml"),
      });
      expect(posted.statusCode, posted.body.slice(0, 300)).toBe(200);
      expect(posted.json()).toEqual(cloud);
      const sampled = await cliJson([
        "flows",
        "examples/ai-ecosystem.yaml",
        "--runs",
        "200",
        "--seed",
        "5",
        "--format",
        "json",
      ]);
      const runs = await as(app, team.viewer, {
        method: "GET",
        url: `${deals}/ecosystem/flows?runs=200&seed=5`,
      });
      expect(runs.json()).toEqual(sampled);
    });

    it("STORE-3: a posted workspace naming a file, and flows of a deal, are 400s", async () => {
      const posted = await as(app, team.outsider, {
        method: "POST",
        url: "/api/v1/compute/flows",
        headers: yaml,
        payload: yamlOf("examples/ai-ecosystem.yaml"),
      });
      expect(posted.statusCode).toBe(400);
      expect(posted.json().error.problems[0]).toMatchObject({ path: "companies[0].file" });
      const deal = await as(app, team.viewer, { method: "GET", url: `${deals}/openai/flows` });
      expect(deal.statusCode).toBe(400);
      expect(deal.json().error.code).toBe("document_kind_wrong");
    });

    it("API-5: exposure equals `roundtable exposure --format json`; an unknown investor or valuation is a 400", async () => {
      const expected = await cliJson([
        "exposure",
        "examples/cloud-partners.yaml",
        "helios",
        "--valuation",
        "nimbus=$800M",
        "--format",
        "json",
      ]);
      const r = await as(app, team.viewer, {
        method: "GET",
        url: `${deals}/cloud/exposure?investor=helios&valuation=nimbus%3D%24800M`,
      });
      expect(r.statusCode, r.body.slice(0, 300)).toBe(200);
      expect(r.json()).toEqual(expected);
      for (const [query, path] of [
        ["investor=nobody", "query.investor"],
        ["investor=helios&valuation=nimbus:800M", "query.valuation"],
        ["valuation=nimbus%3D1M", "query.investor"],
      ] as const) {
        const bad = await as(app, team.viewer, { method: "GET", url: `${deals}/cloud/exposure?${query}` });
        expect(bad.statusCode, query).toBe(400);
        expect(bad.json().error.problems[0].path, query).toBe(path);
      }
    });

    it("STORE-3: a workspace computation reads the latest versions of the deals it names", async () => {
      const before = (await as(app, team.viewer, { method: "GET", url: `${deals}/ecosystem/flows` })).json();
      const head = await store.headVersion("acme", "openai-round");
      const deleted = await as(app, team.editor, {
        method: "DELETE",
        url: `${deals}/openai-round?expectedVersion=${head!.version}`,
      });
      expect(deleted.statusCode).toBe(204);
      const missing = await as(app, team.viewer, { method: "GET", url: `${deals}/ecosystem/flows` });
      expect(missing.statusCode).toBe(400);
      expect(missing.json().error.problems[0]).toMatchObject({ path: "companies[0].file" });
      await as(app, team.editor, {
        method: "PUT",
        url: `${deals}/openai-round?expectedVersion=${head!.version + 1}`,
        headers: yaml,
        payload: yamlOf("examples/openai-round.yaml"),
      });
      expect((await as(app, team.viewer, { method: "GET", url: `${deals}/ecosystem/flows` })).json()).toEqual(
        before,
      );
    });
  });

  describe("ingest", () => {
    it("API-8: a posted report gives the claims of `roundtable ingest --format json`", async () => {
      const expected = (await cliJson([
        "ingest",
        REPORT,
        "--source-date",
        "2026-01-29",
        "--format",
        "json",
      ])) as Record<string, unknown>;
      const r = await as(app, team.outsider, {
        method: "POST",
        url: "/api/v1/ingest?sourceDate=2026-01-29",
        headers: text,
        payload: readFileSync(REPORT, "utf8"),
      });
      expect(r.statusCode, r.body.slice(0, 300)).toBe(200);
      expect(r.json()).toEqual(expected);
      const bad = await as(app, team.outsider, {
        method: "POST",
        url: "/api/v1/ingest?lang=de&sourceDate=29-01-2026",
        headers: text,
        payload: "x",
      });
      expect(bad.statusCode).toBe(400);
      expect(
        bad
          .json()
          .error.problems.map((p: { path: string }) => p.path)
          .sort(),
      ).toEqual(["query.lang", "query.sourceDate"]);
    });

    it("API-8: a report accepted into a stored deal is a new source with its claims, in a new version", async () => {
      const head = (await store.headVersion("acme", "openai"))!.version;
      const url = `${deals}/openai/sources?expectedVersion=${head}&sourceDate=2026-01-29&sourceId=lefigaro&title=Le%20rapport`;
      const r = await as(app, team.editor, {
        method: "POST",
        url,
        headers: text,
        payload: readFileSync(REPORT, "utf8"),
      });
      expect(r.statusCode, r.body.slice(0, 500)).toBe(201);
      expect(r.json()).toMatchObject({ version: head + 1, source: "lefigaro" });
      expect(r.json().claims).toBeGreaterThan(0);
      const doc = (await as(app, team.viewer, { method: "GET", url: `${deals}/openai` })).json().document;
      expect(doc.sources.at(-1).id).toBe("lefigaro");
      expect(doc.claims.filter((c: { source: string }) => c.source === "lefigaro").length).toBe(
        r.json().claims,
      );
      const revisions = (
        await as(app, team.viewer, { method: "GET", url: `${deals}/openai/revisions` })
      ).json();
      expect(revisions.revisions.at(-1).action).toBe("append_source");
      const before = await store.contentDigest();
      const again = await as(app, team.editor, {
        method: "POST",
        url: url.replace(`expectedVersion=${head}`, `expectedVersion=${head + 1}`),
        headers: text,
        payload: readFileSync(REPORT, "utf8"),
      });
      expect(again.statusCode).toBe(400);
      expect(again.json().error.problems[0]).toMatchObject({
        code: "deal_duplicate_id",
        path: "query.sourceId",
      });
      const stale = await as(app, team.editor, {
        method: "POST",
        url,
        headers: text,
        payload: "Amazon investit.",
      });
      expect(stale.statusCode).toBe(409);
      expect(await store.contentDigest()).toBe(before);
    });
  });

  describe("OCF", () => {
    it("API-8: a stored deal exported as an OCF zip imports back as a new stored deal with the same cap table", async () => {
      const zip = await as(app, team.viewer, { method: "GET", url: `${deals}/seed/ocf?country=US` });
      expect(zip.statusCode, zip.body.slice(0, 300)).toBe(200);
      expect(zip.headers["content-type"]).toBe("application/zip");
      // OCF-VAL-4: the server has no schema folder here; it says which checks it ran, never a 500.
      expect(zip.headers["x-ocf-validation"]).toBe(
        process.env.ROUNDTABLE_OCF_SCHEMAS ? "official_schemas" : "own_checks",
      );
      const bytes = zip.rawPayload;
      const again = await as(app, team.viewer, { method: "GET", url: `${deals}/seed/ocf?country=US` });
      expect(Buffer.compare(again.rawPayload, bytes)).toBe(0);
      // The package is valid against the official schemas too.
      expect(
        importOcfZip("x.zip", new Uint8Array(bytes), { schemaDir: "../shared/ocf/v1.2.0/schema" }).ok,
      ).toBe(true);
      const imported = await as(app, team.editor, {
        method: "POST",
        url: `${deals}/seed-ocf/ocf?expectedVersion=0`,
        headers: { "content-type": "application/zip" },
        payload: bytes,
      });
      expect(imported.statusCode, imported.body.slice(0, 500)).toBe(201);
      expect(imported.json()).toMatchObject({ id: "seed-ocf", kind: "deal", version: 1 });
      // The package holds the ledger, not the rounds: compared before the first round.
      const date = "2022-08-31";
      const original = await as(app, team.viewer, {
        method: "GET",
        url: `${deals}/seed/captable?asOf=${date}`,
      });
      const copy = await as(app, team.viewer, {
        method: "GET",
        url: `${deals}/seed-ocf/captable?asOf=${date}`,
      });
      expect(copy.json().totals).toEqual(original.json().totals);
      expect(
        copy.json().holders.map((h: { id: string; fullyDiluted: string }) => [h.id, h.fullyDiluted]),
      ).toEqual(
        original.json().holders.map((h: { id: string; fullyDiluted: string }) => [h.id, h.fullyDiluted]),
      );
    });

    it("API-8: a body that is not an OCF zip, and a bad country, are 400s that store nothing", async () => {
      const before = await store.contentDigest();
      const bad = await as(app, team.editor, {
        method: "POST",
        url: `${deals}/junk/ocf?expectedVersion=0`,
        headers: { "content-type": "application/zip" },
        payload: Buffer.from("not a zip"),
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.code).toBe("ocf_package_unreadable");
      const country = await as(app, team.viewer, { method: "GET", url: `${deals}/seed/ocf?country=usa` });
      expect(country.statusCode).toBe(400);
      expect(country.json().error.problems[0].path).toBe("query.country");
      expect(await store.contentDigest()).toBe(before);
    });
  });

  describe("investors", () => {
    it("AUTH-7: investors are refused the reports that show others' figures", async () => {
      for (const [method, url] of [
        ["GET", `${deals}/openai/claims`],
        ["POST", `${deals}/openai/jobs/simulate`],
        ["GET", `${deals}/seed/exit?breakpoints=true`],
        ["GET", `${deals}/ecosystem/flows`],
        ["GET", `${deals}/cloud/exposure?investor=helios`],
        ["GET", `${deals}/seed/ocf`],
      ] as const) {
        const r = await as(app, team.investor, { method, url });
        expect(r.statusCode, url).toBe(403);
      }
    });
  });
});
