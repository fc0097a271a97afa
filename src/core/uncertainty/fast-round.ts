import { convert } from "../exact/money.js";
import { Rational } from "../exact/rational.js";
import { resolveMfnTerms } from "../instruments/mfn.js";
import { noteBalance } from "../instruments/note-interest.js";
import type { CapTable } from "../ledger/cap-table.js";
import type { ConvertibleNote, Safe } from "../ledger/security.js";
import { conversionRatio } from "../ledger/share-class.js";
import { capTableView } from "../ledger/views.js";
import type { StakeholderId } from "../shared/ids.js";
import { fail, ok, type Result } from "../shared/problem.js";
import type { QuantityModel } from "./quantity.js";
import type { AmountSource, RoundTemplate } from "./round-template.js";
import { type SparseRows, sparseRows } from "./sparse-rows.js";

/**
 * The fast float64 path of a priced round (SPEC UNC-FAST-1..UNC-FAST-4): the same
 * computation as `priceRound` and `solvePricing`, on floats, for the terms it supports,
 * compiled once per simulation into typed arrays. Everything that does not depend on the
 * sampled quantities (the cap table's fully diluted count, each holder's shares, the
 * convertibles' amounts, caps and pro-rata fractions, the MFN terms, note interest at the
 * round date) is computed exactly once, here, and rounded to floats once.
 *
 * Supported: a price from a pre-money or post-money valuation or a price per share; the
 * three conversion methods; pool top-ups by shares or to a target fraction, in or out of
 * the pre-money; SAFEs and notes at their cap or discount, chosen by the same policy
 * iteration as the exact solver; pro-rata purchases; a target size with pro-rata cutback
 * or lead priority; whole-share rounding down or to nearest; a stated price precision,
 * with the exact engine's whole-share pass. Refused at compile time
 * (`simulation_unsupported`): a round, conversion or pool class
 * that does not convert one for one (its as-converted count would need per-holder
 * rounding); amounts in a currency other than the cap table's. Sent back to the exact path
 * scenario by scenario: a round priced below a protected class's conversion price, where
 * anti-dilution changes every protected holder's as-converted count.
 */
export interface FastRoundPlan {
  readonly quantityCount: number;
  /** Fully diluted shares before the round (FD-1). */
  readonly existing: number;
  readonly pricingBasis: number;
  readonly pricingConstant: number;
  readonly pricingCoefficients: SparseRows;
  readonly method: number;
  readonly poolKind: number;
  readonly poolShares: number;
  readonly poolFraction: number;
  readonly poolBase: number;
  readonly poolInPreMoney: boolean;
  readonly convertibleCount: number;
  readonly convertibleAmount: Float64Array;
  /** NaN when uncapped. */
  readonly convertibleCap: Float64Array;
  /** 1 when the convertible has a valuation cap. */
  readonly convertibleCapped: Uint8Array;
  readonly convertibleDiscount: Float64Array;
  readonly convertiblePostBasis: Uint8Array;
  readonly convertibleSlot: Int32Array;
  readonly convertibleAmountSum: number;
  /** amount / cap of each capped convertible, exact: decides whole shares a float cannot (UNC-FAST-3). */
  readonly convertibleRatioNum: readonly bigint[];
  readonly convertibleRatioDen: readonly bigint[];
  readonly investmentCount: number;
  readonly investmentConstant: Float64Array;
  readonly investmentCoefficients: SparseRows;
  /** 1 for a pro-rata purchase whose amount the round computes. */
  readonly investmentProRata: Uint8Array;
  readonly investmentLead: Uint8Array;
  readonly investmentFraction: Float64Array;
  readonly investmentSlot: Int32Array;
  readonly hasTarget: boolean;
  readonly targetConstant: number;
  readonly targetCoefficients: SparseRows;
  readonly leadPriority: boolean;
  readonly roundInvestorsNearest: boolean;
  readonly roundConvertiblesNearest: boolean;
  readonly roundPoolNearest: boolean;
  /** A stated price precision: decimal places (-1 for none), mode (0 up, 1 down, 2 half-up), shares from the rounded price. */
  readonly pricePlaces: number;
  readonly priceRounding: number;
  readonly sharesFromRoundedPrice: boolean;
  /**
   * The highest conversion price among classes with anti-dilution protection (0 when
   * none): a round priced below it adjusts some class, so the exact engine prices it.
   */
  readonly protectedConversionPrice: number;
  /** Shares the round's class may still issue (Infinity when unlimited). */
  readonly roundClassRoom: number;
  readonly conversionClassRoom: number;
  readonly conversionIntoRoundClass: boolean;
  /** Fully diluted shares before the round of each tracked holder (investors and convertible holders). */
  readonly trackedCount: number;
  readonly trackedFullyDiluted: Float64Array;
  readonly holders: readonly FastHolder[];
}

