import * as z from "zod";
import { parseAmount } from "../core/exact/amount-parse.js";
import type { Money } from "../core/exact/money.js";
import type { Rational } from "../core/exact/rational.js";
import { debtOwed } from "../core/instruments/venture-debt.js";
import { applyTransaction } from "../core/ledger/apply.js";
import type { CapTable } from "../core/ledger/cap-table.js";
import { openingCapTable, orderedTransactions } from "../core/ledger/replay.js";
import { capTableView, fractionOf, optionVesting } from "../core/ledger/views.js";
import { runDeal } from "../core/round/timeline.js";
import type { IsoDate } from "../core/shared/date.js";
import { message } from "../core/shared/messages.js";
import { fail, failSaying, ok, type Result } from "../core/shared/problem.js";
import type { Deal } from "../deal/build.js";
import type { WhatIfOutcome } from "../deal/what-if.js";
import { capTableJson } from "../report/captable-report.js";
import { type ConvertibleRow, convertiblesOf } from "./convertibles.js";
import { DateParam, ScenarioParam } from "./params.js";
import { lastEventDate } from "./select.js";
import { type DealUseCase, type Ref, type RunContext, runToEnd } from "./use-case.js";
import { dealForInput, SetParam } from "./what-if.js";

/** One row of the cap table: a stakeholder, a pool's unallocated options, or a class. */
export interface CapTableRow {
  readonly kind: "stakeholder" | "unallocated_pool" | "class";
  /** The stakeholder, pool (named "Unallocated: <pool>") or class. */
  readonly subject: Ref;
  readonly outstanding: bigint;
  readonly asConverted: bigint;
  readonly fullyDiluted: bigint;
  /** Exact fractions of the totals: each column sums to exactly 1 over the rows. */
  readonly outstandingFraction: Rational;
  readonly asConvertedFraction: Rational;
  readonly fullyDilutedFraction: Rational;
  /** A holder's outstanding options and RSUs, vested and unvested at the report's date. */
  readonly options?: { readonly vested: bigint; readonly unvested: bigint };
  /** A holder's issued shares by class id (the holder × class layout of the XLSX report). */
  readonly sharesByClass?: ReadonlyMap<string, bigint>;
}

/** The cap table at a date (`roundtable captable`, the API's captable; SPEC FD-1..FD-4). */
export interface CapTableReport {
  readonly company: { readonly name: string; readonly currency: string };
  /** The what-ifs the cap table was computed with (DEAL-WHATIF-4), when any. */
  readonly whatIf?: WhatIfOutcome;
  readonly asOf: IsoDate;
  readonly holders: readonly CapTableRow[];
  readonly classes: readonly CapTableRow[];
  readonly totals: {
    readonly outstanding: bigint;
    readonly asConverted: bigint;
    readonly fullyDiluted: bigint;
    /** SAFEs and notes not yet converted: outside the share counts. */
    readonly unconverted: Money;
  };
  /** SAFE-7: each SAFE and note not yet converted, priced at its cap and, asked, at a price (only when there are some). */
  readonly convertibles?: readonly ConvertibleRow[];
  /** The price `convertibles[].atPrice` is at, when one was given. */
  readonly atPrice?: Money;
  /** DEBT-6: the venture debt outstanding at the date, outside ownership (only when there is some). */
  readonly debts?: readonly DebtRow[];
}

/** One venture debt outstanding at the report's date (DEBT-6): a liability, not a share of the company. */
export interface DebtRow {
  readonly security: string;
  readonly holder: Ref;
  readonly principal: Money;
  readonly interestRate: Rational;
  readonly interest: "paid" | "accrued";
  readonly seniority: number;
  readonly issueDate: IsoDate;
  readonly maturityDate: IsoDate | undefined;
  /** What repaying it at the report's date would cost: principal, final payment, interest accrued (DEBT-3). */
  readonly owed: Money;
}

