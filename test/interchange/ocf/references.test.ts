import { describe, expect, it } from "vitest";
import { importOcf, importOcfFiles } from "../../../src/interchange/ocf/import.js";
import type { JsonObject } from "../../../src/interchange/ocf/json.js";
import {
  expectOk,
  expectProblems,
  ISSUER,
  type PackageParts,
  packageFiles,
  SAMPLES_DIR,
  SCHEMA_DIR,
} from "./helpers.js";

const options = { schemaDir: SCHEMA_DIR };
const usd = (amount: string) => ({ amount, currency: "USD" });

function base(): Required<
  Pick<PackageParts, "stakeholders" | "stock_classes" | "stock_plans" | "vesting_terms" | "transactions">
> {
  return {
    stakeholders: [
      { object_type: "STAKEHOLDER", id: "ada", name: { legal_name: "Ada" }, stakeholder_type: "INDIVIDUAL" },
      { object_type: "STAKEHOLDER", id: "bob", name: { legal_name: "Bob" }, stakeholder_type: "INDIVIDUAL" },
    ],
    stock_classes: [
      {
        object_type: "STOCK_CLASS",
        id: "common",
        name: "Common",
        class_type: "COMMON",
        default_id_prefix: "CS-",
        initial_shares_authorized: "1000000",
        votes_per_share: "1",
        seniority: "1",
      },
    ],
    stock_plans: [
      {
        object_type: "STOCK_PLAN",
        id: "plan",
        plan_name: "Plan",
        initial_shares_reserved: "1000",
        stock_class_ids: ["common"],
      },
    ],
    vesting_terms: [
      {
        object_type: "VESTING_TERMS",
        id: "cliff",
        name: "Cliff",
        description: "All at one year",
        allocation_type: "CUMULATIVE_ROUND_DOWN",
        vesting_conditions: [
          {
            id: "start",
            quantity: "0",
            trigger: { type: "VESTING_START_DATE" },
            next_condition_ids: ["year"],
          },
          {
            id: "year",
            portion: { numerator: "1", denominator: "1" },
            trigger: {
              type: "VESTING_SCHEDULE_RELATIVE",
              period: {
                length: 12,
                type: "MONTHS",
                occurrences: 1,
                day_of_month: "VESTING_START_DAY_OR_LAST_DAY_OF_MONTH",
              },
              relative_to_condition_id: "start",
            },
            next_condition_ids: [],
          },
        ],
      },
    ],
    transactions: [
      {
        object_type: "TX_STOCK_ISSUANCE",
        id: "i1",
        date: "2020-01-01",
        security_id: "s1",
        custom_id: "CS-1",
        stakeholder_id: "ada",
        stock_class_id: "common",
        share_price: usd("1"),
        quantity: "100",
        security_law_exemptions: [],
        stock_legend_ids: [],
        vesting_terms_id: "cliff",
      },
      {
        object_type: "TX_STOCK_TRANSFER",
        id: "t1",
        date: "2020-02-01",
        security_id: "s1",
        quantity: "100",
        resulting_security_ids: ["s2"],
      },
      {
        object_type: "TX_STOCK_ISSUANCE",
        id: "i2",
        date: "2020-02-01",
        security_id: "s2",
        custom_id: "CS-2",
        stakeholder_id: "bob",
        stock_class_id: "common",
        share_price: usd("1"),
        quantity: "100",
        security_law_exemptions: [],
        stock_legend_ids: [],
      },
    ],
  };
}

function problemsOf(change: (p: ReturnType<typeof base>) => void): string[] {
  const parts = base();
  change(parts);
  return expectProblems(importOcfFiles(packageFiles(parts), options)).map((p) => `${p.code}: ${p.message}`);
}

const tx = (p: ReturnType<typeof base>, id: string) => p.transactions.find((t) => t.id === id)!;

