import { describe, expect, test } from "vitest";
import { rat } from "../../../src/core/exact/rational.js";
import { exitBreakpoints } from "../../../src/core/exit/breakpoints.js";
import { stakeholderId } from "../../../src/core/shared/ids.js";
import { LedgerBuilder } from "../../support/ledger-builder.js";
import { at, holderTotal, model, paid, stateOf, terms } from "./helpers.js";

const breakpointsOf = (m: ReturnType<typeof model>) =>
  exitBreakpoints(m).breakpoints.map((b) => b.toString());

describe("EXIT-5, EXIT-6: non-participating preferred takes the greater of its preference and its as-converted share", () => {
  // Hand calculation: Series A bought 3,000,000 shares at $1.00 (30% as-converted), 1x
  // non-participating (NVCA charter §2.1: the greater of the preference and the amount
  // "as would have been payable had all shares ... been converted").
  // $5M: 30% × 5M = 1.5M < 3M, so A takes $3M and common $2M.
  // $20M: 30% × 20M = 6M > 3M, so A converts: $6M, common $14M.
  // $10M: 30% × 10M = 3M = the preference: indifferent, A keeps its preference (EXIT-14).
  const table = new LedgerBuilder()
    .common("common")
    .preferred("series-a", { originalIssuePrice: "1", multiple: "1" })
    .issue("founder", "common", 7_000_000n)
    .issue("fund", "series-a", 3_000_000n, { price: "1" })
    .table();
  const m = model(table);

  test("below the crossover the class takes its preference", () => {
    const o = at(m, "5000000");
    expect(paid(o, "shares:series-a")).toBe("3000000");
    expect(stateOf(o, "shares:series-a")).toBe("takes_preference");
    expect(holderTotal(o, "founder")).toBe("2000000");
  });

  test("above the crossover it converts", () => {
    const o = at(m, "20000000");
    expect(paid(o, "shares:series-a")).toBe("6000000");
    expect(stateOf(o, "shares:series-a")).toBe("converts");
    expect(holderTotal(o, "founder")).toBe("14000000");
    expect(o.commonPrice.toString()).toBe("2");
  });

  test("exactly at the crossover it is indifferent and keeps its preference", () => {
    const o = at(m, "10000000");
    expect(paid(o, "shares:series-a")).toBe("3000000");
    expect(stateOf(o, "shares:series-a")).toBe("takes_preference");
    expect(holderTotal(o, "founder")).toBe("7000000");
  });

  test("EXIT-15: breakpoints at $3M (preference paid) and $10M (conversion)", () => {
    expect(breakpointsOf(m)).toEqual(["0", "3000000", "10000000"]);
  });
});

describe("EXIT-6: fully participating preferred", () => {
  // Public example (solutioninn.com, "Suppose VCs invested $5 million to purchase Series A
  // Participating Preferred Shares", 2x preference, 30% as-converted, sale for $30M):
  // A receives 2 × 5M = 10M, then 30% of the remaining 20M = 6M: 16M; common 14M.
  test("takes its 2x preference, then its as-converted share of the rest", () => {
    const table = new LedgerBuilder()
      .common("common")
      .preferred("series-a", { originalIssuePrice: "5/3", multiple: "2", participation: "full" })
      .issue("founders", "common", 7_000_000n)
      .issue("vc", "series-a", 3_000_000n, { invested: "5000000" })
      .table();
    const o = at(model(table), "30000000");
    expect(paid(o, "shares:series-a")).toBe("16000000");
    expect(holderTotal(o, "founders")).toBe("14000000");
    expect(o.positions.find((p) => p.position === "shares:series-a")!.preference.toString()).toBe("10000000");
  });
});

