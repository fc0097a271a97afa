import type { ModelReport } from "../../app/model.js";
import type { Ref } from "../../app/use-case.js";
import type { Money } from "../../core/exact/money.js";
import type { Rational } from "../../core/exact/rational.js";
import type { IsoDate } from "../../core/shared/date.js";
import {
  type Block,
  type CellValue,
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
} from "../document.js";

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
    readonly claims: readonly string[];
    readonly values: readonly { readonly label: string; readonly value: Money; readonly how: string }[];
  } | null;
  readonly warnings: readonly string[];
}

/** The amounts of a round a scenario gives: its investments, its size and its valuation. */
const ROUND_AMOUNTS: ReadonlySet<string> = new Set([
  "investment",
  "round_size",
  "valuation_pre",
  "valuation_post",
]);

/** Claims named by what they are about: "Amazon (2 claims)" when two are about Amazon. */
function claimsAbout(claims: readonly Ref[]): string[] {
  const counts = new Map<string, number>();
  for (const c of claims) counts.set(c.name, (counts.get(c.name) ?? 0) + 1);
  return [...counts].map(([name, n]) => (n === 1 ? name : `${name} (${n} claims)`));
}

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
              value: { kind: "money", currency, amount: v.value },
              how: `${v.how}${v.atOpenBound ? ", at a limit the claims exclude" : ""}`,
            })),
        }
      : null,
    warnings: report.warnings.map((w) => w.message),
  };
}

export interface DocumentContext {
  /** The stored deal's version, when the report comes from one. */
  readonly version?: string;
  /** Marks the caller knows of and the figures cannot: unsaved edits in the web app. */
  readonly marks?: readonly ReportMark[];
}

