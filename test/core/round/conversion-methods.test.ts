import { describe, expect, it } from "vitest";
import { header, priced, sharesOf } from "../../support/deal.js";

/**
 * ROUND-3: the three methods by which converting notes enter the price, on the worked
 * example of adsmehub.ae ("Convertible Notes: the Pre-Money Method", "... the
 * Percentage-Ownership Method", "... the Dollars-Invested Method"): 1,000,000 founder
 * shares, a $500,000 note with a 30% discount, no interest and no cap, then $1,000,000
 * of new money at a $10,000,000 pre-money valuation.
 */
function deal(method: string): string {
  return `${header(["founder", "noteholder", "investor"])}
transactions:
  - { type: issue, date: 2020-01-01, holder: founder, class: common, shares: 1000000 }
  - { type: note, date: 2021-01-01, holder: noteholder, principal: $500000, interestRate: 0%, discount: 30% }
rounds:
  - id: a
    name: Series A
    date: 2022-01-01
    class: { id: series-a, name: Series A Preferred }
    preMoney: $10M
    investments: [{ investor: investor, amount: $1M }]
    conventions: { convertibles: ${method} }
`;
}

describe("ROUND-3 convertible methods (adsmehub.ae worked example)", () => {
  it("pre-money method: price = $10M / 1,000,000 = $10; notes at $7 get 71,428 shares", () => {
    const o = priced(deal("outside_pre_money"));
    expect(o.pricePerShare.amount.toDecimalString()).toBe("10");
    expect(sharesOf(o.after, "investor")).toBe(100_000n); // $1,000,000 / $10
    expect(o.conversions[0]!.conversionPrice.amount.toDecimalString()).toBe("7"); // $10 x (1 - 30%)
    expect(sharesOf(o.after, "noteholder")).toBe(71_428n); // floor($500,000 / $7 = 71,428.57)
  });

  it("percentage-ownership method: the investor keeps $1M / $11M; price $9.2857...", () => {
    // Price P solves P x 1,000,000 + 500,000 / 0.7 = 10,000,000: P = 9,285,714.2857... / 1,000,000.
    const o = priced(deal("in_pre_money"));
    expect(o.exactPricePerShare.amount.toString()).toBe("65/7"); // = $9.285714...
    expect(sharesOf(o.after, "investor")).toBe(107_692n); // floor(1,000,000 x 7 / 65 = 107,692.3)
    expect(sharesOf(o.after, "noteholder")).toBe(76_923n); // floor(500,000 / (0.7 x 65/7) = 76,923.07)
    expect(o.conversions[0]!.conversionPrice.amount.toDecimalString()).toBe("6.5");
  });

  it("dollars-invested method (Cooley's definition): price = ($10M + $0.5M) / (1,000,000 + note shares) = 137/14", () => {
    // P x (1,000,000 + 500,000 / (0.7 P)) = 10,500,000, so P = 10.5 - 500,000 / 700,000 = 137/14 = $9.7857.
    // The adsmehub page divides $10.5M by the founder's shares alone ($10.50), which makes its own
    // post-money $12.2M instead of the $11.5M it defines; roundtable follows Cooley (SPEC ROUND-3).
    const o = priced(deal("dollars_invested"));
    expect(o.exactPricePerShare.amount.toString()).toBe("137/14");
    expect(sharesOf(o.after, "investor")).toBe(102_189n); // floor(1,000,000 x 14 / 137 = 102,189.78)
    expect(sharesOf(o.after, "noteholder")).toBe(72_992n); // floor(500,000 / (0.7 x 137/14) = 72,992.70)
  });
});

describe("NOTE-1, NOTE-2: a note converts with its accrued interest (ccddlaw.com, 'Conversion of a Convertible Note')", () => {
  // 10,000 shares outstanding; Series A buys 2,000 shares for $1,000,000 ($500 a share, so $5M pre-money);
  // a $100,000 note at 8% simple interest converts on its first anniversary: $108,000.
  const base = (terms: string) => `${header(["founder", "noteholder", "investor"])}
transactions:
  - { type: issue, date: 2020-01-01, holder: founder, class: common, shares: 10000 }
  - { type: note, date: 2023-01-01, holder: noteholder, principal: $100000, interestRate: 8%, ${terms} }
rounds:
  - id: a
    name: Series A
    date: 2024-01-01
    class: { id: series-a, name: Series A }
    pricePerShare: $500
    investments: [{ investor: investor, amount: $1000000 }]
    conventions: { convertibles: outside_pre_money }
`;

  it("with a 20% discount: $108,000 at $400 = 270 shares", () => {
    const o = priced(base("discount: 20%"));
    expect(o.conversions[0]!.convertingAmount.amount.toDecimalString()).toBe("108000"); // 365 days at 8%
    expect(o.conversions[0]!.conversionPrice.amount.toDecimalString()).toBe("400");
    expect(o.conversions[0]!.shares).toBe(270n);
    expect(sharesOf(o.after, "investor")).toBe(2_000n);
  });

  it("with a $1,000,000 cap: $1M / 10,000 shares = $100 a share, 1,080 shares", () => {
    const o = priced(base("discount: 20%, cap: $1M"));
    expect(o.conversions[0]!.basis).toBe("cap");
    expect(o.conversions[0]!.conversionPrice.amount.toDecimalString()).toBe("100");
    expect(o.conversions[0]!.shares).toBe(1_080n);
  });
});

describe("ROUND-1 priced rounds from a price, a pre-money or a post-money", () => {
  it("Wilson Sonsini ECVC FAQ: $10M pre-money over 11.5M fully diluted shares = $0.8696", () => {
    const o = priced(`${header(["founders", "investor"])}
transactions:
  - { type: issue, date: 2020-01-01, holder: founders, class: common, shares: 11500000 }
rounds:
  - id: a
    name: Series A
    date: 2021-01-01
    class: { id: series-a, name: Series A }
    preMoney: $10,000,000
    investments: [{ investor: investor, amount: '$2,000,000' }]
    conventions: { pricePrecision: { places: 4, rounding: half_up } }
`);
    expect(o.exactPricePerShare.amount.toString()).toBe("20/23"); // 0.869565...
    expect(o.pricePerShare.amount.toDecimalString()).toBe("0.8696");
    expect(sharesOf(o.after, "investor")).toBe(2_299_908n); // floor(2,000,000 / 0.8696)
  });

  it("learnvc.com: 3,000,000 founder shares at a $3M pre-money = $1.00; $2M buys 2,000,000 shares", () => {
    const yaml = (pricing: string) => `${header(["founders", "investor"])}
transactions:
  - { type: issue, date: 2020-01-01, holder: founders, class: common, shares: 3000000 }
rounds:
  - id: a
    name: Series A
    date: 2021-01-01
    class: { id: series-a, name: Series A }
    ${pricing}
    investments: [{ investor: investor, amount: $2M }]
`;
    for (const pricing of ["preMoney: $3M", "postMoney: $5M", "pricePerShare: $1"]) {
      const o = priced(yaml(pricing));
      expect(o.pricePerShare.amount.toDecimalString(), pricing).toBe("1");
      expect(sharesOf(o.after, "investor"), pricing).toBe(2_000_000n);
      expect(o.postMoneyValuation.amount.toDecimalString(), pricing).toBe("5000000");
      expect(o.preMoneyValuation.amount.toDecimalString(), pricing).toBe("3000000");
    }
  });
});
