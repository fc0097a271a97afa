import { beforeAll, describe, expect, it } from "vitest";
import { createHighsOracle } from "../../../src/adapters/highs-lp-oracle.js";
import { rat } from "../../../src/core/exact/rational.js";
import { type ClaimId, validateClaims } from "../../../src/core/uncertainty/claim.js";
import type { LpOracle } from "../../../src/core/uncertainty/lp.js";
import { buildQuantityModel } from "../../../src/core/uncertainty/quantity.js";
import { type FeasibleRange, feasibleRanges, reconcile } from "../../../src/core/uncertainty/reconcile.js";
import { makeSource } from "../../../src/core/uncertainty/source.js";
import {
  estimate,
  FOUNDING,
  foundingClaimInputs,
  foundingClaimSet,
  foundingSources,
  USD,
} from "../../support/round-fixtures.js";

const B = (n: string | number) => rat(String(n)).mul(rat(10n ** 9n));
const ids = (...xs: string[]) => xs as ClaimId[];

/** [min, min attained, max, max attained] in billions, undefined where unbounded. */
function ends(r: FeasibleRange) {
  return [
    r.min?.value.div(B(1)).toString(),
    r.min?.attained,
    r.max?.value.div(B(1)).toString(),
    r.max?.attained,
  ];
}

function rangeOf(ranges: readonly FeasibleRange[], label: string) {
  const r = ranges.find((x) => x.quantity === label || x.label === label);
  if (!r) throw new Error(`no range for ${label}`);
  return ends(r);
}

const CAPS = ["amazon-up-to-50", "nvidia-up-to-30", "microsoft-under-10"];

let oracle: LpOracle;
beforeAll(async () => {
  oracle = await createHighsOracle();
});

describe("UNC-REC-4 exact feasible ranges on the founding report's claims", () => {
  const set = foundingClaimSet();

  it("caps 50 / 30 / <10 with the $60B subtotal: Amazon > $20B, Nvidia > 0, Microsoft < $10B", () => {
    // A + N + M = 60, A ≤ 50, N ≤ 30, M < 10, all ≥ 0:
    // A = 60 − N − M > 60 − 30 − 10 = 20 (not attained: M < 10); A ≤ 50 (N + M = 10, e.g. N = 10, M = 0).
    // N = 60 − A − M > 60 − 50 − 10 = 0 (not attained); N ≤ 30 (A + M = 30).
    // M ≥ 0 (A = 50, N = 10); M < 10 (A + N = 50 and more is possible).
    const r = feasibleRanges(set, ids("group-60", ...CAPS));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(rangeOf(r.value.quantities, FOUNDING.amazon)).toEqual(["20", false, "50", true]);
    expect(rangeOf(r.value.quantities, FOUNDING.nvidia)).toEqual(["0", false, "30", true]);
    expect(rangeOf(r.value.quantities, FOUNDING.microsoft)).toEqual(["0", true, "10", false]);
    expect(rangeOf(r.value.groups, "Amazon + Nvidia + Microsoft")).toEqual(["60", true, "60", true]);
  });

  it("with the 'about $40B' subtotal ([36, 44] by UNC-EST-3) the caps bind only above", () => {
    // A ≤ 44 (the subtotal's top), N ≤ 30, M < 10; each can be 0 since the others reach 36.
    const r = feasibleRanges(set, ids("group-about-40", ...CAPS));
    expect(r.ok && rangeOf(r.value.quantities, FOUNDING.amazon)).toEqual(["0", true, "44", true]);
    expect(r.ok && rangeOf(r.value.quantities, FOUNDING.nvidia)).toEqual(["0", true, "30", true]);
    expect(r.ok && rangeOf(r.value.quantities, FOUNDING.microsoft)).toEqual(["0", true, "10", false]);
  });

  it("the round size identity carries the subtotal to the size and SoftBank's cap into others", () => {
    // size = A + N + M + S + O ≤ 100 with A + N + M = 60 ⇒ S + O ≤ 40, size ≥ 60.
    const r = feasibleRanges(set, ids("group-60", "round-up-to-100", "softbank-up-to-30", ...CAPS));
    expect(r.ok && rangeOf(r.value.quantities, FOUNDING.size)).toEqual(["60", true, "100", true]);
    expect(r.ok && rangeOf(r.value.quantities, FOUNDING.others)).toEqual(["0", true, "40", true]);
    expect(r.ok && rangeOf(r.value.quantities, FOUNDING.softbank)).toEqual(["0", true, "30", true]);
  });

  it("a quantity no claim bounds above is unbounded; a fraction stays within [0, 1]", () => {
    const r = feasibleRanges(set, ids("microsoft-stake-27"));
    expect(r.ok && rangeOf(r.value.quantities, FOUNDING.valuation)).toEqual([
      "0",
      true,
      undefined,
      undefined,
    ]);
    const stake = r.ok ? r.value.quantities.find((q) => q.quantity === FOUNDING.stake)! : undefined;
    expect([stake?.min?.value, stake?.max?.value]).toEqual([rat("0.243"), rat("0.297")]);
  });

  it("gives the same exact ranges with the HiGHS oracle as with the exact simplex alone", () => {
    const chosen = ids("group-60", "round-up-to-100", "softbank-up-to-30", "valuation-about-830", ...CAPS);
    const a = feasibleRanges(set, chosen);
    const b = feasibleRanges(set, chosen, { oracle });
    expect(b).toEqual(a);
  });
});

