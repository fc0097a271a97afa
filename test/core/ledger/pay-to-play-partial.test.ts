import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { replay } from "../../../src/core/ledger/replay.js";
import { capTableView } from "../../../src/core/ledger/views.js";
import { runDeal } from "../../../src/core/round/timeline.js";
import { closeRound } from "../../../src/deal/close-round.js";
import { dealFrom, diagnosticsOf, header, sharesOf } from "../../support/deal.js";

/**
 * The partial form of pay-to-play (P2P-5) and pay-to-play as a term of a modelled round
 * (P2P-6). The NVCA Model Term Sheet ("Pay-to-Play") lets a charter convert, for a holder who
 * buys only part of its Pro Rata Amount of the Offered Securities, the same fraction of its
 * preferred (the NVCA Model Certificate of Incorporation, "Special Mandatory Conversion",
 * note on the partial alternative). Figures checked by hand below.
 */
const LEDGER_P2P = `${header(
  ["founder", "fundA", "fundB", "newco"],
  `  - { id: seriesA, name: Series A, type: preferred, originalIssuePrice: 1.00 }
  - { id: seriesB, name: Series B, type: preferred, originalIssuePrice: 0.50, preference: { seniority: 2 } }
`,
)}transactions:
  - { type: issue, date: 2020-01-01, holder: founder, class: common, shares: 10000000 }
  - { type: issue, date: 2020-06-01, holder: fundA, class: seriesA, shares: 3000000, price: 1.00 }
  - { type: issue, date: 2020-06-01, holder: fundB, class: seriesA, shares: 1500000, price: 1.00 }
  - { type: issue, date: 2020-09-01, holder: fundB, class: seriesA, shares: 500000, price: 1.00 }
  - { type: issue, date: 2024-06-01, holder: newco, class: seriesB, shares: 4000000, price: 0.50 }
  - { type: issue, date: 2024-06-01, holder: fundA, class: seriesB, shares: 1200000, price: 0.50 }
  - { type: issue, date: 2024-06-01, holder: fundB, class: seriesB, shares: 500000, price: 0.50 }
  - { type: pay_to_play, id: p2p, date: 2024-06-01, classes: [seriesA], roundClass: seriesB, offered: 2000000, form: partial }
`;

/** The same holders before the Series B, with the Series B a modelled round carrying the term. */
function roundP2P(term: string, antiDilution = "none"): string {
  return `${header(
    ["founder", "fundA", "fundB", "newco"],
    `  - { id: seriesA, name: Series A, type: preferred, originalIssuePrice: 1.00, antiDilution: ${antiDilution} }
`,
  )}transactions:
  - { type: issue, date: 2020-01-01, holder: founder, class: common, shares: 10000000 }
  - { type: issue, date: 2020-06-01, holder: fundA, class: seriesA, shares: 3000000, price: 1.00 }
  - { type: issue, date: 2020-06-01, holder: fundB, class: seriesA, shares: 1500000, price: 1.00 }
  - { type: issue, date: 2020-09-01, holder: fundB, class: seriesA, shares: 500000, price: 1.00 }
rounds:
  - id: series-b
    name: Series B
    date: 2024-06-01
    class: { id: seriesB, name: Series B, preference: { seniority: 2 } }
    pricePerShare: $0.50
    conventions: { pricePrecision: { places: 4, rounding: half_up } }
    investments:
      - { investor: newco, amount: $2M }
      - { investor: fundA, amount: $600K }
      - { investor: fundB, amount: $250K }
    payToPlay: ${term}
`;
}

function proForma(text: string) {
  const deal = dealFrom(text);
  const run = runDeal(deal.ledger, deal.rounds);
  if (!run.ok) throw new Error(run.problems.map((p) => p.message).join("\n"));
  return run.value.final;
}

