import * as z from "zod";
import type { Money } from "../core/exact/money.js";
import { Rational } from "../core/exact/rational.js";
import { type CapTableView, capTableView, fractionOf } from "../core/ledger/views.js";
import type { AntiDilutionOutcome, RoundOutcome } from "../core/round/price-round.js";
import type { RoundConventions } from "../core/round/terms.js";
import { runDeal } from "../core/round/timeline.js";
import { roundId } from "../core/shared/ids.js";
import { ok, type Problem, type Result } from "../core/shared/problem.js";
import type { QuantityRef } from "../core/uncertainty/quantity.js";
import type { Deal } from "../deal/build.js";
import type { WhatIfOutcome } from "../deal/what-if.js";
import { modelJson } from "../report/model-report.js";
import { namer } from "./names.js";
import { RoundParam, ScenarioParam } from "./params.js";
import { chosenRound } from "./select.js";
import type { DealUseCase, Explanation, Ref } from "./use-case.js";
import { dealForInput, SetParam } from "./what-if.js";

/** One holder's position before and after the round: a stakeholder, or a pool's unallocated options. */
export interface ModelHolder {
  readonly kind: "stakeholder" | "unallocated_pool";
  /** The stakeholder, or the pool (named "Unallocated: <pool>"). */
  readonly holder: Ref;
  /** For a pool's row: the pool with its own name, for a face that words "unallocated" in its language. */
  readonly pool?: Ref;
  readonly sharesBefore: bigint;
  readonly sharesAfter: bigint;
  /** As-converted shares (preferred counted as the common it converts into, FD-3). */
  readonly asConvertedSharesBefore: bigint;
  readonly asConvertedSharesAfter: bigint;
  readonly fullyDilutedSharesBefore: bigint;
  readonly fullyDilutedSharesAfter: bigint;
  /** Exact fractions of the fully diluted totals (each column sums to exactly 1). */
  readonly fullyDilutedBefore: Rational;
  readonly fullyDilutedAfter: Rational;
  /** Relative dilution 1 - after/before; undefined for a new holder or a pool. */
  readonly dilution: Rational | undefined;
  readonly invested: Money;
  readonly sharesAfterByClass: readonly { readonly shareClass: Ref; readonly shares: bigint }[];
}

export interface ModelClass {
  readonly shareClass: Ref;
  readonly type: string;
  readonly issuedBefore: bigint;
  readonly issuedAfter: bigint;
  /** The class's shares as converted, before and after the round. */
  readonly asConvertedSharesBefore: bigint;
  readonly asConvertedSharesAfter: bigint;
  /**
   * The class's fully diluted shares: as converted, plus its options, warrants and the
   * unallocated options of the pools that grant it.
   */
  readonly fullyDilutedSharesBefore: bigint;
  readonly fullyDilutedSharesAfter: bigint;
  readonly conversionRatio: Rational;
}

/** Share totals of the cap table on each basis (outstanding, as converted, fully diluted). */
export interface ModelTotals {
  readonly outstanding: bigint;
  readonly asConverted: bigint;
  readonly fullyDiluted: bigint;
}

/** A quantity of the deal's claims: its id, its label as name, and what it is (an investment, a size…). */
export interface QuantityRefNamed extends Ref {
  readonly ref?: QuantityRef;
}

/**
 * Why the priced valuation differs from the stated one (ROUND-5, ROUND-6): the stated
 * pre- or post-money fixes the exact price; the round then sells whole shares at the
 * price rounded to its stated precision. `priceRounding` is the rounded price's share
 * of the difference (price − exact price) × fully diluted shares after; `conversions` the
 * part due to the convertibles method (ROUND-5); `wholeShares` is the rest: the shares
 * rounded to whole numbers.
 */
