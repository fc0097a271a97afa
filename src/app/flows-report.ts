import { parseAmount } from "../core/exact/amount-parse.js";
import type { Currency, Money } from "../core/exact/money.js";
import { Rational } from "../core/exact/rational.js";
import type { AgreementKind, AgreementSchedule } from "../core/flows/agreement.js";
import {
  type CapitalFlowModel,
  flowEdges,
  type Holding,
  netCash,
  type RoundFlows,
} from "../core/flows/capital-flows.js";

import { exposure, investmentMetrics, supplierMetrics } from "../core/flows/metrics.js";
import { capTableView, fractionOf, investedByHolder } from "../core/ledger/views.js";
import { allocate } from "../core/round/allocation.js";
import { runDeal } from "../core/round/timeline.js";
import { fail, ok, type Problem, type Result } from "../core/shared/problem.js";
import type { ClaimId } from "../core/uncertainty/claim.js";
import { ScenarioRandom } from "../core/uncertainty/rng.js";
import type { AmountSource } from "../core/uncertainty/round-template.js";
import { drawQuantities, planSampler } from "../core/uncertainty/sampler.js";
import { describeSample } from "../core/uncertainty/statistics.js";
import { closedRoundFlows } from "../deal/closed-rounds.js";
import type { WhatIfOutcome } from "../deal/what-if.js";
import type { Workspace } from "../deal/workspace.js";
import type { Ref } from "./use-case.js";

/**
 * The typed reports of the `flows` and `exposure` use cases (APP-2): exact amounts
 * (`Money`, `Rational`), every party, company, round and agreement a `Ref` with its display
 * name; a Monte Carlo's statistics are the sample's floats (FLOW-8). Their JSON is written
 * by `flowsJson` and `exposureJson` (src/report/flows-report.ts), their tables by
 * src/report/flows-text.ts.
 */

/** An investment of the flow graph: investor → company in a round (FLOW-2). */
export interface InvestmentEdge {
  readonly kind: "investment";
  readonly from: Ref;
  readonly to: Ref;
  readonly amount: Money;
  readonly round: Ref;
}

/** An agreement's payments: payer → payee, its value unknown when it states none. */
export interface AgreementEdge {
  readonly kind: "agreement";
  readonly from: Ref;
  readonly to: Ref;
  readonly amount: Money | undefined;
  readonly agreement: Ref;
  readonly type: AgreementKind;
}

/** A stake a holder has in a company (as-converted fraction, not money). */
export interface StakeEdge {
  readonly kind: "stake";
  readonly from: Ref;
  readonly to: Ref;
  readonly fraction: Rational;
}

export type FlowsEdge = InvestmentEdge | AgreementEdge | StakeEdge;

/** `flows`: the money between a workspace's companies and investors in one scenario (FLOW-2..FLOW-5). */
export interface FlowsExactReport {
  readonly kind: "flows";
  readonly workspace: string;
  readonly currency: Currency;
  /** The scenario of the uncertain amounts and the claims it holds, when some are uncertain. */
  readonly scenario: { readonly name: string; readonly claims: readonly Ref[] } | null;
  readonly parties: readonly (Ref & { readonly company: boolean })[];
  readonly edges: readonly FlowsEdge[];
  readonly investments: readonly {
    readonly company: Ref;
    readonly round: Ref;
    readonly investor: Ref;
    readonly gross: Money;
    readonly shares: bigint;
    readonly returned: Money;
    /** Undefined when a linked agreement states no margin. */
    readonly returnedProfit: Money | undefined;
    readonly netCash: Money;
    readonly roundTripRatio: Rational;
    readonly effectivePricePerShare: Money | undefined;
    readonly linked: readonly Ref[];
    readonly linkedWithoutValue: readonly Ref[];
  }[];
  readonly rounds: readonly {
    readonly company: Ref;
    readonly round: Ref;
    readonly newMoney: Money;
    readonly suppliers: readonly Ref[];
    readonly fromSuppliers: Money;
    readonly supplierShare: Rational;
  }[];
  readonly agreements: readonly {
    readonly agreement: Ref;
    readonly kind: AgreementKind;
    readonly payer: Ref;
    readonly payee: Ref;
    readonly value: Money | undefined;
    readonly sellerMargin: Rational | undefined;
    readonly linkedTo: { readonly company: Ref; readonly round: Ref; readonly investor: Ref } | undefined;
    readonly conditions: string | undefined;
    readonly schedule: AgreementSchedule | undefined;
  }[];
  /** Every party's net cash (received − paid), zero ones included. */
  readonly netCash: readonly { readonly party: Ref; readonly net: Money }[];
}

