import type { Currency } from "../../core/exact/money.js";
import type { Rational } from "../../core/exact/rational.js";
import type { IsoDate } from "../../core/shared/date.js";
import type { AntiDilution, Participation, SecurityKind } from "./cell-values.js";
import type { PercentBasis } from "./headers.js";
import type { CellPlace } from "./sheet.js";

/**
 * What a sheet says, whatever its layout: holdings (one per row of a template or ledger,
 * one per holder and class of a summary), the terms of classes, the pool's available
 * shares, and the totals and percentages the sheet states, to be checked (IMP-50).
 */
export interface PlacedAmount {
  readonly amount: Rational;
  readonly currency: Currency | undefined;
  readonly place: CellPlace;
}

export interface Holding {
  /** The row (and, in a summary, the column) the holding comes from. */
  readonly place: CellPlace;
  readonly holder: string;
  readonly holderPlace: CellPlace;
  readonly holderKind?: "individual" | "institution";
  readonly security: SecurityKind;
  readonly className?: string;
  readonly classPlace?: CellPlace;
  readonly shares?: bigint;
  readonly price?: PlacedAmount;
  readonly amount?: PlacedAmount;
  readonly strike?: PlacedAmount;
  readonly valuationCap?: PlacedAmount;
  readonly issueDate?: IsoDate;
  readonly expiry?: IsoDate;
  readonly vestingStart?: IsoDate;
  readonly vestingMonths?: number;
  readonly cliffMonths?: number;
  readonly discount?: Rational;
  readonly interestRate?: Rational;
  readonly certificate?: string;
}

export interface ClassDefinition {
  readonly name: string;
  readonly place: CellPlace;
  readonly type?: "common" | "preferred";
  readonly preferenceMultiple?: Rational;
  readonly participation?: Participation;
  readonly seniority?: number;
  readonly conversionRatio?: Rational;
  readonly antiDilution?: AntiDilution;
  readonly originalIssuePrice?: PlacedAmount;
}

/** A total the sheet states, with the sum of the cells it totals (IMP-51). */
export interface StatedTotal {
  readonly place: CellPlace;
  readonly what: string;
  readonly stated: bigint;
  readonly computed: bigint;
}

/** What a stated percentage is the percentage of. */
export type PercentSubject =
  | { readonly kind: "holder"; readonly holder: string }
  | { readonly kind: "row"; readonly holder: string; readonly shares: bigint }
  | { readonly kind: "pool" }
  | { readonly kind: "total" };

/** A percentage the sheet states, checked to the precision it is written with (IMP-52). */
export interface StatedPercent {
  readonly place: CellPlace;
  readonly subject: PercentSubject;
  readonly basis: PercentBasis;
  /** As a fraction, 0 to 1. */
  readonly stated: Rational;
  /** Half a unit of the last place written (or shown by the cell's format), as a fraction. */
  readonly tolerance: Rational;
  readonly written: string;
}

export interface SheetContents {
  readonly holdings: Holding[];
  readonly classes: Map<string, ClassDefinition>;
  pool?: { readonly available: bigint; readonly place: CellPlace; readonly className?: string };
  readonly totals: StatedTotal[];
  readonly percents: StatedPercent[];
  readonly skippedRows: CellPlace[];
  /** Classes the sheet declares even when no one holds them (a summary's empty class column). */
  readonly declaredClasses?: readonly { readonly name: string; readonly place: CellPlace }[];
}

/** A class or holder name compared without case, accents and runs of spaces. */
export function nameKey(name: string): string {
  return name.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
}

/** Whether a row's holder cell says it is the total row. */
export function isTotalLabel(text: string): boolean {
  return /^(grand )?totals?\b|^total general\b|^sous total\b/.test(
    nameKey(text)
      .replace(/[^a-z0-9 ]/g, " ")
      .trim(),
  );
}

/**
 * Whether a row's holder cell names the option pool's available (unallocated) shares
 * (IMP-33): "Option pool", "Available for grant", "Unallocated options", "BSPCE non
 * attribués", "Pool disponible".
 */
export function isPoolLabel(text: string): boolean {
  const k = nameKey(text).replace(/[^a-z0-9 ]/g, " ");
  if (/\b(fund|capital|llc|inc|ltd|sas|sarl|partners|ventures)\b/.test(k)) return false;
  return /\b(option pool|pool|unallocated|unissued|available for (grant|issuance)|available|non attribues?|disponibles?|reserve d options)\b/.test(
    k,
  );
}
