import type { ModelReport as AppModelReport } from "../app/model.js";
import type { SolveReport } from "../app/solve.js";
import { formatPath } from "../core/shared/problem.js";
import { amount, decimal, fractionsSummingToOne } from "./format.js";
import { whatIfJson } from "./what-if-report.js";

/**
 * The JSON report of `roundtable model` (and of the API's model endpoint): the round's
 * numbers and each holder's position before and after. Amounts, prices and fractions
 * are decimal strings, share counts integer strings, fractions 0 to 1 (SPEC OUT-1).
 */
export interface ModelReport {
  readonly whatIf?: ReturnType<typeof whatIfJson>;
  readonly company: string;
  readonly currency: string;
  readonly round: {
    readonly id: string;
    readonly name: string;
    readonly date: string;
    readonly class: string;
    readonly pricePerShare: string;
    readonly exactPricePerShare: string;
    readonly preMoneyValuation: string;
    readonly postMoneyValuation: string;
    readonly newMoney: string;
    readonly statedValuation: { readonly basis: string; readonly value: string };
    readonly poolIncrease: string;
    readonly newShares: string;
    readonly conversionShares: string;
    readonly fullyDilutedSharesBefore: string;
    readonly fullyDilutedSharesAfter: string;
    readonly oversubscribed: boolean;
    readonly conventions: Record<string, unknown>;
  };
  readonly holders: readonly HolderRow[];
  readonly classes: readonly ClassRow[];
  readonly investments: readonly Record<string, unknown>[];
  readonly conversions: readonly Record<string, unknown>[];
  readonly antiDilution: readonly Record<string, unknown>[];
  readonly assumptions: readonly { id: string; text: string; source: string | null; fields: string[] }[];
  /** When some round amount is uncertain: the scenario that gave its value, and how each quantity was chosen (DEAL-4). */
  readonly scenario: {
    readonly name: string;
    readonly claims: readonly string[];
    readonly values: readonly {
      quantity: string;
      label: string;
      value: string;
      how: string;
      atOpenBound: boolean;
    }[];
  } | null;
  readonly warnings: readonly { code: string; message: string; path: string | null }[];
}

export interface HolderRow {
  readonly kind: "stakeholder" | "unallocated_pool";
  readonly id: string;
  readonly name: string;
  /** Issued and outstanding shares, all classes. */
  readonly sharesBefore: string;
  readonly sharesAfter: string;
  readonly fullyDilutedSharesBefore: string;
  readonly fullyDilutedSharesAfter: string;
  /** Fractions of the fully diluted total, 0 to 1; over all rows each sums to exactly 1 (OUT-2). */
  readonly fullyDilutedBefore: string;
  readonly fullyDilutedAfter: string;
  /** Relative dilution 1 - after/before of the fully diluted fraction; null for a new holder or a pool. */
  readonly dilution: string | null;
  readonly invested: string;
  readonly sharesAfterByClass: Record<string, string>;
}

export interface ClassRow {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly issuedBefore: string;
  readonly issuedAfter: string;
  readonly conversionRatio: string;
}

/**
 * The JSON of a typed pro forma (SPEC OUT-1, OUT-2, APP-3): exactly what `roundtable model
 * --format json` and the API's model endpoint wrote before the application layer.
 */
