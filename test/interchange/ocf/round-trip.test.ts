import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Ledger } from "../../../src/core/ledger/ledger.js";
import { buildCheckedOcfPackage } from "../../../src/interchange/ocf/export.js";
import { importOcfFiles } from "../../../src/interchange/ocf/import.js";
import { stringifyStable } from "../../../src/interchange/ocf/json.js";
import type { OcfPreserved } from "../../../src/interchange/ocf/model.js";
import { acmeLedger } from "./fixtures.js";
import {
  expectOk,
  expectProblems,
  packageFiles,
  positions,
  SAMPLES_DIR,
  SCHEMA_DIR,
  text,
  transactionDates,
} from "./helpers.js";
import { ledgerFromSteps, stepsArbitrary } from "./ledger-generator.js";
import { commonStock, stakeholder, stockIssuance, tx } from "./ocf-objects.js";
import { repairedSample } from "./sample-repair.js";

const options = {
  schemaDir: SCHEMA_DIR,
  generatedAt: "2024-05-01T12:00:00Z",
  issuer: { countryOfFormation: "US" },
};

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
        expect(exportFiles(back.ledger, back.preserved).map((f) => text(f.bytes))).toEqual(
          first.map((f) => text(f.bytes)),
        );
      }),
      { numRuns: 100, seed: 7 },
    );
  });

  it("regression: a transfer taking two lots, then a transfer from the lot it made (found by fast-check)", () => {
    // Ana's 10,002 and 21,154 Series A go to Ben as one lot of 31,146; Ben then transfers 1 share of it.
    const steps = [
      [0, 0, 21153, false],
      [6, 0, 436173, false],
      [0, 0, 0, false],
      [0, 0, 0, false],
      [0, 0, 0, false],
      [6, 892980, 0, false],
      [0, 0, 0, false],
    ] as const;
    const ledger = ledgerFromSteps(steps);
    const first = exportFiles(ledger);
    const back = expectOk(importOcfFiles(first, options));
    expectSameCapTables(ledger, back.ledger);
    expect(exportFiles(back.ledger, back.preserved).map((f) => text(f.bytes))).toEqual(
      first.map((f) => text(f.bytes)),
    );
  });

  it("the preserved data survives a JSON round trip, as a deal file would store it", () => {
    const first = exportFiles(acmeLedger());
    const back = expectOk(importOcfFiles(first, options));
    const stored = JSON.parse(JSON.stringify(back.preserved)) as OcfPreserved;
    expect(exportFiles(back.ledger, stored).map((f) => text(f.bytes))).toEqual(
      first.map((f) => text(f.bytes)),
    );
  });
});

/** Every object of a preserved package, as comparable text, in a fixed order: the package's objects as a multiset. */
function objectsOf(preserved: OcfPreserved): string[] {
  return preserved.entries.map((e) => `${e.file} ${stringifyStable(e.object)}`).sort();
}

describe("OCF-RT-3 import, export, import gives the same cap table and the same OCF objects", () => {
  const roundTrip = (files: { path: string; bytes: Uint8Array }[], mode: "fail" | "preserve") => {
    const first = expectOk(importOcfFiles(files, { ...options, onInconsistency: mode }));
    const exported = expectOk(
      buildCheckedOcfPackage(first.ledger, first.preserved, { ...options, onInconsistency: mode }),
    );
    const second = expectOk(importOcfFiles(exported.files, { ...options, onInconsistency: mode }));
    expectSameCapTables(first.ledger, second.ledger);
    expect(objectsOf(second.preserved)).toEqual(objectsOf(first.preserved));
    expect(second.report.mapped).toEqual(first.report.mapped);
    expect(second.report.unmapped).toEqual(first.report.unmapped);
    const again = expectOk(
      buildCheckedOcfPackage(second.ledger, second.preserved, { ...options, onInconsistency: mode }),
    );
    expect(again.files.map((f) => text(f.bytes))).toEqual(exported.files.map((f) => text(f.bytes)));
    return { first, exported, second };
  };

  it("the official sample made consistent", () => {
    const { first } = roundTrip(packageFiles(repairedSample()), "fail");
    // 12 OCF transactions: 2 vesting starts fold into their issuances, 1 acceleration has no counterpart.
    expect(first.ledger.transactions.length).toBe(9);
  });

  it("the official sample as published, in preserve mode: its inconsistencies are written back as they were", async () => {
    const files = readdirSync(SAMPLES_DIR).map((name) => ({
      path: name,
      bytes: new Uint8Array(readFileSync(join(SAMPLES_DIR, name))),
    }));
    const { first, exported } = roundTrip(files, "preserve");
    expect(first.preserved.entries).toHaveLength(95);
    const checked = expectOk(
      buildCheckedOcfPackage(first.ledger, first.preserved, { ...options, onInconsistency: "preserve" }),
    );
    expect(checked.warnings.length).toBeGreaterThan(0);
    expect(checked.warnings.every((w) => w.severity === "warning")).toBe(true);
    expect(exported.files.map((f) => f.path)).toContain("Financings.ocf.json");
    // Without preserve, the export refuses to write the sample's broken references.
    const refused = buildCheckedOcfPackage(first.ledger, first.preserved, options);
    expect(refused.ok).toBe(false);
  });
});

describe("OCF-EXP-11 references are checked on export too", () => {
  it("a preserved object naming a security the ledger no longer issues stops the export", () => {
    const files = packageFiles({
      stakeholders: [stakeholder("ada")],
      stock_classes: [commonStock()],
      transactions: [
        stockIssuance("i1", "2020-01-01", "s1", "ada", "10"),
        tx("TX_STOCK_ACCEPTANCE", "a1", "2020-01-02", { security_id: "s1" }),
      ],
    });
    const { ledger, preserved } = expectOk(importOcfFiles(files, options));
    const problems = expectProblems(
      buildCheckedOcfPackage({ ...ledger, transactions: [] }, preserved, options),
    );
    expect(problems.map((p) => p.message)).toEqual([
      'Transactions.ocf.json, TX_STOCK_ACCEPTANCE "a1", at /items/0/security_id: names security "s1", which no issuance transaction of the package issues',
      "the package written from this ledger would not be valid OCF; nothing was written",
    ]);
  });
});
