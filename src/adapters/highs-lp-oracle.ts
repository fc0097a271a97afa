import type { Highs } from "highs";
import * as highsModule from "highs";
import type { FloatLinearProgram, LpOracle } from "../core/uncertainty/lp.js";

/**
 * The HiGHS linear-programming solver (compiled to WebAssembly, bundled in the `highs`
 * package, so it runs offline) as the oracle of reconciliation (SPEC UNC-REC-3): it solves
 * the program in floats and proposes the rows active at its optimal vertex; the core then
 * recomputes that vertex exactly over the rationals and certifies it, or finishes with its
 * exact simplex. HiGHS never decides a reported number.
 */
export async function createHighsOracle(): Promise<LpOracle> {
  // The package's ESM build exports the loader as its default export, while its typings
  // describe a CommonJS module; the cast states what the ESM import gives at run time.
  const loadHighs = highsModule.default as unknown as () => Promise<Highs>;
  const highs = await loadHighs();
  const optimal = highs.constants.modelStatus.optimal;
  const upper = highs.constants.basisStatus.upper;
  const basic = highs.constants.basisStatus.basic;
  return {
    name: "highs",
    suggestActiveRows(program: FloatLinearProgram): readonly number[] | undefined {
      const { variables: n, rowCount: m, matrix } = program;
      const starts = new Int32Array(m + 1);
      const indices: number[] = [];
      const values: number[] = [];
      for (let r = 0; r < m; r++) {
        for (let j = 0; j < n; j++) {
          const v = matrix[r * n + j]!;
          if (v !== 0) {
            indices.push(j);
            values.push(v);
          }
        }
        starts[r + 1] = indices.length;
      }
      const free = new Float64Array(n);
      return highs.withModel(
        {
          numCols: n,
          numRows: m,
          colCost: program.objective,
          colLower: free.map(() => -highs.infinity),
          colUpper: free.map(() => highs.infinity),
          rowLower: new Float64Array(m).fill(-highs.infinity),
          rowUpper: program.bounds,
          matrix: {
            format: "csr",
            numRows: m,
            numCols: n,
            starts,
            indices: Int32Array.from(indices),
            values: Float64Array.from(values),
          },
        },
        (model) => {
          model.options.set({ output_flag: false });
          model.run();
          if (model.getModelStatus() !== optimal) return undefined;
          const basis = model.getBasis();
          // Every column is free: a nonbasic column leaves the vertex undetermined by rows.
          if (basis.colStatus.some((s) => s !== basic)) return undefined;
          const active: number[] = [];
          basis.rowStatus.forEach((s, r) => {
            if (s === upper) active.push(r);
          });
          return active;
        },
      );
    },
  };
}
