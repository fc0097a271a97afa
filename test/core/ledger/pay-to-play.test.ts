import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { replay } from "../../../src/core/ledger/replay.js";
import { dealFrom, header, runProblems, sharesOf } from "../../support/deal.js";

/**
 * An NVCA-style pay-to-play. The NVCA Model Term Sheet ("Pay-to-Play") and the NVCA Model
 * Certificate of Incorporation (the optional "Special Mandatory Conversion" section) convert
 * the Series A of a holder who does not buy its Pro Rata Amount of the Offered Securities in
 * a Qualified Financing into Common Stock; the pro rata amount is the holder's part of the
 * Series A, as converted, of the offered shares. Figures checked by hand below.
 */
const P2P = `${header(
  ["founder", "fundA", "fundB", "newco"],
  `  - { id: seriesA, name: Series A, type: preferred, originalIssuePrice: 1.00 }
  - { id: seriesA1, name: Series A-1 (shadow), type: preferred, originalIssuePrice: 1.00, preference: { multiple: 0x } }
  - { id: seriesB, name: Series B, type: preferred, originalIssuePrice: 0.50, preference: { seniority: 2 } }
`,
)}transactions:
  - { type: issue, date: 2020-01-01, holder: founder, class: common, shares: 10000000 }
  - { type: issue, date: 2020-06-01, holder: fundA, class: seriesA, shares: 3000000, price: 1.00 }
  - { type: issue, date: 2020-06-01, holder: fundB, class: seriesA, shares: 1500000, price: 1.00 }
  - { type: issue, date: 2020-09-01, holder: fundB, class: seriesA, shares: 500000, price: 1.00 }
  - { type: issue, date: 2024-06-01, holder: newco, class: seriesB, shares: 4000000, price: 0.50 }
  - { type: issue, date: 2024-06-01, holder: fundA, class: seriesB, shares: 1200000, price: 0.50 }
  - { type: issue, date: 2024-06-01, holder: fundB, class: seriesB, shares: 500000, price: 0.50 }
  - { type: pay_to_play, id: p2p, date: 2024-06-01, classes: [seriesA], roundClass: seriesB, offered: 2000000 }
`;

