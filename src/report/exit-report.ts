import {
  type BreakpointExplanation,
  type ExitBreakpointsReport,
  type ExitIpoReport,
  type ExitPercentilesReport,
  type ExitReport,
  type ExitStatementReport,
  type ExitSweepReport,
  type ExitWaterfallReport,
  exitBreakpointsOf,
  exitIpoOf,
  exitSweepOf,
  exitWaterfallOf,
  type PayoutStatistics,
  type WaterfallAtValue,
} from "../app/exit-report.js";
import { parseAmount } from "../core/exact/amount-parse.js";
import { type Currency, convert, type Money } from "../core/exact/money.js";
import { Rational } from "../core/exact/rational.js";
import type { Fraction } from "../core/exit/holder-payouts.js";
import type { IpoPricing } from "../core/exit/ipo.js";
import { type ExitModel, prepareExit } from "../core/exit/model.js";
import type { PiecewiseLinear } from "../core/exit/piecewise.js";
import type { ExitTerms } from "../core/exit/terms.js";
import type { CapTable } from "../core/ledger/cap-table.js";
import type { IsoDate } from "../core/shared/date.js";
import { stakeholderId } from "../core/shared/ids.js";
import { message } from "../core/shared/messages.js";
import { fail, failSaying, ok, type Result } from "../core/shared/problem.js";
import { parseEstimate } from "../core/uncertainty/estimate-parse.js";
import type { Deal } from "../deal/build.js";
import { decimal, decimalsSummingTo } from "./format.js";
import { floatText } from "./simulation-report.js";
import { jsonText } from "./text-formats.js";
import { whatIfJson } from "./what-if-report.js";

/** The exit terms of a deal: its `exit:` settings, with the date given or the deal's last dated event (EXIT-1). */
export function exitTermsOf(deal: Deal, date: IsoDate | undefined): ExitTerms {
  const e = deal.document.exit;
  const currency = deal.ledger.company.currency;
  const money = (a: { amount: Rational; currency: Currency | undefined } | undefined): Money | undefined => {
    if (!a) return undefined;
    const m: Money = { kind: "money", currency: a.currency ?? currency, amount: a.amount };
    return convert(m, currency, deal.ledger.company.exchangeRates) ?? m;
  };
  const dates = [
    ...deal.ledger.transactions.map((t) => t.date),
    ...deal.rounds.flatMap((r) => [r.date, ...r.closings.map((c) => c.date)]),
  ];
  const last = dates.reduce(
    (a, b) => (a > b ? a : b),
    deal.ledger.company.formationDate ?? ("1970-01-01" as IsoDate),
  );
  const fixed = money(e?.fees?.fixed);
  const maximum = money(e?.carveOut?.maximum);
  const debt = money(e?.debt);
  return {
    exitDate: date ?? e?.date ?? last,
    ...(e?.fees
      ? { fees: { ...(fixed ? { fixed } : {}), ...(e.fees.rate ? { rate: e.fees.rate } : {}) } }
      : {}),
    ...(debt ? { debt } : {}),
    ...(e?.carveOut
      ? {
          carveOut: {
            fraction: e.carveOut.fraction,
            ...(maximum ? { maximum } : {}),
            ...(e.carveOut.recipients
              ? {
                  recipients: e.carveOut.recipients.map((r) => ({
                    holder: stakeholderId(r.holder),
                    weight: r.weight,
                  })),
                }
              : {}),
          },
        }
      : {}),
    exercise: e?.exercise ?? "cash",
    optionVesting: e?.optionVesting ?? "all_outstanding",
    terminatedHolders: (e?.terminated ?? []).map(stakeholderId),
    ...(e?.safeSeniority === undefined ? {} : { safeSeniority: e.safeSeniority }),
    ...(e?.noteRepaymentPremium ? { noteRepaymentPremium: e.noteRepaymentPremium } : {}),
    path: ["exit"],
  };
}

export function exitModelOf(table: CapTable, terms: ExitTerms): Result<ExitModel> {
  return prepareExit(table, terms);
}

