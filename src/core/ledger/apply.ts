import { convert, type Money, scaleMoney } from "../exact/money.js";
import { Rational } from "../exact/rational.js";
import type { SecurityId, ShareClassId } from "../shared/ids.js";
import { type Message, message } from "../shared/messages.js";
import { type Problem, problem, problemSaying } from "../shared/problem.js";
import type { CapTable } from "./cap-table.js";
import { expandPayToPlay } from "./pay-to-play.js";
import type { Security, StockLot } from "./security.js";
import { conversionRatio, type ShareClass } from "./share-class.js";
import { expandTender } from "./tender.js";
import type {
  AuthorizedSharesAdjustment,
  Cancellation,
  CompoundTransaction,
  Conversion,
  ConversionPriceAdjustment,
  DebtIssuance,
  DebtRepayment,
  Exercise,
  NoteIssuance,
  OptionGrantTx,
  PoolIncrease,
  Repurchase,
  SafeIssuance,
  Split,
  StockIssuance,
  Transaction,
  Transfer,
  WarrantIssuance,
} from "./transaction.js";

/**
 * Applies one transaction to `table` (SPEC LED-3): a ladder of checks, each rejection a
 * typed problem with a stable code; then, past the checks, the change, which cannot
 * fail. On a rejection `table` is unchanged.
 */
export function applyTransaction(table: CapTable, tx: Transaction): Problem | undefined {
  const formation = table.company.formationDate;
  if (formation !== undefined && tx.date < formation) {
    return reject(
      tx,
      "date_before_formation",
      `is dated ${tx.date}, before the company's formation on ${formation}`,
      ["date"],
    );
  }
  switch (tx.type) {
    case "stock_issuance":
      return applyStockIssuance(table, tx);
    case "option_grant":
      return applyOptionGrant(table, tx);
    case "warrant_issuance":
      return applyWarrantIssuance(table, tx);
    case "safe_issuance":
      return applySafeIssuance(table, tx);
    case "note_issuance":
      return applyNoteIssuance(table, tx);
    case "exercise":
      return applyExercise(table, tx);
    case "transfer":
      return applyTransfer(table, tx);
    case "cancellation":
      return applyCancellation(table, tx);
    case "repurchase":
      return applyRepurchase(table, tx);
    case "split":
      return applySplit(table, tx);
    case "pool_increase":
      return applyPoolIncrease(table, tx);
    case "conversion":
      return applyConversion(table, tx);
    case "conversion_price_adjustment":
      return applyConversionPriceAdjustment(table, tx);
    case "authorized_shares_adjustment":
      return applyAuthorizedSharesAdjustment(table, tx);
    case "tender":
    case "pay_to_play":
      return applyCompound(table, tx);
    case "debt_issuance":
      return applyDebtIssuance(table, tx);
    case "debt_repayment":
      return applyDebtRepayment(table, tx);
  }
}

/**
 * Applies a tender or pay-to-play as the primitive transactions it comes to from the state
 * before it (TENDER-5, P2P-3): all of them or none. They are tried on a copy first, so that
 * a rejection leaves `table` unchanged.
 */
function applyCompound(table: CapTable, tx: CompoundTransaction): Problem | undefined {
  const parts = expandCompound(table, tx);
  if (!Array.isArray(parts)) return parts;
  const trial = table.clone();
  for (const part of parts) {
    const rejected = applyTransaction(trial, part);
    if (rejected) return rejected;
  }
  for (const part of parts) applyTransaction(table, part);
  return undefined;
}

/** Venture debt and the warrants of its coverage (DEBT-1, DEBT-2): both or neither. */
function applyDebtIssuance(table: CapTable, tx: DebtIssuance): Problem | undefined {
  const p = firstProblem(
    () => checkHolder(table, tx, tx.holder, "holder"),
    () => checkNewSecurityId(table, tx, tx.security, "security"),
    () =>
      tx.principal.amount.isPositive()
        ? checkMoneyNotNegative(table, tx, tx.principal, "principal")
        : reject(tx, "deal_invalid_field", "has a principal that is not positive", ["principal"]),
    () =>
      tx.interestRate.isNegative()
        ? reject(tx, "deal_invalid_field", "has a negative interest rate", ["interestRate"])
        : undefined,
    () =>
      tx.finalPayment.isNegative()
        ? reject(tx, "deal_invalid_field", "has a negative final payment", ["finalPayment"])
        : undefined,
    () =>
      tx.maturityDate !== undefined && tx.maturityDate < tx.date
        ? reject(tx, "deal_invalid_field", `matures on ${tx.maturityDate}, before it is lent`, ["maturity"])
        : undefined,
  );
  if (p) return p;
  if (tx.warrant) {
    const w = tx.warrant;
    const shareClass = checkClass(table, tx, w.classId, "warrantClass");
    if ("code" in shareClass) return shareClass;
    const q = firstProblem(
      () =>
        w.quantity > 0n
          ? undefined
          : reject(tx, "deal_invalid_field", "has a warrant coverage that buys no whole share", [
              "warrantCoverage",
            ]),
      () => checkNewSecurityId(table, tx, w.security, "warrantSecurity"),
      () => checkMoneyNotNegative(table, tx, w.exercisePrice, "warrantPrice"),
    );
    if (q) return q;
    table.securities.set(w.security, {
      kind: "warrant",
      id: w.security,
      holder: tx.holder,
      classId: w.classId,
      quantity: w.quantity,
      exercisePrice: w.exercisePrice,
      issueDate: tx.date,
      expirationDate: w.expirationDate,
    });
    table.usedSecurityIds.add(w.security);
  }
  table.debts.set(tx.security, {
    kind: "debt",
    id: tx.security,
    holder: tx.holder,
    principal: tx.principal,
    interestRate: tx.interestRate,
    interest: tx.interest,
    finalPayment: tx.finalPayment,
    seniority: tx.seniority,
    issueDate: tx.date,
    maturityDate: tx.maturityDate,
  });
  table.usedSecurityIds.add(tx.security);
  return undefined;
}