export type PricingNote =
  | Explanation<"valuation_as_stated", { readonly basis: string }>
  | Explanation<
      "valuation_differs_from_stated",
      {
        readonly basis: "pre_money" | "post_money";
        readonly stated: Money;
        readonly priced: Money;
        readonly difference: Rational;
        readonly priceRounding: Rational;
        readonly wholeShares: Rational;
        readonly conversionShares: bigint;
        /**
         * The part of the difference due to how converting instruments enter the price
         * (ROUND-5): the conversion shares at the round price (the pre-money method prices
         * without them), or the converting dollars (the dollars-invested method adds them
         * to the pre-money); undefined when neither applies.
         */
        readonly conversions:
          | { readonly method: "outside_pre_money" | "dollars_invested"; readonly amount: Rational }
          | undefined;
        /** The places the price is rounded to, when the terms state a precision. */
        readonly pricePlaces: number | undefined;
        /**
         * A down round's anti-dilution adjustment (ADJ-1..3): the as-converted shares it adds
         * to the adjusted classes and their value at the round price, which the priced
         * valuation counts and the stated one does not; undefined when nothing was adjusted.
         */
        readonly antiDilution?: { readonly shares: bigint; readonly amount: Rational } | undefined;
      }
    >;

/** The pro forma of a round (`roundtable model`, the API's model): exact values and named references. */
export interface ModelReport {
  readonly company: { readonly name: string; readonly currency: string };
  /** The what-ifs the report was priced with (DEAL-WHATIF-4), when any. */
  readonly whatIf?: WhatIfOutcome;
  readonly round: {
    readonly round: Ref;
    readonly date: string;
    readonly shareClass: Ref;
    readonly pricePerShare: Money;
    readonly exactPricePerShare: Money;
    readonly preMoneyValuation: Money;
    readonly postMoneyValuation: Money;
    readonly newMoney: Money;
    readonly statedValuation: { readonly basis: string; readonly value: Money };
    readonly pricing: PricingNote;
    readonly poolIncrease: bigint;
    readonly newShares: bigint;
    readonly conversionShares: bigint;
    readonly fullyDilutedSharesBefore: bigint;
    readonly fullyDilutedSharesAfter: bigint;
    /** The totals on the three bases before and after the round (the holders' columns sum to them). */
    readonly totalsBefore: ModelTotals;
    readonly totalsAfter: ModelTotals;
    readonly oversubscribed: boolean;
    readonly conventions: RoundConventions;
    readonly pool: RoundOutcome["terms"]["pool"];
  };
  readonly holders: readonly ModelHolder[];
  readonly classes: readonly ModelClass[];
  readonly investments: readonly {
    readonly investor: Ref;
    readonly requested: Money;
    readonly accepted: Money;
    readonly shares: bigint;
    readonly paid: Money;
    readonly lead: boolean;
    readonly proRata: boolean;
    readonly closing: string | undefined;
    readonly date: string;
  }[];
  readonly conversions: readonly {
    readonly security: Ref;
    readonly holder: Ref;
    readonly instrument: "safe" | "note";
    readonly convertingAmount: Money;
    readonly interest: Money | undefined;
    readonly basis: "cap" | "discount" | "round_price";
    readonly conversionPrice: Money;
    readonly shares: bigint;
  }[];
  readonly antiDilution: readonly (Omit<AntiDilutionOutcome, "classId"> & { readonly shareClass: Ref })[];
  /** The round's pay-to-play term, applied (P2P-6): present only when the round states one. */
  readonly payToPlay?: {
    readonly form: "all_or_nothing" | "partial";
    readonly offered: bigint;
    readonly holders: readonly {
      readonly holder: Ref;
      readonly proRata: Rational;
      readonly purchased: bigint;
      readonly converted: bigint;
    }[];
  };
  readonly assumptions: readonly {
    readonly id: string;
    readonly text: string;
    readonly source: string | undefined;
    /** The fields the assumption gives: the document path as id, what it is as name. */
    readonly fields: readonly FieldRef[];
  }[];
  /** When some round amount is uncertain: the scenario that gave its value (DEAL-4). */
  readonly scenario:
    | {
        readonly name: string;
        /** The claims the scenario holds, the deal's own stated terms (`terms:`) included. */
        readonly claims: readonly Ref[];
        readonly values: readonly {
          readonly quantity: QuantityRefNamed;
          readonly value: Rational;
          readonly how: string;
          readonly atOpenBound: boolean;
        }[];
      }
    | undefined;
  readonly warnings: readonly Problem[];
}

interface RowFigures {
  readonly kind: ModelHolder["kind"];
  readonly id: string;
  readonly name: string;
  /** A pool's own name. */
  readonly poolName?: string;
  readonly outstanding: [bigint, bigint];
  readonly asConverted: [bigint, bigint];
  readonly fd: [bigint, bigint];
  readonly byClass: Map<string, bigint>;
}

