import { describe, expect, test } from "vitest";
import { rat } from "../../../src/core/exact/rational.js";
import {
  breakpointRows,
  classPayoutFunction,
  exitBreakpoints,
  holderPayoutFunction,
  positionFunctions,
  proceedsFunctions,
} from "../../../src/core/exit/breakpoints.js";
import {
  evaluatePiecewise,
  type PiecewiseLinear,
  simplifyPiecewise,
} from "../../../src/core/exit/piecewise.js";
import { compilePayoutTable, payoutsAt, sweepPayouts } from "../../../src/core/exit/sweep.js";
import { shareClassId, stakeholderId } from "../../../src/core/shared/ids.js";
import { LedgerBuilder } from "../../support/ledger-builder.js";
import { model, terms } from "./helpers.js";

const text = (fn: PiecewiseLinear) => ({
  breakpoints: fn.breakpoints.map(String),
  slopes: fn.slopes.map(String),
  intercepts: fn.intercepts.map(String),
});

describe("EXIT-15: payouts as exact piecewise-linear functions of the exit value", () => {
  // The 1x non-participating example of waterfall.test.ts: founder 7,000,000 common, Series
  // A 3,000,000 shares at $1. Founder: 0 up to $3M, then E − 3M up to $10M, then 0.7·E.
  // Series A: E up to $3M, then $3M, then 0.3·E.
  const m = model(
    new LedgerBuilder()
      .common("common")
      .preferred("series-a", { originalIssuePrice: "1" })
      .issue("founder", "common", 7_000_000n)
      .issue("fund", "series-a", 3_000_000n, { price: "1" })
      .table(),
  );
  const bp = exitBreakpoints(m);

  test("a holder's function: slopes and intercepts per segment", () => {
    expect(text(holderPayoutFunction(bp, stakeholderId("founder")))).toEqual({
      breakpoints: ["0", "3000000", "10000000"],
      slopes: ["0", "1", "7/10"],
      intercepts: ["0", "-3000000", "0"],
    });
  });

  test("the breakpoint table: payouts at each breakpoint and the split of the next dollar", () => {
    const rows = breakpointRows(bp).map((r) => ({
      at: r.exitValue.toString(),
      payouts: r.payouts.map(String),
      next: r.nextDollar.map(String),
    }));
    // Positions: common, then Series A.
    expect(rows).toEqual([
      { at: "0", payouts: ["0", "0"], next: ["0", "1"] },
      { at: "3000000", payouts: ["0", "3000000"], next: ["1", "0"] },
      { at: "10000000", payouts: ["7000000", "3000000"], next: ["7/10", "3/10"] },
    ]);
  });

  test("a class's function", () => {
    expect(text(classPayoutFunction(bp, shareClassId("series-a"))!)).toEqual({
      breakpoints: ["0", "3000000", "10000000"],
      slopes: ["1", "0", "3/10"],
      intercepts: ["0", "3000000", "0"],
    });
    expect(classPayoutFunction(bp, shareClassId("nothing"))).toBeUndefined();
  });

  test("evaluation takes the segment ending at a breakpoint (left-open segments)", () => {
    const a = classPayoutFunction(bp, shareClassId("series-a"))!;
    expect(evaluatePiecewise(a, rat(0)).toString()).toBe("0");
    expect(evaluatePiecewise(a, rat(3_000_000)).toString()).toBe("3000000");
    expect(evaluatePiecewise(a, rat(10_000_000)).toString()).toBe("3000000");
    expect(evaluatePiecewise(a, rat(20_000_000)).toString()).toBe("6000000");
  });

  test("simplifying drops breakpoints where a function does not change", () => {
    // The founder's function is identical on both sides of no breakpoint here; a constant
    // zero function keeps only its first segment.
    const zero = {
      breakpoints: bp.breakpoints,
      slopes: bp.breakpoints.map(() => rat(0)),
      intercepts: bp.breakpoints.map(() => rat(0)),
      atZero: rat(0),
    };
    expect(text(simplifyPiecewise(zero))).toEqual({ breakpoints: ["0"], slopes: ["0"], intercepts: ["0"] });
    expect(simplifyPiecewise(holderPayoutFunction(bp, stakeholderId("founder"))).breakpoints.length).toBe(3);
  });

  test("the value at an exit value of 0 is kept apart from the first segment", () => {
    // Found by the property test: a company whose only security is a warrant for one share
    // at $0.01. Any value at all is worth exercising for (the exercise price comes back
    // with the share), so from the first cent the warrant's exercise price is paid in; at
    // exactly 0 nothing is.
    const only = exitBreakpoints(
      model(new LedgerBuilder().common("common").warrant("bank", "common", 1n, "0.01", { id: "w" }).table()),
    );
    const f = positionFunctions(only, 0);
    expect(only.breakpoints.map(String)).toEqual(["0"]);
    expect(evaluatePiecewise(f.exercisePaid, rat(0)).toString()).toBe("0");
    expect(evaluatePiecewise(f.exercisePaid, rat(1, 97)).toString()).toBe("1/100");
    expect(evaluatePiecewise(f.payout, rat(1, 97)).toString()).toBe("1/97");
  });

  test("fees and debt shift the breakpoints: each equity breakpoint maps back to an exit value", () => {
    // Fees 2% and $1M of debt: equity = 0.98·E − 1M, so the $3M and $10M equity breakpoints
    // are at E = 4M/0.98 = 200,000,000/49 and 11M/0.98 = 550,000,000/49; equity starts at
    // 1M/0.98 = 50,000,000/49.
    const b = new LedgerBuilder();
    const withCosts = model(
      new LedgerBuilder()
        .common("common")
        .preferred("series-a", { originalIssuePrice: "1" })
        .issue("founder", "common", 7_000_000n)
        .issue("fund", "series-a", 3_000_000n, { price: "1" })
        .table(),
      terms({ fees: { rate: rat("0.02") }, debt: b.money("1000000") }),
    );
    const costs = exitBreakpoints(withCosts);
    expect(costs.breakpoints.map(String)).toEqual(["0", "50000000/49", "200000000/49", "550000000/49"]);
    expect(costs.events[1]).toEqual([{ kind: "debt_repaid" }]);
    const proceeds = proceedsFunctions(costs);
    expect(evaluatePiecewise(proceeds.equity, rat(20_000_000)).toString()).toBe("18600000");
    expect(evaluatePiecewise(proceeds.debt, rat(500_000)).toString()).toBe("490000");
  });
});

