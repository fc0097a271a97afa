import type {} from "@fastify/cookie";
import type {} from "@fastify/swagger";
import type { FastifyRequest } from "fastify";
import * as z from "zod";
import { LIMITS } from "../core/shared/limits.js";
import type { Membership, Store, User, Workspace } from "../storage/store.js";
import { allows, type InvestorView, type Permission, type SharedAggregate } from "./access.js";
import { ApiError } from "./api-error.js";
import type { LoginThrottle } from "./auth.js";
import type { ComputePool } from "./compute-pool.js";
import type { Jobs } from "./jobs.js";
import type { ReportStore } from "./report-cache.js";

/** Who made a request, and how (SPEC AUTH-2, AUTH-4). */
export interface Caller {
  readonly user: User;
  readonly via: "session" | "token";
  readonly csrfToken?: string;
  readonly sessionHash?: string;
}

declare module "fastify" {
  interface FastifyRequest {
    caller: Caller | null;
    /** The body as received, for deal documents: numbers keep the text written. */
    rawBody: string | undefined;
    /** The body's bytes, kept only when they are not valid UTF-8 (text bodies). */
    bodyBytes: Buffer | undefined;
    /** The query string parsed but not validated: plain strings, for worker threads. */
    rawQuery: Record<string, unknown> | undefined;
  }
  interface FastifyContextConfig {
    /** "public": no credentials needed; otherwise a session or token is required. */
    access?: "public" | "user";
  }
}

/** What every route handler shares. */
export interface ServerContext {
  readonly store: Store;
  readonly jobs: Jobs;
  readonly cache: ReportStore;
  readonly limiter: LoginThrottle;
  /** The worker threads that run every computation whose cost depends on the input (SRV-5). */
  readonly pool: ComputePool;
  readonly now: () => Date;
}

export function callerOf(request: FastifyRequest): Caller {
  if (!request.caller) throw new ApiError("unauthenticated", "log in or send an API token");
  return request.caller;
}

export interface WorkspaceAccess {
  readonly caller: Caller;
  readonly membership: Membership;
  /** Set for investors: what they may see. */
  readonly investor: InvestorView | undefined;
}

/**
 * The caller's access to a workspace (SPEC AUTH-5): a workspace the caller is not a member
 * of does not exist for them (404, so that names are not revealed); a member whose role
 * lacks the permission gets 403.
 */
export async function workspaceAccess(
  context: ServerContext,
  request: FastifyRequest,
  workspaceId: string,
  permission: Permission,
): Promise<WorkspaceAccess> {
  const caller = callerOf(request);
  const membership = await context.store.membership(workspaceId, caller.user.id);
  if (!membership) throw new ApiError("not_found", `no workspace "${workspaceId}"`);
  if (!allows(membership.role, permission))
    throw new ApiError(
      "forbidden",
      `the ${membership.role} role cannot do this in workspace "${workspaceId}"`,
    );
  let investor: InvestorView | undefined;
  if (membership.role === "investor") {
    const workspace = (await context.store.getWorkspace(workspaceId)) as Workspace;
    investor = {
      stakeholders: new Set(membership.stakeholders),
      shared: new Set(workspace.sharedAggregates as SharedAggregate[]),
    };
  }
  return { caller, membership, investor };
}

/** Ids of workspaces, deals and the like: letters, digits, `-` and `_`, starting with a letter or digit. */
export const Slug = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/,
    "an id is 1 to 64 letters, digits, - or _, starting with a letter or digit",
  );

export const Username = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/, "a user name is 1 to 64 letters, digits, ., _, @ or -");

/**
 * A version number in a query: decimal digits only, so that `0x1`, `1e0` and an empty value
 * are refused rather than read as numbers (z.coerce would read "" as 0 and "0x1" as 1).
 */
export function versionNumber(min: number) {
  return z
    .string()
    .regex(/^[0-9]{1,10}$/, "a version is a whole number written in decimal digits")
    .transform(Number)
    .pipe(z.number().int().min(min).max(2_000_000_000));
}

/** A name people read (a workspace's, a token's): no control characters, which no name needs. */
export const DisplayName = z
  .string()
  .min(1)
  .max(LIMITS.nameLength)
  .regex(/^\P{Cc}*$/u, "a name holds no control characters");

export const ExpectedVersion = versionNumber(0).meta({
  description: "The version the write expects to replace (0 for a new deal): a stale one gets 409.",
});
