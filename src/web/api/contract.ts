/**
 * The shape of the HTTP API the web app talks to (`/api/v1`, src/server/routes), in one
 * typed module so that the server and the app agree on it. Every path, request body and
 * response body the app uses is here; `http-data-access.ts` is the only code that builds
 * requests, and maps these wire shapes onto the app's records (`DealRecord`).
 *
 * Conventions: JSON bodies; errors are `{ error: ApiErrorBody }` with a code from the
 * error catalogue (src/core/shared/errors.ts) and the catalogue's HTTP status; the
 * session is a cookie set by `login` (requests are sent with credentials), and a write
 * made with it carries the CSRF token the login or `me` answered (`CSRF_HEADER`).
 */

import type { Role } from "../../core/shared/roles.js";

export const API_BASE = "/api/v1";

export { ROLES, type Role } from "../../core/shared/roles.js";

export interface User {
  readonly username: string;
  readonly admin: boolean;
}

export interface WorkspaceSummary {
  readonly id: string;
  readonly name: string;
  /** The signed-in user's role in the workspace. */
  readonly role: Role;
}

export interface DealSummary {
  readonly id: string;
  /** The deal's file name where it has one (the examples in memory), else its id. */
  readonly name: string;
  /** The company the deal is about, from the document. */
  readonly company: string;
  /** Increases by one at every save; a save names the version it was edited from. */
  readonly version: number;
  readonly updatedAt: string;
}

/**
 * A deal document as JSON: the deal file's mapping (src/deal/schema.ts, `DealInput`)
 * with every number kept as the text the user wrote (`"50 Md$"`, `"2_700_000_000"`), so
 * that no value passes through a binary float on its way to the engine.
 */
export type DealDocumentJson = Record<string, unknown>;

export interface DealRecord extends DealSummary {
  readonly workspaceId: string;
  readonly document: DealDocumentJson;
}

export interface ApiErrorBody {
  /** A code of the error catalogue, or `conflict` / `unauthenticated` / `network`. */
  readonly code: string;
  readonly message: string;
  /** The field of the request the error is about, as `rounds[0].preMoney`. */
  readonly path?: string;
  /** Every problem, each with its own code, message and path (the server's validation errors). */
  readonly problems?: readonly ProblemBody[];
}

/** One problem of an error or a warning, as the server lists them (src/server/api-error.ts). */
export interface ProblemBody {
  readonly code: string;
  readonly message: string;
  readonly path?: string;
  /** Where in a posted file, for a problem of a document sent as text. */
  readonly line?: number;
  readonly column?: number;
  /** Present on a warning only. */
  readonly severity?: "warning";
}

/*
 * The reports the app reads (GET …/captable, …/scenarios, …/model, …/exit?at=) are read into
 * their typed reports by src/report/captable-read.ts and investor-read.ts, which say what
 * their JSON holds and refuse an answer that is not it.
 */

/** A document an owner shared with investors (SPEC SRV-SHARE-1..5), as the server lists it. */
export interface SharedDocumentJson {
  readonly id: string;
  readonly deal: string;
  readonly version: number;
  readonly report: "model" | "captable";
  readonly format: "pdf" | "xlsx";
  readonly title: string;
  /** The investor member's user name; null when shared with every investor member. */
  readonly recipient: string | null;
  readonly sharedBy: string;
  readonly sharedAt: string;
  readonly withdrawnAt: string | null;
  /** Where the file is downloaded (a GET, with the session's cookie). */
  readonly file: string;
}

/** POST workspaces/:ws/shared-documents: what to share; the latest version and every investor by default. */
export interface ShareDocumentRequest {
  readonly deal: string;
  readonly report: "model" | "captable";
  readonly format: "pdf" | "xlsx";
  readonly version?: number;
  readonly recipient?: string;
  readonly title?: string;
}

/** The reports the server gives as PDF or XLSX files (REP-8, WEB-PDF-1). */
export type ReportFileName = "model" | "captable" | "claims" | "exit" | "scenarios" | "simulate";

/** A report file asked of the server: which report, its parameters (as the CLI's flags), and the format. */
export interface ReportFileRequest {
  readonly report: ReportFileName;
  readonly format: "pdf" | "xlsx";
  /** The report's own parameters (`round`, `at`, `scenario`…), as query strings. */
  readonly query: Readonly<Record<string, string>>;
  /** The working document when the page holds unsaved edits: its report is computed and marked as such. */
  readonly unsaved?: DealDocumentJson;
  /**
   * A document to post even with nothing unsaved: a report the server gives only for a posted
   * document (`simulate`, a job on stored deals) is computed on it, unmarked.
   */
  readonly posted?: DealDocumentJson;
  /** The language of the file's words: the interface's (English when absent). */
  readonly lang?: "en" | "fr";
}

