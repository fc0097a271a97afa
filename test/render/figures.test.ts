import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compactMoney } from "../../src/core/exact/money.js";
import { Rational } from "../../src/core/exact/rational.js";
import { money, shares, type Table, text } from "../../src/render/document.js";
import {
  axisText,
  cellText,
  exactMoneyText,
  percentText,
  priceText,
  printable,
} from "../../src/render/figures.js";
import { tableTotals } from "../../src/render/totals.js";
import { columnLetter, nearestDouble } from "../../src/render/xlsx.js";

const usd = (v: string) => ({ kind: "money" as const, currency: "USD" as never, amount: Rational.parse(v)! });

describe("how a French report writes figures (SPEC REP-2a)", () => {
  const N = "\u202f";
  it("REP-2a: exact money, prices, shares, percentages and numbers the French way", () => {
    expect(exactMoneyText(usd("775000000000"), 2, 2, "fr")).toBe(`775${N}000${N}000${N}000,00${N}$`);
    expect(exactMoneyText(usd("-1234.5"), 2, 2, "fr")).toBe(`-1${N}234,50${N}$`);
    expect(
      exactMoneyText({ kind: "money", currency: "CHF" as never, amount: Rational.of(12n) }, 2, 2, "fr"),
    ).toBe(`12,00${N}CHF`);
    expect(priceText(usd("77.5"), "fr")).toBe(`77,50${N}$`);
    expect(priceText({ kind: "money", currency: "USD" as never, amount: Rational.of(1n, 3n) }, "fr")).toBe(
      `0,3333333333…${N}$`,
    );
    expect(percentText(Rational.parse("0.27")!, "fr")).toBe(`27,00${N}%`);
    expect(percentText(Rational.parse("0.0000123")!, "fr")).toBe(`0,0012${N}%`);
    expect(cellText(shares(10709677418n), "fr")).toBe(`10${N}709${N}677${N}418`);
    expect(cellText(money(usd("830000000000")), "fr")).toBe("830 Md$");
    expect(cellText(money(usd("829999999895"), "exact"), "fr")).toBe(`829${N}999${N}999${N}895,00${N}$`);
    expect(
      cellText({ kind: "number", value: Rational.parse("3627.4432")!, places: 2, suffix: "x" }, "fr"),
    ).toBe(`3${N}627,44x`);
    expect(cellText({ kind: "date", value: "2026-01-28" as never }, "fr")).toBe("2026-01-28");
    expect(axisText(Rational.parse("0.25")!, { kind: "fraction" }, "fr")).toBe(`25${N}%`);
    expect(axisText(Rational.of(1500000n), { kind: "count" }, "fr")).toBe(`1,5${N}M`);
    expect(axisText(Rational.of(20n * 10n ** 9n), { kind: "money", currency: "USD" as never }, "fr")).toBe(
      "20 Md$",
    );
    // The embedded font has no narrow no-break space: the PDF prints the no-break space.
    expect(printable(`27,00${N}%`)).toBe("27,00\u00a0%");
  });

  it("REP-2a: a French figure is the English one with a decimal comma and spaced groups (property)", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
        fc.integer({ min: 0, max: 6 }),
        (n, places) => {
          const value = usd(Rational.of(n, 10n ** BigInt(places)).toDecimalString(places));
          const en = exactMoneyText(value, 2, 6);
          const fr = exactMoneyText(value, 2, 6, "fr");
          const digitsEn = en.replace("$", "").replaceAll(",", "");
          const digitsFr = fr.replace(`${N}$`, "").replaceAll(N, "").replace(",", ".");
          expect(digitsFr).toBe(digitsEn);
          expect(cellText(shares(n), "fr").replaceAll(N, "")).toBe(n.toString());
        },
      ),
    );
  });
});

