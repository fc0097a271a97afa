import type { CapTable } from "../core/ledger/cap-table.js";
import { capTableView, fractionOf, optionVesting } from "../core/ledger/views.js";
import type { IsoDate } from "../core/shared/date.js";
import { amount, fractionsSummingToOne } from "./format.js";

export interface CapTableRow {
  readonly kind: "stakeholder" | "unallocated_pool" | "class";
  readonly id: string;
  readonly name: string;
  readonly outstanding: string;
  readonly asConverted: string;
  readonly fullyDiluted: string;
  readonly outstandingFraction: string;
  readonly asConvertedFraction: string;
  readonly fullyDilutedFraction: string;
  /** Outstanding options and RSUs vested and unvested at the report's date (holders only). */
  readonly optionsVested?: string;
  readonly optionsUnvested?: string;
  /** Issued shares by class id (holders only), when the report is asked for it (`byClass`); the CLI's JSON leaves it out. */
  readonly sharesByClass?: Readonly<Record<string, string>>;
}

export interface CapTableReport {
  readonly company: string;
  readonly currency: string;
  readonly asOf: string;
  readonly holders: readonly CapTableRow[];
  readonly classes: readonly CapTableRow[];
  readonly totals: {
    readonly outstanding: string;
    readonly asConverted: string;
    readonly fullyDiluted: string;
    readonly unconverted: string;
  };
}

/**
 * The cap table's three views per holder (with unallocated pools) and per class (SPEC
 * FD-1..FD-4, OUT-2). With `byClass`, each holder row also carries its issued shares by
 * class (for the holder × class layout of the XLSX report); the CLI's JSON leaves it out.
 */
export function capTableReport(
  table: CapTable,
  asOf: IsoDate,
  options: { byClass?: boolean } = {},
): CapTableReport {
  const view = capTableView(table);
  const vesting = optionVesting(table, asOf);
  const t = view.totals;
  const holderFigures = [
    ...view.holders.map((h) => ({
      kind: "stakeholder" as const,
      id: h.holder as string,
      name: h.name,
      o: h.outstanding,
      a: h.asConverted,
      f: h.fullyDiluted,
      byClass: h.sharesByClass,
    })),
    ...view.pools.map((p) => ({
      kind: "unallocated_pool" as const,
      id: p.pool as string,
      name: `Unallocated: ${p.name}`,
      o: 0n,
      a: 0n,
      f: p.available,
      byClass: undefined,
    })),
  ];
  const classFigures = view.classes.map((c) => ({
    kind: "class" as const,
    id: c.classId as string,
    name: c.name,
    o: c.issued,
    a: c.asConverted,
    f:
      c.asConverted +
      c.options +
      c.warrants +
      view.pools
        .filter((p) => table.pools.get(p.pool)?.classId === c.classId)
        .reduce((s, p) => s + p.available, 0n),
    byClass: undefined,
  }));
  const rows = (figures: typeof holderFigures | typeof classFigures): CapTableRow[] => {
    const vestingOf = (kind: string, id: string) => {
      if (kind !== "stakeholder") return {};
      const v = vesting.get(id as never);
      return v ? { optionsVested: v.vested.toString(), optionsUnvested: v.unvested.toString() } : {};
    };
    const of = fractionsSummingToOne(figures.map((x) => fractionOf(x.o, t.outstanding)));
    const af = fractionsSummingToOne(figures.map((x) => fractionOf(x.a, t.asConverted)));
    const ff = fractionsSummingToOne(figures.map((x) => fractionOf(x.f, t.fullyDiluted)));
    return figures.map((x, i) => ({
      kind: x.kind,
      id: x.id,
      name: x.name,
      outstanding: x.o.toString(),
      asConverted: x.a.toString(),
      fullyDiluted: x.f.toString(),
      outstandingFraction: of[i]!,
      asConvertedFraction: af[i]!,
      fullyDilutedFraction: ff[i]!,
      ...vestingOf(x.kind, x.id),
      ...(options.byClass && x.kind === "stakeholder"
        ? {
            sharesByClass: Object.fromEntries(
              [...(x.byClass ?? new Map<string, bigint>())].map(([c, n]) => [c, n.toString()]),
            ),
          }
        : {}),
    }));
  };
  return {
    company: table.company.name,
    currency: table.company.currency,
    asOf,
    holders: rows(holderFigures),
    classes: rows(classFigures),
    totals: {
      outstanding: t.outstanding.toString(),
      asConverted: t.asConverted.toString(),
      fullyDiluted: t.fullyDiluted.toString(),
      unconverted: amount(t.unconverted),
    },
  };
}
