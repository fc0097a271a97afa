import { type Currency, type Money, zeroMoney } from "../../core/exact/money.js";
import { Rational } from "../../core/exact/rational.js";
import type { CapTable } from "../../core/ledger/cap-table.js";
import type { Security } from "../../core/ledger/security.js";
import type { Transaction } from "../../core/ledger/transaction.js";
import { type IsoDate, parseIsoDate } from "../../core/shared/date.js";
import type { ErrorCode } from "../../core/shared/errors.js";
import {
  poolId,
  type SecurityId,
  securityId,
  shareClassId,
  stakeholderId,
  type TransactionId,
  vestingScheduleId,
} from "../../core/shared/ids.js";
import type { Problem } from "../../core/shared/problem.js";
import { isJsonObject, type JsonObject } from "./json.js";
import { readMonetary, readNumeric, readRatio, readWholeNumeric } from "./numbers.js";
import {
  canonicalType,
  locate,
  objectId,
  objectType,
  type PackageObject,
  str,
  strList,
} from "./package-objects.js";
import { isProblem, ocfProblem, ocfWarning } from "./problems.js";

/** What the transaction mappers read: the running cap table and what the pre-scan of the package found. */
export interface TxMappingContext {
  /** The cap table after every transaction mapped so far (the mappers only read it). */
  readonly table: CapTable;
  /** OCF balance security ids that name, in the ledger, the remainder of another security (OCF-MAP-20). */
  readonly aliases: Map<string, SecurityId>;
  /** The issuance of each OCF security id. */
  readonly issuances: ReadonlyMap<string, PackageObject>;
  /** TX_VESTING_START objects folded into their security's issuance (OCF-MAP-21), by security id. */
  readonly vestingStarts: ReadonlyMap<string, PackageObject>;
  /** Ids of the vesting terms that map to a ledger schedule. */
  readonly vestingMapped: ReadonlySet<string>;
  /** Stock plans by id, for their cancellation behaviour. */
  readonly plans: ReadonlyMap<string, JsonObject>;
  /** OCF security ids whose issuance was set aside as inconsistent. */
  readonly setAsideSecurities: ReadonlySet<string>;
  readonly currency: Currency;
  /** A ledger transaction id unique in the import: `base`, else `base#2`, `base#3`... */
  newTxId(base: string): TransactionId;
}

export type TxMapping =
  | {
      readonly kind: "mapped";
      readonly txs: readonly Transaction[];
      /** Issuances (and vesting starts) this transaction's ledger transactions stand for as well. */
      readonly absorbed: readonly PackageObject[];
      readonly aliases: Readonly<Record<string, string>>;
      readonly approximations: readonly Problem[];
    }
  | { readonly kind: "unmapped"; readonly reason: string }
  | {
      readonly kind: "problem";
      readonly problem: Problem;
      /** True when the cause is an object set aside earlier: reported once, at its cause. */
      readonly consequence: boolean;
    };

/** Transaction types with no counterpart in the ledger, and why (OCF-MAP-30). */
export const UNMAPPED_TRANSACTION_TYPES: Readonly<Record<string, string>> = {
  TX_STOCK_ACCEPTANCE: "acceptances record the holder's signature; the ledger has no counterpart",
  TX_EQUITY_COMPENSATION_ACCEPTANCE:
    "acceptances record the holder's signature; the ledger has no counterpart",
  TX_WARRANT_ACCEPTANCE: "acceptances record the holder's signature; the ledger has no counterpart",
  TX_CONVERTIBLE_ACCEPTANCE: "acceptances record the holder's signature; the ledger has no counterpart",
  TX_VESTING_EVENT: "vesting events have no counterpart; the ledger vests by its schedules",
  TX_VESTING_ACCELERATION: "vesting accelerations have no counterpart; the ledger vests by its schedules",
  TX_VESTING_START: "vesting starts map only beside an issuance that maps with its vesting terms",
  TX_ISSUER_AUTHORIZED_SHARES_ADJUSTMENT: "the ledger has no issuer-wide authorized share count",
};

/** Why an issuance has no counterpart in the ledger, or undefined when it has one (OCF-MAP-10..13). */
export function issuanceWithoutCounterpart(o: JsonObject): string | undefined {
  switch (canonicalType(String(o.object_type))) {
    case "TX_STOCK_ISSUANCE":
      return undefined;
    case "TX_EQUITY_COMPENSATION_ISSUANCE":
      if (o.compensation_type === "CSAR" || o.compensation_type === "SSAR") {
        return "stock appreciation rights have no counterpart in the ledger";
      }
      return undefined;
    case "TX_WARRANT_ISSUANCE":
      if (readWholeNumeric(o.quantity) === undefined)
        return "a warrant without a whole, fixed quantity has no counterpart in the ledger";
      if (readMonetary(o.exercise_price) === undefined)
        return "a warrant without an exercise price has no counterpart in the ledger";
      if (warrantClass(o) === undefined) {
        return "a warrant that exercises into no named stock class (a future round's) has no counterpart in the ledger";
      }
      return undefined;
    case "TX_CONVERTIBLE_ISSUANCE":
      if (o.convertible_type === "SAFE") {
        return mechanism(o, "SAFE_CONVERSION")
          ? undefined
          : "a SAFE without SAFE_CONVERSION terms has no counterpart in the ledger";
      }
      if (o.convertible_type === "NOTE") {
        const note = mechanism(o, "CONVERTIBLE_NOTE_CONVERSION");
        if (!note) return "a note without CONVERTIBLE_NOTE_CONVERSION terms has no counterpart in the ledger";
        if (note.compounding_type === "COMPOUNDING" && compoundingPeriods(note) === undefined) {
          return `a note compounding ${String(note.interest_accrual_period)} has no counterpart in the ledger (it compounds yearly, half-yearly, quarterly or monthly)`;
        }
        return undefined;
      }
      return `a convertible of type ${String(o.convertible_type)} has no counterpart in the ledger`;
    default:
      return "not an issuance";
  }
}

