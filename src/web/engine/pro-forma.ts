import type { Money } from "../../core/exact/money.js";
import { Rational } from "../../core/exact/rational.js";
import { type CapTableView, capTableView, fractionOf } from "../../core/ledger/views.js";
import type { RoundOutcome } from "../../core/round/price-round.js";

/**
 * The pro forma the round builder shows: every holder's shares before and after the
 * round in the three views (outstanding, as-converted, fully diluted), with exact
 * fractions of each total. Built from the engine's cap-table views of the tables before
 * and after the round; fractions are exact Rationals, formatted only for display.
 */
export type OwnershipBasis = "fullyDiluted" | "asConverted" | "outstanding";

export const OWNERSHIP_BASES: readonly OwnershipBasis[] = ["fullyDiluted", "asConverted", "outstanding"];

export interface Counts {
  readonly outstanding: bigint;
  readonly asConverted: bigint;
  readonly fullyDiluted: bigint;
}

export interface ProFormaRow {
  readonly kind: "stakeholder" | "unallocated_pool";
  readonly id: string;
  readonly name: string;
  readonly before: Counts;
  readonly after: Counts;
  /** What the holder pays in this round (shares times the price). */
  readonly invested: Rational;
}

export interface ProFormaClass {
  readonly id: string;
  readonly name: string;
  readonly type: "common" | "preferred";
  readonly before: Counts;
  readonly after: Counts;
}

export interface ProForma {
  readonly currency: Money["currency"];
  readonly pricePerShare: Money;
  readonly exactPricePerShare: Money;
  readonly preMoneyValuation: Money;
  readonly postMoneyValuation: Money;
  readonly newMoney: Money;
  readonly poolIncrease: bigint;
  readonly newShares: bigint;
  readonly conversionShares: bigint;
  readonly oversubscribed: boolean;
  readonly rows: readonly ProFormaRow[];
  readonly classes: readonly ProFormaClass[];
  readonly totalsBefore: Counts;
  readonly totalsAfter: Counts;
}

const ZERO: Counts = { outstanding: 0n, asConverted: 0n, fullyDiluted: 0n };

function totals(view: CapTableView): Counts {
  return {
    outstanding: view.totals.outstanding,
    asConverted: view.totals.asConverted,
    fullyDiluted: view.totals.fullyDiluted,
  };
}

/** A row while it is filled in: counts before, then after. */
interface RowDraft {
  readonly kind: ProFormaRow["kind"];
  readonly id: string;
  readonly name: string;
  before: Counts;
  after: Counts;
}

/** Builds the pro forma of a priced round; `beforeView` is the (cached) view of the table before it. */
export function proForma(outcome: RoundOutcome, beforeView: CapTableView): ProForma {
  const afterView = capTableView(outcome.after);
  const rows = new Map<
    string,
    { kind: ProFormaRow["kind"]; id: string; name: string; before: Counts; after: Counts }
  >();
  const holderCounts = (h: CapTableView["holders"][number]): Counts => ({
    outstanding: h.outstanding,
    asConverted: h.asConverted,
    fullyDiluted: h.fullyDiluted,
  });
  for (const h of beforeView.holders) {
    rows.set(`s:${h.holder}`, {
      kind: "stakeholder",
      id: h.holder,
      name: h.name,
      before: holderCounts(h),
      after: ZERO,
    });
  }
  for (const h of afterView.holders) {
    const row = rows.get(`s:${h.holder}`);
    if (row) row.after = holderCounts(h);
    else
      rows.set(`s:${h.holder}`, {
        kind: "stakeholder",
        id: h.holder,
        name: h.name,
        before: ZERO,
        after: holderCounts(h),
      });
  }
  // Stakeholders in declaration order (as the reports list them), then unallocated pools:
  // read off the declaration order, with no sort.
  const stakeholderRows: RowDraft[] = [];
  for (const id of outcome.after.stakeholders.keys()) {
    const row = rows.get(`s:${id}`);
    if (row) stakeholderRows.push(row);
  }
  const poolRows = new Map<
    string,
    { kind: ProFormaRow["kind"]; id: string; name: string; before: Counts; after: Counts }
  >();
  for (const [i, view] of [beforeView, afterView].entries()) {
    for (const p of view.pools) {
      let row = poolRows.get(p.pool);
      if (!row) {
        row = { kind: "unallocated_pool", id: p.pool, name: p.name, before: ZERO, after: ZERO };
        poolRows.set(p.pool, row);
      }
      const counts = { outstanding: 0n, asConverted: 0n, fullyDiluted: p.available };
      if (i === 0) row.before = counts;
      else row.after = counts;
    }
  }
  const invested = new Map<string, Rational>();
  for (const inv of outcome.investments) {
    invested.set(inv.investor, (invested.get(inv.investor) ?? Rational.ZERO).add(inv.paid.amount));
  }
  const classCounts = (view: CapTableView, id: string): Counts => {
    const c = view.classes.find((x) => x.classId === id);
    if (!c) return ZERO;
    let poolAvailable = 0n;
    for (const p of view.pools)
      if (outcome.after.pools.get(p.pool)?.classId === id) poolAvailable += p.available;
    return {
      outstanding: c.issued,
      asConverted: c.asConverted,
      fullyDiluted: c.asConverted + c.options + c.warrants + poolAvailable,
    };
  };
  return {
    currency: afterView.currency,
    pricePerShare: outcome.pricePerShare,
    exactPricePerShare: outcome.exactPricePerShare,
    preMoneyValuation: outcome.preMoneyValuation,
    postMoneyValuation: outcome.postMoneyValuation,
    newMoney: outcome.newMoney,
    poolIncrease: outcome.poolIncrease,
    newShares: outcome.investments.reduce((s, i) => s + i.shares, 0n),
    conversionShares: outcome.conversions.reduce((s, c) => s + c.shares, 0n),
    oversubscribed: outcome.oversubscribed,
    rows: [...stakeholderRows, ...poolRows.values()].map((r) => ({
      ...r,
      invested: invested.get(r.id) ?? Rational.ZERO,
    })),
    classes: afterView.classes.map((c) => ({
      id: c.classId,
      name: c.name,
      type: c.type,
      before: classCounts(beforeView, c.classId),
      after: classCounts(afterView, c.classId),
    })),
    totalsBefore: totals(beforeView),
    totalsAfter: totals(afterView),
  };
}

