import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import type { DataAccess } from "./api/data-access.js";
import { HttpDataAccess } from "./api/http-data-access.js";
import { App, dealPage } from "./app/App.js";
import { type DataMode, dataMode } from "./app/data-mode.js";
import { prefetchDeal } from "./app/prefetch.js";
import { parseRoute } from "./app/routes.js";
import "./styles/app.css";
import "./styles/print.css";

async function dataAccessFor(mode: DataMode): Promise<DataAccess> {
  if (mode === "http") return new HttpDataAccess();
  const [{ MemoryDataAccess }, { EXAMPLE_FILES }] = await Promise.all([
    import("./api/memory-data-access.js"),
    import("./api/examples.js"),
  ]);
  return new MemoryDataAccess(EXAMPLE_FILES);
}

const mode = dataMode(window.location.search, import.meta.env.DEV);
const dataAccess = await dataAccessFor(mode);
// A deal's address asks for the deal page's code and its figures before React draws (SPEC WEB-20).
const route = parseRoute(window.location.hash);
if (route.name === "deal") {
  void dealPage().catch(() => undefined);
  prefetchDeal(dataAccess, route);
}
createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App dataAccess={dataAccess} mode={mode} />
  </StrictMode>,
);
