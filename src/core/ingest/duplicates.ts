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
/** ING-DUP-4: where a report's headline may start (after a date line). */
const HEADLINE_REACH = 40;

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
  const out: (WorkingClaim | undefined)[] = [];
  const kept = new Map<string, number>();
  const hedged = new Map<string, { at: number; start: number }>();
  for (const c of claims) {
    const key = `${kindClass(c.kind)}|${canonical(c.subject)}|${parties(c)}|${amountKey(c)}|${c.temporal}`;
    // ING-DUP-4: "cherche à lever 40 Md$" in a headline and "en pourparlers pour lever jusqu'à 40 Md$" in
    // the body are one figure told with and without its hedge: the hedged statement says more.
    const loose = looseKey(c, canonical, parties);
    if (loose !== undefined) {
      const other = hedged.get(loose);
      if (other !== undefined && Math.abs(c.evidenceStart - other.start) <= DUPLICATE_WINDOW) {
        const previous = out[other.at]!;
        // Only a headline (the report's opening) drops its hedge: in the body, "plus de 11 Md€" and
        // "(11 Md€)" may be two statements the report makes.
        if (
          previous.qualifier === "exact" &&
          c.qualifier !== "exact" &&
          previous.sentenceStart <= HEADLINE_REACH
        ) {
          out[other.at] = c;
          hedged.set(loose, { at: other.at, start: c.evidenceStart });
          continue;
        }
        if (previous.qualifier !== "exact" && c.qualifier === "exact" && c.sentenceStart <= HEADLINE_REACH)
          continue;
      }
    }
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
    if (loose !== undefined && !hedged.has(loose))
      hedged.set(loose, { at: out.length, start: c.evidenceStart });
    out.push(c);
  }
  return out.filter((c): c is WorkingClaim => c !== undefined);
}

/**
 * ING-DUP-4: a round's or a valuation's figure by its single bound ("40 Md$" exact, "jusqu'à 40 Md$",
 * "plus de 40 Md$"), without the hedge; undefined for other claims and ranges.
 */
function looseKey(
  c: WorkingClaim,
  canonical: (k: string | undefined) => string,
  parties: (c: WorkingClaim) => string,
): string | undefined {
  if (c.amount === null || c.qualifier === null || c.qualifier === "range") return undefined;
  if (kindClass(c.kind) !== "round" && kindClass(c.kind) !== "valuation") return undefined;
  const bound = c.amount.point ?? c.amount.min ?? c.amount.max;
  if (bound === null) return undefined;
  return `${kindClass(c.kind)}|${canonical(c.subject)}|${parties(c)}|${c.amount.currency}:${bound.toString()}|${c.temporal}`;
}
