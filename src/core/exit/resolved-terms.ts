import { convert, type Money } from "../exact/money.js";
import { Rational } from "../exact/rational.js";
import { debtOwed } from "../instruments/venture-debt.js";
import type { CapTable } from "../ledger/cap-table.js";
import { parseIsoDate } from "../shared/date.js";
import type { SecurityId, StakeholderId } from "../shared/ids.js";
import { type FieldPath, fail, formatPath, ok, type Result } from "../shared/problem.js";
import type { ExitTerms } from "./terms.js";

/** The exit terms with their defaults applied and every amount in the cap table's currency. */
export interface ResolvedExitTerms {
  readonly exitDate: ExitTerms["exitDate"];
  readonly feesFixed: Rational;
  readonly feesRate: Rational;
  /** All debt repaid before equity: the exit's `debt` and the venture debt outstanding at the exit (DEBT-3). */
  readonly debt: Rational;
  /** The exit's own `debt` (debt the ledger does not hold), repaid first. */
  readonly otherDebt: Rational;
  /** The venture debt outstanding at the exit date and what each is owed then (DEBT-3). */
  readonly ventureDebts: readonly {
    readonly security: SecurityId;
    readonly holder: StakeholderId;
    readonly seniority: number;
    readonly owed: Rational;
  }[];
  readonly carveOutFraction: Rational;
  readonly carveOutMaximum: Rational | undefined;
  readonly carveOutRecipients: readonly { readonly holder: StakeholderId; readonly weight: Rational }[];
  readonly exercise: "cash" | "net";
  readonly optionVesting: "all_outstanding" | "vested_on_change_of_control";
  readonly safeLevel: number;
  readonly noteRepaymentPremium: Rational;
}

/**
 * Checks the exit terms against the cap table and applies the defaults of
 * docs/spec/exit.md (EXIT-2, EXIT-3, EXIT-9..EXIT-12): every amount in the cap table's
 * currency, every rate and fraction in range, every holder named known. The SAFE level
 * depends on the classes and is set by prepareExit.
 */
export function resolveExitTerms(
  table: CapTable,
  terms: ExitTerms,
): Result<Omit<ResolvedExitTerms, "safeLevel"> & { readonly terminated: ReadonlySet<StakeholderId> }> {
  const currency = table.company.currency;
  const path: FieldPath = terms.path ?? ["exit"];
  const inCurrency = (value: Money): Rational | undefined =>
    convert(value, currency, table.company.exchangeRates)?.amount;
  const noRate = (value: Money, field: FieldPath) =>
    fail(
      "currency_without_rate",
      `${formatPath(field)} is in ${value.currency} and the deal gives no rate to ${currency}`,
      field,
    );
  if (parseIsoDate(terms.exitDate) === undefined) {
    return fail("exit_terms_invalid", `the exit date "${terms.exitDate}" is not a YYYY-MM-DD date`, [
      ...path,
      "date",
    ]);
  }
  const amounts: Record<string, Rational> = {};
  const moneyFields: [string, Money | undefined, FieldPath][] = [
    ["feesFixed", terms.fees?.fixed, [...path, "fees", "fixed"]],
    ["debt", terms.debt, [...path, "debt"]],
    ["carveOutMaximum", terms.carveOut?.maximum, [...path, "carveOut", "maximum"]],
  ];
  for (const [name, value, field] of moneyFields) {
    if (value === undefined) continue;
    const amount = inCurrency(value);
    if (amount === undefined) return noRate(value, field);
    if (amount.isNegative()) {
      return fail(
        "exit_terms_invalid",
        `${formatPath(field)} is negative (${amount.toDecimalString()})`,
        field,
      );
    }
    amounts[name] = amount;
  }
  const feesRate = terms.fees?.rate ?? Rational.ZERO;
  if (feesRate.isNegative() || feesRate.gte(Rational.ONE)) {
    return fail(
      "exit_terms_invalid",
      `the fee rate ${feesRate.toDecimalString()} is outside 0 (included) to 1 (excluded)`,
      [...path, "fees", "rate"],
    );
  }
  const carveOutFraction = terms.carveOut?.fraction ?? Rational.ZERO;
  if (carveOutFraction.isNegative() || carveOutFraction.gt(Rational.ONE)) {
    return fail(
      "exit_terms_invalid",
      `the carve-out fraction ${carveOutFraction.toDecimalString()} is outside 0 to 1`,
      [...path, "carveOut", "fraction"],
    );
  }
  const recipients = terms.carveOut?.recipients ?? [];
  for (const [i, r] of recipients.entries()) {
    if (!table.stakeholders.has(r.holder)) {
      return fail("deal_unknown_reference", `the carve-out names unknown stakeholder "${r.holder}"`, [
        ...path,
        "carveOut",
        "recipients",
        i,
        "holder",
      ]);
    }
    if (r.weight.isNegative()) {
      return fail("exit_terms_invalid", `the carve-out weight of "${r.holder}" is negative`, [
        ...path,
        "carveOut",
        "recipients",
        i,
        "weight",
      ]);
    }
  }
  if (recipients.length > 0 && Rational.sum(recipients.map((r) => r.weight)).isZero()) {
    return fail("exit_terms_invalid", "the carve-out recipients' weights are all zero", [
      ...path,
      "carveOut",
      "recipients",
    ]);
  }
  const terminated = new Set<StakeholderId>();
  for (const [i, holder] of (terms.terminatedHolders ?? []).entries()) {
    if (!table.stakeholders.has(holder)) {
      return fail("deal_unknown_reference", `terminatedHolders names unknown stakeholder "${holder}"`, [
        ...path,
        "terminatedHolders",
        i,
      ]);
    }
    terminated.add(holder);
  }
  const noteRepaymentPremium = terms.noteRepaymentPremium ?? Rational.ZERO;
  if (noteRepaymentPremium.isNegative()) {
    return fail("exit_terms_invalid", "the note repayment premium is negative", [
      ...path,
      "noteRepaymentPremium",
    ]);
  }
  if (terms.safeSeniority !== undefined && !Number.isFinite(terms.safeSeniority)) {
    return fail("exit_terms_invalid", "the SAFE seniority is not a finite number", [
      ...path,
      "safeSeniority",
    ]);
  }
  const ventureDebts: ResolvedExitTerms["ventureDebts"][number][] = [];
  for (const d of [...table.debts.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const owed = debtOwed(d, terms.exitDate);
    const amount = inCurrency(owed);
    if (amount === undefined) return noRate(owed, ["securities", d.id, "principal"]);
    ventureDebts.push({ security: d.id, holder: d.holder, seniority: d.seniority, owed: amount });
  }
  const otherDebt = amounts.debt ?? Rational.ZERO;
  return ok({
    exitDate: terms.exitDate,
    feesFixed: amounts.feesFixed ?? Rational.ZERO,
    feesRate,
    debt: otherDebt.add(Rational.sum(ventureDebts.map((d) => d.owed))),
    otherDebt,
    ventureDebts,
    carveOutFraction,
    carveOutMaximum: amounts.carveOutMaximum,
    carveOutRecipients: recipients,
    exercise: terms.exercise ?? "cash",
    optionVesting: terms.optionVesting ?? "all_outstanding",
    noteRepaymentPremium,
    terminated,
  });
}
