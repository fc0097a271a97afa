import type { Invitation, Role, Store } from "../storage/store.js";
import { newSecret, tokenHash } from "./credentials.js";

/** Days an invitation stays open by default, and at most (SPEC AUTH-8). */
export const INVITATION_DAYS = { default: 7, max: 30 } as const;

/** The one-time code's prefix, so that a code pasted in the wrong place is recognisable. */
const CODE_PREFIX = "inv_";

/** Where the web app redeems a code: after `#`, which browsers do not send to servers. */
export function invitationLink(code: string, base = ""): string {
  return `${base.replace(/\/+$/, "")}/#/invitation/${code}`;
}

/**
 * Issues an invitation (AUTH-8): a new one-time code, its hash stored with the pending
 * account and membership; the code itself is returned once and never stored. The server's
 * route and `roundtable user invite` both call this.
 */
export async function issueInvitation(
  store: Store,
  input: {
    readonly workspaceId: string;
    readonly username: string;
    readonly role: Role;
    readonly stakeholders: readonly string[];
    readonly expiresInDays: number;
  },
  now: Date,
  actorId: string,
): Promise<{ ok: true; invitation: Invitation; code: string; link: string } | { ok: false }> {
  const code = `${CODE_PREFIX}${newSecret()}`;
  const expiresAt = new Date(now.getTime() + input.expiresInDays * 86_400_000);
  const created = await store.createInvitation(
    {
      workspaceId: input.workspaceId,
      username: input.username,
      role: input.role,
      stakeholders: input.stakeholders,
      codeHash: tokenHash(code),
      expiresAt,
    },
    actorId,
  );
  if (!created.ok) return { ok: false };
  return { ok: true, invitation: created.invitation, code, link: invitationLink(code) };
}
