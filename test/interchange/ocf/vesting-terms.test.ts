import { describe, expect, it } from "vitest";
import { Rational, rat } from "../../../src/core/exact/rational.js";
import type { VestingSchedule } from "../../../src/core/ledger/vesting.js";
import { vestingScheduleId } from "../../../src/core/shared/ids.js";
import type { JsonObject } from "../../../src/interchange/ocf/json.js";
import { loadOcfSchemas } from "../../../src/interchange/ocf/schema-validator.js";
import { readVestingTerms, writeVestingTerms } from "../../../src/interchange/ocf/vesting-terms.js";
import { expectOk, SCHEMA_DIR, sample } from "./helpers.js";

const schemas = expectOk(loadOcfSchemas(SCHEMA_DIR));

const schedule = (
  months: number,
  cliffMonths: number,
  intervalMonths: number,
  single = "0",
  double = "0",
): VestingSchedule => ({
  kind: "vesting_schedule",
  id: vestingScheduleId(`v-${months}-${cliffMonths}-${intervalMonths}`),
  name: "Schedule",
  months,
  cliffMonths,
  intervalMonths,
  acceleration: { singleTrigger: rat(single), doubleTrigger: rat(double) },
});

describe("OCF-MAP-6, OCF-EXP-6 vesting schedules as vesting terms", () => {
  const shapes = [
    schedule(48, 12, 1),
    schedule(48, 0, 1),
    schedule(36, 0, 3),
    schedule(12, 12, 1),
    schedule(0, 0, 1),
    schedule(48, 12, 3, "0.5", "1"),
  ];
  for (const s of shapes) {
    it(`${s.months} months, ${s.cliffMonths}-month cliff, every ${s.intervalMonths}, acceleration ${s.acceleration.singleTrigger}/${s.acceleration.doubleTrigger}: valid, and read back as the same vesting`, () => {
      const terms = writeVestingTerms(s) as JsonObject;
      expect(
        schemas.validateFile("V.json", "vesting_terms", {
          file_type: "OCF_VESTING_TERMS_FILE",
          items: [terms],
        }),
      ).toEqual([]);
      const read = readVestingTerms(terms);
      if (!read.ok) throw new Error(read.reason);
      // A cliff equal to the whole term reads back as one step of that length: the same vesting (VEST-1).
      const expected =
        s.cliffMonths === s.months && s.months > 0 ? { ...s, cliffMonths: 0, intervalMonths: s.months } : s;
      expect(read.schedule).toEqual(expected);
      expect(read.approximations).toEqual([]);
    });
  }

  it("a cliff that is not a whole number of steps has no OCF form of this shape", () => {
    expect(writeVestingTerms(schedule(48, 10, 3))).toBe(
      'vesting schedule "v-48-10-3" (48 months, 10-month cliff, every 3) has steps that are not whole multiples of its interval; OCF vesting terms of this shape cannot state it',
    );
  });

  it("the official 4-year, 1-year cliff terms", () => {
    const terms = (sample("VestingTerms.ocf.json").items as JsonObject[])[0]!;
    const read = readVestingTerms(terms);
    expect(read.ok && read.schedule).toMatchObject({
      months: 48,
      cliffMonths: 12,
      intervalMonths: 1,
      acceleration: { singleTrigger: Rational.ZERO },
    });
  });

  it("portions that do not match the timing are not this shape", () => {
    const terms = writeVestingTerms(schedule(48, 12, 1)) as JsonObject;
    ((terms.vesting_conditions as JsonObject[])[1]!.portion as JsonObject).numerator = "13";
    const read = readVestingTerms(terms);
    expect(read.ok ? "" : read.reason).toBe(
      'vesting terms vest 13/48 at condition "cliff", not the 12/48 its timing implies',
    );
  });
});
