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
  readonly sharesBefore: bigint;
  readonly sharesAfter: bigint;
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
  readonly conversionRatio: Rational;
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
    readonly fields: readonly Ref[];
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
  readonly outstanding: [bigint, bigint];
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
          fd: [0n, 0n],
          byClass: new Map(),
        };
        rows.set(h.holder, row);
      }
      row.outstanding[index] = h.outstanding;
      row.fd[index] = h.fullyDiluted;
      if (index === 1) for (const [c, n] of h.sharesByClass) row.byClass.set(c, n);
    }
  }
  const stakeholderRows = [...rows.values()].sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  const poolRows = new Map<string, RowFigures>();
  for (const [index, view] of [before, after].entries()) {
    for (const p of view.pools) {
      let row = poolRows.get(p.pool);
      if (!row) {
        row = {
          kind: "unallocated_pool",
          id: p.pool,
          name: `Unallocated: ${p.name}`,
          outstanding: [0n, 0n],
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
 * A deal field by what it is: `transactions[2]` is "the stock issuance of 2025-10-28 to
 * Employees and other investors", `rounds[0].preMoney` is "2026 mega-round pre-money".
 */
function fieldRef(deal: Deal, path: string): Ref {
  const m = /^(transactions|rounds)\[(\d+)\](?:\.(\w+))?/.exec(path);
  const field = m?.[3] ? ` ${FIELD_WORDS[m[3]] ?? m[3]}` : "";
  if (m?.[1] === "transactions") {
    const t = deal.ledger.transactions[Number(m[2])];
    if (t) {
      const holder = "holder" in t ? t.holder : "to" in t ? t.to : undefined;
      const name = holder ? deal.ledger.stakeholders.find((s) => s.id === holder)?.name : undefined;
      return {
        id: path,
        name: `the ${t.type.replaceAll("_", " ")} of ${t.date}${name ? ` to ${name}` : ""}${field}`,
      };
    }
  }
  if (m?.[1] === "rounds") {
    const r = deal.document.rounds?.[Number(m[2])];
    if (r) return { id: path, name: `${r.name ?? r.id}${field}` };
  }
  return { id: path, name: path };
}

/** The typed pro forma of a priced round. */
export function modelReportOf(deal: Deal, outcome: RoundOutcome, warnings: readonly Problem[]): ModelReport {
  const before = capTableView(outcome.before);
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
      oversubscribed: outcome.oversubscribed,
      conventions: terms.conventions,
      pool: terms.pool,
    },
    holders: rows.map((r) => {
      const fb = fractionOf(r.fd[0], before.totals.fullyDiluted);
      const fa = fractionOf(r.fd[1], after.totals.fullyDiluted);
      return {
        kind: r.kind,
        holder: { id: r.id, name: r.name },
        sharesBefore: r.outstanding[0],
        sharesAfter: r.outstanding[1],
        fullyDilutedSharesBefore: r.fd[0],
        fullyDilutedSharesAfter: r.fd[1],
        fullyDilutedBefore: fb,
        fullyDilutedAfter: fa,
        dilution: r.kind !== "stakeholder" || fb.isZero() ? undefined : Rational.ONE.sub(fa.div(fb)),
        invested: money(invested.get(r.id) ?? Rational.ZERO),
        sharesAfterByClass: [...r.byClass].map(([c, shares]) => ({
          shareClass: names.shareClass(c),
          shares,
        })),
      };
    }),
    classes: after.classes.map((c) => ({
      shareClass: { id: c.classId, name: c.name },
      type: c.type,
      issuedBefore: before.classes.find((b) => b.classId === c.classId)?.issued ?? 0n,
      issuedAfter: c.issued,
      conversionRatio: c.conversionRatio,
    })),
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
