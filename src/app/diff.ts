import type { Deal } from "../deal/build.js";
import { type DealDifference, dealDifference } from "../deal/difference.js";
import { differenceJson } from "../report/difference-report.js";

/**
 * The `diff` use case (DEAL-DIFF-1..3): what changed between two versions of a deal — records
 * added, removed or changed, and how the pro forma moved (the deals are run here, never in
 * a face). One place for `roundtable diff` and the API's version comparison.
 */
export const diff = {
  name: "diff",
  summary:
    "What changed between two versions of a deal: records added, removed or changed, and how the pro forma moved.",
  run(older: Deal, newer: Deal): DealDifference {
    return dealDifference(older, newer);
  },
  json: differenceJson,
};
