import { describe, expect, it } from "vitest";
import { currency } from "../../../src/core/exact/money.js";
import { rat } from "../../../src/core/exact/rational.js";
import { importOcf, importOcfFiles } from "../../../src/interchange/ocf/import.js";
import type { JsonObject } from "../../../src/interchange/ocf/json.js";
import {
  expectOk,
  expectProblems,
  type PackageParts,
  packageFiles,
  positions,
  SAMPLES_DIR,
  SCHEMA_DIR,
  sample,
} from "./helpers.js";
import {
  commonStock,
  optionIssuance,
  plan,
  preferredStock,
  safeIssuance,
  stakeholder,
  stockIssuance,
  tx,
  usd,
} from "./ocf-objects.js";
import { repairedSample } from "./sample-repair.js";

const options = { schemaDir: SCHEMA_DIR };
const people = () => ["ada", "bob", "eve", "vc"].map((id) => stakeholder(id));
const load = (parts: PackageParts, extra = {}) =>
  expectOk(importOcfFiles(packageFiles(parts), { ...options, ...extra }));
const messages = (parts: PackageParts) =>
  expectProblems(importOcfFiles(packageFiles(parts), options)).map((p) => `${p.code}: ${p.message}`);
const d = (text: string) => text as never;

describe("OCF-MAP-20, OCF-MAP-22 a stock transfer, its resulting security and its balance", () => {
  const parts = (balance = "70", resulting = "30", moved = "30"): PackageParts => ({
    stakeholders: people(),
    stock_classes: [commonStock()],
    transactions: [
      stockIssuance("i1", "2020-01-01", "s1", "ada", "100"),
      tx("TX_STOCK_TRANSFER", "t1", "2020-02-01", {
        security_id: "s1",
        quantity: moved,
        resulting_security_ids: ["s2"],
        balance_security_id: "s3",
      }),
      stockIssuance("i2", "2020-02-01", "s2", "bob", resulting, { share_price: usd("2.50") }),
      stockIssuance("i3", "2020-02-01", "s3", "ada", balance),
      tx("TX_STOCK_CANCELLATION", "c1", "2020-03-01", {
        security_id: "s3",
        quantity: "10",
        reason_text: "forfeited",
      }),
    ],
  });

  it("maps to a ledger transfer; the balance names the source lot, on which later transactions act", () => {
    const { ledger, preserved, report } = load(parts());
    expect(ledger.transactions.map((t) => [t.type, t.id])).toEqual([
      ["stock_issuance", "i1"],
      ["transfer", "t1"],
      ["cancellation", "c1"],
    ]);
    expect(ledger.transactions[1]).toMatchObject({
      from: "ada",
      to: "bob",
      shares: 30n,
      security: "s1",
      resultingSecurity: "s2",
    });
    expect(ledger.transactions[2]).toMatchObject({ security: "s1", quantity: 10n });
    // 100 issued to Ada; 30 move to Bob, the 70 left are the balance s3; 10 of s3 are cancelled: Ada 60, Bob 30.
    expect(positions(ledger, d("2020-02-15")).holders).toMatchObject({
      ada: { byClass: { common: "70" } },
      bob: { byClass: { common: "30" } },
    });
    expect(positions(ledger).holders).toMatchObject({
      ada: { byClass: { common: "60" } },
      bob: { byClass: { common: "30" } },
    });
    const group = preserved.entries
      .filter((e) => ["t1", "i2", "i3"].includes(String(e.object.id)))
      .map((e) => e.mapped);
    expect(
      group.every((m) => m?.to === "transactions" && m.ids.join() === "t1" && m.aliases?.s3 === "s1"),
    ).toBe(true);
    expect(report.mapped).toEqual({
      ISSUER: 1,
      STAKEHOLDER: 4,
      STOCK_CLASS: 1,
      TX_STOCK_CANCELLATION: 1,
      TX_STOCK_ISSUANCE: 3,
      TX_STOCK_TRANSFER: 1,
    });
    expect(report.unmapped).toEqual({});
  });

  it("a balance that is not the remainder", () => {
    expect(messages(parts("69"))).toEqual([
      'ocf_unmappable: Transactions.ocf.json, TX_STOCK_TRANSFER "t1", at /items/1/balance_security_id: names balance security "s3" of 69, while 70 remain',
    ]);
  });

  it("resulting securities that do not hold the quantity transferred", () => {
    expect(messages(parts("70", "25"))).toEqual([
      'ocf_unmappable: Transactions.ocf.json, TX_STOCK_TRANSFER "t1", at /items/1/resulting_security_ids: transfers 30 shares, but its resulting securities hold 25',
    ]);
  });

  it("a transfer the ledger rejects keeps the ledger's code, located in the package", () => {
    expect(messages(parts("0", "130", "130"))).toEqual([
      'transfer_exceeds_holding: Transactions.ocf.json, TX_STOCK_TRANSFER "t1", at /items/1: transaction t1 (transfer, 2020-02-01) transfers 130 Common shares from ada, who holds 100',
    ]);
  });

  it("a fractional quantity", () => {
    const p = parts();
    (p.transactions![0] as JsonObject).quantity = "100.5";
    expect(messages(p)[0]).toBe(
      'ocf_unmappable: Transactions.ocf.json, TX_STOCK_ISSUANCE "i1", at /items/0/quantity: states a fractional quantity (100.5); the ledger counts whole shares',
    );
  });
});

