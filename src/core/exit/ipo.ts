import type { Currency } from "../exact/money.js";
import { Rational } from "../exact/rational.js";
import type { ShareClassId, StakeholderId } from "../shared/ids.js";
import { fail, ok, type Result } from "../shared/problem.js";
import type { ExitModel } from "./model.js";
import type { ExitPosition, PositionKind } from "./position.js";

/** How the IPO is priced: a price per common share, or a pre-IPO fully diluted valuation (EXIT-18). */
export type IpoPricing = (
  | { readonly kind: "price_per_share"; readonly price: Rational }
  | { readonly kind: "pre_ipo_valuation"; readonly valuation: Rational }
) & {
  /** The offering's gross proceeds, which a class's qualified-IPO minimum is measured against (IPO-Q-4). */
  readonly grossProceeds?: Rational;
};

/**
 * Whether the IPO is not qualified for a class (IPO-Q-2, IPO-Q-4): its price is below the
 * class's qualified-IPO price, or its gross proceeds below the class's minimum.
 */
function unqualified(p: ExitPosition, price: Rational, proceeds: Rational | undefined): boolean {
  if (p.qualifiedIpoPrice?.gt(price)) return true;
  const minimum = p.qualifiedIpoMinProceeds;
  return minimum !== undefined && proceeds?.lt(minimum) === true;
}

export type IpoState =
  | "common"
  | "converts"
  | "ratchet"
  | "cash_out"
  | "exercises"
  | "out_of_the_money"
  | "does_not_convert"
  /** Below its qualified-IPO price the class need not convert, and keeping its preference is worth more (IPO-Q-2). */
  | "keeps_preference";

export interface IpoPositionValue {
  readonly position: string;
  readonly kind: PositionKind;
  readonly label: string;
  readonly classId: ShareClassId | undefined;
  readonly state: IpoState;
  /** Common shares held after the IPO conversions (exact; fractions are settled in cash at the IPO price). */
  readonly shares: Rational;
  /** Cash received instead of shares (a SAFE's or note's cash-out). */
  readonly cash: Rational;
  /** shares × price + cash, net of any exercise price for options and warrants. */
  readonly value: Rational;
}

export interface IpoHolderValue {
  readonly holder: StakeholderId;
  readonly name: string;
  readonly shares: Rational;
  readonly cash: Rational;
  readonly value: Rational;
}

export interface IpoOutcome {
  readonly currency: Currency;
  readonly pricePerShare: Rational;
  /** Pre-IPO fully diluted value at that price (EXIT-18): equals the valuation when one was given. */
  readonly preIpoValuation: Rational;
  readonly positions: readonly IpoPositionValue[];
  readonly holders: readonly IpoHolderValue[];
}

/**
 * The value of every position at an IPO (EXIT-18): every preferred class converts into
 * common, at a higher rate when its IPO ratchet applies (so that it receives
 * ipoRatchetMultiple × original issue price per share); SAFEs and notes take the greater
 * of their cash-out and conversion; options and warrants are worth their intrinsic value.
 */
