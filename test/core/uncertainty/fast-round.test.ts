import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { money } from "../../../src/core/exact/money.js";
import { Rational, rat } from "../../../src/core/exact/rational.js";
import type { RoundTerms } from "../../../src/core/round/terms.js";
import { poolId, roundId, stakeholderId } from "../../../src/core/shared/ids.js";
import {
  type FastRoundPlan,
  fastRoundScratch,
  METRIC_FIXED,
  METRIC_FULLY_DILUTED,
  METRIC_POST_MONEY,
  METRIC_PRE_MONEY,
  METRIC_PRICE,
  METRIC_ROUND_SIZE,
  planFastRound,
  priceRoundFast,
  roundSharesFast,
  STATUS_EXACT,
  STATUS_OK,
} from "../../../src/core/uncertainty/fast-round.js";
import {
  buildQuantityModel,
  type QuantityId,
  quantityExpression,
} from "../../../src/core/uncertainty/quantity.js";
import type { RoundTemplate } from "../../../src/core/uncertainty/round-template.js";
import { exactScenarioMetrics } from "../../../src/core/uncertainty/simulate.js";
import {
  buildCapTable,
  commonClass,
  POOL,
  preferredClass,
  roundTerms,
} from "../../support/round-fixtures.js";

const QUANTITIES = [
  "round:x/valuation:pre",
  "round:x/investment:a",
  "round:x/investment:b",
  "round:x/investment:c",
  "round:x/target",
];
const qid = (i: number) => QUANTITIES[i] as QuantityId;

const dealArbitrary = fc.record({
  holders: fc.array(fc.integer({ min: 100_000, max: 100_000_000 }), { minLength: 1, maxLength: 4 }),
  preferred: fc.option(
    fc.record({
      shares: fc.integer({ min: 100_000, max: 50_000_000 }),
      price: fc.constantFrom("0.5", "1", "2.5", "40"),
      antiDilution: fc.constantFrom("none", "broad_based_weighted_average", "full_ratchet") as fc.Arbitrary<
        "none" | "broad_based_weighted_average" | "full_ratchet"
      >,
    }),
    { nil: undefined },
  ),
  pool: fc.option(
    fc.record({
      reserved: fc.integer({ min: 0, max: 20_000_000 }),
      granted: fc.integer({ min: 0, max: 100 }),
    }),
    { nil: undefined },
  ),
  safes: fc.array(
    fc.record({
      amount: fc.integer({ min: 50_000, max: 5_000_000 }),
      cap: fc.option(fc.integer({ min: 5_000_000, max: 200_000_000 }), { nil: undefined }),
      discount: fc.constantFrom(undefined, "0.1", "0.2"),
      type: fc.constantFrom("post_money", "pre_money") as fc.Arbitrary<"post_money" | "pre_money">,
      proRata: fc.boolean(),
    }),
    { maxLength: 3 },
  ),
  note: fc.option(
    fc.record({
      principal: fc.integer({ min: 50_000, max: 2_000_000 }),
      cap: fc.option(fc.integer({ min: 5_000_000, max: 100_000_000 }), { nil: undefined }),
    }),
    { nil: undefined },
  ),
  basis: fc.constantFrom("pre_money", "post_money", "price_per_share") as fc.Arbitrary<
    "pre_money" | "post_money" | "price_per_share"
  >,
  method: fc.constantFrom("in_pre_money", "outside_pre_money", "dollars_invested") as fc.Arbitrary<
    "in_pre_money" | "outside_pre_money" | "dollars_invested"
  >,
  poolTopUp: fc.constantFrom("none", "target", "shares"),
  poolFraction: fc.constantFrom("0.05", "0.1", "0.15"),
  inPreMoney: fc.boolean(),
  investors: fc.integer({ min: 1, max: 3 }),
  proRataHolder: fc.boolean(),
  target: fc.boolean(),
  leadPriority: fc.boolean(),
  nearest: fc.boolean(),
  precision: fc.option(
    fc.record({
      places: fc.integer({ min: 2, max: 6 }),
      rounding: fc.constantFrom("up" as const, "down" as const, "half_up" as const),
      sharesFromRoundedPrice: fc.boolean(),
    }),
    { nil: undefined },
  ),
  values: fc.tuple(
    fc.double({ min: 5e6, max: 5e9, noNaN: true }),
    fc.double({ min: 1e5, max: 5e7, noNaN: true }),
    fc.double({ min: 1e5, max: 5e7, noNaN: true }),
    fc.double({ min: 0, max: 5e7, noNaN: true }),
    fc.double({ min: 1e5, max: 1e8, noNaN: true }),
  ),
  price: fc.double({ min: 0.05, max: 50, noNaN: true }),
});

