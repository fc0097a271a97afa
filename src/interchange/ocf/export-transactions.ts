import { type Currency, type Money, zeroMoney } from "../../core/exact/money.js";
import { Rational } from "../../core/exact/rational.js";
import { applyTransaction, expandCompound } from "../../core/ledger/apply.js";
import type { CapTable } from "../../core/ledger/cap-table.js";
import type { OptionGrant, Security, StockLot, Warrant } from "../../core/ledger/security.js";
import { conversionRatio } from "../../core/ledger/share-class.js";
import type {
  Cancellation,
  CompoundTransaction,
  Conversion,
  ConversionPriceAdjustment,
  DebtIssuance,
  Exercise,
  NoteIssuance,
  OptionGrantTx,
  Repurchase,
  SafeIssuance,
  Split,
  StockIssuance,
  Transaction,
  Transfer,
  WarrantIssuance,
} from "../../core/ledger/transaction.js";
import type { IsoDate } from "../../core/shared/date.js";
import { type SecurityId, transactionId } from "../../core/shared/ids.js";
import { type Problem, problem } from "../../core/shared/problem.js";
import { isJsonObject, type JsonObject } from "./json.js";
import { OCF_NUMERIC_PLACES, writeMonetary, writeNumeric, writeRatio } from "./numbers.js";

/** OCF objects written for one ledger transaction, and what OCF has no place for. */
export interface WrittenTransaction {
  readonly objects: readonly JsonObject[];
  readonly omitted: readonly string[];
}

class ExportProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message);
  }
}

function fail(text: string): never {
  throw new ExportProblem(problem("ocf_export_incomplete", text));
}

/**
 * Writes ledger transactions as OCF transactions (OCF-EXP-7..OCF-EXP-9), replaying them on its
 * own cap table so that it knows, for each one, the lots it takes and the OCF id each ledger
 * security has now. OCF closes a security at every partial transaction and issues the remainder
 * under a new id (the balance); the ledger keeps one id, so the writer keeps the mapping.
 */
export class TransactionWriter {
  /** The OCF id a ledger security has now (itself, until a partial transaction gives it a balance id). */
  private readonly ocfIds = new Map<SecurityId, string>();
  /** The OCF issuance of each OCF security id written or kept so far. */
  private readonly issuances = new Map<string, JsonObject>();

  constructor(
    private readonly table: CapTable,
    private readonly currency: Currency,
    /** The id of the VESTING_START_DATE condition of the vesting terms written for a schedule. */
    private readonly startConditionOf: (vestingId: string) => string | undefined,
  ) {}

  ocfId(id: SecurityId): string {
    return this.ocfIds.get(id) ?? id;
  }

  /** Applies a ledger transaction whose OCF objects are kept verbatim, and learns their ids. */
  keep(
    tx: Transaction,
    objects: readonly JsonObject[],
    aliases: Readonly<Record<string, string>>,
  ): Problem | undefined {
    const rejected = applyTransaction(this.table, tx);
    if (rejected) return rejected;
    this.learn(objects, aliases);
    return undefined;
  }

  /** Records the issuances and balance aliases of kept OCF objects. */
  learn(objects: readonly JsonObject[], aliases: Readonly<Record<string, string>>): void {
    for (const o of objects) {
      if (
        typeof o.object_type === "string" &&
        o.object_type.endsWith("_ISSUANCE") &&
        typeof o.security_id === "string"
      ) {
        this.issuances.set(o.security_id, o);
      }
    }
    for (const [balance, ledgerId] of Object.entries(aliases))
      this.ocfIds.set(ledgerId as SecurityId, balance);
  }

