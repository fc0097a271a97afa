import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Store } from "../../src/storage/store.js";
import { BackendFactory } from "./support/backends.js";
import { as, type Credentials, type Persona, seedTeam, teamApp } from "./support/team.js";

/**
 * WEB-21: the investor's own figures. The investor of the team's workspace is linked to
 * Amazon and angel-a; the owner sees every holder.
 */
describe("WEB-21 an investor sees its own payouts and dilution, and nothing of other holders", () => {
  const backends = new BackendFactory("sqlite");
  let store: Store;
  let app: FastifyInstance;
  let team: Record<Persona, Credentials>;
  const deals = "/api/v1/workspaces/acme/deals";
  const mine = new Set(["amazon", "angel-a"]);

  beforeAll(async () => {
    store = await backends.freshStore();
    team = await seedTeam(store);
    app = await teamApp(store);
  });

  afterAll(async () => {
    await app.close();
    await backends.cleanup();
  });

  it("WEB-21 the waterfall at exit values: the investor's rows are the owner's rows for its holders, and only those", async () => {
    const url = `${deals}/seed/exit?at=15M%3B60M%3B1B`;
    const owner = (await as(app, team.owner, { method: "GET", url })).json();
    const investor = await as(app, team.investor, { method: "GET", url });
    expect(investor.statusCode).toBe(200);
    const seen = investor.json();
    expect(Object.keys(seen).sort()).toEqual(["currency", "exitDate", "outcomes"]);
    expect(seen.outcomes).toHaveLength(3);
    seen.outcomes.forEach((o: { exitValue: string; holders: { id: string }[] }, i: number) => {
      expect(Object.keys(o).sort()).toEqual(["exitValue", "holders"]);
      expect(o.exitValue).toBe(owner.outcomes[i].exitValue);
      expect(o.holders.length).toBeGreaterThan(0);
      expect(o.holders.every((h) => mine.has(h.id))).toBe(true);
      expect(o.holders).toEqual(owner.outcomes[i].holders.filter((h: { id: string }) => mine.has(h.id)));
    });
  });

  it("WEB-21 breakpoints, sweeps, IPOs and payout percentiles stay refused to an investor", async () => {
    for (const query of [
      "breakpoints=true",
      "sweep=0..1B",
      "ipo=%241B",
      "at=between%20%2410M%20and%20%2450M&runs=50",
    ]) {
      const r = await as(app, team.investor, { method: "GET", url: `${deals}/seed/exit?${query}` });
      expect(r.statusCode, query).toBe(403);
      expect(r.json().error.code).toBe("forbidden");
      expect(r.body).not.toMatch(/lead-vc|seed-fund|ada/);
    }
  });

  it("WEB-21 the scenarios: the investor's own ownership and dilution in each, no claims, no aggregates unless shared", async () => {
    const url = `${deals}/openai/scenarios`;
    const owner = (await as(app, team.owner, { method: "GET", url })).json();
    const investor = await as(app, team.investor, { method: "GET", url });
    expect(investor.statusCode).toBe(200);
    const seen = investor.json();
    expect(seen.scenarios.map((s: { scenario: string }) => s.scenario)).toEqual(
      owner.scenarios.map((s: { scenario: string }) => s.scenario),
    );
    seen.scenarios.forEach((s: Record<string, unknown> & { holders: { id: string }[] }, i: number) => {
      expect(Object.keys(s).sort()).toEqual(["holders", "scenario"]);
      expect(s.holders.map((h) => h.id)).toEqual(["amazon"]);
      expect(s.holders).toEqual(owner.scenarios[i].holders.filter((h: { id: string }) => mine.has(h.id)));
    });
    expect(investor.body).not.toMatch(/microsoft|nvidia|softbank/i);
  });
});
