import { type ComputeTask, runTask } from "./compute-tasks.js";

/** The entry point of the server's worker threads (SPEC SRV-3): one task in, plain data out. */
export default function computeWorker(task: ComputeTask) {
  return runTask(task);
}
