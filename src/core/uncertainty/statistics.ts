/**
 * Summary statistics of a simulated sample (SPEC UNC-SIM-5): the mean (summed in scenario
 * order, so the same on any number of workers), the 5th, 25th, 50th, 75th and 95th
 * percentiles by the nearest-rank method (the value of rank ⌈p·N⌉, an actual sample value), the minimum and
 * maximum, and a histogram of equal-width bins from the minimum to the maximum.
 */
export interface SampleStatistics {
  readonly count: number;
  readonly mean: number;
  readonly p5: number;
  /** The lower quartile, for a fan chart's inner band (P25–P75). */
  readonly p25: number;
  readonly p50: number;
  /** The upper quartile. */
  readonly p75: number;
  readonly p95: number;
  readonly min: number;
  readonly max: number;
  /** Equal-width bins from `min` to `max`; undefined where the summary leaves it out. */
  readonly histogram?: { readonly min: number; readonly max: number; readonly counts: readonly number[] };
}

export const HISTOGRAM_BINS = 32;

/** Rearranges `a[lo..hi]` so that a[k] holds the value of rank k (Hoare's selection, median-of-three pivot). */
function select(a: Float64Array, lo: number, hi: number, k: number): void {
  let left = lo;
  let right = hi;
  while (right > left) {
    const mid = (left + right) >>> 1;
    // Median of three as the pivot, for sorted and reverse-sorted inputs.
    let x = a[left]!;
    let y = a[mid]!;
    let z = a[right]!;
    if (x > y) [x, y] = [y, x];
    if (y > z) [y, z] = [z, y];
    if (x > y) [x, y] = [y, x];
    const pivot = y;
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}

function rankIndex(p: number, n: number): number {
  const rank = Math.ceil(p * n);
  return Math.min(n - 1, Math.max(0, rank - 1));
}

/** Statistics of `values` (which it reorders), with a histogram of `bins` bins unless bins is 0. */
export function describeSample(values: Float64Array, bins = HISTOGRAM_BINS): SampleStatistics {
  const n = values.length;
  if (n === 0)
    return {
      count: 0,
      mean: Number.NaN,
      p5: Number.NaN,
      p25: Number.NaN,
      p50: Number.NaN,
      p75: Number.NaN,
      p95: Number.NaN,
      min: Number.NaN,
      max: Number.NaN,
    };
  let sum = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  let histogram: SampleStatistics["histogram"];
  if (bins > 0) {
    const counts = new Array<number>(bins).fill(0);
    const width = (max - min) / bins;
    for (let i = 0; i < n; i++) {
      const b = width > 0 ? Math.floor((values[i]! - min) / width) : 0;
      const at = b >= bins ? bins - 1 : b;
      counts[at] = counts[at]! + 1;
    }
    histogram = { min, max, counts };
  }
  const k50 = rankIndex(0.5, n);
  const k5 = rankIndex(0.05, n);
  const k25 = rankIndex(0.25, n);
  const k75 = rankIndex(0.75, n);
  const k95 = rankIndex(0.95, n);
  // Each selection partitions around its rank, so the next one searches only the side that holds its rank.
  select(values, 0, n - 1, k50);
  select(values, 0, k50, k25);
  select(values, 0, k25, k5);
  select(values, k50, n - 1, k75);
  select(values, k75, n - 1, k95);
  const stats = {
    count: n,
    mean: sum / n,
    p5: values[k5]!,
    p25: values[k25]!,
    p50: values[k50]!,
    p75: values[k75]!,
    p95: values[k95]!,
    min,
    max,
  };
  return histogram ? { ...stats, histogram } : stats;
}

/** The statistics of c × X from those of X, for c > 0 (every order statistic scales). */
export function scaleStatistics(s: SampleStatistics, c: number, withHistogram = false): SampleStatistics {
  const scaled = {
    count: s.count,
    mean: s.mean * c,
    p5: s.p5 * c,
    p25: s.p25 * c,
    p50: s.p50 * c,
    p75: s.p75 * c,
    p95: s.p95 * c,
    min: s.min * c,
    max: s.max * c,
  };
  return withHistogram && s.histogram
    ? {
        ...scaled,
        histogram: { min: s.histogram.min * c, max: s.histogram.max * c, counts: s.histogram.counts },
      }
    : scaled;
}