export function modelJson(report: AppModelReport): ModelReport {
  const r = report.round;
  const fdBefore = fractionsSummingToOne(report.holders.map((h) => h.fullyDilutedBefore));
  const fdAfter = fractionsSummingToOne(report.holders.map((h) => h.fullyDilutedAfter));
  const pool = r.pool;
  return {
    company: report.company.name,
    currency: report.company.currency,
    round: {
      id: r.round.id,
      name: r.round.name,
      date: r.date,
      class: r.shareClass.id,
      pricePerShare: amount(r.pricePerShare),
      exactPricePerShare: amount(r.exactPricePerShare),
      preMoneyValuation: amount(r.preMoneyValuation),
      postMoneyValuation: amount(r.postMoneyValuation),
      newMoney: amount(r.newMoney),
      statedValuation: { basis: r.statedValuation.basis, value: amount(r.statedValuation.value) },
      poolIncrease: r.poolIncrease.toString(),
      newShares: r.newShares.toString(),
      conversionShares: r.conversionShares.toString(),
      fullyDilutedSharesBefore: r.fullyDilutedSharesBefore.toString(),
      fullyDilutedSharesAfter: r.fullyDilutedSharesAfter.toString(),
      oversubscribed: r.oversubscribed,
      conventions: {
        convertibles: r.conventions.convertibles,
        pricePrecision: r.conventions.pricePrecision ?? null,
        shareRounding: r.conventions.shareRounding,
        noteInterestConverts: r.conventions.noteInterestConverts,
        pool:
          pool.kind === "none"
            ? null
            : pool.kind === "shares"
              ? { pool: pool.poolId, shares: pool.shares.toString(), inPreMoney: pool.inPreMoney }
              : {
                  pool: pool.poolId,
                  target: decimal(pool.fraction),
                  of: pool.of,
                  inPreMoney: pool.inPreMoney,
                },
      },
    },
    holders: report.holders.map((h, i) => ({
      kind: h.kind,
      id: h.holder.id,
      name: h.holder.name,
      sharesBefore: h.sharesBefore.toString(),
      sharesAfter: h.sharesAfter.toString(),
      fullyDilutedSharesBefore: h.fullyDilutedSharesBefore.toString(),
      fullyDilutedSharesAfter: h.fullyDilutedSharesAfter.toString(),
      fullyDilutedBefore: fdBefore[i]!,
      fullyDilutedAfter: fdAfter[i]!,
      dilution: h.dilution === undefined ? null : decimal(h.dilution),
      invested: decimal(h.invested.amount),
      sharesAfterByClass: Object.fromEntries(
        h.sharesAfterByClass.map((c) => [c.shareClass.id, c.shares.toString()]),
      ),
    })),
    classes: report.classes.map((c) => ({
      id: c.shareClass.id,
      name: c.shareClass.name,
      type: c.type,
      issuedBefore: c.issuedBefore.toString(),
      issuedAfter: c.issuedAfter.toString(),
      conversionRatio: decimal(c.conversionRatio),
    })),
    investments: report.investments.map((i) => ({
      investor: i.investor.id,
      requested: amount(i.requested),
      accepted: amount(i.accepted),
      shares: i.shares.toString(),
      paid: amount(i.paid),
      lead: i.lead,
      proRata: i.proRata,
      closing: i.closing ?? null,
      date: i.date,
    })),
    conversions: report.conversions.map((c) => ({
      security: c.security.id,
      holder: c.holder.id,
      instrument: c.instrument,
      convertingAmount: amount(c.convertingAmount),
      interest: c.interest ? amount(c.interest) : null,
      basis: c.basis,
      conversionPrice: amount(c.conversionPrice),
      shares: c.shares.toString(),
    })),
    antiDilution: report.antiDilution.map((a) => ({
      class: a.shareClass.id,
      method: a.method,
      conversionPriceBefore: amount(a.conversionPriceBefore),
      conversionPriceAfter: amount(a.conversionPriceAfter),
      conversionRatioBefore: decimal(a.ratioBefore),
      conversionRatioAfter: decimal(a.ratioAfter),
      // ADJ-4: a later closing's adjustment says which closing made it (absent for the first's).
      ...(a.closing === undefined ? {} : { closing: a.closing, date: a.date }),
    })),
    // P2P-6: only when the round states a pay-to-play (added; the fields above are unchanged).
    ...(report.payToPlay
      ? {
          payToPlay: {
            form: report.payToPlay.form,
            offered: report.payToPlay.offered.toString(),
            holders: report.payToPlay.holders.map((h) => ({
              holder: h.holder.id,
              name: h.holder.name,
              proRata: decimal(h.proRata),
              purchased: h.purchased.toString(),
              converted: h.converted.toString(),
            })),
          },
        }
      : {}),
    assumptions: report.assumptions.map((a) => ({
      id: a.id,
      text: a.text,
      source: a.source ?? null,
      fields: a.fields.map((f) => f.id),
    })),
    scenario: report.scenario
      ? {
          name: report.scenario.name,
          claims: report.scenario.claims.map((c) => c.id),
          values: report.scenario.values.map((v) => ({
            quantity: v.quantity.id,
            label: v.quantity.name,
            value: decimal(v.value),
            how: v.how,
            atOpenBound: v.atOpenBound,
          })),
        }
      : null,
    warnings: report.warnings.map((w) => ({
      code: w.code,
      message: w.message,
      path: w.path ? formatPath(w.path) : null,
    })),
    // Only with what-ifs (DEAL-WHATIF-4): the documented JSON is unchanged without them.
    ...(report.whatIf ? { whatIf: whatIfJson(report.whatIf) } : {}),
  };
}

/** The JSON of a solved round (SPEC APP-3): the solution, then the round's pro forma. */
export function solveJson(report: SolveReport) {
  const model = modelJson(report.model);
  const s = report.solution;
  return {
    solution: {
      investor: s.investor.id,
      targetFraction: decimal(s.targetFraction),
      achievedFraction: decimal(s.achievedFraction),
      unknown: s.unknown,
      exactPricePerShare: amount(s.exactPricePerShare),
      pricePerShare: model.round.pricePerShare,
      preMoneyValuation: model.round.preMoneyValuation,
      postMoneyValuation: model.round.postMoneyValuation,
      amount: s.amount ? amount(s.amount) : null,
    },
    model,
  };
}
