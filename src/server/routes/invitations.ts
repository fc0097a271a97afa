import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import * as z from "zod";
import { INVITATION_DAYS, issueInvitation } from "../../app/invitations.js";
import { LIMITS } from "../../core/shared/limits.js";
import { type Invitation, PENDING_PASSWORD, ROLES, type Role } from "../../storage/store.js";
import { ApiError } from "../api-error.js";
import { hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, newSecret, tokenHash } from "../auth.js";
import { type ServerContext, Slug, Username, workspaceAccess } from "../context.js";
import { SESSION_COOKIE } from "./auth.js";

export { INVITATION_DAYS, invitationLink, issueInvitation } from "../../app/invitations.js";

const Code = z.string().min(1).max(200);

/** The state of an invitation at a moment: open, used, expired or revoked. */
export function invitationState(invitation: Invitation, now: Date): "open" | "used" | "expired" | "revoked" {
  if (invitation.revokedAt !== null) return "revoked";
  if (invitation.usedAt !== null) return "used";
  return invitation.expiresAt <= now.toISOString() ? "expired" : "open";
}

function invitationBody(invitation: Invitation, now: Date) {
  return {
    id: invitation.id,
    username: invitation.username,
    role: invitation.role,
    stakeholders: invitation.stakeholders,
    createdAt: invitation.createdAt,
    expiresAt: invitation.expiresAt,
    state: invitationState(invitation, now),
  };
}

const CLOSED: Record<"used" | "expired" | "revoked", string> = {
  used: "this invitation has already been used; sign in with the password set then, or ask the owner for a new one",
  expired: "this invitation has expired; ask the workspace's owner for a new one",
  revoked: "this invitation was withdrawn by the workspace's owner",
};

/**
 * Invitations (SPEC AUTH-8): an owner invites a person who has no account; the server
 * creates a pending account that cannot log in, makes it a member with its role, and shows
 * once a one-time code (and a link to the web app holding it after `#`, which browsers do
 * not send to servers). The person redeems the code once, before it expires, by choosing a
 * password, and is then signed in.
 */
