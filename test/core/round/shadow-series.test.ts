import { describe, expect, it } from "vitest";
import { Rational } from "../../../src/core/exact/rational.js";
import { capTableView } from "../../../src/core/ledger/views.js";
import { runDeal } from "../../../src/core/round/timeline.js";
import { dealFrom, header, priced, sharesOf } from "../../support/deal.js";

/**
 * SAFE-6: a converting SAFE becomes a shadow series of the round's class, priced at its own
 * Conversion Price (YC Post-Money Safe, definition of "Safe Preferred Stock"; YC Post-Money
 * Safe User Guide, Appendix II, Example 1, whose figures the worked-examples test reproduces).
 */
const ycExample1 = (safeA: string) => `${header(
  ["f1", "f2", "staff", "a", "b", "lead", "others"],
  `pools:
  - { id: plan, name: Plan, class: common, reserved: 750000 }
`,
)}
transactions:
  - { type: issue, date: 2020-01-01, holder: f1, class: common, shares: 4625000 }
  - { type: issue, date: 2020-01-01, holder: f2, class: common, shares: 4625000 }
  - { type: grant, date: 2020-06-01, holder: staff, pool: plan, quantity: 650000, exercisePrice: $0.01 }
  - ${safeA}
  - { type: safe, date: 2021-02-01, holder: b, amount: $800000, cap: $8M }
rounds:
  - id: a
    name: Series A
    date: 2022-01-01
    class: { id: series-a, name: Series A Preferred }
    preMoney: $15M
    investments: [{ investor: lead, amount: $4M }, { investor: others, amount: $1M }]
    pool: { pool: plan, shares: 1695000 }
    conventions: { pricePrecision: { places: 4, rounding: half_up }, shareRounding: { investors: nearest } }
`;

