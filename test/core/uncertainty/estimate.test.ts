import { describe, expect, it } from "vitest";
import { currency } from "../../../src/core/exact/money.js";
import { rat } from "../../../src/core/exact/rational.js";
import {
  estimateFromStructure,
  formatEstimate,
  makeEstimate,
} from "../../../src/core/uncertainty/estimate.js";
import { parseEstimate } from "../../../src/core/uncertainty/estimate-parse.js";

const B = (n: string) => rat(n).mul(rat(10n ** 9n));

function parsed(text: string, unit: "money" | "fraction" = "money") {
  const r = parseEstimate(text, { unit });
  if (!r.ok) throw new Error(r.problems[0]!.message);
  return r.value;
}

function problemOf(text: string, unit: "money" | "fraction" = "money") {
  const r = parseEstimate(text, { unit });
  if (r.ok) throw new Error(`${text} parsed`);
  return r.problems[0]!;
}

describe("UNC-PARSE-1 qualifiers in English and French", () => {
  const cases: [
    string,
    string,
    string | undefined,
    boolean | undefined,
    string | undefined,
    boolean | undefined,
  ][] = [
    // text, qualifier, lower, lower strict, upper, upper strict
    ["up to $50B", "up_to", undefined, undefined, "50", false],
    ["< 10 Md$", "less_than", undefined, undefined, "10", true],
    ["less than 10 billion dollars", "less_than", undefined, undefined, "10", true],
    ["jusqu'à 100 milliards de dollars", "up_to", undefined, undefined, "100", false],
    ["jusqu’à 100 milliards de dollars", "up_to", undefined, undefined, "100", false],
    ["inférieure à 10 milliards de dollars", "less_than", undefined, undefined, "10", true],
    [">= $20B", "at_least", "20", false, undefined, undefined],
    ["plus de 5 Md$", "more_than", "5", true, undefined, undefined],
    ["$10B or more", "at_least", "10", false, undefined, undefined],
    ["between $1B and $2B", "between", "1", false, "2", false],
    ["entre 1 et 2 Md€", "between", "1", false, "2", false],
    ["de 1 à 2 milliards de dollars", "between", "1", false, "2", false],
    ["1-2 Md$", "between", "1", false, "2", false],
    ["$60B", "exact", "60", false, "60", false],
  ];
  for (const [text, qualifier, lo, loStrict, hi, hiStrict] of cases) {
    it(`reads "${text}"`, () => {
      const e = parsed(text);
      expect(e.qualifier).toBe(qualifier);
      expect(e.lower?.value.toString()).toBe(lo === undefined ? undefined : B(lo).toString());
      expect(e.lower?.strict).toBe(loStrict);
      expect(e.upper?.value.toString()).toBe(hi === undefined ? undefined : B(hi).toString());
      expect(e.upper?.strict).toBe(hiStrict);
    });
  }

  it("keeps the currency written: € for Md€, $ otherwise", () => {
    expect(parsed("entre 1 et 2 Md€").unit).toEqual({ kind: "money", currency: "EUR" });
    expect(parsed("about €2.5M").unit).toEqual({ kind: "money", currency: "EUR" });
    expect(parsed("~$40B").unit).toEqual({ kind: "money", currency: "USD" });
  });
});

describe("UNC-EST-2..UNC-EST-7 default distributions", () => {
  it("UNC-EST-3: about X is triangular on [0.9X, 1.1X] with mode X", () => {
    // about €2.5M: 2,250,000 to 2,750,000.
    const e = parsed("about €2.5M");
    expect(e.distribution).toEqual({
      kind: "triangular",
      min: rat(2_250_000),
      mode: rat(2_500_000),
      max: rat(2_750_000),
    });
    expect(parsed("environ 40 Md$").distribution).toEqual(parsed("~$40B").distribution);
  });

  it("UNC-EST-3: a stated ± width replaces the default, in percent or absolute", () => {
    const pct = parsed("$40B±10%");
    expect([pct.lower!.value, pct.upper!.value]).toEqual([B("36"), B("44")]);
    const abs = parsed("$40B ± $5B");
    expect([abs.lower!.value, abs.upper!.value, abs.width]).toEqual([B("35"), B("45"), rat("0.125")]);
  });

  it("UNC-EST-4: up to and less than are uniform on [0, X]", () => {
    expect(parsed("up to $50B").distribution).toEqual({ kind: "uniform", min: rat(0), max: B("50") });
    expect(parsed("< 10 Md$").distribution).toEqual({ kind: "uniform", min: rat(0), max: B("10") });
  });

  it("UNC-EST-6: at least X has an open upper end", () => {
    expect(parsed(">= $20B").distribution).toEqual({ kind: "uniform", min: B("20"), max: undefined });
  });

  it("UNC-EST-5: a range is uniform on its ends; an exact figure is a point", () => {
    expect(parsed("between $1B and $2B").distribution).toEqual({ kind: "uniform", min: B("1"), max: B("2") });
    expect(parsed("$60B").distribution).toEqual({ kind: "point", value: B("60") });
  });

  it("UNC-EST-7: a stated shape keeps the bounds", () => {
    const pert = parseEstimate("between $1B and $3B", { shape: "pert" });
    expect(pert.ok && pert.value.distribution).toEqual({
      kind: "pert",
      min: B("1"),
      mode: B("2"),
      max: B("3"),
      shape: rat(4),
    });
    const logn = parseEstimate("about $40B", { shape: "lognormal" });
    expect(logn.ok && logn.value.distribution).toEqual({ kind: "lognormal", p5: B("36"), p95: B("44") });
    const bad = parseEstimate("up to $40B", { shape: "lognormal" });
    expect(!bad.ok && bad.problems[0]!.code).toBe("estimate_invalid_distribution");
  });

  it("reads fractions: about 27% is [24.3%, 29.7%]", () => {
    const e = parsed("about 27%", "fraction");
    expect([e.lower!.value, e.stated, e.upper!.value]).toEqual([rat("0.243"), rat("0.27"), rat("0.297")]);
    expect(parsed("entre 20 et 30 %", "fraction").lower!.value).toEqual(rat("0.2"));
  });

  it("formats estimates back to words", () => {
    expect(
      ["up to $50B", "< 10 Md$", "~$40B", "entre 1 et 2 Md$", "$40B ± $5B", ">= $20B"].map((t) =>
        formatEstimate(parsed(t)),
      ),
    ).toEqual([
      "up to $50B",
      "less than $10B",
      "about $40B",
      "between $1B and $2B",
      "$40B ± 12.5%",
      "at least $20B",
    ]);
  });
});