/** Sample statistics in floats (FLOW-8); null where no scenario could be drawn. */
export interface FlowStatistics {
  readonly mean: number;
  readonly p5: number;
  readonly p50: number;
  readonly p95: number;
}

/** `flows --runs`: percentiles of the cash metrics over sampled amounts (FLOW-8). */
export interface FlowsSimulationReport {
  readonly kind: "simulation";
  readonly workspace: string;
  readonly currency: Currency;
  readonly runs: number;
  readonly seed: bigint;
  /** Scenarios the sampler could not draw. */
  readonly failed: number;
  readonly claims: readonly Ref[];
  readonly investments: readonly {
    readonly company: Ref;
    readonly round: Ref;
    readonly investor: Ref;
    readonly roundTripRatio: FlowStatistics | null;
    readonly netCash: FlowStatistics | null;
  }[];
  readonly rounds: readonly {
    readonly company: Ref;
    readonly round: Ref;
    readonly supplierShare: FlowStatistics | null;
  }[];
}

/** The flows of a workspace, by `kind`; with what-ifs, the figures set and the claims they set aside. */
export type FlowsReport = (FlowsExactReport | FlowsSimulationReport) & { readonly whatIf?: WhatIfOutcome };

/** `exposure`: an investor's exposure across a workspace's companies (FLOW-6). */
export interface ExposureReport {
  readonly workspace: string;
  readonly currency: Currency;
  readonly investor: Ref;
  readonly companies: readonly {
    readonly company: Ref;
    readonly ownership: Rational;
    /** Undefined when unknown (a declared stake that states no amount). */
    readonly invested: Money | undefined;
    readonly valuation: Money | undefined;
    readonly value: Money | undefined;
    readonly agreementRevenue: Money;
  }[];
  readonly totals: {
    /** The sum of the known amounts; `investedUnknownIn` names the companies whose amount is unknown. */
    readonly invested: Money;
    readonly investedUnknownIn: readonly Ref[];
    readonly value: Money;
    readonly agreementRevenue: Money;
  };
  readonly whatIf?: WhatIfOutcome;
}

/** Display names of a workspace's parties, rounds, agreements and claims (APP-2). */
function workspaceNames(ws: Workspace) {
  const parties = new Map(ws.parties.map((p) => [p.id, p.name]));
  const rounds = new Map<string, string>();
  for (const c of ws.companies) {
    for (const t of c.deal?.templates ?? []) rounds.set(`${c.id}/${t.terms.id}`, t.terms.name);
    for (const r of ws.rounds.get(c.id) ?? []) rounds.set(`${c.id}/${r.id}`, r.name);
  }
  const agreements = new Map(ws.agreements.map((a) => [a.agreement.id, a.agreement.name]));
  const claims = new Map(ws.uncertainty?.claimSet.claims.map((c) => [c.id as string, c.subjectLabel]));
  return {
    party: (id: string): Ref => ({ id, name: parties.get(id) ?? id }),
    round: (company: string, id: string): Ref => ({ id, name: rounds.get(`${company}/${id}`) ?? id }),
    agreement: (id: string): Ref => ({ id, name: agreements.get(id) ?? id }),
    claim: (id: string): Ref => ({ id, name: claims.get(id) ?? id }),
  };
}

/**
 * The flow model of a workspace in its current scenario (FLOW-1..FLOW-6): every company's
 * rounds priced by the exact engine, every holder's position after them, and the
 * agreements with their values.
 */
