import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { build } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningServer, startServer } from "../../../src/server/serve.js";
import { CHROMIUM, chromiumPresent, launchChromium } from "../support/browser.js";

const root = join(import.meta.dirname, "../../..");
const present = chromiumPresent();
if (!present) {
  console.log(`server browser test skipped: ${CHROMIUM} is not installed (apt-get install -y chromium)`);
}

/**
 * A real server (SPEC SRV-4) on a temporary SQLite data folder with the demo seeding, the
 * web app built into a temporary folder and served by it, and Chromium: what `npm start`
 * gives a user.
 */
describe.skipIf(!present)("SRV-4 the served web app in Chromium, against a real server", () => {
  let browser: Browser;
  let server: RunningServer;
  let dataDir: string;
  let webDir: string;
  let printed = "";

  beforeAll(async () => {
    webDir = mkdtempSync(join(tmpdir(), "roundtable-served-web-"));
    dataDir = mkdtempSync(join(tmpdir(), "roundtable-served-data-"));
    await build({
      configFile: join(root, "src/web/vite.config.ts"),
      logLevel: "warn",
      build: { outDir: webDir, emptyOutDir: true, sourcemap: false },
    });
    server = await startServer({
      backend: { kind: "sqlite", file: join(dataDir, "roundtable.sqlite") },
      port: 0,
      host: "127.0.0.1",
      demo: true,
      trustProxy: false,
      logLevel: "warn",
      version: "test",
      webRoot: webDir,
      print: (text) => {
        printed += text;
      },
    });
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    for (const dir of [webDir, dataDir]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** A page that records script errors and Content Security Policy refusals. */
  async function newPage(): Promise<Page & { problems: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: "en-US" });
    const page = (await context.newPage()) as Page & { problems: string[] };
    page.setDefaultTimeout(8_000);
    page.problems = [];
    page.on("pageerror", (e) => page.problems.push(e.message));
    page.on("console", (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) page.problems.push(m.text());
    });
    return page;
  }

  /** Signs in through the app's form, with a user name as the server's accounts have. */
  async function signIn(page: Page, username: string, password: string) {
    await page.locator("#login-username").fill(username);
    await page.locator("#login-password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Workspaces" }).waitFor();
  }

  it("SRV-4 logs in as the demo user, opens a cap table, saves a round edit that a reload shows and the stored workspace's capital flows follow; an investor sees only their holdings", async () => {
    const password = /password\s+(\S{20})\s/.exec(printed)?.[1];
    expect(password, printed).toBeDefined();
    const page = await newPage();
    // The server's API, as a production build uses by default (built under the test runner,
    // the app would default to the examples in memory).
    await page.goto(`${server.url}/?data=http`);
    await signIn(page, "demo", password!);
    await page.getByRole("link", { name: "Demo" }).click();
    await page.getByRole("link", { name: "openai-round", exact: true }).click();
    await page.getByRole("heading", { name: "OpenAI Group PBC — cap table" }).waitFor();
    // The figure is the API's own cap table of the stored deal.
    const api = await page.request.get(`${server.url}/api/v1/workspaces/demo/deals/openai-round/captable`);
    const totals = (await api.json()).totals as { fullyDiluted: string };
    const footer = await page.locator("#captable-table tfoot td").allTextContents();
    expect(footer[4]!.replaceAll(",", "")).toBe(totals.fullyDiluted);

    await page.getByRole("link", { name: "Round: 2026 mega-round" }).click();
    const amazon = page.getByLabel("Amazon’s amount", { exact: true });
    await amazon.fill("$22B");
    await amazon.press("Enter");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("Saved as version 2.").waitFor();
    await page.reload();
    await page.getByLabel("Amazon’s amount", { exact: true }).waitFor();
    expect(await page.getByLabel("Amazon’s amount", { exact: true }).inputValue()).toBe("$22B");
    const stored = await page.request.get(`${server.url}/api/v1/workspaces/demo/deals/openai-round`);
    expect((await stored.json()).version).toBe(2);
    expect(page.problems).toEqual([]);

    // The stored workspace names the stored deal (file: openai-round.yaml), now at version 2:
    // the capital-flows view shows what the API's flows report of the workspace says.
    const flows = await (
      await page.request.get(`${server.url}/api/v1/workspaces/demo/deals/ai-ecosystem/flows`)
    ).json();
    const amazonIn = (flows.investments as { investor: string; gross: string }[]).find(
      (m) => m.investor === "amazon",
    )!;
    // Amazon's $22B saved above, bought in whole shares at the round's price.
    expect(BigInt(amazonIn.gross) <= 22_000_000_000n && BigInt(amazonIn.gross) > 21_999_000_000n).toBe(true);
    await page.goto(`${server.url}/?data=http#/w/demo`);
    await page.getByRole("link", { name: "ai-ecosystem", exact: true }).click();
    const amazonRow = page.locator('#flows-investments tr[data-investment="amazon@openai/round-2026"] td');
    await amazonRow.first().waitFor();
    expect((await amazonRow.nth(1).textContent())!.replace(/[$,]/g, "")).toBe(amazonIn.gross);
    expect(page.problems).toEqual([]);

    // An investor linked to Amazon: the owner adds them; they see Amazon's holdings alone.
    const csrf = (await (await page.request.get(`${server.url}/api/v1/auth/me`)).json()).csrfToken as string;
    const headers = { "x-csrf-token": csrf };
    const created = await page.request.post(`${server.url}/api/v1/users`, {
      headers,
      data: { username: "amazon-ir", password: "a long enough password" },
    });
    expect(created.status()).toBe(201);
    const member = await page.request.put(`${server.url}/api/v1/workspaces/demo/members/amazon-ir`, {
      headers,
      data: { role: "investor", stakeholders: ["amazon"] },
    });
    expect(member.status()).toBe(200);
    // The round's price is shared, so that the investor's own investment can be priced.
    const shared = await page.request.put(`${server.url}/api/v1/workspaces/demo/settings`, {
      headers,
      data: { sharedAggregates: ["round_price"] },
    });
    expect(shared.status()).toBe(200);
    await page.context().close();

    const investor = await newPage();
    await investor.goto(`${server.url}/?data=http`);
    await signIn(investor, "amazon-ir", "a long enough password");
    await investor.getByRole("link", { name: "Demo" }).click();
    await investor.getByRole("link", { name: "openai-round", exact: true }).click();
    await investor.getByRole("heading", { name: "OpenAI Group PBC — cap table" }).waitFor();
    const rows = await investor
      .locator("#captable-table tbody tr")
      .evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-id")));
    expect(rows).toEqual(["amazon"]);
    expect(investor.problems).toEqual([]);
    await investor.context().close();
  }, 30_000);
});
