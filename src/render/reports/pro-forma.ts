import type { ModelReport } from "../../app/model.js";
import type { Ref } from "../../app/use-case.js";
import type { Money } from "../../core/exact/money.js";
import type { Rational } from "../../core/exact/rational.js";
import type { IsoDate } from "../../core/shared/date.js";
import type { Problem } from "../../core/shared/problem.js";
import { scenarioWords } from "../../report/format.js";
import {
  ANTI_DILUTION_FR,
  CLASS_TYPES_FR,
  CONVERSION_BASES_FR,
  ERROR_SUMMARIES_FR,
  SCENARIO_PICKS_FR,
} from "../../report/fr.js";
import {
  type Block,
  type CellValue,
  type DocumentContext,
  empty,
  fraction,
  money,
  paragraph,
  type ReportDocument,
  type ReportMark,
  type Section,
  shares,
  type Table,
  text,
  wording,
} from "../document.js";

export type { DocumentContext };

/** The pro forma's figures, exact: what the document is built from. */
export interface ProFormaFigures {
  readonly company: string;
  readonly round: {
    readonly name: string;
    readonly date: IsoDate;
    readonly className: string;
    readonly pricePerShare: Money;
    readonly exactPricePerShare: Money;
    readonly preMoney: Money;
    readonly postMoney: Money;
    readonly newMoney: Money;
    readonly stated: { readonly basis: string; readonly value: Money };
    readonly newShares: bigint;
    readonly conversionShares: bigint;
    readonly poolIncrease: bigint;
    readonly fullyDilutedBefore: bigint;
    readonly fullyDilutedAfter: bigint;
    readonly oversubscribed: boolean;
  };
  readonly holders: readonly {
    readonly name: string;
    readonly pool: boolean;
    readonly fullyDilutedSharesBefore: bigint;
    readonly fullyDilutedSharesAfter: bigint;
    readonly fullyDilutedBefore: Rational;
    readonly fullyDilutedAfter: Rational;
    readonly dilution: Rational | null;
    readonly invested: Money;
    /** Issued shares after the round, by class name. */
    readonly sharesAfterByClass: ReadonlyMap<string, bigint>;
  }[];
  readonly classes: readonly {
    readonly name: string;
    readonly type: string;
    readonly issuedBefore: bigint;
    readonly issuedAfter: bigint;
    readonly conversionRatio: Rational;
  }[];
  readonly conversions: readonly {
    readonly security: string;
    readonly holder: string;
    readonly instrument: string;
    readonly convertingAmount: Money;
    readonly conversionPrice: Money;
    readonly basis: string;
    readonly shares: bigint;
  }[];
  readonly antiDilution: readonly {
    readonly className: string;
    readonly method: string;
    readonly priceBefore: Money;
    readonly priceAfter: Money;
  }[];
  readonly assumptions: readonly {
    readonly text: string;
    readonly source: string | null;
    readonly usedIn: readonly string[];
  }[];
  /** When some amount is an estimate: the scenario that gave it and each value's origin. */
  readonly scenario: {
    readonly name: string;
    /** The claims by what they are about (in English and in French), with how many are about it. */
    readonly claims: readonly { readonly about: string; readonly aboutFr: string; readonly count: number }[];
    readonly values: readonly {
      readonly label: string;
      /** Its name in French ("2026 mega-round : taille"; a holder's name as it is). */
      readonly labelFr: string;
      readonly value: Money;
      /** How the value was chosen from the claims' range: stated, or its low, base or high pick. */
      readonly how: string;
      /** The value is a limit the claims exclude ("less than"). */
      readonly atOpenBound: boolean;
    }[];
  } | null;
  readonly warnings: readonly Pick<Problem, "code" | "message">[];
}

/** The amounts of a round a scenario gives: its investments, its size and its valuation. */
const ROUND_AMOUNTS: ReadonlySet<string> = new Set([
  "investment",
  "round_size",
  "valuation_pre",
  "valuation_post",
]);

