import type { Currency } from "../exact/money.js";
import { Rational } from "../exact/rational.js";
import type { CapTable } from "../ledger/cap-table.js";
import { capTableView } from "../ledger/views.js";
import { priceRound } from "../round/price-round.js";
import type { StakeholderId } from "../shared/ids.js";
import { LIMITS } from "../shared/limits.js";
import { fail, ok, type Result } from "../shared/problem.js";
import type { ClaimId, ClaimSet } from "./claim.js";
import {
  type FastRoundPlan,
  fastRoundScratch,
  METRIC_FIXED,
  METRIC_FULLY_DILUTED,
  METRIC_POST_MONEY,
  METRIC_PRE_MONEY,
  METRIC_PRICE,
  METRIC_ROUND_SIZE,
  planFastRound,
  priceRoundFast,
  STATUS_EXACT,
  STATUS_EXACT_FAILED,
  STATUS_OK,
  STATUS_SAMPLING_FAILED,
  STATUS_TEXT,
} from "./fast-round.js";
import type { LpOracle } from "./lp.js";
import type { QuantityId } from "./quantity.js";
import { ScenarioRandom } from "./rng.js";
import {
  buildRoundTerms,
  type QuantityValues,
  type RoundTemplate,
  templateQuantities,
} from "./round-template.js";
import { drawQuantities, planSampler, type SamplerPlan } from "./sampler.js";
import { describeSample, type SampleStatistics, scaleStatistics } from "./statistics.js";

/**
 * A Monte Carlo simulation of a round whose amounts are uncertain (SPEC UNC-SIM-1..6):
 * the sampler (sampler.ts) and the fast round (fast-round.ts) compiled for one claim set,
 * one cap table and one round template. The plan is plain data (numbers, strings, typed
 * arrays), so a worker thread can receive it as it is.
 */
export interface SimulationPlan {
  readonly sampler: SamplerPlan;
  readonly round: FastRoundPlan;
  readonly quantities: readonly { readonly id: QuantityId; readonly label: string }[];
  readonly claims: readonly ClaimId[];
  readonly currency: Currency;
  /** Numbers written per scenario: the METRIC_* values, then each tracked holder's shares after. */
  readonly metricWidth: number;
}

/** Per-scenario results, indexed by scenario: filled by `simulateRange`, on any number of threads. */
export interface SimulationBuffers {
  readonly runs: number;
  readonly status: Uint8Array;
  readonly metrics: Float64Array;
  readonly quantities: Float64Array;
}

export interface SimulationSummary {
  readonly seed: string;
  readonly runs: number;
  /** Scenarios that priced (fast or exact). */
  readonly valid: number;
  /** Scenarios priced by the exact engine (anti-dilution). */
  readonly exactScenarios: number;
  readonly failures: readonly { readonly reason: string; readonly count: number }[];
  readonly claims: readonly ClaimId[];
  readonly assumptions: readonly string[];
  readonly roundSize: SampleStatistics;
  readonly pricePerShare: SampleStatistics;
  readonly preMoney: SampleStatistics;
  readonly postMoney: SampleStatistics;
  readonly quantities: readonly {
    readonly quantity: QuantityId;
    readonly label: string;
    readonly value: SampleStatistics;
  }[];
  /** 1 − T₀/T: the dilution of every holder the round does not touch (identical for all of them). */
  readonly dilutionOfOthers: SampleStatistics;
  readonly holders: readonly HolderSummary[];
}

export interface HolderSummary {
  readonly holder: StakeholderId;
  readonly name: string;
  readonly ownershipBefore: number;
  /** Whether the round touches the holder (an investor or a converting holder). */
  readonly takesPart: boolean;
  readonly ownership: SampleStatistics;
  /** Undefined for a holder with nothing before the round. */
  readonly dilution: SampleStatistics | undefined;
}

export interface SimulationOptions {
  readonly oracle?: LpOracle;
}

