import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Rational } from "../../src/core/exact/rational.js";
import { floatText } from "../../src/report/simulation-report.js";

/** OUT-4 as first written: the 12 significant digits read back exactly, then written with up to 18 places. */
function referenceFloatText(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (Number.isInteger(x) && Math.abs(x) < Number.MAX_SAFE_INTEGER) return String(x);
  return Rational.parse(x.toPrecision(12))!.toDecimalString(18);
}

describe("OUT-4: float statistics as decimal strings", () => {
  it("OUT-4: floatText equals the exact reading of 12 significant digits for any double (property)", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), (x) => {
        expect(floatText(x)).toBe(referenceFloatText(x));
      }),
      { numRuns: 20_000 },
    );
  });

  it("OUT-4: floatText on payout-like values, tiny values and every power of ten", () => {
    const values = [
      0.5,
      -0.5,
      1234567.5,
      -1234567.125,
      1e-7 * 3,
      1.5e-6,
      9.99999999999e-7,
      123456789012.5,
      1.5e12 + 0.5,
      -2.5e15 - 0.5,
      2 ** 53 + 2,
      1e21,
      1e300,
      5e-324,
      1 / 3,
      2 / 3,
      -1 / 7,
    ];
    for (let k = -30; k <= 30; k++) values.push(10 ** k, 1.25 * 10 ** k, -(7 / 3) * 10 ** k);
    for (const x of values) expect(floatText(x)).toBe(referenceFloatText(x));
  });
});