describe("UNC-REC-5 conflicts found and explained", () => {
  const set = foundingClaimSet();
  const rec = reconcile(set);

  it("finds exactly one minimal conflict in the founding report: the $40B and $60B subtotals", () => {
    expect(rec.consistent).toBe(false);
    expect(rec.complete).toBe(true);
    expect(rec.conflicts.map((c) => c.claims)).toEqual([["group-about-40", "group-60"]]);
  });

  it("explains it in words naming both claims and the exact bounds", () => {
    const e = rec.conflicts[0]!.explanation;
    // The rumoured $60B (status factor 0.5) is the pivot over the $40B in talks (0.7).
    expect(e.pivot).toBe("group-60");
    expect(e.implied).toEqual({ relation: "<=", value: B(44) });
    expect(e.pivotBound).toEqual({ relation: ">=", value: B(60) });
    expect(e.text).toBe(
      'Claim "group-about-40" (Amazon + Nvidia + Microsoft: about $40B) allows Amazon + Nvidia + Microsoft to be at most $44B, but claim "group-60" (Amazon + Nvidia + Microsoft: $60B) needs at least $60B.',
    );
  });

  it("UNC-REC-6: two readings; the default keeps the $40B subtotal, which weighs more", () => {
    expect(rec.readings.map((r) => r.dropped)).toEqual([["group-60"], ["group-about-40"]]);
    // Weights: seed C (0.6) × status; Reuters B (0.8) × status; all dated 2026-01-28 or undated (same age).
    expect(rec.readings[0]!.weight).toBeCloseTo(0.6 * (0.7 * 6 + 0) + 0.8 * (0.7 + 0.7 + 1), 12);
    expect(rec.readings[1]!.weight).toBeCloseTo(0.6 * (0.7 * 5 + 0.5) + 0.8 * (0.7 + 0.7 + 1), 12);
  });

  it("explains a conflict between per-investor caps and a subtotal above their sum, strictly", () => {
    const claims = [
      ...foundingClaimInputs().filter((c) => CAPS.includes(c.id)),
      {
        id: "group-100",
        source: "seed",
        subject: [FOUNDING.amazon, FOUNDING.nvidia, FOUNDING.microsoft],
        value: estimate("$100B"),
        status: "rumored",
      },
    ];
    const r = reconcile(foundingClaimSet(claims));
    expect(r.conflicts.map((c) => [...c.claims].sort())).toEqual([
      ["amazon-up-to-50", "group-100", "microsoft-under-10", "nvidia-up-to-30"],
    ]);
    const e = r.conflicts[0]!.explanation;
    expect(e.implied).toEqual({ relation: "<", value: B(90) });
    expect(e.text).toBe(
      'Claim "amazon-up-to-50" (Amazon: up to $50B), claim "nvidia-up-to-30" (Nvidia: up to $30B) and claim "microsoft-under-10" (Microsoft: less than $10B) together allow Amazon + Nvidia + Microsoft to be less than $90B, but claim "group-100" (Amazon + Nvidia + Microsoft: $100B) needs at least $100B.',
    );
    expect(r.readings).toHaveLength(4);
  });

  it("a conflict that exists only through strictness: less than $10B against at least $10B", () => {
    const claims = [
      ...foundingClaimInputs().filter((c) => c.id === "microsoft-under-10"),
      {
        id: "microsoft-10",
        source: "seed",
        subject: FOUNDING.microsoft,
        value: estimate("at least $10B"),
        status: "rumored",
      },
    ];
    const r = reconcile(foundingClaimSet(claims));
    expect(r.conflicts).toHaveLength(1);
    const e = r.conflicts[0]!.explanation;
    expect(e.text).toContain("at least $10B");
    expect(e.text).toContain("less than $10B");
  });

  it("the oracle changes nothing in the reconciliation", () => {
    const withOracle = reconcile(set, { oracle });
    expect(withOracle.conflicts).toEqual(rec.conflicts);
    expect(withOracle.readings).toEqual(rec.readings);
  });

  it("stops at the readings limit with a warning and says the lists are partial", () => {
    const r = reconcile(set, { maxReadings: 1 });
    expect(r.complete).toBe(false);
    expect(r.warnings.map((w) => w.code)).toEqual(["reconcile_limit_reached"]);
  });
});