/** Claims counted by what they are about: two about Amazon are Amazon, twice (in French, the quantity's French name). */
function claimsAbout(claims: readonly Ref[]): { about: string; aboutFr: string; count: number }[] {
  const counts = new Map<string, { aboutFr: string; count: number }>();
  for (const c of claims) {
    const seen = counts.get(c.name);
    counts.set(c.name, { aboutFr: seen?.aboutFr ?? c.nameFr ?? c.name, count: (seen?.count ?? 0) + 1 });
  }
  return [...counts].map(([about, { aboutFr, count }]) => ({ about, aboutFr, count }));
}

/** Claims named by what they are about: "Amazon (2 claims)", "Amazon (2 informations)" when two are about Amazon. */
function claimsText(
  claims: readonly { about: string; aboutFr: string; count: number }[],
  w: Wording,
): string[] {
  return claims.map((c) => {
    const about = w(c.about, c.aboutFr);
    return c.count === 1 ? about : `${about} (${c.count} ${w("claims", "informations")})`;
  });
}

type Wording = (en: string, fr: string) => string;

/** The pro forma's figures, read from the typed report of the model use case (APP-2). */
export function proFormaFiguresOf(report: ModelReport): ProFormaFigures {
  const r = report.round;
  const currency = r.pricePerShare.currency;
  return {
    company: report.company.name,
    round: {
      name: r.round.name,
      date: r.date as IsoDate,
      className: r.shareClass.name,
      pricePerShare: r.pricePerShare,
      exactPricePerShare: r.exactPricePerShare,
      preMoney: r.preMoneyValuation,
      postMoney: r.postMoneyValuation,
      newMoney: r.newMoney,
      stated: r.statedValuation,
      newShares: r.newShares,
      conversionShares: r.conversionShares,
      poolIncrease: r.poolIncrease,
      fullyDilutedBefore: r.fullyDilutedSharesBefore,
      fullyDilutedAfter: r.fullyDilutedSharesAfter,
      oversubscribed: r.oversubscribed,
    },
    holders: report.holders.map((h) => ({
      name: h.holder.name,
      pool: h.kind === "unallocated_pool",
      fullyDilutedSharesBefore: h.fullyDilutedSharesBefore,
      fullyDilutedSharesAfter: h.fullyDilutedSharesAfter,
      fullyDilutedBefore: h.fullyDilutedBefore,
      fullyDilutedAfter: h.fullyDilutedAfter,
      dilution: h.dilution ?? null,
      invested: h.invested,
      sharesAfterByClass: new Map(h.sharesAfterByClass.map((c) => [c.shareClass.name, c.shares])),
    })),
    classes: report.classes.map((c) => ({
      name: c.shareClass.name,
      type: c.type,
      issuedBefore: c.issuedBefore,
      issuedAfter: c.issuedAfter,
      conversionRatio: c.conversionRatio,
    })),
    conversions: report.conversions.map((c) => ({
      security: c.security.name,
      holder: c.holder.name,
      instrument: c.instrument,
      convertingAmount: c.convertingAmount,
      conversionPrice: c.conversionPrice,
      basis: c.basis,
      shares: c.shares,
    })),
    antiDilution: report.antiDilution.map((a) => ({
      className: a.shareClass.name,
      method: String(a.method),
      priceBefore: a.conversionPriceBefore,
      priceAfter: a.conversionPriceAfter,
    })),
    assumptions: report.assumptions
      .filter((a) => a.fields.length > 0)
      .map((a) => ({ text: a.text, source: a.source ?? null, usedIn: a.fields.map((f) => f.id) })),
    scenario: report.scenario
      ? {
          name: report.scenario.name,
          // The claims by what they are about, once each with their number when several are
          // about one thing; the deal's own stated terms are not claims.
          claims: claimsAbout(report.scenario.claims.filter((c) => !c.id.startsWith("terms:"))),
          values: report.scenario.values
            .filter((v) => v.quantity.ref !== undefined && ROUND_AMOUNTS.has(v.quantity.ref.kind))
            .map((v) => ({
              label: v.quantity.name,
              labelFr: v.quantity.nameFr ?? v.quantity.name,
              value: { kind: "money", currency, amount: v.value },
              how: v.how,
              atOpenBound: v.atOpenBound,
            })),
        }
      : null,
    warnings: report.warnings.map((w) => ({ code: w.code, message: w.message })),
  };
}

