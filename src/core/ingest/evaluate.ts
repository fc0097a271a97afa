/**
 * Scoring an ingestion against a gold annotation (ING-EVAL). A predicted claim matches a
 * gold claim when all of these hold:
 *  - the same kind (a valuation whose basis is not stated matches a pre- or post-money one);
 *  - the same subject and the same set of counterparties (names compared folded);
 *  - the same amount: both none, or the same currency and equal min, max and point;
 *  - the same qualifier;
 *  - evidence that overlaps the gold evidence in the text.
 * Pairs are formed by a maximum bipartite matching, so the order of claims does not
 * matter. Precision, recall and F1 follow; attribution, status, temporal and vague are
 * scored separately on the matched pairs, and conflicts by their claim sets.
 */
import { Rational } from "../exact/rational.js";
import { fail, type Result } from "../shared/problem.js";
import type { ClaimJson, JsonAmountValue } from "./claim-json.js";
import { foldName } from "./text-fold.js";

export interface GoldClaim {
  readonly idx: number;
  readonly subject: string | null;
  readonly counterparty: string | readonly string[] | null;
  readonly kind: string;
  readonly amount: {
    readonly currency: string;
    readonly min: JsonAmountValue | null;
    readonly max: JsonAmountValue | null;
    readonly point: JsonAmountValue | null;
  } | null;
  readonly qualifier: string | null;
  readonly attribution: string | null;
  readonly status: string;
  readonly evidence: string;
  readonly temporal: string;
  readonly vague?: boolean;
  readonly basis_stated?: boolean;
  /**
   * Where the evidence is, when the gold gives offsets (the real-report corpus): the main
   * span and the other places the same claim is stated (headline, standfirst, body). A
   * predicted claim must overlap one of them. Without it, every occurrence of `evidence`
   * in the text counts.
   */
  readonly evidenceSpans?: readonly { readonly start: number; readonly end: number }[];
  /** Other statements of the same claim, as text (`evidence_alternatives` of a gold file written with strings). */
  readonly alternativeEvidence?: readonly string[];
}

export interface GoldDocument {
  readonly id: string;
  readonly language: string;
  readonly publicationDate: string | null;
  readonly claims: readonly GoldClaim[];
  readonly conflicts: readonly { readonly claims: readonly number[]; readonly type: string }[];
}

const KINDS = new Set([
  "round_size",
  "round_target",
  "investment",
  "valuation_pre",
  "valuation_post",
  "commercial_agreement",
  "existing_stake",
]);

