import { describe, expect, it } from "vitest";
import { capTableView } from "../../../src/core/ledger/views.js";
import { header, priced, sharesOf } from "../../support/deal.js";

/**
 * Worked examples from public sources, checked to the share and the cent. Each cites
 * its source; where the source rounds, the conventions that reproduce its printed
 * figures are stated in the deal, and the exact result is checked too.
 */

describe("Cooley GO, 'Calculating Share Price With Outstanding Convertible Notes or Safes' (SPEC ROUND-3)", () => {
  // $8M pre-money, $2M new money, 1,000,000 fully diluted shares, $1M converting at a 30% discount,
  // no cap, no interest. Cooley's table rounds share counts to the nearest share.
  const deal = (method: string) => `${header(["founders", "holders", "investors"])}
transactions:
  - { type: issue, date: 2020-01-01, holder: founders, class: common, shares: 1000000 }
  - { type: safe, date: 2021-01-01, holder: holders, amount: $1M, discount: 30% }
rounds:
  - id: a
    name: Series A
    date: 2022-01-01
    class: { id: series-a, name: Series A }
    preMoney: $8M
    investments: [{ investor: investors, amount: $2M }]
    conventions: { convertibles: ${method}, shareRounding: { investors: nearest, convertibles: nearest } }
`;
  it.each([
    // method, exact price, conversion price, converting shares, new shares, total
    ["outside_pre_money", "8", "5.6", 178_571n, 250_000n, 1_428_571n],
    ["in_pre_money", "46/7", "4.6", 217_391n, 304_348n, 1_521_739n],
    ["dollars_invested", "53/7", "5.3", 188_679n, 264_151n, 1_452_830n],
  ])(
    "%s: price %s, conversion at %s, %i + %i shares, %i in total",
    (method, price, conversionPrice, conv, fresh, total) => {
      const o = priced(deal(method));
      expect(o.exactPricePerShare.amount.toString()).toBe(price);
      expect(o.conversions[0]!.conversionPrice.amount.toDecimalString()).toBe(conversionPrice);
      expect(sharesOf(o.after, "holders")).toBe(conv);
      expect(sharesOf(o.after, "investors")).toBe(fresh);
      expect(capTableView(o.after).totals.fullyDiluted).toBe(total);
    },
  );
});

/**
 * The YC example: two founders with 4,625,000 shares each, a 750,000-share plan (650,000
 * granted, 100,000 available), a $200,000 post-money SAFE at a $4M cap and an $800,000 one at
 * an $8M cap (YC talk "Understanding SAFEs and Priced Equity Rounds", Kirsty Nathoo; YC
 * Post-Money Safe User Guide, Appendix II). The Guide prints prices to 4 decimals and computes
 * shares from the rounded price, new-money shares to the nearest share, conversions rounded down.
 */
function yc(round: string, safeA = "{ type: safe, date: 2021-01-01, holder: a, amount: $200000, cap: $4M }") {
  return `${header(
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
${round}
`;
}

