import type { MessagePort } from "node:worker_threads";
import { runSimulationChunk } from "../app/simulation-chunks.js";
import type { Problem } from "../core/shared/problem.js";
import type { Deal } from "../deal/build.js";
import { type SimulationSetup, simulationSetup } from "../report/simulation-report.js";
import { ApiError } from "./api-error.js";
import { requestProblems } from "./computations.js";
import { type ComputeTask, namedComputation, subjectOf } from "./compute-tasks.js";

/**
 * One chunk of a simulation shared by workers (SPEC SRV-6, SRV-6c), as a task of a worker
 * process's threads: the deal built and the simulation compiled once per job and thread,
 * the chunk's scenarios run by the application layer (`runSimulationChunk`), its progress
 * posted after each slice, and its results answered as bytes. The chunk's scenarios depend only on the seed,
 * the plan and their indices (UNC-SIM-4), whichever thread runs them.
 */

type Task = Extract<ComputeTask, { kind: "compute" }>;

/** The simulation parameters of a task, as its schema reads them. */
export interface SimulateInput {
  runs: number;
  seed: bigint;
  round?: string | undefined;
  scenario?: string | undefined;
}

/** A task's simulation: the deal built and the simulation compiled, or the job's error. */
export function simulationOf(task: Task): { setup: SimulationSetup; input: SimulateInput } {
  const found = namedComputation("simulate");
  const parsed = found.input.safeParse(task.query);
  if (!parsed.success) throw new ApiError("request_invalid", "the job's parameters are not valid");
  const input = parsed.data as SimulateInput;
  const { value } = subjectOf(found, task.source);
  const setup = simulationSetup(value as Deal, { round: input.round, scenario: input.scenario });
  if (!setup.ok) {
    // The same error the simulation would end with in one process (computationOf, compute).
    const fields = ["runs", "seed", "round", "scenario"];
    const problems: Problem[] = setup.problems.map((p) =>
      p.code !== "usage" && p.path?.length === 1 && fields.includes(String(p.path[0]))
        ? { ...p, path: ["query", ...p.path] }
        : p,
    );
    throw ApiError.fromProblems(
      requestProblems(problems),
      task.source.stored ? `deal ${task.source.stored.slug}` : "body",
    );
  }
  return { setup: setup.value, input };
}

/** A chunk to run: the job's task, its scenario range, and where its progress goes. */
export interface ChunkTask {
  readonly kind: "simulate-chunk";
  readonly jobId: string;
  readonly task: Task;
  readonly from: number;
  readonly to: number;
  readonly progress?: MessagePort;
}

/** A job's simulation, compiled once per thread: its chunks come one after another. */
const setups = new Map<string, { setup: SimulationSetup; input: SimulateInput }>();

export function setupFor(jobId: string, task: Task): { setup: SimulationSetup; input: SimulateInput } {
  let found = setups.get(jobId);
  if (!found) {
    found = simulationOf(task);
    setups.set(jobId, found);
    while (setups.size > 2) setups.delete(setups.keys().next().value as string);
  }
  return found;
}

export function forgetSetup(jobId: string): void {
  setups.delete(jobId);
}

/** Runs a chunk's scenarios (`runSimulationChunk`), posting `{ done }` (scenarios of the chunk) after each slice. */
export function runChunk(task: ChunkTask): Uint8Array {
  const { setup, input } = setupFor(task.jobId, task.task);
  return runSimulationChunk(setup, input.seed, task.from, task.to, (done) =>
    task.progress?.postMessage({ done }),
  );
}
