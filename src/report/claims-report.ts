import { Rational } from "../core/exact/rational.js";
import type { Claim, ClaimSet } from "../core/uncertainty/claim.js";
import { describeClaim } from "../core/uncertainty/claim.js";
import type { ConflictExplanation, Relation } from "../core/uncertainty/conflict-explanation.js";
import { formatEstimate, formatEstimateValue } from "../core/uncertainty/estimate.js";
import type { FeasibleRange } from "../core/uncertainty/reconcile.js";
import { feasibleRanges } from "../core/uncertainty/reconcile.js";
import { reliabilityScore } from "../core/uncertainty/source.js";
import { claimTimeline } from "../core/uncertainty/timeline.js";
import type { Deal } from "../deal/build.js";
import { TERMS_SOURCE_ID } from "../deal/uncertain.js";
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

export interface ClaimsReport {
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

function rangeRow(r: FeasibleRange): RangeRow {
  const v = (x: Rational) => formatEstimateValue(x, r.unit);
  const lo = r.min === undefined ? "(no lower end" : `${r.min.attained ? "[" : "("}${v(r.min.value)}`;
  const hi = r.max === undefined ? "no upper end)" : `${v(r.max.value)}${r.max.attained ? "]" : ")"}`;
  return {
    quantity: r.quantity ?? null,
    label: r.label,
    min: r.min === undefined ? null : decimal(r.min.value),
    minAttained: r.min?.attained ?? false,
    max: r.max === undefined ? null : decimal(r.max.value),
    maxAttained: r.max?.attained ?? false,
    text: `${lo}, ${hi}`,
  };
}

/**
 * Gaps between a group's claim and its members' own claims (SPEC UNC-REC-8): when the
 * members' upper ends add up to more than the group's upper end, not all of them can reach
 * their bounds together; when their lower ends add up to less than the group's lower end,
 * the group needs more than their stated minimums. Not conflicts: tensions worth seeing.
 */
function gaps(claims: readonly Claim[], withDetail: boolean): Gap[] {
  const out: Gap[] = [];
  const direct = (q: string) =>
    claims.filter((c) => c.subject.terms.length === 1 && c.subject.terms[0]!.quantity === q);
  for (const group of claims) {
    if (group.subject.terms.length < 2 || group.source === TERMS_SOURCE_ID) continue;
    const unit = group.value.unit;
    const v = (x: Rational) => formatEstimateValue(x, unit);
    const detail = (kind: GapDetail["kind"], sum: Rational, bound: Rational) =>
      withDetail
        ? {
            detail: {
              kind,
              members: [...upperClaims],
              sum: decimal(sum),
              bound: decimal(bound),
              unit: unit.kind === "fraction" ? ("fraction" as const) : ("money" as const),
              currency: unit.kind === "fraction" ? null : unit.currency,
            },
          }
        : {};
    let upper: Rational | undefined = Rational.ZERO;
    const upperClaims: string[] = [];
    for (const term of group.subject.terms) {
      const ups = direct(term.quantity).filter((c) => c.value.upper !== undefined);
      if (ups.length === 0) {
        upper = undefined;
        break;
      }
      const tightest = ups.reduce((a, b) => (b.value.upper!.value.lt(a.value.upper!.value) ? b : a));
      upper = upper.add(tightest.value.upper!.value);
      upperClaims.push(tightest.id);
    }
    const groupUpper = group.value.upper?.value;
    if (upper !== undefined && groupUpper !== undefined && upper.gt(groupUpper)) {
      out.push({
        claim: group.id,
        text: `the members' own upper ends (${upperClaims.join(", ")}) add up to ${v(upper)}, more than the ${v(groupUpper)} that claim "${group.id}" allows the group: they cannot all reach their bounds together`,
        ...detail("exceeds", upper, groupUpper),
      });
    }
    const groupLower = group.value.lower?.value;
    if (upper !== undefined && groupLower !== undefined && upper.lt(groupLower)) {
      out.push({
        claim: group.id,
        text: `the members' upper ends add up to ${v(upper)}, less than the ${v(groupLower)} that claim "${group.id}" needs`,
        ...detail("short", upper, groupLower),
      });
    }
  }
  return out;
}

function conflictDetail(set: ClaimSet, e: ConflictExplanation): ConflictDetail {
  const unit = set.claims.find((c) => c.id === e.pivot)?.value.unit;
  return {
    pivot: e.pivot,
    subject: e.subject,
    side: e.pivotBound.relation === "<=" || e.pivotBound.relation === "<" ? "upper" : "lower",
    pivotBound: { relation: e.pivotBound.relation, value: decimal(e.pivotBound.value) },
    implied: { relation: e.implied.relation, value: decimal(e.implied.value) },
    others: [...e.others],
    usesDomain: e.usesDomain,
    identities: e.identities.map((id) => ({
      id,
      text: set.model.identities.find((i) => i.id === id)?.text ?? id,
    })),
    unit: unit?.kind === "fraction" ? "fraction" : "money",
    currency: unit?.kind === "money" ? unit.currency : null,
  };
}

/**
 * The claims report (`roundtable claims`): sources, claims, timeline, conflicts, readings
 * and their feasible ranges (SPEC UNC-REC). With `gapDetails`, each gap also carries its
 * figures as structure (`detail`), which the CLI's report leaves out.
 */
export function claimsReport(
  deal: Deal,
  chosenClaims?: readonly string[],
  options: { gapDetails?: boolean; conflictDetails?: boolean } = {},
): ClaimsReport {
  const u = deal.uncertainty;
  const company = deal.ledger.company;
  if (!u) {
    return {
      company: company.name,
      currency: company.currency,
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
  const rangesOf = (claims: readonly string[]): RangeRow[] => {
    const ranges = feasibleRanges(set, claims as never);
    return ranges.ok ? ranges.value.quantities.map(rangeRow) : [];
  };
  const chosen: ClaimsReport["chosen"] = chosenClaims
    ? { claims: [...chosenClaims], ranges: rangesOf(chosenClaims) }
    : null;
  return {
    company: company.name,
    currency: company.currency,
    sources: [...set.sources.values()].map((s) => ({
      id: s.id,
      type: s.type,
      publisher: s.publisher ?? null,
      title: s.title ?? null,
      date: s.date ?? null,
      language: s.language ?? null,
      url: s.url ?? null,
      reliability:
        s.reliability.kind === "grade" ? s.reliability.grade : decimal(reliabilityScore(s.reliability)),
    })),
    claims: set.claims.map((c) => ({
      id: c.id,
      source: c.source,
      about: c.subject.terms.map((t) => t.quantity),
      subject: c.subjectLabel,
      value: formatEstimate(c.value),
      qualifier: c.value.qualifier,
      min: c.value.lower ? decimal(c.value.lower.value) : null,
      minStrict: c.value.lower?.strict ?? false,
      max: c.value.upper ? decimal(c.value.upper.value) : null,
      maxStrict: c.value.upper?.strict ?? false,
      attribution: c.attribution ?? null,
      status: c.status,
      evidence: c.evidence?.text ?? null,
      date: c.date ?? null,
      weight: (r.weights.get(c.id) ?? 0).toPrecision(6),
      text: describeClaim(c),
    })),
    timeline: claimTimeline(set).map((e) => ({
      date: e.date ?? null,
      claim: e.claim,
      source: e.source,
      subject: e.subject,
      value: e.value,
      status: e.status,
      change: e.change,
      previous: e.previous ?? null,
    })),
    consistent: r.consistent,
    conflicts: r.conflicts.map((c) => ({
      claims: [...c.claims],
      explanation: c.explanation.text,
      ...(options.conflictDetails ? { detail: conflictDetail(set, c.explanation) } : {}),
    })),
    gaps: gaps(set.claims, options.gapDetails ?? false),
    readings: r.readings.map((reading) => ({
      claims: [...reading.claims],
      dropped: [...reading.dropped],
      weight: reading.weight.toPrecision(6),
      ranges: rangesOf(reading.claims),
    })),
    chosen,
    complete: r.complete,
  };
}

/** The ids of a chosen claim set that are not claims of the deal (a `usage` problem for the caller). */
export function unknownClaims(deal: Deal, chosen: readonly string[]): string[] {
  const u = deal.uncertainty;
  if (!u) return [];
  const known = new Set(u.claimSet.claims.map((c) => c.id as string));
  return chosen.filter((c) => !known.has(c));
}
