import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { build } from "vite";
import { type RunningServer, startServer } from "../src/server/serve.js";
import { chromiumPresent, launchChromium } from "../test/web/support/browser.js";
import type { BenchReport } from "./harness.js";

const root = fileURLToPath(new URL("..", import.meta.url));

/**
 * The web app as the server sends it and how fast its pages are ready in Chromium (the
 * `delivery` measurements below); `npm run bench -- web-load` runs only these.
 */
export default async function (): Promise<readonly BenchReport[]> {
  if (!chromiumPresent()) {
    return [
      {
        name: "web app delivery in Chromium",
        figures: [],
        notes: ["skipped: /usr/bin/chromium is not installed"],
      },
    ];
  }
  const browser = await launchChromium();
  try {
    return await delivery(browser);
  } finally {
    await browser.close();
  }
}

/** Bytes of a file, or undefined when it does not exist. */
function sizeOf(file: string): number | undefined {
  return existsSync(file) ? statSync(file).size : undefined;
}

interface PageLoad {
  readonly ms: number;
  readonly requests: number;
  readonly transferred: number;
  readonly scripts: readonly string[];
  /** The scripts requested after the view was drawn (ECharts with the first chart, WEB-20). */
  readonly later: readonly string[];
  /** Script bytes transferred before the view was drawn: what the first screen waits for. */
  readonly scriptBytesFirst: number;
}

/**
 * What the server sends of the web app, and how fast a page of it is ready: the production
 * build (`npm run build:web`'s configuration) served by the HTTP server itself (`roundtable
 * serve` on a temporary SQLite store with the demo workspace: the static route's
 * precompressed brotli and gzip copies, no source maps, and the API), each chunk's bytes raw
 * and compressed; then, in Chromium with its CPU slowed four times (CDP
 * Emulation.setCPUThrottlingRate), in a fresh browser context each time (an empty cache),
 * the median of five: the sign-in page, and a deal's page as a signed-in user opens its
 * address (the session cookie set, the demo deal's cap table), from navigation to the view's
 * table drawn.
 */
