import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type BasisSwitch,
  fieldOfPath,
  type PricingBasis,
  type RoundEdit,
  RoundSession,
  switchPricingBasis,
} from "../../src/app/round-session.js";
import { parseAmount } from "../../src/core/exact/amount-parse.js";
import type { Currency } from "../../src/core/exact/money.js";
import { Rational } from "../../src/core/exact/rational.js";
import { runDeal } from "../../src/core/round/timeline.js";
import { roundId } from "../../src/core/shared/ids.js";
import { loadDeal } from "../../src/deal/load.js";
import type { DealDocumentJson } from "../../src/web/api/contract.js";
import { dealDocumentFromText, dealDocumentText } from "../../src/web/api/deal-text.js";
import { applyRoundEdit } from "../../src/web/engine/document-edit.js";
import { formatMoneyExactShort, type Locale } from "../../src/web/i18n/number-format.js";
import { modelReport } from "../support/report-json.js";
import { exampleText } from "./support/examples.js";

function open(example: string, round: string) {
  const document = dealDocumentFromText(exampleText(example))!;
  const loaded = loadDeal(dealDocumentText(document), `${example}.yaml`);
  if (!loaded.ok) throw new Error(loaded.diagnostics[0]!.message);
  const opened = RoundSession.open(loaded.deal, round);
  if (!opened.ok) throw new Error(opened.problems[0]!.message);
  return { document, session: opened.session };
}

/** The full path: the edit written into the document, the document loaded and validated, the deal run up to the round. */
function fullPath(document: DealDocumentJson, round: string, edit: RoundEdit, initial: RoundEdit) {
  const edited = applyRoundEdit(document, round, edit, initial)!;
  const loaded = loadDeal(dealDocumentText(edited), "edited.json");
  if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => d.message).join("; "));
  const run = runDeal(loaded.deal.ledger, loaded.deal.rounds, { untilRound: roundId(round) });
  if (!run.ok) throw new Error(run.problems[0]!.message);
  return modelReport(loaded.deal, run.value.rounds[run.value.rounds.length - 1]!, run.warnings);
}

const writer = (locale: Locale) => (m: Parameters<typeof formatMoneyExactShort>[0]) =>
  formatMoneyExactShort(m, locale);

