import { AT_LEAST_DEFAULT_MULTIPLE, type Estimate, estimateSupport } from "./estimate.js";
import { ScenarioRandom } from "./rng.js";
import { SHAPE_UNIFORM, sampleShape, shapeCdf, shapeOf } from "./sampling.js";

/**
 * Draws `runs` values of one estimate with no other constraint (UNC-SIM-7): scenario i
 * takes its value from the seeded stream of index i, so the draws are the same for any
 * split of the runs. An estimate open above ("at least X") is bounded at 2 × X (UNC-EST-6).
 */
export function sampleEstimate(estimate: Estimate, runs: number, seed: bigint): Float64Array {
  const out = new Float64Array(runs);
  const shape = shapeOf(estimate.distribution);
  const support = estimateSupport(estimate);
  const lo = support.min.toNumber();
  const hi = (support.max ?? support.min.mul(AT_LEAST_DEFAULT_MULTIPLE)).toNumber();
  if (!shape) {
    out.fill(estimate.stated?.toNumber() ?? lo);
    return out;
  }
  const p = Float64Array.from(shape.parameters);
  if (shape.code === SHAPE_UNIFORM && !Number.isFinite(p[1]!)) p[1] = hi;
  const flo = shapeCdf(shape.code, p, 0, lo);
  const fhi = shapeCdf(shape.code, p, 0, hi);
  const rng = new ScenarioRandom(seed);
  for (let i = 0; i < runs; i++) {
    rng.startScenario(i);
    out[i] = sampleShape(shape.code, p, 0, lo, hi, flo, fhi, rng);
  }
  return out;
}
