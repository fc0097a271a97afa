import { describe, expect, it } from "vitest";
import { Rational } from "../../src/core/exact/rational.js";
import { cli, tempFile } from "../support/cli.js";

const OPENAI = "examples/openai-round.yaml";

describe("roundtable claims (SPEC UNC-REC, issue: the founding report)", () => {
  it("shows the conflict between the two subtotals, explained, and each reading's exact ranges", async () => {
    const r = await cli(["claims", OPENAI, "--format", "json"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.consistent).toBe(false);
    expect(report.conflicts).toHaveLength(1);
    expect(report.conflicts[0].claims).toEqual(["trio-about-40", "trio-60"]);
    expect(report.conflicts[0].explanation).toMatch(
      /at most \$44B, but claim "trio-60" .* needs at least \$60B/,
    );
    // The caps (50 + 30 + less than 10) against each subtotal: a gap, not a conflict.
    expect(report.gaps.map((g: { claim: string }) => g.claim)).toEqual(["trio-about-40", "trio-60"]);
    expect(report.gaps[1].text).toMatch(/add up to \$90B, more than the \$60B/);
    const sixty = report.readings.find((x: { dropped: string[] }) => x.dropped.includes("trio-about-40"));
    const amazon = sixty.ranges.find(
      (q: { quantity: string }) => q.quantity === "round:round-2026/investment:amazon",
    );
    // With the $60B subtotal, Nvidia <= $30B and Microsoft < $10B: Amazon > $20B (open), <= $50B.
    expect([amazon.min, amazon.minAttained, amazon.max, amazon.maxAttained]).toEqual([
      "20000000000",
      false,
      "50000000000",
      true,
    ]);
  });

  it("APP-5: the table names the conflict and the readings by what the claims say, ids with --ids", async () => {
    const r = await cli(["claims", OPENAI]);
    expect(r.stdout).toMatch(/Conflicts \(1\)/);
    expect(r.stdout).toContain(
      '"Amazon + Nvidia + Microsoft: $60B" needs Amazon + Nvidia + Microsoft to be at least $60B, but "Amazon + Nvidia + Microsoft: about $40B" allows at most $44B.',
    );
    expect(r.stdout).toMatch(
      /Reading 1 \(the default: heaviest\): without Amazon \+ Nvidia \+ Microsoft: \$60B — weight 1\.54\n/,
    );
    expect(r.stdout).toMatch(/Amazon\s+\(\$20B, \$50B\]/);
    expect(r.stdout).not.toContain("trio-60");
    const ids = await cli(["claims", OPENAI, "--ids"]);
    expect(ids.stdout).toContain("without Amazon + Nvidia + Microsoft: $60B [trio-60]");
    const none = await cli(["claims", "examples/down-round.yaml"]);
    expect(none.stdout).not.toContain("(claims: )");
  });

  it("a claim set of the user's own", async () => {
    const r = await cli([
      "claims",
      OPENAI,
      "--claims",
      "trio-60,nvidia-30,microsoft-under-10",
      "--format",
      "json",
    ]);
    const report = JSON.parse(r.stdout);
    const amazon = report.chosen.ranges.find(
      (q: { quantity: string }) => q.quantity === "round:round-2026/investment:amazon",
    );
    expect([amazon.min, amazon.minAttained]).toEqual(["20000000000", false]);
    expect(amazon.max).toBe("60000000000");
    expect((await cli(["claims", OPENAI, "--claims", "nope"])).code).toBe(2);
  });

  it("prints that a deal without claims has none", async () => {
    const file = tempFile("plain.yaml", "roundtable: 1\ncompany: { name: Plain }\n");
    const r = await cli(["claims", file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/has no claims/);
  });
});

describe("roundtable scenarios (SPEC UNC-SCN)", () => {
  it("compares low, base, high and the deal's own scenarios with the exact engine", async () => {
    const r = await cli(["scenarios", OPENAI, "--format", "json"]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.scenarios.map((s: { scenario: string }) => s.scenario)).toEqual([
      "low",
      "base",
      "high",
      "version-40",
      "version-60",
    ]);
    const sixty = report.scenarios[4];
    // Base of the $60B reading: Amazon $35B, Nvidia $20B, Microsoft $5B, SoftBank $15B (UNC-SCN-2).
    const value = (q: string) => sixty.values.find((v: { quantity: string }) => v.quantity === q)?.value;
    expect(value("round:round-2026/investment:amazon")).toBe("35000000000");
    expect(value("round:round-2026/investment:nvidia")).toBe("20000000000");
    expect(value("round:round-2026/investment:microsoft")).toBe("5000000000");
    // The model of the same scenario gives the same post-money.
    const model = JSON.parse(
      (await cli(["model", OPENAI, "--scenario", "version-60", "--format", "json"])).stdout,
    );
    expect(model.round.postMoneyValuation).toBe(sixty.postMoneyValuation);
    expect(model.scenario.name).toBe("version-60");
  });

  it("an unknown scenario is wrong usage", async () => {
    expect((await cli(["model", OPENAI, "--scenario", "nope"])).code).toBe(2);
  });
});

describe("roundtable simulate (SPEC UNC-SIM)", () => {
  it("a fixed seed reproduces the result byte for byte, for any number of workers", async () => {
    const a = await cli(["simulate", OPENAI, "--runs", "3000", "--seed", "42", "--json"]);
    const b = await cli(["simulate", OPENAI, "--runs", "3000", "--seed", "42", "--json", "--workers", "2"]);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const c = await cli(["simulate", OPENAI, "--runs", "3000", "--seed", "43", "--json"]);
    expect(c.stdout).not.toBe(a.stdout);
    const report = JSON.parse(a.stdout);
    expect(report.valid).toBe(3000);
    // Every statistic is a decimal string (OUT-4), and percentiles are ordered.
    const { p5, p50, p95 } = report.roundSize;
    expect([p5, p50, p95].every((x: string) => /^\d+(\.\d+)?$/.test(x))).toBe(true);
    expect(Number(p5) <= Number(p50) && Number(p50) <= Number(p95)).toBe(true);
    // The about-$40B reading: the trio's sum stays within [$36B, $44B].
    const amazon = report.quantities.find((q: { quantity: string }) =>
      q.quantity.endsWith("investment:amazon"),
    ).value;
    expect(Number(amazon.min)).toBeGreaterThanOrEqual(10e9);
    expect(Number(amazon.max)).toBeLessThanOrEqual(44e9);
  });

  it("a down round goes to the exact engine whenever a protected class would adjust", async () => {
    const r = await cli(["simulate", "examples/down-round.yaml", "--runs", "40", "--json"]);
    const report = JSON.parse(r.stdout);
    expect(report.exactScenarios).toBe(40);
    const model = JSON.parse((await cli(["model", "examples/down-round.yaml", "--format", "json"])).stdout);
    const base = Rational.parse(model.round.postMoneyValuation)!.toNumber();
    expect(Number(report.postMoneyValuation.min)).toBeLessThan(base);
    expect(Number(report.postMoneyValuation.max)).toBeGreaterThan(base);
  });

  it("bad options are wrong usage", async () => {
    expect((await cli(["simulate", OPENAI, "--runs", "0"])).code).toBe(2);
    expect((await cli(["simulate", OPENAI, "--seed", "x"])).code).toBe(2);
  });
});
