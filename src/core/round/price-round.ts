import { convert, type Money } from "../exact/money.js";
import { Rational } from "../exact/rational.js";
import { resolveMfnTerms } from "../instruments/mfn.js";
import { noteBalance } from "../instruments/note-interest.js";
import { applyTransaction } from "../ledger/apply.js";
import type { CapTable } from "../ledger/cap-table.js";
import { expandPayToPlay, payToPlayHolders } from "../ledger/pay-to-play.js";
import type { ConvertibleNote, InstrumentPricePrecision, Safe } from "../ledger/security.js";
import { conversionRatio, type ShareClass } from "../ledger/share-class.js";
import type { PayToPlay, Transaction } from "../ledger/transaction.js";
import { type CapTableTotals, capTableTotals } from "../ledger/views.js";
import type { IsoDate } from "../shared/date.js";
import { debugChecks } from "../shared/debug-checks.js";
import {
  type PoolId,
  type SecurityId,
  type ShareClassId,
  type StakeholderId,
  securityId,
  transactionId,
} from "../shared/ids.js";
import { message } from "../shared/messages.js";
import { fail, failSaying, ok, type Problem, type Result, warning } from "../shared/problem.js";
import { allocate } from "./allocation.js";
import { adjustedConversionPrice } from "./anti-dilution.js";
import {
  type ConvertibleInput,
  type PoolEquation,
  type PriceEquation,
  solvePricing,
} from "./pricing-solver.js";
import { planShadowSeries } from "./shadow-series.js";
import type { RoundTerms, ShareRounding } from "./terms.js";

export interface ConversionOutcome {
  readonly security: SecurityId;
  readonly holder: StakeholderId;
  readonly instrument: "safe" | "note";
  /** What converts: the purchase amount, or the note's principal plus interest (NOTE-1). */
  readonly convertingAmount: Money;
  readonly interest: Money | undefined;
  /** Which price applied: the cap price, the discount price, or the round price itself. */
  readonly basis: "cap" | "discount" | "round_price";
  readonly conversionPrice: Money;
  readonly shares: bigint;
}

export interface InvestmentOutcome {
  readonly investor: StakeholderId;
  readonly requested: Money;
  readonly accepted: Money;
  readonly shares: bigint;
  /** Shares times the price: what the investor pays for whole shares (ROUND-7). */
  readonly paid: Money;
  readonly lead: boolean;
  readonly proRata: boolean;
  readonly closing: string | undefined;
  readonly date: IsoDate;
}

export interface AntiDilutionOutcome {
  readonly classId: ShareClassId;
  readonly method: ShareClass["antiDilution"];
  readonly conversionPriceBefore: Money;
  readonly conversionPriceAfter: Money;
  readonly ratioBefore: Rational;
  readonly ratioAfter: Rational;
  /** A later closing's adjustment (ADJ-4): its id and date; absent for the first closing's. */
  readonly closing?: string;
  readonly date?: IsoDate;
}

/** What a round's pay-to-play did (P2P-6): each holder of the classes, its pro rata, and what it converted. */
export interface PayToPlayOutcome {
  readonly form: "all_or_nothing" | "partial";
  readonly offered: bigint;
  readonly holders: readonly {
    readonly holder: StakeholderId;
    /** offered × its shares as converted ÷ all holders' (exact, P2P-2). */
    readonly proRata: Rational;
    readonly purchased: bigint;
    /** Shares of the classes it converts (0 when it played). */
    readonly converted: bigint;
  }[];
}

function payToPlayOutcome(table: CapTable, tx: PayToPlay): PayToPlayOutcome | undefined {
  const parts = expandPayToPlay(table, tx);
  if (!Array.isArray(parts)) return undefined;
  const converted = new Map<string, bigint>();
  for (const part of parts) {
    if (part.type !== "conversion") continue;
    const lot = table.securities.get(part.security);
    if (lot?.kind !== "stock") continue;
    converted.set(lot.holder, (converted.get(lot.holder) ?? 0n) + (part.quantity ?? lot.shares));
  }
  return {
    form: tx.form ?? "all_or_nothing",
    offered: tx.offered,
    holders: payToPlayHolders(table, tx).map((h) => ({
      holder: h.holder,
      proRata: h.proRata,
      purchased: h.purchased,
      converted: converted.get(h.holder) ?? 0n,
    })),
  };
}

