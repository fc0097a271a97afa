import { chmodSync, closeSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from "node:fs";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { type Kysely, sql } from "kysely";
import type { Backend } from "./backend.js";
import type { Tables } from "./schema.js";

/**
 * Backups that restore (SPEC STORE-8). A backup is a logical export: one JSON line per row
 * of every table that holds data — users, API tokens, workspaces, memberships, deals,
 * revisions, the audit trail and the documents shared with investors (sessions are left out: they are not data, and a restored
 * store needs new logins) — after a header line, gzip'd. It is read in one transaction
 * that sees one moment of the database (SQLite: a read transaction on the WAL snapshot;
 * PostgreSQL: REPEATABLE READ), so writes that go on meanwhile are either wholly in it or
 * wholly out of it, and the audit chain it holds verifies. The same file restores into
 * either backend: a copy of the SQLite file taken while the server writes is not a backup
 * (it can come out empty, issue 20), this is.
 */

/** The tables a backup holds, in the order they restore (references before referrers). */
export const BACKUP_TABLES = [
  "users",
  "api_tokens",
  "workspaces",
  "memberships",
  "deals",
  "revisions",
  "audit_log",
  "shared_documents",
] as const satisfies readonly (keyof Tables)[];

/**
 * Tables added after the backup format's first release: a backup written before them has no
 * count for them in its header, and restores with none of their rows.
 */
const LATER_TABLES: ReadonlySet<BackupTable> = new Set(["shared_documents"]);

type BackupTable = (typeof BACKUP_TABLES)[number];

/** The order rows are read in: stable, so the same database gives the same file. */
const ORDER: Record<BackupTable, readonly string[]> = {
  users: ["id"],
  api_tokens: ["id"],
  workspaces: ["id"],
  memberships: ["workspace_id", "user_id"],
  deals: ["id"],
  revisions: ["deal_id", "version"],
  audit_log: ["seq"],
  shared_documents: ["id"],
};

/** Integer columns, written as numbers whichever backend they came from. */
const INTEGER_COLUMNS = new Set(["admin", "version", "seq"]);

export const BACKUP_FORMAT = "roundtable-backup";
export const BACKUP_VERSION = 1;

export interface BackupHeader {
  readonly format: typeof BACKUP_FORMAT;
  readonly version: typeof BACKUP_VERSION;
  readonly createdAt: string;
  readonly source: string;
  readonly rows: Readonly<Record<BackupTable, number>>;
  /** The hash of the last audit entry in the backup (empty string for none). */
  readonly auditHead: string;
}

export interface BackupSummary {
  readonly file: string;
  readonly bytes: number;
  readonly header: BackupHeader;
}

const ROWS_PER_PAGE = 1000;

function normalise(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) out[k] = INTEGER_COLUMNS.has(k) && v !== null ? Number(v) : v;
  return out;
}

/** Reads every row of the backed-up tables in one consistent snapshot. */
async function readSnapshot(backend: Backend): Promise<Record<BackupTable, Record<string, unknown>[]>> {
  const read = async (db: Kysely<Tables>) => {
    const tables = {} as Record<BackupTable, Record<string, unknown>[]>;
    for (const table of BACKUP_TABLES) {
      const rows: Record<string, unknown>[] = [];
      for (let offset = 0; ; offset += ROWS_PER_PAGE) {
        let query = db.selectFrom(table).selectAll();
        for (const column of ORDER[table]) query = query.orderBy(column as never);
        const page = await query.limit(ROWS_PER_PAGE).offset(offset).execute();
        for (const row of page) rows.push(normalise(row as Record<string, unknown>));
        if (page.length < ROWS_PER_PAGE) break;
      }
      tables[table] = rows;
    }
    return tables;
  };
  if (backend.kind === "postgres")
    return backend.db.transaction().setIsolationLevel("repeatable read").execute(read);
  // SQLite: one read transaction holds one WAL snapshot until it ends.
  return backend.db.transaction().execute(read);
}

/** Writes a file whole: a temporary file (0600), fsync'd by writeSync's close, then renamed. */
function writePrivateFile(file: string, bytes: Uint8Array): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  const fd = openSync(temp, "w", 0o600);
  try {
    writeSync(fd, bytes);
  } finally {
    closeSync(fd);
  }
  chmodSync(temp, 0o600);
  try {
    renameSync(temp, file);
  } catch (error) {
    unlinkSync(temp);
    throw error;
  }
}