describe("EXIT-7: participation capped at a multiple (total return cap)", () => {
  // Public example (plnmw.com, capped participating preferred): $5M for one third of the
  // company, 2x preference ($10M), participation capped at 4x ($20M in total).
  // Hand calculation: common 10,000,000 shares, A 5,000,000 shares at $1.
  // Up to $10M A takes everything; then 10M + (E − 10M)/3 until that reaches 20M at E = 40M;
  // A stays at 20M until its one third of E exceeds 20M, at E = 60M; above, it converts.
  const table = new LedgerBuilder()
    .common("common")
    .preferred("series-a", { originalIssuePrice: "1", multiple: "2", participation: { cap: "4" } })
    .issue("founders", "common", 10_000_000n)
    .issue("investor", "series-a", 5_000_000n, { price: "1" })
    .table();
  const m = model(table);

  test("participates below the cap", () => {
    const o = at(m, "30000000");
    expect(paid(o, "shares:series-a")).toBe("50000000/3");
    expect(stateOf(o, "shares:series-a")).toBe("participates");
  });

  test("reaches the cap at $40M and stays there until the crossover at $60M", () => {
    expect(paid(at(m, "40000000"), "shares:series-a")).toBe("20000000");
    const o = at(m, "50000000");
    expect(paid(o, "shares:series-a")).toBe("20000000");
    expect(stateOf(o, "shares:series-a")).toBe("at_cap");
    expect(holderTotal(o, "founders")).toBe("30000000");
    const crossover = at(m, "60000000");
    expect(paid(crossover, "shares:series-a")).toBe("20000000");
    expect(stateOf(crossover, "shares:series-a")).toBe("at_cap");
  });

  test("converts above the crossover", () => {
    const o = at(m, "90000000");
    expect(paid(o, "shares:series-a")).toBe("30000000");
    expect(stateOf(o, "shares:series-a")).toBe("converts");
  });

  test("EXIT-15: breakpoints at $10M, $40M and $60M", () => {
    expect(breakpointsOf(m)).toEqual(["0", "10000000", "40000000", "60000000"]);
  });
});

describe("EXIT-5: seniority stacks and pari passu", () => {
  // Hand calculation, exit $12M below the $15M of preferences: Series B ($10M, 1x) and
  // Series A ($5M, 1x). Senior B: B 10M, A 2M, common 0. Pari passu: in proportion to the
  // full amounts, 12M × 10/15 = 8M to B and 12M × 5/15 = 4M to A.
  const build = (seniorityB: number) =>
    new LedgerBuilder()
      .common("common")
      .preferred("series-a", { originalIssuePrice: "1", seniority: 1 })
      .preferred("series-b", { originalIssuePrice: "2", seniority: seniorityB })
      .issue("founders", "common", 10_000_000n)
      .issue("fund-a", "series-a", 5_000_000n, { price: "1" })
      .issue("fund-b", "series-b", 5_000_000n, { price: "2" })
      .table();

  test("a senior class is paid in full before a junior one", () => {
    const o = at(model(build(2)), "12000000");
    expect(paid(o, "shares:series-b")).toBe("10000000");
    expect(paid(o, "shares:series-a")).toBe("2000000");
    expect(holderTotal(o, "founders")).toBe("0");
  });

  test("pari passu classes share a shortfall in proportion to their preferences", () => {
    const o = at(model(build(1)), "12000000");
    expect(paid(o, "shares:series-b")).toBe("8000000");
    expect(paid(o, "shares:series-a")).toBe("4000000");
    expect(stateOf(o, "shares:common")).toBe("common");
  });

  test("EXIT-15: the senior level is paid at $10M, the whole stack at $15M; A converts at $25M, B at $40M", () => {
    // A converts when (E − 10M) / 15M shares exceeds its $1 preference per share: E > 25M;
    // B when E / 20M shares exceeds $2: E > 40M.
    expect(breakpointsOf(model(build(2)))).toEqual(["0", "10000000", "15000000", "25000000", "40000000"]);
  });
});

