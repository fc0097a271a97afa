import { describe, expect, it } from "vitest";
import { runSimulationInWorkers } from "../../../src/adapters/simulation-workers.js";
import type { ClaimId } from "../../../src/core/uncertainty/claim.js";
import { reconcile } from "../../../src/core/uncertainty/reconcile.js";
import {
  allocateSimulationBuffers,
  planSimulation,
  runSimulation,
  type SimulationPlan,
  simulateRange,
} from "../../../src/core/uncertainty/simulate.js";
import {
  FOUNDING,
  foundingCapTable,
  foundingClaimSet,
  foundingTemplate,
} from "../../support/round-fixtures.js";

const set = foundingClaimSet();
const readings = reconcile(set, { ranges: false }).readings;
const table = foundingCapTable();
const template = foundingTemplate();

function plan(claims: readonly ClaimId[]): SimulationPlan {
  const p = planSimulation(set, claims, table, template);
  if (!p.ok) throw new Error(p.problems[0]!.message);
  return p.value;
}

describe("UNC-SIM-1 a fixed seed reproduces a simulation byte for byte", () => {
  const p = plan(readings[0]!.claims);
  it("same seed, same JSON; another seed, another JSON", () => {
    const a = runSimulation(p, table, template, { runs: 20_000, seed: 42n });
    const b = runSimulation(p, table, template, { runs: 20_000, seed: 42n });
    const c = runSimulation(p, table, template, { runs: 20_000, seed: 43n });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(c));
  });

  it("any split of the scenario range fills the same buffers", () => {
    const whole = allocateSimulationBuffers(p, 5_000);
    simulateRange(p, 9n, 0, 5_000, whole);
    const split = allocateSimulationBuffers(p, 5_000);
    simulateRange(p, 9n, 3_000, 5_000, split);
    simulateRange(p, 9n, 0, 1_234, split);
    simulateRange(p, 9n, 1_234, 3_000, split);
    expect(Buffer.from(split.metrics.buffer).equals(Buffer.from(whole.metrics.buffer))).toBe(true);
    expect(Buffer.from(split.quantities.buffer).equals(Buffer.from(whole.quantities.buffer))).toBe(true);
    expect(split.status).toEqual(whole.status);
  });

  it("chunks run into buffers of their own (SRV-6's workers), laid end to end, are the whole run's bytes", () => {
    const whole = allocateSimulationBuffers(p, 5_000);
    simulateRange(p, 9n, 0, 5_000, whole);
    const bounds = [0, 1_700, 1_701, 4_096, 5_000];
    const parts = bounds.slice(1).map((to, k) => {
      const from = bounds[k]!;
      const chunk = allocateSimulationBuffers(p, to - from);
      simulateRange(p, 9n, from, to, chunk, undefined, from);
      return chunk;
    });
    const joined = (pick: (b: ReturnType<typeof allocateSimulationBuffers>) => Uint8Array | Float64Array) =>
      Buffer.concat(parts.map((b) => Buffer.from(pick(b).buffer)));
    expect(joined((b) => b.status).equals(Buffer.from(whole.status.buffer))).toBe(true);
    expect(joined((b) => b.metrics).equals(Buffer.from(whole.metrics.buffer))).toBe(true);
    expect(joined((b) => b.quantities).equals(Buffer.from(whole.quantities.buffer))).toBe(true);
  });
});

describe("UNC-SIM-4 worker threads", () => {
  it("1 and 2 workers give byte-identical JSON, and report progress", async () => {
    const p = plan(readings[0]!.claims);
    const progress: number[] = [];
    const one = await runSimulationInWorkers(p, table, template, { runs: 30_000, seed: 2026n, workers: 1 });
    const two = await runSimulationInWorkers(p, table, template, {
      runs: 30_000,
      seed: 2026n,
      workers: 2,
      onProgress: (done) => progress.push(done),
    });
    expect(one.ok && two.ok).toBe(true);
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));
    expect(progress[progress.length - 1]).toBe(30_000);
    const direct = runSimulation(p, table, template, { runs: 30_000, seed: 2026n });
    expect(JSON.stringify(direct)).toBe(JSON.stringify(one));
  });

  it("a cancelled simulation on workers stops them and reports that it was cancelled", async () => {
    const p = plan(readings[0]!.claims);
    const runs = 4_000_000;
    const abort = new AbortController();
    let last = 0;
    const result = await runSimulationInWorkers(p, table, template, {
      runs,
      seed: 7n,
      workers: 2,
      signal: abort.signal,
      onProgress: (done) => {
        last = done;
        abort.abort();
      },
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.code).toBe("simulation_cancelled");
    expect(last).toBeLessThan(runs);
    const before = await runSimulationInWorkers(p, table, template, {
      runs: 10,
      seed: 7n,
      signal: abort.signal,
    });
    expect(before.ok).toBe(false);
  });
});