describe("shadow series of converting SAFEs (SPEC SAFE-6)", () => {
  it("SAFE-6: YC Guide Appendix II Example 1 Q2: A converts at $0.34 into Series A-1, B at $0.68 into Series A-2, the investors buy Series A at $1.1144", () => {
    const o = priced(ycExample1("{ type: safe, date: 2021-01-01, holder: a, amount: $200000, cap: $4M }"));
    expect(o.shadowSeries.map((c) => [c.id, c.name, c.originalIssuePrice!.amount.toDecimalString()])).toEqual(
      [
        ["series-a-1", "Series A Preferred-1", "0.34"],
        ["series-a-2", "Series A Preferred-2", "0.68"],
      ],
    );
    // Same rights as Series A except the price: seniority, participation, anti-dilution, target class.
    const seriesA = o.after.classes.get("series-a" as never)!;
    for (const c of o.shadowSeries) {
      expect(c.preference).toEqual(seriesA.preference);
      expect(c.antiDilution).toBe(seriesA.antiDilution);
      expect(c.convertsTo).toBe(seriesA.convertsTo);
      expect(c.conversionPrice).toEqual(c.originalIssuePrice);
    }
    expect(seriesA.originalIssuePrice!.amount.toDecimalString()).toBe("1.1144");
    expect(sharesOf(o.after, "a", "series-a-1")).toBe(588_235n);
    expect(sharesOf(o.after, "b", "series-a-2")).toBe(1_176_470n);
    expect(sharesOf(o.after, "lead", "series-a")).toBe(3_589_375n);
    // The preference follows the conversion price: 588,235 x $0.34 = $199,999.90 for a $200,000
    // safe, not 588,235 x $1.1144 = $655,529.08 as the round's own class would give.
    const preference = (classId: string, holder: string) =>
      o.after.classes
        .get(classId as never)!
        .originalIssuePrice!.amount.mulInt(sharesOf(o.after, holder, classId));
    expect(preference("series-a-1", "a").toDecimalString()).toBe("199999.9");
    expect(preference("series-a-2", "b").toDecimalString()).toBe("799999.6");
    // The cap table is the same as without the sub-series: only the classes differ.
    expect(capTableView(o.after).totals.fullyDiluted).toBe(17_946_424n);
  });

  it("SAFE-6: a SAFE converting at the round price needs no sub-series (Example 1 Q5: B at $0.6577)", () => {
    const o = priced(
      ycExample1("{ type: safe, date: 2021-01-01, holder: a, amount: $200000, cap: $4M }")
        .replace("preMoney: $15M", "preMoney: $8.8M")
        .replace(
          "[{ investor: lead, amount: $4M }, { investor: others, amount: $1M }]",
          "[{ investor: lead, amount: $2.2M }]",
        )
        .replace("shares: 1695000", "shares: 1573000"),
    );
    expect(o.shadowSeries.map((c) => c.id)).toEqual(["series-a-1"]);
    expect(sharesOf(o.after, "b", "series-a")).toBe(1_216_360n);
    expect(sharesOf(o.after, "a", "series-a-1")).toBe(590_334n);
  });

  it("SAFE-6: shadowSeries: false converts into the round's class itself; a note converts there unless its terms say shadowSeries: true", () => {
    const o = priced(
      ycExample1(
        "{ type: safe, date: 2021-01-01, holder: a, amount: $200000, cap: $4M, shadowSeries: false }",
      ),
    );
    expect(sharesOf(o.after, "a", "series-a")).toBe(588_235n);
    expect(o.shadowSeries.map((c) => c.id)).toEqual(["series-a-1"]);
    expect(sharesOf(o.after, "b", "series-a-1")).toBe(1_176_470n);
    const withNote = (terms: string) =>
      priced(
        ycExample1(
          `{ type: note, date: 2021-01-01, holder: a, principal: $200000, interestRate: 0%, cap: $4M${terms} }`,
        ),
      );
    expect(withNote("").shadowSeries.map((c) => c.id)).toEqual(["series-a-1"]);
    const shadowNote = withNote(", shadowSeries: true");
    expect(shadowNote.shadowSeries.map((c) => c.id)).toEqual(["series-a-1", "series-a-2"]);
    // Sub-series are numbered in the order of the conversions: the note first, then SAFE b.
    expect(sharesOf(shadowNote.after, "a", "series-a-1")).toBe(sharesOf(withNote("").after, "a", "series-a"));
    expect(sharesOf(shadowNote.after, "b", "series-a-2")).toBe(
      sharesOf(withNote("").after, "b", "series-a-1"),
    );
  });

  /**
   * A seed SAFE → Series A → down-round Series B chain. 8,000,000 founder shares; SAFE x
   * $1,000,000 at a $5M post-money cap (20%), SAFE y $500,000 at a $10M cap (5%): Company
   * Capitalization 8,000,000 / 0.75 = 10,666,666.67, so x converts at $5M / that = $0.46875
   * (2,133,333 shares) and y at $0.9375 (533,333 shares); Series A sells 2,000,000 shares at
   * $1.00. Series B sells 2,000,000 shares at $0.60 for $1,200,000, a down round: with
   * broad-based weighted average (NVCA, CP2 = CP1 x (A + B) / (A + C)), A = 12,666,666
   * shares before B, C = 2,000,000, B = $1,200,000 / CP1.
   */
  const chain = `${header(["founders", "x", "y", "a-lead", "b-lead"])}
transactions:
  - { type: issue, date: 2020-01-01, holder: founders, class: common, shares: 8000000 }
  - { type: safe, date: 2020-06-01, holder: x, amount: $1M, cap: $5M }
  - { type: safe, date: 2020-07-01, holder: y, amount: $500000, cap: $10M }
rounds:
  - id: a
    name: Series A
    date: 2021-01-01
    class: { id: series-a, name: Series A Preferred }
    pricePerShare: $1
    investments: [{ investor: a-lead, amount: $2M }]
  - id: b
    name: Series B
    date: 2022-01-01
    class: { id: series-b, name: Series B Preferred, preference: { seniority: 2 } }
    pricePerShare: $0.60
    investments: [{ investor: b-lead, amount: $1.2M }]
`;

  it("SAFE-6, ADJ-1: in a down round, a shadow series above the new price is adjusted from its own price, one below is not", () => {
    const deal = dealFrom(chain);
    const run = runDeal(deal.ledger, deal.rounds);
    if (!run.ok) throw new Error(run.problems.map((p) => p.message).join("\n"));
    const [a, b] = run.value.rounds;
    expect(a!.shadowSeries.map((c) => [c.id, c.originalIssuePrice!.amount.toDecimalString()])).toEqual([
      ["series-a-1", "0.46875"],
      ["series-a-2", "0.9375"],
    ]);
    expect(sharesOf(a!.after, "x", "series-a-1")).toBe(2_133_333n);
    expect(sharesOf(a!.after, "y", "series-a-2")).toBe(533_333n);
    const adjusted = new Map(
      b!.antiDilution.map((x) => [x.classId as string, x.conversionPriceAfter.amount]),
    );
    // Series A: $1 x (12,666,666 + 1,200,000) / (12,666,666 + 2,000,000) = $0.945454...
    expect(adjusted.get("series-a")!.toString()).toBe(Rational.of(13_866_666n, 14_666_666n).toString());
    // Series A-2: $0.9375 x (12,666,666 + 1,280,000) / 14,666,666 = $0.891477...
    expect(adjusted.get("series-a-2")!.toString()).toBe(
      Rational.parse("0.9375")!.mul(Rational.of(13_946_666n, 14_666_666n)).toString(),
    );
    // Series A-1 converted at $0.46875, below the $0.60: no adjustment, as if it had paid its own price.
    expect(adjusted.has("series-a-1")).toBe(false);
    // Its preference is 2,133,333 x $0.46875 = $999,999.84 for $1,000,000, not $2,133,333.
    const seriesA1 = b!.after.classes.get("series-a-1" as never)!;
    expect(seriesA1.originalIssuePrice!.amount.mulInt(2_133_333n).toDecimalString()).toBe("999999.84375");
  });
});