function outcomeJson(o: WaterfallAtValue) {
  // Holders' proceeds sum to the distributable amount, and their totals to what holders keep:
  // written so that the decimal strings sum exactly too (OUT-2).
  const proceeds = decimalsSummingTo(
    o.holders.map((h) => h.proceeds),
    Rational.sum(o.holders.map((h) => h.proceeds)),
  );
  const totals = decimalsSummingTo(
    o.holders.map((h) => h.total),
    Rational.sum(o.holders.map((h) => h.total)),
  );
  return {
    exitValue: decimal(o.exitValue),
    fees: decimal(o.fees),
    debt: decimal(o.debt),
    carveOut: decimal(o.carveOut),
    exerciseCash: decimal(o.exerciseCash),
    distributable: decimal(o.distributable),
    commonPrice: decimal(o.commonPrice),
    classes: o.classes.map((c) => ({
      id: c.shareClass.id,
      name: c.shareClass.name,
      state: c.state,
      payout: decimal(c.payout),
    })),
    positions: o.positions.map((p) => ({
      id: p.position.id,
      label: p.position.name,
      kind: p.kind,
      state: p.state,
      preference: decimal(p.preference),
      asConverted: decimal(p.asConverted),
      net: decimal(p.net),
    })),
    holders: o.holders.map((h, i) => ({
      id: h.holder.id,
      name: h.holder.name,
      proceeds: proceeds[i]!,
      exercisePaid: decimal(h.exercisePaid),
      net: decimal(h.net),
      carveOut: decimal(h.carveOut),
      total: totals[i]!,
    })),
    // DEBT-3: listed only when the ledger holds venture debt, so that other deals' JSON is unchanged.
    ...(o.ventureDebts
      ? {
          ventureDebts: o.ventureDebts.map((d) => ({
            id: d.security.id,
            holder: d.holder.id,
            name: d.holder.name,
            seniority: d.seniority,
            owed: decimal(d.owed),
            repaid: decimal(d.repaid),
          })),
        }
      : {}),
  };
}

/** The JSON of the waterfall at exit values (`exit --at`, SPEC OUT-1). */
export function exitWaterfallJson(r: ExitWaterfallReport) {
  return { currency: r.currency, exitDate: r.exitDate, outcomes: r.outcomes.map(outcomeJson) };
}

/** The waterfall at each exit value (`exit --at`) as JSON (EXIT-1..EXIT-14). */
export function exitAtReport(model: ExitModel, values: readonly Rational[]) {
  const r = exitWaterfallOf(model, values);
  return r.ok ? ok(exitWaterfallJson(r.value)) : r;
}

/** A breakpoint's event in English words, as the JSON's `events` writes it. */
export function breakpointEventText(e: BreakpointExplanation): string {
  const names = () => e.params.positions.map((p) => p.name).join(", ");
  switch (e.code) {
    case "fees_paid":
      return "fees paid";
    case "debt_repaid":
      return "debt repaid";
    case "carve_out_maximum":
      return "carve-out reaches its maximum";
    case "level_paid":
      return `preferences paid: ${names()}`;
    case "common_starts":
      return "common starts to receive value";
    case "regime_change":
      return `changes: ${names()}`;
  }
}

function functionJson(f: PiecewiseLinear) {
  return {
    atZero: decimal(f.atZero),
    segments: f.breakpoints.map((from, j) => ({
      from: decimal(from),
      to: j + 1 < f.breakpoints.length ? decimal(f.breakpoints[j + 1]!) : null,
      slope: decimal(f.slopes[j]!),
      intercept: decimal(f.intercepts[j]!),
    })),
  };
}

/** The parts of the breakpoints' JSON that do not grow with the number of holders. */
function breakpointsHeadJson(r: ExitBreakpointsReport) {
  return {
    breakpoints: r.breakpoints.map((b) => ({
      exitValue: decimal(b.exitValue),
      events: b.events.map(breakpointEventText),
      classes: b.classes.map((c) => ({
        id: c.shareClass.id,
        payout: decimal(c.payout),
        nextDollar: decimal(c.nextDollar),
      })),
    })),
    classFunctions: r.classFunctions.map((c) => ({ id: c.subject.id, ...functionJson(c.function) })),
  };
}

/** Holder i's payout at breakpoint j as the report writes it (OUT-1), from its unreduced fraction. */
function holderPayoutText(r: ExitBreakpointsReport, holder: number, breakpoint: number): string {
  const v = r.holderPayouts.valueAt(holder, breakpoint);
  return Rational.decimalText(v.num, v.den);
}

/**
 * Holder i's payout function as `functionJson(simplifyPiecewise(…))` writes it, or
 * undefined when it pays nothing at any exit value; written from unreduced fractions.
 */
