/**
 * ING-DUP: one claim per fact. A report states the same figure in its headline, its
 * standfirst and its body; an investor with a ticket in a round is also named as a
 * participant or lead. The reader proposes each; this pass keeps the first statement of
 * a fact and drops the later repeats, so that a reviewer sees each fact once.
 */
import type { EntityRegistry } from "./entity-registry.js";
import type { WorkingClaim } from "./reader.js";

function kindClass(kind: string): string {
  return kind === "valuation_pre" || kind === "valuation_post" ? "valuation" : kind;
}

function amountKey(c: WorkingClaim): string {
  if (c.amount === null) return "-";
  const v = (x: { toString(): string } | null) => (x === null ? "" : x.toString());
  return `${c.amount.currency}:${v(c.amount.min)}:${v(c.amount.max)}:${v(c.amount.point)}:${c.qualifier}`;
}

/**
 * The claims without repeats, in order: ING-DUP-1 a claim with the same kind, company,
 * investors, amount, qualifier and time as an earlier one; ING-DUP-2 an investment or
 * stake without amount whose investor has a claim with an amount in the same company's
 * deal (its ticket says more), or a claim without amount that repeats an earlier one.
 */
export function mergeDuplicates(claims: readonly WorkingClaim[], registry: EntityRegistry): WorkingClaim[] {
  const canonical = (k: string | undefined) => (k === undefined ? "" : registry.canonical(k));
  const parties = (c: WorkingClaim) =>
    (c.counterparty ?? [])
      .map((k) => registry.canonical(k))
      .sort()
      .join("+");
  const seen = new Set<string>();
  const withTicket = new Set<string>();
  for (const c of claims) {
    if (c.amount !== null && c.kind === "investment" && c.counterparty?.length === 1) {
      withTicket.add(`${canonical(c.subject)}|${parties(c)}|${c.temporal}`);
    }
  }
  const out: WorkingClaim[] = [];
  for (const c of claims) {
    const key = `${kindClass(c.kind)}|${canonical(c.subject)}|${parties(c)}|${amountKey(c)}|${c.temporal}`;
    // Agreements without a figure are told apart by what they cover (ING-AGR-2), not repeated.
    if (seen.has(key) && !(c.kind === "commercial_agreement" && c.amount === null)) continue;
    if (
      c.amount === null &&
      c.kind === "investment" &&
      withTicket.has(`${canonical(c.subject)}|${parties(c)}|${c.temporal}`)
    ) {
      continue;
    }
    seen.add(key);
    out.push(c);
  }
  return out;
}
