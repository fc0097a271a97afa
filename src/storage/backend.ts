import { closeSync, existsSync, mkdirSync, openSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect, sql, type Transaction } from "kysely";
import pg from "pg";
import { migrateToLatest } from "./migrations.js";
import { retryConcurrentSetup } from "./retry.js";
import type { Tables } from "./schema.js";

/** Where the data lives: an SQLite file (the embedded default) or a PostgreSQL database. */
export type BackendConfig =
  | { readonly kind: "sqlite"; readonly file: string }
  | {
      readonly kind: "postgres";
      readonly url: string;
      /** A schema to use instead of the default search path (tests use a fresh one). */
      readonly schema?: string;
      readonly poolSize?: number;
    };

/**
 * One database behind the same Kysely interface (SPEC STORE-1). The few differences
 * between the dialects live here: how a unique violation and an unreachable database
 * look, and how writers are serialized.
 */
export interface Backend {
  readonly kind: BackendConfig["kind"];
  readonly db: Kysely<Tables>;
  /** A description for logs, without credentials. */
  readonly description: string;
  /**
   * Serializes writers inside a transaction (PostgreSQL: an advisory lock held until
   * commit) and tells the other processes, when it commits, that something changed.
   */
  lockWrites(trx: Transaction<Tables>): Promise<void>;
  /**
   * Calls `changed` whenever another process may have written, and `live(false)` while it
   * cannot tell (PostgreSQL: LISTEN on a connection of its own; SQLite: one process, never).
   * Returns the function that stops watching.
   */
  watchChanges(handlers: { changed(): void; live(isLive: boolean): void }): () => Promise<void>;
  isUniqueViolation(error: unknown): boolean;
  /** The database refused a value as text it cannot hold (PostgreSQL: a NUL character). */
  isInvalidText(error: unknown): boolean;
  /** The database is busy, unreachable or going away: the request may be retried. */
  isUnavailable(error: unknown): boolean;
  close(): Promise<void>;
}

export const SQLITE_FILE_NAME = "roundtable.sqlite";
export const DEFAULT_DATA_DIR = ".roundtable";

/**
 * The backend a command uses (SPEC STORE-1): PostgreSQL when DATABASE_URL is set,
 * otherwise SQLite in the data directory given by --data, ROUNDTABLE_DATA, or ./.roundtable/.
 */
export function backendConfigFrom(options: {
  readonly data?: string | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}): BackendConfig {
  const url = options.env.DATABASE_URL;
  if (url !== undefined && url !== "" && options.data === undefined) return { kind: "postgres", url };
  const dir = path.resolve(options.cwd, options.data ?? options.env.ROUNDTABLE_DATA ?? DEFAULT_DATA_DIR);
  return { kind: "sqlite", file: path.join(dir, SQLITE_FILE_NAME) };
}

/** A PostgreSQL schema name that needs no quoting. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "postgresql://…";
  }
}

/** Opens the backend and brings its tables to the latest migration. */
export async function openBackend(config: BackendConfig): Promise<Backend> {
  const backend = config.kind === "sqlite" ? openSqlite(config.file) : openPostgres(config);
  try {
    const schema =
      backend.kind === "postgres"
        ? ((await sql<{ schema: string }>`select current_schema() as schema`.execute(backend.db)).rows[0]
            ?.schema ?? undefined)
        : undefined;
    // Two processes started together on one PostgreSQL may meet in their first migration.
    await retryConcurrentSetup(() => migrateToLatest(backend.db as Kysely<unknown>, schema));
  } catch (error) {
    await backend.close();
    throw error;
  }
  return backend;
}

