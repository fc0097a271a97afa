import { Rational } from "../exact/rational.js";
import type { StakeholderId } from "../shared/ids.js";
import { fail, ok, type Result } from "../shared/problem.js";
import type { ExitBreakpoints } from "./breakpoints.js";
import type { PositionRegime } from "./position.js";

/**
 * The float fast path (docs/spec/exit.md EXIT-16): the exact piecewise-linear payouts of
 * an ExitBreakpoints converted once to float64 slopes and intercepts per segment, for
 * charts and simulation. Each value is one multiply-add per segment component; it agrees
 * with the exact path to float64 rounding (checked in tests), and is for display and
 * statistics only, never for a figure that must be exact.
 */
export interface PayoutTable {
  /** Segment j covers (breakpoints[j], breakpoints[j+1]]. */
  readonly breakpoints: Float64Array;
  readonly positionIds: readonly string[];
  /** Per position, per segment: the preference part and the as-converted part (net of exercise prices). */
  readonly preferenceSlope: readonly Float64Array[];
  readonly preferenceIntercept: readonly Float64Array[];
  readonly asConvertedSlope: readonly Float64Array[];
  readonly asConvertedIntercept: readonly Float64Array[];
  readonly carveOutSlope: Float64Array;
  readonly carveOutIntercept: Float64Array;
  /**
   * Per holder (in model.holders order), its weights in the positions it holds, stored
   * flat: holder h's entries are offsets[h] to offsets[h + 1] of the three arrays below.
   */
  readonly holderIds: readonly StakeholderId[];
  readonly holderIndex: ReadonlyMap<StakeholderId, number>;
  readonly offsets: Int32Array;
  readonly stakePositions: Int32Array;
  readonly claimWeights: Float64Array;
  readonly unitWeights: Float64Array;
  readonly carveOutWeights: Float64Array;
}

/**
 * A rational as the float64 quotient of its terms: within about one unit in the last
 * place, which is all the float path needs, and much cheaper than decimal text. The
 * float path converts breakpoints with it; an exit value converted the same way falls on
 * the same side of every breakpoint as its exact value (EXIT-16).
 */
export function toFloat(r: Rational): number {
  const value = Number(r.num) / Number(r.den);
  return Number.isFinite(value) ? value : r.toNumber();
}