  /** Writes a ledger transaction as OCF objects and applies it. */
  write(tx: Transaction): WrittenTransaction | Problem {
    if (tx.type === "tender" || tx.type === "pay_to_play") return this.writeCompound(tx);
    try {
      const before = this.capture(tx);
      const rejected = applyTransaction(this.table, tx);
      if (rejected) return rejected;
      const written = this.generate(tx, before);
      for (const o of written.objects) {
        if (
          typeof o.object_type === "string" &&
          o.object_type.endsWith("_ISSUANCE") &&
          typeof o.security_id === "string"
        ) {
          this.issuances.set(o.security_id, o);
        }
      }
      return written;
    } catch (error) {
      if (error instanceof ExportProblem) return error.problem;
      throw error;
    }
  }

  /**
   * A tender or pay-to-play has no OCF transaction of its own: it is written as the transfers,
   * repurchases and stock conversions it comes to (OCF-EXP-12), checked whole on a copy first.
   */
  private writeCompound(tx: CompoundTransaction): WrittenTransaction | Problem {
    const parts = expandCompound(this.table, tx);
    if (!Array.isArray(parts)) return parts;
    const rejected = applyTransaction(this.table.clone(), tx);
    if (rejected) return rejected;
    const objects: JsonObject[] = [];
    const omitted: string[] = [];
    for (const part of parts) {
      const written = this.write(part);
      if ("code" in written) return written;
      objects.push(...written.objects);
      omitted.push(...written.omitted);
    }
    return { objects, omitted };
  }

  /** What a transaction's OCF objects need from the state before it applies. */
  private capture(tx: Transaction): Before {
    switch (tx.type) {
      case "transfer":
      case "repurchase": {
        const holder = tx.type === "transfer" ? tx.from : tx.holder;
        const lots =
          tx.security === undefined
            ? this.table.lotsOf(holder, tx.classId)
            : [this.table.securities.get(tx.security) as StockLot];
        return { lots: lots.filter((l) => l !== undefined) };
      }
      case "exercise":
      case "cancellation":
      case "conversion":
        return { security: this.table.securities.get(tx.security) };
      case "pool_increase":
        return { reserved: this.table.pools.get(tx.poolId)?.reserved ?? 0n };
      case "split":
        return { classIds: tx.classIds ?? [...this.table.classes.keys()] };
      default:
        return {};
    }
  }

  private generate(tx: Transaction, before: Before): WrittenTransaction {
    switch (tx.type) {
      case "stock_issuance":
        return this.stockIssuance(tx);
      case "option_grant":
        return this.optionGrant(tx);
      case "warrant_issuance":
        return this.warrantIssuance(tx);
      case "safe_issuance":
        return this.convertibleIssuance(tx);
      case "note_issuance":
        return this.convertibleIssuance(tx);
      case "exercise":
        return this.exercise(tx, before.security);
      case "transfer":
        return this.takeFromLots(tx, before.lots ?? []);
      case "repurchase":
        return this.takeFromLots(tx, before.lots ?? []);
      case "cancellation":
        return this.cancellation(tx, before.security);
      case "split":
        return this.split(tx, before.classIds ?? []);
      case "pool_increase":
        return one({
          object_type: "TX_STOCK_PLAN_POOL_ADJUSTMENT",
          id: tx.id,
          date: tx.date,
          stock_plan_id: tx.poolId,
          shares_reserved: ((before.reserved ?? 0n) + tx.shares).toString(),
        });
      case "conversion":
        return this.conversion(tx, before.security);
      case "conversion_price_adjustment":
        return this.ratioAdjustment(tx);
      case "debt_issuance":
        return this.debtIssuance(tx);
      case "debt_repayment":
        return {
          objects: [],
          omitted: [
            `transaction ${tx.id}: the repayment of venture debt "${tx.security}" has no OCF 1.2.0 object`,
          ],
        };
      case "tender":
      case "pay_to_play":
        // Written by writeCompound as the transactions they come to; never generated here.
        throw new Error(`transaction ${tx.id}: a ${tx.type} reached the primitive writer`);
      case "authorized_shares_adjustment":
        if (tx.authorizedShares === undefined) {
          fail(
            `transaction ${tx.id} makes class "${tx.classId}" unlimited; OCF's authorized shares adjustment needs a number`,
          );
        }
        return one({
          object_type: "TX_STOCK_CLASS_AUTHORIZED_SHARES_ADJUSTMENT",
          id: tx.id,
          date: tx.date,
          stock_class_id: tx.classId,
          new_shares_authorized: tx.authorizedShares.toString(),
        });
    }
  }