describe("EXIT-14: conversion order of several non-participating series", () => {
  // Public exercise (Metrick & Yasuda, Venture Capital and the Finance of Innovation;
  // posted at expertsmind.com/questions/find-the-conversion-order-for-investors-30149689.aspx):
  // founders 10m common; A: $5m with a 2x preference or 5m shares; B: $10m or 8m shares;
  // C: $10m or 5m shares; D: $5m or 10m shares. Here all series rank pari passu.
  // Conversion prices (preference per share): D 0.5, B 1.25, A 2, C 2.
  // D converts when (E − 30M)/20M > 0.5: E > 40M. B when (E − 20M)/28M > 1.25: E > 55M.
  // A and C when E/38M > 2: E > 76M. The stack of $35M is paid at E = 35M.
  const M = 1_000_000n;
  const table = new LedgerBuilder()
    .common("common")
    .preferred("a", { originalIssuePrice: "1", multiple: "2" })
    .preferred("b", { originalIssuePrice: "1.25" })
    .preferred("c", { originalIssuePrice: "2" })
    .preferred("d", { originalIssuePrice: "0.5" })
    .issue("founders", "common", 10n * M)
    .issue("fund-a", "a", 5n * M)
    .issue("fund-b", "b", 8n * M)
    .issue("fund-c", "c", 5n * M)
    .issue("fund-d", "d", 10n * M)
    .table();
  const m = model(table);

  test("breakpoints at $35M, $40M, $55M and $76M, with the conversions in order", () => {
    const bp = exitBreakpoints(m);
    expect(bp.breakpoints.map((b) => b.toString())).toEqual([
      "0",
      "35000000",
      "40000000",
      "55000000",
      "76000000",
    ]);
    expect(bp.events[2]).toEqual([{ kind: "regime_change", positions: ["shares:d"] }]);
    expect(bp.events[3]).toEqual([{ kind: "regime_change", positions: ["shares:b"] }]);
    expect(bp.events[4]).toEqual([{ kind: "regime_change", positions: ["shares:a", "shares:c"] }]);
  });

  test("$45M: D has converted, the others take their preferences", () => {
    // p = (45M − 30M) / 20M = 0.75: common and D 7.5M each.
    const o = at(m, "45000000");
    expect(["common", "a", "b", "c", "d"].map((c) => paid(o, `shares:${c}`))).toEqual([
      "7500000",
      "10000000",
      "10000000",
      "10000000",
      "7500000",
    ]);
  });

  test("$60M: D and B have converted", () => {
    // p = (60M − 20M) / 28M = 10/7: common and D 100/7 M, B 80/7 M, A and C 10M.
    const o = at(m, "60000000");
    expect(["common", "a", "b", "c", "d"].map((c) => paid(o, `shares:${c}`))).toEqual([
      "100000000/7",
      "10000000",
      "80000000/7",
      "10000000",
      "100000000/7",
    ]);
  });

  test("$100M: everyone has converted and shares 100M over 38M shares", () => {
    const o = at(m, "100000000");
    expect(["common", "a", "b", "c", "d"].map((c) => paid(o, `shares:${c}`))).toEqual([
      "500000000/19",
      "250000000/19",
      "400000000/19",
      "250000000/19",
      "500000000/19",
    ]);
  });
});

