import { describe, expect, it } from "vitest";
import { replay } from "../../../src/core/ledger/replay.js";
import { capTableView } from "../../../src/core/ledger/views.js";
import { runDeal } from "../../../src/core/round/timeline.js";
import { closeRound } from "../../../src/deal/close-round.js";
import { dealFrom, header, priced } from "../../support/deal.js";

/**
 * ADJ-4: an anti-dilution adjustment counts a tranche only when it closes, at its date and its
 * own price. Series A: 2,000,000 shares at $1.00, broad-based weighted average (NVCA model
 * charter: CP2 = CP1 × (A + B) ÷ (A + C)). The Series B sells 1,000,000 shares at $1.20 at its
 * first closing (above $1.00: no adjustment) and 1,000,000 at $0.80 at a milestone closing.
 */
function deal(first: string, milestone: string, firstAmount: string, milestoneAmount: string): string {
  return `${header(
    ["founder", "fundA", "lead", "second"],
    `  - { id: seriesA, name: Series A, type: preferred, originalIssuePrice: 1.00, antiDilution: broad_based_weighted_average }
`,
  )}transactions:
  - { type: issue, date: 2020-01-01, holder: founder, class: common, shares: 10000000 }
  - { type: issue, date: 2021-01-01, holder: fundA, class: seriesA, shares: 2000000, price: 1.00 }
rounds:
  - id: series-b
    name: Series B
    date: 2024-01-15
    class: { id: seriesB, name: Series B, preference: { seniority: 2 } }
    pricePerShare: ${first}
    conventions: { pricePrecision: { places: 4, rounding: half_up } }
    closings:
      - { id: milestone, date: 2024-07-01, pricePerShare: ${milestone} }
    investments:
      - { investor: lead, amount: ${firstAmount} }
      - { investor: second, amount: ${milestoneAmount}, closing: milestone }
`;
}

const SECOND_BELOW = deal("1.20", "0.80", "$1.2M", "$800K");

function seriesAPrice(text: string, asOf?: string): string {
  const d = dealFrom(text);
  const run = runDeal(d.ledger, d.rounds, asOf === undefined ? {} : { asOf: asOf as never });
  if (!run.ok) throw new Error(run.problems[0]!.message);
  return run.value.final.classes.get("seriesA" as never)!.conversionPrice!.amount.toDecimalString();
}

describe("anti-dilution and milestone tranches (SPEC ADJ-4)", () => {
  it("ADJ-4: only the second tranche is below the Series A price: the adjustment is made at its closing, with its money and shares", () => {
    // At the milestone: A = 10,000,000 + 2,000,000 + the first closing's 1,000,000 = 13,000,000;
    // B = $800,000 ÷ $1.00 = 800,000; C = 1,000,000: CP2 = 1.00 × 13,800,000 ÷ 14,000,000 =
    // 0.985714…, 0.9857 at the round's four places. Counting both tranches at the round's
    // $1.20 (the old rule) made no adjustment at all.
    const o = priced(SECOND_BELOW);
    expect(o.antiDilution).toHaveLength(1);
    const a = o.antiDilution[0]!;
    expect(a.conversionPriceBefore.amount.toDecimalString()).toBe("1");
    expect(a.conversionPriceAfter.amount.toDecimalString()).toBe("0.9857");
    expect(a.closing).toBe("milestone");
    expect(a.date).toBe("2024-07-01");
    const tx = o.transactions.find((t) => t.type === "conversion_price_adjustment")!;
    expect(tx).toMatchObject({ id: "series-b:anti-dilution:seriesA:milestone", date: "2024-07-01" });
  });

  it("ADJ-4, CLOSE-2: a view between the closings shows the Series A unadjusted; from the milestone on, adjusted", () => {
    expect(seriesAPrice(SECOND_BELOW, "2024-03-01")).toBe("1");
    expect(seriesAPrice(SECOND_BELOW, "2024-07-01")).toBe("0.9857");
    expect(seriesAPrice(SECOND_BELOW)).toBe("0.9857");
  });

  it("ADJ-4: the first tranche below, the second above: only the first counts, with its own money and shares", () => {
    // First closing at $0.80: A = 12,000,000, B = 800,000, C = 1,000,000: CP = 12,800,000 ÷
    // 13,000,000 = 0.984615…, 0.9846; the $1.20 milestone is above it and adjusts nothing.
    // (Both tranches counted at $0.80 would have given 14,000,000 ÷ 14,000,000 = 1.)
    const o = priced(deal("0.80", "1.20", "$800K", "$1.2M"));
    expect(o.antiDilution.map((a) => [a.conversionPriceAfter.amount.toDecimalString(), a.closing])).toEqual([
      ["0.9846", undefined],
    ]);
  });

  it("ADJ-4: both tranches below: the second adjusts from the price the first left", () => {
    // First at $0.90 (1,000,000 shares for $900K): A = 12,000,000, B = 900,000, C = 1,000,000:
    // 12,900,000 ÷ 13,000,000 = 0.992307…, 0.9923. Milestone at $0.80 (1,000,000 for $800K):
    // A = 13,000,000, B = 800,000 ÷ 0.9923 = 806,207.79…, C = 1,000,000:
    // 0.9923 × 13,806,207.79… ÷ 14,000,000 = 0.978571…, 0.9786.
    const o = priced(deal("0.90", "0.80", "$900K", "$800K"));
    expect(
      o.antiDilution.map((a) => [
        a.conversionPriceBefore.amount.toDecimalString(),
        a.conversionPriceAfter.amount.toDecimalString(),
      ]),
    ).toEqual([
      ["1", "0.9923"],
      ["0.9923", "0.9786"],
    ]);
  });

  it("ADJ-4, CLOSE-3: close-round records each adjustment at its closing, and the cap table after equals the pro forma", () => {
    const closed = closeRound(SECOND_BELOW, "deal.yaml");
    if (!closed.ok) throw new Error(JSON.stringify(closed.problems ?? closed.diagnostics));
    expect(closed.value.transactions.find((t) => t.type === "adjust_conversion_price")).toMatchObject({
      id: "series-b:anti-dilution:seriesA:milestone",
      date: "2024-07-01",
      class: "seriesA",
      conversionPrice: "0.9857",
    });
    const after = replay(dealFrom(closed.value.text).ledger);
    if (!after.ok) throw new Error(after.problems[0]!.message);
    const d = dealFrom(SECOND_BELOW);
    const run = runDeal(d.ledger, d.rounds);
    if (!run.ok) throw new Error(run.problems[0]!.message);
    const view = (t: typeof after.value) => ({
      fd: capTableView(t).totals.fullyDiluted.toString(),
      cp: t.classes.get("seriesA" as never)!.conversionPrice!.amount.toDecimalString(),
    });
    expect(view(after.value)).toEqual(view(run.value.final));
  });
});
