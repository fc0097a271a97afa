import { type ExitStatementReport, holderFunctionOf, holderPayoutAt } from "../../app/exit-report.js";
import type { Money } from "../../core/exact/money.js";
import { compactMoney } from "../../core/exact/money.js";
import { Rational } from "../../core/exact/rational.js";
import { evaluatePiecewise } from "../../core/exit/piecewise.js";
import type { IsoDate } from "../../core/shared/date.js";
import { breakpointEventText } from "../../report/exit-report.js";
import {
  type Block,
  type CellValue,
  type Chart,
  empty,
  money,
  number,
  paragraph,
  type ReportDocument,
  type ReportMark,
  type Section,
  type Table,
  text,
} from "../document.js";
import type { DocumentContext } from "./pro-forma.js";

/** One exit value's waterfall, exact. */
export interface WaterfallFigures {
  readonly exitValue: Money;
  readonly fees: Money;
  readonly debt: Money;
  readonly carveOut: Money;
  readonly exerciseCash: Money;
  readonly distributable: Money;
  readonly commonPrice: Money;
  readonly classes: readonly { readonly name: string; readonly state: string; readonly payout: Money }[];
  readonly holders: readonly {
    readonly name: string;
    readonly proceeds: Money;
    readonly exercisePaid: Money;
    readonly carveOut: Money;
    readonly total: Money;
    /** What the holder paid for what they hold; null when a lot's price is unknown. */
    readonly invested: Money | null;
  }[];
}

export interface ExitFigures {
  readonly company: string;
  readonly exitDate: IsoDate;
  /** The scenario whose round amounts the cap table comes from, when some were estimates. */
  readonly scenario: string | null;
  readonly waterfalls: readonly WaterfallFigures[];
  readonly breakpoints: readonly { readonly exitValue: Money; readonly events: readonly string[] }[];
  /** Each holder's payout as an exact piecewise-linear function of the exit value: points at the breakpoints. */
  readonly payoutLines: readonly {
    readonly name: string;
    readonly points: readonly { readonly x: Rational; readonly y: Rational }[];
  }[];
  readonly currency: Money["currency"];
}

/**
 * The figures of the exit statement (the `exit` use case with exact `at` values and the
 * breakpoints): the typed report's exact values as money, and each holder's payout line
 * through the breakpoints, exact.
 */
export function exitFiguresOf(report: ExitStatementReport): ExitFigures {
  const currency = report.company.currency;
  const m = (amount: Rational): Money => ({ kind: "money", currency, amount });
  const investedOf = new Map(
    report.invested.map((h) => [h.holder.id, h.invested === null ? null : m(h.invested)]),
  );
  const bp = report.breakpoints;
  // The lines run through every breakpoint (the payouts there, exact) to past the largest
  // exit value asked, where the last segment of each function gives the payout, exactly.
  const largest = Rational.max(
    bp.breakpoints.reduce((a, b) => Rational.max(a, b.exitValue), Rational.ZERO),
    report.waterfall.outcomes.reduce((a, o) => Rational.max(a, o.exitValue), Rational.ZERO),
  );
  const end = largest.isZero() ? Rational.ONE : largest.mul(Rational.of(5n, 4n));
  // The holders paid something at some exit value, each with its function (computed here,
  // from the report's compact form).
  const lines = bp.holders.flatMap((holder, i) => {
    const fn = holderFunctionOf(bp, i);
    return fn === undefined ? [] : [{ holder, index: i, fn }];
  });
  return {
    company: report.company.name,
    exitDate: report.exitDate,
    scenario: report.scenario,
    currency,
    waterfalls: report.waterfall.outcomes.map((o) => ({
      exitValue: m(o.exitValue),
      fees: m(o.fees),
      debt: m(o.debt),
      carveOut: m(o.carveOut),
      exerciseCash: m(o.exerciseCash),
      distributable: m(o.distributable),
      commonPrice: m(o.commonPrice),
      classes: o.classes.map((c) => ({ name: c.shareClass.name, state: c.state, payout: m(c.payout) })),
      holders: o.holders.map((h) => ({
        name: h.holder.name,
        proceeds: m(h.proceeds),
        exercisePaid: m(h.exercisePaid),
        carveOut: m(h.carveOut),
        total: m(h.total),
        invested: investedOf.get(h.holder.id) ?? null,
      })),
    })),
    breakpoints: bp.breakpoints.map((b) => ({
      exitValue: m(b.exitValue),
      events: b.events.map(breakpointEventText),
    })),
    payoutLines: lines.map((f) => ({
      name: f.holder.name,
      points: [
        ...bp.breakpoints.map((b, j) => ({ x: b.exitValue, y: holderPayoutAt(bp, f.index, j) })),
        ...(bp.breakpoints.some((b) => b.exitValue.gte(end))
          ? []
          : [{ x: end, y: evaluatePiecewise(f.fn, end) }]),
      ],
    })),
  };
}

