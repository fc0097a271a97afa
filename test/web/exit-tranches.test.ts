import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { investedOf } from "../../src/app/exit-report.js";
import { exitTranches } from "../../src/app/exit-tranches.js";
import { Rational } from "../../src/core/exact/rational.js";
import { waterfallAt } from "../../src/core/exit/waterfall.js";
import { runDeal } from "../../src/core/round/timeline.js";
import { loadDeal } from "../../src/deal/load.js";
import { exitAtReport, exitModelOf, exitTermsOf } from "../../src/report/exit-report.js";
import { exampleText } from "./support/examples.js";

function modelOf(example: string) {
  const loaded = loadDeal(exampleText(example), `${example}.yaml`);
  if (!loaded.ok) throw new Error(loaded.diagnostics[0]!.message);
  const run = runDeal(loaded.deal.ledger, loaded.deal.rounds);
  if (!run.ok) throw new Error(run.problems[0]!.message);
  const model = exitModelOf(run.value.final, exitTermsOf(loaded.deal, undefined));
  if (!model.ok) throw new Error(model.problems[0]!.message);
  return { model: model.value, table: run.value.final };
}

describe("WEB-19 the waterfall by tranche is the exit engine's, split exactly", () => {
  for (const example of ["seed-to-series-a", "openai-round", "down-round"]) {
    it(`WEB-19 ${example}: every holder's tranches sum to its proceeds, every class's to its payout, the preference tranches to the preferences paid`, () => {
      const { model } = modelOf(example);
      fc.assert(
        fc.property(fc.bigInt({ min: 0n, max: 3_000_000_000_000n }), (exit) => {
          const value = Rational.of(exit);
          const outcome = waterfallAt(model, value);
          if (!outcome.ok) throw new Error(outcome.problems[0]!.message);
          const split = exitTranches(model, outcome.value, (id) => id);
          // The engine's exact outcome, which exitAtReport writes out (its decimals rounded).
          const o = outcome.value;
          for (const h of split.holders) {
            const exact = o.holders.find((r) => r.holder === h.id)!;
            expect(h.total.eq(exact.proceeds)).toBe(true);
          }
          for (const c of o.classes) {
            const row = split.classes.find((r) => r.id === c.classId);
            expect((row?.total ?? Rational.ZERO).eq(c.payout)).toBe(true);
          }
          const net = Rational.sum(o.positions.map((p) => p.net));
          expect(Rational.sum(split.classes.map((r) => r.total)).eq(net)).toBe(true);
          const preferences = Rational.sum(o.positions.map((p) => p.preference));
          const prefTranches = split.tranches.flatMap((t, i) => (t.kind === "preference" ? [i] : []));
          const inPreference = Rational.sum(
            split.classes.flatMap((r) => prefTranches.map((i) => r.amounts[i]!)),
          );
          expect(inPreference.eq(preferences)).toBe(true);
          const report = exitAtReport(model, [value]);
          if (!report.ok) throw new Error("report");
          expect(report.value.outcomes[0]!.classes.map((c) => c.id)).toEqual(o.classes.map((c) => c.classId));
          // Tranches ordered most senior first, then participation, then common.
          const kinds = split.tranches.map((t) => (t.kind === "preference" ? t.rank : t.kind));
          expect([...kinds]).toEqual([...kinds].sort((a, b) => rank(a) - rank(b)));
        }),
        { numRuns: 40, seed: 17 },
      );
    });
  }

  it("WEB-19 seed-to-series-a at $10M: the Series A takes its preference, its own tranche paid before common", () => {
    const { model, table } = modelOf("seed-to-series-a");
    const outcome = waterfallAt(model, Rational.of(10_000_000n));
    if (!outcome.ok) throw new Error("outcome");
    const split = exitTranches(model, outcome.value, (id) => id);
    expect(split.tranches[0]).toEqual({ kind: "preference", rank: 1 });
    expect(split.tranches.at(-1)).toEqual({ kind: "common" });
    // What each holder invested, as the exit statement counts it (REP-6a): every holder but
    // the option holders (whose exercise price the waterfall nets) invested something.
    const invested = new Map(investedOf(table).map((h) => [h.holder.id, h.invested]));
    for (const [holder, amount] of invested)
      expect(amount?.isPositive(), holder).toBe(!["alan", "edsger"].includes(holder));
  });
});

function rank(k: number | string): number {
  return typeof k === "number" ? k : k === "participation" ? 1e6 : 1e6 + 1;
}