describe("OCF-MAP-23, OCF-MAP-28 options: exercise, cancellation, plans that retire cancelled shares", () => {
  const parts = (behavior: string, extra: JsonObject[] = []): PackageParts => ({
    stakeholders: people(),
    stock_classes: [commonStock()],
    stock_plans: [plan("plan", "1000", { default_cancellation_behavior: behavior })],
    transactions: [
      optionIssuance("o1", "2020-01-01", "opt1", "eve", "100"),
      tx("TX_EQUITY_COMPENSATION_EXERCISE", "e1", "2021-01-01", {
        security_id: "opt1",
        quantity: "40",
        resulting_security_ids: ["s10"],
      }),
      stockIssuance("i10", "2021-01-01", "s10", "eve", "40", { share_price: usd("0.10") }),
      tx("TX_EQUITY_COMPENSATION_CANCELLATION", "c1", "2021-02-01", {
        security_id: "opt1",
        quantity: "10",
        reason_text: "left",
        balance_security_id: "opt2",
      }),
      optionIssuance("o2", "2021-02-01", "opt2", "eve", "50"),
      ...extra,
    ],
  });

  it("returning to the pool: exercised shares leave it, cancelled options come back (LED-6)", () => {
    const { ledger } = load(parts("RETURN_TO_POOL"));
    expect(ledger.transactions.map((t) => t.type)).toEqual(["option_grant", "exercise", "cancellation"]);
    // Pool 1000; 100 granted leaves 900; 40 exercised stay out; 10 cancelled return: 910. Eve: 40 shares, 50 options.
    const end = positions(ledger);
    expect(end.pools).toEqual({ plan: "1000/910" });
    expect(end.holders).toMatchObject({ eve: { byClass: { common: "40" }, options: "50" } });
  });

  it("a plan that retires cancelled shares: the pool shrinks by them instead", () => {
    const { ledger } = load(parts("RETIRE"));
    expect(ledger.transactions.map((t) => [t.type, t.id])).toEqual([
      ["option_grant", "o1"],
      ["exercise", "e1"],
      ["cancellation", "c1"],
      ["pool_increase", "c1#2"],
    ]);
    // 1000 reserved, 10 retired: 990; available 900 (+10 returned, -10 retired).
    expect(positions(ledger).pools).toEqual({ plan: "990/900" });
  });

  it("a return to pool adds to a retiring plan, and has no counterpart where cancellation already returns", () => {
    const back = tx("TX_STOCK_PLAN_RETURN_TO_POOL", "r1", "2021-03-01", {
      security_id: "opt1",
      quantity: "10",
      stock_plan_id: "plan",
      reason_text: "returned",
    });
    expect(positions(load(parts("RETIRE", [back])).ledger).pools).toEqual({ plan: "1000/910" });
    const returning = load(parts("RETURN_TO_POOL", [back]));
    expect(returning.report.unmapped).toEqual({ TX_STOCK_PLAN_RETURN_TO_POOL: 1 });
    expect(returning.preserved.entries.find((e) => e.object.id === "r1")?.note).toBe(
      "the ledger returns cancelled options to their pool on cancellation (LED-6)",
    );
  });

  it("an exercise whose resulting shares are not one per option", () => {
    const p = parts("RETURN_TO_POOL");
    (p.transactions![2] as JsonObject).quantity = "35";
    expect(messages(p)).toEqual([
      'ocf_unmappable: Transactions.ocf.json, TX_EQUITY_COMPENSATION_EXERCISE "e1", at /items/1/quantity: exercises 40, but its resulting securities hold 35 shares; the ledger issues one share per option exercised',
    ]);
  });
});

