import { gcd } from "./gcd.js";
import { divideRounded, type RoundingMode } from "./rounding.js";

const DECIMAL_PATTERN = /^([+-])?(\d+)?(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;
const FRACTION_PATTERN = /^([+-])?(\d+)\/(\d+)$/;
/** Exponents beyond this are refused when parsing, so that no input can ask for a huge bigint. */
const MAX_DECIMAL_EXPONENT = 400;
/** 10^18, the places of report decimals (OUT-1), computed once rather than per value. */
const SCALE_18 = 10n ** 18n;

/**
 * An exact rational number: a bigint numerator over a positive bigint denominator,
 * always in lowest terms. Money amounts, prices and fractions on the exact path are
 * Rationals, so that sums of fractions are exactly 1 and no binary float ever enters.
 * Instances are immutable.
 */
export class Rational {
  static readonly ZERO = new Rational(0n, 1n);
  static readonly ONE = new Rational(1n, 1n);

  private constructor(
    readonly num: bigint,
    readonly den: bigint,
  ) {}

  /** Builds num/den in lowest terms. `den` must not be zero. */
  static of(num: bigint | number, den: bigint | number = 1n): Rational {
    let n = typeof num === "bigint" ? num : Rational.integerFromNumber(num);
    let d = typeof den === "bigint" ? den : Rational.integerFromNumber(den);
    if (d === 0n) throw new RangeError("Rational: zero denominator");
    if (d < 0n) {
      n = -n;
      d = -d;
    }
    const g = gcd(n, d);
    if (g > 1n) {
      n /= g;
      d /= g;
    }
    return new Rational(n, d);
  }

  private static integerFromNumber(value: number): bigint {
    if (!Number.isSafeInteger(value)) {
      throw new RangeError(`Rational: ${value} is not a safe integer; parse decimals from their text`);
    }
    return BigInt(value);
  }

  /**
   * Parses an exact decimal ("12", "-1.5", "2.5e9", ".25") or a fraction ("3/4").
   * Returns undefined for anything else. Never goes through a binary float.
   */
  static parse(text: string): Rational | undefined {
    const s = text.trim();
    const fraction = FRACTION_PATTERN.exec(s);
    if (fraction) {
      const d = BigInt(fraction[3]!);
      if (d === 0n) return undefined;
      const n = BigInt(fraction[2]!);
      return Rational.of(fraction[1] === "-" ? -n : n, d);
    }
    const m = DECIMAL_PATTERN.exec(s);
    if (!m || (m[2] === undefined && m[3] === undefined)) return undefined;
    const whole = m[2] ?? "0";
    const frac = m[3] ?? "";
    const exponent = m[4] === undefined ? 0 : Number(m[4]);
    if (Math.abs(exponent) > MAX_DECIMAL_EXPONENT) return undefined;
    let n = BigInt(whole + frac);
    if (m[1] === "-") n = -n;
    const scale = exponent - frac.length;
    return scale >= 0 ? Rational.of(n * 10n ** BigInt(scale)) : Rational.of(n, 10n ** BigInt(-scale));
  }

  /** Converts a JS number through its shortest round-trip decimal text (what a user typed). */
  static fromNumberText(value: number): Rational {
    if (!Number.isFinite(value)) throw new RangeError("Rational: not a finite number");
    const parsed = Rational.parse(String(value));
    if (!parsed) throw new RangeError(`Rational: cannot read ${value}`);
    return parsed;
  }

  // Arithmetic follows Knuth, TAOCP vol. 2, 4.5.1: common factors are cancelled before
  // multiplying, so each gcd works on the operands rather than on their product, and the
  // result comes out in lowest terms. Exact results are identical to normalizing the
  // plain product or sum; only the cost differs (large denominators arise in waterfalls).

  add(other: Rational): Rational {
    if (this.num === 0n) return other;
    if (other.num === 0n) return this;
    if (this.den === other.den) return Rational.of(this.num + other.num, this.den);
    const d1 = gcd(this.den, other.den);
    if (d1 === 1n) {
      // Coprime denominators: the sum is already in lowest terms (and cannot be zero).
      return new Rational(this.num * other.den + other.num * this.den, this.den * other.den);
    }
    const t = this.num * (other.den / d1) + other.num * (this.den / d1);
    if (t === 0n) return Rational.ZERO;
    const d2 = gcd(t, d1);
    return new Rational(t / d2, (this.den / d1) * (other.den / d2));
  }

  sub(other: Rational): Rational {
    return this.add(other.neg());
  }

  mul(other: Rational): Rational {
    if (this.num === 0n || other.num === 0n) return Rational.ZERO;
    const g1 = gcd(this.num, other.den);
    const g2 = gcd(other.num, this.den);
    return new Rational((this.num / g1) * (other.num / g2), (this.den / g2) * (other.den / g1));
  }

  /** Division; dividing by zero is a programmer error (callers check the divisor first). */
  div(other: Rational): Rational {
    if (other.num === 0n) throw new RangeError("Rational: division by zero");
    if (this.num === 0n) return Rational.ZERO;
    const g1 = gcd(this.num, other.num);
    const g2 = gcd(other.den, this.den);
    let num = (this.num / g1) * (other.den / g2);
    let den = (this.den / g2) * (other.num / g1);
    if (den < 0n) {
      num = -num;
      den = -den;
    }
    return new Rational(num, den);
  }

  mulInt(k: bigint): Rational {
    if (k === 0n || this.num === 0n) return Rational.ZERO;
    const g = gcd(k, this.den);
    return new Rational(this.num * (k / g), this.den / g);
  }

  divInt(k: bigint): Rational {
    if (k === 0n) throw new RangeError("Rational: division by zero");
    if (this.num === 0n) return Rational.ZERO;
    const g = gcd(this.num, k);
    let num = this.num / g;
    let den = this.den * (k / g);
    if (den < 0n) {
      num = -num;
      den = -den;
    }
    return new Rational(num, den);
  }

  neg(): Rational {
    return new Rational(-this.num, this.den);
  }

  abs(): Rational {
    return this.num < 0n ? this.neg() : this;
  }

  inverse(): Rational {
    return Rational.ONE.div(this);
  }

  cmp(other: Rational): -1 | 0 | 1 {
    const left = this.num * other.den;
    const right = other.num * this.den;
    return left < right ? -1 : left > right ? 1 : 0;
  }

  eq(other: Rational): boolean {
    return this.num === other.num && this.den === other.den;
  }

  lt(other: Rational): boolean {
    return this.cmp(other) < 0;
  }

  lte(other: Rational): boolean {
    return this.cmp(other) <= 0;
  }

  gt(other: Rational): boolean {
    return this.cmp(other) > 0;
  }

  gte(other: Rational): boolean {
    return this.cmp(other) >= 0;
  }

  sign(): -1 | 0 | 1 {
    return this.num < 0n ? -1 : this.num > 0n ? 1 : 0;
  }

  isZero(): boolean {
    return this.num === 0n;
  }

  isNegative(): boolean {
    return this.num < 0n;
  }

  isPositive(): boolean {
    return this.num > 0n;
  }

  isInteger(): boolean {
    return this.den === 1n;
  }

  /** The integer nearest by `mode`. */
  toInteger(mode: RoundingMode): bigint {
    return divideRounded(this.num, this.den, mode);
  }

  floor(): bigint {
    return this.toInteger("floor");
  }

  ceil(): bigint {
    return this.toInteger("ceiling");
  }

  /** Rounds to `places` decimal places with `mode` (a stated price precision, say). */
  roundTo(places: number, mode: RoundingMode): Rational {
    const scale = 10n ** BigInt(places);
    return Rational.of(divideRounded(this.num * scale, this.den, mode), scale);
  }

  /** True when the decimal expansion terminates (the denominator has only factors 2 and 5). */
  isTerminatingDecimal(): boolean {
    let d = this.den;
    while (d % 2n === 0n) d /= 2n;
    while (d % 5n === 0n) d /= 5n;
    return d === 1n;
  }

  /**
   * Decimal text with at most `maxPlaces` fractional digits, rounded half-even when the
   * value has more, trailing zeros removed. Exact whenever the expansion terminates
   * within `maxPlaces`.
   */
  toDecimalString(maxPlaces = 18): string {
    return Rational.decimalText(this.num, this.den, maxPlaces);
  }

  /**
   * The decimal text of num/den (den > 0, lowest terms or not: rounding depends on the
   * value only) as `toDecimalString` writes it, for values kept as unreduced fractions.
   */
  static decimalText(num: bigint, den: bigint, maxPlaces = 18): string {
    if (num === 0n) return "0";
    if (den === 1n && maxPlaces >= 0) return num.toString();
    const scale = maxPlaces === 18 ? SCALE_18 : 10n ** BigInt(maxPlaces);
    const scaled = divideRounded(num * scale, den, "half_even");
    const negative = scaled < 0n;
    const digits = (negative ? -scaled : scaled).toString().padStart(maxPlaces + 1, "0");
    const whole = digits.slice(0, digits.length - maxPlaces);
    const frac = digits.slice(digits.length - maxPlaces).replace(/0+$/, "");
    const body = frac.length > 0 ? `${whole}.${frac}` : whole;
    return negative && body !== "0" ? `-${body}` : body;
  }

  /** Decimal text with exactly `places` fractional digits, rounded with `mode`. */
  toFixed(places: number, mode: RoundingMode = "half_even"): string {
    const scale = 10n ** BigInt(places);
    const scaled = divideRounded(this.num * scale, this.den, mode);
    const negative = scaled < 0n;
    const digits = (negative ? -scaled : scaled).toString().padStart(places + 1, "0");
    const whole = digits.slice(0, digits.length - places);
    const frac = digits.slice(digits.length - places);
    const body = places > 0 ? `${whole}.${frac}` : whole;
    return negative && /[1-9]/.test(body) ? `-${body}` : body;
  }

  /** A float approximation, for display and for the fast simulation path only. */
  toNumber(): number {
    const n = Number(this.num);
    const d = Number(this.den);
    if (Number.isSafeInteger(n) && Number.isSafeInteger(d)) return n / d;
    // Large terms: take a bigint quotient with about 20 significant digits first.
    const magnitude = (this.num < 0n ? -this.num : this.num).toString().length - this.den.toString().length;
    const places = Math.max(0, 20 - magnitude);
    const scaled = (this.num * 10n ** BigInt(places)) / this.den;
    return Number(scaled) / 10 ** places;
  }

  /** "num/den", or "num" for integers: exact and parseable by Rational.parse. */
  toString(): string {
    return this.den === 1n ? this.num.toString() : `${this.num}/${this.den}`;
  }

  toJSON(): string {
    return this.toDecimalString();
  }

  static min(a: Rational, b: Rational): Rational {
    return a.lte(b) ? a : b;
  }

  static max(a: Rational, b: Rational): Rational {
    return a.gte(b) ? a : b;
  }

  static sum(values: Iterable<Rational>): Rational {
    let total = Rational.ZERO;
    for (const v of values) total = total.add(v);
    return total;
  }

  static isRational(value: unknown): value is Rational {
    return value instanceof Rational;
  }
}

/** Shorthand for Rational.of / Rational.parse in code and tests. */
export function rat(value: bigint | number | string, den?: bigint | number): Rational {
  if (typeof value === "string") {
    const parsed = Rational.parse(value);
    if (!parsed) throw new RangeError(`rat: not a number: ${JSON.stringify(value)}`);
    return parsed;
  }
  return Rational.of(value, den ?? 1n);
}
