import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { money } from "../../../src/core/exact/money.js";
import { replay } from "../../../src/core/ledger/replay.js";
import { capTableTotals, capTableView } from "../../../src/core/ledger/views.js";
import type { StakeholderId } from "../../../src/core/shared/ids.js";
import { poolId, securityId, shareClassId } from "../../../src/core/shared/ids.js";
import { emptyLedger, preferredClass, stepArb, transactionsFrom, USD } from "../../support/ledger-gen.js";

const HOLDERS = 6;

describe("cap-table totals in one pass (FD-1..FD-4, issue 19)", () => {
  it("FD-1, FD-3: capTableTotals equals the totals, class and pool rows and holders of the full capTableView (property)", () => {
    fc.assert(
      fc.property(
        fc.array(stepArb(HOLDERS), { maxLength: 40 }),
        fc.constantFrom("1.5", "1.1", "1.7"),
        (steps, conversionPrice) => {
          const { transactions } = transactionsFrom(steps, HOLDERS);
          const ledger = emptyLedger(HOLDERS, transactions);
          // A conversion price below the issue price gives a fractional ratio (15/11, 15/17),
          // where as-converted counts round down per holder and class (FD-3).
          const pref = { ...preferredClass("pref", "1.5"), conversionPrice: money(conversionPrice, USD) };
          const table = replay({ ...ledger, classes: [ledger.classes[0]!, pref] });
          if (!table.ok) throw new Error(table.problems[0]!.message);
          const holders = new Set(ledger.stakeholders.slice(0, 3).map((s) => s.id as StakeholderId));
          const totals = capTableTotals(table.value, holders);
          const view = capTableView(table.value);
          expect(totals.outstanding).toBe(view.totals.outstanding);
          expect(totals.asConverted).toBe(view.totals.asConverted);
          expect(totals.fullyDiluted).toBe(view.totals.fullyDiluted);
          for (const c of view.classes) expect(totals.classAsConverted.get(c.classId)).toBe(c.asConverted);
          for (const p of view.pools) {
            expect(totals.pools.get(p.pool)).toEqual({ granted: p.granted, available: p.available });
          }
          for (const id of holders) {
            const row = view.holders.find((h) => h.holder === id);
            expect(totals.holdersFullyDiluted.get(id)).toBe(row?.fullyDiluted ?? 0n);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("LED-1 checked incrementally after a change (issue 19)", () => {
  function table() {
    const { transactions } = transactionsFrom(
      [
        { kind: "issue", holder: 0, preferred: false, shares: 1_000n },
        { kind: "issue", holder: 1, preferred: true, shares: 500n },
      ],
      HOLDERS,
    );
    const t = replay(emptyLedger(HOLDERS, transactions));
    if (!t.ok) throw new Error(t.problems[0]!.message);
    return t.value;
  }
  const common = shareClassId("common");

  it("LED-1: a change that keeps the invariants passes, and each kind of drift in what changed is caught", () => {
    const before = table();
    const lot = [...before.securities.values()].find((s) => s.kind === "stock" && s.classId === common)!;
    if (lot.kind !== "stock") throw new Error("no lot");
    const changed = { securities: [securityId("new")], classes: [common], pools: [poolId("plan")] };

    const good = before.clone();
    good.securities.set(securityId("new"), { ...lot, id: securityId("new"), shares: 10n });
    good.issuedByClass.set(common, good.issuedByClass.get(common)! + 10n);
    expect(() => good.assertChangedInvariants(before, changed)).not.toThrow();

    const drifted = before.clone();
    drifted.securities.set(securityId("new"), { ...lot, id: securityId("new"), shares: 10n });
    expect(() => drifted.assertChangedInvariants(before, changed)).toThrow(/issued count drifted/);

    const empty = before.clone();
    empty.securities.set(securityId("new"), { ...lot, id: securityId("new"), shares: 0n });
    expect(() => empty.assertChangedInvariants(before, changed)).toThrow(/has 0 shares/);

    const orphan = before.clone();
    orphan.securities.set(securityId("new"), {
      ...lot,
      id: securityId("new"),
      holder: "nobody" as StakeholderId,
    });
    orphan.issuedByClass.set(common, orphan.issuedByClass.get(common)! + lot.shares);
    expect(() => orphan.assertChangedInvariants(before, changed)).toThrow(/unknown nobody/);

    const overdrawn = before.clone();
    const pool = overdrawn.pools.get(poolId("plan"))!;
    overdrawn.pools.set(pool.id, { ...pool, available: -1n });
    expect(() => overdrawn.assertChangedInvariants(before, changed)).toThrow(/out of range/);
  });
});