export interface RoundOutcome {
  readonly terms: RoundTerms;
  readonly classId: ShareClassId;
  /** The price new investors pay, after any stated precision (ROUND-6). */
  readonly pricePerShare: Money;
  /** The exact price the terms imply, before any stated precision. */
  readonly exactPricePerShare: Money;
  /** Price x the fully diluted shares after the round, less the new money (ROUND-5). */
  readonly preMoneyValuation: Money;
  /** Price x the fully diluted shares after the round (ROUND-5). */
  readonly postMoneyValuation: Money;
  /** What the new investors pay in total. */
  readonly newMoney: Money;
  readonly poolIncrease: bigint;
  readonly conversions: readonly ConversionOutcome[];
  readonly investments: readonly InvestmentOutcome[];
  readonly antiDilution: readonly AntiDilutionOutcome[];
  /** The sub-series SAFEs and notes convert into, at their own conversion prices (SAFE-6). */
  readonly shadowSeries: readonly ShareClass[];
  /** The round's pay-to-play term, applied (P2P-6): present only when the round states one. */
  readonly payToPlay?: PayToPlayOutcome;
  readonly oversubscribed: boolean;
  /** The generated ledger transactions, in the order they apply. */
  readonly transactions: readonly Transaction[];
  readonly before: CapTable;
  readonly after: CapTable;
}

function roundShares(value: Rational, mode: ShareRounding): bigint {
  return value.toInteger(mode === "down" ? "down" : "half_up");
}

function inCurrency(table: CapTable, value: Money): Money | undefined {
  return convert(value, table.company.currency, table.company.exchangeRates);
}

/** Everything about a round that is known before its price is solved. */
export interface PreparedRound {
  readonly table: CapTable;
  readonly terms: RoundTerms;
  readonly classId: ShareClassId;
  readonly conversionClassId: ShareClassId;
  /**
   * The capitalization before the round: totals only, computed in one pass without a row
   * per holder (issue 19); with the fully diluted shares of the pro-rata investors.
   */
  readonly totals: CapTableTotals;
  readonly safesAndNotes: readonly (Safe | ConvertibleNote)[];
  readonly convertibles: readonly ConvertibleInput[];
  readonly convertingAmounts: readonly { amount: Money; interest: Money | undefined }[];
  readonly allocation: Exclude<ReturnType<typeof allocate>, { reason: string }>;
  readonly pool: PoolEquation;
  readonly priceEquation: PriceEquation;
  readonly warnings: readonly Problem[];
}

/**
 * Checks a round's terms against the cap table before it and gathers the solver's
 * inputs: the existing capitalization, the converting SAFEs and notes, the allocation of
 * new money and the pool equation.
 */
