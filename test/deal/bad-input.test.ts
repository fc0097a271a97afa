import { describe, expect, it } from "vitest";
import { runDeal } from "../../src/core/round/timeline.js";
import { formatDiagnostic } from "../../src/deal/diagnostics.js";
import { loadDeal } from "../../src/deal/load.js";
import { dealFrom, diagnosticsOf, header, priced, runProblems } from "../support/deal.js";

/** SPEC DEAL-2: every bad input names the file, the line and column or the field path, and what is wrong. */
describe("deal files with bad input", () => {
  it("malformed YAML: a syntax error with its line and column", () => {
    const [d] = diagnosticsOf("roundtable: 1\ncompany: { name: X\nstakeholders: []\n");
    expect(d!.code).toBe("deal_syntax");
    expect(d!.line).toBeGreaterThan(0);
    expect(formatDiagnostic(d!)).toMatch(/^test\.yaml:\d+:\d+: /);
  });

  it("a comma inside { } splitting an amount gets a hint", () => {
    const [d] = diagnosticsOf(
      `${header(["a"])}transactions:\n  - { type: safe, date: 2021-01-01, holder: a, amount: $1,000,000, cap: $10M }\n`,
    );
    expect(d!.message).toMatch(/quote amounts written with commas/);
  });

  it("an unknown field, with its line and column", () => {
    const [d] = diagnosticsOf(
      `${header(["a"])}transactions:\n  - { type: issue, date: 2021-01-01, holder: a, class: common, shares: 10, sahres: 5 }\n`,
    );
    expect(d!.code).toBe("deal_invalid_field");
    expect(d!.message).toBe('unknown field "sahres"');
    expect(d!.path).toEqual(["transactions", 0, "sahres"]);
    expect(d!.line).toBe(8);
    expect(d!.column).toBe(76);
  });

  it("a missing required field", () => {
    const [d] = diagnosticsOf(
      `${header(["a"])}transactions:\n  - { type: issue, date: 2021-01-01, holder: a, class: common }\n`,
    );
    expect(d!.path).toEqual(["transactions", 0, "shares"]);
    expect(d!.message).toBe("is required");
  });

  it("an unknown transaction type names the options", () => {
    const [d] = diagnosticsOf(`${header(["a"])}transactions:\n  - { type: gift, date: 2021-01-01 }\n`);
    expect(d!.message).toMatch(/unknown type "gift"; expected one of "issue", "grant"/);
  });

  it("negative amounts", () => {
    const [d] = diagnosticsOf(
      `${header(["a"])}transactions:\n  - { type: safe, date: 2021-01-01, holder: a, amount: -$100000, cap: $10M }\n`,
    );
    expect(d!.code).toBe("deal_invalid_field");
    expect(d!.message).toMatch(/amount must not be negative, got -\$100000/);
    expect(d!.path).toEqual(["transactions", 0, "amount"]);
  });

  it("a share count that is not a whole number", () => {
    const [d] = diagnosticsOf(
      `${header(["a"])}transactions:\n  - { type: issue, date: 2021-01-01, holder: a, class: common, shares: 10.5 }\n`,
    );
    expect(d!.message).toMatch(/expected a whole, non-negative number of shares, got "10.5"/);
  });

  it("an amount that cannot be read", () => {
    const [d] = diagnosticsOf(
      `${header(["a"])}transactions:\n  - { type: safe, date: 2021-01-01, holder: a, amount: lots, cap: $10M }\n`,
    );
    expect(d!.message).toMatch(/"lots" is not an amount/);
  });

  it("an impossible date", () => {
    const [d] = diagnosticsOf(
      `${header(["a"])}transactions:\n  - { type: issue, date: 2021-02-30, holder: a, class: common, shares: 1 }\n`,
    );
    expect(d!.message).toMatch(/"2021-02-30" is not a calendar date/);
  });

  it.each(["120%", "-5%", "100%"])("a SAFE discount of %s is outside 0–100%%", (discount) => {
    const [d] = diagnosticsOf(
      `${header(["a"])}transactions:\n  - { type: safe, date: 2021-01-01, holder: a, amount: $100000, discount: ${discount} }\n`,
    );
    expect(d!.code).toBe("deal_invalid_field");
    expect(d!.message).toMatch(/the SAFE discount is .*%, outside 0% to 100%/);
    expect(d!.path).toEqual(["transactions", 0, "discount"]);
  });

  it.each([
    [
      "note",
      "interestRate",
      "8",
      "the note interest rate is 800%, outside 0% to 100%; for 8 percent, write 8% (or 0.08)",
    ],
    [
      "safe",
      "discount",
      "20",
      "the SAFE discount is 2000%, outside 0% to 100% (exclusive); for 20 percent, write 20% (or 0.2)",
    ],
  ])("DEAL-8: a bare %s %s of %s is refused with the percentage to write", (type, field, value, message) => {
    const terms =
      type === "note"
        ? `principal: $100000, interestRate: ${value}, maturity: 2023-01-01`
        : `amount: $100000, discount: ${value}`;
    const [d] = diagnosticsOf(
      `${header(["a"])}transactions:\n  - { type: ${type}, date: 2021-01-01, holder: a, ${terms} }\n`,
    );
    expect(d!.code).toBe("deal_invalid_field");
    expect(d!.message).toBe(message);
    expect(d!.path).toEqual(["transactions", 0, field]);
  });

  it("DEAL-8: interest rates of 8%, 0.08 and 100% load; a dividend rate of 6 is refused like a discount", () => {
    for (const rate of ["8%", "0.08", "100%"]) {
      dealFrom(
        `${header(["a"])}transactions:\n  - { type: note, date: 2021-01-01, holder: a, principal: $100000, interestRate: ${rate}, maturity: 2023-01-01 }\n`,
      );
    }
    const [d] = diagnosticsOf(`roundtable: 1
company: { name: Test Co, formed: 2020-01-01, currency: USD }
stakeholders: [{ id: a, name: a }]
classes:
  - { id: common, name: Common, type: common }
  - { id: pref, name: Pref, type: preferred, originalIssuePrice: $1, dividends: { rate: 6 } }
`);
    expect(d!.message).toMatch(/the dividend rate is 600%.*write 6%/);
    expect(d!.path).toEqual(["classes", 1, "dividends", "rate"]);
  });

  it("unknown references are all reported at once, each at its field", () => {
    const diagnostics = diagnosticsOf(`${header(["a"])}transactions:
  - { type: issue, date: 2021-01-01, holder: a, class: common, shares: 1, assumption: nope }
rounds:
  - id: r
    name: R
    date: 2022-01-01
    class: { id: pref, name: Pref }
    preMoney: $1M
    investments: [{ investor: ghost, amount: $1 }]
    pool: { pool: nopool, shares: 1 }
`);
    const paths = diagnostics.map((d) => d.path?.join("."));
    expect(paths).toContain("transactions.0.assumption");
    expect(paths).toContain("rounds.0.investments.0.investor");
    expect(paths).toContain("rounds.0.pool.pool");
    expect(diagnostics.every((d) => d.code === "deal_unknown_reference")).toBe(true);
  });

  it("duplicate ids", () => {
    const [d] = diagnosticsOf(`${header(["a", "a"])}`);
    expect(d!.code).toBe("deal_duplicate_id");
    expect(d!.message).toMatch(/stakeholders\[1\] repeats the id "a" of stakeholders\[0\]/);
  });

  it("an amount in a currency with no stated exchange rate", () => {
    const [d] = diagnosticsOf(
      `${header(["a"])}transactions:\n  - { type: safe, date: 2021-01-01, holder: a, amount: €100000, cap: €5M }\n`,
    );
    expect(d!.code).toBe("currency_without_rate");
    expect(d!.message).toMatch(/is in EUR, and exchangeRates gives no rate between EUR and USD/);
  });

  it("a stated exchange rate lets currencies meet", () => {
    const o = priced(`${header(["f", "a", "v"])}exchangeRates: [{ from: EUR, to: USD, rate: 1.25 }]
transactions:
  - { type: issue, date: 2020-01-01, holder: f, class: common, shares: 1000000 }
  - { type: safe, date: 2021-01-01, holder: a, amount: €80000, discount: 20% }
rounds:
  - { id: r, name: R, date: 2022-01-01, class: { id: p, name: P }, pricePerShare: $1, investments: [{ investor: v, amount: $1M }] }
`);
    // €80,000 x 1.25 = $100,000 at $0.80 = 125,000 shares.
    expect(o.conversions[0]!.shares).toBe(125_000n);
  });

  it("a round with two prices, or none", () => {
    const base = `${header(["v"])}rounds:\n  - { id: r, name: R, date: 2022-01-01, class: { id: p, name: P }, PRICING investments: [{ investor: v, amount: $1 }] }\n`;
    expect(diagnosticsOf(base.replace("PRICING", "preMoney: $1M, postMoney: $2M,"))[0]!.message).toMatch(
      /states preMoney and postMoney/,
    );
    expect(diagnosticsOf(base.replace("PRICING", ""))[0]!.message).toMatch(/states no price/);
  });

  it("an MFN SAFE with no later SAFE is a warning, not an error", () => {
    const deal = dealFrom(`${header(["f", "a", "v"])}transactions:
  - { type: issue, date: 2020-01-01, holder: f, class: common, shares: 1000000 }
  - { type: safe, date: 2021-01-01, holder: a, amount: $100000, mfn: true }
rounds:
  - { id: r, name: R, date: 2022-01-01, class: { id: p, name: P }, pricePerShare: $1, investments: [{ investor: v, amount: $1M }] }
`);
    const run = runDeal(deal.ledger, deal.rounds);
    expect(run.ok).toBe(true);
    if (!run.ok) return;
    expect(run.warnings.map((w) => w.code)).toEqual(["mfn_without_later_safe"]);
    expect(run.value.rounds[0]!.conversions[0]!.shares).toBe(100_000n);
  });

  it("an MFN SAFE takes the best terms of a later SAFE (SAFE-5)", () => {
    const o = priced(`${header(["f", "a", "b", "v"])}transactions:
  - { type: issue, date: 2020-01-01, holder: f, class: common, shares: 1000000 }
  - { type: safe, date: 2021-01-01, holder: a, amount: $100000, mfn: true }
  - { type: safe, date: 2021-03-01, holder: b, amount: $100000, discount: 25% }
rounds:
  - { id: r, name: R, date: 2022-01-01, class: { id: p, name: P }, pricePerShare: $1, investments: [{ investor: v, amount: $1M }] }
`);
    expect(o.conversions.map((c) => c.conversionPrice.amount.toDecimalString())).toEqual(["0.75", "0.75"]);
  });

  it("post-money SAFE caps that together claim 100% or more", () => {
    const [p] = runProblems(`${header(["f", "a", "b", "v"])}transactions:
  - { type: issue, date: 2020-01-01, holder: f, class: common, shares: 1000000 }
  - { type: safe, date: 2021-01-01, holder: a, amount: $600000, cap: $1M }
  - { type: safe, date: 2021-01-02, holder: b, amount: $500000, cap: $1M }
rounds:
  - { id: r, name: R, date: 2022-01-01, class: { id: p, name: P }, preMoney: $10M, investments: [{ investor: v, amount: $1M }] }
`);
    expect(p!.code).toBe("round_terms_infeasible");
    expect(p!.message).toMatch(/post-money SAFE caps together claim 110% of the company capitalization/);
  });

  it("a pool target plus the new money above 100%", () => {
    const [p] =
      runProblems(`${header(["f", "v"], "pools: [{ id: plan, name: Plan, class: common }]\n")}transactions:
  - { type: issue, date: 2020-01-01, holder: f, class: common, shares: 1000000 }
rounds:
  - { id: r, name: R, date: 2022-01-01, class: { id: p, name: P }, postMoney: $10M, pool: { pool: plan, target: 40% }, investments: [{ investor: v, amount: $6M }] }
`);
    expect(p!.code).toBe("round_terms_infeasible");
    expect(p!.message).toMatch(
      /the pool target \(40% of the post-money\) and the new money \(60%\) together claim 100% or more/,
    );
  });

  it("a file that is not a mapping, binary bytes, and an oversized file", () => {
    expect(diagnosticsOf("- just\n- a list\n")[0]!.message).toMatch(/a deal file is a mapping/);
    const big = loadDeal(`# ${"x".repeat(21 * 1024 * 1024)}\n`, "big.yaml");
    expect(!big.ok && big.diagnostics[0]!.code).toBe("input_too_large");
  });
});
