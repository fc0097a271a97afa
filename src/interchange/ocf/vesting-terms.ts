import { Rational } from "../../core/exact/rational.js";
import type { VestingSchedule } from "../../core/ledger/vesting.js";
import { vestingScheduleId } from "../../core/shared/ids.js";
import { isJsonObject, type Json, type JsonObject } from "./json.js";
import { readNumeric } from "./numbers.js";

/** Ids of the event conditions that carry a schedule's change-of-control acceleration (OCF-MAP-6). */
export const SINGLE_TRIGGER_CONDITION = "single-trigger-acceleration";
export const DOUBLE_TRIGGER_CONDITION = "double-trigger-acceleration";
const START_CONDITION = "vesting-start";
const CLIFF_CONDITION = "cliff";
const PERIODIC_CONDITION = "periodic";
const DAY_OF_MONTH = "VESTING_START_DAY_OR_LAST_DAY_OF_MONTH";

export type VestingTermsReading =
  | { readonly ok: true; readonly schedule: VestingSchedule; readonly approximations: readonly string[] }
  | { readonly ok: false; readonly reason: string };

interface MonthlyStep {
  readonly condition: JsonObject;
  readonly length: number;
  readonly occurrences: number;
  readonly portion: Rational;
  readonly relativeTo: string;
}

/**
 * Reads OCF vesting terms as a roundtable schedule (OCF-MAP-6) when they have its shape: a start
 * condition vesting nothing, then an optional one-off cliff and equal monthly steps, each a
 * portion of the whole; plus optional acceleration events. Anything else has no counterpart.
 */
export function readVestingTerms(terms: JsonObject): VestingTermsReading {
  const conditions = Array.isArray(terms.vesting_conditions)
    ? terms.vesting_conditions.filter(isJsonObject)
    : [];
  const byId = new Map(conditions.map((c) => [String(c.id), c]));
  const starts = conditions.filter((c) => triggerType(c) === "VESTING_START_DATE");
  if (starts.length !== 1) return no("have no single VESTING_START_DATE condition");
  const start = starts[0]!;
  const approximations: string[] = [];
  let single = Rational.ZERO;
  let double = Rational.ZERO;
  const timeNext = (c: JsonObject): Result1 => {
    const next = stringList(c.next_condition_ids);
    const time: string[] = [];
    for (const id of next) {
      const target = byId.get(id);
      if (!target) return { error: `name unknown condition "${id}"` };
      if (id === SINGLE_TRIGGER_CONDITION || id === DOUBLE_TRIGGER_CONDITION) {
        const fraction = accelerationOf(target);
        if (fraction === undefined)
          return { error: `have an acceleration condition "${id}" that is not a portion of the remainder` };
        if (id === SINGLE_TRIGGER_CONDITION) single = fraction;
        else double = fraction;
      } else time.push(id);
    }
    if (time.length > 1)
      return { error: `branch from condition "${String(c.id)}" to ${time.length} conditions` };
    return { next: time[0] === undefined ? undefined : byId.get(time[0]) };
  };
  const startAmount = amountOf(start);
  const afterStart = timeNext(start);
  if ("error" in afterStart) return no(afterStart.error);
  if (startAmount?.eq(Rational.ONE) && afterStart.next === undefined) {
    return done(terms, { months: 0, cliffMonths: 0, intervalMonths: 1 }, single, double, approximations);
  }
  if (!startAmount?.isZero()) return no("vest part of the grant at the start date");
  const steps: MonthlyStep[] = [];
  let current = afterStart.next;
  let previous = start;
  while (current !== undefined) {
    if (steps.length === 2) return no("have more than a cliff and one series of monthly steps");
    const step = monthlyStep(current);
    if (typeof step === "string") return no(`have ${step}`);
    if (step.relativeTo !== String(previous.id))
      return no(`have condition "${String(current.id)}", which is not relative to the one before it`);
    if (readDayOfMonth(current) !== DAY_OF_MONTH) {
      approximations.push(
        `the terms vest on day_of_month ${JSON.stringify(readDayOfMonth(current))}; roundtable vests on the start day (or the month's last day)`,
      );
    }
    steps.push(step);
    const after = timeNext(current);
    if ("error" in after) return no(after.error);
    previous = current;
    current = after.next;
  }
  if (steps.length === 0) return no("have no time-based condition after the start");
  const [first, second] = steps as [MonthlyStep, MonthlyStep | undefined];
  let shape: { months: number; cliffMonths: number; intervalMonths: number };
  if (second === undefined) {
    shape = { months: first.length * first.occurrences, cliffMonths: 0, intervalMonths: first.length };
  } else {
    if (first.occurrences !== 1) return no("have a first step that repeats before another series of steps");
    shape = {
      months: first.length + second.length * second.occurrences,
      cliffMonths: first.length,
      intervalMonths: second.length,
    };
  }
  const months = BigInt(shape.months);
  if (!first.portion.eq(Rational.of(BigInt(first.length), months))) {
    return no(
      `vest ${first.portion.toString()} at condition "${String(first.condition.id)}", not the ${first.length}/${shape.months} its timing implies`,
    );
  }
  if (second && !second.portion.eq(Rational.of(BigInt(second.length), months))) {
    return no(
      `vest ${second.portion.toString()} per step at condition "${String(second.condition.id)}", not the ${second.length}/${shape.months} its timing implies`,
    );
  }
  if (terms.allocation_type !== "CUMULATIVE_ROUND_DOWN") {
    approximations.push(
      `the terms allocate by ${String(terms.allocation_type)}; roundtable rounds cumulative vesting down (VEST-1), so vested counts may differ by a share`,
    );
  }
  return done(terms, shape, single, double, approximations);
}