describe("YC Post-Money Safe User Guide, Appendix II (SPEC SAFE-2, SAFE-3, ROUND-6)", () => {
  const guide =
    "    conventions: { pricePrecision: { places: 4, rounding: half_up }, shareRounding: { investors: nearest } }";

  it("Example 1, Q2: $5M at $15M pre-money with a 1,695,000 pool increase: price $1.1144, 17,946,424 shares", () => {
    const o = priced(
      yc(`    preMoney: $15M
    investments: [{ investor: lead, amount: $4M }, { investor: others, amount: $1M }]
    pool: { pool: plan, shares: 1695000 }
${guide}`),
    );
    expect(o.pricePerShare.amount.toDecimalString()).toBe("1.1144");
    expect(sharesOf(o.after, "a")).toBe(588_235n);
    expect(sharesOf(o.after, "b")).toBe(1_176_470n);
    expect(sharesOf(o.after, "lead") + sharesOf(o.after, "others")).toBe(4_486_719n);
    expect(sharesOf(o.after, "lead")).toBe(3_589_375n); // the talk: the lead buys about 3.59M
    expect(capTableView(o.after).totals.fullyDiluted).toBe(17_946_424n);
    // Company Capitalization 11,764,705: the Safe Price for A is $4M / 11,764,705.88 = $0.34.
    expect(o.conversions[0]!.conversionPrice.amount.toDecimalString()).toBe("0.34");
  });

  it("Example 1, Q2 solved exactly: a 10% available pool gives T = 3,966,000,000/221 and a price of 2,210/1,983", () => {
    const o = priced(
      yc(`    preMoney: $15M
    investments: [{ investor: lead, amount: $4M }, { investor: others, amount: $1M }]
    pool: { pool: plan, target: 10% }`),
    );
    expect(o.exactPricePerShare.amount.toString()).toBe("2210/1983"); // $1.11447302
    expect(o.poolIncrease).toBe(1_694_570n); // floor(1,694,570.14)
  });

  it("Example 1, Q5: a round at $8.8M pre puts B below its cap: B at the round price, A at its cap", () => {
    const o = priced(
      yc(`    preMoney: $8.8M
    investments: [{ investor: lead, amount: $2.2M }]
    pool: { pool: plan, shares: 1573000 }
${guide}`),
    );
    expect(o.exactPricePerShare.amount.toString()).toBe("2400/3649"); // $0.65771444
    expect(o.pricePerShare.amount.toDecimalString()).toBe("0.6577");
    expect(o.conversions.find((c) => c.holder === "b")!.basis).toBe("round_price");
    expect(sharesOf(o.after, "b")).toBe(1_216_360n);
    expect(o.conversions.find((c) => c.holder === "a")!.basis).toBe("cap");
    expect(sharesOf(o.after, "a")).toBe(590_334n); // 5% of (10,000,000 + 1,216,360) / 0.95
    expect(sharesOf(o.after, "lead")).toBe(3_344_990n);
    expect(capTableView(o.after).totals.fullyDiluted).toBe(16_724_684n);
  });

  it("Example 2, Q2: a pre-money SAFE ($200,000 at a $3.8M pre-money cap) next to the post-money one", () => {
    const o = priced(
      yc(
        `    preMoney: $15M
    investments: [{ investor: lead, amount: $5M }]
    pool: { pool: plan, shares: 1700000 }
${guide}`,
        "{ type: safe, date: 2021-01-01, holder: a, amount: $200000, cap: $3.8M, safeType: pre_money }",
      ),
    );
    // The pre-money safe's capitalization includes the pool increase and excludes the SAFEs:
    // $3.8M / 11,700,000 = $0.32478632, printed $0.3248.
    expect(o.conversions.find((c) => c.holder === "a")!.conversionPrice.amount.toDecimalString()).toBe(
      "0.3248",
    );
    expect(sharesOf(o.after, "a")).toBe(615_763n);
    expect(sharesOf(o.after, "b")).toBe(1_179_529n);
    expect(o.exactPricePerShare.amount.toString()).toBe("25650/23077"); // $1.11149629
    expect(o.pricePerShare.amount.toDecimalString()).toBe("1.1115");
    expect(sharesOf(o.after, "lead")).toBe(4_498_426n);
    expect(capTableView(o.after).totals.fullyDiluted).toBe(17_993_718n);
  });
});

describe("Venture Hacks, 'The Option Pool Shuffle' (SPEC POOL-1)", () => {
  // $8M pre-money, $2M new money, 6,000,000 founder shares, a new pool of 20% of the post-money.
  const deal = (pricing: string, pool: string) => `${header(
    ["founders", "vc"],
    `pools:
  - { id: plan, name: Plan, class: common }
`,
  )}
transactions:
  - { type: issue, date: 2020-01-01, holder: founders, class: common, shares: 6000000 }
rounds:
  - id: a
    name: Series A
    date: 2021-01-01
    class: { id: series-a, name: Series A }
    ${pricing}
    investments: [{ investor: vc, amount: $2M }]
    ${pool}
`;

  it("with the pool in the pre-money the price is $1.00 and the founders' effective pre-money $6M", () => {
    const o = priced(deal("preMoney: $8M", "pool: { pool: plan, target: 20%, inPreMoney: true }"));
    expect(o.pricePerShare.amount.toDecimalString()).toBe("1");
    expect(o.poolIncrease).toBe(2_000_000n);
    expect(sharesOf(o.after, "vc")).toBe(2_000_000n);
    expect(o.postMoneyValuation.amount.toDecimalString()).toBe("10000000");
  });

  it("stating the price ($1.00) and the pool (20% of post) gives the same table", () => {
    const o = priced(deal("pricePerShare: $1", "pool: { pool: plan, target: 20%, inPreMoney: true }"));
    expect(o.poolIncrease).toBe(2_000_000n);
    expect(sharesOf(o.after, "vc")).toBe(2_000_000n);
  });

  it("without the shuffle the pool dilutes the investor too: founders 64%, VC 16%, pool 20%", () => {
    const o = priced(deal("preMoney: $8M", "pool: { pool: plan, target: 20%, inPreMoney: false }"));
    // Price 8M / 6M = 4/3; VC 1,500,000 shares; T = 7,500,000 / 0.8 = 9,375,000; pool 1,875,000.
    expect(o.exactPricePerShare.amount.toString()).toBe("4/3");
    expect(sharesOf(o.after, "vc")).toBe(1_500_000n);
    expect(o.poolIncrease).toBe(1_875_000n);
    expect(capTableView(o.after).totals.fullyDiluted).toBe(9_375_000n);
  });
});

