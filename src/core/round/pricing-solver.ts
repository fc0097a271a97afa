import { solveLinearSystem, zeroMatrix } from "../exact/linear-system.js";
import { Rational } from "../exact/rational.js";
import type { ConvertibleMethod } from "./terms.js";

/**
 * The exact solver at the heart of a priced round (SPEC ROUND-4). A round's price, its
 * pool top-up and the shares its SAFEs and notes convert into depend on each other
 * (a post-money SAFE's price depends on the capitalization, which includes the SAFE's
 * own shares; a pool target is a fraction of the post-money, which includes the pool).
 * For a given choice of "regimes" (each convertible at its cap or at its discount price;
 * the pool top-up active or not) every relation is linear, so the system is solved
 * exactly over the rationals. The regimes are then improved by policy iteration: each
 * convertible takes the branch that gives it more shares (the lower conversion price,
 * as the SAFE and note forms require), and the pool top-up is active exactly when the
 * pool is below its target. Every relation is monotone with non-negative coefficients,
 * so each improvement can only raise the solution, no regime repeats, and the loop ends
 * after finitely many steps (bounded below by MAX_ITERATIONS as a safeguard).
 *
 * Unknowns: u = shares per unit of currency (1 / price), X = pool increase,
 * s_i = conversion shares of convertible i, and n_t = shares bought by the target
 * investor when the solve asks for an amount. All are exact rationals; rounding to whole
 * shares and a stated price precision happens afterwards (price-round.ts).
 */

export interface ConvertibleInput {
  readonly id: string;
  /** Dollars that convert: a SAFE's purchase amount, a note's principal (and interest). */
  readonly amount: Rational;
  /** "post": capitalization includes all conversion shares (YC post-money SAFE, SAFE-2); "pre": excludes them and includes the pool top-up (SAFE-3, NOTE-3). */
  readonly capBasis: "post" | "pre";
  readonly cap: Rational | undefined;
  /** 0 when the instrument has no discount: it then converts at the round price if that is lower than its cap price. */
  readonly discount: Rational;
}

export type PoolEquation =
  | { readonly kind: "none" }
  | { readonly kind: "shares"; readonly shares: Rational; readonly inPreMoney: boolean }
  | {
      readonly kind: "target";
      readonly fraction: Rational;
      readonly base: Rational;
      readonly inPreMoney: boolean;
    };

/** What fixes the price: a stated price or valuation, or a target ownership to solve for. */
export type PriceEquation =
  | { readonly kind: "price"; readonly price: Rational }
  /** `value` is the pre-money valuation; for a post-money basis, the post-money valuation with `postMoney` set. */
  | {
      readonly kind: "valuation";
      readonly value: Rational;
      readonly postMoney: boolean;
      readonly method: ConvertibleMethod;
    }
  /** Solve for the valuation so that a holder owns `fraction` of the post-money fully diluted shares. */
  | ({ readonly kind: "target_ownership"; readonly amount: Rational } & HolderTarget);

/**
 * A holder whose ownership after the round is fixed: `fraction` of the post-money fully
 * diluted shares, counting the shares it held before (`existingShares`), the conversion
 * shares of its own SAFEs and notes (`convertibleIndices`) and the new shares it buys.
 */
export interface HolderTarget {
  readonly fraction: Rational;
  readonly existingShares: Rational;
  readonly convertibleIndices: readonly number[];
}

export interface SolverInput {
  /** Existing fully diluted shares before the round (FD-1), without convertibles. */
  readonly existing: Rational;
  readonly convertibles: readonly ConvertibleInput[];
  readonly pool: PoolEquation;
  /** New money whose amount is known. */
  readonly knownNewMoney: Rational;
  readonly price: PriceEquation;
  /**
   * When set, the amount of one investor is unknown: it owns `fraction` of the post-money
   * and the price equation must be a stated price or valuation.
   */
  readonly targetInvestorShares?: HolderTarget;
}

export type Regime = "cap" | "discount";

export interface SolverSolution {
  readonly sharesPerUnit: Rational;
  readonly price: Rational;
  readonly poolIncrease: Rational;
  readonly conversionShares: readonly Rational[];
  readonly regimes: readonly Regime[];
  readonly poolActive: boolean;
  /** Shares of the investor whose amount was unknown (0 otherwise). */
  readonly targetShares: Rational;
  /** Fully diluted shares after the round, before rounding. */
  readonly fullyDilutedAfter: Rational;
  readonly iterations: number;
}

export type SolverFailure = { readonly reason: string };

const MAX_ITERATIONS = 1000;

