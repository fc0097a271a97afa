import { Rational } from "./rational.js";

/**
 * Solves the square system A x = b exactly over the rationals by Gauss-Jordan
 * elimination (pivot: the first non-zero entry of the column). Returns undefined when
 * A is singular, that is when the equations do not determine a unique solution.
 */
export function solveLinearSystem(
  a: readonly (readonly Rational[])[],
  b: readonly Rational[],
): Rational[] | undefined {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = -1;
    for (let row = col; row < n; row++) {
      if (!m[row]![col]!.isZero()) {
        pivot = row;
        break;
      }
    }
    if (pivot < 0) return undefined;
    if (pivot !== col) [m[pivot], m[col]] = [m[col]!, m[pivot]!];
    const pivotRow = m[col]!;
    const p = pivotRow[col]!;
    for (let k = col; k <= n; k++) pivotRow[k] = pivotRow[k]!.div(p);
    for (let row = 0; row < n; row++) {
      if (row === col) continue;
      const r = m[row]!;
      const factor = r[col]!;
      if (factor.isZero()) continue;
      for (let k = col; k <= n; k++) r[k] = r[k]!.sub(factor.mul(pivotRow[k]!));
    }
  }
  return m.map((row) => row[n]!);
}

/** A zero-filled n x n matrix of Rationals. */
export function zeroMatrix(n: number): Rational[][] {
  return Array.from({ length: n }, () => Array.from({ length: n }, () => Rational.ZERO));
}