function holderFunctionJson(r: ExitBreakpointsReport, holder: number, breakpointTexts: readonly string[]) {
  const fn = r.holderPayouts.simplifiedFunctionOf(holder);
  if (fn === undefined) return undefined;
  const text = (f: Fraction) => Rational.decimalText(f.num, f.den);
  return {
    atZero: text(fn.atZero),
    segments: fn.segments.map((j, k) => ({
      from: breakpointTexts[j]!,
      to: k + 1 < fn.segments.length ? breakpointTexts[fn.segments[k + 1]!]! : null,
      slope: text(fn.slopes[k]!),
      intercept: text(fn.intercepts[k]!),
    })),
  };
}

/**
 * The JSON of the breakpoints (`exit --breakpoints`): the exit values where the split of
 * the next dollar changes, what happens there in words, every class's and holder's payout
 * at each, and each payout as an exact piecewise-linear function (EXIT-15); the holders'
 * functions that are zero everywhere are left out (a reader wording the events in another
 * language words them from the typed report's explanations, as fr.ts does).
 * `exitBreakpointsJsonChunks` writes the same text in pieces.
 */
export function exitBreakpointsJson(r: ExitBreakpointsReport) {
  const head = breakpointsHeadJson(r);
  const breakpointTexts = head.breakpoints.map((b) => b.exitValue);
  const holderFunctions: {
    id: string;
    name: string;
    atZero: string;
    segments: { from: string; to: string | null; slope: string; intercept: string }[];
  }[] = [];
  for (const [i, h] of r.holders.entries()) {
    const fn = holderFunctionJson(r, i, breakpointTexts);
    if (fn) holderFunctions.push({ id: h.id, name: h.name, ...fn });
  }
  return {
    currency: r.currency,
    exitDate: r.exitDate,
    breakpoints: head.breakpoints.map((b, j) => ({
      ...b,
      holders: r.holders.map((h, i) => ({ id: h.id, payout: holderPayoutText(r, i, j) })),
    })),
    classFunctions: head.classFunctions,
    holderFunctions,
  };
}

/** JSON.stringify(value, null, 2) written at an indentation of `depth` levels, as a nested value. */
function nestedJson(value: unknown, depth: number): string {
  return JSON.stringify(value, null, 2).replaceAll("\n", `\n${"  ".repeat(depth)}`);
}

/**
 * The text of `jsonText(exitBreakpointsJson(r))`, byte for byte, in pieces: one per
 * breakpoint and one per holder's function, so that no piece grows with holders ×
 * breakpoints (the whole text is hundreds of megabytes at 100,000 holders, beyond the
 * longest string a JavaScript engine builds) and no holder × breakpoint table is held in
 * memory. What `exit --breakpoints --format json` writes (issue 19).
 */
export function* exitBreakpointsJsonChunks(r: ExitBreakpointsReport): Generator<string> {
  const head = breakpointsHeadJson(r);
  const breakpointTexts = head.breakpoints.map((b) => b.exitValue);
  // A breakpoint's holders are written directly, as JSON.stringify lays out
  // { id, payout } objects four levels down: 870,000 of them at 10,000 holders.
  const holderOpenings = r.holders.map(
    (h) => `        {\n          "id": ${JSON.stringify(h.id)},\n          "payout": `,
  );
  yield `{\n  "currency": ${JSON.stringify(r.currency)},\n  "exitDate": ${JSON.stringify(r.exitDate)},\n  "breakpoints": [`;
  for (const [j, b] of head.breakpoints.entries()) {
    const withoutHolders = nestedJson(b, 2);
    const parts: string[] = [];
    for (let i = 0; i < holderOpenings.length; i++) {
      parts.push(`${holderOpenings[i]}${JSON.stringify(holderPayoutText(r, i, j))}\n        }`);
    }
    // The breakpoint's object without its last line ("}"), then its holders and the closing brace.
    const holders = parts.length === 0 ? "[]" : `[\n${parts.join(",\n")}\n      ]`;
    yield `${j === 0 ? "" : ","}\n    ${withoutHolders.slice(0, -6)},\n      "holders": ${holders}\n    }`;
  }
  yield `${head.breakpoints.length === 0 ? "" : "\n  "}],\n  "classFunctions": ${nestedJson(head.classFunctions, 1)},\n  "holderFunctions": [`;
  let written = 0;
  for (const [i, h] of r.holders.entries()) {
    const fn = holderFunctionJson(r, i, breakpointTexts);
    if (!fn) continue;
    // Laid out as JSON.stringify does, written directly: no object per segment.
    const segments = fn.segments
      .map(
        (g) =>
          `        {\n          "from": ${JSON.stringify(g.from)},\n          "to": ${JSON.stringify(g.to)},\n          "slope": ${JSON.stringify(g.slope)},\n          "intercept": ${JSON.stringify(g.intercept)}\n        }`,
      )
      .join(",\n");
    yield `${written === 0 ? "" : ","}\n    {\n      "id": ${JSON.stringify(h.id)},\n      "name": ${JSON.stringify(h.name)},\n      "atZero": ${JSON.stringify(fn.atZero)},\n      "segments": [\n${segments}\n      ]\n    }`;
    written++;
  }
  yield `${written === 0 ? "" : "\n  "}]\n}\n`;
}