describe("UNC-EST-8 bad estimates are typed problems", () => {
  it("an unknown qualifier names the word", () => {
    const p = problemOf("perhaps $5B");
    expect(p.code).toBe("estimate_unknown_qualifier");
    expect(p.message).toContain('"perhaps" is not a known qualifier');
  });
  it("a range whose lower end is above its upper end", () => {
    const p = problemOf("between $2B and $1B");
    expect(p.code).toBe("estimate_bounds_reversed");
    expect(p.message).toContain("the lower end $2B is above the upper end $1B");
  });
  it("a negative amount", () => {
    expect(problemOf("-$5B").code).toBe("estimate_negative");
    expect(problemOf("less than $0").code).toBe("estimate_negative");
  });
  it("a fraction above 100%", () => {
    expect(problemOf("at least 120%", "fraction").code).toBe("estimate_out_of_range");
  });
  it("text that is no estimate, two currencies, a missing amount, trailing words", () => {
    expect(problemOf("").code).toBe("estimate_unreadable");
    expect(problemOf("between $1B and €2B").message).toContain("two currencies");
    expect(problemOf("up to").message).toContain('no amount after "up to"');
    expect(problemOf("$5B maybe").message).toContain('unexpected "maybe"');
    expect(problemOf("$5B", "fraction").code).toBe("claim_unit_mismatch");
    expect(problemOf("about 50").message).toContain("names no currency");
  });
  it("an about-width of 100% or more", () => {
    const r = makeEstimate(
      "about",
      { value: rat(10) },
      { kind: "money", currency: currency("USD") },
      { width: rat(1) },
    );
    expect(!r.ok && r.problems[0]!.code).toBe("estimate_invalid_distribution");
  });
});

describe("UNC-EST-9 structured estimates", () => {
  it("min, max and mode give a triangular range", () => {
    const r = estimateFromStructure({ min: "$10B", max: "$20B", mode: "$12B" }, "money");
    expect(r.ok && r.value.qualifier).toBe("between");
    expect(r.ok && r.value.distribution).toEqual({
      kind: "triangular",
      min: B("10"),
      mode: B("12"),
      max: B("20"),
    });
  });
  it("max alone is up to; maxStrict makes it less than; value alone is exact", () => {
    const upTo = estimateFromStructure({ max: "$10B", maxStrict: true }, "money");
    expect(upTo.ok && [upTo.value.qualifier, upTo.value.upper!.strict]).toEqual(["less_than", true]);
    const exact = estimateFromStructure({ value: "60 Md$" }, "money");
    expect(exact.ok && exact.value.distribution).toEqual({ kind: "point", value: B("60") });
  });
  it("a lognormal by its 5th and 95th percentiles", () => {
    const r = estimateFromStructure({ distribution: "lognormal", p5: "$700B", p95: "$900B" }, "money");
    expect(r.ok && r.value.distribution).toEqual({ kind: "lognormal", p5: B("700"), p95: B("900") });
    expect(r.ok && r.value.lower).toBeUndefined();
  });
  it("plain numbers take the default currency; fractions read percentages", () => {
    const r = estimateFromStructure({ min: "1000", max: "2000" }, "money", {
      defaultCurrency: currency("EUR"),
    });
    expect(r.ok && r.value.unit).toEqual({ kind: "money", currency: "EUR" });
    const f = estimateFromStructure({ value: "27%" }, "fraction");
    expect(f.ok && f.value.stated).toEqual(rat("0.27"));
  });
  it("bad structures: reversed, mode outside, unknown qualifier and distribution, two currencies", () => {
    const code = (s: Parameters<typeof estimateFromStructure>[0]) => {
      const r = estimateFromStructure(s, "money", { defaultCurrency: currency("USD") });
      return r.ok ? "ok" : r.problems[0]!.code;
    };
    expect(code({ min: "$20B", max: "$10B" })).toBe("estimate_bounds_reversed");
    expect(code({ min: "$10B", max: "$20B", mode: "$25B" })).toBe("estimate_bounds_reversed");
    expect(code({ qualifier: "roughly-ish", value: "$5B" })).toBe("estimate_unknown_qualifier");
    expect(code({ min: "$1B", max: "$2B", distribution: "gaussian" })).toBe("estimate_invalid_distribution");
    expect(code({ min: "$1B", max: "€2B" })).toBe("estimate_unreadable");
    expect(code({ value: "-$1B" })).toBe("estimate_negative");
    expect(code({})).toBe("estimate_unreadable");
  });
});
