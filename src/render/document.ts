import type { Money } from "../core/exact/money.js";
import type { Rational } from "../core/exact/rational.js";
import type { IsoDate } from "../core/shared/date.js";

/**
 * A report to hand over (to a board, a counsel, an investor), as typed data that the PDF
 * and XLSX renderers (and later the web app) lay out (SPEC REP-1). Every figure is an
 * exact value — money as a Rational with its currency, share counts as bigint, fractions
 * as Rational — so that each renderer chooses how to write it: the PDF in the compact
 * form a person reads ($830B) or exactly where a lawyer needs it, the workbook as a
 * number with a number format. Nothing here is a string made from a number.
 */
export interface ReportDocument {
  readonly title: TitleBlock;
  readonly sections: readonly Section[];
  /**
   * The language of the document's words and of how the PDF writes its figures (English
   * when absent): French writes 830 Md$, 775 000 000 000,00 $, 27,00 % (issue 16, APP-9).
   */
  readonly lang?: Language;
}

/** The languages a report document is written in. */
export type Language = "en" | "fr";

/** What the caller of a report builder knows and its figures cannot: the version, marks, the language. */
export interface DocumentContext {
  /** The stored deal's version, when the report comes from one. */
  readonly version?: string;
  /** Marks the caller knows of and the figures cannot: unsaved edits in the web app. */
  readonly marks?: readonly ReportMark[];
  /** The language to word the document in: the run's (`--lang`, the locale), the request's, the interface's. */
  readonly lang?: Language;
}

/**
 * A label in the document's language, the French beside the English where the label is
 * written (one place per label): `const w = wording(context.lang); w("Holder", "Détenteur")`.
 */
export function wording(lang: Language | undefined): (en: string, fr: string) => string {
  return lang === "fr" ? (_en, fr) => fr : (en) => en;
}

/** What the first lines of the report say: which deal, which version, which date, and how sure the figures are. */
export interface TitleBlock {
  /** What the report is: "Pro forma", "Exit waterfall". */
  readonly title: string;
  readonly company: string;
  /** The deal or round the report is about, when it is not the whole company ("Series A"). */
  readonly subject?: string;
  /** The document's version when the report comes from a stored deal (its revision number). */
  readonly version?: string;
  /** The report's date: the deal's last dated event or the date asked for, never the clock (OUT-3). */
  readonly date: IsoDate;
  /** Marks that the figures are not all firm: estimates, a scenario, a simulation, unsaved edits. */
  readonly marks: readonly ReportMark[];
}

export interface ReportMark {
  readonly kind: "estimate" | "scenario" | "simulation" | "unsaved_edits";
  /** What the reader should know, in a sentence. */
  readonly text: string;
}

/** A mark's label in the title block: "Estimates", "Unsaved edits"; in French "Estimations". */
export function markLabel(kind: ReportMark["kind"], lang?: Language): string {
  const w = wording(lang);
  switch (kind) {
    case "estimate":
      return w("Estimates", "Estimations");
    case "scenario":
      return w("Scenario", "Scénario");
    case "simulation":
      return w("Simulation", "Simulation");
    case "unsaved_edits":
      return w("Unsaved edits", "Modifications non enregistrées");
  }
}

export interface Section {
  readonly title: string;
  readonly blocks: readonly Block[];
}

export type Block = Paragraph | Facts | Table | Chart;

export interface Paragraph {
  readonly kind: "paragraph";
  readonly text: string;
  /** A note is set smaller: an explanation beside the figures, not a figure. */
  readonly style?: "body" | "note";
}

/** Labelled figures, one per line: "Price per share  $12.3456". */
export interface Facts {
  readonly kind: "facts";
  readonly items: readonly { readonly label: string; readonly value: CellValue }[];
}

/** The value of a table cell or a fact: typed and exact, written by each renderer its own way. */
export type CellValue =
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "money"; readonly value: Money; readonly precision?: MoneyPrecision }
  | { readonly kind: "shares"; readonly value: bigint }
  | { readonly kind: "fraction"; readonly value: Rational }
  | { readonly kind: "number"; readonly value: Rational; readonly places?: number; readonly suffix?: string }
  | { readonly kind: "date"; readonly value: IsoDate }
  | { readonly kind: "empty" };

/**
 * How a PDF writes an amount: `compact` as people read it in a table ($830B, $1.2M),
 * `exact` to the cent (or to every decimal a price has) where a lawyer needs the figure,
 * `key` both: a key figure read compact, its exact amount beside it ("$830B
 * $829,999,999,895.00"). A workbook always holds the number itself.
 */