/** A file the server rendered, with the name it gives it. */
export interface ReportFile {
  readonly bytes: Uint8Array;
  readonly filename: string;
  readonly mediaType: string;
}

/** Paths and bodies, per operation. */
export const ROUTES = {
  login: { method: "POST", path: () => `${API_BASE}/auth/login` },
  logout: { method: "POST", path: () => `${API_BASE}/auth/logout` },
  me: { method: "GET", path: () => `${API_BASE}/auth/me` },
  listWorkspaces: { method: "GET", path: () => `${API_BASE}/workspaces` },
  listDeals: {
    method: "GET",
    path: (workspace: string) => `${API_BASE}/workspaces/${encodeURIComponent(workspace)}/deals`,
  },
  getDeal: {
    method: "GET",
    path: (workspace: string, deal: string) =>
      `${API_BASE}/workspaces/${encodeURIComponent(workspace)}/deals/${encodeURIComponent(deal)}`,
  },
  /** A deal's scenarios report (an investor's own columns, SPEC WEB-21). */
  scenarios: {
    method: "GET",
    path: (workspace: string, deal: string) =>
      `${API_BASE}/workspaces/${encodeURIComponent(workspace)}/deals/${encodeURIComponent(deal)}/scenarios`,
  },
  /** A deal's cap table as of a date (the latest by default; an investor's own rows, SPEC WEB-20). */
  capTable: {
    method: "GET",
    path: (workspace: string, deal: string, asOf?: string) =>
      `${API_BASE}/workspaces/${encodeURIComponent(workspace)}/deals/${encodeURIComponent(deal)}/captable${asOf ? `?asOf=${encodeURIComponent(asOf)}` : ""}`,
  },
  /** A deal's model report (the round's pro forma; an investor's own holders, SPEC AUTH-7). */
  model: {
    method: "GET",
    path: (workspace: string, deal: string) =>
      `${API_BASE}/workspaces/${encodeURIComponent(workspace)}/deals/${encodeURIComponent(deal)}/model`,
  },
  /** The waterfall at exit values (`at`, a list as `exit --at` reads it; an investor's own holders, WEB-21). */
  exitAt: {
    method: "GET",
    path: (workspace: string, deal: string, at: string) =>
      `${API_BASE}/workspaces/${encodeURIComponent(workspace)}/deals/${encodeURIComponent(deal)}/exit?at=${encodeURIComponent(at)}`,
  },
  /** A stored deal's report as the server's PDF or XLSX file (REP-8). */
  reportFile: {
    method: "GET",
    path: (workspace: string, deal: string, report: ReportFileName, query: URLSearchParams) =>
      `${API_BASE}/workspaces/${encodeURIComponent(workspace)}/deals/${encodeURIComponent(deal)}/${report}?${query}`,
  },
  /** A posted document's report as a file, marked when it holds unsaved edits (WEB-PDF-1). */
  computeFile: {
    method: "POST",
    path: (report: ReportFileName, query: URLSearchParams) => `${API_BASE}/compute/${report}?${query}`,
  },
  saveDeal: {
    method: "PUT",
    path: (workspace: string, deal: string, expectedVersion: number) =>
      `${API_BASE}/workspaces/${encodeURIComponent(workspace)}/deals/${encodeURIComponent(deal)}?expectedVersion=${expectedVersion}`,
  },
  /** Documents shared with investors (SPEC SRV-SHARE-1..5): listed, and shared by owners. */
  listSharedDocuments: {
    method: "GET",
    path: (workspace: string) => `${API_BASE}/workspaces/${encodeURIComponent(workspace)}/shared-documents`,
  },
  /** An owner withdraws a shared document (SPEC SRV-SHARE-4); investors no longer list or download it. */
  withdrawSharedDocument: {
    method: "DELETE",
    path: (workspace: string, id: string) =>
      `${API_BASE}/workspaces/${encodeURIComponent(workspace)}/shared-documents/${encodeURIComponent(id)}`,
  },
  shareDocument: {
    method: "POST",
    path: (workspace: string) => `${API_BASE}/workspaces/${encodeURIComponent(workspace)}/shared-documents`,
  },
  closeRound: {
    method: "POST",
    path: (workspace: string, deal: string, round: string, expectedVersion: number) =>
      `${API_BASE}/workspaces/${encodeURIComponent(workspace)}/deals/${encodeURIComponent(deal)}/close-round?expectedVersion=${expectedVersion}&round=${encodeURIComponent(round)}`,
  },
  listMembers: {
    method: "GET",
    path: (workspace: string) => `${API_BASE}/workspaces/${encodeURIComponent(workspace)}/members`,
  },
  setMember: {
    method: "PUT",
    path: (workspace: string, username: string) =>
      `${API_BASE}/workspaces/${encodeURIComponent(workspace)}/members/${encodeURIComponent(username)}`,
  },
  removeMember: {
    method: "DELETE",
    path: (workspace: string, username: string) =>
      `${API_BASE}/workspaces/${encodeURIComponent(workspace)}/members/${encodeURIComponent(username)}`,
  },
  listRevisions: {
    method: "GET",
    path: (workspace: string, deal: string) =>
      `${API_BASE}/workspaces/${encodeURIComponent(workspace)}/deals/${encodeURIComponent(deal)}/revisions`,
  },
  dealDifference: {
    method: "GET",
    path: (workspace: string, deal: string, from: number, to: number) =>
      `${API_BASE}/workspaces/${encodeURIComponent(workspace)}/deals/${encodeURIComponent(deal)}/diff?from=${from}&to=${to}`,
  },
  revertDeal: {
    method: "POST",
    path: (workspace: string, deal: string, to: number, expectedVersion: number) =>
      `${API_BASE}/workspaces/${encodeURIComponent(workspace)}/deals/${encodeURIComponent(deal)}/revert?to=${to}&expectedVersion=${expectedVersion}`,
  },
  createInvitation: {
    method: "POST",
    path: (workspace: string) => `${API_BASE}/workspaces/${encodeURIComponent(workspace)}/invitations`,
  },
  lookupInvitation: { method: "POST", path: () => `${API_BASE}/invitations/lookup` },
  /** The body is the spreadsheet's bytes; the query its options (src/server/routes/import.ts). */
  importPreview: {
    method: "POST",
    path: (query: URLSearchParams) => `${API_BASE}/compute/import?${query}`,
  },
  importDeal: {
    method: "POST",
    path: (workspace: string, deal: string, query: URLSearchParams) =>
      `${API_BASE}/workspaces/${encodeURIComponent(workspace)}/deals/${encodeURIComponent(deal)}/import?${query}`,
  },
  acceptInvitation: { method: "POST", path: () => `${API_BASE}/invitations/accept` },
} as const;

