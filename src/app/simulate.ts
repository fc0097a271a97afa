import os from "node:os";
import * as z from "zod";
import { runSimulationInWorkers } from "../adapters/simulation-workers.js";
import { LIMITS } from "../core/shared/limits.js";
import { fail, ok, type Result } from "../core/shared/problem.js";
import type { Deal } from "../deal/build.js";
import type { WhatIfOutcome } from "../deal/what-if.js";
import { simulationJson } from "../report/simulation-report.js";
import { RoundParam, SeedParam } from "./params.js";
import {
  type SimulationReport,
  type SimulationSetup,
  simulationNames,
  simulationReportOf,
  simulationSetup,
} from "./simulation-report.js";
import { type DealUseCase, runToEnd } from "./use-case.js";
import { dealForInput, SetParam } from "./what-if.js";

export type { SimulationReport };

/** From this many scenarios a simulation runs on worker threads. */
const SIMULATION_WORKER_THRESHOLD = 50_000;

/** The `simulate` use case (APP-1): a job, with progress. */
export const simulate: DealUseCase<
  {
    runs: number;
    seed: bigint;
    round?: string | undefined;
    scenario?: string | undefined;
    set?: readonly string[];
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
    set: SetParam,
  }),
  on: "deal",
  mode: "job",
  async run(deal, input, context = runToEnd()) {
    const setup = simulationOfInput(deal, input);
    if (!setup.ok) return setup;
    const { plan, capTable, template, meta, names, whatIf } = setup.value;
    if (context.signal.aborted) return fail("unavailable", "the job was cancelled");
    context.progress(0, input.runs);
    // Large runs go to worker threads so that the server keeps answering while they run;
    // the result does not depend on the number of workers (SPEC UNC-SIM-4).
    const summary = await runSimulationInWorkers(plan, capTable, template, {
      runs: input.runs,
      seed: input.seed,
      workers:
        context.workers ??
        (input.runs >= SIMULATION_WORKER_THRESHOLD ? Math.max(2, os.availableParallelism()) : 1),
      onProgress: (done, total) => context.progress(done, total),
      signal: context.signal,
    });
    if (!summary.ok) return summary;
    context.progress(input.runs, input.runs);
    const report = simulationReportOf(summary.value, meta, names);
    return ok(whatIf ? { ...report, whatIf } : report);
  },
  json: simulationJson,
};

/**
 * The simulation a use case's input asks for (UNC-SIM-3, DEAL-WHATIF-5): without what-ifs,
 * the deal's round under the named scenario's claims; with them, the round in the what-if's
 * scenario, its figures held fixed and the rest sampled as before.
 */
export function simulationOfInput(
  deal: Deal,
  input: { round?: string | undefined; scenario?: string | undefined; set?: readonly string[] },
): Result<
  SimulationSetup & {
    readonly whatIf: WhatIfOutcome | undefined;
    readonly names: ReturnType<typeof simulationNames>;
  }
> {
  if ((input.set ?? []).length === 0) {
    const setup = simulationSetup(deal, { round: input.round, scenario: input.scenario });
    return setup.ok
      ? ok({ ...setup.value, whatIf: undefined, names: simulationNames(deal, setup.value) }, setup.warnings)
      : setup;
  }
  if (!deal.uncertainty?.roundsUncertain) {
    // An exact deal has nothing to sample, with or without what-ifs: the same message.
    const exact = simulationSetup(deal, { round: input.round });
    if (!exact.ok) return exact;
  }
  const chosen = dealForInput(deal, input);
  if (!chosen.ok) return chosen;
  const { deal: withWhatIf, whatIf } = chosen.value;
  const setup = simulationSetup(withWhatIf, { round: input.round, whatIf });
  return setup.ok
    ? ok({ ...setup.value, whatIf, names: simulationNames(withWhatIf, setup.value) }, [
        ...chosen.warnings,
        ...setup.warnings,
      ])
    : setup;
}