export function prepareRound(table: CapTable, terms: RoundTerms): Result<PreparedRound> {
  const currency = table.company.currency;
  const path = ["rounds", terms.id];
  const warnings: Problem[] = [];

  // --- Checks --------------------------------------------------------------------------
  const classId = terms.newClass?.id ?? terms.existingClassId;
  if (classId === undefined) return fail("round_invalid", `round ${terms.name} names no class to sell`, path);
  if (terms.newClass && table.classes.has(terms.newClass.id)) {
    return fail(
      "deal_duplicate_id",
      `round ${terms.name} creates class "${terms.newClass.id}", which already exists`,
      [...path, "class"],
    );
  }
  if (!terms.newClass && !table.classes.has(classId)) {
    return fail("deal_unknown_reference", `round ${terms.name} sells unknown class "${classId}"`, [
      ...path,
      "class",
    ]);
  }
  const conversionClassId = terms.conversionClassId ?? classId;
  if (conversionClassId !== classId && !table.classes.has(conversionClassId)) {
    return fail(
      "deal_unknown_reference",
      `round ${terms.name} converts into unknown class "${conversionClassId}"`,
      [...path, "conversionClass"],
    );
  }
  const pricingValue = inCurrency(table, terms.pricing.value);
  if (!pricingValue) {
    return failSaying(
      "currency_without_rate",
      message("round_price_currency", {
        round: terms.name,
        from: terms.pricing.value.currency,
        to: currency,
      }),
      [...path, "pricing"],
    );
  }
  if (!pricingValue.amount.isPositive()) {
    return failSaying(
      "round_invalid",
      message("round_pricing_not_positive", { round: terms.name, basis: terms.pricing.basis }),
      [...path, "pricing"],
    );
  }
  for (const [i, inv] of terms.investments.entries()) {
    const where = inv.path ?? [...path, "investments", i];
    if (!table.stakeholders.has(inv.investor)) {
      return failSaying(
        "deal_unknown_reference",
        message("round_unknown_investor", { round: terms.name, investor: inv.investor }),
        [...where, "investor"],
      );
    }
    if (inv.amount && !inCurrency(table, inv.amount)) {
      return fail(
        "currency_without_rate",
        `round ${terms.name}: ${inv.investor}'s amount is in ${inv.amount.currency} with no rate to ${currency}`,
        [...where, "amount"],
      );
    }
    if (inv.amount?.amount.isNegative()) {
      return failSaying(
        "deal_invalid_field",
        message("round_negative_investment", { round: terms.name, investor: inv.investor }),
        [...where, "amount"],
      );
    }
    if (inv.closing !== undefined && !terms.closings.some((c) => c.id === inv.closing)) {
      return fail(
        "deal_unknown_reference",
        `round ${terms.name}: ${inv.investor}'s investment names unknown closing "${inv.closing}"`,
        [...where, "closing"],
      );
    }
  }
  // TRANCHE-2: a tranche's own price must be positive and in a currency the deal converts; a
  // pool target of the post-money counts the new shares at the round's price, so it cannot
  // be combined with a tranche at another price.
  for (const [i, closing] of terms.closings.entries()) {
    if (closing.pricePerShare === undefined) continue;
    const where = [...path, "closings", i, "pricePerShare"];
    const converted = inCurrency(table, closing.pricePerShare);
    if (!converted) {
      return fail(
        "currency_without_rate",
        `round ${terms.name}: closing "${closing.id}" is priced in ${closing.pricePerShare.currency}, and the deal gives no rate to ${table.company.currency}`,
        where,
      );
    }
    if (!converted.amount.isPositive()) {
      return fail(
        "deal_invalid_field",
        `round ${terms.name}: closing "${closing.id}" has a price that is not positive`,
        where,
      );
    }
    if (terms.pool.kind === "target_fraction") {
      return fail(
        "round_invalid",
        `round ${terms.name}: closing "${closing.id}" has its own price, and the pool targets a fraction of the post-money, which counts the new shares at the round's price; state the pool top-up in shares`,
        where,
      );
    }
  }
  if (terms.pool.kind !== "none" && !table.pools.has(terms.pool.poolId)) {
    return fail("deal_unknown_reference", `round ${terms.name} tops up unknown pool "${terms.pool.poolId}"`, [
      ...path,
      "pool",
    ]);
  }
  if (
    terms.pool.kind === "target_fraction" &&
    (terms.pool.fraction.isNegative() || terms.pool.fraction.gte(Rational.ONE))
  ) {
    return fail(
      "round_terms_infeasible",
      `round ${terms.name} targets a pool of ${terms.pool.fraction.mulInt(100n).toDecimalString(4)}% of the post-money; it must be below 100%`,
      [...path, "pool"],
    );
  }

  // --- The capitalization before the round ---------------------------------------------
  // Every holder the round can give shares to (investors, SAFE and note holders) is read
  // in the same pass: the fully diluted count after the round is the count before plus the
  // change in these holders' as-converted shares (see fullyDilutedAfterRound).
  const roundHolders = new Set(terms.investments.map((inv) => inv.investor));
  for (const s of table.securities.values())
    if (s.kind === "safe" || s.kind === "note") roundHolders.add(s.holder);
  const totals = capTableTotals(table, roundHolders);
  const existing = totals.fullyDiluted;
  const holderFd = totals.holdersFullyDiluted;

  // --- Convertibles: every outstanding SAFE and note converts (SAFE-1, NOTE-1) ----------
  const safesAndNotes = [...table.securities.values()].filter(
    (s): s is Safe | ConvertibleNote => s.kind === "safe" || s.kind === "note",
  );
  safesAndNotes.sort((a, b) =>
    a.issueDate < b.issueDate ? -1 : a.issueDate > b.issueDate ? 1 : a.id < b.id ? -1 : 1,
  );
  const mfn = resolveMfnTerms(safesAndNotes, terms.date);
  for (const id of mfn.withoutLaterSafe) {
    warnings.push(
      warning(
        "mfn_without_later_safe",
        `MFN SAFE "${id}" has no later SAFE to take terms from; it converts at the round price`,
        ["transactions", id],
      ),
    );
  }
  const convertibles: ConvertibleInput[] = [];
  const convertingAmounts: { amount: Money; interest: Money | undefined }[] = [];
  for (const s of safesAndNotes) {
    const effective = mfn.terms.get(s.id)!;
    let amount: Money | undefined;
    let interest: Money | undefined;
    if (s.kind === "safe") {
      amount = inCurrency(table, s.purchaseAmount);
    } else {
      const balance = terms.conventions.noteInterestConverts ? noteBalance(s, terms.date) : s.principal;
      interest = inCurrency(table, { ...s.principal, amount: balance.amount.sub(s.principal.amount) });
      amount = inCurrency(table, balance);
    }
    const cap = effective.valuationCap && inCurrency(table, effective.valuationCap);
    if (!amount || (effective.valuationCap && !cap)) {
      return fail(
        "currency_without_rate",
        `security "${s.id}" is in a currency with no rate to ${currency}`,
        ["transactions", s.id],
      );
    }
    convertingAmounts.push({ amount, interest });
    convertibles.push({
      id: s.id,
      amount: amount.amount,
      capBasis: effective.capBasis === "post_money" ? "post" : "pre",
      cap: cap?.amount,
      discount: effective.discount ?? Rational.ZERO,
    });
  }

  // --- New money: pro-rata purchases and oversubscription (PR-1, ALLOC-1) ---------------
  const proRataFraction = (investor: StakeholderId): Rational => {
    let f = existing === 0n ? Rational.ZERO : Rational.of(holderFd.get(investor) ?? 0n, existing);
    for (const s of safesAndNotes) {
      if (
        s.holder === investor &&
        s.kind === "safe" &&
        s.safeType === "post_money" &&
        s.valuationCap &&
        s.proRataRights
      ) {
        f = f.add(s.purchaseAmount.amount.div(s.valuationCap.amount));
      }
    }
    return f;
  };
  const target = terms.targetSize && inCurrency(table, terms.targetSize);
  if (terms.targetSize && !target) {
    return fail(
      "currency_without_rate",
      `round ${terms.name} states its target in ${terms.targetSize.currency} with no rate to ${currency}`,
      [...path, "target"],
    );
  }
  const allocation = allocate(
    terms.investments.map((inv) => ({
      requested: inv.amount ? inCurrency(table, inv.amount)!.amount : undefined,
      lead: inv.lead,
      proRataFraction: inv.proRata ? proRataFraction(inv.investor) : Rational.ZERO,
    })),
    target?.amount,
    terms.oversubscription,
  );
  if ("reason" in allocation)
    return fail("round_terms_infeasible", `round ${terms.name}: ${allocation.reason}`, path);

  // --- Solve the price, the pool and the conversions exactly (ROUND-4) ------------------
  const poolTopUp = terms.pool;
  let pool: PoolEquation = { kind: "none" };
  if (poolTopUp.kind === "shares") {
    pool = { kind: "shares", shares: Rational.of(poolTopUp.shares), inPreMoney: poolTopUp.inPreMoney };
  } else if (poolTopUp.kind === "target_fraction") {
    const position = totals.pools.get(poolTopUp.poolId)!;
    const base = poolTopUp.of === "unallocated" ? position.available : position.available + position.granted;
    pool = {
      kind: "target",
      fraction: poolTopUp.fraction,
      base: Rational.of(base),
      inPreMoney: poolTopUp.inPreMoney,
    };
  }
  // ROUND-8: a pool target in the pre-money plus the new investors' fraction must leave something for the others.
  if (
    poolTopUp.kind === "target_fraction" &&
    poolTopUp.inPreMoney &&
    terms.pricing.basis !== "price_per_share"
  ) {
    const post =
      terms.pricing.basis === "post_money" ? pricingValue.amount : pricingValue.amount.add(allocation.total);
    const investorsFraction = allocation.total.div(post);
    if (poolTopUp.fraction.add(investorsFraction).gte(Rational.ONE)) {
      return fail(
        "round_terms_infeasible",
        `round ${terms.name}: the pool target (${poolTopUp.fraction.mulInt(100n).toDecimalString(4)}% of the post-money) and the new money (${investorsFraction.mulInt(100n).toDecimalString(4)}%) together claim 100% or more`,
        [...path, "pool"],
      );
    }
  }
  let priceEquation: PriceEquation;
  if (terms.pricing.basis === "price_per_share") {
    priceEquation = { kind: "price", price: pricingValue.amount };
  } else {
    priceEquation = {
      kind: "valuation",
      value: pricingValue.amount,
      postMoney: terms.pricing.basis === "post_money",
      method: terms.conventions.convertibles,
    };
  }
  return ok({
    table,
    terms,
    classId,
    conversionClassId,
    totals,
    safesAndNotes,
    convertibles,
    convertingAmounts,
    allocation,
    pool,
    priceEquation,
    warnings,
  });
}

