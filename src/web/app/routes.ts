import { useEffect, useState } from "react";

/**
 * The app's routes, in the URL's hash (`#/w/examples/d/openai-round/round/round-2026`),
 * so that any static server, and the HTTP server, can serve the app from one index.html.
 */
export type DealView = "captable" | "round" | AnalysisView | AuthoringView;

/** The views that change the deal document itself: its records, and its versions (SPEC WEB-AUTH-1..3). */
export const AUTHORING_VIEWS = ["edit", "history"] as const;
export type AuthoringView = (typeof AUTHORING_VIEWS)[number];

/**
 * The views of a deal beside its cap table and rounds, in the order of the deal page's tabs;
 * the capital flows and the exposure are a workspace document's (WORKSPACE_VIEWS).
 */
export const ANALYSIS_VIEWS = [
  "claims",
  "scenarios",
  "simulate",
  "flows",
  "exit",
  "exposure",
  "mine",
] as const;
export type AnalysisView = (typeof ANALYSIS_VIEWS)[number];

/** An investor member's own view of a deal (SPEC WEB-23), the only one beside the cap table it is offered. */
export const INVESTOR_VIEWS = ["mine"] as const satisfies readonly AnalysisView[];

/** The views of a workspace document (several companies and their agreements, SPEC FLOW-1). */
export const WORKSPACE_VIEWS = ["flows", "exposure"] as const satisfies readonly AnalysisView[];

export type Route =
  | { readonly name: "login" }
  | { readonly name: "workspaces" }
  | { readonly name: "deals"; readonly workspace: string }
  | { readonly name: "access"; readonly workspace: string }
  | { readonly name: "new_deal"; readonly workspace: string }
  | { readonly name: "import"; readonly workspace: string }
  | { readonly name: "invitation"; readonly code: string }
  | {
      readonly name: "deal";
      readonly workspace: string;
      readonly deal: string;
      readonly view: DealView;
      readonly round?: string;
      readonly query: URLSearchParams;
    }
  | { readonly name: "not_found" };

export function parseRoute(hash: string): Route {
  const [pathPart, queryPart] = hash.replace(/^#/, "").split("?");
  const parts = (pathPart ?? "")
    .split("/")
    .filter((p) => p.length > 0)
    .map((p) => decodeURIComponent(p));
  const query = new URLSearchParams(queryPart ?? "");
  if (parts.length === 0) return { name: "workspaces" };
  if (parts[0] === "login" && parts.length === 1) return { name: "login" };
  if (parts[0] === "invitation" && parts[1] !== undefined && parts.length === 2)
    return { name: "invitation", code: parts[1] };
  if (parts[0] !== "w" || parts[1] === undefined) return { name: "not_found" };
  const workspace = parts[1];
  if (parts.length === 2) return { name: "deals", workspace };
  if (parts[2] === "access" && parts.length === 3) return { name: "access", workspace };
  if (parts[2] === "new" && parts.length === 3) return { name: "new_deal", workspace };
  if (parts[2] === "import" && parts.length === 3) return { name: "import", workspace };
  if (parts[2] !== "d" || parts[3] === undefined) return { name: "not_found" };
  const deal = parts[3];
  const view = parts[4] ?? "captable";
  if (view === "round" && parts[5] !== undefined && parts.length === 6) {
    return { name: "deal", workspace, deal, view: "round", round: parts[5], query };
  }
  if (parts.length > 5) return { name: "not_found" };
  if (
    view === "captable" ||
    (ANALYSIS_VIEWS as readonly string[]).includes(view) ||
    (AUTHORING_VIEWS as readonly string[]).includes(view)
  ) {
    return { name: "deal", workspace, deal, view: view as DealView, query };
  }
  return { name: "not_found" };
}

const enc = encodeURIComponent;

export const href = {
  login: () => "#/login",
  workspaces: () => "#/",
  deals: (workspace: string) => `#/w/${enc(workspace)}`,
  access: (workspace: string) => `#/w/${enc(workspace)}/access`,
  capTable: (workspace: string, deal: string, query?: URLSearchParams) =>
    `#/w/${enc(workspace)}/d/${enc(deal)}/captable${query && query.size > 0 ? `?${query}` : ""}`,
  round: (workspace: string, deal: string, round: string) =>
    `#/w/${enc(workspace)}/d/${enc(deal)}/round/${enc(round)}`,
  newDeal: (workspace: string) => `#/w/${enc(workspace)}/new`,
  importDeal: (workspace: string) => `#/w/${enc(workspace)}/import`,
  invitation: (code: string) => `#/invitation/${enc(code)}`,
  view: (workspace: string, deal: string, view: AnalysisView | AuthoringView, query?: URLSearchParams) =>
    `#/w/${enc(workspace)}/d/${enc(deal)}/${view}${query && query.size > 0 ? `?${query}` : ""}`,
};

export function useRoute(): Route {
  const [hash, setHash] = useState(() => window.location.hash);
  useEffect(() => {
    const onChange = () => setHash(window.location.hash);
    window.addEventListener("hashchange", onChange);
    return () => window.removeEventListener("hashchange", onChange);
  }, []);
  return parseRoute(hash);
}

/** Replaces the query of the current route without adding a history entry per keystroke. */
export function replaceHash(next: string): void {
  if (window.location.hash !== next) window.history.replaceState(null, "", next);
  window.dispatchEvent(new HashChangeEvent("hashchange"));
}
