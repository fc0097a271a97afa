import { currency, money } from "../../../src/core/exact/money.js";
import { Rational, rat } from "../../../src/core/exact/rational.js";
import type { Ledger } from "../../../src/core/ledger/ledger.js";
import type { ShareClass } from "../../../src/core/ledger/share-class.js";
import type { Transaction } from "../../../src/core/ledger/transaction.js";
import { isoDate } from "../../../src/core/shared/date.js";
import {
  poolId,
  securityId,
  shareClassId,
  stakeholderId,
  transactionId,
  vestingScheduleId,
} from "../../../src/core/shared/ids.js";

export const USD = currency("USD");
export const d = isoDate;
export const usd = (amount: string) => money(amount, USD);

export function commonClass(id = "common", authorized: bigint | undefined = 10_000_000n): ShareClass {
  return {
    kind: "share_class",
    id: shareClassId(id),
    name: "Common Stock",
    type: "common",
    authorizedShares: authorized,
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

export function preferredClass(id: string, oip: string, seniority = 2): ShareClass {
  return {
    kind: "share_class",
    id: shareClassId(id),
    name: `Series ${id}`,
    type: "preferred",
    authorizedShares: 5_000_000n,
    originalIssuePrice: usd(oip),
    conversionPrice: usd(oip),
    baseConversionRatio: Rational.ONE,
    convertsTo: shareClassId("common"),
    preference: { multiple: Rational.ONE, base: "original_issue_price", seniority, participation: { kind: "none" } },
    antiDilution: "none",
    dividends: undefined,
    ipoRatchetMultiple: undefined,
  };
}

const tx = <T extends Transaction>(t: T): T => t;

/** A small company whose ledger uses every transaction type the OCF mapping handles. */
export function acmeLedger(): Ledger {
  const s = stakeholderId;
  const sec = securityId;
  const id = transactionId;
  return {
    company: { name: "Acme Robotics, Inc.", formationDate: d("2020-01-01"), currency: USD, exchangeRates: [] },
    stakeholders: [
      { kind: "stakeholder", id: s("ada"), name: "Ada Founder", type: "individual", aliases: [] },
      { kind: "stakeholder", id: s("bob"), name: "Bob Founder", type: "individual", aliases: [] },
      { kind: "stakeholder", id: s("vc"), name: "Venture Fund I", type: "institution", aliases: [] },
      { kind: "stakeholder", id: s("eve"), name: "Eve Engineer", type: "individual", aliases: [] },
      { kind: "stakeholder", id: s("bank"), name: "Lender Bank", type: "institution", aliases: [] },
    ],
    classes: [commonClass(), preferredClass("A", "1.00")],
    pools: [{ id: poolId("plan"), name: "2020 Plan", classId: shareClassId("common"), initialReserved: 1_000_000n }],
    vestingSchedules: [
      {
        kind: "vesting_schedule",
        id: vestingScheduleId("4y1c"),
        name: "4 years, 1 year cliff",
        months: 48,
        cliffMonths: 12,
        intervalMonths: 1,
        acceleration: { singleTrigger: Rational.ZERO, doubleTrigger: rat("1") },
      },
    ],
    transactions: [
      tx({ type: "stock_issuance", id: id("t1"), date: d("2020-01-02"), security: sec("CS-1"), holder: s("ada"), classId: shareClassId("common"), shares: 4_000_000n, pricePerShare: usd("0.0001"), investedAmount: undefined, vestingId: vestingScheduleId("4y1c"), vestingStart: d("2019-10-01") }),
      tx({ type: "stock_issuance", id: id("t2"), date: d("2020-01-02"), security: sec("CS-2"), holder: s("bob"), classId: shareClassId("common"), shares: 3_000_000n, pricePerShare: usd("0.0001"), investedAmount: undefined, vestingId: undefined, vestingStart: undefined }),
      tx({ type: "safe_issuance", id: id("t3"), date: d("2020-06-01"), security: sec("SAFE-1"), holder: s("vc"), purchaseAmount: usd("500000"), safeType: "post_money", valuationCap: usd("5000000"), discount: rat("0.2"), mfn: false, proRataRights: true }),
      tx({ type: "option_grant", id: id("t4"), date: d("2020-07-01"), security: sec("O-1"), holder: s("eve"), poolId: poolId("plan"), classId: undefined, optionType: "option", quantity: 100_000n, exercisePrice: usd("0.10"), vestingId: vestingScheduleId("4y1c"), vestingStart: d("2020-06-15"), expirationDate: d("2030-07-01") }),
      tx({ type: "transfer", id: id("t5"), date: d("2021-01-15"), from: s("ada"), to: s("bob"), classId: shareClassId("common"), shares: 100_000n, security: undefined, resultingSecurity: sec("CS-3"), pricePerShare: usd("0.50") }),
      tx({ type: "exercise", id: id("t6"), date: d("2021-08-01"), security: sec("O-1"), quantity: 20_000n, resultingSecurity: sec("CS-4") }),
      tx({ type: "cancellation", id: id("t7"), date: d("2021-09-01"), security: sec("O-1"), quantity: 30_000n }),
      tx({ type: "repurchase", id: id("t8"), date: d("2021-10-01"), holder: s("bob"), classId: shareClassId("common"), shares: 50_000n, security: sec("CS-2"), pricePerShare: usd("0.25") }),
      tx({ type: "conversion", id: id("t9"), date: d("2022-01-10"), security: sec("SAFE-1"), toClassId: shareClassId("A"), shares: 600_000n, resultingSecurity: sec("PS-1") }),
      tx({ type: "stock_issuance", id: id("t10"), date: d("2022-01-10"), security: sec("PS-2"), holder: s("vc"), classId: shareClassId("A"), shares: 1_000_000n, pricePerShare: usd("1.00"), investedAmount: undefined, vestingId: undefined, vestingStart: undefined }),
      tx({ type: "warrant_issuance", id: id("t11"), date: d("2022-02-01"), security: sec("W-1"), holder: s("bank"), classId: shareClassId("common"), quantity: 40_000n, exercisePrice: usd("0.50"), expirationDate: d("2032-02-01") }),
      tx({ type: "note_issuance", id: id("t12"), date: d("2022-03-01"), security: sec("N-1"), holder: s("bank"), principal: usd("250000"), interestRate: rat("0.06"), interest: { method: "compound", periodsPerYear: 12 }, maturityDate: d("2024-03-01"), valuationCap: usd("20000000"), capBasis: "pre_money", discount: rat("0.15"), proRataRights: false }),
      tx({ type: "pool_increase", id: id("t13"), date: d("2022-06-01"), poolId: poolId("plan"), shares: 500_000n }),
      tx({ type: "split", id: id("t14"), date: d("2022-07-01"), classIds: undefined, numerator: 2n, denominator: 1n }),
      tx({ type: "authorized_shares_adjustment", id: id("t15"), date: d("2022-08-01"), classId: shareClassId("common"), authorizedShares: 30_000_000n }),
      tx({ type: "exercise", id: id("t16"), date: d("2022-09-01"), security: sec("W-1"), quantity: 30_000n, resultingSecurity: sec("CS-5") }),
      tx({ type: "conversion_price_adjustment", id: id("t17"), date: d("2022-10-01"), classId: shareClassId("A"), conversionPrice: usd("0.4"), reason: "down-round adjustment" }),
      tx({ type: "conversion", id: id("t18"), date: d("2022-11-01"), security: sec("PS-2"), toClassId: undefined, shares: undefined, resultingSecurity: sec("CS-6") }),
      tx({ type: "cancellation", id: id("t19"), date: d("2022-12-01"), security: sec("N-1"), quantity: undefined }),
      tx({ type: "transfer", id: id("t20"), date: d("2023-01-05"), from: s("bob"), to: s("vc"), classId: shareClassId("common"), shares: 6_000_000n, security: undefined, resultingSecurity: sec("CS-7"), pricePerShare: undefined }),
    ],
  };
}
