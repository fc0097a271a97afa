import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { BackendFactory } from "../server/support/backends.js";
import { as, seedTeam, teamApp, yamlOf } from "../server/support/team.js";
import { cli, tempFile } from "../support/cli.js";

const OPENAI = "examples/openai-round.yaml";

/** openai-round.yaml with Nvidia's amount written in by hand. */
function nvidiaByHand(amount: string): string {
  const text = readFileSync(OPENAI, "utf8");
  const edited = text.replace(
    "- { investor: nvidia, closing: strategic }",
    `- { investor: nvidia, closing: strategic, amount: ${amount} }`,
  );
  expect(edited).not.toBe(text);
  return tempFile("openai-round.yaml", edited);
}

async function json(args: readonly string[]) {
  const r = await cli(args);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

/** A column without its claim ids and how its values came: the hand edit adds a terms claim. */
function figures(column: { claims: unknown; values: unknown }) {
  const { claims: _claims, values: _values, ...rest } = column;
  return rest;
}

describe("--set what-ifs on scenarios and simulate (SPEC DEAL-WHATIF-5)", () => {
  it("DEAL-WHATIF-5 scenarios --set nvidia=$20B prices every scenario as the file with Nvidia's $20B written in", async () => {
    const body = await json(["scenarios", OPENAI, "--set", "nvidia=$20B", "--format", "json"]);
    const byHand = await json(["scenarios", nvidiaByHand("$20B"), "--format", "json"]);
    expect(body.scenarios.map((s: { scenario: string }) => s.scenario)).toEqual([
      "low",
      "base",
      "high",
      "version-40",
      "version-60",
    ]);
    expect(body.scenarios.map(figures)).toEqual(byHand.scenarios.map(figures));
    for (const column of body.scenarios)
      expect(column.holders.find((h: { id: string }) => h.id === "nvidia")).toBeDefined();
    // One what-if per scenario compared, based on it; nothing contradicts $20B.
    expect(body.whatIf.map((w: { basedOn: string }) => w.basedOn)).toEqual(
      body.scenarios.map((s: { scenario: string }) => s.scenario),
    );
    expect(body.whatIf[0].settings).toEqual([
      {
        name: "nvidia",
        quantity: "round:round-2026/investment:nvidia",
        label: "Nvidia",
        unit: "money",
        value: "20000000000",
      },
    ]);
    expect(body.whatIf.every((w: { contradicted: unknown[] }) => w.contradicted.length === 0)).toBe(true);
    // Without --set the JSON has no whatIf field (the goldens stay as they are).
    expect((await json(["scenarios", OPENAI, "--format", "json"])).whatIf).toBeUndefined();
  });

  it("DEAL-WHATIF-5 scenarios lists the claims a what-if contradicts in each scenario; an unknown name lists the names", async () => {
    const body = await json([
      "scenarios",
      OPENAI,
      "--set",
      "amazon=$50B",
      "--set",
      "pre-money=$830B",
      "--format",
      "json",
    ]);
    const contradicted = Object.fromEntries(
      body.whatIf.map((w: { basedOn: string; contradicted: { id: string }[] }) => [
        w.basedOn,
        w.contradicted.map((c) => c.id),
      ]),
    );
    // trio-about-40 (the trio about $40B) cannot hold beside Amazon's $50B; trio-60 can.
    expect(contradicted).toEqual({
      low: ["trio-about-40"],
      base: ["trio-about-40"],
      high: ["trio-about-40"],
      "version-40": ["trio-about-40"],
      "version-60": [],
    });
    for (const column of body.scenarios) {
      expect(column.preMoneyValuation).toBe("830000000000");
      expect(column.claims).not.toContain("trio-about-40");
    }
    const text = await cli(["scenarios", OPENAI, "--set", "amazon=$50B"]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain(
      "base: What-if (based on the base scenario): Amazon = $50B\n  set aside, contradicted by the what-if: claim trio-about-40",
    );
    expect(text.stdout).toContain(
      "version-60: What-if (based on the version-60 scenario): Amazon = $50B\n  every claim of the scenario still holds",
    );
    const bad = await cli(["scenarios", OPENAI, "--set", "amzn=$50B"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("the names are amazon, nvidia, microsoft, softbank, pre-money");
    const scenario = await cli(["scenarios", OPENAI, "--scenario", "nope", "--set", "amazon=$50B"]);
    expect(scenario.code).toBe(2);
    expect(scenario.stderr).toContain('no scenario "nope"');
  });

  it("DEAL-WHATIF-5 simulate --set holds Nvidia at $20B: the same percentiles, byte for byte, as the file with it written in, whatever the workers", async () => {
    const args = ["--runs", "3000", "--seed", "7", "--format", "json"];
    const body = await json(["simulate", OPENAI, "--set", "nvidia=$20B", ...args]);
    const byHand = await json(["simulate", nvidiaByHand("$20B"), ...args]);
    const { whatIf, claims, ...figuresSet } = body;
    const { claims: handClaims, ...figuresHand } = byHand;
    expect(figuresSet).toEqual(figuresHand);
    // The hand edit's exact figure is a claim of the terms; the what-if's is a claim of its own.
    expect(claims).toContain("what-if:round:round-2026/investment:nvidia");
    expect(handClaims).toContain("terms:round:round-2026/investment:nvidia");
    const nvidia = body.quantities.find((q: { quantity: string }) =>
      q.quantity.endsWith("investment:nvidia"),
    );
    expect(nvidia.value.p5).toBe(nvidia.value.p95);
    expect(whatIf.basedOn).toBe("base");
    const twoWorkers = await cli(["simulate", OPENAI, "--set", "nvidia=$20B", ...args, "--workers", "2"]);
    expect(JSON.parse(twoWorkers.stdout)).toEqual(body);
    const oneWorker = await cli(["simulate", OPENAI, "--set", "nvidia=$20B", ...args, "--workers", "1"]);
    expect(oneWorker.stdout).toBe(twoWorkers.stdout);
  });

  it("DEAL-WHATIF-5 simulate lists a contradicted claim and keeps it out of the sampling; an unknown name lists the names", async () => {
    const body = await json([
      "simulate",
      OPENAI,
      "--set",
      "amazon=$50B",
      "--runs",
      "500",
      "--format",
      "json",
    ]);
    expect(body.whatIf.contradicted.map((c: { id: string }) => c.id)).toEqual(["trio-about-40"]);
    expect(body.claims).not.toContain("trio-about-40");
    const text = await cli(["simulate", OPENAI, "--set", "amazon=$50B", "--runs", "500"]);
    expect(text.stdout).toContain("set aside, contradicted by the what-if: claim trio-about-40");
    const bad = await cli(["simulate", OPENAI, "--set", "amzn=$50B", "--runs", "10"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("the names are amazon, nvidia");
  });

  it("DEAL-WHATIF-5 the API's scenarios and simulate take set= as the CLI's --set; a bad name is query.set", async () => {
    const factory = new BackendFactory("sqlite");
    const store = await factory.freshStore();
    const team = (await seedTeam(store)).viewer;
    const app = await teamApp(store);
    const set = `set=${encodeURIComponent("nvidia=$20B")}`;
    try {
      const scenarios = await as(app, team, {
        method: "POST",
        url: `/api/v1/compute/scenarios?${set}`,
        headers: { "content-type": "application/yaml" },
        payload: yamlOf(OPENAI),
      });
      expect(scenarios.statusCode, scenarios.body).toBe(200);
      expect(scenarios.json()).toEqual(
        await json(["scenarios", OPENAI, "--set", "nvidia=$20B", "--format", "json"]),
      );
      const started = await as(app, team, {
        method: "POST",
        url: `/api/v1/compute/simulate/jobs?runs=500&seed=3&${set}`,
        headers: { "content-type": "application/yaml" },
        payload: yamlOf(OPENAI),
      });
      expect(started.statusCode, started.body).toBe(202);
      let job = started.json().job;
      for (let i = 0; i < 2000 && job.status === "running"; i++) {
        await new Promise((r) => setTimeout(r, 10));
        job = (await as(app, team, { method: "GET", url: `/api/v1/jobs/${job.id}` })).json().job;
      }
      expect(job.status).toBe("succeeded");
      expect(job.result).toEqual(
        await json([
          "simulate",
          OPENAI,
          "--set",
          "nvidia=$20B",
          "--runs",
          "500",
          "--seed",
          "3",
          "--format",
          "json",
        ]),
      );
      const bad = await as(app, team, {
        method: "POST",
        url: `/api/v1/compute/scenarios?set=${encodeURIComponent("amzn=$50B")}`,
        headers: { "content-type": "application/yaml" },
        payload: yamlOf(OPENAI),
      });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.problems[0].path).toBe("query.set");
    } finally {
      await app.close();
      await factory.cleanup();
    }
  });
});
