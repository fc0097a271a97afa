import { expect } from "vitest";
import type { CapTable } from "../../src/core/ledger/cap-table.js";
import { capTableView, fractionOf } from "../../src/core/ledger/views.js";
import type { RoundOutcome } from "../../src/core/round/price-round.js";
import { runDeal } from "../../src/core/round/timeline.js";
import type { Deal } from "../../src/deal/build.js";
import type { Diagnostic } from "../../src/deal/diagnostics.js";
import { loadDeal } from "../../src/deal/load.js";

/** Loads a deal from YAML text, failing the test with the diagnostics if it does not load. */
export function dealFrom(yaml: string): Deal {
  const loaded = loadDeal(yaml, "test.yaml");
  if (!loaded.ok)
    throw new Error(loaded.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`).join("\n"));
  return loaded.deal;
}

/** The diagnostics of a deal that must not load. */
export function diagnosticsOf(yaml: string): readonly Diagnostic[] {
  const loaded = loadDeal(yaml, "test.yaml");
  expect(loaded.ok, "the deal was expected to be rejected").toBe(false);
  return loaded.ok ? [] : loaded.diagnostics;
}

/** Runs a deal and returns the outcome of its last round (or of `roundId`). */
export function priced(yaml: string, roundId?: string): RoundOutcome {
  const deal = dealFrom(yaml);
  const run = runDeal(
    deal.ledger,
    deal.rounds,
    roundId === undefined ? {} : { untilRound: roundId as never },
  );
  if (!run.ok) throw new Error(run.problems.map((p) => p.message).join("\n"));
  return run.value.rounds[run.value.rounds.length - 1]!;
}

/** The problems of a deal that loads but cannot run. */
export function runProblems(yaml: string) {
  const deal = dealFrom(yaml);
  const run = runDeal(deal.ledger, deal.rounds);
  expect(run.ok, "the deal was expected to fail when run").toBe(false);
  return run.ok ? [] : run.problems;
}

/** Shares of a holder in a cap table (all classes, or one class). */
export function sharesOf(table: CapTable, holder: string, classId?: string): bigint {
  const view = capTableView(table);
  const h = view.holders.find((x) => x.holder === holder);
  if (!h) return 0n;
  if (classId === undefined) return h.outstanding;
  return h.sharesByClass.get(classId as never) ?? 0n;
}

export function fullyDilutedFraction(table: CapTable, holder: string) {
  const view = capTableView(table);
  return fractionOf(
    view.holders.find((x) => x.holder === holder)?.fullyDiluted ?? 0n,
    view.totals.fullyDiluted,
  );
}

/** A minimal deal header: a company, common stock, and the given stakeholders. */
export function header(stakeholders: readonly string[], extra = ""): string {
  return `roundtable: 1
company: { name: Test Co, formed: 2020-01-01, currency: USD }
stakeholders:
${stakeholders.map((s) => `  - { id: ${s}, name: ${s} }`).join("\n")}
classes:
  - { id: common, name: Common, type: common }
${extra}`;
}
