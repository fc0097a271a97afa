import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app.js";
import type { Store } from "../../src/storage/store.js";
import webConfig from "../../src/web/vite.config.js";
import { BackendFactory } from "../server/support/backends.js";

const SCRIPT = `${"console.log('the app');\n".repeat(200)}`;

describe("WEB-20 the served app is compressed and publishes no source maps", () => {
  const backends = new BackendFactory("sqlite");
  let store: Store;
  let app: FastifyInstance;
  let root: string;

  beforeAll(async () => {
    root = mkdtempSync(path.join(os.tmpdir(), "roundtable-web-delivery-"));
    mkdirSync(path.join(root, "assets"));
    writeFileSync(path.join(root, "index.html"), "<!doctype html><title>app</title>");
    const asset = path.join(root, "assets", "index-Bm72TbTw.js");
    writeFileSync(asset, SCRIPT);
    writeFileSync(`${asset}.br`, brotliCompressSync(Buffer.from(SCRIPT)));
    writeFileSync(`${asset}.gz`, gzipSync(Buffer.from(SCRIPT)));
    writeFileSync(`${asset}.map`, "{}");
    store = await backends.freshStore();
    app = await buildApp({ store, webRoot: root });
  });

  afterAll(async () => {
    await app.close();
    await backends.cleanup();
    rmSync(root, { recursive: true, force: true });
  });

  const get = (url: string, encoding?: string) =>
    app.inject({ method: "GET", url, headers: encoding ? { "accept-encoding": encoding } : {} });

  it("WEB-20 a browser that accepts brotli gets the brotli copy, else gzip, else the file itself", async () => {
    const br = await get("/assets/index-Bm72TbTw.js", "gzip, deflate, br");
    expect(br.statusCode).toBe(200);
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers["content-type"]).toMatch(/javascript/);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(SCRIPT);
    const gz = await get("/assets/index-Bm72TbTw.js", "gzip");
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.rawPayload).toString()).toBe(SCRIPT);
    const plain = await get("/assets/index-Bm72TbTw.js");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body).toBe(SCRIPT);
  });

  it("WEB-20 the page is served at / with precompressed assets beside it", async () => {
    const page = await get("/", "gzip, deflate, br");
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toMatch(/^text\/html/);
    expect(page.headers["cache-control"]).toBe("no-cache");
    expect(page.body).toBe("<!doctype html><title>app</title>");
    expect(page.headers["content-security-policy"]).toBeDefined();
  });

  it("WEB-20 a source map is never served, even when a build left one", async () => {
    expect((await get("/assets/index-Bm72TbTw.js.map")).statusCode).toBe(404);
    expect((await get("/assets/index-Bm72TbTw.js.map", "br")).statusCode).toBe(404);
  });

  it("WEB-20 the production build writes no source maps", () => {
    const config = webConfig as { build?: { sourcemap?: unknown } };
    expect(config.build?.sourcemap).toBe(false);
  });
});
