import {
  type DealDraft,
  type DraftDealClaim,
  type DraftSourceInfo,
  toDealDraft,
} from "../core/ingest/deal-draft.js";
import type { IngestOutput } from "../core/ingest/types.js";
import { fail, ok, type Result } from "../core/shared/problem.js";
import type { Deal } from "./build.js";
import { roundQuantity } from "./uncertain.js";

/** The id the deal's own company takes among the names an ingestion matches (DEAL-6). */
export const COMPANY_ENTITY_ID = "company";

/** The names an ingestion should know: the company itself, then every stakeholder. */
export function knownNames(deal: Deal): { id: string; name: string; aliases: readonly string[] }[] {
  return [
    {
      id: COMPANY_ENTITY_ID,
      name: deal.ledger.company.name,
      aliases: companyAliases(deal.ledger.company.name),
    },
    ...deal.ledger.stakeholders.map((s) => ({ id: s.id as string, name: s.name, aliases: s.aliases })),
  ];
}

/** "OpenAI Group PBC" is also written "OpenAI": the name without its legal-form suffix. */
function companyAliases(name: string): string[] {
  const short = name
    .replace(
      /[,\s]+(group|holdings?|inc\.?|incorporated|corp\.?|corporation|ltd\.?|limited|llc|plc|pbc|sas|sa|gmbh|ag|bv|nv)\b.*$/i,
      "",
    )
    .trim();
  return short.length > 0 && short !== name ? [short] : [];
}

export interface IngestedEntries {
  readonly source: Record<string, unknown>;
  readonly claims: Record<string, unknown>[];
  readonly skipped: { readonly claim: string; readonly reason: string }[];
}

function valueText(c: DraftDealClaim): string | undefined {
  const a = c.amount;
  if (c.fraction) {
    const pct = `${(Number(c.fraction.point) * 100).toString()}%`;
    return c.fraction.qualifier === "about" ? `about ${pct}` : pct;
  }
  if (!a) return undefined;
  const cur = a.currency;
  switch (c.qualifier) {
    case "exact":
      return `${a.point ?? a.min} ${cur}`;
    case "about":
      return `about ${a.point} ${cur}`;
    case "up_to":
      return `up to ${a.max} ${cur}`;
    case "less_than":
      return `less than ${a.max} ${cur}`;
    case "at_least":
      return `at least ${a.min} ${cur}`;
    case "more_than":
      return `more than ${a.min} ${cur}`;
    case "range":
      return `between ${a.min} and ${a.max} ${cur}`;
    default:
      return undefined;
  }
}

/**
 * Maps an ingestion's draft onto a deal (SPEC DEAL-6): one source, and a claim for each
 * draft claim about the deal's own company's current round that has a figure. The round's
 * size or target ("up to $100B") becomes a claim on round:ROUND/size; an investment by a
 * known stakeholder (or a group of them) one on its investment(s); a valuation one on the
 * pre- or post-money valuation (post when the text does not say); an existing stake with a
 * percentage one on holder:HOLDER/stake. Everything else is listed as skipped with the
 * reason: background deals, other companies, agreements (they belong in a workspace),
 * claims with no figure, and investors the deal does not know yet.
 */
export function ingestedEntries(
  draft: DealDraft,
  deal: Deal,
  roundId: string,
  reliability = "C",
): IngestedEntries {
  const known = new Set(deal.ledger.stakeholders.map((s) => s.id as string));
  const skipped: { claim: string; reason: string }[] = [];
  const claims: Record<string, unknown>[] = [];
  for (const c of draft.claims) {
    const skip = (reason: string) => skipped.push({ claim: c.id, reason });
    if (c.temporal === "background") {
      skip("an earlier deal mentioned in passing");
      continue;
    }
    if (c.subject !== COMPANY_ENTITY_ID) {
      skip(`about ${c.subject ?? "no company named"}, not this deal's company`);
      continue;
    }
    const value = valueText(c);
    if (value === undefined) {
      skip(
        c.kind === "commercial_agreement" ? "an agreement: agreements belong in a workspace" : "no figure",
      );
      continue;
    }
    let about: string | string[] | undefined;
    const parties =
      c.counterparty === null
        ? []
        : typeof c.counterparty === "string"
          ? [c.counterparty]
          : [...c.counterparty];
    switch (c.kind) {
      case "round_size":
      case "round_target":
        about = roundQuantity.size(roundId);
        break;
      case "valuation_pre":
        about = roundQuantity.pre(roundId);
        break;
      case "valuation_post":
        about = roundQuantity.post(roundId);
        break;
      case "investment": {
        const unknown = parties.filter((p) => !known.has(p));
        if (parties.length === 0 || unknown.length > 0) {
          skip(
            parties.length === 0
              ? "an investment by no one named"
              : `names ${unknown.join(", ")}, which the deal does not know: add it as a stakeholder first`,
          );
          continue;
        }
        about =
          parties.length === 1
            ? roundQuantity.investment(roundId, parties[0]!)
            : parties.map((p) => roundQuantity.investment(roundId, p));
        break;
      }
      case "existing_stake":
        if (!c.fraction || parties.length !== 1 || !known.has(parties[0]!)) {
          skip("an existing stake with no percentage or holder the deal knows");
          continue;
        }
        about = `holder:${parties[0]}/stake`;
        break;
      default:
        skip("an agreement: agreements belong in a workspace");
        continue;
    }
    claims.push({
      id: c.id,
      source: draft.source.id,
      about,
      value,
      ...(c.attribution ? { attribution: c.attribution } : {}),
      status: c.status,
      evidence: { text: c.evidence.text, start: c.evidence.start, end: c.evidence.end },
      note: "draft from roundtable ingest: review before relying on it",
    });
  }
  const s = draft.source;
  const source: Record<string, unknown> = {
    id: s.id,
    ...(s.title ? { title: s.title } : {}),
    ...(s.publisher ? { publisher: s.publisher } : {}),
    ...(s.publicationDate ? { date: s.publicationDate } : {}),
    language: s.language,
    ...(s.url ? { url: s.url } : {}),
    reliability,
  };
  return { source, claims, skipped };
}

/**
 * What an ingested report adds to a deal (DEAL-6), as `roundtable ingest --deal --write`
 * and the API's accepted ingestion both add it: one new source with its claims, about the
 * given round (the deal's last by default). A round that does not exist is a `usage`
 * problem at `round`; a source id the deal already has, `deal_duplicate_id` at `sourceId`.
 */
export function ingestionForDeal(
  output: IngestOutput,
  deal: Deal,
  options: { round?: string | undefined; source?: DraftSourceInfo },
): Result<{ draft: DealDraft; entries: IngestedEntries }> {
  const roundId = options.round ?? deal.rounds.at(-1)?.id;
  if (roundId === undefined || !deal.rounds.some((r) => r.id === roundId))
    return fail(
      "usage",
      options.round
        ? `no round "${options.round}" in the deal`
        : "the deal has no round for the claims to be about",
      ["round"],
    );
  const draft = toDealDraft(output, options.source ?? {});
  if (deal.document.sources.some((s) => s.id === draft.source.id))
    return fail("deal_duplicate_id", `the deal already has a source "${draft.source.id}"; give another id`, [
      "sourceId",
    ]);
  return ok({ draft, entries: ingestedEntries(draft, deal, roundId) });
}
