/**
 * ING-DUP: one claim per fact. A report states the same figure in its headline, its
 * standfirst and its body; an investor with a ticket in a round is also named as a
 * participant or lead. The reader proposes each; this pass keeps the first statement of
 * a fact and drops the later repeats, so that a reviewer sees each fact once.
 */
import type { EntityRegistry } from "./entity-registry.js";
import type { WorkingClaim } from "./reader.js";

function kindClass(kind: string): string {
  if (kind === "valuation_pre" || kind === "valuation_post") return "valuation";
  // ING-DUP-3: a headline's "raises $20bn" and the body's round "being raised to $20bn" are one round.
  if (kind === "round_size" || kind === "round_target") return "round";
  return kind;
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
/** How far apart a repeat may be: a headline, standfirst and body of one report (a batch keeps each report's claims). */
export const DUPLICATE_WINDOW = 3000;

export function mergeDuplicates(claims: readonly WorkingClaim[], registry: EntityRegistry): WorkingClaim[] {
  const canonical = (k: string | undefined) => (k === undefined ? "" : registry.canonical(k));
  const parties = (c: WorkingClaim) =>
    (c.counterparty ?? [])
      .map((k) => registry.canonical(k))
      .sort()
      .join("+");
  const seen = new Map<string, number>();
  const withTicket = new Set<string>();
  for (const c of claims) {
    if (c.amount !== null && c.kind === "investment") {
      for (const k of c.counterparty ?? [])
        withTicket.add(`${canonical(c.subject)}|${registry.canonical(k)}|${c.temporal}`);
    }
  }
  const out: WorkingClaim[] = [];
  const kept = new Map<string, number>();
  for (const c of claims) {
    const key = `${kindClass(c.kind)}|${canonical(c.subject)}|${parties(c)}|${amountKey(c)}|${c.temporal}`;
    // Agreements without a figure are told apart by what they cover (ING-AGR-2), not repeated.
    const first = seen.get(key);
    const repeat = first !== undefined && c.evidenceStart - first <= DUPLICATE_WINDOW;
    if (repeat && !(c.kind === "commercial_agreement" && c.amount === null)) {
      // A stake stated again with its share ("already owns about 18%") says more: it replaces the first.
      const at = kept.get(key);
      if (at !== undefined && c.fraction !== null && out[at]!.fraction === null) out[at] = c;
      // A target stated again keeps the more cautious kind: the round is still being raised.
      else if (at !== undefined && c.kind === "round_target" && out[at]!.kind === "round_size")
        out[at] = { ...out[at]!, kind: "round_target", status: c.status };
      continue;
    }
    if (
      c.amount === null &&
      c.kind === "investment" &&
      withTicket.has(`${canonical(c.subject)}|${parties(c)}|${c.temporal}`)
    ) {
      continue;
    }
    seen.set(key, c.evidenceStart);
    kept.set(key, out.length);
    out.push(c);
  }
  return out;
}
