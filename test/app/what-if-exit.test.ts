import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { exit } from "../../src/app/exit.js";
import { loadDeal } from "../../src/deal/load.js";
import { exitJson, exitJsonChunks } from "../../src/report/exit-report.js";
import { jsonText } from "../../src/report/text-formats.js";
import { BackendFactory } from "../server/support/backends.js";
import { as, seedTeam, teamApp, yamlOf } from "../server/support/team.js";
import { cli, tempFile } from "../support/cli.js";

const SEED = readFileSync("examples/seed-to-series-a.yaml", "utf8");

describe("--set what-ifs on exit, CLI and API (SPEC DEAL-WHATIF-1..4)", () => {
  it("DEAL-WHATIF-3 exit --set pre-money=$20M pays out as the file with that pre-money written in", async () => {
    const args = ["--at", "30M;120M", "--format", "json"];
    const r = await cli(["exit", "examples/seed-to-series-a.yaml", "--set", "pre-money=$20M", ...args]);
    expect(r.code, r.stderr).toBe(0);
    const { whatIf, ...body } = JSON.parse(r.stdout);
    expect(whatIf.settings[0].quantity).toBe("round:series-a/valuation:pre");
    const edited = tempFile("seed-to-series-a.yaml", SEED.replace("preMoney: $15M", "preMoney: $20M"));
    const byHand = JSON.parse((await cli(["exit", edited, ...args])).stdout);
    // The figures are the hand edit's; only the scenario's name differs.
    expect({ ...body, scenario: null }).toEqual({ ...byHand, scenario: null });
    // Without --set, the JSON has no whatIf key (the contract of the goldens).
    const plain = JSON.parse((await cli(["exit", "examples/seed-to-series-a.yaml", ...args])).stdout);
    expect(plain).not.toHaveProperty("whatIf");
  });

  it("DEAL-WHATIF-1 the breakpoints' JSON in pieces equals the whole JSON with the what-if last", async () => {
    const loaded = loadDeal(SEED, "seed-to-series-a.yaml");
    if (!loaded.ok) throw new Error("load");
    const input = exit.input.parse({ breakpoints: "true", set: ["pre-money=$20M"] });
    const report = await exit.run(loaded.deal, input);
    if (!report.ok) throw new Error(report.problems[0]!.message);
    expect(report.value.whatIf).toBeDefined();
    const whole = jsonText(exitJson(report.value));
    expect([...exitJsonChunks(report.value)].join("")).toBe(whole);
    expect(Object.keys(JSON.parse(whole)).at(-1)).toBe("whatIf");
  });

  it("DEAL-WHATIF-2 a contradicted claim is listed in the table; an unknown name lists the names, exit 2", async () => {
    const text = await cli(["exit", "examples/openai-round.yaml", "--at", "1T", "--set", "amazon=$50B"]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain("What-if (based on the base scenario): Amazon = $50B");
    expect(text.stdout).toContain("set aside, contradicted by the what-if: claim trio-about-40");
    const bad = await cli(["exit", "examples/openai-round.yaml", "--at", "1T", "--set", "amzn=$50B"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      '--set names "amzn", which the deal does not have; the names are amazon, nvidia',
    );
  });

  it("DEAL-WHATIF-4 the API's exit takes set= as the CLI does, and names a bad one at query.set", async () => {
    const factory = new BackendFactory("sqlite");
    const store = await factory.freshStore();
    const team = (await seedTeam(store)).viewer;
    const app = await teamApp(store);
    try {
      const good = await as(app, team, {
        method: "POST",
        url: `/api/v1/compute/exit?at=${encodeURIComponent("30M;120M")}&set=${encodeURIComponent("pre-money=$20M")}`,
        headers: { "content-type": "application/yaml" },
        payload: yamlOf("examples/seed-to-series-a.yaml"),
      });
      expect(good.statusCode, good.body).toBe(200);
      const viaCli = await cli([
        "exit",
        "examples/seed-to-series-a.yaml",
        "--at",
        "30M;120M",
        "--set",
        "pre-money=$20M",
        "--format",
        "json",
      ]);
      expect(good.json()).toEqual(JSON.parse(viaCli.stdout));
      const bad = await as(app, team, {
        method: "POST",
        url: `/api/v1/compute/exit?at=1B&set=${encodeURIComponent("amzn=$50B")}`,
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