function applyDebtRepayment(table: CapTable, tx: DebtRepayment): Problem | undefined {
  if (table.debts.has(tx.security)) {
    table.debts.delete(tx.security);
    return undefined;
  }
  return reject(
    tx,
    table.usedSecurityIds.has(tx.security) ? "security_not_outstanding" : "deal_unknown_reference",
    table.usedSecurityIds.has(tx.security)
      ? message("not_outstanding", { kind: "venture debt", id: tx.security })
      : message("names_unknown", { kind: "venture debt", id: tx.security }),
    ["debt"],
  );
}

/** The primitive transactions a compound transaction comes to, from the state before it. */
export function expandCompound(table: CapTable, tx: CompoundTransaction): Transaction[] | Problem {
  return tx.type === "tender" ? expandTender(table, tx) : expandPayToPlay(table, tx);
}

function reject(
  tx: Transaction,
  code: Problem["code"],
  text: string | Message,
  field?: readonly (string | number)[],
): Problem {
  const path = tx.path === undefined ? undefined : field ? [...tx.path, ...field] : tx.path;
  if (typeof text === "string")
    return problem(code, `transaction ${tx.id} (${tx.type}, ${tx.date}) ${text}`, path);
  return problemSaying(
    code,
    message("transaction", { id: tx.id, type: tx.type, date: tx.date, message: text }),
    path,
  );
}

function checkHolder(table: CapTable, tx: Transaction, holder: string, field: string): Problem | undefined {
  return table.stakeholders.has(holder as never)
    ? undefined
    : reject(tx, "deal_unknown_reference", message("names_unknown", { kind: "stakeholder", id: holder }), [
        field,
      ]);
}

function checkClass(table: CapTable, tx: Transaction, classId: string, field: string): ShareClass | Problem {
  const c = table.classes.get(classId as ShareClassId);
  return (
    c ??
    reject(tx, "deal_unknown_reference", message("names_unknown", { kind: "share class", id: classId }), [
      field,
    ])
  );
}

function checkNewSecurityId(
  table: CapTable,
  tx: Transaction,
  id: SecurityId,
  field: string,
): Problem | undefined {
  return table.usedSecurityIds.has(id)
    ? reject(tx, "deal_duplicate_id", `creates security "${id}", an id already used`, [field])
    : undefined;
}

function checkPositive(tx: Transaction, value: bigint, field: string): Problem | undefined {
  return value > 0n
    ? undefined
    : reject(tx, "deal_invalid_field", `needs a positive ${field}, got ${value}`, [field]);
}

function checkMoneyNotNegative(table: CapTable, tx: Transaction, value: Money | undefined, field: string) {
  if (value === undefined) return undefined;
  if (value.amount.isNegative()) return reject(tx, "deal_invalid_field", `has a negative ${field}`, [field]);
  if (convert(value, table.company.currency, table.company.exchangeRates) === undefined) {
    return reject(
      tx,
      "currency_without_rate",
      `states ${field} in ${value.currency}, and the deal gives no rate to ${table.company.currency}`,
      [field],
    );
  }
  return undefined;
}

function checkAuthorized(
  table: CapTable,
  tx: Transaction,
  shareClass: ShareClass,
  added: bigint,
  field: string,
) {
  if (shareClass.authorizedShares === undefined) return undefined;
  const issued = table.issuedByClass.get(shareClass.id) ?? 0n;
  if (issued + added <= shareClass.authorizedShares) return undefined;
  return reject(
    tx,
    "issuance_exceeds_authorized",
    `would bring ${shareClass.name} to ${issued + added} issued shares, above the ${shareClass.authorizedShares} authorized`,
    [field],
  );
}

function firstProblem(...checks: (() => Problem | undefined)[]): Problem | undefined {
  for (const check of checks) {
    const p = check();
    if (p) return p;
  }
  return undefined;
}

