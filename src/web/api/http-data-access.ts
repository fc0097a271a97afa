import { type CapTableOwnership, capTableOwnershipFromJson } from "../../report/captable-read.js";
import {
  type InvestorOwnership,
  type InvestorPayouts,
  type InvestorProForma,
  investorOwnershipFromJson,
  investorPayoutsFromJson,
  investorProFormaFromJson,
} from "../../report/investor-read.js";
import {
  type AcceptInvitationResponse,
  API_BASE,
  type ApiErrorBody,
  type CreateInvitationRequest,
  type CreateInvitationResponse,
  CSRF_HEADER,
  type DealDocumentJson,
  type DealRecord,
  type DifferenceResponse,
  type GetDealResponse,
  type ImportPreviewResponse,
  type ImportRequest,
  type InvitationLookup,
  type ListDealsResponse,
  type ListMembersResponse,
  type ListRevisionsResponse,
  type ListWorkspacesResponse,
  type LoginRequest,
  type LoginResponse,
  type MeResponse,
  type ReportFile,
  type ReportFileRequest,
  type RevertResponse,
  ROUTES,
  type Role,
  type SaveDealResponse,
  type SetMemberRequest,
  type SetMemberResponse,
  type ShareDocumentRequest,
  type SharedDocumentJson,
} from "./contract.js";
import { type ApiResult, type DataAccess, failure, readAnswer } from "./data-access.js";

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

function isErrorBody(value: unknown): value is { error: ApiErrorBody } {
  if (value === null || typeof value !== "object" || !("error" in value)) return false;
  const error = (value as { error: unknown }).error;
  return error !== null && typeof error === "object" && "code" in error && "message" in error;
}

/** The error with the path of its first problem when it names none itself (the server lists them). */
function withPath(error: ApiErrorBody): ApiErrorBody {
  const path = error.problems?.find((p) => p.path !== undefined)?.path;
  return error.path === undefined && path !== undefined ? { ...error, path } : error;
}

/** The company a deal document is about. */
function companyOf(document: DealDocumentJson): string {
  const company = document.company ?? document.workspace;
  if (company !== null && typeof company === "object" && "name" in company) return String(company.name);
  return "";
}

/** The data access of the deployed app: the server's REST API under /api/v1 (contract.ts). */
export class HttpDataAccess implements DataAccess {
  /** The session's CSRF token, from the last login or `me` answer that carried one. */
  private csrfToken: string | undefined;

  constructor(private readonly fetchImpl: Fetch = (input, init) => fetch(input, init)) {}

  private keepCsrfToken(body: unknown): void {
    if (body !== null && typeof body === "object" && "csrfToken" in body) {
      const token = (body as { csrfToken: unknown }).csrfToken;
      if (typeof token === "string") this.csrfToken = token;
    }
  }

  private async request<T>(
    route: { method: string; path: string },
    body?: unknown,
    file?: { bytes: Uint8Array; type: string },
  ): Promise<ApiResult<T>> {
    let response: Response;
    try {
      const headers: Record<string, string> = file
        ? { "content-type": file.type, accept: "application/json" }
        : body === undefined
          ? { accept: "application/json" }
          : { "content-type": "application/json" };
      if (route.method !== "GET" && this.csrfToken !== undefined) headers[CSRF_HEADER] = this.csrfToken;
      const payload = file
        ? { body: file.bytes as BodyInit }
        : body === undefined
          ? {}
          : { body: JSON.stringify(body) };
      response = await this.fetchImpl(route.path, {
        method: route.method,
        credentials: "same-origin",
        headers,
        ...payload,
      });
    } catch (e) {
      return failure(
        0,
        "network",
        `the server could not be reached (${e instanceof Error ? e.message : String(e)})`,
      );
    }
    let parsed: unknown = null;
    const text = await response.text();
    if (text.length > 0) {
      try {
        parsed = JSON.parse(text);
      } catch {
        return failure(
          response.status,
          "bad_response",
          `the server answered ${response.status} with a body that is not JSON`,
        );
      }
    }
    if (response.ok) {
      this.keepCsrfToken(parsed);
      return { ok: true, value: parsed as T };
    }
    if (isErrorBody(parsed))
      return { ok: false, kind: "error", status: response.status, error: withPath(parsed.error) };
    return failure(
      response.status,
      response.status === 401 ? "unauthenticated" : "http_error",
      `the server answered ${response.status} ${response.statusText}`,
    );
  }