/**
 * The fully diluted shares after a round's transactions, from the totals before it: each
 * new lot changes its holder's as-converted count in its class (rounded down per holder and
 * class, FD-3), and a pool increase the pool's available shares. A conversion-price
 * adjustment changes a whole class's ratio, so then the totals are recomputed in one pass.
 * The property test "priced on totals" checks this against the full view.
 */
function fullyDilutedAfterRound(
  before: CapTable,
  after: CapTable,
  totals: CapTableTotals,
  transactions: readonly Transaction[],
): bigint {
  const recount = transactions.some(
    (tx) =>
      tx.type === "conversion_price_adjustment" ||
      tx.type === "pay_to_play" ||
      (tx.type === "conversion" && (tx.toClassId === undefined || tx.shares === undefined)),
  );
  if (recount) {
    return capTableTotals(after).fullyDiluted;
  }
  const converted = (classId: ShareClassId, n: bigint) => {
    const r = conversionRatio(after.classes.get(classId)!);
    return r.den === 1n ? n * r.num : (n * r.num) / r.den;
  };
  let fullyDiluted = totals.fullyDiluted;
  const held = new Map<string, bigint>();
  const addShares = (holder: StakeholderId, classId: ShareClassId, shares: bigint) => {
    const key = `${holder}\u0000${classId}`;
    const n = held.get(key) ?? totals.holdersShares.get(holder)?.get(classId) ?? 0n;
    fullyDiluted += converted(classId, n + shares) - converted(classId, n);
    held.set(key, n + shares);
  };
  for (const tx of transactions) {
    if (tx.type === "stock_issuance") addShares(tx.holder, tx.classId, tx.shares);
    else if (tx.type === "conversion") {
      const security = before.securities.get(tx.security)!;
      addShares(security.holder, tx.toClassId!, tx.shares!);
    } else if (tx.type === "pool_increase") {
      const pool = before.pools.get(tx.poolId)!;
      fullyDiluted +=
        converted(pool.classId, pool.available + tx.shares) - converted(pool.classId, pool.available);
    } else throw new Error(`a round does not generate ${tx.type} transactions`);
  }
  return fullyDiluted;
}