/** The class a warrant exercises into: the first trigger's conversion right target. */
function warrantClass(o: JsonObject): string | undefined {
  const triggers = Array.isArray(o.exercise_triggers) ? o.exercise_triggers : [];
  for (const t of triggers) {
    const right = isJsonObject(t) ? t.conversion_right : undefined;
    if (isJsonObject(right) && typeof right.converts_to_stock_class_id === "string")
      return right.converts_to_stock_class_id;
  }
  return undefined;
}

/** The first conversion mechanism of type `type` among a convertible's triggers. */
function mechanism(o: JsonObject, type: string): JsonObject | undefined {
  const triggers = Array.isArray(o.conversion_triggers) ? o.conversion_triggers : [];
  for (const t of triggers) {
    const right = isJsonObject(t) ? t.conversion_right : undefined;
    const m = isJsonObject(right) ? right.conversion_mechanism : undefined;
    if (isJsonObject(m) && m.type === type) return m;
  }
  return undefined;
}

function compoundingPeriods(note: JsonObject): 1 | 2 | 4 | 12 | undefined {
  switch (note.interest_accrual_period) {
    case "ANNUAL":
      return 1;
    case "SEMI_ANNUAL":
      return 2;
    case "QUARTERLY":
      return 4;
    case "MONTHLY":
      return 12;
    default:
      return undefined;
  }
}

/** Maps one OCF transaction (not one absorbed by another) to ledger transactions. */
export function mapTransaction(ctx: TxMappingContext, o: PackageObject): TxMapping {
  const type = canonicalType(objectType(o));
  const unmapped = UNMAPPED_TRANSACTION_TYPES[type];
  if (unmapped !== undefined) return { kind: "unmapped", reason: unmapped };
  switch (type) {
    case "TX_STOCK_ISSUANCE":
    case "TX_EQUITY_COMPENSATION_ISSUANCE":
    case "TX_WARRANT_ISSUANCE":
    case "TX_CONVERTIBLE_ISSUANCE": {
      const tx = mapIssuance(ctx, o, date(o), ctx.newTxId(objectId(o)), true);
      if ("noCounterpart" in tx) return { kind: "unmapped", reason: tx.noCounterpart };
      if (isProblem(tx)) return { kind: "problem", problem: tx, consequence: false };
      const vestingStart = ctx.vestingStarts.get(String(o.object.security_id));
      return mapped([tx], vestingStart ? [vestingStart] : [], {}, issuanceApproximations(o));
    }
    case "TX_STOCK_TRANSFER":
      return mapStockTransfer(ctx, o);
    case "TX_STOCK_CANCELLATION":
    case "TX_WARRANT_CANCELLATION":
    case "TX_EQUITY_COMPENSATION_CANCELLATION":
      return mapPartialCancellation(ctx, o, type);
    case "TX_STOCK_REPURCHASE":
      return mapRepurchase(ctx, o);
    case "TX_STOCK_RETRACTION":
    case "TX_WARRANT_RETRACTION":
    case "TX_EQUITY_COMPENSATION_RETRACTION":
    case "TX_CONVERTIBLE_RETRACTION":
    case "TX_CONVERTIBLE_CANCELLATION":
    case "TX_STOCK_REISSUANCE":
    case "TX_WARRANT_TRANSFER":
    case "TX_EQUITY_COMPENSATION_TRANSFER":
    case "TX_CONVERTIBLE_TRANSFER":
      return mapCloseAndReissue(ctx, o, type);
    case "TX_STOCK_CONVERSION":
      return mapStockConversion(ctx, o);
    case "TX_CONVERTIBLE_CONVERSION":
      return mapConvertibleConversion(ctx, o);
    case "TX_EQUITY_COMPENSATION_EXERCISE":
    case "TX_EQUITY_COMPENSATION_RELEASE":
    case "TX_WARRANT_EXERCISE":
      return mapExercise(ctx, o, type);
    case "TX_STOCK_CLASS_SPLIT":
      return mapSplit(ctx, o);
    case "TX_STOCK_CLASS_CONVERSION_RATIO_ADJUSTMENT":
      return mapRatioAdjustment(ctx, o);
    case "TX_STOCK_CLASS_AUTHORIZED_SHARES_ADJUSTMENT":
      return mapAuthorizedAdjustment(ctx, o);
    case "TX_STOCK_PLAN_POOL_ADJUSTMENT":
      return mapPoolAdjustment(ctx, o);
    case "TX_STOCK_PLAN_RETURN_TO_POOL":
      return mapReturnToPool(ctx, o);
    default:
      return { kind: "unmapped", reason: `${type} has no counterpart in the ledger` };
  }
}