function sharesUnder(
  regime: Regime,
  c: ConvertibleInput,
  existing: Rational,
  sumShares: Rational,
  pool: Rational,
  u: Rational,
) {
  if (regime === "cap") {
    const ratio = c.amount.div(c.cap!);
    return c.capBasis === "post" ? ratio.mul(existing.add(sumShares)) : ratio.mul(existing.add(pool));
  }
  return c.amount.div(Rational.ONE.sub(c.discount)).mul(u);
}

/** Pre-checks with a clear reason: terms that no price can satisfy (ROUND-8). */
export function checkFeasibility(input: SolverInput): SolverFailure | undefined {
  let postCapClaim = Rational.ZERO;
  for (const c of input.convertibles) {
    if (c.cap !== undefined && c.capBasis === "post") postCapClaim = postCapClaim.add(c.amount.div(c.cap));
  }
  if (postCapClaim.gte(Rational.ONE)) {
    return {
      reason: `post-money SAFE caps together claim ${postCapClaim.mulInt(100n).toDecimalString(4)}% of the company capitalization; they must claim less than 100%`,
    };
  }
  return undefined;
}

export function solvePricing(input: SolverInput): SolverSolution | SolverFailure {
  const infeasible = checkFeasibility(input);
  if (infeasible) return infeasible;
  const hasTarget = input.targetInvestorShares !== undefined;
  // Start every capped convertible at its cap (the usual outcome), the others at the discount price.
  let regimes: Regime[] = input.convertibles.map((c) => (c.cap !== undefined ? "cap" : "discount"));
  let poolActive = input.pool.kind === "target";
  for (let iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
    const solved = solveRegime(input, regimes, poolActive);
    if ("reason" in solved) return solved;
    const { u, x, s, n } = solved;
    const sumShares = Rational.sum(s);
    // Improve: each convertible takes the branch with more shares; ties keep the current branch.
    const next = input.convertibles.map((c, i) => {
      if (c.cap === undefined) return "discount" as Regime;
      const current = regimes[i]!;
      const other: Regime = current === "cap" ? "discount" : "cap";
      const mine = sharesUnder(current, c, input.existing, sumShares, x, u);
      const theirs = sharesUnder(other, c, input.existing, sumShares, x, u);
      return theirs.gt(mine) ? other : current;
    });
    let nextPool = poolActive;
    if (input.pool.kind === "target") {
      const fd = input.existing.add(x).add(sumShares).add(u.mul(input.knownNewMoney)).add(n);
      const wanted = input.pool.fraction.mul(fd).sub(input.pool.base);
      nextPool = poolActive ? !x.isNegative() : wanted.isPositive();
    }
    const settled = nextPool === poolActive && next.every((r, i) => r === regimes[i]);
    if (settled) {
      if (!u.isPositive()) return { reason: "the terms give no positive price per share" };
      if (x.isNegative()) return { reason: "the pool top-up came out negative" };
      if (s.some((v) => v.isNegative())) return { reason: "a conversion came out negative" };
      if (hasTarget && n.isNegative()) return { reason: "the target ownership needs a negative investment" };
      const fd = input.existing.add(x).add(sumShares).add(u.mul(input.knownNewMoney)).add(n);
      return {
        sharesPerUnit: u,
        price: u.inverse(),
        poolIncrease: x,
        conversionShares: s,
        regimes,
        poolActive,
        targetShares: n,
        fullyDilutedAfter: fd,
        iterations: iteration,
      };
    }
    regimes = next;
    poolActive = nextPool;
  }
  return { reason: "the conversions did not settle on one consistent outcome" };
}

interface RegimeSolution {
  readonly u: Rational;
  readonly x: Rational;
  readonly s: Rational[];
  readonly n: Rational;
}

/** Sums of the conversion coefficients by regime, over a set of convertibles. */
interface Coefficients {
  /** Σ amount/cap over post-money caps: their shares are R·(E + C). */
  readonly r: Rational;
  /** Σ amount/cap over pre-money caps: their shares are G·(E + X). */
  readonly g: Rational;
  /** Σ amount/(1 − discount) at the discount or round price: their shares are H·u. */
  readonly h: Rational;
}

function coefficients(
  input: SolverInput,
  regimes: readonly Regime[],
  indices: Iterable<number>,
): Coefficients {
  let r = Rational.ZERO;
  let g = Rational.ZERO;
  let h = Rational.ZERO;
  for (const i of indices) {
    const c = input.convertibles[i]!;
    if (regimes[i] === "cap") {
      if (c.capBasis === "post") r = r.add(c.amount.div(c.cap!));
      else g = g.add(c.amount.div(c.cap!));
    } else {
      h = h.add(c.amount.div(Rational.ONE.sub(c.discount)));
    }
  }
  return { r, g, h };
}

