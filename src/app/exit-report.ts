import { type Currency, convert, type Money } from "../core/exact/money.js";
import { Rational } from "../core/exact/rational.js";
import { type BreakpointEvent, classPayoutFunction, exitBreakpoints } from "../core/exit/breakpoints.js";
import { type Fraction, HolderPayouts } from "../core/exit/holder-payouts.js";
import { type IpoPricing, ipoOutcome } from "../core/exit/ipo.js";
import type { ExitModel } from "../core/exit/model.js";
import { type PiecewiseLinear, simplifyPiecewise, valuesAtBreakpoints } from "../core/exit/piecewise.js";
import { compilePayoutTable, payoutsAt, sweepPayouts } from "../core/exit/sweep.js";
import { type ExitOutcome, waterfallAt } from "../core/exit/waterfall.js";
import { repayDebts } from "../core/instruments/venture-debt.js";
import type { CapTable } from "../core/ledger/cap-table.js";
import type { IsoDate } from "../core/shared/date.js";
import { shareClassId } from "../core/shared/ids.js";
import { fail, ok, type Result } from "../core/shared/problem.js";
import { describeSample } from "../core/uncertainty/statistics.js";
import type { WhatIfOutcome } from "../deal/what-if.js";
import type { Explanation, Ref } from "./use-case.js";

type PositionState = ExitOutcome["positions"][number]["state"];
type PositionKind = ExitModel["positions"][number]["kind"];

/**
 * The typed reports of the `exit` use case (APP-2): exact values (`Rational` in the
 * report's currency), every holder, class and position a `Ref` with its display name, and
 * what happens at a breakpoint as an `Explanation` (a code and the positions it names).
 * The JSON of each is written by `exitJson` (src/report/exit-report.ts), the text by
 * `exitText` (src/report/exit-text.ts), the PDF and XLSX by src/render/reports/exit.ts.
 */

/** One exit value's waterfall, exact: every class's and holder's payout (EXIT-1..EXIT-14). */
export interface WaterfallAtValue {
  readonly exitValue: Rational;
  readonly fees: Rational;
  readonly debt: Rational;
  readonly carveOut: Rational;
  readonly exerciseCash: Rational;
  readonly distributable: Rational;
  /** The price each common share receives. */
  readonly commonPrice: Rational;
  readonly classes: readonly {
    readonly shareClass: Ref;
    readonly state: PositionState;
    readonly payout: Rational;
  }[];
  readonly positions: readonly {
    /** The position: its id and the engine's label ("Series A preferred (alice)"). */
    readonly position: Ref;
    readonly kind: PositionKind;
    readonly state: PositionState;
    readonly preference: Rational;
    readonly asConverted: Rational;
    readonly net: Rational;
  }[];
  readonly holders: readonly {
    readonly holder: Ref;
    readonly proceeds: Rational;
    readonly exercisePaid: Rational;
    readonly net: Rational;
    readonly carveOut: Rational;
    readonly total: Rational;
  }[];
  /**
   * Each venture debt's repayment (DEBT-3): the exit's own debt first, then the ledger's
   * venture debt by seniority; present only when the ledger holds venture debt.
   */
  readonly ventureDebts?: readonly {
    readonly security: Ref;
    readonly holder: Ref;
    readonly seniority: number;
    readonly owed: Rational;
    readonly repaid: Rational;
  }[];
}

/** What each holder paid for what they hold; null when a lot's price is unknown (REP-6). */
export interface HolderInvested {
  readonly holder: Ref;
  readonly invested: Rational | null;
}

/** `exit --at V1;V2…`: the waterfall at each exit value. */
export interface ExitWaterfallReport {
  readonly kind: "waterfall";
  readonly currency: Currency;
  readonly exitDate: IsoDate;
  readonly outcomes: readonly WaterfallAtValue[];
}

/** A position named by a breakpoint's event, with what a reader needs to word it in its own language. */
export interface BreakpointPosition extends Ref {
  readonly kind: PositionKind;
  readonly shareClass: Ref | null;
  readonly security: string | null;
  /** An option's strike. */
  readonly strike: Rational | null;
}

/** What happens at a breakpoint: the event's kind as the code, the positions it names. */
export type BreakpointExplanation = Explanation<
  BreakpointEvent["kind"],
  { readonly positions: readonly BreakpointPosition[] }
>;

/** A payout as an exact piecewise-linear function of the exit value. */
export interface PayoutFunction<Subject extends Ref = Ref> {
  readonly subject: Subject;
  readonly function: PiecewiseLinear;
}

