import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const here = fileURLToPath(new URL(".", import.meta.url));

/**
 * The web app: built from src/web into dist/web, which the HTTP server serves. The app
 * imports the domain core, the deal format and the reports from src/ directly, so that
 * what-if recomputation runs the same exact engine in the page.
 */
export default defineConfig({
  root: here,
  base: "./",
  plugins: [react()],
  // The simulation's worker imports the engine as modules, as the page does.
  worker: { format: "es" },
  build: {
    outDir: fileURLToPath(new URL("../../dist/web", import.meta.url)),
    emptyOutDir: true,
    target: "es2022",
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
  },
  server: { fs: { allow: [fileURLToPath(new URL("../..", import.meta.url))] } },
});
