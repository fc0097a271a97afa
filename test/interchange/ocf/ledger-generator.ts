import fc from "fast-check";
import { money } from "../../../src/core/exact/money.js";
import { Rational, rat } from "../../../src/core/exact/rational.js";
import { applyTransaction } from "../../../src/core/ledger/apply.js";
import type { Ledger } from "../../../src/core/ledger/ledger.js";
import { openingCapTable } from "../../../src/core/ledger/replay.js";
import type { Transaction } from "../../../src/core/ledger/transaction.js";
import { addMonths, type IsoDate } from "../../../src/core/shared/date.js";
import {
  poolId,
  securityId,
  shareClassId,
  stakeholderId,
  transactionId,
  vestingScheduleId,
} from "../../../src/core/shared/ids.js";
import { commonClass, d, preferredClass, USD } from "./fixtures.js";

/** One step of a generated history: which kind of transaction, and numbers to choose its terms with. */
export type Step = readonly [kind: number, a: number, b: number, sameDate: boolean];

export const stepsArbitrary = fc.array(
  fc.tuple(fc.nat(13), fc.nat(1_000_000), fc.nat(1_000_000), fc.boolean()),
  {
    minLength: 5,
    maxLength: 40,
  },
);

/** Every generated history opens with these: each holder gets shares, so that later steps have lots to act on. */
const OPENING: readonly Step[] = [
  [0, 0, 10_001, false],
  [0, 1, 20_003, true],
  [0, 2, 30_001, true],
  [0, 3, 40_003, true],
];

const PRICES = ["0.01", "0.1", "1", "2.5"];

/**
 * A ledger built from steps: each step proposes a transaction of one kind with terms picked from
 * its numbers, against the cap table so far; a proposal the ledger rejects is skipped, so the
 * ledger always replays. Deterministic in the steps.
 */