/** Converts the exact breakpoints to the float table (EXIT-16). */
export function compilePayoutTable(bp: ExitBreakpoints): PayoutTable {
  const { model, segments } = bp;
  const m = segments.length;
  const count = model.positions.length;
  const preferenceSlope = model.positions.map(() => new Float64Array(m));
  const preferenceIntercept = model.positions.map(() => new Float64Array(m));
  const asConvertedSlope = model.positions.map(() => new Float64Array(m));
  const asConvertedIntercept = model.positions.map(() => new Float64Array(m));
  const carveOutSlope = new Float64Array(m);
  const carveOutIntercept = new Float64Array(m);
  const floats = new Map<PositionRegime, [number, number, number]>();
  const regimeFloats = (r: PositionRegime): [number, number, number] => {
    let f = floats.get(r);
    if (!f) {
      f = [toFloat(r.preference), toFloat(r.slope), toFloat(r.constant)];
      floats.set(r, f);
    }
    return f;
  };
  const levels = model.levels;
  const levelFloats = levels.map((level) => ({ level: level.level, total: level.total }));
  const paidBefore: number[] = [];
  let cumulative = Rational.ZERO;
  for (const level of levels) {
    paidBefore.push(toFloat(cumulative));
    cumulative = cumulative.add(level.total);
  }
  for (let j = 0; j < m; j++) {
    const segment = segments[j]!;
    carveOutSlope[j] = toFloat(segment.carveOut.slope);
    carveOutIntercept[j] = toFloat(segment.carveOut.intercept);
    const phase = segment.phase;
    if (phase.kind === "no_equity") continue;
    const equitySlope = toFloat(segment.equity.slope);
    const equityIntercept = toFloat(segment.equity.intercept);
    if (phase.kind === "stack") {
      const filling = levelFloats[phase.level]!;
      const before = paidBefore[phase.level]!;
      for (let i = 0; i < count; i++) {
        let constant = 0;
        let share = 0;
        for (const claim of model.positions[i]!.claims) {
          if (claim.level > filling.level) constant += toFloat(claim.amount);
          else if (claim.level === filling.level) share += toFloat(claim.amount) / toFloat(filling.total);
        }
        preferenceSlope[i]![j] = share * equitySlope;
        preferenceIntercept[i]![j] = share * (equityIntercept - before) + constant;
      }
      continue;
    }
    const priceSlope = toFloat(segment.commonPrice.slope);
    const priceIntercept = toFloat(segment.commonPrice.intercept);
    const row = bp.regimes[phase.interval]!;
    for (let i = 0; i < count; i++) {
      const [preference, slope, constant] = regimeFloats(row[i]!);
      preferenceIntercept[i]![j] = preference;
      asConvertedSlope[i]![j] = slope * priceSlope;
      asConvertedIntercept[i]![j] = slope * priceIntercept + constant;
    }
  }

  const holderIds = model.holders.map((h) => h.id);
  const holderIndex = new Map<StakeholderId, number>();
  for (const [i, id] of holderIds.entries()) holderIndex.set(id, i);
  const offsets = new Int32Array(holderIds.length + 1);
  for (const position of model.positions) {
    for (const stake of position.holders) offsets[stake.index + 1]! += 1;
  }
  for (let h = 0; h < holderIds.length; h++) offsets[h + 1] = offsets[h + 1]! + offsets[h]!;
  const stakes = offsets[holderIds.length]!;
  const stakePositions = new Int32Array(stakes);
  const claimWeights = new Float64Array(stakes);
  const unitWeights = new Float64Array(stakes);
  const fill = offsets.slice(0, holderIds.length);
  for (const [index, position] of model.positions.entries()) {
    const total = Number(position.units);
    const preference = toFloat(position.preference);
    for (const stake of position.holders) {
      const h = stake.index;
      const at = fill[h]!;
      fill[h] = at + 1;
      const unitWeight = Number(stake.units) / total;
      stakePositions[at] = index;
      unitWeights[at] = unitWeight;
      claimWeights[at] =
        stake.claim === undefined || preference === 0 ? unitWeight : toFloat(stake.claim) / preference;
    }
  }
  const carveOutWeights = new Float64Array(holderIds.length);
  const recipients = model.terms.carveOutRecipients;
  const carveTotal = toFloat(Rational.sum(recipients.map((r) => r.weight)));
  for (const r of recipients) {
    const h = holderIndex.get(r.holder)!;
    carveOutWeights[h] = carveOutWeights[h]! + toFloat(r.weight) / carveTotal;
  }
  return {
    breakpoints: Float64Array.from(bp.breakpoints.map((b) => toFloat(b))),
    positionIds: model.positions.map((p) => p.id),
    preferenceSlope,
    preferenceIntercept,
    asConvertedSlope,
    asConvertedIntercept,
    carveOutSlope,
    carveOutIntercept,
    holderIds,
    holderIndex,
    offsets,
    stakePositions,
    claimWeights,
    unitWeights,
    carveOutWeights,
  };
}

/** Payouts at many exit values, from the float table. */
export interface PayoutSamples {
  readonly exitValues: Float64Array;
  /** Per position (in table.positionIds order): its net payout at each exit value. */
  readonly positions: readonly Float64Array[];
  /** Per requested holder: what it keeps (net of exercise prices, with its carve-out) at each exit value. */
  readonly holders: ReadonlyMap<StakeholderId, Float64Array>;
}

/**
 * Payouts at each of `exitValues` (any order): the uncertainty hook (EXIT-17). Positions
 * are always computed; holders only those asked for, since a full holder × sample matrix
 * takes 8 bytes per cell (10,000 holders × 10,000 samples would be 800 MB).
 */