describe("EXIT-16, EXIT-17: the float sweep and the sampling hook", () => {
  // Four series of waterfall.test.ts (EXIT-14): at $50M every position receives $10M; at
  // $100M common receives 100M × 10/38.
  const M = 1_000_000n;
  const m = model(
    new LedgerBuilder()
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
      .table(),
  );
  const table = compilePayoutTable(exitBreakpoints(m));

  test("a sweep of 11 evenly spaced exit values from 0 to $100M", () => {
    const sweep = sweepPayouts(table, 0, 100_000_000, 11, [stakeholderId("founders")]);
    if (!sweep.ok) throw new Error("sweep failed");
    const common = sweep.value.positions[table.positionIds.indexOf("shares:common")]!;
    expect(Array.from(sweep.value.exitValues)).toEqual([0, 1e7, 2e7, 3e7, 4e7, 5e7, 6e7, 7e7, 8e7, 9e7, 1e8]);
    expect(common[5]).toBeCloseTo(10_000_000, 6);
    expect(common[10]).toBeCloseTo(1e9 / 38, 6);
    expect(Array.from(sweep.value.holders.get(stakeholderId("founders"))!)).toEqual(Array.from(common));
  });

  test("samples in any order; a negative sample reads as zero", () => {
    const samples = payoutsAt(table, Float64Array.from([100_000_000, -5, 50_000_000]), []);
    const d = samples.positions[table.positionIds.indexOf("shares:d")]!;
    expect(d[0]).toBeCloseTo(5e8 / 19, 6);
    expect(d[1]).toBe(0);
    expect(d[2]).toBeCloseTo(10_000_000, 6);
    expect(samples.holders.size).toBe(0);
  });
});