/** The holder rows of two views side by side: stakeholders of either in declaration order, then pools. */
function holderRows(
  before: CapTableView,
  after: CapTableView,
  order: ReadonlyMap<string, number>,
): RowFigures[] {
  const rows = new Map<string, RowFigures>();
  for (const [index, view] of [before, after].entries()) {
    for (const h of view.holders) {
      let row = rows.get(h.holder);
      if (!row) {
        row = {
          kind: "stakeholder",
          id: h.holder,
          name: h.name,
          outstanding: [0n, 0n],
          asConverted: [0n, 0n],
          fd: [0n, 0n],
          byClass: new Map(),
        };
        rows.set(h.holder, row);
      }
      row.outstanding[index] = h.outstanding;
      row.asConverted[index] = h.asConverted;
      row.fd[index] = h.fullyDiluted;
      if (index === 1) for (const [c, n] of h.sharesByClass) row.byClass.set(c, n);
    }
  }
  // In declaration order, read off the order itself (no sort): every holder of either view
  // is a stakeholder of the table after the round.
  const stakeholderRows: RowFigures[] = [];
  for (const id of order.keys()) {
    const row = rows.get(id);
    if (row) stakeholderRows.push(row);
  }
  if (stakeholderRows.length !== rows.size)
    throw new Error("model: a holder is not a stakeholder of the table");
  const poolRows = new Map<string, RowFigures>();
  for (const [index, view] of [before, after].entries()) {
    for (const p of view.pools) {
      let row = poolRows.get(p.pool);
      if (!row) {
        row = {
          kind: "unallocated_pool",
          id: p.pool,
          name: `Unallocated: ${p.name}`,
          poolName: p.name,
          outstanding: [0n, 0n],
          asConverted: [0n, 0n],
          fd: [0n, 0n],
          byClass: new Map(),
        };
        poolRows.set(p.pool, row);
      }
      row.fd[index] = p.available;
    }
  }
  return [...stakeholderRows, ...poolRows.values()];
}

function pricingNote(
  outcome: RoundOutcome,
  fdBefore: bigint,
  fdAfter: bigint,
  conversionShares: bigint,
): PricingNote {
  const basis = outcome.terms.pricing.basis;
  if (basis === "price_per_share") return { code: "valuation_as_stated", params: { basis } };
  const stated = {
    kind: "money",
    currency: outcome.preMoneyValuation.currency,
    amount: outcome.terms.pricing.value.amount,
  } as Money;
  const priced = basis === "pre_money" ? outcome.preMoneyValuation : outcome.postMoneyValuation;
  if (priced.amount.eq(stated.amount)) return { code: "valuation_as_stated", params: { basis } };
  const difference = priced.amount.sub(stated.amount);
  const priceRounding = outcome.pricePerShare.amount.sub(outcome.exactPricePerShare.amount).mulInt(fdAfter);
  const method = outcome.terms.conventions.convertibles;
  const conversionPart =
    basis !== "pre_money"
      ? undefined
      : method === "outside_pre_money" && conversionShares > 0n
        ? outcome.pricePerShare.amount.mulInt(conversionShares)
        : method === "dollars_invested" && outcome.conversions.length > 0
          ? Rational.sum(outcome.conversions.map((c) => c.convertingAmount.amount))
          : undefined;
  const conversions =
    conversionPart === undefined || conversionPart.isZero()
      ? undefined
      : { method: method as "outside_pre_money" | "dollars_invested", amount: conversionPart };
  // The shares after the round that no purchase, conversion or pool top-up issued are the
  // adjusted classes' extra as-converted shares (ADJ-3: the round is priced before them).
  const issued =
    outcome.investments.reduce((sum, i) => sum + i.shares, 0n) + conversionShares + outcome.poolIncrease;
  const adjustedShares = outcome.antiDilution.length > 0 ? fdAfter - fdBefore - issued : 0n;
  const antiDilution =
    adjustedShares > 0n
      ? { shares: adjustedShares, amount: outcome.pricePerShare.amount.mulInt(adjustedShares) }
      : undefined;
  return {
    code: "valuation_differs_from_stated",
    params: {
      basis,
      stated,
      priced,
      difference,
      priceRounding,
      wholeShares: difference
        .sub(priceRounding)
        .sub(conversions?.amount ?? Rational.ZERO)
        .sub(antiDilution?.amount ?? Rational.ZERO),
      antiDilution,
      conversionShares,
      conversions,
      pricePlaces: outcome.terms.conventions.pricePrecision?.places,
    },
  };
}

