import { describe, expect, test } from "vitest";
import { rat } from "../../../src/core/exact/rational.js";
import {
  fullyDilutedValue,
  type IpoOutcome,
  type IpoPricing,
  ipoOutcome,
} from "../../../src/core/exit/ipo.js";
import type { ExitModel } from "../../../src/core/exit/model.js";
import { LedgerBuilder } from "../../support/ledger-builder.js";
import { expectProblem, model } from "./helpers.js";

function ipo(m: ExitModel, pricing: IpoPricing): IpoOutcome {
  const result = ipoOutcome(m, pricing);
  if (!result.ok) throw new Error(result.problems[0]!.message);
  return result.value;
}
const price = (value: string): IpoPricing => ({ kind: "price_per_share", price: rat(value) });
const valuation = (value: string): IpoPricing => ({ kind: "pre_ipo_valuation", valuation: rat(value) });
const position = (o: IpoOutcome, id: string) => o.positions.find((p) => p.position === id)!;
const holder = (o: IpoOutcome, id: string) => o.holders.find((h) => h.holder === id)!;

describe("EXIT-18: IPO", () => {
  // Hand calculation: founders 9,000,000 common; Series D 1,000,000 shares at $10 with an
  // IPO ratchet of 1.5x: at an IPO below $15 per share the conversion rate rises so that D
  // receives shares worth 1.5 × $10 × 1,000,000 = $15M.
  const ratchet = model(
    new LedgerBuilder()
      .common("common")
      .preferred("series-d", { originalIssuePrice: "10", ipoRatchet: "1.5", participation: "full" })
      .issue("founders", "common", 9_000_000n)
      .issue("late-fund", "series-d", 1_000_000n, { price: "10" })
      .table(),
  );

  test("above the ratchet price every preferred share converts one for one; preferences do not apply", () => {
    const o = ipo(ratchet, price("20"));
    expect(position(o, "shares:series-d").state).toBe("converts");
    expect(position(o, "shares:series-d").value.toString()).toBe("20000000");
    expect(holder(o, "founders").value.toString()).toBe("180000000");
  });

  test("below it the ratchet adds shares: at $12, D receives 1,250,000 shares worth $15M", () => {
    const o = ipo(ratchet, price("12"));
    const d = position(o, "shares:series-d");
    expect(d.state).toBe("ratchet");
    expect(d.shares.toString()).toBe("1250000");
    expect(d.value.toString()).toBe("15000000");
    expect(holder(o, "founders").value.toString()).toBe("108000000");
  });

  test("from a pre-IPO valuation: $120M gives a price of $35/3 with the ratchet applying", () => {
    // If the price were at least $15, 10,000,000 shares × price = 120M would give $12: a
    // contradiction. Below $15: 9,000,000 × price + 15M = 120M, price = 105/9 = 35/3.
    const o = ipo(ratchet, valuation("120000000"));
    expect(o.pricePerShare.toString()).toBe("35/3");
    expect(o.preIpoValuation.toString()).toBe("120000000");
    expect(position(o, "shares:series-d").value.toString()).toBe("15000000");
    expect(position(o, "shares:series-d").shares.toString()).toBe("9000000/7");
  });

  test("from a pre-IPO valuation above the ratchet: $300M over 10,000,000 shares is $30", () => {
    const o = ipo(ratchet, valuation("300000000"));
    expect(o.pricePerShare.toString()).toBe("30");
    expect(fullyDilutedValue(ratchet, rat(30)).toString()).toBe("300000000");
  });

  // Post-money SAFE at an IPO (a Liquidity Event in the YC safe): the greater of the
  // cash-out and the conversion shares' value. $1M at a $10M cap over 9,000,000 founder
  // shares: 1,000,000 conversion shares. Options are worth their intrinsic value.
  const withSafe = model(
    new LedgerBuilder()
      .common("common")
      .pool("plan", "common", 500_000n)
      .issue("founders", "common", 9_000_000n)
      .grant("staff", 500_000n, { pool: "plan", price: "2" })
      .safe("angel", { amount: "1000000", cap: "10500000", id: "s1" })
      .table(),
  );

  test("a SAFE takes its cash-out below its cap price and converts above it", () => {
    // LC = (9,000,000 + 500,000 options) / (1 − 1/10.5) = 10,500,000: 1,000,000 SAFE shares.
    const low = ipo(withSafe, price("0.5"));
    expect(position(low, "safe:s1").state).toBe("cash_out");
    expect(position(low, "safe:s1").cash.toString()).toBe("1000000");
    expect(position(low, "options:common@2").value.toString()).toBe("0");
    const high = ipo(withSafe, price("3"));
    expect(position(high, "safe:s1").state).toBe("converts");
    expect(position(high, "safe:s1").value.toString()).toBe("3000000");
    // 500,000 options × ($3 − $2).
    expect(position(high, "options:common@2").value.toString()).toBe("500000");
    expect(holder(high, "staff").value.toString()).toBe("500000");
  });

  test("bad prices and valuations are problems", () => {
    expectProblem(ipoOutcome(ratchet, price("-1")), "exit_value_negative");
    expectProblem(ipoOutcome(ratchet, price("0")), "exit_terms_invalid");
    expectProblem(ipoOutcome(ratchet, valuation("-5")), "exit_value_negative");
    // At any price the ratchet alone guarantees $15M: a $10M valuation cannot be met.
    expectProblem(ipoOutcome(ratchet, valuation("10000000")), "exit_terms_invalid", "ratchets");
  });
});
