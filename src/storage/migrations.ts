import { type Kysely, type Migration, type MigrationProvider, Migrator, PostgresAdapter, sql } from "kysely";

/**
 * The migrations, numbered, in code (SPEC STORE-2). The same migrations run on SQLite and
 * PostgreSQL: only portable column types (text, integer) and constraints are used. A
 * migration, once released, is never edited; a change is a new number.
 */
export const MIGRATIONS: Record<string, Migration> = {
  "0001_initial": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("users")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("username", "text", (c) => c.notNull().unique())
        .addColumn("password_hash", "text", (c) => c.notNull())
        .addColumn("admin", "integer", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("sessions")
        .addColumn("id_hash", "text", (c) => c.primaryKey())
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
        .addColumn("csrf_token", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("expires_at", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("api_tokens")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("token_hash", "text", (c) => c.notNull().unique())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("revoked_at", "text")
        .execute();
      await db.schema
        .createTable("workspaces")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("shared_aggregates", "text", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("memberships")
        .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id"))
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
        .addColumn("role", "text", (c) => c.notNull())
        .addColumn("stakeholders", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("memberships_pk", ["workspace_id", "user_id"])
        .execute();
      await db.schema
        .createTable("deals")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id"))
        .addColumn("slug", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addUniqueConstraint("deals_workspace_slug", ["workspace_id", "slug"])
        .execute();
      // One row per version of a deal; the primary key (deal, version) is what makes two
      // writers that expected the same version collide instead of both succeeding.
      await db.schema
        .createTable("revisions")
        .addColumn("deal_id", "text", (c) => c.notNull().references("deals.id"))
        .addColumn("version", "integer", (c) => c.notNull())
        .addColumn("action", "text", (c) => c.notNull())
        .addColumn("document", "text")
        .addColumn("document_hash", "text")
        .addColumn("author_id", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addPrimaryKeyConstraint("revisions_pk", ["deal_id", "version"])
        .execute();
      await db.schema
        .createTable("audit_log")
        .addColumn("seq", "integer", (c) => c.primaryKey())
        .addColumn("at", "text", (c) => c.notNull())
        .addColumn("actor_id", "text", (c) => c.notNull())
        .addColumn("workspace_id", "text")
        .addColumn("action", "text", (c) => c.notNull())
        .addColumn("target", "text", (c) => c.notNull())
        .addColumn("before", "text")
        .addColumn("after", "text")
        .addColumn("prev_hash", "text", (c) => c.notNull())
        .addColumn("hash", "text", (c) => c.notNull().unique())
        .execute();
      await db.schema
        .createIndex("audit_log_workspace")
        .on("audit_log")
        .columns(["workspace_id", "seq"])
        .execute();
      await db.schema.createIndex("api_tokens_user").on("api_tokens").column("user_id").execute();
      await db.schema.createIndex("sessions_user").on("sessions").column("user_id").execute();
    },
  },
  // Invitations (SPEC AUTH-8): a pending account, its membership and a one-time code.
  "0002_invitations": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("invitations")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("code_hash", "text", (c) => c.notNull().unique())
        .addColumn("user_id", "text", (c) => c.notNull().references("users.id"))
        .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id"))
        .addColumn("created_by", "text", (c) => c.notNull())
        .addColumn("created_at", "text", (c) => c.notNull())
        .addColumn("expires_at", "text", (c) => c.notNull())
        .addColumn("used_at", "text")
        .addColumn("revoked_at", "text")
        .execute();
      await db.schema
        .createIndex("invitations_workspace")
        .on("invitations")
        .columns(["workspace_id", "created_at"])
        .execute();
    },
  },
  // Jobs shared by the processes of a deployment on PostgreSQL (SPEC SRV-6): each job, the
  // chunks its workers run and their results, failed logins counted across processes, and
  // reports any process can serve. SQLite, one process, keeps them in memory: the tables
  // are created on PostgreSQL only. Chunk results are raw bytes (bytea), stored without
  // compression (their float64s do not compress, and trying costs time).
  "0003_shared_jobs": {
    async up(db: Kysely<unknown>) {
      if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
      await sql`create table shared_jobs (
        id text primary key,
        owner_id text not null,
        computation text not null,
        status text not null,
        task text not null,
        chunks integer not null,
        total bigint not null,
        created_at text not null,
        finished_at text,
        result text,
        error text
      )`.execute(db);
      await sql`create index shared_jobs_owner on shared_jobs (owner_id, status)`.execute(db);
      await sql`create table shared_job_chunks (
        job_id text not null references shared_jobs(id) on delete cascade,
        chunk integer not null,
        run_from bigint not null,
        run_to bigint not null,
        done bigint not null default 0,
        attempts integer not null default 0,
        finished integer not null default 0,
        data bytea,
        primary key (job_id, chunk)
      )`.execute(db);
      await sql`alter table shared_job_chunks alter column data set storage external`.execute(db);
      await sql`create table login_failures (
        key text primary key,
        count integer not null,
        since bigint not null
      )`.execute(db);
      await sql`create table shared_reports (
        key text primary key,
        text text not null,
        bytes bigint not null,
        used_at bigint not null
      )`.execute(db);
      await sql`create index shared_reports_used on shared_reports (used_at)`.execute(db);
    },
  },
  // Documents an owner shares with the workspace's investors (SPEC SRV-SHARE-1..5): a report
  // of one stored version, rendered again from that version on each download.
  "0004_shared_documents": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("shared_documents")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("workspace_id", "text", (c) => c.notNull().references("workspaces.id"))
        .addColumn("deal_id", "text", (c) => c.notNull().references("deals.id"))
        .addColumn("version", "integer", (c) => c.notNull())
        .addColumn("report", "text", (c) => c.notNull())
        .addColumn("format", "text", (c) => c.notNull())
        .addColumn("title", "text", (c) => c.notNull())
        .addColumn("recipient_id", "text", (c) => c.references("users.id"))
        .addColumn("shared_by", "text", (c) => c.notNull())
        .addColumn("shared_at", "text", (c) => c.notNull())
        .addColumn("withdrawn_at", "text")
        .execute();
      await db.schema
        .createIndex("shared_documents_workspace")
        .on("shared_documents")
        .columns(["workspace_id", "shared_at"])
        .execute();
    },
  },
};

class InCodeMigrations implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return MIGRATIONS;
  }
}

/** Brings the database to the latest migration; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<unknown>, schema?: string): Promise<void> {
  // With a schema named, the migration tables are looked for there only, never in another
  // schema of the same database that happens to hold them.
  const migrator = new Migrator({
    db,
    provider: new InCodeMigrations(),
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName ?? "unknown";
    throw new Error(`migration ${failed} failed: ${(error as Error).message ?? String(error)}`);
  }
}
