// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { compactMoney } from "../../../src/core/exact/money.js";
import { Rational } from "../../../src/core/exact/rational.js";
import { dealDocumentFromText, dealDocumentText } from "../../../src/web/api/deal-text.js";
import { MemoryDataAccess } from "../../../src/web/api/memory-data-access.js";
import { App } from "../../../src/web/app/App.js";
import { href } from "../../../src/web/app/routes.js";
import { prepareSimulationJob } from "../../../src/web/engine/simulation-job.js";
import { formatMoney, formatPercent } from "../../../src/web/i18n/number-format.js";
import { exampleFiles, exampleText } from "../support/examples.js";
import { preloadLazyViews } from "../support/lazy-views.js";

beforeEach(() => {
  localStorage.clear();
  window.location.hash = href.view("examples", "openai-round", "simulate");
});
afterEach(() => cleanup());

// The views load on demand in the app; imported ahead, so that no query waits for a transform.
beforeAll(preloadLazyViews, 120_000);

describe("WEB-13 the Monte Carlo view", () => {
  it("WEB-13 runs with a seed and runs, shows progress, and the percentiles of the report", async () => {
    render(<App dataAccess={new MemoryDataAccess(exampleFiles())} mode="memory" locale="en" />);
    const runs = (await screen.findByLabelText("Scenarios")) as HTMLInputElement;
    fireEvent.change(runs, { target: { value: "20000" } });
    fireEvent.change(screen.getByLabelText("Seed"), { target: { value: "7" } });
    fireEvent.click(screen.getByRole("button", { name: "Run the simulation" }));
    const progress = await screen.findByLabelText(/^Progress: .* of 20,000 scenarios$/);
    expect(progress.tagName).toBe("PROGRESS");
    expect(progress.getAttribute("max")).toBe("20000");
    await screen.findByText("20,000 scenarios, seed 7 (20,000 priced).", undefined, { timeout: 20_000 });

    const documentText = dealDocumentText(dealDocumentFromText(exampleText("openai-round"))!);
    const prepared = prepareSimulationJob({ documentText, fileName: "d.json", runs: 20000, seed: "7" });
    if (!prepared.ok) throw new Error("prepare");
    const report = prepared.job.finish();
    const cells = (metric: string) =>
      [...document.querySelectorAll(`tr[data-metric="${metric}"] td`)].map((td) => td.textContent);
    const money = (text: string) =>
      compactMoney({ kind: "money", currency: "USD" as never, amount: Rational.parse(text)! }, "en");
    const s = report.postMoneyValuation;
    expect(cells("postMoney")).toEqual([money(s.p5), money(s.p50), money(s.p95), money(s.mean)]);
    const amazon = report.holders.find((h) => h.holder === "amazon")!.ownership;
    expect(cells("holder:amazon")).toEqual(
      [amazon.p5, amazon.p50, amazon.p95, amazon.mean].map((x) => formatPercent(Rational.parse(x)!, 4, "en")),
    );
    // The fan charts' tables: the five percentiles of every holder's ownership and of the price,
    // the report's statistics to the digit shown (WEB-13).
    const fan = (id: string, key: string) =>
      [...document.querySelectorAll(`#${id} tr[data-fan="${key}"] td`)].map((td) => td.textContent);
    const quantiles = (st: typeof amazon) => [st.p5, st.p25, st.p50, st.p75, st.p95];
    expect(fan("fan-ownership-table", "amazon")).toEqual(
      quantiles(amazon).map((x) => formatPercent(Rational.parse(x)!, 4, "en")),
    );
    expect(document.querySelectorAll("#fan-ownership-table tbody tr").length).toBe(report.holders.length);
    expect(fan("fan-price-table", "pricePerShare")).toEqual(
      quantiles(report.pricePerShare).map((x) =>
        formatMoney({ kind: "money", currency: "USD" as never, amount: Rational.parse(x)! }, 4, "en"),
      ),
    );
    // The quartiles lie between the outer percentiles and around the median.
    for (const h of report.holders) {
      const [p5, p25, p50, p75, p95] = quantiles(h.ownership).map(Number);
      expect(p5! <= p25! && p25! <= p50! && p50! <= p75! && p75! <= p95!).toBe(true);
    }
    // The histogram's table alternative: its bins' counts add up to the priced scenarios.
    const histogram = screen.getByRole("figure", { name: /^Histogram/ });
    fireEvent.click(within(histogram).getByRole("button", { name: "Show as a table" }));
    const counts = [...document.querySelectorAll("#histogram-table tbody tr td:last-child")].map((td) =>
      Number(td.textContent?.replaceAll(",", "")),
    );
    expect(counts.length).toBe(32);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(report.valid);
  });

  it("WEB-13 samples under a named scenario's claims when one is chosen", async () => {
    render(<App dataAccess={new MemoryDataAccess(exampleFiles())} mode="memory" locale="en" />);
    const scenario = (await screen.findByLabelText("Claims sampled")) as HTMLSelectElement;
    expect(scenario.value).toBe("");
    expect([...scenario.options].map((o) => o.value)).toEqual(["", "version-40", "version-60"]);
    // openai-round has one uncertain round: no round to choose.
    expect(screen.queryByLabelText("Round")).toBeNull();
    fireEvent.change(scenario, { target: { value: "version-60" } });
    fireEvent.change(screen.getByLabelText("Scenarios"), { target: { value: "3000" } });
    fireEvent.change(screen.getByLabelText("Seed"), { target: { value: "3" } });
    fireEvent.click(screen.getByRole("button", { name: "Run the simulation" }));
    await screen.findByText(/^3,000 scenarios, seed 3/, undefined, { timeout: 20_000 });

    const documentText = dealDocumentText(dealDocumentFromText(exampleText("openai-round"))!);
    const job = (scenarioName?: string) => {
      const prepared = prepareSimulationJob({
        documentText,
        fileName: "d.json",
        runs: 3000,
        seed: "3",
        ...(scenarioName ? { scenario: scenarioName } : {}),
      });
      if (!prepared.ok) throw new Error("prepare");
      return prepared.job.finish();
    };
    const named = job("version-60");
    const money = (text: string) =>
      compactMoney({ kind: "money", currency: "USD" as never, amount: Rational.parse(text)! }, "en");
    const cells = [...document.querySelectorAll(`tr[data-metric="roundSize"] td`)].map(
      (td) => td.textContent,
    );
    const s = named.roundSize;
    expect(cells).toEqual([money(s.p5), money(s.p50), money(s.p95), money(s.mean)]);
    const d = job().roundSize;
    expect(cells).not.toEqual([money(d.p5), money(d.p50), money(d.p95), money(d.mean)]);
  });

  it("WEB-13 a cancel stops the simulation", async () => {
    render(<App dataAccess={new MemoryDataAccess(exampleFiles())} mode="memory" locale="en" />);
    fireEvent.change(await screen.findByLabelText("Scenarios"), { target: { value: "2000000" } });
    fireEvent.click(screen.getByRole("button", { name: "Run the simulation" }));
    await screen.findByLabelText(/^Progress:/);
    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    await screen.findByText("The simulation was cancelled.");
    await waitFor(() => expect(screen.queryByLabelText(/^Progress:/)).toBeNull());
  });

  it("WEB-3 an unreadable seed is shown under its field and the run is disabled", async () => {
    render(<App dataAccess={new MemoryDataAccess(exampleFiles())} mode="memory" locale="fr" />);
    const seed = (await screen.findByLabelText("Graine")) as HTMLInputElement;
    fireEvent.change(seed, { target: { value: "abc" } });
    const error = await screen.findByText("La graine est un entier (0, 1, 2, …).");
    expect(seed.getAttribute("aria-invalid")).toBe("true");
    expect(seed.getAttribute("aria-describedby")).toBe(error.id);
    expect((screen.getByRole("button", { name: "Lancer la simulation" }) as HTMLButtonElement).disabled).toBe(
      true,
    );
  });
});
