import type { Currency } from "../exact/money.js";
import { Rational } from "../exact/rational.js";
import type { ShareClassId, StakeholderId } from "../shared/ids.js";
import { fail, ok, type Result } from "../shared/problem.js";
import type { ExitModel } from "./model.js";
import type { ExitPosition, PositionKind, PositionState } from "./position.js";
import { regimeAt } from "./position.js";
import { commonPriceFor, type PriceCurve, priceCurve } from "./price-curve.js";
import { type ProceedsSplit, splitProceeds } from "./proceeds.js";

/** What one position receives. `net` = preference + asConverted; `proceeds` = net + exercisePaid. */
export interface PositionPayout {
  readonly position: string;
  readonly kind: PositionKind;
  readonly label: string;
  readonly classId: ShareClassId | undefined;
  readonly state: PositionState;
  /** Paid from the preference stack. */
  readonly preference: Rational;
  /** Paid as common (participation, conversion, exercise), net of any exercise price. */
  readonly asConverted: Rational;
  /** The exercise price paid into the proceeds (cash exercise only). */
  readonly exercisePaid: Rational;
  readonly proceeds: Rational;
  readonly net: Rational;
}

export interface HolderPayout {
  readonly holder: StakeholderId;
  readonly name: string;
  /** Received for shares and convertibles, before any exercise price is deducted. */
  readonly proceeds: Rational;
  readonly exercisePaid: Rational;
  /** proceeds − exercisePaid. */
  readonly net: Rational;
  readonly carveOut: Rational;
  /** net + carveOut: what the holder keeps. */
  readonly total: Rational;
  /** The holder's proceeds from each position it holds (before exercise prices), in position order. */
  readonly byPosition: readonly { readonly position: string; readonly proceeds: Rational }[];
}

export interface ClassPayout {
  readonly classId: ShareClassId;
  readonly name: string;
  readonly state: PositionState;
  readonly payout: Rational;
}

/** The waterfall at one exit value (docs/spec/exit.md EXIT-1..EXIT-14), exact. */
export interface ExitOutcome {
  readonly currency: Currency;
  readonly exitValue: Rational;
  readonly fees: Rational;
  readonly debt: Rational;
  readonly carveOut: Rational;
  /** Exercise prices paid in by holders exercising for cash. */
  readonly exerciseCash: Rational;
  /** What the positions share: exit value − fees − debt − carve-out + exercise cash. Σ proceeds = this. */
  readonly distributable: Rational;
  /** The price per as-converted common share (0 while the preferences are not all paid). */
  readonly commonPrice: Rational;
  readonly positions: readonly PositionPayout[];
  readonly classes: readonly ClassPayout[];
  readonly holders: readonly HolderPayout[];
}

/** A position's payout in three parts, before any split to holders. */
export interface PositionParts {
  readonly state: PositionState;
  readonly preference: Rational;
  readonly asConverted: Rational;
  readonly exercisePaid: Rational;
}

/**
 * Pays `equity` through the preference stack: levels from the most senior down, the
 * claims of one level pari passu in proportion to their amounts (EXIT-5). Returns what
 * each position receives from the stack.
 */
export function payStack(model: ExitModel, equity: Rational): Rational[] {
  const paid = model.positions.map(() => Rational.ZERO);
  let remaining = equity;
  for (const level of model.levels) {
    if (remaining.isZero()) break;
    if (remaining.gte(level.total)) {
      for (const e of level.entries) paid[e.position] = paid[e.position]!.add(e.amount);
      remaining = remaining.sub(level.total);
    } else {
      for (const e of level.entries) {
        paid[e.position] = paid[e.position]!.add(e.amount.mul(remaining).div(level.total));
      }
      remaining = Rational.ZERO;
    }
  }
  return paid;
}

/**
 * Every position's payout for an equity amount, by the price curve: below the stack total
 * the stack is paid by seniority and nothing converts; above it the common price solves
 * M(p) = equity and every position takes its best choice at that price (EXIT-14).
 */
export function positionPartsAt(
  model: ExitModel,
  curve: PriceCurve,
  equity: Rational,
): { price: Rational; parts: PositionParts[] } {
  const stackTotal = curve.values[0]!;
  if (equity.lte(stackTotal)) {
    const paid = payStack(model, equity);
    const parts = model.positions.map((p, i): PositionParts => {
      const preference = paid[i]!;
      const state: PositionState =
        p.rights.kind === "common"
          ? "common"
          : p.rights.kind === "option"
            ? "out_of_the_money"
            : preference.isZero()
              ? "unpaid"
              : p.rights.kind === "participating" || p.rights.kind === "capped"
                ? "participates"
                : "takes_preference";
      return { state, preference, asConverted: Rational.ZERO, exercisePaid: Rational.ZERO };
    });
    return { price: Rational.ZERO, parts };
  }
  const { price } = commonPriceFor(curve, equity);
  const parts = model.positions.map((p): PositionParts => {
    const r = regimeAt(p, price);
    return {
      state: r.state,
      preference: r.preference,
      asConverted: r.slope.mul(price).add(r.constant),
      exercisePaid: r.exercisePaid,
    };
  });
  return { price, parts };
}

/**
 * The waterfall at `exitValue`, exact: per position, per share class and per holder. The
 * holders' proceeds sum exactly to the distributable amount. A negative exit value is a
 * Problem.
 */