type Result1 = { next: JsonObject | undefined } | { error: string };

function done(
  terms: JsonObject,
  shape: { months: number; cliffMonths: number; intervalMonths: number },
  single: Rational,
  double: Rational,
  approximations: string[],
): VestingTermsReading {
  return {
    ok: true,
    schedule: {
      kind: "vesting_schedule",
      id: vestingScheduleId(String(terms.id)),
      name: String(terms.name),
      ...shape,
      acceleration: { singleTrigger: single, doubleTrigger: double },
    },
    approximations,
  };
}

function no(reason: string): VestingTermsReading {
  return { ok: false, reason: `vesting terms ${reason}` };
}

function triggerType(c: JsonObject): string | undefined {
  return isJsonObject(c.trigger) && typeof c.trigger.type === "string" ? c.trigger.type : undefined;
}

function stringList(value: Json | undefined): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/** The fraction of the whole a condition vests: its portion (not of the remainder), or 0 for quantity "0". */
function amountOf(c: JsonObject): Rational | undefined {
  if (isJsonObject(c.portion)) {
    if (c.portion.remainder === true) return undefined;
    const n = readNumeric(c.portion.numerator);
    const d = readNumeric(c.portion.denominator);
    return n === undefined || d === undefined || d.isZero() ? undefined : n.div(d);
  }
  const q = readNumeric(c.quantity);
  return q?.isZero() ? Rational.ZERO : undefined;
}

function accelerationOf(c: JsonObject): Rational | undefined {
  if (triggerType(c) !== "VESTING_EVENT" || !isJsonObject(c.portion) || c.portion.remainder !== true)
    return undefined;
  if (stringList(c.next_condition_ids).length > 0) return undefined;
  const n = readNumeric(c.portion.numerator);
  const d = readNumeric(c.portion.denominator);
  if (n === undefined || d === undefined || d.isZero()) return undefined;
  const f = n.div(d);
  return f.isNegative() || f.gt(Rational.ONE) ? undefined : f;
}

function readDayOfMonth(c: JsonObject): Json | undefined {
  return isJsonObject(c.trigger) && isJsonObject(c.trigger.period)
    ? c.trigger.period.day_of_month
    : undefined;
}

function monthlyStep(c: JsonObject): MonthlyStep | string {
  const trigger = c.trigger;
  if (!isJsonObject(trigger) || trigger.type !== "VESTING_SCHEDULE_RELATIVE") {
    return `condition "${String(c.id)}", which is not a schedule relative to an earlier condition`;
  }
  const period = trigger.period;
  if (!isJsonObject(period) || period.type !== "MONTHS")
    return `condition "${String(c.id)}", which is not counted in months`;
  const length = period.length;
  const occurrences = period.occurrences;
  if (typeof length !== "number" || !Number.isInteger(length) || length < 1) {
    return `condition "${String(c.id)}", which has no whole positive length`;
  }
  if (typeof occurrences !== "number" || !Number.isInteger(occurrences) || occurrences < 1) {
    return `condition "${String(c.id)}", which has no whole positive number of occurrences`;
  }
  const portion = amountOf(c);
  if (portion === undefined || !isJsonObject(c.portion))
    return `condition "${String(c.id)}", which vests no portion of the whole`;
  return {
    condition: c,
    length,
    occurrences,
    portion,
    relativeTo: String(trigger.relative_to_condition_id),
  };
}