function addLot(table: CapTable, lot: StockLot): void {
  table.securities.set(lot.id, lot);
  table.usedSecurityIds.add(lot.id);
  table.issuedByClass.set(lot.classId, (table.issuedByClass.get(lot.classId) ?? 0n) + lot.shares);
}

function setLotShares(
  table: CapTable,
  lot: StockLot,
  shares: bigint,
  investedAmount: Money | undefined,
): void {
  table.issuedByClass.set(lot.classId, (table.issuedByClass.get(lot.classId) ?? 0n) - lot.shares + shares);
  if (shares === 0n) table.securities.delete(lot.id);
  else table.securities.set(lot.id, { ...lot, shares, investedAmount });
}

/** The part of a lot's invested amount that goes with `part` of its shares (exact, pro rata). */
function investedShare(lot: StockLot, part: bigint): Money | undefined {
  if (!lot.investedAmount) return undefined;
  return scaleMoney(lot.investedAmount, Rational.of(part, lot.shares));
}

function applyStockIssuance(table: CapTable, tx: StockIssuance): Problem | undefined {
  const shareClass = checkClass(table, tx, tx.classId, "class");
  if ("code" in shareClass) return shareClass;
  const p = firstProblem(
    () => checkHolder(table, tx, tx.holder, "holder"),
    () => checkPositive(tx, tx.shares, "shares"),
    () => checkNewSecurityId(table, tx, tx.security, "security"),
    () => checkMoneyNotNegative(table, tx, tx.pricePerShare, "pricePerShare"),
    () => checkMoneyNotNegative(table, tx, tx.investedAmount, "investedAmount"),
    () => checkAuthorized(table, tx, shareClass, tx.shares, "shares"),
    () =>
      tx.vestingId !== undefined && !table.vestingSchedules.has(tx.vestingId)
        ? reject(
            tx,
            "deal_unknown_reference",
            message("names_unknown", { kind: "vesting schedule", id: tx.vestingId }),
            ["vesting"],
          )
        : undefined,
  );
  if (p) return p;
  addLot(table, {
    kind: "stock",
    id: tx.security,
    holder: tx.holder,
    classId: tx.classId,
    shares: tx.shares,
    issueDate: tx.date,
    investedAmount:
      tx.investedAmount ??
      (tx.pricePerShare ? scaleMoney(tx.pricePerShare, Rational.of(tx.shares)) : undefined),
    vestingId: tx.vestingId,
    vestingStart: tx.vestingId === undefined ? undefined : (tx.vestingStart ?? tx.date),
  });
  return undefined;
}

function applyOptionGrant(table: CapTable, tx: OptionGrantTx): Problem | undefined {
  const pool = tx.poolId === undefined ? undefined : table.pools.get(tx.poolId);
  if (tx.poolId !== undefined && !pool) {
    return reject(
      tx,
      "deal_unknown_reference",
      message("names_unknown", { kind: "option pool", id: tx.poolId }),
      ["pool"],
    );
  }
  const classId = tx.classId ?? pool?.classId;
  if (classId === undefined) {
    return reject(tx, "deal_invalid_field", "names neither a pool nor a class for the options", ["class"]);
  }
  const shareClass = checkClass(table, tx, classId, "class");
  if ("code" in shareClass) return shareClass;
  const p = firstProblem(
    () => checkHolder(table, tx, tx.holder, "holder"),
    () => checkPositive(tx, tx.quantity, "quantity"),
    () => checkNewSecurityId(table, tx, tx.security, "security"),
    () => checkMoneyNotNegative(table, tx, tx.exercisePrice, "exercisePrice"),
    () =>
      pool && pool.available < tx.quantity
        ? reject(
            tx,
            "grant_exceeds_pool",
            `grants ${tx.quantity} from pool ${pool.name}, which has ${pool.available} available`,
            ["quantity"],
          )
        : undefined,
    () =>
      tx.vestingId !== undefined && !table.vestingSchedules.has(tx.vestingId)
        ? reject(
            tx,
            "deal_unknown_reference",
            message("names_unknown", { kind: "vesting schedule", id: tx.vestingId }),
            ["vesting"],
          )
        : undefined,
  );
  if (p) return p;
  if (pool) table.pools.set(pool.id, { ...pool, available: pool.available - tx.quantity });
  table.securities.set(tx.security, {
    kind: "option",
    id: tx.security,
    holder: tx.holder,
    classId,
    poolId: tx.poolId,
    optionType: tx.optionType,
    quantity: tx.quantity,
    granted: tx.quantity,
    exercised: 0n,
    exercisePrice: tx.exercisePrice,
    grantDate: tx.date,
    vestingId: tx.vestingId,
    vestingStart: tx.vestingId === undefined ? undefined : (tx.vestingStart ?? tx.date),
    expirationDate: tx.expirationDate,
  });
  table.usedSecurityIds.add(tx.security);
  return undefined;
}