function mapped(
  txs: readonly Transaction[],
  absorbed: readonly PackageObject[],
  aliases: Readonly<Record<string, string>> = {},
  approximations: readonly Problem[] = [],
): TxMapping {
  return { kind: "mapped", txs, absorbed, aliases, approximations };
}

function problemOf(
  o: PackageObject,
  field: readonly (string | number)[],
  code: ErrorCode,
  text: string,
): TxMapping {
  return { kind: "problem", problem: ocfProblem(code, locate(o, field), text), consequence: false };
}

function date(o: PackageObject): IsoDate {
  return parseIsoDate(String(o.object.date)) ?? (String(o.object.date) as IsoDate);
}

/** A whole quantity field, or a problem naming it when it is fractional or missing. */
function wholeField(o: PackageObject, field: string): bigint | Problem {
  const value = readWholeNumeric(o.object[field]);
  if (value !== undefined) return value;
  const text = readNumeric(o.object[field])
    ? `states a fractional ${field} (${String(o.object[field])}); the ledger counts whole shares`
    : `states no ${field}`;
  return ocfProblem("ocf_unmappable", locate(o, [field]), text);
}

/** Approximations an issuance carries into the ledger (OCF-MAP-14). */
function issuanceApproximations(o: PackageObject): Problem[] {
  const out: Problem[] = [];
  if (Array.isArray(o.object.vestings) && o.object.vestings.length > 0) {
    out.push(
      ocfWarning(
        "ocf_unmappable",
        locate(o, ["vestings"]),
        "lists exact vesting dates; the ledger vests by schedule, so they are kept for export only",
      ),
    );
  }
  if (canonicalType(objectType(o)) === "TX_STOCK_ISSUANCE" && str(o.object, "stock_plan_id") !== undefined) {
    out.push(
      ocfWarning(
        "ocf_unmappable",
        locate(o, ["stock_plan_id"]),
        "issues stock from a plan; the ledger does not draw stock issuances from a pool",
      ),
    );
  }
  return out;
}

/**
 * The ledger issuance for an OCF issuance, dated `on` (OCF-MAP-10..13). `withVestingStart`
 * folds in the security's TX_VESTING_START when the pre-scan assigned one to it.
 */
function mapIssuance(
  ctx: TxMappingContext,
  o: PackageObject,
  on: IsoDate,
  id: TransactionId,
  withVestingStart: boolean,
): Transaction | Problem | { noCounterpart: string } {
  const obj = o.object;
  const reason = issuanceWithoutCounterpart(obj);
  if (reason !== undefined) return { noCounterpart: reason };
  const security = securityId(String(obj.security_id));
  const holder = stakeholderId(String(obj.stakeholder_id));
  const vestingTerms = str(obj, "vesting_terms_id");
  const vestingId =
    vestingTerms !== undefined && ctx.vestingMapped.has(vestingTerms)
      ? vestingScheduleId(vestingTerms)
      : undefined;
  const start = withVestingStart ? ctx.vestingStarts.get(String(obj.security_id)) : undefined;
  const vestingStart = vestingId === undefined || !start ? undefined : date(start);
  switch (canonicalType(String(obj.object_type))) {
    case "TX_STOCK_ISSUANCE": {
      const shares = wholeField(o, "quantity");
      if (isProblem(shares)) return shares;
      return {
        type: "stock_issuance",
        id,
        date: on,
        security,
        holder,
        classId: shareClassId(String(obj.stock_class_id)),
        shares,
        pricePerShare: readMonetary(obj.share_price),
        investedAmount: readMonetary(obj.cost_basis),
        vestingId,
        vestingStart,
      };
    }
    case "TX_EQUITY_COMPENSATION_ISSUANCE": {
      const quantity = wholeField(o, "quantity");
      if (isProblem(quantity)) return quantity;
      const plan = str(obj, "stock_plan_id");
      const classId = str(obj, "stock_class_id");
      if (plan === undefined && classId === undefined) {
        return ocfProblem(
          "ocf_unmappable",
          locate(o),
          "names neither a stock plan nor a stock class; the ledger needs the class its options are for",
        );
      }
      const expiration =
        typeof obj.expiration_date === "string" ? parseIsoDate(obj.expiration_date) : undefined;
      return {
        type: "option_grant",
        id,
        date: on,
        security,
        holder,
        poolId: plan === undefined ? undefined : poolId(plan),
        classId: classId === undefined ? undefined : shareClassId(classId),
        optionType: obj.compensation_type === "RSU" ? "rsu" : "option",
        quantity,
        exercisePrice: readMonetary(obj.exercise_price) ?? zeroMoney(ctx.currency),
        vestingId,
        vestingStart,
        expirationDate: expiration,
      };
    }
    case "TX_WARRANT_ISSUANCE": {
      const expiration =
        typeof obj.warrant_expiration_date === "string"
          ? parseIsoDate(obj.warrant_expiration_date)
          : undefined;
      return {
        type: "warrant_issuance",
        id,
        date: on,
        security,
        holder,
        classId: shareClassId(warrantClass(obj)!),
        quantity: readWholeNumeric(obj.quantity)!,
        exercisePrice: readMonetary(obj.exercise_price)!,
        expirationDate: expiration,
      };
    }
    case "TX_CONVERTIBLE_ISSUANCE": {
      const amount = readMonetary(obj.investment_amount)!;
      const proRataRights = obj.pro_rata !== undefined;
      if (obj.convertible_type === "SAFE") {
        const m = mechanism(obj, "SAFE_CONVERSION")!;
        return {
          type: "safe_issuance",
          id,
          date: on,
          security,
          holder,
          purchaseAmount: amount,
          safeType: m.conversion_timing === "PRE_MONEY" ? "pre_money" : "post_money",
          valuationCap: readMonetary(m.conversion_valuation_cap),
          discount: readNumeric(m.conversion_discount),
          mfn: m.conversion_mfn === true,
          proRataRights,
        };
      }
      const m = mechanism(obj, "CONVERTIBLE_NOTE_CONVERSION")!;
      const rates = Array.isArray(m.interest_rates) ? m.interest_rates.filter(isJsonObject) : [];
      const periods = compoundingPeriods(m);
      return {
        type: "note_issuance",
        id,
        date: on,
        security,
        holder,
        principal: amount,
        interestRate: readNumeric(rates[0]?.rate) ?? Rational.ZERO,
        interest:
          m.compounding_type === "COMPOUNDING" && periods !== undefined
            ? { method: "compound", periodsPerYear: periods }
            : { method: "simple" },
        maturityDate: noteMaturity(obj),
        valuationCap: readMonetary(m.conversion_valuation_cap),
        capBasis: "pre_money",
        discount: readNumeric(m.conversion_discount),
        proRataRights,
      };
    }
    default:
      return { noCounterpart: "not an issuance" };
  }
}

