import { describe, expect, it } from "vitest";
import { BackendFactory } from "../server/support/backends.js";
import { as, seedTeam, teamApp, yamlOf } from "../server/support/team.js";
import { cli } from "../support/cli.js";

describe("--set what-ifs on model and captable, CLI and API (SPEC DEAL-WHATIF-1..4)", () => {
  it("model --set amazon=$50B --set pre-money=$830B: priced at the what-if, the contradicted claim listed", async () => {
    const r = await cli([
      "model",
      "examples/openai-round.yaml",
      "--set",
      "amazon=$50B",
      "--set",
      "pre-money=$830B",
      "--format",
      "json",
    ]);
    expect(r.code, r.stderr).toBe(0);
    const body = JSON.parse(r.stdout);
    expect(body.round.preMoneyValuation).toBe("830000000000");
    expect(body.whatIf.basedOn).toBe("base");
    expect(body.whatIf.settings.map((s: { name: string; value: string }) => [s.name, s.value])).toEqual([
      ["amazon", "50000000000"],
      ["pre-money", "830000000000"],
    ]);
    expect(body.whatIf.contradicted.map((c: { id: string }) => c.id)).toEqual(["trio-about-40"]);
    const text = await cli([
      "model",
      "examples/openai-round.yaml",
      "--set",
      "amazon=$50B",
      "--set",
      "pre-money=$830B",
    ]);
    expect(text.stdout).toContain("set aside, contradicted by the what-if: claim trio-about-40");
  });

  it("without --set the JSON is unchanged: no whatIf field", async () => {
    const r = await cli(["model", "examples/openai-round.yaml", "--format", "json"]);
    expect(JSON.parse(r.stdout).whatIf).toBeUndefined();
  });

  it("captable --set on an exact deal prices as the edited file", async () => {
    const r = await cli([
      "captable",
      "examples/seed-to-series-a.yaml",
      "--set",
      "pre-money=$20M",
      "--format",
      "json",
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).whatIf.settings[0].quantity).toBe("round:series-a/valuation:pre");
  });

  it("an unknown name lists the names there are, exit 2", async () => {
    const r = await cli(["model", "examples/openai-round.yaml", "--set", "amzn=$50B"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("the names are amazon, nvidia, microsoft, softbank, pre-money");
  });

  it("the API takes set= repeated, and names a bad one at query.set", async () => {
    const factory = new BackendFactory("sqlite");
    const store = await factory.freshStore();
    const team = (await seedTeam(store)).viewer;
    const app = await teamApp(store);
    try {
      const ok = await as(app, team, {
        method: "POST",
        url: `/api/v1/compute/model?set=${encodeURIComponent("amazon=$50B")}&set=${encodeURIComponent("pre-money=$830B")}`,
        headers: { "content-type": "application/yaml" },
        payload: yamlOf("examples/openai-round.yaml"),
      });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json().whatIf.contradicted[0].id).toBe("trio-about-40");
      const bad = await as(app, team, {
        method: "POST",
        url: `/api/v1/compute/model?set=${encodeURIComponent("amzn=$50B")}`,
        headers: { "content-type": "application/yaml" },
        payload: yamlOf("examples/openai-round.yaml"),
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.problems[0].path).toBe("query.set");
    } finally {
      await app.close();
      await factory.cleanup();
    }
  });
});