export function ipoOutcome(model: ExitModel, pricing: IpoPricing): Result<IpoOutcome> {
  const proceeds = pricing.grossProceeds;
  if (proceeds?.isNegative()) {
    return fail(
      "exit_value_negative",
      `the IPO's gross proceeds ${proceeds.toDecimalString()} are negative`,
      ["ipo", "proceeds"],
    );
  }
  // IPO-Q-4: a class whose qualified IPO needs a minimum of gross proceeds cannot be judged without them.
  const needsProceeds = model.positions.find((p) => p.qualifiedIpoMinProceeds !== undefined);
  if (needsProceeds && proceeds === undefined) {
    return fail(
      "exit_terms_invalid",
      `${needsProceeds.label} converts at an IPO only when its gross proceeds are at least ${needsProceeds.qualifiedIpoMinProceeds!.toDecimalString()} (qualifiedIpoMinProceeds): give the offering's gross proceeds (--ipo-proceeds, or ipoProceeds)`,
      ["ipo", "proceeds"],
    );
  }
  let price: Rational;
  if (pricing.kind === "price_per_share") {
    if (pricing.price.isNegative()) {
      return fail("exit_value_negative", `the IPO price ${pricing.price.toDecimalString()} is negative`, [
        "ipo",
        "price",
      ]);
    }
    if (pricing.price.isZero()) return fail("exit_terms_invalid", "the IPO price is zero", ["ipo", "price"]);
    price = pricing.price;
  } else {
    if (pricing.valuation.isNegative()) {
      return fail(
        "exit_value_negative",
        `the pre-IPO valuation ${pricing.valuation.toDecimalString()} is negative`,
        ["ipo", "valuation"],
      );
    }
    // Solved as if every class converted; IPO-Q-3 below refuses the price if one need not.
    const allConvert = {
      ...model,
      positions: model.positions.map(({ qualifiedIpoPrice: _, qualifiedIpoMinProceeds: __, ...p }) => p),
    };
    const solved = priceForValuation(allConvert, pricing.valuation);
    if (solved === undefined) {
      return fail(
        "exit_terms_invalid",
        `a pre-IPO valuation of ${pricing.valuation.toDecimalString()} is at or below what the IPO ratchets and uncapped SAFEs alone are guaranteed; no price per share gives it`,
        ["ipo", "valuation"],
      );
    }
    price = solved;
    // IPO-Q-3: the valuation is shared by the classes that convert; when a class's qualified-IPO
    // price is above the price found, which classes convert changes the price: not solved here.
    const notQualified = model.positions.find((p) => unqualified(p, price, proceeds));
    if (notQualified !== undefined) {
      return fail(
        "exit_terms_invalid",
        notQualified.qualifiedIpoPrice?.gt(price)
          ? `a pre-IPO valuation of ${pricing.valuation.toDecimalString()} prices the IPO at ${price.toDecimalString(10)} a share, below the qualified-IPO price ${notQualified.qualifiedIpoPrice!.toDecimalString()} of ${notQualified.label}; give the IPO price per share instead`
          : `gross proceeds of ${proceeds!.toDecimalString()} are below the qualified-IPO minimum ${notQualified.qualifiedIpoMinProceeds!.toDecimalString()} of ${notQualified.label}, so which classes convert changes the price a pre-IPO valuation gives; give the IPO price per share instead`,
        ["ipo", "valuation"],
      );
    }
  }

  const positions = model.positions.map((p) => positionValue(p, price, proceeds));
  const shares = new Map<StakeholderId, Rational>();
  const cash = new Map<StakeholderId, Rational>();
  const value = new Map<StakeholderId, Rational>();
  const add = (m: Map<StakeholderId, Rational>, h: StakeholderId, v: Rational) => {
    if (!v.isZero()) m.set(h, (m.get(h) ?? Rational.ZERO).add(v));
  };
  for (const [i, position] of model.positions.entries()) {
    const v = positions[i]!;
    for (const stake of position.holders) {
      const w = position.units === 0n ? Rational.ZERO : Rational.of(stake.units, position.units);
      add(shares, stake.holder, v.shares.mul(w));
      add(cash, stake.holder, v.cash.mul(w));
      add(value, stake.holder, v.value.mul(w));
    }
  }
  return ok({
    currency: model.currency,
    pricePerShare: price,
    preIpoValuation: fullyDilutedValue(model, price, proceeds),
    positions,
    holders: model.holders.map(({ id, name }) => ({
      holder: id,
      name,
      shares: shares.get(id) ?? Rational.ZERO,
      cash: cash.get(id) ?? Rational.ZERO,
      value: value.get(id) ?? Rational.ZERO,
    })),
  });
}