/**
 * Builds and solves the linear system for fixed regimes. Each convertible's shares are a
 * linear function of three aggregates — s_i = r_i(E + C) at a post-money cap, g_i(E + X)
 * at a pre-money cap, h_i·u at a discount — so the system has only the unknowns
 * [u, X, C, n_t?], where C is the total of conversion shares:
 *   C (1 − R) − G·X − H·u = (R + G)·E,
 * and the individual shares follow from the solution.
 */
function solveRegime(
  input: SolverInput,
  regimes: readonly Regime[],
  poolActive: boolean,
): RegimeSolution | SolverFailure {
  const hasTarget = input.targetInvestorShares !== undefined;
  const size = hasTarget ? 4 : 3;
  const U = 0;
  const X = 1;
  const C = 2;
  const N = 3;
  const a = zeroMatrix(size);
  const b: Rational[] = Array.from({ length: size }, () => Rational.ZERO);
  const E = input.existing;
  const M = input.knownNewMoney;
  const one = Rational.ONE;
  const set = (row: number, col: number, v: Rational) => {
    a[row]![col] = a[row]![col]!.add(v);
  };
  /** Adds coefficient `c` times the post-money fully diluted count (without E) to `row`; returns c·E. */
  const addFullyDiluted = (row: number, c: Rational): Rational => {
    set(row, X, c);
    set(row, C, c);
    set(row, U, c.mul(M));
    if (hasTarget) set(row, N, c);
    return c.mul(E);
  };
  /** Adds a holder's own conversion shares, Ro(E + C) + Go(E + X) + Ho·u, to `row`; returns their constant part. */
  const addOwnConversions = (row: number, indices: readonly number[]): Rational => {
    const own = coefficients(input, regimes, indices);
    set(row, C, own.r);
    set(row, X, own.g);
    set(row, U, own.h);
    return own.r.add(own.g).mul(E);
  };

  // Row 0: the price equation.
  const price = input.price;
  const shuffle = input.pool.kind !== "none" && input.pool.inPreMoney;
  if (price.kind === "price") {
    set(0, U, one);
    b[0] = price.price.inverse();
  } else if (price.kind === "valuation") {
    // V·u = S_pre, with V the pre-money valuation. A post-money valuation less the new money is the pre-money (ROUND-2).
    let valuation = price.value;
    if (price.postMoney) valuation = valuation.sub(M);
    if (price.method === "dollars_invested")
      valuation = valuation.add(Rational.sum(input.convertibles.map((c) => c.amount)));
    set(0, U, valuation);
    if (price.postMoney && hasTarget) set(0, N, one.neg());
    // S_pre = E + [X if shuffle] + [C unless outside_pre_money]
    if (shuffle) set(0, X, one.neg());
    if (price.method !== "outside_pre_money") set(0, C, one.neg());
    b[0] = E;
  } else {
    // Target ownership: existing + own conversions + amount·u = fraction · FD_after.
    set(0, U, price.amount);
    const constant = addOwnConversions(0, price.convertibleIndices);
    b[0] = addFullyDiluted(0, price.fraction.neg()).neg().sub(price.existingShares).sub(constant);
  }

  // Row 1: the pool.
  const pool = input.pool;
  set(1, X, one);
  if (pool.kind === "shares") {
    b[1] = pool.shares;
  } else if (pool.kind === "target" && poolActive) {
    // base + X = fraction · FD_after
    b[1] = addFullyDiluted(1, pool.fraction.neg()).neg().sub(pool.base);
  }

  // Row 2: the conversions, aggregated.
  const all = coefficients(input, regimes, input.convertibles.keys());
  set(2, C, one.sub(all.r));
  set(2, X, all.g.neg());
  set(2, U, all.h.neg());
  b[2] = all.r.add(all.g).mul(E);

  // Row 3: the target investor's shares: existing + own conversions + n = fraction · FD_after.
  if (hasTarget) {
    const target = input.targetInvestorShares!;
    set(N, N, one);
    const constant = addOwnConversions(N, target.convertibleIndices);
    b[N] = addFullyDiluted(N, target.fraction.neg()).neg().sub(target.existingShares).sub(constant);
  }

  const z = solveLinearSystem(a, b);
  if (!z)
    return { reason: "the terms do not determine a price (the equations are dependent or contradictory)" };
  const u = z[U]!;
  const x = z[X]!;
  const total = z[C]!;
  const s = input.convertibles.map((c, i) => {
    if (regimes[i] !== "cap") return c.amount.div(one.sub(c.discount)).mul(u);
    const ratio = c.amount.div(c.cap!);
    return c.capBasis === "post" ? ratio.mul(E.add(total)) : ratio.mul(E.add(x));
  });
  return { u, x, s, n: hasTarget ? z[N]! : Rational.ZERO };
}
