import type { DealRecord, User, WorkspaceSummary } from "../api/contract.js";
import type { DataAccess } from "../api/data-access.js";
import { type Asked, ask } from "./asked.js";
import { type EarlyCapTable, earlyCapTable } from "./early-cap-table.js";
import type { Route } from "./routes.js";

/** What the page asked for a deal's address before React drew anything. */
export interface DealPrefetch {
  readonly workspace: string;
  readonly deal: string;
  readonly record: Asked<DealRecord>;
  readonly capTable: EarlyCapTable | undefined;
}

let pending: DealPrefetch | undefined;

/**
 * Asks for a deal's record and, when the address is its cap table, the stored cap table, as
 * the page starts (SPEC WEB-20): the requests run while the app's code is compiled and the
 * session is asked for, instead of after. The deal page takes them once; a page not signed
 * in gets the server's 401 and then the sign-in page, as without them.
 */
export function prefetchDeal(data: DataAccess, route: Route): DealPrefetch | undefined {
  if (route.name !== "deal") return undefined;
  pending = {
    workspace: route.workspace,
    deal: route.deal,
    record: ask(data.getDeal(route.workspace, route.deal)),
    capTable: earlyCapTable(data, route),
  };
  return pending;
}

/** True when the server refused the request to no one signed in (who then signed in). */
const refusedSignedOut = (asked: Asked<unknown> | undefined) =>
  asked?.settled?.ok === false && asked.settled.status === 401;

/**
 * The requests made for this deal as the page started, once; later visits ask again, and so
 * does the page drawn after a sign-in that those requests preceded.
 */
export function takeDealPrefetch(workspace: string, deal: string): DealPrefetch | undefined {
  const taken = pending;
  pending = undefined;
  if (!taken || taken.workspace !== workspace || taken.deal !== deal) return undefined;
  return refusedSignedOut(taken.record) || refusedSignedOut(taken.capTable) ? undefined : taken;
}

let session: Asked<User> | undefined;

/** Asks who is signed in as the page starts (SPEC WEB-20), rather than after React's first draw. */
export function prefetchSession(data: DataAccess): Asked<User> {
  session = ask(data.me());
  return session;
}

/** The session asked for as the page started, once; later checks ask again. */
export function takeSessionPrefetch(): Asked<User> | undefined {
  const taken = session;
  session = undefined;
  return taken;
}

let workspaces: Asked<readonly WorkspaceSummary[]> | undefined;

/**
 * Asks for the signed-in user's workspaces as a deal's page starts (SPEC WEB-20): the page's
 * frame depends on the user's role (an owner's sharing, an investor's own rows), which is then
 * known at its first draw instead of redrawing it a moment later.
 */
export function prefetchWorkspaces(data: DataAccess): Asked<readonly WorkspaceSummary[]> {
  workspaces = ask(data.listWorkspaces());
  return workspaces;
}

/** The workspaces asked for as the page started, once, unless refused before a sign-in. */
export function takeWorkspacesPrefetch(): Asked<readonly WorkspaceSummary[]> | undefined {
  const taken = workspaces;
  workspaces = undefined;
  return refusedSignedOut(taken) ? undefined : taken;
}