describe("EXIT-9: options and warrants exercise when in the money", () => {
  // Hand calculation: founder 9,000,000 common; employee 1,000,000 options at $1.00.
  // Exercising adds $1 per share to the proceeds and one share to the count: at exit E the
  // price with exercise is (E + 1M) / 10M, above $1 exactly when E > 9M.
  const build = () =>
    new LedgerBuilder()
      .common("common")
      .pool("plan", "common", 1_000_000n)
      .issue("founder", "common", 9_000_000n)
      .grant("employee", 1_000_000n, { pool: "plan", price: "1" });

  test("under water at $5M: the options receive nothing", () => {
    const o = at(model(build().table()), "5000000");
    expect(stateOf(o, "options:common@1")).toBe("out_of_the_money");
    expect(holderTotal(o, "employee")).toBe("0");
    expect(holderTotal(o, "founder")).toBe("5000000");
  });

  test("in the money at $20M with cash exercise: the strike is paid into the proceeds", () => {
    // p = 21M / 10M = 2.10; employee receives 2.1M and paid 1M: nets 1.1M; founder 18.9M.
    const o = at(model(build().table()), "20000000");
    const employee = o.holders.find((h) => h.holder === "employee")!;
    expect(employee.proceeds.toString()).toBe("2100000");
    expect(employee.exercisePaid.toString()).toBe("1000000");
    expect(employee.net.toString()).toBe("1100000");
    expect(holderTotal(o, "founder")).toBe("18900000");
    expect(o.exerciseCash.toString()).toBe("1000000");
    expect(o.distributable.toString()).toBe("21000000");
  });

  test("net exercise nets the same, without exercise cash", () => {
    const o = at(model(build().table(), terms({ exercise: "net" })), "20000000");
    const employee = o.holders.find((h) => h.holder === "employee")!;
    expect(employee.net.toString()).toBe("1100000");
    expect(employee.exercisePaid.toString()).toBe("0");
    expect(o.distributable.toString()).toBe("20000000");
  });

  test("EXIT-15: the options start to pay at $9M", () => {
    expect(breakpointsOf(model(build().table()))).toEqual(["0", "9000000"]);
  });

  test("a warrant on a preferred class counts as the common it converts into, at a strike per common share", () => {
    // Series A converts 2 for 1 (issue price $2, conversion price $1). A warrant for 1,000
    // Series A shares at $2 is 2,000 common-equivalents at $1.
    const table = new LedgerBuilder()
      .common("common")
      .preferred("series-a", { originalIssuePrice: "2", conversionPrice: "1" })
      .issue("founder", "common", 1_000_000n)
      .warrant("bank", "series-a", 1_000n, "2", { id: "w1" })
      .table();
    const position = model(table).positions.find((p) => p.id === "warrant:w1")!;
    expect(position.shares.toString()).toBe("2000");
    expect(position.rights).toEqual({ kind: "option", strike: rat(1) });
  });
});

describe("EXIT-10: unvested options and change-of-control acceleration", () => {
  // Hand calculation: 48,000 options on a 48-month schedule with a 12-month cliff, monthly
  // vesting, from 2023-01-01; exit on 2024-07-01 (18 months): 18,000 vested. Single-trigger
  // acceleration of half the rest adds 15,000 (33,000); a holder terminated at the exit
  // gets the double trigger of 100%: 48,000.
  const build = () =>
    new LedgerBuilder({ start: "2023-01-01" })
      .common("common")
      .vesting("std", { months: 48, cliff: 12, interval: 1, singleTrigger: "1/2", doubleTrigger: "1" })
      .pool("plan", "common", 100_000n)
      .issue("founder", "common", 1_000_000n)
      .grant("staying", 48_000n, { pool: "plan", price: "0.1", vesting: "std" })
      .grant("leaving", 48_000n, { pool: "plan", price: "0.1", vesting: "std" })
      .table();

  test("only vested and accelerated options take part", () => {
    const m = model(
      build(),
      terms(
        { optionVesting: "vested_on_change_of_control", terminatedHolders: [stakeholderId("leaving")] },
        "2024-07-01",
      ),
    );
    const options = m.positions.find((p) => p.kind === "options")!;
    expect(options.holders.map((h) => [h.holder, h.units])).toEqual([
      ["staying", 33_000n],
      ["leaving", 48_000n],
    ]);
    expect(m.unvestedOptionsExcluded).toBe(15_000n);
  });

  test("by default every outstanding option takes part", () => {
    const m = model(build(), terms({}, "2024-07-01"));
    expect(m.positions.find((p) => p.kind === "options")!.units).toBe(96_000n);
  });
});

