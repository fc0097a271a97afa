import { Rational } from "../exact/rational.js";
import type { AntiDilution } from "../ledger/share-class.js";

export interface AntiDilutionInput {
  readonly method: AntiDilution;
  /** CP1: the class's conversion price before the round. */
  readonly conversionPrice: Rational;
  /** The round's price per share. */
  readonly roundPrice: Rational;
  /** Money received for the new shares of the round (its new money). */
  readonly newMoney: Rational;
  /** New shares issued for that money. */
  readonly newShares: bigint;
  /** A: shares outstanding before the round, on the base the method uses (ADJ-2). */
  readonly sharesBefore: bigint;
}

/**
 * The adjusted conversion price of a class after a round (SPEC ADJ-1..ADJ-3), or
 * undefined when the round is not below the class's conversion price or the class has
 * no protection.
 * - Full ratchet: CP2 = the round price.
 * - Weighted average (the NVCA charter formula): CP2 = CP1 x (A + B) / (A + C), where
 *   A = shares outstanding before the round (all as-converted common, options and
 *   warrants for broad-based; the outstanding preferred as-converted for narrow-based),
 *   B = shares the new money would buy at CP1, C = new shares actually issued.
 */
export function adjustedConversionPrice(input: AntiDilutionInput): Rational | undefined {
  if (input.method === "none" || input.roundPrice.gte(input.conversionPrice)) return undefined;
  if (input.method === "full_ratchet") return input.roundPrice;
  const a = Rational.of(input.sharesBefore);
  const b = input.newMoney.div(input.conversionPrice);
  const c = Rational.of(input.newShares);
  if (a.add(c).isZero()) return undefined;
  return input.conversionPrice.mul(a.add(b)).div(a.add(c));
}