  private money(value: Money, what: string): JsonObject {
    return (
      writeMonetary(value) ??
      fail(
        `${what} ${value.amount.toString()} ${value.currency} needs more than 10 decimal places, which OCF amounts cannot hold`,
      )
    );
  }

  /**
   * A price the ledger derived rather than was given (an exercise price after a 3:2 split, say):
   * rounded half-even to OCF's 10 decimal places (OCF-EXP-10).
   */
  private derived(value: Money): Money {
    return { ...value, amount: value.amount.roundTo(OCF_NUMERIC_PLACES, "half_even") };
  }

  private numeric(value: Rational, what: string): string {
    return (
      writeNumeric(value) ??
      fail(`${what} ${value.toString()} needs more than 10 decimal places, which OCF numbers cannot hold`)
    );
  }

  private percentage(value: Rational, what: string): string {
    if (value.isNegative() || value.gt(Rational.ONE))
      fail(`${what} ${value.toString()} is not between 0 and 1, which an OCF percentage must be`);
    return this.numeric(value, what);
  }

  private vestingStart(
    txId: string,
    security: string,
    vestingId: string | undefined,
    start: IsoDate | undefined,
  ): JsonObject[] {
    if (vestingId === undefined || start === undefined) return [];
    const condition = this.startConditionOf(vestingId);
    if (condition === undefined) return [];
    return [
      {
        object_type: "TX_VESTING_START",
        id: `${txId}.vesting-start`,
        date: start,
        security_id: security,
        vesting_condition_id: condition,
      },
    ];
  }

  private stockIssuanceObject(
    id: string,
    date: IsoDate,
    security: string,
    lot: { holder: string; classId: string; shares: bigint },
    sharePrice: JsonObject,
    extra: JsonObject = {},
  ): JsonObject {
    return {
      object_type: "TX_STOCK_ISSUANCE",
      id,
      date,
      security_id: security,
      custom_id: security,
      stakeholder_id: lot.holder,
      stock_class_id: lot.classId,
      quantity: lot.shares.toString(),
      share_price: sharePrice,
      security_law_exemptions: [],
      stock_legend_ids: [],
      ...extra,
    };
  }

  private stockIssuance(tx: StockIssuance): WrittenTransaction {
    const omitted: string[] = [];
    if (!tx.pricePerShare)
      omitted.push(`transaction ${tx.id}: no price per share; OCF requires one, written as 0`);
    const extra: JsonObject = {};
    if (tx.investedAmount)
      extra.cost_basis = this.money(tx.investedAmount, `transaction ${tx.id}: invested amount`);
    if (tx.vestingId !== undefined) extra.vesting_terms_id = tx.vestingId;
    const price = tx.pricePerShare ?? zeroMoney(this.currency);
    return {
      objects: [
        this.stockIssuanceObject(
          tx.id,
          tx.date,
          tx.security,
          { holder: tx.holder, classId: tx.classId, shares: tx.shares },
          this.money(price, `transaction ${tx.id}: price per share`),
          extra,
        ),
        ...this.vestingStart(tx.id, tx.security, tx.vestingId, tx.vestingStart),
      ],
      omitted,
    };
  }

