import { describe, expect, it } from "vitest";
import type { Ledger } from "../../../src/core/ledger/ledger.js";
import { buildCheckedOcfPackage } from "../../../src/interchange/ocf/export.js";
import { importOcfFiles } from "../../../src/interchange/ocf/import.js";
import { dealFrom, header } from "../../support/deal.js";
import { expectOk, positions, SCHEMA_DIR, transactionDates } from "./helpers.js";

const options = {
  schemaDir: SCHEMA_DIR,
  generatedAt: "2024-05-01T12:00:00Z",
  issuer: { countryOfFormation: "US" },
};

/** A pay-to-play, a tender with first refusal and re-designation, and venture debt with warrants. */
const DEAL = `${header(
  ["founders", "fundA", "fundB", "newco", "bank", "growth"],
  `  - { id: seriesA, name: Series A, type: preferred, originalIssuePrice: 1.00 }
  - { id: seriesB, name: Series B, type: preferred, originalIssuePrice: 0.50 }
  - { id: seriesS, name: Series S, type: preferred, originalIssuePrice: 0.80 }
`,
)}transactions:
  - { type: issue, date: 2020-01-01, holder: founders, class: common, shares: 10000000 }
  - { type: issue, date: 2020-06-01, holder: fundA, class: seriesA, shares: 3000000, price: 1.00 }
  - { type: issue, date: 2020-06-01, holder: fundB, class: seriesA, shares: 2000000, price: 1.00 }
  - { type: issue, date: 2024-06-01, holder: newco, class: seriesB, shares: 4000000, price: 0.50 }
  - { type: issue, date: 2024-06-01, holder: fundA, class: seriesB, shares: 1200000, price: 0.50 }
  - { type: pay_to_play, id: p2p, date: 2024-06-01, classes: [seriesA], roundClass: seriesB, offered: 2000000 }
  - { type: debt, id: loan, date: 2024-07-01, holder: bank, principal: 2000000, interestRate: 11%, warrantCoverage: 5%, warrantClass: seriesB, warrantPrice: 0.50 }
  - type: tender
    id: tender
    date: 2025-03-01
    class: common
    price: 0.80
    sellers: [{ holder: founders, shares: 1500000 }, { holder: fundB, shares: 500000 }]
    firstRefusal: { company: 200000 }
    buyers: [{ holder: growth, shares: 1000000 }]
    buyersClass: seriesS
`;

function exportOf(ledger: Ledger) {
  return expectOk(buildCheckedOcfPackage(ledger, undefined, options));
}

describe("OCF export of tenders, pay-to-play and venture debt (OCF-EXP-12, OCF-EXP-13)", () => {
  it("OCF-EXP-12: they are written as transfers, repurchases and stock conversions, valid against the official schemas", () => {
    const exported = exportOf(dealFrom(DEAL).ledger);
    expect(exported.validation).toBe("official_schemas");
    const written = exported.report.written;
    // 1,200,000 sold of 2,000,000 offered: founders 900,000 (200,000 to the company, 700,000 to
    // growth), fundB 300,000 to growth: two transfers and a repurchase.
    expect(written.TX_STOCK_TRANSFER).toBe(2);
    expect(written.TX_STOCK_REPURCHASE).toBe(1);
    // fundB's Series A lot (pay-to-play) and growth's two lots re-designated as Series S.
    expect(written.TX_STOCK_CONVERSION).toBe(3);
    expect(written.TX_WARRANT_ISSUANCE).toBe(1);
  });

  it("OCF-EXP-13: the loan is reported as not exported; its warrants are", () => {
    const exported = exportOf(dealFrom(DEAL).ledger);
    expect(exported.report.omitted).toContain(
      'transaction loan: venture debt "loan" (a loan, not equity) has no OCF 1.2.0 object',
    );
  });

  it("OCF-RT-1: export then import gives the same cap table at every date", () => {
    const ledger = dealFrom(DEAL).ledger;
    const back = expectOk(importOcfFiles(exportOf(ledger).files, options));
    for (const date of [...new Set([...transactionDates(ledger), ...transactionDates(back.ledger)])].sort()) {
      expect(positions(back.ledger, date), `as of ${date}`).toEqual(positions(ledger, date));
    }
  });
});

describe("OCF export of a partial pay-to-play (P2P-5, OCF-EXP-12)", () => {
  const PARTIAL = DEAL.replace("offered: 2000000 }", "offered: 2000000, form: partial }").replace(
    "  - { type: issue, date: 2024-06-01, holder: fundA, class: seriesB, shares: 1200000, price: 0.50 }\n",
    "  - { type: issue, date: 2024-06-01, holder: fundA, class: seriesB, shares: 1200000, price: 0.50 }\n  - { type: issue, date: 2024-06-01, holder: fundB, class: seriesB, shares: 500000, price: 0.50 }\n",
  );

  it("P2P-5: the part converted is a stock conversion with a balance security, valid; export then import gives the same cap table at every date", () => {
    expect(PARTIAL).toContain("form: partial");
    const ledger = dealFrom(PARTIAL).ledger;
    const exported = exportOf(ledger);
    expect(exported.validation).toBe("official_schemas");
    const conversion = exported.files
      .flatMap((f) => {
        const parsed = JSON.parse(new TextDecoder().decode(f.bytes)) as { items?: Record<string, unknown>[] };
        return parsed.items ?? [];
      })
      .find((o) => o.object_type === "TX_STOCK_CONVERSION" && String(o.id).startsWith("p2p"));
    // fundB converts 2,000,000 × 300,000 ÷ 800,000 = 750,000 of its 2,000,000 Series A.
    expect(conversion).toMatchObject({ quantity_converted: "750000" });
    expect(conversion!.balance_security_id).toBeDefined();
    const back = expectOk(importOcfFiles(exported.files, options));
    for (const date of [...new Set([...transactionDates(ledger), ...transactionDates(back.ledger)])].sort()) {
      expect(positions(back.ledger, date), `as of ${date}`).toEqual(positions(ledger, date));
    }
  });
});
