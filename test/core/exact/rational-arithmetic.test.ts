import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { Rational } from "../../../src/core/exact/rational.js";

// Operands with small and large terms (up to ~120 digits), so that the cancelling
// arithmetic (Knuth, TAOCP 4.5.1) meets shared factors, coprime denominators and zero.
const big = fc.oneof(
  fc.bigInt({ min: -1000n, max: 1000n }),
  fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }),
  fc
    .tuple(fc.bigInt({ min: 1n, max: 10n ** 40n }), fc.bigInt({ min: 1n, max: 10n ** 40n }))
    .map(([a, b]) => a * b * 6n),
);
const positive = fc.oneof(
  fc.bigInt({ min: 1n, max: 1000n }),
  fc.bigInt({ min: 1n, max: 10n ** 40n }),
  fc.bigInt({ min: 1n, max: 10n ** 20n }).map((a) => a * 360n),
);
const rational = fc.tuple(big, positive).map(([n, d]) => Rational.of(n, d));
const nonZero = rational.filter((r) => !r.isZero());

/** The exact result the plain formula gives once normalized: what every operation must return. */
const plain = (n: bigint, d: bigint) => Rational.of(n, d);

function canonical(r: Rational): boolean {
  if (r.den <= 0n) return false;
  if (r.num === 0n) return r.den === 1n;
  let [x, y] = [r.num < 0n ? -r.num : r.num, r.den];
  while (y !== 0n) [x, y] = [y, x % y];
  return x === 1n;
}

describe("Rational arithmetic", () => {
  test("add, sub, mul and div equal the normalized plain formula and stay in lowest terms", () => {
    fc.assert(
      fc.property(rational, rational, nonZero, (a, b, c) => {
        const sum = a.add(b);
        const difference = a.sub(b);
        const product = a.mul(b);
        const quotient = a.div(c);
        expect(sum.toString()).toBe(plain(a.num * b.den + b.num * a.den, a.den * b.den).toString());
        expect(difference.toString()).toBe(plain(a.num * b.den - b.num * a.den, a.den * b.den).toString());
        expect(product.toString()).toBe(plain(a.num * b.num, a.den * b.den).toString());
        expect(quotient.toString()).toBe(plain(a.num * c.den, a.den * c.num).toString());
        for (const r of [sum, difference, product, quotient]) expect(canonical(r)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  test("mulInt and divInt equal the normalized plain formula", () => {
    fc.assert(
      fc.property(rational, big, (a, k) => {
        expect(a.mulInt(k).toString()).toBe(plain(a.num * k, a.den).toString());
        expect(canonical(a.mulInt(k))).toBe(true);
        if (k !== 0n) {
          expect(a.divInt(k).toString()).toBe(plain(a.num, a.den * k).toString());
          expect(canonical(a.divInt(k))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  test("worked cases: 1/6 + 1/10 = 4/15; (-3/4)·(8/9) = -2/3; (2/3)/(-4/9) = -3/2; x − x = 0", () => {
    expect(Rational.of(1n, 6n).add(Rational.of(1n, 10n)).toString()).toBe("4/15");
    expect(Rational.of(-3n, 4n).mul(Rational.of(8n, 9n)).toString()).toBe("-2/3");
    expect(Rational.of(2n, 3n).div(Rational.of(-4n, 9n)).toString()).toBe("-3/2");
    const x = Rational.of(7n, 12n);
    expect(x.sub(x).toString()).toBe("0");
    expect(Rational.of(5n, 6n).divInt(-10n).toString()).toBe("-1/12");
  });
});