/** The options of an import, as the import routes' query takes them. */
export interface ImportRequest {
  /** The file's name, for messages. */
  readonly name: string;
  readonly sheet?: string;
  readonly layout?: "template" | "summary" | "ledger";
  readonly company?: string;
  readonly currency?: string;
  /** A mapping file's text (JSON here): columns, ignore, headerRow, layout, sheet. */
  readonly mapping?: string;
}
/** POST compute/import: the deal document read from the sheet, nothing stored. */
export interface ImportPreviewResponse {
  readonly document: DealDocumentJson;
  readonly yaml: string;
  readonly layout: string;
  readonly sheet: string;
  readonly headerRow: number;
  readonly columns: readonly string[];
  readonly counts: Readonly<Record<string, number>>;
  readonly warnings: readonly ProblemBody[];
}

/** One version of a stored deal, as the revisions route lists it (SPEC STORE-9). */
export interface RevisionSummary {
  readonly version: number;
  readonly action: string;
  readonly documentHash: string | null;
  readonly createdAt: string;
  /** The user name of who wrote it. */
  readonly author: string;
}
export interface ListRevisionsResponse {
  readonly revisions: readonly RevisionSummary[];
}

/** GET diff: what changed between two versions (src/report/difference-report.ts, DEAL-DIFF-1..3). */
export interface DifferenceResponse {
  readonly from: number;
  readonly to: number;
  readonly records: readonly {
    readonly kind: string;
    readonly id: string;
    readonly name: string;
    readonly change: "added" | "removed" | "changed";
    readonly fields: readonly { readonly field: string; readonly before?: string; readonly after?: string }[];
  }[];
  readonly proForma: {
    readonly round: { readonly before?: string; readonly after?: string };
    readonly figures: readonly {
      readonly figure: string;
      readonly currency: string;
      readonly before?: string;
      readonly after?: string;
    }[];
    readonly holders: readonly {
      readonly id: string;
      readonly name: string;
      readonly before?: string;
      readonly after?: string;
    }[];
  } | null;
}