/**
 * Compiles a simulation (UNC-SIM-3, UNC-FAST-1): the claims' sampler and the round's fast
 * path. Every quantity the template reads must be in the claim set's model.
 */
export function planSimulation(
  set: ClaimSet,
  claimIds: readonly ClaimId[],
  capTable: CapTable,
  template: RoundTemplate,
  options: SimulationOptions = {},
): Result<SimulationPlan> {
  const known = new Set<string>(set.model.quantities.map((q) => q.id));
  for (const id of templateQuantities(template)) {
    if (!known.has(id)) {
      return fail(
        "claim_unknown_quantity",
        `round ${template.terms.name} reads quantity "${id}", which the deal does not define`,
        ["rounds", template.terms.id],
      );
    }
  }
  if (capTable.company.currency !== set.currency) {
    return fail(
      "simulation_unsupported",
      `the claims are in ${set.currency} and the cap table in ${capTable.company.currency}; state them in one currency`,
    );
  }
  const sampler = planSampler(set, claimIds, options);
  if (!sampler.ok) return sampler;
  const round = planFastRound(capTable, template, set.model);
  if (!round.ok) return round;
  return ok({
    sampler: sampler.value,
    round: round.value,
    quantities: set.model.quantities.map((q) => ({ id: q.id, label: q.label })),
    claims: [...claimIds],
    currency: set.currency,
    metricWidth: METRIC_FIXED + round.value.trackedCount,
  });
}

/** Buffers for `runs` scenarios; on SharedArrayBuffers when `shared`, for worker threads. */
export function allocateSimulationBuffers(
  plan: SimulationPlan,
  runs: number,
  shared = false,
): SimulationBuffers {
  const make = (bytes: number) => (shared ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes));
  return {
    runs,
    status: new Uint8Array(make(runs)),
    metrics: new Float64Array(make(runs * plan.metricWidth * 8)),
    quantities: new Float64Array(make(runs * plan.round.quantityCount * 8)),
  };
}

/** How often, in scenarios, `simulateRange` reports progress. */
export const PROGRESS_EVERY = 65_536;

/**
 * Runs scenarios `from` to `to − 1` (UNC-SIM-1, UNC-SIM-4): each positions the generator
 * at its own index, draws the quantities and prices the round on the fast path, writing
 * only to its own slots of `buffers`. The result of a scenario depends only on the seed,
 * the plan and its index, so any split of the range between threads gives the same
 * buffers. `onProgress(done)` is called every PROGRESS_EVERY scenarios and at the end.
 * Scenario i is written at slot i − `base`: buffers that hold one chunk of a simulation
 * (scenarios `base` to `base + buffers.runs − 1`) serve a worker that runs only that chunk.
 */
export function simulateRange(
  plan: SimulationPlan,
  seed: bigint,
  from: number,
  to: number,
  buffers: SimulationBuffers,
  onProgress?: (done: number) => void,
  base = 0,
): void {
  const rng = new ScenarioRandom(seed);
  const sampler = plan.sampler;
  const round = plan.round;
  const n = round.quantityCount;
  const width = plan.metricWidth;
  const x = new Float64Array(sampler.coordinateCount);
  const scratch = fastRoundScratch(round);
  const { status, metrics, quantities } = buffers;
  let sinceReport = 0;
  for (let i = from; i < to; i++) {
    rng.startScenario(i);
    const slot = i - base;
    if (drawQuantities(sampler, rng, x) === 0) {
      status[slot] = STATUS_SAMPLING_FAILED;
    } else {
      const qo = slot * n;
      for (let j = 0; j < n; j++) quantities[qo + j] = x[j]!;
      status[slot] = priceRoundFast(round, x, metrics, slot * width, scratch);
    }
    if (++sinceReport === PROGRESS_EVERY) {
      sinceReport = 0;
      onProgress?.(i + 1 - from);
    }
  }
  onProgress?.(to - from);
}

