import type { IsoDate } from "../shared/date.js";
import type { ClaimId, ClaimSet, ClaimStatus } from "./claim.js";
import { type Estimate, formatEstimate } from "./estimate.js";
import type { SourceId } from "./source.js";

/** How a claim relates to the previous claim on the same subject (SPEC UNC-TL-1). */
export type Change =
  | "first"
  | "unchanged"
  | "narrowed"
  | "widened"
  | "raised"
  | "lowered"
  | "shifted"
  | "contradicts";

export interface TimelineEntry {
  readonly date: IsoDate | undefined;
  readonly claim: ClaimId;
  readonly source: SourceId;
  readonly subject: string;
  readonly value: string;
  readonly status: ClaimStatus;
  readonly change: Change;
  /** The claim it is compared with, when not the first on its subject. */
  readonly previous: ClaimId | undefined;
}

function ends(e: Estimate) {
  return { lo: e.lower?.value, hi: e.upper?.value };
}

/**
 * Compares two estimates of one subject (UNC-TL-1): `contradicts` when their ranges do
 * not meet; `unchanged` when the ends are the same; `narrowed` or `widened` when one range
 * holds the other; `raised` or `lowered` when both ends (a missing end counting as open)
 * move the same way; `shifted` otherwise.
 */
export function compareEstimates(before: Estimate, after: Estimate): Exclude<Change, "first"> {
  const a = ends(before);
  const b = ends(after);
  const lowA = a.lo;
  const lowB = b.lo;
  const highA = a.hi;
  const highB = b.hi;
  // Disjoint: one lies wholly above the other.
  if ((highA && lowB?.gt(highA)) || (highB && lowA?.gt(highB))) {
    return "contradicts";
  }
  const cmpLow = lowA === undefined ? (lowB === undefined ? 0 : -1) : lowB === undefined ? 1 : lowA.cmp(lowB);
  const cmpHigh =
    highA === undefined ? (highB === undefined ? 0 : 1) : highB === undefined ? -1 : highA.cmp(highB);
  if (cmpLow === 0 && cmpHigh === 0) return "unchanged";
  if (cmpLow <= 0 && cmpHigh >= 0) return "narrowed";
  if (cmpLow >= 0 && cmpHigh <= 0) return "widened";
  if (cmpLow < 0 && cmpHigh < 0) return "raised";
  if (cmpLow > 0 && cmpHigh > 0) return "lowered";
  return "shifted";
}

/**
 * The claims in date order (undated claims last, in the order listed; ties keep the order
 * listed), each compared with the previous claim on the same subject: how the reported
 * terms evolved (UNC-TL-1).
 */
export function claimTimeline(set: ClaimSet): TimelineEntry[] {
  const ordered = set.claims
    .map((claim, index) => ({ claim, index }))
    .sort((x, y) => {
      const a = x.claim.date;
      const b = y.claim.date;
      if (a !== b) {
        if (a === undefined) return 1;
        if (b === undefined) return -1;
        return a < b ? -1 : 1;
      }
      return x.index - y.index;
    });
  const last = new Map<string, { id: ClaimId; value: Estimate }>();
  return ordered.map(({ claim }) => {
    const key = claim.subjectLabel;
    const previous = last.get(key);
    last.set(key, { id: claim.id, value: claim.value });
    return {
      date: claim.date,
      claim: claim.id,
      source: claim.source,
      subject: claim.subjectLabel,
      value: formatEstimate(claim.value),
      status: claim.status,
      change: previous ? compareEstimates(previous.value, claim.value) : "first",
      previous: previous?.id,
    };
  });
}