  async me() {
    const r = await this.request<MeResponse>({ method: ROUTES.me.method, path: ROUTES.me.path() });
    return r.ok ? { ok: true as const, value: r.value.user } : r;
  }

  async login(username: string, password: string) {
    const body: LoginRequest = { username, password };
    const r = await this.request<LoginResponse>(
      { method: ROUTES.login.method, path: ROUTES.login.path() },
      body,
    );
    return r.ok ? { ok: true as const, value: r.value.user } : r;
  }

  async logout() {
    const r = await this.request<unknown>({ method: ROUTES.logout.method, path: ROUTES.logout.path() }, {});
    if (r.ok) this.csrfToken = undefined;
    return r.ok ? { ok: true as const, value: null } : r;
  }

  async listWorkspaces() {
    const r = await this.request<ListWorkspacesResponse>({
      method: ROUTES.listWorkspaces.method,
      path: ROUTES.listWorkspaces.path(),
    });
    return r.ok ? { ok: true as const, value: r.value.workspaces } : r;
  }

  async listDeals(workspace: string) {
    const r = await this.request<ListDealsResponse>({
      method: ROUTES.listDeals.method,
      path: ROUTES.listDeals.path(workspace),
    });
    return r.ok
      ? {
          ok: true as const,
          value: r.value.deals.map(({ id, company, version, updatedAt }) => ({
            id,
            name: id,
            company,
            version,
            updatedAt,
          })),
        }
      : r;
  }

  async getDeal(workspace: string, deal: string): Promise<ApiResult<DealRecord>> {
    const r = await this.request<GetDealResponse>({
      method: ROUTES.getDeal.method,
      path: ROUTES.getDeal.path(workspace, deal),
    });
    if (!r.ok) return r;
    const { id, version, updatedAt, document } = r.value;
    return {
      ok: true,
      value: {
        id,
        name: id,
        company: companyOf(document),
        version,
        updatedAt,
        workspaceId: workspace,
        document,
      },
    };
  }

  async capTableReport(
    workspace: string,
    deal: string,
    asOf?: string,
  ): Promise<ApiResult<CapTableOwnership>> {
    const answer = await this.request<unknown>({
      method: ROUTES.capTable.method,
      path: ROUTES.capTable.path(workspace, deal, asOf),
    });
    return readAnswer(answer, capTableOwnershipFromJson);
  }

  async scenariosReport(workspace: string, deal: string): Promise<ApiResult<InvestorOwnership>> {
    const answer = await this.request<unknown>({
      method: ROUTES.scenarios.method,
      path: ROUTES.scenarios.path(workspace, deal),
    });
    return readAnswer(answer, investorOwnershipFromJson);
  }

  async modelReport(workspace: string, deal: string): Promise<ApiResult<InvestorProForma>> {
    const answer = await this.request<unknown>({
      method: ROUTES.model.method,
      path: ROUTES.model.path(workspace, deal),
    });
    return readAnswer(answer, investorProFormaFromJson);
  }

  async listSharedDocuments(workspace: string): Promise<ApiResult<readonly SharedDocumentJson[]>> {
    const r = await this.request<{ sharedDocuments: SharedDocumentJson[] }>({
      method: ROUTES.listSharedDocuments.method,
      path: ROUTES.listSharedDocuments.path(workspace),
    });
    return r.ok ? { ok: true, value: r.value.sharedDocuments } : r;
  }

  async withdrawSharedDocument(workspace: string, id: string): Promise<ApiResult<null>> {
    const r = await this.request<unknown>({
      method: ROUTES.withdrawSharedDocument.method,
      path: ROUTES.withdrawSharedDocument.path(workspace, id),
    });
    return r.ok ? { ok: true, value: null } : r;
  }

  async sharedDocumentSize(file: string): Promise<ApiResult<number | null>> {
    // Only the server's own download paths: the list names them.
    if (!file.startsWith(`${API_BASE}/`)) return failure(0, "bad_response", `not a download path: ${file}`);
    let response: Response;
    try {
      response = await this.fetchImpl(file, { method: "HEAD", credentials: "same-origin" });
    } catch (e) {
      return failure(
        0,
        "network",
        `the server could not be reached (${e instanceof Error ? e.message : String(e)})`,
      );
    }
    if (!response.ok)
      return failure(
        response.status,
        "http_error",
        `the server answered ${response.status} ${response.statusText}`,
      );
    const length = response.headers.get("content-length");
    return { ok: true, value: length !== null && /^\d+$/.test(length) ? Number(length) : null };
  }

