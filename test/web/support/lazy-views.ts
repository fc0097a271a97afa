import { configure } from "@testing-library/react";

/**
 * The views the app loads on demand (React.lazy, SPEC WEB-20), imported ahead so that a
 * component test waits for the view's figures, not for a module's first transform (which
 * can take seconds on a loaded machine, longer than a query's timeout).
 */
export async function preloadLazyViews(): Promise<void> {
  // A lazy view suspends once, the first time it renders, even when its module is loaded,
  // and React throttles showing a Suspense boundary's content: the first deal page of a
  // file takes several such steps, beyond the queries' default second on a loaded machine.
  configure({ asyncUtilTimeout: 10_000 });
  await Promise.all([
    import("../../../src/web/views/DealPage.js"),
    import("../../../src/web/views/ClaimsView.js"),
    import("../../../src/web/views/ExitView.js"),
    import("../../../src/web/views/FlowsView.js"),
    import("../../../src/web/views/RoundBuilder.js"),
    import("../../../src/web/views/ScenariosView.js"),
    import("../../../src/web/views/SimulationView.js"),
  ]);
}
