import { prepareSimulationJob, type SimulationReport, type SimulationRequest } from "./simulation-job.js";

export type SimulationOutcome =
  | { readonly kind: "done"; readonly report: SimulationReport }
  | { readonly kind: "failed"; readonly messages: readonly string[] }
  | { readonly kind: "cancelled" };

export interface RunningSimulation {
  readonly outcome: Promise<SimulationOutcome>;
  cancel(): void;
}

type WorkerMessage =
  | { kind: "progress"; done: number; runs: number }
  | { kind: "failed"; messages: string[] }
  | { kind: "done"; report: SimulationReport };

/**
 * Starts a simulation off the page's thread, in a Web Worker, so that the page stays
 * responsive; cancelling ends the worker. Where no Worker exists (a test's DOM), the same
 * job runs in the page's thread, one chunk per task, and a cancel stops it between chunks.
 */
export function startSimulation(
  request: SimulationRequest,
  onProgress: (done: number, runs: number) => void,
): RunningSimulation {
  if (typeof Worker === "function" && typeof window !== "undefined" && !("happyDOM" in window)) {
    const worker = new Worker(new URL("./simulation.worker.ts", import.meta.url), { type: "module" });
    let settle: (outcome: SimulationOutcome) => void = () => {};
    const outcome = new Promise<SimulationOutcome>((resolve) => {
      settle = resolve;
    });
    worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
      const m = event.data;
      if (m.kind === "progress") onProgress(m.done, m.runs);
      else {
        worker.terminate();
        settle(
          m.kind === "done" ? { kind: "done", report: m.report } : { kind: "failed", messages: m.messages },
        );
      }
    };
    worker.onerror = (event) => {
      worker.terminate();
      settle({ kind: "failed", messages: [event.message || "the simulation's worker stopped"] });
    };
    worker.postMessage(request);
    return {
      outcome,
      cancel() {
        worker.terminate();
        settle({ kind: "cancelled" });
      },
    };
  }
  let cancelled = false;
  const outcome = (async (): Promise<SimulationOutcome> => {
    await Promise.resolve();
    const prepared = prepareSimulationJob(request);
    if (!prepared.ok) return { kind: "failed", messages: prepared.messages };
    const job = prepared.job;
    while (job.done() < job.runs) {
      if (cancelled) return { kind: "cancelled" };
      onProgress(job.step(), job.runs);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    if (cancelled) return { kind: "cancelled" };
    return { kind: "done", report: job.finish() };
  })();
  return {
    outcome,
    cancel() {
      cancelled = true;
    },
  };
}