/** The exit: a waterfall statement per class and per holder at each exit value, and the breakpoints (SPEC REP-6). */
export function exitDocument(f: ExitFigures, context: DocumentContext = {}): ReportDocument {
  const marks: ReportMark[] = [...(context.marks ?? [])];
  if (f.scenario)
    marks.push({
      kind: "estimate",
      text: `The cap table comes from round amounts that are estimates: those of the ${f.scenario} scenario.`,
    });
  const sections: Section[] = [];
  if (f.waterfalls.length > 1) sections.push(comparison(f));
  for (const w of f.waterfalls) sections.push(waterfallSection(w));
  if (f.breakpoints.length > 0) sections.push(breakpointSection(f));
  return {
    title: {
      title: "Exit waterfall",
      company: f.company,
      subject:
        f.waterfalls.length > 0
          ? `at ${f.waterfalls.map((w) => compactMoney(w.exitValue)).join(", ")}`
          : "breakpoints",
      ...(context.version === undefined ? {} : { version: context.version }),
      date: f.exitDate,
      marks,
    },
    sections,
  };
}

function comparison(f: ExitFigures): Section {
  const holders = f.waterfalls[0]!.holders.map((h) => h.name);
  const shown = holders.filter((_, i) => f.waterfalls.some((w) => !w.holders[i]!.total.amount.isZero()));
  const chart: Chart = {
    kind: "chart",
    chart: "stacked_bar",
    title: "Who receives what, by exit value",
    unit: { kind: "money", currency: f.currency },
    categories: f.waterfalls.map((w) => compactMoney(w.exitValue)),
    series: shown.map((name) => ({
      name,
      values: f.waterfalls.map((w) => w.holders.find((h) => h.name === name)!.total.amount),
    })),
  };
  const table: Table = {
    kind: "table",
    title: "Each holder's total, by exit value",
    columns: [
      { key: "name", header: "Holder" },
      ...f.waterfalls.map((w, i) => ({ key: `v${i}`, header: compactMoney(w.exitValue) })),
    ],
    rows: shown.map((name) => ({
      cells: {
        name: text(name),
        ...Object.fromEntries(
          f.waterfalls.map((w, i) => [`v${i}`, money(w.holders.find((h) => h.name === name)!.total)]),
        ),
      },
    })),
    total: { label: "Total", sums: f.waterfalls.map((_, i) => `v${i}`) },
  };
  return { title: "Exit values compared", blocks: [chart, table] };
}