/** POST revert: an earlier version's document written as a new version. */
export interface RevertResponse {
  readonly id: string;
  readonly version: number;
  readonly revertedTo: number;
}

/** POST invitations (owners): a pending member, and its one-time code and link, shown once (SPEC AUTH-8). */
export interface CreateInvitationRequest {
  readonly username: string;
  readonly role: Role;
  readonly stakeholders: readonly string[];
  readonly expiresInDays?: number;
}
export interface InvitationBody {
  readonly id: string;
  readonly username: string;
  readonly role: Role;
  readonly stakeholders: readonly string[];
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly state: "open" | "used" | "expired" | "revoked";
}
export interface CreateInvitationResponse {
  readonly invitation: InvitationBody;
  readonly code: string;
  /** The path of the app's page that redeems the code (`/#/invitation/CODE`). */
  readonly link: string;
}
/** POST invitations/lookup: what a code opens. */
export interface InvitationLookup {
  readonly username: string;
  readonly workspace: { readonly id: string; readonly name: string };
  readonly role: Role;
  readonly expiresAt: string;
}
/** POST invitations/accept: the password chosen; the answer signs the person in. */
export interface AcceptInvitationResponse {
  readonly user: User;
  readonly csrfToken: string;
  readonly workspace: string;
}

/** A member of a workspace: an investor is linked to the stakeholder ids whose holdings they see. */
export interface Member {
  readonly username: string;
  readonly role: Role;
  readonly stakeholders: readonly string[];
}
/** GET members (owners only). */
export interface ListMembersResponse {
  readonly members: readonly Member[];
}
/**
 * PUT members/:username (owners only): adds the user or changes their role; `stakeholders`
 * is non-empty for an investor and empty otherwise. The answer is the member as stored. A
 * change that would leave the workspace without an owner is refused (`request_invalid`).
 */
export interface SetMemberRequest {
  readonly role: Role;
  readonly stakeholders: readonly string[];
}
export type SetMemberResponse = Member;
/** DELETE members/:username (owners only) answers 204 with no body. */

/**
 * A write made with the session cookie carries the token the login (or `me`) answered with,
 * in this header; a token-authenticated client does not need it.
 */
export const CSRF_HEADER = "x-csrf-token";

export interface LoginRequest {
  readonly username: string;
  readonly password: string;
}
export interface LoginResponse {
  readonly user: User;
  readonly csrfToken: string;
}
export interface MeResponse {
  readonly user: User;
  readonly via: "session" | "token";
  /** With a session cookie: the token its writes carry. */
  readonly csrfToken?: string;
  readonly workspaces: readonly WorkspaceSummary[];
}
export interface ListWorkspacesResponse {
  readonly workspaces: readonly WorkspaceSummary[];
}
/** A deal as the list gives it: no file name (the app shows its id). */
export interface ListedDeal {
  readonly id: string;
  /** A deal document, or a workspace document naming stored deals (its name is in `company`). */
  readonly kind: "deal" | "workspace";
  readonly company: string;
  readonly version: number;
  readonly updatedAt: string;
}
export interface ListDealsResponse {
  readonly deals: readonly ListedDeal[];
}
/** GET a deal: its latest version's document (an investor's view for investors). */
export interface GetDealResponse {
  readonly id: string;
  readonly version: number;
  readonly updatedAt: string;
  readonly action?: string;
  readonly documentHash?: string;
  readonly document: DealDocumentJson;
}
/**
 * PUT a deal (`saveDeal.path(ws, deal, expectedVersion)`): the body is the whole document;
 * a 409 `version_conflict` when `expectedVersion` is not the current version, whose body is
 * the error alone (the app then reads the deal again to learn the current version). The
 * answer names the version written (201 for a new deal, 200 otherwise).
 */
export type SaveDealRequest = DealDocumentJson;
export interface SaveDealResponse {
  readonly id: string;
  /** What the stored document is: one company's deal or a workspace. */
  readonly kind: "deal" | "workspace";
  readonly version: number;
  readonly documentHash: string;
  readonly warnings: readonly ProblemBody[];
}