describe("OCF-MAP-26, OCF-MAP-27 conversions", () => {
  const parts = (converted: string, withBalance: boolean): PackageParts => ({
    stakeholders: people(),
    stock_classes: [commonStock(), preferredStock("A")],
    transactions: [
      stockIssuance("p1", "2020-01-01", "ps1", "ada", "100", { stock_class_id: "A" }),
      tx("TX_STOCK_CONVERSION", "x1", "2021-01-01", {
        security_id: "ps1",
        quantity_converted: converted,
        resulting_security_ids: ["cs1"],
        ...(withBalance ? { balance_security_id: "ps2" } : {}),
      }),
      stockIssuance("i1", "2021-01-01", "cs1", "ada", converted),
      ...(withBalance
        ? [
            stockIssuance("p2", "2021-01-01", "ps2", "ada", String(100 - Number(converted)), {
              stock_class_id: "A",
            }),
          ]
        : []),
    ],
  });

  it("a whole lot of preferred into its common is a ledger conversion", () => {
    const { ledger } = load(parts("100", false));
    expect(ledger.transactions[1]).toMatchObject({
      type: "conversion",
      security: "ps1",
      toClassId: "common",
      shares: 100n,
      resultingSecurity: "cs1",
    });
    expect(positions(ledger).holders).toMatchObject({ ada: { byClass: { common: "100" } } });
  });

  it("part of a lot: the converted shares are cancelled and the resulting shares issued; the balance names the lot", () => {
    const { ledger } = load(parts("40", true));
    expect(ledger.transactions.map((t) => [t.type, t.id])).toEqual([
      ["stock_issuance", "p1"],
      ["cancellation", "x1"],
      ["stock_issuance", "i1"],
    ]);
    // 100 Series A; 40 convert to 40 common; 60 Series A remain as the balance.
    expect(positions(ledger).holders).toMatchObject({ ada: { byClass: { A: "60", common: "40" } } });
  });

  it("a SAFE converting into shares of its holder", () => {
    const { ledger } = load({
      stakeholders: people(),
      stock_classes: [commonStock(), preferredStock("A")],
      transactions: [
        safeIssuance("f1", "2020-01-01", "safe1", "vc", "500000"),
        tx("TX_CONVERTIBLE_CONVERSION", "x1", "2021-01-01", {
          security_id: "safe1",
          trigger_id: "next-round",
          reason_text: "Series A",
          resulting_security_ids: ["ps9"],
        }),
        stockIssuance("i9", "2021-01-01", "ps9", "vc", "625000", {
          stock_class_id: "A",
          share_price: usd("0.80"),
        }),
      ],
    });
    expect(ledger.transactions[0]).toMatchObject({
      type: "safe_issuance",
      purchaseAmount: { amount: rat("500000") },
      safeType: "post_money",
      mfn: false,
    });
    expect(ledger.transactions[1]).toMatchObject({ type: "conversion", toClassId: "A", shares: 625000n });
    expect(positions(ledger, d("2020-12-31")).holders).toMatchObject({ vc: { unconverted: "500000" } });
    expect(positions(ledger).holders).toMatchObject({ vc: { byClass: { A: "625000" }, unconverted: "0" } });
  });
});