  private optionObject(
    id: string,
    date: IsoDate,
    security: string,
    grant: {
      holder: string;
      poolId: string | undefined;
      classId: string | undefined;
      optionType: "option" | "rsu";
      quantity: bigint;
      exercisePrice: Money;
      vestingId: string | undefined;
      expirationDate: IsoDate | undefined;
    },
  ): JsonObject {
    const o: JsonObject = {
      object_type: "TX_EQUITY_COMPENSATION_ISSUANCE",
      id,
      date,
      security_id: security,
      custom_id: security,
      stakeholder_id: grant.holder,
      compensation_type: grant.optionType === "rsu" ? "RSU" : "OPTION",
      quantity: grant.quantity.toString(),
      expiration_date: grant.expirationDate ?? null,
      termination_exercise_windows: [],
      security_law_exemptions: [],
    };
    if (!(grant.optionType === "rsu" && grant.exercisePrice.amount.isZero())) {
      o.exercise_price = this.money(grant.exercisePrice, `security ${security}: exercise price`);
    }
    if (grant.poolId !== undefined) o.stock_plan_id = grant.poolId;
    if (grant.classId !== undefined) o.stock_class_id = grant.classId;
    if (grant.vestingId !== undefined) o.vesting_terms_id = grant.vestingId;
    return o;
  }

  private optionGrant(tx: OptionGrantTx): WrittenTransaction {
    return {
      objects: [
        this.optionObject(tx.id, tx.date, tx.security, tx),
        ...this.vestingStart(tx.id, tx.security, tx.vestingId, tx.vestingStart),
      ],
      omitted: [],
    };
  }

  private warrantObject(
    id: string,
    date: IsoDate,
    security: string,
    w: {
      holder: string;
      classId: string;
      quantity: bigint;
      exercisePrice: Money;
      expirationDate: IsoDate | undefined;
    },
  ): JsonObject {
    const o: JsonObject = {
      object_type: "TX_WARRANT_ISSUANCE",
      id,
      date,
      security_id: security,
      custom_id: security,
      stakeholder_id: w.holder,
      quantity: w.quantity.toString(),
      exercise_price: this.money(w.exercisePrice, `security ${security}: exercise price`),
      purchase_price: this.money(zeroMoney(w.exercisePrice.currency), "purchase price"),
      exercise_triggers: [
        {
          trigger_id: `${security}.exercise`,
          type: "ELECTIVE_AT_WILL",
          conversion_right: {
            type: "WARRANT_CONVERSION_RIGHT",
            conversion_mechanism: {
              type: "FIXED_AMOUNT_CONVERSION",
              converts_to_quantity: w.quantity.toString(),
            },
            converts_to_stock_class_id: w.classId,
          },
        },
      ],
      security_law_exemptions: [],
    };
    if (w.expirationDate !== undefined) o.warrant_expiration_date = w.expirationDate;
    return o;
  }

  /**
   * Venture debt (DEBT-1) has no OCF 1.2.0 object: it is reported as not exported; the warrants
   * of its coverage (DEBT-2) are written as a warrant issuance (OCF-EXP-13).
   */
  private debtIssuance(tx: DebtIssuance): WrittenTransaction {
    const omitted = [
      `transaction ${tx.id}: venture debt "${tx.security}" (a loan, not equity) has no OCF 1.2.0 object`,
    ];
    if (!tx.warrant) return { objects: [], omitted };
    const warrant = this.warrantIssuance({
      type: "warrant_issuance",
      id: transactionId(`${tx.id}-warrant`),
      date: tx.date,
      security: tx.warrant.security,
      holder: tx.holder,
      classId: tx.warrant.classId,
      quantity: tx.warrant.quantity,
      exercisePrice: tx.warrant.exercisePrice,
      expirationDate: tx.warrant.expirationDate,
    });
    return { objects: warrant.objects, omitted: [...omitted, ...warrant.omitted] };
  }

  private warrantIssuance(tx: WarrantIssuance): WrittenTransaction {
    return {
      objects: [this.warrantObject(tx.id, tx.date, tx.security, tx)],
      omitted: [
        `transaction ${tx.id}: the warrant's purchase price is not in the ledger; OCF requires one, written as 0`,
      ],
    };
  }

