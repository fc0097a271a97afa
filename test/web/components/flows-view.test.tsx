// @vitest-environment happy-dom
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { compactMoney } from "../../../src/core/exact/money.js";
import { Rational } from "../../../src/core/exact/rational.js";
import { loadWorkspace } from "../../../src/deal/workspace.js";
import { flowModelOf, flowsReport } from "../../../src/report/flows-report.js";
import { MemoryDataAccess } from "../../../src/web/api/memory-data-access.js";
import { App } from "../../../src/web/app/App.js";
import { href } from "../../../src/web/app/routes.js";
import { formatMoney, formatPercent, type Locale } from "../../../src/web/i18n/number-format.js";
import { exampleFiles } from "../support/examples.js";
import { preloadLazyViews } from "../support/lazy-views.js";

const examples = join(import.meta.dirname, "../../../examples");

/** `roundtable flows examples/<file> --format json`, as the command computes it from the files. */
function cliReport(file: string) {
  const loaded = loadWorkspace(readFileSync(join(examples, file), "utf8"), file, (relative) => ({
    ok: true,
    text: readFileSync(join(examples, relative), "utf8"),
    file: relative,
  }));
  if (!loaded.ok) throw new Error(loaded.diagnostics[0]!.message);
  const model = flowModelOf(loaded.workspace);
  if (!model.ok) throw new Error(model.problems[0]!.message);
  return flowsReport(loaded.workspace, model.value);
}

/** Each round's name in a workspace file, by `company/round` (the page names rounds, the JSON gives ids). */
function roundNamesOf(file: string): Map<string, string> {
  const loaded = loadWorkspace(readFileSync(join(examples, file), "utf8"), file, (relative) => ({
    ok: true,
    text: readFileSync(join(examples, relative), "utf8"),
    file: relative,
  }));
  if (!loaded.ok) throw new Error(loaded.diagnostics[0]!.message);
  return new Map(
    [...loaded.workspace.rounds].flatMap(([company, rounds]) =>
      rounds.map((r) => [`${company}/${r.id}`, r.name]),
    ),
  );
}

const usd = (text: string | null, places: number, locale: Locale) =>
  formatMoney(
    { kind: "money", currency: "USD" as never, amount: Rational.parse(text ?? "0")! },
    places,
    locale,
  );

/** An amount to the dollar, or to the cent when it has cents or less: the title of a compact cell. */
const exactUsd = (text: string, locale: Locale) => usd(text, text.includes(".") ? 2 : 0, locale);

/** An amount as the tables show it: compact as people read it (the core's compactMoney). */
const compactUsd = (text: string | null, locale: Locale) =>
  compactMoney({ kind: "money", currency: "USD" as never, amount: Rational.parse(text ?? "0")! }, locale);

/** A row's cells, each amount by its exact value (the cell's title), other cells by their text. */
const exactCells = (row: Element) =>
  [...row.querySelectorAll("td")].map((c) => c.getAttribute("title") ?? c.textContent);

beforeEach(() => localStorage.clear());
afterEach(() => cleanup());

// The views load on demand in the app; imported ahead, so that no query waits for a transform.
beforeAll(preloadLazyViews, 120_000);

