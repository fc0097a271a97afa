/**
 * roundtable as a library (SPEC APP-7): the application layer's use cases with their input
 * schemas and typed reports, the renderers of those reports, and the core's types. Every
 * use case runs on a loaded deal or workspace:
 *
 *   const loaded = loadDeal(text, "deal.yaml");
 *   if (loaded.ok) {
 *     const result = await model.run(loaded.deal, { scenario: "base" });
 *     if (result.ok) console.log(compactMoney(result.value.round.postMoneyValuation));
 *   }
 */

export {
  type AddConvertibleInput,
  type AddConvertibleReport,
  addConvertible,
} from "./app/add-convertible.js";
export { type AddRoundInput, type AddRoundReport, addRound } from "./app/add-round.js";
export {
  type CapTableInput,
  type CapTableReport,
  type CapTableRow,
  capTableOf,
  captable,
} from "./app/captable.js";
export {
  type ClaimsReport,
  type ConflictExplanation,
  claims,
  type GapExplanation,
  type RangeFigure,
  type Reading,
} from "./app/claims.js";
export { type CloseRoundInput, type CloseRoundReport, closeRound } from "./app/close-round.js";
export { diff } from "./app/diff.js";
export {
  type ExitBreakpointsReport,
  type ExitIpoReport,
  type ExitPercentilesReport,
  type ExitReport,
  type ExitStatementReport,
  type ExitSweepReport,
  type ExitWaterfallReport,
  exit,
} from "./app/exit.js";
export {
  type BreakpointExplanation,
  type BreakpointPosition,
  type HolderInvested,
  holderFunctionOf,
  holderPayoutAt,
  type PayoutFunction,
  type PayoutStatistics,
  type WaterfallAtValue,
} from "./app/exit-report.js";
export { type ExposureReport, exposure } from "./app/exposure.js";
export { type FlowsReport, flows } from "./app/flows.js";
export {
  type SpreadsheetImportInput,
  type SpreadsheetImportOutcome,
  type SpreadsheetSource,
  spreadsheetImport,
} from "./app/import.js";
export { type IngestInput, ingest } from "./app/ingest.js";
export {
  type DealAddition,
  dealTextWithAddition,
  type IngestIntoDealInput,
  type IngestIntoDealReport,
  ingestIntoDeal,
} from "./app/ingest-into-deal.js";
export {
  type ModelClass,
  type ModelHolder,
  type ModelInput,
  type ModelReport,
  type ModelTotals,
  model,
  modelOf,
  type PricingNote,
} from "./app/model.js";
export {
  type OcfExportInput,
  type OcfExportOutcome,
  type OcfExportResult,
  ocfExport,
} from "./app/ocf-export.js";
export { type OcfImportInput, type OcfImportReport, type OcfSource, ocfImport } from "./app/ocf-import.js";
export { type ScenariosReport, scenarios } from "./app/scenarios.js";
export { type SimulationReport, simulate } from "./app/simulate.js";
export { type SolveInput, type SolveReport, solve, solveOf } from "./app/solve.js";
export {
  type DealUseCase,
  type Explanation,
  parseInput,
  type Ref,
  type RunContext,
  runToEnd,
  type TextUseCase,
  type UseCase,
  type WorkspaceUseCase,
} from "./app/use-case.js";
export { USE_CASES } from "./app/use-cases.js";
export {
  type DealValidation,
  validate,
  validateDeal,
  validateWorkspace,
  type WorkspaceValidation,
} from "./app/validate.js";
export type { Currency, Money } from "./core/exact/money.js";
export { compactMoney } from "./core/exact/money.js";
export { Rational } from "./core/exact/rational.js";
export type { ErrorCode } from "./core/shared/errors.js";
export { MESSAGES, type Message, type MessageKey, say } from "./core/shared/messages.js";
export type { Failure, FieldPath, Problem, Result } from "./core/shared/problem.js";
export type { Deal } from "./deal/build.js";
export { type LoadResult, loadDeal } from "./deal/load.js";
export { loadWorkspace, type Workspace } from "./deal/workspace.js";
export { capTableJson } from "./report/captable-report.js";
export { capTableText } from "./report/captable-text.js";
export { claimsJson } from "./report/claims-report.js";
export { claimsText, conflictText, gapWords } from "./report/claims-text.js";
export { exitJson, exitJsonChunks } from "./report/exit-report.js";
export { exitCsv, exitText } from "./report/exit-text.js";
export { percentText, type TextOptions } from "./report/format.js";
export { MESSAGES_FR, messageFr } from "./report/messages-fr.js";
export { modelJson, solveJson } from "./report/model-report.js";
export { modelText, solveText } from "./report/model-text.js";
export { jsonText } from "./report/text-formats.js";
