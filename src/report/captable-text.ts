import type { CapTableReport } from "../app/captable.js";
import { groupedInteger, moneyFor, percentText, refText, type TextOptions } from "./format.js";
import { renderTable } from "./table.js";

/** `roundtable captable` as a table (APP-5): rows per holder or per class, by display name. */
export function capTableText(
  report: CapTableReport,
  by: "holder" | "class",
  options: TextOptions = {},
): string {
  const rows = by === "holder" ? report.holders : report.classes;
  const t = report.totals;
  const table = renderTable(
    [
      { header: by === "holder" ? "Holder" : "Class" },
      { header: "Outstanding", align: "right" },
      { header: "%", align: "right" },
      { header: "As-converted", align: "right" },
      { header: "%", align: "right" },
      { header: "Fully diluted", align: "right" },
      { header: "%", align: "right" },
      ...(by === "holder" ? [{ header: "Options vested", align: "right" as const }] : []),
    ],
    rows.map((r) => [
      refText(r.subject, options),
      groupedInteger(r.outstanding),
      percentText(r.outstandingFraction),
      groupedInteger(r.asConverted),
      percentText(r.asConvertedFraction),
      groupedInteger(r.fullyDiluted),
      percentText(r.fullyDilutedFraction),
      ...(by === "holder"
        ? [
            r.options
              ? `${groupedInteger(r.options.vested)} of ${groupedInteger(r.options.vested + r.options.unvested)}`
              : "",
          ]
        : []),
    ]),
  );
  return [
    `${report.company.name} — cap table as of ${report.asOf}`,
    "",
    table,
    `Total: ${groupedInteger(t.outstanding)} outstanding, ${groupedInteger(t.asConverted)} as-converted, ${groupedInteger(t.fullyDiluted)} fully diluted`,
    ...(t.unconverted.amount.isZero()
      ? []
      : [
          `SAFEs and notes not yet converted (outside the share counts): ${moneyFor(t.unconverted, options)}`,
        ]),
    "",
  ].join("\n");
}