function waterfallSection(w: WaterfallFigures): Section {
  const blocks: Block[] = [
    {
      kind: "facts",
      items: [
        { label: "Exit value", value: money(w.exitValue, "exact") },
        ...(w.fees.amount.isZero() ? [] : [{ label: "Transaction fees", value: money(w.fees, "exact") }]),
        ...(w.debt.amount.isZero() ? [] : [{ label: "Debt repaid", value: money(w.debt, "exact") }]),
        ...(w.carveOut.amount.isZero()
          ? []
          : [{ label: "Management carve-out", value: money(w.carveOut, "exact") }]),
        ...(w.exerciseCash.amount.isZero()
          ? []
          : [{ label: "Exercise cash received", value: money(w.exerciseCash, "exact") }]),
        { label: "Distributable to holders", value: money(w.distributable, "exact") },
        { label: "Price per common share", value: money(w.commonPrice, "price") },
      ],
    },
    {
      kind: "table",
      title: "By class",
      columns: [
        { key: "name", header: "Class" },
        { key: "state", header: "Decision" },
        { key: "payout", header: "Payout" },
        { key: "exact", header: "Payout (exact)" },
      ],
      rows: w.classes.map((c) => ({
        cells: {
          name: text(c.name),
          state: text(c.state.replaceAll("_", " ")),
          payout: money(c.payout),
          exact: money(c.payout, "exact"),
        },
      })),
      total: { label: "Total", sums: ["payout", "exact"] },
    },
    {
      kind: "table",
      title: "By holder",
      columns: [
        { key: "name", header: "Holder" },
        { key: "proceeds", header: "Proceeds" },
        { key: "exercise", header: "Exercise paid" },
        { key: "carveOut", header: "Carve-out" },
        { key: "total", header: "Total" },
        { key: "exact", header: "Total (exact)" },
        { key: "invested", header: "Invested" },
        {
          key: "multiple",
          header: "Multiple",
          formula: { kind: "ratio", numerator: "exact", denominator: "invested" },
        },
      ],
      rows: w.holders
        .filter((h) => !h.total.amount.isZero() || (h.invested !== null && !h.invested.amount.isZero()))
        .map((h) => ({
          cells: {
            name: text(h.name),
            proceeds: money(h.proceeds),
            exercise: h.exercisePaid.amount.isZero() ? empty : money(h.exercisePaid),
            carveOut: h.carveOut.amount.isZero() ? empty : money(h.carveOut),
            total: money(h.total),
            exact: money(h.total, "exact"),
            invested:
              h.invested === null ? text("unknown") : h.invested.amount.isZero() ? empty : money(h.invested),
            multiple: multiple(h.total, h.invested),
          },
        })),
      total: { label: "Total", sums: ["proceeds", "exercise", "carveOut", "total", "exact"] },
    },
    paragraph(
      "Multiple: the holder's total over what they paid for their shares, SAFEs and notes (options and warrants pay their exercise price at the exit, which the total is net of). A holder with shares of unknown price has no multiple.",
      "note",
    ),
  ];
  return { title: `At an exit of ${compactMoney(w.exitValue)}`, blocks };
}

function multiple(total: Money, invested: Money | null): CellValue {
  if (invested === null || invested.amount.isZero()) return empty;
  return number(total.amount.div(invested.amount), 2, "x");
}

function breakpointSection(f: ExitFigures): Section {
  const blocks: Block[] = [
    paragraph(
      "A breakpoint is an exit value at which the way each further dollar is shared changes: a preference is paid in full, a class converts, common starts to receive value. Between two breakpoints every payout is linear in the exit value.",
    ),
    {
      kind: "table",
      columns: [
        { key: "value", header: "Exit value" },
        { key: "exact", header: "Exit value (exact)" },
        { key: "events", header: "What happens" },
      ],
      rows: f.breakpoints.map((b) => ({
        cells: {
          value: money(b.exitValue),
          exact: money(b.exitValue, "exact"),
          events: text(b.events.join("; ") || "start"),
        },
      })),
    },
  ];
  const lines = f.payoutLines.filter((l) => l.points.some((p) => !p.y.isZero()));
  if (lines.length > 0)
    blocks.push({
      kind: "chart",
      chart: "line",
      title: "Each holder's payout against the exit value",
      xUnit: { kind: "money", currency: f.currency },
      unit: { kind: "money", currency: f.currency },
      series: lines.map((l) => ({ name: l.name, points: l.points })),
    });
  return { title: "Breakpoints", blocks };
}
