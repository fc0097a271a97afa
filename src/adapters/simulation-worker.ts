import { parentPort, workerData } from "node:worker_threads";
import { type SimulationBuffers, type SimulationPlan, simulateRange } from "../core/uncertainty/simulate.js";

/** One worker of the parallel simulation: runs its range of scenarios into the shared buffers. */
interface Job {
  readonly plan: SimulationPlan;
  readonly seed: bigint;
  readonly from: number;
  readonly to: number;
  readonly buffers: SimulationBuffers;
}

const job = workerData as Job;
simulateRange(job.plan, job.seed, job.from, job.to, job.buffers, (done) => {
  parentPort?.postMessage({ kind: "progress", done });
});
parentPort?.postMessage({ kind: "done" });
