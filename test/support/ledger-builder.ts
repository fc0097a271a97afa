import {
  type Currency,
  type ExchangeRate,
  type Money,
  currency as toCurrency,
} from "../../src/core/exact/money.js";
import { type Rational, rat } from "../../src/core/exact/rational.js";
import type { CapTable } from "../../src/core/ledger/cap-table.js";
import type { Ledger, OptionPoolDefinition } from "../../src/core/ledger/ledger.js";
import { replay } from "../../src/core/ledger/replay.js";
import type { NoteInterest } from "../../src/core/ledger/security.js";
import type { AntiDilution, Participation, ShareClass } from "../../src/core/ledger/share-class.js";
import type { Stakeholder, StakeholderType } from "../../src/core/ledger/stakeholder.js";
import type { Transaction } from "../../src/core/ledger/transaction.js";
import type { VestingSchedule } from "../../src/core/ledger/vesting.js";
import { type IsoDate, isoDate } from "../../src/core/shared/date.js";
import {
  type PoolId,
  poolId,
  type SecurityId,
  type ShareClassId,
  type StakeholderId,
  securityId,
  shareClassId,
  stakeholderId,
  transactionId,
  vestingScheduleId,
} from "../../src/core/shared/ids.js";
import type { Result } from "../../src/core/shared/problem.js";

/** A number written as text ("1.5", "3/4"), a bigint or a safe integer: read exactly. */
export type Num = string | bigint | number | Rational;

export interface PreferredOptions {
  readonly name?: string;
  readonly originalIssuePrice?: Num;
  /** Defaults to the original issue price (conversion ratio 1). */
  readonly conversionPrice?: Num;
  readonly baseConversionRatio?: Num;
  /** Defaults to the first common class declared. */
  readonly convertsTo?: string;
  /** Leave out for a preferred class without a liquidation preference. */
  readonly multiple?: Num;
  readonly base?: "original_issue_price" | "amount_invested";
  readonly seniority?: number;
  readonly participation?: "none" | "full" | { readonly cap: Num };
  readonly dividends?: { readonly rate: Num; readonly cumulative: boolean };
  readonly ipoRatchet?: Num;
  readonly antiDilution?: AntiDilution;
  readonly authorized?: bigint;
  /** True for a preferred class with no preference at all. */
  readonly noPreference?: boolean;
}

const toRational = (value: Num): Rational => (typeof value === "object" ? value : rat(value));

/**
 * Builds a Ledger for tests with fluent, terse calls, and replays it. Stakeholders are
 * created on first mention; transactions take the builder's current date (`on`), ids
 * are generated ("tx-1", "lot-1", ...) unless given. Every amount is exact text.
 *
 *   const table = new LedgerBuilder().common("common").preferred("a", { originalIssuePrice: "1", multiple: "1" })
 *     .issue("founder", "common", 1_000_000n).issue("fund", "a", 500_000n, { price: "1" }).table();
 */
export class LedgerBuilder {
  private readonly currencyCode: Currency;
  private readonly stakeholders: Stakeholder[] = [];
  private readonly stakeholderIds = new Set<string>();
  private readonly classes: ShareClass[] = [];
  private readonly pools: OptionPoolDefinition[] = [];
  private readonly schedules: VestingSchedule[] = [];
  private readonly transactions: Transaction[] = [];
  private readonly rates: ExchangeRate[] = [];
  private date: IsoDate;
  private counter = 0;

  constructor(
    private readonly options: { currency?: string; formed?: string; name?: string; start?: string } = {},
  ) {
    this.currencyCode = toCurrency(options.currency ?? "USD");
    this.date = isoDate(options.start ?? options.formed ?? "2020-01-01");
  }

  /** Sets the date of the transactions that follow. */
  on(date: string): this {
    this.date = isoDate(date);
    return this;
  }

  money(amount: Num, code?: string): Money {
    return {
      kind: "money",
      currency: code ? toCurrency(code) : this.currencyCode,
      amount: toRational(amount),
    };
  }

  rate(from: string, to: string, value: Num): this {
    this.rates.push({ from: toCurrency(from), to: toCurrency(to), rate: toRational(value) });
    return this;
  }

  holder(id: string, options: { name?: string; type?: StakeholderType; aliases?: string[] } = {}): this {
    if (this.stakeholderIds.has(id)) return this;
    this.stakeholderIds.add(id);
    this.stakeholders.push({
      kind: "stakeholder",
      id: stakeholderId(id),
      name: options.name ?? id,
      type: options.type ?? "individual",
      aliases: options.aliases ?? [],
    });
    return this;
  }