/** Reads a gold file's JSON, with a clear message for each malformed field. */
export function parseGold(json: unknown, label: string): Result<GoldDocument> {
  if (typeof json !== "object" || json === null)
    return fail("usage", `${label}: the gold file is not a JSON object`);
  const doc = json as Record<string, unknown>;
  if (!Array.isArray(doc.claims)) return fail("usage", `${label}: "claims" must be a list`, ["claims"]);
  const claims: GoldClaim[] = [];
  for (let i = 0; i < doc.claims.length; i++) {
    const c = doc.claims[i] as Record<string, unknown>;
    const where = `${label}: claims[${i}]`;
    if (typeof c !== "object" || c === null) return fail("usage", `${where} is not an object`, ["claims", i]);
    if (typeof c.kind !== "string" || !KINDS.has(c.kind)) {
      return fail("usage", `${where}.kind "${String(c.kind)}" is not a claim kind`, ["claims", i, "kind"]);
    }
    if (typeof c.evidence !== "string" || c.evidence.length === 0) {
      return fail("usage", `${where}.evidence must be a non-empty string`, ["claims", i, "evidence"]);
    }
    if (
      c.amount !== null &&
      (typeof c.amount !== "object" || typeof (c.amount as { currency?: unknown }).currency !== "string")
    ) {
      return fail("usage", `${where}.amount must be null or {currency, min, max, point}`, [
        "claims",
        i,
        "amount",
      ]);
    }
    claims.push({
      idx: typeof c.idx === "number" ? c.idx : i,
      subject: typeof c.subject === "string" ? c.subject : null,
      counterparty: (c.counterparty ?? null) as GoldClaim["counterparty"],
      kind: c.kind,
      amount: (c.amount ?? null) as GoldClaim["amount"],
      qualifier: typeof c.qualifier === "string" ? c.qualifier : null,
      attribution: typeof c.attribution === "string" ? c.attribution : null,
      status: String(c.status),
      evidence: c.evidence,
      temporal: String(c.temporal),
      ...(typeof c.vague === "boolean" ? { vague: c.vague } : {}),
      ...(typeof c.basis_stated === "boolean" ? { basis_stated: c.basis_stated } : {}),
      ...(Array.isArray(c.evidence_alternatives) &&
      c.evidence_alternatives.every((e): e is string => typeof e === "string")
        ? { alternativeEvidence: c.evidence_alternatives }
        : {}),
    });
  }
  const conflicts = Array.isArray(doc.conflicts)
    ? (doc.conflicts as { claims?: unknown; type?: unknown }[])
        .filter((k) => Array.isArray(k.claims))
        .map((k) => ({ claims: (k.claims as unknown[]).map(Number), type: String(k.type) }))
    : [];
  return {
    ok: true,
    value: {
      id: typeof doc.id === "string" ? doc.id : label,
      language: typeof doc.language === "string" ? doc.language : "und",
      publicationDate: typeof doc.publication_date === "string" ? doc.publication_date : null,
      claims,
      conflicts,
    },
    warnings: [],
  };
}

function value(v: JsonAmountValue | null | undefined): Rational | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "number") {
    return Number.isInteger(v) ? Rational.of(BigInt(v)) : Rational.fromNumberText(v);
  }
  return Rational.parse(v) ?? null;
}

function sameValue(a: JsonAmountValue | null | undefined, b: JsonAmountValue | null | undefined): boolean {
  const x = value(a);
  const y = value(b);
  if (x === null || y === null) return x === y;
  return x.eq(y);
}

function parties(p: string | readonly string[] | null | undefined): string[] {
  if (p === null || p === undefined) return [];
  return (typeof p === "string" ? [p] : [...p]).map(foldName).sort();
}

