import { Rational } from "../exact/rational.js";
import { type IsoDate, wholeMonthsBetween } from "../shared/date.js";
import type { VestingScheduleId } from "../shared/ids.js";

/**
 * A time-based vesting schedule: nothing vests before the cliff, then the cliff's share
 * vests at once and the rest in equal steps every `intervalMonths` until `months`.
 * On a change of control, `singleTrigger` of the unvested part vests at once;
 * `doubleTrigger` applies when the holder is also terminated (docs/SPEC.md VEST-1).
 */
export interface VestingSchedule {
  readonly kind: "vesting_schedule";
  readonly id: VestingScheduleId;
  readonly name: string;
  readonly months: number;
  readonly cliffMonths: number;
  readonly intervalMonths: number;
  readonly acceleration: { readonly singleTrigger: Rational; readonly doubleTrigger: Rational };
}

/**
 * Units of `total` vested at `asOf` for a schedule starting `start` (VEST-1). Vested
 * units round down to whole units; the last step vests the remainder.
 */
export function vestedQuantity(
  schedule: VestingSchedule,
  total: bigint,
  start: IsoDate,
  asOf: IsoDate,
): bigint {
  if (asOf < start) return 0n;
  const elapsed = wholeMonthsBetween(start, asOf);
  if (elapsed < schedule.cliffMonths) return 0n;
  if (elapsed >= schedule.months || schedule.months === 0) return total;
  const steps = Math.floor(elapsed / schedule.intervalMonths) * schedule.intervalMonths;
  const months = Math.max(steps, schedule.cliffMonths);
  return Rational.of(total * BigInt(months), BigInt(schedule.months)).floor();
}

/** Units vested after a change of control at `asOf` (VEST-2): vested plus the accelerated part of the rest. */
export function vestedOnChangeOfControl(
  schedule: VestingSchedule,
  total: bigint,
  start: IsoDate,
  asOf: IsoDate,
  holderTerminated: boolean,
): bigint {
  const vested = vestedQuantity(schedule, total, start, asOf);
  const unvested = total - vested;
  const fraction = holderTerminated
    ? Rational.max(schedule.acceleration.singleTrigger, schedule.acceleration.doubleTrigger)
    : schedule.acceleration.singleTrigger;
  return vested + fraction.mulInt(unvested).floor();
}

/**
 * Of an option grant's outstanding units, how many are vested at `asOf` (VEST-3): the
 * units vested on the granted quantity, less those already exercised (exercise takes
 * vested units first), within what is outstanding. Cancellations take unvested units
 * first, as on a termination. A grant with no schedule is fully vested.
 */
export function vestedOutstanding(
  schedule: VestingSchedule | undefined,
  grant: {
    readonly granted: bigint;
    readonly exercised: bigint;
    readonly quantity: bigint;
    readonly vestingStart: IsoDate | undefined;
  },
  asOf: IsoDate,
): bigint {
  if (!schedule || grant.vestingStart === undefined) return grant.quantity;
  const vested = vestedQuantity(schedule, grant.granted, grant.vestingStart, asOf) - grant.exercised;
  if (vested <= 0n) return 0n;
  return vested < grant.quantity ? vested : grant.quantity;
}
