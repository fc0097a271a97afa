import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Ledger } from "../../../src/core/ledger/ledger.js";
import { buildCheckedOcfPackage } from "../../../src/interchange/ocf/export.js";
import { importOcfFiles } from "../../../src/interchange/ocf/import.js";
import type { OcfPreserved } from "../../../src/interchange/ocf/model.js";
import { acmeLedger } from "./fixtures.js";
import { expectOk, positions, SCHEMA_DIR, text, transactionDates } from "./helpers.js";
import { ledgerFromSteps, stepsArbitrary } from "./ledger-generator.js";

const options = { schemaDir: SCHEMA_DIR, generatedAt: "2024-05-01T12:00:00Z", issuer: { countryOfFormation: "US" } };

function exportFiles(ledger: Ledger, preserved?: OcfPreserved) {
  return expectOk(buildCheckedOcfPackage(ledger, preserved, options)).files;
}

/** The cap table of `a` equals that of `b` as of every date either has a transaction on. */
function expectSameCapTables(a: Ledger, b: Ledger): void {
  for (const date of [...new Set([...transactionDates(a), ...transactionDates(b)])].sort()) {
    expect(positions(b, date), `as of ${date}`).toEqual(positions(a, date));
  }
}

describe("OCF-RT-1 export then import gives the same cap table at every date", () => {
  it("the Acme ledger, which uses every transaction type", () => {
    const ledger = acmeLedger();
    const back = expectOk(importOcfFiles(exportFiles(ledger), options));
    expectSameCapTables(ledger, back.ledger);
    expect(back.report.unmapped).toEqual({});
    expect(back.report.warnings).toEqual([]);
  });

  it("generated ledgers (fast-check)", () => {
    fc.assert(
      fc.property(stepsArbitrary, (steps) => {
        const ledger = ledgerFromSteps(steps);
        const back = expectOk(importOcfFiles(exportFiles(ledger), options));
        expectSameCapTables(ledger, back.ledger);
      }),
      { numRuns: 100, seed: 20240501 },
    );
  });
});

describe("OCF-RT-2 export, import, export gives byte-identical files", () => {
  it("the Acme ledger", () => {
    const first = exportFiles(acmeLedger());
    const back = expectOk(importOcfFiles(first, options));
    const second = exportFiles(back.ledger, back.preserved);
    expect(second.map((f) => f.path)).toEqual(first.map((f) => f.path));
    expect(second.map((f) => text(f.bytes))).toEqual(first.map((f) => text(f.bytes)));
  });

  it("generated ledgers (fast-check)", () => {
    fc.assert(
      fc.property(stepsArbitrary, (steps) => {
        const first = exportFiles(ledgerFromSteps(steps));
        const back = expectOk(importOcfFiles(first, options));
        expect(exportFiles(back.ledger, back.preserved).map((f) => text(f.bytes))).toEqual(first.map((f) => text(f.bytes)));
      }),
      { numRuns: 100, seed: 7 },
    );
  });

  it("regression: a transfer taking two lots, then a transfer from the lot it made (found by fast-check)", () => {
    // Ana's 10,002 and 21,154 Series A go to Ben as one lot of 31,146; Ben then transfers 1 share of it.
    const steps = [[0, 0, 21153, false], [6, 0, 436173, false], [0, 0, 0, false], [0, 0, 0, false], [0, 0, 0, false], [6, 892980, 0, false], [0, 0, 0, false]] as const;
    const ledger = ledgerFromSteps(steps);
    const first = exportFiles(ledger);
    const back = expectOk(importOcfFiles(first, options));
    expectSameCapTables(ledger, back.ledger);
    expect(exportFiles(back.ledger, back.preserved).map((f) => text(f.bytes))).toEqual(first.map((f) => text(f.bytes)));
  });

  it("the preserved data survives a JSON round trip, as a deal file would store it", () => {
    const first = exportFiles(acmeLedger());
    const back = expectOk(importOcfFiles(first, options));
    const stored = JSON.parse(JSON.stringify(back.preserved)) as OcfPreserved;
    expect(exportFiles(back.ledger, stored).map((f) => text(f.bytes))).toEqual(first.map((f) => text(f.bytes)));
  });
});