describe("pay-to-play, partial form (SPEC P2P-5)", () => {
  it("P2P-5: a holder that buys part of its pro rata converts the same fraction of its preferred, oldest lots first", () => {
    // fundB: pro rata 2,000,000 × 2,000,000 ÷ 5,000,000 = 800,000; bought 500,000, so it did
    // not buy 300,000 ÷ 800,000 = 3/8 of it: 2,000,000 × 3/8 = 750,000 Series A convert into
    // common, taken from its 1,500,000 lot of 2020-06-01 (750,000 left there) before the later
    // 500,000 lot. fundA bought its 1,200,000: nothing converts.
    const table = replay(dealFrom(LEDGER_P2P).ledger);
    if (!table.ok) throw new Error(table.problems[0]!.message);
    expect(sharesOf(table.value, "fundB", "seriesA")).toBe(1250000n);
    expect(sharesOf(table.value, "fundB", "common")).toBe(750000n);
    expect(sharesOf(table.value, "fundA", "seriesA")).toBe(3000000n);
    expect(sharesOf(table.value, "fundA", "common")).toBe(0n);
    expect(table.value.issuedByClass.get("seriesA" as never)).toBe(4250000n);
    expect(table.value.issuedByClass.get("common" as never)).toBe(10750000n);
    const lots = [...table.value.securities.values()]
      .filter((s) => s.kind === "stock" && s.holder === "fundB" && s.classId !== "seriesB")
      .map((s) => s.kind === "stock" && [s.classId, s.shares, s.investedAmount?.amount.toString()]);
    // The amount invested follows the shares: $750,000 stays with the Series A left in the lot.
    expect(lots).toContainEqual(["seriesA", 750000n, "750000"]);
    expect(lots).toContainEqual(["seriesA", 500000n, "500000"]);
    expect(lots).toContainEqual(["common", 750000n, "750000"]);
  });

  it("P2P-5: with a shadow class, the fraction not bought is re-designated one for one", () => {
    const text = LEDGER_P2P.replace(
      "  - { id: seriesB,",
      "  - { id: seriesA1, name: Series A-1 (shadow), type: preferred, originalIssuePrice: 1.00, preference: { multiple: 0x } }\n  - { id: seriesB,",
    ).replace("form: partial }", "form: partial, shadowClass: seriesA1 }");
    expect(text).toContain("shadowClass: seriesA1");
    const table = replay(dealFrom(text).ledger);
    if (!table.ok) throw new Error(table.problems[0]!.message);
    expect(sharesOf(table.value, "fundB", "seriesA1")).toBe(750000n);
    expect(sharesOf(table.value, "fundB", "seriesA")).toBe(1250000n);
    expect(sharesOf(table.value, "fundB", "common")).toBe(0n);
    expect(table.value.issuedByClass.get("seriesA1" as never)).toBe(750000n);
  });

  it("P2P-5: against plain integer arithmetic, every holder converts ⌊shares × (pro rata − bought) ÷ pro rata⌋ (property)", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 5_000_000n }),
        fc.bigInt({ min: 1n, max: 5_000_000n }),
        fc.bigInt({ min: 1n, max: 4_000_000n }),
        fc.bigInt({ min: 0n, max: 3_000_000n }),
        fc.bigInt({ min: 0n, max: 3_000_000n }),
        (heldA, heldB, offered, boughtA, boughtB) => {
          const text = `${header(
            ["fundA", "fundB"],
            `  - { id: seriesA, name: Series A, type: preferred, originalIssuePrice: 1.00 }
  - { id: seriesB, name: Series B, type: preferred, originalIssuePrice: 0.50 }
`,
          )}transactions:
  - { type: issue, date: 2020-06-01, holder: fundA, class: seriesA, shares: ${heldA} }
  - { type: issue, date: 2020-06-01, holder: fundB, class: seriesA, shares: ${heldB} }
${[
  boughtA > 0n
    ? `  - { type: issue, date: 2024-06-01, holder: fundA, class: seriesB, shares: ${boughtA} }`
    : "",
  boughtB > 0n
    ? `  - { type: issue, date: 2024-06-01, holder: fundB, class: seriesB, shares: ${boughtB} }`
    : "",
]
  .filter((l) => l)
  .join("\n")}
  - { type: pay_to_play, date: 2024-06-01, classes: [seriesA], roundClass: seriesB, offered: ${offered}, form: partial }
`;
          const table = replay(dealFrom(text).ledger);
          if (!table.ok) throw new Error(table.problems[0]!.message);
          const total = heldA + heldB;
          // Pro rata = offered × held ÷ total; it plays when bought × total ≥ offered × held;
          // otherwise it converts held × (offered × held − bought × total) ÷ (offered × held).
          const converts = (held: bigint, bought: bigint) =>
            bought * total >= offered * held
              ? 0n
              : (held * (offered * held - bought * total)) / (offered * held);
          for (const [holder, held, bought] of [
            ["fundA", heldA, boughtA],
            ["fundB", heldB, boughtB],
          ] as const) {
            expect(sharesOf(table.value, holder, "common")).toBe(converts(held, bought));
            expect(sharesOf(table.value, holder, "seriesA")).toBe(held - converts(held, bought));
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("pay-to-play as a term of a modelled round (SPEC P2P-6)", () => {
  it("P2P-6: the pro forma applies the term after the round's investments, as the ledger transaction does", () => {
    // $2M, $600K and $250K at $0.50: 4,000,000, 1,200,000 and 500,000 Series B; offered
    // 2,000,000: the same figures as P2P-5's worked example.
    const table = proForma(roundP2P("{ classes: [seriesA], offered: 2000000, form: partial }"));
    expect(sharesOf(table, "fundB", "seriesA")).toBe(1250000n);
    expect(sharesOf(table, "fundB", "common")).toBe(750000n);
    expect(sharesOf(table, "fundB", "seriesB")).toBe(500000n);
    expect(sharesOf(table, "fundA", "seriesA")).toBe(3000000n);
    // The NVCA form: fundB's whole 2,000,000 convert.
    const whole = proForma(roundP2P("{ classes: [seriesA], offered: 2000000 }"));
    expect(sharesOf(whole, "fundB", "seriesA")).toBe(0n);
    expect(sharesOf(whole, "fundB", "common")).toBe(2000000n);
  });

  it("P2P-6: model reports who played and what the others converted, in its outcome, JSON and text", async () => {
    const text = roundP2P("{ classes: [seriesA], offered: 2000000, form: partial }");
    const deal = dealFrom(text);
    const run = runDeal(deal.ledger, deal.rounds);
    if (!run.ok) throw new Error(run.problems[0]!.message);
    const p2p = run.value.rounds[0]!.payToPlay!;
    expect(p2p.form).toBe("partial");
    expect(p2p.offered).toBe(2000000n);
    expect(p2p.holders.map((h) => [h.holder, h.proRata.toString(), h.purchased, h.converted])).toEqual([
      ["fundA", "1200000", 1200000n, 0n],
      ["fundB", "800000", 500000n, 750000n],
    ]);
    const { cli, tempFile } = await import("../../support/cli.js");
    const file = tempFile("deal.yaml", text);
    const out = await cli(["model", file]);
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toContain(
      "pay-to-play (partial, 2,000,000 offered): fundB bought 500,000 of a pro rata of 800,000: 750,000 preferred shares convert",
    );
    const json = await cli(["model", file, "--format", "json"]);
    expect(JSON.parse(json.stdout).payToPlay.holders[1]).toEqual({
      holder: "fundB",
      name: "fundB",
      proRata: "800000",
      purchased: "500000",
      converted: "750000",
    });
    // A round without the term has no payToPlay field (the report is unchanged).
    const plain = await cli(["model", "examples/down-round.yaml", "--format", "json"]);
    expect("payToPlay" in JSON.parse(plain.stdout)).toBe(false);
  });

  it("P2P-6: without `offered`, the offered shares are all the round's new shares", () => {
    // Offered 5,700,000: fundA's pro rata 3,420,000 (bought 1,200,000) converts
    // ⌊3,000,000 × 2,220,000 ÷ 3,420,000⌋ = 1,947,368; fundB's 2,280,000 (bought 500,000)
    // converts ⌊2,000,000 × 1,780,000 ÷ 2,280,000⌋ = 1,561,403.
    const table = proForma(roundP2P("{ classes: [seriesA], form: partial }"));
    expect(sharesOf(table, "fundA", "common")).toBe(1947368n);
    expect(sharesOf(table, "fundA", "seriesA")).toBe(3000000n - 1947368n);
    expect(sharesOf(table, "fundB", "common")).toBe(1561403n);
    expect(sharesOf(table, "fundB", "seriesA")).toBe(2000000n - 1561403n);
  });

  it("P2P-6: the conversion is made before the round's anti-dilution, at the old rate (P2P-3)", () => {
    const table = proForma(
      roundP2P("{ classes: [seriesA], offered: 2000000, form: partial }", "broad_based_weighted_average"),
    );
    // 750,000 Series A at 1.00 ÷ 1.00 = 750,000 common, not at the adjusted price.
    expect(sharesOf(table, "fundB", "common")).toBe(750000n);
    const seriesA = table.classes.get("seriesA" as never)!;
    expect(seriesA.conversionPrice!.amount.lt(seriesA.originalIssuePrice!.amount)).toBe(true);
  });

  it("P2P-6, CLOSE-3: close-round writes the term as a pay_to_play transaction, and the cap table after equals the pro forma", () => {
    for (const term of [
      "{ classes: [seriesA], offered: 2000000, form: partial }",
      "{ classes: [seriesA], form: partial }",
      "{ classes: [seriesA], offered: 2000000 }",
    ]) {
      const text = roundP2P(term, "broad_based_weighted_average");
      const expected = proForma(text);
      const closed = closeRound(text, "deal.yaml");
      if (!closed.ok) throw new Error(JSON.stringify(closed.problems ?? closed.diagnostics));
      const p2p = closed.value.transactions.filter((t) => t.type === "pay_to_play");
      expect(p2p).toHaveLength(1);
      expect(p2p[0]).toMatchObject({
        id: "series-b:pay-to-play",
        date: "2024-06-01",
        classes: ["seriesA"],
        roundClass: "seriesB",
        ...(term.includes("partial") ? { form: "partial" } : {}),
      });
      // It comes after the issuances it counts and before the adjustment it precedes.
      const types = closed.value.transactions.map((t) => t.type);
      expect(types.indexOf("pay_to_play")).toBeGreaterThan(types.lastIndexOf("issue"));
      expect(types.indexOf("pay_to_play")).toBeLessThan(types.indexOf("adjust_conversion_price"));
      const after = replay(dealFrom(closed.value.text).ledger);
      if (!after.ok) throw new Error(after.problems[0]!.message);
      const view = (t: typeof expected) =>
        capTableView(t).holders.map((h) => [h.holder, [...h.sharesByClass].map(([c, n]) => `${c}:${n}`)]);
      expect(view(after.value)).toEqual(view(expected));
    }
  });

  it("P2P-6: bad terms are refused naming the field: an unknown class, an unknown shadow class, later closings", () => {
    const unknown = diagnosticsOf(roundP2P("{ classes: [seriesZ] }"));
    expect(unknown.map((d) => d.message)).toContain(
      'round Series B\'s pay-to-play names unknown share class "seriesZ"; declare it under classes',
    );
    expect(unknown.find((d) => d.message.includes("seriesZ"))!.path).toEqual([
      "rounds",
      0,
      "payToPlay",
      "classes",
      0,
    ]);
    const shadow = diagnosticsOf(roundP2P("{ classes: [seriesA], shadowClass: nope }"));
    expect(shadow.map((d) => d.message)).toContain(
      'round Series B\'s pay-to-play re-designates into unknown share class "nope"; declare it under classes',
    );
    const form = diagnosticsOf(roundP2P("{ classes: [seriesA], form: some }"));
    expect(form[0]!.path).toEqual(["rounds", 0, "payToPlay", "form"]);
    const tranches = diagnosticsOf(
      `${roundP2P("{ classes: [seriesA] }")}    closings: [{ id: second, date: 2024-09-01 }]\n`,
    );
    expect(tranches[0]!.message).toMatch(/has later closings and a pay-to-play term/);
    // A common class among the classes is refused when the round runs, naming the term.
    const deal = dealFrom(roundP2P("{ classes: [common] }"));
    const run = runDeal(deal.ledger, deal.rounds);
    expect(run.ok).toBe(false);
    if (run.ok) return;
    expect(run.problems[0]!.message).toMatch(
      /names Common, a common class; pay-to-play applies to preferred/,
    );
    expect(run.problems[0]!.path).toEqual(["rounds", 0, "payToPlay", "classes", 0]);
  });
});