/**
 * The same metrics as the fast path, from the exact engine (UNC-FAST-5): builds the terms
 * from `values`, runs `priceRound`, and writes round size, price, pre- and post-money,
 * the fully diluted count after and each tracked holder's fully diluted shares after.
 * Returns STATUS_OK, or STATUS_EXACT_FAILED when the engine refuses the scenario.
 */
export function exactScenarioMetrics(
  round: FastRoundPlan,
  capTable: CapTable,
  template: RoundTemplate,
  values: QuantityValues,
  out: Float64Array,
  offset: number,
): number {
  const terms = buildRoundTerms(capTable, template, values);
  if (!terms.ok) return STATUS_EXACT_FAILED;
  const priced = priceRound(capTable, terms.value);
  if (!priced.ok) return STATUS_EXACT_FAILED;
  const o = priced.value;
  const view = capTableView(o.after);
  const fd = new Map(view.holders.map((h) => [h.holder, h.fullyDiluted]));
  out[offset + METRIC_ROUND_SIZE] = o.newMoney.amount.toNumber();
  out[offset + METRIC_PRICE] = o.pricePerShare.amount.toNumber();
  out[offset + METRIC_PRE_MONEY] = o.preMoneyValuation.amount.toNumber();
  out[offset + METRIC_POST_MONEY] = o.postMoneyValuation.amount.toNumber();
  out[offset + METRIC_FULLY_DILUTED] = Number(view.totals.fullyDiluted);
  for (const h of round.holders) {
    if (h.slot >= 0) out[offset + METRIC_FIXED + h.slot] = Number(fd.get(h.holder) ?? 0n);
  }
  return STATUS_OK;
}

/** The scenario's sampled values as exact quantity values (each float read as its shortest decimal). */
export function scenarioValues(
  plan: SimulationPlan,
  buffers: SimulationBuffers,
  index: number,
): Map<QuantityId, Rational> {
  const n = plan.round.quantityCount;
  const values = new Map<QuantityId, Rational>();
  plan.quantities.forEach((q, j) => {
    values.set(q.id, Rational.fromNumberText(buffers.quantities[index * n + j]!));
  });
  return values;
}

/**
 * Prices with the exact engine every scenario the fast path sent back (STATUS_EXACT),
 * in scenario order, on the calling thread. Returns how many it priced.
 */
export function completeExactScenarios(
  plan: SimulationPlan,
  buffers: SimulationBuffers,
  capTable: CapTable,
  template: RoundTemplate,
): number {
  let count = 0;
  for (let i = 0; i < buffers.runs; i++) {
    if (buffers.status[i] !== STATUS_EXACT) continue;
    const status = exactScenarioMetrics(
      plan.round,
      capTable,
      template,
      scenarioValues(plan, buffers, i),
      buffers.metrics,
      i * plan.metricWidth,
    );
    buffers.status[i] = status === STATUS_OK ? STATUS_EXACT : status;
    count++;
  }
  return count;
}

/**
 * Summarizes the buffers (UNC-SIM-5): statistics of the round size, price, valuations,
 * sampled quantities, and each holder's ownership and dilution. A holder the round does
 * not touch owns fd_h / T after it, so its statistics are fd_h times those of 1/T: one
 * series serves all of them, however many there are (UNC-SIM-6).
 */
