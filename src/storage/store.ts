import { randomUUID } from "node:crypto";
import type { Transaction } from "kysely";
import type { Role } from "../core/shared/roles.js";
import { auditHash, GENESIS_HASH, type RevisionReference, verifyAuditChain } from "./audit.js";
import type { Backend } from "./backend.js";
import { canonicalJson, sha256Hex } from "./canonical-json.js";
import type { Tables } from "./schema.js";

/**
 * The tables whose rows are the store's content, with the columns that order them: all but
 * sessions (which sign-ins and sign-outs change) and what a PostgreSQL deployment shares
 * between processes (jobs, cached reports, sign-in failures). contentDigest reads them.
 */
export const CONTENT_TABLES: readonly { readonly table: keyof Tables; readonly order: readonly string[] }[] =
  [
    { table: "users", order: ["id"] },
    { table: "api_tokens", order: ["id"] },
    { table: "workspaces", order: ["id"] },
    { table: "memberships", order: ["workspace_id", "user_id"] },
    { table: "deals", order: ["id"] },
    { table: "revisions", order: ["deal_id", "version"] },
    { table: "audit_log", order: ["seq"] },
    { table: "invitations", order: ["id"] },
    { table: "shared_documents", order: ["id"] },
  ];

export { ROLES, type Role } from "../core/shared/roles.js";

/** Who makes a change: a user id, or "system" for the CLI's first-run and demo commands. */
export type ActorId = string;

export interface User {
  readonly id: string;
  readonly username: string;
  readonly admin: boolean;
  readonly createdAt: string;
}

export interface Membership {
  readonly workspaceId: string;
  readonly userId: string;
  readonly username: string;
  readonly role: Role;
  readonly stakeholders: readonly string[];
}

export interface Workspace {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
  readonly sharedAggregates: readonly string[];
}

export type RevisionAction =
  | "create"
  | "replace"
  | "append_transaction"
  | "append_round"
  | "append_source"
  | "close_round"
  | "revert"
  | "delete";

export interface Revision {
  readonly dealId: string;
  readonly workspaceId: string;
  readonly slug: string;
  readonly version: number;
  readonly action: RevisionAction;
  /** Canonical JSON of the deal document; null when the deal was deleted at this version. */
  readonly document: string | null;
  readonly documentHash: string | null;
  readonly authorId: string;
  readonly createdAt: string;
}

export type DealWrite =
  | { readonly ok: true; readonly revision: Revision }
  | { readonly ok: false; readonly reason: "version_conflict"; readonly currentVersion: number };

type Trx = Transaction<Tables>;

/** The reports an owner may share with investors, and the files they go out as (SRV-SHARE-1). */
export const SHARED_REPORTS = ["model", "captable"] as const;
export type SharedReport = (typeof SHARED_REPORTS)[number];
export const SHARED_FORMATS = ["pdf", "xlsx"] as const;
export type SharedFormat = (typeof SHARED_FORMATS)[number];

/** A document shared with a workspace's investors (SPEC SRV-SHARE-1..5). */
export interface SharedDocument {
  readonly id: string;
  readonly workspaceId: string;
  /** The stored deal's id in its workspace (its slug). */
  readonly deal: string;
  readonly version: number;
  readonly report: SharedReport;
  readonly format: SharedFormat;
  readonly title: string;
  /** The investor member's user name; null when shared with every investor member. */
  readonly recipient: string | null;
  /** The user name of the owner who shared it. */
  readonly sharedBy: string;
  readonly sharedAt: string;
  readonly withdrawnAt: string | null;
}

export type SharedDocumentWrite =
  | { readonly ok: true; readonly document: SharedDocument }
  | {
      readonly ok: false;
      readonly reason: "deal_unknown" | "version_unknown" | "recipient_not_investor";
    };

function toMembership(row: {
  workspace_id: string;
  user_id: string;
  username: string;
  role: string;
  stakeholders: string;
}): Membership {
  return {
    workspaceId: row.workspace_id,
    userId: row.user_id,
    username: row.username,
    role: row.role as Role,
    stakeholders: JSON.parse(row.stakeholders) as string[],
  };
}

function toUser(row: Tables["users"]): User {
  return { id: row.id, username: row.username, admin: Number(row.admin) === 1, createdAt: row.created_at };
}

/**
 * The password hash of an account that an invitation created and nobody has redeemed: no
 * argon2 hash is empty, so no password verifies against it (SPEC AUTH-8).
 */
export const PENDING_PASSWORD = "";

export interface Invitation {
  readonly id: string;
  readonly userId: string;
  readonly username: string;
  readonly workspaceId: string;
  readonly role: Role;
  readonly stakeholders: readonly string[];
  readonly createdBy: string;
  readonly createdAt: string;
  readonly expiresAt: string;
  readonly usedAt: string | null;
  readonly revokedAt: string | null;
}

function toInvitation(
  row: Tables["invitations"],
  username: string,
  role: Role,
  stakeholders: readonly string[],
): Invitation {
  return {
    id: row.id,
    userId: row.user_id,
    username,
    workspaceId: row.workspace_id,
    role,
    stakeholders,
    createdBy: row.created_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    usedAt: row.used_at,
    revokedAt: row.revoked_at,
  };
}

