import type { Revision } from "../storage/store.js";
import { ApiError } from "./api-error.js";
import type { ServerContext } from "./context.js";

export function liveDocument(revision: Revision | undefined, slug: string): Revision & { document: string } {
  if (!revision || revision.document === null) throw new ApiError("not_found", `no deal "${slug}"`);
  return revision as Revision & { document: string };
}

/**
 * How routes read stored documents (SPEC STORE-3). Routes only fetch texts: a document is
 * parsed, built or loaded as a workspace on a worker thread (SPEC SRV-5a), never here.
 */
export function documentReaders(context: ServerContext) {
  const { store } = context;

  /** The stored deal of an id, as the workspaces that name it read it: the latest version. */
  const readDeal = (ws: string) => async (slug: string) =>
    (await store.headRevision(ws, slug))?.document ?? undefined;

  return { readDeal };
}
