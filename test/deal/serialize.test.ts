import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { replay } from "../../src/core/ledger/replay.js";
import { capTableView } from "../../src/core/ledger/views.js";
import { loadDeal } from "../../src/deal/load.js";
import { dealYaml, ledgerToDocument } from "../../src/deal/serialize.js";
import { dealFrom } from "../support/deal.js";
import { emptyLedger, stepArb, transactionsFrom } from "../support/ledger-gen.js";

/** Drops the document positions the builder adds, to compare ledgers by content. */
function withoutPaths<T>(value: T): T {
  return JSON.parse(
    JSON.stringify(value, (k, v) => (k === "path" ? undefined : typeof v === "bigint" ? `${v}n` : v)),
  );
}

describe("writing a ledger as a deal file (SPEC DEAL-5)", () => {
  it("loading the written deal gives back the same ledger and cap table (property)", () => {
    fc.assert(
      fc.property(fc.array(stepArb(5), { minLength: 1, maxLength: 40 }), (steps) => {
        const { transactions } = transactionsFrom(steps, 5);
        const ledger = emptyLedger(5, transactions);
        const text = dealYaml(ledgerToDocument(ledger), "generated");
        const loaded = loadDeal(text, "generated.yaml");
        if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => `${d.line}: ${d.message}`).join("\n"));
        expect(withoutPaths(loaded.deal.ledger)).toEqual(withoutPaths(ledger));
        const a = replay(ledger);
        const b = replay(loaded.deal.ledger);
        if (!a.ok || !b.ok) throw new Error("replay failed");
        expect(capTableView(b.value)).toEqual(capTableView(a.value));
      }),
      { numRuns: 60 },
    );
  });

  it("every kind of record of the examples survives the round trip", () => {
    for (const file of [
      "examples/seed-to-series-a.yaml",
      "examples/down-round.yaml",
      // Tender, pay-to-play, venture debt with warrants and a qualified-IPO price (issue 14).
      "examples/down-round-pay-to-play.yaml",
    ]) {
      const deal = dealFrom(readFileSync(file, "utf8"));
      const again = dealFrom(dealYaml(ledgerToDocument(deal.ledger), "copy"));
      expect(withoutPaths(again.ledger), file).toEqual(withoutPaths(deal.ledger));
    }
  });

  it("keeps Open Cap Format objects it cannot map as JSON text", () => {
    const deal = dealFrom(readFileSync("examples/down-round.yaml", "utf8"));
    const preserved = {
      format: "roundtable-ocf-preserved/1",
      entries: [{ object_type: "DOCUMENT", id: "d1", md5: "00", n: 1.5 }],
    };
    const loaded = loadDeal(
      dealYaml(ledgerToDocument(deal.ledger, { ocfPreserved: preserved }), "with OCF"),
      "x.yaml",
    );
    expect(loaded.ok && JSON.parse(loaded.deal.document.ocfPreserved!)).toEqual(preserved);
  });
});
