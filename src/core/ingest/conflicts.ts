/**
 * Conflicts between claims (ING-CONF). Two claims are about the same quantity when they
 * have the same kind class (round size and target are one class; valuations are one
 * class, a stated pre- and a stated post-money never meet), the same subject and the
 * same set of investors. Each claim is compared with at most LIMITS.ingestConflictWindow
 * claims before it, so the work stays linear on huge inputs.
 */
import { Rational } from "../exact/rational.js";
import type { ClaimConflict, ClaimKind, Qualifier } from "./types.js";

/** What conflict detection needs to know of a claim. */
export interface ConflictInput {
  readonly kind: ClaimKind;
  readonly basisStated: boolean | undefined;
  readonly subject: string | undefined;
  /** Investor ids, or empty. */
  readonly counterparty: readonly string[];
  readonly current: boolean;
  readonly alternative: boolean;
  readonly amount: {
    readonly currency: string;
    readonly min: Rational | null;
    readonly max: Rational | null;
    readonly point: Rational | null;
  } | null;
  readonly qualifier: Qualifier | null;
  /** The round named next to the claim ("c" for "Series C", "seed"), if any (ING-CONF-4). */
  readonly roundLabel?: string | undefined;
  /** The date the claim's sentence gives its deal ("2018", "2011-12"), if any (ING-DEAL-T). */
  readonly dealDate?: string | undefined;
  /** The part of a round a linked figure is ("equity", "debt": ING-LINK-1), if it is one. */
  readonly part?: string | undefined;
}

interface Interval {
  readonly lo: Rational;
  readonly loOpen: boolean;
  /** Undefined: no upper bound. */
  readonly hi: Rational | undefined;
  readonly hiOpen: boolean;
}

/** "About p" is read as p ± 10 % for conflict detection (ING-CONF-2). */
const ABOUT_TOLERANCE = Rational.of(1n, 10n);

export function intervalOf(claim: ConflictInput): Interval | undefined {
  const a = claim.amount;
  if (!a || claim.qualifier === null) return undefined;
  switch (claim.qualifier) {
    case "exact":
      return { lo: a.point!, loOpen: false, hi: a.point!, hiOpen: false };
    case "about": {
      const p = a.point!;
      const d = p.mul(ABOUT_TOLERANCE);
      return { lo: p.sub(d), loOpen: false, hi: p.add(d), hiOpen: false };
    }
    case "up_to":
      return { lo: Rational.ZERO, loOpen: false, hi: a.max!, hiOpen: false };
    case "less_than":
      return { lo: Rational.ZERO, loOpen: false, hi: a.max!, hiOpen: true };
    case "at_least":
      return { lo: a.min!, loOpen: false, hi: undefined, hiOpen: false };
    case "more_than":
      return { lo: a.min!, loOpen: true, hi: undefined, hiOpen: false };
    case "range":
      return { lo: a.min!, loOpen: false, hi: a.max!, hiOpen: false };
  }
}

function below(a: Interval, b: Interval): boolean {
  // True when every value of a is below every value of b.
  if (a.hi === undefined) return false;
  const c = a.hi.cmp(b.lo);
  return c < 0 || (c === 0 && (a.hiOpen || b.loOpen));
}

export function disjoint(a: Interval, b: Interval): boolean {
  return below(a, b) || below(b, a);
}

function kindClass(claim: ConflictInput): string | undefined {
  switch (claim.kind) {
    case "round_size":
    case "round_target":
      return "round";
    case "valuation_pre":
    case "valuation_post":
      return "valuation";
    case "investment":
      return "investment";
    default:
      return undefined;
  }
}

