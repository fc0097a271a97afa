import fc from "fast-check";
import { currency, money } from "../../src/core/exact/money.js";
import { Rational } from "../../src/core/exact/rational.js";
import type { Ledger } from "../../src/core/ledger/ledger.js";
import type { ShareClass } from "../../src/core/ledger/share-class.js";
import type { Transaction } from "../../src/core/ledger/transaction.js";
import { type IsoDate, isoDate } from "../../src/core/shared/date.js";
import { poolId, securityId, shareClassId, stakeholderId, transactionId } from "../../src/core/shared/ids.js";

export const USD = currency("USD");

export function commonClass(id = "common"): ShareClass {
  return {
    kind: "share_class",
    id: shareClassId(id),
    name: id,
    type: "common",
    authorizedShares: undefined,
    originalIssuePrice: undefined,
    conversionPrice: undefined,
    baseConversionRatio: Rational.ONE,
    convertsTo: undefined,
    preference: undefined,
    antiDilution: "none",
    dividends: undefined,
    ipoRatchetMultiple: undefined,
  };
}

export function preferredClass(id: string, price: string, convertsTo = "common"): ShareClass {
  return {
    ...commonClass(id),
    type: "preferred",
    originalIssuePrice: money(price, USD),
    conversionPrice: money(price, USD),
    convertsTo: shareClassId(convertsTo),
    preference: {
      multiple: Rational.ONE,
      base: "original_issue_price",
      seniority: 1,
      participation: { kind: "none" },
    },
    antiDilution: "broad_based_weighted_average",
  };
}

export function emptyLedger(holders: number, transactions: Transaction[] = []): Ledger {
  return {
    company: { name: "Generated", formationDate: isoDate("2020-01-01"), currency: USD, exchangeRates: [] },
    stakeholders: Array.from({ length: holders }, (_, i) => ({
      kind: "stakeholder" as const,
      id: stakeholderId(`h${i}`),
      name: `Holder ${i}`,
      type: "individual" as const,
      aliases: [],
    })),
    classes: [commonClass(), preferredClass("pref", "1.5")],
    pools: [
      { id: poolId("plan"), name: "Plan", classId: shareClassId("common"), initialReserved: 1_000_000n },
    ],
    vestingSchedules: [],
    transactions,
  };
}

function day(n: number): IsoDate {
  const d = new Date(Date.UTC(2020, 0, 1 + n));
  return d.toISOString().slice(0, 10) as IsoDate;
}

/** One step of a generated ledger; resolved against a running model so that most steps are valid. */
export type Step =
  | { kind: "issue"; holder: number; preferred: boolean; shares: bigint }
  | { kind: "transfer"; from: number; to: number; preferred: boolean; fraction: number }
  | { kind: "grant"; holder: number; quantity: bigint }
  | { kind: "exercise"; grant: number; fraction: number }
  | { kind: "cancel"; grant: number }
  | { kind: "repurchase"; holder: number; fraction: number }
  | { kind: "split"; ratio: bigint }
  | { kind: "pool_increase"; shares: bigint };

export const stepArb = (holders: number): fc.Arbitrary<Step> =>
  fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constant("issue" as const),
        holder: fc.nat(holders - 1),
        preferred: fc.boolean(),
        shares: fc.bigInt({ min: 1n, max: 5_000_000n }),
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant("transfer" as const),
        from: fc.nat(holders - 1),
        to: fc.nat(holders - 1),
        preferred: fc.boolean(),
        fraction: fc.double({ min: 0.01, max: 1, noNaN: true }),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant("grant" as const),
        holder: fc.nat(holders - 1),
        quantity: fc.bigInt({ min: 1n, max: 200_000n }),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant("exercise" as const),
        grant: fc.nat(20),
        fraction: fc.double({ min: 0.01, max: 1, noNaN: true }),
      }),
    },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("cancel" as const), grant: fc.nat(20) }) },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant("repurchase" as const),
        holder: fc.nat(holders - 1),
        fraction: fc.double({ min: 0.01, max: 1, noNaN: true }),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ kind: fc.constant("split" as const), ratio: fc.bigInt({ min: 2n, max: 4n }) }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        kind: fc.constant("pool_increase" as const),
        shares: fc.bigInt({ min: 1n, max: 500_000n }),
      }),
    },
  );

/** What the generator expects the ledger to hold: a reference model kept by plain arithmetic. */
export interface ReferenceModel {
  readonly shares: Map<string, bigint>; // `${holder}/${class}` -> shares
  readonly grants: { id: string; holder: number; quantity: bigint }[];
  poolAvailable: bigint;
}

