/**
 * Rows of a sparse matrix in compressed form (row r's entries are at start[r] to
 * start[r + 1] − 1 of index and value), for the simulation kernels: a claim or an
 * investment touches a few quantities, so its dot product skips the zeros.
 */
export interface SparseRows {
  readonly start: Int32Array;
  readonly index: Int32Array;
  readonly value: Float64Array;
}

/** Compresses a dense row-major matrix; `columnOf` maps a column to the index stored (the identity by default). */
export function sparseRows(
  dense: ArrayLike<number>,
  rows: number,
  columns: number,
  columnOf: (column: number) => number = (c) => c,
): SparseRows {
  const start = new Int32Array(rows + 1);
  const index: number[] = [];
  const value: number[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const v = dense[r * columns + c]!;
      if (v !== 0) {
        index.push(columnOf(c));
        value.push(v);
      }
    }
    start[r + 1] = index.length;
  }
  return { start, index: Int32Array.from(index), value: Float64Array.from(value) };
}
