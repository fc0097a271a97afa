import type { Money } from "../exact/money.js";
import type { Rational } from "../exact/rational.js";
import type { ConvertibleNote, Safe } from "../ledger/security.js";
import type { IsoDate } from "../shared/date.js";
import type { SecurityId } from "../shared/ids.js";

/** The terms a SAFE or note converts with, after MFN amendment (SPEC SAFE-5). */
export interface EffectiveConversionTerms {
  readonly valuationCap: Money | undefined;
  readonly capBasis: "pre_money" | "post_money";
  readonly discount: Rational | undefined;
}

/**
 * Resolves most-favoured-nation SAFEs (SAFE-5): an MFN SAFE takes the lowest valuation
 * cap (with that SAFE's cap basis) and the highest discount among the SAFEs issued after
 * it and on or before `asOf`. With no such SAFE it keeps its own terms (usually none, so
 * it converts at the round price) and is reported in `withoutLaterSafe`.
 * `securities` must be sorted by issue date.
 */
export function resolveMfnTerms(
  securities: readonly (Safe | ConvertibleNote)[],
  asOf: IsoDate,
): { terms: Map<SecurityId, EffectiveConversionTerms>; withoutLaterSafe: SecurityId[] } {
  const terms = new Map<SecurityId, EffectiveConversionTerms>();
  const withoutLaterSafe: SecurityId[] = [];
  for (const [index, s] of securities.entries()) {
    const own: EffectiveConversionTerms = {
      valuationCap: s.valuationCap,
      capBasis: s.kind === "safe" ? s.safeType : s.capBasis,
      discount: s.discount,
    };
    if (s.kind !== "safe" || !s.mfn) {
      terms.set(s.id, own);
      continue;
    }
    const later = securities
      .slice(index + 1)
      .filter((o): o is Safe => o.kind === "safe" && !o.mfn && o.issueDate <= asOf);
    if (later.length === 0) {
      withoutLaterSafe.push(s.id);
      terms.set(s.id, own);
      continue;
    }
    let best = own;
    for (const o of later) {
      if (o.valuationCap && (!best.valuationCap || o.valuationCap.amount.lt(best.valuationCap.amount))) {
        best = { ...best, valuationCap: o.valuationCap, capBasis: o.safeType };
      }
      if (o.discount && (!best.discount || o.discount.gt(best.discount)))
        best = { ...best, discount: o.discount };
    }
    terms.set(s.id, best);
  }
  return { terms, withoutLaterSafe };
}
