// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseAmount } from "../../../src/core/exact/amount-parse.js";
import { compactMoney } from "../../../src/core/exact/money.js";
import { Rational } from "../../../src/core/exact/rational.js";
import { MemoryDataAccess } from "../../../src/web/api/memory-data-access.js";
import { App } from "../../../src/web/app/App.js";
import { href } from "../../../src/web/app/routes.js";
import { formatMoney, formatPercent, type Locale } from "../../../src/web/i18n/number-format.js";
import { cli } from "../../support/cli.js";
import { exampleFiles } from "../support/examples.js";
import { preloadLazyViews } from "../support/lazy-views.js";

interface CliExposure {
  readonly name: string;
  readonly companies: readonly {
    company: string;
    name: string;
    ownership: string;
    invested: string | null;
    valuation: string | null;
    value: string | null;
    agreementRevenue: string;
  }[];
  readonly totals: { invested: string; value: string; agreementRevenue: string };
}

/** What `roundtable exposure examples/<file> <investor> --format json` prints. */
async function cliExposure(file: string, investor: string, extra: string[] = []): Promise<CliExposure> {
  const run = await cli(["exposure", `examples/${file}`, investor, "--format", "json", ...extra]);
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as CliExposure;
}

/** An amount to the dollar, or to the cent when it has cents or less: the title of a compact cell. */
const usd = (text: string | null, locale: Locale) =>
  text === null
    ? "unknown"
    : formatMoney(
        { kind: "money", currency: "USD" as never, amount: Rational.parse(text)! },
        text.includes(".") ? 2 : 0,
        locale,
      );

/** An amount as a reader sees it in the table: the core's compact form. */
const compactUsd = (text: string | null, locale: Locale) =>
  text === null
    ? "unknown"
    : compactMoney({ kind: "money", currency: "USD" as never, amount: Rational.parse(text)! }, locale);

/** A row's cells, each amount by its exact value (the cell's title), other cells by their text. */
function cellsOf(table: HTMLElement, company: string): (string | null)[] {
  return [...table.querySelectorAll(`tr[data-company="${company}"] td`)].map(
    (td) => td.getAttribute("title") ?? td.textContent,
  );
}

/** A row's cells as they read. */
function shownOf(table: HTMLElement, company: string): (string | null)[] {
  return [...table.querySelectorAll(`tr[data-company="${company}"] td`)].map((td) => td.textContent);
}

beforeEach(() => localStorage.clear());
afterEach(() => cleanup());
beforeAll(async () => {
  await preloadLazyViews();
  await import("../../../src/web/views/ExposureView.js");
}, 120_000);