/**
 * The exit report as the CLI's `--format json` writes it, in pieces: `jsonText(exitJson(r))`
 * byte for byte; the breakpoints (alone) written by `exitBreakpointsJsonChunks` (issue 19).
 */
export function* exitJsonChunks(r: ExitReport): Generator<string> {
  if (r.kind !== "breakpoints") {
    yield jsonText(exitJson(r));
    return;
  }
  if (!r.whatIf) {
    yield* exitBreakpointsJsonChunks(r);
    return;
  }
  // With what-ifs, their object follows the last key, as in exitJson: the last piece ends "}\n".
  let last: string | undefined;
  for (const chunk of exitBreakpointsJsonChunks(r)) {
    if (last !== undefined) yield last;
    last = chunk;
  }
  yield `${last!.slice(0, -"\n}\n".length)},\n  "whatIf": ${nestedJson(whatIfJson(r.whatIf), 1)}\n}\n`;
}

/** The breakpoints (`exit --breakpoints`) as JSON (EXIT-15); see `exitBreakpointsJson`. */
export function exitBreakpointsReport(model: ExitModel) {
  return exitBreakpointsJson(exitBreakpointsOf(model));
}

/** The JSON (and CSV rows) of a sweep: floats written as decimals (EXIT-16). */
export function exitSweepJson(r: ExitSweepReport) {
  return {
    header: ["exit_value", ...r.holders.map((h) => h.holder.id)],
    rows: Array.from(r.exitValues, (x, i) => [
      floatText(x),
      ...r.holders.map((h) => floatText(h.payouts[i]!)),
    ]),
  };
}

/** Payouts at evenly spaced exit values (`exit --sweep`) as JSON (EXIT-16). */
export function exitSweepReport(model: ExitModel, from: number, to: number, steps: number) {
  const r = exitSweepOf(model, from, to, steps);
  return r.ok ? ok(exitSweepJson(r.value)) : r;
}

/** The JSON of each holder's value at an IPO (EXIT-18). */
export function exitIpoJson(o: ExitIpoReport) {
  return {
    currency: o.currency,
    pricePerShare: decimal(o.pricePerShare),
    preIpoValuation: decimal(o.preIpoValuation),
    positions: o.positions.map((p) => ({
      id: p.position.id,
      label: p.position.name,
      state: p.state,
      shares: decimal(p.shares),
      cash: decimal(p.cash),
      value: decimal(p.value),
    })),
    holders: o.holders.map((h) => ({
      id: h.holder.id,
      name: h.holder.name,
      shares: decimal(h.shares),
      cash: decimal(h.cash),
      value: decimal(h.value),
    })),
    ...(o.ventureDebts
      ? {
          ventureDebts: o.ventureDebts.map((d) => ({
            id: d.security.id,
            holder: d.holder.id,
            name: d.holder.name,
            seniority: d.seniority,
            owed: decimal(d.owed),
            repaid: decimal(d.repaid),
          })),
        }
      : {}),
  };
}

/** Each holder's value at an IPO (`exit --ipo`) as JSON (EXIT-18). */
export function exitIpoReport(model: ExitModel, pricing: IpoPricing) {
  const r = exitIpoOf(model, pricing);
  return r.ok ? ok(exitIpoJson(r.value)) : r;
}

/** The JSON of payout percentiles over sampled exit values (EXIT-17). */
export function exitPercentilesJson(r: ExitPercentilesReport) {
  const stats = (s: PayoutStatistics) => ({
    mean: floatText(s.mean),
    p5: floatText(s.p5),
    p50: floatText(s.p50),
    p95: floatText(s.p95),
  });
  return {
    currency: r.currency,
    runs: r.runs,
    exitValue: stats(r.exitValue),
    holders: r.holders.map((h) => ({ id: h.holder.id, name: h.holder.name, payout: stats(h.payout) })),
  };
}

