import { parseAmount } from "../core/exact/amount-parse.js";
import type { Currency, Money } from "../core/exact/money.js";
import { Rational } from "../core/exact/rational.js";
import type { CapTable } from "../core/ledger/cap-table.js";
import { type CapTableView, capTableView } from "../core/ledger/views.js";
import { priceRound, type RoundOutcome } from "../core/round/price-round.js";
import type { Pricing, RoundTerms } from "../core/round/terms.js";
import { runDeal } from "../core/round/timeline.js";
import type { FieldPath, Problem } from "../core/shared/problem.js";
import type { Deal } from "../deal/build.js";
import { Fraction } from "../deal/scalars.js";

export type PricingBasis = Pricing["basis"];

/**
 * What the round builder lets the user change, as typed: the pricing basis and value,
 * each investor's amount (null for a pro-rata purchase, whose amount the engine
 * computes) and the pool target (null when the round has no target to edit). Texts are
 * read with the amount parser, so `$50B`, `40 Md$` and `1 234,5 M€` all work.
 */
export interface RoundEdit {
  readonly basis: PricingBasis;
  readonly valueText: string;
  readonly amountTexts: readonly (string | null)[];
  readonly poolTargetText: string | null;
}

/**
 * A switch of the pricing basis: the edit before it (with the figure the user stated on
 * the old basis) and the edit it made (the new basis with the figure derived from the
 * priced round).
 */
export interface BasisSwitch {
  readonly before: RoundEdit;
  readonly after: RoundEdit;
}

/** Whether two edits hold the same texts (the same terms as the user typed them). */
export function sameEdit(a: RoundEdit, b: RoundEdit): boolean {
  return (
    a.basis === b.basis &&
    a.valueText === b.valueText &&
    a.poolTargetText === b.poolTargetText &&
    a.amountTexts.length === b.amountTexts.length &&
    a.amountTexts.every((text, i) => text === b.amountTexts[i])
  );
}

/**
 * The edit after choosing another pricing basis (SPEC WEB-18). Switching back, with
 * nothing edited since the last switch, restores the figure the user stated on that basis
 * as it was typed ($830B stays $830B, not the post-money derived from the rounded price per
 * share); otherwise the new basis starts from the priced round's figure (`derive`), so
 * that the round stays where it was. A stated figure changes only when the user edits it.
 */
export function switchPricingBasis(
  edit: RoundEdit,
  basis: PricingBasis,
  derive: (basis: PricingBasis) => string | undefined,
  last: BasisSwitch | undefined,
): { edit: RoundEdit; switched: BasisSwitch } {
  if (basis === edit.basis) return { edit, switched: last ?? { before: edit, after: edit } };
  if (last && sameEdit(edit, last.after) && last.before.basis === basis) {
    return { edit: last.before, switched: { before: edit, after: last.before } };
  }
  const next = { ...edit, basis, valueText: derive(basis) ?? edit.valueText };
  return { edit: next, switched: { before: edit, after: next } };
}

/** The field an error belongs to: the pricing value, investment i's amount, the pool target, or the round as a whole. */
export type FieldKey = "pricing" | `amount:${number}` | "poolTarget" | "round";

export type FieldErrors = Readonly<Partial<Record<FieldKey, string>>>;

export type Recompute =
  | {
      readonly ok: true;
      readonly terms: RoundTerms;
      readonly outcome: RoundOutcome;
      readonly warnings: readonly Problem[];
    }
  | { readonly ok: false; readonly errors: FieldErrors };

/** Which field of the builder a problem's path points to (`["rounds", id, "investments", 2, "amount"]` → `amount:2`). */
export function fieldOfPath(path: FieldPath | undefined): FieldKey {
  if (!path) return "round";
  const investments = path.indexOf("investments");
  if (investments >= 0 && typeof path[investments + 1] === "number")
    return `amount:${path[investments + 1] as number}`;
  if (path.includes("pool")) return "poolTarget";
  if (path.some((p) => p === "pricing" || p === "preMoney" || p === "postMoney" || p === "pricePerShare")) {
    return "pricing";
  }
  return "round";
}

/**
 * A round opened for what-if editing. The deal is loaded and validated once, the ledger
 * replayed once up to the round; each edit then builds the round's terms directly and
 * prices them on the cached cap table with the exact engine (`priceRound`), with no
 * re-loading or re-validating of the deal.
 */