/** The pro forma and cap table of a round, before and after, to hand over (SPEC REP-6). */
export function proFormaDocument(f: ProFormaFigures, context: DocumentContext = {}): ReportDocument {
  const r = f.round;
  const marks: ReportMark[] = [...(context.marks ?? [])];
  if (f.scenario) {
    marks.push({
      kind: "estimate",
      text: `Some round amounts are estimates: the figures are those of the ${f.scenario.name} scenario${
        f.scenario.claims.length ? ` (claims ${f.scenario.claims.join(", ")})` : ""
      }; see "Scenario and claims".`,
    });
  }
  const statedDiffers =
    r.stated.basis !== "price_per_share" &&
    !(r.stated.basis === "pre_money" ? r.preMoney : r.postMoney).amount.eq(r.stated.value.amount);
  const roundBlocks: Block[] = [
    {
      kind: "facts",
      items: [
        { label: "Price per share", value: money(r.pricePerShare, "price") },
        ...(r.exactPricePerShare.amount.eq(r.pricePerShare.amount)
          ? []
          : [{ label: "Exact price before rounding", value: money(r.exactPricePerShare, "price") }]),
        { label: "Pre-money valuation", value: money(r.preMoney, "key") },
        { label: "New money", value: money(r.newMoney, "key") },
        { label: "Post-money valuation", value: money(r.postMoney, "key") },
        { label: "Class issued", value: text(r.className) },
        { label: "New shares", value: shares(r.newShares) },
        { label: "Shares from conversions", value: shares(r.conversionShares) },
        { label: "Option pool increase", value: shares(r.poolIncrease) },
        { label: "Fully diluted shares before", value: shares(r.fullyDilutedBefore) },
        { label: "Fully diluted shares after", value: shares(r.fullyDilutedAfter) },
      ],
    },
    ...(statedDiffers
      ? [
          paragraph(
            `The terms state a ${r.stated.basis.replace("_", "-")} valuation; the priced one differs by the rounded price and whole shares.`,
            "note",
          ),
        ]
      : []),
    ...(r.oversubscribed
      ? [paragraph("The round was oversubscribed: the allocation cut investments back.", "note")]
      : []),
    {
      kind: "chart",
      chart: "bar",
      title: "Fully diluted ownership before and after the round",
      unit: { kind: "fraction" },
      categories: f.holders.map((h) => h.name),
      series: [
        { name: "Before", values: f.holders.map((h) => h.fullyDilutedBefore) },
        { name: "After", values: f.holders.map((h) => h.fullyDilutedAfter) },
      ],
    },
  ];
  const sections: Section[] = [
    { title: `${r.name} (${r.date})`, blocks: roundBlocks },
    { title: "Pro forma by holder", blocks: [holderTable(f)] },
    { title: "Cap table after the round, by holder and class", blocks: [byClassTable(f)] },
    { title: "Share classes", blocks: [classTable(f)] },
  ];
  if (f.conversions.length > 0 || f.antiDilution.length > 0) sections.push(adjustments(f));
  if (f.scenario) sections.push(scenarioSection(f.scenario));
  if (f.assumptions.length > 0) {
    sections.push({
      title: "Assumptions used",
      blocks: [
        {
          kind: "table",
          columns: [
            { key: "text", header: "Assumption" },
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
    sections.push({ title: "Warnings", blocks: f.warnings.map((w) => paragraph(w, "note")) });
  return {
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

function holderTable(f: ProFormaFigures): Table {
  return {
    kind: "table",
    columns: [
      { key: "name", header: "Holder" },
      { key: "sharesBefore", header: "FD shares before" },
      { key: "before", header: "FD before", formula: { kind: "share_of_total", of: "sharesBefore" } },
      { key: "sharesAfter", header: "FD shares after" },
      { key: "after", header: "FD after", formula: { kind: "share_of_total", of: "sharesAfter" } },
      { key: "dilution", header: "Dilution" },
      { key: "invested", header: "Invested" },
    ],
    rows: f.holders.map((h) => ({
      cells: {
        name: text(h.name),
        sharesBefore: shares(h.fullyDilutedSharesBefore),
        before: fraction(h.fullyDilutedBefore),
        sharesAfter: shares(h.fullyDilutedSharesAfter),
        after: fraction(h.fullyDilutedAfter),
        dilution: h.dilution === null ? (h.pool ? empty : text("new")) : fraction(h.dilution),
        invested: h.invested.amount.isZero() ? empty : money(h.invested),
      },
    })),
    total: { label: "Total", sums: ["sharesBefore", "before", "sharesAfter", "after", "invested"] },
  };
}

function byClassTable(f: ProFormaFigures): Table {
  const classes = f.classes.filter((c) => c.issuedAfter > 0n).map((c) => c.name);
  const holders = f.holders.filter((h) => !h.pool && [...h.sharesAfterByClass.values()].some((n) => n > 0n));
  return {
    kind: "table",
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

function classTable(f: ProFormaFigures): Table {
  return {
    kind: "table",
    columns: [
      { key: "name", header: "Class" },
      { key: "type", header: "Type" },
      { key: "before", header: "Issued before" },
      { key: "after", header: "Issued after" },
      { key: "ratio", header: "Conversion ratio" },
    ],
    rows: f.classes.map((c) => ({
      cells: {
        name: text(c.name),
        type: text(c.type),
        before: shares(c.issuedBefore),
        after: shares(c.issuedAfter),
        ratio: { kind: "number", value: c.conversionRatio, places: 4 },
      },
    })),
    total: { label: "Total", sums: ["before", "after"] },
  };
}

function adjustments(f: ProFormaFigures): Section {
  const blocks: Block[] = [];
  if (f.conversions.length > 0)
    blocks.push({
      kind: "table",
      title: "SAFEs and notes converting",
      columns: [
        { key: "security", header: "Security" },
        { key: "holder", header: "Holder" },
        { key: "instrument", header: "Instrument" },
        { key: "amount", header: "Converting amount" },
        { key: "price", header: "Conversion price" },
        { key: "basis", header: "Basis" },
        { key: "shares", header: "Shares" },
      ],
      rows: f.conversions.map((c) => ({
        cells: {
          security: text(c.security),
          holder: text(c.holder),
          instrument: text(c.instrument),
          amount: money(c.convertingAmount, "exact"),
          price: money(c.conversionPrice, "price"),
          basis: text(c.basis.replaceAll("_", " ")),
          shares: shares(c.shares),
        },
      })),
      total: { label: "Total", sums: ["amount", "shares"] },
    });
  if (f.antiDilution.length > 0)
    blocks.push({
      kind: "table",
      title: "Anti-dilution adjustments",
      columns: [
        { key: "class", header: "Class" },
        { key: "method", header: "Method" },
        { key: "before", header: "Conversion price before" },
        { key: "after", header: "Conversion price after" },
      ],
      rows: f.antiDilution.map((a) => ({
        cells: {
          class: text(a.className),
          method: text(a.method.replaceAll("_", " ")),
          before: money(a.priceBefore, "price"),
          after: money(a.priceAfter, "price"),
        },
      })),
    });
  return { title: "Conversions and adjustments", blocks };
}

function scenarioSection(s: NonNullable<ProFormaFigures["scenario"]>): Section {
  return {
    title: "Scenario and claims",
    blocks: [
      paragraph(
        `The round's amounts are not all known: they are taken from the ${s.name} scenario${
          s.claims.length ? `, under the claims ${s.claims.join(", ")}` : ""
        }. Each value below says how it was chosen from the claims' feasible range.`,
      ),
      {
        kind: "table",
        columns: [
          { key: "label", header: "Quantity" },
          { key: "value", header: "Value" },
          { key: "how", header: "How it was chosen" },
        ],
        rows: s.values.map((v) => ({
          cells: { label: text(v.label), value: money(v.value), how: text(v.how.replaceAll("_", " ")) },
        })),
      },
    ],
  };
}
