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
    // After Vite has written index.html into the bundle, so that the page is compressed too.
    enforce: "post",
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (!COMPRESSIBLE.test(file.fileName)) continue;
        const source = file.type === "chunk" ? file.code : file.source;
        const bytes = typeof source === "string" ? Buffer.from(source) : Buffer.from(source);
        if (bytes.length < 1024) continue;
        this.emitFile({
          type: "asset",
          fileName: `${file.fileName}.br`,
          source: brotliCompressSync(bytes, {
            params: {
              // Quality 9 compresses within a few percent of the maximum (11) in a tenth of the time.
              [constants.BROTLI_PARAM_QUALITY]: 9,
              [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
            },
          }),
        });
        this.emitFile({
          type: "asset",
          fileName: `${file.fileName}.gz`,
          source: gzipSync(bytes, { level: 9 }),
        });
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
  },
  server: { fs: { allow: [fileURLToPath(new URL("../..", import.meta.url))] } },
});