export function flowModelOf(
  ws: Workspace,
  valuations: ReadonlyMap<string, Money> = new Map(),
): Result<CapitalFlowModel> {
  const rounds: RoundFlows[] = [];
  const holdings: Holding[] = [];
  const warnings: Problem[] = [];
  for (const c of ws.companies) {
    if (!c.deal) {
      // FLOW-7: a company without a deal has only the stakes declared in it.
      for (const s of ws.stakes.filter((y) => y.company === c.id)) {
        holdings.push({
          company: c.id,
          holder: s.holder,
          ownership: s.fraction,
          invested: s.invested,
          valuation: valuations.get(c.id) ?? c.valuation,
        });
      }
      continue;
    }
    const run = runDeal(c.deal.ledger, ws.rounds.get(c.id) ?? []);
    if (!run.ok)
      return {
        ok: false,
        problems: run.problems.map((p) => ({ ...p, message: `company ${c.id}: ${p.message}` })),
      };
    warnings.push(...run.warnings);
    // CLOSE-6: the rounds closed into the ledger come first (a round closes only when it is
    // the earliest modelled), read from their record as they were read from their pro forma.
    const closed = closedRoundFlows(c.deal, c.id);
    rounds.push(...closed);
    for (const o of run.value.rounds) {
      rounds.push({
        company: c.id,
        round: o.terms.id,
        roundName: o.terms.name,
        pricePerShare: o.pricePerShare,
        postMoneyValuation: o.postMoneyValuation,
        newMoney: o.newMoney,
        investments: o.investments.map((i) => ({ investor: i.investor, paid: i.paid, shares: i.shares })),
      });
    }
    const table = run.value.final;
    const view = capTableView(table);
    const lastRound = run.value.rounds.at(-1);
    const valuation =
      valuations.get(c.id) ?? (lastRound ? lastRound.postMoneyValuation : closed.at(-1)?.postMoneyValuation);
    const invested = investedByHolder(table);
    for (const h of view.holders) {
      holdings.push({
        company: c.id,
        holder: h.holder,
        ownership: fractionOf(h.fullyDiluted, view.totals.fullyDiluted),
        invested: { kind: "money", currency: ws.currency, amount: invested.get(h.holder) ?? Rational.ZERO },
        valuation,
      });
    }
  }
  return ok(
    { currency: ws.currency, parties: ws.parties, rounds, agreements: ws.resolvedAgreements, holdings },
    warnings,
  );
}

/** The flows of a workspace in one scenario, exact (FLOW-2..FLOW-5). */
export function flowsReportOf(ws: Workspace, model: CapitalFlowModel): FlowsExactReport {
  const names = workspaceNames(ws);
  const currency = ws.currency;
  const money = (amount: Rational): Money => ({ kind: "money", currency, amount });
  const maybe = (amount: Rational | undefined) => (amount === undefined ? undefined : money(amount));
  return {
    kind: "flows",
    workspace: ws.name,
    currency,
    scenario: ws.scenario
      ? { name: ws.scenario.name, claims: ws.scenario.claims.map((c) => names.claim(c)) }
      : null,
    parties: model.parties.map((p) => ({ id: p.id, name: p.name, company: p.company })),
    edges: flowEdges(model).map((e): FlowsEdge => {
      const from = names.party(e.from);
      const to = names.party(e.to);
      if (e.kind === "stake") return { kind: e.kind, from, to, fraction: e.fraction };
      if (e.kind === "investment")
        return { kind: e.kind, from, to, amount: e.amount, round: names.round(e.to, e.round) };
      return {
        kind: e.kind,
        from,
        to,
        amount: e.amount,
        agreement: names.agreement(e.agreement),
        type: e.type,
      };
    }),
    investments: investmentMetrics(model).map((m) => ({
      company: names.party(m.company),
      round: names.round(m.company, m.round),
      investor: names.party(m.investor),
      gross: money(m.gross),
      shares: m.shares,
      returned: money(m.returned),
      returnedProfit: maybe(m.returnedProfit),
      netCash: money(m.netCash),
      roundTripRatio: m.roundTripRatio,
      effectivePricePerShare: maybe(m.effectivePricePerShare),
      linked: m.linked.map((a) => names.agreement(a)),
      linkedWithoutValue: m.linkedWithoutValue.map((a) => names.agreement(a)),
    })),
    rounds: supplierMetrics(model).map((s) => ({
      company: names.party(s.company),
      round: names.round(s.company, s.round),
      newMoney: money(s.newMoney),
      suppliers: s.suppliers.map((p) => names.party(p)),
      fromSuppliers: money(s.fromSuppliers),
      supplierShare: s.supplierShare,
    })),
    agreements: model.agreements.map((a) => ({
      agreement: { id: a.id, name: a.name },
      kind: a.type,
      payer: names.party(a.payer),
      payee: names.party(a.payee),
      value: a.value,
      sellerMargin: a.sellerMargin,
      linkedTo: a.linkedTo
        ? {
            company: names.party(a.linkedTo.company),
            round: names.round(a.linkedTo.company, a.linkedTo.round),
            investor: names.party(a.linkedTo.investor),
          }
        : undefined,
      conditions: a.conditions,
      schedule: a.schedule,
    })),
    netCash: [...netCash(model)].map(([party, net]) => ({ party: names.party(party), net: money(net) })),
  };
}

