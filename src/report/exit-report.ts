import { parseAmount } from "../core/exact/amount-parse.js";
import { type Currency, convert, type Money } from "../core/exact/money.js";
import { Rational } from "../core/exact/rational.js";
import { type BreakpointEvent, classPayoutFunction, exitBreakpoints } from "../core/exit/breakpoints.js";
import { type Fraction, fractionsEqual, HolderPayouts } from "../core/exit/holder-payouts.js";
import { type IpoOutcome, type IpoPricing, ipoOutcome } from "../core/exit/ipo.js";
import { type ExitModel, prepareExit } from "../core/exit/model.js";
import { type PiecewiseLinear, simplifyPiecewise, valuesAtBreakpoints } from "../core/exit/piecewise.js";
import { compilePayoutTable, payoutsAt, sweepPayouts } from "../core/exit/sweep.js";
import type { ExitTerms } from "../core/exit/terms.js";
import { type ExitOutcome, waterfallAt } from "../core/exit/waterfall.js";
import { repayDebts } from "../core/instruments/venture-debt.js";
import type { CapTable } from "../core/ledger/cap-table.js";
import type { IsoDate } from "../core/shared/date.js";
import { shareClassId, stakeholderId } from "../core/shared/ids.js";
import { fail, ok, type Result } from "../core/shared/problem.js";
import { parseEstimate } from "../core/uncertainty/estimate-parse.js";
import { describeSample } from "../core/uncertainty/statistics.js";
import type { Deal } from "../deal/build.js";
import { decimal, decimalsSummingTo } from "./format.js";
import { floatText } from "./simulation-report.js";

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

/**
 * Each venture debt's repayment at an exit (DEBT-3): the exit's own debt first, then the
 * ledger's venture debt by seniority; listed only when the ledger holds venture debt, so that
 * the JSON of deals without it is unchanged.
 */
function ventureDebtJson(model: ExitModel, o: ExitOutcome) {
  const debts = model.terms.ventureDebts;
  if (debts.length === 0) return {};
  const afterOther = Rational.max(o.debt.sub(model.terms.otherDebt), Rational.ZERO);
  const names = new Map(model.holders.map((h) => [h.id, h.name]));
  return {
    ventureDebts: repayDebts(debts, afterOther).map((d) => ({
      id: d.security,
      holder: d.holder,
      name: names.get(d.holder) ?? d.holder,
      seniority: d.seniority,
      owed: decimal(d.owed),
      repaid: decimal(d.repaid),
    })),
  };
}

function outcomeJson(o: ExitOutcome, model: ExitModel) {
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
      id: c.classId,
      name: c.name,
      state: c.state,
      payout: decimal(c.payout),
    })),
    positions: o.positions.map((p) => ({
      id: p.position,
      label: p.label,
      kind: p.kind,
      state: p.state,
      preference: decimal(p.preference),
      asConverted: decimal(p.asConverted),
      net: decimal(p.net),
    })),
    holders: o.holders.map((h, i) => ({
      id: h.holder,
      name: h.name,
      proceeds: proceeds[i]!,
      exercisePaid: decimal(h.exercisePaid),
      net: decimal(h.net),
      carveOut: decimal(h.carveOut),
      total: totals[i]!,
    })),
    ...ventureDebtJson(model, o),
  };
}

/** The waterfall at each exit value (`exit --at`), exact (EXIT-1..EXIT-14). */
export function exitAtReport(model: ExitModel, values: readonly Rational[]) {
  const outcomes = [];
  for (const v of values) {
    const o = waterfallAt(model, v);
    if (!o.ok) return o;
    outcomes.push(outcomeJson(o.value, model));
  }
  return ok({ currency: model.currency, exitDate: model.terms.exitDate, outcomes });
}

function eventText(e: BreakpointEvent, labels: ReadonlyMap<string, string>): string {
  const names = (ids: readonly string[]) => ids.map((id) => labels.get(id) ?? id).join(", ");
  switch (e.kind) {
    case "fees_paid":
      return "fees paid";
    case "debt_repaid":
      return "debt repaid";
    case "carve_out_maximum":
      return "carve-out reaches its maximum";
    case "level_paid":
      return `preferences paid: ${names(e.positions)}`;
    case "common_starts":
      return "common starts to receive value";
    case "regime_change":
      return `changes: ${names(e.positions)}`;
  }
}