describe("priced rounds in Coursera 'Finance for Startups' and TechStartupLawyer (SPEC ROUND-1, FD-1)", () => {
  it("CF3-8: $2.5M at $7.5M pre over 100,000 shares: $75 a share, 33,333 shares (rounded down)", () => {
    const o = priced(`${header(["founder", "friend", "employees", "vc"])}
transactions:
  - { type: issue, date: 2020-01-01, holder: founder, class: common, shares: 50000 }
  - { type: issue, date: 2020-01-01, holder: friend, class: common, shares: 20000 }
  - { type: issue, date: 2020-01-01, holder: employees, class: common, shares: 30000 }
rounds:
  - { id: a, name: Series A, date: 2021-01-01, class: { id: series-a, name: Series A }, preMoney: $7.5M, investments: [{ investor: vc, amount: $2.5M }] }
`);
    expect(o.pricePerShare.amount.toDecimalString()).toBe("75");
    expect(sharesOf(o.after, "vc")).toBe(33_333n);
  });

  it("CF4-2: $2.5M at $10M pre over 3,000,000 shares: the price stays 10/3 and the VC gets exactly 750,000", () => {
    const o = priced(`${header(["x", "y", "vc"])}
transactions:
  - { type: issue, date: 2020-01-01, holder: x, class: common, shares: 2000000 }
  - { type: issue, date: 2020-01-01, holder: y, class: common, shares: 1000000 }
rounds:
  - { id: a, name: Series A, date: 2021-01-01, class: { id: series-a, name: Series A }, preMoney: $10M, investments: [{ investor: vc, amount: $2.5M }] }
`);
    expect(o.pricePerShare.amount.toString()).toBe("10/3");
    expect(sharesOf(o.after, "vc")).toBe(750_000n);
    expect(o.postMoneyValuation.amount.toDecimalString()).toBe("12500000");
  });

  it("TechStartupLawyer: $4.5M over 3,000,000 common is $1.50; with 1,500,000 options in the base, $1.00", () => {
    const deal = (options: string) => `${header(
      ["founders", "staff", "vc"],
      `pools:
  - { id: plan, name: Plan, class: common, reserved: 1500000 }
`,
    )}
transactions:
  - { type: issue, date: 2020-01-01, holder: founders, class: common, shares: 3000000 }
${options}
rounds:
  - { id: a, name: Series A, date: 2021-01-01, class: { id: series-a, name: Series A }, preMoney: $4.5M, investments: [{ investor: vc, amount: $1M }] }
`;
    const withOptions = priced(
      deal(
        "  - { type: grant, date: 2020-02-01, holder: staff, pool: plan, quantity: 1500000, exercisePrice: $0.01 }",
      ),
    );
    expect(withOptions.pricePerShare.amount.toDecimalString()).toBe("1");
    const outstandingOnly = priced(deal("").replace("reserved: 1500000", "reserved: 0"));
    expect(outstandingOnly.pricePerShare.amount.toDecimalString()).toBe("1.5");
  });
});

