import { Rational } from "../exact/rational.js";
import type { StakeholderId } from "../shared/ids.js";
import { type ExitBreakpoints, positionFunctions, proceedsFunctions } from "./breakpoints.js";
import { type PiecewiseLinear, valuesAtBreakpoints } from "./piecewise.js";

/**
 * An exact value as a fraction num/den with den > 0, not necessarily in lowest terms.
 * Sums of a holder's terms are kept this way: comparing two of them or rounding one to a
 * stated number of places needs no gcd, and the gcds of Rational arithmetic were most of
 * the time of `exit --breakpoints` on 10,000 holders (issue 19).
 */
export interface Fraction {
  readonly num: bigint;
  readonly den: bigint;
}

const ZERO: Fraction = { num: 0n, den: 1n };

/** True when a and b are the same number. */
export function fractionsEqual(a: Fraction, b: Fraction): boolean {
  if (a.den === b.den) return a.num === b.num;
  return a.num * b.den === b.num * a.den;
}

/** A holder's payout function with its redundant breakpoints removed (`HolderPayouts.simplifiedFunctionOf`). */
export interface SimplifiedFunction {
  readonly atZero: Fraction;
  /** The indices of the breakpoints kept, the first 0. */
  readonly segments: readonly number[];
  readonly slopes: readonly Fraction[];
  readonly intercepts: readonly Fraction[];
}

/** A function of the exit value a holder's payout takes a share of, with its values at the breakpoints. */
interface SharedFunction {
  readonly fn: PiecewiseLinear;
  readonly values: readonly Rational[];
  /** changes[j] = 1 when segment j's slope or intercept differs from segment j-1's (j >= 1). */
  readonly changes: Uint8Array;
}

function sharedFunction(fn: PiecewiseLinear): SharedFunction {
  const changes = new Uint8Array(fn.breakpoints.length);
  for (let j = 1; j < fn.breakpoints.length; j++) {
    if (!fn.slopes[j]!.eq(fn.slopes[j - 1]!) || !fn.intercepts[j]!.eq(fn.intercepts[j - 1]!)) changes[j] = 1;
  }
  return { fn, values: valuesAtBreakpoints(fn), changes };
}

/**
 * Every holder's payout as an exact piecewise-linear function of the exit value, kept as
 * what it is: a weighted sum of the position functions the holder has a stake in (the
 * preference part by claim, the as-converted part by units, EXIT-13) and of the carve-out.
 * The position functions are computed once; a holder's slope, intercept or payout at a
 * breakpoint is computed when asked, from its few terms, so the cost grows with holders +
 * stakes and nothing holder × breakpoint is held in memory. Equal, value for value, to
 * `holderPayoutFunction` (the straightforward reference; a property test keeps them equal).
 */
export class HolderPayouts {
  /** The breakpoints shared by every function (breakpoints[0] = 0). */
  readonly breakpoints: readonly Rational[];
  readonly holders: readonly { readonly id: StakeholderId; readonly name: string }[];
  private readonly termStart: Int32Array;
  private readonly termWeight: Fraction[] = [];
  private readonly termFunction: SharedFunction[] = [];

  constructor(bp: ExitBreakpoints) {
    const { model } = bp;
    this.breakpoints = bp.breakpoints;
    this.holders = model.holders;
    const perHolder: { weight: Fraction; fn: SharedFunction }[][] = model.holders.map(() => []);
    const shared = sharedFunction;
    for (const [index, position] of model.positions.entries()) {
      if (position.holders.length === 0) continue;
      const f = positionFunctions(bp, index);
      const preference = shared(f.preference);
      const asConverted = shared(f.asConverted);
      // The weights of EXIT-13 (holderWeights) as unreduced fractions: a stake's units over
      // the position's, its claim over the position's preference (or its units when claims
      // are proportional). No gcd per stake.
      const byClaim = !position.preference.isZero();
      for (const stake of position.holders) {
        const terms = perHolder[stake.index]!;
        const units: Fraction = position.units === 0n ? ZERO : { num: stake.units, den: position.units };
        const claim: Fraction =
          stake.claim === undefined || !byClaim
            ? units
            : {
                num: stake.claim.num * position.preference.den,
                den: stake.claim.den * position.preference.num,
              };
        if (claim.num !== 0n) terms.push({ weight: claim, fn: preference });
        if (units.num !== 0n) terms.push({ weight: units, fn: asConverted });
      }
    }
    const recipients = model.terms.carveOutRecipients;
    if (recipients.length > 0) {
      const total = Rational.sum(recipients.map((r) => r.weight));
      const own = new Map<StakeholderId, Rational>();
      for (const r of recipients) own.set(r.holder, (own.get(r.holder) ?? Rational.ZERO).add(r.weight));
      const carveOut = shared(proceedsFunctions(bp).carveOut);
      for (const [i, h] of model.holders.entries()) {
        const weight = own.get(h.id);
        if (weight?.isPositive()) {
          const w = weight.div(total);
          perHolder[i]!.push({ weight: { num: w.num, den: w.den }, fn: carveOut });
        }
      }
    }
    this.termStart = new Int32Array(model.holders.length + 1);
    for (const [h, terms] of perHolder.entries()) {
      for (const t of terms) {
        this.termWeight.push(t.weight);
        this.termFunction.push(t.fn);
      }
      this.termStart[h + 1] = this.termWeight.length;
    }
  }