const FIELD_WORDS: Readonly<Record<string, string>> = {
  preMoney: "pre-money",
  postMoney: "post-money",
  pricePerShare: "price per share",
  shares: "shares",
  amount: "amount",
  target: "target",
};

/**
 * A field of the deal file an assumption gives a value to: its document path as id, what
 * it is in English as name, and the parts of that name (the transaction's kind, date and
 * holder, or the round; the field), which the French renderer words (APP-9).
 */
export interface FieldRef extends Ref {
  readonly about?:
    | {
        readonly kind: "transaction";
        readonly type: string;
        readonly date: string;
        readonly holder?: string;
        readonly field?: string;
      }
    | { readonly kind: "round"; readonly round: string; readonly field?: string };
}

/**
 * A deal field by what it is: `transactions[2]` is "the stock issuance of 2025-10-28 to
 * Employees and other investors", `rounds[0].preMoney` is "2026 mega-round pre-money";
 * `about` keeps the parts, for a renderer that words them in another language.
 */
function fieldRef(deal: Deal, path: string): FieldRef {
  const m = /^(transactions|rounds)\[(\d+)\](?:\.(\w+))?/.exec(path);
  const fieldName = m?.[3];
  const field = fieldName ? ` ${FIELD_WORDS[fieldName] ?? fieldName}` : "";
  const withField = fieldName ? { field: fieldName } : {};
  if (m?.[1] === "transactions") {
    const t = deal.ledger.transactions[Number(m[2])];
    if (t) {
      const holder = "holder" in t ? t.holder : "to" in t ? t.to : undefined;
      const name = holder ? deal.ledger.stakeholders.find((s) => s.id === holder)?.name : undefined;
      return {
        id: path,
        name: `the ${t.type.replaceAll("_", " ")} of ${t.date}${name ? ` to ${name}` : ""}${field}`,
        about: {
          kind: "transaction",
          type: t.type,
          date: t.date,
          ...(name !== undefined ? { holder: name } : {}),
          ...withField,
        },
      };
    }
  }
  if (m?.[1] === "rounds") {
    const r = deal.document.rounds?.[Number(m[2])];
    if (r) {
      const round = r.name ?? r.id;
      return { id: path, name: `${round}${field}`, about: { kind: "round", round, ...withField } };
    }
  }
  return { id: path, name: path };
}

/**
 * A holder's row of the report. Its exact fractions and dilution are reduced when first
 * read, then kept (accessors of the class): a fraction's reduction (a gcd of large
 * integers) is most of the cost of a report of many holders, and the web app's round
 * builder, which builds one report per slider step, reads the counts only. The values are
 * the same exact Rationals (APP-2).
 */
class HolderRow implements ModelHolder {
  readonly kind: ModelHolder["kind"];
  readonly holder: Ref;
  readonly pool?: Ref;
  readonly sharesBefore: bigint;
  readonly sharesAfter: bigint;
  readonly asConvertedSharesBefore: bigint;
  readonly asConvertedSharesAfter: bigint;
  readonly fullyDilutedSharesBefore: bigint;
  readonly fullyDilutedSharesAfter: bigint;
  readonly invested: Money;
  readonly sharesAfterByClass: readonly { readonly shareClass: Ref; readonly shares: bigint }[];
  #totalBefore: bigint;
  #totalAfter: bigint;
  #before: Rational | undefined = undefined;
  #after: Rational | undefined = undefined;
  #dilution: Rational | undefined | null = null;

  constructor(
    r: RowFigures,
    totals: readonly [bigint, bigint],
    invested: Money,
    names: ReturnType<typeof namer>,
  ) {
    this.kind = r.kind;
    this.holder = { id: r.id, name: r.name };
    if (r.poolName !== undefined) this.pool = { id: r.id, name: r.poolName };
    this.sharesBefore = r.outstanding[0];
    this.sharesAfter = r.outstanding[1];
    this.asConvertedSharesBefore = r.asConverted[0];
    this.asConvertedSharesAfter = r.asConverted[1];
    this.fullyDilutedSharesBefore = r.fd[0];
    this.fullyDilutedSharesAfter = r.fd[1];
    this.invested = invested;
    this.sharesAfterByClass = [...r.byClass].map(([c, shares]) => ({
      shareClass: names.shareClass(c),
      shares,
    }));
    this.#totalBefore = totals[0];
    this.#totalAfter = totals[1];
  }

