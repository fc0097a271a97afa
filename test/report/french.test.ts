import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { claims } from "../../src/app/claims.js";
import { exit } from "../../src/app/exit.js";
import type { BreakpointExplanation } from "../../src/app/exit-report.js";
import { model } from "../../src/app/model.js";
import { parseInput } from "../../src/app/use-case.js";
import { compactMoney } from "../../src/core/exact/money.js";
import { Rational } from "../../src/core/exact/rational.js";
import { ERROR_CATALOGUE } from "../../src/core/shared/errors.js";
import { CLAIM_STATUSES } from "../../src/core/uncertainty/claim.js";
import {
  type EstimateUnit,
  formatEstimate,
  makeEstimate,
  QUALIFIERS,
} from "../../src/core/uncertainty/estimate.js";
import {
  type AnyExplanation,
  CHANGES_FR,
  CLAIM_STATUSES_FR,
  ERROR_SUMMARIES_FR,
  EXPLANATION_CODES,
  estimateFr,
  explanationFr,
  frenchPercent,
  SOURCE_TYPES_FR,
} from "../../src/report/fr.js";
import { dealFrom } from "../support/deal.js";

/**
 * French for every code the engine speaks in (issue 16: "a French rendering of every
 * explanation and error code exists"): the test walks the error catalogue and the list of
 * explanation codes (whose completeness the compiler checks against the typed reports'
 * unions), and words real explanations of the examples to the letter.
 */
const openai = dealFrom(readFileSync("examples/openai-round.yaml", "utf8"));
const down = dealFrom(readFileSync("examples/down-round.yaml", "utf8"));

/** The English words of a claim's estimate ("up to $50B", "about 27%"). */
const ENGLISH_ESTIMATE = /\b(about|up to|less than|at least|more than|between|and|at most|lognormal)\b|\$\d/;

/** Words that only English has: a French text containing one was left untranslated. */
const ENGLISH = /\b(the|and|which|cannot|is not|does not|with|from|when)\b/i;

