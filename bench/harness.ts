/**
 * The benchmark harness. Every `bench/*.bench.ts` file exports a default function that
 * runs its measurements and returns reports; `npm run bench` runs them all, one file at
 * a time, and prints each figure with its target. Benchmarks measure; they never fail a
 * build (speed is not asserted in tests).
 */
export interface BenchFigure {
  readonly label: string;
  readonly value: number;
  readonly unit: string;
  /** A target such as "<= 50 ms" or ">= 1000000 /s", printed next to the figure. */
  readonly target?: string;
  readonly met?: boolean;
}

export interface BenchReport {
  readonly name: string;
  readonly figures: readonly BenchFigure[];
  readonly notes?: readonly string[];
}

export type BenchModule = { default: () => Promise<readonly BenchReport[]> };

/** Runs `fn` repeatedly for at least `minMs` (after `warmup` runs) and returns the median time per run in ms. */
export function timeMedian(
  fn: () => void,
  options: { warmup?: number; minRuns?: number; minMs?: number } = {},
): number {
  const warmup = options.warmup ?? 3;
  const minRuns = options.minRuns ?? 5;
  const minMs = options.minMs ?? 500;
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  const started = performance.now();
  while (times.length < minRuns || performance.now() - started < minMs) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
    if (times.length > 10_000) break;
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}
