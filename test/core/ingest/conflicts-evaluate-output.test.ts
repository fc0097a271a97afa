/**
 * Conflict intervals, the evaluator's matching, the accuracy on the founding report and
 * the corpus, and the output forms (docs/spec/ingest.md ING-CONF, ING-EVAL, ING-OUT,
 * ING-DEAL).
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateCorpus } from "../../../scripts/eval-ingest.js";
import { Rational } from "../../../src/core/exact/rational.js";
import { type ClaimJson, ingestOutputToJson, jsonNumber } from "../../../src/core/ingest/claim-json.js";
import { type ConflictInput, disjoint, intervalOf } from "../../../src/core/ingest/conflicts.js";
import { toDealDraft } from "../../../src/core/ingest/deal-draft.js";
import {
  claimsMatch,
  evaluate,
  type GoldClaim,
  matchClaims,
  parseGold,
  scores,
} from "../../../src/core/ingest/evaluate.js";
import { ingest } from "../../../src/core/ingest/ingest.js";
import type { Qualifier } from "../../../src/core/ingest/types.js";
import { ingestText } from "../../../src/report/ingest-text.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
/** The shared fixtures beside the main checkout, also from a worktree one level deeper (/work/wt/NAME). */
const fixtures =
  [path.resolve(root, "../shared/fixtures"), path.resolve(root, "../../shared/fixtures")].find((dir) =>
    existsSync(dir),
  ) ?? path.resolve(root, "../shared/fixtures");

function claim(qualifier: Qualifier, a: string, b?: string): ConflictInput {
  const v = Rational.parse(a)!;
  const w = b === undefined ? null : Rational.parse(b)!;
  const amount = {
    currency: "USD",
    min: ["exact", "at_least", "more_than", "range"].includes(qualifier) ? v : null,
    max: qualifier === "range" ? w : ["exact", "up_to", "less_than"].includes(qualifier) ? v : null,
    point: ["exact", "about"].includes(qualifier) ? v : null,
  };
  return {
    kind: "investment",
    basisStated: undefined,
    subject: "s",
    counterparty: ["x"],
    current: true,
    alternative: false,
    amount,
    qualifier,
  };
}

describe("ING-CONF-2 ranges of hedged figures", () => {
  it.each<[Qualifier, string, string | undefined, Qualifier, string, string | undefined, boolean]>([
    ["exact", "40", undefined, "exact", "60", undefined, true],
    ["about", "40", undefined, "exact", "44", undefined, false],
    ["about", "40", undefined, "exact", "45", undefined, true],
    ["less_than", "10", undefined, "exact", "10", undefined, true],
    ["up_to", "10", undefined, "exact", "10", undefined, false],
    ["more_than", "10", undefined, "up_to", "10", undefined, true],
    ["at_least", "10", undefined, "up_to", "10", undefined, false],
    ["range", "10", "100", "up_to", "50", undefined, false],
    ["range", "10", "100", "less_than", "10", undefined, true],
    ["at_least", "1", undefined, "more_than", "1000", undefined, false],
  ])("%s %s/%s vs %s %s/%s disjoint: %s", (q1, a1, b1, q2, a2, b2, expected) => {
    expect(disjoint(intervalOf(claim(q1, a1, b1))!, intervalOf(claim(q2, a2, b2))!)).toBe(expected);
  });

  it("disjointness is symmetric, and a figure never conflicts with itself", () => {
    const qualifiers: Qualifier[] = ["exact", "about", "up_to", "less_than", "at_least", "more_than"];
    const arb = fc.tuple(fc.constantFrom(...qualifiers), fc.integer({ min: 1, max: 1000 }));
    fc.assert(
      fc.property(arb, arb, ([q1, v1], [q2, v2]) => {
        const a = intervalOf(claim(q1, String(v1)))!;
        const b = intervalOf(claim(q2, String(v2)))!;
        expect(disjoint(a, b)).toBe(disjoint(b, a));
        expect(disjoint(a, a)).toBe(false);
      }),
      { numRuns: 150 },
    );
  });
});

