import {
  type ExposureReport,
  exposureReportOf,
  type FlowStatistics,
  type FlowsExactReport,
  type FlowsReport,
  type FlowsSimulationReport,
  flowModelOf,
  flowsReportOf,
} from "../app/flows-report.js";
import type { Money } from "../core/exact/money.js";
import type { Rational } from "../core/exact/rational.js";
import type { CapitalFlowModel } from "../core/flows/capital-flows.js";
import type { Workspace } from "../deal/workspace.js";
import { decimal } from "./format.js";
import { floatText } from "./simulation-report.js";
import { whatIfJson } from "./what-if-report.js";

export { flowModelOf };

const optional = (r: Rational | Money | undefined) =>
  r === undefined ? null : decimal("amount" in r ? r.amount : r);

/** The JSON of `roundtable flows` (APP-3): graph, Sankey, metrics and net cash (FLOW-2..FLOW-5). */
function flowsExactJson(report: FlowsExactReport) {
  const money = report.edges.flatMap(
    (e): { from: string; to: string; amount: Rational; label: string; kind: string }[] =>
      e.kind === "investment"
        ? [
            {
              from: e.from.id,
              to: e.to.id,
              amount: e.amount.amount,
              label: `investment (${e.round.id})`,
              kind: e.kind,
            },
          ]
        : e.kind === "agreement" && e.amount
          ? [
              {
                from: e.from.id,
                to: e.to.id,
                amount: e.amount.amount,
                label: `${e.type.replaceAll("_", " ")} (${e.agreement.id})`,
                kind: e.kind,
              },
            ]
          : [],
  );
  const name = new Map(report.parties.map((p) => [p.id, p.name]));
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
    workspace: report.workspace,
    currency: report.currency as string,
    scenario: report.scenario
      ? { name: report.scenario.name, claims: report.scenario.claims.map((c) => c.id) }
      : null,
    parties: report.parties.map((p) => ({ id: p.id, name: p.name, company: p.company })),
    graph: {
      nodes: report.parties.map((p) => ({ id: p.id, name: p.name, kind: p.company ? "company" : "party" })),
      links: report.edges.map((e) =>
        e.kind === "stake"
          ? { kind: e.kind, source: e.from.id, target: e.to.id, fraction: decimal(e.fraction) }
          : e.kind === "investment"
            ? {
                kind: e.kind,
                source: e.from.id,
                target: e.to.id,
                value: decimal(e.amount.amount),
                round: e.round.id,
              }
            : {
                kind: e.kind,
                source: e.from.id,
                target: e.to.id,
                value: e.amount ? decimal(e.amount.amount) : null,
                agreement: e.agreement.id,
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
    investments: report.investments.map((m) => ({
      company: m.company.id,
      round: m.round.id,
      investor: m.investor.id,
      gross: decimal(m.gross.amount),
      shares: m.shares.toString(),
      returned: decimal(m.returned.amount),
      returnedProfit: optional(m.returnedProfit),
      netCash: decimal(m.netCash.amount),
      roundTripRatio: decimal(m.roundTripRatio),
      effectivePricePerShare: optional(m.effectivePricePerShare),
      linked: m.linked.map((a) => a.id),
      linkedWithoutValue: m.linkedWithoutValue.map((a) => a.id),
    })),
    rounds: report.rounds.map((s) => ({
      company: s.company.id,
      round: s.round.id,
      newMoney: decimal(s.newMoney.amount),
      suppliers: s.suppliers.map((p) => p.id),
      fromSuppliers: decimal(s.fromSuppliers.amount),
      supplierShare: decimal(s.supplierShare),
    })),
    agreements: report.agreements.map((a) => ({
      id: a.agreement.id,
      name: a.agreement.name,
      kind: a.kind,
      payer: a.payer.id,
      payee: a.payee.id,
      value: optional(a.value),
      sellerMargin: optional(a.sellerMargin),
      linkedTo: a.linkedTo
        ? { company: a.linkedTo.company.id, round: a.linkedTo.round.id, investor: a.linkedTo.investor.id }
        : null,
      conditions: a.conditions ?? null,
      schedule: a.schedule ?? null,
    })),
    netCash: report.netCash.map((n) => ({
      party: n.party.id,
      name: n.party.name,
      net: decimal(n.net.amount),
    })),
  };
}

function statisticsJson(s: FlowStatistics | null) {
  return s && { mean: floatText(s.mean), p5: floatText(s.p5), p50: floatText(s.p50), p95: floatText(s.p95) };
}

/** The JSON of `roundtable flows --runs` (APP-3): percentiles as decimal strings (OUT-4). */
function flowsSimulationJson(report: FlowsSimulationReport) {
  return {
    workspace: report.workspace,
    currency: report.currency as string,
    runs: report.runs,
    seed: report.seed.toString(),
    failed: report.failed,
    claims: report.claims.map((c) => c.id),
    investments: report.investments.map((i) => ({
      company: i.company.id,
      round: i.round.id,
      investor: i.investor.id,
      roundTripRatio: statisticsJson(i.roundTripRatio),
      netCash: statisticsJson(i.netCash),
    })),
    rounds: report.rounds.map((r) => ({
      company: r.company.id,
      round: r.round.id,
      supplierShare: statisticsJson(r.supplierShare),
    })),
  };
}

/** The JSON of `roundtable flows` and the API's flows, with the what-if when there is one. */
export function flowsJson(report: FlowsReport) {
  const json = report.kind === "flows" ? flowsExactJson(report) : flowsSimulationJson(report);
  return report.whatIf ? { ...json, whatIf: whatIfJson(report.whatIf) } : json;
}

/** The JSON of `roundtable exposure` and the API's exposure (APP-3, FLOW-6). */
export function exposureJson(report: ExposureReport) {
  const json = {
    workspace: report.workspace,
    currency: report.currency as string,
    investor: report.investor.id,
    name: report.investor.name,
    companies: report.companies.map((r) => ({
      company: r.company.id,
      name: r.company.name,
      ownership: decimal(r.ownership),
      invested: optional(r.invested),
      valuation: optional(r.valuation),
      value: optional(r.value),
      agreementRevenue: decimal(r.agreementRevenue.amount),
    })),
    totals: {
      invested: decimal(report.totals.invested.amount),
      investedUnknownIn: report.totals.investedUnknownIn.map((c) => c.id),
      value: decimal(report.totals.value.amount),
      agreementRevenue: decimal(report.totals.agreementRevenue.amount),
    },
  };
  return report.whatIf ? { ...json, whatIf: whatIfJson(report.whatIf) } : json;
}

/** The JSON-shaped flows of the web's view: `flowsJson` of the typed report. */
export function flowsReport(ws: Workspace, model: CapitalFlowModel) {
  return flowsExactJson(flowsReportOf(ws, model));
}

/** The JSON-shaped exposure of the web's view: `exposureJson` of the typed report. */
export function exposureReport(ws: Workspace, model: CapitalFlowModel, investor: string) {
  return exposureJson(exposureReportOf(ws, model, investor));
}
