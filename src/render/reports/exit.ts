import {
  type BreakpointExplanation,
  type ExitStatementReport,
  holderFunctionOf,
  holderPayoutAt,
} from "../../app/exit-report.js";
import type { Money } from "../../core/exact/money.js";
import { compactMoney } from "../../core/exact/money.js";
import { Rational } from "../../core/exact/rational.js";
import { evaluatePiecewise } from "../../core/exit/piecewise.js";
import type { IsoDate } from "../../core/shared/date.js";
import { breakpointEventText } from "../../report/exit-report.js";
import { scenarioWords } from "../../report/format.js";
import { explanationFr, POSITION_STATES_FR } from "../../report/fr.js";
import {
  type Block,
  type CellValue,
  type Chart,
  type DocumentContext,
  empty,
  type Language,
  money,
  number,
  paragraph,
  type ReportDocument,
  type ReportMark,
  type Section,
  type Table,
  text,
  wording,
} from "../document.js";

type Wording = (en: string, fr: string) => string;

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
  readonly breakpoints: readonly {
    readonly exitValue: Money;
    /** What happens there, as the report's explanations (worded by the document in its language). */
    readonly events: readonly BreakpointExplanation[];
  }[];
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
      events: b.events,
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
  const lang = context.lang ?? "en";
  const w = wording(lang);
  const marks: ReportMark[] = [...(context.marks ?? [])];
  if (f.scenario)
    marks.push({
      kind: "estimate",
      text: w(
        `The cap table comes from round amounts that are estimates: those of the ${f.scenario} scenario.`,
        `La table de capitalisation vient de montants de tours qui sont des estimations : ceux du ${scenarioWords(f.scenario, { lang: "fr" }).replace(/^le /, "")}.`,
      ),
    });
  const sections: Section[] = [];
  if (f.waterfalls.length > 1) sections.push(comparison(f, lang));
  for (const x of f.waterfalls) sections.push(waterfallSection(x, lang));
  if (f.breakpoints.length > 0) sections.push(breakpointSection(f, lang));
  return {
    ...(context.lang === undefined ? {} : { lang: context.lang }),
    title: {
      title: w("Exit waterfall", "Répartition à la sortie"),
      company: f.company,
      subject:
        f.waterfalls.length > 0
          ? `${w("at", "à")} ${f.waterfalls.map((x) => compactMoney(x.exitValue, lang)).join(w(", ", " ; "))}`
          : w("breakpoints", "points de rupture"),
      ...(context.version === undefined ? {} : { version: context.version }),
      date: f.exitDate,
      marks,
    },
    sections,
  };
}

function comparison(f: ExitFigures, lang: Language): Section {
  const w = wording(lang);
  const holders = f.waterfalls[0]!.holders.map((h) => h.name);
  const shown = holders.filter((_, i) => f.waterfalls.some((w) => !w.holders[i]!.total.amount.isZero()));
  const chart: Chart = {
    kind: "chart",
    chart: "stacked_bar",
    title: w("Who receives what, by exit value", "Qui reçoit quoi, par valeur de sortie"),
    unit: { kind: "money", currency: f.currency },
    categories: f.waterfalls.map((x) => compactMoney(x.exitValue, lang)),
    series: shown.map((name) => ({
      name,
      values: f.waterfalls.map((x) => x.holders.find((h) => h.name === name)!.total.amount),
    })),
  };
  const table: Table = {
    kind: "table",
    title: w("Each holder's total, by exit value", "Le total de chaque détenteur, par valeur de sortie"),
    columns: [
      { key: "name", header: w("Holder", "Détenteur") },
      ...f.waterfalls.map((x, i) => ({ key: `v${i}`, header: compactMoney(x.exitValue, lang) })),
    ],
    rows: shown.map((name) => ({
      cells: {
        name: text(name),
        ...Object.fromEntries(
          f.waterfalls.map((x, i) => [`v${i}`, money(x.holders.find((h) => h.name === name)!.total)]),
        ),
      },
    })),
    total: { label: "Total", sums: f.waterfalls.map((_, i) => `v${i}`) },
  };
  return { title: w("Exit values compared", "Valeurs de sortie comparées"), blocks: [chart, table] };
}

