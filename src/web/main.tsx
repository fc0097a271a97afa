// First of the app's modules to run (the build also runs it as a script of its own, ahead):
// the session, and on a deal's address its code and figures, are asked for before React's DOM
// renderer is evaluated (SPEC WEB-20).
import "./app/boot.js";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import type { DataAccess } from "./api/data-access.js";
import { App } from "./app/App.js";
import { bootDataAccess, bootMode, firstViewAnswers } from "./app/boot.js";
import "./styles/app.css";
import "./styles/print.css";

/** The server's API (set up by app/boot.ts), or the examples held in memory (`?data=memory`). */
async function dataAccess(): Promise<DataAccess> {
  if (bootDataAccess) return bootDataAccess;
  const [{ MemoryDataAccess }, { EXAMPLE_FILES }] = await Promise.all([
    import("./api/memory-data-access.js"),
    import("./api/examples.js"),
  ]);
  return new MemoryDataAccess(EXAMPLE_FILES);
}

// Not a top-level await: the deal page's code imports this script's chunk, which must finish
// evaluating before that code can run.
void Promise.all([dataAccess(), firstViewAnswers()]).then(([data]) => {
  createRoot(document.getElementById("root")!).render(
    <StrictMode>
      <App dataAccess={data} mode={bootMode} />
    </StrictMode>,
  );
});