export function ledgerFromSteps(steps: readonly Step[]): Ledger {
  const holders = ["ana", "ben", "cy", "dee"].map(stakeholderId);
  const common = shareClassId("common");
  const seriesA = shareClassId("A");
  const base: Ledger = {
    company: { name: "Generated Co", formationDate: d("2019-01-01"), currency: USD, exchangeRates: [] },
    stakeholders: holders.map((id) => ({
      kind: "stakeholder" as const,
      id,
      name: `Holder ${id}`,
      type: "individual" as const,
      aliases: [],
    })),
    classes: [
      commonClass("common", 1_000_000_000n),
      { ...preferredClass("A", "1.00"), authorizedShares: undefined },
    ],
    pools: [{ id: poolId("plan"), name: "Plan", classId: common, initialReserved: 2_000_000n }],
    vestingSchedules: [
      {
        kind: "vesting_schedule",
        id: vestingScheduleId("std"),
        name: "Standard",
        months: 48,
        cliffMonths: 12,
        intervalMonths: 1,
        acceleration: { singleTrigger: Rational.ZERO, doubleTrigger: Rational.ZERO },
      },
    ],
    transactions: [],
  };
  const opening = openingCapTable(base);
  if (!opening.ok) throw new Error("generator: opening");
  const table = opening.value;
  const txs: Transaction[] = [];
  let month = 0;
  for (const [k, [kind, a, b, sameDate]] of [...OPENING, ...steps].entries()) {
    if (!sameDate || k === 0) month += 1;
    const date: IsoDate = addMonths(d("2019-01-01"), month);
    const id = transactionId(`tx${k}`);
    const sec = securityId(`sec${k}`);
    const holder = holders[a % holders.length]!;
    const other = holders[b % holders.length]!;
    const price = money(PRICES[b % PRICES.length]!, USD);
    const securities = [...table.securities.values()];
    const pick = <T>(list: readonly T[]): T | undefined =>
      list.length === 0 ? undefined : list[a % list.length];
    const part = (n: bigint) => 1n + (BigInt(b) % n);
    let t: Transaction | undefined;
    switch (kind) {
      case 0:
        t = {
          type: "stock_issuance",
          id,
          date,
          security: sec,
          holder,
          classId: a % 3 === 0 ? seriesA : common,
          shares: BigInt(1 + (b % 100_000)),
          pricePerShare: b % 5 === 0 ? undefined : price,
          investedAmount: undefined,
          vestingId: b % 2 === 0 ? vestingScheduleId("std") : undefined,
          vestingStart: b % 4 === 0 ? addMonths(date, -1) : undefined,
        };
        break;
      case 1:
        t = {
          type: "option_grant",
          id,
          date,
          security: sec,
          holder,
          poolId: poolId("plan"),
          classId: undefined,
          optionType: b % 3 === 0 ? "rsu" : "option",
          quantity: BigInt(1 + (b % 50_000)),
          exercisePrice: b % 3 === 0 ? money("0", USD) : price,
          vestingId: b % 2 === 0 ? vestingScheduleId("std") : undefined,
          vestingStart: undefined,
          expirationDate: b % 2 === 0 ? addMonths(date, 120) : undefined,
        };
        break;
      case 2:
        t = {
          type: "warrant_issuance",
          id,
          date,
          security: sec,
          holder,
          classId: common,
          quantity: BigInt(1 + (b % 20_000)),
          exercisePrice: price,
          expirationDate: undefined,
        };
        break;
      case 3:
        t = {
          type: "safe_issuance",
          id,
          date,
          security: sec,
          holder,
          purchaseAmount: money(String(1000 * (1 + (b % 500))), USD),
          safeType: b % 2 === 0 ? "post_money" : "pre_money",
          valuationCap: money("10000000", USD),
          discount: b % 3 === 0 ? rat("0.2") : undefined,
          mfn: b % 7 === 0,
          proRataRights: b % 2 === 0,
        };
        break;
      case 4:
        t = {
          type: "note_issuance",
          id,
          date,
          security: sec,
          holder,
          principal: money(String(1000 * (1 + (b % 500))), USD),
          interestRate: rat("0.08"),
          interest: b % 2 === 0 ? { method: "simple" } : { method: "compound", periodsPerYear: 4 },
          maturityDate: b % 3 === 0 ? undefined : addMonths(date, 24),
          valuationCap: b % 2 === 0 ? money("8000000", USD) : undefined,
          capBasis: "pre_money",
          discount: rat("0.15"),
          proRataRights: false,
        };
        break;
      case 5: {
        const rights = pick(securities.filter((s) => s.kind === "option" || s.kind === "warrant"));
        if (rights && (rights.kind === "option" || rights.kind === "warrant")) {
          t = {
            type: "exercise",
            id,
            date,
            security: rights.id,
            quantity: part(rights.quantity),
            resultingSecurity: sec,
          };
        }
        break;
      }
      case 6: {
        const lot = pick(securities.filter((s) => s.kind === "stock"));
        if (lot?.kind === "stock") {
          const whole = b % 3 === 0;
          const held = table.sharesHeld(lot.holder, lot.classId);
          t = {
            type: "transfer",
            id,
            date,
            from: lot.holder,
            to: other,
            classId: lot.classId,
            shares: whole ? part(held) : part(lot.shares),
            security: whole ? undefined : lot.id,
            resultingSecurity: sec,
            pricePerShare: b % 2 === 0 ? price : undefined,
          };
        }
        break;
      }
      case 7: {
        const s = pick(securities);
        if (s) {
          const n =
            s.kind === "stock"
              ? s.shares
              : s.kind === "option" || s.kind === "warrant"
                ? s.quantity
                : undefined;
          t = {
            type: "cancellation",
            id,
            date,
            security: s.id,
            quantity: n === undefined || b % 3 === 0 ? undefined : part(n),
          };
        }
        break;
      }
      case 8: {
        const lot = pick(securities.filter((s) => s.kind === "stock"));
        if (lot?.kind === "stock") {
          const byLot = b % 2 === 0;
          t = {
            type: "repurchase",
            id,
            date,
            holder: lot.holder,
            classId: lot.classId,
            shares: byLot ? part(lot.shares) : part(table.sharesHeld(lot.holder, lot.classId)),
            security: byLot ? lot.id : undefined,
            pricePerShare: price,
          };
        }
        break;
      }
      case 9: {
        const [numerator, denominator] = (
          [
            [2n, 1n],
            [1n, 2n],
            [3n, 2n],
          ] as const
        )[b % 3]!;
        t = { type: "split", id, date, classIds: a % 2 === 0 ? undefined : [common], numerator, denominator };
        break;
      }
      case 10:
        t = {
          type: "pool_increase",
          id,
          date,
          poolId: poolId("plan"),
          shares: BigInt((b % 200_000) - 50_000),
        };
        break;
      case 11: {
        const s = pick(
          securities.filter(
            (x) => (x.kind === "stock" && x.classId === seriesA) || x.kind === "safe" || x.kind === "note",
          ),
        );
        if (s?.kind === "stock")
          t = {
            type: "conversion",
            id,
            date,
            security: s.id,
            toClassId: undefined,
            shares: undefined,
            resultingSecurity: sec,
          };
        else if (s)
          t = {
            type: "conversion",
            id,
            date,
            security: s.id,
            toClassId: seriesA,
            shares: BigInt(1 + (b % 100_000)),
            resultingSecurity: sec,
          };
        break;
      }
      case 12:
        t = {
          type: "conversion_price_adjustment",
          id,
          date,
          classId: seriesA,
          conversionPrice: money(["0.8", "0.5", "1.25"][b % 3]!, USD),
          reason: "adjustment",
        };
        break;
      default:
        t = {
          type: "authorized_shares_adjustment",
          id,
          date,
          classId: common,
          authorizedShares: (table.issuedByClass.get(common) ?? 0n) + BigInt(b),
        };
    }
    if (t === undefined) continue;
    const trial = table.clone();
    if (applyTransaction(trial, t) !== undefined) continue;
    applyTransaction(table, t);
    txs.push(t);
  }
  return { ...base, transactions: txs };
}