describe("OCF-MAP-12, OCF-MAP-30 objects without a counterpart are kept and reported, their effects still counted", () => {
  it("a stock appreciation right and its exercise are unmapped; the shares it gave are issued", () => {
    const { ledger, report, preserved } = load({
      stakeholders: people(),
      stock_classes: [commonStock()],
      stock_plans: [plan()],
      transactions: [
        optionIssuance("sar", "2020-01-01", "sar1", "eve", "100", {
          compensation_type: "CSAR",
          base_price: usd("1.00"),
        }),
        tx("TX_EQUITY_COMPENSATION_ACCEPTANCE", "acc", "2020-01-02", { security_id: "sar1" }),
        tx("TX_EQUITY_COMPENSATION_EXERCISE", "x1", "2021-01-01", {
          security_id: "sar1",
          quantity: "100",
          resulting_security_ids: ["s1"],
        }),
        stockIssuance("i1", "2021-01-01", "s1", "eve", "12"),
      ],
    });
    expect(ledger.transactions.map((t) => t.id)).toEqual(["i1"]);
    expect(positions(ledger).holders).toMatchObject({ eve: { byClass: { common: "12" }, options: "0" } });
    expect(report.unmapped).toEqual({
      TX_EQUITY_COMPENSATION_ACCEPTANCE: 1,
      TX_EQUITY_COMPENSATION_EXERCISE: 1,
      TX_EQUITY_COMPENSATION_ISSUANCE: 1,
    });
    expect(preserved.entries.map((e) => e.note)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      "stock appreciation rights have no counterpart in the ledger",
      "acceptances record the holder's signature; the ledger has no counterpart",
      'acts on security "sar1", which has no counterpart in the ledger',
      undefined,
    ]);
  });
});

describe("OCF-MAP-4, OCF-MAP-29 classes, splits, ratio, authorized and pool adjustments", () => {
  it("a preferred class whose conversion price is below its issue price converts at their ratio", () => {
    const { ledger } = load({
      stock_classes: [
        commonStock(),
        preferredStock("A", {
          price_per_share: usd("2.00"),
          participation_cap_multiple: "3",
          conversion_rights: [
            {
              type: "STOCK_CLASS_CONVERSION_RIGHT",
              conversion_mechanism: {
                type: "RATIO_CONVERSION",
                conversion_price: usd("1.00"),
                ratio: { numerator: "2", denominator: "1" },
                rounding_type: "FLOOR",
              },
              converts_to_stock_class_id: "common",
            },
          ],
        }),
      ],
    });
    const a = ledger.classes[1]!;
    // Stated ratio 2 = base x 2.00 / 1.00, so the base is 1 (CLS-2).
    expect(a.baseConversionRatio.eq(rat("1"))).toBe(true);
    expect(a.conversionPrice?.amount.eq(rat("1"))).toBe(true);
    expect(a.preference).toMatchObject({ seniority: 2, participation: { kind: "capped" } });
    expect(positions(ledger).classes).toEqual({ common: "0/10000000/1", A: "0/1000000/2" });
  });

  it("split, conversion ratio, authorized shares and pool reserve, each as its ledger transaction", () => {
    const { ledger } = load({
      stakeholders: people(),
      stock_classes: [commonStock(), preferredStock("A")],
      stock_plans: [plan("plan", "1000")],
      transactions: [
        stockIssuance("i1", "2020-01-01", "s1", "ada", "100"),
        tx("TX_STOCK_CLASS_SPLIT", "sp", "2020-02-01", {
          stock_class_id: "common",
          split_ratio: { numerator: "3.00", denominator: "2.00" },
        }),
        tx("TX_STOCK_CLASS_CONVERSION_RATIO_ADJUSTMENT", "ra", "2020-03-01", {
          stock_class_id: "A",
          new_ratio_conversion_mechanism: {
            type: "RATIO_CONVERSION",
            conversion_price: usd("0.80"),
            ratio: { numerator: "1.875", denominator: "1" },
            rounding_type: "FLOOR",
          },
        }),
        tx("TX_STOCK_CLASS_AUTHORIZED_SHARES_ADJUSTMENT", "aa", "2020-04-01", {
          stock_class_id: "common",
          new_shares_authorized: "20000000",
        }),
        tx("TX_STOCK_PLAN_POOL_ADJUSTMENT", "pa", "2020-05-01", {
          stock_plan_id: "plan",
          shares_reserved: "2000",
        }),
      ],
    });
    expect(ledger.transactions.map((t) => t.type)).toEqual([
      "stock_issuance",
      "split",
      "conversion_price_adjustment",
      "authorized_shares_adjustment",
      "pool_increase",
    ]);
    expect(ledger.transactions[1]).toMatchObject({ numerator: 3n, denominator: 2n });
    // The 3:2 split of common raises A's ratio from 1 to 3/2 (CLS-2); the adjustment to 1.875 sets A's
    // conversion price to 3/2 x 1.00 / 1.875 = 0.8. The pool of 1000 became 1500 at the split; 2000 is +500.
    expect(ledger.transactions[2]).toMatchObject({ conversionPrice: { amount: rat("0.8") } });
    expect(ledger.transactions[4]).toMatchObject({ shares: 500n });
    expect(positions(ledger)).toEqual({
      holders: { ada: { byClass: { common: "150" }, options: "0", warrants: "0", unconverted: "0" } },
      pools: { plan: "2000/2000" },
      classes: { common: "150/20000000/1", A: "0/1000000/15/8" },
    });
  });
});

