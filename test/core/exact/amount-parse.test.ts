import { describe, expect, it } from "vitest";
import { parseAmount, readAmountAt } from "../../../src/core/exact/amount-parse.js";
import { currency } from "../../../src/core/exact/money.js";

function read(text: string): string {
  const r = parseAmount(text);
  if (!r.ok) throw new Error(r.error);
  return `${r.value.currency} ${r.value.amount.toDecimalString()}`;
}

describe("parseAmount (SPEC AMT-1)", () => {
  it.each([
    ["$50B", "USD 50000000000"],
    ["50 billion USD", "USD 50000000000"],
    ["USD 300m", "USD 300000000"],
    ["100 milliards de dollars", "USD 100000000000"],
    ["40 Md$", "USD 40000000000"],
    ["€2,5 M", "EUR 2500000"],
    ["2.5M€", "EUR 2500000"],
    ["1 234 567,89 €", "EUR 1234567.89"],
    ["1\u202f234\u202f567,89\u00a0€", "EUR 1234567.89"],
    ["$40bn", "USD 40000000000"],
    ["$1.5 billion", "USD 1500000000"],
    ["2,5 millions d'euros", "EUR 2500000"],
    ["2,5 millions d’euros", "EUR 2500000"],
    ["un milliard de dollars", "USD 1000000000"],
    ["a billion dollars", "USD 1000000000"],
    ["deux milliards d'euros", "EUR 2000000000"],
    ["£3m", "GBP 3000000"],
    ["US$ 5M", "USD 5000000"],
    ["5 M$US", "USD 5000000"],
    ["CHF 1'234.50", "CHF 1234.5"],
    ["3 Mrd. €", "EUR 3000000000"],
    ["1,234.56 USD", "USD 1234.56"],
    ["1.234,56 €", "EUR 1234.56"],
    ["1.234.567 €", "EUR 1234567"],
    ["$1,234,567", "USD 1234567"],
    ["$0.0001", "USD 0.0001"],
    ["-$5M", "USD -5000000"],
    ["10 000 €", "EUR 10000"],
    ["$2.5k", "USD 2500"],
    ["30 milliards de dollars américains", "USD 30000000000"],
  ])("reads %s", (text, expected) => {
    expect(read(text)).toBe(expected);
  });

  it("reads the French 'billion' as 10^12 before 'de' (AMT-3)", () => {
    expect(read("1 billion de dollars")).toBe("USD 1000000000000");
    expect(read("1 billion dollars")).toBe("USD 1000000000");
  });

  it("reads '1,234' as English thousands but '2,5' and '1,234 milliard' as decimal commas (AMT-2)", () => {
    expect(read("$1,234")).toBe("USD 1234");
    expect(read("2,5 M€")).toBe("EUR 2500000");
    expect(read("1,234 milliard d'euros")).toBe("EUR 1234000000");
  });

  it("uses a default currency only when the text names none", () => {
    const r = parseAmount("1 500 000", { defaultCurrency: currency("EUR") });
    expect(r.ok && `${r.value.currency} ${r.value.amount}`).toBe("EUR 1500000");
    const s = parseAmount("$5", { defaultCurrency: currency("EUR") });
    expect(s.ok && s.value.currency).toBe("USD");
  });

  it.each([
    ["", /empty amount/],
    ["abc", /is not an amount/],
    ["5", /names no currency/],
    ["$50B $30B", /unexpected "\$30B"/],
    ["$5 €", /two currencies/],
    ["1,2,3 €", /thousands groups must have three digits/],
    ["1.234,5.6 €", /decimal mark/],
    ["$", /is not an amount|currency with no number/],
  ])("rejects %j with a clear message", (text, message) => {
    const r = parseAmount(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });

  it("finds an amount inside running text with its offsets", () => {
    const text = "OpenAI envisage de lever jusqu’à 100 milliards de dollars dans un nouveau cycle";
    const start = text.indexOf("100");
    const m = readAmountAt(text, start);
    expect(typeof m === "object" && text.slice(m.start, m.end)).toBe("100 milliards de dollars");
  });
});
