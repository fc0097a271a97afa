import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocate } from "../../../src/core/exact/allocate.js";
import { Rational, rat } from "../../../src/core/exact/rational.js";
import { divideRounded, ROUNDING_MODES } from "../../../src/core/exact/rounding.js";

const bigintArb = fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n });
const positiveArb = fc.bigInt({ min: 1n, max: 10n ** 30n });
const rationalArb = fc.tuple(bigintArb, positiveArb).map(([n, d]) => Rational.of(n, d));

describe("Rational", () => {
  it("keeps lowest terms with a positive denominator", () => {
    const r = Rational.of(6n, -4n);
    expect(r.num).toBe(-3n);
    expect(r.den).toBe(2n);
    expect(Rational.of(0n, 5n).den).toBe(1n);
  });

  it("parses decimals, exponents and fractions exactly, never through a float", () => {
    expect(rat("0.1").add(rat("0.2")).eq(rat("0.3"))).toBe(true);
    expect(rat("2.5e9").toString()).toBe("2500000000");
    expect(rat("1.5e-3").toString()).toBe("3/2000");
    expect(rat("-3/4").toString()).toBe("-3/4");
    expect(rat(".25").toString()).toBe("1/4");
    expect(rat("12345678901234567890.123456789").toDecimalString(30)).toBe("12345678901234567890.123456789");
    for (const bad of ["", "abc", "1/0", "1e", "--1", "1.2.3", "1e999"])
      expect(Rational.parse(bad)).toBeUndefined();
  });

  it("writes decimals exactly when they terminate, half-even beyond the places", () => {
    expect(rat("1/8").toDecimalString()).toBe("0.125");
    expect(rat("1/3").toDecimalString(6)).toBe("0.333333");
    expect(rat("2/3").toDecimalString(6)).toBe("0.666667");
    expect(rat("-1/3").toDecimalString(2)).toBe("-0.33");
    expect(rat("1/400").toDecimalString(2)).toBe("0");
    expect(rat("5/1000").toDecimalString(2)).toBe("0");
    expect(rat("15/1000").toDecimalString(2)).toBe("0.02");
    expect(rat("1.5").toFixed(3)).toBe("1.500");
    expect(rat("-0.0001").toFixed(2)).toBe("0.00");
  });

  it("rounds to a stated precision with the named mode", () => {
    const p = rat("15000000/13459705"); // the YC user guide's Series A price, $1.11443...
    expect(p.roundTo(4, "half_up").toDecimalString()).toBe("1.1144");
    expect(p.roundTo(4, "up").toDecimalString()).toBe("1.1145");
    expect(p.roundTo(4, "down").toDecimalString()).toBe("1.1144");
  });

  it("is a field: addition and multiplication laws hold exactly (property)", () => {
    fc.assert(
      fc.property(rationalArb, rationalArb, rationalArb, (a, b, c) => {
        expect(a.add(b).eq(b.add(a))).toBe(true);
        expect(a.mul(b.add(c)).eq(a.mul(b).add(a.mul(c)))).toBe(true);
        expect(a.sub(b).add(b).eq(a)).toBe(true);
        if (!b.isZero()) expect(a.div(b).mul(b).eq(a)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("round-trips through its exact text (property)", () => {
    fc.assert(
      fc.property(rationalArb, (a) => {
        expect(Rational.parse(a.toString())!.eq(a)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("converts to a float close to its value, including huge terms", () => {
    expect(rat("1/3").toNumber()).toBeCloseTo(1 / 3, 15);
    const huge = Rational.of(10n ** 400n + 1n, 3n * 10n ** 399n);
    expect(huge.toNumber()).toBeCloseTo(10 / 3, 12);
  });
});

describe("divideRounded", () => {
  it("rounds each mode as named", () => {
    const cases: [bigint, bigint, Record<string, bigint>][] = [
      [7n, 2n, { down: 3n, up: 4n, floor: 3n, ceiling: 4n, half_up: 4n, half_even: 4n, half_down: 3n }],
      [5n, 2n, { down: 2n, up: 3n, floor: 2n, ceiling: 3n, half_up: 3n, half_even: 2n, half_down: 2n }],
      [
        -7n,
        2n,
        { down: -3n, up: -4n, floor: -4n, ceiling: -3n, half_up: -4n, half_even: -4n, half_down: -3n },
      ],
      [10n, 3n, { down: 3n, up: 4n, floor: 3n, ceiling: 4n, half_up: 3n, half_even: 3n, half_down: 3n }],
    ];
    for (const [n, d, expected] of cases) {
      for (const mode of ROUNDING_MODES)
        expect(divideRounded(n, d, mode), `${n}/${d} ${mode}`).toBe(expected[mode]);
    }
  });

  it("stays within one unit of the exact quotient (property)", () => {
    fc.assert(
      fc.property(bigintArb, positiveArb, fc.constantFrom(...ROUNDING_MODES), (n, d, mode) => {
        const q = divideRounded(n, d, mode);
        const diff = q * d - n;
        expect(diff < 0n ? -diff : diff).toBeLessThan(d);
      }),
      { numRuns: 300 },
    );
  });
});

describe("allocate (largest remainder)", () => {
  it("hands out the remainder to the largest remainders, ties to the earlier", () => {
    expect(allocate(10n, [rat(1), rat(1), rat(1)])).toEqual([4n, 3n, 3n]);
    expect(allocate(100n, [rat("0.335"), rat("0.335"), rat("0.33")])).toEqual([34n, 33n, 33n]);
    expect(allocate(0n, [rat(0), rat(0)])).toEqual([0n, 0n]);
  });

  it("parts always sum to the total and each is within one of its exact share (property)", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 20n }),
        fc.array(fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 9n }), fc.bigInt({ min: 1n, max: 10n ** 6n })), {
          minLength: 1,
          maxLength: 30,
        }),
        (total, raw) => {
          const weights = raw.map(([n, d]) => Rational.of(n, d));
          fc.pre(!Rational.sum(weights).isZero());
          const parts = allocate(total, weights);
          expect(parts.reduce((a, b) => a + b, 0n)).toBe(total);
          const sum = Rational.sum(weights);
          parts.forEach((p, i) => {
            const exact = weights[i]!.mulInt(total).div(sum);
            expect(Rational.of(p).sub(exact).abs().lt(Rational.ONE)).toBe(true);
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});