/** A note's maturity: the date of its first AUTOMATIC_ON_DATE conversion trigger (OCF-MAP-13). */
function noteMaturity(o: JsonObject): IsoDate | undefined {
  const triggers = Array.isArray(o.conversion_triggers) ? o.conversion_triggers : [];
  for (const t of triggers) {
    if (isJsonObject(t) && t.type === "AUTOMATIC_ON_DATE" && typeof t.trigger_date === "string")
      return parseIsoDate(t.trigger_date);
  }
  return undefined;
}

/** The outstanding ledger security an OCF transaction acts on, following balance aliases. */
function source(ctx: TxMappingContext, o: PackageObject): Security | TxMapping {
  const ocfId = String(o.object.security_id);
  const ledgerId = ctx.aliases.get(ocfId) ?? securityId(ocfId);
  const security = ctx.table.securities.get(ledgerId);
  if (security) return security;
  if (ctx.setAsideSecurities.has(ocfId) || ctx.setAsideSecurities.has(ledgerId)) {
    return {
      kind: "problem",
      problem: ocfProblem(
        "ocf_broken_reference",
        locate(o, ["security_id"]),
        `acts on security "${ocfId}", whose issuance or history was set aside`,
      ),
      consequence: true,
    };
  }
  if (ctx.table.usedSecurityIds.has(ledgerId)) {
    return problemOf(
      o,
      ["security_id"],
      "security_not_outstanding",
      `acts on security "${ocfId}", which is no longer outstanding on ${String(o.object.date)}`,
    );
  }
  return problemOf(
    o,
    ["security_id"],
    "deal_unknown_reference",
    `acts on security "${ocfId}", which is not issued by ${String(o.object.date)}`,
  );
}

function isMapping(value: Security | TxMapping): value is TxMapping {
  return (
    "kind" in value && (value.kind === "mapped" || value.kind === "unmapped" || value.kind === "problem")
  );
}

/** An OCF security whose issuance has no ledger counterpart: transactions on it have none either. */
function onUnmappedSecurity(ctx: TxMappingContext, o: PackageObject): TxMapping | undefined {
  const issuance = ctx.issuances.get(String(o.object.security_id));
  if (issuance && issuanceWithoutCounterpart(issuance.object) !== undefined) {
    return {
      kind: "unmapped",
      reason: `acts on security "${String(o.object.security_id)}", which has no counterpart in the ledger`,
    };
  }
  return undefined;
}

function resulting(ctx: TxMappingContext, o: PackageObject): PackageObject[] {
  return strList(o.object, "resulting_security_ids").map((id) => ctx.issuances.get(id)!);
}

function balanceOf(ctx: TxMappingContext, o: PackageObject): PackageObject | undefined {
  const id = str(o.object, "balance_security_id");
  return id === undefined ? undefined : ctx.issuances.get(id);
}

/**
 * Checks that a balance security is the remainder of `from`: the same kind of issuance, the
 * same holder (and class, for stock), the remaining quantity (OCF-MAP-20).
 */