describe("ING-EVAL-1 matching", () => {
  const text = "Gallia pourrait investir jusqu'à 10 M€ dans Ondine. Ondine est valorisée 40 M€.";
  const gold: GoldClaim = {
    idx: 0,
    subject: "Ondine",
    counterparty: "Gallia",
    kind: "investment",
    amount: { currency: "EUR", min: null, max: 10000000, point: null },
    qualifier: "up_to",
    attribution: null,
    // A bare conditional with no status stated before it: the journalistic conditional, in talks (ING-STAT-13).
    status: "in_talks",
    evidence: "Gallia pourrait investir jusqu'à 10 M€",
    temporal: "current",
  };
  const result = ingest(text);
  if (!result.ok) throw new Error("ingest");
  const predicted = ingestOutputToJson(result.value).claims;

  it("matches the same claim and refuses any field that differs", () => {
    const p = predicted[0]!;
    expect(claimsMatch(text, gold, p)).toBe(true);
    const variants: Partial<ClaimJson>[] = [
      { kind: "round_size" },
      { subject: "Gallia" },
      { counterparty: "Norma" },
      { counterparty: ["Gallia", "Norma"] },
      { qualifier: "less_than" },
      { amount: { currency: "USD", min: null, max: 10000000, point: null } },
      { amount: { currency: "EUR", min: null, max: 10000001, point: null } },
      { start: 60, end: 70 },
    ];
    for (const v of variants) expect(claimsMatch(text, gold, { ...p, ...v }), JSON.stringify(v)).toBe(false);
  });

  it("compares names folded, counterparties as sets, amounts exactly whatever their JSON form", () => {
    const p = predicted[0]!;
    expect(claimsMatch(text, { ...gold, subject: "ONDINE", counterparty: ["gallia"] }, p)).toBe(true);
    expect(
      claimsMatch(text, { ...gold, amount: { currency: "EUR", min: null, max: "10000000", point: null } }, p),
    ).toBe(true);
    const group = { ...p, counterparty: ["Norma", "Gallia"] };
    expect(claimsMatch(text, { ...gold, counterparty: ["Gallia", "Norma"] }, group)).toBe(true);
  });

  it("a valuation with no basis stated matches either basis", () => {
    const v = predicted[1]!;
    expect(v.kind).toBe("valuation_post");
    expect(v.basis_stated).toBe(false);
    const goldValuation: GoldClaim = {
      ...gold,
      kind: "valuation_pre",
      subject: "Ondine",
      counterparty: null,
      amount: { currency: "EUR", min: 40000000, max: 40000000, point: 40000000 },
      qualifier: "exact",
      evidence: "valorisée 40 M€",
    };
    expect(claimsMatch(text, goldValuation, v)).toBe(true);
    expect(claimsMatch(text, goldValuation, { ...v, basis_stated: true })).toBe(false);
  });

  it("ING-EVAL-2 pairs by a maximum matching, not greedily", () => {
    // Gold 0 matches both predictions, gold 1 only the first: a greedy pass would pair 0 with the first.
    const both = { ...predicted[0]!, start: 0, end: text.length };
    const narrow = { ...predicted[0]! };
    const g0 = { ...gold, evidence: "10 M€" };
    const g1 = { ...gold, evidence: "Ondine est valorisée" };
    expect([...matchClaims(text, [g0, g1], [both, narrow])].sort((a, b) => a[0] - b[0])).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });

  it("scores precision, recall and F1", () => {
    const s = scores(8, 2, 2);
    expect([s.precision, s.recall]).toEqual([0.8, 0.8]);
    expect(s.f1).toBeCloseTo(0.8, 12);
    expect(scores(0, 0, 0)).toMatchObject({ precision: 1, recall: 1, f1: 1 });
    const e = evaluate([
      {
        id: "t",
        text,
        gold: { id: "t", language: "fr", publicationDate: null, claims: [gold], conflicts: [] },
        predicted,
        predictedConflicts: [],
      },
    ]);
    expect(e.overall).toMatchObject({ tp: 1, fp: 1, fn: 0 });
    expect(e.byKind.valuation_post).toMatchObject({ fp: 1 });
    expect(e.fields.status).toEqual({ correct: 1, total: 1 });
  });

  it("parseGold names a malformed field", () => {
    const bad = parseGold({ claims: [{ kind: "ipo", evidence: "x" }] }, "x.gold.json");
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.problems[0]!.message).toBe('x.gold.json: claims[0].kind "ipo" is not a claim kind');
    expect(parseGold([], "y").ok).toBe(false);
  });
});

