import fc from "fast-check";
import { rat } from "../../../src/core/exact/rational.js";
import type { ExitTerms } from "../../../src/core/exit/terms.js";
import type { CapTable } from "../../../src/core/ledger/cap-table.js";
import { isoDate } from "../../../src/core/shared/date.js";
import { stakeholderId } from "../../../src/core/shared/ids.js";
import { LedgerBuilder } from "../../support/ledger-builder.js";

/** A generated company and exit terms, as plain data so fast-check can shrink and print it. */
export interface GeneratedExit {
  readonly common: readonly { holder: number; shares: number }[];
  readonly preferred: readonly {
    oipCents: number;
    conversionCents: number;
    multiple: "0.5" | "1" | "1.5" | "2";
    seniority: number;
    participation: "none" | "full" | "2" | "3";
    dividends: "none" | "cumulative" | "non_cumulative";
    base: "original_issue_price" | "amount_invested";
    investedPercent: number;
    ratchet: boolean;
    lots: readonly { holder: number; shares: number; month: number; investedPercent: number }[];
  }[];
  readonly options: readonly { holder: number; quantity: number; strikeCents: number; vested: boolean }[];
  readonly warrants: readonly { holder: number; quantity: number; strikeCents: number }[];
  readonly safes: readonly {
    holder: number;
    amount: number;
    capMultiple: number;
    kind: "post_money" | "pre_money" | "discount_only";
  }[];
  readonly notes: readonly { holder: number; principal: number; capMultiple: number; capped: boolean }[];
  readonly feesFixed: number;
  readonly feesRatePermille: number;
  readonly debt: number;
  readonly carveOutPercent: number;
  readonly carveOutMaximum: number | null;
  readonly exercise: "cash" | "net";
}

const HOLDERS = 6;
const holder = fc.integer({ min: 0, max: HOLDERS - 1 });

/**
 * Cap tables with (usually) common, up to four preferred classes of every kind of preference,
 * options, warrants, SAFEs and notes. With `uniform`, every holder of a class has the
 * same preference per share (one issue date for classes with cumulative dividends, one
 * invested amount per share): the condition under which holders of a class are paid in
 * proportion to their shares (EXIT-13).
 */
export function generatedExit(options: { uniform: boolean; convertibles?: boolean; exitCosts?: boolean }) {
  const lot = fc.record({
    holder,
    shares: fc.integer({ min: 1, max: 5_000_000 }),
    month: fc.integer({ min: 0, max: 30 }),
    investedPercent: fc.integer({ min: 50, max: 150 }),
  });
  const preferred = fc.record({
    oipCents: fc.integer({ min: 1, max: 1000 }),
    conversionCents: fc.integer({ min: 1, max: 1000 }),
    multiple: fc.constantFrom("0.5", "1", "1.5", "2"),
    seniority: fc.integer({ min: 0, max: 3 }),
    participation: fc.constantFrom("none", "full", "2", "3"),
    dividends: fc.constantFrom("none", "cumulative", "non_cumulative"),
    base: fc.constantFrom("original_issue_price", "amount_invested"),
    investedPercent: fc.integer({ min: 50, max: 150 }),
    ratchet: fc.boolean(),
    lots: fc.array(lot, { minLength: 1, maxLength: 3 }),
  });
  const convertibles = options.convertibles ?? true;
  const costs = options.exitCosts ?? true;
  return fc
    .record({
      // Sometimes no common at all: the price curve then has flat stretches (EXIT-14).
      common: fc.array(fc.record({ holder, shares: fc.integer({ min: 1, max: 10_000_000 }) }), {
        minLength: 0,
        maxLength: 3,
      }),
      preferred: fc.array(preferred, { maxLength: 4 }),
      options: fc.array(
        fc.record({
          holder,
          quantity: fc.integer({ min: 1, max: 1_000_000 }),
          strikeCents: fc.integer({ min: 0, max: 500 }),
          vested: fc.boolean(),
        }),
        { maxLength: 3 },
      ),
      warrants: fc.array(
        fc.record({
          holder,
          quantity: fc.integer({ min: 1, max: 500_000 }),
          strikeCents: fc.integer({ min: 0, max: 500 }),
        }),
        { maxLength: 1 },
      ),
      safes: convertibles
        ? fc.array(
            fc.record({
              holder,
              amount: fc.integer({ min: 10_000, max: 2_000_000 }),
              capMultiple: fc.integer({ min: 8, max: 60 }),
              kind: fc.constantFrom("post_money", "pre_money", "discount_only"),
            }),
            { maxLength: 2 },
          )
        : fc.constant([]),
      notes: convertibles
        ? fc.array(
            fc.record({
              holder,
              principal: fc.integer({ min: 10_000, max: 1_000_000 }),
              capMultiple: fc.integer({ min: 8, max: 60 }),
              capped: fc.boolean(),
            }),
            { maxLength: 1 },
          )
        : fc.constant([]),
      feesFixed: costs ? fc.constantFrom(0, 0, 250_000, 1_000_000) : fc.constant(0),
      feesRatePermille: costs ? fc.constantFrom(0, 0, 20, 50) : fc.constant(0),
      debt: costs ? fc.constantFrom(0, 0, 3_000_000) : fc.constant(0),
      carveOutPercent: costs ? fc.constantFrom(0, 0, 5, 10) : fc.constant(0),
      carveOutMaximum: costs ? fc.constantFrom(null, 2_000_000) : fc.constant(null),
      exercise: fc.constantFrom("cash", "net"),
    })
    .map((g): GeneratedExit => {
      if (!options.uniform) return g as GeneratedExit;
      return {
        ...g,
        preferred: g.preferred.map((p) => ({
          ...p,
          lots: p.lots.map((l) => ({ ...l, month: p.lots[0]!.month, investedPercent: p.investedPercent })),
        })),
      } as GeneratedExit;
    });
}

