import os from "node:os";
import * as z from "zod";
import { runSimulationInWorkers } from "../adapters/simulation-workers.js";
import { LIMITS } from "../core/shared/limits.js";
import { fail, ok } from "../core/shared/problem.js";
import { simulationReport, simulationSetup } from "../report/simulation-report.js";
import { RoundParam, SeedParam } from "./params.js";
import { type DealUseCase, runToEnd } from "./use-case.js";

/** Percentiles of the round and of every holder's ownership over seeded scenarios (UNC-SIM-*). */
export type SimulationReport = ReturnType<typeof simulationReport>;

/** From this many scenarios a simulation runs on worker threads. */
const SIMULATION_WORKER_THRESHOLD = 50_000;

/** The `simulate` use case (APP-1): a job, with progress. */
export const simulate: DealUseCase<
  {
    runs: number;
    seed: bigint;
    round?: string | undefined;
    scenario?: string | undefined;
  },
  SimulationReport
> = {
  name: "simulate",
  summary:
    "Samples a round's uncertain amounts (seeded Monte Carlo) and reports percentiles of the round and of every holder's ownership; deterministic for a seed.",
  input: z.strictObject({
    runs: z.coerce
      .number()
      .int()
      .min(1)
      .max(LIMITS.apiSimulationRuns)
      .default(10_000)
      .meta({ description: `Number of scenarios, at most ${LIMITS.apiSimulationRuns}.` }),
    seed: SeedParam,
    round: RoundParam,
    scenario: z
      .string()
      .min(1)
      .max(200)
      .optional()
      .meta({ description: "Sample under the claims of this scenario (default: the default reading)." }),
  }),
  on: "deal",
  mode: "job",
  async run(deal, input, context = runToEnd()) {
    const setup = simulationSetup(deal, { round: input.round, scenario: input.scenario });
    if (!setup.ok) return setup;
    const { plan, capTable, template, meta } = setup.value;
    if (context.signal.aborted) return fail("unavailable", "the job was cancelled");
    context.progress(0, input.runs);
    // Large runs go to worker threads so that the server keeps answering while they run;
    // the result does not depend on the number of workers (SPEC UNC-SIM-4).
    const summary = await runSimulationInWorkers(plan, capTable, template, {
      runs: input.runs,
      seed: input.seed,
      workers: input.runs >= SIMULATION_WORKER_THRESHOLD ? Math.max(2, os.availableParallelism()) : 1,
      onProgress: (done, total) => context.progress(done, total),
      signal: context.signal,
    });
    if (!summary.ok) return summary;
    context.progress(input.runs, input.runs);
    return ok(simulationReport(summary.value, meta));
  },
  json: (report) => report,
};
