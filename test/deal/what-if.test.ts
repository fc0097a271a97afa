import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Rational } from "../../src/core/exact/rational.js";
import type { RoundOutcome } from "../../src/core/round/price-round.js";
import { runDeal } from "../../src/core/round/timeline.js";
import type { Deal } from "../../src/deal/build.js";
import { withScenario } from "../../src/deal/build.js";
import { applyWhatIfs, parseWhatIfSetting, type WhatIfSetting, whatIfNames } from "../../src/deal/what-if.js";
import { dealFrom } from "../support/deal.js";

const openai = readFileSync(new URL("../../examples/openai-round.yaml", import.meta.url), "utf8");
const seed = readFileSync(new URL("../../examples/seed-to-series-a.yaml", import.meta.url), "utf8");

function settings(...texts: string[]): WhatIfSetting[] {
  return texts.map((t) => {
    const p = parseWhatIfSetting(t);
    if (!p.ok) throw new Error(p.problems[0]!.message);
    return p.value;
  });
}

function lastRound(deal: Deal): RoundOutcome {
  const run = runDeal(deal.ledger, deal.rounds);
  if (!run.ok) throw new Error(run.problems[0]!.message);
  return run.value.rounds[run.value.rounds.length - 1]!;
}

/** The fields of a priced round that a what-if must reproduce, as exact text. */
function summary(o: RoundOutcome) {
  return {
    price: o.pricePerShare.amount.toString(),
    pre: o.preMoneyValuation.amount.toString(),
    post: o.postMoneyValuation.amount.toString(),
    newMoney: o.newMoney.amount.toString(),
    shares: o.investments.map((i) => `${i.investor}:${i.shares}`).join(","),
    poolIncrease: o.poolIncrease.toString(),
  };
}

describe("what-ifs: NAME=VALUE (SPEC DEAL-WHATIF-1)", () => {
  it("reads the name and everything after the first =", () => {
    const p = parseWhatIfSetting("pre-money=$830B");
    expect(p.ok && p.value).toEqual({ name: "pre-money", value: "$830B" });
    const q = parseWhatIfSetting(" amazon = 50 Md$ ");
    expect(q.ok && q.value).toEqual({ name: "amazon", value: "50 Md$" });
  });

  it.each(["amazon", "=5", "amazon=", ""])("refuses %j with how to write one", (text) => {
    const p = parseWhatIfSetting(text);
    expect(p.ok).toBe(false);
    if (!p.ok) {
      expect(p.problems[0]!.code).toBe("what_if_invalid");
      expect(p.problems[0]!.message).toContain("NAME=VALUE");
    }
  });
});

describe("what-if names (SPEC DEAL-WHATIF-2)", () => {
  it("names the modelled round's figures as a person would, and every round's by ROUND.name", () => {
    const names = whatIfNames(dealFrom(openai).document);
    const of = (name: string) => names.find((n) => n.name === name)?.quantity;
    expect(of("amazon")).toBe("round:round-2026/investment:amazon");
    expect(of("pre-money")).toBe("round:round-2026/valuation:pre");
    expect(of("post-money")).toBe("round:round-2026/valuation:post");
    expect(of("round-size")).toBe("round:round-2026/size");
    expect(of("microsoft-stake")).toBe("holder:microsoft/stake");
    expect(of("round-2026.nvidia")).toBe("round:round-2026/investment:nvidia");
  });

  it("names an investor by its id and by its display name", () => {
    const names = whatIfNames(dealFrom(seed).document);
    const of = (name: string) => names.find((n) => n.name === name)?.quantity;
    expect(of("lead-vc")).toBe("round:series-a/investment:lead-vc");
    expect(of("lead-ventures")).toBe("round:series-a/investment:lead-vc");
  });

  it("an unknown name is refused with the names the deal has", () => {
    const r = applyWhatIfs(dealFrom(openai), settings("amzn=$50B"));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]!.code).toBe("what_if_unknown_name");
    for (const name of ["amazon", "nvidia", "pre-money", "post-money", "round-size", "microsoft-stake"])
      expect(r.problems[0]!.message).toContain(name);
  });

  it("accepts full quantity ids", () => {
    const a = applyWhatIfs(dealFrom(openai), settings("round:round-2026/investment:amazon=$45B"));
    const b = applyWhatIfs(dealFrom(openai), settings("amazon=$45B"));
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) expect(summary(lastRound(a.value.deal))).toEqual(summary(lastRound(b.value.deal)));
  });
});