const cents = (n: number) => rat(n, 100);
const monthDate = (month: number) =>
  `${2020 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, "0")}-01`;

/** Builds the cap table and exit terms of a generated company. */
export function buildGeneratedExit(g: GeneratedExit): { table: CapTable; terms: ExitTerms } {
  const b = new LedgerBuilder({ formed: "2019-01-01", start: "2019-06-01" });
  for (let h = 0; h < HOLDERS; h++) b.holder(`h${h}`);
  b.common("common");
  b.vesting("std", { months: 48, cliff: 12, interval: 1, singleTrigger: "1/2", doubleTrigger: "1" });
  b.pool("plan", "common", 10_000_000n);
  for (const c of g.common) b.issue(`h${c.holder}`, "common", BigInt(c.shares));
  for (const [i, p] of g.preferred.entries()) {
    const participation =
      p.participation === "none" || p.participation === "full"
        ? p.participation
        : { cap: Math.max(Number(p.participation), Number(p.multiple), 1).toString() };
    b.preferred(`p${i}`, {
      originalIssuePrice: cents(p.oipCents),
      conversionPrice: cents(p.conversionCents),
      multiple: p.multiple,
      seniority: p.seniority,
      participation,
      base: p.base,
      dividends:
        p.dividends === "none" ? undefined : { rate: "0.08", cumulative: p.dividends === "cumulative" },
      ipoRatchet: p.ratchet ? "1.5" : undefined,
    });
  }
  // Issue in date order so the ledger replays.
  const issues = g.preferred.flatMap((p, i) => p.lots.map((l) => ({ ...l, classIndex: i, oip: p.oipCents })));
  issues.sort((a, b2) => a.month - b2.month);
  for (const l of issues) {
    const invested = cents(l.oip).mulInt(BigInt(l.shares)).mulInt(BigInt(l.investedPercent)).divInt(100n);
    b.on(monthDate(l.month)).issue(`h${l.holder}`, `p${l.classIndex}`, BigInt(l.shares), {
      price: cents(l.oip),
      invested,
    });
  }
  b.on("2023-01-01");
  for (const o of g.options) {
    b.grant(`h${o.holder}`, BigInt(o.quantity), {
      pool: "plan",
      price: cents(o.strikeCents),
      vesting: o.vested ? undefined : "std",
    });
  }
  for (const w of g.warrants) b.warrant(`h${w.holder}`, "common", BigInt(w.quantity), cents(w.strikeCents));
  b.on("2024-01-01");
  for (const s of g.safes) {
    const cap = s.amount * s.capMultiple;
    if (s.kind === "discount_only") b.safe(`h${s.holder}`, { amount: s.amount, discount: "0.2" });
    else b.safe(`h${s.holder}`, { amount: s.amount, cap, type: s.kind });
  }
  for (const n of g.notes) {
    b.note(`h${n.holder}`, {
      principal: n.principal,
      rate: "0.06",
      cap: n.capped ? n.principal * n.capMultiple : undefined,
    });
  }
  const terms: ExitTerms = {
    exitDate: isoDate("2025-06-30"),
    fees: { fixed: b.money(g.feesFixed), rate: rat(g.feesRatePermille, 1000) },
    debt: b.money(g.debt),
    carveOut:
      g.carveOutPercent === 0
        ? undefined
        : {
            fraction: rat(g.carveOutPercent, 100),
            maximum: g.carveOutMaximum === null ? undefined : b.money(g.carveOutMaximum),
            recipients: [
              { holder: stakeholderId("h0"), weight: rat(2) },
              { holder: stakeholderId("h1"), weight: rat(1) },
            ],
          },
    exercise: g.exercise,
    optionVesting: "vested_on_change_of_control",
    terminatedHolders: [stakeholderId("h2")],
  };
  return { table: b.table(), terms };
}
