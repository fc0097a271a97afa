import { Rational } from "../core/exact/rational.js";
import type { Claim, ClaimSet } from "../core/uncertainty/claim.js";
import { describeClaim } from "../core/uncertainty/claim.js";
import type { Relation } from "../core/uncertainty/conflict-explanation.js";
import { type Estimate, type EstimateUnit, formatEstimate } from "../core/uncertainty/estimate.js";
import type { FeasibleRange } from "../core/uncertainty/reconcile.js";
import { feasibleRanges } from "../core/uncertainty/reconcile.js";
import { reliabilityScore, type Source } from "../core/uncertainty/source.js";
import { claimTimeline, type TimelineEntry } from "../core/uncertainty/timeline.js";
import type { Deal } from "../deal/build.js";
import { TERMS_SOURCE_ID } from "../deal/uncertain.js";
import type { Explanation, Ref } from "./use-case.js";

/**
 * A claim as a report names it: "Amazon: up to $50B" (its name, in English), with what it is
 * about and its estimate, so that the French renderer words it again (APP-9).
 */
export interface ClaimRef extends Ref {
  readonly subject?: string;
  /** What the claim is about, in French (APP-9). */
  readonly subjectFr?: string;
  readonly estimate?: Estimate;
}

/**
 * The typed claims dossier (APP-2, SPEC UNC-REC): sources, claims, their timeline, the
 * conflicts and gaps as explanations (a code and exact parameters), and each consistent
 * reading's feasible ranges with their unit. Every claim, source and quantity is a `Ref`
 * with its display name: a claim is named by what it is about and what it says
 * ("Amazon + Nvidia + Microsoft: about $40B"), a source by its publisher or title. The JSON is
 * `claimsJson` (src/report/claims-report.ts), the text `claimsText` (src/report/claims-text.ts),
 * the PDF and XLSX src/render/reports/claims.ts.
 */
export interface ClaimsReport {
  readonly company: { readonly name: string; readonly currency: string };
  readonly sources: readonly {
    readonly source: Ref;
    readonly type: Source["type"];
    readonly publisher: string | null;
    readonly title: string | null;
    readonly date: string | null;
    readonly language: string | null;
    readonly url: string | null;
    /** A letter grade as stated, or a score in 0..1. */
    readonly reliability: { readonly grade: string } | { readonly score: Rational };
  }[];
  readonly claims: readonly {
    readonly claim: ClaimRef;
    readonly source: Ref;
    /** The quantities the claim is about (several for a group claim). */
    readonly about: readonly Ref[];
    /** What the claim is about, in words: "Amazon + Nvidia + Microsoft". */
    readonly subject: string;
    /** The same in French: "participation de Microsoft" (APP-9). */
    readonly subjectFr: string;
    readonly value: Estimate;
    readonly attribution: string | null;
    readonly status: Claim["status"];
    readonly evidence: string | null;
    readonly date: string | null;
    /** The claim's weight in the reconciliation (a float, 0..1). */
    readonly weight: number;
    /** The claim in one English sentence (the JSON's `text`). */
    readonly text: string;
  }[];
  readonly timeline: readonly (Omit<TimelineEntry, "claim" | "source" | "previous"> & {
    readonly claim: ClaimRef;
    readonly source: Ref;
    readonly previous: ClaimRef | null;
  })[];
  readonly consistent: boolean;
  readonly conflicts: readonly {
    readonly claims: readonly ClaimRef[];
    readonly explanation: ConflictExplanation;
  }[];
  readonly gaps: readonly { readonly claim: ClaimRef; readonly explanation: GapExplanation }[];
  readonly readings: readonly Reading[];
  /** The ranges under the claims the user chose, when given. */
  readonly chosen: { readonly claims: readonly ClaimRef[]; readonly ranges: readonly RangeFigure[] } | null;
  /** False when a limit stopped the enumeration of readings. */
  readonly complete: boolean;
}

/** A consistent reading: the claims it keeps, those it drops, its weight (a float) and ranges. */
export interface Reading {
  readonly claims: readonly ClaimRef[];
  readonly dropped: readonly ClaimRef[];
  readonly weight: number;
  readonly ranges: readonly RangeFigure[];
}

