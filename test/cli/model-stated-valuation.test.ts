import { describe, expect, it } from "vitest";
import { cli, tempFile } from "../support/cli.js";

/**
 * ROUND-5: the text of `model` explains a stated-vs-priced pre-money difference by its
 * real cause, on the adsmehub.ae note example of ROUND-3 (1,000,000 founder shares, a
 * $500,000 note at a 30% discount, $1,000,000 at a $10,000,000 pre-money).
 */
const deal = (method: string) => `roundtable: 1
company: { name: Test Co, formed: 2020-01-01, currency: USD }
stakeholders:
  - { id: founder, name: Founder }
  - { id: noteholder, name: Noteholder }
  - { id: investor, name: Investor }
classes:
  - { id: common, name: Common, type: common }
transactions:
  - { type: issue, date: 2020-01-01, holder: founder, class: common, shares: 1000000 }
  - { type: note, date: 2021-01-01, holder: noteholder, principal: $500000, interestRate: 0%, discount: 30% }
rounds:
  - id: a
    name: Series A
    date: 2022-01-01
    class: { id: series-a, name: Series A Preferred }
    preMoney: $10M
    investments: [{ investor: investor, amount: $1M }]
    conventions: { convertibles: ${method} }
`;

async function preMoneyLine(method: string): Promise<string> {
  const r = await cli(["model", tempFile(`${method}.yaml`, deal(method)), "--exact"]);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout.split("\n").find((l) => l.trim().startsWith("pre-money"))!;
}

describe("ROUND-5: the stated pre-money's difference is explained by its real cause", () => {
  it("ROUND-5: the pre-money method adds the conversion shares at the round price: $10 x 71,428 = $714,280", async () => {
    expect(await preMoneyLine("outside_pre_money")).toBe(
      "  pre-money           $10,714,280.00  (stated pre-money $10,000,000.00: +$714,280.00 the conversion shares at the round price (the pre-money method sets the price without them))",
    );
  });

  it("ROUND-5: the dollars-invested method adds the $500,000 converting; whole shares leave -$6.86", async () => {
    // Price 137/14; 1,072,992 shares before the new money: 137/14 x 1,072,992 = $10,499,993.142857...
    expect(await preMoneyLine("dollars_invested")).toBe(
      "  pre-money           $10,499,993.14  (stated pre-money $10,000,000.00: +$500,000.00 the converting SAFEs' and notes' dollars (the dollars-invested method adds them to the pre-money), -$6.86 from whole shares)",
    );
  });

  it("ROUND-5: the percentage-ownership method differs only by whole shares", async () => {
    expect(await preMoneyLine("in_pre_money")).toBe(
      "  pre-money           $9,999,999.29  (stated pre-money $10,000,000.00: -$0.71 from whole shares)",
    );
  });
});

/**
 * ADJ-3 with ROUND-5: a down round for a seed preferred (€1.25 → €1.1413) adds as-converted shares
 * through its broad-based anti-dilution; the priced pre-money counts them at the round price and
 * the stated one does not, and the text says so rather than "from whole shares".
 */
const DOWN_ROUND = `roundtable: 1
company: { name: Atelier Numérique SAS, currency: EUR, formed: 2023-12-01 }
stakeholders:
  - { id: camille, name: Camille Durand }
  - { id: bastien, name: Bastien Roux }
  - { id: seine, name: Seine Capital }
  - { id: bleu, name: Fonds Bleu }
classes:
  - { id: ordinaires, name: Actions ordinaires, type: common }
  - id: adp-seed
    name: ADP Seed
    type: preferred
    originalIssuePrice: "1.25"
    antiDilution: broad_based_weighted_average
pools:
  - { id: option-pool, name: Option pool, class: ordinaires, reserved: 0 }
transactions:
  - { type: issue, date: 2024-01-15, holder: camille, class: ordinaires, shares: 5000000 }
  - { type: issue, date: 2024-01-15, holder: bastien, class: ordinaires, shares: 3000000 }
  - { type: issue, date: 2024-10-01, holder: seine, class: adp-seed, shares: 1200000 }
rounds:
  - id: serie-a
    name: Série A
    date: 2025-10-01
    class: { id: serie-a-preferred, name: Série A Preferred }
    preMoney: 12 M€
    investments: [{ investor: bleu, amount: 3 M€ }]
    conventions: { pricePrecision: { places: 4, rounding: half_up } }
    pool: { pool: option-pool, target: 10%, inPreMoney: true }
`;

describe("ADJ-3 the anti-dilution shares in the stated-vs-priced explanation", () => {
  it("names the adjustment's as-converted shares at the round price, in English", async () => {
    const r = await cli(["model", tempFile("down.yaml", DOWN_ROUND), "--exact"]);
    expect(r.code, r.stderr).toBe(0);
    const line = r.stdout.split("\n").find((l) => l.includes("pre-money"))!;
    expect(line).toContain("the anti-dilution adjustment's 23,690 as-converted shares at the round price");
    // 23,690 × €1.1413 = €27,037.397: the adjustment, not whole shares, makes the difference.
    expect(line).toContain("+€27,037.40 the anti-dilution adjustment's");
    expect(line).not.toMatch(/\+€27,0\d\d\.\d\d from whole shares/);
  });
});

describe("model's conversions block names each SAFE and note by its holder (issue 16: names, not ids)", () => {
  it("without --ids no security id is printed; with --ids each one is, in English and French", async () => {
    const plain = await cli(["model", "examples/seed-to-series-a.yaml"]);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).toContain("  SAFE — Investor A (angel): $200K at $0.3261 (cap) → 613,243 shares");
    expect(plain.stdout).toContain(
      "  Convertible note — Bridge Capital: $262K at $0.8495 (cap) → 308,174 shares",
    );
    expect(plain.stdout).not.toMatch(/safe-|note-/);
    const ids = await cli(["model", "examples/seed-to-series-a.yaml", "--ids", "--lang", "fr"]);
    expect(ids.code, ids.stderr).toBe(0);
    expect(ids.stdout).toMatch(/ {2}SAFE — Investor A \(angel\) \[[^\]]+\] \[[^\]]+\] : /);
    expect(ids.stdout).toContain("Obligation convertible — Bridge Capital");
  });
});