function toSharedDocument(
  row: Tables["shared_documents"] & {
    slug: string;
    sharer_name: string | null;
    recipient_name: string | null;
  },
): SharedDocument {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    deal: row.slug,
    version: Number(row.version),
    report: row.report as SharedReport,
    format: row.format as SharedFormat,
    title: row.title,
    recipient: row.recipient_id === null ? null : (row.recipient_name ?? row.recipient_id),
    sharedBy: row.sharer_name ?? row.shared_by,
    sharedAt: row.shared_at,
    withdrawnAt: row.withdrawn_at,
  };
}

function toWorkspace(row: Tables["workspaces"]): Workspace {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.created_at,
    sharedAggregates: JSON.parse(row.shared_aggregates) as string[],
  };
}

function toRevision(row: Tables["revisions"] & { workspace_id: string; slug: string }): Revision {
  return {
    dealId: row.deal_id,
    workspaceId: row.workspace_id,
    slug: row.slug,
    version: Number(row.version),
    action: row.action as RevisionAction,
    document: row.document,
    documentHash: row.document_hash,
    authorId: row.author_id,
    createdAt: row.created_at,
  };
}

/**
 * What a store keeps in memory between requests (SPEC STORE-7): the holders of tokens,
 * memberships, workspaces and the latest version of each deal. All of it is dropped after
 * every write the store makes and whenever another process commits a write (PostgreSQL
 * notifications); while that cannot be known, nothing is kept.
 */
class ReadMemo {
  readonly tokens = new Map<string, User>();
  readonly memberships = new Map<string, Membership>();
  readonly workspaces = new Map<string, Workspace>();
  readonly heads = new Map<string, { dealId: string; version: number; deleted: boolean }>();

  /** Counts invalidations: a read that started before one must not store what it read. */
  generation = 0;

  /** Stores a value read at `generation` unless something was invalidated since. */
  remember<K, V>(map: Map<K, V>, key: K, value: V, generation: number): V {
    if (generation !== this.generation) return value;
    if (map.size >= 10_000) map.clear();
    map.set(key, value);
    return value;
  }

  /** After every write: whatever was read while it ran may be older than it. */
  clear(): void {
    this.generation++;
    this.tokens.clear();
    this.memberships.clear();
    this.workspaces.clear();
    this.heads.clear();
  }

  forget<K, V>(map: Map<K, V>, key?: K): void {
    this.generation++;
    if (key === undefined) map.clear();
    else map.delete(key);
  }
}

const pair = (a: string, b: string) => `${a}\u0000${b}`;

/**
 * Every read and write of roundtable's data, through one query layer on either backend
 * (SPEC STORE-1). Every change runs in a transaction that also appends its audit entry
 * (SPEC AUDIT-1); deal changes only ever insert revisions (SPEC STORE-4).
 */
export class Store {
  private readonly readMemo = new ReadMemo();
  private memoLive = false;
  private readonly stopWatching: () => Promise<void>;

  constructor(
    readonly backend: Backend,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.stopWatching = backend.watchChanges({
      changed: () => this.readMemo.clear(),
      live: (isLive) => {
        this.readMemo.clear();
        this.memoLive = isLive;
      },
    });
  }

  /** Whether the store keeps reads in memory now: it can tell when another process writes. */
  get remembersReads(): boolean {
    return this.memoLive;
  }

  /** The memory of reads, while the store can tell when another process writes (STORE-7). */
  private get memo(): ReadMemo | undefined {
    return this.memoLive ? this.readMemo : undefined;
  }

  get kind(): Backend["kind"] {
    return this.backend.kind;
  }

  async close(): Promise<void> {
    await this.stopWatching();
    await this.backend.close();
  }

  private get db() {
    return this.backend.db;
  }

  private timestamp(): string {
    return this.now().toISOString();
  }

  /** Runs a change: one transaction, writers serialized, the audit entry appended inside it. */
  private async write<T>(change: (trx: Trx) => Promise<T>): Promise<T> {
    try {
      return await this.db.transaction().execute(async (trx) => {
        await this.backend.lockWrites(trx);
        return change(trx);
      });
    } finally {
      this.memo?.clear();
    }
  }

  private async appendAudit(
    trx: Trx,
    entry: {
      actorId: ActorId;
      workspaceId: string | null;
      action: string;
      target: string;
      before: unknown;
      after: unknown;
    },
  ): Promise<void> {
    const last = await trx
      .selectFrom("audit_log")
      .select(["seq", "hash"])
      .orderBy("seq", "desc")
      .limit(1)
      .executeTakeFirst();
    const row = {
      seq: last ? Number(last.seq) + 1 : 1,
      at: this.timestamp(),
      actor_id: entry.actorId,
      workspace_id: entry.workspaceId,
      action: entry.action,
      target: entry.target,
      before: entry.before === null || entry.before === undefined ? null : canonicalJson(entry.before),
      after: entry.after === null || entry.after === undefined ? null : canonicalJson(entry.after),
      prev_hash: last ? last.hash : GENESIS_HASH,
    };
    await trx
      .insertInto("audit_log")
      .values({ ...row, hash: auditHash(row) })
      .execute();
  }

  // Users -------------------------------------------------------------------------------

