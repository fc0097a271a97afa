import { capTableReportOf } from "../../src/app/captable.js";
import { modelReportOf } from "../../src/app/model.js";
import type { CapTable } from "../../src/core/ledger/cap-table.js";
import type { RoundOutcome } from "../../src/core/round/price-round.js";
import type { IsoDate } from "../../src/core/shared/date.js";
import type { Problem } from "../../src/core/shared/problem.js";
import type { Deal } from "../../src/deal/build.js";
import { type CapTableReport, capTableJson } from "../../src/report/captable-report.js";
import { type ModelReport, modelJson } from "../../src/report/model-report.js";

/** The JSON pro forma of a priced round, as the use case and its renderer give it. */
export function modelReport(deal: Deal, outcome: RoundOutcome, warnings: readonly Problem[]): ModelReport {
  return modelJson(modelReportOf(deal, outcome, warnings));
}

/** The JSON cap table of a replayed ledger at a date, as the use case and its renderer give it. */
export function capTableReport(
  table: CapTable,
  asOf: IsoDate,
  options: { byClass?: boolean } = {},
): CapTableReport {
  return capTableJson(capTableReportOf(table, asOf), options);
}
