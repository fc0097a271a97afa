import { describe, expect, test } from "vitest";
import { rat } from "../../../src/core/exact/rational.js";
import { repayDebts } from "../../../src/core/instruments/venture-debt.js";
import { replay } from "../../../src/core/ledger/replay.js";
import { securityId, stakeholderId } from "../../../src/core/shared/ids.js";
import { exitAtReport } from "../../../src/report/exit-report.js";
import { dealFrom, diagnosticsOf, header, runProblems } from "../../support/deal.js";
import { at, model, terms } from "./helpers.js";

/**
 * Venture debt with warrant coverage, checked by hand. Debt is repaid before any equity
 * (absolute priority, as in 11 U.S.C. § 726 and § 1129(b)); among debts, by seniority.
 * - bank: $3,000,000 on 2023-01-01, 12% paid as it falls due, a 3% final payment, seniority 2,
 *   10% warrant coverage at $2.00 on Series A: 3,000,000 × 10% ÷ 2.00 = 150,000 warrants.
 *   Owed at the exit: 3,000,000 + 3% = 3,090,000.
 * - lender2: $1,000,000 on 2024-01-01, 10% accrued, seniority 1. 2024-01-01 to 2025-01-01 is
 *   366 days: 1,000,000 × 10% × 366/365 = 7,320,000/73; owed 80,320,000/73 (1,100,273.97…).
 */
const DEAL = `${header(
  ["founders", "fund", "bank", "lender2"],
  `  - { id: seriesA, name: Series A, type: preferred, originalIssuePrice: 2.00 }
`,
)}transactions:
  - { type: issue, date: 2021-01-01, holder: founders, class: common, shares: 8000000 }
  - { type: issue, date: 2022-01-01, holder: fund, class: seriesA, shares: 2000000, price: 2.00 }
  - type: debt
    id: loan1
    date: 2023-01-01
    holder: bank
    principal: 3000000
    interestRate: 12%
    finalPayment: 3%
    seniority: 2
    maturity: 2027-01-01
    warrantCoverage: 10%
    warrantClass: seriesA
    warrantPrice: 2.00
  - { type: debt, id: loan2, date: 2024-01-01, holder: lender2, principal: 1000000, interestRate: 10%, interest: accrued }
`;

function outcomes(values: string[], yaml = DEAL) {
  const table = replay(dealFrom(yaml).ledger);
  if (!table.ok) throw new Error("replay failed");
  const report = exitAtReport(model(table.value, terms()), values.map(rat));
  if (!report.ok) throw new Error(report.problems[0]!.message);
  return report.value.outcomes;
}

describe("venture debt (SPEC DEBT-1..DEBT-4)", () => {
  test("DEBT-2: the warrant coverage is issued as warrants, rounded down", () => {
    const table = replay(dealFrom(DEAL).ledger);
    if (!table.ok) throw new Error("replay failed");
    const w = table.value.securities.get(securityId("loan1-warrant"));
    expect(w?.kind).toBe("warrant");
    expect(w?.kind === "warrant" ? w.quantity : 0n).toBe(150000n);
    expect(table.value.debts.size).toBe(2);
  });

  test("DEBT-3: at a $4M exit the senior loan is repaid in full, the junior gets the rest, equity nothing", () => {
    const [o] = outcomes(["4000000"]);
    expect(o!.debt).toBe("4000000");
    expect(o!.ventureDebts).toEqual([
      { id: "loan1", holder: "bank", name: "bank", seniority: 2, owed: "3090000", repaid: "3090000" },
      {
        id: "loan2",
        holder: "lender2",
        name: "lender2",
        seniority: 1,
        owed: "1100273.972602739726027397",
        repaid: "910000",
      },
    ]);
    expect(o!.holders.every((h) => h.total === "0")).toBe(true);
  });

  test("DEBT-3: at a $20M exit both are repaid; equity shares 20,000,000 − 305,890,000/73", () => {
    const [o] = outcomes(["20000000"]);
    expect(o!.debt).toBe("4190273.972602739726027397");
    expect(o!.ventureDebts!.map((d) => d.repaid)).toEqual(["3090000", "1100273.972602739726027397"]);
    // Series A converts (its 1x is $4M): with the bank's 150,000 warrants exercised for cash at $2.00.
    const table = replay(dealFrom(DEAL).ledger);
    if (!table.ok) throw new Error("replay failed");
    const exact = at(model(table.value, terms()), "20000000");
    expect(exact.debt.toString()).toBe("305890000/73");
    expect(exact.distributable.sub(exact.exerciseCash).toString()).toBe("1154110000/73");
  });

  test("DEBT-4: debt repaid before the exit is not in the exit stack", () => {
    const [o] = outcomes(["4000000"], `${DEAL}  - { type: repay_debt, date: 2024-06-01, debt: loan2 }\n`);
    expect(o!.ventureDebts!.map((d) => d.id)).toEqual(["loan1"]);
    expect(o!.debt).toBe("3090000");
  });

  test("DEBT-3: within a seniority, debts share pro rata to what each is owed", () => {
    const d = (id: string, owed: string) => ({
      security: securityId(id),
      holder: stakeholderId(id),
      seniority: 1,
      owed: rat(owed),
    });
    const paid = repayDebts([d("a", "300"), d("b", "100")], rat("200"));
    expect(paid.map((p) => p.repaid.toString())).toEqual(["150", "50"]);
  });

  test("DEBT-1: bad venture debt is refused naming the field", () => {
    const noClass = diagnosticsOf(DEAL.replace("    warrantClass: seriesA\n", ""));
    expect(noClass[0]!.message).toMatch(/warrantCoverage, warrantClass and warrantPrice together/);
    expect(noClass[0]!.path).toEqual(["transactions", 2, "warrantClass"]);
    const [unknown] = runProblems(DEAL.replace("warrantClass: seriesA", "warrantClass: seriesZ"));
    expect(unknown!.message).toMatch(/names unknown share class "seriesZ"/);
    expect(unknown!.path).toEqual(["transactions", 2, "warrantClass"]);
    const [early] = runProblems(DEAL.replace("maturity: 2027-01-01", "maturity: 2022-01-01"));
    expect(early!.message).toMatch(/matures on 2022-01-01, before it is lent/);
    const [repay] = runProblems(`${DEAL}  - { type: repay_debt, date: 2024-06-01, debt: loan9 }\n`);
    expect(repay!.message).toMatch(/names unknown venture debt "loan9"/);
    expect(repay!.path).toEqual(["transactions", 4, "debt"]);
  });
});