describe("EXIT-11: SAFEs outstanding at the exit", () => {
  // YC post-money safe (v1.2, ycombinator.com/documents), section 1(b): at a Liquidity
  // Event the investor receives the greater of the Purchase Amount and the amount payable
  // on Purchase Amount / Liquidity Price shares, Liquidity Price = Post-Money Valuation Cap
  // / Liquidity Capitalization. Hand calculation: founders 9,000,000 shares; $1M SAFE at a
  // $10M post-money cap. The Liquidity Capitalization includes the SAFE's own shares:
  // 9M / (1 − 1/10) = 10M shares, so the Liquidity Price is $1.00 and the SAFE converts
  // into 1,000,000 shares (10% of the company).
  const table = new LedgerBuilder()
    .common("common")
    .issue("founders", "common", 9_000_000n)
    .safe("angel", { amount: "1000000", cap: "10000000", id: "s1" })
    .table();
  const m = model(table);

  test("the conversion shares come from the Liquidity Capitalization", () => {
    expect(m.liquidityCapitalization.toString()).toBe("10000000");
    expect(m.positions.find((p) => p.id === "safe:s1")!.shares.toString()).toBe("1000000");
  });

  test("at $5M the SAFE takes its $1M cash-out", () => {
    const o = at(m, "5000000");
    expect(paid(o, "safe:s1")).toBe("1000000");
    expect(stateOf(o, "safe:s1")).toBe("takes_preference");
    expect(holderTotal(o, "founders")).toBe("4000000");
  });

  test("at $50M it takes its conversion amount, 10%", () => {
    const o = at(m, "50000000");
    expect(paid(o, "safe:s1")).toBe("5000000");
    expect(stateOf(o, "safe:s1")).toBe("converts");
    expect(holderTotal(o, "founders")).toBe("45000000");
  });

  test("EXIT-15: breakpoints at $1M (cash-out paid) and $10M (the cap)", () => {
    expect(breakpointsOf(m)).toEqual(["0", "1000000", "10000000"]);
  });

  test("a pre-money SAFE converts against the capitalization without SAFEs", () => {
    // Original YC safe: Liquidity Capitalization excludes safes; $1M at a $9M cap over 9M
    // shares: price $1.00, 1,000,000 shares.
    const pre = new LedgerBuilder()
      .common("common")
      .issue("founders", "common", 9_000_000n)
      .safe("angel", { amount: "1000000", cap: "9000000", type: "pre_money", id: "s1" })
      .table();
    expect(
      model(pre)
        .positions.find((p) => p.id === "safe:s1")!
        .shares.toString(),
    ).toBe("1000000");
    expect(paid(at(model(pre), "50000000"), "safe:s1")).toBe("5000000");
  });

  test("outstanding options count in the Liquidity Capitalization even under water", () => {
    // Founders 8,000,000; 1,000,000 options at $5; $1M SAFE at $10M post: LC = 9M / 0.9 =
    // 10M, 1,000,000 SAFE shares. At $20M the options are under water, so the SAFE's 1M
    // shares share 20M with the founders' 8M: 20M / 9.
    const withOptions = new LedgerBuilder()
      .common("common")
      .pool("plan", "common", 1_000_000n)
      .issue("founders", "common", 8_000_000n)
      .grant("staff", 1_000_000n, { pool: "plan", price: "5" })
      .safe("angel", { amount: "1000000", cap: "10000000", id: "s1" })
      .table();
    const o = at(model(withOptions), "20000000");
    expect(paid(o, "safe:s1")).toBe("20000000/9");
    expect(stateOf(o, "options:common@5")).toBe("out_of_the_money");
  });

  test("a discount-only SAFE receives Purchase Amount / (1 − discount) once common is paid", () => {
    // YC discount-only safe: Liquidity Price = fair market value × Discount Rate, so the
    // conversion amount is $1M / 0.8 = $1.25M. Below that the holders share what there is:
    // the $1M cash-out first, then the extra $0.25M ahead of common.
    const discount = new LedgerBuilder()
      .common("common")
      .issue("founders", "common", 9_000_000n)
      .safe("angel", { amount: "1000000", discount: "0.2", id: "s1" })
      .table();
    const d = model(discount);
    expect(paid(at(d, "5000000"), "safe:s1")).toBe("1250000");
    expect(holderTotal(at(d, "5000000"), "founders")).toBe("3750000");
    expect(paid(at(d, "1100000"), "safe:s1")).toBe("1100000");
    expect(paid(at(d, "500000"), "safe:s1")).toBe("500000");
  });
});

