import { prepareSimulationJob, type SimulationRequest } from "./simulation-job.js";

/** The simulation's worker (SPEC WEB-13): runs a job in chunks, reporting progress after each; the page cancels by ending the worker. */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<SimulationRequest>) => void) | null;
  postMessage: (message: unknown) => void;
};

scope.onmessage = (event) => {
  const prepared = prepareSimulationJob(event.data);
  if (!prepared.ok) {
    scope.postMessage({ kind: "failed", messages: prepared.messages });
    return;
  }
  const job = prepared.job;
  while (job.done() < job.runs) scope.postMessage({ kind: "progress", done: job.step(), runs: job.runs });
  scope.postMessage({ kind: "done", report: job.finish() });
};
