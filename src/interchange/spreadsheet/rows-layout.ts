import type { Rational } from "../../core/exact/rational.js";
import type { IsoDate } from "../../core/shared/date.js";
import {
  type CellRead,
  type DateOrder,
  readAmount,
  readAntiDilution,
  readClassType,
  readDate,
  readFraction,
  readHolderKind,
  readMonths,
  readMultiple,
  readOutstanding,
  readParticipation,
  readSecurity,
  readShares,
  readWhole,
  type SecurityKind,
} from "./cell-values.js";
import type { Field } from "./headers.js";
import {
  type ClassDefinition,
  type Holding,
  isPoolLabel,
  isTotalLabel,
  nameKey,
  type PlacedAmount,
  type SheetContents,
} from "./holdings.js";
import type { SheetLayout } from "./layouts.js";
import type { ProblemList } from "./problems.js";
import {
  type CellPlace,
  cellAt,
  isBlank,
  isUncomputedFormula,
  rowIsBlank,
  type SheetCell,
  UNCOMPUTED_NOT_CHECKED,
} from "./sheet.js";
import { percentUnitsOf, readStatedPercent } from "./stated-figures.js";

/** Reads the cells of one row by field, recording each problem with its place. */
export class RowReader {
  constructor(
    readonly layout: SheetLayout,
    readonly row: number,
    readonly problems: ProblemList,
    readonly dateOrder: DateOrder | undefined,
  ) {}

  place(field?: Field): CellPlace {
    const column = field ? this.layout.byField.get(field) : undefined;
    return column
      ? { sheet: this.layout.sheet.name, row: this.row, column: column.index, header: column.header }
      : { sheet: this.layout.sheet.name, row: this.row };
  }

  cell(field: Field): SheetCell | undefined {
    const column = this.layout.byField.get(field);
    if (!column) return undefined;
    const cell = cellAt(this.layout.sheet, this.row, column.index);
    return isBlank(cell) ? undefined : cell;
  }

  text(field: Field): string | undefined {
    return this.cell(field)?.text;
  }

  read<T>(field: Field, reader: (cell: SheetCell) => CellRead<T>): T | undefined {
    const cell = this.cell(field);
    if (!cell) return undefined;
    const r = reader(cell);
    if (r.ok) return r.value;
    this.problems.error("import_invalid_cell", this.place(field), r.why);
    return undefined;
  }

  amount(field: Field): PlacedAmount | undefined {
    const a = this.read(field, readAmount);
    return a ? { ...a, place: this.place(field) } : undefined;
  }

  date(field: Field): IsoDate | undefined {
    return this.read(field, (c) => readDate(c, this.dateOrder));
  }
}

function defined<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** Records a class's terms from a row, and reports terms that differ from an earlier row (IMP-42). */
export function recordClassTerms(
  classes: Map<string, ClassDefinition>,
  definition: ClassDefinition,
  problems: ProblemList,
): void {
  const key = nameKey(definition.name);
  const earlier = classes.get(key);
  if (!earlier) {
    classes.set(key, definition);
    return;
  }
  const merged: Record<string, unknown> = { ...earlier };
  const fields = [
    "type",
    "preferenceMultiple",
    "participation",
    "seniority",
    "conversionRatio",
    "antiDilution",
    "originalIssuePrice",
  ] as const;
  for (const f of fields) {
    const a = earlier[f];
    const b = definition[f];
    if (b === undefined) continue;
    if (a === undefined) {
      merged[f] = b;
      continue;
    }
    const same = JSON.stringify(comparable(a)) === JSON.stringify(comparable(b));
    if (!same)
      problems.error(
        "import_conflicting_values",
        definition.place,
        `class "${definition.name}" has ${f} ${show(b)} here but ${show(a)} in ${earlier.place.row !== undefined ? `row ${earlier.place.row}` : "an earlier definition"}; a class has one set of terms`,
      );
  }
  classes.set(key, merged as unknown as ClassDefinition);
}

