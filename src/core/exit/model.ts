import { type Currency, convert, type Money } from "../exact/money.js";
import { Rational } from "../exact/rational.js";
import { resolveMfnTerms } from "../instruments/mfn.js";
import { noteBalance } from "../instruments/note-interest.js";
import type { CapTable } from "../ledger/cap-table.js";
import type { ConvertibleNote, OptionGrant, Safe, Warrant } from "../ledger/security.js";
import { conversionRatio, type ShareClass } from "../ledger/share-class.js";
import { vestedOnChangeOfControl } from "../ledger/vesting.js";
import { dayNumber } from "../shared/date.js";
import type { ShareClassId, StakeholderId } from "../shared/ids.js";
import { type FieldPath, fail, formatPath, ok, type Result } from "../shared/problem.js";
import type { ExitPosition, HolderStake, Rights, StackClaim } from "./position.js";
import { type ResolvedExitTerms, resolveExitTerms } from "./resolved-terms.js";
import type { ExitTerms } from "./terms.js";

/** Note repayments rank above every class of stock and every SAFE (EXIT-12). */
export const NOTE_LEVEL = Number.POSITIVE_INFINITY;
/** The extra claim of a discount-only SAFE ranks below every preference, just above common (EXIT-11). */
export const JUNIOR_LEVEL = Number.NEGATIVE_INFINITY;

const DAYS_PER_YEAR = 365n;

/** A seniority level of the preference stack: the claims paid pari passu at that level. */
export interface StackLevel {
  readonly level: number;
  readonly total: Rational;
  readonly entries: readonly { readonly position: number; readonly amount: Rational }[];
}

/**
 * Everything the exit computations need, read once from a cap table and exit terms:
 * the positions with their rights, preference claims and as-converted shares, the
 * preference stack by seniority, and the holders. Built by `prepareExit`; immutable.
 */
export type { ResolvedExitTerms };

export interface ExitModel {
  readonly currency: Currency;
  readonly terms: ResolvedExitTerms;
  readonly positions: readonly ExitPosition[];
  /** Seniority levels, most senior first; levels whose claims are all zero are left out. */
  readonly levels: readonly StackLevel[];
  /** Every stakeholder, in the order the ledger declares them. */
  readonly holders: readonly { readonly id: StakeholderId; readonly name: string }[];
  /** The Liquidity Capitalization post-money SAFEs convert against (EXIT-11). */
  readonly liquidityCapitalization: Rational;
  /** Outstanding options left out because they are unvested at the exit (EXIT-10). */
  readonly unvestedOptionsExcluded: bigint;
}

/** A holder's lots of a class whose claims are not proportional to shares (EXIT-4, EXIT-6). */
interface ClaimParts {
  /** Shares whose preference base is the original issue price. */
  atIssuePrice: bigint;
  /** Invested amounts of the lots with an amount-invested base. */
  invested: Rational;
  /** Σ shares × days from issue to the exit, for cumulative dividends. */
  shareDays: bigint;
}

/**
 * Reads the cap table and the exit terms into an ExitModel, or returns the first problem
 * with them (docs/spec/exit.md EXIT-1..EXIT-13). Pure; the cap table is not changed.
 */
