import {
  allocateSimulationBuffers,
  checkRuns,
  completeExactScenarios,
  type SimulationBuffers,
  simulateRange,
  summarizeSimulation,
} from "../../core/uncertainty/simulate.js";
import type { Deal } from "../../deal/build.js";
import { loadDeal } from "../../deal/load.js";
import { simulationReport, simulationSetup } from "../../report/simulation-report.js";

/** What the page asks of a simulation: the deal as the engine loads it, and the CLI's options. */
export interface SimulationRequest {
  readonly documentText: string;
  readonly fileName: string;
  readonly runs: number;
  /** A whole number, as text (a bigint does not cross to a worker in every browser). */
  readonly seed: string;
  /** The round to simulate; the deal's last when absent (as `simulate --round`). */
  readonly roundId?: string;
  /** The named scenario whose claims are sampled; the default reading when absent (as `simulate --scenario`). */
  readonly scenario?: string;
}

export type SimulationReport = ReturnType<typeof simulationReport>;

/** Scenarios run between two progress reports (and two checks for a cancel in the page's own thread). */
export const SIMULATION_CHUNK = 8_192;

export interface SimulationJob {
  readonly runs: number;
  /** Scenarios run so far. */
  done(): number;
  /** Runs the next chunk of scenarios; returns the number run so far. */
  step(): number;
  /** The report of `roundtable simulate --json`, once every scenario has run. */
  finish(): SimulationReport;
}

/**
 * Prepares a simulation with the CLI's own preparation (`simulationSetup`, SPEC
 * UNC-SIM): the deal loaded, the earlier rounds run at the base scenario, the round's
 * amounts sampled under the default reading's claims. Scenarios are then run in chunks (`step`), each scenario
 * depending only on the seed, the plan and its index (UNC-SIM-4), so that the summary is
 * the same, byte for byte, as the CLI's for the same seed and runs. Pure: no clock, no I/O.
 */
export function prepareSimulationJob(
  request: SimulationRequest,
): { ok: true; job: SimulationJob } | { ok: false; messages: string[] } {
  const checked = checkRuns(request.runs);
  if (!checked.ok) return { ok: false, messages: checked.problems.map((p) => p.message) };
  if (!/^\d+$/.test(request.seed))
    return { ok: false, messages: [`the seed is a whole number, not "${request.seed}"`] };
  const loaded = loadDeal(request.documentText, request.fileName);
  if (!loaded.ok) return { ok: false, messages: loaded.diagnostics.map((d) => d.message) };
  return prepareForDeal(loaded.deal, request);
}

function prepareForDeal(
  deal: Deal,
  request: SimulationRequest,
): { ok: true; job: SimulationJob } | { ok: false; messages: string[] } {
  const setup = simulationSetup(deal, { round: request.roundId, scenario: request.scenario });
  if (!setup.ok) return { ok: false, messages: setup.problems.map((p) => p.message) };
  const { plan, capTable, template, meta } = setup.value;
  const runs = request.runs;
  const seed = BigInt(request.seed);
  const buffers: SimulationBuffers = allocateSimulationBuffers(plan, runs);
  let done = 0;
  return {
    ok: true,
    job: {
      runs,
      done: () => done,
      step() {
        const to = Math.min(runs, done + SIMULATION_CHUNK);
        simulateRange(plan, seed, done, to, buffers);
        done = to;
        return done;
      },
      finish() {
        while (done < runs) this.step();
        completeExactScenarios(plan, buffers, capTable, template);
        return simulationReport(summarizeSimulation(plan, buffers, seed), meta);
      },
    },
  };
}
