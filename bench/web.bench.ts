import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";
import { chromiumPresent, launchChromium } from "../test/web/support/browser.js";
import { serveStatic } from "../test/web/support/static-server.js";
import type { BenchReport } from "./harness.js";

const root = fileURLToPath(new URL("..", import.meta.url));

interface Recompute {
  total: number;
  read: number;
  price: number;
  views: number;
  afterView: number;
}

interface Drag {
  commitMedian: number;
  commitP95: number;
  frameMedian: number;
  frameP95: number;
  recomputeMedian: number;
}

/**
 * The web app's what-if recompute, measured in Chromium: the bench page
 * (src/web/bench/) times, with performance.now(), what the round builder runs when a
 * slider moves — the edited terms priced exactly on the cached cap table (priceRound)
 * and the pro-forma views — on synthetic cap tables of 1,000 and 10,000 holders; then
 * drags a slider of the real round builder, one step per frame. The page loads as the server
 * sends them are web-load.bench.ts's (`npm run bench -- web` runs both).
 */
export default async function (): Promise<readonly BenchReport[]> {
  if (!chromiumPresent()) {
    return [
      { name: "web app in Chromium", figures: [], notes: ["skipped: /usr/bin/chromium is not installed"] },
    ];
  }
  const out = mkdtempSync(join(tmpdir(), "roundtable-web-bench-"));
  await build({
    configFile: join(root, "src/web/vite.config.ts"),
    logLevel: "warn",
    build: {
      outDir: out,
      emptyOutDir: true,
      sourcemap: false,
      rollupOptions: { input: join(root, "src/web/bench/index.html") },
    },
  });
  const server = await serveStatic(out);
  const browser = await launchChromium();
  const reports: BenchReport[] = [];
  const load = `machine load average at start: ${loadavg()
    .map((l) => l.toFixed(1))
    .join(", ")} (1, 5, 15 min; figures grow with it on a shared machine)`;
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}bench/index.html`);
    for (const holders of [1_000, 10_000]) {
      const runs = holders > 5_000 ? 15 : 60;
      const r = (await page.evaluate(`window.roundtableBench.recompute(${holders}, ${runs})`)) as Recompute;
      const target = holders === 1_000 ? { target: "< 16 ms", met: r.total < 16 } : {};
      reports.push({
        name: `web recompute in Chromium, ${holders.toLocaleString("en-US")} holders, 20 SAFEs, pool top-up (median of ${runs})`,
        figures: [
          {
            label: "slider step: read terms, priceRound, the model's typed report",
            value: r.total,
            unit: "ms",
            ...target,
          },
          { label: "read the typed terms (amount parser)", value: r.read, unit: "ms" },
          { label: "priceRound on the cached cap table", value: r.price, unit: "ms" },
          {
            label: "the model's typed report (modelReportOf: per holder and class, before/after)",
            value: r.views,
            unit: "ms",
          },
          { label: "of which the cap-table view after the round", value: r.afterView, unit: "ms" },
        ],
        notes: [load, "Chromium coarsens performance.now() to 0.1 ms: 0 means under 0.1 ms"],
      });
    }
    for (const holders of [1_000, 10_000]) {
      const app = await browser.newPage({ viewport: { width: 1366, height: 900 } });
      await app.goto(`${server.url}bench/index.html`);
      await app.evaluate(`window.roundtableBench.mountApp(${holders})`);
      const idle = (await app.evaluate("window.roundtableBench.idleFrames(60)")) as number;
      const steps = holders > 5_000 ? 20 : 90;
      const d = (await app.evaluate(`window.roundtableBench.drag(${steps})`)) as Drag;
      reports.push({
        name: `round builder drag in Chromium, ${holders.toLocaleString("en-US")} holders (${steps} slider steps, one per frame)`,
        figures: [
          {
            label: "input to DOM commit, median (recompute + React render + commit)",
            value: d.commitMedian,
            unit: "ms",
            ...(holders === 1_000 ? { target: "< 16 ms", met: d.commitMedian < 16 } : {}),
          },
          { label: "input to DOM commit, 95th percentile", value: d.commitP95, unit: "ms" },
          { label: "recompute reported by the page, median", value: d.recomputeMedian, unit: "ms" },
          { label: "frame interval while dragging, median", value: d.frameMedian, unit: "ms" },
          { label: "frame interval while dragging, 95th percentile", value: d.frameP95, unit: "ms" },
          { label: "frame interval when idle (reference)", value: idle, unit: "ms" },
        ],
        notes: [
          "charts are drawn from a deferred value: they follow the figures and the table at a lower priority",
        ],
      });
      await app.close();
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(out, { recursive: true, force: true });
  }
  return reports;
}