/** `exit --breakpoints`: where the split of the next dollar changes (EXIT-15). */
export interface ExitBreakpointsReport {
  readonly kind: "breakpoints";
  readonly currency: Currency;
  readonly exitDate: IsoDate;
  readonly breakpoints: readonly {
    readonly exitValue: Rational;
    readonly events: readonly BreakpointExplanation[];
    readonly classes: readonly {
      readonly shareClass: Ref;
      readonly payout: Rational;
      readonly nextDollar: Rational;
    }[];
  }[];
  readonly classFunctions: readonly PayoutFunction[];
  /**
   * Every holder (also those paid nothing anywhere), in the order of `holderPayouts`:
   * holder i's payout is `holderPayoutAt(report, i, j)` at breakpoint j and
   * `holderFunctionOf(report, i)` as a function.
   */
  readonly holders: readonly Ref[];
  /**
   * Every holder's payout in compact, exact form (issue 19): its weights over the positions
   * it holds a stake in, each position's function once. A holder's values are computed when
   * asked (the compact form itself when first read), so nothing holder × breakpoint is held
   * and a reader that shows no holders (the text and CSV tables) computes none.
   */
  readonly holderPayouts: HolderPayouts;
}

/** Holder i's payout at breakpoint j of the report, exact. */
export function holderPayoutAt(report: ExitBreakpointsReport, holder: number, breakpoint: number): Rational {
  const v = report.holderPayouts.valueAt(holder, breakpoint);
  return Rational.of(v.num, v.den);
}

/**
 * Holder i's payout as an exact function of the exit value, the breakpoints where it
 * neither changes slope nor jumps removed (`simplifyPiecewise`); undefined when it pays
 * nothing at any exit value.
 */
export function holderFunctionOf(report: ExitBreakpointsReport, holder: number): PiecewiseLinear | undefined {
  const fn = report.holderPayouts.simplifiedFunctionOf(holder);
  if (fn === undefined) return undefined;
  const exact = (f: Fraction) => Rational.of(f.num, f.den);
  return {
    breakpoints: fn.segments.map((j) => report.holderPayouts.breakpoints[j]!),
    slopes: fn.slopes.map(exact),
    intercepts: fn.intercepts.map(exact),
    atZero: exact(fn.atZero),
  };
}

/** `exit --sweep from..to`: payouts at evenly spaced exit values, from the exact functions in floats (EXIT-16). */
export interface ExitSweepReport {
  readonly kind: "sweep";
  readonly currency: Currency;
  readonly exitValues: Float64Array;
  /** The holders paid something somewhere in the range, each with one payout per exit value. */
  readonly holders: readonly { readonly holder: Ref; readonly payouts: Float64Array }[];
}

/** Sample statistics in floats (a simulation's figures are floats by nature, UNC-SIM). */
export interface PayoutStatistics {
  readonly mean: number;
  readonly p5: number;
  readonly p50: number;
  readonly p95: number;
}

/** `exit --at "<estimate>"`: payout percentiles per holder over sampled exit values (EXIT-17). */
export interface ExitPercentilesReport {
  readonly kind: "percentiles";
  readonly currency: Currency;
  /** The estimate as written. */
  readonly estimate: string;
  readonly runs: number;
  readonly seed: bigint;
  readonly exitValue: PayoutStatistics;
  readonly holders: readonly { readonly holder: Ref; readonly payout: PayoutStatistics }[];
}

/** `exit --ipo`: each holder's value at an IPO, exact (EXIT-18). */
export interface ExitIpoReport {
  readonly kind: "ipo";
  readonly currency: Currency;
  readonly pricePerShare: Rational;
  readonly preIpoValuation: Rational;
  readonly positions: readonly {
    readonly position: Ref;
    readonly state: string;
    readonly shares: Rational;
    readonly cash: Rational;
    readonly value: Rational;
  }[];
  readonly holders: readonly {
    readonly holder: Ref;
    readonly shares: Rational;
    readonly cash: Rational;
    readonly value: Rational;
  }[];
  /**
   * The venture debt outstanding at the IPO, repaid in full in cash before any equity (DEBT-5),
   * by seniority; present only when the ledger holds venture debt.
   */
  readonly ventureDebts?: readonly {
    readonly security: Ref;
    readonly holder: Ref;
    readonly seniority: number;
    readonly owed: Rational;
    readonly repaid: Rational;
  }[];
}

/**
 * The exit statement (`exit --at … --breakpoints`, what the PDF and XLSX show, REP-6): the
 * waterfalls at the chosen values, the breakpoints, and what each holder invested, for the
 * company (and the scenario whose round amounts the cap table comes from).
 */
export interface ExitStatementReport {
  readonly kind: "statement";
  readonly company: { readonly name: string; readonly currency: Currency };
  readonly exitDate: IsoDate;
  /** The scenario whose round amounts the cap table comes from, when some were estimates. */
  readonly scenario: string | null;
  readonly waterfall: ExitWaterfallReport;
  readonly breakpoints: ExitBreakpointsReport;
  readonly invested: readonly HolderInvested[];
}

