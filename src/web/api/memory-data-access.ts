import { capTableOf } from "../../app/captable.js";
import { closeRound } from "../../app/close-round.js";
import { parseIsoDate } from "../../core/shared/date.js";
import { errorSpec } from "../../core/shared/errors.js";
import { dealDifference } from "../../deal/difference.js";
import { loadDeal } from "../../deal/load.js";
import { type CapTableOwnership, capTableOwnershipOf } from "../../report/captable-read.js";
import { differenceJson } from "../../report/difference-report.js";
import type { InvestorOwnership, InvestorPayouts, InvestorProForma } from "../../report/investor-read.js";
import type {
  AcceptInvitationResponse,
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
import type { ApiResult, DataAccess } from "./data-access.js";
import { failure } from "./data-access.js";
import { dealDocumentFromText, dealDocumentText } from "./deal-text.js";

interface MemoryRevision extends RevisionSummary {
  readonly document: DealDocumentJson;
}

interface MemoryInvitation {
  readonly username: string;
  readonly role: Role;
  readonly stakeholders: readonly string[];
  readonly expiresAt: string;
  used: boolean;
}

export interface MemoryDealFile {
  readonly id: string;
  readonly name: string;
  readonly text: string;
}

const DEV_USER: User = { username: "dev", admin: false };
const WORKSPACE: WorkspaceSummary = { id: "examples", name: "Examples", role: "owner" };
/** A fixed time for every record, so that the same files give the same app, byte for byte. */
const EPOCH = "2026-01-28T00:00:00.000Z";

/** The company a deal is about, or a workspace document's name. */
function companyName(document: DealDocumentJson): string {
  const company = document.company ?? document.workspace;
  if (company !== null && typeof company === "object" && "name" in company) return String(company.name);
  return "";
}

function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * A data access holding deal files in memory, in one workspace, for development and
 * tests: the same operations as the server, versions and 409 conflicts included, with
 * nothing sent anywhere. Documents are copied in and out, as over a network.
 */
export class MemoryDataAccess implements DataAccess {
  private readonly deals = new Map<string, DealRecord>();
  /** The workspace's members: the local user, its owner, to begin with. */
  private readonly members = new Map<string, Member>([
    ["dev", { username: "dev", role: "owner", stakeholders: [] }],
  ]);
  /** Every version of every deal, oldest first (the server's revisions). */
  private readonly revisions = new Map<string, MemoryRevision[]>();
  /** Open invitations by code. */
  private readonly invitations = new Map<string, MemoryInvitation>();
  private invitationCount = 0;
  private signedIn = true;
  private user: User = DEV_USER;
  /** Set to make the next save fail as a server or network failure would (tests). */
  failNextSave: { status: number; code: string; message: string } | undefined;

  constructor(files: readonly MemoryDealFile[]) {
    for (const file of files) {
      const document = dealDocumentFromText(file.text);
      if (!document) throw new Error(`example ${file.name} is not a deal mapping`);
      this.deals.set(file.id, {
        id: file.id,
        name: file.name,
        company: companyName(document),
        version: 1,
        updatedAt: EPOCH,
        workspaceId: WORKSPACE.id,
        document,
      });
      this.revisions.set(file.id, [
        {
          version: 1,
          action: "create",
          documentHash: null,
          createdAt: EPOCH,
          author: DEV_USER.username,
          document,
        },
      ]);
    }
  }

  /** Keeps a version in the deal's history. */
  private keep(record: DealRecord, action: string): void {
    const list = this.revisions.get(record.id) ?? [];
    list.push({
      version: record.version,
      action,
      documentHash: null,
      createdAt: record.updatedAt,
      author: this.user.username,
      document: copy(record.document),
    });
    this.revisions.set(record.id, list);
  }

  /** Saves `document` as another user would, so that the next save from the app conflicts (tests). */
  saveElsewhere(deal: string, document?: DealDocumentJson): void {
    const record = this.deals.get(deal);
    if (!record) throw new Error(`no deal ${deal}`);
    this.deals.set(deal, {
      ...record,
      version: record.version + 1,
      document: copy(document ?? record.document),
    });
    this.keep(this.deals.get(deal)!, "replace");
  }

  async me(): Promise<ApiResult<User>> {
    return this.signedIn
      ? { ok: true, value: this.user }
      : failure(401, "unauthenticated", "nobody is signed in");
  }

  async login(_username: string, _password: string): Promise<ApiResult<User>> {
    this.signedIn = true;
    return { ok: true, value: DEV_USER };
  }

  async logout(): Promise<ApiResult<null>> {
    this.signedIn = false;
    return { ok: true, value: null };
  }

  async listWorkspaces(): Promise<ApiResult<readonly WorkspaceSummary[]>> {
    return { ok: true, value: [WORKSPACE] };
  }

  async listDeals(workspace: string): Promise<ApiResult<readonly DealSummary[]>> {
    if (workspace !== WORKSPACE.id) return failure(404, "not_found", `no workspace "${workspace}"`);
    return {
      ok: true,
      value: [...this.deals.values()].map(({ id, name, company, version, updatedAt }) => ({
        id,
        name,
        company,
        version,
        updatedAt,
      })),
    };
  }

  async getDeal(workspace: string, deal: string): Promise<ApiResult<DealRecord>> {
    const record = workspace === WORKSPACE.id ? this.deals.get(deal) : undefined;
    if (!record) return failure(404, "not_found", `no deal "${deal}" in workspace "${workspace}"`);
    return { ok: true, value: copy(record) };
  }

  /** The cap table of the deal's latest version, computed here as the server's `captable` route does. */
  async capTableReport(
    workspace: string,
    deal: string,
    asOf?: string,
  ): Promise<ApiResult<CapTableOwnership>> {
    const record = workspace === WORKSPACE.id ? this.deals.get(deal) : undefined;
    if (!record) return failure(404, "not_found", `no deal "${deal}" in workspace "${workspace}"`);
    const date = asOf === undefined ? undefined : parseIsoDate(asOf);
    if (asOf !== undefined && !date)
      return failure(400, "request_invalid", `asOf: "${asOf}" is not a date in YYYY-MM-DD form`);
    const loaded = loadDeal(dealDocumentText(record.document), record.name);
    // The error as the server answers it: the first problem's code and status (SPEC WEB-6).
    const problems = loaded.ok ? undefined : loaded.diagnostics;
    const report = loaded.ok ? capTableOf(loaded.deal, date ? { asOf: date } : {}) : undefined;
    const all = problems ?? (report && !report.ok ? report.problems : []);
    if (!report?.ok) {
      const code = all[0]?.code ?? "deal_invalid_field";
      return failure(errorSpec(code).httpStatus, code, all.map((p) => p.message).join("; "));
    }
    // The typed report itself: in memory nothing goes through the API's JSON.
    return { ok: true, value: capTableOwnershipOf(report.value) };
  }

  /**
   * The investor's figures are the server's (SPEC WEB-23): in memory there is one user, the
   * workspace's owner, and no investor to compute them for.
   */
  async scenariosReport(workspace: string, deal: string): Promise<ApiResult<InvestorOwnership>> {
    return failure(404, "not_found", `the investor's view of "${deal}" in "${workspace}" is the server's`);
  }

  async modelReport(workspace: string, deal: string): Promise<ApiResult<InvestorProForma>> {
    return failure(404, "not_found", `the investor's view of "${deal}" in "${workspace}" is the server's`);
  }

  /** PDF and XLSX files are rendered by the server (its fonts and pdfkit): in memory there is none. */
  async reportFile(
    workspace: string,
    deal: string,
    request: ReportFileRequest,
  ): Promise<ApiResult<ReportFile>> {
    return failure(
      404,
      "not_found",
      `the ${request.format.toUpperCase()} file of "${deal}" in "${workspace}" is the server's: open the app served by roundtable serve`,
    );
  }

  async listSharedDocuments(workspace: string): Promise<ApiResult<readonly SharedDocumentJson[]>> {
    return failure(404, "not_found", `documents shared in "${workspace}" are the server's`);
  }

  async withdrawSharedDocument(workspace: string, _id: string): Promise<ApiResult<null>> {
    return failure(404, "not_found", `documents shared in "${workspace}" are the server's`);
  }

  async sharedDocumentSize(file: string): Promise<ApiResult<number | null>> {
    return failure(404, "not_found", `the file ${file} is the server's`);
  }

  async shareDocument(
    workspace: string,
    _request: ShareDocumentRequest,
  ): Promise<ApiResult<SharedDocumentJson>> {
    return failure(404, "not_found", `sharing documents in "${workspace}" is the server's`);
  }

  async exitAt(workspace: string, deal: string, _at: string): Promise<ApiResult<InvestorPayouts>> {
    return failure(404, "not_found", `the investor's view of "${deal}" in "${workspace}" is the server's`);
  }

  async saveDeal(
    workspace: string,
    deal: string,
    document: DealDocumentJson,
    expectedVersion: number,
  ): Promise<ApiResult<DealRecord>> {
    if (workspace !== WORKSPACE.id) return failure(404, "not_found", `no workspace "${workspace}"`);
    const existing = this.deals.get(deal);
    // As the server: expectedVersion 0 creates a deal that does not exist yet.
    const record: DealRecord | undefined =
      existing ??
      (expectedVersion === 0
        ? {
            id: deal,
            name: deal,
            company: "",
            version: 0,
            updatedAt: EPOCH,
            workspaceId: WORKSPACE.id,
            document: {},
          }
        : undefined);
    if (!record) return failure(404, "not_found", `no deal "${deal}" in workspace "${workspace}"`);
    if (this.failNextSave) {
      const { status, code, message } = this.failNextSave;
      this.failNextSave = undefined;
      return failure(status, code, message);
    }
    if (record.version !== expectedVersion) {
      return {
        ok: false,
        kind: "conflict",
        status: 409,
        error: {
          code: "conflict",
          message: `the deal was saved as version ${record.version} since version ${expectedVersion} was read`,
        },
        currentVersion: record.version,
      };
    }
    const saved: DealRecord = {
      ...record,
      version: record.version + 1,
      company: companyName(document),
      document: copy(document),
    };
    this.deals.set(deal, saved);
    this.keep(saved, existing ? "replace" : "create");
    return { ok: true, value: copy(saved) };
  }

  async listRevisions(workspace: string, deal: string): Promise<ApiResult<readonly RevisionSummary[]>> {
    const list = workspace === WORKSPACE.id ? this.revisions.get(deal) : undefined;
    if (!list) return failure(404, "not_found", `no deal "${deal}"`);
    return { ok: true, value: list.map(({ document: _document, ...summary }) => copy(summary)) };
  }

  /** The server's difference, computed here from the two versions' documents. */
  async dealDifference(
    workspace: string,
    deal: string,
    from: number,
    to: number,
  ): Promise<ApiResult<DifferenceResponse>> {
    const list = workspace === WORKSPACE.id ? this.revisions.get(deal) : undefined;
    const older = list?.find((r) => r.version === from);
    const newer = list?.find((r) => r.version === to);
    if (!older || !newer)
      return failure(404, "not_found", `deal "${deal}" has no version ${older ? to : from}`);
    const before = loadDeal(dealDocumentText(older.document), `${deal}@${from}`);
    const after = loadDeal(dealDocumentText(newer.document), `${deal}@${to}`);
    if (!before.ok)
      return failure(400, "deal_invalid_field", before.diagnostics.map((d) => d.message).join("; "));
    if (!after.ok)
      return failure(400, "deal_invalid_field", after.diagnostics.map((d) => d.message).join("; "));
    return {
      ok: true,
      value: differenceJson(dealDifference(before.deal, after.deal), { from, to }) as DifferenceResponse,
    };
  }

  async revertDeal(
    workspace: string,
    deal: string,
    to: number,
    expectedVersion: number,
  ): Promise<ApiResult<DealRecord>> {
    const target = (workspace === WORKSPACE.id ? this.revisions.get(deal) : undefined)?.find(
      (r) => r.version === to,
    );
    if (!target) return failure(404, "not_found", `deal "${deal}" has no version ${to}`);
    const record = this.deals.get(deal)!;
    if (record.version !== expectedVersion)
      return {
        ok: false,
        kind: "conflict",
        status: 409,
        error: { code: "version_conflict", message: `the deal is at version ${record.version}` },
        currentVersion: record.version,
      };
    const saved: DealRecord = {
      ...record,
      version: record.version + 1,
      company: companyName(target.document),
      document: copy(target.document),
    };
    this.deals.set(deal, saved);
    this.keep(saved, "revert");
    return { ok: true, value: copy(saved) };
  }

  /** As the server: a pending member and a one-time code; a user who exists is refused. */
  async createInvitation(
    workspace: string,
    request: CreateInvitationRequest,
  ): Promise<ApiResult<CreateInvitationResponse>> {
    if (workspace !== WORKSPACE.id) return failure(404, "not_found", `no workspace "${workspace}"`);
    if (
      this.members.has(request.username) ||
      [...this.invitations.values()].some((i) => i.username === request.username)
    )
      return failure(409, "already_exists", `a user "${request.username}" already exists`);
    if ((request.role === "investor") !== request.stakeholders.length > 0)
      return failure(
        400,
        "request_invalid",
        "an investor is linked to at least one stakeholder id, and only an investor is",
      );
    this.invitationCount += 1;
    const code = `inv_memory${this.invitationCount}`;
    const days = request.expiresInDays ?? 7;
    const expiresAt = new Date(Date.parse(EPOCH) + days * 86_400_000).toISOString();
    this.invitations.set(code, { ...request, expiresAt, used: false });
    this.members.set(request.username, {
      username: request.username,
      role: request.role,
      stakeholders: [...request.stakeholders],
    });
    return {
      ok: true,
      value: {
        invitation: {
          id: `invitation-${this.invitationCount}`,
          username: request.username,
          role: request.role,
          stakeholders: [...request.stakeholders],
          createdAt: EPOCH,
          expiresAt,
          state: "open",
        },
        code,
        link: `/#/invitation/${code}`,
      },
    };
  }

  async lookupInvitation(code: string): Promise<ApiResult<InvitationLookup>> {
    const invitation = this.invitations.get(code);
    if (!invitation) return failure(404, "invitation_unknown", "no invitation has this code");
    if (invitation.used)
      return failure(
        410,
        "invitation_closed",
        "this invitation has already been used; sign in with the password set then, or ask the owner for a new one",
      );
    return {
      ok: true,
      value: {
        username: invitation.username,
        workspace: { id: WORKSPACE.id, name: WORKSPACE.name },
        role: invitation.role,
        expiresAt: invitation.expiresAt,
      },
    };
  }

  async acceptInvitation(code: string, password: string): Promise<ApiResult<AcceptInvitationResponse>> {
    const found = await this.lookupInvitation(code);
    if (!found.ok) return found;
    if (password.length < 12) return failure(400, "request_invalid", "a password has at least 12 characters");
    this.invitations.get(code)!.used = true;
    this.user = { username: found.value.username, admin: false };
    this.signedIn = true;
    return { ok: true, value: { user: this.user, csrfToken: "memory", workspace: WORKSPACE.id } };
  }

  /** As the server (CLOSE-3): the same use case closes the round; its refusal is a 4xx. */
  async closeRound(
    workspace: string,
    deal: string,
    round: string,
    expectedVersion: number,
  ): Promise<ApiResult<DealRecord>> {
    const record = workspace === WORKSPACE.id ? this.deals.get(deal) : undefined;
    if (!record) return failure(404, "not_found", `no deal "${deal}" in workspace "${workspace}"`);
    if (record.version !== expectedVersion) {
      return {
        ok: false,
        kind: "conflict",
        status: 409,
        error: {
          code: "version_conflict",
          message: `the deal is at version ${record.version}, not ${expectedVersion}: read it again and apply the change to the latest version`,
        },
        currentVersion: record.version,
      };
    }
    const closed = closeRound.run(dealDocumentText(record.document), record.name, { round });
    if (!closed.ok) {
      const first = closed.diagnostics?.[0] ?? closed.problems?.[0];
      return failure(422, first?.code ?? "round_invalid", first?.message ?? "the round cannot be closed");
    }
    const document = dealDocumentFromText(closed.value.text);
    if (!document) return failure(500, "internal", "the closed deal is not a mapping");
    const saved: DealRecord = { ...record, version: record.version + 1, document };
    this.deals.set(deal, saved);
    this.keep(saved, "close_round");
    return { ok: true, value: copy(saved) };
  }

  async listMembers(workspace: string): Promise<ApiResult<readonly Member[]>> {
    if (workspace !== WORKSPACE.id) return failure(404, "not_found", `no workspace "${workspace}"`);
    return { ok: true, value: [...this.members.values()].map((m) => copy(m)) };
  }

  /** As the server: an investor names stakeholders and only an investor does; a workspace keeps an owner. */
  async setMember(
    workspace: string,
    username: string,
    role: Role,
    stakeholders: readonly string[],
  ): Promise<ApiResult<Member>> {
    if (workspace !== WORKSPACE.id) return failure(404, "not_found", `no workspace "${workspace}"`);
    if ((role === "investor") !== stakeholders.length > 0)
      return failure(
        400,
        "request_invalid",
        "an investor is linked to at least one stakeholder id, and only an investor is",
      );
    if (role !== "owner" && this.lastOwner(username))
      return failure(
        400,
        "request_invalid",
        "a workspace keeps at least one owner: name another owner first",
      );
    const member: Member = { username, role, stakeholders: [...new Set(stakeholders)].sort() };
    this.members.set(username, member);
    return { ok: true, value: copy(member) };
  }

  async removeMember(workspace: string, username: string): Promise<ApiResult<null>> {
    if (workspace !== WORKSPACE.id) return failure(404, "not_found", `no workspace "${workspace}"`);
    if (!this.members.has(username)) return failure(404, "not_found", `no member "${username}"`);
    if (this.lastOwner(username))
      return failure(
        400,
        "request_invalid",
        "a workspace keeps at least one owner: name another owner first",
      );
    this.members.delete(username);
    return { ok: true, value: null };
  }

  private lastOwner(username: string): boolean {
    const owners = [...this.members.values()].filter((m) => m.role === "owner");
    return owners.length === 1 && owners[0]!.username === username;
  }

  /**
   * As the server's compute/import: the import use case (src/app/import.ts) the CLI and the
   * server run, run in the page (loaded on demand: the spreadsheet reader is large).
   */
  async previewImport(bytes: Uint8Array, request: ImportRequest): Promise<ApiResult<ImportPreviewResponse>> {
    const { spreadsheetImport } = await import("../../app/import.js");
    const { name, ...query } = request;
    const input = spreadsheetImport.input.safeParse(query);
    if (!input.success)
      return failure(400, "request_invalid", input.error.issues.map((i) => i.message).join("; "));
    const imported = await spreadsheetImport.run({ bytes, name }, input.data);
    if (!imported.ok) {
      // Named by the input the problems are about, as the server's answer names it.
      const what = imported.about === "mapping" ? "the mapping" : `the spreadsheet ${name}`;
      const first = imported.problems[0];
      const count = imported.problems.length;
      return {
        ok: false,
        kind: "error",
        status: 400,
        error: {
          code: first?.code ?? "import_invalid",
          message: `${what} is not valid: ${count} problem${count === 1 ? "" : "s"}${first ? `, first: ${first.message}` : ""}`,
          problems: imported.problems.map((p) => ({ code: p.code, message: p.message })),
        },
      };
    }
    const v = imported.value;
    const json = spreadsheetImport.json(
      v,
      imported.warnings.map((w) => ({ code: w.code, message: w.message, severity: "warning" as const })),
    );
    return {
      ok: true,
      value: {
        ...json,
        document: dealDocumentFromText(v.yaml) ?? {},
        counts: v.counts as unknown as Record<string, number>,
      },
    };
  }

  async importDeal(
    workspace: string,
    deal: string,
    bytes: Uint8Array,
    request: ImportRequest,
  ): Promise<ApiResult<DealRecord>> {
    const preview = await this.previewImport(bytes, request);
    if (!preview.ok) return preview;
    return this.saveDeal(workspace, deal, preview.value.document, 0);
  }
}
