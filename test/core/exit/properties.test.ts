import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { Rational } from "../../../src/core/exact/rational.js";
import {
  type ExitBreakpoints,
  exitBreakpoints,
  holderPayoutFunction,
  holderPayoutFunctions,
  positionFunctions,
  proceedsFunctions,
} from "../../../src/core/exit/breakpoints.js";
import { type ExitModel, prepareExit } from "../../../src/core/exit/model.js";
import {
  evaluatePiecewise,
  type PiecewiseLinear,
  valuesAtBreakpoints,
} from "../../../src/core/exit/piecewise.js";
import { allocateWithDecisions, referenceWaterfall } from "../../../src/core/exit/reference-waterfall.js";
import { compilePayoutTable, payoutsAt, toFloat } from "../../../src/core/exit/sweep.js";
import { type ExitOutcome, waterfallAt } from "../../../src/core/exit/waterfall.js";
import { buildGeneratedExit, type GeneratedExit, generatedExit } from "./arbitraries.js";

const RUNS = { numRuns: 100 };

function modelOf(g: GeneratedExit): ExitModel {
  const { table, terms } = buildGeneratedExit(g);
  const model = prepareExit(table, terms);
  // A company with nothing but fixed claims has no residual claimant: a Problem, tested in
  // problems.test.ts; such cases are skipped here.
  fc.pre(model.ok || model.problems[0]!.code !== "exit_no_residual_claimant");
  if (!model.ok) throw new Error(model.problems.map((p) => p.message).join("; "));
  return model.value;
}

function outcome(model: ExitModel, x: Rational): ExitOutcome {
  const result = waterfallAt(model, x);
  if (!result.ok) throw new Error(result.problems[0]!.message);
  return result.value;
}

/**
 * Exit values to test at: 0, every breakpoint exactly, a point inside every segment, a
 * point beyond the last breakpoint, and `extra` (a random value).
 */
function testPoints(bp: ExitBreakpoints, extra: Rational): Rational[] {
  const points = [Rational.ZERO, extra];
  const b = bp.breakpoints;
  for (let j = 0; j < b.length; j++) {
    points.push(b[j]!);
    const next = b[j + 1];
    points.push(
      next === undefined ? b[j]!.mulInt(2n).add(Rational.of(1_000_000n)) : b[j]!.add(next).divInt(2n),
    );
  }
  return points;
}

const extraValue = fc
  .tuple(fc.bigInt({ min: 0n, max: 300_000_000n }), fc.integer({ min: 1, max: 97 }))
  .map(([n, d]) => Rational.of(n * 97n + BigInt(d), 97n));

