import type { CapTableReport, CapTableRow } from "../../app/captable.js";
import type { Money } from "../../core/exact/money.js";
import type { Rational } from "../../core/exact/rational.js";
import type { IsoDate } from "../../core/shared/date.js";
import {
  type CellValue,
  empty,
  fraction,
  money,
  paragraph,
  type ReportDocument,
  shares,
  type Table,
  text,
} from "../document.js";
import type { DocumentContext } from "./pro-forma.js";

interface ViewRow {
  readonly name: string;
  readonly pool: boolean;
  readonly outstanding: bigint;
  readonly asConverted: bigint;
  readonly fullyDiluted: bigint;
  readonly outstandingFraction: Rational;
  readonly asConvertedFraction: Rational;
  readonly fullyDilutedFraction: Rational;
}

/** The cap table's figures, exact. */
export interface CapTableFigures {
  readonly company: string;
  readonly asOf: IsoDate;
  readonly holders: readonly (ViewRow & { readonly byClass: ReadonlyMap<string, bigint> })[];
  readonly classes: readonly ViewRow[];
  readonly totals: {
    readonly outstanding: bigint;
    readonly asConverted: bigint;
    readonly fullyDiluted: bigint;
    readonly unconverted: Money;
  };
}

/**
 * The cap table's figures, read from the typed report of the captable use case (APP-2);
 * with `byClass`, each holder's issued shares by class (the holder × class section).
 */
export function capTableFiguresOf(
  report: CapTableReport,
  options: { byClass?: boolean } = {},
): CapTableFigures {
  const className = new Map(report.classes.map((c) => [c.subject.id, c.subject.name]));
  const row = (r: CapTableRow): ViewRow => ({
    name: r.subject.name,
    pool: r.kind === "unallocated_pool",
    outstanding: r.outstanding,
    asConverted: r.asConverted,
    fullyDiluted: r.fullyDiluted,
    outstandingFraction: r.outstandingFraction,
    asConvertedFraction: r.asConvertedFraction,
    fullyDilutedFraction: r.fullyDilutedFraction,
  });
  return {
    company: report.company.name,
    asOf: report.asOf,
    holders: report.holders.map((h) => ({
      ...row(h),
      byClass: new Map(
        options.byClass ? [...(h.sharesByClass ?? [])].map(([c, n]) => [className.get(c) ?? c, n]) : [],
      ),
    })),
    classes: report.classes.map(row),
    totals: {
      outstanding: report.totals.outstanding,
      asConverted: report.totals.asConverted,
      fullyDiluted: report.totals.fullyDiluted,
      unconverted: report.totals.unconverted,
    },
  };
}

/**
 * The header the spreadsheet importer reads back (issue 15's "summary by holder × class"):
 * `Holder | <class names…> | Total | % fully diluted`, one row per stakeholder with the
 * issued shares of each class, on a sheet of its own that starts with the header.
 */
export const IMPORTABLE_SHEET = "Cap table";

/** The cap table as of a date, by holder, by class and by holder × class (SPEC REP-6). */
export function capTableDocument(f: CapTableFigures, context: DocumentContext = {}): ReportDocument {
  return {
    title: {
      title: "Cap table",
      company: f.company,
      subject: `as of ${f.asOf}`,
      ...(context.version === undefined ? {} : { version: context.version }),
      date: f.asOf,
      marks: [...(context.marks ?? [])],
    },
    sections: [
      {
        title: "Summary",
        blocks: [
          {
            kind: "facts",
            items: [
              { label: "Outstanding shares", value: shares(f.totals.outstanding) },
              { label: "As-converted shares", value: shares(f.totals.asConverted) },
              { label: "Fully diluted shares", value: shares(f.totals.fullyDiluted) },
              ...(f.totals.unconverted.amount.isZero()
                ? []
                : [
                    {
                      label: "SAFEs and notes not yet converted",
                      value: money(f.totals.unconverted, "exact"),
                    },
                  ]),
            ],
          },
          {
            kind: "chart",
            chart: "bar",
            title: "Fully diluted ownership by holder",
            unit: { kind: "fraction" },
            categories: f.holders.map((h) => h.name),
            series: [{ name: "Fully diluted", values: f.holders.map((h) => h.fullyDilutedFraction) }],
          },
        ],
      },
      { title: "By holder", blocks: [viewTable("Holder", f.holders)] },
      { title: "By class", blocks: [viewTable("Class", f.classes)] },
      // The holder × class breakdown is there when the report was asked for it (byClass).
      ...(f.holders.some((h) => h.byClass.size > 0) ? [holderByClassSection(f)] : []),
    ],
  };
}

function holderByClassSection(f: CapTableFigures) {
  return {
    title: "By holder and class",
    blocks: [
      holderByClassTable(f),
      paragraph(
        "Issued shares of each class by holder; the total is across classes. The fully diluted percentage also counts options, warrants and the unallocated pool, which this table does not list.",
        "note",
      ),
    ],
  };
}

function viewTable(label: string, rows: readonly ViewRow[]): Table {
  return {
    kind: "table",
    columns: [
      { key: "name", header: label },
      { key: "outstanding", header: "Outstanding" },
      { key: "outstandingFraction", header: "%", formula: { kind: "share_of_total", of: "outstanding" } },
      { key: "asConverted", header: "As-converted" },
      { key: "asConvertedFraction", header: "%", formula: { kind: "share_of_total", of: "asConverted" } },
      { key: "fullyDiluted", header: "Fully diluted" },
      { key: "fullyDilutedFraction", header: "%", formula: { kind: "share_of_total", of: "fullyDiluted" } },
    ],
    rows: rows.map((r) => ({
      cells: {
        name: text(r.name),
        outstanding: shares(r.outstanding),
        outstandingFraction: fraction(r.outstandingFraction),
        asConverted: shares(r.asConverted),
        asConvertedFraction: fraction(r.asConvertedFraction),
        fullyDiluted: shares(r.fullyDiluted),
        fullyDilutedFraction: fraction(r.fullyDilutedFraction),
      },
    })),
    total: {
      label: "Total",
      sums: [
        "outstanding",
        "outstandingFraction",
        "asConverted",
        "asConvertedFraction",
        "fullyDiluted",
        "fullyDilutedFraction",
      ],
    },
  };
}

function holderByClassTable(f: CapTableFigures): Table {
  const classes = f.classes.filter((c) => c.outstanding > 0n).map((c) => c.name);
  const holders = f.holders.filter((h) => !h.pool && h.outstanding > 0n);
  return {
    kind: "table",
    sheet: IMPORTABLE_SHEET,
    columns: [
      { key: "name", header: "Holder" },
      ...classes.map((c, i) => ({ key: `c${i}`, header: c })),
      {
        key: "total",
        header: "Total",
        formula: { kind: "row_sum", columns: classes.map((_, i) => `c${i}`) },
      },
      { key: "fd", header: "% fully diluted" },
    ],
    rows: holders.map((h) => {
      const cells: Record<string, CellValue> = { name: text(h.name) };
      let total = 0n;
      classes.forEach((c, i) => {
        const n = h.byClass.get(c) ?? 0n;
        total += n;
        cells[`c${i}`] = n === 0n ? empty : shares(n);
      });
      cells.total = shares(total);
      cells.fd = fraction(h.fullyDilutedFraction);
      return { cells };
    }),
  };
}
