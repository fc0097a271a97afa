import type { Money } from "../exact/money.js";
import type { Rational } from "../exact/rational.js";
import type { IsoDate } from "../shared/date.js";
import type { StakeholderId } from "../shared/ids.js";
import type { FieldPath } from "../shared/problem.js";

/** Transaction costs taken off the top of the exit value (docs/spec/exit.md EXIT-2). */
export interface ExitFees {
  /** A fixed amount (bankers' retainer, legal costs). */
  readonly fixed?: Money;
  /** A fraction of the exit value, 0 to below 1 (a success fee). */
  readonly rate?: Rational;
}

/** A management carve-out: a share of the proceeds set aside before the equity (EXIT-3). */
export interface CarveOut {
  /** Fraction, 0 to 1, of the exit value left after fees and debt. */
  readonly fraction: Rational;
  /** The most the carve-out pays, when the plan states one. */
  readonly maximum?: Money;
  /** Who receives it and in what proportions; without recipients it is reported as one line. */
  readonly recipients?: readonly { readonly holder: StakeholderId; readonly weight: Rational }[];
}

/**
 * The parameters of an exit (a sale of the company or of its assets) that the cap table
 * does not hold. Every field but the date is optional; the defaults are the documented
 * conventions of docs/spec/exit.md.
 */
export interface ExitTerms {
  /** The closing date: cumulative dividends and note interest accrue to it; vesting is measured at it. */
  readonly exitDate: IsoDate;
  readonly fees?: ExitFees;
  /** Debt repaid at closing, before any equity holder (EXIT-2). */
  readonly debt?: Money;
  readonly carveOut?: CarveOut;
  /**
   * How in-the-money options and warrants are exercised (EXIT-9): "cash" (the default)
   * pays the exercise price into the proceeds; "net" surrenders shares worth it. Holders
   * net the same either way; only the distributable amount and the share count differ.
   */
  readonly exercise?: "cash" | "net";
  /**
   * Which options take part (EXIT-10): every outstanding option ("all_outstanding", the
   * default), or only those vested at the exit after change-of-control acceleration
   * ("vested_on_change_of_control"); the unvested rest is assumed by the buyer and paid nothing.
   */
  readonly optionVesting?: "all_outstanding" | "vested_on_change_of_control";
  /** Holders whose employment ends with the exit: double-trigger acceleration applies to them. */
  readonly terminatedHolders?: readonly StakeholderId[];
  /**
   * The seniority at which SAFEs' cash-out amounts rank (EXIT-11). Defaults to the lowest
   * seniority among the preferred classes (on par with the most junior preferred).
   */
  readonly safeSeniority?: number;
  /** Added to a note's repayment at a change of control, as a fraction of principal (EXIT-12); default 0. */
  readonly noteRepaymentPremium?: Rational;
  /** Where the terms stand in the deal document, for error messages. */
  readonly path?: FieldPath;
}