/** A holder's exact fraction of the total on a basis, before or after the round. */
export function ownership(
  row: { before: Counts; after: Counts },
  p: ProForma,
  basis: OwnershipBasis,
  when: "before" | "after",
): Rational {
  const counts = when === "before" ? row.before : row.after;
  const total = when === "before" ? p.totalsBefore : p.totalsAfter;
  return fractionOf(counts[basis], total[basis]);
}

/** Relative dilution 1 − after/before of the holder's fraction; undefined for a holder with nothing before. */
export function dilution(row: ProFormaRow, p: ProForma, basis: OwnershipBasis): Rational | undefined {
  const before = ownership(row, p, basis, "before");
  if (before.isZero() || row.kind !== "stakeholder") return undefined;
  return Rational.ONE.sub(ownership(row, p, basis, "after").div(before));
}

/**
 * Orders rows by their holding after the round, largest first: counts share one total,
 * so comparing counts compares fractions, with no rational arithmetic.
 */
export function compareByHoldingAfter(basis: OwnershipBasis) {
  return (a: ProFormaRow, b: ProFormaRow): number =>
    a.after[basis] > b.after[basis] ? -1 : a.after[basis] < b.after[basis] ? 1 : 0;
}

/**
 * Orders rows by dilution, most diluted first, then the rows with no dilution (new
 * holders, pools). Dilution is 1 − (a/A)/(b/B) with the same totals A and B for every
 * row, so a larger dilution is a smaller a/b: compared as a₁·b₂ against a₂·b₁ in integers.
 */
export function compareByDilution(basis: OwnershipBasis) {
  return (x: ProFormaRow, y: ProFormaRow): number => {
    const xb = x.kind === "stakeholder" ? x.before[basis] : 0n;
    const yb = y.kind === "stakeholder" ? y.before[basis] : 0n;
    if (xb === 0n || yb === 0n) return xb === yb ? 0 : xb === 0n ? 1 : -1;
    const left = x.after[basis] * yb;
    const right = y.after[basis] * xb;
    return left < right ? -1 : left > right ? 1 : 0;
  };
}

/**
 * The holder's fraction of the total before or after, as integers (count, total): for
 * formatting without reducing a fraction.
 */
export function ownershipRatio(
  row: { before: Counts; after: Counts },
  p: ProForma,
  basis: OwnershipBasis,
  when: "before" | "after",
): [bigint, bigint] {
  return when === "before"
    ? [row.before[basis], p.totalsBefore[basis]]
    : [row.after[basis], p.totalsAfter[basis]];
}

/**
 * Dilution 1 − (a/A)/(b/B) as integers (b·A − a·B, b·A); undefined for a holder with
 * nothing before, a new holder or a pool.
 */
export function dilutionRatio(
  row: ProFormaRow,
  p: ProForma,
  basis: OwnershipBasis,
): [bigint, bigint] | undefined {
  const b = row.before[basis];
  const bigA = p.totalsAfter[basis];
  if (row.kind !== "stakeholder" || b === 0n || bigA === 0n) return undefined;
  const den = b * bigA;
  return [den - row.after[basis] * p.totalsBefore[basis], den];
}
