import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";

/** The built web app of the package (`npm run build` writes it; beside src/ and dist/server/). */
export const WEB_APP_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../dist/web");

/**
 * The headers of the app's pages (SPEC SRV-4): its own scripts, styles, images and API
 * only; no framing, no referrer. Styles set by scripts (React's style properties, the
 * charts) go through the CSSOM, which `style-src 'self'` allows; blob: serves downloads
 * and the charts' images.
 */
export const APP_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "content-security-policy": [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; "),
  "x-frame-options": "DENY",
  "referrer-policy": "no-referrer",
  "cross-origin-opener-policy": "same-origin",
};

/** Vite's output names its assets by content hash: a name never changes content. */
const HASHED_ASSET = /[\\/]assets[\\/][^\\/]+-[A-Za-z0-9_-]{8,}\.[a-z0-9.]+$/;

/**
 * Serves the built web app at `/` (SPEC SRV-4): index.html revalidated on every load,
 * hashed assets cached for a year, each file precompressed (brotli, else gzip) when the
 * browser accepts it. API routes keep precedence, and a path that is no
 * file is the API's JSON 404. When the app is not built, `/` says how to build it.
 */
export async function registerWebApp(app: FastifyInstance, root: string): Promise<void> {
  app.addHook("onSend", async (request, reply, payload) => {
    if (!request.url.startsWith("/api/"))
      for (const [name, value] of Object.entries(APP_SECURITY_HEADERS)) reply.header(name, value);
    return payload;
  });
  if (!existsSync(path.join(root, "index.html"))) {
    app.get("/", { schema: { hide: true } }, async (_request, reply) =>
      reply
        .status(503)
        .type("text/plain; charset=utf-8")
        .header("cache-control", "no-store")
        .send(
          `The web app is not built: ${path.join(root, "index.html")} is missing.\nRun \`npm run build\` (npm ci runs it), then restart the server.\nThe API answers at /api/v1; its reference is at /api/docs.\n`,
        ),
    );
    return;
  }
  // The page itself: @fastify/static does not find a directory's index with precompressed
  // files (it looks for the index's compressed copy under the directory's name), so `/` is
  // this route's. The page is small and sent as it is, revalidated on every load.
  const page = readFileSync(path.join(root, "index.html"));
  app.get("/", { schema: { hide: true } }, async (_request, reply) =>
    reply.type("text/html; charset=utf-8").header("cache-control", "no-cache").send(page),
  );
  await app.register(fastifyStatic, {
    root,
    prefix: "/",
    index: false,
    // Another registration (the API reference) decorates the reply; this one needs none.
    decorateReply: false,
    // The API's paths are never files: an unknown one is the API's JSON 404. Source maps
    // are not published, even when a build has them (SPEC WEB-20).
    allowedPath: (pathName) => !pathName.startsWith("/api/") && !pathName.endsWith(".map"),
    // The build writes a brotli and a gzip copy of every text file: a browser that accepts
    // either gets it, with no compression per request (SPEC WEB-20).
    preCompressed: true,
    cacheControl: false,
    setHeaders: (res, file) => {
      // The same URL answers brotli, gzip or plain by the request's Accept-Encoding: caches must key on it.
      res.setHeader("vary", "accept-encoding");
      res.setHeader(
        "cache-control",
        HASHED_ASSET.test(file) ? "public, max-age=31536000, immutable" : "no-cache",
      );
    },
  });
}
