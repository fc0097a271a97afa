import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import type { DataAccess } from "./api/data-access.js";
import { HttpDataAccess } from "./api/http-data-access.js";
import { App, type DataMode } from "./app/App.js";
import "./styles/app.css";
import "./styles/print.css";

/**
 * Which data access the page uses: the server's API (`/api/v1`) by default in a built
 * app; the examples held in memory with `?data=memory`, and by default under the Vite
 * development server (`?data=http` to use a server there too).
 */
export function dataMode(search: string, development: boolean): DataMode {
  const asked = new URLSearchParams(search).get("data");
  if (asked === "memory" || asked === "http") return asked;
  return development ? "memory" : "http";
}

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
createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App dataAccess={dataAccess} mode={mode} />
  </StrictMode>,
);