describe("WEB-2 the what-if recompute equals the full path", () => {
  it("WEB-2 the founding report's round, Amazon's amount moved: same report as loading the edited deal", () => {
    const { document, session } = open("openai-round", "round-2026");
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 100_000n }),
        fc.constantFrom<Locale>("en", "fr"),
        (millions, locale) => {
          const initial = session.initialEdit(writer(locale));
          const text = formatMoneyExactShort(
            { kind: "money", currency: "USD" as Currency, amount: Rational.of(millions * 1_000_000n) },
            locale,
          );
          const edit: RoundEdit = { ...initial, amountTexts: [text, ...initial.amountTexts.slice(1)] };
          const fast = session.recompute(edit);
          expect(fast.ok).toBe(true);
          if (!fast.ok) return;
          const expected = fullPath(document, "round-2026", edit, initial);
          const actual = modelReport(session.deal, fast.outcome, fast.warnings);
          expect(actual.round).toEqual(expected.round);
          expect(actual.holders).toEqual(expected.holders);
          expect(actual.classes).toEqual(expected.classes);
          expect(actual.investments).toEqual(expected.investments);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("WEB-2 a seed-to-Series-A round with the pool target and the pricing basis changed", () => {
    const { document, session } = open("seed-to-series-a", "series-a");
    const initial = session.initialEdit(writer("en"));
    fc.assert(
      fc.property(
        fc.constantFrom("pre_money", "post_money") as fc.Arbitrary<RoundEdit["basis"]>,
        fc.integer({ min: 8, max: 40 }),
        fc.integer({ min: 0, max: 200 }),
        (basis, valuationMillions, poolTenths) => {
          const edit: RoundEdit = {
            ...initial,
            basis,
            valueText: `$${valuationMillions}M`,
            poolTargetText: `${poolTenths / 10}%`,
          };
          const fast = session.recompute(edit);
          let expected: ReturnType<typeof fullPath> | undefined;
          try {
            expected = fullPath(document, "series-a", edit, initial);
          } catch {
            expected = undefined;
          }
          expect(fast.ok).toBe(expected !== undefined);
          if (!fast.ok || !expected) return;
          const actual = modelReport(session.deal, fast.outcome, fast.warnings);
          expect(actual.round).toEqual(expected.round);
          expect(actual.holders).toEqual(expected.holders);
          expect(actual.conversions).toEqual(expected.conversions);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe("WEB-2 every example round opens in the builder as the CLI models it", () => {
  for (const example of ["openai-round", "seed-to-series-a", "down-round"]) {
    it(`WEB-2 ${example}: each round, unedited, gives the report of the full path`, () => {
      const document = dealDocumentFromText(exampleText(example))!;
      const loaded = loadDeal(dealDocumentText(document), `${example}.yaml`);
      if (!loaded.ok) throw new Error(loaded.diagnostics[0]!.message);
      expect(loaded.deal.rounds.length).toBeGreaterThan(0);
      for (const round of loaded.deal.rounds) {
        const { session } = open(example, round.id);
        for (const locale of ["en", "fr"] as const) {
          const initial = session.initialEdit(writer(locale));
          const fast = session.recompute(initial);
          expect(fast.ok, `${example} ${round.id}`).toBe(true);
          if (!fast.ok) continue;
          const run = runDeal(loaded.deal.ledger, loaded.deal.rounds, { untilRound: round.id });
          if (!run.ok) throw new Error(run.problems[0]!.message);
          const expected = modelReport(
            loaded.deal,
            run.value.rounds[run.value.rounds.length - 1]!,
            run.warnings,
          );
          expect(modelReport(session.deal, fast.outcome, fast.warnings)).toEqual(expected);
        }
      }
    });
  }
});

describe("WEB-3 errors name the field that caused them", () => {
  const { session } = open("openai-round", "round-2026");
  const initial = session.initialEdit(writer("en"));

  it("WEB-3 an unreadable amount gives the amount parser's message on that investor's field", () => {
    const edit = { ...initial, amountTexts: ["fifty-ish", ...initial.amountTexts.slice(1)] };
    const result = session.recompute(edit);
    expect(result.ok).toBe(false);
    const parsed = parseAmount("fifty-ish", { defaultCurrency: "USD" as Currency });
    expect(parsed.ok).toBe(false);
    if (!result.ok && !parsed.ok) expect(result.errors).toEqual({ "amount:0": parsed.error });
  });

  it("WEB-3 a negative amount, a zero valuation and a pool target of 100% are refused on their fields", () => {
    const negative = session.recompute({
      ...initial,
      amountTexts: [initial.amountTexts[0]!, "-$1B", ...initial.amountTexts.slice(2)],
    });
    expect(negative.ok ? {} : negative.errors).toEqual({ "amount:1": "must not be negative" });
    const zero = session.recompute({ ...initial, valueText: "$0" });
    expect(zero.ok ? {} : zero.errors).toEqual({ pricing: "must be more than zero" });
    const seed = open("seed-to-series-a", "series-a").session;
    const seedInitial = seed.initialEdit(writer("en"));
    const pool = seed.recompute({ ...seedInitial, poolTargetText: "100%" });
    expect(pool.ok ? {} : pool.errors).toEqual({ poolTarget: "must be at least 0% and below 100%" });
    const unreadable = seed.recompute({ ...seedInitial, poolTargetText: "lots" });
    expect(unreadable.ok ? {} : Object.keys(unreadable.errors)).toEqual(["poolTarget"]);
  });

  it("WEB-3 terms the engine cannot price are reported on the field its problem names", () => {
    const seed = open("seed-to-series-a", "series-a").session;
    const seedInitial = seed.initialEdit(writer("en"));
    // A 95% pool in the pre-money plus $5M on $20M post: more than 100% claimed (SPEC ROUND-8).
    const result = seed.recompute({ ...seedInitial, poolTargetText: "95%" });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(Object.keys(result.errors)).toEqual(["poolTarget"]);
      expect(result.errors.poolTarget).toContain("together claim 100% or more");
    }
  });

  it("WEB-3 problem paths map to the builder's fields", () => {
    expect(fieldOfPath(["rounds", 0, "investments", 2, "amount"])).toBe("amount:2");
    expect(fieldOfPath(["rounds", "a", "pool"])).toBe("poolTarget");
    expect(fieldOfPath(["rounds", "a", "pricing"])).toBe("pricing");
    expect(fieldOfPath(["rounds", "a"])).toBe("round");
    expect(fieldOfPath(undefined)).toBe("round");
  });
});

describe("WEB-4 edits are written into the deal document as typed", () => {
  const labelled: DealDocumentJson = {
    roundtable: 1,
    company: { name: "Labelled" },
    rounds: [
      {
        id: "a",
        preMoney: { value: "$730B", assumption: "valuation" },
        investments: [
          { investor: "x", amount: { value: "50 Md$", assumption: "x-amount" } },
          { investor: "y", amount: "$30B" },
        ],
      },
    ],
  };
  const initial: RoundEdit = {
    basis: "pre_money",
    valueText: "$730B",
    amountTexts: ["$50B", "$30B"],
    poolTargetText: null,
  };
  const roundOf = (doc: DealDocumentJson) => (doc.rounds as Record<string, unknown>[])[0]!;

  it("WEB-4 only changed fields are written when the others are stated exactly, keeping their labelled assumption", () => {
    const edit = { ...initial, amountTexts: ["45 Md$", "$30B"] };
    const round = roundOf(applyRoundEdit(labelled, "a", edit, initial)!);
    const investments = round.investments as Record<string, unknown>[];
    expect(investments[0]!.amount).toEqual({ value: "45 Md$", assumption: "x-amount" });
    expect(investments[1]!.amount).toBe("$30B");
    expect(round.preMoney).toEqual({ value: "$730B", assumption: "valuation" });
    // The stored document is not changed.
    expect((roundOf(labelled).investments as Record<string, unknown>[])[0]!.amount).toEqual({
      value: "50 Md$",
      assumption: "x-amount",
    });
  });

  it("WEB-4 a new pricing basis replaces the old key and drops the old value's label", () => {
    const edit = { ...initial, basis: "post_money" as const, valueText: "$900B" };
    const round = roundOf(applyRoundEdit(labelled, "a", edit, initial)!);
    expect(round.preMoney).toBeUndefined();
    expect(round.postMoney).toBe("$900B");
    expect(applyRoundEdit(labelled, "no-such-round", edit, initial)).toBeUndefined();
  });

  it("WEB-4 figures left to claims or stated as estimates are written as the values shown", () => {
    const document = dealDocumentFromText(exampleText("openai-round"))!;
    const { session } = open("openai-round", "round-2026");
    const start = session.initialEdit(writer("en"));
    const edit = { ...start, amountTexts: ["$45B", ...start.amountTexts.slice(1)] };
    const round = roundOf(applyRoundEdit(document, "round-2026", edit, start)!);
    expect((round.investments as Record<string, unknown>[]).map((i) => i.amount)).toEqual(edit.amountTexts);
    expect(round.postMoney).toBe(start.valueText);
    // The claims stay in the document.
    expect(document.claims).toBeDefined();
    expect(applyRoundEdit(document, "round-2026", edit, start)!.claims).toEqual(document.claims);
  });
});

describe("WEB-18 stated terms stay stated when the pricing basis is switched", () => {
  /** The round builder's switch: the new basis's figure derived from the priced round, as it writes it. */
  function switcher(session: RoundSession, locale: Locale) {
    let last: BasisSwitch | undefined;
    return (edit: RoundEdit, basis: PricingBasis) => {
      const priced = session.recompute(edit);
      if (!priced.ok) throw new Error(JSON.stringify(priced.errors));
      const o = priced.outcome;
      const next = switchPricingBasis(
        edit,
        basis,
        (to) =>
          formatMoneyExactShort(
            to === "pre_money"
              ? o.preMoneyValuation
              : to === "post_money"
                ? o.postMoneyValuation
                : o.pricePerShare,
            locale,
          ),
        last,
      );
      last = next.switched;
      return next.edit;
    };
  }

  it("WEB-18 post-money $830B to price per share and back is $830B again, the round priced as before", () => {
    const { session } = open("openai-round", "round-2026");
    const initial = session.initialEdit(writer("en"));
    expect(initial.basis).toBe("post_money");
    expect(initial.valueText).toBe("$830B");
    const toggle = switcher(session, "en");
    const byPrice = toggle(initial, "price_per_share");
    expect(byPrice.basis).toBe("price_per_share");
    // Priced by the rounded price, the post-money is no longer $830B exactly: the cause of the issue.
    const priced = session.recompute(byPrice);
    if (!priced.ok) throw new Error("priced");
    expect(priced.outcome.postMoneyValuation.amount.eq(Rational.of(830_000_000_000n))).toBe(false);
    const back = toggle(byPrice, "post_money");
    expect(back).toEqual(initial);
    const again = session.recompute(back);
    const first = session.recompute(initial);
    if (!again.ok || !first.ok) throw new Error("priced");
    expect(again.outcome.postMoneyValuation.amount.eq(first.outcome.postMoneyValuation.amount)).toBe(true);
    // Through the pre-money and back, twice, in French: still the stated text.
    const fr = session.initialEdit(writer("fr"));
    const toggleFr = switcher(session, "fr");
    let e = fr;
    for (const basis of ["pre_money", "post_money", "price_per_share", "post_money"] as const)
      e = toggleFr(e, basis);
    expect(e.valueText).toBe(fr.valueText);
  });

  it("WEB-18 after an edit on the new basis, switching back derives the figure from the edited round", () => {
    const { session } = open("openai-round", "round-2026");
    const initial = session.initialEdit(writer("en"));
    const toggle = switcher(session, "en");
    const byPrice = toggle(initial, "price_per_share");
    const edited = { ...byPrice, valueText: "$80" };
    const back = toggle(edited, "post_money");
    const priced = session.recompute(edited);
    if (!priced.ok) throw new Error("priced");
    expect(back.valueText).toBe(formatMoneyExactShort(priced.outcome.postMoneyValuation, "en"));
    expect(back.valueText).not.toBe("$830B");
    // An amount changed while priced by share: the post-money follows the new terms too.
    const byPrice2 = toggle(initial, "price_per_share");
    const amountEdited = {
      ...byPrice2,
      amountTexts: byPrice2.amountTexts.map((a, i) => (i === 0 ? "$20B" : a)),
    };
    const back2 = toggle(amountEdited, "post_money");
    const priced2 = session.recompute(amountEdited);
    if (!priced2.ok) throw new Error("priced");
    expect(back2.valueText).toBe(formatMoneyExactShort(priced2.outcome.postMoneyValuation, "en"));
  });
});