  async shareDocument(
    workspace: string,
    request: ShareDocumentRequest,
  ): Promise<ApiResult<SharedDocumentJson>> {
    const r = await this.request<{ sharedDocument: SharedDocumentJson }>(
      { method: ROUTES.shareDocument.method, path: ROUTES.shareDocument.path(workspace) },
      request,
    );
    return r.ok ? { ok: true, value: r.value.sharedDocument } : r;
  }

  async reportFile(
    workspace: string,
    deal: string,
    request: ReportFileRequest,
  ): Promise<ApiResult<ReportFile>> {
    const query = new URLSearchParams(request.query);
    query.set("format", request.format);
    if (request.unsaved) query.set("unsaved", "true");
    if (request.lang === "fr") query.set("lang", "fr");
    const body = request.unsaved ?? request.posted;
    const route = body
      ? { method: ROUTES.computeFile.method, path: ROUTES.computeFile.path(request.report, query) }
      : {
          method: ROUTES.reportFile.method,
          path: ROUTES.reportFile.path(workspace, deal, request.report, query),
        };
    const headers: Record<string, string> = body ? { "content-type": "application/json" } : {};
    if (route.method !== "GET" && this.csrfToken !== undefined) headers[CSRF_HEADER] = this.csrfToken;
    let response: Response;
    try {
      response = await this.fetchImpl(route.path, {
        method: route.method,
        credentials: "same-origin",
        headers,
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
    } catch (e) {
      return failure(
        0,
        "network",
        `the server could not be reached (${e instanceof Error ? e.message : String(e)})`,
      );
    }
    if (!response.ok) {
      const text = await response.text();
      let parsed: unknown = null;
      try {
        parsed = JSON.parse(text);
      } catch {
        // Not JSON: the status says it.
      }
      if (isErrorBody(parsed))
        return { ok: false, kind: "error", status: response.status, error: withPath(parsed.error) };
      return failure(
        response.status,
        "http_error",
        `the server answered ${response.status} ${response.statusText}`,
      );
    }
    const disposition = response.headers.get("content-disposition") ?? "";
    const filename =
      /filename="([^"]+)"/.exec(disposition)?.[1] ?? `${deal}-${request.report}.${request.format}`;
    return {
      ok: true,
      value: {
        bytes: new Uint8Array(await response.arrayBuffer()),
        filename,
        mediaType: response.headers.get("content-type") ?? "application/octet-stream",
      },
    };
  }

  async exitAt(workspace: string, deal: string, at: string): Promise<ApiResult<InvestorPayouts>> {
    const answer = await this.request<unknown>({
      method: ROUTES.exitAt.method,
      path: ROUTES.exitAt.path(workspace, deal, at),
    });
    return readAnswer(answer, investorPayoutsFromJson);
  }

  /**
   * Writes the document as the version after `expectedVersion`, then reads the deal back
   * (the stored document, as the server keeps it). A 409 is answered as a conflict with
   * the version now stored, read from the deal.
   */
  async saveDeal(
    workspace: string,
    deal: string,
    document: DealDocumentJson,
    expectedVersion: number,
  ): Promise<ApiResult<DealRecord>> {
    const r = await this.request<SaveDealResponse>(
      { method: ROUTES.saveDeal.method, path: ROUTES.saveDeal.path(workspace, deal, expectedVersion) },
      document,
    );
    if (!r.ok && r.status === 409) {
      const current = await this.getDeal(workspace, deal);
      return {
        ok: false,
        kind: "conflict",
        status: 409,
        error: r.error,
        currentVersion: current.ok ? current.value.version : -1,
      };
    }
    if (!r.ok) return r;
    return this.getDeal(workspace, deal);
  }

  async closeRound(
    workspace: string,
    deal: string,
    round: string,
    expectedVersion: number,
  ): Promise<ApiResult<DealRecord>> {
    const r = await this.request<SaveDealResponse>({
      method: ROUTES.closeRound.method,
      path: ROUTES.closeRound.path(workspace, deal, round, expectedVersion),
    });
    if (!r.ok && r.status === 409) {
      const current = await this.getDeal(workspace, deal);
      return {
        ok: false,
        kind: "conflict",
        status: 409,
        error: r.error,
        currentVersion: current.ok ? current.value.version : -1,
      };
    }
    if (!r.ok) return r;
    return this.getDeal(workspace, deal);
  }

