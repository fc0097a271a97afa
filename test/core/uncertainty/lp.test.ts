import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { createHighsOracle } from "../../../src/adapters/highs-lp-oracle.js";
import { Rational, rat } from "../../../src/core/exact/rational.js";
import { type LinearProgram, type LpOracle, solveLinearProgram } from "../../../src/core/uncertainty/lp.js";
import {
  checkFeasibility,
  checkFeasibilityByBlocks,
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

/**
 * Systems made of independent blocks (each over its own unknowns, in a box 0 ≤ x ≤ 10,
 * with random rows, some strict, some with negative bounds so that blocks can fail): the
 * block-by-block check and ranges must agree with the whole-system ones (UNC-REC-2, -4).
 */
describe("UNC-REC-2 independent blocks are solved alone, with the same answers", () => {
  // Random rows, and rows that touch the box's faces (x < 0 fails only by strictness;
  // x + y ≥ 20 holds at one corner; x + y < 20 leaves that corner out).
  const rowArbitrary = fc.oneof(
    fc.tuple(
      fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 2, maxLength: 2 }),
      fc.integer({ min: -4, max: 20 }),
      fc.boolean(),
    ),
    fc.constantFrom<[number[], number, boolean]>(
      [[1, 0], 0, true],
      [[0, 1], 0, true],
      [[-1, -1], -20, false],
      [[1, 1], 20, true],
      [[1, -1], -10, false],
    ),
  );
  const blockArbitrary = fc.array(fc.array(rowArbitrary, { maxLength: 3 }), { minLength: 1, maxLength: 3 });
  const systemOf = (blocks: [number[], number, boolean][][]) => {
    const n = blocks.length * 2;
    const at = (block: number, c: readonly number[]) =>
      Array.from({ length: n }, (_, k) => r(Math.floor(k / 2) === block ? c[k % 2]! : 0));
    const rows: SystemRow<undefined>[] = [];
    blocks.forEach((extra, b) => {
      for (const c of [
        [-1, 0],
        [0, -1],
      ])
        rows.push({ coefficients: at(b, c), bound: r(0), strict: false, origin: undefined });
      for (const c of [
        [1, 0],
        [0, 1],
      ])
        rows.push({ coefficients: at(b, c), bound: r(10), strict: false, origin: undefined });
      for (const [c, bound, strict] of extra)
        rows.push({ coefficients: at(b, c), bound: r(bound), strict, origin: undefined });
    });
    return { n, rows };
  };
  const holds = (rows: readonly SystemRow<undefined>[], x: readonly Rational[], strictToo: boolean) =>
    rows.every((row) => {
      const v = dot(row.coefficients, x);
      return row.strict && strictToo ? v.lt(row.bound) : v.lte(row.bound);
    });

  it("the verdict is the whole system's; a point satisfies every row; a certificate certifies", () => {
    fc.assert(
      fc.property(blockArbitrary, (blocks) => {
        const { n, rows } = systemOf(blocks);
        const byBlocks = checkFeasibilityByBlocks(n, rows);
        const whole = checkFeasibility(n, rows);
        expect(byBlocks.feasible).toBe(whole.feasible);
        if (byBlocks.feasible) {
          expect(holds(rows, byBlocks.point, true)).toBe(true);
          expect(holds(rows, byBlocks.closurePoint, false)).toBe(true);
          return;
        }
        if (whole.feasible) return;
        expect(byBlocks.strict).toBe(whole.strict);
        const y = byBlocks.multipliers;
        expect(y.every((v) => !v.isNegative())).toBe(true);
        for (let j = 0; j < n; j++) {
          expect(
            rows.reduce((s, row, i) => s.add(y[i]!.mul(row.coefficients[j]!)), Rational.ZERO).isZero(),
          ).toBe(true);
        }
        const total = rows.reduce((s, row, i) => s.add(y[i]!.mul(row.bound)), Rational.ZERO);
        if (byBlocks.strict) {
          expect(total.isPositive()).toBe(false);
          expect(rows.some((row, i) => row.strict && y[i]!.isPositive())).toBe(true);
        } else expect(total.isNegative()).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it("each unknown's range over its block is its range over the whole system", () => {
    fc.assert(
      fc.property(blockArbitrary, fc.nat(), (blocks, pick) => {
        const { n, rows } = systemOf(blocks);
        const start = checkFeasibility(n, rows);
        if (!start.feasible) return;
        const j = pick % n;
        const objective = Array.from({ length: n }, (_, k) => r(k === j ? 1 : 0));
        // A row over every unknown that the box makes redundant joins all blocks into one,
        // so that the range below is computed over the whole system.
        const joined: SystemRow<undefined>[] = [
          ...rows,
          {
            coefficients: Array.from({ length: n }, () => r(1)),
            bound: r(10 * n + 1),
            strict: false,
            origin: undefined,
          },
        ];
        expect(expressionRange(n, rows, objective, r(3), start.closurePoint)).toEqual(
          expressionRange(n, joined, objective, r(3), start.closurePoint),
        );
      }),
      { numRuns: 150 },
    );
  });
});