function checkBalance(
  o: PackageObject,
  balance: PackageObject,
  from: Security,
  remaining: bigint,
): TxMapping | undefined {
  const b = balance.object;
  const field = ["balance_security_id"];
  const issued = canonicalType(String(b.object_type));
  const expected =
    from.kind === "stock"
      ? "TX_STOCK_ISSUANCE"
      : from.kind === "option"
        ? "TX_EQUITY_COMPENSATION_ISSUANCE"
        : "TX_WARRANT_ISSUANCE";
  if (issued !== expected)
    return problemOf(
      o,
      field,
      "ocf_unmappable",
      `names balance security "${String(b.security_id)}", issued by a ${issued}, not a ${expected}`,
    );
  if (b.stakeholder_id !== from.holder) {
    return problemOf(
      o,
      field,
      "ocf_unmappable",
      `names balance security "${String(b.security_id)}" held by "${String(b.stakeholder_id)}", not by the holder "${from.holder}" of the security it is the balance of`,
    );
  }
  if (from.kind === "stock" && b.stock_class_id !== from.classId) {
    return problemOf(
      o,
      field,
      "ocf_unmappable",
      `names balance security "${String(b.security_id)}" of class "${String(b.stock_class_id)}", not "${from.classId}"`,
    );
  }
  const quantity = readWholeNumeric(b.quantity);
  if (quantity !== remaining) {
    return problemOf(
      o,
      field,
      "ocf_unmappable",
      `names balance security "${String(b.security_id)}" of ${String(b.quantity)}, while ${remaining} remain`,
    );
  }
  return undefined;
}

/** Stock transfer (OCF-MAP-22): one ledger transfer per resulting security; the balance is an alias of the source. */
function mapStockTransfer(ctx: TxMappingContext, o: PackageObject): TxMapping {
  const lot = source(ctx, o);
  if (isMapping(lot)) return lot;
  if (lot.kind !== "stock")
    return problemOf(
      o,
      ["security_id"],
      "security_wrong_kind",
      `transfers security "${lot.id}", a ${lot.kind}, as stock`,
    );
  const quantity = wholeField(o, "quantity");
  if (isProblem(quantity)) return { kind: "problem", problem: quantity, consequence: false };
  const results = resulting(ctx, o);
  const txs: Transaction[] = [];
  let total = 0n;
  for (const [i, r] of results.entries()) {
    const field = ["resulting_security_ids", i];
    if (canonicalType(objectType(r)) !== "TX_STOCK_ISSUANCE") {
      return problemOf(
        o,
        field,
        "ocf_unmappable",
        `names resulting security "${String(r.object.security_id)}", issued by a ${objectType(r)}, not stock`,
      );
    }
    if (r.object.stock_class_id !== lot.classId) {
      return problemOf(
        o,
        field,
        "ocf_unmappable",
        `names resulting security "${String(r.object.security_id)}" of class "${String(r.object.stock_class_id)}"; the shares transferred are "${lot.classId}"`,
      );
    }
    const shares = wholeField(r, "quantity");
    if (isProblem(shares)) return { kind: "problem", problem: shares, consequence: false };
    total += shares;
    txs.push({
      type: "transfer",
      id: ctx.newTxId(objectId(o)),
      date: date(o),
      from: lot.holder,
      to: stakeholderId(String(r.object.stakeholder_id)),
      classId: lot.classId,
      shares,
      security: lot.id,
      resultingSecurity: securityId(String(r.object.security_id)),
      pricePerShare: readMonetary(r.object.share_price),
    });
  }
  if (total !== quantity) {
    return problemOf(
      o,
      ["resulting_security_ids"],
      "ocf_unmappable",
      `transfers ${quantity} shares, but its resulting securities hold ${total}`,
    );
  }
  return withBalance(ctx, o, lot, lot.shares - quantity, txs, results);
}

/** Adds the balance alias (OCF-MAP-20) to a mapping whose ledger transactions leave `remaining` on the source. */
function withBalance(
  ctx: TxMappingContext,
  o: PackageObject,
  from: Security,
  remaining: bigint,
  txs: Transaction[],
  absorbed: PackageObject[],
): TxMapping {
  const balance = balanceOf(ctx, o);
  if (!balance) return mapped(txs, absorbed);
  // Taking more than there is: the ledger rejects the transaction itself, which says so better.
  if (remaining < 0n) return mapped(txs, [...absorbed, balance]);
  const bad = checkBalance(o, balance, from, remaining);
  if (bad) return bad;
  return mapped(txs, [...absorbed, balance], { [String(balance.object.security_id)]: from.id });
}

function quantityOf(security: Security): bigint {
  return security.kind === "stock"
    ? security.shares
    : security.kind === "option" || security.kind === "warrant"
      ? security.quantity
      : 1n;
}

/**
 * Stock, warrant and equity compensation cancellations (OCF-MAP-23): a ledger cancellation of the
 * quantity, the balance as an alias; for a plan that retires or holds cancelled shares, a pool
 * reduction undoes the ledger's return to the pool (LED-6).
 */
function mapPartialCancellation(ctx: TxMappingContext, o: PackageObject, type: string): TxMapping {
  const skip = onUnmappedSecurity(ctx, o);
  if (skip) return skip;
  const security = source(ctx, o);
  if (isMapping(security)) return security;
  const expected =
    type === "TX_STOCK_CANCELLATION" ? "stock" : type === "TX_WARRANT_CANCELLATION" ? "warrant" : "option";
  if (security.kind !== expected) {
    return problemOf(
      o,
      ["security_id"],
      "security_wrong_kind",
      `cancels security "${security.id}", a ${security.kind}, with a ${type}`,
    );
  }
  const quantity = wholeField(o, "quantity");
  if (isProblem(quantity)) return { kind: "problem", problem: quantity, consequence: false };
  const txs: Transaction[] = [
    { type: "cancellation", id: ctx.newTxId(objectId(o)), date: date(o), security: security.id, quantity },
  ];
  if (security.kind === "option" && security.poolId !== undefined) {
    const behavior = ctx.plans.get(security.poolId)?.default_cancellation_behavior;
    if (behavior === "RETIRE" || behavior === "HOLD_AS_CAPITAL_STOCK") {
      txs.push({
        type: "pool_increase",
        id: ctx.newTxId(objectId(o)),
        date: date(o),
        poolId: security.poolId,
        shares: -quantity,
      });
    }
  }
  return withBalance(ctx, o, security, quantityOf(security) - quantity, txs, []);
}

