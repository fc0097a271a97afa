import { Rational } from "../exact/rational.js";
import type { ShareClassId, StakeholderId } from "../shared/ids.js";
import type { ExitModel } from "./model.js";
import { combinePiecewise, evaluatePiecewise, type PiecewiseLinear } from "./piecewise.js";
import { type PositionRegime, regimeAt } from "./position.js";
import { intervalAfter, type PriceCurve, priceCurve } from "./price-curve.js";
import { exitValueForEquity, proceedsKinks, proceedsLines } from "./proceeds.js";
import { holderWeights } from "./waterfall.js";

/** What happens at a breakpoint (docs/spec/exit.md EXIT-15). */
export type BreakpointEvent =
  | { readonly kind: "fees_paid" | "debt_repaid" | "carve_out_maximum" }
  /** Every claim at this seniority level has been paid in full. */
  | { readonly kind: "level_paid"; readonly level: number; readonly positions: readonly string[] }
  /** The preference stack is paid: from here common receives value. */
  | { readonly kind: "common_starts" }
  /** Positions that start converting, exercising, or reach or leave a participation cap. */
  | { readonly kind: "regime_change"; readonly positions: readonly string[] };

/** A linear function a·x + b of the exit value on one segment. */
export interface Line {
  readonly slope: Rational;
  readonly intercept: Rational;
}

export type SegmentPhase =
  /** Fees and debt absorb everything. */
  | { readonly kind: "no_equity" }
  /** The stack is being paid; `level` indexes model.levels (the level being filled). */
  | { readonly kind: "stack"; readonly level: number }
  /** The stack is paid; `interval` indexes the price curve. */
  | { readonly kind: "common"; readonly interval: number };

/** One segment (from, to] of exit values, where every payout is linear. */
export interface ExitSegment {
  readonly from: Rational;
  /** Undefined for the last segment. */
  readonly to: Rational | undefined;
  readonly phase: SegmentPhase;
  readonly fees: Line;
  readonly debt: Line;
  readonly carveOut: Line;
  readonly equity: Line;
  /** The price per as-converted common share. */
  readonly commonPrice: Line;
}

/**
 * The exact breakpoints of the waterfall (EXIT-15): the exit values at which the split of
 * the next dollar changes, the segments between them, and what each position is doing on
 * each segment. Every payout is linear on a segment; the functions below build the exact
 * piecewise-linear payouts per position, class and holder from this.
 */
export interface ExitBreakpoints {
  readonly model: ExitModel;
  readonly curve: PriceCurve;
  /** breakpoints[0] = 0, then strictly increasing. Segment j is (breakpoints[j], breakpoints[j+1]]. */
  readonly breakpoints: readonly Rational[];
  /** The events at each breakpoint. */
  readonly events: readonly (readonly BreakpointEvent[])[];
  readonly segments: readonly ExitSegment[];
  /** Each position's regime on each interval of the price curve. */
  readonly regimes: readonly (readonly PositionRegime[])[];
}

