import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app.js";
import { APP_SECURITY_HEADERS } from "../../src/server/web-app.js";
import type { Store } from "../../src/storage/store.js";
import { BackendFactory } from "./support/backends.js";

const INDEX = `<!doctype html><html><head><script type="module" src="./assets/index-Bm72TbTw.js"></script></head><body><div id="root"></div></body></html>`;

describe("SRV-4: the server serves the built web app", () => {
  const backends = new BackendFactory("sqlite");
  let store: Store;
  let app: FastifyInstance;
  let bare: FastifyInstance;
  let root: string;

  beforeAll(async () => {
    root = mkdtempSync(path.join(os.tmpdir(), "roundtable-web-"));
    mkdirSync(path.join(root, "assets"));
    writeFileSync(path.join(root, "index.html"), INDEX);
    writeFileSync(path.join(root, "assets", "index-Bm72TbTw.js"), "console.log('app');\n");
    store = await backends.freshStore();
    app = await buildApp({ store, webRoot: root });
    bare = await buildApp({ store, webRoot: path.join(root, "missing") });
  });

  afterAll(async () => {
    await app.close();
    await bare.close();
    await backends.cleanup();
    rmSync(root, { recursive: true, force: true });
  });

  it("SRV-4: / is index.html, revalidated on every load, with the app's security headers", async () => {
    const r = await app.inject({ method: "GET", url: "/" });
    expect(r.statusCode).toBe(200);
    expect(r.headers["content-type"]).toMatch(/^text\/html/);
    expect(r.body).toBe(INDEX);
    expect(r.headers["cache-control"]).toBe("no-cache");
    for (const [name, value] of Object.entries(APP_SECURITY_HEADERS)) expect(r.headers[name]).toBe(value);
    expect(r.headers["content-security-policy"]).toMatch(/script-src 'self'(;|$)/);
  });

  it("SRV-4: hashed assets are cached for a year; a missing file is a 404", async () => {
    const asset = await app.inject({ method: "GET", url: "/assets/index-Bm72TbTw.js" });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers["content-type"]).toMatch(/javascript/);
    expect(asset.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect((await app.inject({ method: "GET", url: "/assets/nope-12345678.js" })).statusCode).toBe(404);
  });

  it("SRV-4: API routes keep precedence; an unknown API path is still a JSON 404", async () => {
    const health = await app.inject({ method: "GET", url: "/api/v1/health" });
    expect(health.json()).toEqual({ status: "ok" });
    expect(health.headers["content-security-policy"]).toBeUndefined();
    const unknown = await app.inject({ method: "GET", url: "/api/v1/nope" });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe("not_found");
    expect((await app.inject({ method: "GET", url: "/api/docs/" })).statusCode).toBe(200);
  });

  it("SRV-4: without a built app, / says to run npm run build", async () => {
    const r = await bare.inject({ method: "GET", url: "/" });
    expect(r.statusCode).toBe(503);
    expect(r.headers["content-type"]).toMatch(/^text\/plain/);
    expect(r.body).toMatch(/npm run build/);
    expect((await bare.inject({ method: "GET", url: "/api/v1/health" })).statusCode).toBe(200);
  });
});
