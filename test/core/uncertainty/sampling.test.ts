import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rat } from "../../../src/core/exact/rational.js";
import { ScenarioRandom, splitmix64Output } from "../../../src/core/uncertainty/rng.js";
import {
  normalCdf,
  normalQuantile,
  sampleShape,
  shapeCdf,
  shapeOf,
} from "../../../src/core/uncertainty/sampling.js";
import { describeSample } from "../../../src/core/uncertainty/statistics.js";

const MASK = (1n << 64n) - 1n;
/** SplitMix64 as written in Vigna's splitmix64.c, on bigints. */
function referenceSplitmix(seed: bigint, k: number): bigint {
  let z = (seed + BigInt(k) * 0x9e3779b97f4a7c15n) & MASK;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK;
  return z ^ (z >> 31n);
}

describe("UNC-SIM-1 the random numbers", () => {
  it("SplitMix64 matches the reference, including its published first output for seed 0", () => {
    expect(splitmix64Output(0n, 1)).toBe(0xe220a8397b1dcdafn);
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: MASK }), fc.integer({ min: 1, max: 2 ** 31 }), (seed, k) => {
        expect(splitmix64Output(seed, k)).toBe(referenceSplitmix(seed, k));
      }),
      { numRuns: 200 },
    );
  });

  it("xoshiro128** from a known state matches the reference algorithm", () => {
    // State for scenario 0 of seed 1 is SplitMix64 outputs 1 and 2; check the next outputs by a bigint model.
    const rng = new ScenarioRandom(1n);
    rng.startScenario(0);
    const a = referenceSplitmix(1n, 1);
    const b = referenceSplitmix(1n, 2);
    let s = [Number(a >> 32n), Number(a & 0xffffffffn), Number(b >> 32n), Number(b & 0xffffffffn)].map(
      (x) => x >>> 0,
    );
    const rotl = (x: number, k: number) => ((x << k) | (x >>> (32 - k))) >>> 0;
    for (let i = 0; i < 20; i++) {
      const expected = Number(
        (BigInt(rotl(Number((BigInt(s[1]!) * 5n) & 0xffffffffn), 7)) * 9n) & 0xffffffffn,
      );
      expect(rng.nextUint32()).toBe(expected);
      const t = (s[1]! << 9) >>> 0;
      s = [s[0]!, s[1]!, (s[2]! ^ s[0]!) >>> 0, (s[3]! ^ s[1]!) >>> 0];
      s[1] = (s[1]! ^ s[2]!) >>> 0;
      s[0] = (s[0]! ^ s[3]!) >>> 0;
      s[2] = (s[2]! ^ t) >>> 0;
      s[3] = rotl(s[3]!, 11);
    }
  });

  it("a scenario's numbers depend only on the seed and its index", () => {
    const one = new ScenarioRandom(7n);
    const two = new ScenarioRandom(7n);
    one.startScenario(5);
    const first = [one.nextFloat(), one.nextFloat()];
    two.startScenario(3);
    two.nextFloat();
    two.startScenario(5);
    expect([two.nextFloat(), two.nextFloat()]).toEqual(first);
  });
});

