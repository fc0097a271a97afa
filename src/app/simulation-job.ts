import { ok, type Result } from "../core/shared/problem.js";
import {
  allocateSimulationBuffers,
  checkRuns,
  completeExactScenarios,
  type SimulationBuffers,
  simulateRange,
  summarizeSimulation,
} from "../core/uncertainty/simulate.js";
import type { Deal } from "../deal/build.js";
import {
  type SimulationReport,
  simulationNames,
  simulationReportOf,
  simulationSetup,
} from "./simulation-report.js";

/** Scenarios run by one `step` of a job: between two progress reports and two checks for a cancel. */
export const SIMULATION_CHUNK = 8_192;

/**
 * A simulation run in steps by its caller (the web app's worker, or the page's own thread
 * where no worker exists): `step` runs the next chunk of scenarios, `finish` the rest and
 * the report. Unlike the `simulate` use case, it needs no threads of its own, so it runs
 * wherever JavaScript does (no Node module).
 */
export interface SimulationJob {
  readonly runs: number;
  /** Scenarios run so far. */
  done(): number;
  /** Runs the next chunk of scenarios; returns the number run so far. */
  step(): number;
  /** The report of `roundtable simulate` (its JSON: `simulationJson`), once every scenario has run. */
  finish(): SimulationReport;
}

/**
 * Prepares the `simulate` use case's computation as a job run in chunks (SPEC UNC-SIM): the
 * earlier rounds run at the base scenario, the round's amounts sampled under the default
 * reading's claims (or the named scenario's). Each scenario depends only on the seed, the
 * plan and its index (UNC-SIM-4), so the report is the same, byte for byte, as the CLI's
 * and the API's for the same seed and runs. Pure: no clock, no I/O.
 */
export function simulationJobOf(
  deal: Deal,
  input: {
    readonly runs: number;
    readonly seed: bigint;
    readonly round?: string | undefined;
    readonly scenario?: string | undefined;
  },
): Result<SimulationJob> {
  const checked = checkRuns(input.runs);
  if (!checked.ok) return checked;
  const setup = simulationSetup(deal, { round: input.round, scenario: input.scenario });
  if (!setup.ok) return setup;
  const { plan, capTable, template, meta } = setup.value;
  const names = simulationNames(deal, setup.value);
  const { runs, seed } = input;
  const buffers: SimulationBuffers = allocateSimulationBuffers(plan, runs);
  let done = 0;
  const job: SimulationJob = {
    runs,
    done: () => done,
    step() {
      const to = Math.min(runs, done + SIMULATION_CHUNK);
      simulateRange(plan, seed, done, to, buffers);
      done = to;
      return done;
    },
    finish() {
      while (done < runs) job.step();
      completeExactScenarios(plan, buffers, capTable, template);
      return simulationReportOf(summarizeSimulation(plan, buffers, seed), meta, names);
    },
  };
  return ok(job, setup.warnings);
}