function applyWarrantIssuance(table: CapTable, tx: WarrantIssuance): Problem | undefined {
  const shareClass = checkClass(table, tx, tx.classId, "class");
  if ("code" in shareClass) return shareClass;
  const p = firstProblem(
    () => checkHolder(table, tx, tx.holder, "holder"),
    () => checkPositive(tx, tx.quantity, "quantity"),
    () => checkNewSecurityId(table, tx, tx.security, "security"),
    () => checkMoneyNotNegative(table, tx, tx.exercisePrice, "exercisePrice"),
  );
  if (p) return p;
  table.securities.set(tx.security, {
    kind: "warrant",
    id: tx.security,
    holder: tx.holder,
    classId: tx.classId,
    quantity: tx.quantity,
    exercisePrice: tx.exercisePrice,
    issueDate: tx.date,
    expirationDate: tx.expirationDate,
  });
  table.usedSecurityIds.add(tx.security);
  return undefined;
}

function checkDiscount(tx: Transaction, discount: Rational | undefined): Problem | undefined {
  if (discount === undefined) return undefined;
  if (discount.isNegative() || discount.gte(Rational.ONE)) {
    return reject(
      tx,
      "deal_invalid_field",
      `has a discount of ${discount.mulInt(100n).toDecimalString(6)}%, outside 0% to 100%`,
      ["discount"],
    );
  }
  return undefined;
}

function checkCap(table: CapTable, tx: Transaction, cap: Money | undefined): Problem | undefined {
  if (cap === undefined) return undefined;
  if (!cap.amount.isPositive())
    return reject(tx, "deal_invalid_field", "has a valuation cap that is not positive", ["cap"]);
  return checkMoneyNotNegative(table, tx, cap, "cap");
}

function applySafeIssuance(table: CapTable, tx: SafeIssuance): Problem | undefined {
  const p = firstProblem(
    () => checkHolder(table, tx, tx.holder, "holder"),
    () => checkNewSecurityId(table, tx, tx.security, "security"),
    () =>
      tx.purchaseAmount.amount.isPositive()
        ? checkMoneyNotNegative(table, tx, tx.purchaseAmount, "amount")
        : reject(tx, "deal_invalid_field", "has a purchase amount that is not positive", ["amount"]),
    () => checkDiscount(tx, tx.discount),
    () => checkCap(table, tx, tx.valuationCap),
    () =>
      !tx.mfn && tx.valuationCap === undefined && tx.discount === undefined
        ? reject(tx, "deal_invalid_field", "is a SAFE with neither a cap, a discount nor MFN terms", ["cap"])
        : undefined,
  );
  if (p) return p;
  table.securities.set(tx.security, {
    kind: "safe",
    id: tx.security,
    holder: tx.holder,
    purchaseAmount: tx.purchaseAmount,
    safeType: tx.safeType,
    valuationCap: tx.valuationCap,
    discount: tx.discount,
    mfn: tx.mfn,
    issueDate: tx.date,
    proRataRights: tx.proRataRights,
    ...(tx.shadowSeries === undefined ? {} : { shadowSeries: tx.shadowSeries }),
    ...(tx.conversionPricePrecision === undefined
      ? {}
      : { conversionPricePrecision: tx.conversionPricePrecision }),
  });
  table.usedSecurityIds.add(tx.security);
  return undefined;
}

function applyNoteIssuance(table: CapTable, tx: NoteIssuance): Problem | undefined {
  const p = firstProblem(
    () => checkHolder(table, tx, tx.holder, "holder"),
    () => checkNewSecurityId(table, tx, tx.security, "security"),
    () =>
      tx.principal.amount.isPositive()
        ? checkMoneyNotNegative(table, tx, tx.principal, "principal")
        : reject(tx, "deal_invalid_field", "has a principal that is not positive", ["principal"]),
    () =>
      tx.interestRate.isNegative()
        ? reject(tx, "deal_invalid_field", "has a negative interest rate", ["interestRate"])
        : undefined,
    () => checkDiscount(tx, tx.discount),
    () => checkCap(table, tx, tx.valuationCap),
    () =>
      tx.maturityDate !== undefined && tx.maturityDate < tx.date
        ? reject(tx, "deal_invalid_field", `matures on ${tx.maturityDate}, before it is issued`, [
            "maturityDate",
          ])
        : undefined,
  );
  if (p) return p;
  table.securities.set(tx.security, {
    kind: "note",
    id: tx.security,
    holder: tx.holder,
    principal: tx.principal,
    interestRate: tx.interestRate,
    interest: tx.interest,
    issueDate: tx.date,
    maturityDate: tx.maturityDate,
    valuationCap: tx.valuationCap,
    capBasis: tx.capBasis,
    discount: tx.discount,
    proRataRights: tx.proRataRights,
    ...(tx.shadowSeries === undefined ? {} : { shadowSeries: tx.shadowSeries }),
    ...(tx.conversionPricePrecision === undefined
      ? {}
      : { conversionPricePrecision: tx.conversionPricePrecision }),
  });
  table.usedSecurityIds.add(tx.security);
  return undefined;
}