export function waterfallAt(model: ExitModel, exitValue: Rational): Result<ExitOutcome> {
  if (exitValue.isNegative()) {
    return fail("exit_value_negative", `the exit value ${exitValue.toDecimalString()} is negative`, [
      "exitValue",
    ]);
  }
  const split = splitProceeds(model.terms, exitValue);
  const { price, parts } = positionPartsAt(model, curveOf(model), split.equity);
  return ok(buildOutcome(model, split, price, parts));
}

/** The price curve of a model, computed once per model (models are immutable). */
const curves = new WeakMap<ExitModel, PriceCurve>();
function curveOf(model: ExitModel): PriceCurve {
  let curve = curves.get(model);
  if (!curve) {
    curve = priceCurve(model);
    curves.set(model, curve);
  }
  return curve;
}

/** Assembles an ExitOutcome from per-position parts: splits to holders (EXIT-13), adds the carve-out. */
export function buildOutcome(
  model: ExitModel,
  split: ProceedsSplit,
  price: Rational,
  parts: readonly PositionParts[],
): ExitOutcome {
  const cash = model.terms.exercise === "cash";
  const positions: PositionPayout[] = [];
  const count = model.holders.length;
  const holderProceeds: Rational[] = new Array(count).fill(Rational.ZERO);
  const holderExercise: Rational[] = new Array(count).fill(Rational.ZERO);
  const holderPositions: { position: string; proceeds: Rational }[][] = model.holders.map(() => []);
  let exerciseCash = Rational.ZERO;
  for (const [i, position] of model.positions.entries()) {
    const part = parts[i]!;
    const exercisePaid = cash ? part.exercisePaid : Rational.ZERO;
    exerciseCash = exerciseCash.add(exercisePaid);
    const net = part.preference.add(part.asConverted);
    positions.push({
      position: position.id,
      kind: position.kind,
      label: position.label,
      classId: position.classId,
      state: part.state,
      preference: part.preference,
      asConverted: part.asConverted,
      exercisePaid,
      proceeds: net.add(exercisePaid),
      net,
    });
    // EXIT-13: per unit and per unit of claim first, then one multiplication per holder.
    const unitsTotal = position.units;
    const perUnit = unitsTotal === 0n ? Rational.ZERO : part.asConverted.add(exercisePaid).divInt(unitsTotal);
    const exercisePerUnit = unitsTotal === 0n ? Rational.ZERO : exercisePaid.divInt(unitsTotal);
    const preferencePerUnit = unitsTotal === 0n ? Rational.ZERO : part.preference.divInt(unitsTotal);
    const preferencePerClaim = position.preference.isZero()
      ? Rational.ZERO
      : part.preference.div(position.preference);
    for (const stake of position.holders) {
      const preferenceShare =
        stake.claim === undefined
          ? preferencePerUnit.mulInt(stake.units)
          : preferencePerClaim.mul(stake.claim);
      const proceeds = preferenceShare.add(perUnit.mulInt(stake.units));
      holderProceeds[stake.index] = holderProceeds[stake.index]!.add(proceeds);
      holderPositions[stake.index]!.push({ position: position.id, proceeds });
      if (!exercisePerUnit.isZero()) {
        holderExercise[stake.index] = holderExercise[stake.index]!.add(exercisePerUnit.mulInt(stake.units));
      }
    }
  }
  const carve = new Map<StakeholderId, Rational>();
  const recipients = model.terms.carveOutRecipients;
  if (recipients.length > 0 && split.carveOut.isPositive()) {
    const totalWeight = Rational.sum(recipients.map((r) => r.weight));
    for (const r of recipients) {
      carve.set(
        r.holder,
        (carve.get(r.holder) ?? Rational.ZERO).add(split.carveOut.mul(r.weight).div(totalWeight)),
      );
    }
  }
  const holders: HolderPayout[] = model.holders.map(({ id, name }, i) => {
    const proceeds = holderProceeds[i]!;
    const exercisePaid = holderExercise[i]!;
    const carveOut = carve.get(id) ?? Rational.ZERO;
    const net = proceeds.sub(exercisePaid);
    return {
      holder: id,
      name,
      proceeds,
      exercisePaid,
      net,
      carveOut,
      total: net.add(carveOut),
      byPosition: holderPositions[i]!,
    };
  });
  const classes: ClassPayout[] = positions
    .filter((p) => p.kind === "shares")
    .map((p) => ({ classId: p.classId!, name: p.label, state: p.state, payout: p.net }));
  return {
    currency: model.currency,
    exitValue: split.exitValue,
    fees: split.fees,
    debt: split.debt,
    carveOut: split.carveOut,
    exerciseCash,
    distributable: split.equity.add(exerciseCash),
    commonPrice: price,
    positions,
    classes,
    holders,
  };
}

/**
 * A holder's weights in a position (EXIT-13): `claim` for the preference part (its own
 * claim over the position's, or its units when claims are proportional) and `units` for
 * the as-converted part.
 */
export function holderWeights(
  position: ExitPosition,
  units: bigint,
  claim: Rational | undefined,
): { claim: Rational; units: Rational } {
  const byUnits = position.units === 0n ? Rational.ZERO : Rational.of(units, position.units);
  const byClaim =
    claim === undefined || position.preference.isZero() ? byUnits : claim.div(position.preference);
  return { claim: byClaim, units: byUnits };
}