export interface FastHolder {
  readonly holder: StakeholderId;
  readonly name: string;
  readonly fullyDilutedBefore: number;
  /** The tracked slot, or −1 for a holder the round does not touch. */
  readonly slot: number;
}

/** Metric layout of one scenario: these, then each tracked holder's fully diluted shares after. */
export const METRIC_ROUND_SIZE = 0;
export const METRIC_PRICE = 1;
export const METRIC_PRE_MONEY = 2;
export const METRIC_POST_MONEY = 3;
export const METRIC_FULLY_DILUTED = 4;
export const METRIC_FIXED = 5;

/** Scenario status codes written by the kernels (UNC-FAST-3). */
export const STATUS_OK = 0;
export const STATUS_EXACT = 1;
export const STATUS_SAMPLING_FAILED = 2;
export const STATUS_NEGATIVE_AMOUNT = 3;
export const STATUS_PRO_RATA_WHOLE_ROUND = 4;
export const STATUS_PRO_RATA_ABOVE_TARGET = 5;
export const STATUS_NO_POSITIVE_PRICE = 6;
export const STATUS_NEGATIVE_POOL = 7;
export const STATUS_NEGATIVE_CONVERSION = 8;
export const STATUS_UNSETTLED = 9;
export const STATUS_UNDETERMINED = 10;
export const STATUS_ABOVE_AUTHORIZED = 11;
export const STATUS_EXACT_FAILED = 12;

export const STATUS_TEXT: readonly string[] = [
  "ok",
  "priced by the exact engine (anti-dilution applies, or a share count lies on a rounding boundary)",
  "no draw satisfied the claims within the attempt limit",
  "an amount or the valuation came out negative or zero",
  "the pro-rata purchases claim the whole round or more",
  "the pro-rata purchases alone exceed the round's target size",
  "the terms give no positive price per share",
  "the pool top-up came out negative",
  "a conversion came out negative",
  "the conversions did not settle on one consistent outcome",
  "the terms do not determine a price",
  "the round would issue more shares than its class authorizes",
  "the exact engine refused the scenario",
];

function sourceVector(source: AmountSource | undefined, index: ReadonlyMap<string, number>, n: number) {
  const coefficients = new Float64Array(n);
  if (!source) return { constant: 0, coefficients };
  if (source.kind === "fixed") return { constant: source.value.amount.toNumber(), coefficients };
  for (const term of source.expression.terms) {
    const j = index.get(term.quantity);
    if (j === undefined) throw new Error(`fast round: unknown quantity ${term.quantity}`);
    coefficients[j] = coefficients[j]! + term.coefficient.toNumber();
  }
  return { constant: source.expression.constant.toNumber(), coefficients };
}