function outstandingSecurity(table: CapTable, tx: Transaction, id: SecurityId): Security | Problem {
  const security = table.securities.get(id);
  if (security) return security;
  return reject(
    tx,
    table.usedSecurityIds.has(id) ? "security_not_outstanding" : "deal_unknown_reference",
    table.usedSecurityIds.has(id)
      ? message("not_outstanding", { kind: "security", id })
      : message("names_unknown", { kind: "security", id }),
    ["security"],
  );
}

function applyExercise(table: CapTable, tx: Exercise): Problem | undefined {
  const security = outstandingSecurity(table, tx, tx.security);
  if ("code" in security) return security;
  if (security.kind !== "option" && security.kind !== "warrant") {
    return reject(
      tx,
      "security_wrong_kind",
      `exercises "${tx.security}", a ${security.kind}, not an option or warrant`,
      ["security"],
    );
  }
  const shareClass = table.classes.get(security.classId)!;
  const p = firstProblem(
    () => checkPositive(tx, tx.quantity, "quantity"),
    () =>
      tx.quantity > security.quantity
        ? reject(
            tx,
            "exercise_exceeds_outstanding",
            `exercises ${tx.quantity} of "${tx.security}", which has ${security.quantity} outstanding`,
            ["quantity"],
          )
        : undefined,
    () => checkNewSecurityId(table, tx, tx.resultingSecurity, "resultingSecurity"),
    () => checkAuthorized(table, tx, shareClass, tx.quantity, "quantity"),
  );
  if (p) return p;
  const remaining = security.quantity - tx.quantity;
  if (remaining === 0n) table.securities.delete(security.id);
  else if (security.kind === "option") {
    table.securities.set(security.id, {
      ...security,
      quantity: remaining,
      exercised: security.exercised + tx.quantity,
    });
  } else table.securities.set(security.id, { ...security, quantity: remaining });
  addLot(table, {
    kind: "stock",
    id: tx.resultingSecurity,
    holder: security.holder,
    classId: security.classId,
    shares: tx.quantity,
    issueDate: tx.date,
    investedAmount: scaleMoney(security.exercisePrice, Rational.of(tx.quantity)),
    vestingId: undefined,
    vestingStart: undefined,
  });
  return undefined;
}

/** Takes `shares` from the holder's lots (one lot, or oldest first); returns the taken parts. */
function takeShares(
  table: CapTable,
  lots: readonly StockLot[],
  shares: bigint,
): { lot: StockLot; taken: bigint }[] {
  const parts: { lot: StockLot; taken: bigint }[] = [];
  let left = shares;
  for (const lot of lots) {
    if (left === 0n) break;
    const taken = lot.shares < left ? lot.shares : left;
    parts.push({ lot, taken });
    left -= taken;
  }
  for (const { lot, taken } of parts) {
    const rest = lot.shares - taken;
    setLotShares(table, lot, rest, rest === 0n ? undefined : investedShare(lot, rest));
  }
  return parts;
}

function holderLotsFor(
  table: CapTable,
  tx: Transfer | Repurchase,
  holder: Transfer["from"],
  classId: ShareClassId,
  security: SecurityId | undefined,
): StockLot[] | Problem {
  if (security === undefined) return table.lotsOf(holder, classId);
  const lot = outstandingSecurity(table, tx, security);
  if ("code" in lot) return lot;
  if (lot.kind !== "stock") {
    return reject(tx, "security_wrong_kind", `moves "${security}", a ${lot.kind}, not shares`, ["security"]);
  }
  if (lot.holder !== holder || lot.classId !== classId) {
    return reject(
      tx,
      "deal_invalid_field",
      `names lot "${security}", which is not ${holder}'s ${classId} shares`,
      ["security"],
    );
  }
  return [lot];
}

