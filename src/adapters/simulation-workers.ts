import { createRequire } from "node:module";
import os from "node:os";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { CapTable } from "../core/ledger/cap-table.js";
import type { Result } from "../core/shared/problem.js";
import { fail, ok } from "../core/shared/problem.js";
import type { RoundTemplate } from "../core/uncertainty/round-template.js";
import {
  allocateSimulationBuffers,
  checkRuns,
  completeExactScenarios,
  type RunOptions,
  type SimulationPlan,
  type SimulationSummary,
  simulateRange,
  summarizeSimulation,
} from "../core/uncertainty/simulate.js";

/** Below this many scenarios the simulation runs on the calling thread: starting workers costs more. */
export const PARALLEL_THRESHOLD = 200_000;

export interface ParallelRunOptions extends RunOptions {
  /** Worker threads; all cores (os.availableParallelism) by default, 1 for the calling thread. */
  readonly workers?: number;
  /**
   * Stops a simulation on workers: they are terminated, and the result is the
   * `simulation_cancelled` problem. On the calling thread (one worker) the run is not
   * interrupted once started.
   */
  readonly signal?: AbortSignal;
}

/**
 * Starts one worker. Built, the worker is JavaScript beside this file. Run from source
 * (tests, tsx) it is TypeScript: a small ES-module bootstrap registers the tsx loader in
 * the worker's thread, then imports it (a Worker ignores `--import` in its execArgv).
 */
function startWorker(workerData: unknown): Worker {
  if (!import.meta.url.endsWith(".ts"))
    return new Worker(new URL("./simulation-worker.js", import.meta.url), { workerData });
  const url = new URL("./simulation-worker.ts", import.meta.url).href;
  // tsx's ESM API (the CommonJS resolver gives its .cjs twin, beside it).
  const api = pathToFileURL(
    createRequire(import.meta.url)
      .resolve("tsx/esm/api")
      .replace(/\.cjs$/, ".mjs"),
  ).href;
  const bootstrap = `import { register } from ${JSON.stringify(api)}; register(); await import(${JSON.stringify(url)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(bootstrap)}`), { workerData });
}

/**
 * Runs a simulation on worker threads over all cores (SPEC UNC-SIM-4). The scenarios are
 * split into one contiguous range per worker; each writes its scenarios' results into
 * shared buffers at their own indices, and the summary is computed on the calling thread
 * from the whole buffers in scenario order. Since a scenario's result depends only on the
 * seed, the plan and its index, the summary is the same, byte for byte, for any number of
 * workers. Scenarios sent back to the exact engine are priced on the calling thread.
 */
export async function runSimulationInWorkers(
  plan: SimulationPlan,
  capTable: CapTable,
  template: RoundTemplate,
  options: ParallelRunOptions,
): Promise<Result<SimulationSummary>> {
  const checked = checkRuns(options.runs);
  if (!checked.ok) return checked;
  const { signal } = options;
  const cancelled = () => fail("simulation_cancelled", "the simulation was cancelled before it finished");
  if (signal?.aborted) return cancelled();
  const runs = options.runs;
  const wanted = options.workers ?? (runs < PARALLEL_THRESHOLD ? 1 : os.availableParallelism());
  const workers = Math.max(1, Math.min(wanted, runs));
  const buffers = allocateSimulationBuffers(plan, runs, workers > 1);
  if (workers === 1) {
    simulateRange(plan, options.seed, 0, runs, buffers, (done) => options.onProgress?.(done, runs));
  } else {
    const done = new Array<number>(workers).fill(0);
    await Promise.all(
      Array.from({ length: workers }, (_, w) => {
        const from = Math.floor((runs * w) / workers);
        const to = Math.floor((runs * (w + 1)) / workers);
        return new Promise<void>((resolve, reject) => {
          const worker = startWorker({ plan, seed: options.seed, from, to, buffers });
          const stop = () => void worker.terminate();
          signal?.addEventListener("abort", stop, { once: true });
          worker.on("message", (message: { kind: string; done?: number }) => {
            if (message.kind === "progress") {
              done[w] = message.done ?? 0;
              options.onProgress?.(
                done.reduce((a, b) => a + b, 0),
                runs,
              );
            }
          });
          worker.on("error", reject);
          worker.on("exit", (code) => {
            signal?.removeEventListener("abort", stop);
            if (code === 0 || signal?.aborted) resolve();
            else reject(new Error(`simulation worker exited with ${code}`));
          });
        });
      }),
    );
  }
  if (signal?.aborted) return cancelled();
  completeExactScenarios(plan, buffers, capTable, template);
  return ok(summarizeSimulation(plan, buffers, options.seed));
}