/** The venture debt outstanding in a cap table at a date, most senior first (DEBT-6). */
export function debtRowsOf(table: CapTable, asOf: IsoDate): DebtRow[] {
  return [...table.debts.values()]
    .sort((a, b) => b.seniority - a.seniority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((d) => ({
      security: d.id,
      holder: { id: d.holder, name: table.stakeholders.get(d.holder)?.name ?? d.holder },
      principal: d.principal,
      interestRate: d.interestRate,
      interest: d.interest,
      seniority: d.seniority,
      issueDate: d.issueDate,
      maturityDate: d.maturityDate,
      owed: debtOwed(d, asOf),
    }));
}

/** The typed cap table of a replayed ledger at a date. */
export function capTableReportOf(table: CapTable, asOf: IsoDate): CapTableReport {
  const view = capTableView(table);
  const vesting = optionVesting(table, asOf);
  const t = view.totals;
  const row = (kind: CapTableRow["kind"], subject: Ref, o: bigint, a: bigint, f: bigint): CapTableRow => {
    const v = kind === "stakeholder" ? vesting.get(subject.id as never) : undefined;
    return {
      kind,
      subject,
      outstanding: o,
      asConverted: a,
      fullyDiluted: f,
      outstandingFraction: fractionOf(o, t.outstanding),
      asConvertedFraction: fractionOf(a, t.asConverted),
      fullyDilutedFraction: fractionOf(f, t.fullyDiluted),
      ...(v ? { options: { vested: v.vested, unvested: v.unvested } } : {}),
    };
  };
  return {
    company: { name: table.company.name, currency: table.company.currency },
    asOf,
    holders: [
      ...view.holders.map((h) => ({
        ...row("stakeholder", { id: h.holder, name: h.name }, h.outstanding, h.asConverted, h.fullyDiluted),
        sharesByClass: new Map([...h.sharesByClass].map(([c, n]) => [c as string, n])),
      })),
      ...view.pools.map((p) =>
        row("unallocated_pool", { id: p.pool, name: `Unallocated: ${p.name}` }, 0n, 0n, p.available),
      ),
    ],
    classes: view.classes.map((c) =>
      row(
        "class",
        { id: c.classId, name: c.name },
        c.issued,
        c.asConverted,
        c.asConverted +
          c.options +
          c.warrants +
          view.pools
            .filter((p) => table.pools.get(p.pool)?.classId === c.classId)
            .reduce((s, p) => s + p.available, 0n),
      ),
    ),
    totals: {
      outstanding: t.outstanding,
      asConverted: t.asConverted,
      fullyDiluted: t.fullyDiluted,
      unconverted: t.unconverted,
    },
  };
}

export interface CapTableInput {
  readonly asOf?: IsoDate | undefined;
  /** A round price per share: the shares each SAFE and note would convert into at it (SAFE-7). */
  readonly atPrice?: string | undefined;
  readonly scenario?: string | undefined;
  readonly set?: readonly string[];
}

/** The cap table as of a date (after every transaction and round by default). */
export function capTableOf(loaded: Deal, input: CapTableInput): Result<CapTableReport> {
  const chosen = dealForInput(loaded, input);
  if (!chosen.ok) return chosen;
  const { deal, whatIf } = chosen.value;
  const run = runDeal(deal.ledger, deal.rounds, input.asOf ? { asOf: input.asOf } : {});
  if (!run.ok) return run;
  // Without a date the report is as of the deal's last dated event (never the clock: OUT-3).
  const asOf = input.asOf ?? lastEventDate(deal);
  const report = capTableReportOf(run.value.final, asOf);
  let price: Money | undefined;
  if (input.atPrice !== undefined) {
    const parsed = parseAmount(input.atPrice, { defaultCurrency: deal.ledger.company.currency });
    if (!parsed.ok)
      return parsed.detail
        ? failSaying("usage", message("flag_input", { flag: "atPrice", message: parsed.detail }), ["atPrice"])
        : fail("usage", `atPrice: ${parsed.error}`, ["atPrice"]);
    if (!parsed.value.amount.isPositive())
      return fail("usage", "atPrice: a price per share is more than zero", ["atPrice"]);
    if (parsed.value.currency !== deal.ledger.company.currency)
      return fail(
        "usage",
        `atPrice: the price is in ${parsed.value.currency}, the company's shares in ${deal.ledger.company.currency}`,
        ["atPrice"],
      );
    price = parsed.value;
  }
  const convertibles = convertiblesOf(run.value.final, asOf, price);
  if (!convertibles.ok) return convertibles;
  const withConvertibles =
    convertibles.value.length === 0
      ? report
      : { ...report, convertibles: convertibles.value, ...(price ? { atPrice: price } : {}) };
  const debts = debtRowsOf(run.value.final, asOf);
  const withDebts = debts.length === 0 ? withConvertibles : { ...withConvertibles, debts };
  return ok(whatIf ? { ...withDebts, whatIf } : withDebts, run.warnings);
}

/** The `captable` use case (APP-1). */
export const captable: DealUseCase<CapTableInput, CapTableReport> = {
  name: "captable",
  summary: "The cap table at a date: outstanding, as-converted and fully diluted, per holder and per class.",
  input: z.strictObject({
    asOf: DateParam.optional().meta({
      description: "YYYY-MM-DD; after every transaction and round by default.",
    }),
    scenario: ScenarioParam,
    set: SetParam,
    atPrice: z.string().min(1).max(100).optional().meta({
      description:
        "A round price per share ($1.25): the shares each SAFE and note not yet converted would convert into at it (SAFE-7).",
    }),
  }),
  mode: "sync",
  on: "deal",
  run: capTableOf,
  json: capTableJson,
};

const STEP_DELAY_MAX_MS = 1000;

/** The ledger replayed: how many transactions, and the cap table after the last. */
export interface ReplayReport {
  readonly transactions: number;
  readonly capTable: CapTableReport;
}

/**
 * The ledger replayed one transaction at a time (the rounds are not run), with progress
 * after each and a stop between two when the context's signal says so: the job mechanism's
 * reference computation (long simulations report progress the same way). Each step waits
 * `stepDelayMs` (0 by default: the step only yields to the event loop, so that a cancel is
 * seen), so that progress can be watched.
 */
export async function replayOf(
  deal: Deal,
  input: { readonly stepDelayMs: number },
  context: RunContext = runToEnd(),
): Promise<Result<ReplayReport>> {
  const opening = openingCapTable(deal.ledger);
  if (!opening.ok) return opening;
  const table = opening.value;
  const transactions = orderedTransactions(deal.ledger.transactions);
  context.progress(0, transactions.length);
  for (let i = 0; i < transactions.length; i++) {
    if (context.signal.aborted) return fail("unavailable", "the job was cancelled");
    const rejected = applyTransaction(table, transactions[i]!);
    if (rejected) return { ok: false, problems: [rejected] };
    context.progress(i + 1, transactions.length);
    await new Promise((resolve) => setTimeout(resolve, input.stepDelayMs));
  }
  table.assertInvariants();
  return ok({ transactions: transactions.length, capTable: capTableReportOf(table, lastEventDate(deal)) });
}

/** The `replay` use case (APP-1): a job; its JSON is the transaction count and the final totals and holders. */
export const replay: DealUseCase<{ stepDelayMs: number }, ReplayReport> = {
  name: "replay",
  summary:
    "Replays the ledger transaction by transaction as a job, reporting progress after each; the result is the final totals.",
  input: z.strictObject({
    stepDelayMs: z.coerce
      .number()
      .int()
      .min(0)
      .max(STEP_DELAY_MAX_MS)
      .default(0)
      .meta({ description: "A pause after each step, in milliseconds (to watch progress)." }),
  }),
  on: "deal",
  mode: "job",
  run: replayOf,
  json(report) {
    const table = capTableJson(report.capTable);
    return { transactions: report.transactions, totals: table.totals, holders: table.holders };
  },
};
