import {
  type ClaimsReport,
  type ConflictExplanation,
  claimsReportOf,
  type GapExplanation,
  type RangeFigure,
} from "../app/claims-report.js";
import type { Rational } from "../core/exact/rational.js";
import type { Relation } from "../core/uncertainty/conflict-explanation.js";
import { formatEstimate, formatEstimateValue } from "../core/uncertainty/estimate.js";
import type { Deal } from "../deal/build.js";
import { decimal } from "./format.js";

/** A feasible range as written in reports: exact decimal ends, with whether each is reached. */
export interface RangeRow {
  readonly quantity: string | null;
  readonly label: string;
  readonly min: string | null;
  readonly minAttained: boolean;
  readonly max: string | null;
  readonly maxAttained: boolean;
  readonly text: string;
}

/**
 * A gap's figures as structure, for a reader that words it in another language: whether
 * the members' upper ends exceed the group's upper end ("exceeds") or fall short of its
 * lower end ("short"), the members' claims, their sum and the group's end as exact
 * decimals, and their unit (a fraction, or money in `currency`).
 */
export interface GapDetail {
  readonly kind: "exceeds" | "short";
  readonly members: readonly string[];
  readonly sum: string;
  readonly bound: string;
  readonly unit: "money" | "fraction";
  readonly currency: string | null;
}

/**
 * A conflict's explanation as structure (from the engine's ConflictExplanation): the pivot
 * claim and its subject, which end of it the others contradict ("upper": the pivot allows
 * at most what the others need more than), both bounds as exact decimals with their
 * relation, the other claims, whether the domain (no negative amount, fractions up to
 * 100%) and which identities take part (with the engine's English words), and the unit.
 */
export interface ConflictDetail {
  readonly pivot: string;
  readonly subject: string;
  readonly side: "upper" | "lower";
  readonly pivotBound: { readonly relation: Relation; readonly value: string };
  readonly implied: { readonly relation: Relation; readonly value: string };
  readonly others: readonly string[];
  readonly usesDomain: boolean;
  readonly identities: readonly { readonly id: string; readonly text: string }[];
  readonly unit: "money" | "fraction";
  readonly currency: string | null;
}

export interface Gap {
  readonly claim: string;
  readonly text: string;
  /** Only when the report is asked for it (`gapDetails`); the CLI's report leaves it out. */
  readonly detail?: GapDetail;
}

/** The claims dossier as the CLI's `--format json` and the API write it (SPEC OUT-1, APP-3). */
export interface ClaimsJson {
  readonly company: string;
  readonly currency: string;
  readonly sources: readonly Record<string, unknown>[];
  readonly claims: readonly Record<string, unknown>[];
  readonly timeline: readonly Record<string, unknown>[];
  readonly consistent: boolean;
  readonly conflicts: readonly {
    readonly claims: readonly string[];
    readonly explanation: string;
    /** Only when the report is asked for it (`conflictDetails`); the CLI's report leaves it out. */
    readonly detail?: ConflictDetail;
  }[];
  readonly gaps: readonly Gap[];
  readonly readings: readonly {
    readonly claims: readonly string[];
    readonly dropped: readonly string[];
    readonly weight: string;
    readonly ranges: readonly RangeRow[];
  }[];
  /** The ranges under the claims the user chose (`--claims`), when given. */
  readonly chosen: { readonly claims: readonly string[]; readonly ranges: readonly RangeRow[] } | null;
  readonly complete: boolean;
}

/** A range's ends as a person reads them: "[$40B, $60B]", "(no lower end, 10%)". */
export function rangeText(r: RangeFigure): string {
  const v = (x: Rational) => formatEstimateValue(x, r.unit);
  const lo = r.min === null ? "(no lower end" : `${r.min.attained ? "[" : "("}${v(r.min.value)}`;
  const hi = r.max === null ? "no upper end)" : `${v(r.max.value)}${r.max.attained ? "]" : ")"}`;
  return `${lo}, ${hi}`;
}

function rangeRow(r: RangeFigure): RangeRow {
  return {
    quantity: r.quantity?.id ?? null,
    label: r.label,
    min: r.min === null ? null : decimal(r.min.value),
    minAttained: r.min?.attained ?? false,
    max: r.max === null ? null : decimal(r.max.value),
    maxAttained: r.max?.attained ?? false,
    text: rangeText(r),
  };
}

/** A gap in English words, as the JSON's `text` writes it. */
export function gapText(g: GapExplanation): string {
  const v = (x: Rational) => formatEstimateValue(x, g.params.unit);
  const group = g.params.group.id;
  return g.code === "claims_gap_exceeds"
    ? `the members' own upper ends (${g.params.members.map((m) => m.id).join(", ")}) add up to ${v(g.params.sum)}, more than the ${v(g.params.bound)} that claim "${group}" allows the group: they cannot all reach their bounds together`
    : `the members' upper ends add up to ${v(g.params.sum)}, less than the ${v(g.params.bound)} that claim "${group}" needs`;
}

