import type { PoolId, SecurityId, ShareClassId, StakeholderId, VestingScheduleId } from "../shared/ids.js";
import type { Company } from "./company.js";
import type { OptionPool } from "./option-pool.js";
import type { Security, StockLot, VentureDebt } from "./security.js";
import type { ShareClass } from "./share-class.js";
import type { Stakeholder } from "./stakeholder.js";
import type { VestingSchedule } from "./vesting.js";

/**
 * The state of the ledger at a date: who holds what. Built only by replaying
 * transactions (ledger/replay.ts); every field is kept consistent by ledger/apply.ts,
 * and `assertInvariants` checks that after every apply.
 */
export class CapTable {
  constructor(
    readonly company: Company,
    readonly stakeholders: Map<StakeholderId, Stakeholder>,
    readonly classes: Map<ShareClassId, ShareClass>,
    readonly pools: Map<PoolId, OptionPool>,
    readonly vestingSchedules: Map<VestingScheduleId, VestingSchedule>,
    /** Outstanding securities only; a security fully exercised, transferred or cancelled is removed. */
    readonly securities: Map<SecurityId, Security>,
    /** Issued and outstanding shares per class: the sum of the class's stock lots. */
    readonly issuedByClass: Map<ShareClassId, bigint>,
    /** Every security id ever used, so that an id is never reused (LED-2). */
    readonly usedSecurityIds: Set<SecurityId>,
    /** Venture debt outstanding (DEBT-1): liabilities, not securities of the cap table. */
    readonly debts: Map<SecurityId, VentureDebt> = new Map(),
  ) {}

  static empty(company: Company): CapTable {
    return new CapTable(company, new Map(), new Map(), new Map(), new Map(), new Map(), new Map(), new Set());
  }

  /** A copy that can be changed without changing this one (records are immutable and shared). */
  clone(): CapTable {
    return new CapTable(
      this.company,
      new Map(this.stakeholders),
      new Map(this.classes),
      new Map(this.pools),
      new Map(this.vestingSchedules),
      new Map(this.securities),
      new Map(this.issuedByClass),
      new Set(this.usedSecurityIds),
      new Map(this.debts),
    );
  }

  stockLots(): StockLot[] {
    const lots: StockLot[] = [];
    for (const s of this.securities.values()) if (s.kind === "stock") lots.push(s);
    return lots;
  }

  /** The holder's lots of a class, oldest first (issue date, then id): the order transfers take them in. */
  lotsOf(holder: StakeholderId, classId: ShareClassId): StockLot[] {
    const lots: StockLot[] = [];
    for (const s of this.securities.values()) {
      if (s.kind === "stock" && s.holder === holder && s.classId === classId) lots.push(s);
    }
    return lots.sort((a, b) =>
      a.issueDate < b.issueDate ? -1 : a.issueDate > b.issueDate ? 1 : a.id < b.id ? -1 : 1,
    );
  }

  lotsOfClass(classId: ShareClassId): StockLot[] {
    const lots: StockLot[] = [];
    for (const s of this.securities.values()) if (s.kind === "stock" && s.classId === classId) lots.push(s);
    return lots;
  }

  sharesHeld(holder: StakeholderId, classId: ShareClassId): bigint {
    let total = 0n;
    for (const lot of this.lotsOf(holder, classId)) total += lot.shares;
    return total;
  }