/** Backs up a store into `file` (gzip'd JSON lines, mode 0600). */
export async function backupStore(
  backend: Backend,
  file: string,
  now: Date = new Date(),
): Promise<BackupSummary> {
  const tables = await readSnapshot(backend);
  const auditRows = tables.audit_log;
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: now.toISOString(),
    source: backend.kind,
    rows: Object.fromEntries(BACKUP_TABLES.map((t) => [t, tables[t].length])) as BackupHeader["rows"],
    auditHead: auditRows.length === 0 ? "" : String(auditRows[auditRows.length - 1]!.hash),
  };
  const lines = [JSON.stringify(header)];
  for (const table of BACKUP_TABLES)
    for (const row of tables[table]) lines.push(JSON.stringify({ table, row }));
  const bytes = gzipSync(Buffer.from(`${lines.join("\n")}\n`, "utf8"));
  writePrivateFile(file, bytes);
  return { file, bytes: bytes.length, header };
}

export type RestoreResult =
  | { readonly ok: true; readonly header: BackupHeader }
  | { readonly ok: false; readonly reason: string };

/** Reads a backup file: its header and rows, checked against the header's counts. */
export function readBackup(
  file: string,
):
  | { ok: true; header: BackupHeader; rows: Map<BackupTable, Record<string, unknown>[]> }
  | { ok: false; reason: string } {
  let text: string;
  try {
    text = gunzipSync(readFileSync(file)).toString("utf8");
  } catch (error) {
    return { ok: false, reason: `not a roundtable backup (gzip'd JSON lines): ${(error as Error).message}` };
  }
  const lines = text.split("\n").filter((l) => l !== "");
  let header: BackupHeader;
  try {
    header = JSON.parse(lines[0] ?? "") as BackupHeader;
  } catch {
    return { ok: false, reason: "the backup has no header line" };
  }
  if (header.format !== BACKUP_FORMAT || header.version !== BACKUP_VERSION)
    return { ok: false, reason: `not a roundtable backup of version ${BACKUP_VERSION}` };
  const rows = new Map<BackupTable, Record<string, unknown>[]>(BACKUP_TABLES.map((t) => [t, []]));
  for (let i = 1; i < lines.length; i++) {
    let entry: { table: BackupTable; row: Record<string, unknown> };
    try {
      entry = JSON.parse(lines[i]!);
    } catch {
      return { ok: false, reason: `line ${i + 1} of the backup is not JSON: the file is damaged` };
    }
    const list = rows.get(entry.table);
    if (!list) return { ok: false, reason: `line ${i + 1} names an unknown table "${entry.table}"` };
    list.push(entry.row);
  }
  for (const table of BACKUP_TABLES) {
    const counted = header.rows[table] ?? (LATER_TABLES.has(table) ? 0 : undefined);
    if (rows.get(table)!.length !== counted)
      return {
        ok: false,
        reason: `the backup holds ${rows.get(table)!.length} rows of ${table}, its header says ${counted}: the file is truncated or damaged`,
      };
  }
  return { ok: true, header, rows };
}

/** True when the store holds any data (a user, a workspace, a deal or an audit entry). */
export async function storeHoldsData(db: Kysely<Tables>): Promise<boolean> {
  for (const table of ["users", "workspaces", "deals", "audit_log"] as const) {
    const row = await db.selectFrom(table).select(sql<number>`1`.as("one")).limit(1).executeTakeFirst();
    if (row) return true;
  }
  return false;
}

const ROWS_PER_INSERT = 200;

/**
 * Restores a backup into a store, in one transaction: every row or none. A store that
 * holds data is refused unless `force`, which first deletes what it holds (sessions too).
 */
export async function restoreStore(
  backend: Backend,
  file: string,
  options: { readonly force?: boolean } = {},
): Promise<RestoreResult> {
  const backup = readBackup(file);
  if (!backup.ok) return backup;
  if (!options.force && (await storeHoldsData(backend.db)))
    return {
      ok: false,
      reason: "the database is not empty: restore into a new one, or give --force to replace what it holds",
    };
  await backend.db.transaction().execute(async (trx) => {
    await backend.lockWrites(trx);
    if (options.force) {
      await trx.deleteFrom("sessions").execute();
      for (const table of [...BACKUP_TABLES].reverse()) await trx.deleteFrom(table).execute();
    }
    for (const table of BACKUP_TABLES) {
      const rows = backup.rows.get(table)!;
      for (let i = 0; i < rows.length; i += ROWS_PER_INSERT)
        await trx
          .insertInto(table)
          .values(rows.slice(i, i + ROWS_PER_INSERT) as never)
          .execute();
    }
  });
  return { ok: true, header: backup.header };
}