function waterfallSection(x: WaterfallFigures, lang: Language): Section {
  const w: Wording = wording(lang);
  const blocks: Block[] = [
    {
      kind: "facts",
      items: [
        { label: w("Exit value", "Valeur de sortie"), value: money(x.exitValue, "exact") },
        ...(x.fees.amount.isZero()
          ? []
          : [{ label: w("Transaction fees", "Frais de transaction"), value: money(x.fees, "exact") }]),
        ...(x.debt.amount.isZero()
          ? []
          : [{ label: w("Debt repaid", "Dette remboursée"), value: money(x.debt, "exact") }]),
        ...(x.carveOut.amount.isZero()
          ? []
          : [
              {
                label: w("Management carve-out", "Carve-out de la direction"),
                value: money(x.carveOut, "exact"),
              },
            ]),
        ...(x.exerciseCash.amount.isZero()
          ? []
          : [
              {
                label: w("Exercise cash received", "Prix d'exercice encaissé"),
                value: money(x.exerciseCash, "exact"),
              },
            ]),
        {
          label: w("Distributable to holders", "À répartir entre les détenteurs"),
          value: money(x.distributable, "exact"),
        },
        {
          label: w("Price per common share", "Prix par action ordinaire"),
          value: money(x.commonPrice, "price"),
        },
      ],
    },
    {
      kind: "table",
      title: w("By class", "Par catégorie"),
      columns: [
        { key: "name", header: w("Class", "Catégorie") },
        { key: "state", header: w("Decision", "Décision") },
        { key: "payout", header: w("Payout", "Produit") },
        { key: "exact", header: w("Payout (exact)", "Produit (exact)") },
      ],
      rows: x.classes.map((c) => ({
        cells: {
          name: text(c.name),
          state: text(w(c.state.replaceAll("_", " "), POSITION_STATES_FR[c.state] ?? c.state)),
          payout: money(c.payout),
          exact: money(c.payout, "exact"),
        },
      })),
      total: { label: "Total", sums: ["payout", "exact"] },
    },
    {
      kind: "table",
      title: w("By holder", "Par détenteur"),
      columns: [
        { key: "name", header: w("Holder", "Détenteur") },
        { key: "proceeds", header: w("Proceeds", "Produit") },
        { key: "exercise", header: w("Exercise paid", "Exercice payé") },
        { key: "carveOut", header: "Carve-out" },
        { key: "total", header: "Total" },
        { key: "exact", header: w("Total (exact)", "Total (exact)") },
        { key: "invested", header: w("Invested", "Investi") },
        {
          key: "multiple",
          header: w("Multiple", "Multiple"),
          formula: { kind: "ratio", numerator: "exact", denominator: "invested" },
        },
      ],
      rows: x.holders
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
              h.invested === null
                ? text(w("unknown", "inconnu"))
                : h.invested.amount.isZero()
                  ? empty
                  : money(h.invested),
            multiple: multiple(h.total, h.invested),
          },
        })),
      total: { label: "Total", sums: ["proceeds", "exercise", "carveOut", "total", "exact"] },
    },
    paragraph(
      w(
        "Multiple: the holder's total over what they paid for their shares, SAFEs and notes (options and warrants pay their exercise price at the exit, which the total is net of). A holder with shares of unknown price has no multiple.",
        "Multiple : le total du détenteur rapporté à ce qu'il a payé pour ses actions, SAFE et obligations convertibles (options et bons de souscription paient leur prix d'exercice à la sortie, déduit du total). Un détenteur d'actions au prix inconnu n'a pas de multiple.",
      ),
      "note",
    ),
  ];
  return {
    title: w(
      `At an exit of ${compactMoney(x.exitValue)}`,
      `À une sortie de ${compactMoney(x.exitValue, "fr")}`,
    ),
    blocks,
  };
}

function multiple(total: Money, invested: Money | null): CellValue {
  if (invested === null || invested.amount.isZero()) return empty;
  return number(total.amount.div(invested.amount), 2, "x");
}

function breakpointSection(f: ExitFigures, lang: Language): Section {
  const w = wording(lang);
  // The engine's explanations in the document's language: the French text's renderer in French.
  const event = (e: BreakpointExplanation) =>
    lang === "fr" ? explanationFr(e, f.currency) : breakpointEventText(e);
  const blocks: Block[] = [
    paragraph(
      w(
        "A breakpoint is an exit value at which the way each further dollar is shared changes: a preference is paid in full, a class converts, common starts to receive value. Between two breakpoints every payout is linear in the exit value.",
        "Un point de rupture est une valeur de sortie où le partage de chaque dollar supplémentaire change : une préférence est payée en entier, une catégorie se convertit, les actions ordinaires commencent à recevoir de la valeur. Entre deux points de rupture, chaque produit est linéaire en la valeur de sortie.",
      ),
    ),
    {
      kind: "table",
      columns: [
        { key: "value", header: w("Exit value", "Valeur de sortie") },
        { key: "exact", header: w("Exit value (exact)", "Valeur de sortie (exacte)") },
        { key: "events", header: w("What happens", "Ce qui se passe") },
      ],
      rows: f.breakpoints.map((b) => ({
        cells: {
          value: money(b.exitValue),
          exact: money(b.exitValue, "exact"),
          events: text(b.events.map(event).join(w("; ", " ; ")) || w("start", "début")),
        },
      })),
    },
  ];
  const lines = f.payoutLines.filter((l) => l.points.some((p) => !p.y.isZero()));
  if (lines.length > 0)
    blocks.push({
      kind: "chart",
      chart: "line",
      title: w(
        "Each holder's payout against the exit value",
        "Le produit de chaque détenteur selon la valeur de sortie",
      ),
      xUnit: { kind: "money", currency: f.currency },
      unit: { kind: "money", currency: f.currency },
      series: lines.map((l) => ({ name: l.name, points: l.points })),
    });
  return { title: w("Breakpoints", "Points de rupture"), blocks };
}
