import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Rational } from "../../src/core/exact/rational.js";
import { cli, tempFile } from "../support/cli.js";

const AI = "examples/ai-ecosystem.yaml";
const CLOUD = "examples/cloud-partners.yaml";

describe("roundtable flows and exposure (docs/spec/flows.md)", () => {
  it("flows prints the investments, the suppliers' share, the agreements and the net cash", async () => {
    const out = await cli(["flows", CLOUD]);
    expect(out.code).toBe(0);
    // Rounds by their display names, money compact (issue 16).
    expect(out.stdout).toMatch(
      /Helios Cloud in Nimbus AI\s+Series B\s+\$50M\s+\$40M\s+\$14M\s+\$10M\s+80\.00%\s+\$23\.04\n/,
    );
    expect(out.stdout).toMatch(/Nimbus AI Series B\s+\$80M\s+\$50M\s+62\.50%\s+Helios Cloud/);
    expect(out.stdout).toMatch(/Helios Cloud\s+-\$13M/);
    expect(out.stdout).not.toContain("series-b");
    // The exact amounts with --exact, the rounds' ids beside their names with --ids.
    const exact = await cli(["flows", CLOUD, "--exact", "--ids"]);
    expect(exact.stdout).toMatch(
      /Helios Cloud in Nimbus AI\s+Series B \[series-b\]\s+\$50,000,000\.00\s+\$40,000,000\.00\s+\$14,000,000\.00\s+\$10,000,000\.00\s+80\.00%\s+\$23\.040000/,
    );
    expect(exact.stdout).toMatch(/Helios Cloud\s+-\$13,000,000\.00/);
  });

  it("flows and exposure in French (APP-9): French words, numbers and agreement kinds", async () => {
    const out = await cli(["flows", CLOUD, "--lang", "fr"]);
    expect(out.code).toBe(0);
    expect(out.stdout).toContain("flux de capitaux (le scénario de base)");
    expect(out.stdout).toMatch(
      /Helios Cloud dans Nimbus AI\s+Series B\s+50 M\$\s+40 M\$\s+14 M\$\s+10 M\$\s+80,00 %/,
    );
    expect(out.stdout).toMatch(
      /Nimbus compute commitment\s+capacité de calcul \(cloud\)\s+Nimbus AI → Helios Cloud/,
    );
    const runs = await cli(["flows", AI, "--runs", "50", "--lang", "fr"]);
    expect(runs.stdout).toContain("Taux d'aller-retour");
    expect(runs.stdout).toMatch(/50 scénarios, graine 1/);
    const exposure = await cli(["exposure", CLOUD, "helios", "--lang", "fr"]);
    expect(exposure.stdout).toContain("Exposition de Helios Cloud dans");
    expect(exposure.stdout).toMatch(/Cirrus Robotics\s+12,0000 %\s+15 M\$\s+200 M\$\s+24 M\$\s+0 \$/);
    for (const english of ["Investment", "Agreements", "Ownership", "scenarios", " in "])
      expect(`${out.stdout}${runs.stdout}${exposure.stdout}`).not.toContain(english);
  });

  it("flows --format json: the Sankey's links are money and the net cash sums to zero", async () => {
    const out = await cli(["flows", AI, "--format", "json"]);
    expect(out.code).toBe(0);
    const report = JSON.parse(out.stdout);
    expect(report.scenario.name).toBe("base");
    const total = Rational.sum(report.netCash.map((n: { net: string }) => Rational.parse(n.net)!));
    expect(total.isZero()).toBe(true);
    expect(report.sankey.links.length).toBeGreaterThan(0);
    for (const l of report.sankey.links) expect(Number(l.value)).toBeGreaterThan(0);
    expect(report.graph.links.filter((l: { kind: string }) => l.kind === "stake").length).toBeGreaterThan(0);
  });

  it("flows --format csv: one row per investment, with exact decimals", async () => {
    const out = await cli(["flows", CLOUD, "--format", "csv"]);
    const lines = out.stdout.trim().split(/\r?\n/);
    expect(lines[0]).toBe(
      "company,round,investor,gross,returned,returned_profit,net_cash,round_trip_ratio,effective_price_per_share",
    );
    expect(lines).toContain("nimbus,series-b,helios,50000000,40000000,14000000,10000000,0.8,23.04");
  });

  it("flows --scenario picks a scenario of the claims; an unknown one is refused", async () => {
    const sixty = JSON.parse(
      (await cli(["flows", AI, "--scenario", "version-60", "--format", "json"])).stdout,
    );
    expect(sixty.scenario.name).toBe("version-60");
    const bad = await cli(["flows", AI, "--scenario", "nope"]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/nope/);
  });

  it("flows --runs: percentiles of the round-trip ratios; the same seed gives the same bytes", async () => {
    const a = await cli(["flows", AI, "--runs", "300", "--seed", "7", "--format", "json"]);
    const b = await cli(["flows", AI, "--runs", "300", "--seed", "7", "--format", "json"]);
    const c = await cli(["flows", AI, "--runs", "300", "--seed", "8", "--format", "json"]);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(c.stdout).not.toBe(a.stdout);
    const sim = JSON.parse(a.stdout);
    const amazon = sim.investments.find((i: { investor: string }) => i.investor === "amazon");
    expect(Number(amazon.roundTripRatio.p5)).toBeLessThan(Number(amazon.roundTripRatio.p95));
    const microsoft = sim.investments.find((i: { investor: string }) => i.investor === "microsoft");
    expect(microsoft.roundTripRatio.p95).toBe("0");
    const table = await cli(["flows", AI, "--runs", "200"]);
    expect(table.stdout).toMatch(/Round-trip ratio/);
  });

  it("exposure: ownership, invested amount, value and agreement revenue per company", async () => {
    const out = await cli(["exposure", CLOUD, "helios", "--format", "json"]);
    expect(out.code).toBe(0);
    const report = JSON.parse(out.stdout);
    expect(report.totals).toMatchObject({
      invested: "74000000",
      value: "83000000",
      agreementRevenue: "46000000",
    });
    const table = await cli(["exposure", CLOUD, "helios"]);
    expect(table.stdout).toMatch(/Cirrus Robotics\s+12\.0000%\s+\$15M\s+\$200M\s+\$24M\s+\$0/);
    const exact = await cli(["exposure", CLOUD, "helios", "--exact"]);
    expect(exact.stdout).toMatch(
      /Cirrus Robotics\s+12\.0000%\s+\$15,000,000\.00\s+\$200,000,000\.00\s+\$24,000,000\.00\s+\$0\.00/,
    );
  });

  it("exposure --valuation values a company at the given amount", async () => {
    const out = JSON.parse(
      (await cli(["exposure", CLOUD, "helios", "--valuation", "nimbus=$800M", "--format", "json"])).stdout,
    );
    expect(out.companies.find((c: { company: string }) => c.company === "nimbus").value).toBe("100000000");
  });

  it("bad input: an unknown investor, a bad --valuation, a bad --runs, a deal file, a missing file", async () => {
    const unknown = await cli(["exposure", CLOUD, "ghost"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no party "ghost" in the workspace; its parties are/);
    const valuation = await cli(["exposure", CLOUD, "helios", "--valuation", "nimbus:800M"]);
    expect(valuation.code).toBe(2);
    expect(valuation.stderr).toMatch(/--valuation takes company=amount/);
    const runs = await cli(["flows", CLOUD, "--runs", "0"]);
    expect(runs.code).toBe(2);
    expect(runs.stderr).toMatch(/--runs takes a whole number/);
    const deal = await cli(["flows", "examples/down-round.yaml"]);
    expect(deal.code).not.toBe(0);
    expect(deal.stderr).toMatch(/examples\/down-round\.yaml:1:1: this is a deal file of one company/);
    const missing = await cli(["flows", "examples/none.yaml"]);
    expect(missing.stderr).toMatch(/examples\/none\.yaml: cannot read the workspace file: no such file/);
    for (const r of [unknown, valuation, runs, deal, missing]) expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("a workspace without uncertain figures has nothing to sample", async () => {
    const text = readFileSync(CLOUD, "utf8").replace("value: between $5M and $15M", "value: $10M");
    const file = tempFile("ws.yaml", text);
    const out = await cli(["flows", file, "--runs", "10"]);
    expect(out.code).not.toBe(0);
    expect(out.stderr).toMatch(/no uncertain figures/);
  });

  it("a company file is read relative to the workspace, and errors in it name that file", async () => {
    const dir = path.dirname(tempFile("x", ""));
    const ws = tempFile(
      "ws.yaml",
      `roundtable: 1\nworkspace: { name: W }\ncompanies:\n  - { id: a, file: ../a.yaml }\n`,
    );
    const out = await cli(["flows", ws], { cwd: dir });
    expect(out.code).not.toBe(0);
    expect(out.stderr).toMatch(/companies\[0\]\.file: company a: cannot read \.\.\/a\.yaml: no such file/);
  });

  it("validate accepts a workspace and model refuses one with a pointer", async () => {
    const v = await cli(["validate", CLOUD]);
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(
      /valid workspace — 3 companies, 9 parties, 3 agreements, 1 declared stake, 2 rounds/,
    );
    const m = await cli(["model", CLOUD]);
    expect(m.code).not.toBe(0);
    expect(m.stderr).toMatch(/this is a workspace file .*flows, exposure and validate take workspaces/);
  });
});
