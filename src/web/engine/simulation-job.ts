import { SIMULATION_CHUNK, simulationJobOf } from "../../app/simulation-job.js";
import { loadDeal } from "../../deal/load.js";
import { simulationJson } from "../../report/simulation-report.js";

export { SIMULATION_CHUNK };

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

/** The report as `roundtable simulate --format json` writes it. */
export type SimulationReport = ReturnType<typeof simulationJson>;

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
 * Parses the page's request (the deal's text, the runs, the seed as text) and prepares the
 * `simulate` use case's computation as a job run in chunks (`simulationJobOf`, SPEC
 * UNC-SIM), so that the summary is the same, byte for byte, as the CLI's for the same seed
 * and runs. Pure: no clock, no I/O.
 */
export function prepareSimulationJob(
  request: SimulationRequest,
): { ok: true; job: SimulationJob } | { ok: false; messages: string[] } {
  if (!/^\d+$/.test(request.seed))
    return { ok: false, messages: [`the seed is a whole number, not "${request.seed}"`] };
  const loaded = loadDeal(request.documentText, request.fileName);
  if (!loaded.ok) return { ok: false, messages: loaded.diagnostics.map((d) => d.message) };
  const prepared = simulationJobOf(loaded.deal, {
    runs: request.runs,
    seed: BigInt(request.seed),
    round: request.roundId,
    scenario: request.scenario,
  });
  if (!prepared.ok) return { ok: false, messages: prepared.problems.map((p) => p.message) };
  const job = prepared.value;
  return {
    ok: true,
    job: {
      runs: job.runs,
      done: () => job.done(),
      step: () => job.step(),
      finish: () => simulationJson(job.finish()),
    },
  };
}