  private convertibleIssuance(tx: SafeIssuance | NoteIssuance): WrittenTransaction {
    const omitted: string[] = [];
    const amount = tx.type === "safe_issuance" ? tx.purchaseAmount : tx.principal;
    const terms: JsonObject = {};
    if (tx.valuationCap)
      terms.conversion_valuation_cap = this.money(tx.valuationCap, `transaction ${tx.id}: valuation cap`);
    if (tx.discount)
      terms.conversion_discount = this.percentage(tx.discount, `transaction ${tx.id}: discount`);
    // ROUND-9: a conversion price's own precision has no OCF 1.2.0 field; it is reported, not dropped silently.
    for (const [key, what] of [
      ["cap", "cap price"],
      ["discount", "discount price"],
    ] as const) {
      const p = tx.conversionPricePrecision?.[key];
      if (p)
        omitted.push(
          `transaction ${tx.id}: the ${what}'s precision (${key}PricePrecision: ${p.places} places, ${p.rounding.replaceAll("_", " ")}, shares from the ${p.sharesFromRoundedPrice ? "rounded" : "exact"} price) has no OCF 1.2.0 field`,
        );
    }
    const right = (mechanism: JsonObject): JsonObject => ({
      type: "CONVERTIBLE_CONVERSION_RIGHT",
      conversion_mechanism: mechanism,
      converts_to_future_round: true,
    });
    let mechanism: JsonObject;
    const triggers: JsonObject[] = [];
    if (tx.type === "safe_issuance") {
      mechanism = {
        type: "SAFE_CONVERSION",
        conversion_mfn: tx.mfn,
        conversion_timing: tx.safeType === "pre_money" ? "PRE_MONEY" : "POST_MONEY",
        ...terms,
      };
    } else {
      const periods = tx.interest.method === "compound" ? tx.interest.periodsPerYear : 1;
      mechanism = {
        type: "CONVERTIBLE_NOTE_CONVERSION",
        interest_rates: [
          {
            rate: this.percentage(tx.interestRate, `transaction ${tx.id}: interest rate`),
            accrual_start_date: tx.date,
          },
        ],
        day_count_convention: "ACTUAL_365",
        interest_payout: "DEFERRED",
        interest_accrual_period:
          periods === 12 ? "MONTHLY" : periods === 4 ? "QUARTERLY" : periods === 2 ? "SEMI_ANNUAL" : "ANNUAL",
        compounding_type: tx.interest.method === "compound" ? "COMPOUNDING" : "SIMPLE",
        ...terms,
      };
      if (tx.capBasis === "post_money")
        omitted.push(
          `transaction ${tx.id}: a post-money cap on a note has no OCF field; it reads back as pre-money`,
        );
    }
    triggers.push({
      trigger_id: `${tx.security}.conversion`,
      type: "AUTOMATIC_ON_CONDITION",
      trigger_condition: "Converts at the next equity financing, as the instrument defines it.",
      conversion_right: right(mechanism),
    });
    if (tx.type === "note_issuance" && tx.maturityDate !== undefined) {
      triggers.push({
        trigger_id: `${tx.security}.maturity`,
        type: "AUTOMATIC_ON_DATE",
        trigger_date: tx.maturityDate,
        conversion_right: right(mechanism),
      });
    }
    const o: JsonObject = {
      object_type: "TX_CONVERTIBLE_ISSUANCE",
      id: tx.id,
      date: tx.date,
      security_id: tx.security,
      custom_id: tx.security,
      stakeholder_id: tx.holder,
      convertible_type: tx.type === "safe_issuance" ? "SAFE" : "NOTE",
      investment_amount: this.money(amount, `transaction ${tx.id}: amount`),
      conversion_triggers: triggers,
      seniority: 1,
      security_law_exemptions: [],
    };
    // OCF states pro-rata rights as an amount; the ledger only knows that there are some (OCF-EXP-8).
    if (tx.proRataRights) o.pro_rata = this.numeric(amount.amount, `transaction ${tx.id}: pro-rata amount`);
    return { objects: [o], omitted };
  }

