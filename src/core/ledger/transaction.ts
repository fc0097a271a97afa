import type { Money } from "../exact/money.js";
import type { Rational } from "../exact/rational.js";
import type { IsoDate } from "../shared/date.js";
import type {
  PoolId,
  SecurityId,
  ShareClassId,
  StakeholderId,
  TransactionId,
  VestingScheduleId,
} from "../shared/ids.js";
import type { FieldPath } from "../shared/problem.js";
import type { ConversionPricePrecision, NoteInterest } from "./security.js";

interface TransactionBase {
  readonly id: TransactionId;
  readonly date: IsoDate;
  /** Where the transaction stands in the deal document, for error messages. */
  readonly path?: FieldPath;
}

export interface StockIssuance extends TransactionBase {
  readonly type: "stock_issuance";
  readonly security: SecurityId;
  readonly holder: StakeholderId;
  readonly classId: ShareClassId;
  readonly shares: bigint;
  readonly pricePerShare: Money | undefined;
  /** Defaults to shares x pricePerShare when a price is given. */
  readonly investedAmount: Money | undefined;
  readonly vestingId: VestingScheduleId | undefined;
  readonly vestingStart: IsoDate | undefined;
}

export interface OptionGrantTx extends TransactionBase {
  readonly type: "option_grant";
  readonly security: SecurityId;
  readonly holder: StakeholderId;
  readonly poolId: PoolId | undefined;
  /** The class the options are for; defaults to the pool's class. */
  readonly classId: ShareClassId | undefined;
  readonly optionType: "option" | "rsu";
  readonly quantity: bigint;
  readonly exercisePrice: Money;
  readonly vestingId: VestingScheduleId | undefined;
  readonly vestingStart: IsoDate | undefined;
  readonly expirationDate: IsoDate | undefined;
}

export interface WarrantIssuance extends TransactionBase {
  readonly type: "warrant_issuance";
  readonly security: SecurityId;
  readonly holder: StakeholderId;
  readonly classId: ShareClassId;
  readonly quantity: bigint;
  readonly exercisePrice: Money;
  readonly expirationDate: IsoDate | undefined;
}

export interface SafeIssuance extends TransactionBase {
  readonly type: "safe_issuance";
  readonly security: SecurityId;
  readonly holder: StakeholderId;
  readonly purchaseAmount: Money;
  readonly safeType: "post_money" | "pre_money";
  readonly valuationCap: Money | undefined;
  readonly discount: Rational | undefined;
  readonly mfn: boolean;
  readonly proRataRights: boolean;
  /** Converts into a shadow series of the round's class (SAFE-6); undefined: yes, the YC safe's default. */
  readonly shadowSeries?: boolean;
  /** Its cap and discount prices' own precisions (ROUND-9); undefined: the round's. */
  readonly conversionPricePrecision?: ConversionPricePrecision;
}

export interface NoteIssuance extends TransactionBase {
  readonly type: "note_issuance";
  readonly security: SecurityId;
  readonly holder: StakeholderId;
  readonly principal: Money;
  readonly interestRate: Rational;
  readonly interest: NoteInterest;
  readonly maturityDate: IsoDate | undefined;
  readonly valuationCap: Money | undefined;
  readonly capBasis: "pre_money" | "post_money";
  readonly discount: Rational | undefined;
  readonly proRataRights: boolean;
  /** Converts into a shadow series of the round's class when the note's terms say so (SAFE-6); undefined: no. */
  readonly shadowSeries?: boolean;
  /** Its cap and discount prices' own precisions (ROUND-9); undefined: the round's. */
  readonly conversionPricePrecision?: ConversionPricePrecision;
}

/** Exercise of options or warrants into shares of their class. */
export interface Exercise extends TransactionBase {
  readonly type: "exercise";
  readonly security: SecurityId;
  readonly quantity: bigint;
  readonly resultingSecurity: SecurityId;
}

/**
 * A transfer of shares between holders: of one lot (`security`) or, without it, of the
 * holder's lots of `classId` taken oldest first (LED-4).
 */
export interface Transfer extends TransactionBase {
  readonly type: "transfer";
  readonly from: StakeholderId;
  readonly to: StakeholderId;
  readonly classId: ShareClassId;
  readonly shares: bigint;
  readonly security: SecurityId | undefined;
  readonly resultingSecurity: SecurityId;
  readonly pricePerShare: Money | undefined;
}

/** Cancellation of a security, or of part of it. Cancelled pool options return to the pool (LED-6). */
export interface Cancellation extends TransactionBase {
  readonly type: "cancellation";
  readonly security: SecurityId;
  /** Undefined cancels all that is outstanding. */
  readonly quantity: bigint | undefined;
}

/** The company buys back shares; they are retired. */
export interface Repurchase extends TransactionBase {
  readonly type: "repurchase";
  readonly holder: StakeholderId;
  readonly classId: ShareClassId;
  readonly shares: bigint;
  readonly security: SecurityId | undefined;
  readonly pricePerShare: Money | undefined;
}

/** A stock split (numerator > denominator) or reverse split (LED-7). */
export interface Split extends TransactionBase {
  readonly type: "split";
  /** The classes that split; undefined splits every class. */
  readonly classIds: readonly ShareClassId[] | undefined;
  readonly numerator: bigint;
  readonly denominator: bigint;
}

export interface PoolIncrease extends TransactionBase {
  readonly type: "pool_increase";
  readonly poolId: PoolId;
  readonly shares: bigint;
}

/**
 * Conversion of a security: preferred shares into their common class at the current
 * conversion rate, or a SAFE or note into `shares` of `toClassId` outside a modeled round.
 */