describe("exit properties on generated cap tables", () => {
  test("EXIT-1: payouts sum exactly to the distributable amount, and the top of the waterfall to the exit value", () => {
    fc.assert(
      fc.property(generatedExit({ uniform: false }), extraValue, (g, extra) => {
        const model = modelOf(g);
        for (const x of testPoints(exitBreakpoints(model), extra)) {
          const o = outcome(model, x);
          const holders = o.holders;
          expect(Rational.sum(holders.map((h) => h.proceeds)).eq(o.distributable)).toBe(true);
          expect(Rational.sum(o.positions.map((p) => p.proceeds)).eq(o.distributable)).toBe(true);
          expect(Rational.sum(holders.map((h) => h.net)).eq(o.distributable.sub(o.exerciseCash))).toBe(true);
          expect(o.fees.add(o.debt).add(o.carveOut).add(o.distributable).sub(o.exerciseCash).eq(x)).toBe(
            true,
          );
          expect(Rational.sum(holders.map((h) => h.carveOut)).eq(o.carveOut)).toBe(true);
          for (const h of holders) expect(h.total.isNegative()).toBe(false);
        }
      }),
      RUNS,
    );
  });

  test("EXIT-14: every conversion and exercise decision is a best response (a non-participating class never receives less than as common)", () => {
    fc.assert(
      fc.property(generatedExit({ uniform: false }), extraValue, (g, extra) => {
        const model = modelOf(g);
        for (const x of testPoints(exitBreakpoints(model), extra)) {
          const o = outcome(model, x);
          const equity = o.distributable.sub(o.exerciseCash);
          const decided = o.positions.map((p) => p.state === "converts" || p.state === "exercises");
          const again = allocateWithDecisions(model, equity, decided);
          for (const [i, p] of o.positions.entries()) {
            // The decisions reproduce the payouts...
            expect(again.parts[i]!.preference.eq(p.preference)).toBe(true);
            expect(again.parts[i]!.asConverted.eq(p.asConverted)).toBe(true);
            // ...and no position would receive strictly more by switching alone.
            const position = model.positions[i]!;
            const r = position.rights;
            const canSwitch =
              r.kind === "convertible" || r.kind === "option" || (r.kind === "capped" && r.convertible);
            if (!canSwitch || position.shares.isZero()) continue;
            const flipped = [...decided];
            flipped[i] = !flipped[i];
            const other = allocateWithDecisions(model, equity, flipped).parts[i]!;
            expect(other.preference.add(other.asConverted).lte(p.net)).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });

  test("EXIT-14: the reference waterfall (iterated best responses) equals the price-curve solver", () => {
    fc.assert(
      fc.property(generatedExit({ uniform: false }), extraValue, (g, extra) => {
        const model = modelOf(g);
        for (const x of testPoints(exitBreakpoints(model), extra)) {
          const fast = outcome(model, x);
          const reference = referenceWaterfall(model, x);
          if (!reference.ok) throw new Error("reference failed");
          for (const [i, p] of fast.positions.entries()) {
            const q = reference.value.positions[i]!;
            expect([
              p.position,
              p.preference.toString(),
              p.asConverted.toString(),
              p.exercisePaid.toString(),
            ]).toEqual([
              q.position,
              q.preference.toString(),
              q.asConverted.toString(),
              q.exercisePaid.toString(),
            ]);
          }
        }
      }),
      RUNS,
    );
  });

  test("EXIT-15: the breakpoint functions equal the direct waterfall anywhere, exactly at breakpoints too", () => {
    fc.assert(
      fc.property(generatedExit({ uniform: false }), extraValue, (g, extra) => {
        const model = modelOf(g);
        const bp = exitBreakpoints(model);
        const functions = model.positions.map((_, i) => positionFunctions(bp, i));
        const holders = model.holders.map((h) => holderPayoutFunction(bp, h.id));
        const proceeds = proceedsFunctions(bp);
        for (const x of testPoints(bp, extra)) {
          const o = outcome(model, x);
          for (const [i, p] of o.positions.entries()) {
            const f = functions[i]!;
            expect(evaluatePiecewise(f.preference, x).toString()).toBe(p.preference.toString());
            expect(evaluatePiecewise(f.asConverted, x).toString()).toBe(p.asConverted.toString());
            expect(evaluatePiecewise(f.exercisePaid, x).toString()).toBe(p.exercisePaid.toString());
          }
          for (const [i, h] of o.holders.entries()) {
            expect(evaluatePiecewise(holders[i]!, x).toString()).toBe(h.total.toString());
          }
          expect(evaluatePiecewise(proceeds.fees, x).eq(o.fees)).toBe(true);
          expect(evaluatePiecewise(proceeds.debt, x).eq(o.debt)).toBe(true);
          expect(evaluatePiecewise(proceeds.carveOut, x).eq(o.carveOut)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  test("EXIT-15: every holder's payout function built in one pass equals the per-holder reference and the direct waterfall at every breakpoint and between", () => {
    fc.assert(
      fc.property(generatedExit({ uniform: false }), extraValue, (g, extra) => {
        const model = modelOf(g);
        const bp = exitBreakpoints(model);
        const all = holderPayoutFunctions(bp);
        expect(all).toHaveLength(model.holders.length);
        for (const [i, h] of model.holders.entries()) {
          const reference = holderPayoutFunction(bp, h.id);
          const fn = all[i]!;
          expect(fn.atZero.toString()).toBe(reference.atZero.toString());
          expect(fn.slopes.map(String)).toEqual(reference.slopes.map(String));
          expect(fn.intercepts.map(String)).toEqual(reference.intercepts.map(String));
          // Read off the segments at the breakpoints, as the report does.
          expect(valuesAtBreakpoints(fn).map(String)).toEqual(
            bp.breakpoints.map((x) => evaluatePiecewise(reference, x).toString()),
          );
        }
        for (const x of testPoints(bp, extra)) {
          const direct = referenceWaterfall(model, x);
          if (!direct.ok) throw new Error(direct.problems[0]!.message);
          for (const [i, h] of direct.value.holders.entries()) {
            expect(evaluatePiecewise(all[i]!, x).toString()).toBe(h.total.toString());
          }
        }
      }),
      RUNS,
    );
  });

  test("EXIT-13: with one preference per share in each class, every holder's payout is non-decreasing in the exit value", () => {
    fc.assert(
      fc.property(generatedExit({ uniform: true }), (g) => {
        const model = modelOf(g);
        const bp = exitBreakpoints(model);
        for (const h of model.holders) expect(nonDecreasing(holderPayoutFunction(bp, h.id))).toBe(true);
      }),
      RUNS,
    );
  });

  test("EXIT-13: each position's total payout is non-decreasing in the exit value, whatever the holders' claims", () => {
    fc.assert(
      fc.property(generatedExit({ uniform: false }), (g) => {
        const model = modelOf(g);
        const bp = exitBreakpoints(model);
        for (let i = 0; i < model.positions.length; i++) {
          expect(nonDecreasing(positionFunctions(bp, i).payout)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  test("EXIT-13: with one preference per share in a class, its holders receive amounts proportional to their shares", () => {
    fc.assert(
      fc.property(generatedExit({ uniform: true }), extraValue, (g, extra) => {
        const model = modelOf(g);
        for (const x of testPoints(exitBreakpoints(model), extra)) {
          const o = outcome(model, x);
          for (const [i, p] of o.positions.entries()) {
            const position = model.positions[i]!;
            for (const stake of position.holders) {
              const got = o.holders
                .find((h) => h.holder === stake.holder)!
                .byPosition.find((b) => b.position === p.position)!.proceeds;
              expect(got.eq(p.proceeds.mul(Rational.of(stake.units, position.units)))).toBe(true);
            }
          }
        }
      }),
      RUNS,
    );
  });

  test("EXIT-16: the float sweep and sampling agree with the exact payouts to float rounding", () => {
    fc.assert(
      fc.property(generatedExit({ uniform: false }), extraValue, (g, extra) => {
        const model = modelOf(g);
        const bp = exitBreakpoints(model);
        const table = compilePayoutTable(bp);
        const points = testPoints(bp, extra);
        const samples = payoutsAt(table, Float64Array.from(points.map(toFloat)), "all");
        for (const [s, x] of points.entries()) {
          const o = outcome(model, x);
          // Exact inputs are rounded to float first, so compare within a bound relative to
          // the exit value (a float has 53 bits: about 1e-16 relative).
          const tolerance = 1e-9 * Math.max(1, x.toNumber());
          for (const [i, p] of o.positions.entries()) {
            expect(Math.abs(samples.positions[i]![s]! - p.net.toNumber())).toBeLessThanOrEqual(tolerance);
          }
          for (const h of o.holders) {
            expect(Math.abs(samples.holders.get(h.holder)![s]! - h.total.toNumber())).toBeLessThanOrEqual(
              tolerance,
            );
          }
        }
      }),
      { numRuns: 50 },
    );
  });
});

/** Exactly: no negative slope on any segment and no downward jump at any breakpoint. */
function nonDecreasing(fn: PiecewiseLinear): boolean {
  for (let j = 0; j < fn.slopes.length; j++) {
    if (fn.slopes[j]!.isNegative()) return false;
    if (j === 0) continue;
    const at = fn.breakpoints[j]!;
    const left = fn.slopes[j - 1]!.mul(at).add(fn.intercepts[j - 1]!);
    const right = fn.slopes[j]!.mul(at).add(fn.intercepts[j]!);
    if (right.lt(left)) return false;
  }
  return true;
}
