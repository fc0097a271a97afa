import type { Money } from "../exact/money.js";
import { Rational } from "../exact/rational.js";
import type { CapTable } from "../ledger/cap-table.js";
import { capTableTotals, capTableView, fractionOf } from "../ledger/views.js";
import type { StakeholderId } from "../shared/ids.js";
import { fail, ok, type Result } from "../shared/problem.js";
import { prepareRound, priceRound, type RoundOutcome } from "./price-round.js";
import { type HolderTarget, solvePricing } from "./pricing-solver.js";
import type { RoundTerms } from "./terms.js";

export type SolveUnknown = "valuation" | "amount";

export interface SolveRequest {
  readonly investor: StakeholderId;
  /** The investor's target fraction of the post-money fully diluted shares, 0 to 1 (exclusive). */
  readonly fraction: Rational;
  /** "valuation": the pre-money, post-money and price; "amount": what the investor must put in. */
  readonly unknown: SolveUnknown;
}

export interface SolveOutcome {
  readonly request: SolveRequest;
  /** The exact solution, before rounding to whole shares and any stated price precision. */
  readonly exactPricePerShare: Money;
  readonly exactAmount: Money | undefined;
  /** The round priced at the solution, with the ownership actually achieved in whole shares. */
  readonly outcome: RoundOutcome;
  readonly achievedFraction: Rational;
}

/**
 * Solves a round for one unknown given an investor's target ownership (SPEC SOLVE-1):
 * the valuation (hence pre-money, post-money and price) or the investor's amount. The
 * target counts the investor's existing fully diluted shares and its own converting
 * SAFEs and notes. The equations are solved exactly; the round is then priced at the
 * solution, and the ownership achieved in whole shares is reported next to the target.
 * When no valuation or amount can reach the target, the answer is a typed failure, never
 * a number.
 */
export function solveRound(table: CapTable, terms: RoundTerms, request: SolveRequest): Result<SolveOutcome> {
  const path = ["rounds", terms.id];
  if (!request.fraction.isPositive() || request.fraction.gte(Rational.ONE)) {
    return fail("solve_infeasible", `a target ownership must be between 0% and 100% (exclusive)`, path);
  }
  if (!table.stakeholders.has(request.investor)) {
    return fail("deal_unknown_reference", `unknown stakeholder "${request.investor}"`, path);
  }
  const mine = terms.investments.filter((inv) => inv.investor === request.investor);
  let template = terms;
  if (request.unknown === "amount") {
    // The investor's own investment is the unknown: take it out of the known money.
    template = {
      ...terms,
      targetSize: undefined,
      investments: terms.investments.filter((inv) => inv.investor !== request.investor),
    };
  } else if (mine.length === 0) {
    return fail(
      "solve_infeasible",
      `${request.investor} has no investment in round ${terms.name}; solve for its amount instead`,
      path,
    );
  }
  const prepared = prepareRound(table, template);
  if (!prepared.ok) return prepared;
  const p = prepared.value;
  const holderFullyDiluted =
    capTableTotals(table, new Set([request.investor])).holdersFullyDiluted.get(request.investor) ?? 0n;
  const target: HolderTarget = {
    fraction: request.fraction,
    existingShares: Rational.of(holderFullyDiluted),
    convertibleIndices: p.safesAndNotes.flatMap((s, i) => (s.holder === request.investor ? [i] : [])),
  };
  const investorIndices = template.investments.flatMap((inv, i) =>
    inv.investor === request.investor ? [i] : [],
  );
  const investorAmount = Rational.sum(investorIndices.map((i) => p.allocation.accepted[i]!));
  const solution = solvePricing({
    existing: Rational.of(p.totals.fullyDiluted),
    convertibles: p.convertibles,
    pool: p.pool,
    knownNewMoney: p.allocation.total,
    price:
      request.unknown === "valuation"
        ? { kind: "target_ownership", amount: investorAmount, ...target }
        : p.priceEquation,
    ...(request.unknown === "amount" ? { targetInvestorShares: target } : {}),
  });
  const currency = table.company.currency;
  const pct = request.fraction.mulInt(100n).toDecimalString(6);
  if ("reason" in solution) {
    return fail(
      "solve_infeasible",
      `no ${request.unknown} gives ${request.investor} ${pct}%: ${solution.reason}`,
      path,
    );
  }
  let priced: RoundTerms;
  let exactAmount: Money | undefined;
  if (request.unknown === "valuation") {
    priced = {
      ...terms,
      pricing: { basis: "price_per_share", value: { kind: "money", currency, amount: solution.price } },
    };
  } else {
    const amount = solution.targetShares.mul(solution.price);
    if (!amount.isPositive()) {
      return fail(
        "solve_infeasible",
        `${request.investor} already holds ${pct}% or more without investing`,
        path,
      );
    }
    exactAmount = { kind: "money", currency, amount };
    priced = {
      ...template,
      investments: [
        ...template.investments,
        {
          investor: request.investor,
          amount: exactAmount,
          lead: mine.some((m) => m.lead),
          proRata: false,
          closing: mine[0]?.closing,
        },
      ],
    };
  }
  const outcome = priceRound(table, priced);
  if (!outcome.ok) return outcome;
  const after = capTableView(outcome.value.after);
  const achieved = fractionOf(
    after.holders.find((h) => h.holder === request.investor)?.fullyDiluted ?? 0n,
    after.totals.fullyDiluted,
  );
  return ok(
    {
      request,
      exactPricePerShare: { kind: "money", currency, amount: solution.price },
      exactAmount,
      outcome: outcome.value,
      achievedFraction: achieved,
    },
    outcome.warnings,
  );
}
