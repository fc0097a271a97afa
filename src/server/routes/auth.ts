import type { FastifyInstance } from "fastify";
import * as z from "zod";
import { LIMITS } from "../../core/shared/limits.js";
import { PENDING_PASSWORD } from "../../storage/store.js";
import { ApiError } from "../api-error.js";
import {
  dummyPasswordHash,
  hashPassword,
  MAX_PASSWORD_LENGTH,
  MIN_PASSWORD_LENGTH,
  newApiToken,
  newSecret,
  tokenHash,
  verifyPassword,
} from "../auth.js";
import { callerOf, DisplayName, type ServerContext, Slug, Username } from "../context.js";

export const SESSION_COOKIE = "rt_session";

/** The session cookie's attributes (SPEC AUTH-2): the same when it is set and when it is cleared. */
function sessionCookieAttributes(secure: boolean) {
  return { httpOnly: true, sameSite: "strict" as const, secure, path: "/" };
}

const Password = z.string().min(MIN_PASSWORD_LENGTH).max(MAX_PASSWORD_LENGTH);

const LOGIN_FAILED = "the user name or the password is wrong";

export function registerAuthRoutes(app: FastifyInstance, context: ServerContext): void {
  const { store, limiter } = context;

  app.post(
    "/api/v1/auth/login",
    {
      config: { access: "public" },
      schema: {
        tags: ["auth"],
        summary: "Log in: sets an HttpOnly session cookie and returns the CSRF token for writes",
        security: [],
        body: z.strictObject({
          // Any name up to the limit is accepted, so that the answer never says whether it exists.
          username: z
            .string()
            .min(1)
            .max(LIMITS.nameLength)
            .refine((name) => !name.includes("\u0000"), "a user name holds no NUL character"),
          password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
        }),
      },
    },
    async (request, reply) => {
      const { username, password } = request.body as { username: string; password: string };
      const keys = [`user:${username.toLowerCase()}`, `address:${request.ip}`];
      const wait = await limiter.retryAfter(keys);
      if (wait > 0) {
        throw new ApiError("login_rate_limited", "too many failed logins; try again later", [], {
          "retry-after": String(Math.ceil(wait / 1000)),
        });
      }
      const user = await store.findUserByName(username);
      // An unknown user costs one argon2 verification too (SPEC AUTH-3).
      // A pending account (an invitation not yet redeemed, AUTH-8) has no password: it is
      // verified against the dummy hash, so that it costs and answers as an unknown user.
      const pending = user?.passwordHash === PENDING_PASSWORD;
      const valid = await verifyPassword(
        user && !pending ? user.passwordHash : await dummyPasswordHash(),
        password,
      );
      if (!user || pending || !valid) {
        await limiter.fail(keys);
        throw new ApiError("login_failed", LOGIN_FAILED);
      }
      await limiter.succeed(keys[0]!);
      // Ended sessions are removed as others begin: the table holds live sessions only.
      await store.deleteExpiredSessions();
      const sessionId = newSecret();
      const csrfToken = newSecret();
      const expires = new Date(context.now().getTime() + LIMITS.sessionMs);
      await store.createSession(tokenHash(sessionId), user.id, csrfToken, expires);
      reply.setCookie(SESSION_COOKIE, sessionId, {
        ...sessionCookieAttributes(request.protocol === "https"),
        expires,
      });
      return { user: { username: user.username, admin: user.admin }, csrfToken };
    },
  );

  app.post(
    "/api/v1/auth/logout",
    { schema: { tags: ["auth"], summary: "Log out: ends the session" } },
    async (request, reply) => {
      const caller = callerOf(request);
      if (caller.sessionHash) await store.deleteSession(caller.sessionHash);
      // Cleared with the attributes it was set with (SPEC AUTH-2), so that no browser keeps it.
      reply.clearCookie(SESSION_COOKIE, sessionCookieAttributes(request.protocol === "https"));
      return reply.status(204).send();
    },
  );

  app.get(
    "/api/v1/auth/me",
    {
      schema: { tags: ["auth"], summary: "The current user, their workspaces and roles, and the CSRF token" },
    },
    async (request) => {
      const caller = callerOf(request);
      const workspaces = await store.listWorkspacesOf(caller.user.id);
      return {
        user: { username: caller.user.username, admin: caller.user.admin },
        via: caller.via,
        ...(caller.csrfToken ? { csrfToken: caller.csrfToken } : {}),
        workspaces: workspaces.map((w) => ({ id: w.id, name: w.name, role: w.role })),
      };
    },
  );

  app.post(
    "/api/v1/tokens",
    {
      schema: {
        tags: ["auth"],
        summary:
          "Create an API token for scripts: shown once, stored hashed; send it as Authorization: Bearer",
        body: z.strictObject({ name: DisplayName }),
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const { name } = request.body as { name: string };
      const token = newApiToken();
      const created = await store.createToken(caller.user.id, name, tokenHash(token));
      return reply.status(201).send({ id: created.id, name, createdAt: created.createdAt, token });
    },
  );

  app.get(
    "/api/v1/tokens",
    { schema: { tags: ["auth"], summary: "The user's API tokens (never the secrets)" } },
    async (request) => {
      return { tokens: await store.listTokens(callerOf(request).user.id) };
    },
  );

  app.delete(
    "/api/v1/tokens/:tokenId",
    {
      schema: {
        tags: ["auth"],
        summary: "Revoke one of the user's API tokens",
        params: z.strictObject({ tokenId: z.uuid() }),
      },
    },
    async (request, reply) => {
      const { tokenId } = request.params as { tokenId: string };
      if (!(await store.revokeToken(callerOf(request).user.id, tokenId)))
        throw new ApiError("not_found", `no live token "${tokenId}"`);
      return reply.status(204).send();
    },
  );

  app.post(
    "/api/v1/users",
    {
      schema: {
        tags: ["admin"],
        summary: "Create a user (administrators only)",
        body: z.strictObject({
          username: Username,
          password: Password,
          admin: z.boolean().default(false),
        }),
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      if (!caller.user.admin) throw new ApiError("forbidden", "only an administrator can create users");
      const body = request.body as { username: string; password: string; admin: boolean };
      const user = await store.createUser(
        { username: body.username, passwordHash: await hashPassword(body.password), admin: body.admin },
        caller.user.id,
      );
      if (!user) throw new ApiError("already_exists", `a user "${body.username}" already exists`);
      return reply
        .status(201)
        .send({ username: user.username, admin: user.admin, createdAt: user.createdAt });
    },
  );

  app.post(
    "/api/v1/workspaces",
    {
      schema: {
        tags: ["workspaces"],
        summary: "Create a workspace (administrators only); its creator is its owner",
        body: z.strictObject({ id: Slug, name: DisplayName }),
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      if (!caller.user.admin) throw new ApiError("forbidden", "only an administrator can create workspaces");
      const body = request.body as { id: string; name: string };
      const workspace = await store.createWorkspace(
        { id: body.id, name: body.name, ownerId: caller.user.id },
        caller.user.id,
      );
      if (!workspace) throw new ApiError("already_exists", `a workspace "${body.id}" already exists`);
      return reply.status(201).send({ ...workspace, role: "owner" });
    },
  );
}
