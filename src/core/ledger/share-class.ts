import type { Money } from "../exact/money.js";
import { Rational } from "../exact/rational.js";
import type { ShareClassId } from "../shared/ids.js";

export type Participation =
  | { readonly kind: "none" }
  | { readonly kind: "full" }
  /** Participates until the holder has received `capMultiple` times its preference base in total. */
  | { readonly kind: "capped"; readonly capMultiple: Rational };

export interface LiquidationPreference {
  /** 1 for a 1x preference. */
  readonly multiple: Rational;
  /**
   * What the multiple applies to: the original issue price times the shares, or the
   * amount the holder actually paid for them (differs for shares from a discounted SAFE).
   */
  readonly base: "original_issue_price" | "amount_invested";
  /** Higher is paid first; classes with equal seniority share pari passu. Common is below all. */
  readonly seniority: number;
  readonly participation: Participation;
}

export type AntiDilution =
  | "none"
  | "broad_based_weighted_average"
  | "narrow_based_weighted_average"
  | "full_ratchet";

export const ANTI_DILUTION_KINDS: readonly AntiDilution[] = [
  "none",
  "broad_based_weighted_average",
  "narrow_based_weighted_average",
  "full_ratchet",
];

export interface Dividends {
  /** Yearly rate on the original issue price, e.g. 8% = 0.08. */
  readonly rate: Rational;
  readonly cumulative: boolean;
}

/** A class of shares: common, or preferred with its economic rights. */
export interface ShareClass {
  readonly kind: "share_class";
  readonly id: ShareClassId;
  readonly name: string;
  readonly type: "common" | "preferred";
  readonly authorizedShares: bigint | undefined;
  /** The price at which the class was first sold; the base of preferences and of the conversion rate. */
  readonly originalIssuePrice: Money | undefined;
  /**
   * The current conversion price. Conversion rate = baseConversionRatio x originalIssuePrice
   * / conversionPrice (docs/SPEC.md CLS-2); anti-dilution lowers the conversion price.
   */
  readonly conversionPrice: Money | undefined;
  readonly baseConversionRatio: Rational;
  /** The class this one converts into (a common class); undefined for common. */
  readonly convertsTo: ShareClassId | undefined;
  readonly preference: LiquidationPreference | undefined;
  readonly antiDilution: AntiDilution;
  readonly dividends: Dividends | undefined;
  /** When set, at an IPO below this multiple of the original issue price the conversion rate rises to make it up. */
  readonly ipoRatchetMultiple: Rational | undefined;
  /**
   * The least IPO price per common share at which the class must convert (IPO-Q-1, the NVCA
   * model charter's Mandatory Conversion); below it the holders choose. Undefined: every IPO.
   */
  readonly qualifiedIpoPrice?: Money;
  /**
   * The least gross proceeds of the offering for an IPO to force the class to convert (IPO-Q-4,
   * the NVCA charter's "gross proceeds of at least …"); below them the holders choose.
   */
  readonly qualifiedIpoMinProceeds?: Money;
}

/** Common shares received per share of `shareClass` on conversion (docs/SPEC.md CLS-2). */
export function conversionRatio(shareClass: ShareClass): Rational {
  if (shareClass.type === "common") return Rational.ONE;
  const { originalIssuePrice, conversionPrice } = shareClass;
  if (!originalIssuePrice || !conversionPrice || conversionPrice.amount.isZero()) {
    return shareClass.baseConversionRatio;
  }
  return shareClass.baseConversionRatio.mul(originalIssuePrice.amount).div(conversionPrice.amount);
}