describe("OCF-MAP-6, OCF-MAP-21 vesting terms and vesting starts", () => {
  const terms = () =>
    (sample("VestingTerms.ocf.json").items as JsonObject[]).filter((t) =>
      ["4yr-1yr-cliff-schedule", "custom-vesting-100pct-upfront"].includes(String(t.id)),
    );

  it("a cliff then monthly steps maps, with a warning for its rounding; an event-based one is kept with its reason", () => {
    const { ledger, preserved, report } = load({
      stakeholders: people(),
      stock_classes: [commonStock()],
      stock_plans: [plan()],
      vesting_terms: terms(),
      transactions: [
        optionIssuance("o1", "2020-01-01", "opt1", "eve", "48", {
          vesting_terms_id: "4yr-1yr-cliff-schedule",
        }),
        tx("TX_VESTING_START", "vs", "2019-12-01", {
          security_id: "opt1",
          vesting_condition_id: "vesting-start",
        }),
        optionIssuance("o2", "2020-01-01", "opt2", "eve", "10", {
          vesting_terms_id: "custom-vesting-100pct-upfront",
        }),
      ],
    });
    expect(ledger.vestingSchedules).toEqual([
      expect.objectContaining({
        id: "4yr-1yr-cliff-schedule",
        months: 48,
        cliffMonths: 12,
        intervalMonths: 1,
      }),
    ]);
    expect(ledger.transactions[0]).toMatchObject({
      vestingId: "4yr-1yr-cliff-schedule",
      vestingStart: "2019-12-01",
    });
    expect(ledger.transactions[1]).toMatchObject({ vestingId: undefined });
    expect(preserved.entries.find((e) => e.object.id === "vs")?.mapped?.ids).toEqual(["o1"]);
    expect(preserved.entries.find((e) => e.object.id === "custom-vesting-100pct-upfront")?.note).toBe(
      "vesting terms have no single VESTING_START_DATE condition; roundtable's schedules are a cliff then equal monthly steps (OCF-MAP-6)",
    );
    expect(report.warnings.map((w) => w.message)).toEqual([
      'VestingTerms.ocf.json, VESTING_TERMS "4yr-1yr-cliff-schedule", at /items/0: the terms allocate by CUMULATIVE_ROUNDING; roundtable rounds cumulative vesting down (VEST-1), so vested counts may differ by a share',
    ]);
  });
});

