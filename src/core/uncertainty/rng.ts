/**
 * The simulation's random numbers (SPEC UNC-SIM-1): seeded, reproducible, and split by
 * scenario so that scenario i draws the same numbers however the runs are shared out
 * between workers.
 *
 * - SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators",
 *   OOPSLA 2014; the constants of Vigna's reference `splitmix64.c`) turns the 64-bit seed
 *   into well-mixed words: its k-th output mixes seed + k × 0x9E3779B97F4A7C15.
 * - Scenario i's generator is xoshiro128** 1.1 (Blackman and Vigna, "Scrambled linear
 *   pseudorandom number generators", 2018) with its 128-bit state set from SplitMix64
 *   outputs 2i + 1 and 2i + 2 (high word first). An all-zero state, which xoshiro cannot
 *   leave, becomes state word s0 = 1.
 * - A uniform float in [0, 1) takes 53 bits from two 32-bit outputs:
 *   ((a >>> 5) × 2^26 + (b >>> 6)) / 2^53.
 *
 * Everything is 32-bit integer arithmetic (Math.imul), so it is exact and the same on
 * every platform; no state is allocated per scenario.
 */
export class ScenarioRandom {
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private s3 = 0;
  private readonly seedHi: number;
  private readonly seedLo: number;

  /** `seed`: any integer 0 ≤ seed < 2^64. */
  constructor(seed: bigint) {
    const s = BigInt.asUintN(64, seed);
    this.seedHi = Number(s >> 32n) | 0;
    this.seedLo = Number(s & 0xffffffffn) | 0;
  }

  /** Positions the generator at the start of scenario `index` (0 ≤ index < 2^31). */
  startScenario(index: number): void {
    splitmixOutput(this.seedHi, this.seedLo, 2 * index + 1);
    this.s0 = out[0]!;
    this.s1 = out[1]!;
    splitmixOutput(this.seedHi, this.seedLo, 2 * index + 2);
    this.s2 = out[0]!;
    this.s3 = out[1]!;
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** The next 32-bit output of xoshiro128**, as an unsigned integer. */
  nextUint32(): number {
    return this.nextInt32() >>> 0;
  }

  /**
   * The next output as a signed 32-bit integer: the same bits, kept in V8's small-integer
   * range so that drawing allocates nothing.
   */
  private nextInt32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9);
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** A uniform float in [0, 1) with 53 random bits. */
  nextFloat(): number {
    const a = this.nextInt32() >>> 5;
    const b = this.nextInt32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

// Results of the 64-bit helpers, as two 32-bit halves (high, low), in a typed array so
// that storing them allocates nothing.
const out = new Int32Array(2);

/** (ah:al) × (bh:bl) mod 2^64, into out. Inputs are 32-bit halves (signed or not). */
function mul64(ah: number, al: number, bh: number, bl: number): void {
  const a0 = al & 0xffff;
  const a1 = al >>> 16;
  const b0 = bl & 0xffff;
  const b1 = bl >>> 16;
  const p00 = a0 * b0;
  const p01 = a0 * b1;
  const p10 = a1 * b0;
  const mid = (p00 >>> 16) + (p01 & 0xffff) + (p10 & 0xffff);
  const lowHigh = a1 * b1 + (p01 >>> 16) + (p10 >>> 16) + (mid >>> 16);
  out[1] = ((mid & 0xffff) << 16) | (p00 & 0xffff);
  out[0] = lowHigh + Math.imul(ah, bl) + Math.imul(al, bh);
}

const GAMMA_HI = 0x9e3779b9 | 0;
const GAMMA_LO = 0x7f4a7c15 | 0;
const M1_HI = 0xbf58476d | 0;
const M1_LO = 0x1ce4e5b9 | 0;
const M2_HI = 0x94d049bb | 0;
const M2_LO = 0x133111eb | 0;

/** The k-th SplitMix64 output (k ≥ 1) for the seed, into out. */
function splitmixOutput(seedHi: number, seedLo: number, k: number): void {
  // x = seed + k × γ (mod 2^64); k < 2^32.
  mul64(0, k, GAMMA_HI, GAMMA_LO);
  const sum = (out[1]! >>> 0) + (seedLo >>> 0);
  let lo = sum | 0;
  let hi = (out[0]! + seedHi + (sum > 0xffffffff ? 1 : 0)) | 0;
  // z ^= z >>> 30; z *= M1
  lo ^= (lo >>> 30) | (hi << 2);
  hi ^= hi >>> 30;
  mul64(hi, lo, M1_HI, M1_LO);
  hi = out[0]!;
  lo = out[1]!;
  // z ^= z >>> 27; z *= M2
  lo ^= (lo >>> 27) | (hi << 5);
  hi ^= hi >>> 27;
  mul64(hi, lo, M2_HI, M2_LO);
  hi = out[0]!;
  lo = out[1]!;
  // z ^= z >>> 31
  out[1] = lo ^ ((lo >>> 31) | (hi << 1));
  out[0] = hi ^ (hi >>> 31);
}

/** The k-th SplitMix64 output as a bigint (for tests and documentation). */
export function splitmix64Output(seed: bigint, k: number): bigint {
  const s = BigInt.asUintN(64, seed);
  splitmixOutput(Number(s >> 32n) | 0, Number(s & 0xffffffffn) | 0, k);
  return (BigInt(out[0]! >>> 0) << 32n) | BigInt(out[1]! >>> 0);
}