describe("French", () => {
  it("every error code of the catalogue has its French, not the English summary", () => {
    const codes = Object.keys(ERROR_CATALOGUE) as (keyof typeof ERROR_CATALOGUE)[];
    expect(codes.length).toBeGreaterThan(100);
    const missing = codes.filter((c) => !ERROR_SUMMARIES_FR[c]?.trim());
    expect(missing).toEqual([]);
    for (const c of codes) {
      const fr = ERROR_SUMMARIES_FR[c];
      expect(fr, c).not.toBe(ERROR_CATALOGUE[c].summary);
      expect(fr, `${c}: ${fr}`).not.toMatch(ENGLISH);
    }
    // No French for a code the catalogue does not have.
    expect(Object.keys(ERROR_SUMMARIES_FR).sort()).toEqual([...codes].sort());
  });

  it("every explanation code is worded in French from its parameters", () => {
    const position = {
      id: "p",
      name: "Série A (alice)",
      kind: "shares",
      shareClass: null,
      security: null,
      strike: null,
    } as const;
    const worded = new Map<string, string>();
    for (const code of EXPLANATION_CODES) {
      const e = sampleOf(code, position);
      const fr = explanationFr(e);
      expect(fr.trim(), code).not.toBe("");
      expect(fr, `${code}: ${fr}`).not.toMatch(ENGLISH);
      worded.set(code, fr);
    }
    expect(worded.get("level_paid")).toBe("préférences payées : Série A (alice)");
    expect(worded.get("common_starts")).toBe("les actions ordinaires commencent à recevoir de la valeur");
  });

  it("the OpenAI claims' conflict and gap in French, to the letter", async () => {
    const report = await claims.run(openai, {});
    if (!report.ok) throw new Error("claims");
    const [conflict] = report.value.conflicts;
    expect(explanationFr(conflict!.explanation)).toBe(
      "« Amazon + Nvidia + Microsoft : 60 Md$ » exige pour Amazon + Nvidia + Microsoft au moins 60 Md$, mais « Amazon + Nvidia + Microsoft : environ 40 Md$ » autorise au plus 44 Md$.",
    );
    expect(explanationFr(report.value.gaps[0]!.explanation)).toBe(
      "Les bornes hautes des membres (« Amazon : jusqu'à 50 Md$ », « Nvidia : jusqu'à 30 Md$ », « Microsoft : moins de 10 Md$ ») totalisent 90 Md$, plus que les 44 Md$ que « Amazon + Nvidia + Microsoft : environ 40 Md$ » autorise pour le groupe : ils ne peuvent pas tous atteindre leur borne ensemble.",
    );
  });

  it("every claim's qualifier, status, change and source kind has its French (the details the explanations name)", () => {
    const usd = { kind: "money", currency: "USD" } as unknown as EstimateUnit;
    let worded = 0;
    const billions = (n: bigint) => Rational.of(n * 1_000_000_000n);
    for (const q of QUALIFIERS) {
      const figures =
        q === "between"
          ? { min: billions(10n), max: billions(100n) }
          : q === "distribution"
            ? { min: billions(10n), max: billions(100n) }
            : { value: billions(50n) };
      const made = makeEstimate(q, figures, usd);
      if (!made.ok) continue;
      worded += 1;
      const fr = estimateFr(made.value);
      expect(fr.trim(), q).not.toBe("");
      expect(fr, `${q}: ${fr}`).not.toMatch(ENGLISH_ESTIMATE);
      expect(fr, q).not.toBe(formatEstimate(made.value));
    }
    // Every qualifier a figure states (a distribution alone is made otherwise).
    expect(worded).toBeGreaterThanOrEqual(QUALIFIERS.length - 1);
    const upTo = makeEstimate("up_to", { value: billions(50n) }, usd);
    if (!upTo.ok) throw new Error("estimate");
    expect(estimateFr(upTo.value)).toBe("jusqu'à 50 Md$");
    for (const status of CLAIM_STATUSES) expect(CLAIM_STATUSES_FR[status], status).not.toMatch(/_| talks/);
    for (const [change, fr] of Object.entries(CHANGES_FR)) expect(fr, change).not.toBe(change);
    expect(SOURCE_TYPES_FR).toEqual({ report: "article", assumption: "hypothèse" });
  });

  it("the breakpoints of a down round and a priced round's note in French", async () => {
    const input = parseInput(exit, { breakpoints: "true" });
    if (!input.ok) throw new Error("input");
    const report = await exit.run(down, input.value);
    if (!report.ok || report.value.kind !== "breakpoints") throw new Error("breakpoints");
    const events = report.value.breakpoints.flatMap((b) => b.events);
    expect(events.length).toBeGreaterThan(0);
    for (const e of events) expect(explanationFr(e)).not.toMatch(ENGLISH);
    const priced = await model.run(openai, model.input.parse({}));
    if (!priced.ok) throw new Error("model");
    expect(explanationFr(priced.value.round.pricing)).not.toMatch(ENGLISH);
  });

  it("with ids, every kind of position a breakpoint names keeps its id after its French words", () => {
    const cls = { id: "series-a", name: "Series A" };
    const position = (kind: "warrant" | "safe" | "note" | "options" | "shares", strike: string | null) => ({
      id: `${kind}:x`,
      name: `${kind} label`,
      kind,
      shareClass: cls,
      security: kind === "options" || kind === "shares" ? null : "sec-1",
      strike: strike === null ? null : Rational.parse(strike)!,
    });
    const event: BreakpointExplanation = {
      code: "regime_change",
      params: {
        positions: [
          position("warrant", null),
          position("safe", null),
          position("note", null),
          position("options", "0.25"),
          position("shares", null),
        ],
      },
    };
    expect(explanationFr(event, "USD", true)).toBe(
      "changements : bon de souscription sec-1 (Series A) [warrant:x], SAFE sec-1 [safe:x], " +
        "obligation convertible sec-1 [note:x], options Series A au prix d’exercice de 0,25 [options:x], " +
        "shares label [shares:x]",
    );
    expect(explanationFr(event, "USD")).not.toContain("[");
  });

  it("money and percentages as a French reader reads them", () => {
    const usd = (n: bigint, d = 1n) => ({
      kind: "money" as const,
      currency: "USD" as never,
      amount: Rational.of(n, d),
    });
    expect(compactMoney(usd(830_000_000_000n), "fr")).toBe("830 Md$");
    expect(compactMoney(usd(1_250_000n), "fr")).toBe("1,25 M$");
    expect(compactMoney(usd(999_960n), "fr")).toBe("1 M$");
    expect(compactMoney(usd(1_000_000_000_000n), "fr")).toBe("1 000 Md$");
    // Below a thousand, to the cent when there are cents.
    expect(compactMoney(usd(25n, 2n), "fr")).toBe("12,50 $");
    expect(frenchPercent(Rational.of(27n, 100n))).toBe("27,00 %");
    expect(frenchPercent(Rational.of(1n, 1_000_000n))).toBe("< 0,01 %");
  });
});

/** A sample explanation of each code, with parameters of the right shape. */
function sampleOf(
  code: (typeof EXPLANATION_CODES)[number],
  position: BreakpointExplanation["params"]["positions"][number],
): AnyExplanation {
  const usd = { kind: "money" as const, currency: "USD" as never };
  const money = { ...usd, amount: Rational.of(830_000_000_000n) };
  const claim = { id: "c", name: "Amazon: up to $50B" };
  switch (code) {
    case "valuation_as_stated":
      return { code, params: { basis: "pre_money" } };
    case "valuation_differs_from_stated":
      return {
        code,
        params: {
          basis: "post_money",
          stated: money,
          priced: { ...usd, amount: Rational.of(829_999_999_990n) },
          difference: Rational.of(-10n),
          priceRounding: Rational.of(-4n),
          wholeShares: Rational.of(-6n),
          conversionShares: 0n,
          conversions: undefined,
          pricePlaces: 4,
        },
      };
    case "claims_conflict":
      return {
        code,
        params: {
          pivot: claim,
          subject: "Amazon",
          side: "upper",
          pivotBound: { relation: "<=", value: Rational.of(50n) },
          implied: { relation: ">=", value: Rational.of(60n) },
          others: [claim],
          usesDomain: true,
          identities: [],
          unit: { kind: "money", currency: "USD" as never },
          text: "",
        },
      };
    case "claims_gap_exceeds":
    case "claims_gap_short":
      return {
        code,
        params: {
          group: claim,
          members: [claim],
          sum: Rational.of(90n),
          bound: Rational.of(44n),
          unit: { kind: "fraction" },
        },
      } as AnyExplanation;
    default:
      return { code, params: { positions: [position] } };
  }
}
