/**
 * Greatest common divisors of bigints, the cost at the heart of exact rational arithmetic:
 * every sum and product of Rationals is reduced to lowest terms with one or two of them.
 *
 * `euclidGcd` is the textbook remainder loop, kept as the reference. `gcd` returns the same
 * value faster (issue 19: the exact waterfall spent 60% of its time in the remainder loop
 * on 90–180-bit denominators, one bigint division per step):
 *
 * - when both operands are below 2^53, the loop runs on doubles, which are exact there;
 * - otherwise it follows Lehmer's algorithm (Knuth, TAOCP vol. 2, 4.5.2, Algorithm L):
 *   the Euclid steps are simulated on the leading 48 bits of the operands with double
 *   arithmetic, as long as those bits alone determine the quotients, and then applied to
 *   the full operands at once with four multiplications. Each pass replaces about a dozen
 *   bigint divisions.
 *
 * A property test checks `gcd` against `euclidGcd` on random operands of every size.
 */

const SMALL = 2n ** 53n;
/**
 * Leading bits taken for the simulated steps (one more when the length is overestimated by
 * one): the cofactors and sums stay below 2^51, exact in a double.
 */
const LEADING_BITS = 48;

function magnitude(a: bigint): bigint {
  return a < 0n ? -a : a;
}

/** The textbook Euclidean algorithm: the reference that `gcd` is tested against. */
export function euclidGcd(a: bigint, b: bigint): bigint {
  let x = magnitude(a);
  let y = magnitude(b);
  while (y !== 0n) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

/** The Euclidean algorithm on doubles, for operands below 2^53 (where doubles are exact integers). */
function smallGcd(a: number, b: number): number {
  let x = a;
  let y = b;
  while (y !== 0) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

/**
 * About the number of bits of a positive bigint (within one): enough to pick the shift of
 * the leading bits, which only needs them to stay below 2^51.
 */
function approximateBitLength(x: bigint): number {
  const approximate = Number(x);
  return approximate < 2 ** 1000 ? Math.floor(Math.log2(approximate)) + 1 : x.toString(16).length * 4;
}

/** floor(a / b) for non-negative integers a and positive b below 2^52, exactly. */
function quotient(a: number, b: number): number {
  const q = Math.floor(a / b);
  // Rounding the double quotient can only push it up onto the next integer.
  return q * b > a ? q - 1 : q;
}

/** The greatest common divisor of |a| and |b| (gcd(0, 0) = 0), equal to `euclidGcd`. */
export function gcd(a: bigint, b: bigint): bigint {
  let x = magnitude(a);
  let y = magnitude(b);
  if (x < y) {
    const t = x;
    x = y;
    y = t;
  }
  while (y >= SMALL) {
    // Algorithm L: x ≥ y ≥ 2^53. Take the leading bits of both at the same shift.
    const shift = BigInt(Math.max(0, approximateBitLength(x) - LEADING_BITS));
    let xh = Number(x >> shift);
    let yh = Number(y >> shift);
    let A = 1;
    let B = 0;
    let C = 0;
    let D = 1;
    // The quotient of the true operands lies between the quotients of (xh + A)/(yh + C)
    // and (xh + B)/(yh + D); while they agree it is known without the low bits.
    while (yh + C !== 0 && yh + D !== 0) {
      const lowA = xh + A;
      const lowC = yh + C;
      const highB = xh + B;
      const highD = yh + D;
      if (lowA < 0 || lowC < 0 || highB < 0 || highD < 0) break;
      const q = quotient(lowA, lowC);
      if (q !== quotient(highB, highD)) break;
      let t = A - q * C;
      A = C;
      C = t;
      t = B - q * D;
      B = D;
      D = t;
      t = xh - q * yh;
      xh = yh;
      yh = t;
    }
    if (B === 0) {
      // The leading bits decided nothing: one full division step.
      const t = x % y;
      x = y;
      y = t;
    } else {
      const nextX = BigInt(A) * x + BigInt(B) * y;
      const nextY = BigInt(C) * x + BigInt(D) * y;
      x = nextX;
      y = nextY;
    }
  }
  if (y === 0n) return x;
  // y < 2^53: one bigint step brings x below 2^53 too.
  const r = x % y;
  return BigInt(smallGcd(Number(y), Number(r)));
}
