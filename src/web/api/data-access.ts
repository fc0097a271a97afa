import type { CapTableOwnership } from "../../report/captable-read.js";
import type { InvestorOwnership, InvestorPayouts, InvestorProForma } from "../../report/investor-read.js";
import type {
  AcceptInvitationResponse,
  ApiErrorBody,
  CreateInvitationRequest,
  CreateInvitationResponse,
  DealDocumentJson,
  DealRecord,
  DealSummary,
  DifferenceResponse,
  ImportPreviewResponse,
  ImportRequest,
  InvitationLookup,
  Member,
  ReportFile,
  ReportFileRequest,
  RevisionSummary,
  Role,
  ShareDocumentRequest,
  SharedDocumentJson,
  User,
  WorkspaceSummary,
} from "./contract.js";

/**
 * What the app needs from storage, whatever holds it: the server's REST API
 * (`HttpDataAccess`) or, in development and tests, the examples held in memory
 * (`MemoryDataAccess`). Operating errors are results, not exceptions.
 */
export type ApiResult<T> = { readonly ok: true; readonly value: T } | ApiFailure;

export type ApiFailure =
  | { readonly ok: false; readonly kind: "error"; readonly status: number; readonly error: ApiErrorBody }
  | {
      readonly ok: false;
      readonly kind: "conflict";
      readonly status: 409;
      readonly error: ApiErrorBody;
      readonly currentVersion: number;
    };

export interface DataAccess {
  /** The signed-in user, or a 401 failure when nobody is. */
  me(): Promise<ApiResult<User>>;
  login(username: string, password: string): Promise<ApiResult<User>>;
  logout(): Promise<ApiResult<null>>;
  listWorkspaces(): Promise<ApiResult<readonly WorkspaceSummary[]>>;
  listDeals(workspace: string): Promise<ApiResult<readonly DealSummary[]>>;
  getDeal(workspace: string, deal: string): Promise<ApiResult<DealRecord>>;
  /**
   * The cap table report of the stored deal's latest version as of a date (the deal's last
   * event by default): the server's, so that the cap table page draws without the deal
   * engine (SPEC WEB-20); an investor's own rows. Typed: the view parses no figure.
   */
  capTableReport(workspace: string, deal: string, asOf?: string): Promise<ApiResult<CapTableOwnership>>;
  /** The server's scenarios report of a stored deal, typed: an investor's own figures (SPEC WEB-21, WEB-23). */
  scenariosReport(workspace: string, deal: string): Promise<ApiResult<InvestorOwnership>>;
  /** The server's model report of a stored deal, typed: an investor's own holders in the round's pro forma. */
  modelReport(workspace: string, deal: string): Promise<ApiResult<InvestorProForma>>;
  /** The server's waterfall at exit values (`at` as `exit --at` reads it), typed: an investor's own payouts. */
  exitAt(workspace: string, deal: string, at: string): Promise<ApiResult<InvestorPayouts>>;
  /**
   * A report of a deal as the server renders it for `roundtable <report> --format pdf|xlsx`
   * (SPEC WEB-PDF-1): the stored version's, or, when the request carries the working
   * document with unsaved edits, that document's, marked "Unsaved edits".
   */
  reportFile(workspace: string, deal: string, request: ReportFileRequest): Promise<ApiResult<ReportFile>>;
  /** Documents shared with investors: an investor's own, or every one for an owner (SPEC SRV-SHARE-3). */
  listSharedDocuments(workspace: string): Promise<ApiResult<readonly SharedDocumentJson[]>>;
  /** Withdraws a shared document (owners; SPEC SRV-SHARE-4): the owners' list keeps it with its date. */
  withdrawSharedDocument(workspace: string, id: string): Promise<ApiResult<null>>;
  /**
   * The bytes of a shared document's file (its `file` path), as the server's answer to a HEAD
   * request gives them; null when the answer does not say.
   */
  sharedDocumentSize(file: string): Promise<ApiResult<number | null>>;
  /** Shares a report of a stored deal with the workspace's investors (owners; SPEC SRV-SHARE-1). */
  shareDocument(workspace: string, request: ShareDocumentRequest): Promise<ApiResult<SharedDocumentJson>>;
  /** Saves the whole document edited from `expectedVersion`; a `conflict` failure when another save came first. */
  saveDeal(
    workspace: string,
    deal: string,
    document: DealDocumentJson,
    expectedVersion: number,
  ): Promise<ApiResult<DealRecord>>;
  /**
   * Closes a modelled round into the ledger (CLOSE-3: POST …/close-round) as the version
   * after `expectedVersion`, and reads the deal back; a `conflict` failure when another
   * save came first, an `error` failure with the server's reason when it cannot close.
   */
  closeRound(
    workspace: string,
    deal: string,
    round: string,
    expectedVersion: number,
  ): Promise<ApiResult<DealRecord>>;
  /** The workspace's members and roles (owners only; others get a 403 failure). */
  listMembers(workspace: string): Promise<ApiResult<readonly Member[]>>;
  /** Adds a member or changes their role; an investor names the stakeholder ids they see. */
  setMember(
    workspace: string,
    username: string,
    role: Role,
    stakeholders: readonly string[],
  ): Promise<ApiResult<Member>>;
  removeMember(workspace: string, username: string): Promise<ApiResult<null>>;
  /** Every version of a deal, oldest first, with who wrote it and when. */
  listRevisions(workspace: string, deal: string): Promise<ApiResult<readonly RevisionSummary[]>>;
  /** What changed from one version to another (the server's difference, DEAL-DIFF-1..3). */
  dealDifference(
    workspace: string,
    deal: string,
    from: number,
    to: number,
  ): Promise<ApiResult<DifferenceResponse>>;
  /** Writes version `to`'s document as a new version; a `conflict` failure when `expectedVersion` is not the latest. */
  revertDeal(
    workspace: string,
    deal: string,
    to: number,
    expectedVersion: number,
  ): Promise<ApiResult<DealRecord>>;
  /** Invites a person who has no account (owners): the code and link are answered once. */
  createInvitation(
    workspace: string,
    request: CreateInvitationRequest,
  ): Promise<ApiResult<CreateInvitationResponse>>;
  lookupInvitation(code: string): Promise<ApiResult<InvitationLookup>>;
  /** Redeems a code with a chosen password; the person is then signed in. */
  acceptInvitation(code: string, password: string): Promise<ApiResult<AcceptInvitationResponse>>;
  /** Reads a spreadsheet into a deal document as `roundtable import` does; nothing is stored. */
  previewImport(bytes: Uint8Array, request: ImportRequest): Promise<ApiResult<ImportPreviewResponse>>;
  /** Imports a spreadsheet as a new stored deal (version 1). */
  importDeal(
    workspace: string,
    deal: string,
    bytes: Uint8Array,
    request: ImportRequest,
  ): Promise<ApiResult<DealRecord>>;
}

/**
 * A report the server answered, read into its typed report by `read`; an answer that is not
 * that report is a `bad_response` failure whose message names the field (never a crash in
 * the view that draws it).
 */
export function readAnswer<T>(
  answer: ApiResult<unknown>,
  read: (
    json: unknown,
  ) => { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string },
): ApiResult<T> {
  if (!answer.ok) return answer;
  const report = read(answer.value);
  return report.ok ? { ok: true, value: report.value } : failure(502, "bad_response", report.message);
}

export function failure(status: number, code: string, message: string): ApiFailure {
  return { ok: false, kind: "error", status, error: { code, message } };
}
