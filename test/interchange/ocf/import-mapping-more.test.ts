import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { rat } from "../../../src/core/exact/rational.js";
import { LIMITS } from "../../../src/core/shared/limits.js";
import { importOcf, importOcfFiles } from "../../../src/interchange/ocf/import.js";
import type { JsonObject } from "../../../src/interchange/ocf/json.js";
import {
  expectOk,
  expectProblems,
  type PackageParts,
  packageFiles,
  positions,
  SCHEMA_DIR,
  sample,
} from "./helpers.js";
import { commonStock, optionIssuance, plan, stakeholder, stockIssuance, tx, usd } from "./ocf-objects.js";

const options = { schemaDir: SCHEMA_DIR };
const people = () => ["ada", "bob", "eve"].map((id) => stakeholder(id));
const load = (parts: PackageParts) => expectOk(importOcfFiles(packageFiles(parts), options));

describe("OCF-MAP-1, OCF-MAP-11 options and RSUs", () => {
  it("the deprecated TX_PLAN_SECURITY_ISSUANCE is an equity compensation issuance; an RSU without a price costs 0", () => {
    const rsu = optionIssuance("r1", "2020-01-01", "rsu1", "eve", "10", {
      object_type: "TX_PLAN_SECURITY_ISSUANCE",
      compensation_type: "RSU",
    });
    delete rsu.exercise_price;
    const { ledger, report } = load({
      stakeholders: people(),
      stock_classes: [commonStock()],
      stock_plans: [plan()],
      transactions: [rsu],
    });
    expect(ledger.transactions[0]).toMatchObject({
      type: "option_grant",
      optionType: "rsu",
      poolId: "plan",
      classId: undefined,
      quantity: 10n,
    });
    expect((ledger.transactions[0] as { exercisePrice: { amount: unknown } }).exercisePrice.amount).toEqual(
      rat("0"),
    );
    expect(report.mapped).toMatchObject({ TX_PLAN_SECURITY_ISSUANCE: 1 });
  });

  it("an option naming neither a plan nor a class", () => {
    const option = optionIssuance("o1", "2020-01-01", "opt1", "eve", "10");
    delete option.stock_plan_id;
    const problems = expectProblems(
      importOcfFiles(
        packageFiles({ stakeholders: people(), stock_classes: [commonStock()], transactions: [option] }),
        options,
      ),
    );
    expect(problems.map((p) => p.message)).toEqual([
      'Transactions.ocf.json, TX_EQUITY_COMPENSATION_ISSUANCE "o1", at /items/0: names neither a stock plan nor a stock class; the ledger needs the class its options are for',
    ]);
  });
});

describe("OCF-MAP-3, OCF-MAP-5, OCF-MAP-14 stakeholders, plans, and details kept for export only", () => {
  it("stakeholders keep name and type; a plan naming no class draws on the first common class", () => {
    const noClass = plan("plan", "500");
    delete noClass.stock_class_ids;
    noClass.stock_class_id = "common";
    const { ledger } = load({
      stakeholders: sample("Stakeholders.ocf.json").items as JsonObject[],
      stock_classes: [commonStock()],
      stock_plans: [noClass],
    });
    expect(ledger.stakeholders.map((s) => [s.id, s.name, s.type])).toEqual([
      ["stakeholder-sample-individual-all-fields", "Person X", "individual"],
      ["stakeholder-sample-institution-all-fields", "XYZ Holdings Fund III", "institution"],
      ["stakeholder-sample-minimal-fields", "XYZ Holdings Fund IV", "institution"],
      ["d6c49a5a-257d-4b41-9f1d-073a77dfe719", "Person Y", "individual"],
    ]);
    expect(ledger.pools).toEqual([{ id: "plan", name: "Plan", classId: "common", initialReserved: 500n }]);
  });

  it("exact vesting dates and a stock issuance from a plan are kept, with warnings", () => {
    const { report } = load({
      stakeholders: people(),
      stock_classes: [commonStock()],
      stock_plans: [plan()],
      transactions: [
        stockIssuance("i1", "2020-01-01", "s1", "ada", "10", {
          stock_plan_id: "plan",
          vestings: [{ date: "2021-01-01", amount: "10" }],
        }),
      ],
    });
    expect(report.warnings.map((w) => w.message)).toEqual([
      'Transactions.ocf.json, TX_STOCK_ISSUANCE "i1", at /items/0/vestings: lists exact vesting dates; the ledger vests by schedule, so they are kept for export only',
      'Transactions.ocf.json, TX_STOCK_ISSUANCE "i1", at /items/0/stock_plan_id: issues stock from a plan; the ledger does not draw stock issuances from a pool',
    ]);
  });
});

