import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { money } from "../../../src/core/exact/money.js";
import { Rational } from "../../../src/core/exact/rational.js";
import { replay } from "../../../src/core/ledger/replay.js";
import { tenderOutcome } from "../../../src/core/ledger/tender.js";
import type { Tender } from "../../../src/core/ledger/transaction.js";
import { shareClassId, stakeholderId, transactionId } from "../../../src/core/shared/ids.js";
import { dealFrom, header, runProblems, sharesOf } from "../../support/deal.js";

/**
 * A tender offer with a cutback, checked by hand to the last share. Pro rata acceptance of an
 * oversubscribed partial tender follows SEC Exchange Act Rule 14d-8 ("Exchange Act Rule
 * 14d-8, Pro rata acceptance"); the right of first refusal served before the buyers follows
 * the NVCA Model Right of First Refusal and Co-Sale Agreement, section 2 (the Company's
 * right first, then the Major Investors' secondary refusal right).
 */
const TENDER = `${header(
  ["alice", "bob", "carol", "company_fund", "fund", "growth", "second"],
  `  - { id: seriesS, name: Series S (secondary), type: preferred, originalIssuePrice: 4.50 }
`,
)}transactions:
  - { type: issue, date: 2021-01-01, holder: alice, class: common, shares: 1000000 }
  - { type: issue, date: 2021-01-01, holder: bob, class: common, shares: 900000 }
  - { type: issue, date: 2021-01-01, holder: carol, class: common, shares: 700000 }
  - type: tender
    id: tender
    date: 2025-10-02
    class: common
    price: 4.50
    cap: 900000
    sellers:
      - { holder: alice, shares: 600000 }
      - { holder: bob, shares: 900000 }
      - { holder: carol, shares: 500001 }
    firstRefusal:
      company: 100000
      investors: [{ holder: fund, shares: 50000 }]
    buyers:
      - { holder: growth, shares: 700000 }
      - { holder: second, shares: 150000 }
    buyersClass: seriesS
`;

