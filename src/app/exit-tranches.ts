import { Rational } from "../core/exact/rational.js";
import type { ExitModel } from "../core/exit/model.js";
import type { PiecewiseLinear } from "../core/exit/piecewise.js";
import { type ExitOutcome, waterfallAt } from "../core/exit/waterfall.js";
import { ok, type Result } from "../core/shared/problem.js";

/**
 * A tranche of the distributable amount: a seniority level of the preference stack (rank 1
 * is the most senior, as the exit model orders its levels), the participation of
 * participating preferred beside common, or what is paid as common (common shares,
 * conversions, exercised options and warrants).
 */
export type Tranche =
  | { readonly kind: "preference"; readonly rank: number }
  | { readonly kind: "participation" }
  | { readonly kind: "common" };

export interface TrancheRow {
  readonly id: string;
  readonly name: string;
  /** The row's amount in each tranche of `ExitTranches.tranches`, exact. */
  readonly amounts: readonly Rational[];
  readonly total: Rational;
}

export interface ExitTranches {
  readonly tranches: readonly Tranche[];
  /** Per class of shares, then each other position (options, warrants, SAFEs, notes) by its label; sums to the positions' net payouts. */
  readonly classes: readonly TrancheRow[];
  /** Per holder, of its proceeds (before exercise prices): sums to the holder's proceeds. */
  readonly holders: readonly TrancheRow[];
}

function trancheKey(t: Tranche): string {
  return t.kind === "preference" ? `preference:${t.rank}` : t.kind;
}

/**
 * The waterfall at one exit value split by tranche (SPEC WEB-19), exactly, from the exit
 * engine's outcome (`waterfallAt`, which `exitAtReport` writes out): each position's paid
 * preference goes to the tranche of its seniority level, its as-converted part to
 * participation when the position participates (or is at its cap) and to common
 * otherwise. A holder's proceeds from a position are split in the position's own
 * proportions.
 */
export function exitTranches(
  model: ExitModel,
  outcome: ExitOutcome,
  className: (id: string) => string,
): ExitTranches {
  const rankOf = new Map<string, number>();
  model.levels.forEach((level, i) => {
    for (const entry of level.entries) {
      const position = model.positions[entry.position];
      if (position && !rankOf.has(position.id)) rankOf.set(position.id, i + 1);
    }
  });
  const parts = new Map<string, Map<string, Rational>>();
  const used = new Map<string, Tranche>();
  const add = (map: Map<string, Rational>, tranche: Tranche, amount: Rational) => {
    if (amount.isZero()) return;
    const key = trancheKey(tranche);
    used.set(key, tranche);
    map.set(key, (map.get(key) ?? Rational.ZERO).add(amount));
  };
  for (const p of outcome.positions) {
    const split = new Map<string, Rational>();
    add(split, { kind: "preference", rank: rankOf.get(p.position) ?? model.levels.length + 1 }, p.preference);
    add(
      split,
      p.state === "participates" || p.state === "at_cap" ? { kind: "participation" } : { kind: "common" },
      p.asConverted,
    );
    parts.set(p.position, split);
  }

  const byClass = new Map<string, { name: string; sums: Map<string, Rational> }>();
  for (const p of outcome.positions) {
    // A class's payout is its shares' (as the waterfall's classes count it); options,
    // warrants, SAFEs and notes are rows of their own, by their label.
    const ofClass = p.kind === "shares" && p.classId !== undefined;
    const id = ofClass ? p.classId! : p.position;
    const entry = byClass.get(id) ?? { name: ofClass ? className(p.classId!) : p.label, sums: new Map() };
    for (const [k, v] of parts.get(p.position) ?? [])
      entry.sums.set(k, (entry.sums.get(k) ?? Rational.ZERO).add(v));
    byClass.set(id, entry);
  }
  const positions = new Map(outcome.positions.map((p) => [p.position, p]));
  const holderSums = outcome.holders.map((h) => {
    const sums = new Map<string, Rational>();
    for (const { position, proceeds } of h.byPosition) {
      const p = positions.get(position);
      if (!p || proceeds.isZero() || p.proceeds.isZero()) continue;
      // The holder's share of the position's preference, in the position's proportions; the
      // rest of its proceeds (with the exercise price paid in) is the as-converted part.
      const preference = p.preference.mul(proceeds.div(p.proceeds));
      add(sums, { kind: "preference", rank: rankOf.get(p.position) ?? model.levels.length + 1 }, preference);
      add(
        sums,
        p.state === "participates" || p.state === "at_cap" ? { kind: "participation" } : { kind: "common" },
        proceeds.sub(preference),
      );
    }
    return { h, sums };
  });
  const tranches = [...used.values()].sort((a, b) => order(a) - order(b));
  const keys = tranches.map(trancheKey);
  const row = (id: string, name: string, sums: Map<string, Rational>): TrancheRow => {
    const amounts = keys.map((k) => sums.get(k) ?? Rational.ZERO);
    return { id, name, amounts, total: Rational.sum(amounts) };
  };
  return {
    tranches,
    classes: [...byClass].map(([id, c]) => row(id, c.name, c.sums)),
    holders: holderSums.map(({ h, sums }) => row(h.holder, h.name, sums)),
  };
}

/**
 * The waterfall at one exit value by tranche (`exitTranches`), classes named from the cap
 * table (`ExitBasis.classNames`): what the web's exit view charts beside the payout curves.
 */
export function exitTranchesAt(
  model: ExitModel,
  exitValue: Rational,
  classNames: ReadonlyMap<string, string>,
): Result<ExitTranches> {
  const outcome = waterfallAt(model, exitValue);
  if (!outcome.ok) return outcome;
  return ok(exitTranches(model, outcome.value, (id) => classNames.get(id) ?? id));
}

function order(t: Tranche): number {
  return t.kind === "preference" ? t.rank : t.kind === "participation" ? 1_000_000 : 1_000_001;
}

/** The exit values where a payout changes slope: the holder's own breakpoints. */
export function kinksOf(fn: PiecewiseLinear): Rational[] {
  const kinks: Rational[] = [];
  for (let j = 1; j < fn.slopes.length; j++) {
    if (!fn.slopes[j]!.eq(fn.slopes[j - 1]!) || !fn.intercepts[j]!.eq(fn.intercepts[j - 1]!)) {
      const x = fn.breakpoints[j];
      if (x?.isPositive()) kinks.push(x);
    }
  }
  return kinks;
}