  common(id: string, options: { name?: string; authorized?: bigint } = {}): this {
    this.classes.push({
      kind: "share_class",
      id: shareClassId(id),
      name: options.name ?? id,
      type: "common",
      authorizedShares: options.authorized,
      originalIssuePrice: undefined,
      conversionPrice: undefined,
      baseConversionRatio: rat(1),
      convertsTo: undefined,
      preference: undefined,
      antiDilution: "none",
      dividends: undefined,
      ipoRatchetMultiple: undefined,
    });
    return this;
  }

  preferred(id: string, options: PreferredOptions = {}): this {
    const firstCommon = this.classes.find((c) => c.type === "common")?.id;
    const oip = options.originalIssuePrice === undefined ? undefined : this.money(options.originalIssuePrice);
    const participation: Participation =
      options.participation === undefined || options.participation === "none"
        ? { kind: "none" }
        : options.participation === "full"
          ? { kind: "full" }
          : { kind: "capped", capMultiple: toRational(options.participation.cap) };
    this.classes.push({
      kind: "share_class",
      id: shareClassId(id),
      name: options.name ?? id,
      type: "preferred",
      authorizedShares: options.authorized,
      originalIssuePrice: oip,
      conversionPrice: options.conversionPrice === undefined ? oip : this.money(options.conversionPrice),
      baseConversionRatio: toRational(options.baseConversionRatio ?? 1),
      convertsTo: shareClassId(options.convertsTo ?? firstCommon ?? "common"),
      preference: options.noPreference
        ? undefined
        : {
            multiple: toRational(options.multiple ?? 1),
            base: options.base ?? "original_issue_price",
            seniority: options.seniority ?? 1,
            participation,
          },
      antiDilution: options.antiDilution ?? "none",
      dividends: options.dividends && {
        rate: toRational(options.dividends.rate),
        cumulative: options.dividends.cumulative,
      },
      ipoRatchetMultiple: options.ipoRatchet === undefined ? undefined : toRational(options.ipoRatchet),
    });
    return this;
  }

  pool(id: string, classId: string, reserved: bigint, name?: string): this {
    this.pools.push({
      id: poolId(id),
      name: name ?? id,
      classId: shareClassId(classId),
      initialReserved: reserved,
    });
    return this;
  }

  vesting(
    id: string,
    options: {
      months?: number;
      cliff?: number;
      interval?: number;
      singleTrigger?: Num;
      doubleTrigger?: Num;
    } = {},
  ): this {
    this.schedules.push({
      kind: "vesting_schedule",
      id: vestingScheduleId(id),
      name: id,
      months: options.months ?? 48,
      cliffMonths: options.cliff ?? 12,
      intervalMonths: options.interval ?? 1,
      acceleration: {
        singleTrigger: toRational(options.singleTrigger ?? 0),
        doubleTrigger: toRational(options.doubleTrigger ?? 0),
      },
    });
    return this;
  }

  private next(prefix: string): string {
    this.counter++;
    return `${prefix}-${this.counter}`;
  }

  private base(prefix = "tx") {
    return { id: transactionId(this.next(prefix)), date: this.date };
  }

  private ensure(holder: string): StakeholderId {
    this.holder(holder);
    return stakeholderId(holder);
  }

  /** Issues shares; `price` sets the price per share (and the invested amount unless `invested` is given). */
  issue(
    holder: string,
    classId: string,
    shares: bigint,
    options: { price?: Num; invested?: Num; id?: string; vesting?: string; vestingStart?: string } = {},
  ): this {
    this.transactions.push({
      ...this.base(),
      type: "stock_issuance",
      security: securityId(options.id ?? this.next("lot")),
      holder: this.ensure(holder),
      classId: shareClassId(classId),
      shares,
      pricePerShare: options.price === undefined ? undefined : this.money(options.price),
      investedAmount: options.invested === undefined ? undefined : this.money(options.invested),
      vestingId: options.vesting === undefined ? undefined : vestingScheduleId(options.vesting),
      vestingStart: options.vestingStart === undefined ? undefined : isoDate(options.vestingStart),
    });
    return this;
  }

  grant(
    holder: string,
    quantity: bigint,
    options: {
      price: Num;
      pool?: string;
      classId?: string;
      id?: string;
      rsu?: boolean;
      vesting?: string;
      vestingStart?: string;
      expires?: string;
      currency?: string;
    },
  ): this {
    this.transactions.push({
      ...this.base(),
      type: "option_grant",
      security: securityId(options.id ?? this.next("opt")),
      holder: this.ensure(holder),
      poolId: options.pool === undefined ? undefined : (poolId(options.pool) as PoolId),
      classId: options.classId === undefined ? undefined : shareClassId(options.classId),
      optionType: options.rsu ? "rsu" : "option",
      quantity,
      exercisePrice: this.money(options.price, options.currency),
      vestingId: options.vesting === undefined ? undefined : vestingScheduleId(options.vesting),
      vestingStart: options.vestingStart === undefined ? undefined : isoDate(options.vestingStart),
      expirationDate: options.expires === undefined ? undefined : isoDate(options.expires),
    });
    return this;
  }