/** The securities, classes and pools a round's transactions change, for the incremental LED-1 check. */
function changesOf(transactions: readonly Transaction[]) {
  const securities: SecurityId[] = [];
  const classes: ShareClassId[] = [];
  const pools: PoolId[] = [];
  for (const tx of transactions) {
    if ("security" in tx && tx.security !== undefined) securities.push(tx.security);
    if ("resultingSecurity" in tx && tx.resultingSecurity !== undefined)
      securities.push(tx.resultingSecurity);
    if ("classId" in tx && tx.classId !== undefined) classes.push(tx.classId);
    if ("toClassId" in tx && tx.toClassId !== undefined) classes.push(tx.toClassId);
    if ("poolId" in tx && tx.poolId !== undefined) pools.push(tx.poolId);
  }
  return { securities, classes, pools };
}

/**
 * Prices a round on `table` (the cap table just before it) and returns the round's
 * outcome with the pro-forma cap table (SPEC ROUND-1..ROUND-8). `table` is not changed.
 */
export function priceRound(table: CapTable, terms: RoundTerms): Result<RoundOutcome> {
  const prepared = prepareRound(table, terms);
  if (!prepared.ok) return prepared;
  const {
    classId,
    conversionClassId,
    totals,
    safesAndNotes,
    convertibles,
    convertingAmounts,
    allocation,
    pool,
    priceEquation,
    warnings,
  } = prepared.value;
  const currency = table.company.currency;
  const m = (amount: Rational): Money => ({ kind: "money", currency, amount });
  const path = ["rounds", terms.id];
  const existingR = Rational.of(totals.fullyDiluted);
  const existing = totals.fullyDiluted;
  const solution = solvePricing({
    existing: existingR,
    convertibles,
    pool,
    knownNewMoney: allocation.total,
    price: priceEquation,
  });
  if ("reason" in solution)
    return fail("round_terms_infeasible", `round ${terms.name}: ${solution.reason}`, path);

  const poolTopUp = terms.pool;
  // --- Round to whole shares and the stated price precision (ROUND-6, ROUND-7) ----------
  const conventions = terms.conventions;
  const precision = conventions.pricePrecision;
  const roundPrice = (p: Rational) => (precision ? p.roundTo(precision.places, precision.rounding) : p);
  const price = roundPrice(solution.price);
  // ROUND-8: a price that rounds to nothing at the stated precision gives no positive price.
  if (price.isZero())
    return fail(
      "round_terms_infeasible",
      `round ${terms.name}: the price per share, ${solution.price.toDecimalString(12)}, rounds to 0 at ${precision!.places} places; the terms give no positive price`,
      path,
    );
  const priceForShares = precision && !precision.sharesFromRoundedPrice ? solution.price : price;
  const poolIncrease = roundShares(solution.poolIncrease, conventions.shareRounding.pool);

  // The whole-share pass (ROUND-6): the regimes found exactly decide which price each
  // instrument converts at; shares are then computed in the order the instruments define
  // them, each from whole numbers already fixed: discount and round-price conversions from
  // the (rounded) round price, pre-money caps from the capitalization with the whole pool
  // increase, and post-money caps as their fraction of a Company Capitalization made of
  // whole shares. Without rounding this gives the exact solution's shares, rounded.
  const roundConversionPrice = (p: Rational) => (precision?.sharesFromRoundedPrice ? roundPrice(p) : p);
  const shareRounding = conventions.shareRounding.convertibles;
  const existingShares = Rational.of(existing);
  const conversionShares: bigint[] = convertibles.map(() => 0n);
  const conversionPrices: Rational[] = convertibles.map(() => Rational.ZERO);
  // ROUND-9: an instrument may state its own cap or discount price precision, which then
  // rounds that price (from the round price as the round states it) instead of the round's.
  const ownPrecision = safesAndNotes.map((s) => s.conversionPricePrecision);
  const stated = (p: Rational, precision: InstrumentPricePrecision) =>
    p.roundTo(precision.places, precision.rounding);
  convertibles.forEach((c, i) => {
    const regime = solution.regimes[i]!;
    let exact: Rational;
    let own: InstrumentPricePrecision | undefined;
    if (regime === "discount") {
      exact = priceForShares.mul(Rational.ONE.sub(c.discount));
      own = ownPrecision[i]?.discount;
    } else if (c.capBasis === "pre") {
      exact = c.cap!.div(existingShares.add(Rational.of(poolIncrease)));
      own = ownPrecision[i]?.cap;
    } else {
      return;
    }
    if (own) {
      conversionPrices[i] = stated(exact, own);
      if (conversionPrices[i]!.isZero()) return;
      conversionShares[i] = roundShares(
        c.amount.div(own.sharesFromRoundedPrice ? conversionPrices[i]! : exact),
        shareRounding,
      );
      return;
    }
    conversionPrices[i] = roundConversionPrice(exact);
    // A conversion price that rounds to 0 converts into no definite number of shares (ROUND-8).
    if (conversionPrices[i]!.isZero()) return;
    conversionShares[i] = roundShares(c.amount.div(conversionPrices[i]!), shareRounding);
  });
  const zeroPriced = convertibles.findIndex(
    (c, i) =>
      (solution.regimes[i] === "discount" || c.capBasis === "pre" || solution.regimes[i] !== "cap") &&
      conversionPrices[i]!.isZero(),
  );
  if (zeroPriced >= 0)
    return fail(
      "round_terms_infeasible",
      `round ${terms.name}: ${safesAndNotes[zeroPriced]!.id}'s conversion price rounds to 0 at the stated precision; the terms give no positive price`,
      path,
    );
  const postCapped = convertibles.flatMap((c, i) =>
    solution.regimes[i] === "cap" && c.capBasis === "post" ? [i] : [],
  );
  if (postCapped.length > 0) {
    const fixed = conversionShares.reduce((sum, n, i) => (postCapped.includes(i) ? sum : sum + n), 0n);
    const claimed = Rational.sum(postCapped.map((i) => convertibles[i]!.amount.div(convertibles[i]!.cap!)));
    const companyCapitalization = existingShares.add(Rational.of(fixed)).div(Rational.ONE.sub(claimed));
    for (const i of postCapped) {
      const c = convertibles[i]!;
      const own = ownPrecision[i]?.cap;
      if (own) {
        // ROUND-9: the cap price to the instrument's own precision; its shares from it, or exact.
        conversionPrices[i] = stated(c.cap!.div(companyCapitalization), own);
        conversionShares[i] =
          own.sharesFromRoundedPrice && !conversionPrices[i]!.isZero()
            ? roundShares(c.amount.div(conversionPrices[i]!), shareRounding)
            : roundShares(c.amount.div(c.cap!).mul(companyCapitalization), shareRounding);
        continue;
      }
      conversionPrices[i] = roundConversionPrice(c.cap!.div(companyCapitalization));
      conversionShares[i] = roundShares(c.amount.div(c.cap!).mul(companyCapitalization), shareRounding);
    }
    const zeroCap = postCapped.find((i) => conversionPrices[i]!.isZero());
    if (zeroCap !== undefined)
      return fail(
        "round_terms_infeasible",
        `round ${terms.name}: ${safesAndNotes[zeroCap]!.id}'s conversion price rounds to 0 at the stated precision; the terms give no positive price`,
        path,
      );
  }
  const conversions: ConversionOutcome[] = safesAndNotes.map((s, i) => {
    const c = convertibles[i]!;
    const regime = solution.regimes[i]!;
    return {
      security: s.id,
      holder: s.holder,
      instrument: s.kind,
      convertingAmount: convertingAmounts[i]!.amount,
      interest: convertingAmounts[i]!.interest,
      basis: regime === "cap" ? "cap" : c.discount.isZero() ? "round_price" : "discount",
      conversionPrice: m(conversionPrices[i]!),
      shares: conversionShares[i]!,
    };
  });

  const closingDate = (closing: string | undefined): IsoDate =>
    closing === undefined ? terms.date : (terms.closings.find((c) => c.id === closing)?.date ?? terms.date);
  // TRANCHE-2: an investment in a milestone tranche with its own price buys at that price.
  const closingPrice = (closing: string | undefined): Rational | undefined => {
    const stated = terms.closings.find((c) => c.id === closing)?.pricePerShare;
    return stated === undefined ? undefined : inCurrency(table, stated)!.amount;
  };
  const investments: InvestmentOutcome[] = terms.investments.map((inv, i) => {
    const accepted = allocation.accepted[i]!;
    const tranchePrice = closingPrice(inv.closing);
    const shares = roundShares(
      accepted.div(tranchePrice ?? priceForShares),
      conventions.shareRounding.investors,
    );
    return {
      investor: inv.investor,
      requested: m(allocation.requested[i]!),
      accepted: m(accepted),
      shares,
      paid: m((tranchePrice ?? price).mulInt(shares)),
      lead: inv.lead,
      proRata: inv.proRata,
      closing: inv.closing,
      date: closingDate(inv.closing),
    };
  });
  const newShares = investments.reduce((sum, inv) => sum + inv.shares, 0n);
  const newMoney = Rational.sum(investments.map((inv) => inv.paid.amount));

  // --- Anti-dilution of existing classes on a down round (ADJ-1..ADJ-4) ----------------
  // ADJ-4: each closing is an issuance of its own, counted when it closes, at its date and
  // its own price: the first closing (with the round's conversions outstanding after it),
  // then each later closing in date order, on the conversion prices the earlier ones left.
  const antiDilution: AntiDilutionOutcome[] = [];
  let broadBase = existing;
  for (const p of totals.pools.values()) broadBase -= p.available;
  let narrowBase = 0n;
  for (const c of table.classes.values())
    if (c.type === "preferred") narrowBase += totals.classAsConverted.get(c.id) ?? 0n;
  const soldPreferred = (terms.newClass ?? table.classes.get(classId))?.type === "preferred";
  // A closing on the round's date at the round's price is the first closing itself.
  const laterClosings = terms.closings
    .filter((c) => c.date > terms.date || c.pricePerShare !== undefined)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const issuances = [
    { closing: undefined as string | undefined, date: terms.date, price },
    ...laterClosings.map((c) => ({ closing: c.id, date: c.date, price: closingPrice(c.id) ?? price })),
  ].map((g) => {
    const bought = investments.filter((inv) =>
      g.closing === undefined
        ? inv.closing === undefined || !laterClosings.some((c) => c.id === inv.closing)
        : inv.closing === g.closing,
    );
    return {
      ...g,
      newMoney: Rational.sum(bought.map((inv) => inv.paid.amount)),
      newShares: bought.reduce((sum, inv) => sum + inv.shares, 0n),
    };
  });
  const currentPrice = new Map<ShareClassId, Money>();
  const convertedShares = conversions.reduce((sum, c) => sum + c.shares, 0n);
  for (const [g, issuance] of issuances.entries()) {
    // A closing that issues nothing is no issuance (a round with one closing keeps ADJ-1 as it is).
    const issuesNothing = issuances.length > 1 && issuance.newShares === 0n;
    for (const shareClass of issuesNothing ? [] : table.classes.values()) {
      if (
        shareClass.type !== "preferred" ||
        !shareClass.conversionPrice ||
        shareClass.antiDilution === "none"
      )
        continue;
      const stated = inCurrency(table, shareClass.conversionPrice);
      if (!stated) continue;
      const cp = currentPrice.get(shareClass.id) ?? stated;
      const adjusted = adjustedConversionPrice({
        method: shareClass.antiDilution,
        conversionPrice: cp.amount,
        roundPrice: issuance.price,
        newMoney: issuance.newMoney,
        newShares: issuance.newShares,
        sharesBefore: shareClass.antiDilution === "narrow_based_weighted_average" ? narrowBase : broadBase,
      });
      if (!adjusted) continue;
      const after = precision ? adjusted.roundTo(precision.places, "half_up") : adjusted;
      const classBefore = currentPrice.has(shareClass.id)
        ? { ...shareClass, conversionPrice: cp }
        : shareClass;
      const adjustedClass = { ...shareClass, conversionPrice: m(after) };
      currentPrice.set(shareClass.id, m(after));
      antiDilution.push({
        classId: shareClass.id,
        method: shareClass.antiDilution,
        conversionPriceBefore: cp,
        conversionPriceAfter: m(after),
        ratioBefore: conversionRatio(classBefore),
        ratioAfter: conversionRatio(adjustedClass),
        ...(issuance.closing === undefined ? {} : { closing: issuance.closing, date: issuance.date }),
      });
    }
    // The shares this closing issued (and, at the first, the conversions) are outstanding at the next.
    const outstandingAfter = issuance.newShares + (g === 0 ? convertedShares : 0n);
    broadBase += outstandingAfter;
    if (soldPreferred) narrowBase += outstandingAfter;
  }

  // --- The round's class and the shadow series of its conversions (SAFE-6) --------------
  const roundClass: ShareClass | undefined = terms.newClass && {
    ...terms.newClass,
    originalIssuePrice: terms.newClass.originalIssuePrice ?? m(price),
    conversionPrice: terms.newClass.conversionPrice ?? terms.newClass.originalIssuePrice ?? m(price),
  };
  const conversionParent =
    roundClass && conversionClassId === roundClass.id ? roundClass : table.classes.get(conversionClassId)!;
  const shadow = planShadowSeries(
    conversionParent,
    conversions,
    new Map(safesAndNotes.map((s) => [s.id, s])),
    (id) => table.classes.has(id) || id === classId,
  );

  // --- The ledger transactions of the round ---------------------------------------------
  const transactions: Transaction[] = [];
  const txId = (suffix: string) => transactionId(`${terms.id}:${suffix}`);
  if (poolIncrease > 0n && poolTopUp.kind !== "none") {
    transactions.push({
      type: "pool_increase",
      id: txId("pool"),
      date: terms.date,
      poolId: poolTopUp.poolId,
      shares: poolIncrease,
    });
  }
  for (const conversion of conversions) {
    if (conversion.shares === 0n) continue;
    transactions.push({
      type: "conversion",
      id: txId(`convert:${conversion.security}`),
      date: terms.date,
      security: conversion.security,
      toClassId: shadow.classOf.get(conversion.security) ?? conversionClassId,
      shares: conversion.shares,
      resultingSecurity: securityId(`${terms.id}:${conversion.security}`),
    });
  }
  const adjustmentOf = (a: AntiDilutionOutcome): Transaction => ({
    type: "conversion_price_adjustment",
    id: txId(
      a.closing === undefined ? `anti-dilution:${a.classId}` : `anti-dilution:${a.classId}:${a.closing}`,
    ),
    date: a.date ?? terms.date,
    classId: a.classId,
    conversionPrice: a.conversionPriceAfter,
    reason: `${a.method.replaceAll("_", " ")} adjustment for ${terms.name}${a.closing === undefined ? "" : ` (closing ${a.closing})`}`,
  });
  const adjustments = antiDilution.filter((a) => a.closing === undefined).map(adjustmentOf);
  // ADJ-4: a later closing's adjustment is made at its date, after every first-closing entry.
  const laterAdjustments = antiDilution.filter((a) => a.closing !== undefined).map(adjustmentOf);
  // P2P-6: a pay-to-play counts the round's purchases, so it comes after the investments, and
  // converts "immediately prior" to the adjustment (P2P-3), so before the anti-dilution.
  if (!terms.payToPlay) transactions.push(...adjustments);
  investments.forEach((inv, i) => {
    if (inv.shares === 0n) return;
    transactions.push({
      type: "stock_issuance",
      id: txId(`invest:${i}`),
      date: inv.date,
      security: securityId(`${terms.id}:${inv.investor}:${i}`),
      holder: inv.investor,
      classId,
      shares: inv.shares,
      pricePerShare: m(closingPrice(inv.closing) ?? price),
      investedAmount: inv.paid,
      vestingId: undefined,
      vestingStart: undefined,
    });
  });
  if (terms.payToPlay) {
    const p2p = terms.payToPlay;
    transactions.push({
      type: "pay_to_play",
      id: txId("pay-to-play"),
      date: terms.date,
      path: p2p.path,
      classIds: p2p.classIds,
      roundClassId: classId,
      offered: p2p.offered ?? newShares,
      since: undefined,
      shadowClassId: p2p.shadowClassId,
      ...(p2p.form === "partial" ? { form: "partial" as const } : {}),
    });
    transactions.push(...adjustments);
  }
  transactions.push(...laterAdjustments);

  // --- Apply them to a copy of the cap table (the pro forma) ----------------------------
  const after = table.clone();
  if (roundClass) after.classes.set(roundClass.id, roundClass);
  for (const series of shadow.classes) after.classes.set(series.id, series);
  let payToPlay: PayToPlayOutcome | undefined;
  for (const tx of transactions) {
    // P2P-6: who played, and what the others converted, read just before it applies.
    if (tx.type === "pay_to_play") payToPlay = payToPlayOutcome(after, tx);
    const rejected = applyTransaction(after, tx);
    if (rejected) return { ok: false, problems: [rejected] };
  }
  // LED-1 after the round: the incremental check covers everything the round's
  // transactions can change (the lots they create or convert, the classes and pools they
  // touch); the full scan of the cap table runs under the debug flag and in the tests.
  // A pay-to-play's conversions are made as it applies (P2P-6): the full check covers them.
  if (terms.payToPlay) after.assertInvariants();
  else after.assertChangedInvariants(table, changesOf(transactions));
  if (debugChecks.fullInvariants) after.assertInvariants();

  const fullyDilutedAfter = fullyDilutedAfterRound(table, after, totals, transactions);
  const postMoney = price.mulInt(fullyDilutedAfter);
  return ok(
    {
      terms,
      classId,
      pricePerShare: m(price),
      exactPricePerShare: m(solution.price),
      // The pre-money is the post-money less the new shares at the round's price: their cost,
      // unless a milestone tranche is priced otherwise (TRANCHE-2).
      preMoneyValuation: m(postMoney.sub(price.mulInt(newShares))),
      postMoneyValuation: m(postMoney),
      newMoney: m(newMoney),
      poolIncrease,
      conversions,
      investments,
      antiDilution,
      shadowSeries: shadow.classes,
      ...(payToPlay ? { payToPlay } : {}),
      oversubscribed: allocation.oversubscribed,
      transactions,
      before: table,
      after,
    },
    warnings,
  );
}
