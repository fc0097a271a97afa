import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseAmount } from "../../src/core/exact/amount-parse.js";
import type { Currency, Money } from "../../src/core/exact/money.js";
import { Rational, rat } from "../../src/core/exact/rational.js";
import { exactMoneyText, tickMoneyText } from "../../src/web/components/MoneyCell.js";
import {
  formatDecimal,
  formatFixed,
  formatInteger,
  formatMoney,
  formatMoneyExactShort,
  formatMoneyForInput,
  formatPercent,
  formatRatioPercent,
  type Locale,
} from "../../src/web/i18n/number-format.js";

const usd = (amount: Rational): Money => ({ kind: "money", currency: "USD" as Currency, amount });
const NNBSP = "\u202f";
const NBSP = "\u00a0";

describe("WEB-1 number formats are written from exact values, per locale", () => {
  it("WEB-1 groups and marks decimals in English and French", () => {
    expect(formatDecimal(rat("1234.5"), 4, "en")).toBe("1,234.5");
    expect(formatDecimal(rat("1234.5"), 4, "fr")).toBe(`1${NNBSP}234,5`);
    expect(formatInteger(2_768_493_150n, "en")).toBe("2,768,493,150");
    expect(formatInteger(2_768_493_150n, "fr")).toBe(`2${NNBSP}768${NNBSP}493${NNBSP}150`);
    expect(formatFixed(rat("-1234567.891"), 2, "en")).toBe("-1,234,567.89");
    expect(formatFixed(rat("-1234567.891"), 2, "fr")).toBe(`-1${NNBSP}234${NNBSP}567,89`);
  });

  it("WEB-1 writes short amounts as $100B and 100 Md$", () => {
    expect(formatMoneyForInput(usd(rat("100000000000")), "en")).toBe("$100B");
    expect(formatMoneyForInput(usd(rat("100000000000")), "fr")).toBe(`100${NBSP}Md$`);
    expect(formatMoneyForInput(usd(rat("1250000000")), "en")).toBe("$1.25B");
    expect(formatMoneyForInput(usd(rat("1250000000")), "fr")).toBe(`1,25${NBSP}Md$`);
    expect(formatMoneyForInput(usd(rat("1460000000000")), "en")).toBe("$1.46T");
    expect(formatMoneyForInput(usd(rat("1460000000000")), "fr")).toBe(`1${NNBSP}460${NBSP}Md$`);
    expect(formatMoneyForInput(usd(rat("73")), "en")).toBe("$73");
    // Not "$1,250T", which reads back as 1.25T.
    expect(formatMoneyForInput(usd(rat("1250000000000000")), "en")).toBe("$1250T");
    expect(
      formatMoneyForInput({ kind: "money", currency: "CHF" as Currency, amount: rat("2500000") }, "fr"),
    ).toBe(`2,5${NBSP}M${NBSP}CHF`);
  });

  it("WEB-1 writes full amounts and percentages", () => {
    expect(formatMoney(usd(rat("829999999876")), 2, "en")).toBe("$829,999,999,876.00");
    expect(formatMoney(usd(rat("829999999876")), 2, "fr")).toBe(
      `829${NNBSP}999${NNBSP}999${NNBSP}876,00${NBSP}$`,
    );
    expect(formatPercent(rat("0.243494"), 4, "en")).toBe("24.3494%");
    expect(formatPercent(rat("0.243494"), 4, "fr")).toBe(`24,3494${NBSP}%`);
  });

  it("WEB-1 rounds half-even at the places shown, never through a float", () => {
    // 1/8 = 0.125: half-even at two places gives 0.12; a float path would not decide ties this way reliably.
    expect(formatFixed(Rational.of(1n, 8n), 2, "en")).toBe("0.12");
    expect(formatFixed(Rational.of(3n, 8n), 2, "en")).toBe("0.38");
    // 2^60 + 1 is not representable as a double; the text keeps every digit.
    expect(formatInteger(2n ** 60n + 1n, "en")).toBe("1,152,921,504,606,846,977");
  });

  it("WEB-1 formatRatioPercent equals formatPercent of the reduced fraction", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
        fc.bigInt({ min: 1n, max: 10n ** 15n }),
        fc.integer({ min: 0, max: 6 }),
        fc.constantFrom<Locale>("en", "fr"),
        (n, d, places, locale) => {
          expect(formatRatioPercent(n, d, places, locale)).toBe(
            formatPercent(Rational.of(n, d), places, locale),
          );
        },
      ),
      { numRuns: 200 },
    );
  });

  it("WEB-1 the exact short form reads back through the amount parser as the same amount", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 16n }),
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom<Locale>("en", "fr"),
        (units, places, locale) => {
          const amount = Rational.of(units, 10n ** BigInt(places));
          const text = formatMoneyExactShort(usd(amount), locale);
          const read = parseAmount(text);
          expect(read.ok, text).toBe(true);
          if (read.ok) {
            expect(read.value.amount.eq(amount), text).toBe(true);
            expect(read.value.currency).toBe("USD");
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("issue 16: amounts a person reads are the core's compact form, the exact amount one step away", () => {
  it("the title of a compact figure: to the dollar when whole, to the cent otherwise, more places when asked", () => {
    expect(exactMoneyText(usd(rat("829999999895")), "en")).toBe("$829,999,999,895");
    expect(exactMoneyText(usd(rat("829999999895")), "fr")).toBe(
      `829${NNBSP}999${NNBSP}999${NNBSP}895${NBSP}$`,
    );
    expect(exactMoneyText(usd(rat("32530120413.753810413788")), "en")).toBe("$32,530,120,413.75");
    expect(exactMoneyText(usd(rat("23.04")), "en", 4)).toBe("$23.0400");
    expect(exactMoneyText(usd(rat("-13000000")), "en")).toBe("-$13,000,000");
  });

  it("a chart's tick from a float is the compact form of its six significant digits", () => {
    const dollars = "USD" as Currency;
    expect(tickMoneyText(829_999_999_895, dollars, "en")).toBe("$830B");
    expect(tickMoneyText(829_999_999_895, dollars, "fr")).toBe("830 Md$");
    expect(tickMoneyText(1.46e12, dollars, "fr")).toBe("1 460 Md$");
    expect(tickMoneyText(0, dollars, "en")).toBe("$0");
    expect(tickMoneyText(Number.NaN, dollars, "en")).toBe("$0");
  });

  it("the input form reads back exactly, French milliards past 10^12 included (the parser reads 'Bn' as a milliard)", () => {
    for (const amount of ["1460000000000", "100000000000", "1250000000", "73"]) {
      for (const locale of ["en", "fr"] as const) {
        const text = formatMoneyForInput(usd(rat(amount)), locale);
        const back = parseAmount(text);
        expect(back.ok && back.value.amount.toString(), `${text}`).toBe(rat(amount).toString());
      }
    }
  });
});
