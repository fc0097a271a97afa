import { Rational } from "../exact/rational.js";
import { type StakeholderId, securityId, transactionId } from "../shared/ids.js";
import { type Problem, problem } from "../shared/problem.js";
import type { CapTable } from "./cap-table.js";
import type { StockLot } from "./security.js";
import { conversionRatio } from "./share-class.js";
import type { Conversion, PayToPlay, Transaction } from "./transaction.js";

/** One holder of the classes under pay-to-play, and what it did in the financing (P2P-2). */
export interface PayToPlayHolder {
  readonly holder: StakeholderId;
  /** Common shares its shares of the classes convert into now (exact, not rounded). */
  readonly asConverted: Rational;
  /** Its pro-rata share of the offered shares: offered × asConverted ÷ all holders' asConverted. */
  readonly proRata: Rational;
  /** Shares of the round class it bought from `since` to the date. */
  readonly purchased: bigint;
  /** Whether it bought at least its pro rata (P2P-2); if not, its shares convert (P2P-3). */
  readonly participated: boolean;
}

function reject(tx: PayToPlay, code: Problem["code"], text: string, field: readonly (string | number)[]) {
  return problem(
    code,
    `transaction ${tx.id} (pay_to_play, ${tx.date}) ${text}`,
    tx.path === undefined ? undefined : [...tx.path, ...field],
  );
}

function checkPayToPlay(table: CapTable, tx: PayToPlay): Problem | undefined {
  if (tx.classIds.length === 0) return reject(tx, "deal_invalid_field", "names no class", ["classes"]);
  for (const [i, classId] of tx.classIds.entries()) {
    const c = table.classes.get(classId);
    if (!c)
      return reject(tx, "deal_unknown_reference", `names unknown share class "${classId}"`, ["classes", i]);
    if (c.type !== "preferred") {
      return reject(
        tx,
        "deal_invalid_field",
        `names ${c.name}, a common class; pay-to-play applies to preferred`,
        ["classes", i],
      );
    }
    if (tx.classIds.indexOf(classId) !== i) {
      return reject(tx, "deal_duplicate_id", `names class "${classId}" twice`, ["classes", i]);
    }
  }
  if (!table.classes.has(tx.roundClassId)) {
    return reject(tx, "deal_unknown_reference", `names unknown share class "${tx.roundClassId}"`, [
      "roundClass",
    ]);
  }
  if (tx.classIds.includes(tx.roundClassId)) {
    return reject(
      tx,
      "deal_invalid_field",
      `names the round's class "${tx.roundClassId}" among the classes that must play`,
      ["roundClass"],
    );
  }
  if (tx.shadowClassId !== undefined) {
    if (!table.classes.has(tx.shadowClassId)) {
      return reject(tx, "deal_unknown_reference", `names unknown share class "${tx.shadowClassId}"`, [
        "shadowClass",
      ]);
    }
    if (tx.classIds.includes(tx.shadowClassId)) {
      return reject(
        tx,
        "deal_invalid_field",
        `re-designates into "${tx.shadowClassId}", one of the classes that must play`,
        ["shadowClass"],
      );
    }
  }
  if (tx.offered <= 0n) {
    return reject(tx, "deal_invalid_field", `needs a positive number of offered shares, got ${tx.offered}`, [
      "offered",
    ]);
  }
  if (tx.since !== undefined && tx.since > tx.date) {
    return reject(tx, "deal_invalid_field", `counts purchases since ${tx.since}, after its own date`, [
      "since",
    ]);
  }
  return undefined;
}

/** Each holder of the classes under pay-to-play, in order of first appearance, and whether it played (P2P-2). */
export function payToPlayHolders(table: CapTable, tx: PayToPlay): PayToPlayHolder[] {
  const since = tx.since ?? tx.date;
  const asConverted = new Map<StakeholderId, Rational>();
  for (const classId of tx.classIds) {
    const shareClass = table.classes.get(classId)!;
    const ratio = conversionRatio(shareClass);
    const lots = table.lotsOfClass(classId).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const lot of lots) {
      asConverted.set(
        lot.holder,
        (asConverted.get(lot.holder) ?? Rational.ZERO).add(ratio.mulInt(lot.shares)),
      );
    }
  }
  const total = Rational.sum([...asConverted.values()]);
  const holders: PayToPlayHolder[] = [];
  for (const [holder, held] of asConverted) {
    const proRata = total.isZero() ? Rational.ZERO : Rational.of(tx.offered).mul(held).div(total);
    let purchased = 0n;
    for (const lot of table.lotsOf(holder, tx.roundClassId)) {
      if (lot.issueDate >= since && lot.issueDate <= tx.date) purchased += lot.shares;
    }
    holders.push({
      holder,
      asConverted: held,
      proRata,
      purchased,
      participated: Rational.of(purchased).gte(proRata),
    });
  }
  return holders;
}

/**
 * The conversions pay-to-play comes to (P2P-3), or why it cannot apply: every lot of the
 * classes held by a holder that did not play converts whole into its common class at the
 * class's current conversion rate (CLS-3), or, with a shadow class, becomes as many shares
 * of it.
 */
export function expandPayToPlay(table: CapTable, tx: PayToPlay): Transaction[] | Problem {
  const p = checkPayToPlay(table, tx);
  if (p) return p;
  const out: Transaction[] = [];
  let n = 0;
  for (const holder of payToPlayHolders(table, tx)) {
    if (holder.participated) continue;
    for (const classId of tx.classIds) {
      const lots: StockLot[] = table.lotsOf(holder.holder, classId);
      // P2P-5: the partial form converts the fraction not bought, rounded down per class,
      // taken from the holder's lots oldest first; the NVCA form converts every lot whole.
      let left =
        tx.form === "partial"
          ? partialConversion(
              lots.reduce((sum, lot) => sum + lot.shares, 0n),
              holder.proRata,
              holder.purchased,
            )
          : undefined;
      for (const lot of lots) {
        const quantity = left === undefined ? lot.shares : left < lot.shares ? left : lot.shares;
        if (quantity === 0n) break;
        if (left !== undefined) left -= quantity;
        n += 1;
        const id = `${tx.id}-${n}`;
        const conversion: Conversion = {
          id: transactionId(id),
          date: tx.date,
          ...(tx.path ? { path: tx.path } : {}),
          type: "conversion",
          security: lot.id,
          toClassId: tx.shadowClassId,
          shares: tx.shadowClassId === undefined ? undefined : quantity,
          resultingSecurity: securityId(id),
          ...(quantity === lot.shares ? {} : { quantity }),
          ...(tx.shadowClassId === undefined ? {} : { redesignation: true as const }),
        };
        out.push(conversion);
      }
    }
  }
  return out;
}

/**
 * The shares of a class a holder converts under a partial pay-to-play (P2P-5): its shares ×
 * (pro rata − bought) ÷ pro rata, rounded down (a holder never converts more than the
 * fraction it did not take up); none when it bought its pro rata.
 */
export function partialConversion(held: bigint, proRata: Rational, purchased: bigint): bigint {
  if (!proRata.isPositive() || Rational.of(purchased).gte(proRata)) return 0n;
  return proRata.sub(Rational.of(purchased)).div(proRata).mulInt(held).floor();
}