  /** Σ weight · pick(term's function) over the holder's terms, as an unreduced fraction. */
  private sum(holder: number, pick: (f: SharedFunction) => Rational): Fraction {
    let num = 0n;
    let den = 1n;
    for (let t = this.termStart[holder]!; t < this.termStart[holder + 1]!; t++) {
      const c = pick(this.termFunction[t]!);
      if (c.num === 0n) continue;
      const w = this.termWeight[t]!;
      const n = w.num * c.num;
      const d = w.den * c.den;
      if (num === 0n) {
        num = n;
        den = d;
      } else if (d === den) num += n;
      else {
        num = num * d + n * den;
        den *= d;
      }
    }
    return num === 0n ? ZERO : { num, den };
  }

  /** The holder's payout at breakpoint j, exactly. */
  valueAt(holder: number, j: number): Fraction {
    return this.sum(holder, (f) => f.values[j]!);
  }

  /** The holder's payout at an exit value of 0 (EXIT-1). */
  atZero(holder: number): Fraction {
    return this.sum(holder, (f) => f.fn.atZero);
  }

  /** The slope of the holder's payout on segment j, (breakpoints[j], breakpoints[j+1]]. */
  slope(holder: number, j: number): Fraction {
    return this.sum(holder, (f) => f.fn.slopes[j]!);
  }

  /** The intercept of the holder's payout on segment j. */
  intercept(holder: number, j: number): Fraction {
    return this.sum(holder, (f) => f.fn.intercepts[j]!);
  }

  /**
   * The holder's payout function with the breakpoints where it neither changes slope nor
   * jumps removed (what `simplifyPiecewise` keeps), on unreduced fractions: `segments` are
   * the indices of the kept breakpoints, `slopes[k]` and `intercepts[k]` those of the
   * segment from breakpoint `segments[k]`. Undefined when the holder is paid nothing at any
   * exit value (every slope and the value at zero are 0).
   */
  simplifiedFunctionOf(holder: number): SimplifiedFunction | undefined {
    // A weighted sum keeps its slope and intercept from segment j-1 to j unless one of its
    // terms' functions changes there: only segment 0 and those are computed, and each is
    // kept when it differs from the last kept (as simplifyPiecewise compares).
    const first = this.termStart[holder]!;
    const end = this.termStart[holder + 1]!;
    const atZero = this.atZero(holder);
    const segments: number[] = [0];
    const slopes: Fraction[] = [this.slope(holder, 0)];
    const intercepts: Fraction[] = [this.intercept(holder, 0)];
    let paysSomething = slopes[0]!.num !== 0n;
    for (let j = 1; j < this.breakpoints.length; j++) {
      let changes = false;
      for (let t = first; t < end && !changes; t++) changes = this.termFunction[t]!.changes[j] === 1;
      if (!changes) continue;
      const slope = this.slope(holder, j);
      const intercept = this.intercept(holder, j);
      if (slope.num !== 0n) paysSomething = true;
      const last = slopes.length - 1;
      if (fractionsEqual(slope, slopes[last]!) && fractionsEqual(intercept, intercepts[last]!)) continue;
      segments.push(j);
      slopes.push(slope);
      intercepts.push(intercept);
    }
    if (!paysSomething && atZero.num === 0n) return undefined;
    return { atZero, segments, slopes, intercepts };
  }

  /** The holder's payout as an exact function (what `holderPayoutFunction` returns), for tests and small reports. */
  functionOf(holder: number): PiecewiseLinear {
    const exact = (f: Fraction) => Rational.of(f.num, f.den);
    return {
      breakpoints: this.breakpoints,
      slopes: this.breakpoints.map((_, j) => exact(this.slope(holder, j))),
      intercepts: this.breakpoints.map((_, j) => exact(this.intercept(holder, j))),
      atZero: exact(this.atZero(holder)),
    };
  }
}