  async listMembers(workspace: string) {
    const r = await this.request<ListMembersResponse>({
      method: ROUTES.listMembers.method,
      path: ROUTES.listMembers.path(workspace),
    });
    return r.ok ? { ok: true as const, value: r.value.members } : r;
  }

  async setMember(workspace: string, username: string, role: Role, stakeholders: readonly string[]) {
    const body: SetMemberRequest = { role, stakeholders };
    return this.request<SetMemberResponse>(
      { method: ROUTES.setMember.method, path: ROUTES.setMember.path(workspace, username) },
      body,
    );
  }

  async removeMember(workspace: string, username: string) {
    const r = await this.request<unknown>({
      method: ROUTES.removeMember.method,
      path: ROUTES.removeMember.path(workspace, username),
    });
    return r.ok ? { ok: true as const, value: null } : r;
  }

  async listRevisions(workspace: string, deal: string) {
    const r = await this.request<ListRevisionsResponse>({
      method: ROUTES.listRevisions.method,
      path: ROUTES.listRevisions.path(workspace, deal),
    });
    return r.ok ? { ok: true as const, value: r.value.revisions } : r;
  }

  async dealDifference(workspace: string, deal: string, from: number, to: number) {
    return this.request<DifferenceResponse>({
      method: ROUTES.dealDifference.method,
      path: ROUTES.dealDifference.path(workspace, deal, from, to),
    });
  }

  /** Reverts as a new version, then reads the deal back; a 409 is a conflict, as a save's. */
  async revertDeal(
    workspace: string,
    deal: string,
    to: number,
    expectedVersion: number,
  ): Promise<ApiResult<DealRecord>> {
    const r = await this.request<RevertResponse>(
      {
        method: ROUTES.revertDeal.method,
        path: ROUTES.revertDeal.path(workspace, deal, to, expectedVersion),
      },
      {},
    );
    if (!r.ok && r.status === 409) {
      const current = await this.getDeal(workspace, deal);
      return {
        ok: false,
        kind: "conflict",
        status: 409,
        error: r.error,
        currentVersion: current.ok ? current.value.version : -1,
      };
    }
    if (!r.ok) return r;
    return this.getDeal(workspace, deal);
  }

  async createInvitation(workspace: string, request: CreateInvitationRequest) {
    return this.request<CreateInvitationResponse>(
      { method: ROUTES.createInvitation.method, path: ROUTES.createInvitation.path(workspace) },
      request,
    );
  }

  async lookupInvitation(code: string) {
    return this.request<InvitationLookup>(
      { method: ROUTES.lookupInvitation.method, path: ROUTES.lookupInvitation.path() },
      { code },
    );
  }

  async acceptInvitation(code: string, password: string) {
    return this.request<AcceptInvitationResponse>(
      { method: ROUTES.acceptInvitation.method, path: ROUTES.acceptInvitation.path() },
      { code, password },
    );
  }

  async previewImport(bytes: Uint8Array, request: ImportRequest) {
    return this.request<ImportPreviewResponse>(
      { method: ROUTES.importPreview.method, path: ROUTES.importPreview.path(importQuery(request)) },
      undefined,
      { bytes, type: spreadsheetType(bytes) },
    );
  }

  async importDeal(workspace: string, deal: string, bytes: Uint8Array, request: ImportRequest) {
    const query = importQuery(request);
    query.set("expectedVersion", "0");
    const r = await this.request<SaveDealResponse>(
      { method: ROUTES.importDeal.method, path: ROUTES.importDeal.path(workspace, deal, query) },
      undefined,
      { bytes, type: spreadsheetType(bytes) },
    );
    if (!r.ok) return r;
    return this.getDeal(workspace, deal);
  }
}

/** The import routes' query: the options given, each once. */
function importQuery(request: ImportRequest): URLSearchParams {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(request))
    if (typeof value === "string" && value !== "") query.set(key, value);
  return query;
}

/** The content type a spreadsheet is posted with: XLSX for a zip, CSV otherwise (the server reads the bytes either way). */
function spreadsheetType(bytes: Uint8Array): string {
  return bytes[0] === 0x50 && bytes[1] === 0x4b
    ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    : "text/csv";
}