  get fullyDilutedBefore(): Rational {
    this.#before ??= fractionOf(this.fullyDilutedSharesBefore, this.#totalBefore);
    return this.#before;
  }

  get fullyDilutedAfter(): Rational {
    this.#after ??= fractionOf(this.fullyDilutedSharesAfter, this.#totalAfter);
    return this.#after;
  }

  get dilution(): Rational | undefined {
    if (this.#dilution === null) {
      const before = this.fullyDilutedBefore;
      this.#dilution =
        this.kind !== "stakeholder" || before.isZero()
          ? undefined
          : Rational.ONE.sub(this.fullyDilutedAfter.div(before));
    }
    return this.#dilution;
  }
}

function totalsOf(view: CapTableView): ModelTotals {
  const { outstanding, asConverted, fullyDiluted } = view.totals;
  return { outstanding, asConverted, fullyDiluted };
}

/** A class's counts in a view: issued, as converted, and fully diluted (with its pools' unallocated options). */
function classCounts(view: CapTableView, table: RoundOutcome["after"], classId: string) {
  const c = view.classes.find((x) => x.classId === classId);
  if (!c) return { issued: 0n, asConverted: 0n, fullyDiluted: 0n };
  let poolAvailable = 0n;
  for (const p of view.pools) if (table.pools.get(p.pool)?.classId === classId) poolAvailable += p.available;
  return {
    issued: c.issued,
    asConverted: c.asConverted,
    fullyDiluted: c.asConverted + c.options + c.warrants + poolAvailable,
  };
}

/**
 * The typed pro forma of a priced round. `beforeView`, when given, is the cap-table view of
 * `outcome.before` already computed (the web app's round builder keeps it across slider
 * steps, which price the round again on the same table before it).
 */