describe("WEB-22 exposure of a workspace's investors", () => {
  it("WEB-22 Amazon's stakes, invested amounts, values and agreement revenue in ai-ecosystem.yaml are `roundtable exposure`'s, to the dollar", async () => {
    window.location.hash = href.view("examples", "ai-ecosystem", "exposure");
    render(<App dataAccess={new MemoryDataAccess(exampleFiles())} mode="memory" locale="en" />);
    const investor = (await screen.findByLabelText("Investor")) as HTMLSelectElement;
    fireEvent.change(investor, { target: { value: "amazon" } });
    const report = await cliExposure("ai-ecosystem.yaml", "amazon");
    const table = document.getElementById("exposure-table")!;
    expect(table.querySelector("caption")?.textContent).toBe(
      `${report.name}’s stakes and agreements by company`,
    );
    // The heading names the investor; the caption below it does not repeat its words.
    expect(screen.getByRole("heading", { name: `Exposure of ${report.name}` })).toBeTruthy();
    expect(report.companies.length).toBe(2);
    for (const c of report.companies) {
      expect(cellsOf(table, c.company)).toEqual([
        formatPercent(Rational.parse(c.ownership)!, 4, "en"),
        usd(c.invested, "en"),
        usd(c.valuation, "en"),
        usd(c.value, "en"),
        usd(c.agreementRevenue, "en"),
      ]);
      expect(shownOf(table, c.company)).toEqual([
        formatPercent(Rational.parse(c.ownership)!, 4, "en"),
        compactUsd(c.invested, "en"),
        compactUsd(c.valuation, "en"),
        compactUsd(c.value, "en"),
        compactUsd(c.agreementRevenue, "en"),
      ]);
    }
    // Compact, as issue 16 asks: no twelve-digit figure in the table's text.
    expect(table.querySelector("tbody")!.textContent).not.toMatch(/\d{1,3}(,\d{3}){3}/);
    const totals = [...table.querySelectorAll("tfoot td")].map(
      (td) => td.getAttribute("title") ?? td.textContent,
    );
    expect(totals).toEqual([
      "",
      usd(report.totals.invested, "en"),
      "",
      usd(report.totals.value, "en"),
      usd(report.totals.agreementRevenue, "en"),
    ]);
    // The overview lists Amazon's totals too.
    const overview = document.querySelector('#exposure-overview tr[data-investor="amazon"]')!;
    expect([...overview.querySelectorAll("td")].map((td) => td.textContent)).toEqual([
      "2",
      compactUsd(report.totals.invested, "en"),
      compactUsd(report.totals.value, "en"),
      compactUsd(report.totals.agreementRevenue, "en"),
    ]);
    expect(
      [...overview.querySelectorAll("td")].map((td) => td.getAttribute("title") ?? td.textContent),
    ).toEqual([
      "2",
      usd(report.totals.invested, "en"),
      usd(report.totals.value, "en"),
      usd(report.totals.agreementRevenue, "en"),
    ]);
  });

  it("WEB-22 a typed valuation values the stake as `exposure --valuation` does, in French", async () => {
    window.location.hash = href.view("examples", "ai-ecosystem", "exposure");
    render(<App dataAccess={new MemoryDataAccess(exampleFiles())} mode="memory" locale="fr" />);
    fireEvent.change(await screen.findByLabelText("Investisseur"), { target: { value: "amazon" } });
    const field = screen.getByLabelText("Valorisation de OpenAI Group PBC");
    fireEvent.change(field, { target: { value: "1 000 Md$" } });
    const report = await cliExposure("ai-ecosystem.yaml", "amazon", ["--valuation", "openai=$1T"]);
    const openai = report.companies.find((c) => c.company === "openai")!;
    expect(openai.valuation).toBe("1000000000000");
    await waitFor(() =>
      expect(cellsOf(document.getElementById("exposure-table")!, "openai")).toEqual([
        formatPercent(Rational.parse(openai.ownership)!, 4, "fr"),
        usd(openai.invested, "fr"),
        usd(openai.valuation, "fr"),
        usd(openai.value, "fr"),
        usd(openai.agreementRevenue, "fr"),
      ]),
    );
    // The typed trillion reads as the core's French compact form, its digits in the title.
    const valuation = document.querySelectorAll('#exposure-table tr[data-company="openai"] td')[2]!;
    expect(valuation.textContent).toBe("1 000 Md$");
    expect(valuation.getAttribute("title")).toBe("1\u202f000\u202f000\u202f000\u202f000\u00a0$");
  });

  it("WEB-22 an unreadable valuation shows the amount parser's message under its field and values nothing from it", async () => {
    window.location.hash = href.view("examples", "ai-ecosystem", "exposure");
    render(<App dataAccess={new MemoryDataAccess(exampleFiles())} mode="memory" locale="en" />);
    const field = await screen.findByLabelText("Valuation of OpenAI Group PBC");
    fireEvent.change(field, { target: { value: "a lot" } });
    expect(field.getAttribute("aria-invalid")).toBe("true");
    const message = document.getElementById(field.getAttribute("aria-describedby")!)!;
    const parsed = parseAmount("a lot");
    expect(parsed.ok).toBe(false);
    expect(message.textContent).toBe(parsed.ok ? "" : parsed.error);
    expect(message.textContent).toMatch(/^"a lot" is not an amount/);
    // The stake is still valued at the last round's post-money.
    fireEvent.change(screen.getByLabelText("Investor"), { target: { value: "amazon" } });
    const report = await cliExposure("ai-ecosystem.yaml", "amazon");
    const openai = report.companies.find((c) => c.company === "openai")!;
    expect(cellsOf(document.getElementById("exposure-table")!, "openai")[2]).toBe(
      usd(openai.valuation, "en"),
    );
  });
});