/** Stock repurchase (OCF-MAP-24): a ledger repurchase from the one lot; the balance as an alias. */
function mapRepurchase(ctx: TxMappingContext, o: PackageObject): TxMapping {
  const lot = source(ctx, o);
  if (isMapping(lot)) return lot;
  if (lot.kind !== "stock")
    return problemOf(
      o,
      ["security_id"],
      "security_wrong_kind",
      `repurchases security "${lot.id}", a ${lot.kind}, as stock`,
    );
  const quantity = wholeField(o, "quantity");
  if (isProblem(quantity)) return { kind: "problem", problem: quantity, consequence: false };
  const tx: Transaction = {
    type: "repurchase",
    id: ctx.newTxId(objectId(o)),
    date: date(o),
    holder: lot.holder,
    classId: lot.classId,
    shares: quantity,
    security: lot.id,
    pricePerShare: readMonetary(o.object.price),
  };
  return withBalance(ctx, o, lot, lot.shares - quantity, [tx], []);
}

/**
 * Retractions, convertible cancellations, reissuances and the transfers of options, warrants and
 * convertibles (OCF-MAP-25): the ledger cancels the source whole and issues each resulting and
 * balance security as the OCF package issues it, on this transaction's date.
 */
function mapCloseAndReissue(ctx: TxMappingContext, o: PackageObject, type: string): TxMapping {
  const skip = onUnmappedSecurity(ctx, o);
  if (skip) return skip;
  const security = source(ctx, o);
  if (isMapping(security)) return security;
  const expected: Security["kind"][] = type.startsWith("TX_STOCK_")
    ? ["stock"]
    : type.startsWith("TX_WARRANT_")
      ? ["warrant"]
      : type.startsWith("TX_EQUITY_COMPENSATION_")
        ? ["option"]
        : ["safe", "note"];
  if (!expected.includes(security.kind)) {
    return problemOf(
      o,
      ["security_id"],
      "security_wrong_kind",
      `acts on security "${security.id}", a ${security.kind}, with a ${type}`,
    );
  }
  const on = date(o);
  const txs: Transaction[] = [
    {
      type: "cancellation",
      id: ctx.newTxId(objectId(o)),
      date: on,
      security: security.id,
      quantity: undefined,
    },
  ];
  const created = [...resulting(ctx, o), ...(balanceOf(ctx, o) ? [balanceOf(ctx, o)!] : [])];
  const approximations: Problem[] = [];
  for (const r of created) {
    const tx = mapIssuance(ctx, r, on, ctx.newTxId(objectId(r)), false);
    if ("noCounterpart" in tx)
      return problemOf(
        o,
        ["resulting_security_ids"],
        "ocf_unmappable",
        `creates security "${String(r.object.security_id)}", and ${tx.noCounterpart}`,
      );
    if (isProblem(tx)) return { kind: "problem", problem: tx, consequence: false };
    txs.push(tx);
    approximations.push(...issuanceApproximations(r));
  }
  return mapped(txs, created, {}, approximations);
}

/**
 * Stock conversion (OCF-MAP-26): a whole lot of preferred converting into its conversion class
 * for the same holder is a ledger conversion; anything else cancels the converted shares and
 * issues the resulting securities as stated, with the balance as an alias.
 */
function mapStockConversion(ctx: TxMappingContext, o: PackageObject): TxMapping {
  const lot = source(ctx, o);
  if (isMapping(lot)) return lot;
  if (lot.kind !== "stock")
    return problemOf(
      o,
      ["security_id"],
      "security_wrong_kind",
      `converts security "${lot.id}", a ${lot.kind}, as stock`,
    );
  const converted = wholeField(o, "quantity_converted");
  if (isProblem(converted)) return { kind: "problem", problem: converted, consequence: false };
  const results = resulting(ctx, o);
  const on = date(o);
  const shareClass = ctx.table.classes.get(lot.classId);
  const only = results.length === 1 ? results[0]! : undefined;
  if (
    only &&
    converted === lot.shares &&
    !balanceOf(ctx, o) &&
    shareClass?.type === "preferred" &&
    canonicalType(objectType(only)) === "TX_STOCK_ISSUANCE" &&
    only.object.stock_class_id === shareClass.convertsTo &&
    only.object.stakeholder_id === lot.holder
  ) {
    const shares = wholeField(only, "quantity");
    if (isProblem(shares)) return { kind: "problem", problem: shares, consequence: false };
    return mapped(
      [
        {
          type: "conversion",
          id: ctx.newTxId(objectId(o)),
          date: on,
          security: lot.id,
          toClassId: shareClass.convertsTo,
          shares,
          resultingSecurity: securityId(String(only.object.security_id)),
        },
      ],
      results,
    );
  }
  const txs: Transaction[] = [
    { type: "cancellation", id: ctx.newTxId(objectId(o)), date: on, security: lot.id, quantity: converted },
  ];
  for (const r of results) {
    const tx = mapIssuance(ctx, r, on, ctx.newTxId(objectId(r)), false);
    if ("noCounterpart" in tx)
      return problemOf(
        o,
        ["resulting_security_ids"],
        "ocf_unmappable",
        `creates security "${String(r.object.security_id)}", and ${tx.noCounterpart}`,
      );
    if (isProblem(tx)) return { kind: "problem", problem: tx, consequence: false };
    txs.push(tx);
  }
  return withBalance(ctx, o, lot, lot.shares - converted, txs, results);
}