/** Compiles the fast path for a round template on a cap table (UNC-FAST-1, UNC-FAST-2). */
export function planFastRound(
  capTable: CapTable,
  template: RoundTemplate,
  model: QuantityModel,
): Result<FastRoundPlan> {
  const terms = template.terms;
  const currency = capTable.company.currency;
  const unsupported = (why: string) =>
    fail("simulation_unsupported", `round ${terms.name}: the fast simulation path ${why}`, [
      "rounds",
      terms.id,
    ]);
  for (const source of [
    template.pricing.value,
    template.targetSize,
    ...template.investments.map((i) => i.amount),
  ]) {
    if (source?.kind === "fixed" && source.value.currency !== currency) {
      return unsupported(
        `takes amounts in ${currency} only; state ${source.value.currency} amounts in ${currency}`,
      );
    }
  }
  if (terms.payToPlay) {
    return unsupported(
      "does not apply a pay-to-play term (P2P-6), which changes who holds what after the round; model the round without simulating it",
    );
  }
  if (terms.closings.some((c) => c.pricePerShare !== undefined)) {
    return unsupported(
      "prices every share at the round's price and does not take a milestone tranche with its own price (TRANCHE-2) yet; model the round without simulating it",
    );
  }
  const classId = terms.newClass?.id ?? terms.existingClassId;
  if (classId === undefined) return fail("round_invalid", `round ${terms.name} names no class to sell`);
  if (terms.newClass && capTable.classes.has(terms.newClass.id)) {
    return fail(
      "deal_duplicate_id",
      `round ${terms.name} creates class "${terms.newClass.id}", which already exists`,
    );
  }
  const roundClass = terms.newClass ?? capTable.classes.get(classId);
  if (!roundClass)
    return fail("deal_unknown_reference", `round ${terms.name} sells unknown class "${classId}"`);
  // A new class's ratio is base × OIP / CP, with both defaulting to the round price.
  const newClassRatio =
    terms.newClass === undefined
      ? undefined
      : terms.newClass.originalIssuePrice === undefined && terms.newClass.conversionPrice !== undefined
        ? undefined
        : conversionRatio({
            ...terms.newClass,
            originalIssuePrice: terms.newClass.originalIssuePrice,
            conversionPrice: terms.newClass.conversionPrice ?? terms.newClass.originalIssuePrice,
          });
  const roundRatio = terms.newClass ? newClassRatio : conversionRatio(roundClass);
  if (roundRatio === undefined || !roundRatio.eq(Rational.ONE)) {
    return unsupported("needs the round's class to convert one for one into common");
  }
  const conversionClassId = terms.conversionClassId ?? classId;
  const conversionClass =
    conversionClassId === classId ? roundClass : capTable.classes.get(conversionClassId);
  if (!conversionClass) {
    return fail(
      "deal_unknown_reference",
      `round ${terms.name} converts into unknown class "${conversionClassId}"`,
    );
  }
  if (conversionClassId !== classId && !conversionRatio(conversionClass).eq(Rational.ONE)) {
    return unsupported("needs the conversion class to convert one for one into common");
  }
  if (terms.pool.kind !== "none") {
    const pool = capTable.pools.get(terms.pool.poolId);
    if (!pool)
      return fail(
        "deal_unknown_reference",
        `round ${terms.name} tops up unknown pool "${terms.pool.poolId}"`,
      );
    const poolClass = capTable.classes.get(pool.classId)!;
    if (!conversionRatio(poolClass).eq(Rational.ONE)) {
      return unsupported("needs the pool's class to convert one for one into common");
    }
  }
  const n = model.quantities.length;
  const index = new Map(model.quantities.map((q, j) => [q.id as string, j]));
  const view = capTableView(capTable);
  const existing = view.totals.fullyDiluted;
  const holderFd = new Map(view.holders.map((h) => [h.holder, h.fullyDiluted]));

  // Convertibles, as priceRound reads them.
  const safesAndNotes = [...capTable.securities.values()].filter(
    (s): s is Safe | ConvertibleNote => s.kind === "safe" || s.kind === "note",
  );
  safesAndNotes.sort((a, b) =>
    a.issueDate < b.issueDate ? -1 : a.issueDate > b.issueDate ? 1 : a.id < b.id ? -1 : 1,
  );
  const mfn = resolveMfnTerms(safesAndNotes, terms.date);
  const k = safesAndNotes.length;
  const convertibleAmount = new Float64Array(k);
  // amount / cap, exact, as numerator and denominator (bigints survive the copy to workers).
  const convertibleRatioNum: bigint[] = [];
  const convertibleRatioDen: bigint[] = [];
  const convertibleCap = new Float64Array(k);
  const convertibleDiscount = new Float64Array(k);
  const convertiblePostBasis = new Uint8Array(k);
  const convertibleSlot = new Int32Array(k);
  const slots = new Map<StakeholderId, number>();
  const slotOf = (holder: StakeholderId) => {
    let s = slots.get(holder);
    if (s === undefined) {
      s = slots.size;
      slots.set(holder, s);
    }
    return s;
  };
  let amountSum = Rational.ZERO;
  let postCapClaim = Rational.ZERO;
  for (const [i, s] of safesAndNotes.entries()) {
    const effective = mfn.terms.get(s.id)!;
    const raw =
      s.kind === "safe"
        ? s.purchaseAmount
        : terms.conventions.noteInterestConverts
          ? noteBalance(s, terms.date)
          : s.principal;
    const amount = convert(raw, currency, capTable.company.exchangeRates);
    const cap =
      effective.valuationCap && convert(effective.valuationCap, currency, capTable.company.exchangeRates);
    if (!amount || (effective.valuationCap && !cap)) {
      return fail("currency_without_rate", `security "${s.id}" is in a currency with no rate to ${currency}`);
    }
    amountSum = amountSum.add(amount.amount);
    convertibleAmount[i] = amount.amount.toNumber();
    convertibleCap[i] = cap ? cap.amount.toNumber() : Number.NaN;
    const ratio = cap ? amount.amount.div(cap.amount) : Rational.ZERO;
    convertibleRatioNum.push(ratio.num);
    convertibleRatioDen.push(ratio.den);
    convertibleDiscount[i] = (effective.discount ?? Rational.ZERO).toNumber();
    convertiblePostBasis[i] = effective.capBasis === "post_money" ? 1 : 0;
    if (cap && effective.capBasis === "post_money")
      postCapClaim = postCapClaim.add(amount.amount.div(cap.amount));
    convertibleSlot[i] = slotOf(s.holder);
  }
  if (postCapClaim.gte(Rational.ONE)) {
    return fail(
      "round_terms_infeasible",
      `round ${terms.name}: post-money SAFE caps together claim ${postCapClaim.mulInt(100n).toDecimalString(4)}% of the company capitalization; they must claim less than 100%`,
    );
  }

  // Investments.
  const investmentCount = template.investments.length;
  const investmentConstant = new Float64Array(investmentCount);
  const investmentCoefficients = new Float64Array(investmentCount * n);
  const investmentProRata = new Uint8Array(investmentCount);
  const investmentLead = new Uint8Array(investmentCount);
  const investmentFraction = new Float64Array(investmentCount);
  const investmentSlot = new Int32Array(investmentCount);
  for (const [i, inv] of template.investments.entries()) {
    if (!capTable.stakeholders.has(inv.investor)) {
      return fail(
        "deal_unknown_reference",
        `round ${terms.name} has an investment by unknown stakeholder "${inv.investor}"`,
      );
    }
    const v = sourceVector(inv.amount, index, n);
    investmentConstant[i] = v.constant;
    investmentCoefficients.set(v.coefficients, i * n);
    investmentProRata[i] = inv.amount === undefined ? 1 : 0;
    investmentLead[i] = inv.lead ? 1 : 0;
    if (inv.proRata) {
      let f = existing === 0n ? Rational.ZERO : Rational.of(holderFd.get(inv.investor) ?? 0n, existing);
      for (const s of safesAndNotes) {
        if (
          s.holder === inv.investor &&
          s.kind === "safe" &&
          s.safeType === "post_money" &&
          s.valuationCap &&
          s.proRataRights
        ) {
          f = f.add(s.purchaseAmount.amount.div(s.valuationCap.amount));
        }
      }
      investmentFraction[i] = f.toNumber();
    }
    investmentSlot[i] = slotOf(inv.investor);
  }
  const pricing = sourceVector(template.pricing.value, index, n);
  const target = sourceVector(template.targetSize, index, n);

  // Pool.
  let poolKind = 0;
  let poolShares = 0;
  let poolFraction = 0;
  let poolBase = 0;
  let poolInPreMoney = false;
  const pool = terms.pool;
  if (pool.kind === "shares") {
    poolKind = 1;
    poolShares = Number(pool.shares);
    poolInPreMoney = pool.inPreMoney;
  } else if (pool.kind === "target_fraction") {
    if (pool.fraction.isNegative() || pool.fraction.gte(Rational.ONE)) {
      return fail(
        "round_terms_infeasible",
        `round ${terms.name} targets a pool of ${pool.fraction.mulInt(100n).toDecimalString(4)}% of the post-money; it must be below 100%`,
      );
    }
    poolKind = 2;
    const position = view.pools.find((p) => p.pool === pool.poolId)!;
    poolFraction = pool.fraction.toNumber();
    poolBase = Number(pool.of === "unallocated" ? position.available : position.available + position.granted);
    poolInPreMoney = pool.inPreMoney;
  }

  // Anti-dilution and authorized shares.
  let protectedConversionPrice = 0;
  for (const c of capTable.classes.values()) {
    if (c.type !== "preferred" || !c.conversionPrice || c.antiDilution === "none") continue;
    const cp = convert(c.conversionPrice, currency, capTable.company.exchangeRates);
    if (cp) protectedConversionPrice = Math.max(protectedConversionPrice, cp.amount.toNumber());
  }
  const room = (id: string, authorized: bigint | undefined) =>
    authorized === undefined
      ? Number.POSITIVE_INFINITY
      : Number(authorized - (capTable.issuedByClass.get(id as never) ?? 0n));

  const trackedFullyDiluted = new Float64Array(slots.size);
  for (const [holder, s] of slots) trackedFullyDiluted[s] = Number(holderFd.get(holder) ?? 0n);
  const holders: FastHolder[] = [];
  for (const stakeholder of capTable.stakeholders.values()) {
    const slot = slots.get(stakeholder.id) ?? -1;
    const fd = holderFd.get(stakeholder.id);
    if (fd === undefined && slot < 0) continue;
    holders.push({
      holder: stakeholder.id,
      name: stakeholder.name,
      fullyDilutedBefore: Number(fd ?? 0n),
      slot,
    });
  }
  const shareRounding = terms.conventions.shareRounding;
  const precision = terms.conventions.pricePrecision;
  return ok({
    pricePlaces: precision ? precision.places : -1,
    priceRounding: precision ? (precision.rounding === "up" ? 0 : precision.rounding === "down" ? 1 : 2) : 0,
    sharesFromRoundedPrice: precision ? precision.sharesFromRoundedPrice : true,
    quantityCount: n,
    existing: Number(existing),
    pricingBasis:
      template.pricing.basis === "pre_money" ? 0 : template.pricing.basis === "post_money" ? 1 : 2,
    pricingConstant: pricing.constant,
    pricingCoefficients: sparseRows(pricing.coefficients, 1, n),
    method:
      terms.conventions.convertibles === "in_pre_money"
        ? 0
        : terms.conventions.convertibles === "outside_pre_money"
          ? 1
          : 2,
    poolKind,
    poolShares,
    poolFraction,
    poolBase,
    poolInPreMoney,
    convertibleCount: k,
    convertibleAmount,
    convertibleCap,
    convertibleCapped: Uint8Array.from(convertibleCap, (c) => (Number.isNaN(c) ? 0 : 1)),
    convertibleDiscount,
    convertiblePostBasis,
    convertibleSlot,
    convertibleAmountSum: amountSum.toNumber(),
    convertibleRatioNum,
    convertibleRatioDen,
    investmentCount,
    investmentConstant,
    investmentCoefficients: sparseRows(investmentCoefficients, investmentCount, n),
    investmentProRata,
    investmentLead,
    investmentFraction,
    investmentSlot,
    hasTarget: template.targetSize !== undefined,
    targetConstant: target.constant,
    targetCoefficients: sparseRows(target.coefficients, 1, n),
    leadPriority: terms.oversubscription === "lead_priority",
    roundInvestorsNearest: shareRounding.investors === "nearest",
    roundConvertiblesNearest: shareRounding.convertibles === "nearest",
    roundPoolNearest: shareRounding.pool === "nearest",
    protectedConversionPrice,
    roundClassRoom: room(classId, roundClass.authorizedShares),
    conversionClassRoom: room(conversionClassId, conversionClass.authorizedShares),
    conversionIntoRoundClass: conversionClassId === classId,
    trackedCount: slots.size,
    trackedFullyDiluted,
    holders,
  });
}

