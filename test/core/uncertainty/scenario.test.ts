import { describe, expect, it } from "vitest";
import { rat } from "../../../src/core/exact/rational.js";
import { priceRound } from "../../../src/core/round/price-round.js";
import type { ClaimId } from "../../../src/core/uncertainty/claim.js";
import { reconcile } from "../../../src/core/uncertainty/reconcile.js";
import { buildRoundTerms } from "../../../src/core/uncertainty/round-template.js";
import {
  compareScenarios,
  resolveScenario,
  type Scenario,
  STANDARD_SCENARIOS,
  valuesOf,
} from "../../../src/core/uncertainty/scenario.js";
import { claimTimeline, compareEstimates } from "../../../src/core/uncertainty/timeline.js";
import {
  estimate,
  FOUNDING,
  foundingCapTable,
  foundingClaimInputs,
  foundingClaimSet,
  foundingTemplate,
} from "../../support/round-fixtures.js";

const B = (n: number | string) => rat(String(n)).mul(rat(10n ** 9n));
const set = foundingClaimSet();
const rec = reconcile(set, { ranges: false });
const sixty = rec.readings.find((r) => r.claims.includes("group-60" as ClaimId))!.claims;

function resolve(s: Scenario, claims = sixty) {
  const r = resolveScenario(set, s, claims);
  if (!r.ok) throw new Error(r.problems[0]!.message);
  return valuesOf(r.value);
}

describe("UNC-SCN-1..3 scenarios resolve to consistent exact values", () => {
  it("base under the $60B reading, quantity by quantity (hand-checked)", () => {
    // Direct claims first, in model order, each at the midpoint of its range given the values
    // fixed before it (UNC-SCN-2). Amazon: A + N + M = 60 with N ≤ 30 and M < 10 gives
    // A ∈ (20, 50], midpoint 35. Nvidia, given A = 35: N + M = 25 with M < 10 gives
    // N ∈ (15, 25], midpoint 20. Microsoft: 60 − 35 − 20 = 5. SoftBank: [0, 30] → 15.
    // Valuation: "about $830B" is [747, 913], midpoint 830.
    // Then size = 60 + 15 + others; others has no claim: midpoint of [0, 25] = 12.5 → size 87.5.
    const v = resolve(STANDARD_SCENARIOS[1]!);
    expect(v.get(FOUNDING.amazon)).toEqual(B(35));
    expect(v.get(FOUNDING.nvidia)).toEqual(B(20));
    expect(v.get(FOUNDING.microsoft)).toEqual(B(5));
    expect(v.get(FOUNDING.softbank)).toEqual(B(15));
    expect(v.get(FOUNDING.valuation)).toEqual(B(830));
    expect(v.get(FOUNDING.size)).toEqual(
      v
        .get(FOUNDING.amazon)!
        .add(v.get(FOUNDING.nvidia)!)
        .add(v.get(FOUNDING.microsoft)!)
        .add(v.get(FOUNDING.softbank)!)
        .add(v.get(FOUNDING.others)!),
    );
    expect(v.get(FOUNDING.size)!.lte(B(100))).toBe(true);
  });

  it("low takes each minimum in turn and flags an open bound (Amazon > $20B is a limit)", () => {
    const r = resolveScenario(set, STANDARD_SCENARIOS[0]!, sixty);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const amazon = r.value.values.find((x) => x.quantity === FOUNDING.amazon)!;
    expect([amazon.value, amazon.how, amazon.atOpenBound]).toEqual([B(20), "low", true]);
  });

  it("a stated value is kept and the others fit around it", () => {
    const s: Scenario = {
      name: "amazon-40",
      pick: "base",
      choices: new Map([[FOUNDING.amazon, { kind: "value", value: B(40) }]]),
    };
    const v = resolve(s);
    expect(v.get(FOUNDING.amazon)).toEqual(B(40));
    expect(v.get(FOUNDING.nvidia)!.add(v.get(FOUNDING.microsoft)!)).toEqual(B(20));
  });

  it("a stated value the claims exclude is a scenario_invalid problem with the allowed range", () => {
    const s: Scenario = {
      name: "amazon-60",
      pick: "base",
      choices: new Map([[FOUNDING.amazon, { kind: "value", value: B(60) }]]),
    };
    const r = resolveScenario(set, s, sixty);
    expect(!r.ok && r.problems[0]!.code).toBe("scenario_invalid");
    expect(!r.ok && r.problems[0]!.message).toContain("they allow $20B to $50B");
  });

  it("high needs every quantity bounded above", () => {
    const r = resolveScenario(
      set,
      STANDARD_SCENARIOS[2]!,
      sixty.filter((c) => c !== "valuation-about-830"),
    );
    expect(!r.ok && r.problems[0]!.code).toBe("quantity_unbounded");
  });
});

