import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Rational } from "../../../src/core/exact/rational.js";
import { capTableView, fractionOf } from "../../../src/core/ledger/views.js";
import { prepareRound, priceRound } from "../../../src/core/round/price-round.js";
import { solvePricing } from "../../../src/core/round/pricing-solver.js";
import { runDeal } from "../../../src/core/round/timeline.js";
import { dealFrom } from "../../support/deal.js";

interface Generated {
  founders: bigint[];
  pool: bigint;
  safes: { amount: number; cap: number | null; discount: number | null; type: "post_money" | "pre_money" }[];
  notes: { principal: number; cap: number | null; discount: number | null }[];
  preMoney: number;
  investments: number[];
  poolTarget: number | null;
  method: "in_pre_money" | "outside_pre_money" | "dollars_invested";
}

const generatedArb: fc.Arbitrary<Generated> = fc.record({
  founders: fc.array(fc.bigInt({ min: 100_000n, max: 20_000_000n }), { minLength: 1, maxLength: 4 }),
  pool: fc.bigInt({ min: 0n, max: 3_000_000n }),
  safes: fc.array(
    fc.record({
      amount: fc.integer({ min: 10_000, max: 2_000_000 }),
      cap: fc.option(fc.integer({ min: 20_000_000, max: 80_000_000 }), { nil: null }),
      discount: fc.option(fc.integer({ min: 5, max: 30 }), { nil: null }),
      type: fc.constantFrom("post_money" as const, "pre_money" as const),
    }),
    { maxLength: 4 },
  ),
  notes: fc.array(
    fc.record({
      principal: fc.integer({ min: 10_000, max: 1_000_000 }),
      cap: fc.option(fc.integer({ min: 5_000_000, max: 60_000_000 }), { nil: null }),
      discount: fc.option(fc.integer({ min: 5, max: 30 }), { nil: null }),
    }),
    { maxLength: 2 },
  ),
  preMoney: fc.integer({ min: 5_000_000, max: 200_000_000 }),
  investments: fc.array(fc.integer({ min: 0, max: 20_000_000 }), { minLength: 1, maxLength: 4 }),
  poolTarget: fc.option(fc.integer({ min: 1, max: 20 }), { nil: null }),
  method: fc.constantFrom("in_pre_money" as const, "outside_pre_money" as const, "dollars_invested" as const),
});

function yamlOf(g: Generated): string {
  const lines = [
    "roundtable: 1",
    "company: { name: Generated, formed: 2020-01-01 }",
    "stakeholders:",
    ...g.founders.map((_, i) => `  - { id: f${i}, name: Founder ${i} }`),
    ...g.safes.map((_, i) => `  - { id: s${i}, name: SAFE holder ${i} }`),
    ...g.notes.map((_, i) => `  - { id: n${i}, name: Note holder ${i} }`),
    ...g.investments.map((_, i) => `  - { id: v${i}, name: Investor ${i} }`),
    "classes: [{ id: common, name: Common, type: common }]",
    `pools: [{ id: plan, name: Plan, class: common, reserved: ${g.pool} }]`,
    "transactions:",
    ...g.founders.map(
      (n, i) => `  - { type: issue, date: 2020-01-01, holder: f${i}, class: common, shares: ${n} }`,
    ),
    ...g.safes.map((s, i) => {
      const cap = s.cap === null ? "" : `, cap: ${s.cap}`;
      const discount = s.discount === null ? "" : `, discount: ${s.discount}%`;
      const mfn = s.cap === null && s.discount === null ? ", mfn: true" : "";
      return `  - { type: safe, date: 2021-01-0${(i % 9) + 1}, holder: s${i}, amount: ${s.amount}, safeType: ${s.type}${cap}${discount}${mfn} }`;
    }),
    ...g.notes.map((n, i) => {
      const cap = n.cap === null ? "" : `, cap: ${n.cap}`;
      const discount = n.discount === null ? ", discount: 10%" : `, discount: ${n.discount}%`;
      return `  - { type: note, date: 2021-06-01, holder: n${i}, principal: ${n.principal}, interestRate: 5%${cap}${discount} }`;
    }),
    "rounds:",
    "  - id: a",
    "    name: Series A",
    "    date: 2022-06-01",
    "    class: { id: series-a, name: Series A }",
    `    preMoney: ${g.preMoney}`,
    "    investments:",
    ...g.investments.map((m, i) => `      - { investor: v${i}, amount: ${m} }`),
    ...(g.poolTarget === null
      ? []
      : [`    pool: { pool: plan, target: ${g.poolTarget}%, inPreMoney: true }`]),
    `    conventions: { convertibles: ${g.method} }`,
  ];
  return `${lines.join("\n")}\n`;
}