function applyTransfer(table: CapTable, tx: Transfer): Problem | undefined {
  const shareClass = checkClass(table, tx, tx.classId, "class");
  if ("code" in shareClass) return shareClass;
  const p = firstProblem(
    () => checkHolder(table, tx, tx.from, "from"),
    () => checkHolder(table, tx, tx.to, "to"),
    () => checkPositive(tx, tx.shares, "shares"),
    () => checkNewSecurityId(table, tx, tx.resultingSecurity, "resultingSecurity"),
    () => checkMoneyNotNegative(table, tx, tx.pricePerShare, "pricePerShare"),
  );
  if (p) return p;
  const lots = holderLotsFor(table, tx, tx.from, tx.classId, tx.security);
  if ("code" in lots) return lots;
  const held = lots.reduce((sum, lot) => sum + lot.shares, 0n);
  if (held < tx.shares) {
    return reject(
      tx,
      "transfer_exceeds_holding",
      `transfers ${tx.shares} ${shareClass.name} shares from ${tx.from}, who holds ${held}`,
      ["shares"],
    );
  }
  const parts = takeShares(table, lots, tx.shares);
  const first = parts[0]!.lot;
  let invested: Money | undefined;
  for (const { lot, taken } of parts) {
    const share = investedShare(lot, taken);
    if (share) invested = invested ? { ...invested, amount: invested.amount.add(share.amount) } : share;
  }
  // The recipient's lot keeps the earliest issue date of the shares it came from (LED-4).
  addLot(table, {
    kind: "stock",
    id: tx.resultingSecurity,
    holder: tx.to,
    classId: tx.classId,
    shares: tx.shares,
    issueDate: first.issueDate,
    investedAmount: invested,
    vestingId: parts.length === 1 ? first.vestingId : undefined,
    vestingStart: parts.length === 1 ? first.vestingStart : undefined,
  });
  return undefined;
}

function applyCancellation(table: CapTable, tx: Cancellation): Problem | undefined {
  const security = outstandingSecurity(table, tx, tx.security);
  if ("code" in security) return security;
  const outstanding =
    security.kind === "stock"
      ? security.shares
      : security.kind === "option" || security.kind === "warrant"
        ? security.quantity
        : 1n;
  if (tx.quantity !== undefined) {
    if (security.kind === "safe" || security.kind === "note") {
      return reject(tx, "deal_invalid_field", `cancels part of a ${security.kind}; cancel it whole`, [
        "quantity",
      ]);
    }
    const p = checkPositive(tx, tx.quantity, "quantity");
    if (p) return p;
    if (tx.quantity > outstanding) {
      return reject(
        tx,
        "cancellation_exceeds_outstanding",
        `cancels ${tx.quantity} of "${tx.security}", which has ${outstanding} outstanding`,
        ["quantity"],
      );
    }
  }
  const quantity = tx.quantity ?? outstanding;
  switch (security.kind) {
    case "stock":
      setLotShares(
        table,
        security,
        security.shares - quantity,
        investedShare(security, security.shares - quantity),
      );
      break;
    case "option": {
      if (security.poolId !== undefined) {
        const pool = table.pools.get(security.poolId)!;
        table.pools.set(pool.id, { ...pool, available: pool.available + quantity });
      }
      if (quantity === security.quantity) table.securities.delete(security.id);
      else table.securities.set(security.id, { ...security, quantity: security.quantity - quantity });
      break;
    }
    case "warrant":
      if (quantity === security.quantity) table.securities.delete(security.id);
      else table.securities.set(security.id, { ...security, quantity: security.quantity - quantity });
      break;
    case "safe":
    case "note":
      table.securities.delete(security.id);
      break;
  }
  return undefined;
}

function applyRepurchase(table: CapTable, tx: Repurchase): Problem | undefined {
  const shareClass = checkClass(table, tx, tx.classId, "class");
  if ("code" in shareClass) return shareClass;
  const p = firstProblem(
    () => checkHolder(table, tx, tx.holder, "holder"),
    () => checkPositive(tx, tx.shares, "shares"),
    () => checkMoneyNotNegative(table, tx, tx.pricePerShare, "pricePerShare"),
  );
  if (p) return p;
  const lots = holderLotsFor(table, tx, tx.holder, tx.classId, tx.security);
  if ("code" in lots) return lots;
  const held = lots.reduce((sum, lot) => sum + lot.shares, 0n);
  if (held < tx.shares) {
    return reject(
      tx,
      "repurchase_exceeds_holding",
      `repurchases ${tx.shares} ${shareClass.name} shares from ${tx.holder}, who holds ${held}`,
      ["shares"],
    );
  }
  takeShares(table, lots, tx.shares);
  return undefined;
}