/** The capital flows of a workspace (FLOW-*): its flow model and the typed report of it, as `flows` gives them. */
export function workspaceFlowsOf(ws: Workspace): Result<FlowsExactReport> {
  const model = flowModelOf(ws);
  return model.ok ? ok(flowsReportOf(ws, model.value), model.warnings) : model;
}

/** An investor's exposure across the workspace's companies, exact (FLOW-6). */
export function exposureReportOf(ws: Workspace, model: CapitalFlowModel, investor: string): ExposureReport {
  const names = workspaceNames(ws);
  const currency = ws.currency;
  const money = (amount: Rational): Money => ({ kind: "money", currency, amount });
  const maybe = (amount: Rational | undefined) => (amount === undefined ? undefined : money(amount));
  const rows = exposure(model, investor);
  return {
    workspace: ws.name,
    currency,
    investor: names.party(investor),
    companies: rows.map((r) => ({
      company: names.party(r.company),
      ownership: r.ownership,
      invested: maybe(r.invested),
      valuation: maybe(r.valuation),
      value: maybe(r.value),
      agreementRevenue: money(r.agreementRevenue),
    })),
    totals: {
      invested: money(Rational.sum(rows.map((r) => r.invested ?? Rational.ZERO))),
      investedUnknownIn: rows.filter((r) => r.invested === undefined).map((r) => names.party(r.company)),
      value: money(Rational.sum(rows.map((r) => r.value ?? Rational.ZERO))),
      agreementRevenue: money(Rational.sum(rows.map((r) => r.agreementRevenue))),
    },
  };
}

/**
 * Every investor's exposure across a workspace's companies (the web's exposure view): one
 * flow model at the valuations given, then `exposureReportOf` for each holder of a stake or
 * of an investment in one of the companies, those with none left out.
 */
export function workspaceExposuresOf(
  ws: Workspace,
  valuations: ReadonlyMap<string, Money> = new Map(),
): Result<ExposureReport[]> {
  const model = flowModelOf(ws, valuations);
  if (!model.ok) return model;
  const investors = [...new Set(model.value.holdings.map((h) => h.holder))];
  return ok(
    investors
      .map((investor) => exposureReportOf(ws, model.value, investor))
      .filter((r) => r.companies.length > 0),
    model.warnings,
  );
}

/**
 * Reads the valuations `exposure` may be given, each written `company=amount` (openai=$1T),
 * for companies of the workspace; and checks that the investor is a party of it. A
 * `usage` problem says what is wrong, its path the parameter (investor or valuation).
 */