export class RoundSession {
  private constructor(
    readonly deal: Deal,
    readonly baseTerms: RoundTerms,
    /** The cap table just before the round (earlier rounds and transactions applied). */
    readonly before: CapTable,
    readonly beforeView: CapTableView,
    readonly currency: Currency,
  ) {}

  static open(
    deal: Deal,
    roundId: string,
  ): { ok: true; session: RoundSession } | { ok: false; problems: readonly Problem[] } {
    const terms = deal.rounds.find((r) => r.id === roundId);
    if (!terms) {
      return {
        ok: false,
        problems: [{ code: "usage", message: `no round "${roundId}" in the deal`, severity: "error" }],
      };
    }
    const run = runDeal(deal.ledger, deal.rounds, { beforeRound: terms.id });
    if (!run.ok) return { ok: false, problems: run.problems };
    const before = run.value.final;
    return {
      ok: true,
      session: new RoundSession(deal, terms, before, capTableView(before), deal.ledger.company.currency),
    };
  }

  /** The edit that reproduces the round as the deal states it, with texts written by `write`. */
  initialEdit(write: (value: Money) => string): RoundEdit {
    const t = this.baseTerms;
    return {
      basis: t.pricing.basis,
      valueText: write(t.pricing.value),
      amountTexts: t.investments.map((inv) => (inv.amount ? write(inv.amount) : null)),
      poolTargetText:
        t.pool.kind === "target_fraction" ? `${t.pool.fraction.mulInt(100n).toDecimalString(6)}%` : null,
    };
  }

  /** Reads an amount typed in a field: the parser's message when unreadable. */
  readAmount(text: string): { ok: true; value: Money } | { ok: false; error: string } {
    const parsed = parseAmount(text, { defaultCurrency: this.currency });
    if (!parsed.ok) return { ok: false, error: parsed.error };
    return { ok: true, value: parsed.value };
  }

  /** Reads the edit into the engine's terms, or the errors of each field that cannot be read. */
  readTerms(edit: RoundEdit): { ok: true; terms: RoundTerms } | { ok: false; errors: FieldErrors } {
    const errors: Partial<Record<FieldKey, string>> = {};
    const base = this.baseTerms;
    let value: Money | undefined;
    const pricing = this.readAmount(edit.valueText);
    if (!pricing.ok) errors.pricing = pricing.error;
    else if (!pricing.value.amount.isPositive()) errors.pricing = "must be more than zero";
    else value = pricing.value;

    const investments = base.investments.map((inv, i) => {
      const text = edit.amountTexts[i];
      if (text === null || text === undefined) return inv;
      const read = this.readAmount(text);
      if (!read.ok) {
        errors[`amount:${i}`] = read.error;
        return inv;
      }
      if (read.value.amount.isNegative()) {
        errors[`amount:${i}`] = "must not be negative";
        return inv;
      }
      return { ...inv, amount: read.value };
    });

    let pool = base.pool;
    if (edit.poolTargetText !== null && pool.kind === "target_fraction") {
      const read = Fraction.safeParse(edit.poolTargetText);
      if (!read.success) {
        errors.poolTarget = read.error.issues[0]?.message ?? "expected a percentage such as 10%";
      } else if (read.data.isNegative() || read.data.gte(Rational.ONE)) {
        errors.poolTarget = "must be at least 0% and below 100%";
      } else {
        pool = { ...pool, fraction: read.data };
      }
    }
    if (Object.keys(errors).length > 0 || value === undefined) return { ok: false, errors };
    return {
      ok: true,
      terms: { ...base, pricing: { basis: edit.basis, value }, investments, pool },
    };
  }

  /** Prices the edited round exactly on the cached cap table. */
  recompute(edit: RoundEdit): Recompute {
    const read = this.readTerms(edit);
    if (!read.ok) return read;
    const priced = priceRound(this.before, read.terms);
    if (!priced.ok) {
      const errors: Partial<Record<FieldKey, string>> = {};
      for (const p of priced.problems) {
        const key = fieldOfPath(p.path);
        errors[key] = errors[key] ? `${errors[key]}; ${p.message}` : p.message;
      }
      return { ok: false, errors };
    }
    return { ok: true, terms: read.terms, outcome: priced.value, warnings: priced.warnings };
  }
}