  /** The balance of a partly consumed security under a new OCF id, issued as the OCF package's remainder (OCF-EXP-9). */
  private balance(
    txId: string,
    date: IsoDate,
    after: Security | undefined,
    suffix: string,
  ): { id: string; objects: JsonObject[] } | undefined {
    if (!after) return undefined;
    const id = `${txId}${suffix}.balance`;
    const issueId = `${txId}${suffix}.balance-issuance`;
    const previous = this.ocfId(after.id);
    const issuance = this.issuances.get(previous);
    let o: JsonObject;
    if (after.kind === "stock") {
      const price = isJsonObject(issuance?.share_price)
        ? issuance.share_price
        : this.money(zeroMoney(this.currency), "price");
      o = this.stockIssuanceObject(
        issueId,
        date,
        id,
        after,
        price,
        after.vestingId === undefined ? {} : { vesting_terms_id: after.vestingId },
      );
    } else if (after.kind === "option") {
      o = this.optionObject(issueId, date, id, {
        ...after,
        exercisePrice: this.derived(after.exercisePrice),
      });
    } else if (after.kind === "warrant") {
      o = this.warrantObject(issueId, date, id, {
        ...after,
        exercisePrice: this.derived(after.exercisePrice),
      });
    } else {
      return undefined;
    }
    this.ocfIds.set(after.id, id);
    return { id, objects: [o] };
  }

  private exercise(tx: Exercise, security: Security | undefined): WrittenTransaction {
    const rights = security as OptionGrant | Warrant;
    const source = this.ocfId(rights.id);
    const result = this.table.securities.get(tx.resultingSecurity) as StockLot;
    const issuance = this.stockIssuanceObject(
      `${tx.id}.issuance`,
      tx.date,
      tx.resultingSecurity,
      result,
      this.money(this.derived(rights.exercisePrice), `security ${rights.id}: exercise price`),
    );
    if (rights.kind === "option") {
      return one(
        {
          object_type: "TX_EQUITY_COMPENSATION_EXERCISE",
          id: tx.id,
          date: tx.date,
          security_id: source,
          quantity: tx.quantity.toString(),
          resulting_security_ids: [tx.resultingSecurity],
        },
        issuance,
      );
    }
    const triggers = this.issuances.get(source)?.exercise_triggers;
    const first = Array.isArray(triggers) && isJsonObject(triggers[0]) ? triggers[0].trigger_id : undefined;
    if (typeof first !== "string")
      fail(
        `transaction ${tx.id} exercises warrant "${rights.id}", whose OCF issuance has no exercise trigger to name`,
      );
    // OCF's warrant exercise has no quantity and no balance: the resulting shares say how many were
    // exercised, and what is left stays on the warrant, as the import reads it (OCF-MAP-28).
    return one(
      {
        object_type: "TX_WARRANT_EXERCISE",
        id: tx.id,
        date: tx.date,
        security_id: source,
        trigger_id: first,
        resulting_security_ids: [tx.resultingSecurity],
      },
      issuance,
    );
  }