  warrant(
    holder: string,
    classId: string,
    quantity: bigint,
    price: Num,
    options: { id?: string; expires?: string } = {},
  ): this {
    this.transactions.push({
      ...this.base(),
      type: "warrant_issuance",
      security: securityId(options.id ?? this.next("warrant")),
      holder: this.ensure(holder),
      classId: shareClassId(classId),
      quantity,
      exercisePrice: this.money(price),
      expirationDate: options.expires === undefined ? undefined : isoDate(options.expires),
    });
    return this;
  }

  safe(
    holder: string,
    options: {
      amount: Num;
      cap?: Num;
      discount?: Num;
      type?: "post_money" | "pre_money";
      mfn?: boolean;
      proRata?: boolean;
      id?: string;
      currency?: string;
    },
  ): this {
    this.transactions.push({
      ...this.base(),
      type: "safe_issuance",
      security: securityId(options.id ?? this.next("safe")),
      holder: this.ensure(holder),
      purchaseAmount: this.money(options.amount, options.currency),
      safeType: options.type ?? "post_money",
      valuationCap: options.cap === undefined ? undefined : this.money(options.cap, options.currency),
      discount: options.discount === undefined ? undefined : toRational(options.discount),
      mfn: options.mfn ?? false,
      proRataRights: options.proRata ?? false,
    });
    return this;
  }

  note(
    holder: string,
    options: {
      principal: Num;
      rate?: Num;
      interest?: NoteInterest;
      cap?: Num;
      capBasis?: "pre_money" | "post_money";
      discount?: Num;
      maturity?: string;
      id?: string;
    },
  ): this {
    this.transactions.push({
      ...this.base(),
      type: "note_issuance",
      security: securityId(options.id ?? this.next("note")),
      holder: this.ensure(holder),
      principal: this.money(options.principal),
      interestRate: toRational(options.rate ?? 0),
      interest: options.interest ?? { method: "simple" },
      maturityDate: options.maturity === undefined ? undefined : isoDate(options.maturity),
      valuationCap: options.cap === undefined ? undefined : this.money(options.cap),
      capBasis: options.capBasis ?? "pre_money",
      discount: options.discount === undefined ? undefined : toRational(options.discount),
      proRataRights: false,
    });
    return this;
  }

  transfer(from: string, to: string, classId: string, shares: bigint, options: { id?: string } = {}): this {
    this.transactions.push({
      ...this.base(),
      type: "transfer",
      from: this.ensure(from),
      to: this.ensure(to),
      classId: shareClassId(classId),
      shares,
      security: undefined,
      resultingSecurity: securityId(options.id ?? this.next("lot")),
      pricePerShare: undefined,
    });
    return this;
  }

  exercise(security: string, quantity: bigint, options: { id?: string } = {}): this {
    this.transactions.push({
      ...this.base(),
      type: "exercise",
      security: securityId(security) as SecurityId,
      quantity,
      resultingSecurity: securityId(options.id ?? this.next("lot")),
    });
    return this;
  }

  cancel(security: string, quantity?: bigint): this {
    this.transactions.push({
      ...this.base(),
      type: "cancellation",
      security: securityId(security),
      quantity,
    });
    return this;
  }

  split(numerator: bigint, denominator: bigint, classIds?: string[]): this {
    this.transactions.push({
      ...this.base(),
      type: "split",
      classIds: classIds?.map((c) => shareClassId(c) as ShareClassId),
      numerator,
      denominator,
    });
    return this;
  }

  /** Appends any transaction, for the cases the helpers above do not cover. */
  tx(transaction: Transaction): this {
    this.transactions.push(transaction);
    return this;
  }

  build(): Ledger {
    return {
      company: {
        name: this.options.name ?? "Test Company",
        formationDate: this.options.formed === undefined ? undefined : isoDate(this.options.formed),
        currency: this.currencyCode,
        exchangeRates: [...this.rates],
      },
      stakeholders: [...this.stakeholders],
      classes: [...this.classes],
      pools: [...this.pools],
      vestingSchedules: [...this.schedules],
      transactions: [...this.transactions],
    };
  }

  replay(asOf?: string): Result<CapTable> {
    return replay(this.build(), asOf === undefined ? undefined : isoDate(asOf));
  }

  /** The replayed cap table; throws (failing the test) with the problems if the ledger does not replay. */
  table(asOf?: string): CapTable {
    const result = this.replay(asOf);
    if (!result.ok) {
      throw new Error(
        `ledger does not replay: ${result.problems.map((p) => `${p.code}: ${p.message}`).join("; ")}`,
      );
    }
    return result.value;
  }
}