export async function delivery(browser: Browser): Promise<BenchReport[]> {
  // ROUNDTABLE_BENCH_WEB_ROOT measures a build made elsewhere (another commit's `npm run
  // build:web`, copied aside) with the same method, for before-and-after figures.
  const given = process.env.ROUNDTABLE_BENCH_WEB_ROOT;
  const out = given ? resolve(given) : mkdtempSync(join(tmpdir(), "roundtable-web-delivery-"));
  const data = mkdtempSync(join(tmpdir(), "roundtable-web-delivery-data-"));
  let server: RunningServer | undefined;
  try {
    if (!given)
      await build({
        configFile: join(root, "src/web/vite.config.ts"),
        logLevel: "warn",
        build: { outDir: out, emptyOutDir: true },
      });
    let printed = "";
    server = await startServer({
      backend: { kind: "sqlite", file: join(data, "roundtable.sqlite") },
      port: 0,
      host: "127.0.0.1",
      demo: true,
      trustProxy: false,
      logLevel: "warn",
      version: "bench",
      webRoot: out,
      print: (text) => {
        printed += text;
      },
    });
    const password = /password\s+(\S{20})\s/.exec(printed)?.[1];
    if (!password) throw new Error(`the demo password was not printed: ${printed}`);
    const url = `${server.url}/`;

    const files = [
      "index.html",
      ...readdirSync(join(out, "assets"))
        .filter((f) => /\.(js|css)$/.test(f))
        .map((f) => `assets/${f}`),
    ];
    const chunks = files
      .map((f) => ({
        name: f.replace(/-[A-Za-z0-9_-]{8,}(\.[a-z]+)$/, "$1"),
        raw: statSync(join(out, f)).size,
        br: sizeOf(join(out, `${f}.br`)),
        gz: sizeOf(join(out, `${f}.gz`)),
      }))
      .sort((a, b) => b.raw - a.raw);
    const maps = readdirSync(join(out, "assets")).filter((f) => f.endsWith(".map")).length;
    const kb = (n: number | undefined) => (n === undefined ? "—" : `${(n / 1024).toFixed(1)} KB`);
    const total = (k: "raw" | "br" | "gz") => chunks.reduce((sum, c) => sum + (c[k] ?? c.raw), 0);

    const loadPage = async (hash: string, ready: string, signedIn: boolean): Promise<PageLoad> => {
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: "en-US" });
      if (signedIn) {
        // The session a user has from an earlier sign-in: its cookie is in the browser.
        const login = await context.request.post(`${url}api/v1/auth/login`, {
          data: { username: "demo", password },
        });
        if (!login.ok()) throw new Error(`demo sign-in failed: ${login.status()} ${await login.text()}`);
      }
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
      // The moment the view's element enters the document, taken in the page by a mutation
      // observer (React's commit; the paint follows within the frame): not when the test
      // driver, slowed with the page, next looks. The observer tells the driver through a
      // binding: the driver does not poll the page (Playwright's waitForSelector installs its
      // selector engine in the page and checks on every frame, on the page's slowed main
      // thread, as the page loads — work a user's browser does not do).
      let drawn!: () => void;
      const viewDrawn = new Promise<void>((resolve) => {
        drawn = resolve;
      });
      await page.exposeBinding("__roundtableViewDrawn", () => drawn());
      await page.addInitScript(`(() => {
        const selector = ${JSON.stringify(ready)};
        const observer = new MutationObserver(() => {
          if (window.__viewDrawnAt === undefined && document.querySelector(selector)) {
            window.__viewDrawnAt = performance.now();
            observer.disconnect();
            window.__roundtableViewDrawn();
          }
        });
        observer.observe(document, { childList: true, subtree: true });
      })()`);
      // The address as a user opens it: a production build uses the server's API.
      await page.goto(`${url}#${hash}`, { waitUntil: "commit" });
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        viewDrawn,
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`${hash}: ${ready} was not drawn within 60 s`)), 60_000);
        }),
      ]).finally(() => clearTimeout(timer));
      await page.waitForLoadState("networkidle").catch(() => undefined);
      // Resource Timing (same origin: sizes as transferred, compressed, headers included).
      const seen = (await page.evaluate(`({
        drawnAt: window.__viewDrawnAt,
        document: performance.getEntriesByType("navigation")[0]?.transferSize ?? 0,
        resources: performance.getEntriesByType("resource").map((e) => ({
          name: e.name, start: e.startTime, bytes: e.transferSize,
        })),
      })`)) as {
        drawnAt: number;
        document: number;
        resources: { name: string; start: number; bytes: number }[];
      };
      await context.close();
      const ms = seen.drawnAt;
      const file = (name: string) => new URL(name).pathname.replace(/^.*\//, "");
      const js = seen.resources.filter((r) => /\.js$/.test(new URL(r.name).pathname));
      const scripts = js.filter((r) => r.start < ms).map((r) => file(r.name));
      const later = js.filter((r) => r.start >= ms).map((r) => file(r.name));
      const scriptBytesFirst = js.filter((r) => r.start < ms).reduce((sum, r) => sum + r.bytes, 0);
      const transferred = seen.document + seen.resources.reduce((sum, r) => sum + r.bytes, 0);
      const requests = 1 + seen.resources.length;
      return { ms, requests, transferred, scripts, later, scriptBytesFirst };
    };
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    // The sign-in page as a production user gets it; the demo deal's page (the founding
    // report's round, 7 holders) as its signed-in owner opens its address.
    const pages: { name: string; hash: string; ready: string; signedIn: boolean }[] = [
      { name: "sign-in page", hash: "/login", ready: "#login-username", signedIn: false },
      {
        name: "deal page (cap table), signed in",
        hash: "/w/demo/d/openai-round/captable",
        ready: "#captable-table tbody tr",
        signedIn: true,
      },
    ];
    const loads: BenchReport[] = [];
    for (const p of pages) {
      // One load first, not counted: the server's worker threads load the engine on their first
      // computation (from source under tsx, compiling it), as a running server already has.
      await loadPage(p.hash, p.ready, p.signedIn);
      const loadBefore = loadavg();
      const runs: PageLoad[] = [];
      for (let i = 0; i < 5; i++) runs.push(await loadPage(p.hash, p.ready, p.signedIn));
      const loadAfter = loadavg();
      const last = runs.at(-1)!;
      loads.push({
        name: `web app initial load in Chromium, ${p.name}, CPU slowed 4× (median of 5, empty browser cache)`,
        figures: [
          {
            label: "navigation to the view drawn",
            value: median(runs.map((r) => r.ms)),
            unit: "ms",
            ...(p.name.startsWith("deal")
              ? { target: "< 1000 ms", met: median(runs.map((r) => r.ms)) < 1000 }
              : {}),
          },
          {
            label: "bytes transferred by then and until the network is idle",
            value: Math.round(last.transferred / 1024),
            unit: "KB",
          },
          {
            label: "script bytes transferred before the view was drawn",
            value: Math.round(median(runs.map((r) => r.scriptBytesFirst)) / 1024),
            unit: "KB",
          },
          { label: "requests", value: last.requests, unit: "" },
        ],
        notes: [
          `machine load average (1, 5, 15 min) before the runs: ${loadBefore.map((l) => l.toFixed(2)).join(", ")}; after: ${loadAfter.map((l) => l.toFixed(2)).join(", ")} (figures grow with it on a shared machine)`,
          `each run (after one load not counted): ${runs.map((r) => r.ms.toFixed(0)).join(", ")} ms`,
          `scripts before the view was drawn (${(last.scriptBytesFirst / 1024).toFixed(1)} KB transferred): ${last.scripts.join(", ")}`,
          `scripts after it: ${last.later.join(", ") || "none"}`,
        ],
      });
    }
    return [
      {
        name: `web app bundle as the server sends it (production build, precompressed${given ? `, from ${out}` : ""})`,
        figures: [
          {
            label: "all scripts, styles and the page, raw",
            value: Math.round(total("raw") / 1024),
            unit: "KB",
          },
          { label: "the same, brotli", value: Math.round(total("br") / 1024), unit: "KB" },
          { label: "the same, gzip", value: Math.round(total("gz") / 1024), unit: "KB" },
          { label: "source maps in the build", value: maps, unit: "files", target: "= 0", met: maps === 0 },
        ],
        notes: [
          "per chunk (raw / brotli / gzip):",
          ...chunks.map((c) => `  ${c.name}: ${kb(c.raw)} / ${kb(c.br)} / ${kb(c.gz)}`),
          "files under 1 KB are sent as they are",
        ],
      },
      ...loads,
    ];
  } finally {
    await server?.close();
    if (!given) rmSync(out, { recursive: true, force: true });
    rmSync(data, { recursive: true, force: true });
  }
}
