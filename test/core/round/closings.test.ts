import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { capTableView } from "../../../src/core/ledger/views.js";
import { runDeal } from "../../../src/core/round/timeline.js";
import { isoDate } from "../../../src/core/shared/date.js";
import { dealFrom, header, sharesOf } from "../../support/deal.js";

/** Day `n` after 2022-01-01, as an ISO date (n < 365, in 2022). */
function dayOf2022(n: number): string {
  const date = new Date(Date.UTC(2022, 0, 1 + n));
  return date.toISOString().slice(0, 10);
}

describe("a view dated between two closings counts only the closings done by then (SPEC CLOSE-2)", () => {
  it("CLOSE-2: examples/openai-round.yaml as of 2026-04-15 leaves out SoftBank's closing of 2026-06-30", () => {
    const deal = dealFrom(readFileSync("examples/openai-round.yaml", "utf8"));
    const before = runDeal(deal.ledger, deal.rounds, { asOf: isoDate("2026-04-15") });
    if (!before.ok) throw new Error("run failed");
    expect(sharesOf(before.value.final, "softbank")).toBe(0n);
    expect(capTableView(before.value.final).totals.outstanding).toBe(10_516_129_031n);
    const after = runDeal(deal.ledger, deal.rounds, { asOf: isoDate("2026-06-30") });
    if (!after.ok) throw new Error("run failed");
    expect(sharesOf(after.value.final, "softbank")).toBe(193_548_387n);
    expect(capTableView(after.value.final).totals.outstanding).toBe(10_709_677_418n);
    // The round's pro forma (untilRound) still holds every closing.
    const proForma = runDeal(deal.ledger, deal.rounds, { untilRound: deal.rounds[0]!.id });
    if (!proForma.ok) throw new Error("run failed");
    expect(capTableView(proForma.value.final).totals.outstanding).toBe(10_709_677_418n);
  });

  it("CLOSE-2: every as-of date between closings counts exactly the investments closed by then (property)", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.tuple(fc.nat(4), fc.integer({ min: 1, max: 500 })), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 364 }),
        (laterDays, investments, asOfDay) => {
          const closings = [0, ...laterDays.sort((a, b) => a - b)];
          const investors = investments.map((_, i) => `investor-${i}`);
          const yaml = `${header(["founders", ...investors])}
transactions:
  - { type: issue, date: 2020-01-01, holder: founders, class: common, shares: 1000000 }
  - { type: issue, date: ${dayOf2022(200)}, holder: founders, class: common, shares: 1000 }
rounds:
  - id: a
    name: Series A
    date: 2022-01-01
    class: { id: series-a, name: Series A }
    pricePerShare: $1
    closings: [${closings.map((d, i) => `{ id: c${i}, date: ${dayOf2022(d)} }`).join(", ")}]
    investments: [${investments
      .map(
        ([c, amount], i) =>
          `{ investor: ${investors[i]}, amount: $${amount}, closing: c${c % closings.length} }`,
      )
      .join(", ")}]
`;
          const deal = dealFrom(yaml);
          const asOf = dayOf2022(asOfDay);
          const run = runDeal(deal.ledger, deal.rounds, { asOf: isoDate(asOf) });
          if (!run.ok) throw new Error("run failed");
          // The reference: at $1 a share, each investor holds its amount once its closing is done.
          investments.forEach(([c, amount], i) => {
            const closed = dayOf2022(closings[c % closings.length]!) <= asOf;
            expect(sharesOf(run.value.final, investors[i]!)).toBe(closed ? BigInt(amount) : 0n);
          });
          const founders = 1_000_000n + (dayOf2022(200) <= asOf ? 1000n : 0n);
          expect(sharesOf(run.value.final, "founders")).toBe(founders);
          // Without a date, every closing is in, as in the pro forma.
          const all = runDeal(deal.ledger, deal.rounds);
          if (!all.ok) throw new Error("run failed");
          expect(capTableView(all.value.final).totals.outstanding).toBe(
            capTableView(all.value.rounds[0]!.after).totals.outstanding + 1000n,
          );
        },
      ),
      { numRuns: 60, seed: 14 },
    );
  });
});