describe("UNC-REC-4 a user-chosen claim set", () => {
  const set = foundingClaimSet();
  it("an inconsistent choice is a claim_set_inconsistent problem that explains why", () => {
    const r = feasibleRanges(set, ids("group-about-40", "group-60", "amazon-up-to-50"));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]!.code).toBe("claim_set_inconsistent");
    expect(r.problems[0]!.message).toContain('"group-about-40", "group-60" conflict');
  });
  it("an unknown claim id", () => {
    const r = feasibleRanges(set, ids("nope"));
    expect(!r.ok && r.problems[0]!.code).toBe("claim_unknown");
  });
});

describe("UNC-CLM-1..4 claims that do not check", () => {
  const context = { stakeholders: new Map([["amazon", "Amazon"]]), rounds: new Map([["x", "Round X"]]) };
  const model = buildQuantityModel(
    [{ id: "round:x/investment:amazon" }, { id: "holder:amazon/stake" }],
    [],
    context,
  );
  if (!model.ok) throw new Error("model");
  const sources = foundingSources();
  const check = (input: Partial<Parameters<typeof validateClaims>[0][number]>) => {
    const r = validateClaims(
      [
        {
          id: "c",
          source: "seed",
          subject: "round:x/investment:amazon",
          value: estimate("up to $5B"),
          status: "in_talks",
          ...input,
        },
      ],
      sources,
      model.value,
      { currency: USD },
    );
    return r.ok ? "ok" : r.problems.map((p) => `${p.code}: ${p.message}`).join("\n");
  };
  it("accepts a good claim", () => expect(check({})).toBe("ok"));
  it("a claim on an unknown investor's quantity", () => {
    expect(check({ subject: "round:x/investment:amazonn" })).toContain(
      'claim_unknown_quantity: claim "c" is about "round:x/investment:amazonn", a quantity the deal does not define',
    );
  });
  it("a quantity id naming an unknown stakeholder or of no known form", () => {
    const bad = buildQuantityModel(
      [{ id: "round:x/investment:ghost" }, { id: "round:x/valuation" }],
      [],
      context,
    );
    expect(!bad.ok && bad.problems.map((p) => p.code)).toEqual([
      "quantity_unknown_reference",
      "quantity_invalid_id",
    ]);
  });
  it("an unknown source, a bad status, a bad date, evidence offsets that do not match", () => {
    expect(check({ source: "nowhere" })).toContain("claim_unknown_source");
    expect(check({ status: "whispered" })).toContain("deal_invalid_field");
    expect(check({ date: "2026-02-30" })).toContain("not a calendar date");
    expect(check({ evidence: { text: "abc", start: 0, end: 5 } })).toContain("evidence offsets");
  });
  it("a money estimate on a fraction, a currency with no rate", () => {
    expect(check({ subject: "holder:amazon/stake" })).toContain("claim_unit_mismatch");
    expect(check({ value: estimate("up to €5B") })).toContain("currency_without_rate");
  });
  it("converts through a stated rate, exactly", () => {
    const r = validateClaims(
      [
        {
          id: "c",
          source: "seed",
          subject: "round:x/investment:amazon",
          value: estimate("up to €5B"),
          status: "in_talks",
        },
      ],
      sources,
      model.value,
      { currency: USD, rates: [{ from: "EUR" as never, to: USD, rate: rat("1.08") }] },
    );
    expect(r.ok && r.value.claims[0]!.value.upper!.value).toEqual(B("5.4"));
  });
  it("UNC-SRC-2 sources with a bad reliability", () => {
    expect(makeSource({ id: "s", reliability: "F" }).ok).toBe(false);
    expect(makeSource({ id: "s", reliability: 1.5 }).ok).toBe(false);
    const s = makeSource({ id: "s", reliability: "0.75" });
    expect(s.ok && s.value.reliability).toEqual({ kind: "score", score: rat("0.75") });
    expect(makeSource({ id: "Bad Id" }).ok).toBe(false);
  });
});