function gapDetail(g: GapExplanation): GapDetail {
  const unit = g.params.unit;
  return {
    kind: g.code === "claims_gap_exceeds" ? "exceeds" : "short",
    members: g.params.members.map((m) => m.id),
    sum: decimal(g.params.sum),
    bound: decimal(g.params.bound),
    unit: unit.kind === "fraction" ? "fraction" : "money",
    currency: unit.kind === "fraction" ? null : unit.currency,
  };
}

function conflictDetail(e: ConflictExplanation): ConflictDetail {
  const p = e.params;
  return {
    pivot: p.pivot.id,
    subject: p.subject,
    side: p.side,
    pivotBound: { relation: p.pivotBound.relation, value: decimal(p.pivotBound.value) },
    implied: { relation: p.implied.relation, value: decimal(p.implied.value) },
    others: p.others.map((o) => o.id),
    usesDomain: p.usesDomain,
    identities: [...p.identities],
    unit: p.unit.kind === "fraction" ? "fraction" : "money",
    currency: p.unit.kind === "money" ? p.unit.currency : null,
  };
}

/**
 * The claims dossier's JSON (`roundtable claims --format json`, the API): sources, claims,
 * timeline, conflicts, readings and their feasible ranges (SPEC UNC-REC), ids where the
 * typed report has refs. With `gapDetails` / `conflictDetails`, each gap or conflict also
 * carries its figures as structure (`detail`), which the CLI's and the API's JSON leave out.
 */
export function claimsJson(
  report: ClaimsReport,
  options: { gapDetails?: boolean; conflictDetails?: boolean } = {},
): ClaimsJson {
  const ids = (refs: readonly { readonly id: string }[]) => refs.map((r) => r.id);
  return {
    company: report.company.name,
    currency: report.company.currency,
    sources: report.sources.map((s) => ({
      id: s.source.id,
      type: s.type,
      publisher: s.publisher,
      title: s.title,
      date: s.date,
      language: s.language,
      url: s.url,
      reliability: "grade" in s.reliability ? s.reliability.grade : decimal(s.reliability.score),
    })),
    claims: report.claims.map((c) => ({
      id: c.claim.id,
      source: c.source.id,
      about: ids(c.about),
      subject: c.subject,
      value: formatEstimate(c.value),
      qualifier: c.value.qualifier,
      min: c.value.lower ? decimal(c.value.lower.value) : null,
      minStrict: c.value.lower?.strict ?? false,
      max: c.value.upper ? decimal(c.value.upper.value) : null,
      maxStrict: c.value.upper?.strict ?? false,
      attribution: c.attribution,
      status: c.status,
      evidence: c.evidence,
      date: c.date,
      weight: c.weight.toPrecision(6),
      text: c.text,
    })),
    timeline: report.timeline.map((e) => ({
      date: e.date ?? null,
      claim: e.claim.id,
      source: e.source.id,
      subject: e.subject,
      value: e.value,
      status: e.status,
      change: e.change,
      previous: e.previous?.id ?? null,
    })),
    consistent: report.consistent,
    conflicts: report.conflicts.map((c) => ({
      claims: ids(c.claims),
      explanation: c.explanation.params.text,
      ...(options.conflictDetails ? { detail: conflictDetail(c.explanation) } : {}),
    })),
    gaps: report.gaps.map((g) => ({
      claim: g.claim.id,
      text: gapText(g.explanation),
      ...(options.gapDetails ? { detail: gapDetail(g.explanation) } : {}),
    })),
    readings: report.readings.map((r) => ({
      claims: ids(r.claims),
      dropped: ids(r.dropped),
      weight: r.weight.toPrecision(6),
      ranges: r.ranges.map(rangeRow),
    })),
    chosen: report.chosen
      ? { claims: ids(report.chosen.claims), ranges: report.chosen.ranges.map(rangeRow) }
      : null,
    complete: report.complete,
  };
}

/**
 * The claims report's JSON for a deal (`claimsJson` of the typed dossier); with
 * `gapDetails` / `conflictDetails` the gaps and conflicts carry their figures as structure.
 */
export function claimsReport(
  deal: Deal,
  chosenClaims?: readonly string[],
  options: { gapDetails?: boolean; conflictDetails?: boolean } = {},
): ClaimsJson {
  return claimsJson(claimsReportOf(deal, chosenClaims), options);
}

/** The ids of a chosen claim set that are not claims of the deal (a `usage` problem for the caller). */
export function unknownClaims(deal: Deal, chosen: readonly string[]): string[] {
  const u = deal.uncertainty;
  if (!u) return [];
  const known = new Set(u.claimSet.claims.map((c) => c.id as string));
  return chosen.filter((c) => !known.has(c));
}
