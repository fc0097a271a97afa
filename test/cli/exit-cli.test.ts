import { describe, expect, it } from "vitest";
import { Rational } from "../../src/core/exact/rational.js";
import { cli } from "../support/cli.js";

const DOWN = "examples/down-round.yaml";
const r = (s: string) => Rational.parse(s)!;

describe("roundtable exit (docs/spec/exit.md)", () => {
  it("--at: payouts per class and holder sum to the distributable amount, exactly", async () => {
    const out = await cli(["exit", DOWN, "--at", "15M;60M;1B", "--format", "json"]);
    expect(out.code).toBe(0);
    const report = JSON.parse(out.stdout);
    expect(report.outcomes.map((o: { exitValue: string }) => o.exitValue)).toEqual([
      "15000000",
      "60000000",
      "1000000000",
    ]);
    for (const o of report.outcomes) {
      const classes = Rational.sum(o.classes.map((c: { payout: string }) => r(c.payout)));
      // Holders' proceeds (options' strikes included, paid back in) add up to the distributable
      // amount exactly, as decimal strings too (OUT-2).
      const proceeds = Rational.sum(o.holders.map((h: { proceeds: string }) => r(h.proceeds)));
      expect(proceeds.toString()).toBe(r(o.distributable).toString());
      expect(classes.lte(r(o.distributable))).toBe(true);
    }
    // At $15M: Series B's $6M, Series A's $6M and A-1's $0.9M come first (senior), then Seed's $2M.
    const low = report.outcomes[0];
    const pay = (id: string) => low.classes.find((c: { id: string }) => c.id === id).payout;
    expect([pay("series-b"), pay("series-a"), pay("series-a1"), pay("seed")]).toEqual([
      "6000000",
      "6000000",
      "900000",
      "2000000",
    ]);
  });

  it("--breakpoints: exact exit values, and every class's payout function agrees with --at", async () => {
    const out = JSON.parse((await cli(["exit", DOWN, "--breakpoints", "--format", "json"])).stdout);
    const values = out.breakpoints.map((b: { exitValue: string }) => b.exitValue);
    expect(values.slice(0, 4)).toEqual(["0", "6000000", "12900000", "14900000"]);
    const at = JSON.parse(
      (await cli(["exit", DOWN, "--at", values.slice(1).join(";"), "--format", "json"])).stdout,
    );
    out.breakpoints.slice(1).forEach((b: { classes: { id: string; payout: string }[] }, i: number) => {
      for (const c of b.classes) {
        expect(
          at.outcomes[i].classes.find((x: { id: string }) => x.id === c.id).payout,
          `${values[i + 1]} ${c.id}`,
        ).toBe(c.payout);
      }
    });
  });

  it("--sweep: a CSV with one row per exit value", async () => {
    const out = await cli(["exit", DOWN, "--sweep", "0..100M", "--steps", "11"]);
    const lines = out.stdout.trim().split("\r\n");
    expect(lines).toHaveLength(12);
    expect(lines[0]!.startsWith("exit_value,")).toBe(true);
    expect(lines[11]!.startsWith("100000000,")).toBe(true);
  });

  it("--ipo: by price per share or by pre-IPO valuation", async () => {
    const byPrice = JSON.parse((await cli(["exit", DOWN, "--ipo", "$5/share", "--format", "json"])).stdout);
    expect(byPrice.pricePerShare).toBe("5");
    const founders = byPrice.holders.find((h: { id: string }) => h.id === "founders");
    expect(founders.value).toBe("30000000");
    const byValuation = JSON.parse(
      (await cli(["exit", DOWN, "--ipo", "$88736581", "--format", "json"])).stdout,
    );
    expect(byValuation.preIpoValuation).toBe("88736581");
  });

  it("an estimated exit value with --runs gives seeded payout percentiles", async () => {
    const a = await cli([
      "exit",
      DOWN,
      "--at",
      "between $10M and $100M",
      "--runs",
      "2000",
      "--seed",
      "3",
      "--format",
      "json",
    ]);
    const b = await cli([
      "exit",
      DOWN,
      "--at",
      "between $10M and $100M",
      "--runs",
      "2000",
      "--seed",
      "3",
      "--format",
      "json",
    ]);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const report = JSON.parse(a.stdout);
    const exit = report.exitValue;
    expect(Number(exit.p5)).toBeGreaterThanOrEqual(10e6);
    expect(Number(exit.p95)).toBeLessThanOrEqual(100e6);
  });

  it("wrong usage and bad values", async () => {
    expect((await cli(["exit", DOWN])).code).toBe(2);
    expect((await cli(["exit", DOWN, "--at", "1M", "--breakpoints"])).code).toBe(2);
    expect((await cli(["exit", DOWN, "--at", "-$5M"])).code).toBe(1);
    expect((await cli(["exit", DOWN, "--sweep", "1B"])).code).toBe(2);
    expect((await cli(["exit", DOWN, "--at", "lots"])).code).toBe(2);
  });

  it('EXIT-LIST-1: a comma only groups thousands; lists are separated by ";" or a repeated --at; anything else is refused', async () => {
    const payouts = async (...at: string[]) =>
      JSON.parse(
        (await cli(["exit", DOWN, ...at.flatMap((v) => ["--at", v]), "--format", "json"])).stdout,
      ).outcomes.map((o: { exitValue: string }) => o.exitValue);
    expect(await payouts("20,000,000")).toEqual(["20000000"]);
    expect(await payouts("20000000;10000000")).toEqual(["20000000", "10000000"]);
    expect(await payouts("20000000", "10000000")).toEqual(["20000000", "10000000"]);
    expect(await payouts("$1,500,000.50; 2.5M")).toEqual(["1500000.5", "2500000"]);
    // Read before this rule as 20,000,000.1 and 10.2: now refused, with how to write a list.
    for (const ambiguous of ["20000000,10000000", "10,20", "15M,60M", "2,5M", "1,50,000"]) {
      const r = await cli(["exit", DOWN, "--at", ambiguous]);
      expect(r.code, ambiguous).toBe(2);
      expect(r.stderr, ambiguous).toContain("exit_value_list_ambiguous");
      expect(r.stderr, ambiguous).toContain(
        'separate several exit values with ";" (15M;60M;1B) (or repeat --at)',
      );
    }
    expect((await cli(["exit", DOWN, "--at", "15M;;1B"])).code).toBe(2);
  });
});
