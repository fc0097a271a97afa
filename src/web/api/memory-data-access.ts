import type {
  DealDocumentJson,
  DealRecord,
  DealSummary,
  ExitAtJson,
  Member,
  ModelJson,
  Role,
  ScenariosJson,
  User,
  WorkspaceSummary,
} from "./contract.js";
import type { ApiResult, DataAccess } from "./data-access.js";
import { failure } from "./data-access.js";
import { dealDocumentFromText } from "./deal-text.js";

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
  private signedIn = true;
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
    }
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
  }

  async me(): Promise<ApiResult<User>> {
    return this.signedIn
      ? { ok: true, value: DEV_USER }
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

  /**
   * The investor's figures are the server's (SPEC WEB-23): in memory there is one user, the
   * workspace's owner, and no investor to compute them for.
   */
  async scenariosReport(workspace: string, deal: string): Promise<ApiResult<ScenariosJson>> {
    return failure(404, "not_found", `the investor's view of "${deal}" in "${workspace}" is the server's`);
  }

  async modelReport(workspace: string, deal: string): Promise<ApiResult<ModelJson>> {
    return failure(404, "not_found", `the investor's view of "${deal}" in "${workspace}" is the server's`);
  }

  async exitAt(workspace: string, deal: string, _at: string): Promise<ApiResult<ExitAtJson>> {
    return failure(404, "not_found", `the investor's view of "${deal}" in "${workspace}" is the server's`);
  }

  async saveDeal(
    workspace: string,
    deal: string,
    document: DealDocumentJson,
    expectedVersion: number,
  ): Promise<ApiResult<DealRecord>> {
    const record = workspace === WORKSPACE.id ? this.deals.get(deal) : undefined;
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
}
