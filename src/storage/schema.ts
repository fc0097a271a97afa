/**
 * The tables, as Kysely sees them. Both backends hold the same columns with the same
 * types: text, and integers that fit 32 bits. Timestamps are ISO 8601 text in UTC, JSON
 * values are canonical JSON text, booleans are 0 or 1.
 */
export interface Tables {
  users: {
    id: string;
    username: string;
    password_hash: string;
    /** 1 for an administrator, who may create users and workspaces. */
    admin: number;
    created_at: string;
  };
  sessions: {
    /** sha256 of the session id held in the cookie: a stolen table opens no session. */
    id_hash: string;
    user_id: string;
    csrf_token: string;
    created_at: string;
    expires_at: string;
  };
  api_tokens: {
    id: string;
    user_id: string;
    name: string;
    token_hash: string;
    created_at: string;
    revoked_at: string | null;
  };
  workspaces: {
    id: string;
    name: string;
    created_at: string;
    /** Canonical JSON array of the aggregates investors may see. */
    shared_aggregates: string;
  };
  memberships: {
    workspace_id: string;
    user_id: string;
    role: string;
    /** Canonical JSON array of stakeholder ids (investors only). */
    stakeholders: string;
  };
  deals: {
    id: string;
    workspace_id: string;
    slug: string;
    created_at: string;
  };
  revisions: {
    deal_id: string;
    version: number;
    action: string;
    /** Canonical JSON of the deal document; null for a deletion. */
    document: string | null;
    document_hash: string | null;
    author_id: string;
    created_at: string;
  };
  audit_log: {
    seq: number;
    at: string;
    actor_id: string;
    workspace_id: string | null;
    action: string;
    target: string;
    before: string | null;
    after: string | null;
    prev_hash: string;
    hash: string;
  };
  invitations: {
    id: string;
    /** sha256 of the one-time code: a stolen table redeems no invitation. */
    code_hash: string;
    /** The pending account the invitation opens. */
    user_id: string;
    workspace_id: string;
    created_by: string;
    created_at: string;
    expires_at: string;
    /** When the code was redeemed; null while it is open. */
    used_at: string | null;
    /** When an owner withdrew it; null unless withdrawn. */
    revoked_at: string | null;
  };
  shared_documents: {
    id: string;
    workspace_id: string;
    deal_id: string;
    /** The deal's version the report is made from; versions never change (STORE-4). */
    version: number;
    /** The report: "model" (pro forma) or "captable". */
    report: string;
    /** "pdf" or "xlsx". */
    format: string;
    title: string;
    /** The investor member it is shared with; null for every investor member of the workspace. */
    recipient_id: string | null;
    shared_by: string;
    shared_at: string;
    /** When an owner withdrew it; null while it is shared. */
    withdrawn_at: string | null;
  };
}