describe("anti-dilution on a down round (SPEC ADJ-1..ADJ-3)", () => {
  // 1,000,000 common; 1,000,000 Series A bought at $1.00 (1:1); then 1,000,000 new shares at $0.50
  // (M. Glick Law, 'Weighted Average Anti-Dilution Protection: Formula and Calculator': a weighted
  // average gives 1.2 common per Series A share, a full ratchet 2).
  const deal = (protection: string) => `${header(["founders", "a", "b"])}
  - id: series-a
    name: Series A
    type: preferred
    originalIssuePrice: $1
    antiDilution: ${protection}
transactions:
  - { type: issue, date: 2020-01-01, holder: founders, class: common, shares: 1000000 }
  - { type: issue, date: 2020-06-01, holder: a, class: series-a, shares: 1000000, price: $1 }
rounds:
  - id: b
    name: Series B
    date: 2021-01-01
    class: { id: series-b, name: Series B }
    pricePerShare: $0.50
    investments: [{ investor: b, amount: $500000 }]
`;

  it("broad-based weighted average: CP2 = 1.00 x (2,000,000 + 500,000) / (2,000,000 + 1,000,000) = $0.8333..., ratio 1.2", () => {
    const o = priced(deal("broad_based_weighted_average"));
    expect(o.antiDilution[0]!.conversionPriceAfter.amount.toString()).toBe("5/6");
    expect(o.antiDilution[0]!.ratioAfter.toString()).toBe("6/5");
    expect(capTableView(o.after).holders.find((h) => h.holder === "a")!.asConverted).toBe(1_200_000n);
  });

  it("narrow-based weighted average (A = the outstanding preferred): CP2 = 1.5 / 2 = $0.75", () => {
    const o = priced(deal("narrow_based_weighted_average"));
    expect(o.antiDilution[0]!.conversionPriceAfter.amount.toDecimalString()).toBe("0.75");
    expect(capTableView(o.after).holders.find((h) => h.holder === "a")!.asConverted).toBe(1_333_333n);
  });

  it("full ratchet: the conversion price falls to the round's $0.50, ratio 2", () => {
    const o = priced(deal("full_ratchet"));
    expect(o.antiDilution[0]!.conversionPriceAfter.amount.toDecimalString()).toBe("0.5");
    expect(capTableView(o.after).holders.find((h) => h.holder === "a")!.asConverted).toBe(2_000_000n);
  });

  it("no protection, and no adjustment when the round is not below the conversion price", () => {
    expect(priced(deal("none")).antiDilution).toEqual([]);
    const up = priced(deal("full_ratchet").replace("pricePerShare: $0.50", "pricePerShare: $1.00"));
    expect(up.antiDilution).toEqual([]);
  });

  it("LawGratis: narrow-based, 10,000 Series A at ₹100, 5,000 new at ₹50: ₹83.33", () => {
    const o = priced(`roundtable: 1
company: { name: X, formed: 2020-01-01, currency: INR }
stakeholders: [{ id: a, name: A }, { id: b, name: B }]
classes:
  - { id: common, name: Common, type: common }
  - { id: series-a, name: Series A, type: preferred, originalIssuePrice: 100, antiDilution: narrow_based_weighted_average }
transactions:
  - { type: issue, date: 2020-06-01, holder: a, class: series-a, shares: 10000, price: 100 }
rounds:
  - { id: b, name: Series B, date: 2021-01-01, class: { id: series-b, name: Series B }, pricePerShare: 50, investments: [{ investor: b, amount: 250000 }] }
`);
    expect(o.antiDilution[0]!.conversionPriceAfter.amount.toString()).toBe("250/3"); // 100 x 12,500 / 15,000
  });
});

describe("pro-rata rights (SPEC PR-1)", () => {
  it("an existing holder's pro-rata purchase keeps its fully diluted fraction when there is no pool change", () => {
    // Futureproof 'Pro Rata Rights' (its second formula): a 10% holder keeps 10% by buying 10% of the round.
    const o = priced(`${header(["founders", "angel", "vc"])}
transactions:
  - { type: issue, date: 2020-01-01, holder: founders, class: common, shares: 9000000 }
  - { type: issue, date: 2020-01-01, holder: angel, class: common, shares: 1000000 }
rounds:
  - id: b
    name: Series B
    date: 2021-01-01
    class: { id: series-b, name: Series B }
    pricePerShare: $4
    investments: [{ investor: vc, amount: $9M }, { investor: angel, proRata: true }]
`);
    // Total = 9M / (1 - 10%) = $10M; the angel buys $1M = 250,000 shares.
    expect(o.investments[1]!.accepted.amount.toDecimalString()).toBe("1000000");
    expect(sharesOf(o.after, "angel")).toBe(1_250_000n);
    const view = capTableView(o.after);
    expect(view.totals.fullyDiluted).toBe(12_500_000n);
  });
});
