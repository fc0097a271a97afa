import { describe, expect, it } from "vitest";
import { runProblems } from "../../support/deal.js";

describe("terms giving no positive price are refused (SPEC ROUND-8)", () => {
  it("ROUND-8: a price that rounds to 0 at its stated precision is refused, never a division by zero (found by fast-check)", () => {
    // $3.33M of discounted notes in the pre-money capitalization of a $5M round leave a price
    // of $0.0000434 a share, 0 at 4 places: before this rule, an internal error.
    const problems = runProblems(`roundtable: 1
company: { name: Test Co, formed: 2020-01-01, currency: USD }
stakeholders:
  - { id: founders, name: Founders }
  - { id: n0, name: N0 }
  - { id: n1, name: N1 }
  - { id: n2, name: N2 }
  - { id: inv, name: Inv }
classes:
  - { id: common, name: Common, type: common }
pools:
  - { id: plan, name: Plan, class: common, reserved: 500000 }
transactions:
  - { type: issue, date: 2020-01-01, holder: founders, class: common, shares: 1000000 }
  - { type: note, date: 2020-06-01, holder: n0, principal: $362000, interestRate: 6%, discount: 25% }
  - { type: note, date: 2020-06-01, holder: n1, principal: $1983000, interestRate: 6%, discount: 20% }
  - { type: note, date: 2020-06-01, holder: n2, principal: $985000, interestRate: 6%, discount: 20% }
rounds:
  - id: a
    name: Series A
    date: 2022-01-01
    class: { id: series-a, name: Series A Preferred }
    preMoney: $5M
    investments: [{ investor: inv, amount: $103000 }]
    pool: { pool: plan, target: 8% }
    conventions: { pricePrecision: { places: 4, rounding: half_up } }
`);
    expect(problems[0]!.code).toBe("round_terms_infeasible");
    expect(problems[0]!.message).toBe(
      "round Series A: the price per share, 0.000043360731, rounds to 0 at 4 places; the terms give no positive price",
    );
  });
});
