import type { FastifyInstance } from "fastify";
import { beforeAll, expect, it } from "vitest";
import type { Store } from "../../src/storage/store.js";
import { cli, tempFile } from "../support/cli.js";
import { describeEachBackend } from "./support/backends.js";
import { as, type Credentials, type Persona, seedTeam, teamApp, yamlOf } from "./support/team.js";

const yaml = { "content-type": "application/yaml" };
const deals = "/api/v1/workspaces/acme/deals";

/** `roundtable close-round --format json` on a copy of the file: what the API must answer. */
async function cliClosed(file: string): Promise<Record<string, unknown>> {
  const r = await cli(["close-round", tempFile("deal.yaml", yamlOf(file)), "--format", "json"]);
  if (r.code !== 0) throw new Error(r.stderr);
  const { written: _written, ...report } = JSON.parse(r.stdout) as Record<string, unknown>;
  return report;
}

describeEachBackend("close-round over HTTP (CLOSE-3)", (backends) => {
  let store: Store;
  let app: FastifyInstance;
  let team: Record<Persona, Credentials>;

  beforeAll(async () => {
    store = await backends.freshStore();
    team = await seedTeam(store);
    app = await teamApp(store);
    for (const [slug, file] of [
      ["down", "examples/down-round.yaml"],
      ["mega", "examples/openai-round.yaml"],
      ["cloud", "examples/cloud-partners.yaml"],
    ] as const) {
      const put = await as(app, team.editor, {
        method: "PUT",
        url: `${deals}/${slug}?expectedVersion=0`,
        headers: yaml,
        payload: yamlOf(file),
      });
      expect(put.statusCode, put.body).toBe(201);
    }
    return () => app.close();
  });

  it("CLOSE-3: an editor closes the round: a new version, the CLI's report, and the cap table of the closed deal", async () => {
    const stale = await as(app, team.editor, {
      method: "POST",
      url: `${deals}/down/close-round?expectedVersion=7`,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toBe(
      "the deal is at version 1, not 7: read it again and apply the change to the latest version",
    );
    const viewer = await as(app, team.viewer, {
      method: "POST",
      url: `${deals}/down/close-round?expectedVersion=1`,
    });
    expect(viewer.statusCode).toBe(403);
    const modelled = await as(app, team.viewer, { method: "GET", url: `${deals}/down/model?format=json` });
    expect(modelled.statusCode, modelled.body).toBe(200);

    const closed = await as(app, team.editor, {
      method: "POST",
      url: `${deals}/down/close-round?expectedVersion=1`,
    });
    expect(closed.statusCode, closed.body).toBe(201);
    expect(closed.headers.etag).toBe('"2"');
    expect(closed.json().version).toBe(2);
    expect(closed.json().closed).toEqual(await cliClosed("examples/down-round.yaml"));
    expect(closed.json().closed.round).toEqual({ id: "series-b", name: "Series B (down round)" });

    // The stored deal's cap table is the CLI's cap table of the file closed with --write.
    const file = tempFile("deal.yaml", yamlOf("examples/down-round.yaml"));
    expect((await cli(["close-round", file, "--write"])).code).toBe(0);
    const expected = JSON.parse((await cli(["captable", file, "--format", "json"])).stdout);
    const table = await as(app, team.viewer, { method: "GET", url: `${deals}/down/captable` });
    expect(table.statusCode, table.body).toBe(200);
    expect(table.json()).toEqual(expected);

    const revisions = await as(app, team.viewer, { method: "GET", url: `${deals}/down/revisions` });
    expect(revisions.json().revisions.at(-1).action).toBe("close_round");
  });

  it("CLOSE-3: a deal with no round left to close is a 422 that says so; nothing is written", async () => {
    const head = (await store.headVersion("acme", "down"))!.version;
    const again = await as(app, team.editor, {
      method: "POST",
      url: `${deals}/down/close-round?expectedVersion=${head}`,
    });
    expect(again.statusCode).toBe(422);
    expect(again.json().error.code).toBe("round_invalid");
    expect(again.json().error.message).toMatch(/the deal has no modelled round to close/);
    expect((await store.headVersion("acme", "down"))!.version).toBe(head);
  });

  it("CLOSE-3: an unknown round is a 400 at query.round naming the deal's rounds", async () => {
    const wrong = await as(app, team.editor, {
      method: "POST",
      url: `${deals}/mega/close-round?expectedVersion=1&round=nope`,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.problems[0]).toMatchObject({
      code: "request_invalid",
      path: "query.round",
      message: 'no round "nope" in the deal; its rounds are round-2026',
    });
  });

  it("CLOSE-4: the openai example, whose amounts come from claims, closes; its claims still answer", async () => {
    const closed = await as(app, team.owner, {
      method: "POST",
      url: `${deals}/mega/close-round?expectedVersion=1&round=round-2026`,
    });
    expect(closed.statusCode, closed.body).toBe(201);
    expect(closed.json().closed).toEqual(await cliClosed("examples/openai-round.yaml"));
    const claims = await as(app, team.viewer, { method: "GET", url: `${deals}/mega/claims` });
    expect(claims.statusCode, claims.body).toBe(200);
    const table = await as(app, team.viewer, {
      method: "GET",
      url: `${deals}/mega/captable?asOf=2026-04-15`,
    });
    expect(table.statusCode, table.body).toBe(200);
    expect(table.json().totals.outstanding).toBe("10516129031");
  });

  it("CLOSE-3: a stored workspace is refused with a 4xx that says a deal is needed", async () => {
    const refused = await as(app, team.editor, {
      method: "POST",
      url: `${deals}/cloud/close-round?expectedVersion=1`,
    });
    expect(refused.statusCode).toBeGreaterThanOrEqual(400);
    expect(refused.statusCode).toBeLessThan(500);
    expect(refused.json().error.message).toMatch(/workspace/);
  });

  it("OCF-EXP-14: the OCF export of a stored deal names its modelled rounds not exported, or includes them when asked", async () => {
    const left = await as(app, team.owner, { method: "GET", url: `${deals}/seed/ocf?country=US` });
    expect(left.statusCode, left.body).toBe(200);
    expect(left.headers["x-ocf-not-exported"]).toBe("series-a");
    expect(left.headers["x-ocf-included-modelled"]).toBe("");
    const included = await as(app, team.owner, {
      method: "GET",
      url: `${deals}/seed/ocf?country=US&includeModelled=true`,
    });
    expect(included.statusCode, included.body).toBe(200);
    expect(included.headers["x-ocf-not-exported"]).toBe("");
    expect(included.headers["x-ocf-included-modelled"]).toBe("series-a");
    expect(included.rawPayload.equals(left.rawPayload)).toBe(false);
    const wrong = await as(app, team.owner, {
      method: "GET",
      url: `${deals}/seed/ocf?country=US&includeModelled=yes`,
    });
    expect(wrong.statusCode).toBe(400);
  });
});