describe("EXIT-12: notes outstanding at the exit", () => {
  // Hand calculation: $100,000 note at 6% simple interest from 2023-01-01 to the exit on
  // 2024-01-01 (365 days): balance $106,000. Cap $4M pre-money over 4,000,000 shares: price
  // $1.00, 106,000 conversion shares. The note takes the greater of repayment (senior to all
  // stock) and conversion (Cooley GO Series Seed note form: repayment, or conversion at the
  // cap at a change of control).
  const build = (withPreferred: boolean) => {
    const b = new LedgerBuilder({ start: "2023-01-01" }).common("common");
    if (withPreferred) b.preferred("series-a", { originalIssuePrice: "1", seniority: 5 });
    b.issue("founders", "common", 4_000_000n);
    if (withPreferred) b.issue("fund", "series-a", 1_000_000n, { price: "1" });
    return b.note("lender", { principal: "100000", rate: "0.06", cap: "4000000", id: "n1" }).table();
  };

  test("repaid at a small exit", () => {
    const o = at(model(build(false), terms({}, "2024-01-01")), "1000000");
    expect(paid(o, "note:n1")).toBe("106000");
    expect(holderTotal(o, "founders")).toBe("894000");
  });

  test("converts at a large one", () => {
    // 106,000 / 4,106,000 of $10M = 530,000,000 / 2,053.
    const o = at(model(build(false), terms({}, "2024-01-01")), "10000000");
    expect(paid(o, "note:n1")).toBe("530000000/2053");
    expect(stateOf(o, "note:n1")).toBe("converts");
  });

  test("its repayment ranks above every preferred class", () => {
    const o = at(model(build(true), terms({}, "2024-01-01")), "500000");
    expect(paid(o, "note:n1")).toBe("106000");
    expect(paid(o, "shares:series-a")).toBe("394000");
  });

  test("a repayment premium is added on the principal", () => {
    // Cooley GO form's optional premium: 20% of principal: 106,000 + 20,000.
    const o = at(model(build(false), terms({ noteRepaymentPremium: rat("0.2") }, "2024-01-01")), "1000000");
    expect(paid(o, "note:n1")).toBe("126000");
  });
});

describe("EXIT-4: cumulative dividends add to the preference; non-cumulative ones are not declared", () => {
  // Hand calculation: 1,000,000 Series A shares at $1.00, 8% a year, issued 2021-01-01, exit
  // 2023-01-01 (730 days): 0.08 × $1 × 1,000,000 × 730/365 = $160,000 accrued. At a $1.5M
  // exit A takes $1.16M (as-converted it would get half, $750k); common $340k.
  const build = (cumulative: boolean) =>
    new LedgerBuilder({ start: "2021-01-01" })
      .common("common")
      .preferred("series-a", { originalIssuePrice: "1", dividends: { rate: "0.08", cumulative } })
      .issue("founders", "common", 1_000_000n)
      .issue("fund", "series-a", 1_000_000n, { price: "1" })
      .table();

  test("cumulative", () => {
    const o = at(model(build(true), terms({}, "2023-01-01")), "1500000");
    expect(paid(o, "shares:series-a")).toBe("1160000");
    expect(holderTotal(o, "founders")).toBe("340000");
  });

  test("non-cumulative", () => {
    const o = at(model(build(false), terms({}, "2023-01-01")), "1500000");
    expect(paid(o, "shares:series-a")).toBe("1000000");
  });

  test("dividends accrue per lot from its own issue date, and each holder's claim includes its own", () => {
    // Lot 1: 500,000 shares from 2021-01-01 (730 days): $80,000. Lot 2: 500,000 shares from
    // 2022-01-01 (365 days): $40,000. Preference $1,120,000, split 580,000 / 540,000.
    const table = new LedgerBuilder({ start: "2021-01-01" })
      .common("common")
      .preferred("series-a", { originalIssuePrice: "1", dividends: { rate: "0.08", cumulative: true } })
      .issue("founders", "common", 1_000_000n)
      .issue("early", "series-a", 500_000n, { price: "1" })
      .on("2022-01-01")
      .issue("late", "series-a", 500_000n, { price: "1" })
      .table();
    const o = at(model(table, terms({}, "2023-01-01")), "1120000");
    expect(paid(o, "shares:series-a")).toBe("1120000");
    expect(holderTotal(o, "early")).toBe("580000");
    expect(holderTotal(o, "late")).toBe("540000");
  });
});

