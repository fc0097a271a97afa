import { describe, expect, it } from "vitest";
import { diagnosticsOf, priced } from "../../support/deal.js";

/**
 * ROUND-9: a source may state the round price to 3 places and a SAFE's cap price to 4. The
 * company has 7,000,000 shares; a $500,000 post-money SAFE with a $5,000,000 cap (10%);
 * a Series A at a $10,000,000 pre-money (percentage-ownership method), $1,000,000 new money.
 * By hand: Company Capitalization = 7,000,000 ÷ 0.9 = 7,777,777.77…; cap price = $5,000,000 ÷
 * 7,777,777.77… = 0.642857142857… → 0.6429 (4 places, half up); shares = 500,000 ÷ 0.6429 =
 * 777,725.93 → 777,725 (or 500,000 ÷ 0.642857… = 777,777.77 → 777,777 from the exact price).
 * Round price = $10,000,000 ÷ 7,777,777.77… = 1.285714… → 1.286 (3 places); the investor's
 * shares = 1,000,000 ÷ 1.286 = 777,604.97 → 777,604.
 */
function capDeal(precision: string): string {
  return `roundtable: 1
company: { name: Precise Co, currency: USD }
stakeholders:
  - { id: founders, name: Founders }
  - { id: angel, name: Angel }
  - { id: lead, name: Lead }
classes:
  - { id: common, name: Common, type: common }
transactions:
  - { type: issue, date: 2020-01-01, holder: founders, class: common, shares: 7000000 }
  - { type: safe, date: 2020-06-01, holder: angel, amount: $500000, cap: $5000000, safeType: post_money${precision} }
rounds:
  - id: a
    name: Series A
    date: 2021-01-01
    class: { id: series-a, name: Series A Preferred }
    preMoney: $10000000
    investments: [{ investor: lead, amount: $1000000 }]
    conventions: { pricePrecision: { places: 3, rounding: half_up } }
`;
}

/**
 * A discount SAFE whose discount price is stated to 2 places, rounded down, in a round priced
 * at $1.285 a share: 1.285 × 0.8 = 1.028 → 1.02; shares 100,000 ÷ 1.02 = 98,039.2 → 98,039
 * (or 100,000 ÷ 1.028 = 97,276.2 → 97,276 from the exact price).
 */
function discountDeal(precision: string): string {
  return `roundtable: 1
company: { name: Precise Co, currency: USD }
stakeholders:
  - { id: founders, name: Founders }
  - { id: friend, name: Friend }
  - { id: lead, name: Lead }
classes:
  - { id: common, name: Common, type: common }
transactions:
  - { type: issue, date: 2020-01-01, holder: founders, class: common, shares: 8000000 }
  - { type: safe, date: 2020-06-01, holder: friend, amount: $100000, discount: 20%${precision} }
rounds:
  - id: a
    name: Series A
    date: 2021-01-01
    class: { id: series-a, name: Series A Preferred }
    pricePerShare: $1.285
    investments: [{ investor: lead, amount: $1000000 }]
`;
}

describe("each price's own precision (SPEC ROUND-9)", () => {
  it("ROUND-9: the round price to 3 places and the cap price to 4, shares from the rounded cap price", () => {
    const outcome = priced(capDeal(", capPricePrecision: { places: 4, rounding: half_up }"));
    expect(outcome.pricePerShare.amount.toDecimalString()).toBe("1.286");
    expect(outcome.conversions[0]!.conversionPrice.amount.toDecimalString()).toBe("0.6429");
    expect(outcome.conversions[0]!.shares).toBe(777725n);
    expect(outcome.investments[0]!.shares).toBe(777604n);
  });

  it("ROUND-9: the same cap price to 4 places, shares from the exact price", () => {
    const outcome = priced(
      capDeal(", capPricePrecision: { places: 4, rounding: half_up, sharesFromRoundedPrice: false }"),
    );
    expect(outcome.conversions[0]!.conversionPrice.amount.toDecimalString()).toBe("0.6429");
    expect(outcome.conversions[0]!.shares).toBe(777777n);
    expect(outcome.pricePerShare.amount.toDecimalString()).toBe("1.286");
  });

  it("ROUND-9: without its own precision the cap price takes the round's (3 places), its shares the exact fraction (ROUND-6)", () => {
    const outcome = priced(capDeal(""));
    expect(outcome.conversions[0]!.conversionPrice.amount.toDecimalString()).toBe("0.643");
    expect(outcome.conversions[0]!.shares).toBe(777777n);
  });

  it("ROUND-9: a discount price stated to 2 places rounded down, shares from it or from the exact price", () => {
    const rounded = priced(discountDeal(", discountPricePrecision: { places: 2, rounding: down }"));
    expect(rounded.conversions[0]!.basis).toBe("discount");
    expect(rounded.conversions[0]!.conversionPrice.amount.toDecimalString()).toBe("1.02");
    expect(rounded.conversions[0]!.shares).toBe(98039n);
    const exact = priced(
      discountDeal(", discountPricePrecision: { places: 2, rounding: down, sharesFromRoundedPrice: false }"),
    );
    expect(exact.conversions[0]!.conversionPrice.amount.toDecimalString()).toBe("1.02");
    expect(exact.conversions[0]!.shares).toBe(97276n);
    const none = priced(discountDeal(""));
    expect(none.conversions[0]!.conversionPrice.amount.toDecimalString()).toBe("1.028");
    expect(none.conversions[0]!.shares).toBe(97276n);
  });

  it("ROUND-9: bad precisions are refused at their field", () => {
    const places = diagnosticsOf(discountDeal(", discountPricePrecision: { places: 13 }"));
    expect(places[0]!.path).toEqual(["transactions", 1, "discountPricePrecision", "places"]);
    const rounding = diagnosticsOf(capDeal(", capPricePrecision: { places: 4, rounding: nearest }"));
    expect(rounding[0]!.path).toEqual(["transactions", 1, "capPricePrecision", "rounding"]);
    const unknown = diagnosticsOf(capDeal(", capPricePrecision: { places: 4, digits: 3 }"));
    expect(unknown[0]!.message).toMatch(/digits/);
  });
});