export interface Conversion extends TransactionBase {
  readonly type: "conversion";
  readonly security: SecurityId;
  readonly toClassId: ShareClassId | undefined;
  /** Shares received; required for SAFEs and notes, computed for preferred (rounded down, CLS-3). */
  readonly shares: bigint | undefined;
  readonly resultingSecurity: SecurityId;
  /**
   * The shares of the lot converted, when only part of it converts (a partial pay-to-play,
   * P2P-5); the rest stays in the lot. Default: the whole lot. Made by pay-to-play, not written.
   */
  readonly quantity?: bigint;
  /**
   * A re-designation: the lot becomes the same number of shares of `toClassId`, whatever
   * its class converts into (TENDER-6, P2P-3). Made by tenders and pay-to-play, not written.
   */
  readonly redesignation?: true;
}

/** A change of a class's conversion price (an anti-dilution adjustment made by a round). */
export interface ConversionPriceAdjustment extends TransactionBase {
  readonly type: "conversion_price_adjustment";
  readonly classId: ShareClassId;
  readonly conversionPrice: Money;
  readonly reason: string;
}

/**
 * A charter amendment that changes a class's authorized shares. The new number may not
 * be below the shares of the class already issued.
 */
export interface AuthorizedSharesAdjustment extends TransactionBase {
  readonly type: "authorized_shares_adjustment";
  readonly classId: ShareClassId;
  /** The new number of authorized shares; undefined when the class has no limit. */
  readonly authorizedShares: bigint | undefined;
}

/**
 * Venture debt lent to the company (DEBT-1..DEBT-3), with the warrants its coverage gives
 * the lender (DEBT-2), issued with it.
 */
export interface DebtIssuance extends TransactionBase {
  readonly type: "debt_issuance";
  readonly security: SecurityId;
  readonly holder: StakeholderId;
  readonly principal: Money;
  readonly interestRate: Rational;
  readonly interest: "paid" | "accrued";
  readonly finalPayment: Rational;
  readonly seniority: number;
  readonly maturityDate: IsoDate | undefined;
  readonly warrant:
    | {
        readonly security: SecurityId;
        readonly classId: ShareClassId;
        readonly quantity: bigint;
        readonly exercisePrice: Money;
        readonly expirationDate: IsoDate | undefined;
      }
    | undefined;
}

/** Venture debt repaid in full before any exit (DEBT-4). */
export interface DebtRepayment extends TransactionBase {
  readonly type: "debt_repayment";
  readonly security: SecurityId;
}

/** One party's shares in a tender offer or secondary sale: offered by a seller, or taken by a buyer. */
export interface TenderPart {
  readonly holder: StakeholderId;
  readonly shares: bigint;
}

/**
 * A tender offer or secondary sale at one price (TENDER-1..TENDER-7): sellers offer shares
 * of one class, the company and investors with a right of first refusal take theirs first,
 * the buyers the rest, up to the cap, every cutback pro rata by the largest remainder. It
 * applies as the transfers, repurchases and re-designations it comes to (ledger/tender.ts).
 */
export interface Tender extends TransactionBase {
  readonly type: "tender";
  readonly classId: ShareClassId;
  readonly pricePerShare: Money;
  /** The most shares bought in all; undefined: what the company, investors and buyers ask for. */
  readonly cap: bigint | undefined;
  readonly sellers: readonly TenderPart[];
  readonly buyers: readonly TenderPart[];
  /** Shares the company repurchases under its right of first refusal, taken before anyone else. */
  readonly companyFirstRefusal: bigint | undefined;
  /** Investors exercising a right of first refusal, in order, after the company and before the buyers. */
  readonly investorFirstRefusal: readonly TenderPart[];
  /** The class the buyers' shares are re-designated as; undefined: they stay in `classId`. */
  readonly buyersClassId: ShareClassId | undefined;
}

/**
 * Pay-to-play (P2P-1..P2P-4): at a financing, every holder of `classIds` who does not buy
 * its pro-rata share of `offered` shares of `roundClassId` sees all its shares of those
 * classes converted into their common class, or re-designated as `shadowClassId` (a series
 * without preference), per the terms. It applies as the conversions it comes to
 * (ledger/pay-to-play.ts).
 */
export interface PayToPlay extends TransactionBase {
  readonly type: "pay_to_play";
  readonly classIds: readonly ShareClassId[];
  readonly roundClassId: ShareClassId;
  /** The shares of the round offered to the holders of `classIds` (the NVCA "Offered Securities"). */
  readonly offered: bigint;
  /** Purchases of the round class count from this date to the transaction's; default: its date. */
  readonly since: IsoDate | undefined;
  readonly shadowClassId: ShareClassId | undefined;
  /**
   * `all_or_nothing` (the NVCA form, the default): a holder that did not buy its whole pro rata
   * converts all its shares of the classes; `partial` (P2P-5): it converts the fraction of them
   * it did not buy.
   */
  readonly form?: "all_or_nothing" | "partial";
}

export type Transaction =
  | StockIssuance
  | OptionGrantTx
  | WarrantIssuance
  | SafeIssuance
  | NoteIssuance
  | Exercise
  | Transfer
  | Cancellation
  | Repurchase
  | Split
  | PoolIncrease
  | Conversion
  | ConversionPriceAdjustment
  | AuthorizedSharesAdjustment
  | Tender
  | PayToPlay
  | DebtIssuance
  | DebtRepayment;

/** The transactions that apply as primitive transactions made from the state before them. */
export type CompoundTransaction = Tender | PayToPlay;

export type TransactionType = Transaction["type"];
