import { Rational } from "../exact/rational.js";
import { fail, ok, type Result } from "../shared/problem.js";
import type { ExitModel } from "./model.js";
import { conversionThreshold, type PositionState } from "./position.js";
import { splitProceeds } from "./proceeds.js";
import { buildOutcome, type ExitOutcome, type PositionParts } from "./waterfall.js";

/**
 * The reference waterfall (docs/spec/exit.md EXIT-14, "the conversion algorithm"): the
 * textbook procedure, written for clarity rather than speed, against which the price-curve
 * solver and the breakpoints are checked.
 *
 * 1. Given who converts (or exercises), pay the stack of the others' preferences by
 *    seniority, then share what is left among the as-converted shares, participating
 *    classes stopping at their caps (water-filling) and exercised options paying their
 *    exercise price in.
 * 2. Start with nobody converting. Repeatedly take the positions that have not converted,
 *    in ascending order of conversion price (preference or cap per as-converted share,
 *    or strike), and convert the first one that would receive strictly more by
 *    converting, the others' decisions fixed. Stop when none would.
 *
 * Every step converts one more position and no step reverts one, so the loop ends after
 * at most as many steps as there are convertible positions. EXIT-14 proves that the end
 * state is consistent: nobody would gain by changing its decision.
 */
export function referenceWaterfall(model: ExitModel, exitValue: Rational): Result<ExitOutcome> {
  if (exitValue.isNegative()) {
    return fail("exit_value_negative", `the exit value ${exitValue.toDecimalString()} is negative`, [
      "exitValue",
    ]);
  }
  const split = splitProceeds(model.terms, exitValue);
  const { converted } = consistentDecisions(model, split.equity);
  const allocation = allocateWithDecisions(model, split.equity, converted);
  return ok(buildOutcome(model, split, allocation.price ?? Rational.ZERO, allocation.parts));
}

/** The decisions EXIT-14's algorithm reaches for an equity amount, and the number of steps it took. */
export function consistentDecisions(
  model: ExitModel,
  equity: Rational,
): { converted: boolean[]; steps: number } {
  const converted = model.positions.map(() => false);
  const order = model.positions
    .map((p, index) => ({ index, threshold: conversionThreshold(p) }))
    .filter((c): c is { index: number; threshold: Rational } => c.threshold !== undefined)
    .sort((a, b) => a.threshold.cmp(b.threshold) || a.index - b.index);
  let steps = 0;
  for (;;) {
    const current = allocateWithDecisions(model, equity, converted);
    let flipped = false;
    for (const { index } of order) {
      if (converted[index]) continue;
      const trial = [...converted];
      trial[index] = true;
      const after = allocateWithDecisions(model, equity, trial);
      if (netOf(after.parts[index]!).gt(netOf(current.parts[index]!))) {
        converted[index] = true;
        flipped = true;
        steps++;
        break;
      }
    }
    if (!flipped) return { converted, steps };
  }
}

function netOf(part: PositionParts): Rational {
  return part.preference.add(part.asConverted);
}

/**
 * Step 1 of the reference algorithm: the payouts when the positions marked in `converted`
 * have converted (options: exercised) and the others have not. `price` is undefined when
 * value is left over with no share to receive it (a state the algorithm moves out of).
 */
export function allocateWithDecisions(
  model: ExitModel,
  equity: Rational,
  converted: readonly boolean[],
): { price: Rational | undefined; parts: PositionParts[] } {
  const positions = model.positions;
  // The stack of the preferences still claimed, by seniority (EXIT-5).
  const byLevel = new Map<number, { index: number; amount: Rational }[]>();
  for (const [index, p] of positions.entries()) {
    if (converted[index] || p.rights.kind === "common" || p.rights.kind === "option") continue;
    for (const c of p.claims) {
      if (c.amount.isZero()) continue;
      const list = byLevel.get(c.level) ?? [];
      list.push({ index, amount: c.amount });
      byLevel.set(c.level, list);
    }
  }
  const preference = positions.map(() => Rational.ZERO);
  let remaining = equity;
  for (const level of [...byLevel.keys()].sort((a, b) => b - a)) {
    const entries = byLevel.get(level)!;
    const total = Rational.sum(entries.map((e) => e.amount));
    const ratio = remaining.gte(total) ? Rational.ONE : remaining.div(total);
    for (const e of entries) preference[e.index] = preference[e.index]!.add(e.amount.mul(ratio));
    remaining = remaining.sub(Rational.min(remaining, total));
  }

  // The as-converted pool, with water-filling for participation caps (EXIT-7).
  interface Member {
    index: number;
    shares: Rational;
    room: Rational | undefined;
    strike: Rational;
  }
  const members: Member[] = [];
  for (const [index, p] of positions.entries()) {
    const r = p.rights;
    const zero = Rational.ZERO;
    if (r.kind === "common" || r.kind === "participating") {
      members.push({ index, shares: p.shares, room: undefined, strike: zero });
    } else if (r.kind === "capped") {
      members.push({
        index,
        shares: p.shares,
        room: converted[index] ? undefined : r.total.sub(p.preference),
        strike: zero,
      });
    } else if (r.kind === "convertible" && converted[index]) {
      members.push({ index, shares: p.shares, room: undefined, strike: zero });
    } else if (r.kind === "option" && converted[index]) {
      members.push({ index, shares: p.shares, room: undefined, strike: r.strike });
    }
  }
  const capped = new Set<number>();
  let price: Rational | undefined = Rational.ZERO;
  for (let round = 0; round <= members.length; round++) {
    let money = remaining;
    let shares = Rational.ZERO;
    for (const m of members) {
      money = money.add(m.shares.mul(m.strike));
      if (capped.has(m.index)) money = money.sub(m.room!);
      else shares = shares.add(m.shares);
    }
    price = shares.isZero() ? (money.isZero() ? Rational.ZERO : undefined) : money.div(shares);
    let changed = false;
    for (const m of members) {
      if (m.room === undefined || capped.has(m.index)) continue;
      if (price === undefined || m.shares.mul(price).gt(m.room)) {
        capped.add(m.index);
        changed = true;
      }
    }
    if (!changed) break;
  }
  const asConverted = positions.map(() => Rational.ZERO);
  const exercisePaid = positions.map(() => Rational.ZERO);
  for (const m of members) {
    if (capped.has(m.index)) asConverted[m.index] = m.room!;
    else if (price !== undefined) {
      exercisePaid[m.index] = m.shares.mul(m.strike);
      asConverted[m.index] = m.shares.mul(price).sub(exercisePaid[m.index]!);
    }
  }
  const parts = positions.map((p, i): PositionParts => {
    let state: PositionState;
    switch (p.rights.kind) {
      case "common":
        state = "common";
        break;
      case "option":
        state = converted[i] ? "exercises" : "out_of_the_money";
        break;
      case "participating":
        state = "participates";
        break;
      case "capped":
        state = converted[i] ? "converts" : capped.has(i) ? "at_cap" : "participates";
        break;
      default:
        state = converted[i] ? "converts" : preference[i]!.isZero() ? "unpaid" : "takes_preference";
    }
    return {
      state,
      preference: preference[i]!,
      asConverted: asConverted[i]!,
      exercisePaid: exercisePaid[i]!,
    };
  });
  return { price, parts };
}
