import { rat } from "../src/core/exact/rational.js";
import type { CapTable } from "../src/core/ledger/cap-table.js";
import type { Ledger } from "../src/core/ledger/ledger.js";
import { LedgerBuilder } from "../test/support/ledger-builder.js";

/** The number of share classes of the synthetic company: common and 49 preferred. */
export const CLASSES = 50;

/** A deterministic generator (a 32-bit LCG): the same company on every run. */
export function lcg(seed: number) {
  let state = seed >>> 0;
  return (n: number) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % n;
  };
}

/**
 * A synthetic company: common plus 49 preferred classes of every kind (non-participating,
 * participating, capped; multiples 1x–2x; five seniority levels; some with cumulative
 * dividends), `holders` holders with one to three lots each, 2,000 option grants at 20
 * strikes, 10 warrants, 10 SAFEs and 5 notes.
 */
export function syntheticCompany(holders: number): CapTable {
  return syntheticBuilder(holders).table();
}

/** The same company's ledger, as a deal file holds it (`ledgerToDocument`). */
export function syntheticLedger(holders: number): Ledger {
  return syntheticBuilder(holders).build();
}

function syntheticBuilder(holders: number): LedgerBuilder {
  const random = lcg(21);
  const b = new LedgerBuilder({ formed: "2015-01-01", start: "2015-01-01" });
  b.common("common");
  b.pool("plan", "common", 100_000_000n);
  for (let c = 1; c < CLASSES; c++) {
    const kind = c % 3;
    b.preferred(`series-${c}`, {
      originalIssuePrice: rat(10 + c * 7, 100),
      conversionPrice: rat(10 + c * 7 - (c % 4), 100),
      multiple: c % 5 === 0 ? "2" : c % 7 === 0 ? "1.5" : "1",
      seniority: c % 5,
      participation: kind === 0 ? "none" : kind === 1 ? "full" : { cap: c % 2 === 0 ? "3" : "2" },
      dividends: c % 6 === 0 ? { rate: "0.08", cumulative: true } : undefined,
    });
  }
  for (let h = 0; h < holders; h++) {
    const lots = 1 + random(3);
    for (let l = 0; l < lots; l++) {
      const c = random(CLASSES);
      b.on(`20${16 + random(8)}-0${1 + random(9)}-01`);
      b.issue(`h${h}`, c === 0 ? "common" : `series-${c}`, BigInt(1_000 + random(100_000)));
    }
  }
  b.on("2024-06-01");
  for (let g = 0; g < 2_000; g++) {
    b.grant(`h${random(holders)}`, BigInt(100 + random(20_000)), {
      pool: "plan",
      price: rat(5 + 5 * random(20), 100),
    });
  }
  for (let w = 0; w < 10; w++)
    b.warrant(`h${random(holders)}`, "common", BigInt(10_000 + random(50_000)), "0.75");
  b.on("2024-09-01");
  for (let s = 0; s < 10; s++) {
    b.safe(`h${random(holders)}`, { amount: 250_000 + 10_000 * s, cap: 200_000_000 + 10_000_000 * s });
  }
  for (let n = 0; n < 5; n++) {
    b.note(`h${random(holders)}`, { principal: 500_000, rate: "0.06", cap: 150_000_000 + 5_000_000 * n });
  }
  return b;
}
