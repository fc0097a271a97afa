import { type Kysely, sql } from "kysely";
import { LIMITS } from "../core/shared/limits.js";
import type { Tables } from "../storage/schema.js";
import type { LoginThrottle } from "./auth.js";
import { ReportCache, type ReportStore } from "./report-cache.js";

/** Ended windows are swept from the table after this many failures counted by a process. */
const SWEEP_EVERY = 64;

/**
 * Failed logins counted in the database (SPEC AUTH-3, SRV-6): every server process of a
 * deployment on PostgreSQL reads and adds to the same counts, so that ten failures for a
 * user name or an address are ten across the deployment, not ten per process. The same
 * fixed window as the in-memory limiter; a row per key, its window's start and count.
 */
export class SharedLoginLimiter implements LoginThrottle {
  private failures = 0;

  constructor(
    private readonly db: Kysely<Tables>,
    private readonly now: () => number = Date.now,
    private readonly limit: number = LIMITS.loginFailures,
    private readonly windowMs: number = LIMITS.loginWindowMs,
  ) {}

  async retryAfter(keys: readonly string[]): Promise<number> {
    if (keys.length === 0) return 0;
    const now = this.now();
    const rows = (
      await sql<{ count: number; since: string }>`
        select count, since from login_failures where key in (${sql.join([...keys])})`.execute(this.db)
    ).rows;
    let wait = 0;
    for (const row of rows) {
      const since = Number(row.since);
      if (now - since < this.windowMs && row.count >= this.limit)
        wait = Math.max(wait, since + this.windowMs - now);
    }
    return wait;
  }

  async fail(keys: readonly string[]): Promise<void> {
    const now = this.now();
    const ended = now - this.windowMs;
    for (const key of keys) {
      await sql`insert into login_failures as f (key, count, since) values (${key}, 1, ${now})
        on conflict (key) do update set
          count = case when f.since <= ${ended} then 1 else f.count + 1 end,
          since = case when f.since <= ${ended} then ${now} else f.since end`.execute(this.db);
    }
    if (++this.failures % SWEEP_EVERY === 0)
      await sql`delete from login_failures where since <= ${ended}`.execute(this.db);
  }

  async succeed(key: string): Promise<void> {
    await sql`delete from login_failures where key = ${key}`.execute(this.db);
  }
}

/** Reports written to the database are swept down to the limit after this many writes by a process. */
const SWEEP_REPORTS_EVERY = 32;

/**
 * Reports of stored deals kept in the database as well as in memory (SPEC API-7, SRV-6):
 * a report is keyed by the deal's id and version, the computation, the query and the
 * view, so that any server process of a deployment serves what another computed. Memory
 * is looked at first; the table is bounded in bytes (LIMITS.sharedReportCacheBytes),
 * least recently used first.
 */
export class SharedReportCache implements ReportStore {
  private writes = 0;

  constructor(
    private readonly db: Kysely<Tables>,
    private readonly memory: ReportCache = new ReportCache(),
    private readonly now: () => number = Date.now,
    readonly capacityBytes: number = LIMITS.sharedReportCacheBytes,
  ) {}

  async get(key: string): Promise<string | undefined> {
    const here = this.memory.get(key);
    if (here !== undefined) return here;
    const row = (
      await sql<{ text: string }>`update shared_reports set used_at = ${this.now()} where key = ${key}
        returning text`.execute(this.db)
    ).rows[0];
    if (row) this.memory.set(key, row.text);
    return row?.text;
  }

  async set(key: string, text: string): Promise<void> {
    this.memory.set(key, text);
    const bytes = ReportCache.sizeOf(key, text) / 2;
    if (bytes > this.capacityBytes) return;
    await sql`insert into shared_reports (key, text, bytes, used_at) values (${key}, ${text}, ${bytes}, ${this.now()})
      on conflict (key) do update set used_at = excluded.used_at`.execute(this.db);
    if (++this.writes % SWEEP_REPORTS_EVERY === 0) await this.sweep();
  }

  /** Drops the least recently used reports until the rest fit the limit. */
  async sweep(): Promise<void> {
    await sql`delete from shared_reports where key in (
        select key from (
          select key, sum(bytes) over (order by used_at desc, key) as kept from shared_reports
        ) ranked where kept > ${this.capacityBytes}
      )`.execute(this.db);
  }
}