type Deal = typeof dealArbitrary extends fc.Arbitrary<infer T> ? T : never;

function build(deal: Deal) {
  const holders = deal.holders.map((shares, i) => ({ id: `h${i}`, shares: BigInt(shares) }));
  const classes = [commonClass()];
  if (deal.preferred) {
    classes.push(preferredClass("series-a", deal.preferred.price, deal.preferred.antiDilution));
    holders.push({ id: "pref", shares: BigInt(deal.preferred.shares), classId: "series-a" } as never);
  }
  const investors = ["a", "b", "c"].slice(0, deal.investors);
  const all = [...holders, ...investors.map((id) => ({ id, shares: 0n })), { id: "safe-holder", shares: 0n }];
  const table = buildCapTable({
    holders: all,
    classes,
    pool: deal.pool
      ? {
          reserved: BigInt(deal.pool.reserved),
          granted: BigInt(Math.min(deal.pool.granted, deal.pool.reserved)),
        }
      : undefined,
    safes: deal.safes.map((s) => ({
      holder: "safe-holder",
      amount: String(s.amount),
      cap: s.cap === undefined ? undefined : String(s.cap),
      discount: s.cap === undefined && s.discount === undefined ? "0.2" : s.discount,
      type: s.type,
      proRata: s.proRata,
    })),
    notes: deal.note
      ? [
          {
            holder: "safe-holder",
            principal: String(deal.note.principal),
            rate: "0.05",
            cap: deal.note.cap === undefined ? undefined : String(deal.note.cap),
            discount: "0.15",
          },
        ]
      : [],
  });
  const base = roundTerms("x");
  const terms: Omit<RoundTerms, "pricing" | "investments" | "targetSize"> = {
    ...base,
    oversubscription: deal.leadPriority ? "lead_priority" : "pro_rata_cutback",
    pool:
      deal.poolTopUp === "none" || !deal.pool
        ? { kind: "none" }
        : deal.poolTopUp === "target"
          ? {
              kind: "target_fraction",
              poolId: POOL,
              fraction: rat(deal.poolFraction),
              of: "unallocated",
              inPreMoney: deal.inPreMoney,
            }
          : { kind: "shares", poolId: POOL, shares: 1_000_000n, inPreMoney: deal.inPreMoney },
    conventions: {
      ...base.conventions,
      convertibles: deal.method,
      pricePrecision: deal.precision,
      shareRounding: {
        investors: deal.nearest ? "nearest" : "down",
        convertibles: "down",
        pool: deal.nearest ? "nearest" : "down",
      },
    },
  };
  const template: RoundTemplate = {
    terms,
    pricing: { basis: deal.basis, value: { kind: "quantity", expression: quantityExpression(qid(0)) } },
    investments: [
      ...investors.map((id, i) => ({
        investor: stakeholderId(id),
        amount: { kind: "quantity" as const, expression: quantityExpression(qid(i + 1)) },
        lead: i === 0,
        proRata: false,
        closing: undefined,
      })),
      ...(deal.proRataHolder
        ? [
            {
              investor: stakeholderId("h0"),
              amount: undefined,
              lead: false,
              proRata: true,
              closing: undefined,
            },
          ]
        : []),
    ],
    targetSize: deal.target ? { kind: "quantity", expression: quantityExpression(qid(4)) } : undefined,
  };
  const context = {
    stakeholders: new Map(["a", "b", "c"].map((id) => [id, id])),
    rounds: new Map([["x", "X"]]),
  };
  const model = buildQuantityModel(
    QUANTITIES.map((id) => ({ id })),
    [],
    context,
  );
  if (!model.ok) throw new Error("model");
  const values = [...deal.values];
  if (deal.basis === "price_per_share") values[0] = deal.price;
  return { table, template, model: model.value, values };
}

/** Relative deviation, with a denominator that is never zero. */
function deviation(fast: number, exact: number, scale = Math.abs(exact)): number {
  return Math.abs(fast - exact) / Math.max(scale, 1e-300);
}