export function prepareExit(table: CapTable, terms: ExitTerms): Result<ExitModel> {
  const currency = table.company.currency;
  const inCurrency = (value: Money): Rational | undefined =>
    convert(value, currency, table.company.exchangeRates)?.amount;
  const noRate = (value: Money, field: FieldPath) =>
    fail(
      "currency_without_rate",
      `${formatPath(field)} is in ${value.currency} and the deal gives no rate to ${currency}`,
      field,
    );

  const resolved = resolveExitTerms(table, terms);
  if (!resolved.ok) return resolved;
  const { terminated, ...resolvedTerms } = resolved.value;
  const exitDate = terms.exitDate;

  const holderIndex = new Map<StakeholderId, number>();
  for (const id of table.stakeholders.keys()) holderIndex.set(id, holderIndex.size);

  // --- Share classes: conversion into common, preference, cap ---------------------------
  const classIndex = new Map<ShareClassId, number>();
  for (const id of table.classes.keys()) classIndex.set(id, classIndex.size);
  const classPath = (id: ShareClassId, ...rest: (string | number)[]): FieldPath => [
    "classes",
    classIndex.get(id)!,
    ...rest,
  ];

  /** Common shares per share of a class, following convertsTo to a common class (CLS-2). */
  const commonRatio = new Map<ShareClassId, Rational>();
  const ratioOf = (c: ShareClass): Rational => {
    const known = commonRatio.get(c.id);
    if (known) return known;
    let ratio = Rational.ONE;
    let current: ShareClass | undefined = c;
    // The class structure was checked acyclic on replay (CLS-1); the bound is a guard.
    for (let step = 0; current && current.type === "preferred" && step <= table.classes.size; step++) {
      ratio = ratio.mul(conversionRatio(current));
      current = current.convertsTo === undefined ? undefined : table.classes.get(current.convertsTo);
    }
    commonRatio.set(c.id, ratio);
    return ratio;
  };
  const originalIssuePrice = new Map<ShareClassId, Rational | undefined>();
  for (const c of table.classes.values()) {
    if (c.originalIssuePrice === undefined) {
      originalIssuePrice.set(c.id, undefined);
      continue;
    }
    const price = inCurrency(c.originalIssuePrice);
    if (price === undefined) return noRate(c.originalIssuePrice, classPath(c.id, "originalIssuePrice"));
    originalIssuePrice.set(c.id, price);
  }
  const qualifiedIpoPrice = new Map<ShareClassId, Rational>();
  for (const c of table.classes.values()) {
    if (c.qualifiedIpoPrice === undefined) continue;
    const price = inCurrency(c.qualifiedIpoPrice);
    if (price === undefined) return noRate(c.qualifiedIpoPrice, classPath(c.id, "qualifiedIpoPrice"));
    qualifiedIpoPrice.set(c.id, price);
  }
  const qualifiedIpoMinProceeds = new Map<ShareClassId, Rational>();
  for (const c of table.classes.values()) {
    if (c.qualifiedIpoMinProceeds === undefined) continue;
    const proceeds = inCurrency(c.qualifiedIpoMinProceeds);
    if (proceeds === undefined)
      return noRate(c.qualifiedIpoMinProceeds, classPath(c.id, "qualifiedIpoMinProceeds"));
    qualifiedIpoMinProceeds.set(c.id, proceeds);
  }
  for (const c of table.classes.values()) {
    if (c.type !== "preferred" || c.preference === undefined) continue;
    const pref = c.preference;
    if (pref.multiple.isNegative()) {
      return fail("deal_invalid_field", `share class "${c.id}" has a negative preference multiple`, [
        ...classPath(c.id, "preference", "multiple"),
      ]);
    }
    if (pref.participation.kind === "capped") {
      const cap = pref.participation.capMultiple;
      if (cap.lt(Rational.ONE) || cap.lt(pref.multiple)) {
        return fail(
          "exit_participation_cap_invalid",
          `share class "${c.id}" caps participation at ${cap.toDecimalString()}x, below ${
            cap.lt(Rational.ONE) ? "1x" : `its ${pref.multiple.toDecimalString()}x preference`
          }`,
          classPath(c.id, "preference", "participation", "cap"),
        );
      }
    }
    if (pref.base === "original_issue_price" && originalIssuePrice.get(c.id) === undefined) {
      return fail(
        "exit_preference_undefined",
        `share class "${c.id}" has a preference on its original issue price and states no original issue price`,
        classPath(c.id, "originalIssuePrice"),
      );
    }
    if (c.dividends?.cumulative && originalIssuePrice.get(c.id) === undefined) {
      return fail(
        "exit_preference_undefined",
        `share class "${c.id}" has cumulative dividends and states no original issue price to accrue them on`,
        classPath(c.id, "originalIssuePrice"),
      );
    }
  }

  // --- Stock lots, per class ------------------------------------------------------------
  // A holder's claim in a class is multiple × base + accrued dividends (EXIT-4, EXIT-6):
  // accumulated as whole numbers (shares at the original issue price, share-days) and
  // invested amounts, then turned into one exact amount per holder.
  interface ClassLots {
    units: Map<StakeholderId, bigint>;
    parts: Map<StakeholderId, ClaimParts> | undefined;
  }
  const perClass = new Map<ShareClassId, ClassLots>();
  for (const c of table.classes.values()) {
    const pref = c.type === "preferred" ? c.preference : undefined;
    const needsClaims =
      pref !== undefined &&
      (pref.base === "amount_invested" ||
        (c.dividends?.cumulative === true && c.dividends.rate.isPositive()));
    perClass.set(c.id, { units: new Map(), parts: needsClaims ? new Map() : undefined });
  }
  const exitDay = dayNumber(exitDate);
  const dayOf = new Map<string, number>();
  for (const s of table.securities.values()) {
    if (s.kind !== "stock") continue;
    const lots = perClass.get(s.classId)!;
    lots.units.set(s.holder, (lots.units.get(s.holder) ?? 0n) + s.shares);
    if (!lots.parts) continue;
    const c = table.classes.get(s.classId)!;
    let parts = lots.parts.get(s.holder);
    if (!parts) {
      parts = { atIssuePrice: 0n, invested: Rational.ZERO, shareDays: 0n };
      lots.parts.set(s.holder, parts);
    }
    if (c.preference!.base === "amount_invested" && s.investedAmount !== undefined) {
      const invested = inCurrency(s.investedAmount);
      if (invested === undefined) return noRate(s.investedAmount, ["securities", s.id, "investedAmount"]);
      parts.invested = parts.invested.add(invested);
    } else if (originalIssuePrice.get(c.id) !== undefined) {
      // EXIT-4: a lot without an invested amount falls back to the original issue price.
      parts.atIssuePrice += s.shares;
    } else {
      return fail(
        "exit_preference_undefined",
        `lot "${s.id}" of share class "${c.id}" has no invested amount and the class no original issue price`,
        ["securities", s.id, "investedAmount"],
      );
    }
    if (c.dividends?.cumulative) {
      let issueDay = dayOf.get(s.issueDate);
      if (issueDay === undefined) {
        issueDay = dayNumber(s.issueDate);
        dayOf.set(s.issueDate, issueDay);
      }
      if (exitDay > issueDay) parts.shareDays += s.shares * BigInt(exitDay - issueDay);
    }
  }

  const positions: ExitPosition[] = [];
  let lcStock = Rational.ZERO;
  let lowestPreferredSeniority: number | undefined;
  for (const c of table.classes.values()) {
    const lots = perClass.get(c.id)!;
    let units = 0n;
    for (const u of lots.units.values()) units += u;
    if (units === 0n) continue;
    const ratio = ratioOf(c);
    const shares = ratio.mulInt(units);
    lcStock = lcStock.add(shares);
    const pref = c.type === "preferred" ? c.preference : undefined;
    const oip = originalIssuePrice.get(c.id);
    let rights: Rights = { kind: "common" };
    let claims: StackClaim[] = [];
    let preference = Rational.ZERO;
    let holders: HolderStake[];
    let base = Rational.ZERO;
    let dividends = Rational.ZERO;
    if (pref !== undefined && lots.parts) {
      // Per-holder claims (EXIT-4, EXIT-6).
      const perShareDay = c.dividends?.cumulative
        ? c.dividends.rate.mul(oip!).divInt(DAYS_PER_YEAR)
        : undefined;
      holders = [];
      let atIssuePrice = 0n;
      let invested = Rational.ZERO;
      let shareDays = 0n;
      for (const [holder, u] of lots.units) {
        const parts = lots.parts.get(holder)!;
        atIssuePrice += parts.atIssuePrice;
        invested = invested.add(parts.invested);
        shareDays += parts.shareDays;
        const holderBase = (oip ? oip.mulInt(parts.atIssuePrice) : Rational.ZERO).add(parts.invested);
        const holderDividends = perShareDay ? perShareDay.mulInt(parts.shareDays) : Rational.ZERO;
        holders.push({
          holder,
          index: holderIndex.get(holder)!,
          units: u,
          claim: pref.multiple.mul(holderBase).add(holderDividends),
        });
      }
      base = (oip ? oip.mulInt(atIssuePrice) : Rational.ZERO).add(invested);
      dividends = perShareDay ? perShareDay.mulInt(shareDays) : Rational.ZERO;
      preference = pref.multiple.mul(base).add(dividends);
    } else {
      holders = [...lots.units].map(([holder, u]) => ({
        holder,
        index: holderIndex.get(holder)!,
        units: u,
        claim: undefined,
      }));
      if (pref !== undefined) {
        base = oip!.mulInt(units);
        preference = pref.multiple.mul(base);
      }
    }
    if (pref !== undefined) {
      claims = preference.isZero() ? [] : [{ level: pref.seniority, amount: preference }];
      const convertible = c.convertsTo !== undefined;
      switch (pref.participation.kind) {
        case "none":
          rights = convertible ? { kind: "convertible" } : { kind: "fixed" };
          break;
        case "full":
          rights = { kind: "participating" };
          break;
        case "capped": {
          // EXIT-7: the cap counts the preference and the participation, not accrued dividends.
          const total = pref.participation.capMultiple.mul(base).add(dividends);
          rights = { kind: "capped", total: Rational.max(total, preference), convertible };
          break;
        }
      }
      lowestPreferredSeniority =
        lowestPreferredSeniority === undefined
          ? pref.seniority
          : Math.min(lowestPreferredSeniority, pref.seniority);
    }
    const ratchet = c.type === "preferred" ? c.ipoRatchetMultiple : undefined;
    positions.push({
      id: `shares:${c.id}`,
      kind: "shares",
      label: c.name,
      classId: c.id,
      security: undefined,
      rights,
      claims,
      preference,
      shares: rights.kind === "fixed" ? Rational.ZERO : shares,
      units,
      holders,
      ipoMinimumValue: ratchet && oip ? ratchet.mul(oip).mulInt(units) : undefined,
      ...(qualifiedIpoPrice.has(c.id) ? { qualifiedIpoPrice: qualifiedIpoPrice.get(c.id)! } : {}),
      ...(qualifiedIpoMinProceeds.has(c.id)
        ? { qualifiedIpoMinProceeds: qualifiedIpoMinProceeds.get(c.id)! }
        : {}),
    });
  }

  // --- Options (grouped by class and strike) and warrants -------------------------------
  const optionGroups = new Map<
    string,
    { classId: ShareClassId; price: Money; units: Map<StakeholderId, bigint>; securityId: string }
  >();
  const warrants: Warrant[] = [];
  const convertibles: (Safe | ConvertibleNote)[] = [];
  const optionsByClass = new Map<ShareClassId, bigint>();
  let unvestedOptionsExcluded = 0n;
  for (const s of table.securities.values()) {
    if (s.kind === "safe" || s.kind === "note") {
      convertibles.push(s);
      continue;
    }
    if (s.kind !== "warrant" && s.kind !== "option") continue;
    if (s.expirationDate !== undefined && s.expirationDate < exitDate) continue;
    // YC's Liquidity Capitalization counts every issued and outstanding option (EXIT-11).
    optionsByClass.set(s.classId, (optionsByClass.get(s.classId) ?? 0n) + s.quantity);
    if (s.kind === "warrant") {
      warrants.push(s);
      continue;
    }
    const quantity = participatingOptions(table, s, exitDate, terms, terminated);
    unvestedOptionsExcluded += s.quantity - quantity;
    if (quantity === 0n) continue;
    const key = `${s.classId}@${s.exercisePrice.currency}:${s.exercisePrice.amount.toString()}`;
    let group = optionGroups.get(key);
    if (!group) {
      group = { classId: s.classId, price: s.exercisePrice, units: new Map(), securityId: s.id };
      optionGroups.set(key, group);
    }
    group.units.set(s.holder, (group.units.get(s.holder) ?? 0n) + quantity);
  }
  let lcOptions = Rational.ZERO;
  for (const [classId, quantity] of optionsByClass) {
    lcOptions = lcOptions.add(ratioOf(table.classes.get(classId)!).mulInt(quantity));
  }
  // Groups with the same strike in different currencies merge once converted.
  const byStrike = new Map<
    string,
    { classId: ShareClassId; strike: Rational; units: Map<StakeholderId, bigint> }
  >();
  for (const g of optionGroups.values()) {
    const ratio = ratioOf(table.classes.get(g.classId)!);
    if (ratio.isZero()) continue;
    const price = inCurrency(g.price);
    if (price === undefined) return noRate(g.price, ["securities", g.securityId, "exercisePrice"]);
    const strike = price.div(ratio);
    const key = `${g.classId}@${strike.toString()}`;
    const existing = byStrike.get(key);
    if (!existing) byStrike.set(key, { classId: g.classId, strike, units: g.units });
    else for (const [h, u] of g.units) existing.units.set(h, (existing.units.get(h) ?? 0n) + u);
  }
  const sortedGroups = [...byStrike.values()].sort(
    (a, b) => classIndex.get(a.classId)! - classIndex.get(b.classId)! || a.strike.cmp(b.strike),
  );
  for (const g of sortedGroups) {
    let units = 0n;
    for (const u of g.units.values()) units += u;
    const shareClass = table.classes.get(g.classId)!;
    positions.push({
      id: `options:${g.classId}@${g.strike.toDecimalString(12)}`,
      kind: "options",
      label: `${shareClass.name} options at ${g.strike.toDecimalString(6)}`,
      classId: g.classId,
      security: undefined,
      rights: { kind: "option", strike: g.strike },
      claims: [],
      preference: Rational.ZERO,
      shares: ratioOf(shareClass).mulInt(units),
      units,
      holders: [...g.units].map(([holder, u]) => ({
        holder,
        index: holderIndex.get(holder)!,
        units: u,
        claim: undefined,
      })),
      ipoMinimumValue: undefined,
    });
  }
  warrants.sort((a, b) =>
    a.issueDate < b.issueDate ? -1 : a.issueDate > b.issueDate ? 1 : a.id < b.id ? -1 : 1,
  );
  for (const w of warrants) {
    const shareClass = table.classes.get(w.classId)!;
    const ratio = ratioOf(shareClass);
    if (ratio.isZero()) continue;
    const price = inCurrency(w.exercisePrice);
    if (price === undefined) return noRate(w.exercisePrice, ["securities", w.id, "exercisePrice"]);
    positions.push({
      id: `warrant:${w.id}`,
      kind: "warrant",
      label: `warrant ${w.id} (${shareClass.name})`,
      classId: w.classId,
      security: w.id,
      rights: { kind: "option", strike: price.div(ratio) },
      claims: [],
      preference: Rational.ZERO,
      shares: ratio.mulInt(w.quantity),
      units: w.quantity,
      holders: [{ holder: w.holder, index: holderIndex.get(w.holder)!, units: w.quantity, claim: undefined }],
      ipoMinimumValue: undefined,
    });
  }

  // --- SAFEs and notes (EXIT-11, EXIT-12) -------------------------------------------------
  convertibles.sort((a, b) =>
    a.issueDate < b.issueDate ? -1 : a.issueDate > b.issueDate ? 1 : a.id < b.id ? -1 : 1,
  );
  const mfn = resolveMfnTerms(convertibles, exitDate);
  const safeLevel = terms.safeSeniority ?? lowestPreferredSeniority ?? 0;
  const lcPre = lcStock.add(lcOptions);
  interface PendingConvertible {
    security: Safe | ConvertibleNote;
    claims: StackClaim[];
    repayment: Rational;
    /** Amount that converts and the cap, when the instrument converts at a cap. */
    conversion: { amount: Rational; cap: Rational; basis: "pre_money" | "post_money" } | undefined;
  }
  const pending: PendingConvertible[] = [];
  for (const s of convertibles) {
    const effective = mfn.terms.get(s.id)!;
    const capMoney = effective.valuationCap;
    const cap = capMoney && inCurrency(capMoney);
    if (capMoney && cap === undefined) return noRate(capMoney, ["securities", s.id, "valuationCap"]);
    if (s.kind === "safe") {
      const amount = inCurrency(s.purchaseAmount);
      if (amount === undefined) return noRate(s.purchaseAmount, ["securities", s.id, "purchaseAmount"]);
      const claims: StackClaim[] = [{ level: safeLevel, amount }];
      const discount = effective.discount;
      if (cap === undefined && discount !== undefined && discount.isPositive()) {
        // A discount-only SAFE converts at the liquidity price times the discount rate: it
        // receives Purchase Amount / (1 − discount) as soon as common receives anything.
        claims.push({ level: JUNIOR_LEVEL, amount: amount.mul(discount).div(Rational.ONE.sub(discount)) });
      }
      pending.push({
        security: s,
        claims,
        repayment: amount,
        conversion: cap === undefined ? undefined : { amount, cap, basis: effective.capBasis },
      });
    } else {
      const principal = inCurrency(s.principal);
      if (principal === undefined) return noRate(s.principal, ["securities", s.id, "principal"]);
      const balance = inCurrency(noteBalance(s, exitDate))!;
      const repayment = balance.add(principal.mul(resolvedTerms.noteRepaymentPremium));
      pending.push({
        security: s,
        claims: [{ level: NOTE_LEVEL, amount: repayment }],
        repayment,
        conversion: cap === undefined ? undefined : { amount: balance, cap, basis: effective.capBasis },
      });
    }
  }
  let preMoneyConversionShares = Rational.ZERO;
  let postMoneyFraction = Rational.ZERO;
  for (const c of pending) {
    if (!c.conversion) continue;
    if (c.conversion.basis === "pre_money") {
      preMoneyConversionShares = preMoneyConversionShares.add(
        c.conversion.amount.mul(lcPre).div(c.conversion.cap),
      );
    } else {
      postMoneyFraction = postMoneyFraction.add(c.conversion.amount.div(c.conversion.cap));
    }
  }
  if (postMoneyFraction.gte(Rational.ONE)) {
    return fail(
      "exit_convertibles_exceed_capitalization",
      `the post-money SAFEs and notes outstanding at ${exitDate} claim ${postMoneyFraction
        .mulInt(100n)
        .toDecimalString(4)}% of the company at their caps; it must be below 100%`,
      ["securities"],
    );
  }
  const liquidityCapitalization = lcPre
    .add(preMoneyConversionShares)
    .div(Rational.ONE.sub(postMoneyFraction));
  for (const c of pending) {
    const s = c.security;
    let shares = Rational.ZERO;
    if (c.conversion) {
      const capitalization = c.conversion.basis === "pre_money" ? lcPre : liquidityCapitalization;
      shares = c.conversion.amount.mul(capitalization).div(c.conversion.cap);
    }
    const preference = Rational.sum(c.claims.map((x) => x.amount));
    positions.push({
      id: `${s.kind}:${s.id}`,
      kind: s.kind,
      label: s.kind === "safe" ? `SAFE ${s.id}` : `note ${s.id}`,
      classId: undefined,
      security: s.id,
      rights: shares.isZero() ? { kind: "fixed" } : { kind: "convertible" },
      claims: c.claims,
      preference,
      shares,
      units: 1n,
      holders: [{ holder: s.holder, index: holderIndex.get(s.holder)!, units: 1n, claim: undefined }],
      ipoMinimumValue: undefined,
    });
  }

  // --- The residual claimant and the stack ------------------------------------------------
  // Above every conversion threshold the value goes to the positions that hold shares for
  // good; at least one must exist, or value above the preferences would have no owner.
  const residualClaimant = positions.some(
    (p) =>
      p.shares.isPositive() &&
      (p.rights.kind === "capped" ? p.rights.convertible : p.rights.kind !== "fixed"),
  );
  if (!residualClaimant) {
    return fail(
      "exit_no_residual_claimant",
      "no shares, options or convertible securities are outstanding to receive the value above the preferences",
      ["securities"],
    );
  }
  const levelMap = new Map<number, { position: number; amount: Rational }[]>();
  for (const [index, p] of positions.entries()) {
    for (const claim of p.claims) {
      if (claim.amount.isZero()) continue;
      let entries = levelMap.get(claim.level);
      if (!entries) {
        entries = [];
        levelMap.set(claim.level, entries);
      }
      entries.push({ position: index, amount: claim.amount });
    }
  }
  const levels: StackLevel[] = [...levelMap.entries()]
    .sort((a, b) => b[0] - a[0])
    .map(([level, entries]) => ({ level, total: Rational.sum(entries.map((e) => e.amount)), entries }));

  return ok({
    currency,
    terms: { ...resolvedTerms, safeLevel },
    positions,
    levels,
    holders: [...table.stakeholders.values()].map((s) => ({ id: s.id, name: s.name })),
    liquidityCapitalization,
    unvestedOptionsExcluded,
  });
}

/** The options of a grant that take part in the exit (EXIT-10). */
function participatingOptions(
  table: CapTable,
  grant: OptionGrant,
  exitDate: ExitTerms["exitDate"],
  terms: ExitTerms,
  terminated: ReadonlySet<StakeholderId>,
): bigint {
  if ((terms.optionVesting ?? "all_outstanding") === "all_outstanding") return grant.quantity;
  if (grant.vestingId === undefined) return grant.quantity;
  const schedule = table.vestingSchedules.get(grant.vestingId)!;
  return vestedOnChangeOfControl(
    schedule,
    grant.quantity,
    grant.vestingStart ?? grant.grantDate,
    exitDate,
    terminated.has(grant.holder),
  );
}
