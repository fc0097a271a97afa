import { Rational } from "../../core/exact/rational.js";
import type { SheetCell } from "./sheet.js";

/**
 * Reading the percentages a sheet states (IMP-52). A column is in percentage points
 * (25 means 25%) when none of its cells is written with % or formatted as a percentage
 * and its numbers add up to more than 1.5; otherwise its numbers are fractions (0.25).
 * A percentage is then checked to the precision it is written with: half a unit of its
 * last decimal place, or of the places its cell format shows; a formula's result with no
 * stated format, to a double's precision.
 */
export type PercentUnits = "fraction" | "points";

export function percentUnitsOf(cells: readonly SheetCell[]): PercentUnits {
  if (cells.some((c) => c.percentFormat || c.text.includes("%"))) return "fraction";
  let sum = Rational.ZERO;
  for (const c of cells) {
    const r = Rational.parse((c.number ?? c.text).replace(",", ".").replace(/\s/g, ""));
    if (r) sum = sum.add(r);
  }
  return sum.gt(Rational.of(3n, 2n)) ? "points" : "fraction";
}

/** Smallest tolerance: a double holds about 16 significant digits, so a computed ratio is not exact past that. */
const FLOAT_TOLERANCE = Rational.of(1n, 10n ** 12n);

function decimalsOf(text: string): number {
  const m = /[.,](\d+)/.exec(text);
  return m ? m[1]!.length : 0;
}

export function readStatedPercent(
  cell: SheetCell,
  units: PercentUnits,
): { stated: Rational; tolerance: Rational } | { why: string } {
  if (cell.formulaProblem) return { why: `holds ${cell.formulaProblem}, not a percentage` };
  let value: Rational | undefined;
  let decimalsOfFraction: number;
  if (cell.number !== undefined) {
    value = Rational.parse(cell.number);
    if (!value) return { why: `"${cell.text}" is not a percentage` };
    const isFraction = cell.percentFormat === true || units === "fraction";
    if (!isFraction) value = value.divInt(100n);
    // A format's places are places of the shown number (of percentage points for 0.00%).
    const shown = cell.formatDecimals;
    const pointsShown = cell.percentFormat === true || !isFraction;
    // A formula's result shown in General format carries the double's precision, not
    // the digits of its shortest text (0.2 computed is 0.2 to 16 digits).
    if (shown === undefined && cell.formula) return { stated: value, tolerance: FLOAT_TOLERANCE };
    decimalsOfFraction =
      shown !== undefined ? shown + (pointsShown ? 2 : 0) : decimalsOf(cell.number) + (isFraction ? 0 : 2);
  } else {
    const text = cell.text.replace(/[\s\u00a0\u202f]/g, "");
    const percent = text.endsWith("%");
    const body = (percent ? text.slice(0, -1) : text).replace(",", ".");
    value = Rational.parse(body);
    if (!value) return { why: `"${cell.text}" is not a percentage` };
    const inPoints = percent || units === "points";
    if (inPoints) value = value.divInt(100n);
    decimalsOfFraction = decimalsOf(body) + (inPoints ? 2 : 0);
  }
  const half = Rational.of(1n, 2n * 10n ** BigInt(decimalsOfFraction));
  return { stated: value, tolerance: Rational.max(half, FLOAT_TOLERANCE) };
}

/** A fraction as a percentage to two places, for messages: 33.33%. */
export function percentText(r: Rational): string {
  return `${r.mulInt(100n).toFixed(2)}%`;
}
