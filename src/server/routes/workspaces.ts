import type { FastifyInstance } from "fastify";
import * as z from "zod";
import { ROLES, type Role } from "../../storage/store.js";
import { SHARED_AGGREGATES } from "../access.js";
import { ApiError } from "../api-error.js";
import { callerOf, type ServerContext, Slug, Username, workspaceAccess } from "../context.js";

const WorkspaceParams = z.strictObject({ ws: Slug });

export function registerWorkspaceRoutes(app: FastifyInstance, context: ServerContext): void {
  const { store } = context;

  app.get(
    "/api/v1/workspaces",
    { schema: { tags: ["workspaces"], summary: "The workspaces the user is a member of, with their role" } },
    async (request) => {
      const workspaces = await store.listWorkspacesOf(callerOf(request).user.id);
      return { workspaces: workspaces.map((w) => ({ id: w.id, name: w.name, role: w.role })) };
    },
  );

  app.get(
    "/api/v1/workspaces/:ws",
    {
      schema: {
        tags: ["workspaces"],
        summary: "A workspace: its name, the caller's role, and (owners) its settings",
        params: WorkspaceParams,
      },
    },
    async (request) => {
      const { ws } = request.params as { ws: string };
      const access = await workspaceAccess(context, request, ws, "deal.read");
      const workspace = (await store.getWorkspace(ws))!;
      return {
        id: workspace.id,
        name: workspace.name,
        role: access.membership.role,
        ...(access.membership.role === "investor" ? { stakeholders: access.membership.stakeholders } : {}),
        ...(access.membership.role === "owner" ? { sharedAggregates: workspace.sharedAggregates } : {}),
      };
    },
  );

  app.put(
    "/api/v1/workspaces/:ws/settings",
    {
      schema: {
        tags: ["workspaces"],
        summary: "Choose the aggregates investors see (owners)",
        params: WorkspaceParams,
        body: z.strictObject({
          sharedAggregates: z.array(z.enum(SHARED_AGGREGATES)).max(SHARED_AGGREGATES.length),
        }),
      },
    },
    async (request) => {
      const { ws } = request.params as { ws: string };
      const access = await workspaceAccess(context, request, ws, "settings.manage");
      const { sharedAggregates } = request.body as { sharedAggregates: string[] };
      await store.setSharedAggregates(ws, sharedAggregates, access.caller.user.id);
      return { sharedAggregates: [...new Set(sharedAggregates)].sort() };
    },
  );

  app.get(
    "/api/v1/workspaces/:ws/members",
    {
      schema: {
        tags: ["workspaces"],
        summary: "The members and their roles (owners)",
        params: WorkspaceParams,
      },
    },
    async (request) => {
      const { ws } = request.params as { ws: string };
      await workspaceAccess(context, request, ws, "members.manage");
      const members = await store.listMembers(ws);
      return {
        members: members.map((m) => ({ username: m.username, role: m.role, stakeholders: m.stakeholders })),
      };
    },
  );

  app.put(
    "/api/v1/workspaces/:ws/members/:username",
    {
      schema: {
        tags: ["workspaces"],
        summary: "Add a member or change their role; an investor is linked to their stakeholder ids (owners)",
        params: z.strictObject({ ws: Slug, username: Username }),
        body: z
          .strictObject({
            role: z.enum(ROLES as [Role, ...Role[]]),
            stakeholders: z.array(Slug).max(1000).default([]),
          })
          .refine((b) => (b.role === "investor") === b.stakeholders.length > 0, {
            message: "an investor is linked to at least one stakeholder id, and only an investor is",
            path: ["stakeholders"],
          }),
      },
    },
    async (request) => {
      const { ws, username } = request.params as { ws: string; username: string };
      const access = await workspaceAccess(context, request, ws, "members.manage");
      const body = request.body as { role: Role; stakeholders: string[] };
      const user = await store.findUserByName(username);
      if (!user) throw new ApiError("not_found", `no user "${username}"`);
      await keepAnOwner(context, ws, user.id, body.role);
      await store.setMember(ws, user.id, body.role, body.stakeholders, access.caller.user.id);
      return { username, role: body.role, stakeholders: [...new Set(body.stakeholders)].sort() };
    },
  );

  app.delete(
    "/api/v1/workspaces/:ws/members/:username",
    {
      schema: {
        tags: ["workspaces"],
        summary: "Remove a member (owners)",
        params: z.strictObject({ ws: Slug, username: Username }),
      },
    },
    async (request, reply) => {
      const { ws, username } = request.params as { ws: string; username: string };
      const access = await workspaceAccess(context, request, ws, "members.manage");
      const user = await store.findUserByName(username);
      if (!user) throw new ApiError("not_found", `no member "${username}"`);
      await keepAnOwner(context, ws, user.id, undefined);
      if (!(await store.removeMember(ws, user.id, access.caller.user.id)))
        throw new ApiError("not_found", `no member "${username}"`);
      return reply.status(204).send();
    },
  );

  app.get(
    "/api/v1/workspaces/:ws/audit",
    {
      schema: {
        tags: ["workspaces"],
        summary: "The workspace's audit trail: who changed what, when, before and after (owners)",
        params: WorkspaceParams,
        querystring: z.strictObject({
          after: z.coerce.number().int().min(0).max(2_000_000_000).default(0),
          limit: z.coerce.number().int().min(1).max(1000).default(100),
        }),
      },
    },
    async (request) => {
      const { ws } = request.params as { ws: string };
      await workspaceAccess(context, request, ws, "audit.read");
      const query = request.query as { after: number; limit: number };
      return { entries: await store.auditEntries(ws, { afterSeq: query.after, limit: query.limit }) };
    },
  );
}

/** A workspace keeps at least one owner (SPEC AUTH-6). */
async function keepAnOwner(context: ServerContext, ws: string, userId: string, role: Role | undefined) {
  if (role === "owner") return;
  const members = await context.store.listMembers(ws);
  const owners = members.filter((m) => m.role === "owner");
  if (owners.length === 1 && owners[0]!.userId === userId)
    throw new ApiError("request_invalid", "a workspace keeps at least one owner: name another owner first");
}
