import { sql } from "kysely";
import { CONTENT_TABLES, type Store } from "../../../src/storage/store.js";

/**
 * A cheap mark of the writes a store has committed, which moves whenever a row of its
 * content (CONTENT_TABLES, what contentDigest reads) may have changed: equal marks taken
 * while no write is under way prove that no such row changed, so that a test can skip
 * recomputing the content digest, whose cost grows with everything stored.
 *
 * - SQLite: the store's one connection's `total_changes()`, every row inserted, updated or
 *   deleted since it opened, in any table (sessions too: coarser than the digest), even in a
 *   transaction later rolled back.
 * - PostgreSQL: for each content table, its count of live rows and the newest transaction
 *   id that made one (`xmin`). Transaction ids grow: a committed insert or update leaves a
 *   row made by a transaction newer than every row there was, and a delete alone lowers
 *   the count, so any committed write moves the mark; the large columns are not read.
 *
 * A moved mark proves nothing: the test then compares content digests.
 */
export async function writeMarker(store: Store): Promise<string> {
  const { db, kind } = store.backend;
  if (kind === "sqlite") {
    const { rows } = await sql<{ n: number }>`select total_changes() as n`.execute(db);
    return `sqlite:${rows[0]!.n}`;
  }
  const { rows } = await sql<{ mark: string }>`select ${sql.join(
    CONTENT_TABLES.map(
      ({ table }) =>
        sql`(select count(*) || '/' || coalesce(max(xmin::text::bigint), 0) from ${sql.table(table)})`,
    ),
    sql` || ';' || `,
  )} as mark`.execute(db);
  return `postgres:${rows[0]!.mark}`;
}

/** Whether a session written moves the store's write mark (SQLite's counts every table's writes). */
export const markSeesSessions = (store: Store): boolean => store.backend.kind === "sqlite";
