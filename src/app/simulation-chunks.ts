import {
  allocateSimulationBuffers,
  completeExactScenarios,
  PROGRESS_EVERY,
  type SimulationBuffers,
  simulateRange,
  summarizeSimulation,
} from "../core/uncertainty/simulate.js";
import { simulationReport } from "../report/simulation-report.js";
import type { SimulationSetup } from "./simulation-report.js";

/**
 * The `simulate` use case's computation split into chunks run by several workers (SPEC
 * SRV-6, SRV-6c): `runSimulationChunk` runs one range of scenarios and answers their results
 * as bytes, `SimulationMerge` puts every chunk's bytes back in scenario order and gives the
 * report. A chunk's scenarios depend only on the seed, the plan and their indices
 * (UNC-SIM-4), so the merged report is the same bytes as one process's, whichever workers
 * ran which chunks. The server stores and moves the bytes; it sequences no computation.
 */

/** A chunk's results as bytes: statuses, then metrics and quantities as float64 (this machine's byte order). */
function chunkBytes(buffers: SimulationBuffers): Uint8Array {
  const parts = [buffers.status, buffers.metrics, buffers.quantities].map(
    (a) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength),
  );
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

/**
 * Runs the scenarios `from` to `to` (exclusive) of a simulation, in slices of PROGRESS_EVERY,
 * calling `progress` with the chunk's scenarios done after each slice; answers their results
 * as bytes for `SimulationMerge.place`.
 */
export function runSimulationChunk(
  setup: SimulationSetup,
  seed: bigint,
  from: number,
  to: number,
  progress?: (done: number) => void,
): Uint8Array {
  const buffers = allocateSimulationBuffers(setup.plan, to - from);
  for (let at = from; at < to; at += PROGRESS_EVERY) {
    const end = Math.min(to, at + PROGRESS_EVERY);
    simulateRange(setup.plan, seed, at, end, buffers, undefined, from);
    progress?.(end - from);
  }
  completeExactScenarios(setup.plan, buffers, setup.capTable, setup.template);
  return chunkBytes(buffers);
}

/** A whole simulation's results gathered from its chunks, then summarised as `simulate`'s report. */
export class SimulationMerge {
  readonly #setup: SimulationSetup;
  readonly #buffers: SimulationBuffers;

  constructor(setup: SimulationSetup, runs: number) {
    this.#setup = setup;
    this.#buffers = allocateSimulationBuffers(setup.plan, runs);
  }

  /** Copies a chunk's bytes (`runSimulationChunk`'s) into the simulation's buffers, at its scenarios' slots. */
  place(from: number, runs: number, data: Uint8Array): void {
    const width = this.#setup.plan.metricWidth * 8;
    const n = this.#setup.plan.round.quantityCount * 8;
    if (data.length !== runs * (1 + width + n))
      throw new Error(`chunk at ${from} holds ${data.length} bytes, expected ${runs * (1 + width + n)}`);
    const target = (array: Uint8Array | Float64Array) =>
      new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
    target(this.#buffers.status).set(data.subarray(0, runs), from);
    target(this.#buffers.metrics).set(data.subarray(runs, runs + runs * width), from * width);
    target(this.#buffers.quantities).set(data.subarray(runs + runs * width), from * n);
  }

  /** The simulation's report as JSON (`simulationJson` of the typed report), once every chunk is placed. */
  json(seed: bigint): ReturnType<typeof simulationReport> {
    return simulationReport(summarizeSimulation(this.#setup.plan, this.#buffers, seed), this.#setup.meta);
  }
}
