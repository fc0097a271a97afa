import type { FastifyInstance } from "fastify";
import { beforeAll, expect, it } from "vitest";
import type { Store } from "../../src/storage/store.js";
import { describeEachBackend } from "./support/backends.js";
import { as, type Credentials, type Persona, seedTeam, teamApp, yamlOf } from "./support/team.js";

describeEachBackend("a deal's history: differences and revert (STORE-9, DEAL-DIFF-1..2)", (backends) => {
  let store: Store;
  let app: FastifyInstance;
  let team: Record<Persona, Credentials>;
  const url = "/api/v1/workspaces/acme/deals/seed";
  const seed = yamlOf("examples/seed-to-series-a.yaml");

  beforeAll(async () => {
    store = await backends.freshStore();
    team = await seedTeam(store);
    app = await teamApp(store);
    const put = await as(app, team.editor, {
      method: "PUT",
      url: `${url}?expectedVersion=1`,
      headers: { "content-type": "application/yaml" },
      payload: seed.replace("preMoney: $15M", "preMoney: $18M"),
    });
    expect(put.statusCode).toBe(200);
    return () => app.close();
  });

  it("says which fields changed, with the values as written, and how the pro forma moved", async () => {
    const r = await as(app, team.viewer, { method: "GET", url: `${url}/diff?from=1&to=2` });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(body.from).toBe(1);
    expect(body.to).toBe(2);
    expect(body.records).toEqual([
      {
        kind: "round",
        id: "series-a",
        name: "Series A",
        change: "changed",
        fields: [{ field: "preMoney", before: "$15M", after: "$18M" }],
      },
    ]);
    const pre = body.proForma.figures.find((f: { figure: string }) => f.figure === "pre_money");
    expect(pre.currency).toBe("USD");
    expect(Number(pre.after)).toBeGreaterThan(Number(pre.before));
    const lead = body.proForma.holders.find((h: { id: string }) => h.id === "lead-vc");
    expect(lead.name).toBe("Lead Ventures");
    expect(lead.before).toMatch(/^0\.\d+$/);
    // `to` defaults to the latest version.
    expect((await as(app, team.viewer, { method: "GET", url: `${url}/diff?from=1` })).json()).toEqual(body);
  });

  it("a revert writes the earlier document as a new version; the history keeps both", async () => {
    const r = await as(app, team.editor, { method: "POST", url: `${url}/revert?to=1&expectedVersion=2` });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({ id: "seed", kind: "deal", version: 3, revertedTo: 1 });
    const revisions = (await as(app, team.viewer, { method: "GET", url: `${url}/revisions` })).json()
      .revisions;
    expect(revisions.map((v: { action: string }) => v.action)).toEqual(["create", "replace", "revert"]);
    expect(revisions[2].documentHash).toBe(revisions[0].documentHash);
    const same = (await as(app, team.viewer, { method: "GET", url: `${url}/diff?from=1&to=3` })).json();
    expect(same.records).toEqual([]);
    expect(same.proForma).toEqual({
      round: { before: "Series A", after: "Series A" },
      figures: [],
      holders: [],
    });
  });

  it("a stale revert gets 409; an unknown version 404; investors see no history", async () => {
    const stale = await as(app, team.editor, { method: "POST", url: `${url}/revert?to=1&expectedVersion=1` });
    expect(stale.statusCode).toBe(409);
    const missing = await as(app, team.viewer, { method: "GET", url: `${url}/diff?from=1&to=99` });
    expect(missing.statusCode).toBe(404);
    const bad = await as(app, team.viewer, { method: "GET", url: `${url}/diff?from=zero` });
    expect(bad.statusCode).toBe(400);
    const investor = await as(app, team.investor, { method: "GET", url: `${url}/diff?from=1&to=2` });
    expect(investor.statusCode).toBe(403);
    const viewer = await as(app, team.viewer, {
      method: "POST",
      url: `${url}/revert?to=1&expectedVersion=3`,
    });
    expect(viewer.statusCode).toBe(403);
  });
});
