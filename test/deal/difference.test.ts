import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { capTableView, fractionOf } from "../../src/core/ledger/views.js";
import { runDeal } from "../../src/core/round/timeline.js";
import { dealDifference, documentDifference } from "../../src/deal/difference.js";
import { dealFrom } from "../support/deal.js";

const seed = readFileSync(new URL("../../examples/seed-to-series-a.yaml", import.meta.url), "utf8");
const openai = readFileSync(new URL("../../examples/openai-round.yaml", import.meta.url), "utf8");

describe("the difference between two versions of a deal (SPEC DEAL-DIFF-1)", () => {
  it("a version compared with itself has no difference", () => {
    for (const text of [seed, openai]) {
      const d = dealDifference(dealFrom(text), dealFrom(text));
      expect(d.records).toEqual([]);
      expect(d.proForma?.figures).toEqual([]);
      expect(d.proForma?.holders).toEqual([]);
    }
  });

  it("names the holders, terms and investments that changed, with the values as written", () => {
    const after = seed
      .replace("preMoney: $15M", "preMoney: $18M")
      .replace(
        "{ investor: lead-vc, amount: $4M, lead: true }",
        "{ investor: lead-vc, amount: $5M, lead: true }",
      )
      .replace("stakeholders:\n", "stakeholders:\n  - { id: dana, name: Dana Scott, type: individual }\n");
    const d = documentDifference(dealFrom(seed).document, dealFrom(after).document);
    expect(d).toEqual([
      {
        kind: "stakeholder",
        id: "dana",
        name: "Dana Scott",
        change: "added",
        fields: [
          { field: "id", before: undefined, after: "dana" },
          { field: "name", before: undefined, after: "Dana Scott" },
          { field: "type", before: undefined, after: "individual" },
        ],
      },
      {
        kind: "round",
        id: "series-a",
        name: "Series A",
        change: "changed",
        fields: [{ field: "preMoney", before: "$15M", after: "$18M" }],
      },
      {
        kind: "investment",
        id: "series-a/lead-vc",
        name: "Lead Ventures in Series A",
        nameFr: "Lead Ventures dans Series A",
        change: "changed",
        fields: [{ field: "amount", before: "$4M", after: "$5M" }],
      },
    ]);
  });

  it("lists removed claims and changed claim values", () => {
    const after = openai
      .replace(/ {2}- id: trio-60\n( {4}.*\n)+?(?= {2}- id:)/, "")
      .replace("value: up to $30B", "value: up to $25B");
    const d = documentDifference(
      dealFrom(openai).document,
      dealFrom(after.replace(/, trio-60/g, "")).document,
    );
    const claims = d.filter((c) => c.kind === "claim");
    expect(claims.map((c) => [c.id, c.change])).toEqual([
      ["softbank-30", "changed"],
      ["trio-60", "removed"],
    ]);
    expect(claims[0]!.fields).toEqual([{ field: "value", before: "up to $30B", after: "up to $25B" }]);
  });
});

describe("how the pro forma moved (SPEC DEAL-DIFF-2)", () => {
  it("gives the round's figures and each holder's ownership before and after, exactly", () => {
    const after = seed.replace("preMoney: $15M", "preMoney: $18M");
    const d = dealDifference(dealFrom(seed), dealFrom(after));
    const figures = new Map(d.proForma!.figures.map((f) => [f.figure, f]));
    expect(figures.get("pre_money")!.after!.amount.gt(figures.get("pre_money")!.before!.amount)).toBe(true);
    // A higher pre-money gives new investors less of the company.
    const lead = d.proForma!.holders.find((h) => h.id === "lead-vc")!;
    expect(lead.after!.lt(lead.before!)).toBe(true);
  });

  it("property: a holder is listed exactly when its fully diluted fraction after the round differs", () => {
    const fractions = (deal: ReturnType<typeof dealFrom>) => {
      const run = runDeal(deal.ledger, deal.rounds);
      if (!run.ok) throw new Error(run.problems[0]!.message);
      const view = capTableView(run.value.rounds.at(-1)!.after);
      return new Map(
        view.holders.map((h) => [h.holder as string, fractionOf(h.fullyDiluted, view.totals.fullyDiluted)]),
      );
    };
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 40 }), fc.integer({ min: 1, max: 9 }), (pre, lead) => {
        const a = dealFrom(seed);
        const b = dealFrom(
          seed
            .replace("preMoney: $15M", `preMoney: $${pre}M`)
            .replace("amount: $4M, lead: true", `amount: $${lead}M, lead: true`),
        );
        const d = dealDifference(a, b);
        const fa = fractions(a);
        const fb = fractions(b);
        const expected = [...fb]
          .filter(([id, f]) => !fa.get(id)!.eq(f))
          .map(([id, f]) => [id, fa.get(id)!.toString(), f.toString()]);
        expect(d.proForma!.holders.map((h) => [h.id, h.before!.toString(), h.after!.toString()])).toEqual(
          expected,
        );
      }),
      { numRuns: 8 },
    );
  });
});

describe("roundtable diff (SPEC DEAL-DIFF-3)", () => {
  it("prints the changes in words and the API's JSON with --format json", async () => {
    const { cli, tempFile } = await import("../support/cli.js");
    const newer = tempFile("newer.yaml", seed.replace("preMoney: $15M", "preMoney: $18M"));
    const text = await cli(["diff", "examples/seed-to-series-a.yaml", newer]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("~ round Series A (series-a) changed\n    preMoney: $15M → $18M\n");
    expect(text.stdout).toMatch(/Lead Ventures: 20\.00% → 17\.39% fully diluted/);
    const json = await cli(["diff", "examples/seed-to-series-a.yaml", newer, "--format", "json"]);
    const body = JSON.parse(json.stdout);
    expect(body.records[0]).toEqual({
      kind: "round",
      id: "series-a",
      name: "Series A",
      change: "changed",
      fields: [{ field: "preMoney", before: "$15M", after: "$18M" }],
    });
    const same = await cli(["diff", "examples/seed-to-series-a.yaml", "examples/seed-to-series-a.yaml"]);
    expect(same.stdout).toBe("No change to the deal's records.\n\nThe pro forma did not move.\n");
    const missing = await cli(["diff", "examples/seed-to-series-a.yaml", "nope.yaml"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("nope.yaml: cannot read the deal file");
  });
});
