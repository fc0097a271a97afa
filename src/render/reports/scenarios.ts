import type { ScenariosReport } from "../../app/scenarios-report.js";
import type { Ref } from "../../app/use-case.js";
import type { Money } from "../../core/exact/money.js";
import { Rational } from "../../core/exact/rational.js";
import type { IsoDate } from "../../core/shared/date.js";
import { claimsBySource } from "../../report/format.js";
import {
  type CellValue,
  fraction,
  money,
  paragraph,
  type ReportDocument,
  type Table,
  text,
} from "../document.js";
import type { DocumentContext } from "./pro-forma.js";

export { claimsBySource };

export interface ScenariosFigures {
  readonly company: string;
  readonly round: string;
  readonly date: IsoDate;
  readonly scenarios: readonly {
    readonly name: string;
    /** The claims behind the scenario, grouped by source (`claimsBySource`), the deal's own stated terms left out. */
    readonly claims: readonly string[];
    readonly roundSize: Money;
    readonly pricePerShare: Money;
    readonly preMoney: Money;
    readonly postMoney: Money;
    /** By holder id. */
    readonly holders: ReadonlyMap<string, { readonly after: Rational; readonly dilution: Rational | null }>;
  }[];
  /** Every holder of any scenario, in order of first appearance. */
  readonly holders: readonly Ref[];
}

/** The figures of the typed scenarios report (APP-2) that the document shows. */
export function scenariosFiguresOf(report: ScenariosReport, date: IsoDate): ScenariosFigures {
  const holders = [
    ...new Map(report.scenarios.flatMap((s) => s.holders).map((h) => [h.holder.id, h.holder])).values(),
  ];
  return {
    company: report.company.name,
    round: report.round.name,
    date,
    holders,
    scenarios: report.scenarios.map((s) => ({
      name: s.scenario,
      claims: claimsBySource(s.claims),
      roundSize: s.roundSize,
      pricePerShare: s.pricePerShare,
      preMoney: s.preMoneyValuation,
      postMoney: s.postMoneyValuation,
      holders: new Map(
        s.holders.map((h) => [h.holder.id, { after: h.fullyDilutedAfter, dilution: h.dilution }]),
      ),
    })),
  };
}

/** The round priced in each scenario, side by side (SPEC REP-6). */
export function scenariosDocument(f: ScenariosFigures, context: DocumentContext = {}): ReportDocument {
  const columns = [
    { key: "metric", header: "" },
    ...f.scenarios.map((s, i) => ({ key: `s${i}`, header: s.name })),
  ];
  const row = (label: string, cell: (s: ScenariosFigures["scenarios"][number]) => CellValue) => ({
    cells: { metric: text(label), ...Object.fromEntries(f.scenarios.map((s, i) => [`s${i}`, cell(s)])) },
  });
  const round: Table = {
    kind: "table",
    title: "The round",
    columns,
    rows: [
      row("Round size", (s) => money(s.roundSize)),
      row("Price per share", (s) => money(s.pricePerShare, "price")),
      row("Pre-money valuation", (s) => money(s.preMoney)),
      row("Post-money valuation", (s) => money(s.postMoney)),
    ],
  };
  const ownership: Table = {
    kind: "table",
    title: "Fully diluted ownership after the round",
    columns,
    rows: f.holders.map((h) => row(h.name, (s) => fraction(s.holders.get(h.id)?.after ?? Rational.ZERO))),
    total: { label: "Total", sums: f.scenarios.map((_, i) => `s${i}`) },
  };
  const dilution: Table = {
    kind: "table",
    title: "Dilution of each holder (relative)",
    columns,
    rows: f.holders
      .filter((h) => f.scenarios.some((s) => (s.holders.get(h.id)?.dilution ?? null) !== null))
      .map((h) =>
        row(h.name, (s) => {
          const d = s.holders.get(h.id)?.dilution;
          return d === null || d === undefined ? text("new") : fraction(d);
        }),
      ),
  };
  return {
    title: {
      title: "Scenarios",
      company: f.company,
      subject: f.round,
      ...(context.version === undefined ? {} : { version: context.version }),
      date: f.date,
      marks: [
        ...(context.marks ?? []),
        {
          kind: "scenario",
          text: "Each column prices the round with the amounts of one scenario: the reported figures are estimates, and no column is the outcome.",
        },
      ],
    },
    sections: [
      {
        title: "Scenarios side by side",
        blocks: [
          round,
          {
            kind: "chart",
            chart: "bar",
            title: "Ownership after the round, by scenario",
            unit: { kind: "fraction" },
            categories: f.holders.map((h) => h.name),
            series: f.scenarios.map((s) => ({
              name: s.name,
              values: f.holders.map((h) => s.holders.get(h.id)?.after ?? Rational.ZERO),
            })),
          },
          ownership,
          dilution,
        ],
      },
      {
        title: "Claims behind each scenario",
        blocks: [
          {
            kind: "table",
            columns: [
              { key: "name", header: "Scenario" },
              { key: "claims", header: "Claims" },
            ],
            rows: f.scenarios.map((s) => ({
              cells: { name: text(s.name), claims: text(s.claims.join("; ") || "the deal's own terms") },
            })),
          },
          paragraph(
            "low, base and high take each uncertain amount at a low, central and high value of what the claims allow (SPEC UNC-SCN-1); the deal's own scenarios choose their claims and values.",
            "note",
          ),
        ],
      },
    ],
  };
}