function positionValue(p: ExitPosition, price: Rational, proceeds: Rational | undefined): IpoPositionValue {
  const base = { position: p.id, kind: p.kind, label: p.label, classId: p.classId };
  const zero = Rational.ZERO;
  const asConverted = p.shares.mul(price);
  switch (p.kind) {
    case "shares": {
      if (p.rights.kind === "fixed") {
        // A preferred class with no class to convert into stays outstanding: no IPO value is computed.
        return { ...base, state: "does_not_convert", shares: zero, cash: zero, value: zero };
      }
      if (unqualified(p, price, proceeds)) {
        // IPO-Q-2: not a qualified IPO for this class, so conversion is the holders' choice; they
        // convert only when the common (with any ratchet) is worth at least the preference they keep.
        const converted = p.ipoMinimumValue ? Rational.max(p.ipoMinimumValue, asConverted) : asConverted;
        if (converted.lt(p.preference)) {
          return { ...base, state: "keeps_preference", shares: zero, cash: zero, value: zero };
        }
      }
      if (p.ipoMinimumValue?.gt(asConverted)) {
        return {
          ...base,
          state: "ratchet",
          shares: p.ipoMinimumValue.div(price),
          cash: zero,
          value: p.ipoMinimumValue,
        };
      }
      return {
        ...base,
        state: p.rights.kind === "common" ? "common" : "converts",
        shares: p.shares,
        cash: zero,
        value: asConverted,
      };
    }
    case "options":
    case "warrant": {
      const strike = p.rights.kind === "option" ? p.rights.strike : zero;
      if (!price.gt(strike))
        return { ...base, state: "out_of_the_money", shares: zero, cash: zero, value: zero };
      return {
        ...base,
        state: "exercises",
        shares: p.shares,
        cash: zero,
        value: p.shares.mul(price.sub(strike)),
      };
    }
    case "safe":
    case "note": {
      if (p.rights.kind === "fixed") {
        // A SAFE without a cap converts at the IPO price (times its discount rate); a note
        // without a cap is repaid.
        return p.kind === "safe"
          ? { ...base, state: "converts", shares: p.preference.div(price), cash: zero, value: p.preference }
          : { ...base, state: "cash_out", shares: zero, cash: p.preference, value: p.preference };
      }
      return asConverted.gt(p.preference)
        ? { ...base, state: "converts", shares: p.shares, cash: zero, value: asConverted }
        : { ...base, state: "cash_out", shares: zero, cash: p.preference, value: p.preference };
    }
  }
}

/**
 * The pre-IPO fully diluted value at `price` (EXIT-18): every as-converted share (with IPO
 * ratchet shares), every option and warrant, every capped SAFE and note as converted, and
 * the shares uncapped SAFEs convert into, times the price.
 */
export function fullyDilutedValue(
  model: ExitModel,
  price: Rational,
  proceeds: Rational | undefined = undefined,
): Rational {
  let total = Rational.ZERO;
  for (const p of model.positions) total = total.add(fullyDilutedPart(p, price, proceeds));
  return total;
}

function fullyDilutedPart(p: ExitPosition, price: Rational, proceeds: Rational | undefined): Rational {
  if (p.rights.kind === "fixed") return p.kind === "safe" ? p.preference : Rational.ZERO;
  const asConverted = p.shares.mul(price);
  const converted =
    p.ipoMinimumValue !== undefined ? Rational.max(asConverted, p.ipoMinimumValue) : asConverted;
  // A class that keeps its preference below its qualified-IPO price holds no common (IPO-Q-2).
  if (unqualified(p, price, proceeds) && converted.lt(p.preference)) return Rational.ZERO;
  return converted;
}

/**
 * The price per share at which the fully diluted value equals `valuation`. The value is
 * continuous, piecewise linear and increasing in the price (kinks where a ratchet stops
 * applying), so the price is found exactly on the right piece; undefined when the
 * valuation does not exceed the value at a price of zero.
 */
export function priceForValuation(model: ExitModel, valuation: Rational): Rational | undefined {
  const kinks: Rational[] = [];
  for (const p of model.positions) {
    if (p.ipoMinimumValue !== undefined && p.shares.isPositive() && p.rights.kind !== "fixed") {
      kinks.push(p.ipoMinimumValue.div(p.shares));
    }
  }
  kinks.sort((a, b) => a.cmp(b));
  let lo = Rational.ZERO;
  let valueLo = fullyDilutedValue(model, lo);
  if (valuation.lte(valueLo)) return undefined;
  for (const kink of [...kinks, undefined]) {
    const hi = kink ?? lo.add(Rational.ONE);
    const valueHi = fullyDilutedValue(model, hi);
    const slope = hi.eq(lo) ? Rational.ZERO : valueHi.sub(valueLo).div(hi.sub(lo));
    if (kink === undefined || valuation.lte(valueHi)) {
      if (slope.isZero()) return undefined;
      return lo.add(valuation.sub(valueLo).div(slope));
    }
    lo = hi;
    valueLo = valueHi;
  }
  return undefined;
}
