import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { build } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scenarioNames, scenariosReportOf } from "../../../src/app/scenarios-report.js";
import { type Currency, compactMoney, type Money, money } from "../../../src/core/exact/money.js";
import { Rational } from "../../../src/core/exact/rational.js";
import { capTableView, fractionOf } from "../../../src/core/ledger/views.js";
import type { RoundOutcome } from "../../../src/core/round/price-round.js";
import { runDeal } from "../../../src/core/round/timeline.js";
import { isoDate } from "../../../src/core/shared/date.js";
import { loadDeal } from "../../../src/deal/load.js";
import { claimsReport } from "../../../src/report/claims-report.js";
import { exitBreakpointsReport, exitModelOf, exitTermsOf } from "../../../src/report/exit-report.js";
import { jsonText, modelCsv } from "../../../src/report/text-formats.js";
import { dealDocumentFromText, dealDocumentText } from "../../../src/web/api/deal-text.js";
import { prepareSimulationJob } from "../../../src/web/engine/simulation-job.js";
import {
  formatInteger,
  formatMoney,
  formatMoneyExactShort,
  formatPercent,
  type Locale,
} from "../../../src/web/i18n/number-format.js";
import { capTableReport, modelReport } from "../../support/report-json.js";
import { CHROMIUM, chromiumPresent, launchChromium } from "../support/browser.js";
import { exampleText } from "../support/examples.js";
import { serveStatic } from "../support/static-server.js";

const root = join(import.meta.dirname, "../../..");
const screenshots = join(root, "artifacts/screenshots");
const present = chromiumPresent();
if (!present) {
  console.log(`browser tests skipped: ${CHROMIUM} is not installed (apt-get install -y chromium)`);
}

/**
 * The founding report's round priced by the engine alone (no web code): the deal file
 * loaded, Amazon's amount replaced, the deal run to the round.
 */
function engineOutcome(amazon: Money): { outcome: RoundOutcome; report: ReturnType<typeof modelReport> } {
  const loaded = loadDeal(exampleText("openai-round"), "openai-round.yaml");
  if (!loaded.ok) throw new Error(loaded.diagnostics[0]!.message);
  const deal = loaded.deal;
  const round = deal.rounds[0]!;
  const rounds = [
    {
      ...round,
      investments: round.investments.map((inv) =>
        inv.investor === "amazon" ? { ...inv, amount: amazon } : inv,
      ),
    },
  ];
  const run = runDeal(deal.ledger, rounds);
  if (!run.ok) throw new Error(run.problems[0]!.message);
  const outcome = run.value.rounds[0]!;
  return { outcome, report: modelReport(deal, outcome, run.warnings) };
}

function microsoftAfter(outcome: RoundOutcome, locale: Locale): string {
  const view = capTableView(outcome.after);
  const microsoft = view.holders.find((h) => h.holder === "microsoft")!;
  return formatPercent(fractionOf(microsoft.fullyDiluted, view.totals.fullyDiluted), 4, locale);
}

const usd = (text: string) => money(text, "USD" as Currency);