/**
 * A roundtable schedule as OCF vesting terms (OCF-EXP-6): a start, a cliff when there is one, monthly
 * steps, and acceleration events when they are not zero. A reason instead when the schedule's steps
 * are not whole multiples of its interval, which this shape cannot state.
 */
export function writeVestingTerms(schedule: VestingSchedule): JsonObject | string {
  const { months, cliffMonths, intervalMonths } = schedule;
  const acceleration: JsonObject[] = [];
  const accelerationIds: string[] = [];
  for (const [id, fraction] of [
    [SINGLE_TRIGGER_CONDITION, schedule.acceleration.singleTrigger],
    [DOUBLE_TRIGGER_CONDITION, schedule.acceleration.doubleTrigger],
  ] as const) {
    if (fraction.isZero()) continue;
    accelerationIds.push(id);
    acceleration.push({
      id,
      portion: { numerator: fraction.num.toString(), denominator: fraction.den.toString(), remainder: true },
      trigger: { type: "VESTING_EVENT" },
      next_condition_ids: [],
    });
  }
  const base = {
    object_type: "VESTING_TERMS",
    id: schedule.id as string,
    name: schedule.name,
    allocation_type: "CUMULATIVE_ROUND_DOWN",
  };
  if (months === 0) {
    return {
      ...base,
      description: "Vests in full at the vesting start date.",
      vesting_conditions: [
        {
          id: START_CONDITION,
          portion: { numerator: "1", denominator: "1" },
          trigger: { type: "VESTING_START_DATE" },
          next_condition_ids: accelerationIds,
        },
        ...acceleration,
      ],
    };
  }
  if (
    intervalMonths < 1 ||
    cliffMonths % intervalMonths !== 0 ||
    months % intervalMonths !== 0 ||
    cliffMonths > months
  ) {
    return `vesting schedule "${schedule.id}" (${months} months, ${cliffMonths}-month cliff, every ${intervalMonths}) has steps that are not whole multiples of its interval; OCF vesting terms of this shape cannot state it`;
  }
  const step = (
    id: string,
    length: number,
    occurrences: number,
    relativeTo: string,
    next: string[],
  ): JsonObject => ({
    id,
    portion: { numerator: String(length), denominator: String(months) },
    trigger: {
      type: "VESTING_SCHEDULE_RELATIVE",
      period: { length, type: "MONTHS", occurrences, day_of_month: DAY_OF_MONTH },
      relative_to_condition_id: relativeTo,
    },
    next_condition_ids: [...next, ...accelerationIds],
  });
  const conditions: JsonObject[] = [];
  const rest = (months - cliffMonths) / intervalMonths;
  if (cliffMonths > 0) {
    conditions.push(
      step(CLIFF_CONDITION, cliffMonths, 1, START_CONDITION, rest > 0 ? [PERIODIC_CONDITION] : []),
    );
    if (rest > 0) conditions.push(step(PERIODIC_CONDITION, intervalMonths, rest, CLIFF_CONDITION, []));
  } else {
    conditions.push(step(PERIODIC_CONDITION, intervalMonths, months / intervalMonths, START_CONDITION, []));
  }
  return {
    ...base,
    description: `Vests over ${months} months${cliffMonths > 0 ? ` with a ${cliffMonths}-month cliff` : ""}, in steps of ${intervalMonths} month${intervalMonths === 1 ? "" : "s"}.`,
    vesting_conditions: [
      {
        id: START_CONDITION,
        quantity: "0",
        trigger: { type: "VESTING_START_DATE" },
        next_condition_ids: [conditions[0]!.id as string, ...accelerationIds],
      },
      ...conditions,
      ...acceleration,
    ],
  };
}