export function exposureInputs(
  ws: Workspace,
  investor: string,
  entries: readonly string[],
): Result<Map<string, Money>> {
  if (!ws.parties.some((p) => p.id === investor))
    return fail(
      "usage",
      `no party "${investor}" in the workspace; its parties are ${ws.parties.map((p) => p.id).join(", ")}`,
      ["investor"],
    );
  const valuations = new Map<string, Money>();
  for (const v of entries) {
    const m = /^([^=]+)=(.+)$/.exec(v);
    const amount = m ? parseAmount(m[2]!.trim(), { defaultCurrency: ws.currency }) : undefined;
    if (!m || !amount?.ok || !ws.companies.some((c) => c.id === m[1]!.trim()))
      return fail(
        "usage",
        `valuation takes company=amount for a company of the workspace, such as openai=$1T; got "${v}"`,
        ["valuation"],
      );
    valuations.set(m[1]!.trim(), amount.value);
  }
  return ok(valuations);
}

/**
 * Monte Carlo over a workspace's uncertain amounts (SPEC FLOW-8): each scenario samples
 * the investments and the agreement values under the claims (the same seeded sampler as
 * `simulate`), allocates each round's money as the engine does (pro-rata cutback or lead
 * priority when a target size is exceeded), and computes the cash metrics: each linked
 * investment's round-trip ratio and net cash, each round's share of money from suppliers.
 * Pro-rata purchases (whose amount depends on the cap table) and share counts are not
 * sampled: the effective price per share is reported by `flows` for one scenario at a time.
 */
export function flowsSimulation(
  ws: Workspace,
  runs: number,
  seed: bigint,
  claims?: readonly ClaimId[],
): Result<FlowsSimulationReport> {
  const u = ws.uncertainty;
  if (!u)
    return fail(
      "usage",
      "the workspace has no uncertain figures: there is nothing to sample; `roundtable flows` prints its one scenario",
    );
  const sampler = planSampler(u.claimSet, claims ?? u.defaultClaims);
  if (!sampler.ok) return sampler;
  const index = new Map(u.claimSet.model.quantities.map((q, i) => [q.id as string, i]));
  const x = new Float64Array(sampler.value.coordinateCount);
  const read = (s: AmountSource | undefined): number | undefined => {
    if (!s) return undefined;
    if (s.kind === "fixed") return s.value.amount.toNumber();
    let v = s.expression.constant.toNumber();
    for (const t of s.expression.terms) v += t.coefficient.toNumber() * x[index.get(t.quantity)!]!;
    return v;
  };
  // CLOSE-6: a round closed into the ledger is a fixed record, the same in every scenario;
  // each company's closed rounds come before its modelled ones, as in `flows`.
  const closed = ws.companies.flatMap((c) => (c.deal ? closedRoundFlows(c.deal, c.id) : []));
  const roundKeys = ws.companies.flatMap((c) => [
    ...closed.filter((r) => r.company === c.id).map((r) => ({ company: c.id, round: r.round })),
    ...(c.deal?.templates ?? []).map((t) => ({ company: c.id, round: t.terms.id })),
  ]);
  const investmentKeys: { company: string; round: string; investor: string }[] = [];
  for (const key of roundKeys) {
    const record = closed.find((r) => r.company === key.company && r.round === key.round);
    const investors = record
      ? record.investments.map((inv) => inv.investor)
      : ws.companies
          .find((c) => c.id === key.company)!
          .deal!.templates.find((t) => t.terms.id === key.round)!
          .investments.map((inv) => inv.investor);
    for (const investor of investors)
      if (
        !investmentKeys.some(
          (k) => k.company === key.company && k.round === key.round && k.investor === investor,
        )
      )
        investmentKeys.push({ ...key, investor });
  }
  const ratio = investmentKeys.map(() => new Float64Array(runs));
  const net = investmentKeys.map(() => new Float64Array(runs));
  const supplierShare = roundKeys.map(() => new Float64Array(runs));
  const suppliersOf = (company: string) =>
    new Set(ws.agreements.filter((a) => a.agreement.payer === company).map((a) => a.agreement.payee));
  const rng = new ScenarioRandom(seed);
  let failed = 0;
  for (let s = 0; s < runs; s++) {
    rng.startScenario(s);
    if (drawQuantities(sampler.value, rng, x) === 0) {
      failed++;
      for (const a of [...ratio, ...net, ...supplierShare]) a[s] = Number.NaN;
      continue;
    }
    const agreementValue = new Map(ws.agreements.map((a) => [a.agreement.id, read(a.value)]));
    for (const [r, key] of roundKeys.entries()) {
      const company = ws.companies.find((c) => c.id === key.company)!;
      const record = closed.find((c) => c.company === key.company && c.round === key.round);
      const t = record ? undefined : company.deal!.templates.find((y) => y.terms.id === key.round)!;
      const investments = record ? record.investments : t!.investments;
      let accepted: number[];
      if (record) accepted = record.investments.map((inv) => inv.paid.amount.toNumber());
      else {
        const requested = t!.investments.map((inv) => read(inv.amount) ?? 0);
        const target = read(t!.targetSize);
        const allocation = allocate(
          t!.investments.map((inv, i) => ({
            requested: Rational.fromNumberText(Math.max(0, requested[i]!)),
            lead: inv.lead,
            proRataFraction: Rational.ZERO,
          })),
          target === undefined ? undefined : Rational.fromNumberText(Math.max(0, target)),
          t!.terms.oversubscription,
        );
        accepted = "reason" in allocation ? requested : allocation.accepted.map((a) => a.toNumber());
      }
      const total = accepted.reduce((a, b) => a + b, 0);
      const suppliers = suppliersOf(key.company);
      const fromSuppliers = investments.reduce(
        (sum, inv, i) => sum + (suppliers.has(inv.investor) ? accepted[i]! : 0),
        0,
      );
      supplierShare[r]![s] = total > 0 ? fromSuppliers / total : 0;
      investments.forEach((inv, i) => {
        const k = investmentKeys.findIndex(
          (y) => y.company === key.company && y.round === key.round && y.investor === inv.investor,
        );
        const gross = accepted[i]!;
        const returned = ws.agreements
          .filter(
            (a) =>
              a.agreement.linkedTo?.company === key.company &&
              a.agreement.linkedTo.round === key.round &&
              a.agreement.linkedTo.investor === inv.investor &&
              a.agreement.payer === key.company &&
              a.agreement.payee === inv.investor,
          )
          .reduce((sum, a) => sum + (agreementValue.get(a.agreement.id) ?? 0), 0);
        ratio[k]![s] = gross > 0 ? returned / gross : 0;
        net[k]![s] = gross - returned;
      });
    }
  }
  return ok(
    summarise(
      ws,
      runs,
      seed,
      failed,
      investmentKeys,
      ratio,
      net,
      roundKeys,
      supplierShare,
      claims ?? u.defaultClaims,
    ),
  );
}

