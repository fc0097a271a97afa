import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BackendFactory } from "../server/support/backends.js";
import { as, seedTeam, teamApp, yamlOf } from "../server/support/team.js";
import { cli, tempFile } from "../support/cli.js";

describe("--set what-ifs on solve, CLI and API (SPEC DEAL-WHATIF-1..4)", () => {
  it("DEAL-WHATIF-3 solve --set pre-money=$20M solves the round as the file with that pre-money written in", async () => {
    const args = ["--target", "lead-vc=20%", "--for", "amount", "--format", "json"];
    const r = await cli(["solve", "examples/seed-to-series-a.yaml", "--set", "pre-money=$20M", ...args]);
    expect(r.code, r.stderr).toBe(0);
    const body = JSON.parse(r.stdout);
    expect(body.model.whatIf.settings[0].quantity).toBe("round:series-a/valuation:pre");
    const edited = tempFile(
      "seed-to-series-a.yaml",
      readFileSync("examples/seed-to-series-a.yaml", "utf8").replace("preMoney: $15M", "preMoney: $20M"),
    );
    const byHand = JSON.parse((await cli(["solve", edited, ...args])).stdout);
    expect(body.solution).toEqual(byHand.solution);
    // The price per share is rounded as the deal says, so the pre-money is near $20M, as by hand.
    expect(body.solution.preMoneyValuation).toBe("20000696.2142");
    // The figures are the hand edit's; only the scenario's name and how its values came differ.
    const { whatIf: _whatIf, scenario, ...model } = body.model;
    const { scenario: _handScenario, ...handModel } = byHand.model;
    expect(model).toEqual(handModel);
    expect(scenario.name).toBe("what-if");
  });

  it("DEAL-WHATIF-2 solve with a contradicted claim lists it in the text; an unknown name lists the names, exit 2", async () => {
    const text = await cli([
      "solve",
      "examples/openai-round.yaml",
      "--target",
      "amazon=10%",
      "--set",
      "pre-money=$830B",
      "--set",
      "amazon=$50B",
    ]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain("set aside, contradicted by the what-if: claim trio-about-40");
    const bad = await cli([
      "solve",
      "examples/openai-round.yaml",
      "--target",
      "amazon=10%",
      "--set",
      "amzn=$50B",
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("the names are amazon, nvidia, microsoft, softbank, pre-money");
  });

  it("DEAL-WHATIF-4 the API's solve takes set= and names a bad one at query.set", async () => {
    const factory = new BackendFactory("sqlite");
    const store = await factory.freshStore();
    const team = (await seedTeam(store)).viewer;
    const app = await teamApp(store);
    try {
      const good = await as(app, team, {
        method: "POST",
        url: `/api/v1/compute/solve?investor=lead-vc&fraction=20%25&for=amount&set=${encodeURIComponent("pre-money=$20M")}`,
        headers: { "content-type": "application/yaml" },
        payload: yamlOf("examples/seed-to-series-a.yaml"),
      });
      expect(good.statusCode, good.body).toBe(200);
      const viaCli = await cli([
        "solve",
        "examples/seed-to-series-a.yaml",
        "--set",
        "pre-money=$20M",
        "--target",
        "lead-vc=20%",
        "--for",
        "amount",
        "--format",
        "json",
      ]);
      expect(good.json().solution).toEqual(JSON.parse(viaCli.stdout).solution);
      const bad = await as(app, team, {
        method: "POST",
        url: `/api/v1/compute/solve?investor=lead-vc&fraction=20%25&set=${encodeURIComponent("amzn=$50B")}`,
        headers: { "content-type": "application/yaml" },
        payload: yamlOf("examples/seed-to-series-a.yaml"),
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.problems[0].path).toBe("query.set");
    } finally {
      await app.close();
      await factory.cleanup();
    }
  });
});
