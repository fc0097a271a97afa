import { readHolderKind, readShares, type SecurityKind } from "./cell-values.js";
import { type Holding, isPoolLabel, isTotalLabel, type SheetContents } from "./holdings.js";
import type { Column, SheetLayout } from "./layouts.js";
import type { ProblemList } from "./problems.js";
import { securityNamedByClass } from "./rows-layout.js";
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

/** What a summary's share column holds: a class's shares, or options or warrants on the common class. */
function securityOfColumn(c: Column): SecurityKind | "skip" {
  if (c.field === "options") return "option";
  if (c.field === "warrants") return "warrant";
  const named = securityNamedByClass(c.header);
  if (named === "safe" || named === "note") return "skip";
  return named ?? "stock";
}

/**
 * The summary layout (IMP-33): one row per holder, one column of share counts per class
 * (and options or warrants columns), a Total column, percentage columns and a total row.
 * Every stated total and percentage is kept to be checked against the imported shares.
 */
export function readSummary(layout: SheetLayout, problems: ProblemList): SheetContents {
  const { sheet, headerRow } = layout;
  const declaredClasses = layout.classColumns
    .filter((c) => securityOfColumn(c) === "stock")
    .map((c) => ({
      name: c.header,
      place: { sheet: sheet.name, row: headerRow, column: c.index, header: c.header },
    }));
  const contents: SheetContents = {
    holdings: [],
    classes: new Map(),
    totals: [],
    percents: [],
    skippedRows: [],
    declaredClasses,
  };
  const holderColumn = layout.byField.get("holder")!;
  const shareColumns = layout.columns.filter(
    (c) => c.field === "class_shares" || c.field === "options" || c.field === "warrants",
  );
  for (const c of shareColumns)
    if (securityOfColumn(c) === "skip")
      problems.warn(
        "import_column_ignored",
        { sheet: sheet.name, row: headerRow, column: c.index, header: c.header },
        "SAFEs and notes are amounts, not share counts: list them in the template layout (a row each, with the amount)",
      );
  const totalColumn = layout.byField.get("total");
  const place = (row: number, c?: Column): CellPlace =>
    c ? { sheet: sheet.name, row, column: c.index, header: c.header } : { sheet: sheet.name, row };
  const percentCells = new Map<number, SheetCell[]>();
  for (const c of layout.percentColumns) {
    const cells: SheetCell[] = [];
    for (let row = headerRow + 1; row <= sheet.rows.length; row++) {
      const cell = cellAt(sheet, row, c.index);
      if (cell && !isBlank(cell)) cells.push(cell);
    }
    percentCells.set(c.index, cells);
  }
  const columnSums = new Map<number, bigint>();
  let grandSum = 0n;

  const readPercents = (row: number, subject: SheetContents["percents"][number]["subject"]) => {
    for (const c of layout.percentColumns) {
      const cell = cellAt(sheet, row, c.index);
      if (!cell || isBlank(cell)) continue;
      if (isUncomputedFormula(cell)) {
        problems.warn("import_check_skipped", place(row, c), UNCOMPUTED_NOT_CHECKED);
        continue;
      }
      const p = readStatedPercent(cell, percentUnitsOf(percentCells.get(c.index) ?? []));
      if ("why" in p) problems.error("import_invalid_cell", place(row, c), p.why);
      else
        contents.percents.push({
          place: place(row, c),
          subject,
          basis: c.basis ?? "either",
          ...p,
          written: cell.text,
        });
    }
  };

  for (let row = headerRow + 1; row <= sheet.rows.length; row++) {
    if (rowIsBlank(sheet.rows[row - 1])) continue;
    const holderCell = cellAt(sheet, row, holderColumn.index);
    const holderText = holderCell && !isBlank(holderCell) ? holderCell.text : undefined;

    if (holderText !== undefined && isTotalLabel(holderText)) {
      for (const c of shareColumns) {
        const cell = cellAt(sheet, row, c.index);
        if (!cell || isBlank(cell)) continue;
        if (isUncomputedFormula(cell)) {
          problems.warn("import_check_skipped", place(row, c), UNCOMPUTED_NOT_CHECKED);
          continue;
        }
        const r = readShares(cell);
        if (!r.ok) problems.error("import_invalid_cell", place(row, c), r.why);
        else
          contents.totals.push({
            place: place(row, c),
            what: `the column "${c.header}"`,
            stated: r.value,
            computed: columnSums.get(c.index) ?? 0n,
          });
      }
      if (totalColumn) {
        const cell = cellAt(sheet, row, totalColumn.index);
        if (cell && !isBlank(cell) && isUncomputedFormula(cell))
          problems.warn("import_check_skipped", place(row, totalColumn), UNCOMPUTED_NOT_CHECKED);
        else if (cell && !isBlank(cell)) {
          const r = readShares(cell);
          if (!r.ok) problems.error("import_invalid_cell", place(row, totalColumn), r.why);
          else
            contents.totals.push({
              place: place(row, totalColumn),
              what: "all the share columns",
              stated: r.value,
              computed: grandSum,
            });
        }
      }
      readPercents(row, { kind: "total" });
      break;
    }

    // The share cells of the row, read once for holdings, the row total and the column totals.
    const cells: { column: Column; shares: bigint }[] = [];
    let rowSum = 0n;
    for (const c of shareColumns) {
      const cell = cellAt(sheet, row, c.index);
      if (!cell || isBlank(cell)) continue;
      const r = readShares(cell);
      if (!r.ok) {
        problems.error("import_invalid_cell", place(row, c), r.why);
        continue;
      }
      if (securityOfColumn(c) === "skip") continue;
      cells.push({ column: c, shares: r.value });
      rowSum += r.value;
      columnSums.set(c.index, (columnSums.get(c.index) ?? 0n) + r.value);
    }
    grandSum += rowSum;
    if (totalColumn) {
      const cell = cellAt(sheet, row, totalColumn.index);
      if (cell && !isBlank(cell) && isUncomputedFormula(cell))
        problems.warn("import_check_skipped", place(row, totalColumn), UNCOMPUTED_NOT_CHECKED);
      else if (cell && !isBlank(cell)) {
        const r = readShares(cell);
        if (!r.ok) problems.error("import_invalid_cell", place(row, totalColumn), r.why);
        else
          contents.totals.push({
            place: place(row, totalColumn),
            what: `${holderText ?? "the row"}'s shares across the class columns`,
            stated: r.value,
            computed: rowSum,
          });
      }
    }
    if (holderText === undefined) {
      if (cells.length > 0)
        problems.error(
          "import_missing_value",
          place(row, holderColumn),
          "the holder is empty but the row has shares",
        );
      continue;
    }

    if (isPoolLabel(holderText)) {
      if (contents.pool)
        problems.error(
          "import_conflicting_values",
          place(row, holderColumn),
          `a second row of available pool shares; the first is row ${contents.pool.place.row}`,
        );
      else {
        const inClass = cells.find((x) => securityOfColumn(x.column) === "stock");
        contents.pool = {
          available: rowSum,
          place: place(row, holderColumn),
          ...(inClass ? { className: inClass.column.header } : {}),
        };
      }
      readPercents(row, { kind: "pool" });
      continue;
    }

    const kindColumn = layout.byField.get("holderKind");
    let holderKind: "individual" | "institution" | undefined;
    if (kindColumn) {
      const cell = cellAt(sheet, row, kindColumn.index);
      if (cell && !isBlank(cell)) {
        const r = readHolderKind(cell);
        if (r.ok) holderKind = r.value;
        else problems.error("import_invalid_cell", place(row, kindColumn), r.why);
      }
    }
    for (const { column, shares } of cells) {
      if (shares === 0n) continue;
      const security = securityOfColumn(column) as SecurityKind;
      const holding: Holding = {
        place: place(row, column),
        holder: holderText,
        holderPlace: place(row, holderColumn),
        security,
        shares,
        ...(holderKind ? { holderKind } : {}),
        ...(security === "stock" ? { className: column.header, classPlace: place(headerRow, column) } : {}),
      };
      contents.holdings.push(holding);
    }
    readPercents(row, { kind: "holder", holder: holderText });
  }
  return contents;
}
