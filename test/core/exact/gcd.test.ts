import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { euclidGcd, gcd } from "../../../src/core/exact/gcd.js";

/** Operands of every size the engine meets: small, near 2^53, and up to a few hundred bits. */
const operand = fc.oneof(
  fc.bigInt({ min: -1000n, max: 1000n }),
  fc.bigInt({ min: 2n ** 52n - 1000n, max: 2n ** 54n }),
  fc.bigInt({ min: -(2n ** 200n), max: 2n ** 200n }),
  fc.bigInt({ min: 0n, max: 2n ** 1200n }),
);

/** Pairs with a large common factor, so that Lehmer's steps run long before the gcd appears. */
const withCommonFactor = fc
  .tuple(
    fc.bigInt({ min: 1n, max: 2n ** 160n }),
    fc.bigInt({ min: 1n, max: 2n ** 160n }),
    fc.bigInt({ min: 1n, max: 2n ** 160n }),
  )
  .map(([f, a, b]) => [f * a, f * b] as const);

describe("gcd (Lehmer's algorithm) equals the textbook Euclidean algorithm", () => {
  test("on random operands of every size and sign", () => {
    fc.assert(
      fc.property(operand, operand, (a, b) => {
        expect(gcd(a, b)).toBe(euclidGcd(a, b));
      }),
      { numRuns: 2000 },
    );
  });

  test("on operands sharing a large factor", () => {
    fc.assert(
      fc.property(withCommonFactor, ([a, b]) => {
        expect(gcd(a, b)).toBe(euclidGcd(a, b));
      }),
      { numRuns: 1000 },
    );
  });

  test("on consecutive Fibonacci numbers (the longest Euclid chains) and on zero", () => {
    let a = 1n;
    let b = 1n;
    for (let i = 0; i < 600; i++) {
      [a, b] = [b, a + b];
      expect(gcd(a, b)).toBe(1n);
      expect(gcd(b * 12345n, a * 12345n)).toBe(12345n);
    }
    expect(gcd(0n, 0n)).toBe(0n);
    expect(gcd(0n, -7n)).toBe(7n);
    expect(gcd(2n ** 300n, 0n)).toBe(2n ** 300n);
    expect(gcd(2n ** 300n, 2n ** 200n * 3n)).toBe(2n ** 200n);
  });
});