/** The position of the first value ≥ `target` in an ascending list (binary search). */
function firstAtLeast(list: readonly number[], target: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A key shared by claims that may be about the same quantity (a valuation's basis is checked after). */
function quantityKey(c: ConflictInput): string {
  return `${kindClass(c) ?? c.kind}|${c.subject ?? ""}|${[...c.counterparty].sort().join("+")}`;
}

function sameQuantity(a: ConflictInput, b: ConflictInput): boolean {
  const ka = kindClass(a);
  if (ka === undefined || ka !== kindClass(b)) return false;
  if (ka === "valuation" && a.basisStated && b.basisStated && a.kind !== b.kind) return false;
  if (a.subject !== b.subject) return false;
  // ING-CONF-4: a part of a round is not the round; two rounds named differently are two deals.
  if (a.part !== b.part) return false;
  if (a.roundLabel !== undefined && b.roundLabel !== undefined && a.roundLabel !== b.roundLabel) return false;
  // ING-DEAL-T: deals dated differently ("in 2018", "en avril 2023") are two deals.
  if (a.dealDate !== undefined && b.dealDate !== undefined && !sameDealDate(a.dealDate, b.dealDate))
    return false;
  if (a.counterparty.length !== b.counterparty.length) return false;
  const set = new Set(a.counterparty);
  return b.counterparty.every((k) => set.has(k));
}

/** "2018" and "2018-04" may be one deal; "2018-04" and "2018-06", or "2017" and "2018", are two. */
function sameDealDate(a: string, b: string): boolean {
  return a.length === b.length ? a === b : a.slice(0, 4) === b.slice(0, 4);
}

export function findConflicts(
  claims: readonly ConflictInput[],
  window: number,
  describe: (indexes: readonly number[]) => string,
): ClaimConflict[] {
  const out: ClaimConflict[] = [];
  const seen = new Set<string>();
  const add = (indexes: number[], type: ClaimConflict["type"], text: string) => {
    const sorted = [...new Set(indexes)].sort((x, y) => x - y);
    const key = sorted.join(",");
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ claims: sorted, type, description: `${text}: ${describe(sorted)}` });
  };
  // Claims indexed by the quantity they are about, so that each is compared with its peers only.
  const sameKey = new Map<string, number[]>();
  claims.forEach((c, i) => {
    const key = quantityKey(c);
    const list = sameKey.get(key);
    if (list) list.push(i);
    else sameKey.set(key, [i]);
  });
  for (let j = 0; j < claims.length; j++) {
    const b = claims[j]!;
    if (!b.current || !b.amount) continue;
    const from = Math.max(0, j - window);
    // ING-CONF-1: "dans une autre version", "other reports put it at": another figure for the last same quantity.
    if (b.alternative) {
      let partner = -1;
      for (let i = j - 1; i >= from; i--) {
        const a = claims[i]!;
        if (a.current && a.amount && sameQuantity(a, b)) {
          partner = i;
          break;
        }
      }
      if (partner >= 0) add([partner, j], "alternative", "another version of the same figure");
    }
    // ING-CONF-2: figures for the same quantity that cannot both hold.
    const ib = intervalOf(b);
    if (!ib) continue;
    const peers = sameKey.get(quantityKey(b)) ?? [];
    for (let k = firstAtLeast(peers, from); k < peers.length && peers[k]! < j; k++) {
      const i = peers[k]!;
      const a = claims[i]!;
      if (!a.current || !a.amount || a.amount.currency !== b.amount.currency || !sameQuantity(a, b)) continue;
      const ia = intervalOf(a);
      if (ia && disjoint(ia, ib))
        add([i, j], "incompatible", "figures for the same quantity that cannot both hold");
    }
  }
  // ING-CONF-3: a combined figure for a group against its members' own figures.
  for (let g = 0; g < claims.length; g++) {
    const group = claims[g]!;
    if (group.kind !== "investment" || group.counterparty.length < 2 || !group.current || !group.amount)
      continue;
    const ig = intervalOf(group);
    if (!ig || ig.hi === undefined) continue;
    const lows: number[] = [];
    const highs: number[] = [];
    let sumLow = Rational.ZERO;
    let sumHigh: Rational | undefined = Rational.ZERO;
    for (const member of group.counterparty) {
      let bestLow: { index: number; value: Rational } | undefined;
      let bestHigh: { index: number; value: Rational } | undefined;
      const lo = Math.max(0, g - window);
      const hi = Math.min(claims.length, g + window + 1);
      for (let i = lo; i < hi; i++) {
        const c = claims[i]!;
        if (
          c.kind !== "investment" ||
          !c.current ||
          !c.amount ||
          c.amount.currency !== group.amount.currency ||
          c.subject !== group.subject ||
          c.counterparty.length !== 1 ||
          c.counterparty[0] !== member
        ) {
          continue;
        }
        const ic = intervalOf(c);
        if (!ic) continue;
        if (!bestLow || ic.lo.gt(bestLow.value)) bestLow = { index: i, value: ic.lo };
        if (ic.hi !== undefined && (!bestHigh || ic.hi.lt(bestHigh.value)))
          bestHigh = { index: i, value: ic.hi };
      }
      if (bestLow?.value.isPositive()) {
        lows.push(bestLow.index);
        sumLow = sumLow.add(bestLow.value);
      }
      if (bestHigh && sumHigh !== undefined) {
        highs.push(bestHigh.index);
        sumHigh = sumHigh.add(bestHigh.value);
      } else {
        sumHigh = undefined;
      }
    }
    if (sumLow.gt(ig.hi)) {
      add(
        [g, ...lows],
        "members_sum_inconsistent",
        "the members' own figures add up to more than the group's",
      );
    } else if (sumHigh?.lt(ig.lo)) {
      add(
        [g, ...highs],
        "members_sum_inconsistent",
        "the members' own ceilings add up to less than the group's figure",
      );
    } else if (sumHigh?.gt(ig.hi)) {
      add(
        [g, ...highs],
        "members_exceed_group",
        "the members' ceilings add up to more than the group's figure",
      );
    }
  }
  return out.sort((x, y) => x.claims[0]! - y.claims[0]! || x.claims.length - y.claims.length);
}