export function payoutsAt(
  table: PayoutTable,
  exitValues: Float64Array,
  holders: readonly StakeholderId[] | "all" = [],
): PayoutSamples {
  const n = exitValues.length;
  const count = table.positionIds.length;
  // A sampled exit value below zero means nothing to distribute: it is read as 0.
  const xs = new Float64Array(n);
  for (let s = 0; s < n; s++) xs[s] = exitValues[s]! > 0 ? exitValues[s]! : 0;
  const segment = new Int32Array(n);
  const b = table.breakpoints;
  let sorted = true;
  for (let s = 1; s < n && sorted; s++) if (xs[s]! < xs[s - 1]!) sorted = false;
  if (sorted) {
    // One forward walk over the segments.
    let j = 0;
    for (let s = 0; s < n; s++) {
      const x = xs[s]!;
      while (j + 1 < b.length && b[j + 1]! < x) j++;
      segment[s] = j;
    }
  } else {
    for (let s = 0; s < n; s++) {
      const x = xs[s]!;
      let lo = 0;
      let hi = b.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (b[mid]! < x) lo = mid;
        else hi = mid - 1;
      }
      segment[s] = lo;
    }
  }
  const preference: Float64Array[] = [];
  const asConverted: Float64Array[] = [];
  const positions: Float64Array[] = [];
  for (let i = 0; i < count; i++) {
    const ps = table.preferenceSlope[i]!;
    const pi = table.preferenceIntercept[i]!;
    const cs = table.asConvertedSlope[i]!;
    const ci = table.asConvertedIntercept[i]!;
    const pref = new Float64Array(n);
    const conv = new Float64Array(n);
    const total = new Float64Array(n);
    for (let s = 0; s < n; s++) {
      const x = xs[s]!;
      const j = segment[s]!;
      const p = ps[j]! * x + pi[j]!;
      const c = cs[j]! * x + ci[j]!;
      pref[s] = p;
      conv[s] = c;
      total[s] = p + c;
    }
    preference.push(pref);
    asConverted.push(conv);
    positions.push(total);
  }
  const wanted = holders === "all" ? table.holderIds : holders;
  const out = new Map<StakeholderId, Float64Array>();
  for (const holder of wanted) {
    const h = table.holderIndex.get(holder);
    const values = new Float64Array(n);
    if (h !== undefined) {
      for (let e = table.offsets[h]!; e < table.offsets[h + 1]!; e++) {
        const i = table.stakePositions[e]!;
        const wc = table.claimWeights[e]!;
        const wu = table.unitWeights[e]!;
        const pref = preference[i]!;
        const conv = asConverted[i]!;
        for (let s = 0; s < n; s++) values[s] = values[s]! + wc * pref[s]! + wu * conv[s]!;
      }
      const carve = table.carveOutWeights[h]!;
      if (carve > 0) {
        for (let s = 0; s < n; s++) {
          const j = segment[s]!;
          values[s] = values[s]! + carve * (table.carveOutSlope[j]! * xs[s]! + table.carveOutIntercept[j]!);
        }
      }
    }
    out.set(holder, values);
  }
  return { exitValues, positions, holders: out };
}

/**
 * Payouts at `steps` evenly spaced exit values from `from` to `to` inclusive, for charts
 * (EXIT-16). Bounds must satisfy 0 ≤ from ≤ to and steps ≥ 2.
 */
export function sweepPayouts(
  table: PayoutTable,
  from: number,
  to: number,
  steps: number,
  holders: readonly StakeholderId[] | "all" = [],
): Result<PayoutSamples> {
  if (!Number.isFinite(from) || !Number.isFinite(to) || from < 0) {
    return fail("exit_value_negative", `the sweep bounds ${from}..${to} must be finite and not negative`, [
      "sweep",
    ]);
  }
  if (to < from || !Number.isInteger(steps) || steps < 2) {
    return fail(
      "exit_terms_invalid",
      `a sweep needs from ≤ to and at least 2 whole steps; got ${from}..${to} in ${steps}`,
      ["sweep"],
    );
  }
  const exitValues = new Float64Array(steps);
  const width = (to - from) / (steps - 1);
  for (let s = 0; s < steps; s++) exitValues[s] = s === steps - 1 ? to : from + s * width;
  return ok(payoutsAt(table, exitValues, holders));
}
