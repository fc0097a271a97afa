import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { build } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM, chromiumPresent, launchChromium } from "../support/browser.js";
import { serveStatic } from "../support/static-server.js";

const root = join(import.meta.dirname, "../../..");
const screenshots = join(root, "artifacts/screenshots/layout");
const present = chromiumPresent();
if (!present) {
  console.log(`layout browser tests skipped: ${CHROMIUM} is not installed (apt-get install -y chromium)`);
}

/** The supported widths: a phone, a tablet and a desktop (SPEC WEB-17). */
const WIDTHS = [390, 768, 1440] as const;

interface ViewCase {
  readonly name: string;
  readonly hash: string;
  /** What shows that the view has drawn its content. */
  readonly ready: string;
  /** Steps after the view is shown (a simulation run). */
  readonly prepare?: (page: Page) => Promise<void>;
}

const DEAL = "/w/examples/d/openai-round";
const VIEWS: readonly ViewCase[] = [
  { name: "login", hash: "/login", ready: "#login-username" },
  { name: "deals", hash: "/w/examples", ready: "main h1" },
  { name: "captable", hash: `${DEAL}/captable`, ready: "#captable-table" },
  { name: "round-builder", hash: `${DEAL}/round/round-2026`, ready: "#figure-post-money-exact" },
  { name: "claims", hash: `${DEAL}/claims`, ready: ".source-card" },
  { name: "scenarios", hash: `${DEAL}/scenarios`, ready: "#scenarios-table" },
  {
    name: "monte-carlo",
    hash: `${DEAL}/simulate`,
    ready: "input[id$='-runs']",
    prepare: async (page) => {
      await page.locator("input[id$='-runs']").fill("2000");
      await page.locator("input[id$='-seed']").fill("7");
      await page.locator("section .buttons button").first().click();
      await page.locator("#simulation-table").waitFor({ timeout: 20_000 });
    },
  },
  { name: "exit", hash: `${DEAL}/exit`, ready: "#exit-breakpoints" },
  { name: "flows", hash: "/w/examples/d/ai-ecosystem/flows", ready: "#flows-net-cash" },
  { name: "exposure", hash: "/w/examples/d/ai-ecosystem/exposure", ready: "#exposure-table" },
  { name: "members", hash: "/w/examples/access", ready: "#members-table" },
  { name: "workspaces", hash: "/", ready: "#workspaces-title" },
  { name: "editor", hash: `${DEAL}/edit`, ready: "#edit-title" },
  { name: "history", hash: `${DEAL}/history`, ready: "section.history table" },
  { name: "new-deal", hash: "/w/examples/new", ready: "#new-deal-title" },
  { name: "import", hash: "/w/examples/import", ready: "input[type='file']" },
];

interface Measured {
  readonly scrollWidth: number;
  readonly innerWidth: number;
  /** Elements whose right edge passes the viewport's (the first few, to name what overflows). */
  readonly wide: string[];
  /** Captions of tables in a sideways-scrolling box that pass the box's edges (cut on a phone). */
  readonly captions: string[];
  readonly charts: {
    readonly title: string;
    readonly width: number;
    readonly height: number;
    readonly outside: string[];
    readonly overlapping: string[];
  }[];
}

/**
 * Runs in the page: the document's width against the viewport, and every chart's text
 * boxes as ECharts laid them out (window.roundtableLabelBoxes) against its canvas, and
 * against each other.
 */
const MEASURE = `(() => {
  const wide = [];
  for (const el of document.querySelectorAll("body *")) {
    const r = el.getBoundingClientRect();
    if (r.right > window.innerWidth + 0.5 && wide.length < 8) {
      let inScroll = false;
      for (let p = el.parentElement; p; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if (o === "auto" || o === "scroll" || o === "hidden") { inScroll = true; break; }
      }
      if (!inScroll) wide.push(el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (el.className && typeof el.className === "string" ? "." + el.className.split(" ").join(".") : "") + " right=" + Math.round(r.right));
    }
  }
  const charts = [];
  for (const el of document.querySelectorAll(".chart-canvas[role=img]")) {
    const m = window.roundtableLabelBoxes && window.roundtableLabelBoxes(el);
    if (!m) { charts.push({ title: el.getAttribute("aria-label"), width: 0, height: 0, outside: ["no chart drawn"], overlapping: [] }); continue; }
    const outside = [];
    const overlapping = [];
    const e = 0.5;
    for (const b of m.boxes) {
      if (b.x < -e || b.y < -e || b.x + b.width > m.width + e || b.y + b.height > m.height + e)
        outside.push(JSON.stringify(b.text) + " at " + [b.x, b.y, b.width, b.height].map(Math.round).join(","));
    }
    for (let i = 0; i < m.boxes.length; i++)
      for (let j = i + 1; j < m.boxes.length; j++) {
        const a = m.boxes[i], b = m.boxes[j];
        const ox = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
        const oy = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
        if (ox > 1 && oy > 1) overlapping.push(JSON.stringify(a.text) + " / " + JSON.stringify(b.text));
      }
    charts.push({ title: el.getAttribute("aria-label"), width: m.width, height: m.height, outside, overlapping });
  }
  const captions = [];
  for (const box of document.querySelectorAll(".table-scroll")) {
    const b = box.getBoundingClientRect();
    for (const c of box.querySelectorAll(":scope > table > caption")) {
      const r = c.getBoundingClientRect();
      if (r.width > 0 && (r.left < b.left - 0.5 || r.right > b.right + 0.5))
        captions.push(JSON.stringify(c.textContent.slice(0, 60)) + " " + Math.round(r.width) + " px in a box of " + Math.round(b.width));
    }
  }
  return { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, wide, charts, captions };
})()`;