describe("UNC-FAST-5 the fast path agrees with the exact engine", () => {
  it("on generated deals: status, price, size, valuations and every tracked holder within 1e-9", () => {
    let compared = 0;
    let fallbacks = 0;
    fc.assert(
      fc.property(dealArbitrary, (deal) => {
        const { table, template, model, values } = build(deal);
        const planned = planFastRound(table, template, model);
        if (!planned.ok) return; // refused at compile time (tested below); the exact engine refuses these too
        const plan: FastRoundPlan = planned.value;
        const width = METRIC_FIXED + plan.trackedCount;
        const fast = new Float64Array(width);
        const exact = new Float64Array(width);
        const status = priceRoundFast(plan, Float64Array.from(values), fast, 0, fastRoundScratch(plan));
        const exactValues = new Map(
          QUANTITIES.map((id, i) => [id as QuantityId, Rational.fromNumberText(values[i]!)]),
        );
        const exactStatus = exactScenarioMetrics(plan, table, template, exactValues, exact, 0);
        if (status === STATUS_EXACT) {
          fallbacks++;
          return;
        }
        expect(status === STATUS_OK).toBe(exactStatus === STATUS_OK);
        if (status !== STATUS_OK) return;
        compared++;
        for (const m of [METRIC_ROUND_SIZE, METRIC_PRICE, METRIC_POST_MONEY, METRIC_FULLY_DILUTED]) {
          expect(deviation(fast[m]!, exact[m]!)).toBeLessThanOrEqual(1e-9);
        }
        // Pre-money is post-money less new money: its float error scales with the post-money.
        expect(
          deviation(fast[METRIC_PRE_MONEY]!, exact[METRIC_PRE_MONEY]!, exact[METRIC_POST_MONEY]!),
        ).toBeLessThanOrEqual(1e-9);
        for (let t = 0; t < plan.trackedCount; t++) {
          const m = METRIC_FIXED + t;
          expect(deviation(fast[m]!, exact[m]!, Math.max(exact[m]!, 1))).toBeLessThanOrEqual(1e-9);
        }
      }),
      { numRuns: 200, seed: 20260128 },
    );
    // The rest both refused (no positive price, say) or went to the exact engine; enough must be compared.
    expect(compared).toBeGreaterThan(60);
    expect(fallbacks).toBeGreaterThan(0);
  });
});

describe("UNC-FAST-4 whole shares on the fast path", () => {
  it("rounds down or to nearest, and calls a count a float error away from the boundary ambiguous", () => {
    expect(roundSharesFast(1_000_000.4, false)).toBe(1_000_000);
    expect(roundSharesFast(1_000_000.6, false)).toBe(1_000_000);
    expect(roundSharesFast(1_000_000.6, true)).toBe(1_000_001);
    expect(roundSharesFast(1_000_000.4, true)).toBe(1_000_000);
    // 1,999,999.9999999996 is 2,000,000 to floats; the exact path floors it to 1,999,999.
    expect(roundSharesFast(1_999_999.999_999_999_5, false)).toBe(-1);
    expect(roundSharesFast(1_000_000, false)).toBe(-1);
    expect(roundSharesFast(1_000_000.5, true)).toBe(-1);
    expect(roundSharesFast(1_000_000.000_001, false)).toBe(1_000_000);
  });
});

describe("UNC-FAST-2 terms the fast path refuses, with a clear reason", () => {
  const deal = fc.sample(dealArbitrary, { numRuns: 1, seed: 1 })[0]!;
  const { table, template, model } = build({ ...deal, safes: [], note: undefined, preferred: undefined });
  it("a round class that does not convert one for one", () => {
    const t = {
      ...template,
      terms: { ...template.terms, newClass: { ...template.terms.newClass!, baseConversionRatio: rat(2) } },
    };
    const r = planFastRound(table, t, model);
    expect(!r.ok && r.problems[0]!.message).toContain("convert one for one");
  });
  it("a fixed amount in another currency", () => {
    const t = {
      ...template,
      pricing: {
        basis: "pre_money" as const,
        value: { kind: "fixed" as const, value: money("1000000", "EUR") },
      },
    };
    const r = planFastRound(table, t, model);
    expect(!r.ok && r.problems[0]!.message).toContain("EUR");
  });
  it("an investor the cap table does not know", () => {
    const t = {
      ...template,
      investments: [{ ...template.investments[0]!, investor: stakeholderId("ghost") }],
    };
    const r = planFastRound(table, t, model);
    expect(!r.ok && r.problems[0]!.code).toBe("deal_unknown_reference");
  });
  void poolId;
  void roundId;
});
