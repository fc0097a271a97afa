import { expect } from "vitest";
import { type Rational, rat } from "../../../src/core/exact/rational.js";
import { type ExitModel, prepareExit } from "../../../src/core/exit/model.js";
import type { ExitTerms } from "../../../src/core/exit/terms.js";
import { type ExitOutcome, waterfallAt } from "../../../src/core/exit/waterfall.js";
import type { CapTable } from "../../../src/core/ledger/cap-table.js";
import { isoDate } from "../../../src/core/shared/date.js";

/** Exit terms for tests: the exit date plus any field given. */
export function terms(extra: Partial<ExitTerms> = {}, date = "2025-01-01"): ExitTerms {
  return { exitDate: isoDate(date), ...extra };
}

/** The exit model of a cap table; fails the test with the problems if there are any. */
export function model(table: CapTable, exitTerms: ExitTerms = terms()): ExitModel {
  const result = prepareExit(table, exitTerms);
  if (!result.ok) throw new Error(result.problems.map((p) => `${p.code}: ${p.message}`).join("; "));
  return result.value;
}

/** The waterfall at an exit value written as text ("20000000", "1e7"). */
export function at(exitModel: ExitModel, exitValue: string | Rational): ExitOutcome {
  const result = waterfallAt(exitModel, typeof exitValue === "string" ? rat(exitValue) : exitValue);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join("; "));
  return result.value;
}

/** A position's net payout as exact text ("num/den" or an integer). */
export function paid(outcome: ExitOutcome, position: string): string {
  const p = outcome.positions.find((x) => x.position === position);
  if (!p) throw new Error(`no position ${position}`);
  return p.net.toString();
}

/** A holder's total (net of exercise prices, with carve-out) as exact text. */
export function holderTotal(outcome: ExitOutcome, holder: string): string {
  const h = outcome.holders.find((x) => x.holder === holder);
  if (!h) throw new Error(`no holder ${holder}`);
  return h.total.toString();
}

export function stateOf(outcome: ExitOutcome, position: string): string {
  return outcome.positions.find((x) => x.position === position)!.state;
}

/** Asserts a problem code (and optionally a fragment of the message). */
export function expectProblem(
  result: { ok: true } | { ok: false; problems: readonly { code: string; message: string }[] },
  code: string,
  fragment?: string,
): void {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.problems[0]!.code).toBe(code);
  if (fragment !== undefined) expect(result.problems[0]!.message).toContain(fragment);
}
