import { describe, expect, it } from "vitest";
import { Rational } from "../../../src/core/exact/rational.js";
import {
  readAmount,
  readDate,
  readParticipation,
  readSecurity,
  readShares,
} from "../../../src/interchange/spreadsheet/cell-values.js";
import { normaliseHeader, recogniseHeader } from "../../../src/interchange/spreadsheet/headers.js";
import { readStatedPercent } from "../../../src/interchange/spreadsheet/stated-figures.js";

const text = (t: string) => ({ text: t });

describe("reading cells exactly (IMP-10..IMP-17)", () => {
  it("IMP-10 headers match without case, spaces, punctuation or accents, in English and French", () => {
    expect(normaliseHeader("Nombre d’Actions")).toBe(normaliseHeader("nombre_actions".replace("_", " d ")));
    for (const h of [
      "Shareholder",
      "ACTIONNAIRE",
      "Associé",
      "associe",
      "Porteur",
      "Investor name",
      "Nom du porteur",
    ])
      expect(recogniseHeader(h)?.field, h).toBe("holder");
    for (const h of [
      "# of shares",
      "No. of shares",
      "Number of Shares",
      "Nb actions",
      "Nombre d'actions",
      "Quantité",
      "quantity",
    ])
      expect(recogniseHeader(h)?.field, h).toBe("shares");
    expect(recogniseHeader("% fully diluted")).toEqual({ field: "percent", basis: "fully_diluted" });
    expect(recogniseHeader("% non dilué")).toEqual({ field: "percent", basis: "outstanding" });
    expect(recogniseHeader("Ownership")).toEqual({ field: "percent", basis: "either" });
    // The wording of UK registers and share-issue ledgers (found trying a Ltd's CSV as a new user).
    for (const h of [
      "Price paid per share",
      "Issue price per share",
      "Subscription price",
      "Prix de souscription",
    ])
      expect(recogniseHeader(h)?.field, h).toBe("price");
    expect(recogniseHeader("Favourite colour")).toBeUndefined();
  });

  it("IMP-12 share counts: grouped digits read exactly; abbreviations, fractions and negatives refused", () => {
    const ok = (t: string) => {
      const r = readShares(text(t));
      return r.ok ? r.value : r.why;
    };
    expect(ok("1,234,567")).toBe(1234567n);
    expect(ok("1 234 567")).toBe(1234567n);
    expect(ok("1\u202f234\u202f567")).toBe(1234567n);
    expect(ok("1.234.567")).toBe(1234567n);
    expect(ok("999999999999999999")).toBe(999999999999999999n);
    expect(ok("12,5k")).toMatch(/abbreviated/);
    expect(ok("2M")).toMatch(/abbreviated/);
    expect(ok("1,5")).toMatch(/not a whole number/);
    expect(ok("-1")).toMatch(/negative/);
    expect(readShares({ text: "4e+21", number: "4e+21" })).toMatchObject({ ok: false });
    expect(readShares({ text: "12500", number: "12500" })).toEqual({ ok: true, value: 12500n });
  });

  it("IMP-13 amounts: the project's exact parser, numeric cells from their decimal text", () => {
    const amount = (t: string) => {
      const r = readAmount(text(t));
      if (!r.ok) throw new Error(r.why);
      return [r.value.amount.toString(), r.value.currency];
    };
    expect(amount("1 234 567,89 €")).toEqual(["123456789/100", "EUR"]);
    expect(amount("$50B")).toEqual(["50000000000", "USD"]);
    expect(amount("0.0001")).toEqual(["1/10000", undefined]);
    expect(readAmount({ text: "0.1", number: "0.1" })).toEqual({
      ok: true,
      value: { amount: Rational.of(1n, 10n), currency: undefined },
    });
  });

  it("IMP-14 dates: ISO, day.month.year, and slash dates in the order given", () => {
    expect(readDate(text("2025-12-31"), undefined)).toEqual({ ok: true, value: "2025-12-31" });
    expect(readDate(text("31.12.2025"), undefined)).toEqual({ ok: true, value: "2025-12-31" });
    expect(readDate(text("01/02/2025"), "dmy")).toEqual({ ok: true, value: "2025-02-01" });
    expect(readDate(text("01/02/2025"), "mdy")).toEqual({ ok: true, value: "2025-01-02" });
    expect(readDate(text("31/02/2025"), "dmy")).toMatchObject({ ok: false });
    expect(readDate(text("01/02/2025"), undefined)).toMatchObject({ ok: false });
  });

  it("IMP-15 securities and participation from the words people use, French included", () => {
    const kind = (t: string) => {
      const r = readSecurity(text(t));
      return r.ok ? r.value : undefined;
    };
    expect([
      kind("BSPCE"),
      kind("BSA"),
      kind("BSA AIR"),
      kind("Stock Option"),
      kind("Actions ordinaires"),
      kind("Convertible note"),
      kind("AGA"),
    ]).toEqual(["option", "warrant", "safe", "option", "stock", "note", "rsu"]);
    expect(readParticipation(text("capped at 3x"))).toEqual({ ok: true, value: { cap: "3" } });
    expect(readParticipation(text("Non-participating"))).toEqual({ ok: true, value: "none" });
  });

  it("IMP-52 a percentage carries the precision it is written with", () => {
    const p = (
      cell: { text: string; number?: string; percentFormat?: boolean; formatDecimals?: number },
      units: "fraction" | "points",
    ) => {
      const r = readStatedPercent(cell, units);
      if ("why" in r) throw new Error(r.why);
      return [r.stated.toString(), r.tolerance.toString()];
    };
    // 33.33% is written to 0.01 of a percentage point: half of that is 0.005% = 1/20000.
    expect(p(text("33.33%"), "fraction")).toEqual(["3333/10000", "1/20000"]);
    expect(p(text("33,3 %"), "fraction")).toEqual(["333/1000", "1/2000"]);
    expect(p({ text: "0.25", number: "0.25", percentFormat: true, formatDecimals: 2 }, "fraction")).toEqual([
      "1/4",
      "1/20000",
    ]);
    expect(p(text("25"), "points")).toEqual(["1/4", "1/200"]);
  });
});
