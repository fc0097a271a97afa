import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { captable } from "../../src/app/captable.js";
import { capTableJson } from "../../src/report/captable-report.js";
import { cli, tempFile } from "../support/cli.js";
import { dealFrom, header } from "../support/deal.js";

/**
 * Venture debt in the cap table (DEBT-6) and at an IPO (DEBT-5). $2,000,000 at 11% with a 3%
 * final payment, interest accrued (simple, actual/365) from 2023-01-01: on 2024-01-01
 * (365 days) the lender is owed 2,000,000 + 60,000 + 2,000,000 × 11% = 2,280,000.
 */
const DEAL = `${header(
  ["founder", "fund", "bank"],
  `  - { id: seriesA, name: Series A, type: preferred, originalIssuePrice: 1.00 }
`,
)}transactions:
  - { type: issue, date: 2020-01-01, holder: founder, class: common, shares: 8000000 }
  - { type: issue, date: 2021-01-01, holder: fund, class: seriesA, shares: 2000000, price: 1.00 }
  - { type: debt, id: loan, date: 2023-01-01, holder: bank, principal: $2M, interestRate: 11%, interest: accrued, finalPayment: 3%, seniority: 1, maturity: 2026-01-01 }
  - { type: repay_debt, date: 2025-06-30, debt: loan }
`;

function report(text: string, input: Record<string, unknown> = {}) {
  const result = captable.run(dealFrom(text), input as never);
  if (!("ok" in result) || !result.ok) throw new Error(JSON.stringify(result));
  return result.value;
}

describe("venture debt in the cap table (SPEC DEBT-6)", () => {
  it("DEBT-6: the debt outstanding is listed with what it would cost to repay at the date, outside ownership", () => {
    const r = report(DEAL, { asOf: "2024-01-01" });
    const json = capTableJson(r);
    expect(json.debts).toEqual([
      {
        security: "loan",
        holder: { id: "bank", name: "bank" },
        principal: "2000000",
        interestRate: "0.11",
        interest: "accrued",
        seniority: 1,
        issueDate: "2023-01-01",
        maturityDate: "2026-01-01",
        owed: "2280000",
      },
    ]);
    // Outside ownership: the lender holds nothing, and the shares are those without the debt.
    expect(json.holders.map((h) => h.id)).not.toContain("bank");
    expect(json.totals.fullyDiluted).toBe("10000000");
    const without = capTableJson(
      report(DEAL.replace(/ {2}- \{ type: debt.*\n/, "").replace(/ {2}- \{ type: repay_debt.*\n/, ""), {
        asOf: "2024-01-01",
      }),
    );
    const { debts: _debts, ...equity } = json;
    expect(equity).toEqual(without);
  });

  it("DEBT-6: in JSON the field is added only when there is debt: before the loan, and once repaid, it is absent", () => {
    expect("debts" in capTableJson(report(DEAL, { asOf: "2022-12-31" }))).toBe(false);
    expect("debts" in capTableJson(report(DEAL, { asOf: "2025-06-30" }))).toBe(false);
    expect(capTableJson(report(DEAL, { asOf: "2025-06-29" })).debts).toHaveLength(1);
  });

  it("DEBT-6: the text lists the debt below the equity table", async () => {
    const out = await cli(["captable", tempFile("deal.yaml", DEAL), "--as-of", "2024-01-01"]);
    expect(out.code, out.stderr).toBe(0);
    const equity = out.stdout.indexOf("Total:");
    const debt = out.stdout.indexOf("Venture debt outstanding (DEBT-6)");
    expect(equity).toBeGreaterThan(0);
    expect(debt).toBeGreaterThan(equity);
    expect(out.stdout).toMatch(/bank\s+loan\s+\$2M\s+11\.00%\s+accrued\s+1\s+2026-01-01\s+\$2\.28M/);
  });
});

describe("venture debt at an IPO (SPEC DEBT-5)", () => {
  it("DEBT-5: exit --ipo repays the venture debt in full before equity, and the equity's values are the IPO price's", async () => {
    // The example's loan: $2M, 3% final payment, interest paid as it falls due: owed $2,060,000.
    const file = tempFile("deal.yaml", readFileSync("examples/down-round-pay-to-play.yaml", "utf8"));
    const json = await cli(["exit", file, "--ipo", "$3/share", "--format", "json"]);
    expect(json.code, json.stderr).toBe(0);
    const ipo = JSON.parse(json.stdout);
    expect(ipo.ventureDebts).toEqual([
      {
        id: "venture-loan",
        holder: "lender",
        name: "Cairn Venture Lending",
        seniority: 1,
        owed: "2060000",
        repaid: "2060000",
      },
    ]);
    // The lender's equity is its warrants only: the debt is repaid beside it, not as shares.
    const lender = ipo.holders.find((h: { id: string }) => h.id === "lender");
    expect(lender.shares).toMatch(/^115114\./);
    expect(lender.cash).toBe("0");
    const text = await cli(["exit", file, "--ipo", "$3/share"]);
    expect(text.stdout).toMatch(
      /Venture debt repaid before equity: Cairn Venture Lending \(venture-loan, seniority 1\) \$2\.06M\n/,
    );
    expect(text.stdout.indexOf("Venture debt repaid")).toBeLessThan(text.stdout.indexOf("Holder"));
  });

  it("DEBT-5: a deal without venture debt has no ventureDebts field at an IPO", async () => {
    const out = await cli(["exit", "examples/down-round.yaml", "--ipo", "$3/share", "--format", "json"]);
    expect(out.code, out.stderr).toBe(0);
    expect("ventureDebts" in JSON.parse(out.stdout)).toBe(false);
  });
});