/** Computes the breakpoints of the waterfall exactly (EXIT-15). */
export function exitBreakpoints(model: ExitModel): ExitBreakpoints {
  const terms = model.terms;
  const curve = priceCurve(model);
  const stackTotal = curve.values[0]!;

  // --- Breakpoints in equity, then mapped to exit values --------------------------------
  const atEquity: { equity: Rational; event: BreakpointEvent }[] = [];
  let cumulative = Rational.ZERO;
  for (const level of model.levels) {
    cumulative = cumulative.add(level.total);
    atEquity.push({
      equity: cumulative,
      event: {
        kind: "level_paid",
        level: level.level,
        positions: level.entries.map((e) => model.positions[e.position]!.id),
      },
    });
  }
  atEquity.push({ equity: stackTotal, event: { kind: "common_starts" } });
  for (let k = 0; k < curve.prices.length; k++) {
    const changed = curve.changes[k]!;
    if (changed.length === 0) continue;
    atEquity.push({
      equity: curve.values[k]!,
      event: { kind: "regime_change", positions: changed.map((i) => model.positions[i]!.id) },
    });
  }
  const atExit: { value: Rational; event: BreakpointEvent }[] = proceedsKinks(terms).map((k) => ({
    value: k.value,
    event: { kind: k.event as "fees_paid" | "debt_repaid" | "carve_out_maximum" },
  }));
  for (const { equity, event } of atEquity) {
    const value = exitValueForEquity(terms, equity);
    if (value !== undefined) atExit.push({ value, event });
  }
  atExit.sort((a, b) => a.value.cmp(b.value));
  const breakpoints: Rational[] = [Rational.ZERO];
  const events: BreakpointEvent[][] = [[]];
  for (const { value, event } of atExit) {
    const last = breakpoints.length - 1;
    if (value.eq(breakpoints[last]!)) events[last]!.push(event);
    else {
      breakpoints.push(value);
      events.push([event]);
    }
  }

  // --- Regimes per interval of the price curve, updated only where a kink changes them ----
  const regimes: PositionRegime[][] = [];
  for (let k = 0; k < curve.prices.length; k++) {
    const next = curve.prices[k + 1];
    const inside =
      next === undefined ? curve.prices[k]!.add(Rational.ONE) : curve.prices[k]!.add(next).divInt(2n);
    if (k === 0) regimes.push(model.positions.map((p) => regimeAt(p, inside)));
    else {
      const row = [...regimes[k - 1]!];
      for (const i of curve.changes[k]!) row[i] = regimeAt(model.positions[i]!, inside);
      regimes.push(row);
    }
  }
  // Kinks at price 0 were folded into interval 0 by the interior point above.

  // --- Segments ---------------------------------------------------------------------------
  const segments: ExitSegment[] = [];
  let cumulativeLevels = Rational.ZERO;
  const levelEnds = model.levels.map((level) => {
    cumulativeLevels = cumulativeLevels.add(level.total);
    return cumulativeLevels;
  });
  for (let j = 0; j < breakpoints.length; j++) {
    const from = breakpoints[j]!;
    const to = breakpoints[j + 1];
    const lines = proceedsLines(terms, from);
    const equity = lines.equity;
    // The equity at the start of the segment: the segment lies just to its right.
    const atStart = equity.slope.mul(from).add(equity.intercept);
    let phase: SegmentPhase;
    let commonPrice: Line = { slope: Rational.ZERO, intercept: Rational.ZERO };
    if (equity.slope.isZero()) phase = { kind: "no_equity" };
    else if (atStart.lt(stackTotal)) {
      let level = 0;
      while (levelEnds[level]!.lte(atStart)) level++;
      phase = { kind: "stack", level };
    } else {
      const interval = intervalAfter(curve, atStart);
      const slope = curve.slopes[interval]!;
      phase = { kind: "common", interval };
      commonPrice = {
        slope: equity.slope.div(slope),
        intercept: curve.prices[interval]!.add(equity.intercept.sub(curve.values[interval]!).div(slope)),
      };
    }
    segments.push({
      from,
      to,
      phase,
      fees: lines.fees,
      debt: lines.debt,
      carveOut: lines.carveOut,
      equity,
      commonPrice,
    });
  }
  return { model, curve, breakpoints, events, segments, regimes };
}

/** A position's payout in parts, each an exact piecewise-linear function of the exit value. */
export interface PositionFunctions {
  /** From the preference stack. */
  readonly preference: PiecewiseLinear;
  /** As common (participation, conversion, exercise), net of the exercise price. */
  readonly asConverted: PiecewiseLinear;
  /** Exercise price paid in (cash exercise). */
  readonly exercisePaid: PiecewiseLinear;
  /** preference + asConverted: what the position nets. */
  readonly payout: PiecewiseLinear;
}

const ZERO_LINE: Line = { slope: Rational.ZERO, intercept: Rational.ZERO };