describe("ING-EVAL accuracy on the founding report and the corpus (target F1 ≥ 0.9)", () => {
  it("on the founding report in ../shared/fixtures", () => {
    const e = evaluateCorpus([fixtures]);
    expect(e.documents.map((d) => d.id)).toEqual(["seed-openai-round-fr"]);
    expect(e.documents[0]!.evidenceNotFound).toEqual([]);
    expect(e.overall.f1).toBeGreaterThanOrEqual(0.9);
  });

  it("on corpus/ingest, overall and in each language", () => {
    const e = evaluateCorpus([path.resolve(root, "corpus/ingest")]);
    expect(e.documents.length).toBeGreaterThanOrEqual(12);
    for (const d of e.documents) expect(d.evidenceNotFound, d.id).toEqual([]);
    expect(e.overall.f1).toBeGreaterThanOrEqual(0.9);
    expect(e.byLanguage.fr!.f1).toBeGreaterThanOrEqual(0.9);
    expect(e.byLanguage.en!.f1).toBeGreaterThanOrEqual(0.9);
  });
});

describe("ING-OUT-1 and ING-DEAL-1 output forms", () => {
  const text =
    "OpenAI envisage de lever jusqu’à 100 milliards de dollars. Amazon pourrait investir 50 Md$ dans OpenAI, selon des sources. Microsoft détient environ 27 % d'OpenAI.";
  const r = ingest(text, { knownStakeholders: [{ id: "openai", name: "OpenAI" }] });
  if (!r.ok) throw new Error("ingest");
  const output = r.value;

  it("writes amounts as JSON numbers when exact, else as decimal text", () => {
    expect(jsonNumber(Rational.parse("100000000000")!)).toBe(100000000000);
    expect(jsonNumber(Rational.parse("2.5")!)).toBe(2.5);
    expect(jsonNumber(Rational.parse("123456789012345678")!)).toBe("123456789012345678");
    expect(jsonNumber(Rational.of(1n, 3n))).toBe("1/3");
  });

  it("gives the deal a source, draft claims with stakeholder ids and decimal strings, and new stakeholders", () => {
    const d = toDealDraft(output, { title: "IA : OpenAI prépare une levée", publicationDate: "2026-01-28" });
    expect(d.source).toEqual({
      id: "news-ia-openai-prepare-une-levee",
      kind: "news_report",
      title: "IA : OpenAI prépare une levée",
      publisher: null,
      url: null,
      publicationDate: "2026-01-28",
      language: "fr",
    });
    expect(
      d.claims.map((c) => [
        c.id,
        c.kind,
        c.subject,
        c.counterparty,
        c.amount?.max ?? c.amount?.point ?? null,
      ]),
    ).toEqual([
      ["news-ia-openai-prepare-une-levee-c1", "round_target", "openai", null, "100000000000"],
      ["news-ia-openai-prepare-une-levee-c2", "investment", "openai", "amazon", "50000000000"],
      ["news-ia-openai-prepare-une-levee-c3", "existing_stake", "openai", "microsoft", null],
    ]);
    expect(d.claims.every((c) => c.review === "draft" && c.source === d.source.id)).toBe(true);
    expect(d.claims[2]!.fraction).toEqual({ qualifier: "about", point: "0.27" });
    expect(d.newStakeholders).toEqual([
      { id: "amazon", name: "Amazon", type: "institution", aliases: [] },
      { id: "microsoft", name: "Microsoft", type: "institution", aliases: [] },
    ]);
  });

  it("renders a table with one row per claim: compact amounts with their hedge, exact with `exact`, French words in French", () => {
    const table = ingestText(output);
    const lines = table.trimEnd().split("\n");
    expect(lines).toHaveLength(2 + output.claims.length);
    expect(lines[0]).toMatch(/^#\s+kind\s+subject\s+counterparty\s+amount\s+status/);
    expect(table).toContain("up to $100B");
    expect(table).toMatch(/round target +OpenAI/);
    expect(table).toContain("selon des sources");
    const exact = ingestText(output, { exact: true });
    expect(exact).toContain("up to $100,000,000,000.00");
    expect(exact).toContain("$50,000,000,000.00");
    const french = ingestText(output, { lang: "fr" });
    expect(french.split("\n")[0]).toMatch(/^#\s+nature\s+société\s+contrepartie\s+montant\s+statut\s+moment/);
    expect(french).toContain("jusqu'à 100 Md$");
    expect(french).toMatch(/objectif du tour +OpenAI/);
    for (const english of ["round_target", "in_talks", "current", "up to"])
      expect(french).not.toContain(english);
  });
});
