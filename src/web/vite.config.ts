import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

const here = fileURLToPath(new URL(".", import.meta.url));

/** The files worth compressing: text. Images and fonts are compressed already. */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt)$/;

/**
 * Writes a brotli (.br) and a gzip (.gz) copy beside every text file of the build (SPEC
 * WEB-20), which the HTTP server sends to browsers that accept them (@fastify/static's
 * `preCompressed`), so that nothing is compressed per request. Small files stay as they are.
 */
function precompress(): Plugin {
  return {
    name: "roundtable-precompress",
    apply: "build",
    // From the files as written, after every plugin has had its last word on the code (Vite
    // rewrites the chunks' preload calls late in generateBundle).
    writeBundle(options, bundle) {
      const dir = options.dir;
      if (!dir) return;
      for (const fileName of Object.keys(bundle)) {
        if (!COMPRESSIBLE.test(fileName)) continue;
        const file = join(dir, fileName);
        const bytes = readFileSync(file);
        if (bytes.length < 1024) continue;
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(bytes, {
            params: {
              // Quality 9 compresses within a few percent of the maximum (11) in a tenth of the time.
              [constants.BROTLI_PARAM_QUALITY]: 9,
              [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
            },
          }),
        );
        writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
      }
    },
  };
}

/** The module the page runs first (src/web/app/boot.ts). */
const BOOT = join(here, "app/boot.ts");

/**
 * Runs the boot chunk (app/boot.ts and its imports) as a module script of its own, ahead of the
 * app's (SPEC WEB-20): a module script runs once its own imports have come, so the boot's
 * requests leave while the app's larger script (React's DOM renderer) still arrives and
 * compiles; the app's import of the same file finds it run. Scripts of a page run in their
 * order, so the boot's comes first.
 */
function bootFirst(): Plugin {
  return {
    name: "roundtable-boot-first",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(html, context) {
        const boot = Object.values(context.bundle ?? {}).find(
          (c) => c.type === "chunk" && c.moduleIds.includes(BOOT),
        );
        const first = html.indexOf('<script type="module"');
        if (boot === undefined || first < 0) return html;
        const tag = `<script type="module" crossorigin src="./${boot.fileName}"></script>\n    `;
        return html.slice(0, first) + tag + html.slice(first);
      },
    },
  };
}

/**
 * The web app: built from src/web into dist/web, which the HTTP server serves. The app
 * imports the domain core, the deal format and the reports from src/ directly, so that
 * what-if recomputation runs the same exact engine in the page.
 */
export default defineConfig({
  root: here,
  base: "./",
  plugins: [react(), bootFirst(), precompress()],
  // The simulation's worker imports the engine as modules, as the page does.
  worker: { format: "es" },
  build: {
    outDir: fileURLToPath(new URL("../../dist/web", import.meta.url)),
    emptyOutDir: true,
    target: "es2022",
    // No source maps in the served build (SPEC WEB-20): they would publish the sources and weigh
    // several times the code.
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // The boot module and what it imports, in a small script of its own that the page
            // runs as soon as it has arrived (a module script waits only for its own imports):
            // the session, a deal's figures and the deal page's code are asked for while the app's
            // script, React's DOM renderer, still arrives and compiles (SPEC WEB-20).
            { name: "boot", test: (id) => id === BOOT, priority: 3 },
            // The rest of what the first page needs, in one script (the many small shared chunks
            // it was split into took three waves of HTTP/1.1's six connections).
            { name: "app", tags: ["$initial"], priority: 2 },
            // A deal page's views and components, fetched with the first deal's address.
            { name: "deal-page", test: /[\\/]src[\\/]web[\\/]views[\\/]DealPage\.tsx$/, priority: 1 },
          ],
        },
      },
    },
  },
  server: { fs: { allow: [fileURLToPath(new URL("../..", import.meta.url))] } },
});