/**
 * Who receives what at an exit: one of the reports above, by `kind`; with what-ifs
 * (`set`, DEAL-WHATIF-1), the figures set and the claims they set aside.
 */
export type ExitReport = (
  | ExitWaterfallReport
  | ExitBreakpointsReport
  | ExitSweepReport
  | ExitPercentilesReport
  | ExitIpoReport
  | ExitStatementReport
) & { readonly whatIf?: WhatIfOutcome };

function waterfallAtValue(o: ExitOutcome, model: ExitModel): WaterfallAtValue {
  const debts = model.terms.ventureDebts;
  const names = new Map(model.holders.map((h) => [h.id as string, h.name]));
  const ventureDebts =
    debts.length === 0
      ? {}
      : {
          ventureDebts: repayDebts(debts, Rational.max(o.debt.sub(model.terms.otherDebt), Rational.ZERO)).map(
            (d) => ({
              security: { id: d.security as string, name: d.security as string },
              holder: { id: d.holder as string, name: names.get(d.holder) ?? d.holder },
              seniority: d.seniority,
              owed: d.owed,
              repaid: d.repaid,
            }),
          ),
        };
  return {
    exitValue: o.exitValue,
    fees: o.fees,
    debt: o.debt,
    carveOut: o.carveOut,
    exerciseCash: o.exerciseCash,
    distributable: o.distributable,
    commonPrice: o.commonPrice,
    classes: o.classes.map((c) => ({
      shareClass: { id: c.classId, name: c.name },
      state: c.state,
      payout: c.payout,
    })),
    positions: o.positions.map((p) => ({
      position: { id: p.position, name: p.label },
      kind: p.kind,
      state: p.state,
      preference: p.preference,
      asConverted: p.asConverted,
      net: p.net,
    })),
    holders: o.holders.map((h) => ({
      holder: { id: h.holder, name: h.name },
      proceeds: h.proceeds,
      exercisePaid: h.exercisePaid,
      net: h.net,
      carveOut: h.carveOut,
      total: h.total,
    })),
    ...ventureDebts,
  };
}

/** The waterfall at each exit value, exact (EXIT-1..EXIT-14). */
export function exitWaterfallOf(model: ExitModel, values: readonly Rational[]): Result<ExitWaterfallReport> {
  const outcomes: WaterfallAtValue[] = [];
  for (const v of values) {
    const o = waterfallAt(model, v);
    if (!o.ok) return o;
    outcomes.push(waterfallAtValue(o.value, model));
  }
  return ok({ kind: "waterfall", currency: model.currency, exitDate: model.terms.exitDate, outcomes });
}

/**
 * The breakpoints, their events and every class's and holder's exact payout function
 * (EXIT-15). The exit model does not name classes: `classNames` (by id, from the cap table)
 * gives their display names.
 */
export function exitBreakpointsOf(
  model: ExitModel,
  classNames: ReadonlyMap<string, string> = new Map(),
): ExitBreakpointsReport {
  const bp = exitBreakpoints(model);
  let holderPayouts: HolderPayouts | undefined;
  const classNameOf = (id: string) => classNames.get(id) ?? id;
  const positions = new Map(
    model.positions.map((p): [string, BreakpointPosition] => [
      p.id,
      {
        id: p.id,
        name: p.label,
        kind: p.kind,
        shareClass: p.classId === undefined ? null : { id: p.classId, name: classNameOf(p.classId) },
        security: p.security ?? null,
        strike: p.rights.kind === "option" ? p.rights.strike : null,
      },
    ]),
  );
  const explanation = (e: BreakpointEvent): BreakpointExplanation => ({
    code: e.kind,
    params: {
      positions: (e.kind === "level_paid" || e.kind === "regime_change" ? e.positions : []).map(
        (id) =>
          positions.get(id) ?? {
            id,
            name: id,
            kind: "shares",
            shareClass: null,
            security: null,
            strike: null,
          },
      ),
    },
  });
  const classIds = [...new Set(model.positions.flatMap((p) => (p.classId === undefined ? [] : [p.classId])))];
  const classFns = classIds.flatMap((id) => {
    const fn = classPayoutFunction(bp, shareClassId(id));
    return fn === undefined
      ? []
      : [
          {
            subject: { id: id as string, name: classNameOf(id) },
            function: fn,
            values: valuesAtBreakpoints(fn),
          },
        ];
  });
  return {
    kind: "breakpoints",
    currency: model.currency,
    exitDate: model.terms.exitDate,
    breakpoints: bp.breakpoints.map((x, j) => ({
      exitValue: x,
      events: bp.events[j]!.map(explanation),
      classes: classFns.map((c) => ({
        shareClass: c.subject,
        payout: c.values[j]!,
        nextDollar: c.function.slopes[j] ?? Rational.ZERO,
      })),
    })),
    classFunctions: classFns.map((c) => ({ subject: c.subject, function: simplifyPiecewise(c.function) })),
    holders: model.holders.map((h) => ({ id: h.id as string, name: h.name })),
    // Every holder's payout from its few terms on unreduced fractions (issue 19), equal to
    // holderPayoutFunction (a property test keeps them equal): built when first read, so
    // that the text table and the CSV, which show no holder, do not build it.
    get holderPayouts() {
      holderPayouts ??= new HolderPayouts(bp);
      return holderPayouts;
    },
  };
}

