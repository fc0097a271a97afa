import { type Currency, convert, type Money, zeroMoney } from "../exact/money.js";
import { Rational } from "../exact/rational.js";
import type { IsoDate } from "../shared/date.js";
import type { PoolId, ShareClassId, StakeholderId } from "../shared/ids.js";
import type { CapTable } from "./cap-table.js";
import { conversionRatio } from "./share-class.js";
import { vestedOutstanding } from "./vesting.js";

/** One holder's position in the three views (SPEC FD-1..FD-4). */
export interface HolderPosition {
  readonly holder: StakeholderId;
  readonly name: string;
  /** Issued and outstanding shares per class. */
  readonly sharesByClass: ReadonlyMap<ShareClassId, bigint>;
  /** Issued and outstanding shares, all classes. */
  readonly outstanding: bigint;
  /** Outstanding shares with preferred counted as the common it converts into (FD-3). */
  readonly asConverted: bigint;
  /** Outstanding options and RSUs, as-converted. */
  readonly options: bigint;
  /** Outstanding warrants, as-converted. */
  readonly warrants: bigint;
  /** asConverted + options + warrants (FD-1). */
  readonly fullyDiluted: bigint;
  /** SAFEs' purchase amounts and notes' principal not yet converted; outside the share counts (FD-2). */
  readonly unconverted: Money;
}

export interface PoolPosition {
  readonly pool: PoolId;
  readonly name: string;
  readonly reserved: bigint;
  /** Options granted from the pool and still outstanding. */
  readonly granted: bigint;
  /** Reserved and not granted: counted in the fully diluted total as its own row (FD-1). */
  readonly available: bigint;
}

export interface ClassPosition {
  readonly classId: ShareClassId;
  readonly name: string;
  readonly type: "common" | "preferred";
  readonly authorized: bigint | undefined;
  readonly issued: bigint;
  readonly conversionRatio: Rational;
  readonly asConverted: bigint;
  readonly options: bigint;
  readonly warrants: bigint;
}

export interface CapTableView {
  readonly currency: Currency;
  readonly holders: readonly HolderPosition[];
  readonly pools: readonly PoolPosition[];
  readonly classes: readonly ClassPosition[];
  readonly totals: {
    readonly outstanding: bigint;
    readonly asConverted: bigint;
    /** Every holder's fully diluted shares plus every pool's available shares. */
    readonly fullyDiluted: bigint;
    readonly unconverted: Money;
  };
}

/** `part / whole` as an exact fraction, 0 when the whole is 0. */
export function fractionOf(part: bigint, whole: bigint): Rational {
  return whole === 0n ? Rational.ZERO : Rational.of(part, whole);
}

/**
 * The outstanding, as-converted and fully diluted views of a cap table, per holder, per
 * class and per pool. Holders appear in the order they were declared; holders with no
 * position are left out. As-converted counts round down per holder and class (FD-3).
 */
