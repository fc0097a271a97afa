import { allocate } from "../exact/allocate.js";
import { Rational } from "../exact/rational.js";
import { type StakeholderId, securityId, transactionId } from "../shared/ids.js";
import { type Problem, problem } from "../shared/problem.js";
import type { CapTable } from "./cap-table.js";
import type { Conversion, Repurchase, Tender, TenderPart, Transaction, Transfer } from "./transaction.js";

/** Who takes shares in a tender, in the order they are served (TENDER-4). */
interface Taker {
  readonly kind: "company" | "investor" | "buyer";
  readonly holder: StakeholderId | undefined;
  readonly shares: bigint;
}

/** How a tender comes out: what each seller sells and each taker takes (TENDER-2..TENDER-4). */
export interface TenderOutcome {
  /** Shares sold in all: the cap, or what is offered when less. */
  readonly sold: bigint;
  /** Shares each seller sells, in the order of `sellers`. */
  readonly sellers: readonly bigint[];
  readonly companyTakes: bigint;
  /** Shares each investor with a right of first refusal takes, in order. */
  readonly investors: readonly bigint[];
  /** Shares each buyer takes, in order. */
  readonly buyers: readonly bigint[];
}

function reject(tx: Tender, code: Problem["code"], text: string, field: readonly (string | number)[]) {
  return problem(
    code,
    `transaction ${tx.id} (tender, ${tx.date}) ${text}`,
    tx.path === undefined ? undefined : [...tx.path, ...field],
  );
}

const sum = (parts: readonly bigint[]) => parts.reduce((a, b) => a + b, 0n);

/**
 * The shares each party sells and takes (TENDER-2..TENDER-4), from the tender alone: sold is
 * the cap (by default what the company, investors and buyers ask for), or what the sellers
 * offer when that is less; a cutback among sellers, and among buyers, is pro rata to what
 * each offered or asked for, by the largest remainder (EXACT-3); the company, then the
 * investors in order, take what they asked for before the buyers.
 */
export function tenderOutcome(tx: Tender): TenderOutcome {
  const offered = sum(tx.sellers.map((s) => s.shares));
  const refusals = (tx.companyFirstRefusal ?? 0n) + sum(tx.investorFirstRefusal.map((i) => i.shares));
  const demand = refusals + sum(tx.buyers.map((b) => b.shares));
  const cap = tx.cap ?? demand;
  const sold = offered < cap ? offered : cap;
  const sellers =
    sold === offered
      ? tx.sellers.map((s) => s.shares)
      : allocate(
          sold,
          tx.sellers.map((s) => Rational.of(s.shares)),
        );
  let left = sold;
  const take = (asked: bigint) => {
    const taken = asked < left ? asked : left;
    left -= taken;
    return taken;
  };
  const companyTakes = take(tx.companyFirstRefusal ?? 0n);
  const investors = tx.investorFirstRefusal.map((i) => take(i.shares));
  const asked = sum(tx.buyers.map((b) => b.shares));
  const buyers =
    left === asked
      ? tx.buyers.map((b) => b.shares)
      : left === 0n
        ? tx.buyers.map(() => 0n)
        : allocate(
            left,
            tx.buyers.map((b) => Rational.of(b.shares)),
          );
  return { sold, sellers, companyTakes, investors, buyers };
}

