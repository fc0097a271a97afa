import {
  readAntiDilution,
  readClassType,
  readMultiple,
  readParticipation,
  readWhole,
} from "./cell-values.js";
import type { Field } from "./headers.js";
import type { ClassDefinition } from "./holdings.js";
import { type Column, meaningOf } from "./layouts.js";
import type { ProblemList } from "./problems.js";
import { RowReader, recordClassTerms } from "./rows-layout.js";
import { cellAt, rowIsBlank, type Sheet } from "./sheet.js";

const TERM_FIELDS: readonly Field[] = [
  "classType",
  "preferenceMultiple",
  "participation",
  "seniority",
  "conversionRatio",
  "antiDilution",
  "originalIssuePrice",
];

/**
 * A sheet of class definitions beside the holdings (IMP-43): a header row among the first
 * rows with a class column and at least one column of terms, and no holder column, as
 * cap-table tools' templates keep share classes on their own tab. Each row defines a class.
 */
export function readClassSheet(
  sheet: Sheet,
  classes: Map<string, ClassDefinition>,
  problems: ProblemList,
): boolean {
  for (let row = 1; row <= Math.min(sheet.rows.length, 30); row++) {
    const columns: Column[] = [];
    for (let index = 1; index <= (sheet.rows[row - 1]?.length ?? 0); index++) {
      const header = cellAt(sheet, row, index)?.text ?? "";
      const meaning = header === "" ? undefined : meaningOf(undefined, header);
      columns.push({ index, header, field: meaning?.field });
    }
    const has = (f: Field) => columns.some((c) => c.field === f);
    if (has("holder") || !has("class") || !TERM_FIELDS.some(has)) continue;
    const byField = new Map<Field, Column>();
    for (const c of columns)
      if (c.field && c.field !== "class_shares" && !byField.has(c.field)) byField.set(c.field, c);
    const layout = {
      sheet,
      layout: "template" as const,
      headerRow: row,
      columns,
      byField,
      classColumns: [],
      percentColumns: [],
    };
    for (let r = row + 1; r <= sheet.rows.length; r++) {
      if (rowIsBlank(sheet.rows[r - 1])) continue;
      const reader = new RowReader(layout, r, problems, undefined);
      const name = reader.text("class");
      if (name === undefined) continue;
      const type = reader.read("classType", readClassType);
      const multiple = reader.read("preferenceMultiple", readMultiple);
      const participation = reader.read("participation", readParticipation);
      const seniority = reader.read("seniority", (c) => readWhole(c, 0, 1000));
      const ratio = reader.read("conversionRatio", readMultiple);
      const antiDilution = reader.read("antiDilution", readAntiDilution);
      const oip = reader.amount("originalIssuePrice");
      recordClassTerms(
        classes,
        {
          name,
          place: reader.place("class"),
          ...(type !== undefined ? { type } : {}),
          ...(multiple !== undefined ? { preferenceMultiple: multiple } : {}),
          ...(participation !== undefined ? { participation } : {}),
          ...(seniority !== undefined ? { seniority } : {}),
          ...(ratio !== undefined ? { conversionRatio: ratio } : {}),
          ...(antiDilution !== undefined ? { antiDilution } : {}),
          ...(oip !== undefined ? { originalIssuePrice: oip } : {}),
        },
        problems,
      );
    }
    return true;
  }
  return false;
}