export function capTableView(table: CapTable): CapTableView {
  const currency = table.company.currency;
  const ratios = new Map<ShareClassId, Rational>();
  for (const c of table.classes.values()) ratios.set(c.id, conversionRatio(c));

  interface Acc {
    byClass: Map<ShareClassId, bigint>;
    optionsByClass: Map<ShareClassId, bigint>;
    warrantsByClass: Map<ShareClassId, bigint>;
    unconverted: Rational;
  }
  const acc = new Map<StakeholderId, Acc>();
  const get = (id: StakeholderId): Acc => {
    let a = acc.get(id);
    if (!a) {
      a = {
        byClass: new Map(),
        optionsByClass: new Map(),
        warrantsByClass: new Map(),
        unconverted: Rational.ZERO,
      };
      acc.set(id, a);
    }
    return a;
  };
  const add = (m: Map<ShareClassId, bigint>, k: ShareClassId, v: bigint) => m.set(k, (m.get(k) ?? 0n) + v);
  const poolGranted = new Map<PoolId, bigint>();
  const classOptions = new Map<ShareClassId, bigint>();
  const classWarrants = new Map<ShareClassId, bigint>();

  for (const s of table.securities.values()) {
    const a = get(s.holder);
    switch (s.kind) {
      case "stock":
        add(a.byClass, s.classId, s.shares);
        break;
      case "option":
        a.optionsByClass ??= new Map();
        add(a.optionsByClass, s.classId, s.quantity);
        add(classOptions, s.classId, s.quantity);
        if (s.poolId !== undefined) poolGranted.set(s.poolId, (poolGranted.get(s.poolId) ?? 0n) + s.quantity);
        break;
      case "warrant":
        a.warrantsByClass ??= new Map();
        add(a.warrantsByClass, s.classId, s.quantity);
        add(classWarrants, s.classId, s.quantity);
        break;
      case "safe":
      case "note": {
        const amount = s.kind === "safe" ? s.purchaseAmount : s.principal;
        const inCurrency = convert(amount, currency, table.company.exchangeRates);
        if (inCurrency) a.unconverted = a.unconverted.add(inCurrency.amount);
        break;
      }
    }
  }

  // As-converted shares round down (FD-3); integer arithmetic on the ratio's terms, since
  // this runs once per holder and class.
  const asConvertedCount = (classId: ShareClassId, n: bigint): bigint => {
    const r = ratios.get(classId)!;
    return r.den === 1n ? n * r.num : (n * r.num) / r.den;
  };
  const asConvertedOf = (m: ReadonlyMap<ShareClassId, bigint> | undefined) => {
    if (m === undefined) return 0n;
    let total = 0n;
    for (const [classId, n] of m) total += asConvertedCount(classId, n);
    return total;
  };
  const sum = (m: ReadonlyMap<ShareClassId, bigint>) => {
    let total = 0n;
    for (const n of m.values()) total += n;
    return total;
  };

  const holders: HolderPosition[] = [];
  const classAsConvertedTotals = new Map<ShareClassId, bigint>();
  let outstanding = 0n;
  let asConverted = 0n;
  let fullyDiluted = 0n;
  let unconverted = Rational.ZERO;
  for (const stakeholder of table.stakeholders.values()) {
    const a = acc.get(stakeholder.id);
    if (!a) continue;
    let holderAsConverted = 0n;
    for (const [classId, n] of a.byClass) {
      const converted = asConvertedCount(classId, n);
      holderAsConverted += converted;
      classAsConvertedTotals.set(classId, (classAsConvertedTotals.get(classId) ?? 0n) + converted);
    }
    const options = asConvertedOf(a.optionsByClass);
    const warrants = asConvertedOf(a.warrantsByClass);
    const fd = holderAsConverted + options + warrants;
    const position: HolderPosition = {
      holder: stakeholder.id,
      name: stakeholder.name,
      sharesByClass: a.byClass,
      outstanding: sum(a.byClass),
      asConverted: holderAsConverted,
      options,
      warrants,
      fullyDiluted: fd,
      unconverted: { kind: "money", currency, amount: a.unconverted },
    };
    holders.push(position);
    outstanding += position.outstanding;
    asConverted += position.asConverted;
    fullyDiluted += fd;
    unconverted = unconverted.add(a.unconverted);
  }

  const pools: PoolPosition[] = [];
  for (const pool of table.pools.values()) {
    const availableAsConverted = asConvertedCount(pool.classId, pool.available);
    pools.push({
      pool: pool.id,
      name: pool.name,
      reserved: pool.reserved,
      granted: poolGranted.get(pool.id) ?? 0n,
      available: availableAsConverted,
    });
    fullyDiluted += availableAsConverted;
  }

  const classes: ClassPosition[] = [];
  for (const c of table.classes.values()) {
    const issued = table.issuedByClass.get(c.id) ?? 0n;
    const classAsConverted = classAsConvertedTotals.get(c.id) ?? 0n;
    classes.push({
      classId: c.id,
      name: c.name,
      type: c.type,
      authorized: c.authorizedShares,
      issued,
      conversionRatio: ratios.get(c.id)!,
      asConverted: classAsConverted,
      options: classOptions.get(c.id) ?? 0n,
      warrants: classWarrants.get(c.id) ?? 0n,
    });
  }

  return {
    currency,
    holders,
    pools,
    classes,
    totals: {
      outstanding,
      asConverted,
      fullyDiluted,
      unconverted: unconverted.isZero()
        ? zeroMoney(currency)
        : { kind: "money", currency, amount: unconverted },
    },
  };
}

