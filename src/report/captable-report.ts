import type { CapTableReport as AppCapTableReport, CapTableRow as AppCapTableRow } from "../app/captable.js";
import type { ConvertibleRow } from "../app/convertibles.js";
import { amount, decimal, fractionsSummingToOne } from "./format.js";
import { whatIfJson } from "./what-if-report.js";

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
  /** Issued shares by class id, when asked for (`byClass`: the XLSX report's holder × class sheet). */
  readonly sharesByClass?: Readonly<Record<string, string>>;
}

export interface CapTableReport {
  readonly whatIf?: ReturnType<typeof whatIfJson>;
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
  /** SAFE-7, only when SAFEs or notes are not yet converted (added; the fields above are unchanged). */
  readonly convertibles?: readonly ConvertibleJson[];
  readonly atPrice?: string;
  /** DEBT-6, only when venture debt is outstanding (added; the fields above are unchanged). */
  readonly debts?: readonly DebtJson[];
}

/** A venture debt outstanding (DEBT-6): outside ownership; exact decimal strings. */
export interface DebtJson {
  readonly security: string;
  readonly holder: { readonly id: string; readonly name: string };
  readonly principal: string;
  readonly interestRate: string;
  readonly interest: "paid" | "accrued";
  readonly seniority: number;
  readonly issueDate: string;
  readonly maturityDate: string | null;
  readonly owed: string;
}

/** A SAFE or note not yet converted (SAFE-7): ids and exact decimal strings. */
export interface ConvertibleJson {
  readonly security: string;
  readonly holder: { readonly id: string; readonly name: string };
  readonly instrument: "safe" | "note";
  readonly capBasis: "post_money" | "pre_money";
  readonly convertingAmount: string;
  readonly valuationCap?: string;
  readonly discount?: string;
  readonly atCap?: {
    readonly companyCapitalization: string;
    readonly capPrice: string;
    readonly shares: string;
    readonly impliedOwnership: string;
  };
  readonly atPrice?: { readonly basis: string; readonly conversionPrice: string; readonly shares: string };
}

function convertibleJson(row: ConvertibleRow): ConvertibleJson {
  return {
    security: row.security,
    holder: row.holder,
    instrument: row.instrument,
    capBasis: row.capBasis,
    convertingAmount: amount(row.convertingAmount),
    ...(row.valuationCap ? { valuationCap: amount(row.valuationCap) } : {}),
    ...(row.discount ? { discount: row.discount.toDecimalString() } : {}),
    ...(row.atCap
      ? {
          atCap: {
            companyCapitalization: row.atCap.companyCapitalization.toDecimalString(),
            capPrice: amount(row.atCap.capPrice),
            shares: row.atCap.shares.toString(),
            impliedOwnership: row.atCap.impliedOwnership.toDecimalString(),
          },
        }
      : {}),
    ...(row.atPrice
      ? {
          atPrice: {
            basis: row.atPrice.basis,
            conversionPrice: amount(row.atPrice.conversionPrice),
            shares: row.atPrice.shares.toString(),
          },
        }
      : {}),
  };
}

/** The JSON of a typed cap table (SPEC FD-1..FD-4, OUT-2, APP-3): as the CLI and the API wrote it before the layer. */
export function capTableJson(report: AppCapTableReport, options: { byClass?: boolean } = {}): CapTableReport {
  const rows = (typed: readonly AppCapTableRow[]): CapTableRow[] => {
    const of = fractionsSummingToOne(typed.map((x) => x.outstandingFraction));
    const af = fractionsSummingToOne(typed.map((x) => x.asConvertedFraction));
    const ff = fractionsSummingToOne(typed.map((x) => x.fullyDilutedFraction));
    return typed.map((x, i) => ({
      kind: x.kind,
      id: x.subject.id,
      name: x.subject.name,
      outstanding: x.outstanding.toString(),
      asConverted: x.asConverted.toString(),
      fullyDiluted: x.fullyDiluted.toString(),
      outstandingFraction: of[i]!,
      asConvertedFraction: af[i]!,
      fullyDilutedFraction: ff[i]!,
      ...(x.options
        ? { optionsVested: x.options.vested.toString(), optionsUnvested: x.options.unvested.toString() }
        : {}),
      ...(options.byClass && x.sharesByClass
        ? { sharesByClass: Object.fromEntries([...x.sharesByClass].map(([c, n]) => [c, n.toString()])) }
        : {}),
    }));
  };
  const t = report.totals;
  return {
    company: report.company.name,
    currency: report.company.currency,
    asOf: report.asOf,
    holders: rows(report.holders),
    classes: rows(report.classes),
    totals: {
      outstanding: t.outstanding.toString(),
      asConverted: t.asConverted.toString(),
      fullyDiluted: t.fullyDiluted.toString(),
      unconverted: amount(t.unconverted),
    },
    // Only with what-ifs (DEAL-WHATIF-4): the documented JSON is unchanged without them.
    ...(report.whatIf ? { whatIf: whatIfJson(report.whatIf) } : {}),
    // SAFE-7: only when SAFEs or notes are not yet converted.
    ...(report.convertibles ? { convertibles: report.convertibles.map(convertibleJson) } : {}),
    ...(report.atPrice ? { atPrice: amount(report.atPrice) } : {}),
    ...(report.debts
      ? {
          debts: report.debts.map((d) => ({
            security: d.security,
            holder: { id: d.holder.id, name: d.holder.name },
            principal: amount(d.principal),
            interestRate: decimal(d.interestRate),
            interest: d.interest,
            seniority: d.seniority,
            issueDate: d.issueDate,
            maturityDate: d.maturityDate ?? null,
            owed: amount(d.owed),
          })),
        }
      : {}),
  };
}
