import { Rational } from "../core/exact/rational.js";
import type { CapTable } from "../core/ledger/cap-table.js";
import { type CapTableView, capTableView, fractionOf } from "../core/ledger/views.js";
import type { RoundOutcome } from "../core/round/price-round.js";
import type { Problem } from "../core/shared/problem.js";
import { formatPath } from "../core/shared/problem.js";
import type { Deal } from "../deal/build.js";
import { amount, decimal, fractionsSummingToOne } from "./format.js";

/**
 * The JSON report of `roundtable model` (and of the API's model endpoint): the round's
 * numbers and each holder's position before and after. Amounts, prices and fractions
 * are decimal strings, share counts integer strings, fractions 0 to 1 (SPEC OUT-1).
 */
export interface ModelReport {
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

interface RowFigures {
  readonly kind: HolderRow["kind"];
  readonly id: string;
  readonly name: string;
  readonly outstanding: [bigint, bigint];
  readonly fd: [bigint, bigint];
  readonly byClass: Map<string, bigint>;
}

/** The holder rows of two views side by side: holders of either, then pools. */
export function holderRows(before: CapTableView, after: CapTableView, table: CapTable): RowFigures[] {
  const rows = new Map<string, RowFigures>();
  for (const [index, view] of [before, after].entries()) {
    for (const h of view.holders) {
      let row = rows.get(`s:${h.holder}`);
      if (!row) {
        row = {
          kind: "stakeholder",
          id: h.holder,
          name: h.name,
          outstanding: [0n, 0n],
          fd: [0n, 0n],
          byClass: new Map(),
        };
        rows.set(`s:${h.holder}`, row);
      }
      row.outstanding[index] = h.outstanding;
      row.fd[index] = h.fullyDiluted;
      if (index === 1) for (const [c, n] of h.sharesByClass) row.byClass.set(c, n);
    }
  }
  // Stakeholders in declaration order, then pools.
  const order = new Map<string, number>();
  for (const id of table.stakeholders.keys()) order.set(id, order.size);
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

export function modelReport(deal: Deal, outcome: RoundOutcome, warnings: readonly Problem[]): ModelReport {
  const before = capTableView(outcome.before);
  const after = capTableView(outcome.after);
  const rows = holderRows(before, after, outcome.after);
  const fdBefore = fractionsSummingToOne(rows.map((r) => fractionOf(r.fd[0], before.totals.fullyDiluted)));
  const fdAfter = fractionsSummingToOne(rows.map((r) => fractionOf(r.fd[1], after.totals.fullyDiluted)));
  const invested = new Map<string, Rational>();
  for (const inv of outcome.investments) {
    invested.set(inv.investor, (invested.get(inv.investor) ?? Rational.ZERO).add(inv.paid.amount));
  }
  const terms = outcome.terms;
  const conversionShares = outcome.conversions.reduce((sum, c) => sum + c.shares, 0n);
  const newShares = outcome.investments.reduce((sum, i) => sum + i.shares, 0n);
  const fields = new Map<string, string[]>();
  for (const [path, id] of deal.assumedFields) fields.set(id, [...(fields.get(id) ?? []), path]);
  return {
    company: deal.ledger.company.name,
    currency: deal.ledger.company.currency,
    round: {
      id: terms.id,
      name: terms.name,
      date: terms.date,
      class: outcome.classId,
      pricePerShare: amount(outcome.pricePerShare),
      exactPricePerShare: amount(outcome.exactPricePerShare),
      preMoneyValuation: amount(outcome.preMoneyValuation),
      postMoneyValuation: amount(outcome.postMoneyValuation),
      newMoney: amount(outcome.newMoney),
      statedValuation: { basis: terms.pricing.basis, value: amount(terms.pricing.value) },
      poolIncrease: outcome.poolIncrease.toString(),
      newShares: newShares.toString(),
      conversionShares: conversionShares.toString(),
      fullyDilutedSharesBefore: before.totals.fullyDiluted.toString(),
      fullyDilutedSharesAfter: after.totals.fullyDiluted.toString(),
      oversubscribed: outcome.oversubscribed,
      conventions: {
        convertibles: terms.conventions.convertibles,
        pricePrecision: terms.conventions.pricePrecision ?? null,
        shareRounding: terms.conventions.shareRounding,
        noteInterestConverts: terms.conventions.noteInterestConverts,
        pool:
          terms.pool.kind === "none"
            ? null
            : terms.pool.kind === "shares"
              ? {
                  pool: terms.pool.poolId,
                  shares: terms.pool.shares.toString(),
                  inPreMoney: terms.pool.inPreMoney,
                }
              : {
                  pool: terms.pool.poolId,
                  target: decimal(terms.pool.fraction),
                  of: terms.pool.of,
                  inPreMoney: terms.pool.inPreMoney,
                },
      },
    },
    holders: rows.map((r, i) => {
      const fb = fractionOf(r.fd[0], before.totals.fullyDiluted);
      const fa = fractionOf(r.fd[1], after.totals.fullyDiluted);
      return {
        kind: r.kind,
        id: r.id,
        name: r.name,
        sharesBefore: r.outstanding[0].toString(),
        sharesAfter: r.outstanding[1].toString(),
        fullyDilutedSharesBefore: r.fd[0].toString(),
        fullyDilutedSharesAfter: r.fd[1].toString(),
        fullyDilutedBefore: fdBefore[i]!,
        fullyDilutedAfter: fdAfter[i]!,
        dilution: r.kind !== "stakeholder" || fb.isZero() ? null : decimal(Rational.ONE.sub(fa.div(fb))),
        invested: decimal(invested.get(r.id) ?? Rational.ZERO),
        sharesAfterByClass: Object.fromEntries([...r.byClass].map(([c, n]) => [c, n.toString()])),
      };
    }),
    classes: after.classes.map((c) => ({
      id: c.classId,
      name: c.name,
      type: c.type,
      issuedBefore: (before.classes.find((b) => b.classId === c.classId)?.issued ?? 0n).toString(),
      issuedAfter: c.issued.toString(),
      conversionRatio: decimal(c.conversionRatio),
    })),
    investments: outcome.investments.map((i) => ({
      investor: i.investor,
      requested: amount(i.requested),
      accepted: amount(i.accepted),
      shares: i.shares.toString(),
      paid: amount(i.paid),
      lead: i.lead,
      proRata: i.proRata,
      closing: i.closing ?? null,
      date: i.date,
    })),
    conversions: outcome.conversions.map((c) => ({
      security: c.security,
      holder: c.holder,
      instrument: c.instrument,
      convertingAmount: amount(c.convertingAmount),
      interest: c.interest ? amount(c.interest) : null,
      basis: c.basis,
      conversionPrice: amount(c.conversionPrice),
      shares: c.shares.toString(),
    })),
    antiDilution: outcome.antiDilution.map((a) => ({
      class: a.classId,
      method: a.method,
      conversionPriceBefore: amount(a.conversionPriceBefore),
      conversionPriceAfter: amount(a.conversionPriceAfter),
      conversionRatioBefore: decimal(a.ratioBefore),
      conversionRatioAfter: decimal(a.ratioAfter),
    })),
    assumptions: deal.assumptions.map((a) => ({
      id: a.id,
      text: a.text,
      source: a.source ?? null,
      fields: fields.get(a.id) ?? [],
    })),
    scenario: deal.scenario
      ? {
          name: deal.scenario.name,
          claims: [...deal.scenario.claims],
          values: deal.scenario.values.map((v) => ({
            quantity: v.quantity,
            label:
              deal.uncertainty?.claimSet.model.quantities.find((q) => q.id === v.quantity)?.label ??
              v.quantity,
            value: decimal(v.value),
            how: v.how,
            atOpenBound: v.atOpenBound,
          })),
        }
      : null,
    warnings: warnings.map((w) => ({
      code: w.code,
      message: w.message,
      path: w.path ? formatPath(w.path) : null,
    })),
  };
}