export function modelReportOf(
  deal: Deal,
  outcome: RoundOutcome,
  warnings: readonly Problem[],
  beforeView?: CapTableView,
): ModelReport {
  const before = beforeView ?? capTableView(outcome.before);
  const after = capTableView(outcome.after);
  const names = namer(outcome.after, deal);
  const order = new Map<string, number>();
  for (const id of outcome.after.stakeholders.keys()) order.set(id, order.size);
  const rows = holderRows(before, after, order);
  const invested = new Map<string, Rational>();
  for (const inv of outcome.investments) {
    invested.set(inv.investor, (invested.get(inv.investor) ?? Rational.ZERO).add(inv.paid.amount));
  }
  const currency = deal.ledger.company.currency;
  const money = (amount: Rational): Money => ({ kind: "money", currency, amount }) as Money;
  const terms = outcome.terms;
  const conversionShares = outcome.conversions.reduce((sum, c) => sum + c.shares, 0n);
  const newShares = outcome.investments.reduce((sum, i) => sum + i.shares, 0n);
  const fields = new Map<string, string[]>();
  for (const [path, id] of deal.assumedFields) fields.set(id, [...(fields.get(id) ?? []), path]);
  return {
    company: { name: deal.ledger.company.name, currency },
    round: {
      round: { id: terms.id, name: terms.name },
      date: terms.date,
      shareClass: names.shareClass(outcome.classId),
      pricePerShare: outcome.pricePerShare,
      exactPricePerShare: outcome.exactPricePerShare,
      preMoneyValuation: outcome.preMoneyValuation,
      postMoneyValuation: outcome.postMoneyValuation,
      newMoney: outcome.newMoney,
      statedValuation: { basis: terms.pricing.basis, value: terms.pricing.value },
      pricing: pricingNote(outcome, before.totals.fullyDiluted, after.totals.fullyDiluted, conversionShares),
      poolIncrease: outcome.poolIncrease,
      newShares,
      conversionShares,
      fullyDilutedSharesBefore: before.totals.fullyDiluted,
      fullyDilutedSharesAfter: after.totals.fullyDiluted,
      totalsBefore: totalsOf(before),
      totalsAfter: totalsOf(after),
      oversubscribed: outcome.oversubscribed,
      conventions: terms.conventions,
      pool: terms.pool,
    },
    holders: rows.map(
      (r) =>
        new HolderRow(
          r,
          [before.totals.fullyDiluted, after.totals.fullyDiluted],
          money(invested.get(r.id) ?? Rational.ZERO),
          names,
        ),
    ),
    classes: after.classes.map((c) => {
      // Pools keep their class through a round: the table after it names every pool's class.
      const b = classCounts(before, outcome.after, c.classId);
      const a = classCounts(after, outcome.after, c.classId);
      return {
        shareClass: { id: c.classId, name: c.name },
        type: c.type,
        issuedBefore: b.issued,
        issuedAfter: c.issued,
        asConvertedSharesBefore: b.asConverted,
        asConvertedSharesAfter: a.asConverted,
        fullyDilutedSharesBefore: b.fullyDiluted,
        fullyDilutedSharesAfter: a.fullyDiluted,
        conversionRatio: c.conversionRatio,
      };
    }),
    investments: outcome.investments.map((i) => ({
      investor: names.holder(i.investor),
      requested: i.requested,
      accepted: i.accepted,
      shares: i.shares,
      paid: i.paid,
      lead: i.lead,
      proRata: i.proRata,
      closing: i.closing,
      date: i.date,
    })),
    conversions: outcome.conversions.map((c) => ({
      security: names.security(c.security),
      holder: names.holder(c.holder),
      instrument: c.instrument,
      convertingAmount: c.convertingAmount,
      interest: c.interest,
      basis: c.basis,
      conversionPrice: c.conversionPrice,
      shares: c.shares,
    })),
    antiDilution: outcome.antiDilution.map(({ classId, ...a }) => ({
      ...a,
      shareClass: names.shareClass(classId),
    })),
    ...(outcome.payToPlay
      ? {
          payToPlay: {
            ...outcome.payToPlay,
            holders: outcome.payToPlay.holders.map((h) => ({ ...h, holder: names.holder(h.holder) })),
          },
        }
      : {}),
    assumptions: deal.assumptions.map((a) => ({
      id: a.id,
      text: a.text,
      source: a.source,
      fields: (fields.get(a.id) ?? []).map((path) => fieldRef(deal, path)),
    })),
    scenario: deal.scenario
      ? {
          name: deal.scenario.name,
          claims: deal.scenario.claims.map((c) => names.claim(c)),
          values: deal.scenario.values.map((v) => ({
            quantity: names.quantity(v.quantity),
            value: v.value,
            how: v.how,
            atOpenBound: v.atOpenBound,
          })),
        }
      : undefined,
    warnings,
  };
}

export interface ModelInput {
  readonly round?: string | undefined;
  readonly scenario?: string | undefined;
  readonly set?: readonly string[];
}

/**
 * The price per share of each of the deal's rounds, in order, the whole deal run (the
 * base scenario): what an investor sees of the rounds when `round_price` is shared (AUTH-7).
 */
export function roundPricesOf(
  deal: Deal,
): Result<{ readonly round: string; readonly pricePerShare: Money }[]> {
  const run = runDeal(deal.ledger, deal.rounds);
  if (!run.ok) return run;
  return ok(
    run.value.rounds.map((o) => ({ round: o.terms.id as string, pricePerShare: o.pricePerShare })),
    run.warnings,
  );
}

/** Runs the deal up to the chosen round (the last by default) in the chosen scenario and prices it. */
export function modelOf(loaded: Deal, input: ModelInput): Result<ModelReport> {
  const chosen = dealForInput(loaded, input);
  if (!chosen.ok) return chosen;
  const { deal, whatIf } = chosen.value;
  const round = chosenRound(deal, input.round, "to model");
  if (!round.ok) return round;
  const run = runDeal(deal.ledger, deal.rounds, { untilRound: roundId(round.value.id) });
  if (!run.ok) return run;
  const outcome = run.value.rounds[run.value.rounds.length - 1]!;
  const report = modelReportOf(deal, outcome, run.warnings);
  return ok(whatIf ? { ...report, whatIf } : report, run.warnings);
}

/** The `model` use case (APP-1): the pro forma of a round. */
export const model: DealUseCase<ModelInput, ModelReport> = {
  name: "model",
  summary: "The pro forma of a round: price, pre- and post-money, each holder before and after.",
  input: z.strictObject({ round: RoundParam, scenario: ScenarioParam, set: SetParam }),
  mode: "sync",
  on: "deal",
  run: modelOf,
  json: modelJson,
};
