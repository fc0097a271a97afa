import type { Deal } from "../deal/build.js";
import type { Workspace } from "../deal/workspace.js";
import {
  includedDealSlugs,
  readStoredDeals,
  storedDeal,
  storedKind,
  storedWorkspace,
  wrongDocumentKind,
} from "../storage/deal-document.js";
import type { Revision } from "../storage/store.js";
import { ApiError } from "./api-error.js";
import type { ServerContext } from "./context.js";

const BUILT_DOCUMENTS_KEPT = 4;

export function liveDocument(revision: Revision | undefined, slug: string): Revision & { document: string } {
  if (!revision || revision.document === null) throw new ApiError("not_found", `no deal "${slug}"`);
  return revision as Revision & { document: string };
}

/**
 * How routes read stored documents (SPEC STORE-3): a revision built as a deal, or loaded as
 * a workspace with the deals it names; either kind asked of the other is a 400.
 */
export function documentReaders(context: ServerContext) {
  const { store } = context;
  /**
   * Built documents by revision, for the few routes that still build on the request's
   * thread (OCF export and import); few are kept, since a large deal's built form is large.
   */
  const cache = new Map<string, unknown>();
  const keep = (key: string, value: unknown) => {
    cache.delete(key);
    cache.set(key, value);
    while (cache.size > BUILT_DOCUMENTS_KEPT) cache.delete(cache.keys().next().value as string);
  };

  /** The built deal of a revision; revisions never change, so it is cached by revision. */
  function builtDeal(revision: Revision & { document: string }): Deal {
    if (storedKind(revision.document) !== "deal")
      throw ApiError.fromDiagnostics(
        wrongDocumentKind(`stored document ${revision.slug}`, "workspace").diagnostics,
        `stored document ${revision.slug}`,
      );
    const key = `deal|${revision.dealId}@${revision.version}`;
    const cached = cache.get(key) as Deal | undefined;
    if (cached) return cached;
    const built = storedDeal(revision.document, revision.slug);
    if (!built.ok) throw ApiError.fromDiagnostics(built.diagnostics, `stored deal ${revision.slug}`);
    keep(key, built.deal);
    return built.deal;
  }

  /** The stored deal of an id, as the workspaces that name it read it: the latest version. */
  const readDeal = (ws: string) => async (slug: string) =>
    (await store.headRevision(ws, slug))?.document ?? undefined;

  /**
   * The loaded workspace of a revision, with the latest versions of the deals it names
   * (SPEC STORE-3); cached by the workspace's revision and those deals' versions.
   */
  async function builtWorkspace(ws: string, revision: Revision & { document: string }): Promise<Workspace> {
    if (storedKind(revision.document) !== "workspace")
      throw ApiError.fromDiagnostics(
        wrongDocumentKind(`stored document ${revision.slug}`, "deal").diagnostics,
        `stored document ${revision.slug}`,
      );
    const slugs = includedDealSlugs(JSON.parse(revision.document) as Record<string, unknown>);
    const heads = await Promise.all(slugs.map((slug) => store.headVersion(ws, slug)));
    const key = `workspace|${revision.dealId}@${revision.version}|${slugs.map((slug, i) => `${slug}@${heads[i]?.version ?? 0}`).join(",")}`;
    const cached = cache.get(key) as Workspace | undefined;
    if (cached) return cached;
    const deals = await readStoredDeals(slugs, readDeal(ws));
    const loaded = storedWorkspace(revision.document, revision.slug, deals);
    if (!loaded.ok) throw ApiError.fromDiagnostics(loaded.diagnostics, `stored workspace ${revision.slug}`);
    keep(key, loaded.workspace);
    return loaded.workspace;
  }

  return { builtDeal, builtWorkspace, readDeal };
}