/** Each holder's outstanding options and RSUs split into vested and unvested at `asOf` (VEST-3). */
export function optionVesting(
  table: CapTable,
  asOf: IsoDate,
): Map<StakeholderId, { vested: bigint; unvested: bigint }> {
  const out = new Map<StakeholderId, { vested: bigint; unvested: bigint }>();
  for (const s of table.securities.values()) {
    if (s.kind !== "option") continue;
    const schedule = s.vestingId === undefined ? undefined : table.vestingSchedules.get(s.vestingId);
    const vested = vestedOutstanding(schedule, s, asOf);
    const entry = out.get(s.holder) ?? { vested: 0n, unvested: 0n };
    entry.vested += vested;
    entry.unvested += s.quantity - vested;
    out.set(s.holder, entry);
  }
  return out;
}

/** The totals of the views without the holder rows: what pricing a round needs (issue 19). */
export interface CapTableTotals {
  readonly outstanding: bigint;
  readonly asConverted: bigint;
  /** Every holder's fully diluted shares plus every pool's available shares (FD-1). */
  readonly fullyDiluted: bigint;
  /** Per class: its as-converted shares, rounded down per holder (FD-3). */
  readonly classAsConverted: ReadonlyMap<ShareClassId, bigint>;
  /** Per pool: options granted from it and outstanding, and its available shares as-converted. */
  readonly pools: ReadonlyMap<PoolId, { readonly granted: bigint; readonly available: bigint }>;
  /** The fully diluted shares of each holder asked for (0 for one with no position). */
  readonly holdersFullyDiluted: ReadonlyMap<StakeholderId, bigint>;
  /** The shares of each holder asked for, per class (stock only; absent when none). */
  readonly holdersShares: ReadonlyMap<StakeholderId, ReadonlyMap<ShareClassId, bigint>>;
}

/**
 * The same totals as `capTableView(table).totals` (and its class and pool rows), computed
 * in one pass over the securities without building a row per holder. As-converted counts
 * still round down per holder and class (FD-3): for a class whose conversion ratio is a
 * whole number rounding changes nothing and the class is summed directly; for the others
 * the holder's count in the class is accumulated first. `holders` names the holders whose
 * fully diluted count is wanted too (pro-rata investors). A property test keeps this equal
 * to `capTableView`, the straightforward reference.
 */