  /**
   * Transfers and repurchases take shares from lots, oldest first; each lot taken is one OCF
   * transaction. A transfer that takes from several lots gives the recipient one lot, which OCF
   * cannot state as transfers (a security results from one transaction, and a later split rounds
   * each lot on its own): it is written as cancellations of the shares taken and one issuance to
   * the recipient, which reads back as the same lot (OCF-EXP-8).
   */
  private takeFromLots(tx: Transfer | Repurchase, lots: readonly StockLot[]): WrittenTransaction {
    const parts: { lot: StockLot; taken: bigint }[] = [];
    let left = tx.shares;
    for (const lot of lots) {
      if (left === 0n) break;
      const taken = lot.shares < left ? lot.shares : left;
      left -= taken;
      parts.push({ lot, taken });
    }
    const merged = tx.type === "transfer" && parts.length > 1;
    const objects: JsonObject[] = [];
    for (const [k, { lot, taken }] of parts.entries()) {
      const suffix = k === 0 ? "" : `.${k + 1}`;
      const source = this.ocfId(lot.id);
      const balance = this.balance(tx.id, tx.date, this.table.securities.get(lot.id), suffix);
      const balanceField: JsonObject = balance ? { balance_security_id: balance.id } : {};
      const head = {
        id: `${tx.id}${suffix}`,
        date: tx.date,
        security_id: source,
        quantity: taken.toString(),
      };
      if (merged) {
        objects.push({
          object_type: "TX_STOCK_CANCELLATION",
          ...head,
          reason_text: `Transferred to ${(tx as Transfer).to} as part of ${tx.shares} shares taken from ${parts.length} lots, reissued as ${(tx as Transfer).resultingSecurity}`,
          ...balanceField,
        });
      } else if (tx.type === "transfer") {
        objects.push(
          {
            object_type: "TX_STOCK_TRANSFER",
            ...head,
            resulting_security_ids: [tx.resultingSecurity],
            ...balanceField,
          },
          this.stockIssuanceObject(
            `${tx.id}.issuance`,
            tx.date,
            tx.resultingSecurity,
            { holder: tx.to, classId: lot.classId, shares: taken },
            this.money(tx.pricePerShare ?? zeroMoney(this.currency), `transaction ${tx.id}: price per share`),
          ),
        );
      } else {
        objects.push({
          object_type: "TX_STOCK_REPURCHASE",
          ...head,
          price: this.money(
            tx.pricePerShare ?? zeroMoney(this.currency),
            `transaction ${tx.id}: price per share`,
          ),
          ...balanceField,
        });
      }
      objects.push(...(balance?.objects ?? []));
    }
    if (merged && tx.type === "transfer") {
      const lot = this.table.securities.get(tx.resultingSecurity) as StockLot;
      const extra: JsonObject = {};
      if (lot.investedAmount)
        extra.cost_basis = this.money(
          this.derived(lot.investedAmount),
          `transaction ${tx.id}: invested amount`,
        );
      objects.push(
        this.stockIssuanceObject(
          `${tx.id}.issuance`,
          tx.date,
          tx.resultingSecurity,
          lot,
          this.money(tx.pricePerShare ?? zeroMoney(this.currency), `transaction ${tx.id}: price per share`),
          extra,
        ),
      );
    }
    return {
      objects,
      omitted: merged
        ? [
            `transaction ${tx.id}: a transfer taking shares from ${parts.length} lots is written as their cancellation and one issuance to the recipient`,
          ]
        : [],
    };
  }

  private cancellation(tx: Cancellation, security: Security | undefined): WrittenTransaction {
    const s = security!;
    const source = this.ocfId(s.id);
    const reason = { reason_text: "Cancelled" };
    if (s.kind === "safe" || s.kind === "note") {
      return one({
        object_type: "TX_CONVERTIBLE_CANCELLATION",
        id: tx.id,
        date: tx.date,
        security_id: source,
        amount: this.money(s.kind === "safe" ? s.purchaseAmount : s.principal, `security ${s.id}: amount`),
        ...reason,
      });
    }
    const outstanding = s.kind === "stock" ? s.shares : s.quantity;
    const quantity = tx.quantity ?? outstanding;
    const balance = this.balance(tx.id, tx.date, this.table.securities.get(s.id), "");
    const type =
      s.kind === "stock"
        ? "TX_STOCK_CANCELLATION"
        : s.kind === "option"
          ? "TX_EQUITY_COMPENSATION_CANCELLATION"
          : "TX_WARRANT_CANCELLATION";
    return one(
      {
        object_type: type,
        id: tx.id,
        date: tx.date,
        security_id: source,
        quantity: quantity.toString(),
        ...reason,
        ...(balance ? { balance_security_id: balance.id } : {}),
      },
      ...(balance?.objects ?? []),
    );
  }