function sameParties(a: string | readonly string[] | null, b: string | readonly string[] | null): boolean {
  const x = parties(a);
  const y = parties(b);
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

function isValuation(kind: string): boolean {
  return kind === "valuation_pre" || kind === "valuation_post";
}

function sameKind(gold: GoldClaim, predicted: ClaimJson): boolean {
  if (gold.kind === predicted.kind) return true;
  return (
    isValuation(gold.kind) &&
    isValuation(predicted.kind) &&
    (gold.basis_stated === false || predicted.basis_stated === false)
  );
}

/** All the places the gold evidence occurs in the text. */
function goldSpans(text: string, evidence: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (let at = text.indexOf(evidence); at >= 0; at = text.indexOf(evidence, at + 1)) {
    out.push({ start: at, end: at + evidence.length });
  }
  return out;
}

/** How claims are paired (ING-EVAL-1, ING-EVAL-4). */
export interface MatchOptions {
  /**
   * True (the default): the subject is part of the match. False: the match is kind,
   * counterparty and amount, and the subject is scored as a field on matched pairs (the
   * real-report evaluation, where "company raising money" has its own target).
   */
  readonly matchSubject?: boolean;
}

export function claimsMatch(
  text: string,
  gold: GoldClaim,
  predicted: ClaimJson,
  options: MatchOptions = {},
): boolean {
  if (!sameKind(gold, predicted)) return false;
  if ((options.matchSubject ?? true) && foldName(gold.subject ?? "") !== foldName(predicted.subject ?? ""))
    return false;
  if (!sameParties(gold.counterparty, predicted.counterparty)) return false;
  if ((gold.amount === null) !== (predicted.amount === null)) return false;
  if (gold.amount && predicted.amount) {
    if (gold.amount.currency !== predicted.amount.currency) return false;
    if (!sameValue(gold.amount.min, predicted.amount.min)) return false;
    if (!sameValue(gold.amount.max, predicted.amount.max)) return false;
    if (!sameValue(gold.amount.point, predicted.amount.point)) return false;
  }
  if (gold.qualifier !== predicted.qualifier) return false;
  const spans =
    gold.evidenceSpans ??
    [gold.evidence, ...(gold.alternativeEvidence ?? [])].flatMap((e) => goldSpans(text, e));
  return spans.some((g) => g.start < predicted.end && predicted.start < g.end);
}

/** A maximum matching of gold to predicted claims (augmenting paths). Returns gold index → predicted index. */
export function matchClaims(
  text: string,
  gold: readonly GoldClaim[],
  predicted: readonly ClaimJson[],
  options: MatchOptions = {},
): Map<number, number> {
  const edges = gold.map((g) =>
    predicted.map((p, j) => (claimsMatch(text, g, p, options) ? j : -1)).filter((j) => j >= 0),
  );
  const predictedTo = new Map<number, number>();
  const tryAssign = (g: number, seen: Set<number>): boolean => {
    for (const p of edges[g]!) {
      if (seen.has(p)) continue;
      seen.add(p);
      const holder = predictedTo.get(p);
      if (holder === undefined || tryAssign(holder, seen)) {
        predictedTo.set(p, g);
        return true;
      }
    }
    return false;
  };
  for (let g = 0; g < gold.length; g++) tryAssign(g, new Set());
  const out = new Map<number, number>();
  for (const [p, g] of predictedTo) out.set(g, p);
  return out;
}

export interface Scores {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export function scores(tp: number, fp: number, fn: number): Scores {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

export interface FieldAccuracy {
  readonly correct: number;
  readonly total: number;
}

export interface DocumentEvaluation {
  readonly id: string;
  readonly language: string;
  readonly scores: Scores;
  readonly missed: readonly GoldClaim[];
  readonly spurious: readonly ClaimJson[];
  /** Matched pairs whose attribution, status, temporal or vague differ. */
  readonly fieldErrors: readonly {
    gold: number;
    predicted: number;
    field: string;
    expected: unknown;
    got: unknown;
  }[];
  readonly conflicts: Scores;
  /** Gold evidence not found in the text: the annotation is wrong. */
  readonly evidenceNotFound: readonly number[];
}

export interface Evaluation {
  readonly overall: Scores;
  readonly byKind: Readonly<Record<string, Scores>>;
  readonly byLanguage: Readonly<Record<string, Scores>>;
  readonly fields: Readonly<
    Record<"subject" | "attribution" | "status" | "temporal" | "vague", FieldAccuracy>
  >;
  readonly conflicts: Scores;
  readonly documents: readonly DocumentEvaluation[];
}

export interface EvaluationInput {
  readonly id: string;
  readonly text: string;
  readonly gold: GoldDocument;
  readonly predicted: readonly ClaimJson[];
  readonly predictedConflicts: readonly { readonly claims: readonly number[] }[];
}

function sameAttribution(a: string | null, b: string | null): boolean {
  return foldName(a ?? "") === foldName(b ?? "");
}

export function evaluate(inputs: readonly EvaluationInput[], options: MatchOptions = {}): Evaluation {
  const count = () => ({ tp: 0, fp: 0, fn: 0 });
  const overall = count();
  const byKind: Record<string, { tp: number; fp: number; fn: number }> = {};
  const byLanguage: Record<string, { tp: number; fp: number; fn: number }> = {};
  const fields = {
    subject: { correct: 0, total: 0 },
    attribution: { correct: 0, total: 0 },
    status: { correct: 0, total: 0 },
    temporal: { correct: 0, total: 0 },
    vague: { correct: 0, total: 0 },
  };
  const conflictCount = count();
  const documents: DocumentEvaluation[] = [];
  const bump = (
    table: Record<string, { tp: number; fp: number; fn: number }>,
    key: string,
    field: "tp" | "fp" | "fn",
  ) => {
    table[key] ??= count();
    table[key][field]++;
  };
  for (const input of inputs) {
    const { text, gold, predicted } = input;
    const language = gold.language;
    const matching = matchClaims(text, gold.claims, predicted, options);
    const matchedPredicted = new Set(matching.values());
    const doc = count();
    const fieldErrors: DocumentEvaluation["fieldErrors"][number][] = [];
    gold.claims.forEach((g, gi) => {
      const pi = matching.get(gi);
      if (pi === undefined) {
        doc.fn++;
        bump(byKind, g.kind, "fn");
        bump(byLanguage, language, "fn");
        return;
      }
      doc.tp++;
      bump(byKind, g.kind, "tp");
      bump(byLanguage, language, "tp");
      const p = predicted[pi]!;
      const check = (field: keyof typeof fields, ok: boolean, expected: unknown, got: unknown) => {
        fields[field].total++;
        if (ok) fields[field].correct++;
        else fieldErrors.push({ gold: gi, predicted: pi, field, expected, got });
      };
      check("subject", foldName(g.subject ?? "") === foldName(p.subject ?? ""), g.subject, p.subject);
      check("attribution", sameAttribution(g.attribution, p.attribution), g.attribution, p.attribution);
      check("status", g.status === p.status, g.status, p.status);
      check("temporal", g.temporal === p.temporal, g.temporal, p.temporal);
      check("vague", (g.vague ?? false) === p.vague, g.vague ?? false, p.vague);
    });
    predicted.forEach((p, pi) => {
      if (matchedPredicted.has(pi)) return;
      doc.fp++;
      bump(byKind, p.kind, "fp");
      bump(byLanguage, language, "fp");
    });
    overall.tp += doc.tp;
    overall.fp += doc.fp;
    overall.fn += doc.fn;
    // Conflicts: a predicted conflict matches a gold one when its claims map onto the same set.
    const predictedToGold = new Map<number, number>();
    for (const [g, p] of matching) predictedToGold.set(p, g);
    const goldSets = gold.conflicts.map((k) => [...k.claims].sort((a, b) => a - b).join(","));
    const predictedSets = input.predictedConflicts.map((k) =>
      k.claims
        .map((p) => predictedToGold.get(p) ?? -1 - p)
        .sort((a, b) => a - b)
        .join(","),
    );
    const usedGold = new Set<number>();
    let conflictTp = 0;
    for (const set of predictedSets) {
      const at = goldSets.findIndex((g, k) => g === set && !usedGold.has(k));
      if (at >= 0) {
        usedGold.add(at);
        conflictTp++;
      }
    }
    const docConflicts = scores(conflictTp, predictedSets.length - conflictTp, goldSets.length - conflictTp);
    conflictCount.tp += docConflicts.tp;
    conflictCount.fp += docConflicts.fp;
    conflictCount.fn += docConflicts.fn;
    documents.push({
      id: input.id,
      language,
      scores: scores(doc.tp, doc.fp, doc.fn),
      missed: gold.claims.filter((_, gi) => !matching.has(gi)),
      spurious: predicted.filter((_, pi) => !matchedPredicted.has(pi)),
      fieldErrors,
      conflicts: docConflicts,
      evidenceNotFound: gold.claims
        .filter((g) => g.evidenceSpans === undefined && goldSpans(text, g.evidence).length === 0)
        .map((g) => g.idx),
    });
  }
  const toScores = (table: Record<string, { tp: number; fp: number; fn: number }>) =>
    Object.fromEntries(
      Object.keys(table)
        .sort()
        .map((k) => [k, scores(table[k]!.tp, table[k]!.fp, table[k]!.fn)]),
    );
  return {
    overall: scores(overall.tp, overall.fp, overall.fn),
    byKind: toScores(byKind),
    byLanguage: toScores(byLanguage),
    fields,
    conflicts: scores(conflictCount.tp, conflictCount.fp, conflictCount.fn),
    documents,
  };
}
