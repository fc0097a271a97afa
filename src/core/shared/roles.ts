/**
 * A member's role in a workspace (SPEC AUTH): what the store records, the server checks and
 * the web app shows. One definition, here below every face, so that the storage, the server
 * and the web app (which may not import one another) share it.
 */
export type Role = "owner" | "editor" | "viewer" | "investor";

/** The roles, from most to least power. */
export const ROLES: readonly Role[] = ["owner", "editor", "viewer", "investor"];