describe("UNC-SIM-3 draws respect the reconciled constraints", () => {
  it("with the $60B subtotal every draw has A + N + M = 60, A > 20, size ≤ 100 and valuation within ±10% of 830", () => {
    const claims = readings.find((r) => r.claims.includes("group-60" as ClaimId))!.claims;
    const p = plan(claims);
    const runs = 20_000;
    const buffers = allocateSimulationBuffers(p, runs);
    simulateRange(p, 5n, 0, runs, buffers);
    const n = p.round.quantityCount;
    const j = (id: string) => p.quantities.findIndex((q) => q.id === id);
    let worst = 0;
    for (let i = 0; i < runs; i++) {
      if (buffers.status[i] !== 0) continue;
      const x = (id: string) => buffers.quantities[i * n + j(id)]!;
      worst = Math.max(
        worst,
        Math.abs(x(FOUNDING.amazon) + x(FOUNDING.nvidia) + x(FOUNDING.microsoft) - 60e9) / 60e9,
      );
      expect(x(FOUNDING.amazon)).toBeGreaterThan(20e9);
      expect(x(FOUNDING.microsoft)).toBeLessThan(10e9);
      expect(x(FOUNDING.size)).toBeLessThanOrEqual(100e9 * (1 + 1e-12));
      expect(x(FOUNDING.valuation)).toBeGreaterThanOrEqual(747e9);
      expect(x(FOUNDING.valuation)).toBeLessThanOrEqual(913e9);
    }
    expect(worst).toBeLessThan(1e-12);
  });

  it("summarizes size, price, valuations and every holder; others' dilution is 1 − T0/T", () => {
    const result = runSimulation(plan(readings[0]!.claims), table, template, { runs: 20_000, seed: 1n });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const s = result.value;
    expect(s.valid).toBe(20_000);
    const microsoft = s.holders.find((h) => h.holder === "microsoft")!;
    expect(microsoft.ownershipBefore).toBeCloseTo(0.27, 15);
    expect(microsoft.takesPart).toBe(true);
    const foundation = s.holders.find((h) => h.holder === "foundation")!;
    expect(foundation.takesPart).toBe(false);
    // The foundation's ownership after is 0.26 × (1 − dilution) in every scenario: so are the mean and the extremes.
    expect(foundation.ownership.mean).toBeCloseTo(0.26 * (1 - s.dilutionOfOthers.mean), 12);
    expect(foundation.ownership.min).toBeCloseTo(0.26 * (1 - s.dilutionOfOthers.max), 12);
    expect(s.roundSize.p5).toBeLessThan(s.roundSize.p50);
    expect(s.roundSize.p95).toBeLessThanOrEqual(100e9 * (1 + 1e-9));
    expect(s.postMoney.p50).toBeGreaterThan(747e9);
  });

  it("a simulation over claims that leave a quantity unbounded is refused with a clear problem", () => {
    const claims = readings[0]!.claims.filter((c) => c !== "valuation-about-830");
    const r = planSimulation(set, claims, table, template);
    expect(!r.ok && r.problems[0]!.code).toBe("quantity_unbounded");
    expect(!r.ok && r.problems[0]!.message).toContain("Round X post-money valuation has no upper bound");
  });

  it("too many runs is an input_too_large problem", () => {
    const r = runSimulation(plan(readings[0]!.claims), table, template, { runs: 1e9, seed: 1n });
    expect(!r.ok && r.problems[0]!.code).toBe("input_too_large");
  });
});