describe("OCF-REF a broken reference is caught with its file, object, path", () => {
  it("the base package is consistent", () => {
    expect(expectOk(importOcfFiles(packageFiles(base()), options)).report.unresolved).toEqual({});
  });

  it("OCF-REF-3 an unknown stakeholder", () => {
    expect(problemsOf((p) => (tx(p, "i1").stakeholder_id = "carol"))).toEqual([
      'ocf_broken_reference: Transactions.ocf.json, TX_STOCK_ISSUANCE "i1", at /items/0/stakeholder_id: names stakeholder "carol", which no stakeholders file of the package defines',
    ]);
  });

  it("OCF-REF-3 an unknown class, plan and vesting terms", () => {
    expect(
      problemsOf((p) => {
        tx(p, "i1").stock_class_id = "preferred";
        tx(p, "i1").stock_plan_id = "old-plan";
        tx(p, "i1").vesting_terms_id = "monthly";
      }),
    ).toEqual([
      'ocf_broken_reference: Transactions.ocf.json, TX_STOCK_ISSUANCE "i1", at /items/0/stock_class_id: names stock class "preferred", which no stock_classes file of the package defines',
      'ocf_broken_reference: Transactions.ocf.json, TX_STOCK_ISSUANCE "i1", at /items/0/stock_plan_id: names stock plan "old-plan", which no stock_plans file of the package defines',
      'ocf_broken_reference: Transactions.ocf.json, TX_STOCK_ISSUANCE "i1", at /items/0/vesting_terms_id: names vesting terms "monthly", which no vesting_terms file of the package defines',
    ]);
  });

  it("OCF-REF-3 a plan naming an unknown class", () => {
    expect(problemsOf((p) => (p.stock_plans[0]!.stock_class_ids = ["preferred"]))).toEqual([
      'ocf_broken_reference: StockPlans.ocf.json, STOCK_PLAN "plan", at /items/0/stock_class_ids/0: names stock class "preferred", which no stock_classes file of the package defines',
    ]);
  });

  it("OCF-REF-3 a transaction on a security no issuance issues, and a resulting security never issued", () => {
    expect(
      problemsOf((p) => {
        tx(p, "t1").security_id = "s9";
        p.transactions.pop();
      }),
    ).toEqual([
      'ocf_broken_reference: Transactions.ocf.json, TX_STOCK_TRANSFER "t1", at /items/1/security_id: names security "s9", which no issuance transaction of the package issues',
      'ocf_broken_reference: Transactions.ocf.json, TX_STOCK_TRANSFER "t1", at /items/1/resulting_security_ids/0: names security "s2", which no issuance transaction of the package issues',
    ]);
  });

  it("OCF-REF-3 an issuer adjustment naming another issuer", () => {
    const adjustment = {
      object_type: "TX_ISSUER_AUTHORIZED_SHARES_ADJUSTMENT",
      id: "a1",
      date: "2020-01-01",
      issuer_id: "other",
      new_shares_authorized: "5",
    };
    expect(problemsOf((p) => p.transactions.push(adjustment))).toEqual([
      `ocf_broken_reference: Transactions.ocf.json, TX_ISSUER_AUTHORIZED_SHARES_ADJUSTMENT "a1", at /items/3/issuer_id: names issuer "other"; the manifest's issuer is "${ISSUER.id as string}"`,
    ]);
  });

  it("OCF-REF-4 a vesting start naming a condition its security's terms lack", () => {
    const start = {
      object_type: "TX_VESTING_START",
      id: "v1",
      date: "2020-01-01",
      security_id: "s1",
      vesting_condition_id: "begin",
    };
    expect(problemsOf((p) => p.transactions.push(start))).toEqual([
      'ocf_broken_reference: Transactions.ocf.json, TX_VESTING_START "v1", at /items/3/vesting_condition_id: names vesting condition "begin", which vesting terms "cliff" of its security do not define',
    ]);
  });

  it("OCF-REF-4 vesting conditions naming conditions the terms lack", () => {
    expect(
      problemsOf(
        (p) => ((p.vesting_terms[0]!.vesting_conditions as JsonObject[])[0]!.next_condition_ids = ["later"]),
      ),
    ).toEqual([
      'ocf_broken_reference: VestingTerms.ocf.json, VESTING_TERMS "cliff", at /items/0/vesting_conditions/0/next_condition_ids/0: names vesting condition "later", which these terms do not define',
    ]);
  });
});

describe("OCF-REF-1, OCF-REF-2 ids are unique", () => {
  it("two stakeholders with one id", () => {
    expect(problemsOf((p) => (p.stakeholders[1]!.id = "ada"))).toContain(
      'ocf_duplicate_id: Stakeholders.ocf.json, STAKEHOLDER "ada", at /items/1/id: repeats the stakeholder id "ada" of Stakeholders.ocf.json item 0',
    );
  });

  it("a security issued twice", () => {
    expect(problemsOf((p) => (tx(p, "i2").security_id = "s1"))[0]).toBe(
      'ocf_duplicate_id: Transactions.ocf.json, TX_STOCK_ISSUANCE "i2", at /items/2/security_id: issues security "s1" again; TX_STOCK_ISSUANCE "i1" already issues it',
    );
  });

  it("a security created by two transactions", () => {
    const second = {
      object_type: "TX_STOCK_CANCELLATION",
      id: "c1",
      date: "2020-03-01",
      security_id: "s2",
      quantity: "1",
      reason_text: "x",
      balance_security_id: "s2",
    };
    expect(problemsOf((p) => p.transactions.push(second))).toEqual([
      'ocf_duplicate_id: Transactions.ocf.json, TX_STOCK_CANCELLATION "c1", at /items/3/balance_security_id: creates security "s2", which TX_STOCK_TRANSFER "t1" already creates',
    ]);
  });
});

describe("OCF-REF the official sample package", () => {
  // The samples illustrate each object type on its own: their transactions name stakeholders,
  // classes and securities the sample package does not define, reuse security ids across
  // examples, and the manifest's MD5s are placeholders (its own comment says so).
  it("is reported, every problem typed and located, and nothing imported", async () => {
    const problems = expectProblems(await importOcf(SAMPLES_DIR, options));
    const counts: Record<string, number> = {};
    for (const p of problems) counts[p.code] = (counts[p.code] ?? 0) + 1;
    expect(counts).toEqual({ ocf_hash_mismatch: 8, ocf_duplicate_id: 55, ocf_broken_reference: 123 });
    const messages = problems.map((p) => p.message);
    expect(messages).toContain(
      'Transactions.ocf.json, TX_ISSUER_AUTHORIZED_SHARES_ADJUSTMENT "test-issuer-level-share-adjustment-minimal", at /items/0/issuer_id: names issuer "ad98a30d-aeae-4282-affa-7b9fe033d5e6"; the manifest\'s issuer is "d3373e0a-4dd9-430f-8a56-3281f2800ede"',
    );
    expect(messages).toContain(
      'Transactions.ocf.json, TX_STOCK_ISSUANCE "test-stock-issuance-minimal", at /items/45/stock_class_id: names stock class "stock-class-id", which no stock_classes file of the package defines',
    );
    expect(messages).toContain(
      'Transactions.ocf.json, TX_STOCK_PLAN_POOL_ADJUSTMENT "increase_sop_pool", at /items/79/stock_plan_id: names stock plan "2022 Stock Option Plan", which no stock_plans file of the package defines',
    );
    for (const p of problems) expect(p.path?.[0]).toMatch(/\.ocf\.json$/);
  });
});