export type MoneyPrecision = "compact" | "exact" | "price" | "key";

export interface TableColumn {
  readonly key: string;
  readonly header: string;
  /** How the workbook computes the column from others, so that the figure explains itself. */
  readonly formula?: ColumnFormula;
}

/**
 * A column the workbook writes as a formula over other columns of the same row and the
 * table's total row; the value in the cells stays the exact figure (the PDF prints it,
 * and the workbook caches it as the formula's result).
 */
export type ColumnFormula =
  /** This row's `of` over the total row's `of`: ownership = shares / total. */
  | { readonly kind: "share_of_total"; readonly of: string }
  /** `numerator` over `denominator` of the same row: a multiple on invested capital. */
  | { readonly kind: "ratio"; readonly numerator: string; readonly denominator: string }
  /** The sum of the listed columns of the same row: a holder's total over classes. */
  | { readonly kind: "row_sum"; readonly columns: readonly string[] };

export interface TableRow {
  readonly cells: Readonly<Record<string, CellValue>>;
}

export interface Table {
  readonly kind: "table";
  readonly title?: string;
  readonly columns: readonly TableColumn[];
  readonly rows: readonly TableRow[];
  /**
   * A total row: the sum of each listed column (the workbook writes SUM formulas; the PDF
   * the exact sum), the label in the first column. Share-of-total columns refer to it.
   */
  readonly total?: { readonly label: string; readonly sums: readonly string[] };
  /** The name of the workbook sheet when the table is laid out on a sheet of its own. */
  readonly sheet?: string;
}

/** The unit of a chart's axis. */
export type ChartUnit =
  | { readonly kind: "money"; readonly currency: Money["currency"] }
  | { readonly kind: "fraction" }
  | { readonly kind: "shares" }
  | { readonly kind: "count" };

/** Bars per category, one bar per series (`bar`) or the series stacked (`stacked_bar`). */
export interface BarChart {
  readonly kind: "chart";
  readonly chart: "bar" | "stacked_bar";
  readonly title: string;
  readonly unit: ChartUnit;
  readonly categories: readonly string[];
  readonly series: readonly { readonly name: string; readonly values: readonly Rational[] }[];
  /** Vertical marks over the categories (such as P5, P50, P95 over a histogram), by category index. */
  readonly markers?: readonly { readonly at: number; readonly label: string }[];
}

/** Lines through exact points: a payout as a function of the exit value. */
export interface LineChart {
  readonly kind: "chart";
  readonly chart: "line";
  readonly title: string;
  readonly xUnit: ChartUnit;
  readonly unit: ChartUnit;
  readonly series: readonly {
    readonly name: string;
    readonly points: readonly { readonly x: Rational; readonly y: Rational }[];
  }[];
  /** Vertical marks at x values (such as the breakpoints). */
  readonly markers?: readonly { readonly x: Rational; readonly label: string }[];
}

export type Chart = BarChart | LineChart;

// Factories: the reports build cells with these, so that a cell's kind is never spelled by hand.

export const text = (value: string): CellValue => ({ kind: "text", text: value });
export const money = (value: Money, precision: MoneyPrecision = "compact"): CellValue => ({
  kind: "money",
  value,
  precision,
});
export const shares = (value: bigint): CellValue => ({ kind: "shares", value });
export const fraction = (value: Rational): CellValue => ({ kind: "fraction", value });
export const number = (value: Rational, places = 2, suffix?: string): CellValue => ({
  kind: "number",
  value,
  places,
  ...(suffix === undefined ? {} : { suffix }),
});
export const date = (value: IsoDate): CellValue => ({ kind: "date", value });
export const empty: CellValue = { kind: "empty" };

export const paragraph = (value: string, style: Paragraph["style"] = "body"): Paragraph => ({
  kind: "paragraph",
  text: value,
  style,
});

/** The mark of a file whose figures come from edits not yet saved (SPEC WEB-PDF-1), in the file's language. */
export function unsavedEditsMark(lang?: Language): ReportMark {
  return {
    kind: "unsaved_edits",
    text: wording(lang)(
      "The figures come from edits not yet saved: no stored version of the deal holds them.",
      "Les chiffres viennent de modifications pas encore enregistrées : aucune version enregistrée du dossier ne les contient.",
    ),
  };
}