/** The pro forma and cap table of a round, before and after, to hand over (SPEC REP-6). */
export function proFormaDocument(f: ProFormaFigures, context: DocumentContext = {}): ReportDocument {
  const r = f.round;
  const lang = context.lang;
  const w = wording(lang);
  const marks: ReportMark[] = [...(context.marks ?? [])];
  if (f.scenario) {
    const claims = claimsText(f.scenario.claims, w).join(", ");
    marks.push({
      kind: "estimate",
      text: w(
        `Some round amounts are estimates: the figures are those of the ${f.scenario.name} scenario${
          claims ? ` (claims ${claims})` : ""
        }; see "Scenario and claims".`,
        `Des montants du tour sont des estimations : les chiffres sont ceux du ${scenarioWords(f.scenario.name, { lang: "fr" }).replace(/^le /, "")}${
          claims ? ` (informations sur ${claims})` : ""
        } ; voir « Scénario et informations ».`,
      ),
    });
  }
  const statedDiffers =
    r.stated.basis !== "price_per_share" &&
    !(r.stated.basis === "pre_money" ? r.preMoney : r.postMoney).amount.eq(r.stated.value.amount);
  const roundBlocks: Block[] = [
    {
      kind: "facts",
      items: [
        { label: w("Price per share", "Prix par action"), value: money(r.pricePerShare, "price") },
        ...(r.exactPricePerShare.amount.eq(r.pricePerShare.amount)
          ? []
          : [
              {
                label: w("Exact price before rounding", "Prix exact avant arrondi"),
                value: money(r.exactPricePerShare, "price"),
              },
            ]),
        { label: w("Pre-money valuation", "Valorisation pré-money"), value: money(r.preMoney, "key") },
        { label: w("New money", "Argent frais"), value: money(r.newMoney, "key") },
        { label: w("Post-money valuation", "Valorisation post-money"), value: money(r.postMoney, "key") },
        { label: w("Class issued", "Catégorie émise"), value: text(r.className) },
        { label: w("New shares", "Actions nouvelles"), value: shares(r.newShares) },
        { label: w("Shares from conversions", "Actions de conversion"), value: shares(r.conversionShares) },
        { label: w("Option pool increase", "Hausse du pool d'options"), value: shares(r.poolIncrease) },
        {
          label: w("Fully diluted shares before", "Actions entièrement diluées avant"),
          value: shares(r.fullyDilutedBefore),
        },
        {
          label: w("Fully diluted shares after", "Actions entièrement diluées après"),
          value: shares(r.fullyDilutedAfter),
        },
      ],
    },
    ...(statedDiffers
      ? [
          paragraph(
            w(
              `The terms state a ${r.stated.basis.replace("_", "-")} valuation; the priced one differs by the rounded price and whole shares.`,
              `Les conditions indiquent une valorisation ${r.stated.basis.replace("_", "-")} ; celle du prix calculé en diffère par l'arrondi du prix et les actions entières.`,
            ),
            "note",
          ),
        ]
      : []),
    ...(r.oversubscribed
      ? [
          paragraph(
            w(
              "The round was oversubscribed: the allocation cut investments back.",
              "Le tour a été sursouscrit : l'allocation a réduit les investissements.",
            ),
            "note",
          ),
        ]
      : []),
    {
      kind: "chart",
      chart: "bar",
      title: w(
        "Fully diluted ownership before and after the round",
        "Détention entièrement diluée avant et après le tour",
      ),
      unit: { kind: "fraction" },
      categories: f.holders.map((h) => h.name),
      series: [
        { name: w("Before", "Avant"), values: f.holders.map((h) => h.fullyDilutedBefore) },
        { name: w("After", "Après"), values: f.holders.map((h) => h.fullyDilutedAfter) },
      ],
    },
  ];
  const sections: Section[] = [
    { title: `${r.name} (${r.date})`, blocks: roundBlocks },
    { title: w("Pro forma by holder", "Pro forma par détenteur"), blocks: [holderTable(f, w)] },
    {
      title: w(
        "Cap table after the round, by holder and class",
        "Table de capitalisation après le tour, par détenteur et catégorie",
      ),
      blocks: [byClassTable(f, w)],
    },
    { title: w("Share classes", "Catégories d'actions"), blocks: [classTable(f, w)] },
  ];
  if (f.conversions.length > 0 || f.antiDilution.length > 0) sections.push(adjustments(f, w));
  if (f.scenario) sections.push(scenarioSection(f.scenario, w));
  if (f.assumptions.length > 0) {
    sections.push({
      title: w("Assumptions used", "Hypothèses utilisées"),
      blocks: [
        {
          kind: "table",
          columns: [
            { key: "text", header: w("Assumption", "Hypothèse") },
            { key: "source", header: "Source" },
          ],
          rows: f.assumptions.map((a) => ({
            cells: { text: text(a.text), source: a.source ? text(a.source) : empty },
          })),
        },
      ],
    });
  }
  if (f.warnings.length > 0)
    sections.push({
      title: w("Warnings", "Avertissements"),
      blocks: f.warnings.map((x) =>
        paragraph(
          lang === "fr"
            ? // The engine's message is English: the catalogue's French summary says what it is.
              `${ERROR_SUMMARIES_FR[x.code as keyof typeof ERROR_SUMMARIES_FR] ?? ""} Détail : ${x.message} (${x.code})`.trim()
            : x.message,
          "note",
        ),
      ),
    });
  return {
    ...(lang === undefined ? {} : { lang }),
    title: {
      title: "Pro forma",
      company: f.company,
      subject: r.name,
      ...(context.version === undefined ? {} : { version: context.version }),
      date: r.date,
      marks,
    },
    sections,
  };
}