describe("UNC-SCN-4, UNC-SCN-5 the exact engine prices each scenario", () => {
  const table = foundingCapTable();
  const template = foundingTemplate();
  it("buildRoundTerms takes every amount from the values", () => {
    const v = resolve(STANDARD_SCENARIOS[1]!);
    const terms = buildRoundTerms(table, template, v);
    expect(terms.ok && terms.value.pricing.value.amount).toEqual(B(830));
    expect(terms.ok && terms.value.investments.map((i) => i.amount!.amount)).toEqual([
      B(35),
      B(20),
      B(5),
      B(15),
      v.get(FOUNDING.others),
    ]);
    const missing = buildRoundTerms(table, template, new Map());
    expect(!missing.ok && missing.problems[0]!.code).toBe("scenario_invalid");
  });

  it("compares low, base and high: size, price, post-money and each holder's ownership and dilution", () => {
    const resolved = STANDARD_SCENARIOS.map((s) => {
      const r = resolveScenario(set, s, sixty);
      if (!r.ok) throw new Error(r.problems[0]!.message);
      return r.value;
    });
    const c = compareScenarios(table, template, resolved);
    expect(c.ok).toBe(true);
    if (!c.ok) return;
    const base = c.value[1]!;
    // Base: post-money $830B, new money ≈ 87.5B: price = 830e9 / FD after; FD after = 1e9 × 830 / (830 − 87.5) before rounding.
    const terms = buildRoundTerms(table, template, valuesOf(resolved[1]!));
    if (!terms.ok) throw new Error("terms");
    const direct = priceRound(table, terms.value);
    expect(direct.ok && direct.value.postMoneyValuation).toEqual(base.postMoney);
    const foundation = base.holders.find((h) => h.holder === "foundation")!;
    expect(foundation.before).toEqual(rat("0.26"));
    expect(foundation.dilution!.toNumber()).toBeCloseTo(base.roundSize.amount.toNumber() / 830e9, 6);
    const amazon = base.holders.find((h) => h.holder === "amazon")!;
    expect(amazon.dilution).toBeUndefined();
    expect(c.value[0]!.roundSize.amount.lt(c.value[2]!.roundSize.amount)).toBe(true);
  });
});

describe("UNC-TL-1 the timeline of claims", () => {
  it("orders claims by date and says how each changes the previous one on its subject", () => {
    const inputs = [
      ...foundingClaimInputs().map((c) => (c.id.startsWith("amazon") ? { ...c, date: "2026-01-27" } : c)),
      {
        id: "amazon-later",
        source: "seed",
        subject: FOUNDING.amazon,
        value: estimate("between $30B and $50B"),
        status: "agreed",
        date: "2026-02-10",
      },
    ];
    const t = claimTimeline(foundingClaimSet(inputs));
    // Dated claims first (27 then 28 January, then 10 February), then the undated ones as listed.
    expect(t.slice(0, 6).map((e) => e.claim)).toEqual([
      "amazon-tens-of-billions",
      "amazon-up-to-50",
      "valuation-about-830",
      "softbank-up-to-30",
      "microsoft-stake-27",
      "amazon-later",
    ]);
    const group = t
      .filter((e) => e.subject === "Amazon + Nvidia + Microsoft")
      .map((e) => [e.claim, e.change]);
    expect(group).toEqual([
      ["group-about-40", "first"],
      ["group-60", "contradicts"],
    ]);
    // [10, 100] → [0, 50]: both ends lower; then [30, 50]: narrowed.
    const amazon = t.filter((e) => e.subject === "Amazon").map((e) => e.change);
    expect(amazon).toEqual(["first", "lowered", "narrowed"]);
  });
  it("compares estimates", () => {
    expect(compareEstimates(estimate("about $40B"), estimate("about $42B"))).toBe("raised");
    expect(compareEstimates(estimate("about $40B"), estimate("about $50B"))).toBe("contradicts");
    expect(compareEstimates(estimate("up to $50B"), estimate("up to $60B"))).toBe("widened");
    expect(compareEstimates(estimate("$60B"), estimate("$60B"))).toBe("unchanged");
    expect(compareEstimates(estimate("about $50B"), estimate("about $48B"))).toBe("lowered");
  });
});