describe("OCF-MAP-2 the ledger's currency", () => {
  const parts = (): PackageParts => ({
    stakeholders: people(),
    stock_classes: [commonStock()],
    transactions: [
      stockIssuance("i1", "2020-01-01", "s1", "ada", "10", { share_price: { amount: "1", currency: "GBP" } }),
      stockIssuance("i2", "2020-01-01", "s2", "bob", "10", { share_price: { amount: "2", currency: "GBP" } }),
      stockIssuance("i3", "2020-01-01", "s3", "eve", "10"),
    ],
  });

  it("is the currency most amounts are in; others need a stated rate", () => {
    expect(messages(parts())).toEqual([
      'currency_without_rate: Transactions.ocf.json, TX_STOCK_ISSUANCE "i3", at /items/2: transaction i3 (stock_issuance, 2020-01-01) states pricePerShare in USD, and the deal gives no rate to GBP',
    ]);
    const rates = [{ from: currency("USD"), to: currency("GBP"), rate: rat("0.8") }];
    const { ledger } = load(parts(), { exchangeRates: rates });
    expect(ledger.company.currency).toBe("GBP");
    expect(load(parts(), { currency: currency("USD"), exchangeRates: rates }).ledger.company.currency).toBe(
      "USD",
    );
  });
});

describe("OCF-MAP-40 inconsistent objects, in fail and in preserve mode", () => {
  const parts = (): PackageParts => ({
    stakeholders: people(),
    stock_classes: [commonStock()],
    transactions: [
      stockIssuance("i1", "2020-01-01", "s1", "carol", "100"),
      tx("TX_STOCK_TRANSFER", "t1", "2020-02-01", {
        security_id: "s1",
        quantity: "100",
        resulting_security_ids: ["s2"],
      }),
      stockIssuance("i2", "2020-02-01", "s2", "bob", "100"),
      stockIssuance("i3", "2020-03-01", "s3", "ada", "5"),
    ],
  });

  it("fail: one problem, at its cause, not at what follows from it", () => {
    expect(messages(parts())).toEqual([
      'ocf_broken_reference: Transactions.ocf.json, TX_STOCK_ISSUANCE "i1", at /items/0/stakeholder_id: names stakeholder "carol", which no stakeholders file of the package defines',
    ]);
  });

  it("preserve: the cause and what depends on it are set aside, kept verbatim and counted; the rest maps", () => {
    const { ledger, report, preserved } = load(parts(), { onInconsistency: "preserve" });
    expect(ledger.transactions.map((t) => t.id)).toEqual(["i3"]);
    expect(report.unresolved).toEqual({ TX_STOCK_ISSUANCE: 2, TX_STOCK_TRANSFER: 1 });
    expect(report.warnings.map((w) => [w.code, w.severity])).toEqual([["ocf_broken_reference", "warning"]]);
    expect(preserved.entries.filter((e) => e.note !== undefined)).toHaveLength(3);
  });
});

