import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Rational } from "../../src/core/exact/rational.js";
import { cli, tempFile } from "../support/cli.js";

const examples = readdirSync("examples").filter((f) => f.endsWith(".yaml"));

describe("roundtable CLI (SPEC CLI-1)", () => {
  it("has examples to run", () => {
    expect(examples.length).toBeGreaterThanOrEqual(3);
  });

  it.each(examples)("model prints the pro forma of examples/%s, and validate passes", async (file) => {
    const validate = await cli(["validate", `examples/${file}`]);
    expect(validate.stderr).toBe("");
    expect(validate.code).toBe(0);
    const table = await cli(["model", `examples/${file}`]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/price per share/);
    const json = await cli(["model", `examples/${file}`, "--format", "json"]);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout);
    for (const key of ["pricePerShare", "preMoneyValuation", "postMoneyValuation", "newMoney"]) {
      expect(typeof report.round[key]).toBe("string");
      expect(Rational.parse(report.round[key]), key).toBeDefined();
    }
    let before = Rational.ZERO;
    let after = Rational.ZERO;
    for (const h of report.holders) {
      for (const key of ["name", "sharesBefore", "sharesAfter", "fullyDilutedBefore", "fullyDilutedAfter"])
        expect(h).toHaveProperty(key);
      expect(h.sharesBefore).toMatch(/^\d+$/);
      expect(h.sharesAfter).toMatch(/^\d+$/);
      before = before.add(Rational.parse(h.fullyDilutedBefore)!);
      after = after.add(Rational.parse(h.fullyDilutedAfter)!);
    }
    // OUT-2: the printed fractions sum to exactly 1.
    expect(after.toString()).toBe("1");
    expect(before.isZero() || before.eq(Rational.ONE)).toBe(true);
    const csv = await cli(["model", `examples/${file}`, "--format", "csv"]);
    expect(csv.code).toBe(0);
    expect(csv.stdout.split("\r\n")[0]).toBe(
      "holder,shares_before,fully_diluted_shares_before,fully_diluted_before,shares_after,fully_diluted_shares_after,fully_diluted_after,dilution,invested",
    );
  });

  it("prints the same JSON byte for byte on every run", async () => {
    const a = await cli(["model", "examples/openai-round.yaml", "--format", "json"]);
    const b = await cli(["model", "examples/openai-round.yaml", "--format", "json"]);
    expect(a.stdout).toBe(b.stdout);
  });

  it("--help works on every command, exit 0", async () => {
    for (const command of ["model", "validate", "solve", "captable"]) {
      const r = await cli([command, "--help"]);
      expect(r.code, command).toBe(0);
      expect(r.stdout, command).toMatch(/Usage: roundtable/);
    }
    expect((await cli(["--help"])).code).toBe(0);
    expect((await cli(["--version"])).stdout).toMatch(/\d+\.\d+\.\d+/);
  });

  it("wrong usage exits 2: unknown command, unknown option, missing argument, bad choice", async () => {
    expect((await cli(["frobnicate"])).code).toBe(2);
    expect((await cli(["model", "examples/openai-round.yaml", "--colour"])).code).toBe(2);
    expect((await cli(["model"])).code).toBe(2);
    const bad = await cli(["model", "examples/openai-round.yaml", "--format", "xml"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Allowed choices are table, json, csv/);
    expect((await cli(["solve", "examples/openai-round.yaml", "--target", "amazon"])).code).toBe(2);
    expect((await cli(["model", "examples/openai-round.yaml", "--round", "nope"])).code).toBe(2);
  });

  it("invalid input exits 1 with file:line:column and no stack trace", async () => {
    const file = tempFile(
      "bad.yaml",
      "roundtable: 1\ncompany: { name: X }\nstakeholders:\n  - { id: a, name: A, colour: red }\n",
    );
    const r = await cli(["validate", file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /bad\.yaml:4:\d+: stakeholders\[0\]\.colour: unknown field "colour" \(deal_invalid_field\)/,
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("a missing file, a directory and a binary file exit 1 with a clear message", async () => {
    const missing = await cli(["model", "no-such-deal.yaml"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(
      /no-such-deal\.yaml: cannot read the deal file: no such file \(file_unreadable\)/,
    );
    expect((await cli(["model", "examples"])).stderr).toMatch(/is a directory/);
    const binary = tempFile("deal.yaml", Buffer.from([0x00, 0x01, 0x02]));
    expect((await cli(["model", binary])).stderr).toMatch(/is a binary file/);
  });

  it("a ledger error exits 1 naming the transaction and field with its line", async () => {
    const file = tempFile(
      "over.yaml",
      `roundtable: 1
company: { name: X }
stakeholders: [{ id: a, name: A }, { id: b, name: B }]
classes: [{ id: common, name: Common, type: common }]
transactions:
  - { type: issue, date: 2021-01-01, holder: a, class: common, shares: 10 }
  - { type: transfer, date: 2021-02-01, from: a, to: b, class: common, shares: 11 }
`,
    );
    const r = await cli(["validate", file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /over\.yaml:7:\d+: transactions\[1\]\.shares: transaction t2 \(transfer, 2021-02-01\) transfers 11 Common shares from a, who holds 10 \(transfer_exceeds_holding\)/,
    );
  });

  it("captable shows the three views as of a date", async () => {
    const r = await cli([
      "captable",
      "examples/openai-round.yaml",
      "--as-of",
      "2026-01-01",
      "--format",
      "json",
    ]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.totals.fullyDiluted).toBe("10000000000");
    const later = JSON.parse(
      (await cli(["captable", "examples/openai-round.yaml", "--format", "json"])).stdout,
    );
    expect(BigInt(later.totals.fullyDiluted)).toBeGreaterThan(10_000_000_000n);
    expect((await cli(["captable", "examples/openai-round.yaml", "--as-of", "2026-13-01"])).code).toBe(2);
  });
});

describe("roundtable solve (SPEC SOLVE-1)", () => {
  it("finds the valuation that gives Amazon exactly its target before rounding, and reports what whole shares give", async () => {
    const r = await cli([
      "solve",
      "examples/openai-round.yaml",
      "--target",
      "amazon=10%",
      "--format",
      "json",
    ]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const { solution } = JSON.parse(r.stdout);
    // At the base scenario Amazon puts in $27B of $55B (examples/openai-round.yaml): with no
    // conversions or pool, 27B x u = 0.1 x (10B + 55B x u) gives u = 1/21.5: a price of
    // $21.50 and a $215B pre-money.
    expect(solution.exactPricePerShare).toBe("21.5");
    expect(solution.preMoneyValuation).toBe("215000000000");
    expect(
      Rational.parse(solution.achievedFraction)!
        .sub(Rational.parse("0.1")!)
        .abs()
        .lt(Rational.parse("1/1000000000")!),
    ).toBe(true);
  });

  it("finds the amount an investor must put in for a target, counting its existing stake", async () => {
    const r = await cli([
      "solve",
      "examples/openai-round.yaml",
      "--target",
      "microsoft=27%",
      "--for",
      "amount",
      "--format",
      "json",
    ]);
    expect(r.code).toBe(0);
    const { solution } = JSON.parse(r.stdout);
    // Microsoft holds 2.7B of 10B shares. At the base scenario the round is priced from an
    // $830B post-money and the others put in $50.5B. With Microsoft's new shares n and
    // u shares per dollar: (830B − 50.5B) u − n = 10B (ROUND-2) and
    // 2.7B + n = 0.27 (10B + 50.5B u + n). So u = 73/5,554, n = 681,750,000,000/2,777,
    // and the amount n/u = 1,363,500,000,000/73 = $18,678,082,191.78...
    expect(solution.amount).toBe(Rational.parse("1363500000000/73")!.toDecimalString());
  });

  it("refuses a target that cannot be reached, without printing a number", async () => {
    const r = await cli(["solve", "examples/openai-round.yaml", "--target", "softbank=99%"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/solve_infeasible/);
    expect(r.stdout).toBe("");
  });
});
