import type { DataAccess } from "../api/data-access.js";
import { HttpDataAccess } from "../api/http-data-access.js";
import { type DataMode, dataMode } from "./data-mode.js";
import { dealPage } from "./deal-page-module.js";
import { prefetchDeal, prefetchSession } from "./prefetch.js";
import { parseRoute } from "./routes.js";

/**
 * What the page starts before React is evaluated (SPEC WEB-20). main.tsx imports this module
 * first, so that its requests leave while the browser still evaluates React's DOM renderer
 * (a few hundred milliseconds on a slow phone): the session, and on a deal's address the
 * deal page's code, the deal and its stored cap table. The memory mode (the examples,
 * `?data=memory`) loads its data access in main.tsx and asks for nothing here.
 */
export const bootMode: DataMode = dataMode(window.location.search, import.meta.env.DEV);

export const bootDataAccess: DataAccess | undefined = bootMode === "http" ? new HttpDataAccess() : undefined;

if (bootDataAccess) {
  prefetchSession(bootDataAccess);
  const route = parseRoute(window.location.hash);
  if (route.name === "deal") {
    // A failure shows when the page asks again, with its retry.
    dealPage().catch(() => undefined);
    prefetchDeal(bootDataAccess, route);
  }
}
