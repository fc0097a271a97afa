import { Rational } from "../core/exact/rational.js";
import { allocate } from "../core/round/allocation.js";
import { fail, ok, type Result } from "../core/shared/problem.js";
import type { ClaimId } from "../core/uncertainty/claim.js";
import { ScenarioRandom } from "../core/uncertainty/rng.js";
import type { AmountSource } from "../core/uncertainty/round-template.js";
import { drawQuantities, planSampler } from "../core/uncertainty/sampler.js";
import { describeSample } from "../core/uncertainty/statistics.js";
import { closedRoundFlows } from "../deal/closed-rounds.js";
import type { Workspace } from "../deal/workspace.js";
import { floatText } from "./simulation-report.js";

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
): Result<ReturnType<typeof summarise>> {
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

function stats(values: Float64Array) {
  const finite = Float64Array.from(values.filter((v) => !Number.isNaN(v)));
  if (finite.length === 0) return null;
  const d = describeSample(finite);
  return { mean: floatText(d.mean), p5: floatText(d.p5), p50: floatText(d.p50), p95: floatText(d.p95) };
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
) {
  return {
    workspace: ws.name,
    currency: ws.currency,
    runs,
    seed: seed.toString(),
    failed,
    claims: [...claims],
    investments: investmentKeys.map((k, i) => ({
      ...k,
      roundTripRatio: stats(ratio[i]!),
      netCash: stats(net[i]!),
    })),
    rounds: roundKeys.map((k, i) => ({ ...k, supplierShare: stats(supplierShare[i]!) })),
  };
}