export function summarizeSimulation(
  plan: SimulationPlan,
  buffers: SimulationBuffers,
  seed: bigint,
): SimulationSummary {
  const runs = buffers.runs;
  const width = plan.metricWidth;
  const n = plan.round.quantityCount;
  const validIndex: number[] = [];
  const failures = new Map<number, number>();
  let exactScenarios = 0;
  for (let i = 0; i < runs; i++) {
    const s = buffers.status[i]!;
    if (s === STATUS_OK || s === STATUS_EXACT) {
      validIndex.push(i);
      if (s === STATUS_EXACT) exactScenarios++;
    } else failures.set(s, (failures.get(s) ?? 0) + 1);
  }
  const count = validIndex.length;
  const series = (read: (i: number) => number) => {
    const values = new Float64Array(count);
    for (let k = 0; k < count; k++) values[k] = read(validIndex[k]!);
    return values;
  };
  const metric = (m: number) => describeSample(series((i) => buffers.metrics[i * width + m]!));
  const before = plan.round.existing;
  const inverse = describeSample(series((i) => 1 / buffers.metrics[i * width + METRIC_FULLY_DILUTED]!));
  const dilutionOfOthers = describeSample(
    series((i) => 1 - before / buffers.metrics[i * width + METRIC_FULLY_DILUTED]!),
  );
  const holders: HolderSummary[] = plan.round.holders.map((h) => {
    const ownershipBefore = before > 0 ? h.fullyDilutedBefore / before : 0;
    if (h.slot < 0) {
      return {
        holder: h.holder,
        name: h.name,
        ownershipBefore,
        takesPart: false,
        ownership: scaleStatistics(inverse, h.fullyDilutedBefore),
        dilution: ownershipBefore > 0 ? scaleStatistics(dilutionOfOthers, 1) : undefined,
      };
    }
    const at = (i: number) => i * width + METRIC_FIXED + h.slot;
    const ownership = describeSample(
      series((i) => buffers.metrics[at(i)]! / buffers.metrics[i * width + METRIC_FULLY_DILUTED]!),
    );
    const dilution =
      ownershipBefore > 0
        ? describeSample(
            series(
              (i) =>
                1 -
                buffers.metrics[at(i)]! /
                  buffers.metrics[i * width + METRIC_FULLY_DILUTED]! /
                  ownershipBefore,
            ),
          )
        : undefined;
    return { holder: h.holder, name: h.name, ownershipBefore, takesPart: true, ownership, dilution };
  });
  return {
    seed: seed.toString(),
    runs,
    valid: count,
    exactScenarios,
    failures: [...failures.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([code, c]) => ({ reason: STATUS_TEXT[code] ?? `status ${code}`, count: c })),
    claims: plan.claims,
    assumptions: plan.sampler.assumptions,
    roundSize: metric(METRIC_ROUND_SIZE),
    pricePerShare: metric(METRIC_PRICE),
    preMoney: metric(METRIC_PRE_MONEY),
    postMoney: metric(METRIC_POST_MONEY),
    quantities: plan.quantities.map((q, j) => ({
      quantity: q.id,
      label: q.label,
      value: describeSample(series((i) => buffers.quantities[i * n + j]!)),
    })),
    dilutionOfOthers,
    holders,
  };
}

export interface RunOptions {
  readonly runs: number;
  readonly seed: bigint;
  /** Called with the number of scenarios done so far. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** Checks a run count against LIMITS.simulationRuns. */
export function checkRuns(runs: number): Result<number> {
  if (!Number.isSafeInteger(runs) || runs < 1)
    return fail("usage", `runs must be a positive whole number, got ${runs}`);
  if (runs > LIMITS.simulationRuns) {
    return fail("input_too_large", `${runs} runs; at most ${LIMITS.simulationRuns} are accepted`);
  }
  return ok(runs);
}

/**
 * Runs a whole simulation on the calling thread (UNC-SIM-1..6): all scenarios, the exact
 * fallbacks, the summary. The worker-thread runner (src/adapters) gives the same summary.
 */
export function runSimulation(
  plan: SimulationPlan,
  capTable: CapTable,
  template: RoundTemplate,
  options: RunOptions,
): Result<SimulationSummary> {
  const runs = checkRuns(options.runs);
  if (!runs.ok) return runs;
  const buffers = allocateSimulationBuffers(plan, options.runs);
  simulateRange(plan, options.seed, 0, options.runs, buffers, (done) =>
    options.onProgress?.(done, options.runs),
  );
  completeExactScenarios(plan, buffers, capTable, template);
  return ok(summarizeSimulation(plan, buffers, options.seed));
}