describe("OCF-MAP-13 notes", () => {
  it("principal, rate, compounding, cap, discount and maturity", () => {
    const note = (sample("Transactions.ocf.json").items as JsonObject[]).find(
      (t) => t.id === "test-convertible-issuance-minimal",
    )!;
    const { ledger } = load({
      stakeholders: [stakeholder("stk_567890")],
      stock_classes: [commonStock()],
      issuer: {
        object_type: "ISSUER",
        id: "i",
        legal_name: "Co",
        formation_date: "1970-01-01",
        country_of_formation: "GB",
      },
      transactions: [note],
    });
    // The official sample note: GBP 1,000 at 8.99% compounding monthly, converting on 2022-01-01.
    expect(ledger.company.currency).toBe("GBP");
    expect(ledger.transactions[0]).toMatchObject({
      type: "note_issuance",
      principal: { currency: "GBP", amount: rat("1000") },
      interestRate: rat("0.0899"),
      interest: { method: "compound", periodsPerYear: 12 },
      maturityDate: "2022-01-01",
      capBasis: "pre_money",
      proRataRights: false,
    });
  });
});

describe("OCF-MAP-8, OCF-MAP-9, OCF-MAP-24, OCF-MAP-25 order, ids, repurchases, close and reissue", () => {
  it("a warrant transfer closes the warrant and issues the new ones, named by their own ids; order is by date then package order", () => {
    const warrant = (id: string, security: string, holder: string, quantity: string): JsonObject => ({
      object_type: "TX_WARRANT_ISSUANCE",
      id,
      date: "2020-01-01",
      security_id: security,
      custom_id: security,
      stakeholder_id: holder,
      quantity,
      exercise_price: usd("1"),
      purchase_price: usd("0"),
      exercise_triggers: [
        {
          trigger_id: "t",
          type: "ELECTIVE_AT_WILL",
          conversion_right: {
            type: "WARRANT_CONVERSION_RIGHT",
            conversion_mechanism: { type: "FIXED_AMOUNT_CONVERSION", converts_to_quantity: quantity },
            converts_to_stock_class_id: "common",
          },
        },
      ],
      security_law_exemptions: [],
    });
    const { ledger } = load({
      stakeholders: people(),
      stock_classes: [commonStock()],
      transactions: [
        tx("TX_STOCK_REPURCHASE", "rp", "2020-06-01", { security_id: "s1", quantity: "4", price: usd("2") }),
        stockIssuance("i1", "2020-01-01", "s1", "ada", "10"),
        warrant("w1", "w1", "ada", "100"),
        tx("TX_WARRANT_TRANSFER", "wt", "2020-03-01", {
          security_id: "w1",
          quantity: "100",
          resulting_security_ids: ["w2", "w3"],
        }),
        { ...warrant("w2", "w2", "bob", "60"), date: "2020-03-01" },
        { ...warrant("w3", "w3", "eve", "40"), date: "2020-03-01" },
      ],
    });
    expect(ledger.transactions.map((t) => [t.id, t.type, t.date])).toEqual([
      ["i1", "stock_issuance", "2020-01-01"],
      ["w1", "warrant_issuance", "2020-01-01"],
      ["wt", "cancellation", "2020-03-01"],
      ["w2", "warrant_issuance", "2020-03-01"],
      ["w3", "warrant_issuance", "2020-03-01"],
      ["rp", "repurchase", "2020-06-01"],
    ]);
    expect(ledger.transactions[5]).toMatchObject({
      holder: "ada",
      classId: "common",
      shares: 4n,
      security: "s1",
      pricePerShare: { amount: rat("2") },
    });
    expect(positions(ledger).holders).toMatchObject({
      ada: { byClass: { common: "6" }, warrants: "0" },
      bob: { warrants: "60" },
      eve: { warrants: "40" },
    });
  });
});

describe("OCF-PKG-4 limits", () => {
  it("a zip with more entries than LIMITS.ocfFiles", async () => {
    const entries: Record<string, Uint8Array> = {};
    for (let i = 0; i <= LIMITS.ocfFiles; i++) entries[`f${i}.json`] = strToU8("{}");
    const zip = join(mkdtempSync(join(tmpdir(), "ocf-zip-")), "many.zip");
    writeFileSync(zip, zipSync(entries, { level: 0 }));
    const [p] = expectProblems(await importOcf(zip, options));
    expect(p!.code).toBe("input_too_large");
    expect(p!.message).toBe(
      `${zip} holds more than ${LIMITS.ocfFiles} entries or more than ${LIMITS.ocfPackageBytes} bytes of JSON`,
    );
  });
});