/**
 * Convertible conversion (OCF-MAP-27): a SAFE or note converting whole into one stock security
 * of its holder is a ledger conversion; otherwise the convertible is cancelled and the resulting
 * and balance securities issued as stated.
 */
function mapConvertibleConversion(ctx: TxMappingContext, o: PackageObject): TxMapping {
  const skip = onUnmappedSecurity(ctx, o);
  if (skip) return skip;
  const security = source(ctx, o);
  if (isMapping(security)) return security;
  if (security.kind !== "safe" && security.kind !== "note") {
    return problemOf(
      o,
      ["security_id"],
      "security_wrong_kind",
      `converts security "${security.id}", a ${security.kind}, as a convertible`,
    );
  }
  const results = resulting(ctx, o);
  const only = results.length === 1 ? results[0]! : undefined;
  if (
    only &&
    !balanceOf(ctx, o) &&
    canonicalType(objectType(only)) === "TX_STOCK_ISSUANCE" &&
    only.object.stakeholder_id === security.holder
  ) {
    const shares = wholeField(only, "quantity");
    if (isProblem(shares)) return { kind: "problem", problem: shares, consequence: false };
    return mapped(
      [
        {
          type: "conversion",
          id: ctx.newTxId(objectId(o)),
          date: date(o),
          security: security.id,
          toClassId: shareClassId(String(only.object.stock_class_id)),
          shares,
          resultingSecurity: securityId(String(only.object.security_id)),
        },
      ],
      results,
    );
  }
  return mapCloseAndReissue(ctx, o, "TX_CONVERTIBLE_CONVERSION");
}

/**
 * Exercises of options and warrants and releases of RSUs (OCF-MAP-28): one ledger exercise per
 * resulting stock security, which must be the holder's shares of the class the rights are for.
 */
function mapExercise(ctx: TxMappingContext, o: PackageObject, type: string): TxMapping {
  const skip = onUnmappedSecurity(ctx, o);
  if (skip) return skip;
  const security = source(ctx, o);
  if (isMapping(security)) return security;
  const expected = type === "TX_WARRANT_EXERCISE" ? "warrant" : "option";
  if (security.kind !== expected) {
    return problemOf(
      o,
      ["security_id"],
      "security_wrong_kind",
      `exercises security "${security.id}", a ${security.kind}, with a ${type}`,
    );
  }
  const results = resulting(ctx, o);
  if (results.length === 0) {
    return problemOf(
      o,
      ["resulting_security_ids"],
      "ocf_unmappable",
      "creates no resulting security; an exercise or release settled without shares has no counterpart in the ledger",
    );
  }
  const txs: Transaction[] = [];
  let total = 0n;
  for (const [i, r] of results.entries()) {
    const field = ["resulting_security_ids", i];
    if (canonicalType(objectType(r)) !== "TX_STOCK_ISSUANCE") {
      return problemOf(
        o,
        field,
        "ocf_unmappable",
        `names resulting security "${String(r.object.security_id)}", issued by a ${objectType(r)}, not stock`,
      );
    }
    if (r.object.stakeholder_id !== security.holder || r.object.stock_class_id !== security.classId) {
      return problemOf(
        o,
        field,
        "ocf_unmappable",
        `names resulting security "${String(r.object.security_id)}" of "${String(r.object.stakeholder_id)}" in class "${String(r.object.stock_class_id)}"; exercising "${security.id}" gives "${security.holder}" shares of "${security.classId}"`,
      );
    }
    const shares = wholeField(r, "quantity");
    if (isProblem(shares)) return { kind: "problem", problem: shares, consequence: false };
    total += shares;
    txs.push({
      type: "exercise",
      id: ctx.newTxId(objectId(o)),
      date: date(o),
      security: security.id,
      quantity: shares,
      resultingSecurity: securityId(String(r.object.security_id)),
    });
  }
  if (type !== "TX_WARRANT_EXERCISE") {
    const quantity = wholeField(o, "quantity");
    if (isProblem(quantity)) return { kind: "problem", problem: quantity, consequence: false };
    if (quantity !== total) {
      return problemOf(
        o,
        ["quantity"],
        "ocf_unmappable",
        `exercises ${quantity}, but its resulting securities hold ${total} shares; the ledger issues one share per option exercised`,
      );
    }
  }
  return mapped(txs, results);
}