describe.skipIf(!present)("WEB-17 every view at a phone's, a tablet's and a desktop's width", () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveStatic>>;
  let out: string;

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), "roundtable-web-layout-"));
    await build({
      configFile: join(root, "src/web/vite.config.ts"),
      logLevel: "warn",
      build: { outDir: out, emptyOutDir: true, sourcemap: false },
    });
    server = await serveStatic(out);
    browser = await launchChromium();
    mkdirSync(screenshots, { recursive: true });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (out) rmSync(out, { recursive: true, force: true });
  });

  /** Waits until every chart of the page is drawn (ECharts loads with the first chart). */
  async function chartsDrawn(page: Page) {
    await page.waitForFunction(
      `Array.from(document.querySelectorAll(".chart-canvas")).every((el) => el.getAttribute("role") === "img" && window.roundtableLabelBoxes && window.roundtableLabelBoxes(el))`,
      undefined,
      { timeout: 10_000 },
    );
  }

  for (const [language, locale] of [
    ["en", "en-US"],
    ["fr", "fr-FR"],
  ] as const) {
    it(`WEB-17 no view is wider than the viewport, no table's caption is cut by its scroll box and no chart clips or overlaps a label, in ${language}, at ${WIDTHS.join(", ")} px`, async () => {
      const context = await browser.newContext({ viewport: { width: WIDTHS[0], height: 844 }, locale });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (e) => errors.push(e.message));
      const failures: string[] = [];
      for (const view of VIEWS) {
        await page.setViewportSize({ width: WIDTHS[0], height: 844 });
        await page.goto(`${server.url}?data=memory#${view.hash}`);
        await page.locator(view.ready).first().waitFor({ timeout: 15_000 });
        await view.prepare?.(page);
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: width < 800 ? 844 : 900 });
          // The charts follow their container's width through a ResizeObserver.
          await page.waitForTimeout(250);
          await chartsDrawn(page);
          const m = (await page.evaluate(MEASURE)) as Measured;
          const where = `${view.name} (${language}, ${width} px)`;
          if (m.scrollWidth > m.innerWidth)
            failures.push(`${where}: page ${m.scrollWidth} px wide > ${m.innerWidth}: ${m.wide.join("; ")}`);
          if (m.captions.length > 0)
            failures.push(`${where}: captions cut by their box: ${m.captions.join("; ")}`);
          for (const chart of m.charts) {
            if (chart.outside.length > 0)
              failures.push(`${where}: chart "${chart.title}" clips ${chart.outside.join("; ")}`);
            if (chart.overlapping.length > 0)
              failures.push(`${where}: chart "${chart.title}" overlaps ${chart.overlapping.join("; ")}`);
          }
          await page.screenshot({
            path: join(screenshots, `${view.name}-${language}-${width}.png`),
            fullPage: true,
          });
        }
      }
      expect(failures).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    }, 180_000);
  }

  it("WEB-10 every drawn chart downloads as PNG and as SVG", async () => {
    const context = await browser.newContext({
      viewport: { width: 1440, height: 900 },
      locale: "en-US",
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await page.goto(`${server.url}?data=memory#${DEAL}/scenarios`);
    await page.locator("#scenarios-table").waitFor({ timeout: 15_000 });
    await chartsDrawn(page);
    const figure = page.getByRole("figure", { name: /^Price per share per scenario/ });
    const png = page.waitForEvent("download");
    await figure
      .getByRole("button", { name: "Download the chart “Price per share per scenario” as PNG" })
      .click();
    const pngFile = await png;
    expect(pngFile.suggestedFilename()).toBe("price-per-share-per-scenario.png");
    const pngBytes = readFileSync((await pngFile.path())!);
    // The PNG signature, and an image at twice the canvas's pixels.
    expect([...pngBytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const canvasWidth = await figure.locator(".chart-canvas").evaluate((el) => el.clientWidth);
    expect(pngBytes.readUInt32BE(16)).toBe(canvasWidth * 2);
    const svg = page.waitForEvent("download");
    await figure
      .getByRole("button", { name: "Download the chart “Price per share per scenario” as SVG" })
      .click();
    const svgFile = await svg;
    expect(svgFile.suggestedFilename()).toBe("price-per-share-per-scenario.svg");
    const svgText = readFileSync((await svgFile.path())!, "utf8");
    expect(svgText.startsWith("<svg")).toBe(true);
    // The SVG draws the same chart: its categories are the scenarios' names.
    const categories = await page.locator("#scenarios-table thead th[data-scenario]").allTextContents();
    expect(categories.length).toBeGreaterThan(0);
    for (const name of categories) expect(svgText).toContain(name);
    await context.close();
  }, 60_000);
});