/** A feasible range: the quantity (null for a group subject), its label, exact ends and unit. */
export interface RangeFigure {
  readonly quantity: Ref | null;
  readonly label: string;
  readonly labelFr: string;
  readonly unit: EstimateUnit;
  readonly min: { readonly value: Rational; readonly attained: boolean } | null;
  readonly max: { readonly value: Rational; readonly attained: boolean } | null;
}

/**
 * Why claims cannot all hold (`claims_conflict`): the pivot claim and which end of it the
 * others contradict, both bounds exact with their relation, the other claims, whether the
 * domain (no negative amount, fractions up to 100%) and which identities take part, and the
 * engine's English sentence (`text`, the JSON's `explanation`).
 */
export type ConflictExplanation = Explanation<
  "claims_conflict",
  {
    readonly pivot: ClaimRef;
    readonly subject: string;
    readonly side: "upper" | "lower";
    readonly pivotBound: { readonly relation: Relation; readonly value: Rational };
    readonly implied: { readonly relation: Relation; readonly value: Rational };
    readonly others: readonly ClaimRef[];
    readonly usesDomain: boolean;
    readonly identities: readonly { readonly id: string; readonly text: string }[];
    readonly unit: EstimateUnit;
    readonly text: string;
  }
>;

/**
 * A gap between a group's claim and its members' own claims (UNC-REC-8):
 * `claims_gap_exceeds` when the members' upper ends add up to more than the group's upper
 * end, `claims_gap_short` when they add up to less than its lower end.
 */
export type GapExplanation = Explanation<
  "claims_gap_exceeds" | "claims_gap_short",
  {
    readonly group: ClaimRef;
    readonly members: readonly ClaimRef[];
    readonly sum: Rational;
    readonly bound: Rational;
    readonly unit: EstimateUnit;
  }
>;

/** The claims dossier of a deal, with the user's own claim set's ranges first when given. */
export function claimsReportOf(deal: Deal, chosenClaims?: readonly string[]): ClaimsReport {
  const u = deal.uncertainty;
  const company = { name: deal.ledger.company.name, currency: deal.ledger.company.currency as string };
  if (!u) {
    return {
      company,
      sources: [],
      claims: [],
      timeline: [],
      consistent: true,
      conflicts: [],
      gaps: [],
      readings: [],
      chosen: null,
      complete: true,
    };
  }
  const set = u.claimSet;
  const r = u.reconciliation;
  const sourceRef = (id: string): Ref => {
    const s = set.sources.get(id as never);
    return { id, name: s?.publisher ?? s?.title ?? id };
  };
  const claimsById = new Map(set.claims.map((c) => [c.id as string, c]));
  const claimRef = (id: string): ClaimRef => {
    const c = claimsById.get(id);
    return c
      ? {
          id,
          name: `${c.subjectLabel}: ${formatEstimate(c.value)}`,
          subject: c.subjectLabel,
          subjectFr: c.subjectLabelFr,
          estimate: c.value,
        }
      : { id, name: id };
  };
  const quantities = new Map(set.model.quantities.map((q) => [q.id as string, q]));
  const quantityRef = (id: string): Ref => {
    const q = quantities.get(id);
    return { id, name: q?.label ?? id, ...(q && q.labelFr !== q.label ? { nameFr: q.labelFr } : {}) };
  };
  const rangesOf = (claims: readonly string[]): RangeFigure[] => {
    const ranges = feasibleRanges(set, claims as never);
    return ranges.ok ? ranges.value.quantities.map((x) => rangeFigure(x, quantityRef)) : [];
  };
  return {
    company,
    sources: [...set.sources.values()].map((s) => ({
      source: sourceRef(s.id),
      type: s.type,
      publisher: s.publisher ?? null,
      title: s.title ?? null,
      date: s.date ?? null,
      language: s.language ?? null,
      url: s.url ?? null,
      reliability:
        s.reliability.kind === "grade"
          ? { grade: s.reliability.grade }
          : { score: reliabilityScore(s.reliability) },
    })),
    claims: set.claims.map((c) => ({
      claim: claimRef(c.id),
      source: sourceRef(c.source),
      about: c.subject.terms.map((t) => quantityRef(t.quantity)),
      subject: c.subjectLabel,
      subjectFr: c.subjectLabelFr,
      value: c.value,
      attribution: c.attribution ?? null,
      status: c.status,
      evidence: c.evidence?.text ?? null,
      date: c.date ?? null,
      weight: r.weights.get(c.id) ?? 0,
      text: describeClaim(c),
    })),
    timeline: claimTimeline(set).map((e) => ({
      ...e,
      claim: claimRef(e.claim),
      source: sourceRef(e.source),
      previous: e.previous === undefined ? null : claimRef(e.previous),
    })),
    consistent: r.consistent,
    conflicts: r.conflicts.map((c) => ({
      claims: c.claims.map(claimRef),
      explanation: conflictExplanation(set, c.explanation, claimRef),
    })),
    gaps: gaps(set.claims, claimRef),
    readings: r.readings.map((reading) => ({
      claims: reading.claims.map(claimRef),
      dropped: reading.dropped.map(claimRef),
      weight: reading.weight,
      ranges: rangesOf(reading.claims),
    })),
    chosen: chosenClaims ? { claims: chosenClaims.map(claimRef), ranges: rangesOf(chosenClaims) } : null,
    complete: r.complete,
  };
}