function openSqlite(file: string): Backend {
  // The database holds password hashes: its folder and files are the owner's alone. SQLite
  // creates the -wal and -shm files with the database file's permissions.
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  if (!existsSync(file)) closeSync(openSync(file, "a", 0o600));
  const database = new Database(file);
  // WAL with synchronous=FULL: a commit is on disk before it is acknowledged (SPEC STORE-5).
  database.pragma("journal_mode = WAL");
  database.pragma("synchronous = FULL");
  database.pragma("foreign_keys = ON");
  database.pragma("busy_timeout = 5000");
  // Kysely prepares each query anew; keeping the prepared statements by their SQL text
  // saves the parse and plan on every request (the queries' texts are few and fixed).
  const statements = new Map<string, Database.Statement>();
  const cachingDatabase = {
    close: () => database.close(),
    prepare: (text: string) => {
      let statement = statements.get(text);
      if (!statement) {
        statement = database.prepare(text);
        if (statements.size < 1000) statements.set(text, statement);
      }
      return statement;
    },
  };
  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: cachingDatabase as never }) });
  return {
    kind: "sqlite",
    db,
    description: `sqlite:${file}`,
    // One connection, and Kysely runs one transaction at a time on it: writers are serial.
    lockWrites: async () => {},
    watchChanges: (handlers) => {
      handlers.live(true);
      return async () => {};
    },
    isUniqueViolation: (error) => {
      const code = (error as { code?: unknown }).code;
      return code === "SQLITE_CONSTRAINT_PRIMARYKEY" || code === "SQLITE_CONSTRAINT_UNIQUE";
    },
    isInvalidText: () => false,
    isUnavailable: (error) => {
      const code = (error as { code?: unknown }).code;
      return typeof code === "string" && (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED"));
    },
    close: () => db.destroy(),
  };
}

const CHANGES_CHANNEL = "roundtable_changes";

/** Listens for other processes' commits; reconnects after a lost connection, saying so. */
function watchPostgres(
  config: Extract<BackendConfig, { kind: "postgres" }>,
  handlers: { changed(): void; live(isLive: boolean): void },
): () => Promise<void> {
  let client: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const connect = () => {
    if (stopped) return;
    const c = new pg.Client({
      connectionString: config.url,
      ...(config.schema ? { options: `-c search_path=${config.schema}` } : {}),
    });
    client = c;
    const lost = () => {
      if (client !== c) return;
      client = undefined;
      handlers.live(false);
      c.end().catch(() => {});
      if (!stopped) retry = setTimeout(connect, 1000).unref();
    };
    c.on("error", lost);
    c.on("end", lost);
    c.on("notification", () => handlers.changed());
    c.connect()
      .then(() => c.query(`listen ${CHANGES_CHANNEL}`))
      .then(() => {
        if (client === c) handlers.live(true);
      })
      .catch(lost);
  };
  handlers.live(false);
  connect();
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    const c = client;
    client = undefined;
    handlers.live(false);
    await c?.end().catch(() => {});
  };
}

/** PostgreSQL error classes that mean "not now" rather than "wrong": connection and shutdown. */
const PG_UNAVAILABLE = /^(08|53|57P)/;

function openPostgres(config: Extract<BackendConfig, { kind: "postgres" }>): Backend {
  if (config.schema !== undefined && !SCHEMA_NAME.test(config.schema)) {
    throw new Error(`invalid PostgreSQL schema name "${config.schema}"`);
  }
  const pool = new pg.Pool({
    connectionString: config.url,
    max: config.poolSize ?? 10,
    ...(config.schema ? { options: `-c search_path=${config.schema}` } : {}),
  });
  // An idle client that loses its connection must not crash the process.
  pool.on("error", () => {});
  const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  return {
    kind: "postgres",
    db,
    description: `${redact(config.url)}${config.schema ? ` (schema ${config.schema})` : ""}`,
    lockWrites: async (trx) => {
      // One lock for every write: the audit chain is a single sequence (SPEC AUDIT-1).
      await sql`select pg_advisory_xact_lock(7365346775)`.execute(trx);
      // Delivered to every listener when (and only if) the transaction commits (STORE-7).
      await sql.raw(`notify ${CHANGES_CHANNEL}`).execute(trx);
    },
    watchChanges: (handlers) => watchPostgres(config, handlers),
    isUniqueViolation: (error) => (error as { code?: unknown }).code === "23505",
    // 22021: a character not in the encoding (NUL, in text); 22P05: one it cannot translate.
    isInvalidText: (error) => {
      const code = (error as { code?: unknown }).code;
      return code === "22021" || code === "22P05";
    },
    isUnavailable: (error) => {
      const code = (error as { code?: unknown }).code;
      if (typeof code !== "string") return false;
      return PG_UNAVAILABLE.test(code) || code === "ECONNREFUSED" || code === "ECONNRESET";
    },
    close: () => db.destroy(),
  };
}