function stats(values: Float64Array): FlowStatistics | null {
  const finite = Float64Array.from(values.filter((v) => !Number.isNaN(v)));
  if (finite.length === 0) return null;
  const d = describeSample(finite);
  return { mean: d.mean, p5: d.p5, p50: d.p50, p95: d.p95 };
}

function summarise(
  ws: Workspace,
  runs: number,
  seed: bigint,
  failed: number,
  investmentKeys: { company: string; round: string; investor: string }[],
  ratio: Float64Array[],
  net: Float64Array[],
  roundKeys: { company: string; round: string }[],
  supplierShare: Float64Array[],
  claims: readonly ClaimId[],
): FlowsSimulationReport {
  const names = workspaceNames(ws);
  return {
    kind: "simulation",
    workspace: ws.name,
    currency: ws.currency,
    runs,
    seed,
    failed,
    claims: claims.map((c) => names.claim(c)),
    investments: investmentKeys.map((k, i) => ({
      company: names.party(k.company),
      round: names.round(k.company, k.round),
      investor: names.party(k.investor),
      roundTripRatio: stats(ratio[i]!),
      netCash: stats(net[i]!),
    })),
    rounds: roundKeys.map((k, i) => ({
      company: names.party(k.company),
      round: names.round(k.company, k.round),
      supplierShare: stats(supplierShare[i]!),
    })),
  };
}
