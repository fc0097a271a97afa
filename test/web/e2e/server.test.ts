import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { build } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exit as exitUseCase } from "../../../src/app/exit.js";
import { parseInput } from "../../../src/app/use-case.js";
import { compactMoney } from "../../../src/core/exact/money.js";
import { Rational } from "../../../src/core/exact/rational.js";
import { loadDeal } from "../../../src/deal/load.js";
import { type RunningServer, startServer } from "../../../src/server/serve.js";
import { formatFixed, formatMoney, formatPercent } from "../../../src/web/i18n/number-format.js";
import { cli } from "../../support/cli.js";
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
    // The cell reads as people read it ($22B); its title holds the amount to the dollar.
    expect(await amazonRow.nth(1).textContent()).toBe("$22B");
    expect((await amazonRow.nth(1).getAttribute("title"))!.replace(/[$,]/g, "")).toBe(amazonIn.gross);
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

  it("WEB-20 a signed-in user's deal address draws the cap table from the server's report, without the deal's loader, the engine or ECharts; a round's tab loads them", async () => {
    const password = /password\s+(\S{20})\s/.exec(printed)?.[1];
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: "en-US" });
    const login = await context.request.post(`${server.url}/api/v1/auth/login`, {
      data: { username: "demo", password },
    });
    expect(login.status()).toBe(200);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("pageerror", (e) => problems.push(e.message));
    // The moment the table's first row enters the document, taken in the page.
    await page.addInitScript(`(() => {
      const observer = new MutationObserver(() => {
        if (window.__drawnAt === undefined && document.querySelector("#captable-table tbody tr")) {
          window.__drawnAt = performance.now();
          observer.disconnect();
        }
      });
      observer.observe(document, { childList: true, subtree: true });
    })()`);
    // The server's API, as a production build uses by default (built under the test runner,
    // the app would default to the examples in memory).
    await page.goto(`${server.url}/?data=http#/w/demo/d/openai-round/captable`);
    await page.locator("#captable-table tbody tr").first().waitFor();
    const { drawnAt, scripts } = (await page.evaluate(`({
      drawnAt: window.__drawnAt,
      scripts: performance.getEntriesByType("resource")
        .filter((e) => new URL(e.name).pathname.endsWith(".js"))
        .map((e) => ({ url: e.name, start: e.startTime })),
    })`)) as { drawnAt: number; scripts: { url: string; start: number }[] };
    const before = scripts.filter((s) => s.start < drawnAt).map((s) => s.url);
    expect(before.length).toBeGreaterThan(0);
    // Markers of what must not be on the path: the deal format's schema (its loader), the
    // round engine's messages, and ECharts.
    const markers = ["The round's display name.", "names no class to sell", "getZr"];
    for (const url of before) {
      const text = await (await context.request.get(url)).text();
      for (const marker of markers) expect(text.includes(marker), `${url} holds "${marker}"`).toBe(false);
    }
    // The figures are the server's cap table of the stored deal, to the share.
    const api = await (
      await context.request.get(`${server.url}/api/v1/workspaces/demo/deals/openai-round/captable`)
    ).json();
    const ids = await page
      .locator("#captable-table tbody tr")
      .evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-id")));
    expect(ids).toEqual((api.holders as { id: string }[]).slice(0, ids.length).map((h) => h.id));
    const footer = await page.locator("#captable-table tfoot td").allTextContents();
    expect(footer[4]!.replaceAll(",", "")).toBe(api.totals.fullyDiluted);
    // A round's tab loads the deal in the page; the cap table then still shows the same figures.
    await page.getByRole("link", { name: "Round: 2026 mega-round" }).click();
    await page.getByLabel("Amazon’s amount", { exact: true }).waitFor();
    await page.getByRole("link", { name: "Cap table", exact: true }).click();
    await page.locator("#captable-table tbody tr").first().waitFor();
    expect((await page.locator("#captable-table tfoot td").allTextContents())[4]!.replaceAll(",", "")).toBe(
      api.totals.fullyDiluted,
    );
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);

  it("WEB-24 an owner lists the documents shared from a deal with their size, downloads one and withdraws it after a confirmation, in English and French, at a phone's width too", async () => {
    const password = /password\s+(\S{20})\s/.exec(printed)?.[1];
    const page = await newPage();
    await page.goto(`${server.url}/?data=http`);
    await signIn(page, "demo", password!);
    await page.goto(`${server.url}/?data=http#/w/demo/d/openai-round/captable`);
    await page.getByText("Share with investors", { exact: true }).click();
    // The selects' names are their labels' text with the chosen option's.
    await page.locator("details.share-with-investors select").nth(0).selectOption("captable");
    await page.locator("details.share-with-investors select").nth(1).selectOption("xlsx");
    await page.getByRole("button", { name: "Share", exact: true }).click();
    const done = (await page.getByRole("status").filter({ hasText: "Shared:" }).textContent())!;
    const title = /^Shared: (.+)\.$/.exec(done)![1]!;
    const listed = (
      await (await page.request.get(`${server.url}/api/v1/workspaces/demo/shared-documents`)).json()
    ).sharedDocuments as { id: string; title: string; file: string; withdrawnAt: string | null }[];
    const shared = listed.find((d) => d.title === title && d.withdrawnAt === null)!;
    expect(shared).toBeDefined();
    const row = page.locator(`#shared-from-deal tr[data-shared-document="${shared.id}"]`);
    await row.waitFor();
    // The size shown is the file's, as downloaded; the link downloads that file.
    const file = await page.request.get(`${server.url}${shared.file}`);
    expect(file.status()).toBe(200);
    const bytes = (await file.body()).length;
    await row.locator(`td[data-size="${bytes}"]`).waitFor();
    expect(await row.locator("a[download]").getAttribute("href")).toBe(shared.file);
    expect(await row.locator("td").nth(2).textContent()).toBe("every investor member");

    // Withdrawing asks first; cancelling leaves it shared.
    const withdraw = row.getByRole("button", { name: `Withdraw ${title}` });
    await withdraw.click();
    await row.getByText(`Withdraw “${title}”? Investors will no longer see or download it.`).waitFor();
    await row.getByRole("button", { name: "Cancel" }).click();
    await withdraw.waitFor();
    await withdraw.click();
    await row.getByRole("button", { name: "Yes, withdraw" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: `Withdrawn: ${title}.` })
      .waitFor();
    await row.getByText(/^Withdrawn on /).waitFor();
    mkdirSync(join(root, "artifacts/screenshots/layout"), { recursive: true });
    await page.locator("details.share-with-investors").screenshot({
      path: join(root, "artifacts/screenshots/layout/shared-documents-en-1366.png"),
    });
    const after = (
      await (await page.request.get(`${server.url}/api/v1/workspaces/demo/shared-documents`)).json()
    ).sharedDocuments as { id: string; withdrawnAt: string | null }[];
    expect(after.find((d) => d.id === shared.id)!.withdrawnAt).not.toBeNull();
    expect((await page.request.get(`${server.url}${shared.file}`)).status()).toBe(200);

    // In French, at a phone's width: the same list, in French, inside the page's width.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator("header select").selectOption("fr");
    await page.getByRole("heading", { name: "Partagés depuis cette opération" }).waitFor();
    await row.getByText(/^Retiré le /).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(
      true,
    );
    await page.locator("details.share-with-investors").screenshot({
      path: join(root, "artifacts/screenshots/layout/shared-documents-fr-390.png"),
    });
    expect(page.problems).toEqual([]);
    await page.context().close();
  }, 60_000);

  it("WEB-23 an investor's own view: its payout at an exit equals `roundtable exit` for its holder, its dilution per scenario is the API's, nothing of other holders, at a phone's, a tablet's and a desktop's width in both languages", async () => {
    const password = /password\s+(\S{20})\s/.exec(printed)?.[1];
    const owner = await newPage();
    await owner.goto(`${server.url}/?data=http`);
    await signIn(owner, "demo", password!);
    const csrf = (await (await owner.request.get(`${server.url}/api/v1/auth/me`)).json()).csrfToken as string;
    const headers = { "x-csrf-token": csrf };
    expect(
      (
        await owner.request.post(`${server.url}/api/v1/users`, {
          headers,
          data: { username: "amazon-lp", password: "another long enough password" },
        })
      ).status(),
    ).toBe(201);
    expect(
      (
        await owner.request.put(`${server.url}/api/v1/workspaces/demo/members/amazon-lp`, {
          headers,
          data: { role: "investor", stakeholders: ["amazon"] },
        })
      ).status(),
    ).toBe(200);
    // The round's price is shared, so that the investor's own document prices what it invested.
    expect(
      (
        await owner.request.put(`${server.url}/api/v1/workspaces/demo/settings`, {
          headers,
          data: { sharedAggregates: ["round_price"] },
        })
      ).status(),
    ).toBe(200);
    // `roundtable exit` on the stored deal as its owner reads it, at the exit values the investor types.
    const stored = (await (
      await owner.request.get(`${server.url}/api/v1/workspaces/demo/deals/openai-round`)
    ).json()) as { document: unknown };
    const file = join(dataDir, "openai-round-stored.json");
    writeFileSync(file, JSON.stringify(stored.document));
    const exit = await cli(["exit", file, "--at", "$1T; $2.5T", "--format", "json"]);
    // What Amazon invested, as the exit statement of the whole deal counts it (REP-6a).
    const whole = loadDeal(JSON.stringify(stored.document), "openai-round.json");
    if (!whole.ok) throw new Error(whole.diagnostics[0]!.message);
    const statementInput = parseInput(exitUseCase, { statement: "true", at: "$1T; $2.5T" });
    if (!statementInput.ok) throw new Error("statement input");
    const statement = await exitUseCase.run(whole.deal, statementInput.value);
    if (!statement.ok || statement.value.kind !== "statement") throw new Error("statement");
    const invested = statement.value.invested.find((h) => h.holder.id === "amazon")!.invested!;
    expect(invested.isPositive()).toBe(true);
    expect(exit.code, exit.stderr).toBe(0);
    const cliOutcomes = JSON.parse(exit.stdout).outcomes as {
      exitValue: string;
      holders: { id: string; total: string }[];
    }[];
    // Amazon's dilution in each scenario as the owner sees it; a deal whose round amounts are
    // all exact has one, the model's (the first test leaves the stored deal so).
    const scenariosAnswer = await owner.request.get(
      `${server.url}/api/v1/workspaces/demo/deals/openai-round/scenarios`,
    );
    const ownerScenarios: { scenario: string; holders: { id: string; dilution: string | null }[] }[] =
      scenariosAnswer.status() === 200
        ? (await scenariosAnswer.json()).scenarios
        : [
            {
              scenario: "as stated",
              holders: (
                await (
                  await owner.request.get(`${server.url}/api/v1/workspaces/demo/deals/openai-round/model`)
                ).json()
              ).holders,
            },
          ];
    // SRV-SHARE-1: the owner shares the stored pro forma as a PDF with every investor member.
    const shared = await owner.request.post(`${server.url}/api/v1/workspaces/demo/shared-documents`, {
      headers,
      data: { deal: "openai-round", report: "model", format: "pdf" },
    });
    expect(shared.status(), await shared.text()).toBe(201);
    const sharedDocument = (await shared.json()).sharedDocument as { id: string; title: string };
    const ownersFile = await (
      await owner.request.get(`${server.url}/api/v1/workspaces/demo/deals/openai-round/model?format=pdf`)
    ).body();
    await owner.context().close();

    const page = await newPage();
    await page.goto(`${server.url}/?data=http`);
    await signIn(page, "amazon-lp", "another long enough password");
    await page.goto(`${server.url}/?data=http#/w/demo/d/openai-round/mine`);
    await page
      .locator("#investor-scenarios")
      .waitFor()
      .catch(async (e) => {
        throw new Error(`${e}: the page shows ${await page.locator("main").textContent()}`);
      });
    await page.getByLabel("Exit values").fill("$1T; $2.5T");
    await page.getByRole("button", { name: "Show my payouts" }).click();
    await page.locator("#investor-payouts").waitFor();
    for (const outcome of cliOutcomes) {
      const amazon = outcome.holders.find((h) => h.id === "amazon")!;
      const cell = page.locator(
        `#investor-payouts tr[data-holder="amazon"][data-exit="${Rational.parse(outcome.exitValue)!.toDecimalString(18)}"] td[data-cell="payout"]`,
      );
      // Compact as a reader reads it; the exact amount, to the dollar or the cent, in the title.
      const total = {
        kind: "money" as const,
        currency: "USD" as never,
        amount: Rational.parse(amazon.total)!,
      };
      expect(await cell.textContent()).toBe(compactMoney(total, "en"));
      expect(await cell.getAttribute("title")).toBe(
        formatMoney(total, amazon.total.includes(".") ? 2 : 0, "en"),
      );
      const multiple = page.locator(
        `#investor-payouts tr[data-holder="amazon"][data-exit="${Rational.parse(outcome.exitValue)!.toDecimalString(18)}"] td[data-cell="multiple"]`,
      );
      expect(await multiple.textContent()).toBe(
        `${formatFixed(Rational.parse(amazon.total)!.div(invested), 2, "en")}×`,
      );
    }
    // Its dilution in each scenario is the owner's figure for Amazon.
    expect(ownerScenarios.length).toBeGreaterThan(0);
    for (const s of ownerScenarios) {
      const dilution = s.holders.find((h) => h.id === "amazon")!.dilution;
      const cells = await page
        .locator(`#investor-scenarios tr[data-scenario="${s.scenario}"][data-holder="amazon"] td`)
        .allTextContents();
      expect(cells.length).toBe(4);
      expect(cells.at(-1)).toBe(dilution === null ? "—" : formatPercent(Rational.parse(dilution)!, 4, "en"));
    }
    // Only Amazon's rows, and no other holder named anywhere in the view.
    const holders = await page
      .locator("#investor-payouts tbody tr, #investor-scenarios tbody tr")
      .evaluateAll((trs) => [...new Set(trs.map((tr) => tr.getAttribute("data-holder")))]);
    expect(holders).toEqual(["amazon"]);
    const text = (await page.locator("main").textContent()) ?? "";
    expect(text).not.toMatch(/Microsoft|Nvidia|SoftBank|OpenAI Foundation/);

    // SRV-SHARE-3: My position lists the document shared, and its link downloads the owner's
    // file of that version, byte for byte.
    const sharedRow = page.locator(`tr[data-shared-document="${sharedDocument.id}"]`);
    await sharedRow.waitFor();
    expect(await sharedRow.locator("th").textContent()).toBe(sharedDocument.title);
    const link = await sharedRow.getByRole("link").getAttribute("href");
    const downloaded = await page.request.get(`${server.url}${link}`);
    expect(downloaded.status()).toBe(200);
    expect(Buffer.compare(await downloaded.body(), ownersFile)).toBe(0);

    // Screenshots at every width, in both languages: no page wider than the viewport, the
    // charts' labels inside their canvas (WEB-17).
    const shots = join(root, "artifacts/screenshots/layout");
    mkdirSync(shots, { recursive: true });
    const failures: string[] = [];
    for (const language of ["en", "fr"] as const) {
      await page.locator("header select").selectOption(language);
      for (const width of [390, 768, 1440]) {
        await page.setViewportSize({ width, height: width < 800 ? 844 : 900 });
        await page.waitForTimeout(300);
        const m = (await page.evaluate(`(() => {
          const charts = [...document.querySelectorAll(".chart-canvas[role=img]")].map((el) => {
            const b = window.roundtableLabelBoxes && window.roundtableLabelBoxes(el);
            if (!b) return ["no chart drawn"];
            return b.boxes.filter((x) => x.x < -0.5 || x.y < -0.5 || x.x + x.width > b.width + 0.5 || x.y + x.height > b.height + 0.5).map((x) => x.text);
          });
          return { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, outside: charts.flat() };
        })()`)) as { scrollWidth: number; innerWidth: number; outside: string[] };
        if (m.scrollWidth > m.innerWidth)
          failures.push(`${language} ${width}: page ${m.scrollWidth} px wide`);
        if (m.outside.length > 0)
          failures.push(`${language} ${width}: labels outside: ${m.outside.join(", ")}`);
        await page.screenshot({ path: join(shots, `investor-${language}-${width}.png`), fullPage: true });
      }
    }
    expect(failures).toEqual([]);
    expect(page.problems).toEqual([]);
    await page.context().close();
  }, 60_000);

  it("WEB-PDF-1 the PDF buttons download the server's report files in the interface's language: the stored version's as `GET …?format=pdf` gives it, and the working document's, marked, while edits are unsaved", async () => {
    const password = /password\s+(\S{20})\s/.exec(printed)?.[1];
    const page = await newPage();
    await page.context().close();
    const context = await browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: "en-US",
      acceptDownloads: true,
    });
    const app = await context.newPage();
    app.setDefaultTimeout(15_000);
    await app.goto(`${server.url}/?data=http`);
    await signIn(app, "demo", password!);
    await app.goto(`${server.url}/?data=http#/w/demo/d/openai-round/captable`);
    await app.getByRole("heading", { name: "OpenAI Group PBC — cap table" }).waitFor();
    const pdfText = (bytes: Buffer) =>
      execFileSync("pdftotext", ["-", "-"], { input: bytes, encoding: "utf8" }).replace(/\s+/g, " ");
    const downloaded = async (report: string) => {
      const [download] = await Promise.all([
        app.waitForEvent("download"),
        app.locator(`fieldset[data-report="${report}"] button[data-format="pdf"]`).click(),
      ]);
      return readFileSync((await download.path())!);
    };
    // No edits: the stored version's file, byte for byte the API's.
    const head = (await (
      await app.request.get(`${server.url}/api/v1/workspaces/demo/deals/openai-round`)
    ).json()) as {
      version: number;
      document: { rounds: { id: string; investments: { investor: string; amount?: string }[] }[] };
    };
    const capTable = await downloaded("captable");
    const apiCapTable = await (
      await app.request.get(`${server.url}/api/v1/workspaces/demo/deals/openai-round/captable?format=pdf`)
    ).body();
    expect(capTable.equals(apiCapTable)).toBe(true);
    const capTableJson = await (
      await app.request.get(`${server.url}/api/v1/workspaces/demo/deals/openai-round/captable`)
    ).json();
    const capText = pdfText(capTable);
    expect(capText).toContain(`Document version ${head.version}`);
    expect(capText).not.toContain("Unsaved edits");
    for (const h of capTableJson.holders as { name: string }[]) expect(capText).toContain(h.name);

    // In French, the buttons ask for the file in the interface's language (`lang=fr`): the API's French file.
    await app.locator("header select").selectOption("fr");
    await app.getByRole("heading", { name: "OpenAI Group PBC — table de capitalisation" }).waitFor();
    const [frenchRequest, frenchBytes] = await Promise.all([
      app.waitForRequest((r) => r.url().includes("/captable?") && r.url().includes("format=pdf")),
      downloaded("captable"),
    ]);
    expect(new URL(frenchRequest.url()).searchParams.get("lang")).toBe("fr");
    const apiFrench = await (
      await app.request.get(
        `${server.url}/api/v1/workspaces/demo/deals/openai-round/captable?format=pdf&lang=fr`,
      )
    ).body();
    expect(frenchBytes.equals(apiFrench)).toBe(true);
    const frenchText = pdfText(frenchBytes);
    expect(frenchText).toContain(`Version du document ${head.version}`);
    expect(frenchText).toContain("Table de capitalisation");
    expect(frenchText).not.toContain("Document version");
    await app.locator("header select").selectOption("en");
    await app.getByRole("heading", { name: "OpenAI Group PBC — cap table" }).waitFor();

    // An unsaved edit in the round builder: the file is the working document's, marked.
    const round = head.document.rounds[0]!;
    await app.goto(`${server.url}/?data=http#/w/demo/d/openai-round/round/${round.id}`);
    const amazon = app.getByLabel("Amazon’s amount", { exact: true });
    await amazon.fill("$33B");
    await amazon.press("Enter");
    await app.locator("[data-unsaved-mark]").first().waitFor();
    // The document the page posts is its working document, the stored one with the edit.
    const [posted, modelBytes] = await Promise.all([
      app.waitForRequest((r) => r.url().includes("/api/v1/compute/model")),
      downloaded("model"),
    ]);
    const model = pdfText(modelBytes);
    const csrf = (await (await app.request.get(`${server.url}/api/v1/auth/me`)).json()).csrfToken as string;
    const post = (query: string) =>
      app.request.post(`${server.url}/api/v1/compute/model?round=${round.id}${query}`, {
        headers: { "x-csrf-token": csrf, "content-type": "application/json" },
        data: posted.postData()!,
      });
    const json = await (await post("")).json();
    // The same file as the API gives for that document, marked, with no version.
    expect(model).toBe(pdfText(await (await post("&format=pdf&unsaved=true")).body()));
    expect(model).toContain("Unsaved edits");
    expect(model).not.toContain("Document version");
    // The report's figures: every holder's name and fully diluted shares after the round.
    for (const h of json.holders as { name: string; fullyDilutedSharesAfter: string }[]) {
      expect(model).toContain(h.name);
      expect(model).toContain(BigInt(h.fullyDilutedSharesAfter).toLocaleString("en-US"));
    }
    // The edit is in the figures: Amazon's accepted amount is the $33B typed.
    expect(json.investments.find((i: { investor: string }) => i.investor === "amazon").accepted).toBe(
      "33000000000",
    );
    await context.close();
  }, 90_000);

  it("WEB-XLSX-1 the XLSX buttons download the server's workbooks: the cap table's and the exit statement's equal the API's and, read back, give every holder's figures of its JSON", async () => {
    const password = /password\s+(\S{20})\s/.exec(printed)?.[1];
    const context = await browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: "en-US",
      acceptDownloads: true,
    });
    const app = await context.newPage();
    app.setDefaultTimeout(15_000);
    await app.goto(`${server.url}/?data=http`);
    await signIn(app, "demo", password!);
    await app.goto(`${server.url}/?data=http#/w/demo/d/openai-round/captable`);
    await app.getByRole("heading", { name: "OpenAI Group PBC — cap table" }).waitFor();
    const api = `${server.url}/api/v1/workspaces/demo/deals/openai-round`;
    const downloaded = async (report: string) => {
      const [download] = await Promise.all([
        app.waitForEvent("download"),
        app.locator(`fieldset[data-report="${report}"] button[data-format="xlsx"]`).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(new RegExp(`^openai-round-${report}-v\\d+\\.xlsx$`));
      return readFileSync((await download.path())!);
    };
    const workbook = async (bytes: Buffer) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
      return wb;
    };
    // A sheet's rows by the text of their first cell, each cell's value (a formula's result).
    const rowsOf = (sheet: ExcelJS.Worksheet | undefined) => {
      const rows = new Map<string, unknown[]>();
      sheet?.eachRow((row) => {
        const label = row.getCell(1).value;
        if (typeof label !== "string") return;
        rows.set(
          label,
          (row.values as unknown[]).map((v) =>
            typeof v === "object" && v !== null && "result" in v ? (v as { result: unknown }).result : v,
          ),
        );
      });
      return rows;
    };

    // The cap table: the stored version's workbook, byte for byte the API's.
    const capTable = await downloaded("captable");
    const apiCapTable = await (await app.request.get(`${api}/captable?format=xlsx`)).body();
    expect(capTable.equals(apiCapTable)).toBe(true);
    const capJson = (await (await app.request.get(`${api}/captable`)).json()) as {
      holders: { name: string; outstanding: string; fullyDiluted: string }[];
    };
    const byHolder = rowsOf((await workbook(capTable)).getWorksheet("By holder"));
    expect(capJson.holders.length).toBeGreaterThan(3);
    for (const h of capJson.holders) {
      const row = byHolder.get(h.name);
      expect(row, h.name).toBeDefined();
      // Numbers as numbers: the shares outstanding and fully diluted of the JSON.
      expect(row, h.name).toContain(Number(h.outstanding));
      expect(row, h.name).toContain(Number(h.fullyDiluted));
    }

    // The exit statement at the exit value typed on the page.
    await app.goto(`${server.url}/?data=http#/w/demo/d/openai-round/exit`);
    const field = app.getByLabel("Exit value", { exact: true });
    await field.fill("$900B");
    await app.getByRole("table", { name: "Waterfall at $900B", exact: true }).waitFor();
    const exitFile = await downloaded("exit");
    const apiExit = await (await app.request.get(`${api}/exit?at=900000000000&format=xlsx`)).body();
    expect(exitFile.equals(apiExit)).toBe(true);
    const exitJson = (await (await app.request.get(`${api}/exit?at=900000000000`)).json()) as {
      outcomes: { holders: { name: string; total: string }[]; classes: { name: string; payout: string }[] }[];
    };
    const at = rowsOf((await workbook(exitFile)).getWorksheet("At an exit of $900B"));
    const paid = exitJson.outcomes[0]!.holders.filter((h) => h.total !== "0");
    expect(paid.length).toBeGreaterThan(3);
    for (const h of paid) {
      expect(at.get(h.name), h.name).toBeDefined();
      expect(at.get(h.name), h.name).toContain(Number(h.total));
    }
    await context.close();
  }, 120_000);
});