  private split(tx: Split, classIds: readonly string[]): WrittenTransaction {
    return {
      objects: classIds.map((classId, k) => ({
        object_type: "TX_STOCK_CLASS_SPLIT",
        id: k === 0 ? tx.id : `${tx.id}.${k + 1}`,
        date: tx.date,
        stock_class_id: classId,
        split_ratio: { numerator: tx.numerator.toString(), denominator: tx.denominator.toString() },
      })),
      omitted: [],
    };
  }

  private conversion(tx: Conversion, security: Security | undefined): WrittenTransaction {
    const s = security!;
    const source = this.ocfId(s.id);
    const result = this.table.securities.get(tx.resultingSecurity) as StockLot;
    if (s.kind === "stock") {
      // P2P-5: when part of the lot converts, the rest is a balance security, as OCF writes it.
      const balance = this.balance(tx.id, tx.date, this.table.securities.get(s.id), "");
      return one(
        {
          object_type: "TX_STOCK_CONVERSION",
          id: tx.id,
          date: tx.date,
          security_id: source,
          quantity_converted: (tx.quantity ?? s.shares).toString(),
          resulting_security_ids: [tx.resultingSecurity],
          ...(balance ? { balance_security_id: balance.id } : {}),
        },
        this.stockIssuanceObject(
          `${tx.id}.issuance`,
          tx.date,
          tx.resultingSecurity,
          result,
          this.money(zeroMoney(this.currency), "price"),
        ),
        ...(balance?.objects ?? []),
      );
    }
    const amount = s.kind === "safe" ? s.purchaseAmount : (s as { principal: Money }).principal;
    const triggers = this.issuances.get(source)?.conversion_triggers;
    const first = Array.isArray(triggers) && isJsonObject(triggers[0]) ? triggers[0].trigger_id : undefined;
    if (typeof first !== "string")
      fail(`transaction ${tx.id} converts "${s.id}", whose OCF issuance has no conversion trigger to name`);
    // The price per share is what the holder paid per share received, rounded to OCF's 10 places; the exact amount is the cost basis.
    const price: Money = {
      ...amount,
      amount: amount.amount.div(Rational.of(result.shares)).roundTo(OCF_NUMERIC_PLACES, "half_even"),
    };
    return one(
      {
        object_type: "TX_CONVERTIBLE_CONVERSION",
        id: tx.id,
        date: tx.date,
        security_id: source,
        trigger_id: first,
        reason_text: "Converted",
        resulting_security_ids: [tx.resultingSecurity],
      },
      this.stockIssuanceObject(
        `${tx.id}.issuance`,
        tx.date,
        tx.resultingSecurity,
        result,
        this.money(price, "price"),
        { cost_basis: this.money(amount, `security ${s.id}: amount`) },
      ),
    );
  }

  private ratioAdjustment(tx: ConversionPriceAdjustment): WrittenTransaction {
    const shareClass = this.table.classes.get(tx.classId)!;
    return one({
      object_type: "TX_STOCK_CLASS_CONVERSION_RATIO_ADJUSTMENT",
      id: tx.id,
      date: tx.date,
      stock_class_id: tx.classId,
      new_ratio_conversion_mechanism: {
        type: "RATIO_CONVERSION",
        conversion_price: this.money(tx.conversionPrice, `transaction ${tx.id}: conversion price`),
        ratio: writeRatio(conversionRatio(shareClass)),
        rounding_type: "FLOOR",
      },
      comments: [tx.reason],
    });
  }
}

interface Before {
  readonly lots?: readonly StockLot[];
  readonly security?: Security | undefined;
  readonly reserved?: bigint;
  readonly classIds?: readonly string[];
}

function one(...objects: JsonObject[]): WrittenTransaction {
  return { objects, omitted: [] };
}