function holderTable(f: ProFormaFigures, w: Wording): Table {
  return {
    kind: "table",
    columns: [
      { key: "name", header: w("Holder", "Détenteur") },
      { key: "sharesBefore", header: w("FD shares before", "Actions ED avant") },
      {
        key: "before",
        header: w("FD before", "ED avant"),
        formula: { kind: "share_of_total", of: "sharesBefore" },
      },
      { key: "sharesAfter", header: w("FD shares after", "Actions ED après") },
      {
        key: "after",
        header: w("FD after", "ED après"),
        formula: { kind: "share_of_total", of: "sharesAfter" },
      },
      { key: "dilution", header: "Dilution" },
      { key: "invested", header: w("Invested", "Investi") },
    ],
    rows: f.holders.map((h) => ({
      cells: {
        name: text(h.name),
        sharesBefore: shares(h.fullyDilutedSharesBefore),
        before: fraction(h.fullyDilutedBefore),
        sharesAfter: shares(h.fullyDilutedSharesAfter),
        after: fraction(h.fullyDilutedAfter),
        dilution: h.dilution === null ? (h.pool ? empty : text(w("new", "nouveau"))) : fraction(h.dilution),
        invested: h.invested.amount.isZero() ? empty : money(h.invested),
      },
    })),
    total: { label: "Total", sums: ["sharesBefore", "before", "sharesAfter", "after", "invested"] },
  };
}

function byClassTable(f: ProFormaFigures, w: Wording): Table {
  const classes = f.classes.filter((c) => c.issuedAfter > 0n).map((c) => c.name);
  const holders = f.holders.filter((h) => !h.pool && [...h.sharesAfterByClass.values()].some((n) => n > 0n));
  return {
    kind: "table",
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
        const n = h.sharesAfterByClass.get(c) ?? 0n;
        total += n;
        cells[`c${i}`] = shares(n);
      });
      cells.total = shares(total);
      cells.fd = fraction(h.fullyDilutedAfter);
      return { cells };
    }),
    total: { label: "Total", sums: [...classes.map((_, i) => `c${i}`), "total"] },
  };
}

function classTable(f: ProFormaFigures, w: Wording): Table {
  return {
    kind: "table",
    columns: [
      { key: "name", header: w("Class", "Catégorie") },
      { key: "type", header: "Type" },
      { key: "before", header: w("Issued before", "Émises avant") },
      { key: "after", header: w("Issued after", "Émises après") },
      { key: "ratio", header: w("Conversion ratio", "Ratio de conversion") },
    ],
    rows: f.classes.map((c) => ({
      cells: {
        name: text(c.name),
        type: text(w(c.type, CLASS_TYPES_FR[c.type] ?? c.type)),
        before: shares(c.issuedBefore),
        after: shares(c.issuedAfter),
        ratio: { kind: "number", value: c.conversionRatio, places: 4 },
      },
    })),
    total: { label: "Total", sums: ["before", "after"] },
  };
}