/** A position an event names, in parts a reader can word in its own language. */
export interface EventPosition {
  readonly id: string;
  readonly kind: ExitModel["positions"][number]["kind"];
  /** The engine's English label, as `events` writes it. */
  readonly label: string;
  readonly classId: string | null;
  readonly security: string | null;
  /** An option's strike, as the label writes it (six places at most). */
  readonly strike: string | null;
}

/** What happens at a breakpoint, as structure: the event's kind and the positions it names. */
export interface EventDetail {
  readonly kind: BreakpointEvent["kind"];
  readonly positions: readonly EventPosition[];
}

function eventDetail(e: BreakpointEvent, positions: ReadonlyMap<string, EventPosition>): EventDetail {
  const ids = e.kind === "level_paid" || e.kind === "regime_change" ? e.positions : [];
  return {
    kind: e.kind,
    positions: ids.map(
      (id) =>
        positions.get(id) ?? { id, kind: "shares", label: id, classId: null, security: null, strike: null },
    ),
  };
}

function functionJson(fn: PiecewiseLinear) {
  const f = simplifyPiecewise(fn);
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

/** A holder's payout at every breakpoint, as the report writes them (OUT-1). */
function holderValuesText(payouts: HolderPayouts, holder: number): string[] {
  return payouts.breakpoints.map((_, j) => {
    const v = payouts.valueAt(holder, j);
    return Rational.decimalText(v.num, v.den);
  });
}

/**
 * A holder's payout function as `functionJson` writes it (the breakpoints where it neither
 * changes slope nor jumps removed), or undefined when it pays nothing at any exit value.
 * Equal to `functionJson(simplifyPiecewise(holderPayoutFunction(...)))`, computed on
 * unreduced fractions (EXIT-15, issue 19).
 */
function holderFunctionJson(payouts: HolderPayouts, holder: number, breakpointTexts: readonly string[]) {
  const count = payouts.breakpoints.length;
  const slopes: Fraction[] = [];
  const intercepts: Fraction[] = [];
  let paysSomething = false;
  for (let j = 0; j < count; j++) {
    const slope = payouts.slope(holder, j);
    if (slope.num !== 0n) paysSomething = true;
    slopes.push(slope);
    intercepts.push(payouts.intercept(holder, j));
  }
  const atZero = payouts.atZero(holder);
  if (!paysSomething && atZero.num === 0n) return undefined;
  const kept: number[] = [0];
  for (let j = 1; j < count; j++) {
    if (!fractionsEqual(slopes[j]!, slopes[j - 1]!) || !fractionsEqual(intercepts[j]!, intercepts[j - 1]!))
      kept.push(j);
  }
  const text = (f: Fraction) => Rational.decimalText(f.num, f.den);
  return {
    atZero: text(atZero),
    segments: kept.map((j, k) => ({
      from: breakpointTexts[j]!,
      to: k + 1 < kept.length ? breakpointTexts[kept[k + 1]!]! : null,
      slope: text(slopes[j]!),
      intercept: text(intercepts[j]!),
    })),
  };
}

/** The parts of the breakpoints report that do not grow with the number of holders. */
function breakpointsHead(model: ExitModel, options: { eventDetails?: boolean }) {
  const bp = exitBreakpoints(model);
  const labels = new Map(model.positions.map((p) => [p.id, p.label]));
  const eventPositions = new Map(
    model.positions.map((p): [string, EventPosition] => [
      p.id,
      {
        id: p.id,
        kind: p.kind,
        label: p.label,
        classId: p.classId ?? null,
        security: p.security ?? null,
        strike: p.rights.kind === "option" ? p.rights.strike.toDecimalString(6) : null,
      },
    ]),
  );
  const classIds = [...new Set(model.positions.flatMap((p) => (p.classId === undefined ? [] : [p.classId])))];
  const classFns = classIds
    .map((id) => ({ id, fn: classPayoutFunction(bp, shareClassId(id)) }))
    .filter((x): x is { id: (typeof classIds)[number]; fn: PiecewiseLinear } => x.fn !== undefined)
    .map((c) => ({ ...c, values: valuesAtBreakpoints(c.fn).map(decimal) }));
  return {
    bp,
    breakpointTexts: bp.breakpoints.map(decimal),
    breakpoints: bp.breakpoints.map((x, j) => ({
      exitValue: decimal(x),
      events: bp.events[j]!.map((e) => eventText(e, labels)),
      ...(options.eventDetails
        ? { eventDetails: bp.events[j]!.map((e) => eventDetail(e, eventPositions)) as readonly EventDetail[] }
        : {}),
      classes: classFns.map((c) => ({
        id: c.id,
        payout: c.values[j]!,
        nextDollar: decimal(c.fn.slopes[j] ?? Rational.ZERO),
      })),
    })),
    classFunctions: classFns.map((c) => ({ id: c.id, ...functionJson(c.fn) })),
  };
}

/**
 * The breakpoints (`exit --breakpoints`): the exit values where the split of the next
 * dollar changes, what happens there, every class's and holder's payout at each, and each
 * payout as an exact piecewise-linear function of the exit value (EXIT-15). With
 * `eventDetails`, each breakpoint also carries its events as structure (`eventDetails`,
 * one per entry of `events`), for a reader that words them in another language; the
 * CLI's report leaves it out. With `holders: false`, the holders' payouts are left out
 * (every breakpoint's `holders` and `holderFunctions` are empty): the text and CSV tables
 * show none, so they are not computed (issue 19).
 */
export function exitBreakpointsReport(
  model: ExitModel,
  options: { eventDetails?: boolean; holders?: boolean } = {},
) {
  const head = breakpointsHead(model, options);
  const withHolders = options.holders ?? true;
  // Every holder's function in one pass over the stakes, and its values at the breakpoints
  // read off its terms: linear in the number of holders (issue 19).
  const payouts = withHolders ? new HolderPayouts(head.bp) : undefined;
  const values = payouts ? payouts.holders.map((_, i) => holderValuesText(payouts, i)) : [];
  const holderFunctions: {
    id: string;
    name: string;
    atZero: string;
    segments: { from: string; to: string | null; slope: string; intercept: string }[];
  }[] = [];
  if (payouts) {
    for (const [i, h] of payouts.holders.entries()) {
      const fn = holderFunctionJson(payouts, i, head.breakpointTexts);
      if (fn) holderFunctions.push({ id: h.id, name: h.name, ...fn });
    }
  }
  return {
    currency: model.currency,
    exitDate: model.terms.exitDate,
    breakpoints: head.breakpoints.map((b, j) => ({
      ...b,
      holders: payouts ? payouts.holders.map((h, i) => ({ id: h.id as string, payout: values[i]![j]! })) : [],
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
 * The text of `jsonText(exitBreakpointsReport(model))`, byte for byte, in pieces: one per
 * breakpoint and one per holder's function, so that no piece grows with holders ×
 * breakpoints (the whole text is hundreds of megabytes at 100,000 holders, beyond the
 * longest string a JavaScript engine builds) and no holder × breakpoint table is held in
 * memory. What `exit --breakpoints --format json` writes (issue 19).
 */
export function* exitBreakpointsJsonChunks(model: ExitModel): Generator<string> {
  const head = breakpointsHead(model, {});
  const payouts = new HolderPayouts(head.bp);
  // A breakpoint's holders are written directly, as JSON.stringify lays out
  // { id, payout } objects four levels down: 870,000 of them at 10,000 holders.
  const holderOpenings = payouts.holders.map(
    (h) => `        {\n          "id": ${JSON.stringify(h.id)},\n          "payout": "`,
  );
  yield `{\n  "currency": ${JSON.stringify(model.currency)},\n  "exitDate": ${JSON.stringify(model.terms.exitDate)},\n  "breakpoints": [`;
  for (const [j, b] of head.breakpoints.entries()) {
    const withoutHolders = nestedJson(b, 2);
    const parts: string[] = [];
    for (let i = 0; i < holderOpenings.length; i++) {
      const v = payouts.valueAt(i, j);
      parts.push(`${holderOpenings[i]}${Rational.decimalText(v.num, v.den)}"\n        }`);
    }
    // The breakpoint's object without its last line ("}"), then its holders and the closing brace.
    const holders = parts.length === 0 ? "[]" : `[\n${parts.join(",\n")}\n      ]`;
    yield `${j === 0 ? "" : ","}\n    ${withoutHolders.slice(0, -6)},\n      "holders": ${holders}\n    }`;
  }
  yield `${head.breakpoints.length === 0 ? "" : "\n  "}],\n  "classFunctions": ${nestedJson(head.classFunctions, 1)},\n  "holderFunctions": [`;
  let written = 0;
  for (const [i, h] of payouts.holders.entries()) {
    const fn = holderFunctionJson(payouts, i, head.breakpointTexts);
    if (!fn) continue;
    // Laid out as JSON.stringify does, written directly: no object per segment.
    const segments = fn.segments
      .map(
        (g) =>
          `        {\n          "from": "${g.from}",\n          "to": ${g.to === null ? "null" : `"${g.to}"`},\n          "slope": "${g.slope}",\n          "intercept": "${g.intercept}"\n        }`,
      )
      .join(",\n");
    yield `${written === 0 ? "" : ","}\n    {\n      "id": ${JSON.stringify(h.id)},\n      "name": ${JSON.stringify(h.name)},\n      "atZero": "${fn.atZero}",\n      "segments": [\n${segments}\n      ]\n    }`;
    written++;
  }
  yield `${written === 0 ? "" : "\n  "}]\n}\n`;
}

/** Payouts at evenly spaced exit values (`exit --sweep`), from the exact functions evaluated in floats (EXIT-16). */
export function exitSweepReport(model: ExitModel, from: number, to: number, steps: number) {
  const table = compilePayoutTable(exitBreakpoints(model));
  const swept = sweepPayouts(table, from, to, steps, "all");
  if (!swept.ok) return swept;
  const s = swept.value;
  const holders = model.holders.filter((h) => s.holders.get(h.id)?.some((v) => v !== 0));
  return ok({
    header: ["exit_value", ...holders.map((h) => h.id)],
    rows: Array.from(s.exitValues, (x, i) => [
      floatText(x),
      ...holders.map((h) => floatText(s.holders.get(h.id)![i]!)),
    ]),
  });
}

/** Each holder's value at an IPO (`exit --ipo`), exact (EXIT-18). */
export function exitIpoReport(model: ExitModel, pricing: IpoPricing): Result<ReturnType<typeof ipoJson>> {
  const o = ipoOutcome(model, pricing);
  if (!o.ok) return o;
  return ok(ipoJson(o.value));
}

function ipoJson(o: IpoOutcome) {
  return {
    currency: o.currency,
    pricePerShare: decimal(o.pricePerShare),
    preIpoValuation: decimal(o.preIpoValuation),
    positions: o.positions.map((p) => ({
      id: p.position,
      label: p.label,
      state: p.state,
      shares: decimal(p.shares),
      cash: decimal(p.cash),
      value: decimal(p.value),
    })),
    holders: o.holders.map((h) => ({
      id: h.holder,
      name: h.name,
      shares: decimal(h.shares),
      cash: decimal(h.cash),
      value: decimal(h.value),
    })),
  };
}

/** Payout percentiles per holder when the exit value is uncertain (EXIT-17, UNC-SIM). */
export function exitSimulationReport(model: ExitModel, samples: Float64Array) {
  if (samples.length === 0) return fail("exit_terms_invalid", "no exit values to sample");
  const table = compilePayoutTable(exitBreakpoints(model));
  const p = payoutsAt(table, samples, "all");
  const stats = (xs: Float64Array) => {
    const d = describeSample(Float64Array.from(xs));
    return { mean: floatText(d.mean), p5: floatText(d.p5), p50: floatText(d.p50), p95: floatText(d.p95) };
  };
  return ok({
    currency: model.currency,
    runs: samples.length,
    exitValue: stats(samples),
    holders: model.holders
      .filter((h) => p.holders.get(h.id)?.some((v) => v !== 0))
      .map((h) => ({ id: h.id, name: h.name, payout: stats(p.holders.get(h.id)!) })),
  });
}

/**
 * Reads exit values written as `roundtable exit --at` takes them: "15M,60M,1B" (commas
 * separate values; amounts are written without thousands commas), in the deal's currency,
 * none negative. A `usage` problem says what is wrong.
 */
export function exitValuesOf(text: string, currency: Currency): Result<Rational[]> {
  // EXIT-LIST-1: a list is separated by ";" only. A comma is read only as a thousands
  // separator of a correctly grouped number (1,500,000); any other comma could be a list
  // separator or a decimal comma, so it is refused rather than guessed.
  const misplacedComma = (text.match(/[\d.,]*,[\d.,]*/g) ?? []).find(
    (token) => !/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(token),
  );
  if (misplacedComma !== undefined) {
    return fail(
      "exit_value_list_ambiguous",
      `"${text}": a comma in an exit value is read only as a thousands separator (1,500,000), and "${misplacedComma}" is not one: write decimals with a point (2.5M) and separate several exit values with ";" (15M;60M;1B)`,
    );
  }
  const parts = text.split(";");
  const values: Rational[] = [];
  for (const part of parts) {
    if (part.trim() === "")
      return fail("exit_value_list_ambiguous", `"${text}" has an empty exit value between its ";"`);
    const r = parseAmount(part.trim(), { defaultCurrency: currency });
    if (!r.ok) return fail("usage", r.error);
    if (r.value.currency !== currency)
      return fail("usage", `${part.trim()} is not in ${currency}, the deal's currency`);
    if (r.value.amount.isNegative())
      return fail("exit_value_negative", `an exit value cannot be negative (${part.trim()})`);
    values.push(r.value.amount);
  }
  return ok(values);
}

/** Reads a sweep range written `from..to`, such as 0..1B. */
export function sweepRangeOf(text: string, currency: Currency): Result<{ from: Rational; to: Rational }> {
  const m = /^(.+?)\.\.(.+)$/.exec(text);
  if (!m) return fail("usage", `a sweep is written from..to, such as 0..1B, got "${text}"`);
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

/**
 * What each holder paid for what they hold (for the multiple on invested capital of the
 * exit report): each stock lot's invested amount, or its shares at the class's original
 * issue price; each SAFE's purchase amount and each note's principal, in the company's
 * currency. Options and warrants are not counted: their exercise price is paid at the exit
 * and the waterfall nets it (`exercisePaid`). A holder with a lot of unknown price has no
 * invested amount (`invested: null`), so that no multiple is stated on a partial base.
 */
export function exitInvestedReport(table: CapTable) {
  const currency = table.company.currency;
  const inCurrency = (m: Money): Rational | undefined =>
    convert(m, currency, table.company.exchangeRates)?.amount;
  const invested = new Map<string, Rational | null>();
  const add = (holder: string, amount: Rational | undefined) => {
    const sofar = invested.get(holder);
    if (sofar === null) return;
    invested.set(holder, amount === undefined ? null : (sofar ?? Rational.ZERO).add(amount));
  };
  for (const s of table.securities.values()) {
    if (s.kind === "stock") {
      const price = table.classes.get(s.classId)?.originalIssuePrice;
      add(
        s.holder,
        s.investedAmount !== undefined
          ? inCurrency(s.investedAmount)
          : price !== undefined
            ? inCurrency(price)?.mulInt(s.shares)
            : undefined,
      );
    } else if (s.kind === "safe") add(s.holder, inCurrency(s.purchaseAmount));
    else if (s.kind === "note") add(s.holder, inCurrency(s.principal));
  }
  return {
    currency,
    holders: [...table.stakeholders.values()].map((h) => {
      const amount = invested.get(h.id);
      return {
        id: h.id as string,
        name: h.name,
        invested: amount === undefined ? "0" : amount === null ? null : decimal(amount),
      };
    }),
  };
}
