import { readlinkSync } from "node:fs";
import os from "node:os";
import { type ComputeTask, runTask } from "./compute-tasks.js";

/**
 * The niceness of the server's worker threads: a low priority (the scheduler gives a thread
 * at 0 about nine times the time of one at 10), so that the event loop (health checks,
 * sign-ins, every request's I/O) runs first whenever it has work, however many computations
 * run (SPEC SRV-5); not the lowest, so that on a busy host computations still advance.
 */
const WORKER_NICENESS = 10;

/**
 * Lowers this thread's priority. On Linux a thread is scheduled as a task of its own with
 * its own niceness, set by its thread id (read from /proc/thread-self); elsewhere, or
 * without /proc, the thread keeps the process's priority.
 */
function lowerThisThreadsPriority(): void {
  try {
    const tid = Number(readlinkSync("/proc/thread-self").split("/").pop());
    if (Number.isInteger(tid) && tid > 0) os.setPriority(tid, WORKER_NICENESS);
  } catch {
    // No per-thread priority here: the computations still run off the event loop.
  }
}

lowerThisThreadsPriority();

/** The entry point of the server's worker threads (SPEC SRV-5): one task in, plain data out. */
export default function computeWorker(task: ComputeTask) {
  return runTask(task);
}
