import type { Money } from "../exact/money.js";
import type { ConvertibleNote, Safe } from "../ledger/security.js";
import type { ShareClass } from "../ledger/share-class.js";
import { type SecurityId, type ShareClassId, shareClassId } from "../shared/ids.js";

/** A converting SAFE or note, with the price it converts at. */
export interface ShadowConversion {
  readonly security: SecurityId;
  readonly conversionPrice: Money;
  readonly shares: bigint;
}

export interface ShadowSeriesPlan {
  /** The sub-series the round creates, in the order of their first conversion. */
  readonly classes: readonly ShareClass[];
  /** The class each instrument converts into, when it is a sub-series. */
  readonly classOf: ReadonlyMap<SecurityId, ShareClassId>;
}

/**
 * Whether an instrument converts into a shadow series (SAFE-6): a SAFE unless its terms say
 * otherwise (the YC safes' "Safe Preferred Stock"), a note only when its terms say so.
 */
export function convertsIntoShadowSeries(instrument: Safe | ConvertibleNote): boolean {
  return instrument.shadowSeries ?? instrument.kind === "safe";
}

/**
 * The shadow series of a round (SAFE-6). The YC post-money safe (definition of "Safe
 * Preferred Stock") gives a converting safe the rights of the Standard Preferred Stock other
 * than the per share liquidation preference and the anti-dilution conversion price, which
 * equal its Conversion Price, and the basis of dividend rights, which is its Conversion Price
 * (the pre-money safe names only the first two; roundtable applies all three). Each distinct conversion price below or above the class's original
 * issue price makes one sub-series of the class: the same type, seniority, participation,
 * dividends rate, anti-dilution method and target class, with the conversion price as its
 * own original issue price and conversion price. Instruments that convert at the class's own
 * price need no sub-series. Ids are the class's id with -1, -2, … (skipping ids taken).
 */
export function planShadowSeries(
  parent: ShareClass,
  conversions: readonly ShadowConversion[],
  instruments: ReadonlyMap<SecurityId, Safe | ConvertibleNote>,
  isTaken: (id: ShareClassId) => boolean,
): ShadowSeriesPlan {
  const classes: ShareClass[] = [];
  const classOf = new Map<SecurityId, ShareClassId>();
  if (parent.type !== "preferred") return { classes, classOf };
  const byPrice = new Map<string, ShareClass>();
  let next = 1;
  for (const conversion of conversions) {
    const instrument = instruments.get(conversion.security);
    if (!instrument || !convertsIntoShadowSeries(instrument) || conversion.shares === 0n) continue;
    const price = conversion.conversionPrice;
    const oip = parent.originalIssuePrice;
    if (oip && oip.currency === price.currency && oip.amount.eq(price.amount)) continue;
    const key = `${price.currency} ${price.amount.toString()}`;
    let series = byPrice.get(key);
    if (!series) {
      let id = shareClassId(`${parent.id}-${next}`);
      while (isTaken(id)) id = shareClassId(`${parent.id}-${++next}`);
      series = {
        ...parent,
        id,
        name: `${parent.name}-${next}`,
        authorizedShares: undefined,
        originalIssuePrice: price,
        conversionPrice: price,
      };
      next += 1;
      byPrice.set(key, series);
      classes.push(series);
    }
    classOf.set(conversion.security, series.id);
  }
  return { classes, classOf };
}
