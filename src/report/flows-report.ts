import { parseAmount } from "../core/exact/amount-parse.js";
import type { Money } from "../core/exact/money.js";
import { Rational } from "../core/exact/rational.js";
import {
  type CapitalFlowModel,
  flowEdges,
  type Holding,
  netCash,
  type RoundFlows,
} from "../core/flows/capital-flows.js";
import { exposure, investmentMetrics, supplierMetrics } from "../core/flows/metrics.js";
import { capTableView, fractionOf } from "../core/ledger/views.js";
import { runDeal } from "../core/round/timeline.js";
import { fail, ok, type Problem, type Result } from "../core/shared/problem.js";
import { closedRoundFlows } from "../deal/closed-rounds.js";
import type { Workspace } from "../deal/workspace.js";
import { decimal } from "./format.js";

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
    const invested = new Map<string, Rational>();
    for (const s of table.securities.values()) {
      const amount =
        s.kind === "stock"
          ? s.investedAmount?.amount
          : s.kind === "safe"
            ? s.purchaseAmount.amount
            : s.kind === "note"
              ? s.principal.amount
              : undefined;
      if (amount) invested.set(s.holder, (invested.get(s.holder) ?? Rational.ZERO).add(amount));
    }
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

const optional = (r: Rational | undefined) => (r === undefined ? null : decimal(r));

/** The flows report (`roundtable flows`): graph, Sankey, metrics and net cash (FLOW-2..FLOW-5). */
export function flowsReport(ws: Workspace, model: CapitalFlowModel) {
  const edges = flowEdges(model);
  const name = new Map(model.parties.map((p) => [p.id, p.name]));
  const money = edges.flatMap(
    (e): { from: string; to: string; amount: Rational; label: string; kind: string }[] =>
      e.kind === "investment"
        ? [
            {
              from: e.from,
              to: e.to,
              amount: e.amount.amount,
              label: `investment (${e.round})`,
              kind: e.kind,
            },
          ]
        : e.kind === "agreement" && e.amount
          ? [
              {
                from: e.from,
                to: e.to,
                amount: e.amount.amount,
                label: `${e.type.replaceAll("_", " ")} (${e.agreement})`,
                kind: e.kind,
              },
            ]
          : [],
  );
  // A Sankey cannot draw cycles (an investor pays a company that pays it back), so each
  // party appears twice: as a payer on the left and as a receiver on the right.
  const sankeyNodes = [
    ...new Set(money.map((e) => `${e.from}:pays`)),
    ...new Set(money.map((e) => `${e.to}:receives`)),
  ].map((id) => {
    const [party, side] = id.split(":") as [string, string];
    return { id, party, name: `${name.get(party) ?? party} (${side})` };
  });
  return {
    workspace: ws.name,
    currency: model.currency,
    scenario: ws.scenario ? { name: ws.scenario.name, claims: [...ws.scenario.claims] } : null,
    parties: model.parties,
    graph: {
      nodes: model.parties.map((p) => ({ id: p.id, name: p.name, kind: p.company ? "company" : "party" })),
      links: edges.map((e) =>
        e.kind === "stake"
          ? { kind: e.kind, source: e.from, target: e.to, fraction: decimal(e.fraction) }
          : e.kind === "investment"
            ? { kind: e.kind, source: e.from, target: e.to, value: decimal(e.amount.amount), round: e.round }
            : {
                kind: e.kind,
                source: e.from,
                target: e.to,
                value: e.amount ? decimal(e.amount.amount) : null,
                agreement: e.agreement,
                type: e.type,
              },
      ),
    },
    sankey: {
      nodes: sankeyNodes,
      links: money.map((e) => ({
        source: `${e.from}:pays`,
        target: `${e.to}:receives`,
        value: decimal(e.amount),
        kind: e.kind,
        label: e.label,
      })),
    },
    investments: investmentMetrics(model).map((m) => ({
      company: m.company,
      round: m.round,
      investor: m.investor,
      gross: decimal(m.gross),
      shares: m.shares.toString(),
      returned: decimal(m.returned),
      returnedProfit: optional(m.returnedProfit),
      netCash: decimal(m.netCash),
      roundTripRatio: decimal(m.roundTripRatio),
      effectivePricePerShare: optional(m.effectivePricePerShare),
      linked: m.linked,
      linkedWithoutValue: m.linkedWithoutValue,
    })),
    rounds: supplierMetrics(model).map((s) => ({
      company: s.company,
      round: s.round,
      newMoney: decimal(s.newMoney),
      suppliers: s.suppliers,
      fromSuppliers: decimal(s.fromSuppliers),
      supplierShare: decimal(s.supplierShare),
    })),
    agreements: model.agreements.map((a) => ({
      id: a.id,
      name: a.name,
      kind: a.type,
      payer: a.payer,
      payee: a.payee,
      value: a.value ? decimal(a.value.amount) : null,
      sellerMargin: optional(a.sellerMargin),
      linkedTo: a.linkedTo ?? null,
      conditions: a.conditions ?? null,
      schedule: a.schedule ?? null,
    })),
    netCash: [...netCash(model)].map(([party, net]) => ({
      party,
      name: name.get(party) ?? party,
      net: decimal(net),
    })),
  };
}

/** An investor's exposure across the workspace's companies (`roundtable exposure`, FLOW-6). */
export function exposureReport(ws: Workspace, model: CapitalFlowModel, investor: string) {
  const rows = exposure(model, investor);
  return {
    workspace: ws.name,
    currency: model.currency,
    investor,
    name: model.parties.find((p) => p.id === investor)?.name ?? investor,
    companies: rows.map((r) => ({
      company: r.company,
      name: model.parties.find((p) => p.id === r.company)?.name ?? r.company,
      ownership: decimal(r.ownership),
      invested: optional(r.invested),
      valuation: optional(r.valuation),
      value: optional(r.value),
      agreementRevenue: decimal(r.agreementRevenue),
    })),
    totals: {
      /** The sum of the known amounts; `investedUnknownIn` names the companies whose amount is unknown. */
      invested: decimal(Rational.sum(rows.map((r) => r.invested ?? Rational.ZERO))),
      investedUnknownIn: rows.filter((r) => r.invested === undefined).map((r) => r.company),
      value: decimal(Rational.sum(rows.map((r) => r.value ?? Rational.ZERO))),
      agreementRevenue: decimal(Rational.sum(rows.map((r) => r.agreementRevenue))),
    },
  };
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