function applySplit(table: CapTable, tx: Split): Problem | undefined {
  const p = firstProblem(
    () => checkPositive(tx, tx.numerator, "numerator"),
    () => checkPositive(tx, tx.denominator, "denominator"),
    () => {
      for (const [i, id] of (tx.classIds ?? []).entries()) {
        if (!table.classes.has(id)) {
          return reject(
            tx,
            "deal_unknown_reference",
            message("names_unknown", { kind: "share class", id: id }),
            ["classes", i],
          );
        }
      }
      return undefined;
    },
  );
  if (p) return p;
  const ratio = Rational.of(tx.numerator, tx.denominator);
  const splitting = new Set<ShareClassId>(tx.classIds ?? table.classes.keys());
  const scaled = (n: bigint) => ratio.mulInt(n).floor();
  // Check authorized first so that the change below cannot fail.
  for (const id of splitting) {
    const shareClass = table.classes.get(id)!;
    if (shareClass.authorizedShares === undefined) continue;
    let issuedAfter = 0n;
    for (const lot of table.lotsOfClass(id)) issuedAfter += scaled(lot.shares);
    if (issuedAfter > scaled(shareClass.authorizedShares)) {
      return reject(
        tx,
        "issuance_exceeds_authorized",
        `would leave ${shareClass.name} above its authorized shares`,
      );
    }
  }
  // Past this point the split cannot fail (LED-7: each lot rounds down; fractions are paid in cash).
  for (const security of [...table.securities.values()]) {
    if (security.kind === "stock" && splitting.has(security.classId)) {
      const shares = scaled(security.shares);
      setLotShares(table, security, shares, security.investedAmount);
    } else if (
      (security.kind === "option" || security.kind === "warrant") &&
      splitting.has(security.classId)
    ) {
      const quantity = scaled(security.quantity);
      const exercisePrice = scaleMoney(security.exercisePrice, ratio.inverse());
      if (quantity === 0n) table.securities.delete(security.id);
      else if (security.kind === "option") {
        // The vesting base scales with the grant (LED-7, VEST-3): a split changes how many
        // units vest, never which fraction of the grant has vested.
        table.securities.set(security.id, {
          ...security,
          quantity,
          exercisePrice,
          granted: scaled(security.granted),
          exercised: scaled(security.exercised),
        });
      } else table.securities.set(security.id, { ...security, quantity, exercisePrice });
    }
  }
  for (const pool of [...table.pools.values()]) {
    if (splitting.has(pool.classId)) {
      const reserved = scaled(pool.reserved);
      const available = scaled(pool.available);
      table.pools.set(pool.id, { ...pool, reserved, available: available > reserved ? reserved : available });
    }
  }
  for (const shareClass of [...table.classes.values()]) {
    let updated: ShareClass = shareClass;
    if (splitting.has(shareClass.id)) {
      updated = {
        ...updated,
        authorizedShares:
          shareClass.authorizedShares === undefined ? undefined : scaled(shareClass.authorizedShares),
        originalIssuePrice:
          shareClass.originalIssuePrice && scaleMoney(shareClass.originalIssuePrice, ratio.inverse()),
        conversionPrice:
          shareClass.conversionPrice && scaleMoney(shareClass.conversionPrice, ratio.inverse()),
      };
    }
    // When the target class splits and this class does not, each share converts into more (CLS-2).
    const target = shareClass.convertsTo;
    if (target !== undefined && splitting.has(target) !== splitting.has(shareClass.id)) {
      const factor = splitting.has(target) ? ratio : ratio.inverse();
      updated = { ...updated, baseConversionRatio: updated.baseConversionRatio.mul(factor) };
    }
    if (updated !== shareClass) table.classes.set(shareClass.id, updated);
  }
  return undefined;
}

function applyPoolIncrease(table: CapTable, tx: PoolIncrease): Problem | undefined {
  const pool = table.pools.get(tx.poolId);
  if (!pool)
    return reject(
      tx,
      "deal_unknown_reference",
      message("names_unknown", { kind: "option pool", id: tx.poolId }),
      ["pool"],
    );
  if (tx.shares === 0n) return undefined;
  if (tx.shares < 0n && pool.available + tx.shares < 0n) {
    return reject(
      tx,
      "deal_invalid_field",
      `reduces pool ${pool.name} by more than its ${pool.available} available`,
      ["shares"],
    );
  }
  table.pools.set(pool.id, {
    ...pool,
    reserved: pool.reserved + tx.shares,
    available: pool.available + tx.shares,
  });
  return undefined;
}