/** The payout functions of the position at `index` in model.positions (EXIT-15). */
export function positionFunctions(bp: ExitBreakpoints, index: number): PositionFunctions {
  const position = bp.model.positions[index]!;
  const levels = bp.model.levels;
  const cash = bp.model.terms.exercise === "cash";
  const pref: Line[] = [];
  const converted: Line[] = [];
  const exercise: Line[] = [];
  for (const segment of bp.segments) {
    const phase = segment.phase;
    if (phase.kind === "no_equity") {
      pref.push(ZERO_LINE);
      converted.push(ZERO_LINE);
      exercise.push(ZERO_LINE);
    } else if (phase.kind === "stack") {
      const filling = levels[phase.level]!;
      let paidBefore = Rational.ZERO;
      for (let l = 0; l < phase.level; l++) paidBefore = paidBefore.add(levels[l]!.total);
      let constant = Rational.ZERO;
      let share = Rational.ZERO;
      for (const claim of position.claims) {
        if (claim.level > filling.level) constant = constant.add(claim.amount);
        else if (claim.level === filling.level) share = share.add(claim.amount.div(filling.total));
      }
      // share × (equity − paidBefore) + constant
      pref.push({
        slope: share.mul(segment.equity.slope),
        intercept: share.mul(segment.equity.intercept.sub(paidBefore)).add(constant),
      });
      converted.push(ZERO_LINE);
      exercise.push(ZERO_LINE);
    } else {
      const r = bp.regimes[phase.interval]![index]!;
      pref.push({ slope: Rational.ZERO, intercept: r.preference });
      converted.push(
        r.slope.isZero()
          ? { slope: Rational.ZERO, intercept: r.constant }
          : {
              slope: r.slope.mul(segment.commonPrice.slope),
              intercept: r.slope.mul(segment.commonPrice.intercept).add(r.constant),
            },
      );
      exercise.push(cash ? { slope: Rational.ZERO, intercept: r.exercisePaid } : ZERO_LINE);
    }
  }
  // At an exit value of 0 nothing is paid and nothing is exercised (EXIT-1).
  const fn = (lines: readonly Line[]): PiecewiseLinear => ({
    breakpoints: bp.breakpoints,
    slopes: lines.map((l) => l.slope),
    intercepts: lines.map((l) => l.intercept),
    atZero: Rational.ZERO,
  });
  const preference = fn(pref);
  const asConverted = fn(converted);
  return {
    preference,
    asConverted,
    exercisePaid: fn(exercise),
    payout: combinePiecewise(bp.breakpoints, [
      { weight: Rational.ONE, fn: preference },
      { weight: Rational.ONE, fn: asConverted },
    ]),
  };
}

/** The payout of the shares of a class, or undefined when the class has no shares outstanding. */
export function classPayoutFunction(bp: ExitBreakpoints, classId: ShareClassId): PiecewiseLinear | undefined {
  const index = bp.model.positions.findIndex((p) => p.kind === "shares" && p.classId === classId);
  return index < 0 ? undefined : positionFunctions(bp, index).payout;
}

/** The fees, debt repaid, carve-out and equity as functions of the exit value. */
export function proceedsFunctions(
  bp: ExitBreakpoints,
): Record<"fees" | "debt" | "carveOut" | "equity", PiecewiseLinear> {
  const fn = (pick: (s: ExitSegment) => Line): PiecewiseLinear => ({
    breakpoints: bp.breakpoints,
    slopes: bp.segments.map((s) => pick(s).slope),
    intercepts: bp.segments.map((s) => pick(s).intercept),
    atZero: Rational.ZERO,
  });
  return {
    fees: fn((s) => s.fees),
    debt: fn((s) => s.debt),
    carveOut: fn((s) => s.carveOut),
    equity: fn((s) => s.equity),
  };
}