  async countUsers(): Promise<number> {
    const row = await this.db
      .selectFrom("users")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Creates a user; undefined when the user name is taken. */
  async createUser(
    input: { username: string; passwordHash: string; admin: boolean },
    actorId: ActorId,
  ): Promise<User | undefined> {
    try {
      return await this.write(async (trx) => {
        const row = {
          id: randomUUID(),
          username: input.username,
          password_hash: input.passwordHash,
          admin: input.admin ? 1 : 0,
          created_at: this.timestamp(),
        };
        await trx.insertInto("users").values(row).execute();
        await this.appendAudit(trx, {
          actorId,
          workspaceId: null,
          action: "user.create",
          target: `user:${row.id}`,
          before: null,
          after: { username: row.username, admin: input.admin },
        });
        return toUser(row);
      });
    } catch (error) {
      if (this.backend.isUniqueViolation(error)) return undefined;
      throw error;
    }
  }

  async findUserByName(username: string): Promise<(User & { passwordHash: string }) | undefined> {
    const row = await this.db
      .selectFrom("users")
      .selectAll()
      .where("username", "=", username)
      .executeTakeFirst();
    return row ? { ...toUser(row), passwordHash: row.password_hash } : undefined;
  }

  async findUser(id: string): Promise<User | undefined> {
    const row = await this.db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
    return row ? toUser(row) : undefined;
  }

  // Sessions and tokens -------------------------------------------------------------------

  async createSession(idHash: string, userId: string, csrfToken: string, expiresAt: Date): Promise<void> {
    await this.db
      .insertInto("sessions")
      .values({
        id_hash: idHash,
        user_id: userId,
        csrf_token: csrfToken,
        created_at: this.timestamp(),
        expires_at: expiresAt.toISOString(),
      })
      .execute();
  }

  /** The user of a live session and its CSRF token. */
  async findSession(idHash: string): Promise<{ user: User; csrfToken: string } | undefined> {
    const row = await this.db
      .selectFrom("sessions")
      .innerJoin("users", "users.id", "sessions.user_id")
      .select([
        "users.id",
        "users.username",
        "users.admin",
        "users.created_at",
        "users.password_hash",
        "sessions.csrf_token",
        "sessions.expires_at",
      ])
      .where("sessions.id_hash", "=", idHash)
      .executeTakeFirst();
    if (!row || row.expires_at <= this.timestamp()) return undefined;
    return { user: toUser(row), csrfToken: row.csrf_token };
  }

  async deleteSession(idHash: string): Promise<void> {
    await this.db.deleteFrom("sessions").where("id_hash", "=", idHash).execute();
  }

  async deleteExpiredSessions(): Promise<void> {
    await this.db.deleteFrom("sessions").where("expires_at", "<=", this.timestamp()).execute();
  }

  async createToken(
    userId: string,
    name: string,
    tokenHash: string,
  ): Promise<{ id: string; createdAt: string }> {
    return this.write(async (trx) => {
      const row = {
        id: randomUUID(),
        user_id: userId,
        name,
        token_hash: tokenHash,
        created_at: this.timestamp(),
        revoked_at: null,
      };
      await trx.insertInto("api_tokens").values(row).execute();
      await this.appendAudit(trx, {
        actorId: userId,
        workspaceId: null,
        action: "token.create",
        target: `token:${row.id}`,
        before: null,
        after: { name, userId },
      });
      return { id: row.id, createdAt: row.created_at };
    });
  }

  async findUserByToken(tokenHash: string): Promise<User | undefined> {
    const known = this.memo?.tokens.get(tokenHash);
    if (known) return known;
    const generation = this.memo?.generation ?? 0;
    const row = await this.db
      .selectFrom("api_tokens")
      .innerJoin("users", "users.id", "api_tokens.user_id")
      .select(["users.id", "users.username", "users.admin", "users.created_at", "users.password_hash"])
      .where("api_tokens.token_hash", "=", tokenHash)
      .where("api_tokens.revoked_at", "is", null)
      .executeTakeFirst();
    if (!row) return undefined;
    return this.memo ? this.memo.remember(this.memo.tokens, tokenHash, toUser(row), generation) : toUser(row);
  }

  async listTokens(userId: string) {
    const rows = await this.db
      .selectFrom("api_tokens")
      .select(["id", "name", "created_at", "revoked_at"])
      .where("user_id", "=", userId)
      .orderBy("created_at")
      .orderBy("id")
      .execute();
    return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at, revokedAt: r.revoked_at }));
  }

  /** Revokes a token of the user; false when the user has no such live token. */
  async revokeToken(userId: string, tokenId: string): Promise<boolean> {
    this.memo?.forget(this.memo.tokens);
    return this.write(async (trx) => {
      const result = await trx
        .updateTable("api_tokens")
        .set({ revoked_at: this.timestamp() })
        .where("id", "=", tokenId)
        .where("user_id", "=", userId)
        .where("revoked_at", "is", null)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) return false;
      await this.appendAudit(trx, {
        actorId: userId,
        workspaceId: null,
        action: "token.revoke",
        target: `token:${tokenId}`,
        before: { revoked: false },
        after: { revoked: true },
      });
      return true;
    });
  }

  // Workspaces and members ----------------------------------------------------------------

  /** Creates a workspace with its creator as owner; undefined when the id is taken. */
  async createWorkspace(
    input: { id: string; name: string; ownerId: string },
    actorId: ActorId,
  ): Promise<Workspace | undefined> {
    try {
      return await this.write(async (trx) => {
        const row = { id: input.id, name: input.name, created_at: this.timestamp(), shared_aggregates: "[]" };
        await trx.insertInto("workspaces").values(row).execute();
        await trx
          .insertInto("memberships")
          .values({ workspace_id: input.id, user_id: input.ownerId, role: "owner", stakeholders: "[]" })
          .execute();
        await this.appendAudit(trx, {
          actorId,
          workspaceId: input.id,
          action: "workspace.create",
          target: `workspace:${input.id}`,
          before: null,
          after: { name: input.name, owner: input.ownerId },
        });
        return toWorkspace(row);
      });
    } catch (error) {
      if (this.backend.isUniqueViolation(error)) return undefined;
      throw error;
    }
  }

  async getWorkspace(id: string): Promise<Workspace | undefined> {
    const known = this.memo?.workspaces.get(id);
    if (known) return known;
    const generation = this.memo?.generation ?? 0;
    const row = await this.db.selectFrom("workspaces").selectAll().where("id", "=", id).executeTakeFirst();
    if (!row) return undefined;
    return this.memo
      ? this.memo.remember(this.memo.workspaces, id, toWorkspace(row), generation)
      : toWorkspace(row);
  }

  async listWorkspacesOf(userId: string): Promise<(Workspace & { role: Role })[]> {
    const rows = await this.db
      .selectFrom("workspaces")
      .innerJoin("memberships", "memberships.workspace_id", "workspaces.id")
      .selectAll("workspaces")
      .select("memberships.role")
      .where("memberships.user_id", "=", userId)
      .orderBy("workspaces.id")
      .execute();
    return rows.map((r) => ({ ...toWorkspace(r), role: r.role as Role }));
  }

  async setSharedAggregates(workspaceId: string, aggregates: readonly string[], actorId: ActorId) {
    this.memo?.forget(this.memo.workspaces, workspaceId);
    return this.write(async (trx) => {
      const before = await trx
        .selectFrom("workspaces")
        .select("shared_aggregates")
        .where("id", "=", workspaceId)
        .executeTakeFirst();
      if (!before) return false;
      const after = canonicalJson([...new Set(aggregates)].sort());
      await trx
        .updateTable("workspaces")
        .set({ shared_aggregates: after })
        .where("id", "=", workspaceId)
        .execute();
      await this.appendAudit(trx, {
        actorId,
        workspaceId,
        action: "workspace.settings",
        target: `workspace:${workspaceId}`,
        before: { sharedAggregates: JSON.parse(before.shared_aggregates) },
        after: { sharedAggregates: JSON.parse(after) },
      });
      return true;
    });
  }

  /** The user's membership of a workspace, if any. */
  async membership(workspaceId: string, userId: string): Promise<Membership | undefined> {
    const known = this.memo?.memberships.get(pair(workspaceId, userId));
    if (known) return known;
    const generation = this.memo?.generation ?? 0;
    const row = await this.membershipRows()
      .where("memberships.workspace_id", "=", workspaceId)
      .where("memberships.user_id", "=", userId)
      .executeTakeFirst();
    if (!row) return undefined;
    const membership = toMembership(row);
    return this.memo
      ? this.memo.remember(this.memo.memberships, pair(workspaceId, userId), membership, generation)
      : membership;
  }

  async listMembers(workspaceId: string): Promise<Membership[]> {
    const rows = await this.membershipRows()
      .where("memberships.workspace_id", "=", workspaceId)
      .orderBy("users.username")
      .execute();
    return rows.map(toMembership);
  }

  /** Memberships with their users' names: the query both readers start from. */
  private membershipRows() {
    return this.db
      .selectFrom("memberships")
      .innerJoin("users", "users.id", "memberships.user_id")
      .select([
        "memberships.workspace_id",
        "memberships.user_id",
        "memberships.role",
        "memberships.stakeholders",
        "users.username",
      ]);
  }

  /** Adds or changes a member (SPEC AUTH-6); the before and after go to the audit trail. */
  async setMember(
    workspaceId: string,
    userId: string,
    role: Role,
    stakeholders: readonly string[],
    actorId: ActorId,
  ): Promise<void> {
    this.memo?.forget(this.memo.memberships, pair(workspaceId, userId));
    await this.write(async (trx) => {
      const before = await trx
        .selectFrom("memberships")
        .select(["role", "stakeholders"])
        .where("workspace_id", "=", workspaceId)
        .where("user_id", "=", userId)
        .executeTakeFirst();
      const list = canonicalJson([...new Set(stakeholders)].sort());
      if (before) {
        await trx
          .updateTable("memberships")
          .set({ role, stakeholders: list })
          .where("workspace_id", "=", workspaceId)
          .where("user_id", "=", userId)
          .execute();
      } else {
        await trx
          .insertInto("memberships")
          .values({ workspace_id: workspaceId, user_id: userId, role, stakeholders: list })
          .execute();
      }
      await this.appendAudit(trx, {
        actorId,
        workspaceId,
        action: "member.set",
        target: `user:${userId}`,
        before: before ? { role: before.role, stakeholders: JSON.parse(before.stakeholders) } : null,
        after: { role, stakeholders: JSON.parse(list) },
      });
    });
  }

  async removeMember(workspaceId: string, userId: string, actorId: ActorId): Promise<boolean> {
    this.memo?.forget(this.memo.memberships, pair(workspaceId, userId));
    return this.write(async (trx) => {
      const before = await trx
        .selectFrom("memberships")
        .select(["role", "stakeholders"])
        .where("workspace_id", "=", workspaceId)
        .where("user_id", "=", userId)
        .executeTakeFirst();
      if (!before) return false;
      await trx
        .deleteFrom("memberships")
        .where("workspace_id", "=", workspaceId)
        .where("user_id", "=", userId)
        .execute();
      await this.appendAudit(trx, {
        actorId,
        workspaceId,
        action: "member.remove",
        target: `user:${userId}`,
        before: { role: before.role, stakeholders: JSON.parse(before.stakeholders) },
        after: null,
      });
      return true;
    });
  }

  // Invitations (SPEC AUTH-8) ----------------------------------------------------------

  /**
   * Invites a person who has no account: creates the pending account (no password: it
   * cannot log in), makes it a member with the role, and stores the one-time code's hash,
   * all in one transaction with its audit entry. Fails when the user name is taken.
   */
  async createInvitation(
    input: {
      readonly workspaceId: string;
      readonly username: string;
      readonly role: Role;
      readonly stakeholders: readonly string[];
      readonly codeHash: string;
      readonly expiresAt: Date;
    },
    actorId: ActorId,
  ): Promise<{ ok: true; invitation: Invitation } | { ok: false; reason: "username_taken" }> {
    this.readMemo.clear();
    try {
      return await this.write(async (trx) => {
        const now = this.timestamp();
        const user = {
          id: randomUUID(),
          username: input.username,
          password_hash: PENDING_PASSWORD,
          admin: 0,
          created_at: now,
        };
        await trx.insertInto("users").values(user).execute();
        const list = canonicalJson([...new Set(input.stakeholders)].sort());
        await trx
          .insertInto("memberships")
          .values({ workspace_id: input.workspaceId, user_id: user.id, role: input.role, stakeholders: list })
          .execute();
        const row = {
          id: randomUUID(),
          code_hash: input.codeHash,
          user_id: user.id,
          workspace_id: input.workspaceId,
          created_by: actorId,
          created_at: now,
          expires_at: input.expiresAt.toISOString(),
          used_at: null,
          revoked_at: null,
        };
        await trx.insertInto("invitations").values(row).execute();
        await this.appendAudit(trx, {
          actorId,
          workspaceId: input.workspaceId,
          action: "invitation.create",
          target: `user:${user.id}`,
          before: null,
          after: {
            username: input.username,
            role: input.role,
            stakeholders: JSON.parse(list),
            expiresAt: row.expires_at,
          },
        });
        return {
          ok: true as const,
          invitation: toInvitation(row, input.username, input.role, JSON.parse(list)),
        };
      });
    } catch (error) {
      if (this.backend.isUniqueViolation(error)) return { ok: false, reason: "username_taken" };
      throw error;
    }
  }

  /** The invitations of a workspace, newest first, with their state at `now`. */
  async listInvitations(workspaceId: string): Promise<Invitation[]> {
    const rows = await this.db
      .selectFrom("invitations")
      .innerJoin("users", "users.id", "invitations.user_id")
      .leftJoin("memberships", (j) =>
        j
          .onRef("memberships.user_id", "=", "invitations.user_id")
          .onRef("memberships.workspace_id", "=", "invitations.workspace_id"),
      )
      .selectAll("invitations")
      .select(["users.username", "memberships.role", "memberships.stakeholders"])
      .where("invitations.workspace_id", "=", workspaceId)
      .orderBy("invitations.created_at", "desc")
      .orderBy("invitations.id")
      .execute();
    return rows.map((r) =>
      toInvitation(r, r.username, (r.role ?? "viewer") as Role, JSON.parse(r.stakeholders ?? "[]")),
    );
  }

  /** The invitation a code opens, with its workspace's name; undefined when there is none. */
  async findInvitation(
    codeHash: string,
  ): Promise<(Invitation & { readonly workspaceName: string }) | undefined> {
    const row = await this.db
      .selectFrom("invitations")
      .innerJoin("users", "users.id", "invitations.user_id")
      .innerJoin("workspaces", "workspaces.id", "invitations.workspace_id")
      .leftJoin("memberships", (j) =>
        j
          .onRef("memberships.user_id", "=", "invitations.user_id")
          .onRef("memberships.workspace_id", "=", "invitations.workspace_id"),
      )
      .selectAll("invitations")
      .select([
        "users.username",
        "workspaces.name as workspace_name",
        "memberships.role",
        "memberships.stakeholders",
      ])
      .where("invitations.code_hash", "=", codeHash)
      .executeTakeFirst();
    if (!row) return undefined;
    return {
      ...toInvitation(
        row,
        row.username,
        (row.role ?? "viewer") as Role,
        JSON.parse(row.stakeholders ?? "[]"),
      ),
      workspaceName: row.workspace_name,
    };
  }

  /**
   * Redeems a code: sets the pending account's password and closes the invitation, in one
   * transaction; the update only matches an open, unexpired invitation, so that a code is
   * redeemed once even when two requests race.
   */
  async acceptInvitation(
    codeHash: string,
    passwordHash: string,
  ): Promise<
    | { ok: true; user: User; workspaceId: string }
    | { ok: false; reason: "unknown" | "used" | "expired" | "revoked" }
  > {
    const now = this.timestamp();
    return this.write(async (trx) => {
      const row = await trx
        .selectFrom("invitations")
        .selectAll()
        .where("code_hash", "=", codeHash)
        .executeTakeFirst();
      if (!row) return { ok: false as const, reason: "unknown" as const };
      if (row.revoked_at !== null) return { ok: false as const, reason: "revoked" as const };
      if (row.used_at !== null) return { ok: false as const, reason: "used" as const };
      if (row.expires_at <= now) return { ok: false as const, reason: "expired" as const };
      const closed = await trx
        .updateTable("invitations")
        .set({ used_at: now })
        .where("id", "=", row.id)
        .where("used_at", "is", null)
        .where("revoked_at", "is", null)
        .executeTakeFirst();
      if (Number(closed.numUpdatedRows) !== 1) return { ok: false as const, reason: "used" as const };
      await trx
        .updateTable("users")
        .set({ password_hash: passwordHash })
        .where("id", "=", row.user_id)
        .where("password_hash", "=", PENDING_PASSWORD)
        .execute();
      const user = await trx
        .selectFrom("users")
        .selectAll()
        .where("id", "=", row.user_id)
        .executeTakeFirstOrThrow();
      await this.appendAudit(trx, {
        actorId: row.user_id,
        workspaceId: row.workspace_id,
        action: "invitation.accept",
        target: `user:${row.user_id}`,
        before: null,
        after: { username: user.username },
      });
      return { ok: true as const, user: toUser(user), workspaceId: row.workspace_id };
    });
  }

  /** Withdraws an open invitation; its pending account stays unable to log in. */
  async revokeInvitation(workspaceId: string, id: string, actorId: ActorId): Promise<boolean> {
    return this.write(async (trx) => {
      const done = await trx
        .updateTable("invitations")
        .set({ revoked_at: this.timestamp() })
        .where("id", "=", id)
        .where("workspace_id", "=", workspaceId)
        .where("used_at", "is", null)
        .where("revoked_at", "is", null)
        .executeTakeFirst();
      if (Number(done.numUpdatedRows) !== 1) return false;
      await this.appendAudit(trx, {
        actorId,
        workspaceId,
        action: "invitation.revoke",
        target: `invitation:${id}`,
        before: null,
        after: null,
      });
      return true;
    });
  }

  // Shared documents (SPEC SRV-SHARE-1..5) ----------------------------------------------

  /**
   * Shares a report of one stored version with the workspace's investor members, or with one
   * of them, in one transaction with its audit entry. The deal, its version (not a deletion)
   * and the recipient (an investor member) are checked inside the transaction: a refusal
   * writes nothing.
   */
  async shareDocument(
    input: {
      readonly workspaceId: string;
      readonly deal: string;
      readonly version: number;
      readonly report: SharedReport;
      readonly format: SharedFormat;
      readonly title: string;
      /** A user name, or null for every investor member. */
      readonly recipient: string | null;
    },
    actorId: ActorId,
  ): Promise<SharedDocumentWrite> {
    return this.write(async (trx): Promise<SharedDocumentWrite> => {
      const deal = await trx
        .selectFrom("deals")
        .select("id")
        .where("workspace_id", "=", input.workspaceId)
        .where("slug", "=", input.deal)
        .executeTakeFirst();
      if (!deal) return { ok: false, reason: "deal_unknown" };
      const revision = await trx
        .selectFrom("revisions")
        .select("document_hash")
        .where("deal_id", "=", deal.id)
        .where("version", "=", input.version)
        .executeTakeFirst();
      if (!revision || revision.document_hash === null) return { ok: false, reason: "version_unknown" };
      let recipientId: string | null = null;
      if (input.recipient !== null) {
        const member = await trx
          .selectFrom("memberships")
          .innerJoin("users", "users.id", "memberships.user_id")
          .select(["users.id", "memberships.role"])
          .where("memberships.workspace_id", "=", input.workspaceId)
          .where("users.username", "=", input.recipient)
          .executeTakeFirst();
        if (member?.role !== "investor") return { ok: false, reason: "recipient_not_investor" };
        recipientId = member.id;
      }
      const row = {
        id: randomUUID(),
        workspace_id: input.workspaceId,
        deal_id: deal.id,
        version: input.version,
        report: input.report,
        format: input.format,
        title: input.title,
        recipient_id: recipientId,
        shared_by: actorId,
        shared_at: this.timestamp(),
        withdrawn_at: null,
      };
      await trx.insertInto("shared_documents").values(row).execute();
      await this.appendAudit(trx, {
        actorId,
        workspaceId: input.workspaceId,
        action: "document.share",
        target: `shared-document:${row.id}`,
        before: null,
        after: {
          deal: input.deal,
          version: input.version,
          documentHash: revision.document_hash,
          report: input.report,
          format: input.format,
          title: input.title,
          recipient: input.recipient,
        },
      });
      const sharer = await trx
        .selectFrom("users")
        .select("username")
        .where("id", "=", actorId)
        .executeTakeFirst();
      return {
        ok: true,
        document: {
          id: row.id,
          workspaceId: input.workspaceId,
          deal: input.deal,
          version: input.version,
          report: input.report,
          format: input.format,
          title: input.title,
          recipient: input.recipient,
          sharedBy: sharer?.username ?? actorId,
          sharedAt: row.shared_at,
          withdrawnAt: null,
        },
      };
    });
  }

  /** The documents shared in a workspace and their deals, users and state: the query every reader starts from. */
  private sharedDocumentRows(workspaceId: string) {
    return this.db
      .selectFrom("shared_documents")
      .innerJoin("deals", "deals.id", "shared_documents.deal_id")
      .leftJoin("users as sharer", "sharer.id", "shared_documents.shared_by")
      .leftJoin("users as recipient", "recipient.id", "shared_documents.recipient_id")
      .selectAll("shared_documents")
      .select(["deals.slug", "sharer.username as sharer_name", "recipient.username as recipient_name"])
      .where("shared_documents.workspace_id", "=", workspaceId);
  }

  /**
   * The documents shared in a workspace, newest first. For an investor (`forInvestor`, their
   * user id) only those still shared and shared with every investor or with them; otherwise
   * every document, withdrawn ones included, for the owners.
   */
  async listSharedDocuments(
    workspaceId: string,
    options: { readonly forInvestor?: string } = {},
  ): Promise<SharedDocument[]> {
    let query = this.sharedDocumentRows(workspaceId);
    if (options.forInvestor !== undefined) {
      const userId = options.forInvestor;
      query = query
        .where("shared_documents.withdrawn_at", "is", null)
        .where((eb) =>
          eb.or([
            eb("shared_documents.recipient_id", "is", null),
            eb("shared_documents.recipient_id", "=", userId),
          ]),
        );
    }
    const rows = await query
      .orderBy("shared_documents.shared_at", "desc")
      .orderBy("shared_documents.id")
      .execute();
    return rows.map(toSharedDocument);
  }

  /** One shared document of a workspace, whatever its state; undefined when there is none. */
  async sharedDocument(workspaceId: string, id: string): Promise<SharedDocument | undefined> {
    const row = await this.sharedDocumentRows(workspaceId)
      .where("shared_documents.id", "=", id)
      .executeTakeFirst();
    return row ? toSharedDocument(row) : undefined;
  }

  /** Withdraws a document still shared; false when there is no such document or it was withdrawn. */
  async withdrawSharedDocument(workspaceId: string, id: string, actorId: ActorId): Promise<boolean> {
    return this.write(async (trx) => {
      const done = await trx
        .updateTable("shared_documents")
        .set({ withdrawn_at: this.timestamp() })
        .where("id", "=", id)
        .where("workspace_id", "=", workspaceId)
        .where("withdrawn_at", "is", null)
        .executeTakeFirst();
      if (Number(done.numUpdatedRows) !== 1) return false;
      await this.appendAudit(trx, {
        actorId,
        workspaceId,
        action: "document.withdraw",
        target: `shared-document:${id}`,
        before: { withdrawn: false },
        after: { withdrawn: true },
      });
      return true;
    });
  }

  // Deals and revisions -----------------------------------------------------------------

  /** The latest revision of a deal (a deletion included), or undefined when it never existed. */
  async headRevision(workspaceId: string, slug: string): Promise<Revision | undefined> {
    const row = await this.db
      .selectFrom("deals")
      .innerJoin("revisions", "revisions.deal_id", "deals.id")
      .selectAll("revisions")
      .select(["deals.workspace_id", "deals.slug"])
      .where("deals.workspace_id", "=", workspaceId)
      .where("deals.slug", "=", slug)
      .orderBy("revisions.version", "desc")
      .limit(1)
      .executeTakeFirst();
    return row ? toRevision(row) : undefined;
  }

  /** The latest revision without its document: what a cached read needs. */
  async headVersion(
    workspaceId: string,
    slug: string,
  ): Promise<{ dealId: string; version: number; deleted: boolean } | undefined> {
    const known = this.memo?.heads.get(pair(workspaceId, slug));
    if (known) return known;
    const generation = this.memo?.generation ?? 0;
    const row = await this.db
      .selectFrom("deals")
      .innerJoin("revisions", "revisions.deal_id", "deals.id")
      .select(["revisions.deal_id", "revisions.version", "revisions.document_hash"])
      .where("deals.workspace_id", "=", workspaceId)
      .where("deals.slug", "=", slug)
      .orderBy("revisions.version", "desc")
      .limit(1)
      .executeTakeFirst();
    if (!row) return undefined;
    const head = { dealId: row.deal_id, version: Number(row.version), deleted: row.document_hash === null };
    return this.memo ? this.memo.remember(this.memo.heads, pair(workspaceId, slug), head, generation) : head;
  }

  async revision(workspaceId: string, slug: string, version: number): Promise<Revision | undefined> {
    const row = await this.db
      .selectFrom("deals")
      .innerJoin("revisions", "revisions.deal_id", "deals.id")
      .selectAll("revisions")
      .select(["deals.workspace_id", "deals.slug"])
      .where("deals.workspace_id", "=", workspaceId)
      .where("deals.slug", "=", slug)
      .where("revisions.version", "=", version)
      .executeTakeFirst();
    return row ? toRevision(row) : undefined;
  }

  /** Every revision's metadata, oldest first (documents are read one at a time). */
  async listRevisions(workspaceId: string, slug: string) {
    const rows = await this.db
      .selectFrom("deals")
      .innerJoin("revisions", "revisions.deal_id", "deals.id")
      .leftJoin("users", "users.id", "revisions.author_id")
      .select([
        "revisions.version",
        "revisions.action",
        "revisions.document_hash",
        "revisions.created_at",
        "revisions.author_id",
        "users.username",
      ])
      .where("deals.workspace_id", "=", workspaceId)
      .where("deals.slug", "=", slug)
      .orderBy("revisions.version")
      .execute();
    return rows.map((r) => ({
      version: Number(r.version),
      action: r.action as RevisionAction,
      documentHash: r.document_hash,
      createdAt: r.created_at,
      author: r.username ?? r.author_id,
    }));
  }

  /** The deals of a workspace that are not deleted, with their latest revision's metadata. */
  async listDeals(workspaceId: string) {
    const rows = await this.db
      .selectFrom("deals")
      .innerJoin("revisions", "revisions.deal_id", "deals.id")
      .select([
        "deals.slug",
        "revisions.version",
        "revisions.action",
        "revisions.document",
        "revisions.created_at",
      ])
      .where("deals.workspace_id", "=", workspaceId)
      .where((eb) =>
        eb(
          "revisions.version",
          "=",
          eb
            .selectFrom("revisions as r2")
            .select((e) => e.fn.max("r2.version").as("v"))
            .whereRef("r2.deal_id", "=", "deals.id"),
        ),
      )
      .orderBy("deals.slug")
      .execute();
    return rows
      .filter((r) => r.document !== null)
      .map((r) => {
        const document = JSON.parse(r.document!) as {
          company?: { name?: string };
          workspace?: { name?: string };
        };
        // A workspace document (STORE-3) is listed with its name where a deal has its company's.
        return {
          id: r.slug,
          kind: document.workspace ? ("workspace" as const) : ("deal" as const),
          version: Number(r.version),
          updatedAt: r.created_at,
          company: (document.workspace?.name ?? document.company?.name ?? "") as string,
        };
      });
  }

  /**
   * Appends a revision if and only if the deal's latest version is `expectedVersion` (0 for a
   * deal that does not exist yet), in one transaction with its audit entry (SPEC STORE-4,
   * STORE-6). A stale write changes nothing and reports the current version.
   */
  async writeDeal(input: {
    workspaceId: string;
    slug: string;
    expectedVersion: number;
    action: RevisionAction;
    document: string | null;
    actorId: ActorId;
  }): Promise<DealWrite> {
    // Dropped before and after: a reader in between reads the database.
    this.memo?.forget(this.memo.heads, pair(input.workspaceId, input.slug));
    try {
      return await this.write(async (trx): Promise<DealWrite> => {
        const deal = await trx
          .selectFrom("deals")
          .select("id")
          .where("workspace_id", "=", input.workspaceId)
          .where("slug", "=", input.slug)
          .executeTakeFirst();
        const head = deal
          ? await trx
              .selectFrom("revisions")
              .select(["version", "document_hash"])
              .where("deal_id", "=", deal.id)
              .orderBy("version", "desc")
              .limit(1)
              .executeTakeFirst()
          : undefined;
        const currentVersion = head ? Number(head.version) : 0;
        if (currentVersion !== input.expectedVersion)
          return { ok: false, reason: "version_conflict", currentVersion };
        const dealId = deal?.id ?? randomUUID();
        const createdAt = this.timestamp();
        if (!deal) {
          await trx
            .insertInto("deals")
            .values({ id: dealId, workspace_id: input.workspaceId, slug: input.slug, created_at: createdAt })
            .execute();
        }
        const row = {
          deal_id: dealId,
          version: currentVersion + 1,
          action: input.action,
          document: input.document,
          document_hash: input.document === null ? null : sha256Hex(input.document),
          author_id: input.actorId,
          created_at: createdAt,
        };
        await trx.insertInto("revisions").values(row).execute();
        const before: RevisionReference | null = head
          ? { dealId, version: currentVersion, documentHash: head.document_hash }
          : null;
        const after: RevisionReference & { slug: string; action: string } = {
          dealId,
          slug: input.slug,
          version: row.version,
          documentHash: row.document_hash,
          action: input.action,
        };
        await this.appendAudit(trx, {
          actorId: input.actorId,
          workspaceId: input.workspaceId,
          action: `deal.${input.action}`,
          target: `deal:${input.workspaceId}/${input.slug}`,
          before,
          after,
        });
        return {
          ok: true,
          revision: toRevision({ ...row, workspace_id: input.workspaceId, slug: input.slug }),
        };
      });
    } catch (error) {
      // Another writer inserted the same version first (the primary key is the last guard).
      this.memo?.forget(this.memo.heads, pair(input.workspaceId, input.slug));
      if (this.backend.isUniqueViolation(error)) {
        const head = await this.headRevision(input.workspaceId, input.slug);
        return { ok: false, reason: "version_conflict", currentVersion: head?.version ?? 0 };
      }
      throw error;
    }
  }

  // Audit -------------------------------------------------------------------------------

  async auditEntries(workspaceId: string, options: { afterSeq?: number; limit: number }) {
    const rows = await this.db
      .selectFrom("audit_log")
      .leftJoin("users", "users.id", "audit_log.actor_id")
      .selectAll("audit_log")
      .select("users.username")
      .where("audit_log.workspace_id", "=", workspaceId)
      .where("audit_log.seq", ">", options.afterSeq ?? 0)
      .orderBy("audit_log.seq")
      .limit(options.limit)
      .execute();
    return rows.map((r) => ({
      seq: Number(r.seq),
      at: r.at,
      actor: r.username ?? r.actor_id,
      action: r.action,
      target: r.target,
      before: r.before === null ? null : (JSON.parse(r.before) as unknown),
      after: r.after === null ? null : (JSON.parse(r.after) as unknown),
      hash: r.hash,
      prevHash: r.prev_hash,
    }));
  }

  verifyAudit(options: { readonly expectHead?: string } = {}) {
    return verifyAuditChain(this.db, options);
  }

  /**
   * A digest of everything stored but sessions (the tables of CONTENT_TABLES): equal digests
   * mean no row changed. Tests compare it before and after a rejected request.
   */
  async contentDigest(): Promise<string> {
    const parts = await Promise.all(
      CONTENT_TABLES.map(({ table, order }) => {
        let query = this.db.selectFrom(table).selectAll();
        for (const column of order) query = query.orderBy(column as never);
        return query.execute() as Promise<Record<string, unknown>[]>;
      }),
    );
    const normalized = parts.map((rows) =>
      rows.map((row) =>
        Object.fromEntries(
          Object.entries(row).map(([k, v]) => [
            k,
            typeof v === "number" || typeof v === "bigint" ? String(v) : v,
          ]),
        ),
      ),
    );
    return sha256Hex(canonicalJson(normalized));
  }
}