function applyConversion(table: CapTable, tx: Conversion): Problem | undefined {
  const security = outstandingSecurity(table, tx, tx.security);
  if ("code" in security) return security;
  const p = checkNewSecurityId(table, tx, tx.resultingSecurity, "resultingSecurity");
  if (p) return p;
  if (security.kind === "stock" && tx.quantity !== undefined) {
    // P2P-5: part of a lot may convert; the rest stays in it.
    if (tx.quantity <= 0n || tx.quantity > security.shares) {
      return reject(
        tx,
        "deal_invalid_field",
        `converts ${tx.quantity} shares of "${tx.security}", which holds ${security.shares}`,
        ["quantity"],
      );
    }
  }
  if (security.kind === "stock" && tx.redesignation) return applyRedesignation(table, tx, security);
  if (security.kind === "stock") {
    const from = table.classes.get(security.classId)!;
    if (from.type !== "preferred" || from.convertsTo === undefined) {
      return reject(
        tx,
        "security_wrong_kind",
        `converts "${tx.security}", shares of ${from.name}, which do not convert`,
        ["security"],
      );
    }
    const toClassId = tx.toClassId ?? from.convertsTo;
    if (toClassId !== from.convertsTo) {
      return reject(
        tx,
        "deal_invalid_field",
        `converts ${from.name} into "${toClassId}"; it converts into "${from.convertsTo}"`,
        ["toClass"],
      );
    }
    const target = table.classes.get(toClassId)!;
    // CLS-3: conversion shares round down per lot (per part of a lot that converts, P2P-5).
    const converted = tx.quantity ?? security.shares;
    const shares = tx.shares ?? conversionRatio(from).mulInt(converted).floor();
    const q = firstProblem(
      () => checkPositive(tx, shares, "shares"),
      () => checkAuthorized(table, tx, target, shares, "shares"),
    );
    if (q) return q;
    splitOff(table, security, converted, {
      id: tx.resultingSecurity,
      classId: toClassId,
      shares,
      issueDate: tx.date,
    });
    return undefined;
  }
  if (security.kind === "safe" || security.kind === "note") {
    if (tx.toClassId === undefined || tx.shares === undefined) {
      return reject(
        tx,
        "deal_invalid_field",
        `converts a ${security.kind} outside a round; state toClass and shares`,
        [tx.toClassId === undefined ? "toClass" : "shares"],
      );
    }
    const target = checkClass(table, tx, tx.toClassId, "toClass");
    if ("code" in target) return target;
    const q = firstProblem(
      () => checkPositive(tx, tx.shares!, "shares"),
      () => checkAuthorized(table, tx, target, tx.shares!, "shares"),
    );
    if (q) return q;
    table.securities.delete(security.id);
    addLot(table, {
      kind: "stock",
      id: tx.resultingSecurity,
      holder: security.holder,
      classId: tx.toClassId,
      shares: tx.shares,
      issueDate: tx.date,
      investedAmount: security.kind === "safe" ? security.purchaseAmount : security.principal,
      vestingId: undefined,
      vestingStart: undefined,
    });
    return undefined;
  }
  return reject(
    tx,
    "security_wrong_kind",
    `converts "${tx.security}", a ${security.kind}; exercise it instead`,
    ["security"],
  );
}

/** A lot becomes as many shares of another class (TENDER-6, P2P-3). */
function applyRedesignation(table: CapTable, tx: Conversion, lot: StockLot): Problem | undefined {
  if (tx.toClassId === undefined) {
    return reject(tx, "deal_invalid_field", "re-designates shares without naming the class", ["toClass"]);
  }
  const target = checkClass(table, tx, tx.toClassId, "toClass");
  if ("code" in target) return target;
  const moved = tx.quantity ?? lot.shares;
  if (tx.shares !== undefined && tx.shares !== moved) {
    return reject(tx, "deal_invalid_field", `re-designates ${moved} shares as ${tx.shares}`, ["shares"]);
  }
  const q = checkAuthorized(table, tx, target, moved, "shares");
  if (q) return q;
  splitOff(table, lot, moved, {
    id: tx.resultingSecurity,
    classId: target.id,
    shares: moved,
    issueDate: tx.date,
  });
  return undefined;
}

/**
 * Takes `part` of a lot's shares into a new lot (a conversion or re-designation of all of it,
 * or of part of it, P2P-5): the rest stays in the lot, and the amount invested is shared pro
 * rata between them.
 */
function splitOff(
  table: CapTable,
  lot: StockLot,
  part: bigint,
  into: Pick<StockLot, "id" | "classId" | "shares" | "issueDate">,
): void {
  const whole = part === lot.shares;
  const rest = lot.shares - part;
  setLotShares(table, lot, rest, whole ? undefined : investedShare(lot, rest));
  addLot(table, { ...lot, ...into, investedAmount: whole ? lot.investedAmount : investedShare(lot, part) });
}

function applyConversionPriceAdjustment(table: CapTable, tx: ConversionPriceAdjustment): Problem | undefined {
  const shareClass = checkClass(table, tx, tx.classId, "class");
  if ("code" in shareClass) return shareClass;
  if (!tx.conversionPrice.amount.isPositive()) {
    return reject(tx, "deal_invalid_field", "sets a conversion price that is not positive", [
      "conversionPrice",
    ]);
  }
  table.classes.set(shareClass.id, { ...shareClass, conversionPrice: tx.conversionPrice });
  return undefined;
}

function applyAuthorizedSharesAdjustment(
  table: CapTable,
  tx: AuthorizedSharesAdjustment,
): Problem | undefined {
  const shareClass = checkClass(table, tx, tx.classId, "class");
  if ("code" in shareClass) return shareClass;
  if (tx.authorizedShares !== undefined) {
    if (tx.authorizedShares < 0n) {
      return reject(tx, "deal_invalid_field", "sets a negative number of authorized shares", [
        "authorizedShares",
      ]);
    }
    const issued = table.issuedByClass.get(shareClass.id) ?? 0n;
    if (tx.authorizedShares < issued) {
      return reject(
        tx,
        "issuance_exceeds_authorized",
        `sets ${shareClass.name} to ${tx.authorizedShares} authorized shares, below the ${issued} already issued`,
        ["authorizedShares"],
      );
    }
  }
  table.classes.set(shareClass.id, { ...shareClass, authorizedShares: tx.authorizedShares });
  return undefined;
}
