import type { Money } from "../core/exact/money.js";
import { Rational } from "../core/exact/rational.js";
import type { RoundFlows } from "../core/flows/capital-flows.js";
import type { StockIssuance } from "../core/ledger/transaction.js";
import type { Deal } from "./build.js";

/**
 * The rounds of a deal that were closed into the ledger, as the capital flows read them
 * (CLOSE-6): each investor's issuances of the round are its transactions `<round>:invest:<n>`
 * (CLOSE-3), in the order of the round's investments, each having paid its invested amount;
 * the round's price and post-money are those `close-round` wrote in `closedRounds`. A round
 * is read the same way before closing (from its pro forma) and after (from its record), so
 * that round-trip metrics (FLOW-4, FLOW-5) and exposure (FLOW-6) do not change when it closes.
 */
export function closedRoundFlows(deal: Deal, company: string): RoundFlows[] {
  const currency = deal.ledger.company.currency;
  const money = (amount: Rational): Money => ({ kind: "money", currency, amount });
  const inCurrency = (value: { amount: Rational; currency?: string | undefined } | undefined) =>
    value === undefined || (value.currency !== undefined && value.currency !== currency)
      ? undefined
      : money(value.amount);
  const issuances = deal.ledger.transactions.filter((t): t is StockIssuance => t.type === "stock_issuance");
  return [...deal.document.closedRounds]
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .map((record) => {
      const prefix = `${record.id}:invest:`;
      const investments = issuances
        .filter((t) => t.id.startsWith(prefix) && /^\d+$/.test(t.id.slice(prefix.length)))
        .sort((a, b) => Number(a.id.slice(prefix.length)) - Number(b.id.slice(prefix.length)))
        .map((t) => ({
          investor: t.holder as string,
          paid:
            t.investedAmount ??
            money(t.pricePerShare ? t.pricePerShare.amount.mulInt(t.shares) : Rational.ZERO),
          shares: t.shares,
        }));
      return {
        company,
        round: record.id,
        roundName: record.name,
        pricePerShare: inCurrency(record.pricePerShare),
        postMoneyValuation: inCurrency(record.postMoney),
        newMoney: money(Rational.sum(investments.map((i) => i.paid.amount))),
        investments,
      };
    });
}

/** Whether a closed round of the deal issued shares to the investor (CLOSE-6: what `linkedTo` may name). */
export function closedRoundHasInvestor(deal: Deal, round: string, investor: string): boolean {
  const prefix = `${round}:invest:`;
  return deal.ledger.transactions.some(
    (t) => t.type === "stock_issuance" && t.id.startsWith(prefix) && t.holder === investor,
  );
}
