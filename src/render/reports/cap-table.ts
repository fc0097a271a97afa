import type { CapTableReport, CapTableRow } from "../../app/captable.js";
import type { Money } from "../../core/exact/money.js";
import type { Rational } from "../../core/exact/rational.js";
import type { IsoDate } from "../../core/shared/date.js";
import {
  type CellValue,
  type DocumentContext,
  empty,
  fraction,
  money,
  paragraph,
  type ReportDocument,
  shares,
  type Table,
  text,
  wording,
} from "../document.js";

type Wording = (en: string, fr: string) => string;

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
  const w = wording(context.lang);
  return {
    ...(context.lang === undefined ? {} : { lang: context.lang }),
    title: {
      title: w("Cap table", "Table de capitalisation"),
      company: f.company,
      subject: w(`as of ${f.asOf}`, `au ${f.asOf}`),
      ...(context.version === undefined ? {} : { version: context.version }),
      date: f.asOf,
      marks: [...(context.marks ?? [])],
    },
    sections: [
      {
        title: w("Summary", "Synthèse"),
        blocks: [
          {
            kind: "facts",
            items: [
              { label: w("Outstanding shares", "Actions émises"), value: shares(f.totals.outstanding) },
              {
                label: w("As-converted shares", "Actions sur une base convertie"),
                value: shares(f.totals.asConverted),
              },
              {
                label: w("Fully diluted shares", "Actions entièrement diluées"),
                value: shares(f.totals.fullyDiluted),
              },
              ...(f.totals.unconverted.amount.isZero()
                ? []
                : [
                    {
                      label: w(
                        "SAFEs and notes not yet converted",
                        "SAFE et obligations convertibles pas encore converties",
                      ),
                      value: money(f.totals.unconverted, "exact"),
                    },
                  ]),
            ],
          },
          {
            kind: "chart",
            chart: "bar",
            title: w("Fully diluted ownership by holder", "Détention entièrement diluée par détenteur"),
            unit: { kind: "fraction" },
            categories: f.holders.map((h) => h.name),
            series: [
              {
                name: w("Fully diluted", "Entièrement dilué"),
                values: f.holders.map((h) => h.fullyDilutedFraction),
              },
            ],
          },
        ],
      },
      { title: w("By holder", "Par détenteur"), blocks: [viewTable(w("Holder", "Détenteur"), f.holders, w)] },
      { title: w("By class", "Par catégorie"), blocks: [viewTable(w("Class", "Catégorie"), f.classes, w)] },
      // The holder × class breakdown is there when the report was asked for it (byClass).
      ...(f.holders.some((h) => h.byClass.size > 0) ? [holderByClassSection(f, w)] : []),
    ],
  };
}

function holderByClassSection(f: CapTableFigures, w: Wording) {
  return {
    title: w("By holder and class", "Par détenteur et catégorie"),
    blocks: [
      holderByClassTable(f, w),
      paragraph(
        w(
          "Issued shares of each class by holder; the total is across classes. The fully diluted percentage also counts options, warrants and the unallocated pool, which this table does not list.",
          "Actions émises de chaque catégorie par détenteur ; le total porte sur toutes les catégories. Le pourcentage entièrement dilué compte aussi les options, les bons de souscription et le pool non attribué, que ce tableau ne liste pas.",
        ),
        "note",
      ),
    ],
  };
}

function viewTable(label: string, rows: readonly ViewRow[], w: Wording): Table {
  return {
    kind: "table",
    columns: [
      { key: "name", header: label },
      { key: "outstanding", header: w("Outstanding", "Émises") },
      { key: "outstandingFraction", header: "%", formula: { kind: "share_of_total", of: "outstanding" } },
      { key: "asConverted", header: w("As-converted", "Base convertie") },
      { key: "asConvertedFraction", header: "%", formula: { kind: "share_of_total", of: "asConverted" } },
      { key: "fullyDiluted", header: w("Fully diluted", "Entièrement dilué") },
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

function holderByClassTable(f: CapTableFigures, w: Wording): Table {
  const classes = f.classes.filter((c) => c.outstanding > 0n).map((c) => c.name);
  const holders = f.holders.filter((h) => !h.pool && h.outstanding > 0n);
  return {
    kind: "table",
    sheet: w(IMPORTABLE_SHEET, "Table de capitalisation"),
    columns: [
      { key: "name", header: w("Holder", "Détenteur") },
      ...classes.map((c, i) => ({ key: `c${i}`, header: c })),
      {
        key: "total",
        header: "Total",
        formula: { kind: "row_sum", columns: classes.map((_, i) => `c${i}`) },
      },
      { key: "fd", header: w("% fully diluted", "% entièrement dilué") },
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