export function capTableTotals(
  table: CapTable,
  holders: ReadonlySet<StakeholderId> = new Set(),
): CapTableTotals {
  const ratios = new Map<ShareClassId, Rational>();
  for (const c of table.classes.values()) ratios.set(c.id, conversionRatio(c));
  // Per class with a fractional ratio and per kind (shares, options, warrants): each holder's count.
  const fractional = new Map<string, Map<StakeholderId, bigint>>();
  const wholeShares = new Map<ShareClassId, bigint>();
  const poolGranted = new Map<PoolId, bigint>();
  const wanted = new Map<StakeholderId, Map<string, bigint>>();
  let outstanding = 0n;
  let wholeAsConverted = 0n;
  let wholeFullyDiluted = 0n;
  for (const s of table.securities.values()) {
    if (s.kind === "safe" || s.kind === "note") continue;
    if (!table.stakeholders.has(s.holder)) continue;
    const n = s.kind === "stock" ? s.shares : s.quantity;
    if (s.kind === "stock") outstanding += n;
    else if (s.kind === "option" && s.poolId !== undefined)
      poolGranted.set(s.poolId, (poolGranted.get(s.poolId) ?? 0n) + n);
    const key = `${s.kind === "stock" ? "s" : s.kind === "option" ? "o" : "w"}:${s.classId}`;
    if (holders.has(s.holder)) {
      let own = wanted.get(s.holder);
      if (!own) {
        own = new Map();
        wanted.set(s.holder, own);
      }
      own.set(key, (own.get(key) ?? 0n) + n);
    }
    const r = ratios.get(s.classId)!;
    if (r.den === 1n) {
      const converted = n * r.num;
      wholeFullyDiluted += converted;
      if (s.kind === "stock") {
        wholeAsConverted += converted;
        wholeShares.set(s.classId, (wholeShares.get(s.classId) ?? 0n) + converted);
      }
      continue;
    }
    let byHolder = fractional.get(key);
    if (!byHolder) {
      byHolder = new Map();
      fractional.set(key, byHolder);
    }
    byHolder.set(s.holder, (byHolder.get(s.holder) ?? 0n) + n);
  }
  let asConverted = wholeAsConverted;
  let fullyDiluted = wholeFullyDiluted;
  const classAsConverted = new Map<ShareClassId, bigint>();
  for (const c of table.classes.values()) classAsConverted.set(c.id, wholeShares.get(c.id) ?? 0n);
  for (const [key, byHolder] of fractional) {
    const classId = key.slice(2) as ShareClassId;
    const r = ratios.get(classId)!;
    let total = 0n;
    for (const n of byHolder.values()) total += (n * r.num) / r.den;
    fullyDiluted += total;
    if (key.startsWith("s:")) {
      asConverted += total;
      classAsConverted.set(classId, classAsConverted.get(classId)! + total);
    }
  }
  const pools = new Map<PoolId, { granted: bigint; available: bigint }>();
  for (const pool of table.pools.values()) {
    const r = ratios.get(pool.classId)!;
    const available = r.den === 1n ? pool.available * r.num : (pool.available * r.num) / r.den;
    pools.set(pool.id, { granted: poolGranted.get(pool.id) ?? 0n, available });
    fullyDiluted += available;
  }
  const holdersFullyDiluted = new Map<StakeholderId, bigint>();
  const holdersShares = new Map<StakeholderId, Map<ShareClassId, bigint>>();
  for (const holder of holders) {
    let total = 0n;
    const shares = new Map<ShareClassId, bigint>();
    for (const [key, n] of wanted.get(holder) ?? []) {
      const classId = key.slice(2) as ShareClassId;
      const r = ratios.get(classId)!;
      total += r.den === 1n ? n * r.num : (n * r.num) / r.den;
      if (key.startsWith("s:")) shares.set(classId, n);
    }
    holdersFullyDiluted.set(holder, total);
    holdersShares.set(holder, shares);
  }
  return {
    outstanding,
    asConverted,
    fullyDiluted,
    classAsConverted,
    pools,
    holdersFullyDiluted,
    holdersShares,
  };
}

/**
 * The cash each holder paid in, as the capital-flows and exposure reports count it
 * (flowModelOf): the invested amounts of its stock, the purchase amounts of its SAFEs and
 * the principal of its notes. Holders with none are left out. Not the base of a multiple on
 * invested capital: that is `investedOf` (src/app/exit-report.ts, SPEC REP-6a), which also
 * prices stock at its class's original issue price, converts currencies and says when it
 * does not know.
 */
export function investedByHolder(table: CapTable): Map<string, Rational> {
  const invested = new Map<string, Rational>();
  for (const s of table.securities.values()) {
    const amount =
      s.kind === "stock"
        ? s.investedAmount?.amount
        : s.kind === "safe"
          ? s.purchaseAmount.amount
          : s.kind === "note"
            ? s.principal.amount
            : undefined;
    if (amount) invested.set(s.holder, (invested.get(s.holder) ?? Rational.ZERO).add(amount));
  }
  return invested;
}