/**
 * Turns steps into valid transactions (one per day), keeping a reference model of what
 * each holder must hold. Steps that cannot apply (nothing to transfer, no grant) are
 * skipped, so every generated transaction is valid.
 */
export function transactionsFrom(
  steps: readonly Step[],
  holders: number,
): { transactions: Transaction[]; model: ReferenceModel } {
  const model: ReferenceModel = { shares: new Map(), grants: [], poolAvailable: 1_000_000n };
  const transactions: Transaction[] = [];
  const key = (h: number, c: string) => `h${h}/${c}`;
  const get = (h: number, c: string) => model.shares.get(key(h, c)) ?? 0n;
  const add = (h: number, c: string, n: bigint) => model.shares.set(key(h, c), get(h, c) + n);
  const part = (n: bigint, f: number) => {
    const p = (n * BigInt(Math.round(f * 1000))) / 1000n;
    return p < 1n ? 1n : p;
  };
  steps.forEach((step, i) => {
    const base = { id: transactionId(`t${i}`), date: day(i) };
    switch (step.kind) {
      case "issue": {
        const c = step.preferred ? "pref" : "common";
        transactions.push({
          ...base,
          type: "stock_issuance",
          security: securityId(`s${i}`),
          holder: stakeholderId(`h${step.holder}`),
          classId: shareClassId(c),
          shares: step.shares,
          pricePerShare: money("1", USD),
          investedAmount: undefined,
          vestingId: undefined,
          vestingStart: undefined,
        });
        add(step.holder, c, step.shares);
        break;
      }
      case "transfer": {
        const c = step.preferred ? "pref" : "common";
        const held = get(step.from, c);
        if (held === 0n || step.from === step.to) return;
        const n = part(held, step.fraction);
        transactions.push({
          ...base,
          type: "transfer",
          from: stakeholderId(`h${step.from}`),
          to: stakeholderId(`h${step.to}`),
          classId: shareClassId(c),
          shares: n,
          security: undefined,
          resultingSecurity: securityId(`s${i}`),
          pricePerShare: undefined,
        });
        add(step.from, c, -n);
        add(step.to, c, n);
        break;
      }
      case "grant": {
        if (model.poolAvailable < step.quantity) return;
        transactions.push({
          ...base,
          type: "option_grant",
          security: securityId(`g${i}`),
          holder: stakeholderId(`h${step.holder}`),
          poolId: poolId("plan"),
          classId: undefined,
          optionType: "option",
          quantity: step.quantity,
          exercisePrice: money("0.1", USD),
          vestingId: undefined,
          vestingStart: undefined,
          expirationDate: undefined,
        });
        model.poolAvailable -= step.quantity;
        model.grants.push({ id: `g${i}`, holder: step.holder, quantity: step.quantity });
        break;
      }
      case "exercise": {
        const g = model.grants[step.grant % Math.max(1, model.grants.length)];
        if (!g || g.quantity === 0n) return;
        const n = part(g.quantity, step.fraction);
        transactions.push({
          ...base,
          type: "exercise",
          security: securityId(g.id),
          quantity: n,
          resultingSecurity: securityId(`s${i}`),
        });
        g.quantity -= n;
        add(g.holder, "common", n);
        break;
      }
      case "cancel": {
        const g = model.grants[step.grant % Math.max(1, model.grants.length)];
        if (!g || g.quantity === 0n) return;
        transactions.push({ ...base, type: "cancellation", security: securityId(g.id), quantity: undefined });
        model.poolAvailable += g.quantity;
        g.quantity = 0n;
        break;
      }
      case "repurchase": {
        const held = get(step.holder, "common");
        if (held === 0n) return;
        const n = part(held, step.fraction);
        transactions.push({
          ...base,
          type: "repurchase",
          holder: stakeholderId(`h${step.holder}`),
          classId: shareClassId("common"),
          shares: n,
          security: undefined,
          pricePerShare: undefined,
        });
        add(step.holder, "common", -n);
        break;
      }
      case "split": {
        // Whole-number forward splits only, so that the reference model needs no rounding.
        transactions.push({
          ...base,
          type: "split",
          classIds: undefined,
          numerator: step.ratio,
          denominator: 1n,
        });
        for (const [k, v] of model.shares) model.shares.set(k, v * step.ratio);
        for (const g of model.grants) g.quantity *= step.ratio;
        model.poolAvailable *= step.ratio;
        break;
      }
      case "pool_increase": {
        transactions.push({ ...base, type: "pool_increase", poolId: poolId("plan"), shares: step.shares });
        model.poolAvailable += step.shares;
        break;
      }
    }
  });
  void holders;
  return { transactions, model };
}
