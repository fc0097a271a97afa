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

/**
 * The web app: built from src/web into dist/web, which the HTTP server serves. The app
 * imports the domain core, the deal format and the reports from src/ directly, so that
 * what-if recomputation runs the same exact engine in the page.
 */
export default defineConfig({
  root: here,
  base: "./",
  plugins: [react(), precompress()],
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
            { name: "app", tags: ["$initial"], priority: 2 },
            { name: "deal-page", test: /[\\/]src[\\/]web[\\/]views[\\/]DealPage\.tsx$/, priority: 1 },
          ],
        },
      },
    },
  },
  server: { fs: { allow: [fileURLToPath(new URL("../..", import.meta.url))] } },
});
