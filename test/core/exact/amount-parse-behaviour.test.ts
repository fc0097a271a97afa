/**
 * The amount parser and scanner (docs/SPEC.md AMT-1…3). The first block pins the
 * behaviour `parseAmount` documents; the second the additions made for ingestion
 * (docs/spec/ingest.md ING-AMT-1): the English number style, "et demi"/"and a half",
 * the exported currency reader and the same-length lower-casing.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  lowerSameLength,
  parseAmount,
  readAmountAt,
  readCurrencyAfter,
} from "../../../src/core/exact/amount-parse.js";
import { currency } from "../../../src/core/exact/money.js";

function value(text: string): string {
  const r = parseAmount(text);
  if (!r.ok) throw new Error(r.error);
  return `${r.value.amount.toDecimalString()} ${r.value.currency}`;
}

describe("AMT-1 parseAmount keeps its documented behaviour", () => {
  it.each([
    ["$50B", "50000000000 USD"],
    ["50 billion USD", "50000000000 USD"],
    ["USD 300m", "300000000 USD"],
    ["100 milliards de dollars", "100000000000 USD"],
    ["40 Md$", "40000000000 USD"],
    ["€2,5 M", "2500000 EUR"],
    ["2.5M€", "2500000 EUR"],
    ["1 234 567,89 €", "1234567.89 EUR"],
    ["un milliard de dollars", "1000000000 USD"],
    ["$1.5 billion", "1500000000 USD"],
    ["$40bn", "40000000000 USD"],
    ["2,5 millions d'euros", "2500000 EUR"],
    ["£25m", "25000000 GBP"],
  ])("%s is %s", (text, expected) => {
    expect(value(text)).toBe(expected);
  });

  it("AMT-2 reads '1,234' without a scale as a thousands group and '1,5' as a decimal comma", () => {
    expect(value("$1,234")).toBe("1234 USD");
    expect(value("1,5 milliard d'euros")).toBe("1500000000 EUR");
    // With a scale word the auto style keeps a single comma as a decimal mark.
    expect(value("1,500 million dollars")).toBe("1500000 USD");
  });

  it("AMT-3 reads 'billion de' as the French billion (10^12)", () => {
    expect(value("2 billions d'euros")).toBe("2000000000000 EUR");
  });

  it("refuses what is not one amount, with a message", () => {
    const cases = ["", "abc", "40 Md$ et plus", "50 millions"];
    for (const text of cases) {
      const r = parseAmount(text);
      expect(r.ok, text).toBe(false);
      if (!r.ok) expect(r.error.length).toBeGreaterThan(10);
    }
    expect(parseAmount("50 millions", { defaultCurrency: currency("EUR") }).ok).toBe(true);
    const twoCurrencies = parseAmount("$50 EUR");
    expect(twoCurrencies.ok).toBe(false);
    if (!twoCurrencies.ok) expect(twoCurrencies.error).toContain("two currencies");
  });
});

describe("ING-AMT-1 scanner additions for ingestion", () => {
  it("reads a comma before three digits as thousands in English text, even before a scale word", () => {
    const read = readAmountAt("1,500 million dollars", 0, undefined, "en");
    expect(typeof read === "object" && read.amount.toDecimalString()).toBe("1500000000");
    const auto = readAmountAt("1,500 million dollars", 0);
    expect(typeof auto === "object" && auto.amount.toDecimalString()).toBe("1500000");
  });

  it("reads 'un milliard et demi' and 'two billion and a half' as one and a half units of the scale", () => {
    const fr = readAmountAt("un milliard et demi d'euros", 0);
    expect(typeof fr === "object" && [fr.amount.toDecimalString(), fr.currency, fr.end]).toEqual([
      "1500000000",
      "EUR",
      "un milliard et demi d'euros".length,
    ]);
    const en = readAmountAt("two billion and a half dollars", 0);
    expect(typeof en === "object" && en.amount.toDecimalString()).toBe("2500000000");
    const words = readAmountAt("one and a half billion euros", 0);
    expect(typeof words === "object" && words.amount.toDecimalString()).toBe("1500000000");
  });

  it("readCurrencyAfter reads a currency word with its linker, a sign or a code", () => {
    expect(readCurrencyAfter("des milliards de dollars", 13)).toEqual(["USD", 24]);
    expect(readCurrencyAfter("tens of billions of euros", 16)).toEqual(["EUR", 25]);
    expect(readCurrencyAfter("40 Md$", 5)).toEqual(["USD", 6]);
    expect(readCurrencyAfter("des milliards dans", 13)).toBeUndefined();
  });

  it("lowerSameLength keeps offsets: the result always has the input's length", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 40 }), (s) => {
        expect(lowerSameLength(s).length).toBe(s.length);
      }),
      { numRuns: 150 },
    );
    expect(lowerSameLength("İstanbul 40 MD$")).toHaveLength("İstanbul 40 MD$".length);
  });
});
