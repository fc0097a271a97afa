import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseAmount } from "../../../src/core/exact/amount-parse.js";
import { compactMoney, type Money } from "../../../src/core/exact/money.js";
import { Rational } from "../../../src/core/exact/rational.js";

const money = (amount: string, currency = "USD"): Money => ({
  kind: "money",
  currency: currency as never,
  amount: Rational.parse(amount)!,
});

/**
 * The one compact form of money (issue 16: "$830B", "830 Md$"), used by the text, French,
 * PDF and XLSX renderers and the engine's messages: exact, from the Rational, never a float.
 */
describe("compactMoney", () => {
  it("three significant digits and a scale, rolling over to the next scale at 1,000", () => {
    expect(compactMoney(money("830000000000"))).toBe("$830B");
    expect(compactMoney(money("829999999895"))).toBe("$830B");
    expect(compactMoney(money("1200000"))).toBe("$1.2M");
    expect(compactMoney(money("1250000000"))).toBe("$1.25B");
    expect(compactMoney(money("64470.98"))).toBe("$64.5K");
    expect(compactMoney(money("999999.69"))).toBe("$1M");
    expect(compactMoney(money("999960"))).toBe("$1M");
    expect(compactMoney(money("1000000000000"))).toBe("$1T");
    expect(compactMoney(money("-4500000"))).toBe("-$4.5M");
  });

  it("below a thousand: whole, or to the cent when there are cents (never £119.6)", () => {
    expect(compactMoney(money("119.6", "GBP"))).toBe("£119.60");
    expect(compactMoney(money("119.604", "GBP"))).toBe("£119.60");
    expect(compactMoney(money("950"))).toBe("$950");
    expect(compactMoney(money("950.001"))).toBe("$950");
    expect(compactMoney(money("0.25"))).toBe("$0.25");
    expect(compactMoney(money("12.5", "EUR"))).toBe("€12.50");
    expect(compactMoney(money("999.996"))).toBe("$1K");
    expect(compactMoney(money("0"))).toBe("$0");
    // A negative amount that rounds to nothing has no sign.
    expect(compactMoney(money("-0.001"))).toBe("$0");
    expect(compactMoney(money("-105"))).toBe("-$105");
  });

  it("rounds half-even from the exact value, a repeating one included", () => {
    expect(compactMoney(money("1225000"))).toBe("$1.22M");
    expect(compactMoney(money("1235000"))).toBe("$1.24M");
    expect(
      compactMoney({ kind: "money", currency: "USD" as never, amount: Rational.of(2_000_000n, 3n) }),
    ).toBe("$667K");
  });

  it("a currency without a symbol follows the number", () => {
    expect(compactMoney(money("300000000", "CHF"))).toBe("300M CHF");
    expect(compactMoney(money("12.5", "CHF"))).toBe("12.50 CHF");
    expect(compactMoney(money("300000000", "JPY"))).toBe("¥300M");
  });

  it("in French: a decimal comma, the scale before the symbol", () => {
    expect(compactMoney(money("830000000000"), "fr")).toBe("830 Md$");
    expect(compactMoney(money("1250000"), "fr")).toBe("1,25 M$");
    expect(compactMoney(money("950000", "EUR"), "fr")).toBe("950 k€");
    expect(compactMoney(money("1000000000000"), "fr")).toBe("1 000 Md$");
    expect(compactMoney(money("1463250000000"), "fr")).toBe("1 460 Md$");
    expect(compactMoney(money("12345000000000"), "fr")).toBe("12 300 Md$");
    expect(compactMoney(money("-999999000000000"), "fr")).toBe("-1 000 000 Md$");
    expect(compactMoney(money("119.6", "GBP"), "fr")).toBe("119,60 £");
    expect(compactMoney(money("300000000", "CHF"), "fr")).toBe("300 M CHF");
    expect(compactMoney(money("12", "CHF"), "fr")).toBe("12 CHF");
  });

  it("reads back within half a unit of its last digit (a property over amounts to the cent)", () => {
    const scales: Readonly<Record<string, bigint>> = {
      "": 1n,
      K: 10n ** 3n,
      M: 10n ** 6n,
      B: 10n ** 9n,
      T: 10n ** 12n,
    };
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 16n }), (cents) => {
        const exact = Rational.of(cents, 100n);
        const text = compactMoney({ kind: "money", currency: "USD" as never, amount: exact });
        const match = /^\$(\d+(?:\.(\d+))?)([KMBT]?)$/.exec(text);
        expect(match).not.toBeNull();
        const [, digits, fraction = "", scale = ""] = match!;
        const shown = Rational.parse(digits!)!.mulInt(scales[scale]!);
        const unit = Rational.of(scales[scale]!, 10n ** BigInt(fraction.length));
        // Three significant digits at most, or the cents below a thousand.
        if (scale !== "") expect(digits!.replace(".", "").replace(/^0+/, "").length).toBeLessThanOrEqual(3);
        expect(shown.sub(exact).abs().lte(unit.divInt(2n))).toBe(true);
      }),
      { seed: 16, numRuns: 2000 },
    );
  });

  it("in French, the project's amount parser reads the compact form back within half a unit of its last digit, trillions included (a property)", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 17n }), (cents) => {
        const exact = Rational.of(cents, 100n);
        const text = compactMoney({ kind: "money", currency: "USD" as never, amount: exact }, "fr");
        const back = parseAmount(text);
        expect(back.ok, text).toBe(true);
        if (!back.ok) return;
        const [, digits = "", scale = ""] = /^([\d ,]+?) ?(k|M|Md)?\$$/.exec(text) ?? [];
        const fraction = digits.split(",")[1] ?? "";
        const unit = { "": 1n, k: 10n ** 3n, M: 10n ** 6n, Md: 10n ** 9n }[scale]!;
        const half = Rational.of(unit, 2n * 10n ** BigInt(fraction.length));
        // Past 10^12 the milliards carry three significant digits: the unit of the last one.
        const step = exact.gte(Rational.of(10n ** 12n))
          ? Rational.of(10n ** 9n * 10n ** BigInt(Math.max(0, digits.replaceAll(" ", "").length - 3)), 2n)
          : half;
        expect(back.value.amount.sub(exact).abs().lte(step), text).toBe(true);
      }),
      { seed: 17, numRuns: 2000 },
    );
  });
});