describe("WEB-14 capital flows of a workspace", () => {
  it("WEB-14 the round-trip metrics and net cash of cloud-partners.yaml are the flows report's: compact, to the dollar in the title", async () => {
    window.location.hash = href.view("examples", "cloud-partners", "flows");
    render(<App dataAccess={new MemoryDataAccess(exampleFiles())} mode="memory" locale="en" />);
    const table = await screen.findByRole("table", {
      name: "Investments and the money that comes back through linked agreements",
    });
    const report = cliReport("cloud-partners.yaml");
    const roundNames = roundNamesOf("cloud-partners.yaml");
    expect(report.investments.length).toBe(3);
    for (const m of report.investments) {
      const row = table.querySelector(`tr[data-investment="${m.investor}@${m.company}/${m.round}"]`)!;
      const cells = exactCells(row);
      expect(cells).toEqual([
        roundNames.get(`${m.company}/${m.round}`),
        exactUsd(m.gross, "en"),
        exactUsd(m.returned, "en"),
        m.returnedProfit === null ? "no margin" : exactUsd(m.returnedProfit, "en"),
        exactUsd(m.netCash, "en"),
        formatPercent(Rational.parse(m.roundTripRatio)!, 2, "en"),
        m.effectivePricePerShare === null ? "" : usd(m.effectivePricePerShare, 4, "en"),
      ]);
    }
    // Hand-checked figures of the example (the CLI prints the same).
    const helios = table.querySelector('tr[data-investment="helios@nimbus/series-b"]')!;
    // What a reader sees (issue 16), then the exact amounts one step away, in the titles.
    expect([...helios.querySelectorAll("td")].map((td) => td.textContent)).toEqual([
      "Series B",
      "$50M",
      "$40M",
      "$14M",
      "$10M",
      "80.00%",
      "$23.0400",
    ]);
    expect(exactCells(helios)).toEqual([
      "Series B",
      "$50,000,000",
      "$40,000,000",
      "$14,000,000",
      "$10,000,000",
      "80.00%",
      "$23.0400",
    ]);
    const net = [...document.querySelectorAll("#flows-net-cash tbody tr")].map((tr) => [
      tr.getAttribute("data-party"),
      tr.querySelector("td")?.textContent,
      tr.querySelector("td")?.getAttribute("title"),
    ]);
    expect(net).toEqual(report.netCash.map((n) => [n.party, compactUsd(n.net, "en"), exactUsd(n.net, "en")]));
    expect(net.find(([p]) => p === "helios")?.slice(1)).toEqual(["-$13M", "-$13,000,000"]);
    // The Sankey's table alternative lists every flow with its exact amount.
    fireEvent.click(screen.getAllByRole("button", { name: "Show as a table" })[0]!);
    const links = [...document.querySelectorAll("#flows-links tbody tr")].map((tr) =>
      [...tr.querySelectorAll("td")].map((td) => td.getAttribute("title") ?? td.textContent),
    );
    // Every flow of the JSON's Sankey, its parties and round or agreement by name.
    const names = new Map(report.parties.map((p) => [p.id, p.name]));
    expect(links.map((l) => l[3])).toEqual(report.sankey.links.map((l) => exactUsd(l.value, "en")));
    expect(links.map((l) => l.slice(0, 2))).toEqual(
      report.sankey.links.map((l) => [
        names.get(l.source.replace(/:pays$/, "")),
        names.get(l.target.replace(/:receives$/, "")),
      ]),
    );
    expect(links.flat().join(" ")).not.toMatch(/series-b|nimbus|helios/);
  });

  it("WEB-14 ai-ecosystem.yaml's file: company resolves to the stored openai-round deal; French formats", async () => {
    window.location.hash = href.view("examples", "ai-ecosystem", "flows");
    render(<App dataAccess={new MemoryDataAccess(exampleFiles())} mode="memory" locale="fr" />);
    await screen.findByRole("table", {
      name: "Trésorerie nette par partie (reçu − payé, sur les investissements et accords ci-dessus)",
    });
    const report = cliReport("ai-ecosystem.yaml");
    expect(report.investments.some((m) => m.company === "openai")).toBe(true);
    // The scenario in the CLI's words ("le scénario de base"), not its id.
    expect(report.scenario?.name).toBe("base");
    screen.getByText("Montants incertains pris dans le scénario de base.");
    for (const m of report.investments) {
      const row = document.querySelector(`tr[data-investment="${m.investor}@${m.company}/${m.round}"]`)!;
      const cells = exactCells(row);
      expect(cells[0]).toBe(roundNamesOf("ai-ecosystem.yaml").get(`${m.company}/${m.round}`));
      expect(cells[1]).toBe(exactUsd(m.gross, "fr"));
      expect(row.querySelectorAll("td")[1]!.textContent).toBe(compactUsd(m.gross, "fr"));
      expect(cells[5]).toBe(formatPercent(Rational.parse(m.roundTripRatio)!, 2, "fr"));
    }
    const cells = [...document.querySelectorAll("#flows-net-cash tbody tr td")];
    expect(cells.map((td) => td.getAttribute("title"))).toEqual(
      report.netCash.map((n) => exactUsd(n.net, "fr")),
    );
    expect(cells.map((td) => td.textContent)).toEqual(report.netCash.map((n) => compactUsd(n.net, "fr")));
    expect(cells[0]!.getAttribute("title")).toMatch(/^-?\d{1,3}(\u202f\d{3})*\u00a0\$$/);
    // French scales: "Md$" for milliards, never the English "B".
    expect(cells.map((td) => td.textContent).join(" ")).toMatch(/Md\$/);
    expect(cells.map((td) => td.textContent).join(" ")).not.toMatch(/\dB\b/);
  });
});