describe("what-ifs price the deal as written by hand (SPEC DEAL-WHATIF-3)", () => {
  it("an exact deal: pre-money=$20M prices as the file with preMoney: $20M", () => {
    const r = applyWhatIfs(dealFrom(seed), settings("pre-money=$20M"));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const byHand = dealFrom(seed.replace("preMoney: $15M", "preMoney: $20M"));
    expect(summary(lastRound(r.value.deal))).toEqual(summary(lastRound(byHand)));
    expect(r.value.whatIf.contradicted).toEqual([]);
    // The stated pre-money is the what-if's; the priced one differs by the rounded price, as by hand.
    const terms = r.value.deal.rounds.at(-1)!;
    expect(terms.pricing.basis).toBe("pre_money");
    expect(terms.pricing.value.amount.eq(Rational.of(20_000_000n))).toBe(true);
  });

  it("property: any exact lead amount prices as the file with that amount", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 50_000_000n }), (dollars) => {
        const r = applyWhatIfs(dealFrom(seed), settings(`lead-vc=${dollars}`));
        if (!r.ok) throw new Error(r.problems[0]!.message);
        const byHand = dealFrom(seed.replace("amount: $4M, lead: true", `amount: ${dollars}, lead: true`));
        expect(summary(lastRound(r.value.deal))).toEqual(summary(lastRound(byHand)));
      }),
      { numRuns: 15 },
    );
  });

  it("a deal of claims: amazon=$50B and pre-money=$830B drop only the claim they contradict", () => {
    const r = applyWhatIfs(dealFrom(openai), settings("amazon=$50B", "pre-money=$830B"));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // "about $40B" for the trio cannot hold with Amazon alone at $50B.
    expect(r.value.whatIf.contradicted.map((c) => c.id)).toEqual(["trio-about-40"]);
    const o = lastRound(r.value.deal);
    expect(o.preMoneyValuation.amount.toString()).toBe("830000000000");
    const amazon = r.value.deal.rounds.at(-1)!.investments.find((i) => i.investor === "amazon");
    expect(amazon?.amount?.amount.toString()).toBe("50000000000");
    // The reference: the same reading written by hand as a scenario of the file.
    const byHand = dealFrom(
      openai.replace(
        "scenarios:\n",
        `scenarios:\n  - id: by-hand\n    claims: [${r.value.deal.scenario!.claims.filter((c) => !c.startsWith("terms:")).join(", ")}]\n    values: { round:round-2026/investment:amazon: $50B, round:round-2026/valuation:pre: $830B }\n`,
      ),
    );
    const scenario = withScenario(byHand, "by-hand");
    expect(scenario.ok).toBe(true);
    if (scenario.ok) expect(summary(o)).toEqual(summary(lastRound(scenario.value)));
  });

  it("starts from the chosen scenario: in version-60, amazon=$50B keeps the $60B subtotal", () => {
    const r = applyWhatIfs(dealFrom(openai), settings("amazon=$50B"), { scenario: "version-60" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.whatIf.basedOn).toBe("version-60");
    expect(r.value.whatIf.contradicted).toEqual([]);
    const inv = r.value.deal.rounds.at(-1)!.investments;
    const sum = ["amazon", "nvidia", "microsoft"]
      .map((id) => inv.find((i) => i.investor === id)!.amount!.amount)
      .reduce((a, b) => a.add(b));
    expect(sum.toString()).toBe("60000000000");
  });
});

describe("what-ifs that cannot hold (SPEC DEAL-WHATIF-4)", () => {
  const refused = (deal: string, texts: string[], code: string, words: string) => {
    const r = applyWhatIfs(dealFrom(deal), settings(...texts));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]!.code).toBe(code);
    expect(r.problems[0]!.message).toContain(words);
  };
  it("a value that contradicts a figure the deal states", () =>
    refused(seed, ["round-size=$50M"], "what_if_invalid", "the deal's own figure"));
  it("values that cannot hold together", () =>
    refused(
      openai,
      ["pre-money=$800B", "post-money=$830B", "round-size=$60B"],
      "what_if_invalid",
      "cannot hold together",
    ));
  it("an estimate instead of a value", () =>
    refused(openai, ["amazon=up to $50B"], "what_if_invalid", "exact amount"));
  it("another currency", () => refused(openai, ["amazon=50 Md€"], "what_if_invalid", "in USD"));
  it("a negative amount", () => refused(openai, ["amazon=-$5B"], "what_if_invalid", "negative"));
  it("a stake that is not a fraction", () =>
    refused(openai, ["microsoft-stake=$5B"], "what_if_invalid", "exact fraction"));
  it("the same figure twice", () =>
    refused(openai, ["amazon=$5B", "round:round-2026/investment:amazon=$6B"], "what_if_invalid", "twice"));
  it("an unknown base scenario", () => {
    const r = applyWhatIfs(dealFrom(openai), settings("amazon=$5B"), { scenario: "nope" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.message).toContain("version-60");
  });
});
