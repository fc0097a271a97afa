import type { IsoDate } from "../../core/shared/date.js";

/**
 * A spreadsheet read into cells, the one shape both readers (CSV and XLSX) produce, so
 * that header recognition, layouts and checks never know which file they came from.
 * Rows and columns are numbered from 1 as a spreadsheet shows them.
 */
export interface SheetCell {
  /** The cell's text as typed (CSV), or its value as text (XLSX), trimmed. */
  readonly text: string;
  /** The exact decimal text of a numeric XLSX cell (the double's shortest round-trip text). */
  readonly number?: string;
  /** A date cell's calendar date. */
  readonly date?: IsoDate;
  /** True when the cell's number format shows a percentage (the number is a fraction). */
  readonly percentFormat?: boolean;
  /** Decimal places the cell's number format shows, when it states them. */
  readonly formatDecimals?: number;
  /** True when the value is a formula's cached result. */
  readonly formula?: boolean;
  /** A formula's error value (#DIV/0!, #REF!), or a formula with no computed value. */
  readonly formulaProblem?: string;
}

export interface Sheet {
  readonly name: string;
  /** rows[0] is spreadsheet row 1; an absent cell is empty. */
  readonly rows: readonly (readonly (SheetCell | undefined)[])[];
}

export interface Workbook {
  readonly kind: "csv" | "xlsx";
  readonly sheets: readonly Sheet[];
  /** How a CSV was read: its delimiter and encoding. */
  readonly csv?: { readonly delimiter: string; readonly encoding: string };
}

/** Where something is in a workbook: a sheet, and a row and column when known. */
export interface CellPlace {
  readonly sheet: string;
  readonly row?: number;
  readonly column?: number;
  /** The column's header as written in the sheet. */
  readonly header?: string;
}

/** Column 1 is A, 27 is AA. */
export function columnLetter(column: number): string {
  let n = column;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** `sheet "Cap table", row 7, column C (Shares)`: how every problem names its place. */
export function describePlace(place: CellPlace): string {
  const parts = [`sheet "${place.sheet}"`];
  if (place.row !== undefined) parts.push(`row ${place.row}`);
  if (place.column !== undefined)
    parts.push(
      `column ${columnLetter(place.column)}${place.header !== undefined && place.header !== "" ? ` (${place.header})` : ""}`,
    );
  return parts.join(", ");
}

export function cellAt(sheet: Sheet, row: number, column: number): SheetCell | undefined {
  return sheet.rows[row - 1]?.[column - 1];
}

export function isBlank(cell: SheetCell | undefined): boolean {
  return (
    cell === undefined ||
    (cell.text === "" &&
      cell.number === undefined &&
      cell.date === undefined &&
      cell.formulaProblem === undefined)
  );
}

export function rowIsBlank(row: readonly (SheetCell | undefined)[] | undefined): boolean {
  return row === undefined || row.every(isBlank);
}

/** A formula whose value was never computed (a file written by a program, not saved by a spreadsheet). */
export function isUncomputedFormula(cell: SheetCell | undefined): boolean {
  return cell?.formulaProblem?.startsWith("a formula with no computed value") ?? false;
}

/** Why a stated figure is not checked when its cell is an uncomputed formula (IMP-53). */
export const UNCOMPUTED_NOT_CHECKED =
  "is a formula with no computed value, so it is not checked; open and save the file in a spreadsheet to compute it";
