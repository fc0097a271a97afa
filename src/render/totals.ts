import { Rational } from "../core/exact/rational.js";
import type { CellValue, Table } from "./document.js";

/**
 * The exact sums of a table's total row, by column key (SPEC REP-4): money, share counts,
 * fractions and numbers add exactly; a column with text, or with amounts in two
 * currencies, has no total. The PDF prints these; the workbook writes SUM formulas whose
 * results are these same values.
 */
export function tableTotals(table: Table): Map<string, CellValue> {
  const totals = new Map<string, CellValue>();
  for (const key of table.total?.sums ?? []) {
    const cells = table.rows.map((r) => r.cells[key]).filter((c) => c !== undefined && c.kind !== "empty");
    const total = sumCells(cells as CellValue[]);
    if (total) totals.set(key, total);
  }
  return totals;
}

function sumCells(cells: readonly CellValue[]): CellValue | undefined {
  const first = cells[0];
  if (!first) return undefined;
  switch (first.kind) {
    case "shares": {
      let total = 0n;
      for (const c of cells) {
        if (c.kind !== "shares") return undefined;
        total += c.value;
      }
      return { kind: "shares", value: total };
    }
    case "money": {
      const currency = first.value.currency;
      const amounts: Rational[] = [];
      for (const c of cells) {
        if (c.kind !== "money" || c.value.currency !== currency) return undefined;
        amounts.push(c.value.amount);
      }
      return {
        kind: "money",
        value: { kind: "money", currency, amount: Rational.sum(amounts) },
        precision: first.precision ?? "compact",
      };
    }
    case "fraction": {
      const values: Rational[] = [];
      for (const c of cells) {
        if (c.kind !== "fraction") return undefined;
        values.push(c.value);
      }
      return { kind: "fraction", value: Rational.sum(values) };
    }
    case "number": {
      const values: Rational[] = [];
      for (const c of cells) {
        if (c.kind !== "number") return undefined;
        values.push(c.value);
      }
      return { ...first, value: Rational.sum(values) };
    }
    default:
      return undefined;
  }
}
