import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { build } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Rational } from "../../../src/core/exact/rational.js";
import { DEMO_USER, DEMO_WORKSPACE } from "../../../src/server/demo.js";
import { type RunningServer, startServer } from "../../../src/server/serve.js";
import { whatIfQuery } from "../../../src/web/engine/what-if-link.js";
import { formatInteger, formatPercent } from "../../../src/web/i18n/number-format.js";
import { cli } from "../../support/cli.js";
import { CHROMIUM, chromiumPresent, launchChromium } from "../support/browser.js";

const root = join(import.meta.dirname, "../../..");
const screenshots = join(root, "artifacts/screenshots");
const present = chromiumPresent();
if (!present) {
  console.log(`authoring browser test skipped: ${CHROMIUM} is not installed (apt-get install -y chromium)`);
}

interface CliHolder {
  readonly kind: string;
  readonly id: string;
  readonly name: string;
  readonly fullyDilutedSharesAfter: string;
  readonly fullyDilutedAfter: string;
}

/**
 * A company from nothing to a priced Series A in the web app, against a real server
 * (SPEC WEB-AUTH-1..4): the app built, the server started on a temporary SQLite folder with
 * the demo account, Chromium driving the forms.
 */
describe.skipIf(!present)("WEB-AUTH-1..6 authoring a deal in Chromium, against a real server", () => {
  let browser: Browser;
  let server: RunningServer;
  let dataDir: string;
  let webDir: string;
  let printed = "";

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    webDir = mkdtempSync(join(tmpdir(), "roundtable-authoring-web-"));
    dataDir = mkdtempSync(join(tmpdir(), "roundtable-authoring-data-"));
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
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    for (const dir of [webDir, dataDir]) if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function newPage(width = 1366): Promise<Page & { problems: string[] }> {
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: "en-US" });
    const page = (await context.newPage()) as Page & { problems: string[] };
    page.setDefaultTimeout(10_000);
    page.problems = [];
    page.on("pageerror", (e) => page.problems.push(e.message));
    page.on("console", (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) page.problems.push(m.text());
    });
    return page;
  }

  async function signIn(page: Page) {
    const password = /password\s+(\S{20})\s/.exec(printed)?.[1];
    if (!password) throw new Error(`no demo password in ${printed}`);
    await page.goto(`${server.url}/?data=http#/login`);
    await page.locator("#login-username").fill(DEMO_USER);
    await page.locator("#login-password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("heading", { name: "Workspaces" }).waitFor();
  }

  function section(page: Page, title: string): Locator {
    return page.locator("section.editor-section", {
      has: page.getByRole("heading", { name: title, exact: true }),
    });
  }

  /** Opens an add form of a section (a `<details>`), fills its fields by label, submits, and waits for the edit. */
  async function add(
    page: Page,
    sectionTitle: string,
    summary: string,
    fields: readonly [label: string, value: string, kind?: "select" | "check"][],
  ) {
    const details = section(page, sectionTitle).locator("details", {
      has: page.locator("summary", { hasText: summary }),
    });
    if ((await details.getAttribute("open")) === null) await details.locator("summary").click();
    for (const [label, value, kind] of fields) {
      const control = details.getByLabel(label, { exact: true });
      if (kind === "select") await control.selectOption(value);
      else if (kind === "check") await control.check();
      else await control.fill(value);
    }
    await details.getByRole("button", { name: "Add", exact: true }).click();
    return details;
  }

  async function noOverflow(page: Page) {
    return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
  }

  it("WEB-AUTH-1 WEB-AUTH-2 WEB-AUTH-3 a company from nothing to a priced Series A with a pool top-up, a post-money SAFE and a note; the pro forma equals the CLI's model --format json on the YAML exported from the app", async () => {
    const page = await newPage();
    await signIn(page);
    await page.goto(`${server.url}/?data=http#/w/${DEMO_WORKSPACE}`);
    await page.getByRole("link", { name: "New deal" }).click();
    await page.getByRole("heading", { name: `A new deal in ${DEMO_WORKSPACE}` }).waitFor();
    // A currency in lower case is refused at its field with the loader's message.
    await page.getByLabel("Company name *", { exact: true }).fill("Acme Robotics");
    await page.getByLabel("Currency (ISO 4217, e.g. USD) *", { exact: true }).fill("usd");
    await page.getByLabel("Formation date", { exact: true }).fill("2024-01-10");
    await page.getByLabel("Deal id (from the name when empty)", { exact: true }).fill("acme");
    await page.getByRole("button", { name: "Create" }).click();
    const currency = page.getByLabel("Currency (ISO 4217, e.g. USD) *", { exact: true });
    await expect.poll(() => currency.getAttribute("aria-invalid")).toBe("true");
    const currencyError = await page
      .locator(`#${(await currency.getAttribute("aria-describedby"))!.replaceAll(":", "\\:")}`)
      .textContent();
    expect(currencyError).toContain("ISO 4217");
    await currency.fill("USD");
    await page.getByRole("button", { name: "Create" }).click();
    await page
      .getByRole("heading", { name: "Edit the deal" })
      .waitFor()
      .catch(async (e) => {
        throw new Error(`${e}\n${await page.textContent("main")}`);
      });
    await page.screenshot({ path: join(screenshots, "authoring-new-deal-editor-1366.png"), fullPage: false });

    await add(page, "Stakeholders", "Add — Stakeholders", [
      ["Name *", "Ada Founder"],
      ["Kind", "individual", "select"],
    ]);
    await section(page, "Stakeholders").getByText("Ada Founder").waitFor();
    await add(page, "Share classes", "Add — Share classes", [
      ["Id", "common"],
      ["Name *", "Common"],
      ["Kind *", "common", "select"],
    ]);
    await section(page, "Share classes").getByText("Common").first().waitFor();
    await add(page, "Option pools", "Add — Option pools", [
      ["Id", "esop"],
      ["Name *", "Employee pool"],
      ["Class *", "common", "select"],
      ["Shares reserved", "1_000_000"],
    ]);
    await section(page, "Option pools").getByText("Employee pool").waitFor();

    // A share count of "12,5k" is refused on the shares field, nothing added; then corrected.
    const issue = await add(page, "Transactions", "Add a transaction", [
      ["Date *", "2024-01-10"],
      ["Holder *", "ada-founder", "select"],
      ["Class *", "common", "select"],
      ["Shares *", "12,5k"],
    ]);
    const shares = issue.getByLabel("Shares *", { exact: true });
    await expect.poll(() => shares.getAttribute("aria-invalid")).toBe("true");
    expect(await section(page, "Transactions").locator(".record-list > li").count()).toBe(0);
    await shares.fill("8_000_000");
    await issue.getByRole("button", { name: "Add", exact: true }).click();
    await expect.poll(() => section(page, "Transactions").locator(".record-list > li").count()).toBe(1);

    await add(page, "Transactions", "Add a SAFE", [
      ["Investor (a stakeholder, or a new name) *", "Seed Fund"],
      ["Date signed *", "2024-06-01"],
      ["Purchase amount (e.g. $500K) *", "$1M"],
      ["Valuation cap", "$10M"],
    ]);
    await expect.poll(() => section(page, "Transactions").locator(".record-list > li").count()).toBe(2);
    await add(page, "Transactions", "Add a convertible note", [
      ["Investor (a stakeholder, or a new name) *", "Angel One"],
      ["Date issued *", "2024-07-01"],
      ["Principal (e.g. $250K) *", "$250K"],
      ["Interest rate a year (e.g. 6%) *", "6%"],
      ["Valuation cap", "$8M"],
    ]);
    await expect.poll(() => section(page, "Transactions").locator(".record-list > li").count()).toBe(3);
    await add(page, "Rounds", "Add a priced round", [
      ["Round name (e.g. Series A) *", "Series A"],
      ["Date *", "2025-03-01"],
      ["Pre-money, post-money or price (e.g. $20M) *", "$20M"],
      ["Investments, one a line: INVESTOR=AMOUNT *", "Lead Capital=$5M"],
      ["Pool target after the round (e.g. 10%)", "10%"],
    ]);
    const rounds = section(page, "Rounds").locator(".record-list > li");
    await expect.poll(() => rounds.count()).toBe(1);

    // Undo takes the round away, redo brings it back (WEB-AUTH-2).
    await page.getByRole("button", { name: "Undo" }).click();
    await expect.poll(() => rounds.count()).toBe(0);
    await page.getByRole("button", { name: "Redo" }).click();
    await expect.poll(() => rounds.count()).toBe(1);
    await page.screenshot({ path: join(screenshots, "authoring-editor-1366.png"), fullPage: true });

    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.getByText("Saved as version 2.").waitFor();

    // The YAML, one click away, is the document: the CLI prices it.
    await page.getByRole("button", { name: "Show the YAML" }).click();
    const yaml = await page.locator("textarea.yaml-text").inputValue();
    expect(yaml).toContain("type: safe");
    const dir = mkdtempSync(join(tmpdir(), "roundtable-authoring-yaml-"));
    const file = join(dir, "acme.yaml");
    writeFileSync(file, yaml);
    const model = await cli(["model", file, "--format", "json"]);
    rmSync(dir, { recursive: true, force: true });
    expect(model.stderr).toBe("");
    expect(model.code).toBe(0);
    const report = JSON.parse(model.stdout) as { holders: CliHolder[]; round: { id: string } };
    expect(report.round.id).toBe("series-a");
    expect(report.holders.map((h) => h.id)).toEqual(
      expect.arrayContaining(["ada-founder", "seed-fund", "angel-one", "lead-capital"]),
    );

    // The round builder's pro forma, fully diluted, holder by holder.
    await page.goto(`${server.url}/?data=http#/w/${DEMO_WORKSPACE}/d/acme/round/series-a`);
    await page.locator("#holders-table").waitFor();
    for (const h of report.holders) {
      const row = page.locator(`#holders-table tbody tr[data-id="${h.id}"]`);
      await row.waitFor();
      const cells = row.locator("td");
      expect(await cells.nth(2).textContent(), h.id).toBe(
        formatInteger(BigInt(h.fullyDilutedSharesAfter), "en"),
      );
      expect(await cells.nth(3).textContent(), h.id).toBe(
        formatPercent(Rational.parse(h.fullyDilutedAfter)!, 4, "en"),
      );
    }

    // A what-if link (WEB-AUTH-6): a pre-money of $30M, opened from its address, prices as
    // the CLI's --set pre-money=$30M on the same file; the link button writes the same address.
    const whatIf = whatIfQuery({
      basis: "pre_money",
      valueText: "$30M",
      amountTexts: ["$5M"],
      poolTargetText: "10%",
    });
    const whatIfFile = join(mkdtempSync(join(tmpdir(), "roundtable-authoring-whatif-")), "acme.yaml");
    writeFileSync(whatIfFile, yaml);
    const setModel = await cli(["model", whatIfFile, "--set", "pre-money=$30M", "--format", "json"]);
    expect(setModel.stderr).toBe("");
    const setReport = JSON.parse(setModel.stdout) as { holders: CliHolder[] };
    const reader = await newPage();
    await signIn(reader);
    await reader.goto(`${server.url}/?data=http#/w/${DEMO_WORKSPACE}/d/acme/round/series-a?${whatIf}`);
    await reader.locator("#holders-table").waitFor();
    for (const h of setReport.holders) {
      const cells = reader.locator(`#holders-table tbody tr[data-id="${h.id}"] td`);
      expect(await cells.nth(2).textContent(), h.id).toBe(
        formatInteger(BigInt(h.fullyDilutedSharesAfter), "en"),
      );
      expect(await cells.nth(3).textContent(), h.id).toBe(
        formatPercent(Rational.parse(h.fullyDilutedAfter)!, 4, "en"),
      );
    }
    await reader.getByRole("button", { name: "Link to this what-if" }).click();
    const shownLink = (await reader.locator("#what-if-link").textContent())!;
    expect(new URL(shownLink).hash.split("?")[1]).toBe(whatIf.toString());
    await reader.context().close();

    // History: two versions by the demo user; the difference names the new records; revert as version 3.
    await page.goto(`${server.url}/?data=http#/w/${DEMO_WORKSPACE}/d/acme/history`);
    await page.getByRole("heading", { name: "Versions" }).waitFor();
    const versions = page.locator(".history table").first().locator("tbody tr");
    await expect.poll(() => versions.count()).toBe(2);
    expect(await versions.first().locator("td").nth(1).textContent()).toBe(DEMO_USER);
    await page.getByRole("table", { name: "Records" }).waitFor();
    const records = await page.getByRole("table", { name: "Records" }).textContent();
    expect(records).toContain("round Series A (series-a) — added");
    expect(records).toContain("stakeholder Seed Fund (seed-fund) — added");
    await page.screenshot({ path: join(screenshots, "authoring-history-1366.png"), fullPage: true });
    await page.getByRole("button", { name: "Revert to version 1" }).click();
    await page.getByText("Version 1 written as version 3.").waitFor();
    await expect.poll(() => versions.count()).toBe(3);

    for (const width of [390, 768, 1440]) {
      const small = await newPage(width);
      await signIn(small);
      for (const [view, name] of [
        ["edit", "editor"],
        ["history", "history"],
      ] as const) {
        await small.goto(`${server.url}/?data=http#/w/${DEMO_WORKSPACE}/d/acme/${view}`);
        await small.getByRole("heading", { name: view === "edit" ? "Edit the deal" : "Versions" }).waitFor();
        expect(await noOverflow(small), `${view} at ${width}px`).toBe(true);
        await small.screenshot({ path: join(screenshots, `authoring-${name}-${width}.png`), fullPage: true });
      }
      await small.goto(`${server.url}/?data=http#/w/${DEMO_WORKSPACE}/new`);
      await small.getByRole("heading", { name: `A new deal in ${DEMO_WORKSPACE}` }).waitFor();
      expect(await noOverflow(small), `new deal at ${width}px`).toBe(true);
      await small.screenshot({ path: join(screenshots, `authoring-new-deal-${width}.png`), fullPage: true });
      expect(small.problems).toEqual([]);
      await small.context().close();
    }
    expect(page.problems).toEqual([]);
    await page.context().close();
  }, 180_000);

  it("WEB-AUTH-4 an owner invites a person with no account; the link sets a password and signs them in, once", async () => {
    const owner = await newPage();
    await signIn(owner);
    await owner.goto(`${server.url}/?data=http#/w/${DEMO_WORKSPACE}/access`);
    await owner
      .getByRole("heading", { name: "Invite someone who has no account" })
      .waitFor()
      .catch(async (e) => {
        throw new Error(`${e}\n${await owner.textContent("main")}`);
      });
    const invite = owner.getByRole("region", { name: "Invite someone who has no account" });
    await invite.getByLabel("User name to invite", { exact: true }).fill("carol");
    await invite.getByLabel("Role", { exact: true }).selectOption("viewer");
    await invite.getByRole("button", { name: "Invite", exact: true }).click();
    const link = (await owner.locator("code.invitation-link").textContent())!;
    expect(link).toMatch(new RegExp(`^${server.url.replace(/[.]/g, "\\.")}/#/invitation/inv_`));
    await owner.screenshot({ path: join(screenshots, "authoring-invite-1366.png"), fullPage: true });
    await owner.context().close();

    const invited = await newPage(390);
    // The test's build runs in development mode, where the page asks for the server with ?data=http.
    const opened = `${server.url}/?data=http${new URL(link).hash}`;
    await invited.goto(opened);
    await invited.getByRole("heading", { name: "Join " }).waitFor();
    expect(await invited.textContent("main")).toContain("You are invited as carol, viewer.");
    await invited.getByLabel("New password", { exact: true }).fill("short");
    await invited.getByLabel("The same password again", { exact: true }).fill("short");
    await invited.getByRole("button", { name: "Set the password and sign in" }).click();
    await invited.getByText("a password has at least 12 characters").waitFor();
    expect(await noOverflow(invited)).toBe(true);
    await invited.screenshot({ path: join(screenshots, "authoring-invitation-390.png"), fullPage: true });
    await invited.getByLabel("New password", { exact: true }).fill("carol-correct-horse");
    await invited.getByLabel("The same password again", { exact: true }).fill("carol-correct-horse");
    await invited.getByRole("button", { name: "Set the password and sign in" }).click();
    await invited.getByRole("heading", { name: "Welcome, carol." }).waitFor();
    await invited.getByText("Signed in as carol").waitFor();
    expect(invited.problems).toEqual([]);
    await invited.context().close();

    // Used once: the same link is refused with the server's message.
    const again = await newPage();
    await again.goto(opened);
    await again.getByText("this invitation has already been used").waitFor();
    await again.context().close();
  }, 60_000);

  it("WEB-AUTH-5 a spreadsheet uploaded in the app: the first rows previewed, an unrecognised column mapped, the import checked and stored; an XLSX reads in the page; a file that is not a spreadsheet is refused", async () => {
    const page = await newPage();
    await signIn(page);
    await page.goto(`${server.url}/?data=http#/w/${DEMO_WORKSPACE}`);
    await page.getByRole("link", { name: "Import a spreadsheet" }).click();
    await page.getByRole("heading", { name: "Import a cap table from a spreadsheet" }).waitFor();
    const template = readFileSync(join(root, "examples/captable-template.csv"), "utf8");
    // "Shares" renamed to a header the import does not know.
    const renamed = template.replace(",Shares,", ",Qty held,");
    await page.getByLabel("Spreadsheet (CSV or XLSX)").setInputFiles({
      name: "holdings.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(renamed),
    });
    await page.locator("#import-preview tbody tr").first().waitFor();
    expect(await page.locator("#import-preview tbody tr").count()).toBe(5);
    expect(await page.locator("#import-preview tbody tr").first().locator("td").first().textContent()).toBe(
      "Maya Patel",
    );
    const qty = page.locator("#import-mapping tr", { hasText: "Qty held" });
    expect(await qty.textContent()).toContain("not recognised");
    await page.getByLabel("Company name (when the sheet has none)").fill("Template Co");
    await page.getByLabel("Currency (ISO 4217)").fill("USD");
    await page.getByRole("button", { name: "Check the import" }).click();
    await page.locator(".notice.error").waitFor();
    expect(await page.locator(".notice.error").textContent()).toContain("nothing was written");
    await page.getByLabel("Qty held").selectOption("shares");
    await page.getByRole("button", { name: "Check the import" }).click();
    await page.getByText(/holder\(s\), .* class\(es\)/).waitFor();
    await page.screenshot({ path: join(screenshots, "authoring-import-1366.png"), fullPage: true });
    await page.getByLabel("Deal id").fill("template-co");
    await page.getByRole("button", { name: "Import as a new deal" }).click();
    await page.getByRole("heading", { name: "Template Co", exact: true }).waitFor();

    // The XLSX template is read by the same reader in the page.
    await page.goto(`${server.url}/?data=http#/w/${DEMO_WORKSPACE}/import`);
    await page
      .getByLabel("Spreadsheet (CSV or XLSX)")
      .setInputFiles(join(root, "examples/captable-template.xlsx"));
    await page.locator("#import-preview tbody tr").first().waitFor();
    await page.getByRole("button", { name: "Check the import" }).click();
    await page.getByText(/holder\(s\), .* class\(es\)/).waitFor();

    // A PDF is refused before anything is read, with what it is.
    await page.getByLabel("Spreadsheet (CSV or XLSX)").setInputFiles({
      name: "captable.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.7\n..."),
    });
    await page.getByText("is a PDF, not a spreadsheet").waitFor();
    for (const width of [390, 768]) {
      await page.setViewportSize({ width, height: 900 });
      expect(await noOverflow(page), `import at ${width}px`).toBe(true);
    }
    expect(page.problems).toEqual([]);
    await page.context().close();
  }, 60_000);
});