describe("OCF-MAP the official samples", () => {
  it("as published, in preserve mode: every object is mapped, kept as unmapped, or set aside, and counted", async () => {
    const { ledger, preserved, report } = expectOk(
      await importOcf(SAMPLES_DIR, { ...options, onInconsistency: "preserve" }),
    );
    const total = (r: Readonly<Record<string, number>>) => Object.values(r).reduce((a, b) => a + b, 0);
    // 4 stakeholders, 2 classes, 1 plan, 5 vesting terms, 1 valuation, 1 legend, 80 transactions, 1 financing.
    expect(preserved.entries).toHaveLength(95);
    expect(total(report.mapped) - 1 + total(report.unmapped) + total(report.unresolved)).toBe(95);
    expect(report.mapped).toEqual({
      ISSUER: 1,
      STAKEHOLDER: 4,
      STOCK_CLASS: 2,
      STOCK_PLAN: 1,
      TX_STOCK_CLASS_SPLIT: 1,
      VESTING_TERMS: 1,
    });
    // Only the 2:1 split names objects the package defines. It doubles common's 1,000,000,000
    // authorized shares and the plan's 10,000,000 reserve, and Series Seed, converting 1:1 into
    // common, now converts into 2 (CLS-2). No transaction that would give anyone shares is consistent.
    expect(ledger.transactions.map((t) => t.id)).toEqual(["common-2-for-1-split"]);
    expect(positions(ledger)).toEqual({
      holders: {},
      pools: { "257e5da9-5268-465c-84be-f6d4d4703a9b": "20000000/20000000" },
      classes: {
        "8d8371e8-d41d-4a49-9f42-b91758fd155d": "0/2000000000/1",
        "cc775778-7d6e-4f8a-93cf-4df2242d7d6d": "0/10000000/2",
      },
    });
  });

  it("made consistent, the transactions give the cap table computed by hand", () => {
    const { ledger, report } = load(repairedSample());
    const xyz = "stakeholder-sample-institution-all-fields";
    const personX = "stakeholder-sample-individual-all-fields";
    const common = "8d8371e8-d41d-4a49-9f42-b91758fd155d";
    const seed = "cc775778-7d6e-4f8a-93cf-4df2242d7d6d";
    const sop = "257e5da9-5268-465c-84be-f6d4d4703a9b";
    // 2019-12-12  Person X: 50 RSUs from the 2021 plan (10,000,000 reserved, 9,999,950 left).
    expect(positions(ledger, d("2022-01-31"))).toEqual({
      holders: { [personX]: { byClass: {}, options: "50", warrants: "0", unconverted: "0" } },
      pools: { [sop]: "10000000/9999950" },
      classes: { [common]: "0/1000000000/1", [seed]: "0/10000000/1" },
    });
    // 2022-02-01  XYZ Fund III: 1,000 common (test-security-id) and 4,800 common (test-stock-issuance-security-id);
    //             2:1 split of common: 2,000 and 9,600; Person X's RSUs 100; plan 20,000,000 reserved, 19,999,900 left;
    //             common authorized 2,000,000,000; Series Seed now converts into 2 common;
    //             repurchase of 33 and cancellation of 37 from test-security-id: 2,000 - 33 - 37 = 1,930;
    //             warrants for 22,538 common to XYZ Fund III (issued after the split).
    // 2022-11-14  the plan's reserve set to 100,000,000: 99,999,900 left.
    // 2022-12-16  Series Seed authorized cut to 9,365,000.
    // XYZ Fund III holds 1,930 + 9,600 = 11,530 common.
    expect(positions(ledger)).toEqual({
      holders: {
        [personX]: { byClass: {}, options: "100", warrants: "0", unconverted: "0" },
        [xyz]: { byClass: { [common]: "11530" }, options: "0", warrants: "22538", unconverted: "0" },
      },
      pools: { [sop]: "100000000/99999900" },
      classes: { [common]: "11530/2000000000/1", [seed]: "0/9365000/2" },
    });
    expect(report.unmapped).toEqual({
      STOCK_LEGEND_TEMPLATE: 1,
      TX_VESTING_ACCELERATION: 1,
      VALUATION: 1,
      VESTING_TERMS: 4,
    });
    expect(report.mapped).toMatchObject({
      TX_VESTING_START: 2,
      TX_STOCK_PLAN_POOL_ADJUSTMENT: 1,
      TX_STOCK_CLASS_AUTHORIZED_SHARES_ADJUSTMENT: 1,
    });
    expect(ledger.transactions.find((t) => t.id === "test-plan-security-issuance-minimal")).toMatchObject({
      optionType: "rsu",
      vestingId: "4yr-1yr-cliff-schedule",
      vestingStart: "2020-01-01",
    });
  });
});
