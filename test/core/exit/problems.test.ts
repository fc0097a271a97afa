import { describe, expect, test } from "vitest";
import { rat } from "../../../src/core/exact/rational.js";
import { exitBreakpoints } from "../../../src/core/exit/breakpoints.js";
import { prepareExit } from "../../../src/core/exit/model.js";
import { referenceWaterfall } from "../../../src/core/exit/reference-waterfall.js";
import { compilePayoutTable, sweepPayouts } from "../../../src/core/exit/sweep.js";
import { waterfallAt } from "../../../src/core/exit/waterfall.js";
import { stakeholderId } from "../../../src/core/shared/ids.js";
import { LedgerBuilder } from "../../support/ledger-builder.js";
import { expectProblem, model, terms } from "./helpers.js";

const simple = () =>
  new LedgerBuilder()
    .common("common")
    .preferred("series-a", { originalIssuePrice: "1" })
    .issue("founder", "common", 1_000_000n)
    .issue("fund", "series-a", 500_000n, { price: "1" })
    .table();

describe("bad exit input gets a typed Problem", () => {
  test("EXIT-1: a negative exit value", () => {
    const m = model(simple());
    expectProblem(waterfallAt(m, rat(-1)), "exit_value_negative", "-1");
    expectProblem(referenceWaterfall(m, rat("-0.01")), "exit_value_negative");
  });

  test("EXIT-16: bad sweep bounds and steps", () => {
    const table = compilePayoutTable(exitBreakpoints(model(simple())));
    expectProblem(sweepPayouts(table, -5, 10, 3), "exit_value_negative");
    expectProblem(sweepPayouts(table, 10, 5, 3), "exit_terms_invalid");
    expectProblem(sweepPayouts(table, 0, 10, 1), "exit_terms_invalid");
    expectProblem(sweepPayouts(table, 0, Number.POSITIVE_INFINITY, 10), "exit_value_negative");
  });

  test("EXIT-7: a participation cap below 1x, or below the preference multiple", () => {
    const below1 = new LedgerBuilder()
      .common("common")
      .preferred("series-a", { originalIssuePrice: "1", participation: { cap: "0.5" }, multiple: "0.5" })
      .issue("fund", "series-a", 10n)
      .table();
    expectProblem(prepareExit(below1, terms()), "exit_participation_cap_invalid", "below 1x");
    const belowMultiple = new LedgerBuilder()
      .common("common")
      .preferred("series-a", { originalIssuePrice: "1", participation: { cap: "1.5" }, multiple: "2" })
      .issue("fund", "series-a", 10n)
      .table();
    const result = prepareExit(belowMultiple, terms());
    expectProblem(result, "exit_participation_cap_invalid", "2x preference");
    if (!result.ok)
      expect(result.problems[0]!.path).toEqual(["classes", 1, "preference", "participation", "cap"]);
  });

  test("EXIT-4: a preference or a dividend with no original issue price to compute it on", () => {
    const noPrice = new LedgerBuilder()
      .common("common")
      .preferred("series-a", {})
      .issue("fund", "series-a", 10n);
    expectProblem(prepareExit(noPrice.table(), terms()), "exit_preference_undefined", "series-a");
    const invested = new LedgerBuilder()
      .common("common")
      .preferred("series-a", { base: "amount_invested" })
      .issue("fund", "series-a", 10n, { id: "lot-x" })
      .table();
    expectProblem(prepareExit(invested, terms()), "exit_preference_undefined", "lot-x");
  });

  test("EXIT-2, EXIT-3, EXIT-10, EXIT-12: fees, debt, carve-out and other terms out of range", () => {
    const b = new LedgerBuilder();
    const t = simple();
    expectProblem(prepareExit(t, terms({ fees: { rate: rat(1) } })), "exit_terms_invalid", "fee rate");
    expectProblem(prepareExit(t, terms({ fees: { fixed: b.money(-1) } })), "exit_terms_invalid", "negative");
    expectProblem(prepareExit(t, terms({ debt: b.money(-5) })), "exit_terms_invalid", "debt");
    expectProblem(
      prepareExit(t, terms({ carveOut: { fraction: rat("1.5") } })),
      "exit_terms_invalid",
      "carve-out",
    );
    expectProblem(
      prepareExit(
        t,
        terms({
          carveOut: {
            fraction: rat("0.1"),
            recipients: [{ holder: stakeholderId("nobody"), weight: rat(1) }],
          },
        }),
      ),
      "deal_unknown_reference",
      "nobody",
    );
    expectProblem(
      prepareExit(
        t,
        terms({
          carveOut: {
            fraction: rat("0.1"),
            recipients: [{ holder: stakeholderId("founder"), weight: rat(0) }],
          },
        }),
      ),
      "exit_terms_invalid",
      "all zero",
    );
    expectProblem(
      prepareExit(t, terms({ terminatedHolders: [stakeholderId("ghost")] })),
      "deal_unknown_reference",
    );
    expectProblem(prepareExit(t, terms({ noteRepaymentPremium: rat(-1) })), "exit_terms_invalid");
    expectProblem(prepareExit(t, terms({ safeSeniority: Number.NaN })), "exit_terms_invalid");
    expectProblem(prepareExit(t, { exitDate: "2025-02-30" as never }), "exit_terms_invalid", "2025-02-30");
  });

  test("EXIT-2: an amount in a currency the deal gives no rate for", () => {
    const b = new LedgerBuilder();
    expectProblem(
      prepareExit(simple(), terms({ debt: b.money("100", "EUR") })),
      "currency_without_rate",
      "EUR",
    );
  });

  test("EXIT-11: post-money SAFEs claiming 100% or more of the company at their caps", () => {
    const table = new LedgerBuilder()
      .common("common")
      .issue("founder", "common", 1_000_000n)
      .safe("a", { amount: "600000", cap: "1000000" })
      .safe("b", { amount: "400000", cap: "1000000" })
      .table();
    expectProblem(prepareExit(table, terms()), "exit_convertibles_exceed_capitalization", "100%");
  });

  test("EXIT-6: nothing to receive the value above the preferences", () => {
    const table = new LedgerBuilder().common("common").safe("a", { amount: "100", discount: "0.2" }).table();
    expectProblem(prepareExit(table, terms()), "exit_no_residual_claimant");
  });
});