function adjustments(f: ProFormaFigures, w: Wording): Section {
  const blocks: Block[] = [];
  if (f.conversions.length > 0)
    blocks.push({
      kind: "table",
      title: w("SAFEs and notes converting", "SAFE et obligations convertibles convertis"),
      columns: [
        { key: "security", header: w("Security", "Titre") },
        { key: "holder", header: w("Holder", "Détenteur") },
        { key: "instrument", header: w("Instrument", "Instrument") },
        { key: "amount", header: w("Converting amount", "Montant converti") },
        { key: "price", header: w("Conversion price", "Prix de conversion") },
        { key: "basis", header: w("Basis", "Base") },
        { key: "shares", header: w("Shares", "Actions") },
      ],
      rows: f.conversions.map((c) => ({
        cells: {
          security: text(c.security),
          holder: text(c.holder),
          instrument: text(
            w(c.instrument, c.instrument === "note" ? "obligation convertible" : c.instrument.toUpperCase()),
          ),
          amount: money(c.convertingAmount, "exact"),
          price: money(c.conversionPrice, "price"),
          basis: text(w(c.basis.replaceAll("_", " "), CONVERSION_BASES_FR[c.basis] ?? c.basis)),
          shares: shares(c.shares),
        },
      })),
      total: { label: "Total", sums: ["amount", "shares"] },
    });
  if (f.antiDilution.length > 0)
    blocks.push({
      kind: "table",
      title: w("Anti-dilution adjustments", "Ajustements anti-dilution"),
      columns: [
        { key: "class", header: w("Class", "Catégorie") },
        { key: "method", header: w("Method", "Méthode") },
        { key: "before", header: w("Conversion price before", "Prix de conversion avant") },
        { key: "after", header: w("Conversion price after", "Prix de conversion après") },
      ],
      rows: f.antiDilution.map((a) => ({
        cells: {
          class: text(a.className),
          method: text(w(a.method.replaceAll("_", " "), ANTI_DILUTION_FR[a.method] ?? a.method)),
          before: money(a.priceBefore, "price"),
          after: money(a.priceAfter, "price"),
        },
      })),
    });
  return { title: w("Conversions and adjustments", "Conversions et ajustements"), blocks };
}

function scenarioSection(s: NonNullable<ProFormaFigures["scenario"]>, w: Wording): Section {
  const claims = claimsText(s.claims, w).join(", ");
  return {
    title: w("Scenario and claims", "Scénario et informations"),
    blocks: [
      paragraph(
        w(
          `The round's amounts are not all known: they are taken from the ${s.name} scenario${
            claims ? `, under the claims ${claims}` : ""
          }. Each value below says how it was chosen from the claims' feasible range.`,
          `Les montants du tour ne sont pas tous connus : ils sont pris dans le ${scenarioWords(s.name, { lang: "fr" }).replace(/^le /, "")}${
            claims ? `, selon les informations sur ${claims}` : ""
          }. Chaque valeur ci-dessous dit comment elle a été choisie dans la plage possible des informations.`,
        ),
      ),
      {
        kind: "table",
        columns: [
          { key: "label", header: w("Quantity", "Quantité") },
          { key: "value", header: w("Value", "Valeur") },
          { key: "how", header: w("How it was chosen", "Comment elle a été choisie") },
        ],
        rows: s.values.map((v) => ({
          cells: {
            label: text(w(v.label, v.labelFr)),
            value: money(v.value),
            how: text(
              w(
                `${v.how.replaceAll("_", " ")}${v.atOpenBound ? ", at a limit the claims exclude" : ""}`,
                `${SCENARIO_PICKS_FR[v.how] ?? v.how}${v.atOpenBound ? ", à une limite que les informations excluent" : ""}`,
              ),
            ),
          },
        })),
      },
    ],
  };
}
