import { describe, expect, it } from "vitest";
import { cli, tempFile } from "../support/cli.js";

/**
 * ROUND-5: the text of `model` explains a stated-vs-priced pre-money difference by its
 * real cause, on the adsmehub.ae note example of ROUND-3 (1,000,000 founder shares, a
 * $500,000 note at a 30% discount, $1,000,000 at a $10,000,000 pre-money).
 */
const deal = (method: string) => `roundtable: 1
company: { name: Test Co, formed: 2020-01-01, currency: USD }
stakeholders:
  - { id: founder, name: Founder }
  - { id: noteholder, name: Noteholder }
  - { id: investor, name: Investor }
classes:
  - { id: common, name: Common, type: common }
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

async function preMoneyLine(method: string): Promise<string> {
  const r = await cli(["model", tempFile(`${method}.yaml`, deal(method)), "--exact"]);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout.split("\n").find((l) => l.trim().startsWith("pre-money"))!;
}

describe("ROUND-5: the stated pre-money's difference is explained by its real cause", () => {
  it("ROUND-5: the pre-money method adds the conversion shares at the round price: $10 x 71,428 = $714,280", async () => {
    expect(await preMoneyLine("outside_pre_money")).toBe(
      "  pre-money           $10,714,280.00  (stated pre-money $10,000,000.00: +$714,280.00 the conversion shares at the round price (the pre-money method sets the price without them))",
    );
  });

  it("ROUND-5: the dollars-invested method adds the $500,000 converting; whole shares leave -$6.86", async () => {
    // Price 137/14; 1,072,992 shares before the new money: 137/14 x 1,072,992 = $10,499,993.142857...
    expect(await preMoneyLine("dollars_invested")).toBe(
      "  pre-money           $10,499,993.14  (stated pre-money $10,000,000.00: +$500,000.00 the converting SAFEs' and notes' dollars (the dollars-invested method adds them to the pre-money), -$6.86 from whole shares)",
    );
  });

  it("ROUND-5: the percentage-ownership method differs only by whole shares", async () => {
    expect(await preMoneyLine("in_pre_money")).toBe(
      "  pre-money           $9,999,999.29  (stated pre-money $10,000,000.00: -$0.71 from whole shares)",
    );
  });
});