describe("pay-to-play (SPEC P2P-1..P2P-4)", () => {
  it("P2P-2, P2P-3: the holder that does not buy its pro rata has its preferred converted into common", () => {
    // Offered 2,000,000 to 5,000,000 Series A as converted: fundA's pro rata 2,000,000 × 3/5 =
    // 1,200,000, bought 1,200,000 (plays); fundB's 2,000,000 × 2/5 = 800,000, bought 500,000:
    // its 1,500,000 + 500,000 Series A convert one for one (the rate is 1.00/1.00) into common.
    const deal = dealFrom(P2P);
    const table = replay(deal.ledger);
    if (!table.ok) throw new Error("replay failed");
    expect(sharesOf(table.value, "fundA", "seriesA")).toBe(3000000n);
    expect(sharesOf(table.value, "fundB", "seriesA")).toBe(0n);
    expect(sharesOf(table.value, "fundB", "common")).toBe(2000000n);
    expect(sharesOf(table.value, "fundB", "seriesB")).toBe(500000n);
    expect(table.value.issuedByClass.get("seriesA" as never)).toBe(3000000n);
    expect(table.value.issuedByClass.get("common" as never)).toBe(12000000n);
    // The day before, nothing has converted (LED-1).
    const before = replay(deal.ledger, "2024-05-31" as never);
    if (!before.ok) throw new Error("replay failed");
    expect(sharesOf(before.value, "fundB", "seriesA")).toBe(2000000n);
  });

  it("P2P-2: the pro rata is exact: a fractional pro rata needs the next whole share", () => {
    // Offered 2,000,001: fundB's pro rata is 2,000,001 × 2/5 = 800,000.4, so 800,000 is short.
    const short = P2P.replace(
      "holder: fundB, class: seriesB, shares: 500000",
      "holder: fundB, class: seriesB, shares: 800000",
    ).replace("offered: 2000000", "offered: 2000001");
    const t1 = replay(dealFrom(short).ledger);
    if (!t1.ok) throw new Error("replay failed");
    expect(sharesOf(t1.value, "fundB", "seriesA")).toBe(0n);
    const enough = short.replace("shares: 800000", "shares: 800001");
    const t2 = replay(dealFrom(enough).ledger);
    if (!t2.ok) throw new Error("replay failed");
    expect(sharesOf(t2.value, "fundB", "seriesA")).toBe(2000000n);
  });

  it("P2P-3: with a shadow class, the shares become as many shares of the series without preference", () => {
    const deal = dealFrom(P2P.replace("offered: 2000000 }", "offered: 2000000, shadowClass: seriesA1 }"));
    const table = replay(deal.ledger);
    if (!table.ok) throw new Error("replay failed");
    expect(sharesOf(table.value, "fundB", "seriesA")).toBe(0n);
    expect(sharesOf(table.value, "fundB", "seriesA1")).toBe(2000000n);
    expect(sharesOf(table.value, "fundB", "common")).toBe(0n);
  });

  it("P2P-3: conversion into common uses the class's conversion rate then (CLS-2, CLS-3)", () => {
    // A Series A conversion price of 0.75 before the pay-to-play: 2,000,000 × 1.00/0.75 = 2,666,666.67,
    // rounded down per lot: 1,500,000 → 2,000,000 and 500,000 → 666,666.
    const deal = dealFrom(
      P2P.replace(
        "  - { type: issue, date: 2024-06-01, holder: newco",
        "  - { type: adjust_conversion_price, date: 2022-01-01, class: seriesA, conversionPrice: 0.75 }\n  - { type: issue, date: 2024-06-01, holder: newco",
      ),
    );
    const table = replay(deal.ledger);
    if (!table.ok) throw new Error("replay failed");
    expect(sharesOf(table.value, "fundB", "common")).toBe(2666666n);
  });

  it("P2P-1: a pay-to-play on a class that does not exist, or on common, is refused naming the field", () => {
    const cases: [string, string, RegExp, (string | number)[]][] = [
      [
        "classes: [seriesA]",
        "classes: [seriesX]",
        /pay_to_play, 2024-06-01\) names unknown share class "seriesX"/,
        ["classes", 0],
      ],
      ["classes: [seriesA]", "classes: [common]", /names Common, a common class/, ["classes", 0]],
      ["roundClass: seriesB", "roundClass: seriesC", /unknown share class "seriesC"/, ["roundClass"]],
      [
        "offered: 2000000",
        "offered: 2000000, since: 2024-07-01",
        /counts purchases since 2024-07-01, after its own date/,
        ["since"],
      ],
      [
        "offered: 2000000",
        "offered: 2000000, shadowClass: seriesQ",
        /unknown share class "seriesQ"/,
        ["shadowClass"],
      ],
    ];
    for (const [from, to, message, field] of cases) {
      const [p] = runProblems(P2P.replace(from, to));
      expect(p!.message, to).toMatch(message);
      expect(p!.path, to).toEqual(["transactions", 7, ...field]);
    }
  });

  it("P2P-2, P2P-3: the holders converted are exactly those that bought less than their pro rata, computed by plain integer arithmetic (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 2_000_000 }), fc.integer({ min: 0, max: 1_000_000 })), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.integer({ min: 1, max: 3_000_000 }),
        (holders, offered) => {
          const names = holders.map((_, i) => `h${i}`);
          const yaml = `${header(
            names,
            `  - { id: seriesA, name: Series A, type: preferred, originalIssuePrice: 1 }
  - { id: seriesB, name: Series B, type: preferred, originalIssuePrice: 0.5 }
`,
          )}transactions:
${holders.map(([held], i) => `  - { type: issue, date: 2020-01-01, holder: h${i}, class: seriesA, shares: ${held} }`).join("\n")}
${holders
  .flatMap(([, bought], i) =>
    bought > 0
      ? [`  - { type: issue, date: 2024-01-01, holder: h${i}, class: seriesB, shares: ${bought} }\n`]
      : [],
  )
  .join(
    "",
  )}  - { type: pay_to_play, date: 2024-01-01, classes: [seriesA], roundClass: seriesB, offered: ${offered} }
`;
          const table = replay(dealFrom(yaml).ledger);
          if (!table.ok) throw new Error(table.problems[0]!.message);
          const total = holders.reduce((a, [held]) => a + BigInt(held), 0n);
          holders.forEach(([held, bought], i) => {
            // Plays when bought ≥ offered × held ÷ total, i.e. bought × total ≥ offered × held.
            const plays = BigInt(bought) * total >= BigInt(offered) * BigInt(held);
            expect(sharesOf(table.value, `h${i}`, "seriesA"), `h${i}`).toBe(plays ? BigInt(held) : 0n);
            expect(sharesOf(table.value, `h${i}`, "common"), `h${i}`).toBe(plays ? 0n : BigInt(held));
          });
        },
      ),
      { numRuns: 80, seed: 11 },
    );
  });
});
