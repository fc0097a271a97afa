import { Rational } from "../exact/rational.js";
import type { Agreement } from "./agreement.js";
import type { CapitalFlowModel } from "./capital-flows.js";

/** One investor's investment in one round, and the money that comes back through the agreements linked to it (FLOW-4). */
export interface InvestmentMetrics {
  readonly company: string;
  readonly round: string;
  readonly investor: string;
  /** What the investor paid in the round. */
  readonly gross: Rational;
  readonly shares: bigint;
  /** Revenue the investor receives from the company under agreements linked to this investment. */
  readonly returned: Rational;
  /** The same, times each agreement's seller margin: the profit that comes back; undefined when a linked agreement states no margin. */
  readonly returnedProfit: Rational | undefined;
  /** gross − returned. */
  readonly netCash: Rational;
  /** returned ÷ gross; 0 without linked agreements. */
  readonly roundTripRatio: Rational;
  /** (gross − returned profit) ÷ shares: the price per share net of the profit that comes back. */
  readonly effectivePricePerShare: Rational | undefined;
  /** The linked agreements, with those whose value is unknown named apart. */
  readonly linked: readonly string[];
  readonly linkedWithoutValue: readonly string[];
}

/** One company's round: how much of its new money comes from its own suppliers (FLOW-5). */
export interface RoundSupplierMetrics {
  readonly company: string;
  readonly round: string;
  readonly newMoney: Rational;
  /** Investors the company pays under some agreement (suppliers of the company). */
  readonly suppliers: readonly string[];
  readonly fromSuppliers: Rational;
  /** fromSuppliers ÷ newMoney. */
  readonly supplierShare: Rational;
}

function linkedTo(
  agreements: readonly Agreement[],
  company: string,
  round: string,
  investor: string,
): Agreement[] {
  return agreements.filter(
    (a) =>
      a.linkedTo !== undefined &&
      a.linkedTo.company === company &&
      a.linkedTo.round === round &&
      a.linkedTo.investor === investor &&
      a.payer === company &&
      a.payee === investor,
  );
}

/**
 * The round-trip metrics of every investment (FLOW-4). Money comes back to an investor
 * through an agreement linked to its investment under which the company pays the
 * investor. The ratio compares totals (the agreement's value over its whole period with
 * the investment), with no discounting; agreements linked the other way (the investor
 * pays the company) are not money that comes back and are reported as flows only.
 */
export function investmentMetrics(model: CapitalFlowModel): InvestmentMetrics[] {
  const out: InvestmentMetrics[] = [];
  for (const r of model.rounds) {
    const byInvestor = new Map<string, { gross: Rational; shares: bigint }>();
    for (const inv of r.investments) {
      const e = byInvestor.get(inv.investor) ?? { gross: Rational.ZERO, shares: 0n };
      byInvestor.set(inv.investor, { gross: e.gross.add(inv.paid.amount), shares: e.shares + inv.shares });
    }
    for (const [investor, { gross, shares }] of byInvestor) {
      const links = linkedTo(model.agreements, r.company, r.round, investor);
      const valued = links.filter((a) => a.value !== undefined);
      const returned = Rational.sum(valued.map((a) => a.value!.amount));
      const profit = valued.every((a) => a.sellerMargin !== undefined)
        ? Rational.sum(valued.map((a) => a.value!.amount.mul(a.sellerMargin!)))
        : undefined;
      out.push({
        company: r.company,
        round: r.round,
        investor,
        gross,
        shares,
        returned,
        returnedProfit: profit,
        netCash: gross.sub(returned),
        roundTripRatio: gross.isZero() ? Rational.ZERO : returned.div(gross),
        effectivePricePerShare:
          profit === undefined || shares === 0n ? undefined : gross.sub(profit).div(Rational.of(shares)),
        linked: valued.map((a) => a.id),
        linkedWithoutValue: links.filter((a) => a.value === undefined).map((a) => a.id),
      });
    }
  }
  return out;
}

/** The share of each round's new money that comes from the company's own suppliers (FLOW-5). */
export function supplierMetrics(model: CapitalFlowModel): RoundSupplierMetrics[] {
  return model.rounds.map((r) => {
    const suppliers = new Set(model.agreements.filter((a) => a.payer === r.company).map((a) => a.payee));
    const investors = [...new Set(r.investments.map((i) => i.investor))].filter((i) => suppliers.has(i));
    const fromSuppliers = Rational.sum(
      r.investments.filter((i) => suppliers.has(i.investor)).map((i) => i.paid.amount),
    );
    const newMoney = r.newMoney.amount;
    return {
      company: r.company,
      round: r.round,
      newMoney,
      suppliers: investors,
      fromSuppliers,
      supplierShare: newMoney.isZero() ? Rational.ZERO : fromSuppliers.div(newMoney),
    };
  });
}

/** One investor's exposure to one company (FLOW-6). */
export interface ExposureRow {
  readonly company: string;
  readonly ownership: Rational;
  readonly invested: Rational;
  readonly valuation: Rational | undefined;
  /** ownership × valuation. */
  readonly value: Rational | undefined;
  /** Money the company pays the investor under all agreements (linked or not). */
  readonly agreementRevenue: Rational;
}

/** An investor's exposure across every company of the workspace (FLOW-6). */
export function exposure(model: CapitalFlowModel, investor: string): ExposureRow[] {
  return model.holdings
    .filter((h) => h.holder === investor && (h.ownership.isPositive() || h.invested.amount.isPositive()))
    .map((h) => ({
      company: h.company,
      ownership: h.ownership,
      invested: h.invested.amount,
      valuation: h.valuation?.amount,
      value: h.valuation ? h.valuation.amount.mul(h.ownership) : undefined,
      agreementRevenue: Rational.sum(
        model.agreements
          .filter((a) => a.payer === h.company && a.payee === investor && a.value)
          .map((a) => a.value!.amount),
      ),
    }));
}
