import type { ScenariosReport } from "../../app/scenarios-report.js";
import type { Ref } from "../../app/use-case.js";
import type { Money } from "../../core/exact/money.js";
import { Rational } from "../../core/exact/rational.js";
import type { IsoDate } from "../../core/shared/date.js";
import { claimsBySource } from "../../report/format.js";
import { scenarioHeader } from "../../report/scenarios-report.js";
import {
  type CellValue,
  type DocumentContext,
  fraction,
  money,
  paragraph,
  type ReportDocument,
  type Table,
  text,
  wording,
} from "../document.js";

export { claimsBySource };

export interface ScenariosFigures {
  readonly company: string;
  readonly round: string;
  readonly date: IsoDate;
  readonly scenarios: readonly {
    readonly name: string;
    /** The claims behind the scenario, with their sources (grouped by source in words by `claimsBySource`). */
    readonly claims: Parameters<typeof claimsBySource>[0];
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
      claims: s.claims,
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
  const w = wording(context.lang);
  const options = { lang: context.lang ?? "en" } as const;
  const name = (scenario: string) => scenarioHeader(scenario, options);
  const columns = [
    { key: "metric", header: "" },
    ...f.scenarios.map((s, i) => ({ key: `s${i}`, header: name(s.name) })),
  ];
  const row = (label: string, cell: (s: ScenariosFigures["scenarios"][number]) => CellValue) => ({
    cells: { metric: text(label), ...Object.fromEntries(f.scenarios.map((s, i) => [`s${i}`, cell(s)])) },
  });
  const round: Table = {
    kind: "table",
    title: w("The round", "Le tour"),
    columns,
    rows: [
      row(w("Round size", "Taille du tour"), (s) => money(s.roundSize)),
      row(w("Price per share", "Prix par action"), (s) => money(s.pricePerShare, "price")),
      row(w("Pre-money valuation", "Valorisation pré-money"), (s) => money(s.preMoney)),
      row(w("Post-money valuation", "Valorisation post-money"), (s) => money(s.postMoney)),
    ],
  };
  const ownership: Table = {
    kind: "table",
    title: w("Fully diluted ownership after the round", "Détention entièrement diluée après le tour"),
    columns,
    rows: f.holders.map((h) => row(h.name, (s) => fraction(s.holders.get(h.id)?.after ?? Rational.ZERO))),
    total: { label: "Total", sums: f.scenarios.map((_, i) => `s${i}`) },
  };
  const dilution: Table = {
    kind: "table",
    title: w("Dilution of each holder (relative)", "Dilution de chaque détenteur (relative)"),
    columns,
    rows: f.holders
      .filter((h) => f.scenarios.some((s) => (s.holders.get(h.id)?.dilution ?? null) !== null))
      .map((h) =>
        row(h.name, (s) => {
          const d = s.holders.get(h.id)?.dilution;
          return d === null || d === undefined ? text(w("new", "nouveau")) : fraction(d);
        }),
      ),
  };
  return {
    ...(context.lang === undefined ? {} : { lang: context.lang }),
    title: {
      title: w("Scenarios", "Scénarios"),
      company: f.company,
      subject: f.round,
      ...(context.version === undefined ? {} : { version: context.version }),
      date: f.date,
      marks: [
        ...(context.marks ?? []),
        {
          kind: "scenario",
          text: w(
            "Each column prices the round with the amounts of one scenario: the reported figures are estimates, and no column is the outcome.",
            "Chaque colonne évalue le tour avec les montants d'un scénario : les chiffres rapportés sont des estimations, et aucune colonne n'est le résultat.",
          ),
        },
      ],
    },
    sections: [
      {
        title: w("Scenarios side by side", "Scénarios côte à côte"),
        blocks: [
          round,
          {
            kind: "chart",
            chart: "bar",
            title: w("Ownership after the round, by scenario", "Détention après le tour, par scénario"),
            unit: { kind: "fraction" },
            categories: f.holders.map((h) => h.name),
            series: f.scenarios.map((s) => ({
              name: name(s.name),
              values: f.holders.map((h) => s.holders.get(h.id)?.after ?? Rational.ZERO),
            })),
          },
          ownership,
          dilution,
        ],
      },
      {
        title: w("Claims behind each scenario", "Les informations de chaque scénario"),
        blocks: [
          {
            kind: "table",
            columns: [
              { key: "name", header: w("Scenario", "Scénario") },
              { key: "claims", header: w("Claims", "Informations") },
            ],
            rows: f.scenarios.map((s) => ({
              cells: {
                name: text(name(s.name)),
                claims: text(
                  claimsBySource(s.claims, options.lang).join(w("; ", " ; ")) ||
                    w("the deal's own terms", "les conditions du dossier"),
                ),
              },
            })),
          },
          paragraph(
            w(
              "low, base and high take each uncertain amount at a low, central and high value of what the claims allow (SPEC UNC-SCN-1); the deal's own scenarios choose their claims and values.",
              "Les scénarios bas, de base et haut prennent chaque montant incertain à une valeur basse, centrale et haute de ce que les informations autorisent (SPEC UNC-SCN-1) ; les scénarios propres au dossier choisissent leurs informations et leurs valeurs.",
            ),
            "note",
          ),
        ],
      },
    ],
  };
}