/** A stock class split (OCF-MAP-29): a ledger split of that class by the exact ratio. */
function mapSplit(ctx: TxMappingContext, o: PackageObject): TxMapping {
  const ratio = readRatio(o.object.split_ratio);
  if (ratio === undefined || !ratio.isPositive())
    return problemOf(o, ["split_ratio"], "ocf_unmappable", "states a split ratio that is not positive");
  return mapped(
    [
      {
        type: "split",
        id: ctx.newTxId(objectId(o)),
        date: date(o),
        classIds: [shareClassId(String(o.object.stock_class_id))],
        numerator: ratio.num,
        denominator: ratio.den,
      },
    ],
    [],
  );
}

/**
 * A conversion ratio adjustment (OCF-MAP-29): a ledger conversion price chosen so that the
 * class's conversion rate (base x original issue price / conversion price, CLS-2) is the stated ratio.
 */
function mapRatioAdjustment(ctx: TxMappingContext, o: PackageObject): TxMapping {
  const classId = shareClassId(String(o.object.stock_class_id));
  const shareClass = ctx.table.classes.get(classId);
  if (!shareClass)
    return problemOf(o, ["stock_class_id"], "deal_unknown_reference", `adjusts unknown class "${classId}"`);
  if (shareClass.type !== "preferred" || shareClass.convertsTo === undefined) {
    return {
      kind: "unmapped",
      reason: `class "${classId}" does not convert in the ledger, so its conversion ratio has no counterpart`,
    };
  }
  const oip = shareClass.originalIssuePrice;
  if (!oip?.amount.isPositive()) {
    return {
      kind: "unmapped",
      reason: `class "${classId}" has no original issue price, so the ledger cannot restate its conversion rate by its conversion price`,
    };
  }
  const m = isJsonObject(o.object.new_ratio_conversion_mechanism)
    ? o.object.new_ratio_conversion_mechanism
    : {};
  const ratio = readRatio(m.ratio);
  if (ratio === undefined || !ratio.isPositive()) {
    return problemOf(
      o,
      ["new_ratio_conversion_mechanism", "ratio"],
      "ocf_unmappable",
      "states a conversion ratio that is not positive",
    );
  }
  const price: Money = {
    kind: "money",
    currency: oip.currency,
    amount: shareClass.baseConversionRatio.mul(oip.amount).div(ratio),
  };
  const note = Array.isArray(o.object.comments)
    ? o.object.comments.filter((c) => typeof c === "string").join(" ")
    : "";
  return mapped(
    [
      {
        type: "conversion_price_adjustment",
        id: ctx.newTxId(objectId(o)),
        date: date(o),
        classId,
        conversionPrice: price,
        reason: note === "" ? "conversion ratio adjustment" : note,
      },
    ],
    [],
  );
}

/** A stock class authorized shares adjustment (OCF-MAP-29). */
function mapAuthorizedAdjustment(ctx: TxMappingContext, o: PackageObject): TxMapping {
  const authorized = wholeField(o, "new_shares_authorized");
  if (isProblem(authorized)) return { kind: "problem", problem: authorized, consequence: false };
  return mapped(
    [
      {
        type: "authorized_shares_adjustment",
        id: ctx.newTxId(objectId(o)),
        date: date(o),
        classId: shareClassId(String(o.object.stock_class_id)),
        authorizedShares: authorized,
      },
    ],
    [],
  );
}

/** A pool adjustment states the new reserve; the ledger records the change from the reserve at that date (OCF-MAP-29). */
function mapPoolAdjustment(ctx: TxMappingContext, o: PackageObject): TxMapping {
  const id = poolId(String(o.object.stock_plan_id));
  const pool = ctx.table.pools.get(id);
  if (!pool)
    return problemOf(
      o,
      ["stock_plan_id"],
      "deal_unknown_reference",
      `adjusts plan "${id}", which has no pool in the ledger`,
    );
  const reserved = wholeField(o, "shares_reserved");
  if (isProblem(reserved)) return { kind: "problem", problem: reserved, consequence: false };
  return mapped(
    [
      {
        type: "pool_increase",
        id: ctx.newTxId(objectId(o)),
        date: date(o),
        poolId: id,
        shares: reserved - pool.reserved,
      },
    ],
    [],
  );
}

/**
 * A return to pool (OCF-MAP-23): the ledger already returns cancelled options to their plan's
 * pool (LED-6), so only a return under a plan that does not do so by default adds to the pool.
 */
function mapReturnToPool(ctx: TxMappingContext, o: PackageObject): TxMapping {
  const plan = String(o.object.stock_plan_id);
  const behavior = ctx.plans.get(plan)?.default_cancellation_behavior;
  if (behavior === undefined || behavior === "RETURN_TO_POOL" || behavior === "DEFINED_PER_PLAN_SECURITY") {
    return {
      kind: "unmapped",
      reason: "the ledger returns cancelled options to their pool on cancellation (LED-6)",
    };
  }
  const quantity = wholeField(o, "quantity");
  if (isProblem(quantity)) return { kind: "problem", problem: quantity, consequence: false };
  return mapped(
    [
      {
        type: "pool_increase",
        id: ctx.newTxId(objectId(o)),
        date: date(o),
        poolId: poolId(plan),
        shares: quantity,
      },
    ],
    [],
  );
}