describe("tender offers and secondary sales (SPEC TENDER-1..TENDER-7)", () => {
  it("TENDER-3, TENDER-4: a tender with a cap cuts sellers and buyers back pro rata, to the last share", () => {
    const deal = dealFrom(TENDER);
    const tx = deal.ledger.transactions[3] as Tender;
    // Sellers offer 2,000,001 for a cap of 900,000: 900,000 × 600,000 / 2,000,001 = 269,999.865…,
    // × 900,000 / … = 404,999.797…, × 500,001 / … = 225,000.337…; the floors sum to 899,998 and the
    // two units left go to the largest remainders (alice .865, bob .797).
    const outcome = tenderOutcome(tx);
    expect(outcome.sold).toBe(900000n);
    expect(outcome.sellers).toEqual([270000n, 405000n, 225000n]);
    expect(outcome.companyTakes).toBe(100000n);
    expect(outcome.investors).toEqual([50000n]);
    // 750,000 left for buyers asking 850,000: 750,000 × 700/850 = 617,647.05…, × 150/850 = 132,352.94…
    expect(outcome.buyers).toEqual([617647n, 132353n]);
  });

  it("TENDER-5, TENDER-6: the tender applies as repurchases, transfers and re-designations on its date", () => {
    const deal = dealFrom(TENDER);
    const before = replay(deal.ledger, "2025-10-01" as never);
    const after = replay(deal.ledger);
    if (!before.ok || !after.ok) throw new Error("replay failed");
    expect(sharesOf(before.value, "alice", "common")).toBe(1000000n);
    expect(sharesOf(before.value, "growth")).toBe(0n);
    expect(sharesOf(after.value, "alice", "common")).toBe(730000n);
    expect(sharesOf(after.value, "bob", "common")).toBe(495000n);
    expect(sharesOf(after.value, "carol", "common")).toBe(475000n);
    expect(sharesOf(after.value, "fund", "common")).toBe(50000n);
    expect(sharesOf(after.value, "growth", "seriesS")).toBe(617647n);
    expect(sharesOf(after.value, "growth", "common")).toBe(0n);
    expect(sharesOf(after.value, "second", "seriesS")).toBe(132353n);
    // The company's 100,000 are repurchased and retired: 2,600,000 − 100,000 issued.
    expect(after.value.issuedByClass.get(shareClassId("common"))).toBe(1700000n + 50000n);
    expect(after.value.issuedByClass.get(shareClassId("seriesS"))).toBe(750000n);
    // Alice's 270,000 go first to the company (100,000), then the fund (50,000), then growth (120,000).
    const growthLots = after.value.lotsOf(stakeholderId("growth"), shareClassId("seriesS"));
    expect(growthLots.map((l) => l.shares)).toEqual([120000n, 405000n, 92647n]);
    // The buyers' lots are of the new series from the tender's date.
    expect(growthLots.every((l) => l.issueDate === "2025-10-02")).toBe(true);
  });

  it("TENDER-1: a seller offering more shares than it holds is refused, naming the field", () => {
    const [p] = runProblems(
      TENDER.replace("{ holder: carol, shares: 500001 }", "{ holder: carol, shares: 700001 }"),
    );
    expect(p!.code).toBe("tender_exceeds_holding");
    expect(p!.message).toMatch(/has carol offer 700001 Common shares, and carol holds 700000/);
    expect(p!.path).toEqual(["transactions", 3, "sellers", 2, "shares"]);
  });

  it("TENDER-1: an unknown class, buyer or re-designation class and a cap above the demand are refused", () => {
    const cases: [string, string, RegExp, (string | number)[]][] = [
      ["class: common\n    price", "class: nope\n    price", /unknown share class "nope"/, ["class"]],
      ["holder: second", "holder: nobody", /unknown stakeholder "nobody"/, ["buyers", 1, "holder"]],
      ["buyersClass: seriesS", "buyersClass: seriesZ", /unknown share class "seriesZ"/, ["buyersClass"]],
      ["cap: 900000", "cap: 1000001", /cap of 1000001 shares, above the 1000000/, ["cap"]],
      ["holder: fund, shares", "holder: alice, shares", /alice both sell and buy/, ["sellers", 0, "holder"]],
    ];
    for (const [from, to, message, field] of cases) {
      const [p] = runProblems(TENDER.replace(from, to));
      expect(p!.message, to).toMatch(message);
      expect(p!.path, to).toEqual(["transactions", 3, ...field]);
    }
  });

  it("TENDER-3: a cutback sells exactly min(cap, offered), each seller within one share of its exact pro rata (property)", () => {
    const part = fc.bigInt({ min: 1n, max: 10_000_000n });
    fc.assert(
      fc.property(
        fc.array(part, { minLength: 1, maxLength: 8 }),
        fc.array(part, { minLength: 1, maxLength: 5 }),
        fc.option(part, { nil: undefined }),
        fc.bigInt({ min: 1n, max: 40_000_000n }),
        (offers, asks, company, capSeed) => {
          const demand = asks.reduce((a, b) => a + b, 0n) + (company ?? 0n);
          const cap = ((capSeed - 1n) % demand) + 1n;
          const tx: Tender = {
            type: "tender",
            id: transactionId("t"),
            date: "2025-01-01" as never,
            classId: shareClassId("common"),
            pricePerShare: money(1n, "USD"),
            cap,
            sellers: offers.map((shares, i) => ({ holder: stakeholderId(`s${i}`), shares })),
            buyers: asks.map((shares, i) => ({ holder: stakeholderId(`b${i}`), shares })),
            companyFirstRefusal: company,
            investorFirstRefusal: [],
            buyersClassId: undefined,
          };
          const offered = offers.reduce((a, b) => a + b, 0n);
          const outcome = tenderOutcome(tx);
          const sold = offered < cap ? offered : cap;
          expect(outcome.sold).toBe(sold);
          expect(outcome.sellers.reduce((a, b) => a + b, 0n)).toBe(sold);
          const taken = outcome.companyTakes + outcome.buyers.reduce((a, b) => a + b, 0n);
          expect(taken).toBe(sold);
          for (const [i, s] of outcome.sellers.entries()) {
            expect(s <= offers[i]!).toBe(true);
            const exact = Rational.of(sold * offers[i]!, offered);
            expect(Rational.of(s).sub(exact).abs().lt(Rational.ONE)).toBe(true);
          }
          for (const [i, b] of outcome.buyers.entries()) expect(b <= asks[i]!).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("TENDER-5: after the tender each seller holds what it had less what it sold, each taker what it took, and only the company's shares leave the class (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 0, max: 100 })), {
          minLength: 1,
          maxLength: 5,
        }),
        fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 0, max: 300_000 }),
        fc.integer({ min: 1, max: 100 }),
        (sellers, buyers, company, capPercent) => {
          const offers = sellers.map(([held, pct]) => Math.max(1, Math.floor((held * pct) / 100)));
          const demand = buyers.reduce((a, b) => a + b, 0) + company;
          const cap = Math.max(1, Math.floor((demand * capPercent) / 100));
          const names = [...sellers.map((_, i) => `s${i}`), ...buyers.map((_, i) => `b${i}`)];
          const yaml = `${header(names)}transactions:
${sellers.map(([held], i) => `  - { type: issue, date: 2021-01-01, holder: s${i}, class: common, shares: ${held} }`).join("\n")}
  - type: tender
    id: tender
    date: 2022-01-01
    class: common
    price: 2
    cap: ${cap}
    sellers: [${offers.map((o, i) => `{ holder: s${i}, shares: ${o} }`).join(", ")}]
    buyers: [${buyers.map((b, i) => `{ holder: b${i}, shares: ${b} }`).join(", ")}]
${company > 0 ? `    firstRefusal: { company: ${company} }\n` : ""}`;
          const deal = dealFrom(yaml);
          const outcome = tenderOutcome(deal.ledger.transactions[sellers.length] as Tender);
          const table = replay(deal.ledger);
          if (!table.ok) throw new Error(table.problems[0]!.message);
          sellers.forEach(([held], i) => {
            expect(sharesOf(table.value, `s${i}`, "common")).toBe(BigInt(held) - outcome.sellers[i]!);
          });
          buyers.forEach((_, i) => {
            expect(sharesOf(table.value, `b${i}`, "common")).toBe(outcome.buyers[i]!);
          });
          const issued = sellers.reduce((a, [held]) => a + BigInt(held), 0n);
          expect(table.value.issuedByClass.get(shareClassId("common"))).toBe(issued - outcome.companyTakes);
          table.value.assertInvariants();
        },
      ),
      { numRuns: 80, seed: 12 },
    );
  });
});