/**
 * The relative distance to a rounding boundary under which a float share count is
 * ambiguous (UNC-FAST-4): the float error of a computed count is a few units in the last
 * place (about 1e-15 relative), so a count this close to the boundary might round either
 * way on the exact path, and the scenario is priced there instead.
 */
export const AMBIGUOUS_ROUNDING = 1e-13;

/**
 * Whole shares from a float share count (UNC-FAST-4): down (toward zero) or to nearest
 * (ties up), as the exact path rounds; −1 when the count lies within AMBIGUOUS_ROUNDING
 * (relative) of the rounding boundary, where floats cannot decide.
 */
/** A post-money cap's whole shares, exactly: ratio_i × (E + fixed) / (1 − Σ ratios of the post-money caps). */
function postCapSharesExact(plan: FastRoundPlan, capped: Uint8Array, i: number, base: number): number {
  let claimed = Rational.ZERO;
  for (let j = 0; j < plan.convertibleCount; j++) {
    if (capped[j] && plan.convertiblePostBasis[j]) {
      claimed = claimed.add(Rational.of(plan.convertibleRatioNum[j]!, plan.convertibleRatioDen[j]!));
    }
  }
  const exact = Rational.of(plan.convertibleRatioNum[i]!, plan.convertibleRatioDen[i]!)
    .mulInt(BigInt(base))
    .div(Rational.ONE.sub(claimed));
  return Number(exact.toInteger(plan.roundConvertiblesNearest ? "half_up" : "down"));
}

