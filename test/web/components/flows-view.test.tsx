// @vitest-environment happy-dom
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
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

beforeEach(() => localStorage.clear());
afterEach(() => cleanup());

// The views load on demand in the app; imported ahead, so that no query waits for a transform.
beforeAll(preloadLazyViews, 120_000);

describe("WEB-14 capital flows of a workspace", () => {
  it("WEB-14 the round-trip metrics and net cash of cloud-partners.yaml are the flows report's, to the dollar", async () => {
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
      const cells = [...row.querySelectorAll("td")].map((td) => td.textContent);
      expect(cells).toEqual([
        roundNames.get(`${m.company}/${m.round}`),
        usd(m.gross, 0, "en"),
        usd(m.returned, 0, "en"),
        m.returnedProfit === null ? "no margin" : usd(m.returnedProfit, 0, "en"),
        usd(m.netCash, 0, "en"),
        formatPercent(Rational.parse(m.roundTripRatio)!, 2, "en"),
        m.effectivePricePerShare === null ? "" : usd(m.effectivePricePerShare, 4, "en"),
      ]);
    }
    // Hand-checked figures of the example (the CLI prints the same).
    const helios = table.querySelector('tr[data-investment="helios@nimbus/series-b"]')!;
    expect([...helios.querySelectorAll("td")].map((td) => td.textContent)).toEqual([
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
    ]);
    expect(net).toEqual(report.netCash.map((n) => [n.party, usd(n.net, 0, "en")]));
    expect(net.find(([p]) => p === "helios")?.[1]).toBe("-$13,000,000");
    // The Sankey's table alternative lists every flow with its exact amount.
    fireEvent.click(screen.getAllByRole("button", { name: "Show as a table" })[0]!);
    const links = [...document.querySelectorAll("#flows-links tbody tr td:last-child")].map(
      (td) => td.textContent,
    );
    expect(links).toEqual(report.sankey.links.map((l) => usd(l.value, 0, "en")));
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
      const cells = [...row.querySelectorAll("td")].map((td) => td.textContent);
      expect(cells[0]).toBe(roundNamesOf("ai-ecosystem.yaml").get(`${m.company}/${m.round}`));
      expect(cells[1]).toBe(usd(m.gross, 0, "fr"));
      expect(cells[5]).toBe(formatPercent(Rational.parse(m.roundTripRatio)!, 2, "fr"));
    }
    const net = [...document.querySelectorAll("#flows-net-cash tbody tr td")].map((td) => td.textContent);
    expect(net).toEqual(report.netCash.map((n) => usd(n.net, 0, "fr")));
    expect(net[0]).toMatch(/^-?\d{1,3}(\u202f\d{3})*\u00a0\$$/);
  });
});
