import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runDeal } from "../../../src/core/round/timeline.js";
import { isoDate } from "../../../src/core/shared/date.js";
import { dealFrom, diagnosticsOf, header, priced, runProblems, sharesOf } from "../../support/deal.js";

/** Day `n` after 2022-01-01, as an ISO date (n < 365, in 2022). */
function dayOf2022(n: number): string {
  return new Date(Date.UTC(2022, 0, 1 + n)).toISOString().slice(0, 10);
}

/**
 * Milestone tranches: one Series A, a first closing at $1.00 and a milestone tranche at $1.20
 * nine months later (a tranched closing as in the NVCA model Stock Purchase Agreement, §1.3
 * "Subsequent Sales" / "Milestone Closing"). Hand calculation: pre-money $8,000,000 over
 * 8,000,000 founder shares: $1.00; fund buys 2,000,000 at the first closing and
 * $1,200,000 ÷ $1.20 = 1,000,000 at the milestone.
 */
const DEAL = `${header(["founders", "fund"])}transactions:
  - { type: issue, date: 2020-01-01, holder: founders, class: common, shares: 8000000 }
rounds:
  - id: a
    name: Series A
    date: 2024-01-15
    class: { id: seriesA, name: Series A }
    preMoney: $8M
    closings:
      - { id: first, date: 2024-01-15 }
      - { id: milestone, date: 2024-09-30, pricePerShare: 1.20 }
    investments:
      - { investor: fund, amount: $2M, closing: first }
      - { investor: fund, amount: $1.2M, closing: milestone }
`;

describe("milestone tranches (SPEC TRANCHE-1..TRANCHE-3)", () => {
  it("TRANCHE-2: a tranche buys at its own price; the round's price and pre-money are those of the first closing", () => {
    const o = priced(DEAL);
    expect(o.pricePerShare.amount.toString()).toBe("1");
    expect(o.investments.map((i) => i.shares)).toEqual([2000000n, 1000000n]);
    expect(o.investments.map((i) => i.paid.amount.toString())).toEqual(["2000000", "1200000"]);
    expect(o.newMoney.amount.toString()).toBe("3200000");
    // Post-money = $1.00 × 11,000,000; pre-money = post − the new shares at the round's price.
    expect(o.postMoneyValuation.amount.toString()).toBe("11000000");
    expect(o.preMoneyValuation.amount.toString()).toBe("8000000");
    const milestone = o.transactions.find((t) => t.type === "stock_issuance" && t.date === "2024-09-30");
    expect(
      milestone?.type === "stock_issuance" ? milestone.pricePerShare?.amount.toDecimalString() : "",
    ).toBe("1.2");
  });

  it("TRANCHE-3: as of a date between the closings only the first tranche is issued", () => {
    const deal = dealFrom(DEAL);
    const between = runDeal(deal.ledger, deal.rounds, { asOf: isoDate("2024-06-01") });
    const after = runDeal(deal.ledger, deal.rounds, { asOf: isoDate("2024-09-30") });
    if (!between.ok || !after.ok) throw new Error("run failed");
    expect(sharesOf(between.value.final, "fund", "seriesA")).toBe(2000000n);
    expect(sharesOf(after.value.final, "fund", "seriesA")).toBe(3000000n);
  });

  it("TRANCHE-1: a tranche dated before the round is refused, naming the field", () => {
    const d = diagnosticsOf(DEAL.replace("date: 2024-09-30", "date: 2023-12-31"));
    expect(d[0]!.message).toMatch(
      /closing "milestone" is dated 2023-12-31, before the round's date 2024-01-15/,
    );
    expect(d[0]!.path).toEqual(["rounds", 0, "closings", 1, "date"]);
  });

  it("TRANCHE-2: a tranche price of zero, or beside a pool target of the post-money, is refused with the way out", () => {
    const [zero] = runProblems(DEAL.replace("pricePerShare: 1.20", "pricePerShare: 0"));
    expect(zero!.message).toMatch(/closing "milestone" has a price that is not positive/);
    expect(zero!.path).toEqual(["rounds", "a", "closings", 1, "pricePerShare"]);
    const withPool = DEAL.replace(
      "classes:\n",
      "pools:\n  - { id: plan, name: Plan, class: common }\nclasses:\n",
    ).replace("    preMoney: $8M\n", "    preMoney: $8M\n    pool: { pool: plan, target: 10% }\n");
    const [pool] = runProblems(withPool);
    expect(pool!.message).toMatch(/state the pool top-up in shares/);
  });

  it("TRANCHE-3: every as-of date between tranche closings counts only the tranches done, each at its price (property)", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.integer({ min: 100, max: 400 }), { minLength: 4, maxLength: 4 }),
        fc.array(fc.integer({ min: 1, max: 500 }), { minLength: 1, maxLength: 5 }),
        fc.integer({ min: 0, max: 364 }),
        (laterDays, cents, shares, asOfDay) => {
          const days = [0, ...laterDays.sort((a, b) => a - b)];
          // Each later tranche at its own price (in cents), each investor buying a whole number of shares.
          const priceOf = (c: number) => (c === 0 ? 100 : cents[c - 1]!);
          const investors = shares.map((_, i) => `investor-${i}`);
          const closingOf = (i: number) => i % days.length;
          const yaml = `${header(["founders", ...investors])}transactions:
  - { type: issue, date: 2020-01-01, holder: founders, class: common, shares: 1000000 }
rounds:
  - id: a
    name: Series A
    date: 2022-01-01
    class: { id: series-a, name: Series A }
    pricePerShare: $1
    closings: [${days
      .map(
        (d, c) =>
          `{ id: c${c}, date: ${dayOf2022(d)}${c === 0 ? "" : `, pricePerShare: ${(priceOf(c) / 100).toFixed(2)}`} }`,
      )
      .join(", ")}]
    investments: [${shares
      .map(
        (n, i) =>
          `{ investor: ${investors[i]}, amount: ${((n * priceOf(closingOf(i))) / 100).toFixed(2)}, closing: c${closingOf(i)} }`,
      )
      .join(", ")}]
`;
          const deal = dealFrom(yaml);
          const asOf = dayOf2022(asOfDay);
          const run = runDeal(deal.ledger, deal.rounds, { asOf: isoDate(asOf) });
          if (!run.ok) throw new Error("run failed");
          shares.forEach((n, i) => {
            const closed = dayOf2022(days[closingOf(i)]!) <= asOf;
            expect(sharesOf(run.value.final, investors[i]!)).toBe(closed ? BigInt(n) : 0n);
          });
        },
      ),
      { numRuns: 60, seed: 14 },
    );
  });
});