/**
 * What a holder keeps as a function of the exit value: its share of every position it
 * holds (the preference part by claim, the as-converted part by units, EXIT-13), net of
 * exercise prices, plus its share of the carve-out.
 */
export function holderPayoutFunction(bp: ExitBreakpoints, holder: StakeholderId): PiecewiseLinear {
  const terms: { weight: Rational; fn: PiecewiseLinear }[] = [];
  for (const [index, position] of bp.model.positions.entries()) {
    const stake = position.holders.find((h) => h.holder === holder);
    if (!stake) continue;
    const w = holderWeights(position, stake.units, stake.claim);
    const f = positionFunctions(bp, index);
    terms.push({ weight: w.claim, fn: f.preference }, { weight: w.units, fn: f.asConverted });
  }
  const recipients = bp.model.terms.carveOutRecipients;
  const own = Rational.sum(recipients.filter((r) => r.holder === holder).map((r) => r.weight));
  if (own.isPositive()) {
    const total = Rational.sum(recipients.map((r) => r.weight));
    terms.push({ weight: own.div(total), fn: proceedsFunctions(bp).carveOut });
  }
  return combinePiecewise(bp.breakpoints, terms);
}

/**
 * Every holder's payout function (model.holders order), equal to `holderPayoutFunction`
 * for each holder but built in one pass: each position's functions are computed once and
 * each stake is visited once, so the cost grows with holders + stakes, not with their
 * product (issue 19: asking `holderPayoutFunction` for each of 10,000 holders scanned
 * every position's holders for each one). `holderPayoutFunction` stays as the
 * straightforward reference; a property test keeps the two equal.
 */
export function holderPayoutFunctions(bp: ExitBreakpoints): PiecewiseLinear[] {
  const { model } = bp;
  const terms: { weight: Rational; fn: PiecewiseLinear }[][] = model.holders.map(() => []);
  for (const [index, position] of model.positions.entries()) {
    if (position.holders.length === 0) continue;
    const f = positionFunctions(bp, index);
    for (const stake of position.holders) {
      const w = holderWeights(position, stake.units, stake.claim);
      terms[stake.index]!.push({ weight: w.claim, fn: f.preference }, { weight: w.units, fn: f.asConverted });
    }
  }
  const recipients = model.terms.carveOutRecipients;
  if (recipients.length > 0) {
    const total = Rational.sum(recipients.map((r) => r.weight));
    const own = new Map<StakeholderId, Rational>();
    for (const r of recipients) own.set(r.holder, (own.get(r.holder) ?? Rational.ZERO).add(r.weight));
    const carveOut = proceedsFunctions(bp).carveOut;
    for (const [i, h] of model.holders.entries()) {
      const weight = own.get(h.id);
      if (weight?.isPositive()) terms[i]!.push({ weight: weight.div(total), fn: carveOut });
    }
  }
  return terms.map((t) => combinePiecewise(bp.breakpoints, t));
}

/** One row of a breakpoint table: an exit value, what happens there, and how the next dollar splits. */
export interface BreakpointRow {
  readonly exitValue: Rational;
  readonly events: readonly BreakpointEvent[];
  /** Each position's net payout at this exit value (model.positions order). */
  readonly payouts: readonly Rational[];
  /** Each position's share of each further dollar until the next breakpoint (net, so options net of strike). */
  readonly nextDollar: readonly Rational[];
}

/**
 * The breakpoint table (EXIT-15): for every breakpoint, the positions' payouts there and
 * the split of the next dollar. What `roundtable exit --breakpoints` prints.
 */
export function breakpointRows(bp: ExitBreakpoints): BreakpointRow[] {
  const functions = bp.model.positions.map((_, i) => positionFunctions(bp, i).payout);
  return bp.breakpoints.map((exitValue, j) => ({
    exitValue,
    events: bp.events[j]!,
    payouts: functions.map((f) => evaluatePiecewise(f, exitValue)),
    nextDollar: functions.map((f) => f.slopes[j]!),
  }));
}