/** The JSON of the exit statement: the waterfall, the breakpoints and what each holder invested. */
export function exitStatementJson(r: ExitStatementReport) {
  return {
    ...exitWaterfallJson(r.waterfall),
    ...exitBreakpointsJson(r.breakpoints),
    invested: r.invested.map((h) => ({
      id: h.holder.id,
      name: h.holder.name,
      invested: h.invested === null ? null : decimal(h.invested),
    })),
  };
}

/** The exit report as the CLI's `--format json` and the API write it (APP-3). */
export function exitJson(r: ExitReport) {
  const json = exitKindJson(r);
  // DEAL-WHATIF-1: present only with what-ifs, last, so that the JSON without them is unchanged.
  return r.whatIf ? { ...json, whatIf: whatIfJson(r.whatIf) } : json;
}

function exitKindJson(r: ExitReport) {
  switch (r.kind) {
    case "waterfall":
      return exitWaterfallJson(r);
    case "breakpoints":
      return exitBreakpointsJson(r);
    case "sweep":
      return exitSweepJson(r);
    case "percentiles":
      return exitPercentilesJson(r);
    case "ipo":
      return exitIpoJson(r);
    case "statement":
      return exitStatementJson(r);
  }
}

/**
 * Reads exit values written as `roundtable exit --at` takes them: "15M;60M;1B" (EXIT-LIST-1:
 * semicolons separate values; a comma only groups thousands, as in 1,500,000), in the deal's
 * currency, none negative. A `usage` problem says what is wrong.
 */
export function exitValuesOf(text: string, currency: Currency): Result<Rational[]> {
  // EXIT-LIST-1: a list is separated by ";" only. A comma is read only as a thousands
  // separator of a correctly grouped number (1,500,000); any other comma could be a list
  // separator or a decimal comma, so it is refused rather than guessed.
  const misplacedComma = (text.match(/[\d.,]*,[\d.,]*/g) ?? []).find(
    (token) => !/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(token),
  );
  if (misplacedComma !== undefined) {
    return failSaying(
      "exit_value_list_ambiguous",
      message("exit_value_comma", { text, comma: misplacedComma }),
    );
  }
  const parts = text.split(";");
  const values: Rational[] = [];
  for (const part of parts) {
    if (part.trim() === "")
      return failSaying("exit_value_list_ambiguous", message("exit_value_empty", { text }));
    const r = parseAmount(part.trim(), { defaultCurrency: currency });
    if (!r.ok) return r.detail ? failSaying("usage", r.detail) : fail("usage", r.error);
    if (r.value.currency !== currency)
      return failSaying("usage", message("exit_value_currency", { value: part.trim(), currency }));
    if (r.value.amount.isNegative())
      return failSaying("exit_value_negative", message("exit_value_negative", { value: part.trim() }));
    values.push(r.value.amount);
  }
  return ok(values);
}

/** Reads a sweep range written `from..to`, such as 0..1B. */
export function sweepRangeOf(text: string, currency: Currency): Result<{ from: Rational; to: Rational }> {
  const m = /^(.+?)\.\.(.+)$/.exec(text);
  if (!m) return failSaying("usage", message("sweep_form", { got: text }));
  const from = exitValuesOf(m[1]!, currency);
  if (!from.ok) return from;
  const to = exitValuesOf(m[2]!, currency);
  if (!to.ok) return to;
  return ok({ from: from.value[0]!, to: to.value[0]! });
}

/** Reads an IPO pricing: a price per share ("$120/share", "$120 per share") or a pre-IPO valuation ("$1T"). */
export function ipoPricingOf(text: string, currency: Currency): Result<IpoPricing> {
  const perShare = /\s*(\/\s*share|per share)\s*$/i;
  const isPrice = perShare.test(text);
  const parsed = parseAmount(text.replace(perShare, ""), { defaultCurrency: currency });
  if (!parsed.ok) return fail("usage", parsed.error);
  return ok(
    isPrice
      ? { kind: "price_per_share", price: parsed.value.amount }
      : { kind: "pre_ipo_valuation", valuation: parsed.value.amount },
  );
}

/**
 * An exit value written as an estimate ("between $1B and $3B"): its distribution to sample,
 * or undefined when the text is one or more exact values.
 */
export function exitValueEstimate(text: string, currency: Currency) {
  if (parseAmount(text, { defaultCurrency: currency }).ok) return undefined;
  const estimate = parseEstimate(text, { unit: "money", defaultCurrency: currency });
  return estimate.ok && estimate.value.qualifier !== "exact" ? estimate.value : undefined;
}