/**
 * 10 ** k for the price precisions a deal states, computed once with the same expression
 * (so the same doubles) rather than on every scenario: `**` with a variable exponent is a
 * call into Math.pow, 12% of the kernel's time in the issue 19 profile.
 */
const POWERS_OF_TEN = Array.from({ length: 24 }, (_, k) => 10 ** k);

/**
 * A price rounded to a stated precision in floats (ROUND-6), or -1 when the value lies so
 * close to a rounding boundary that floats cannot decide it: the exact engine decides.
 */
export function roundPriceFast(value: number, places: number, mode: number): number {
  if (places < 0) return value;
  const scale = places < POWERS_OF_TEN.length ? POWERS_OF_TEN[places]! : 10 ** places;
  const v = value * scale;
  const boundary = mode === 2 ? Math.floor(v) + 0.5 : Math.round(v);
  const distance = v - boundary < 0 ? boundary - v : v - boundary;
  if (distance <= AMBIGUOUS_ROUNDING * (v > 1 ? v : 1)) return -1;
  const whole = mode === 0 ? Math.ceil(v) : mode === 1 ? Math.floor(v) : Math.floor(v + 0.5);
  return whole / scale;
}

export function roundSharesFast(value: number, nearest: boolean): number {
  const v = nearest ? value + 0.5 : value;
  const r = Math.round(v);
  const distance = v - r < 0 ? r - v : v - r;
  if (distance <= AMBIGUOUS_ROUNDING * (v > 1 ? v : 1)) return -1;
  return Math.floor(v);
}