describe("UNC-SIM-2 sampling converges to the analytic values", () => {
  const N = 200_000;
  function draw(d: Parameters<typeof shapeOf>[0], lo: number, hi: number): Float64Array {
    const shape = shapeOf(d)!;
    const p = Float64Array.from(shape.parameters);
    const flo = shape.code === 2 ? 0 : shapeCdf(shape.code, p, 0, lo);
    const fhi = shape.code === 2 ? 1 : shapeCdf(shape.code, p, 0, hi);
    const rng = new ScenarioRandom(2026n);
    const out = new Float64Array(N);
    for (let i = 0; i < N; i++) {
      rng.startScenario(i);
      out[i] = sampleShape(shape.code, p, 0, lo, hi, flo, fhi, rng);
    }
    return out;
  }
  // Tolerances: 5 standard errors of the mean (σ/√N) and of the percentiles (√(p(1−p)/N)/f(x_p)).
  it("uniform on [10, 30]: mean 20, P5 11, P50 20, P95 29", () => {
    const s = describeSample(draw({ kind: "uniform", min: rat(10), max: rat(30) }, 10, 30));
    const se = 20 / Math.sqrt(12) / Math.sqrt(N);
    expect(Math.abs(s.mean - 20)).toBeLessThan(5 * se);
    const pe = (p: number) => Math.sqrt((p * (1 - p)) / N) * 20 * 5;
    expect(Math.abs(s.p5 - 11)).toBeLessThan(pe(0.05));
    expect(Math.abs(s.p50 - 20)).toBeLessThan(pe(0.5));
    expect(Math.abs(s.p95 - 29)).toBeLessThan(pe(0.95));
    expect(s.min).toBeGreaterThanOrEqual(10);
    expect(s.max).toBeLessThan(30);
  });

  it("triangular (36, 40, 44): mean 40, P5 = 36 + √(0.05 × 64)", () => {
    const s = describeSample(draw({ kind: "triangular", min: rat(36), mode: rat(40), max: rat(44) }, 36, 44));
    // Variance (a² + b² + c² − ab − ac − bc)/18 = 48/18.
    const se = Math.sqrt(48 / 18 / N);
    expect(Math.abs(s.mean - 40)).toBeLessThan(5 * se);
    const p5 = 36 + Math.sqrt(0.05 * 8 * 4);
    const density5 = ((p5 - 36) / (8 * 4)) * 2;
    expect(Math.abs(s.p5 - p5)).toBeLessThan((5 * Math.sqrt((0.05 * 0.95) / N)) / density5);
    expect(Math.abs(s.p50 - 40)).toBeLessThan((5 * Math.sqrt(0.25 / N)) / 0.25);
  });

  it("triangular truncated to [38, 44] keeps the shape: P(X ≤ 40 | X ≥ 38) = 3/7", () => {
    const values = draw({ kind: "triangular", min: rat(36), mode: rat(40), max: rat(44) }, 38, 44);
    let below = 0;
    let min = Number.POSITIVE_INFINITY;
    for (const v of values) {
      if (v < min) min = v;
      if (v <= 40) below++;
    }
    expect(min).toBeGreaterThanOrEqual(38);
    // F(38) = 4/32 = 1/8, F(40) = 1/2: (1/2 − 1/8)/(1 − 1/8) = 3/7.
    expect(Math.abs(below / N - 3 / 7)).toBeLessThan(5 * Math.sqrt(((3 / 7) * (4 / 7)) / N));
  });

  it("PERT (0, 2, 10) has mean (0 + 4·2 + 10)/6 = 3", () => {
    const s = describeSample(
      draw({ kind: "pert", min: rat(0), mode: rat(2), max: rat(10), shape: rat(4) }, 0, 10),
    );
    // α = 1.8, β = 4.2: variance = αβ/((α+β)²(α+β+1)) × 100 = 2.5.
    expect(Math.abs(s.mean - 3)).toBeLessThan(5 * Math.sqrt(2.5 / N));
  });

  it("lognormal with p5 = 700 and p95 = 900 has those percentiles", () => {
    const s = describeSample(
      draw({ kind: "lognormal", p5: rat(700), p95: rat(900) }, 0, Number.POSITIVE_INFINITY),
    );
    expect(Math.abs(s.p5 - 700) / 700).toBeLessThan(0.01);
    expect(Math.abs(s.p95 - 900) / 900).toBeLessThan(0.01);
    expect(Math.abs(s.p50 - Math.sqrt(700 * 900)) / 800).toBeLessThan(0.005);
  });

  it("the normal quantile is within Acklam's stated relative error 1.15e-9 of the true quantile", () => {
    for (const p of [1e-6, 0.001, 0.02, 0.05, 0.3, 0.5, 0.8, 0.975, 0.999999]) {
      // The true quantile by bisection on Φ.
      let lo = -10;
      let hi = 10;
      for (let i = 0; i < 200; i++) {
        const mid = (lo + hi) / 2;
        if (normalCdf(mid) < p) lo = mid;
        else hi = mid;
      }
      const x = (lo + hi) / 2;
      expect(Math.abs(normalQuantile(p) - x)).toBeLessThanOrEqual(1.15e-9 * Math.abs(x) + 1e-12);
    }
    expect(normalCdf(1.6448536269514722)).toBeCloseTo(0.95, 14);
  });
});

describe("UNC-SIM-5 statistics", () => {
  it("nearest-rank percentiles, mean and histogram of a known sample", () => {
    const values = Float64Array.from({ length: 100 }, (_, i) => 100 - i); // 100 … 1
    const s = describeSample(values, 4);
    expect([s.p5, s.p25, s.p50, s.p75, s.p95, s.mean, s.min, s.max]).toEqual([
      5, 25, 50, 75, 95, 50.5, 1, 100,
    ]);
    expect(s.histogram!.counts).toEqual([25, 25, 25, 25]);
  });
  it("percentiles by selection equal those of a full sort", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 300 }),
        (xs) => {
          const sorted = [...xs].sort((a, b) => a - b);
          const at = (p: number) =>
            sorted[Math.min(xs.length - 1, Math.max(0, Math.ceil(p * xs.length) - 1))];
          const s = describeSample(Float64Array.from(xs), 0);
          expect([s.p5, s.p25, s.p50, s.p75, s.p95]).toEqual([
            at(0.05),
            at(0.25),
            at(0.5),
            at(0.75),
            at(0.95),
          ]);
        },
      ),
      { numRuns: 150 },
    );
  });
});
