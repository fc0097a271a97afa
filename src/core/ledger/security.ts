import type { Money } from "../exact/money.js";
import type { Rational } from "../exact/rational.js";
import type { IsoDate } from "../shared/date.js";
import type { PoolId, SecurityId, ShareClassId, StakeholderId, VestingScheduleId } from "../shared/ids.js";

/** Issued shares of one class held by one holder, from one issuance (a certificate, or "lot"). */
export interface StockLot {
  readonly kind: "stock";
  readonly id: SecurityId;
  readonly holder: StakeholderId;
  readonly classId: ShareClassId;
  readonly shares: bigint;
  readonly issueDate: IsoDate;
  /** What was paid for these shares (a SAFE's purchase amount for its conversion shares); base of "amount invested" preferences. */
  readonly investedAmount: Money | undefined;
  readonly vestingId: VestingScheduleId | undefined;
  readonly vestingStart: IsoDate | undefined;
}

/** Options or RSUs: rights to shares of `classId`, usually granted from a pool. */
export interface OptionGrant {
  readonly kind: "option";
  readonly id: SecurityId;
  readonly holder: StakeholderId;
  readonly classId: ShareClassId;
  readonly poolId: PoolId | undefined;
  readonly optionType: "option" | "rsu";
  /** Outstanding: granted less exercised and cancelled. */
  readonly quantity: bigint;
  /** The quantity granted (scaled by splits): the base of the vesting schedule (VEST-3). */
  readonly granted: bigint;
  /** The quantity exercised so far. */
  readonly exercised: bigint;
  readonly exercisePrice: Money;
  readonly grantDate: IsoDate;
  readonly vestingId: VestingScheduleId | undefined;
  readonly vestingStart: IsoDate | undefined;
  readonly expirationDate: IsoDate | undefined;
}

export interface Warrant {
  readonly kind: "warrant";
  readonly id: SecurityId;
  readonly holder: StakeholderId;
  readonly classId: ShareClassId;
  readonly quantity: bigint;
  readonly exercisePrice: Money;
  readonly issueDate: IsoDate;
  readonly expirationDate: IsoDate | undefined;
}

/**
 * The precision an instrument's own conversion price is stated to (ROUND-9): its places and
 * rounding, and whether its shares are computed from the rounded price or the exact one.
 */
export interface InstrumentPricePrecision {
  readonly places: number;
  readonly rounding: "up" | "down" | "half_up";
  readonly sharesFromRoundedPrice: boolean;
}

/** A SAFE's or note's own price precisions (ROUND-9): of its cap price and of its discount price. */
export interface ConversionPricePrecision {
  readonly cap?: InstrumentPricePrecision;
  readonly discount?: InstrumentPricePrecision;
}

/** A simple agreement for future equity (docs/SPEC.md SAFE-1..SAFE-6). */
export interface Safe {
  readonly kind: "safe";
  readonly id: SecurityId;
  readonly holder: StakeholderId;
  readonly purchaseAmount: Money;
  /** "post_money": the YC post-money safe; "pre_money": the original YC safe. */
  readonly safeType: "post_money" | "pre_money";
  readonly valuationCap: Money | undefined;
  /** Discount off the round price, 0 to 1 (0.2 = 20%). */
  readonly discount: Rational | undefined;
  /** Most-favoured-nation: takes the best terms of SAFEs issued after it, before the round (SAFE-5). */
  readonly mfn: boolean;
  readonly issueDate: IsoDate;
  readonly proRataRights: boolean;
  /** Converts into a shadow series of the round's class (SAFE-6); undefined: yes, the YC safe's default. */
  readonly shadowSeries?: boolean;
  /** Its cap and discount prices' own precisions (ROUND-9); undefined: the round's. */
  readonly conversionPricePrecision?: ConversionPricePrecision;
}

export type NoteInterest =
  | { readonly method: "simple" }
  /** Compounds `periodsPerYear` times a year; a partial period accrues simple interest (NOTE-2). */
  | { readonly method: "compound"; readonly periodsPerYear: 1 | 2 | 4 | 12 };

/** A convertible promissory note (docs/SPEC.md NOTE-1..NOTE-4). */
export interface ConvertibleNote {
  readonly kind: "note";
  readonly id: SecurityId;
  readonly holder: StakeholderId;
  readonly principal: Money;
  /** Yearly interest rate, 0.06 = 6%. */
  readonly interestRate: Rational;
  readonly interest: NoteInterest;
  readonly issueDate: IsoDate;
  readonly maturityDate: IsoDate | undefined;
  readonly valuationCap: Money | undefined;
  /** Whether the cap is a pre-money cap (the usual note) or a post-money cap (docs/SPEC.md NOTE-3). */
  readonly capBasis: "pre_money" | "post_money";
  readonly discount: Rational | undefined;
  readonly proRataRights: boolean;
  /** Converts into a shadow series of the round's class when the note's terms say so (SAFE-6); undefined: no. */
  readonly shadowSeries?: boolean;
  /** Its cap and discount prices' own precisions (ROUND-9); undefined: the round's. */
  readonly conversionPricePrecision?: ConversionPricePrecision;
}

/**
 * Venture debt (DEBT-1..DEBT-4): a loan, a liability of the company and not equity. Kept
 * beside the securities (CapTable.debts), never in the cap table's views; at an exit it is
 * repaid before any equity, by its seniority.
 */
export interface VentureDebt {
  readonly kind: "debt";
  readonly id: SecurityId;
  readonly holder: StakeholderId;
  readonly principal: Money;
  /** Yearly interest rate, 0.12 = 12%. */
  readonly interestRate: Rational;
  /** "paid": interest is paid as it falls due (the usual term loan); "accrued": it accrues, simple, actual/365, to repayment. */
  readonly interest: "paid" | "accrued";
  /** The end-of-term fee, a fraction of principal, owed at maturity or repayment. */
  readonly finalPayment: Rational;
  /** Higher is repaid first; equal seniorities share pari passu. */
  readonly seniority: number;
  readonly issueDate: IsoDate;
  readonly maturityDate: IsoDate | undefined;
}

export type Security = StockLot | OptionGrant | Warrant | Safe | ConvertibleNote;
export type Convertible = Safe | ConvertibleNote;

export function isConvertible(security: Security): security is Convertible {
  return security.kind === "safe" || security.kind === "note";
}