function exact(g: Generated) {
  const deal = dealFrom(yamlOf(g));
  const before = runDeal(deal.ledger, deal.rounds, { beforeRound: "a" as never });
  if (!before.ok) throw new Error(before.problems[0]!.message);
  const prepared = prepareRound(before.value.final, deal.rounds[0]!);
  if (!prepared.ok) return undefined;
  const p = prepared.value;
  const solution = solvePricing({
    existing: Rational.of(p.totals.fullyDiluted),
    convertibles: p.convertibles,
    pool: p.pool,
    knownNewMoney: p.allocation.total,
    price: p.priceEquation,
  });
  return { deal, prepared: p, solution };
}

describe("priced-round properties (SPEC ROUND-4, POOL-1, SAFE-2)", () => {
  it("POOL-1: with the pool shuffle and conversions in the pre-money, new investors own exactly M / (V + M) before rounding, and the pool its target", () => {
    fc.assert(
      fc.property(generatedArb, (raw) => {
        const g: Generated = { ...raw, method: "in_pre_money", poolTarget: raw.poolTarget ?? 10 };
        const r = exact(g);
        if (!r || "reason" in r.solution) return; // infeasible terms are checked elsewhere
        const s = r.solution;
        const m = r.prepared.allocation.total;
        const v = Rational.of(BigInt(g.preMoney));
        expect(
          s.sharesPerUnit
            .mul(m)
            .div(s.fullyDilutedAfter)
            .eq(m.div(v.add(m))),
        ).toBe(true);
        if (s.poolActive) {
          const base = Rational.of([...r.prepared.totals.pools.values()][0]!.available);
          expect(
            base
              .add(s.poolIncrease)
              .div(s.fullyDilutedAfter)
              .eq(Rational.of(BigInt(g.poolTarget!), 100n)),
          ).toBe(true);
        }
      }),
      { numRuns: 120 },
    );
  });

  it("SAFE-2: a post-money SAFE converting at its cap owns exactly amount / cap of the Company Capitalization", () => {
    fc.assert(
      fc.property(generatedArb, (g) => {
        const r = exact(g);
        if (!r || "reason" in r.solution) return;
        const s = r.solution;
        const capitalization = Rational.of(r.prepared.totals.fullyDiluted).add(
          Rational.sum(s.conversionShares),
        );
        r.prepared.convertibles.forEach((c, i) => {
          if (c.capBasis === "post" && s.regimes[i] === "cap") {
            expect(s.conversionShares[i]!.div(capitalization).eq(c.amount.div(c.cap!))).toBe(true);
          }
        });
      }),
      { numRuns: 120 },
    );
  });

  it("SAFE-4: every SAFE and note converts at the lower of its cap price and its discount price", () => {
    fc.assert(
      fc.property(generatedArb, (g) => {
        const r = exact(g);
        if (!r || "reason" in r.solution) return;
        const s = r.solution;
        const capitalizationPost = Rational.of(r.prepared.totals.fullyDiluted).add(
          Rational.sum(s.conversionShares),
        );
        const capitalizationPre = Rational.of(r.prepared.totals.fullyDiluted).add(s.poolIncrease);
        r.prepared.convertibles.forEach((c, i) => {
          const price = c.amount.div(s.conversionShares[i]!);
          const discountPrice = s.price.mul(Rational.ONE.sub(c.discount));
          expect(price.lte(discountPrice)).toBe(true);
          if (c.cap) {
            const capPrice = c.cap.div(c.capBasis === "post" ? capitalizationPost : capitalizationPre);
            expect(price.lte(capPrice)).toBe(true);
            expect(price.eq(capPrice) || price.eq(discountPrice)).toBe(true);
          } else {
            expect(price.eq(discountPrice)).toBe(true);
          }
        });
      }),
      { numRuns: 120 },
    );
  });

  it("ROUND-5: priced on totals, the round equals the full-view computation: the capitalization before, the post-money after, and the ledger's invariants by a full scan", () => {
    fc.assert(
      fc.property(generatedArb, fc.boolean(), (raw, proRata) => {
        const deal = dealFrom(yamlOf(raw));
        const before = runDeal(deal.ledger, deal.rounds, { beforeRound: "a" as never });
        if (!before.ok) throw new Error(before.problems[0]!.message);
        const table = before.value.final;
        // Pro-rata investors make the round read their fully diluted shares too.
        const terms = {
          ...deal.rounds[0]!,
          investments: deal.rounds[0]!.investments.map((inv) => ({ ...inv, proRata })),
        };
        const prepared = prepareRound(table, terms);
        const outcome = priceRound(table, terms);
        if (!prepared.ok || !outcome.ok) return;
        const viewBefore = capTableView(table);
        expect(prepared.value.totals.fullyDiluted).toBe(viewBefore.totals.fullyDiluted);
        for (const inv of terms.investments) {
          if (!inv.proRata) continue;
          const row = viewBefore.holders.find((h) => h.holder === inv.investor);
          expect(prepared.value.totals.holdersFullyDiluted.get(inv.investor)).toBe(row?.fullyDiluted ?? 0n);
        }
        const o = outcome.value;
        const viewAfter = capTableView(o.after);
        expect(
          o.postMoneyValuation.amount.eq(o.pricePerShare.amount.mulInt(viewAfter.totals.fullyDiluted)),
        ).toBe(true);
        // The incremental check ran inside priceRound; the full scan agrees.
        expect(() => o.after.assertInvariants()).not.toThrow();
      }),
      { numRuns: 80 },
    );
  });

  it("FD-1: after any round the fully diluted fractions sum to exactly 1, and whole shares are within one of the exact", () => {
    fc.assert(
      fc.property(generatedArb, (g) => {
        const deal = dealFrom(yamlOf(g));
        const run = runDeal(deal.ledger, deal.rounds);
        if (!run.ok) return;
        const view = capTableView(run.value.final);
        const parts = [...view.holders.map((h) => h.fullyDiluted), ...view.pools.map((p) => p.available)];
        expect(Rational.sum(parts.map((p) => fractionOf(p, view.totals.fullyDiluted))).eq(Rational.ONE)).toBe(
          true,
        );
        const outcome = run.value.rounds[0]!;
        for (const inv of outcome.investments) {
          const exactShares = inv.accepted.amount.div(outcome.pricePerShare.amount);
          expect(Rational.of(inv.shares).lte(exactShares)).toBe(true);
          expect(exactShares.sub(Rational.of(inv.shares)).lt(Rational.ONE)).toBe(true);
        }
      }),
      { numRuns: 80 },
    );
  });

  it("ROUND-9: a round with no new money, no convertibles and no pool change changes no holding", () => {
    fc.assert(
      fc.property(generatedArb, (raw) => {
        const g: Generated = {
          ...raw,
          safes: [],
          notes: [],
          poolTarget: null,
          investments: raw.investments.map(() => 0),
        };
        const deal = dealFrom(yamlOf(g));
        const before = runDeal(deal.ledger, deal.rounds, { beforeRound: "a" as never });
        const after = runDeal(deal.ledger, deal.rounds);
        if (!before.ok || !after.ok) throw new Error("run failed");
        const vb = capTableView(before.value.final);
        const va = capTableView(after.value.final);
        expect(va.totals).toEqual(vb.totals);
        expect(va.holders).toEqual(vb.holders);
      }),
      { numRuns: 60 },
    );
  });
});
