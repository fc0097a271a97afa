import type { DataAccess } from "../api/data-access.js";
import { HttpDataAccess } from "../api/http-data-access.js";
import { type DataMode, dataMode } from "./data-mode.js";
import { dealPage } from "./deal-page-module.js";
import { prefetchDeal, prefetchSession, prefetchWorkspaces } from "./prefetch.js";
import { parseRoute } from "./routes.js";

/**
 * What the page starts before React is evaluated (SPEC WEB-20). The build runs this module
 * as a small script of its own, ahead of the app's (vite.config.ts), so that its requests
 * leave while the browser still loads and evaluates React's DOM renderer (a few hundred
 * milliseconds on a slow phone): the session, and on a deal's address the deal page's code,
 * the deal, its stored cap table and the user's workspaces (the role the page's frame shows). The memory mode (the examples, `?data=memory`) loads its
 * data access in main.tsx and asks for nothing here.
 */
export const bootMode: DataMode = dataMode(window.location.search, import.meta.env.DEV);

export const bootDataAccess: DataAccess | undefined = bootMode === "http" ? new HttpDataAccess() : undefined;

/** How long React's first draw waits for the first view's answers, beyond the app's own loading. */
const FIRST_VIEW_WAIT_MS = 300;

let firstAnswers: Promise<unknown> = Promise.resolve();

if (bootDataAccess) {
  const answers: Promise<unknown>[] = [prefetchSession(bootDataAccess).answer];
  const route = parseRoute(window.location.hash);
  if (route.name === "deal") {
    // A failure shows when the page asks again, with its retry.
    answers.push(dealPage().catch(() => undefined));
    const deal = prefetchDeal(bootDataAccess, route);
    if (deal) answers.push(deal.record.answer, ...(deal.capTable ? [deal.capTable.answer] : []));
    answers.push(prefetchWorkspaces(bootDataAccess).answer);
  }
  firstAnswers = Promise.all(answers);
}

/**
 * Resolves when the answers the first view needs have come (the session; on a deal's address
 * the deal page's code, the deal, its cap table and the user's role), or after FIRST_VIEW_WAIT_MS: React's first
 * draw is then the page with its figures, rather than "Loading" that each answer replaces a
 * moment later (each a render and a layout). A slow answer is drawn as before, when it comes.
 */
export function firstViewAnswers(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, FIRST_VIEW_WAIT_MS);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    firstAnswers.then(done, done);
  });
}