describe("how a printed report writes figures (SPEC REP-2)", () => {
  it("REP-2: money in tables reads compactly, three significant digits, rolling over to the next scale", () => {
    expect(compactMoney(usd("830000000000"))).toBe("$830B");
    expect(compactMoney(usd("1200000"))).toBe("$1.2M");
    expect(compactMoney(usd("1250000000"))).toBe("$1.25B");
    expect(compactMoney(usd("999999.69"))).toBe("$1M");
    expect(compactMoney(usd("64470.98"))).toBe("$64.5K");
    expect(compactMoney(usd("950"))).toBe("$950");
    expect(compactMoney(usd("-4500000"))).toBe("-$4.5M");
    expect(
      compactMoney({ kind: "money", currency: "CHF" as never, amount: Rational.of(3n * 10n ** 8n) }),
    ).toBe("300M CHF");
  });

  it("REP-2: exact money to the cent, prices to their last decimal up to ten", () => {
    expect(exactMoneyText(usd("829999999895"), 2)).toBe("$829,999,999,895.00");
    expect(priceText(usd("77.5"))).toBe("$77.50");
    expect(priceText(usd("0.1234567"))).toBe("$0.1234567");
    expect(priceText({ kind: "money", currency: "USD" as never, amount: Rational.of(1n, 3n) })).toBe(
      "$0.3333333333…",
    );
  });

  it("REP-2: percentages with two decimals, more when small but not zero", () => {
    expect(percentText(Rational.parse("0.2575301205")!)).toBe("25.75%");
    expect(percentText(Rational.ZERO)).toBe("0.00%");
    expect(percentText(Rational.parse("0.0000123")!)).toBe("0.0012%");
  });
});

describe("table totals and workbook cells (SPEC REP-4, REP-5)", () => {
  it("REP-4: a total is the exact sum of its column; text and mixed currencies have none", () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: 0n, max: 10n ** 15n }), { minLength: 1, maxLength: 30 }),
        (counts) => {
          const table: Table = {
            kind: "table",
            columns: [
              { key: "name", header: "Holder" },
              { key: "n", header: "Shares" },
              { key: "m", header: "Invested" },
            ],
            rows: counts.map((n, i) => ({
              cells: { name: text(`h${i}`), n: shares(n), m: money(usd(`${n}.01`)) },
            })),
            total: { label: "Total", sums: ["name", "n", "m"] },
          };
          const totals = tableTotals(table);
          const sum = counts.reduce((a, b) => a + b, 0n);
          expect(totals.get("n")).toEqual(shares(sum));
          const m = totals.get("m");
          expect(
            m?.kind === "money" && m.value.amount.eq(Rational.of(sum).add(Rational.of(counts.length, 100))),
          ).toBe(true);
          expect(totals.has("name")).toBe(false);
        },
      ),
    );
    const mixed: Table = {
      kind: "table",
      columns: [{ key: "m", header: "m" }],
      rows: [
        { cells: { m: money(usd("1")) } },
        { cells: { m: money({ kind: "money", currency: "EUR" as never, amount: Rational.ONE }) } },
      ],
      total: { label: "Total", sums: ["m"] },
    };
    expect(tableTotals(mixed).has("m")).toBe(false);
  });

  it("REP-5: a cell's double is the one nearest the exact value; columns are lettered as Excel does", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
        fc.bigInt({ min: 1n, max: 10n ** 12n }),
        (n, d) => {
          const exact = Rational.of(n, d);
          const double = nearestDouble(exact);
          const distance = (x: number) => exactOfDouble(x).sub(exact).abs();
          expect(distance(double).lte(distance(nextDouble(double, 1)))).toBe(true);
          expect(distance(double).lte(distance(nextDouble(double, -1)))).toBe(true);
        },
      ),
    );
    expect([1, 26, 27, 52, 703].map(columnLetter)).toEqual(["A", "Z", "AA", "AZ", "AAA"]);
  });
});

/** The exact value of a double: its significand times a power of two. */
function exactOfDouble(x: number): Rational {
  if (x === 0) return Rational.ZERO;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const sign = bits >> 63n ? -1n : 1n;
  const exponent = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const significand = exponent === 0 ? fraction : fraction | (1n << 52n);
  const power = (exponent === 0 ? 1 : exponent) - 1075;
  return power >= 0
    ? Rational.of(sign * significand * 2n ** BigInt(power))
    : Rational.of(sign * significand, 2n ** BigInt(-power));
}

/** The next double up (direction 1) or down (-1). */
function nextDouble(x: number, direction: 1 | -1): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigInt64(0);
  if (x === 0) return direction * Number.MIN_VALUE;
  view.setBigInt64(0, bits + (x > 0 === direction > 0 ? 1n : -1n));
  return view.getFloat64(0);
}