/** The checks of TENDER-1 against the cap table before the tender. */
function checkTender(table: CapTable, tx: Tender): Problem | undefined {
  const shareClass = table.classes.get(tx.classId);
  if (!shareClass)
    return reject(tx, "deal_unknown_reference", `names unknown share class "${tx.classId}"`, ["class"]);
  if (tx.buyersClassId !== undefined && !table.classes.has(tx.buyersClassId)) {
    return reject(tx, "deal_unknown_reference", `names unknown share class "${tx.buyersClassId}"`, [
      "buyersClass",
    ]);
  }
  if (tx.buyersClassId === tx.classId) {
    return reject(
      tx,
      "deal_invalid_field",
      `re-designates the buyers' shares as "${tx.classId}", the class sold`,
      ["buyersClass"],
    );
  }
  if (tx.pricePerShare.amount.isNegative())
    return reject(tx, "deal_invalid_field", "has a negative price", ["price"]);
  if (tx.sellers.length === 0) return reject(tx, "deal_invalid_field", "has no sellers", ["sellers"]);
  const groups: [string, readonly TenderPart[]][] = [
    ["sellers", tx.sellers],
    ["buyers", tx.buyers],
    ["investors", tx.investorFirstRefusal],
  ];
  for (const [group, parts] of groups) {
    const field = group === "investors" ? ["firstRefusal", "investors"] : [group];
    const seen = new Set<string>();
    for (const [i, part] of parts.entries()) {
      if (!table.stakeholders.has(part.holder)) {
        return reject(tx, "deal_unknown_reference", `names unknown stakeholder "${part.holder}"`, [
          ...field,
          i,
          "holder",
        ]);
      }
      if (seen.has(part.holder)) {
        return reject(tx, "deal_duplicate_id", `names ${part.holder} twice among its ${group}`, [
          ...field,
          i,
          "holder",
        ]);
      }
      seen.add(part.holder);
      if (part.shares <= 0n) {
        return reject(tx, "deal_invalid_field", `needs a positive number of shares, got ${part.shares}`, [
          ...field,
          i,
          "shares",
        ]);
      }
    }
  }
  for (const [i, seller] of tx.sellers.entries()) {
    const held = table.sharesHeld(seller.holder, tx.classId);
    if (seller.shares > held) {
      return reject(
        tx,
        "tender_exceeds_holding",
        `has ${seller.holder} offer ${seller.shares} ${shareClass.name} shares, and ${seller.holder} holds ${held}`,
        ["sellers", i, "shares"],
      );
    }
    if (
      tx.buyers.some((b) => b.holder === seller.holder) ||
      tx.investorFirstRefusal.some((b) => b.holder === seller.holder)
    ) {
      return reject(tx, "deal_invalid_field", `has ${seller.holder} both sell and buy`, [
        "sellers",
        i,
        "holder",
      ]);
    }
  }
  if (tx.companyFirstRefusal !== undefined && tx.companyFirstRefusal <= 0n) {
    return reject(
      tx,
      "deal_invalid_field",
      "needs a positive number of shares for the company's first refusal",
      ["firstRefusal", "company"],
    );
  }
  const demand =
    (tx.companyFirstRefusal ?? 0n) +
    sum(tx.investorFirstRefusal.map((i) => i.shares)) +
    sum(tx.buyers.map((b) => b.shares));
  if (demand === 0n)
    return reject(tx, "deal_invalid_field", "has neither buyers nor a first refusal", ["buyers"]);
  if (tx.cap !== undefined && (tx.cap <= 0n || tx.cap > demand)) {
    return reject(
      tx,
      "deal_invalid_field",
      `has a cap of ${tx.cap} shares, ${tx.cap <= 0n ? "not positive" : `above the ${demand} the company, investors and buyers take`}`,
      ["cap"],
    );
  }
  return undefined;
}

/**
 * The primitive transactions a tender comes to (TENDER-5, TENDER-6), or why it cannot apply:
 * sellers in order fill the takers in order (the company, the investors, the buyers); each
 * seller-taker pair is one transfer, or a repurchase for the company, at the tender price;
 * a buyer's lot is then re-designated as the buyers' class when the tender names one.
 */
export function expandTender(table: CapTable, tx: Tender): Transaction[] | Problem {
  const p = checkTender(table, tx);
  if (p) return p;
  const outcome = tenderOutcome(tx);
  const takers: Taker[] = [
    { kind: "company", holder: undefined, shares: outcome.companyTakes },
    ...tx.investorFirstRefusal.map((i, k) => ({
      kind: "investor" as const,
      holder: i.holder,
      shares: outcome.investors[k]!,
    })),
    ...tx.buyers.map((b, k) => ({ kind: "buyer" as const, holder: b.holder, shares: outcome.buyers[k]! })),
  ];
  const out: Transaction[] = [];
  let n = 0;
  let t = 0;
  let takerLeft = takers[0]!.shares;
  for (const [s, seller] of tx.sellers.entries()) {
    let sellerLeft = outcome.sellers[s]!;
    while (sellerLeft > 0n) {
      while (takerLeft === 0n) {
        t += 1;
        takerLeft = takers[t]!.shares;
      }
      const taker = takers[t]!;
      const shares = sellerLeft < takerLeft ? sellerLeft : takerLeft;
      sellerLeft -= shares;
      takerLeft -= shares;
      n += 1;
      const id = `${tx.id}-${n}`;
      const base = { id: transactionId(id), date: tx.date, ...(tx.path ? { path: tx.path } : {}) };
      if (taker.kind === "company") {
        const repurchase: Repurchase = {
          ...base,
          type: "repurchase",
          holder: seller.holder,
          classId: tx.classId,
          shares,
          security: undefined,
          pricePerShare: tx.pricePerShare,
        };
        out.push(repurchase);
        continue;
      }
      const transfer: Transfer = {
        ...base,
        type: "transfer",
        from: seller.holder,
        to: taker.holder!,
        classId: tx.classId,
        shares,
        security: undefined,
        resultingSecurity: securityId(id),
        pricePerShare: tx.pricePerShare,
      };
      out.push(transfer);
      if (taker.kind === "buyer" && tx.buyersClassId !== undefined) {
        const redesignation: Conversion = {
          id: transactionId(`${id}-r`),
          date: tx.date,
          ...(tx.path ? { path: tx.path } : {}),
          type: "conversion",
          security: securityId(id),
          toClassId: tx.buyersClassId,
          shares,
          resultingSecurity: securityId(`${id}-r`),
          redesignation: true,
        };
        out.push(redesignation);
      }
    }
  }
  return out;
}