describe("EXIT-2, EXIT-3: fees, debt and the carve-out come off the top", () => {
  // Hand calculation at $10M: fees $200,000 + 2% = $400,000; debt $1.6M; $8M left; a 10%
  // carve-out would be $800,000 and is capped at $500,000; equity $7.5M.
  const table = new LedgerBuilder()
    .common("common")
    .holder("ceo")
    .issue("founder", "common", 1_000_000n)
    .table();
  const b = new LedgerBuilder();
  const m = model(
    table,
    terms({
      fees: { fixed: b.money("200000"), rate: rat("0.02") },
      debt: b.money("1600000"),
      carveOut: {
        fraction: rat("0.1"),
        maximum: b.money("500000"),
        recipients: [{ holder: stakeholderId("ceo"), weight: rat(1) }],
      },
    }),
  );

  test("at $10M", () => {
    const o = at(m, "10000000");
    expect([o.fees, o.debt, o.carveOut, o.distributable].map((x) => x.toString())).toEqual([
      "400000",
      "1600000",
      "500000",
      "7500000",
    ]);
    expect(holderTotal(o, "founder")).toBe("7500000");
    expect(holderTotal(o, "ceo")).toBe("500000");
  });

  test("below the debt nothing reaches the equity", () => {
    // $1M: fees 200,000 + 20,000; the remaining 780,000 repays part of the debt.
    const o = at(m, "1000000");
    expect([o.fees, o.debt, o.carveOut, o.distributable].map((x) => x.toString())).toEqual([
      "220000",
      "780000",
      "0",
      "0",
    ]);
  });

  test("EXIT-15: fees covered at 200,000/0.98, debt at 1.8M/0.98, carve-out maximum at 6.8M/0.98", () => {
    expect(breakpointsOf(m)).toEqual(["0", "10000000/49", "90000000/49", "340000000/49"]);
  });
});

describe("EXIT-13: holders split a class's preference by claim and its as-converted part by shares", () => {
  // Hand calculation: class P, 1x non-participating, amount-invested base: x paid $1M for
  // 1,000,000 shares, y $0.5M for 1,000,000 (a discounted SAFE's shares). Preference
  // $1.5M. Common 2,000,000 shares. P converts when half the exit exceeds $1.5M (E > 3M).
  const table = new LedgerBuilder()
    .common("common")
    .preferred("p", { originalIssuePrice: "1", base: "amount_invested" })
    .issue("founder", "common", 2_000_000n)
    .issue("x", "p", 1_000_000n, { invested: "1000000" })
    .issue("y", "p", 1_000_000n, { invested: "500000" })
    .table();
  const m = model(table);

  test("the preference is split by invested amounts", () => {
    const o = at(m, "3000000");
    expect(holderTotal(o, "x")).toBe("1000000");
    expect(holderTotal(o, "y")).toBe("500000");
  });

  test("once the class converts, by shares: x's payout steps down at the class's crossover", () => {
    const o = at(m, "3000002");
    expect(holderTotal(o, "x")).toBe("1500001/2");
    expect(holderTotal(o, "y")).toBe("1500001/2");
  });
});
