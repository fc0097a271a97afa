import type { Kysely } from "kysely";
import { canonicalJson, sha256Hex } from "./canonical-json.js";
import type { Tables } from "./schema.js";

/** The previous hash of the first entry. */
export const GENESIS_HASH = "0".repeat(64);

export type AuditRow = Tables["audit_log"];

/**
 * The hash of an audit entry (SPEC AUDIT-2): sha256 of the canonical JSON of every
 * field but the hash itself, the previous entry's hash included, so that changing,
 * removing or reordering any entry breaks every link after it.
 */
export function auditHash(row: Omit<AuditRow, "hash">): string {
  return sha256Hex(
    canonicalJson({
      seq: row.seq,
      at: row.at,
      actorId: row.actor_id,
      workspaceId: row.workspace_id,
      action: row.action,
      target: row.target,
      before: row.before,
      after: row.after,
      prevHash: row.prev_hash,
    }),
  );
}

export type AuditVerification =
  | {
      readonly ok: true;
      readonly entries: number;
      readonly revisions: number;
      /** The last entry's hash: keep it elsewhere to anchor the chain (AUDIT-4). */
      readonly head: string;
      /** With an expected head: how many entries the chain holds after it (0: it is the head). */
      readonly sinceExpectedHead?: number;
    }
  | { readonly ok: false; readonly seq: number | null; readonly reason: string };

const PAGE = 1000;

/** What a deal write's audit entry says of the revision it made (SPEC AUDIT-3). */
export interface RevisionReference {
  readonly dealId: string;
  readonly version: number;
  readonly documentHash: string | null;
}

/**
 * Checks the whole audit chain (SPEC AUDIT-4): sequence numbers without gaps, each
 * entry's previous hash equal to the hash of the entry before it, each hash recomputed
 * from the entry's fields; then every revision of every deal against the audit entry that
 * wrote it (the document's hash and the existence of both). Names the first broken link.
 */
export async function verifyAuditChain(
  db: Kysely<Tables>,
  options: { readonly expectHead?: string } = {},
): Promise<AuditVerification> {
  let expectedHeadSeq: number | undefined;
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  const written = new Map<string, string | null>();
  for (;;) {
    const rows = await db
      .selectFrom("audit_log")
      .selectAll()
      .where("seq", ">=", expectedSeq)
      .orderBy("seq")
      .limit(PAGE)
      .execute();
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq !== expectedSeq)
        return { ok: false, seq: expectedSeq, reason: `entry ${expectedSeq} is missing (next is ${seq})` };
      if (row.prev_hash !== prevHash)
        return {
          ok: false,
          seq,
          reason: `entry ${seq} does not link to entry ${seq - 1}: its previous hash differs`,
        };
      const recomputed = auditHash({ ...row, seq });
      if (recomputed !== row.hash)
        return { ok: false, seq, reason: `entry ${seq} was changed: its hash does not match its contents` };
      if (row.action.startsWith("deal.") && row.after !== null) {
        const ref = JSON.parse(row.after) as RevisionReference;
        written.set(`${ref.dealId}@${ref.version}`, ref.documentHash);
      }
      if (row.hash === options.expectHead) expectedHeadSeq = seq;
      prevHash = row.hash;
      expectedSeq++;
    }
    if (rows.length < PAGE) break;
  }
  let revisions = 0;
  let after: { dealId: string; version: number } | undefined;
  for (;;) {
    let query = db
      .selectFrom("revisions")
      .select(["deal_id", "version", "document", "document_hash"])
      .orderBy("deal_id")
      .orderBy("version")
      .limit(PAGE);
    if (after) {
      const { dealId, version } = after;
      query = query.where((eb) =>
        eb.or([
          eb("deal_id", ">", dealId),
          eb.and([eb("deal_id", "=", dealId), eb("version", ">", version)]),
        ]),
      );
    }
    const rows = await query.execute();
    for (const row of rows) {
      const key = `${row.deal_id}@${Number(row.version)}`;
      if (!written.has(key)) return { ok: false, seq: null, reason: `revision ${key} has no audit entry` };
      const hash = row.document === null ? null : sha256Hex(row.document);
      if (hash !== written.get(key) || hash !== row.document_hash)
        return {
          ok: false,
          seq: null,
          reason: `revision ${key} was changed: its document does not match the hash its audit entry recorded`,
        };
      written.delete(key);
      revisions++;
    }
    if (rows.length < PAGE) break;
    const last = rows[rows.length - 1]!;
    after = { dealId: last.deal_id, version: Number(last.version) };
  }
  const orphan = written.keys().next();
  if (!orphan.done)
    return {
      ok: false,
      seq: null,
      reason: `the audit trail records revision ${orphan.value}, which is missing`,
    };
  const entries = expectedSeq - 1;
  // An empty trail proves nothing: a store that holds anything was written with entries
  // (a database copied while it was being written can come out empty, issue 20).
  if (entries === 0)
    return {
      ok: false,
      seq: null,
      reason:
        "the audit trail is empty: nothing is recorded, so nothing can be verified (a store in use always has entries; was this database restored from an incomplete copy?)",
    };
  if (options.expectHead !== undefined && expectedHeadSeq === undefined)
    return {
      ok: false,
      seq: null,
      reason: `no entry has the expected hash ${options.expectHead}: the trail was truncated or rewritten after that hash was kept (its last entry is ${entries}, hash ${prevHash})`,
    };
  return {
    ok: true,
    entries,
    revisions,
    head: prevHash,
    ...(expectedHeadSeq === undefined ? {} : { sinceExpectedHead: entries - expectedHeadSeq }),
  };
}
