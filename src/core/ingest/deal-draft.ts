/**
 * From an ingestion to the pieces a deal file takes (ING-DEAL-1): one source (the report)
 * and its draft claims, the conflicts between them, and the stakeholders the report names
 * that the deal does not know yet. Claims refer to stakeholders by id: a known
 * stakeholder's id, or the id proposed for a new one. Amounts are decimal strings, as
 * everywhere in deal files. Every claim is marked `review: "draft"`: a person confirms it
 * before it counts.
 */
import type { Rational } from "../exact/rational.js";
import type {
  ClaimKind,
  ClaimStatus,
  IngestLanguage,
  IngestOutput,
  PartyRef,
  Qualifier,
  Temporal,
  TextSpan,
} from "./types.js";

export interface DraftSource {
  readonly id: string;
  readonly kind: "news_report";
  readonly title: string | null;
  readonly publisher: string | null;
  readonly url: string | null;
  readonly publicationDate: string | null;
  readonly language: IngestLanguage;
}

export interface DraftDealClaim {
  readonly id: string;
  /** The id of the source the claim comes from. */
  readonly source: string;
  readonly kind: ClaimKind;
  /** Stakeholder ids. */
  readonly subject: string | null;
  readonly counterparty: string | readonly string[] | null;
  readonly amount: {
    readonly currency: string;
    readonly min: string | null;
    readonly max: string | null;
    readonly point: string | null;
  } | null;
  readonly qualifier: Qualifier | null;
  readonly vague: boolean;
  readonly currencyInferred: boolean;
  readonly basisStated?: boolean;
  readonly fraction: { readonly qualifier: Qualifier; readonly point: string } | null;
  readonly attribution: string | null;
  readonly status: ClaimStatus;
  readonly temporal: Temporal;
  readonly evidence: TextSpan;
  readonly review: "draft";
  readonly rules: readonly string[];
}

export interface DraftStakeholder {
  readonly id: string;
  readonly name: string;
  /** As the ledger's Stakeholder.type. */
  readonly type: "institution" | "individual";
  readonly aliases: readonly string[];
}

export interface DealDraft {
  readonly source: DraftSource;
  readonly claims: readonly DraftDealClaim[];
  readonly conflicts: readonly {
    readonly claims: readonly string[];
    readonly type: string;
    readonly description: string;
  }[];
  /** Organisations and people named by a claim that no known stakeholder matched. */
  readonly newStakeholders: readonly DraftStakeholder[];
  readonly warnings: readonly { readonly code: string; readonly message: string }[];
}

export interface DraftSourceInfo {
  /** The source's id in the deal; derived from the title (or "report") when not given. */
  readonly id?: string;
  readonly title?: string;
  readonly publisher?: string;
  readonly url?: string;
  readonly publicationDate?: string;
}

function slug(text: string): string {
  const s = text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48)
    .replace(/-+$/, "");
  return s.length > 0 ? s : "report";
}

function decimal(value: Rational | null): string | null {
  return value === null ? null : value.toDecimalString(18);
}

function ids(party: PartyRef | readonly PartyRef[] | null): string | readonly string[] | null {
  if (party === null) return null;
  return Array.isArray(party) ? party.map((p) => p.entityId) : (party as PartyRef).entityId;
}

export function toDealDraft(output: IngestOutput, info: DraftSourceInfo = {}): DealDraft {
  const sourceId = info.id ?? `news-${slug(info.title ?? "report")}`;
  const source: DraftSource = {
    id: sourceId,
    kind: "news_report",
    title: info.title ?? null,
    publisher: info.publisher ?? null,
    url: info.url ?? null,
    publicationDate: info.publicationDate ?? output.sourceDate ?? null,
    language: output.language,
  };
  const claimId = (index: number) => `${sourceId}-c${index + 1}`;
  const claims = output.claims.map(
    (c): DraftDealClaim => ({
      id: claimId(c.index),
      source: sourceId,
      kind: c.kind,
      subject: c.subject?.entityId ?? null,
      counterparty: ids(c.counterparty),
      amount: c.amount
        ? {
            currency: c.amount.currency,
            min: decimal(c.amount.min),
            max: decimal(c.amount.max),
            point: decimal(c.amount.point),
          }
        : null,
      qualifier: c.qualifier,
      vague: c.vague,
      currencyInferred: c.currencyInferred,
      ...(c.basisStated === undefined ? {} : { basisStated: c.basisStated }),
      fraction: c.fraction
        ? { qualifier: c.fraction.qualifier, point: c.fraction.point.toDecimalString(18) }
        : null,
      attribution: c.attribution?.text ?? null,
      status: c.status,
      temporal: c.temporal,
      evidence: c.evidence,
      review: "draft",
      rules: c.rules,
    }),
  );
  const newStakeholders = output.entities
    .filter((e) => e.proposed)
    .map(
      (e): DraftStakeholder => ({
        id: e.id,
        name: e.name,
        type: e.type === "person" ? "individual" : "institution",
        aliases: e.aliases,
      }),
    );
  return {
    source,
    claims,
    conflicts: output.conflicts.map((k) => ({
      claims: k.claims.map(claimId),
      type: k.type,
      description: k.description,
    })),
    newStakeholders,
    warnings: output.warnings.map((w) => ({ code: w.code, message: w.message })),
  };
}
