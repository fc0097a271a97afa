import { Rational } from "../exact/rational.js";
import type { ResolvedExitTerms } from "./model.js";

/** How the exit value is split before the equity (docs/spec/exit.md EXIT-2, EXIT-3). */
export interface ProceedsSplit {
  readonly exitValue: Rational;
  readonly fees: Rational;
  readonly debt: Rational;
  readonly carveOut: Rational;
  /** What is left for the holders of equity and convertibles (before any exercise cash). */
  readonly equity: Rational;
}

/**
 * EXIT-2, EXIT-3: fees (fixed + rate × exit value) are paid first, then debt, then the
 * carve-out (a fraction of what is left, up to its maximum); the rest goes to equity.
 * Each is capped by what remains, so that nothing is ever negative.
 */
export function splitProceeds(terms: ResolvedExitTerms, exitValue: Rational): ProceedsSplit {
  const fees = Rational.min(exitValue, terms.feesFixed.add(terms.feesRate.mul(exitValue)));
  const debt = Rational.min(exitValue.sub(fees), terms.debt);
  const net = exitValue.sub(fees).sub(debt);
  let carveOut = terms.carveOutFraction.mul(net);
  if (terms.carveOutMaximum !== undefined) carveOut = Rational.min(carveOut, terms.carveOutMaximum);
  return { exitValue, fees, debt, carveOut, equity: net.sub(carveOut) };
}

/** The exit values where the split of EXIT-2/EXIT-3 changes slope, ascending, without 0. */
export function proceedsKinks(terms: ResolvedExitTerms): { value: Rational; event: string }[] {
  const keep = Rational.ONE.sub(terms.feesRate);
  const kinks: { value: Rational; event: string }[] = [];
  const feesCovered = terms.feesFixed.div(keep);
  if (feesCovered.isPositive()) kinks.push({ value: feesCovered, event: "fees_paid" });
  const debtCovered = terms.feesFixed.add(terms.debt).div(keep);
  if (debtCovered.gt(feesCovered)) kinks.push({ value: debtCovered, event: "debt_repaid" });
  if (terms.carveOutMaximum !== undefined && terms.carveOutFraction.isPositive()) {
    const net = terms.carveOutMaximum.div(terms.carveOutFraction);
    const at = debtCovered.add(net.div(keep));
    if (at.gt(debtCovered)) kinks.push({ value: at, event: "carve_out_maximum" });
  }
  return kinks;
}

/**
 * The smallest exit value whose equity part is `equity` (> 0), or undefined when no exit
 * value reaches it (a carve-out of 100% with no maximum). The equity part rises strictly
 * once fees and debt are covered, so the answer is unique.
 */
export function exitValueForEquity(terms: ResolvedExitTerms, equity: Rational): Rational | undefined {
  const keep = Rational.ONE.sub(terms.feesRate);
  const debtCovered = terms.feesFixed.add(terms.debt).div(keep);
  const fraction = terms.carveOutFraction;
  let net: Rational;
  if (terms.carveOutMaximum !== undefined && fraction.isPositive()) {
    const netAtMaximum = terms.carveOutMaximum.div(fraction);
    const equityAtMaximum = netAtMaximum.sub(terms.carveOutMaximum);
    if (equity.gte(equityAtMaximum)) net = equity.add(terms.carveOutMaximum);
    else if (fraction.eq(Rational.ONE)) return undefined;
    else net = equity.div(Rational.ONE.sub(fraction));
  } else {
    if (fraction.eq(Rational.ONE)) return undefined;
    net = equity.div(Rational.ONE.sub(fraction));
  }
  return debtCovered.add(net.div(keep));
}

/** A linear function slope·x + intercept. */
export interface ProceedsLine {
  readonly slope: Rational;
  readonly intercept: Rational;
}

/**
 * Fees, debt, carve-out and equity as linear functions of the exit value on the interval
 * that starts at `from` (a point of `proceedsKinks` or any exit value) and runs to the
 * next kink: written down from the rules of EXIT-2/EXIT-3 rather than interpolated, so
 * that the coefficients stay as small as the terms.
 */
export function proceedsLines(
  terms: ResolvedExitTerms,
  from: Rational,
): Record<"fees" | "debt" | "carveOut" | "equity", ProceedsLine> {
  const zero = Rational.ZERO;
  const keep = Rational.ONE.sub(terms.feesRate);
  const feesCovered = terms.feesFixed.div(keep);
  const debtCovered = terms.feesFixed.add(terms.debt).div(keep);
  const line = (slope: Rational, intercept: Rational): ProceedsLine => ({ slope, intercept });
  const none = line(zero, zero);
  if (from.lt(feesCovered)) {
    return { fees: line(Rational.ONE, zero), debt: none, carveOut: none, equity: none };
  }
  const fees = line(terms.feesRate, terms.feesFixed);
  if (from.lt(debtCovered)) {
    return { fees, debt: line(keep, terms.feesFixed.neg()), carveOut: none, equity: none };
  }
  const debt = line(zero, terms.debt);
  const netIntercept = terms.feesFixed.add(terms.debt).neg();
  const fraction = terms.carveOutFraction;
  const maximum = terms.carveOutMaximum;
  if (maximum !== undefined && fraction.isPositive()) {
    const capped = debtCovered.add(maximum.div(fraction).div(keep));
    if (from.gte(capped)) {
      return { fees, debt, carveOut: line(zero, maximum), equity: line(keep, netIntercept.sub(maximum)) };
    }
  }
  const share = Rational.ONE.sub(fraction);
  return {
    fees,
    debt,
    carveOut: line(keep.mul(fraction), netIntercept.mul(fraction)),
    equity: line(keep.mul(share), netIntercept.mul(share)),
  };
}