/** Scratch arrays for the kernel, allocated once per plan (no allocation per scenario). */
export interface FastRoundScratch {
  readonly requested: Float64Array;
  readonly accepted: Float64Array;
  readonly cap: Uint8Array;
  readonly nextCap: Uint8Array;
  readonly conversion: Float64Array;
}

export function fastRoundScratch(plan: FastRoundPlan): FastRoundScratch {
  return {
    requested: new Float64Array(plan.investmentCount),
    accepted: new Float64Array(plan.investmentCount),
    cap: new Uint8Array(plan.convertibleCount),
    nextCap: new Uint8Array(plan.convertibleCount),
    conversion: new Float64Array(plan.convertibleCount),
  };
}

const MAX_ITERATIONS = 1000;

/**
 * Prices one scenario on the fast path: reads the quantities `q`, writes the metrics at
 * `out[offset …]` (METRIC_* then each tracked holder's fully diluted shares after) and
 * returns a status (STATUS_*), mirroring priceRound's checks in its order.
 */
export function priceRoundFast(
  plan: FastRoundPlan,
  q: Float64Array,
  out: Float64Array,
  offset: number,
  s: FastRoundScratch,
): number {
  // Pricing value and investment amounts.
  const pc = plan.pricingCoefficients;
  let value = plan.pricingConstant;
  for (let e = pc.start[0]!; e < pc.start[1]!; e++) value += pc.value[e]! * q[pc.index[e]!]!;
  if (!(value > 0)) return STATUS_NEGATIVE_AMOUNT;
  const ic = plan.investmentCount;
  let fractionSum = 0;
  let fixed = 0;
  for (let i = 0; i < ic; i++) {
    if (plan.investmentProRata[i]) {
      fractionSum += plan.investmentFraction[i]!;
      continue;
    }
    let a = plan.investmentConstant[i]!;
    const ics = plan.investmentCoefficients;
    for (let e = ics.start[i]!; e < ics.start[i + 1]!; e++) a += ics.value[e]! * q[ics.index[e]!]!;
    if (a < 0) return STATUS_NEGATIVE_AMOUNT;
    s.requested[i] = a;
    fixed += a;
  }
  let target = Number.NaN;
  if (plan.hasTarget) {
    target = plan.targetConstant;
    const tc = plan.targetCoefficients;
    for (let e = tc.start[0]!; e < tc.start[1]!; e++) target += tc.value[e]! * q[tc.index[e]!]!;
    if (target < 0) return STATUS_NEGATIVE_AMOUNT;
  }

  // Allocation (PR-1, ALLOC-1, ALLOC-2).
  if (fractionSum >= 1) return STATUS_PRO_RATA_WHOLE_ROUND;
  const base = plan.hasTarget ? target : fixed / (1 - fractionSum);
  let totalRequested = 0;
  for (let i = 0; i < ic; i++) {
    if (plan.investmentProRata[i]) s.requested[i] = plan.investmentFraction[i]! * base;
    totalRequested += s.requested[i]!;
  }
  let newMoneyKnown = 0;
  if (!plan.hasTarget || totalRequested <= target) {
    for (let i = 0; i < ic; i++) s.accepted[i] = s.requested[i]!;
    newMoneyKnown = totalRequested;
  } else {
    let left = target;
    for (let i = 0; i < ic; i++) {
      s.accepted[i] = 0;
      if (plan.investmentProRata[i]) {
        s.accepted[i] = s.requested[i]!;
        left -= s.requested[i]!;
      }
    }
    if (left < 0) return STATUS_PRO_RATA_ABOVE_TARGET;
    if (plan.leadPriority) {
      for (let i = 0; i < ic; i++) {
        if (plan.investmentProRata[i] || !plan.investmentLead[i]) continue;
        const take = s.requested[i]! < left ? s.requested[i]! : left;
        s.accepted[i] = take;
        left -= take;
      }
    }
    let want = 0;
    for (let i = 0; i < ic; i++) {
      if (plan.investmentProRata[i] || (plan.leadPriority && plan.investmentLead[i])) continue;
      want += s.requested[i]!;
    }
    const fits = want <= left;
    for (let i = 0; i < ic; i++) {
      if (plan.investmentProRata[i] || (plan.leadPriority && plan.investmentLead[i])) continue;
      s.accepted[i] = fits ? s.requested[i]! : want === 0 ? 0 : (left * s.requested[i]!) / want;
    }
    for (let i = 0; i < ic; i++) newMoneyKnown += s.accepted[i]!;
  }

  // The pricing solver (ROUND-4), by policy iteration on the regimes.
  const E = plan.existing;
  const M = newMoneyKnown;
  const k = plan.convertibleCount;
  for (let i = 0; i < k; i++) s.cap[i] = plan.convertibleCapped[i]!;
  let poolActive = plan.poolKind === 2;
  const shuffle = plan.poolKind !== 0 && plan.poolInPreMoney;
  // Conversion shares are in the pre-money count for in_pre_money and dollars_invested (ROUND-3).
  const inPre = plan.method !== 1;
  let u = 0;
  let X = 0;
  let S = 0;
  let settled = false;
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    let rPost = 0;
    let rPre = 0;
    let D = 0;
    for (let i = 0; i < k; i++) {
      const amount = plan.convertibleAmount[i]!;
      if (s.cap[i]) {
        const r = amount / plan.convertibleCap[i]!;
        if (plan.convertiblePostBasis[i]) rPost += r;
        else rPre += r;
      } else D += amount / (1 - plan.convertibleDiscount[i]!);
    }
    const den = 1 - rPost;
    const alpha = (rPost + rPre) / den;
    const beta = rPre / den;
    const gamma = D / den;
    // Row 1, the price: a11 u + a12 X = b1.
    let a11: number;
    let a12: number;
    let b1: number;
    if (plan.pricingBasis === 2) {
      a11 = 1;
      a12 = 0;
      b1 = 1 / value;
    } else {
      let v = value;
      if (plan.pricingBasis === 1) v -= M;
      if (plan.method === 2) v += plan.convertibleAmountSum;
      a11 = v - (inPre ? gamma : 0);
      a12 = -((shuffle ? 1 : 0) + (inPre ? beta : 0));
      b1 = E * (1 + (inPre ? alpha : 0));
    }
    // Row 2, the pool: a21 u + a22 X = b2.
    let a21 = 0;
    let a22 = 1;
    let b2 = 0;
    if (plan.poolKind === 1) b2 = plan.poolShares;
    else if (plan.poolKind === 2 && poolActive) {
      const f = plan.poolFraction;
      a21 = -f * (gamma + M);
      a22 = 1 - f - f * beta;
      b2 = f * E * (1 + alpha) - plan.poolBase;
    }
    const det = a11 * a22 - a12 * a21;
    if (det === 0 || Number.isNaN(det)) return STATUS_UNDETERMINED;
    u = (b1 * a22 - a12 * b2) / det;
    X = (a11 * b2 - a21 * b1) / det;
    S = alpha * E + beta * X + gamma * u;
    let changed = false;
    for (let i = 0; i < k; i++) {
      const amount = plan.convertibleAmount[i]!;
      const cap = plan.convertibleCap[i]!;
      const discountShares = (amount / (1 - plan.convertibleDiscount[i]!)) * u;
      let mine: number;
      if (s.cap[i]) {
        mine = plan.convertiblePostBasis[i] ? (amount / cap) * (E + S) : (amount / cap) * (E + X);
        s.conversion[i] = mine;
        s.nextCap[i] = discountShares > mine ? 0 : 1;
      } else {
        mine = discountShares;
        s.conversion[i] = mine;
        if (plan.convertibleCapped[i]) {
          const capShares = plan.convertiblePostBasis[i]
            ? (amount / cap) * (E + S)
            : (amount / cap) * (E + X);
          s.nextCap[i] = capShares > mine ? 1 : 0;
        } else s.nextCap[i] = 0;
      }
      if (s.nextCap[i] !== s.cap[i]) changed = true;
    }
    let nextPool = poolActive;
    if (plan.poolKind === 2) {
      const fd = E + X + S + u * M;
      const wanted = plan.poolFraction * fd - plan.poolBase;
      nextPool = poolActive ? !(X < 0) : wanted > 0;
    }
    if (!changed && nextPool === poolActive) {
      settled = true;
      break;
    }
    for (let i = 0; i < k; i++) s.cap[i] = s.nextCap[i]!;
    poolActive = nextPool;
  }
  if (!settled) return STATUS_UNSETTLED;
  if (!(u > 0)) return STATUS_NO_POSITIVE_PRICE;
  if (X < 0) return STATUS_NEGATIVE_POOL;
  for (let i = 0; i < k; i++) if (s.conversion[i]! < 0) return STATUS_NEGATIVE_CONVERSION;

  // Whole shares (ROUND-6, ROUND-7), in the order of the exact engine's whole-share pass.
  const exactPrice = 1 / u;
  if (exactPrice < plan.protectedConversionPrice * (1 + 1e-12)) return STATUS_EXACT;
  const price = roundPriceFast(exactPrice, plan.pricePlaces, plan.priceRounding);
  if (price < 0) return STATUS_EXACT;
  const rounded = plan.pricePlaces >= 0 && plan.sharesFromRoundedPrice;
  const priceForShares = plan.pricePlaces >= 0 && !plan.sharesFromRoundedPrice ? exactPrice : price;
  const conversionPrice = (p: number) =>
    rounded ? roundPriceFast(p, plan.pricePlaces, plan.priceRounding) : p;
  const poolIncrease = plan.poolKind === 0 || X === 0 ? 0 : roundSharesFast(X, plan.roundPoolNearest);
  if (poolIncrease < 0) return STATUS_EXACT;
  const tracked = offset + METRIC_FIXED;
  for (let t = 0; t < plan.trackedCount; t++) out[tracked + t] = plan.trackedFullyDiluted[t]!;
  let conversionShares = 0;
  let fixedShares = 0;
  let claimed = 0;
  for (let i = 0; i < k; i++) {
    const amount = plan.convertibleAmount[i]!;
    let shares: number;
    if (!s.cap[i]) {
      const cp = conversionPrice(priceForShares * (1 - plan.convertibleDiscount[i]!));
      if (cp < 0) return STATUS_EXACT;
      shares = roundSharesFast(amount / cp, plan.roundConvertiblesNearest);
    } else if (!plan.convertiblePostBasis[i]) {
      const cp = conversionPrice(plan.convertibleCap[i]! / (E + poolIncrease));
      if (cp < 0) return STATUS_EXACT;
      shares = roundSharesFast(amount / cp, plan.roundConvertiblesNearest);
    } else {
      claimed += amount / plan.convertibleCap[i]!;
      continue;
    }
    if (shares < 0) return STATUS_EXACT;
    s.conversion[i] = shares;
    fixedShares += shares;
  }
  // Post-money caps: their fraction of a Company Capitalization made of the whole shares fixed so far.
  const companyCapitalization = (E + fixedShares) / (1 - claimed);
  for (let i = 0; i < k; i++) {
    if (s.cap[i] && plan.convertiblePostBasis[i]) {
      let shares = roundSharesFast(
        (plan.convertibleAmount[i]! / plan.convertibleCap[i]!) * companyCapitalization,
        plan.roundConvertiblesNearest,
      );
      // Often the exact value is a whole number a float cannot decide (amount / cap times a
      // whole capitalization): decide it exactly, from the exact ratios and whole shares.
      if (shares < 0) shares = postCapSharesExact(plan, s.cap, i, E + fixedShares);
      s.conversion[i] = shares;
    }
    conversionShares += s.conversion[i]!;
    const slot = tracked + plan.convertibleSlot[i]!;
    out[slot] = out[slot]! + s.conversion[i]!;
  }
  let investorShares = 0;
  for (let i = 0; i < ic; i++) {
    const shares =
      s.accepted[i] === 0 ? 0 : roundSharesFast(s.accepted[i]! / priceForShares, plan.roundInvestorsNearest);
    if (shares < 0) return STATUS_EXACT;
    investorShares += shares;
    const slot = tracked + plan.investmentSlot[i]!;
    out[slot] = out[slot]! + shares;
  }
  if (plan.conversionIntoRoundClass) {
    if (investorShares + conversionShares > plan.roundClassRoom) return STATUS_ABOVE_AUTHORIZED;
  } else if (investorShares > plan.roundClassRoom || conversionShares > plan.conversionClassRoom) {
    return STATUS_ABOVE_AUTHORIZED;
  }
  const fullyDiluted = E + poolIncrease + conversionShares + investorShares;
  const newMoney = price * investorShares;
  const postMoney = price * fullyDiluted;
  out[offset + METRIC_ROUND_SIZE] = newMoney;
  out[offset + METRIC_PRICE] = price;
  out[offset + METRIC_PRE_MONEY] = postMoney - newMoney;
  out[offset + METRIC_POST_MONEY] = postMoney;
  out[offset + METRIC_FULLY_DILUTED] = fullyDiluted;
  return STATUS_OK;
}
