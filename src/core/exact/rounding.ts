/**
 * Rounding modes. Every division on the exact path that must produce a whole number
 * (shares) or a stated precision (a price) names one of these; nothing rounds implicitly.
 *
 * - `down`: toward zero (truncate).
 * - `up`: away from zero.
 * - `floor` / `ceiling`: toward -infinity / +infinity.
 * - `half_up`: to nearest, ties away from zero ("nearest" in term sheets).
 * - `half_even`: to nearest, ties to even (banker's rounding).
 * - `half_down`: to nearest, ties toward zero.
 */
export const ROUNDING_MODES = [
  "down",
  "up",
  "floor",
  "ceiling",
  "half_up",
  "half_even",
  "half_down",
] as const;
export type RoundingMode = (typeof ROUNDING_MODES)[number];

/** Divides `n` by `d` (d > 0) and rounds the quotient to an integer with `mode`. */
export function divideRounded(n: bigint, d: bigint, mode: RoundingMode): bigint {
  if (d <= 0n) throw new RangeError("divideRounded: the divisor must be positive");
  const q = n / d; // truncates toward zero
  const r = n % d; // has the sign of n
  if (r === 0n) return q;
  const negative = n < 0n;
  const awayFromZero = negative ? q - 1n : q + 1n;
  switch (mode) {
    case "down":
      return q;
    case "up":
      return awayFromZero;
    case "floor":
      return negative ? q - 1n : q;
    case "ceiling":
      return negative ? q : q + 1n;
    case "half_up":
    case "half_even":
    case "half_down": {
      const twiceRemainder = 2n * (r < 0n ? -r : r);
      if (twiceRemainder > d) return awayFromZero;
      if (twiceRemainder < d) return q;
      if (mode === "half_up") return awayFromZero;
      if (mode === "half_down") return q;
      return q % 2n === 0n ? q : awayFromZero;
    }
  }
}