function comparable(v: unknown): unknown {
  if (v && typeof v === "object" && "amount" in v) return (v as PlacedAmount).amount.toString();
  if (v && typeof v === "object" && "num" in v) return String(v);
  return v;
}

function show(v: unknown): string {
  const c = comparable(v);
  return typeof c === "string" ? c : JSON.stringify(c);
}

/** A class name that names a kind of security ("BSPCE 2023", "Options", "SAFE"): the security of a row with no security cell. */
export function securityNamedByClass(name: string): SecurityKind | undefined {
  const r = readSecurity({ text: name });
  return r.ok && r.value !== "stock" ? r.value : undefined;
}

/**
 * The template and ledger layouts (IMP-31, IMP-32): one holding per row. A ledger row
 * that is not outstanding (cancelled, transferred, exercised, converted) is left out with
 * a warning: the rows that replaced it carry the shares.
 */
export function readRows(
  layout: SheetLayout,
  problems: ProblemList,
  dateOrder: DateOrder | undefined,
): SheetContents {
  const contents: SheetContents = {
    holdings: [],
    classes: new Map(),
    totals: [],
    percents: [],
    skippedRows: [],
  };
  const { sheet } = layout;
  const percentCells = new Map<number, SheetCell[]>();
  for (const c of layout.percentColumns) {
    const cells: SheetCell[] = [];
    for (let row = layout.headerRow + 1; row <= sheet.rows.length; row++) {
      const cell = cellAt(sheet, row, c.index);
      if (cell && !isBlank(cell)) cells.push(cell);
    }
    percentCells.set(c.index, cells);
  }
  let sharesSum = 0n;
  for (let row = layout.headerRow + 1; row <= sheet.rows.length; row++) {
    if (rowIsBlank(sheet.rows[row - 1])) continue;
    const r = new RowReader(layout, row, problems, dateOrder);
    const holderText = r.text("holder");
    if (holderText !== undefined && isTotalLabel(holderText)) {
      const stated = isUncomputedFormula(r.cell("shares")) ? undefined : r.read("shares", readShares);
      if (isUncomputedFormula(r.cell("shares")))
        problems.warn("import_check_skipped", r.place("shares"), UNCOMPUTED_NOT_CHECKED);
      if (stated !== undefined)
        contents.totals.push({
          place: r.place("shares"),
          what: "the shares column",
          stated,
          computed: sharesSum,
        });
      for (const c of layout.percentColumns) {
        const cell = cellAt(sheet, row, c.index);
        if (!cell || isBlank(cell)) continue;
        const place = { sheet: sheet.name, row, column: c.index, header: c.header };
        if (isUncomputedFormula(cell)) {
          problems.warn("import_check_skipped", place, UNCOMPUTED_NOT_CHECKED);
          continue;
        }
        const p = readStatedPercent(cell, percentUnitsOf(percentCells.get(c.index) ?? []));
        if ("why" in p) problems.error("import_invalid_cell", place, p.why);
        else
          contents.percents.push({
            place,
            subject: { kind: "total" },
            basis: c.basis ?? "either",
            ...p,
            written: cell.text,
          });
      }
      // Rows under a total row are notes and subtotals, not holdings.
      break;
    }
    if (layout.byField.has("status")) {
      const outstanding = r.read("status", readOutstanding);
      if (outstanding === false) {
        contents.skippedRows.push(r.place("status"));
        continue;
      }
    }
    if (holderText === undefined) {
      problems.error(
        "import_missing_value",
        r.place("holder"),
        "the holder is empty; every row of holdings names its holder",
      );
      continue;
    }
    const shares = r.read("shares", readShares);
    const className = r.text("class");
    if (isPoolLabel(holderText)) {
      if (shares !== undefined) {
        if (contents.pool)
          problems.error(
            "import_conflicting_values",
            r.place("holder"),
            `a second row of available pool shares; the first is row ${contents.pool.place.row}`,
          );
        else
          contents.pool = { available: shares, place: r.place("shares"), ...defined("className", className) };
        sharesSum += shares;
      }
      continue;
    }
    const securityText = r.cell("security");
    let security: SecurityKind = "stock";
    if (securityText) security = r.read("security", readSecurity) ?? "stock";
    else if (className !== undefined) security = securityNamedByClass(className) ?? "stock";
    const needsShares =
      security === "stock" || security === "option" || security === "rsu" || security === "warrant";
    if (needsShares && shares === undefined && r.cell("shares") === undefined)
      problems.error(
        "import_missing_value",
        r.place("shares"),
        `the number of shares is empty for ${holderText}'s ${security}`,
      );
    if (security === "stock" && className === undefined)
      problems.error(
        "import_missing_value",
        r.place("class"),
        `the class is empty for ${holderText}'s shares`,
      );
    if (shares === 0n && needsShares) {
      contents.skippedRows.push(r.place("shares"));
      continue;
    }
    if (shares !== undefined) sharesSum += shares;
    const kind = r.read("holderKind", readHolderKind);
    const holding: Holding = {
      place: r.place(),
      holder: holderText,
      holderPlace: r.place("holder"),
      security,
      ...defined("holderKind", kind),
      ...(className !== undefined && security === "stock"
        ? { className, classPlace: r.place("class") }
        : className !== undefined && securityNamedByClass(className) === undefined
          ? { className, classPlace: r.place("class") }
          : {}),
      ...defined("shares", shares),
      ...defined("price", r.amount("price")),
      ...defined("amount", r.amount("amount")),
      ...defined("strike", r.amount("strike")),
      ...defined("valuationCap", r.amount("valuationCap")),
      ...defined("issueDate", r.date("issueDate")),
      ...defined("expiry", r.date("expiry")),
      ...defined("vestingStart", r.date("vestingStart")),
      ...defined("vestingMonths", r.read("vestingMonths", readMonths)),
      ...defined("cliffMonths", r.read("cliffMonths", readMonths)),
      ...defined("discount", r.read("discount", readFraction)),
      ...defined("interestRate", r.read("interestRate", readFraction)),
      ...defined("certificate", r.text("certificate")),
    };
    contents.holdings.push(holding);
    if (holding.className !== undefined) {
      const type = r.read("classType", readClassType);
      const multiple: Rational | undefined = r.read("preferenceMultiple", readMultiple);
      const participation = r.read("participation", readParticipation);
      const seniority = r.read("seniority", (c) => readWhole(c, 0, 1000));
      const ratio = r.read("conversionRatio", readMultiple);
      const antiDilution = r.read("antiDilution", readAntiDilution);
      const oip = r.amount("originalIssuePrice");
      if ([type, multiple, participation, seniority, ratio, antiDilution, oip].some((v) => v !== undefined))
        recordClassTerms(
          contents.classes,
          {
            name: holding.className,
            place: r.place("class"),
            ...defined("type", type),
            ...defined("preferenceMultiple", multiple),
            ...defined("participation", participation),
            ...defined("seniority", seniority),
            ...defined("conversionRatio", ratio),
            ...defined("antiDilution", antiDilution),
            ...defined("originalIssuePrice", oip),
          },
          problems,
        );
    }
    for (const c of layout.percentColumns) {
      const cell = cellAt(sheet, row, c.index);
      if (!cell || isBlank(cell) || shares === undefined) continue;
      const place = { sheet: sheet.name, row, column: c.index, header: c.header };
      if (isUncomputedFormula(cell)) {
        problems.warn("import_check_skipped", place, UNCOMPUTED_NOT_CHECKED);
        continue;
      }
      const p = readStatedPercent(cell, percentUnitsOf(percentCells.get(c.index) ?? []));
      if ("why" in p) problems.error("import_invalid_cell", place, p.why);
      else
        contents.percents.push({
          place,
          subject: { kind: "row", holder: holderText, shares },
          basis: c.basis ?? "either",
          ...p,
          written: cell.text,
        });
    }
  }
  return contents;
}