export function registerInvitationRoutes(app: FastifyInstance, context: ServerContext): void {
  const { store, limiter } = context;
  const WorkspaceParams = z.strictObject({ ws: Slug });

  app.post(
    "/api/v1/workspaces/:ws/invitations",
    {
      schema: {
        tags: ["workspaces"],
        summary:
          "Invite a person who has no account (owners): a pending member, and a one-time code shown once",
        params: WorkspaceParams,
        body: z
          .strictObject({
            username: Username,
            role: z.enum(ROLES as [Role, ...Role[]]),
            stakeholders: z.array(Slug).max(1000).default([]),
            expiresInDays: z.number().int().min(1).max(INVITATION_DAYS.max).default(INVITATION_DAYS.default),
          })
          .refine((b) => (b.role === "investor") === b.stakeholders.length > 0, {
            message: "an investor is linked to at least one stakeholder id, and only an investor is",
            path: ["stakeholders"],
          }),
      },
    },
    async (request, reply) => {
      const { ws } = request.params as { ws: string };
      const access = await workspaceAccess(context, request, ws, "members.manage");
      const body = request.body as {
        username: string;
        role: Role;
        stakeholders: string[];
        expiresInDays: number;
      };
      const issued = await issueInvitation(
        store,
        { workspaceId: ws, ...body },
        context.now(),
        access.caller.user.id,
      );
      if (!issued.ok) {
        throw new ApiError(
          "already_exists",
          `a user "${body.username}" already exists; add them with PUT /api/v1/workspaces/${ws}/members/${body.username}`,
        );
      }
      return reply.status(201).send({
        invitation: invitationBody(issued.invitation, context.now()),
        code: issued.code,
        link: issued.link,
      });
    },
  );

  app.get(
    "/api/v1/workspaces/:ws/invitations",
    {
      schema: {
        tags: ["workspaces"],
        summary: "The workspace's invitations and their state (owners); never the codes",
        params: WorkspaceParams,
      },
    },
    async (request) => {
      const { ws } = request.params as { ws: string };
      await workspaceAccess(context, request, ws, "members.manage");
      const now = context.now();
      return { invitations: (await store.listInvitations(ws)).map((i) => invitationBody(i, now)) };
    },
  );

  app.delete(
    "/api/v1/workspaces/:ws/invitations/:id",
    {
      schema: {
        tags: ["workspaces"],
        summary: "Withdraw an open invitation (owners)",
        params: z.strictObject({ ws: Slug, id: z.uuid() }),
      },
    },
    async (request, reply) => {
      const { ws, id } = request.params as { ws: string; id: string };
      const access = await workspaceAccess(context, request, ws, "members.manage");
      if (!(await store.revokeInvitation(ws, id, access.caller.user.id)))
        throw new ApiError("not_found", `no open invitation "${id}"`);
      return reply.status(204).send();
    },
  );

  /** Counts a wrong code against the caller's address, as a failed login is (AUTH-3). */
  const refuse = async (
    request: FastifyRequest,
    code: "invitation_unknown",
    message: string,
  ): Promise<never> => {
    await limiter.fail([`address:${request.ip}`]);
    throw new ApiError(code, message);
  };
  const checkRate = async (request: FastifyRequest) => {
    const wait = await limiter.retryAfter([`address:${request.ip}`]);
    if (wait > 0) {
      throw new ApiError("login_rate_limited", "too many wrong codes or logins; try again later", [], {
        "retry-after": String(Math.ceil(wait / 1000)),
      });
    }
  };

  app.post(
    "/api/v1/invitations/lookup",
    {
      config: { access: "public" },
      schema: {
        tags: ["auth"],
        summary: "What an invitation code opens: the user name, the workspace and the role",
        security: [],
        body: z.strictObject({ code: Code }),
      },
    },
    async (request) => {
      await checkRate(request);
      const { code } = request.body as { code: string };
      const invitation = await store.findInvitation(tokenHash(code));
      if (!invitation) return refuse(request, "invitation_unknown", "no invitation has this code");
      const state = invitationState(invitation, context.now());
      if (state !== "open") throw new ApiError("invitation_closed", CLOSED[state]);
      return {
        username: invitation.username,
        workspace: { id: invitation.workspaceId, name: invitation.workspaceName },
        role: invitation.role,
        expiresAt: invitation.expiresAt,
      };
    },
  );

  app.post(
    "/api/v1/invitations/accept",
    {
      config: { access: "public" },
      schema: {
        tags: ["auth"],
        summary: "Redeem an invitation: choose a password, and be signed in",
        security: [],
        body: z.strictObject({
          code: Code,
          password: z.string().min(MIN_PASSWORD_LENGTH).max(MAX_PASSWORD_LENGTH),
        }),
      },
    },
    async (request, reply: FastifyReply) => {
      await checkRate(request);
      const { code, password } = request.body as { code: string; password: string };
      const passwordHash = await hashPassword(password);
      if (passwordHash === PENDING_PASSWORD) throw new Error("argon2 returned an empty hash");
      const accepted = await store.acceptInvitation(tokenHash(code), passwordHash);
      if (!accepted.ok) {
        if (accepted.reason === "unknown")
          return refuse(request, "invitation_unknown", "no invitation has this code");
        throw new ApiError("invitation_closed", CLOSED[accepted.reason]);
      }
      await store.deleteExpiredSessions();
      const sessionId = newSecret();
      const csrfToken = newSecret();
      const expires = new Date(context.now().getTime() + LIMITS.sessionMs);
      await store.createSession(tokenHash(sessionId), accepted.user.id, csrfToken, expires);
      reply.setCookie(SESSION_COOKIE, sessionId, {
        httpOnly: true,
        sameSite: "strict",
        secure: request.protocol === "https",
        path: "/",
        expires,
      });
      return {
        user: { username: accepted.user.username, admin: accepted.user.admin },
        csrfToken,
        workspace: accepted.workspaceId,
      };
    },
  );
}
