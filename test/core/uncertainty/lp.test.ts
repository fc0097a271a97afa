import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { createHighsOracle } from "../../../src/adapters/highs-lp-oracle.js";
import { Rational, rat } from "../../../src/core/exact/rational.js";
import { type LinearProgram, type LpOracle, solveLinearProgram } from "../../../src/core/uncertainty/lp.js";
import {
  checkFeasibility,
  expressionRange,
  type SystemRow,
} from "../../../src/core/uncertainty/polyhedron.js";

let oracle: LpOracle;
beforeAll(async () => {
  oracle = await createHighsOracle();
});

const r = (n: number) => rat(n);
const dot = (a: readonly Rational[], b: readonly Rational[]) =>
  a.reduce((s, x, i) => s.add(x.mul(b[i]!)), Rational.ZERO);

/** Random bounded programs: box 0 ≤ x ≤ 10 plus random rows, all feasible at x = 0 (bounds ≥ 0). */
const programArbitrary = fc
  .record({
    n: fc.integer({ min: 1, max: 4 }),
    rows: fc.array(
      fc.tuple(
        fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 4, maxLength: 4 }),
        fc.integer({ min: 0, max: 40 }),
      ),
      { maxLength: 6 },
    ),
    objective: fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 4, maxLength: 4 }),
  })
  .map(({ n, rows, objective }) => {
    const unit = (j: number, s: number) => Array.from({ length: n }, (_, k) => r(k === j ? s : 0));
    const lp: LinearProgram = {
      variables: n,
      rows: [
        ...Array.from({ length: n }, (_, j) => ({ coefficients: unit(j, -1), bound: r(0) })),
        ...Array.from({ length: n }, (_, j) => ({ coefficients: unit(j, 1), bound: r(10) })),
        ...rows.map(([c, b]) => ({ coefficients: c.slice(0, n).map(r), bound: r(b) })),
      ],
      objective: objective.slice(0, n).map(r),
    };
    return lp;
  });

describe("UNC-REC-3 exact linear programs with a certificate", () => {
  it("the certificate holds: feasible point, multipliers ≥ 0, Gᵀy = −c, c·x = −y·h", () => {
    fc.assert(
      fc.property(programArbitrary, (lp) => {
        const start = Array.from({ length: lp.variables }, () => Rational.ZERO);
        for (const o of [undefined, oracle]) {
          const s = solveLinearProgram(lp, start, o);
          expect(s.status).toBe("optimal");
          if (s.status !== "optimal") return;
          for (const row of lp.rows) expect(dot(row.coefficients, s.point).lte(row.bound)).toBe(true);
          expect(s.multipliers.every((y) => !y.isNegative())).toBe(true);
          for (let j = 0; j < lp.variables; j++) {
            const col = lp.rows.reduce(
              (acc, row, i) => acc.add(row.coefficients[j]!.mul(s.multipliers[i]!)),
              Rational.ZERO,
            );
            expect(col.eq(lp.objective[j]!.neg())).toBe(true);
          }
          const dual = lp.rows
            .reduce((acc, row, i) => acc.add(row.bound.mul(s.multipliers[i]!)), Rational.ZERO)
            .neg();
          expect(dual.eq(s.value)).toBe(true);
        }
        // Both ways find the same optimum value.
        const a = solveLinearProgram(lp, start);
        const b = solveLinearProgram(lp, start, oracle);
        expect(a.status === "optimal" && b.status === "optimal" && a.value.eq(b.value)).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it("finds an unbounded direction", () => {
    // min −x subject to x ≥ 0 only.
    const s = solveLinearProgram(
      { variables: 1, rows: [{ coefficients: [r(-1)], bound: r(0) }], objective: [r(-1)] },
      [r(0)],
    );
    expect(s.status).toBe("unbounded");
  });

  it("keeps values that floats cannot: min x subject to 3x ≥ 1 is exactly 1/3", () => {
    const lp: LinearProgram = {
      variables: 1,
      rows: [{ coefficients: [r(-3)], bound: r(-1) }],
      objective: [r(1)],
    };
    for (const o of [undefined, oracle]) {
      const s = solveLinearProgram(lp, [r(1)], o);
      expect(s.status === "optimal" && s.value).toEqual(Rational.of(1n, 3n));
    }
  });
});

describe("UNC-REC-2 strict rows", () => {
  const row = (c: number[], b: number, strict = false): SystemRow<undefined> => ({
    coefficients: c.map(r),
    bound: r(b),
    strict,
    origin: undefined,
  });
  it("x < 1 and x ≥ 1 cannot hold, though their closure can; the certificate weighs the strict row", () => {
    const f = checkFeasibility(1, [row([-1], 0), row([1], 1, true), row([-1], -1)]);
    expect(f.feasible).toBe(false);
    if (f.feasible) return;
    expect(f.strict).toBe(true);
    expect(f.multipliers[1]!.isPositive()).toBe(true);
  });
  it("the supremum of x under x < 1 is 1, not attained; under x ≤ 1 it is attained", () => {
    const strict = [row([-1], 0), row([1], 1, true)];
    const f = checkFeasibility(1, strict);
    if (!f.feasible) throw new Error("feasible");
    expect(expressionRange(1, strict, [r(1)], r(0), f.closurePoint).max).toEqual({
      value: r(1),
      attained: false,
    });
    const closed = [row([-1], 0), row([1], 1)];
    expect(expressionRange(1, closed, [r(1)], r(0), f.closurePoint).max).toEqual({
      value: r(1),
      attained: true,
    });
  });
});