/** Payouts at evenly spaced exit values (EXIT-16). */
export function exitSweepOf(
  model: ExitModel,
  from: number,
  to: number,
  steps: number,
): Result<ExitSweepReport> {
  const table = compilePayoutTable(exitBreakpoints(model));
  const swept = sweepPayouts(table, from, to, steps, "all");
  if (!swept.ok) return swept;
  const s = swept.value;
  return ok({
    kind: "sweep",
    currency: model.currency,
    exitValues: s.exitValues,
    holders: model.holders
      .filter((h) => s.holders.get(h.id)?.some((v) => v !== 0))
      .map((h) => ({ holder: { id: h.id as string, name: h.name }, payouts: s.holders.get(h.id)! })),
  });
}

/** Each holder's value at an IPO, exact (EXIT-18). */
export function exitIpoOf(model: ExitModel, pricing: IpoPricing): Result<ExitIpoReport> {
  const r = ipoOutcome(model, pricing);
  if (!r.ok) return r;
  const o = r.value;
  return ok({
    kind: "ipo",
    currency: o.currency,
    pricePerShare: o.pricePerShare,
    preIpoValuation: o.preIpoValuation,
    positions: o.positions.map((p) => ({
      position: { id: p.position, name: p.label },
      state: p.state,
      shares: p.shares,
      cash: p.cash,
      value: p.value,
    })),
    holders: o.holders.map((h) => ({
      holder: { id: h.holder, name: h.name },
      shares: h.shares,
      cash: h.cash,
      value: h.value,
    })),
    // DEBT-5: at an IPO the venture debt is repaid in full, before equity, as at a sale.
    ...(model.terms.ventureDebts.length === 0
      ? {}
      : {
          ventureDebts: [...model.terms.ventureDebts]
            .sort((a, b) => b.seniority - a.seniority)
            .map((d) => ({
              security: { id: d.security as string, name: d.security as string },
              holder: {
                id: d.holder as string,
                name: model.holders.find((h) => h.id === d.holder)?.name ?? d.holder,
              },
              seniority: d.seniority,
              owed: d.owed,
              repaid: d.owed,
            })),
        }),
  });
}

/** Payout percentiles per holder over sampled exit values (EXIT-17, UNC-SIM). */
export function exitPercentilesOf(
  model: ExitModel,
  samples: Float64Array,
  about: { readonly estimate: string; readonly seed: bigint },
): Result<ExitPercentilesReport> {
  if (samples.length === 0) return fail("exit_terms_invalid", "no exit values to sample");
  const table = compilePayoutTable(exitBreakpoints(model));
  const p = payoutsAt(table, samples, "all");
  const stats = (xs: Float64Array): PayoutStatistics => {
    const d = describeSample(Float64Array.from(xs));
    return { mean: d.mean, p5: d.p5, p50: d.p50, p95: d.p95 };
  };
  return ok({
    kind: "percentiles",
    currency: model.currency,
    estimate: about.estimate,
    runs: samples.length,
    seed: about.seed,
    exitValue: stats(samples),
    holders: model.holders
      .filter((h) => p.holders.get(h.id)?.some((v) => v !== 0))
      .map((h) => ({ holder: { id: h.id as string, name: h.name }, payout: stats(p.holders.get(h.id)!) })),
  });
}

/**
 * What each holder paid for what they hold (the multiple on invested capital, REP-6): each
 * stock lot's invested amount, or its shares at the class's original issue price; each
 * SAFE's purchase amount and each note's principal, in the company's currency. Options and
 * warrants are not counted: their exercise price is paid at the exit and the waterfall nets
 * it (`exercisePaid`). A holder with a lot of unknown price has none (null), so that no
 * multiple is stated on a partial base.
 */
export function investedOf(table: CapTable): HolderInvested[] {
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
  return [...table.stakeholders.values()].map((h) => {
    const amount = invested.get(h.id);
    return {
      holder: { id: h.id as string, name: h.name },
      invested: amount === undefined ? Rational.ZERO : amount,
    };
  });
}
