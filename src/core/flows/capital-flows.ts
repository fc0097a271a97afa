import type { Money } from "../exact/money.js";
import { Rational } from "../exact/rational.js";
import type { Agreement } from "./agreement.js";

/** One company's round as the flows see it: who paid how much for how many shares, and the ownership after. */
export interface RoundFlows {
  readonly company: string;
  readonly round: string;
  readonly roundName: string;
  /** Undefined for a closed round whose record states none (CLOSE-6). */
  readonly pricePerShare: Money | undefined;
  readonly postMoneyValuation: Money | undefined;
  readonly newMoney: Money;
  readonly investments: readonly {
    readonly investor: string;
    readonly paid: Money;
    readonly shares: bigint;
  }[];
}

/** A holder's position in one company after its last round (or as of a date). */
export interface Holding {
  readonly company: string;
  readonly holder: string;
  /** Fully diluted fraction, 0 to 1. */
  readonly ownership: Rational;
  /** What the holder's lots cost, from the ledger (issue prices, exercise prices, converted amounts); undefined when a declared stake states none. */
  readonly invested: Money | undefined;
  /** The company's valuation the holding is valued at: the last round's post-money, or one given. */
  readonly valuation: Money | undefined;
}

export type FlowEdge =
  | {
      readonly kind: "investment";
      readonly from: string;
      readonly to: string;
      readonly amount: Money;
      readonly round: string;
    }
  | {
      readonly kind: "agreement";
      readonly from: string;
      readonly to: string;
      readonly amount: Money | undefined;
      readonly agreement: string;
      readonly type: Agreement["type"];
    }
  | { readonly kind: "stake"; readonly from: string; readonly to: string; readonly fraction: Rational };

/** Everything the flow metrics read, for one scenario: exact amounts only. */
export interface CapitalFlowModel {
  readonly currency: string;
  readonly parties: readonly { readonly id: string; readonly name: string; readonly company: boolean }[];
  readonly rounds: readonly RoundFlows[];
  readonly agreements: readonly Agreement[];
  readonly holdings: readonly Holding[];
}

/**
 * The capital-flow graph (SPEC FLOW-2): companies and investors as nodes; equity
 * investments (investor → company, per round), agreement payments (payer → payee) and
 * existing stakes (holder → company, as-converted fraction, not money) as edges.
 */
export function flowEdges(model: CapitalFlowModel): FlowEdge[] {
  const edges: FlowEdge[] = [];
  for (const r of model.rounds) {
    for (const inv of r.investments) {
      if (inv.paid.amount.isZero()) continue;
      edges.push({ kind: "investment", from: inv.investor, to: r.company, amount: inv.paid, round: r.round });
    }
  }
  for (const a of model.agreements) {
    edges.push({
      kind: "agreement",
      from: a.payer,
      to: a.payee,
      amount: a.value,
      agreement: a.id,
      type: a.type,
    });
  }
  for (const h of model.holdings) {
    if (h.ownership.isPositive())
      edges.push({ kind: "stake", from: h.holder, to: h.company, fraction: h.ownership });
  }
  return edges;
}

/** Net cash each party receives (+) or provides (−) over all money edges; sums to exactly zero (FLOW-3). */
export function netCash(model: CapitalFlowModel): Map<string, Rational> {
  const net = new Map<string, Rational>(model.parties.map((p) => [p.id, Rational.ZERO]));
  const move = (from: string, to: string, amount: Rational) => {
    net.set(from, (net.get(from) ?? Rational.ZERO).sub(amount));
    net.set(to, (net.get(to) ?? Rational.ZERO).add(amount));
  };
  for (const e of flowEdges(model)) {
    if (e.kind === "investment") move(e.from, e.to, e.amount.amount);
    else if (e.kind === "agreement" && e.amount) move(e.from, e.to, e.amount.amount);
  }
  return net;
}