function rangeFigure(r: FeasibleRange, quantityRef: (id: string) => Ref): RangeFigure {
  return {
    quantity: r.quantity === undefined ? null : quantityRef(r.quantity),
    label: r.label,
    labelFr: r.labelFr,
    unit: r.unit,
    min: r.min === undefined ? null : { value: r.min.value, attained: r.min.attained },
    max: r.max === undefined ? null : { value: r.max.value, attained: r.max.attained },
  };
}

function conflictExplanation(
  set: ClaimSet,
  e: import("../core/uncertainty/conflict-explanation.js").ConflictExplanation,
  claimRef: (id: string) => ClaimRef,
): ConflictExplanation {
  const unit = set.claims.find((c) => c.id === e.pivot)?.value.unit ?? { kind: "fraction" as const };
  return {
    code: "claims_conflict",
    params: {
      pivot: claimRef(e.pivot),
      subject: e.subject,
      side: e.pivotBound.relation === "<=" || e.pivotBound.relation === "<" ? "upper" : "lower",
      pivotBound: e.pivotBound,
      implied: e.implied,
      others: e.others.map(claimRef),
      usesDomain: e.usesDomain,
      identities: e.identities.map((id) => ({
        id,
        text: set.model.identities.find((i) => i.id === id)?.text ?? id,
      })),
      unit,
      text: e.text,
    },
  };
}

/**
 * Gaps between a group's claim and its members' own claims (SPEC UNC-REC-8): when the
 * members' upper ends add up to more than the group's upper end, not all of them can reach
 * their bounds together; when their upper ends add up to less than the group's lower end,
 * the group needs more than they allow. Not conflicts: tensions worth seeing.
 */
function gaps(claims: readonly Claim[], claimRef: (id: string) => ClaimRef): ClaimsReport["gaps"] {
  const out: ClaimsReport["gaps"][number][] = [];
  const direct = (q: string) =>
    claims.filter((c) => c.subject.terms.length === 1 && c.subject.terms[0]!.quantity === q);
  for (const group of claims) {
    if (group.subject.terms.length < 2 || group.source === TERMS_SOURCE_ID) continue;
    let upper: Rational | undefined = Rational.ZERO;
    const members: string[] = [];
    for (const term of group.subject.terms) {
      const ups = direct(term.quantity).filter((c) => c.value.upper !== undefined);
      if (ups.length === 0) {
        upper = undefined;
        break;
      }
      const tightest = ups.reduce((a, b) => (b.value.upper!.value.lt(a.value.upper!.value) ? b : a));
      upper = upper.add(tightest.value.upper!.value);
      members.push(tightest.id);
    }
    if (upper === undefined) continue;
    const gap = (code: GapExplanation["code"], bound: Rational) =>
      out.push({
        claim: claimRef(group.id),
        explanation: {
          code,
          params: {
            group: claimRef(group.id),
            members: members.map(claimRef),
            sum: upper!,
            bound,
            unit: group.value.unit,
          },
        },
      });
    const groupUpper = group.value.upper?.value;
    if (groupUpper !== undefined && upper.gt(groupUpper)) gap("claims_gap_exceeds", groupUpper);
    const groupLower = group.value.lower?.value;
    if (groupLower !== undefined && upper.lt(groupLower)) gap("claims_gap_short", groupLower);
  }
  return out;
}