  /**
   * Checks the ledger's invariants (SPEC LED-1) for what changed since `before`, when only
   * the named securities, classes and pools changed: the changed lots are positive, held by
   * known stakeholders and of known classes; each changed class's issued count moved by
   * exactly the change in its lots and stays within its authorized shares; each changed
   * pool stays within its reserve. Equal to `assertInvariants` when `before` satisfied the
   * invariants and nothing else changed, at a cost proportional to the change rather than
   * to the cap table (issue 19). A failure is a bug in the engine, not bad input.
   */
  assertChangedInvariants(
    before: CapTable,
    changed: {
      readonly securities: Iterable<SecurityId>;
      readonly classes: Iterable<ShareClassId>;
      readonly pools: Iterable<PoolId>;
    },
  ): void {
    const lotChange = new Map<ShareClassId, bigint>();
    const addLot = (s: Security | undefined, sign: bigint) => {
      if (s?.kind === "stock") lotChange.set(s.classId, (lotChange.get(s.classId) ?? 0n) + sign * s.shares);
    };
    for (const id of new Set(changed.securities)) {
      const s = this.securities.get(id);
      addLot(before.securities.get(id), -1n);
      addLot(s, 1n);
      if (s === undefined) continue;
      if (!this.stakeholders.has(s.holder)) throw new Error(`invariant: ${s.id} held by unknown ${s.holder}`);
      if (s.kind === "stock") {
        if (s.shares <= 0n) throw new Error(`invariant: lot ${s.id} has ${s.shares} shares`);
        if (!this.classes.has(s.classId)) throw new Error(`invariant: lot ${s.id} of unknown class`);
      } else if (s.kind === "option" || s.kind === "warrant") {
        if (s.quantity <= 0n) throw new Error(`invariant: ${s.id} has quantity ${s.quantity}`);
      }
    }
    const classes = new Set(changed.classes);
    for (const classId of lotChange.keys()) classes.add(classId);
    for (const classId of classes) {
      const shareClass = this.classes.get(classId);
      const issued = this.issuedByClass.get(classId) ?? 0n;
      const issuedBefore = before.issuedByClass.get(classId) ?? 0n;
      if (issued - issuedBefore !== (lotChange.get(classId) ?? 0n))
        throw new Error(`invariant: class ${classId} issued count drifted`);
      if (shareClass?.authorizedShares !== undefined && issued > shareClass.authorizedShares) {
        throw new Error(`invariant: class ${classId} issued above authorized`);
      }
    }
    for (const poolId of changed.pools) {
      const pool = this.pools.get(poolId);
      if (pool && (pool.available < 0n || pool.available > pool.reserved))
        throw new Error(`invariant: pool ${pool.id} out of range`);
    }
  }

  /**
   * Checks the ledger's invariants (SPEC LED-1): lots of each class sum to its issued
   * count, issued never exceeds authorized, pools are within their reserve, nothing is
   * negative, every reference resolves. A failure is a bug in the engine, not bad input.
   */
  assertInvariants(): void {
    const sums = new Map<ShareClassId, bigint>();
    for (const s of this.securities.values()) {
      if (!this.stakeholders.has(s.holder)) throw new Error(`invariant: ${s.id} held by unknown ${s.holder}`);
      if (s.kind === "stock") {
        if (s.shares <= 0n) throw new Error(`invariant: lot ${s.id} has ${s.shares} shares`);
        if (!this.classes.has(s.classId)) throw new Error(`invariant: lot ${s.id} of unknown class`);
        sums.set(s.classId, (sums.get(s.classId) ?? 0n) + s.shares);
      } else if (s.kind === "option" || s.kind === "warrant") {
        if (s.quantity <= 0n) throw new Error(`invariant: ${s.id} has quantity ${s.quantity}`);
      }
    }
    for (const [classId, shareClass] of this.classes) {
      const issued = this.issuedByClass.get(classId) ?? 0n;
      if (issued !== (sums.get(classId) ?? 0n))
        throw new Error(`invariant: class ${classId} issued count drifted`);
      if (shareClass.authorizedShares !== undefined && issued > shareClass.authorizedShares) {
        throw new Error(`invariant: class ${classId} issued above authorized`);
      }
    }
    for (const pool of this.pools.values()) {
      if (pool.available < 0n || pool.available > pool.reserved)
        throw new Error(`invariant: pool ${pool.id} out of range`);
    }
  }
}
