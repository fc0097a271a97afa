import { describe, expect, it } from "vitest";
import { captable } from "../../src/app/captable.js";
import { capTableJson } from "../../src/report/captable-report.js";
import { describeEachBackend } from "../server/support/backends.js";
import { as, seedTeam, teamApp } from "../server/support/team.js";
import { cli, tempFile } from "../support/cli.js";
import { dealFrom } from "../support/deal.js";

/**
 * The YC Post-Money Safe User Guide, Appendix II, Example 1: a company of 10,000,000 shares
 * (fully diluted, pool included) sells Investor A a $200,000 safe with a $4,000,000
 * post-money cap and Investor B an $800,000 safe with an $8,000,000 post-money cap. The guide:
 * A owns 5% and B 10% "immediately prior to the Equity Financing"; Company Capitalization is
 * 10,000,000 ÷ (1 − 15%) = 11,764,705.88…; A's Safe Price $4M ÷ 11,764,705.88 = $0.34, B's
 * $0.68; A converts into 588,235 shares (the same 588,235 as SAFE-6's Series A-1).
 */
const YC_EXAMPLE = `roundtable: 1
company: { name: Example Co, currency: USD }
stakeholders:
  - { id: founders, name: Founders }
  - { id: investor-a, name: Investor A }
  - { id: investor-b, name: Investor B }
classes:
  - { id: common, name: Common, type: common }
pools:
  - { id: plan, name: Plan, class: common, reserved: 1000000 }
transactions:
  - { type: issue, date: 2020-01-01, holder: founders, class: common, shares: 9000000 }
  - { type: safe, date: 2020-06-01, holder: investor-a, amount: $200000, cap: $4000000, safeType: post_money }
  - { type: safe, date: 2020-07-01, holder: investor-b, amount: $800000, cap: $8000000, safeType: post_money }
`;

function report(text: string, input: Record<string, unknown> = {}) {
  const result = captable.run(dealFrom(text), input as never);
  if (!("ok" in result) || !result.ok) throw new Error(JSON.stringify(result));
  return result.value;
}

describe("each SAFE's ownership before any priced round (SPEC SAFE-7)", () => {
  it("SAFE-7: the YC post-money safe user guide, Example 1, to the last digit: Company Capitalization, Safe Price, shares, ownership", () => {
    const json = capTableJson(report(YC_EXAMPLE));
    expect(json.convertibles).toEqual([
      {
        security: "t2",
        holder: { id: "investor-a", name: "Investor A" },
        instrument: "safe",
        capBasis: "post_money",
        convertingAmount: "200000",
        valuationCap: "4000000",
        atCap: {
          companyCapitalization: "11764705.882352941176470588",
          capPrice: "0.34",
          shares: "588235",
          impliedOwnership: "0.05",
        },
      },
      {
        security: "t3",
        holder: { id: "investor-b", name: "Investor B" },
        instrument: "safe",
        capBasis: "post_money",
        convertingAmount: "800000",
        valuationCap: "8000000",
        atCap: {
          companyCapitalization: "11764705.882352941176470588",
          capPrice: "0.68",
          shares: "1176470",
          impliedOwnership: "0.1",
        },
      },
    ]);
    // The fields every cap table had are unchanged by the addition.
    expect(Object.keys(json).slice(0, 7)).toEqual([
      "company",
      "currency",
      "asOf",
      "holders",
      "classes",
      "totals",
      "convertibles",
    ]);
  });

  it("SAFE-7: at a given price the shares are what the round engine converts: at $1.00 both convert at their caps; at $0.50, B at the round price", () => {
    const at1 = capTableJson(report(YC_EXAMPLE, { atPrice: "$1.00" }));
    expect(at1.atPrice).toBe("1");
    expect(at1.convertibles!.map((c) => c.atPrice)).toEqual([
      { basis: "cap", conversionPrice: "0.34", shares: "588235" },
      { basis: "cap", conversionPrice: "0.68", shares: "1176470" },
    ]);
    const at50 = capTableJson(report(YC_EXAMPLE, { atPrice: "0.50" }));
    // B converts at $0.50 (below its $0.68 cap price): 1,600,000 shares; A's Company
    // Capitalization then counts B's 1,600,000 shares: 10,000,000 + 1,600,000 + A's own, so
    // A's price is $4M × (1 − 5%) ÷ 11,600,000.
    expect(at50.convertibles![1]!.atPrice).toEqual({
      basis: "round_price",
      conversionPrice: "0.5",
      shares: "1600000",
    });
    expect(at50.convertibles![0]!.atPrice!.basis).toBe("cap");
    expect(at50.convertibles![0]!.atPrice!.shares).toBe("610526");
  });

  it("SAFE-7: a cap table with no SAFE or note outstanding has no convertibles field (the JSON is as before)", () => {
    const json = capTableJson(report(YC_EXAMPLE.split("  - { type: safe")[0]!));
    expect("convertibles" in json).toBe(false);
  });

  it.each([
    ["abc", /^atPrice: "abc" is not an amount; expected an amount such as \$50B/],
    ["0", /^atPrice: a price per share is more than zero \(usage\)$/],
    ["€1", /^atPrice: the price is in EUR, the company's shares in USD \(usage\)$/],
  ])("SAFE-7: --at-price %s is refused with a message naming it", async (price, message) => {
    const file = tempFile("deal.yaml", YC_EXAMPLE);
    const r = await cli(["captable", file, "--at-price", price]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split(": ").slice(1).join(": ")).toMatch(message);
  });

  it("SAFE-7: the text shows each SAFE's Company Capitalization, cap price, shares and ownership, and the shares at --at-price", async () => {
    const file = tempFile("deal.yaml", YC_EXAMPLE);
    const r = await cli(["captable", file, "--at-price", "$0.50"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("SAFEs and notes not yet converted (SAFE-7)");
    expect(r.stdout).toMatch(
      /Investor A +SAFE, post-money +\$200K +\$4M +11,764,705 +\$0\.34 +588,235 +5\.00% +610,526 \(cap\)/,
    );
    expect(r.stdout).toMatch(
      /Investor B +SAFE, post-money +\$800K +\$8M +11,764,705 +\$0\.68 +1,176,470 +10\.00% +1,600,000 \(round price\)/,
    );
  });
});

describeEachBackend(
  "SAFE-7 over HTTP",
  (backends) => {
    it("SAFE-7: the API's captable takes atPrice and answers the CLI's JSON", async () => {
      const store = await backends.freshStore();
      const team = await seedTeam(store);
      const app = await teamApp(store);
      try {
        const file = tempFile("deal.yaml", YC_EXAMPLE);
        const expected = JSON.parse(
          (await cli(["captable", file, "--at-price", "0.50", "--format", "json"])).stdout,
        );
        const posted = await as(app, team.outsider, {
          method: "POST",
          url: "/api/v1/compute/captable?atPrice=0.50",
          headers: { "content-type": "application/yaml" },
          payload: YC_EXAMPLE,
        });
        expect(posted.statusCode, posted.body).toBe(200);
        expect(posted.json()).toEqual(expected);
        const wrong = await as(app, team.outsider, {
          method: "POST",
          url: "/api/v1/compute/captable?atPrice=0",
          headers: { "content-type": "application/yaml" },
          payload: YC_EXAMPLE,
        });
        expect(wrong.statusCode).toBe(400);
        expect(wrong.json().error.problems[0].path).toBe("query.atPrice");
      } finally {
        await app.close();
      }
    });
  },
  ["sqlite"],
);