describe.skipIf(!present)("WEB-10 the web app in Chromium", () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveStatic>>;
  let out: string;

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), "roundtable-web-e2e-"));
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

  async function openPage(hash: string, locale = "en-US"): Promise<Page> {
    const context = await browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale,
      acceptDownloads: true,
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${server.url}?data=memory#${hash}`);
    (page as Page & { errors: string[] }).errors = errors;
    return page;
  }

  async function shot(page: Page, name: string) {
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
  }

  const postMoneyExact = (page: Page) => page.locator("#figure-post-money-exact").textContent();
  const microsoftCell = (page: Page) =>
    page.locator('#holders-table tr[data-id="microsoft"] [data-cell="ownership-after"]').textContent();

  it("WEB-10 opens the founding report's example from the workspace list", async () => {
    const page = await openPage("/");
    await page.getByRole("link", { name: "Examples" }).waitFor();
    await shot(page, "workspaces");
    await page.getByRole("link", { name: "Examples" }).click();
    await page.getByRole("heading", { name: "Deals in examples" }).waitFor();
    await shot(page, "deals");
    await page.getByRole("link", { name: "openai-round.yaml" }).click();
    await page.getByRole("heading", { name: "OpenAI Group PBC — cap table" }).waitFor();
    await shot(page, "captable");
    await page.getByRole("radio", { name: "Per class" }).check();
    // In the cap table (the chart's table, kept in the page for screen readers, has the column too).
    await page.locator("#captable-table").getByRole("columnheader", { name: "Class" }).waitFor();
    await shot(page, "captable-by-class");
    await page.getByLabel("As of").fill("2026-01-01");
    await page.getByRole("heading", { name: "OpenAI Group PBC — cap table as of 2026-01-01" }).waitFor();
    // Before the round: the engine's cap table as of that date, per class.
    const loaded = loadDeal(exampleText("openai-round"), "openai-round.yaml");
    if (!loaded.ok) throw new Error(loaded.diagnostics[0]!.message);
    const asOf = runDeal(loaded.deal.ledger, loaded.deal.rounds, { asOf: isoDate("2026-01-01") });
    if (!asOf.ok) throw new Error(asOf.problems[0]!.message);
    const preferred = capTableReport(asOf.value.final, isoDate("2026-01-01")).classes.find(
      (c) => c.id === "existing-preferred",
    )!;
    const cells = await page.locator('#captable-table tr[data-id="existing-preferred"] td').allTextContents();
    expect(cells[5]).toBe(formatPercent(Rational.parse(preferred.fullyDilutedFraction)!, 4, "en"));
    expect(cells[5]).toBe("27.0000%");
    await page.getByRole("link", { name: "Round: 2026 mega-round" }).click();
    await page.locator("#figure-post-money-exact").waitFor();
    // The example states no amounts: they are the base scenario's, from the claims (SPEC DEAL-4).
    const { outcome } = engineOutcome(usd("27000000000"));
    expect(await postMoneyExact(page)).toBe(formatMoney(outcome.postMoneyValuation, 2, "en"));
    expect(await microsoftCell(page)).toBe(microsoftAfter(outcome, "en"));
    await shot(page, "round-builder");

    // Sources and claims: a claim's evidence marked in the founding report's text.
    await page.getByRole("link", { name: "Sources & claims" }).click();
    await page
      .getByRole("table", { name: /^Reading 1: without Amazon \+ Nvidia \+ Microsoft: \$60B/ })
      .waitFor();
    const claims = claimsReport(loaded.deal);
    const amazonRange = claims.readings[0]!.ranges.find(
      (r) => r.quantity === "round:round-2026/investment:amazon",
    )!;
    expect(
      await page
        .locator('#reading-1 tr[data-quantity="round:round-2026/investment:amazon"] td')
        .textContent(),
    ).toBe(amazonRange.text);
    await page.getByRole("button", { name: /^amazon-50 — Amazon: up to \$50B/ }).click();
    expect(await page.locator("#evidence-report-fr").textContent()).toBe(
      "Des sources indiquent que le montant pourrait atteindre jusqu’à 50 milliards de dollars",
    );
    await shot(page, "claims");

    // Scenarios side by side: the base scenario's post-money, as `roundtable scenarios` reports it.
    await page.getByRole("link", { name: "Scenarios", exact: true }).click();
    await page.locator("#scenarios-table").waitFor();
    const scenarios = scenariosReportOf(loaded.deal, scenarioNames(loaded.deal));
    if (!scenarios.ok) throw new Error("scenarios");
    // Compact as a reader reads them ($830B), each exact on hover (the cell's title).
    const postMoneys = page.locator('#scenarios-table tr[data-row="post-money"] td');
    expect(await postMoneys.allTextContents()).toEqual(
      scenarios.value.scenarios.map((c) => compactMoney(c.postMoneyValuation, "en")),
    );
    expect(await postMoneys.evaluateAll((cells) => cells.map((c) => c.getAttribute("title")))).toEqual(
      scenarios.value.scenarios.map((c) =>
        formatMoney(c.postMoneyValuation, c.postMoneyValuation.amount.isInteger() ? 0 : 2, "en"),
      ),
    );
    await shot(page, "scenarios");

    // Monte Carlo in the page's Web Worker: the CLI's numbers for the same seed and runs.
    await page.getByRole("link", { name: "Monte Carlo" }).click();
    await page.getByLabel("Scenarios", { exact: true }).fill("50000");
    await page.getByLabel("Seed").fill("3");
    await page.getByRole("button", { name: "Run the simulation" }).click();
    await page.getByText("50,000 scenarios, seed 3 (50,000 priced).").waitFor({ timeout: 20_000 });
    const job = prepareSimulationJob({
      documentText: dealDocumentText(dealDocumentFromText(exampleText("openai-round"))!),
      fileName: "openai-round.json",
      runs: 50_000,
      seed: "3",
    });
    if (!job.ok) throw new Error(job.messages.join("; "));
    const simulated = job.job.finish();
    const p50 = await page.locator('#simulation-table tr[data-metric="postMoney"] td').nth(1).textContent();
    expect(p50).toBe(compactMoney(usd(simulated.postMoneyValuation.p50), "en"));
    await shot(page, "monte-carlo");

    // Exit: the breakpoints of `roundtable exit --breakpoints`.
    await page.getByRole("link", { name: "Exit" }).click();
    await page.locator("#exit-breakpoints").waitFor();
    const run = runDeal(loaded.deal.ledger, loaded.deal.rounds);
    if (!run.ok) throw new Error("run");
    const model = exitModelOf(run.value.final, exitTermsOf(loaded.deal, undefined));
    if (!model.ok) throw new Error("model");
    const breakpoints = exitBreakpointsReport(model.value).breakpoints;
    expect(await page.locator("#exit-breakpoints tbody tr").count()).toBe(breakpoints.length);
    // Compact as a reader reads them, each exact on hover (the cell's title).
    expect(
      await page
        .locator("#exit-breakpoints tbody tr th")
        .evaluateAll((cells) => cells.map((c) => c.getAttribute("title"))),
    ).toEqual(breakpoints.map((b) => formatMoney(usd(b.exitValue), 0, "en")));
    expect(await page.locator("#exit-breakpoints tbody tr th").allTextContents()).toEqual(
      breakpoints.map((b) => compactMoney(usd(b.exitValue), "en")),
    );
    await shot(page, "exit");

    // Capital flows of the ecosystem workspace, its OpenAI company read from openai-round.yaml.
    await page.getByRole("link", { name: "examples" }).click();
    await page.getByRole("link", { name: "ai-ecosystem.yaml" }).click();
    await page.locator("#flows-net-cash").waitFor();
    const net = await page.locator("#flows-net-cash tbody td").allTextContents();
    expect(net.length).toBeGreaterThan(3);
    // Compact as a reader reads them ($50M, $8.5B), each exact on hover (the cell's title).
    expect(
      net.every((n) => /^-?\$\d+(\.\d+)?[KMBT]?$/.test(n)),
      net.join(" "),
    ).toBe(true);
    const netTitles = await page
      .locator("#flows-net-cash tbody td")
      .evaluateAll((cells) => cells.map((c) => c.getAttribute("title") ?? ""));
    expect(
      netTitles.every((n) => /^-?\$[\d,]+(\.\d{2})?$/.test(n)),
      netTitles.join(" "),
    ).toBe(true);
    await shot(page, "flows");
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
    await page.context().close();
  });

  it("WEB-10 moving Amazon's commitment by slider and by typed amount gives the engine's post-money and Microsoft's ownership", async () => {
    const page = await openPage("/w/examples/d/openai-round/round/round-2026");
    const slider = page.getByLabel("Amazon’s amount, slider");
    await slider.focus();
    // Amazon starts at the base scenario's $27B; the slider runs from $0 to $100B in steps
    // of $100M: 50 steps left is $22B.
    for (let i = 0; i < 50; i++) await slider.press("ArrowLeft");
    await expect.poll(() => page.getByLabel("Amazon’s amount", { exact: true }).inputValue()).toBe("$22B");
    let expected = engineOutcome(usd("22000000000")).outcome;
    expect(await postMoneyExact(page)).toBe(formatMoney(expected.postMoneyValuation, 2, "en"));
    expect(await microsoftCell(page)).toBe(microsoftAfter(expected, "en"));

    const typed = page.getByLabel("Amazon’s amount", { exact: true });
    await typed.fill("37,5 Md$");
    await typed.press("Enter");
    expected = engineOutcome(usd("37500000000")).outcome;
    await expect.poll(() => postMoneyExact(page)).toBe(formatMoney(expected.postMoneyValuation, 2, "en"));
    expect(await microsoftCell(page)).toBe(microsoftAfter(expected, "en"));
    expect(await slider.inputValue()).toBe("375");

    // The exports are the engine's reports for the same terms.
    const { report } = engineOutcome(usd("37500000000"));
    const [csv] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "CSV" }).click(),
    ]);
    expect(readFileSync((await csv.path())!, "utf8")).toBe(modelCsv(report));
    const [json] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "JSON" }).click(),
    ]);
    expect(JSON.parse(readFileSync((await json.path())!, "utf8"))).toEqual(JSON.parse(jsonText(report)));
    // One XLSX button: the pro forma's workbook, rendered in the page by the renderer the CLI
    // and the server use (src/render/xlsx.ts) from the typed report shown; no server in memory.
    expect(await page.getByRole("button", { name: "XLSX" }).count()).toBe(1);
    const [xlsx] = await Promise.all([
      page.waitForEvent("download"),
      page.locator("fieldset.report-files").getByRole("button", { name: "XLSX" }).click(),
    ]);
    const { default: ExcelJS } = await import("exceljs");
    const workbook = new ExcelJS.Workbook();
    // exceljs types its input as an older Buffer type.
    await workbook.xlsx.load(
      readFileSync((await xlsx.path())!) as unknown as Parameters<typeof workbook.xlsx.load>[0],
    );
    const rows = workbook.getWorksheet("Pro forma by holder")!.getSheetValues() as unknown[][];
    const header = rows.find((r) => Array.isArray(r) && r[1] === "Holder")!;
    const column = (name: string) => header.indexOf(name);
    const microsoftRow = rows.find((r) => Array.isArray(r) && r[1] === "Microsoft")!;
    const microsoft = report.holders.find((h) => h.id === "microsoft")!;
    expect(microsoftRow[column("FD shares after")]).toBe(Number(microsoft.fullyDilutedSharesAfter));
    // Ownership is the formula shares / total, its cached result the exact fraction's double.
    const after = microsoftRow[column("FD after")] as { formula: string; result: number };
    expect(after.formula).toMatch(/^D\d+\/D\$\d+$/);
    expect(after.result).toBeCloseTo(Number(microsoft.fullyDilutedAfter), 15);
    // The round's terms typed here are not saved: the workbook is marked so, as the server's is.
    const title = workbook.getWorksheet("Report")!.getSheetValues().flat().map(String).join(" ");
    expect(title).toContain("The figures come from edits not yet saved");
    expect(xlsx.suggestedFilename()).toBe("openai-round-model.xlsx");

    // An unreadable amount is reported next to its field; the figures stay those of the last valid terms.
    await typed.fill("beaucoup");
    await typed.press("Enter");
    await page.getByText('"beaucoup" is not an amount').waitFor();
    expect(await typed.getAttribute("aria-invalid")).toBe("true");
    await shot(page, "round-builder-error");
    await page.context().close();
  });

  it("WEB-10 switching to French writes French number formats", async () => {
    const page = await openPage("/w/examples/d/openai-round/round/round-2026");
    await page.getByLabel("Language").selectOption("fr");
    await page.getByRole("heading", { name: "Conditions du tour" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("fr");
    const { outcome } = engineOutcome(usd("27000000000"));
    expect(await postMoneyExact(page)).toBe(formatMoney(outcome.postMoneyValuation, 2, "fr"));
    expect(await postMoneyExact(page)).toMatch(/^829\u202f999\u202f999\u202f\d{3},\d{2}\u00a0\$$/);
    expect(await page.locator("#figure-post-money").textContent()).toBe("830 Md$");
    expect(await microsoftCell(page)).toBe(microsoftAfter(outcome, "fr"));
    expect(await microsoftCell(page)).toMatch(/^\d+,\d{4}\u00a0%$/);
    // The slider now writes French amounts, which the engine reads back exactly.
    const slider = page.getByLabel("Montant investi par Amazon, curseur");
    await slider.focus();
    await slider.press("ArrowRight");
    await expect
      .poll(() => page.getByLabel("Montant investi par Amazon", { exact: true }).inputValue())
      .toBe("27,1\u00a0Md$");
    await shot(page, "round-builder-fr");
    // A browser in French opens in French.
    const french = await openPage("/", "fr-FR");
    await french.getByRole("heading", { name: "Espaces de travail" }).waitFor();
    await french.context().close();
    await page.context().close();
  });

  it("WEB-10 the round builder works from the keyboard alone, with a visible focus", async () => {
    const page = await openPage("/w/examples/d/openai-round/round/round-2026");
    await page.locator("#figure-post-money-exact").waitFor();
    const focused = () =>
      page.evaluate(
        "(() => { const e = document.activeElement; return { id: e.id, tag: e.tagName, label: e.getAttribute('aria-label') || (e.labels && e.labels[0] ? e.labels[0].textContent : '') || e.textContent, outline: getComputedStyle(e).outlineStyle }; })()",
      ) as Promise<{ id: string; tag: string; label: string; outline: string }>;
    const order: string[] = [];
    let amazonSlider = -1;
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press("Tab");
      const f = await focused();
      order.push(f.id || f.label);
      expect(f.outline, `focus is visible on ${f.id || f.label}`).not.toBe("none");
      if (f.id === "amount-0-slider") {
        amazonSlider = i;
        break;
      }
    }
    // The skip link, the language, sign-out, the deal's tabs, then the round's terms in reading order.
    expect(order[0]).toBe("Skip to content");
    expect(order).toContain("pricing-basis");
    expect(order.indexOf("pricing-slider")).toBeLessThan(order.indexOf("pricing-typed"));
    expect(amazonSlider).toBeGreaterThan(0);
    for (let i = 0; i < 10; i++) await page.keyboard.press("ArrowRight");
    await expect.poll(() => page.locator("#amount-0-typed").inputValue()).toBe("$28B");
    await page.keyboard.press("Tab");
    expect((await focused()).id).toBe("amount-0-typed");
    await page.keyboard.press("Control+A");
    await page.keyboard.type("$20B");
    await page.keyboard.press("Enter");
    const expected = engineOutcome(usd("20000000000")).outcome;
    await expect.poll(() => postMoneyExact(page)).toBe(formatMoney(expected.postMoneyValuation, 2, "en"));
    expect(await microsoftCell(page)).toBe(microsoftAfter(expected, "en"));
    // The pricing basis is a native select: the keyboard changes it too.
    await page.locator("#pricing-basis").focus();
    // The round is priced by its post-money valuation (the claims'); one step down is the price per share.
    expect(await page.locator("#pricing-basis").inputValue()).toBe("post_money");
    await page.keyboard.press("ArrowDown");
    await expect.poll(() => page.locator("#pricing-basis").inputValue()).toBe("price_per_share");
    // Switching basis keeps the round where it was: the price field holds the engine's price.
    expect(await page.locator("#pricing-typed").inputValue()).toBe(
      formatMoneyExactShort(expected.pricePerShare, "en"),
    );
    expect(await postMoneyExact(page)).toBe(formatMoney(expected.postMoneyValuation, 2, "en"));
    // WEB-18: and back, with nothing edited between: the stated post-money as typed, not the
    // post-money of the rounded price per share.
    await page.keyboard.press("ArrowUp");
    await expect.poll(() => page.locator("#pricing-basis").inputValue()).toBe("post_money");
    expect(await page.locator("#pricing-typed").inputValue()).toBe("$830B");
    expect(await postMoneyExact(page)).toBe(formatMoney(expected.postMoneyValuation, 2, "en"));
    await page.context().close();
  });

  it("WEB-10 the pool target moves by slider and the pool top-up is the engine's", async () => {
    const page = await openPage("/w/examples/d/seed-to-series-a/round/series-a");
    const slider = page.getByLabel("Option pool target (% of the post-money, fully diluted), slider");
    await slider.focus();
    // 10% to 12.5%: 25 steps of 0.1 point.
    for (let i = 0; i < 25; i++) await slider.press("ArrowRight");
    await expect.poll(() => page.locator("#pool-target-typed").inputValue()).toBe("12.5%");
    const loaded = loadDeal(exampleText("seed-to-series-a"), "seed-to-series-a.yaml");
    if (!loaded.ok) throw new Error(loaded.diagnostics[0]!.message);
    const round = loaded.deal.rounds[0]!;
    if (round.pool.kind !== "target_fraction") throw new Error("the example's round has a pool target");
    const rounds = [{ ...round, pool: { ...round.pool, fraction: Rational.of(1n, 8n) } }];
    const run = runDeal(loaded.deal.ledger, rounds);
    if (!run.ok) throw new Error(run.problems[0]!.message);
    const outcome = run.value.rounds[0]!;
    await expect
      .poll(() => page.locator("#figure-pool-increase").textContent())
      .toBe(formatInteger(outcome.poolIncrease, "en"));
    expect(await page.locator("#figure-price").textContent()).toBe(
      formatMoney(outcome.pricePerShare, 4, "en"),
    );
    await shot(page, "round-builder-pool");
    await page.context().close();
  });

  it("WEB-10 the printable summary fits on one page", async () => {
    const page = await openPage("/w/examples/d/openai-round/round/round-2026");
    await page.locator("#figure-post-money-exact").waitFor();
    await page.emulateMedia({ media: "print" });
    await shot(page, "print-summary");
    const pdf = await page.pdf({
      format: "A4",
      printBackground: true,
      path: join(screenshots, "print-summary.pdf"),
    });
    const pages = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBe(1);
    await page.context().close();
  });
});
