import { describe, expect, it } from "vitest";
import { capTableView } from "../../../src/core/ledger/views.js";
import { runDeal } from "../../../src/core/round/timeline.js";
import { isoDate } from "../../../src/core/shared/date.js";
import { dealFrom, header, sharesOf } from "../../support/deal.js";

const sequence = `${header(["founders", "seed-fund", "a-lead", "b-lead"])}
transactions:
  - { type: issue, date: 2020-01-01, holder: founders, class: common, shares: 8000000 }
  - { type: transfer, date: 2023-01-01, from: a-lead, to: seed-fund, class: series-a, shares: 100000 }
rounds:
  - id: seed
    name: Seed
    date: 2021-01-01
    class: { id: seed, name: Seed Preferred, antiDilution: none }
    preMoney: $8M
    investments: [{ investor: seed-fund, amount: $2M }]
  - id: a
    name: Series A
    date: 2022-01-01
    class: { id: series-a, name: Series A Preferred, antiDilution: full_ratchet }
    preMoney: $30M
    investments: [{ investor: a-lead, amount: $10M }]
  - id: b
    name: Series B
    date: 2024-01-01
    class: { id: series-b, name: Series B Preferred }
    pricePerShare: $2
    investments: [{ investor: b-lead, amount: $4M }]
`;

describe("rounds in sequence (SPEC TL-1)", () => {
  it("each round is priced on the pro forma of the one before, with later transactions applied in between", () => {
    const deal = dealFrom(sequence);
    const run = runDeal(deal.ledger, deal.rounds);
    expect(run.ok).toBe(true);
    if (!run.ok) return;
    const [seed, a, b] = run.value.rounds;
    // Seed: $8M / 8,000,000 = $1; 2,000,000 shares; 10,000,000 after.
    expect(seed!.pricePerShare.amount.toDecimalString()).toBe("1");
    // Series A on 10,000,000: $3; $10M buys 3,333,333 shares.
    expect(a!.pricePerShare.amount.toDecimalString()).toBe("3");
    expect(sharesOf(a!.after, "a-lead")).toBe(3_333_333n);
    // The 2023 transfer of Series A shares applies before Series B.
    expect(sharesOf(b!.before, "seed-fund", "series-a")).toBe(100_000n);
    // Series B at $2 is below Series A's $3: the full ratchet brings Series A to $2.
    expect(b!.antiDilution.map((x) => [x.classId, x.conversionPriceAfter.amount.toDecimalString()])).toEqual([
      ["series-a", "2"],
    ]);
    const a_lead = capTableView(b!.after).holders.find((h) => h.holder === "a-lead")!;
    expect(a_lead.asConverted).toBe(4_849_999n); // 3,233,333 x 3/2 = 4,849,999.5, rounded down
  });

  it("the cap table as of a date between rounds shows the first round only", () => {
    const deal = dealFrom(sequence);
    const run = runDeal(deal.ledger, deal.rounds, { asOf: isoDate("2021-06-30") });
    if (!run.ok) throw new Error("run failed");
    expect(run.value.rounds.map((r) => r.terms.id)).toEqual(["seed"]);
    expect(capTableView(run.value.final).totals.fullyDiluted).toBe(10_000_000n);
  });

  it("closings date each investor's shares (CLOSE-1)", () => {
    const deal = dealFrom(`${header(["founders", "first", "second"])}
transactions:
  - { type: issue, date: 2020-01-01, holder: founders, class: common, shares: 1000000 }
rounds:
  - id: a
    name: Series A
    date: 2022-01-01
    class: { id: series-a, name: Series A }
    pricePerShare: $1
    closings: [{ id: one, date: 2022-01-01 }, { id: two, date: 2022-03-01 }]
    investments: [{ investor: first, amount: $100000, closing: one }, { investor: second, amount: $50000, closing: two }]
`);
    const run = runDeal(deal.ledger, deal.rounds);
    if (!run.ok) throw new Error("run failed");
    const outcome = run.value.rounds[0]!;
    expect(outcome.investments.map((i) => i.date)).toEqual(["2022-01-01", "2022-03-01"]);
    expect(outcome.transactions.filter((t) => t.type === "stock_issuance").map((t) => t.date)).toEqual([
      "2022-01-01",
      "2022-03-01",
    ]);
  });

  it("oversubscription: pro-rata cutback and lead priority (ALLOC-1, ALLOC-2)", () => {
    const yaml = (policy: string) => `${header(["founders", "lead", "x", "y"])}
transactions:
  - { type: issue, date: 2020-01-01, holder: founders, class: common, shares: 1000000 }
rounds:
  - id: a
    name: Series A
    date: 2022-01-01
    class: { id: series-a, name: Series A }
    pricePerShare: $1
    target: $1M
    oversubscription: ${policy}
    investments: [{ investor: lead, amount: $600000, lead: true }, { investor: x, amount: $600000 }, { investor: y, amount: $300000 }]
`;
    const cut = runDeal(dealFrom(yaml("pro_rata_cutback")).ledger, dealFrom(yaml("pro_rata_cutback")).rounds);
    if (!cut.ok) throw new Error("run failed");
    // $1.5M requested for $1M: each gets 2/3 of its request.
    expect(cut.value.rounds[0]!.investments.map((i) => i.accepted.amount.toDecimalString())).toEqual([
      "400000",
      "400000",
      "200000",
    ]);
    const lead = runDeal(dealFrom(yaml("lead_priority")).ledger, dealFrom(yaml("lead_priority")).rounds);
    if (!lead.ok) throw new Error("run failed");
    // The lead takes its $600,000; x and y share $400,000 in proportion 2:1.
    expect(lead.value.rounds[0]!.investments.map((i) => i.accepted.amount.toString())).toEqual([
      "600000",
      "800000/3",
      "400000/3",
    ]);
    expect(lead.value.rounds[0]!.oversubscribed).toBe(true);
  });
});
