// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { claimsReportOf } from "../../../src/app/claims-report.js";
import { scenarioNames, scenariosReportOf } from "../../../src/app/scenarios-report.js";
import { compactMoney, type Money } from "../../../src/core/exact/money.js";
import { toDealDraft } from "../../../src/core/ingest/deal-draft.js";
import { ingest } from "../../../src/core/ingest/ingest.js";
import { ingestedEntries, knownNames } from "../../../src/deal/ingest-into-deal.js";
import { loadDeal } from "../../../src/deal/load.js";
import { claimsReport } from "../../../src/report/claims-report.js";
import { conflictText, gapWords } from "../../../src/report/claims-text.js";
import { explanationFr } from "../../../src/report/fr.js";
import { MemoryDataAccess } from "../../../src/web/api/memory-data-access.js";
import { App } from "../../../src/web/app/App.js";
import { href } from "../../../src/web/app/routes.js";
import { findEvidence } from "../../../src/web/engine/evidence.js";
import { formatMoney, formatPercent, type Locale } from "../../../src/web/i18n/number-format.js";
import { cli } from "../../support/cli.js";
import { exampleFiles, exampleText } from "../support/examples.js";
import { preloadLazyViews } from "../support/lazy-views.js";

function openaiDeal() {
  const loaded = loadDeal(exampleText("openai-round"), "openai-round.yaml");
  if (!loaded.ok) throw new Error(loaded.diagnostics[0]!.message);
  return loaded.deal;
}

/** The founding report's text, as the example's source holds it (DEAL-7). */
const FOUNDING_REPORT =
  (openaiDeal().document.sources as { id: string; text?: string }[]).find((s) => s.id === "report-fr")
    ?.text ?? "";

function renderApp(data: MemoryDataAccess, locale: Locale = "en") {
  return render(<App dataAccess={data} mode="memory" locale={locale} />);
}

beforeEach(() => localStorage.clear());
afterEach(() => cleanup());

// The views load on demand in the app; imported ahead, so that no query waits for a transform.
beforeAll(preloadLazyViews, 120_000);

describe("WEB-11 sources and claims", () => {
  it("DEAL-7 every evidence of the founding report's claims is found in the source's text", () => {
    const deal = openaiDeal();
    const text = (deal.document.sources as { id: string; text?: string }[]).find(
      (s) => s.id === "report-fr",
    )?.text;
    expect(text?.startsWith("OpenAI envisage de lever jusqu’à 100 milliards de dollars")).toBe(true);
    const claims = deal.uncertainty!.claimSet.claims.filter((c) => c.source === "report-fr");
    expect(claims.length).toBe(7);
    for (const c of claims) expect(findEvidence(text!, c.evidence!), c.id).toBeDefined();
  });

  it("WEB-11 shows the default reading's feasible ranges, the conflicts in words and each source", async () => {
    window.location.hash = href.view("examples", "openai-round", "claims");
    renderApp(new MemoryDataAccess(exampleFiles()));
    const table = (await screen.findByRole("table", {
      name: /^Reading 1: without Amazon \+ Nvidia \+ Microsoft: \$60B/,
    })) as HTMLTableElement;
    const report = claimsReport(openaiDeal());
    const rows = report.readings[0]!.ranges;
    // The claims report's ranges, as `roundtable claims` prints them ("[$10B, $44B]").
    for (const r of rows) {
      const row = table.querySelector(`tr[data-quantity="${r.quantity}"]`);
      expect(row?.querySelector("td")?.textContent, r.label).toBe(r.text);
    }
    expect(
      table.querySelector('tr[data-quantity="round:round-2026/investment:amazon"] td')?.textContent,
    ).toBe("[$10B, $44B]");
    expect(table.querySelector('tr[data-quantity="holder:microsoft/stake"] td')?.textContent).toBe(
      "[24.3%, 29.7%]",
    );
    const conflict = document.querySelector('[data-conflict="trio-about-40+trio-60"]');
    expect(conflict?.textContent).toContain(
      conflictText(claimsReportOf(openaiDeal()).conflicts[0]!.explanation),
    );
    for (const title of [
      "IA : OpenAI prépare une levée de fonds géante avec Amazon, Nvidia et Microsoft",
      "Announcements of OpenAI's recapitalization",
    ]) {
      expect(screen.getByRole("heading", { name: title })).toBeTruthy();
    }
  });

  it("WEB-11 the gaps and conflicts are worded from their structure with the claims' names: the CLI's text in English, src/report/fr.ts's sentences in French, no id", async () => {
    const r = await cli(["claims", "examples/openai-round.yaml"]);
    expect(r.code).toBe(0);
    const typed = claimsReportOf(openaiDeal());
    expect(typed.gaps.length).toBe(2);
    expect(typed.conflicts.length).toBe(1);
    const spanOf = (selector: string) => {
      const span = document.querySelector(`${selector} span`)!;
      expect(span.getAttribute("lang")).toBeNull();
      return span.textContent!;
    };

    window.location.hash = href.view("examples", "openai-round", "claims");
    renderApp(new MemoryDataAccess(exampleFiles()));
    await screen.findByRole("table", { name: /^Reading 1: without Amazon \+ Nvidia \+ Microsoft: \$60B/ });
    // The CLI's text report prints the same sentences.
    for (const g of typed.gaps) {
      const text = spanOf(`[data-gap="${g.claim.id}"]`);
      expect(text).toBe(gapWords(g.explanation));
      expect(r.stdout).toContain(text);
    }
    const english = spanOf('[data-conflict="trio-about-40+trio-60"]');
    expect(english).toBe(conflictText(typed.conflicts[0]!.explanation));
    expect(r.stdout).toContain(english);
    expect(document.querySelector('[data-conflict="trio-about-40+trio-60"] strong')!.textContent).toBe(
      "Amazon + Nvidia + Microsoft: about $40B + Amazon + Nvidia + Microsoft: $60B",
    );
    cleanup();

    renderApp(new MemoryDataAccess(exampleFiles()), "fr");
    await waitFor(() => expect(document.querySelector('[data-gap="trio-60"]')).not.toBeNull());
    expect(spanOf('[data-gap="trio-about-40"]')).toBe(
      "Les bornes hautes des membres (« Amazon : jusqu’à 50\u00a0Md$ », « Nvidia : jusqu’à 30\u00a0Md$ », « Microsoft : moins de 10\u00a0Md$ ») totalisent 90 Md$, plus que les 44 Md$ que « Amazon + Nvidia + Microsoft : environ 40\u00a0Md$ » autorise pour le groupe : ils ne peuvent pas tous atteindre leur borne ensemble.",
    );
    const french = spanOf('[data-conflict="trio-about-40+trio-60"]');
    expect(french).toBe(
      "« Amazon + Nvidia + Microsoft : 60\u00a0Md$ » exige pour Amazon + Nvidia + Microsoft au moins 60 Md$, mais « Amazon + Nvidia + Microsoft : environ 40\u00a0Md$ » autorise au plus 44 Md$.",
    );
    // The sentence templates are src/report/fr.ts's: no second French table in the web app.
    expect(french).toBe(
      explanationFr(
        {
          ...typed.conflicts[0]!.explanation,
          params: {
            ...typed.conflicts[0]!.explanation.params,
            pivot: { id: "trio-60", name: "Amazon + Nvidia + Microsoft : 60\u00a0Md$" },
            others: [{ id: "trio-about-40", name: "Amazon + Nvidia + Microsoft : environ 40\u00a0Md$" }],
          },
        },
        "USD",
      ),
    );
    for (const id of ["trio-60", "trio-about-40", "amazon-50"])
      expect(document.querySelector(".claims .notice")!.textContent).not.toContain(id);
  });

  it("APP-9 in French, the quantities the engine names are named in French: the claims list and the ranges", async () => {
    window.location.hash = href.view("examples", "openai-round", "claims");
    renderApp(new MemoryDataAccess(exampleFiles()), "fr");
    await screen.findByRole("button", { name: /^microsoft-stake — participation de Microsoft/ });
    const ranges = document.getElementById("reading-1")!;
    const rows = [...ranges.querySelectorAll("tbody th")].map((th) => th.textContent);
    expect(rows).toContain("participation de Microsoft");
    expect(rows).toContain("valorisation post-money du tour 2026 mega-round");
    expect(document.body.textContent).not.toContain("Microsoft's stake");
    expect(document.body.textContent).not.toContain("post-money valuation");
  });

  it("WEB-11 choosing a claim marks its evidence in the source's text", async () => {
    window.location.hash = href.view("examples", "openai-round", "claims");
    renderApp(new MemoryDataAccess(exampleFiles()));
    const button = await screen.findByRole("button", { name: /^nvidia-30 — Nvidia: up to \$30B/ });
    expect(document.querySelector("mark")).toBeNull();
    fireEvent.click(button);
    expect(button.getAttribute("aria-pressed")).toBe("true");
    const mark = document.getElementById("evidence-report-fr");
    expect(mark?.textContent).toBe(
      "Nvidia investir jusqu’à 30 milliards de dollars, selon des personnes familières avec le dossier",
    );
    // The whole text is there, the evidence in its place.
    const text = mark!.closest(".source-text")!.textContent;
    expect(text).toBe(FOUNDING_REPORT);
    expect(text!.indexOf(mark!.textContent!)).toBe(FOUNDING_REPORT.indexOf(mark!.textContent!));
  });

  it("WEB-11 an ingested article's accepted claims are added to the deal as a source and saved", async () => {
    window.location.hash = href.view("examples", "openai-round", "claims");
    const data = new MemoryDataAccess(exampleFiles());
    renderApp(data);
    const textarea = (await screen.findByLabelText("Article text")) as HTMLTextAreaElement;
    fireEvent.change(textarea, { target: { value: FOUNDING_REPORT } });
    fireEvent.change(screen.getByLabelText("Title"), { target: { value: "Le rapport fondateur" } });
    fireEvent.click(screen.getByRole("button", { name: "Read the article" }));

    // The claims `roundtable ingest --deal openai-round.yaml --write` would add.
    const deal = openaiDeal();
    const output = ingest(FOUNDING_REPORT, { lang: "auto", knownStakeholders: knownNames(deal) });
    if (!output.ok) throw new Error("ingest failed");
    const expected = ingestedEntries(
      toDealDraft(output.value, { title: "Le rapport fondateur" }),
      deal,
      "round-2026",
    );
    expect(expected.claims.length).toBeGreaterThan(2);
    await screen.findByText(`Proposed claims (${expected.claims.length})`);
    const proposed = [...document.querySelectorAll("[data-proposed]")].map((e) =>
      e.getAttribute("data-proposed"),
    );
    expect(proposed).toEqual(expected.claims.map((c) => c.id));
    for (const c of expected.claims) {
      const item = document.querySelector(`[data-proposed="${c.id}"]`)!;
      expect(item.querySelector("mark")?.textContent).toBe((c.evidence as { text: string }).text);
    }

    // Values in the interface's language: the round's target reads "up to $100B".
    const target = expected.claims.find((c) => c.about === "round:round-2026/size")!;
    expect(target.value).toMatch(/^up to 100000000000(\.0+)? USD$/);
    expect(document.querySelector(`[data-proposed="${target.id}"] .claim-value`)?.textContent).toBe(
      "up to $100B",
    );
    const first = String(expected.claims[0]!.id);
    const second = String(expected.claims[1]!.id);
    fireEvent.click(screen.getByLabelText(`Accept claim ${first}`));
    fireEvent.click(screen.getByLabelText(`Accept claim ${second}`));
    fireEvent.click(screen.getByLabelText(`Accept claim ${second}`));
    fireEvent.click(screen.getByRole("button", { name: "Add the accepted claims (1) to the deal" }));
    await screen.findByText(/Source news-le-rapport-fondateur added with 1 claims/);
    // The new source is listed with its claim, and its evidence marks in its text.
    const card = document.querySelector('[data-source="news-le-rapport-fondateur"]')!;
    expect(card).toBeTruthy();
    expect(card.querySelector(`[data-claim="${second}"]`)).toBeNull();
    fireEvent.click(within(card as HTMLElement).getByRole("button", { name: new RegExp(`^${first} `) }));
    expect(card.querySelector("mark")?.textContent).toBe(
      (expected.claims[0]!.evidence as { text: string }).text,
    );

    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save" })));
    await screen.findByText("Saved as version 2.");
    const saved = await data.getDeal("examples", "openai-round");
    if (!saved.ok) throw new Error("no deal");
    const sources = saved.value.document.sources as { id: string; text?: string }[];
    expect(sources.at(-1)?.id).toBe("news-le-rapport-fondateur");
    expect(sources.at(-1)?.text).toBe(FOUNDING_REPORT);
    const claims = saved.value.document.claims as { id: string }[];
    expect(claims.at(-1)?.id).toBe(first);
    expect(claims.some((c) => c.id === second)).toBe(false);
  });
});

describe("WEB-12 scenarios side by side", () => {
  it("WEB-12 in English: amounts compact ($55B), the exact amount in the title", async () => {
    window.location.hash = href.view("examples", "openai-round", "scenarios");
    renderApp(new MemoryDataAccess(exampleFiles()), "en");
    const table = (await screen.findByRole("table", {
      name: "2026 mega-round, by scenario",
    })) as HTMLTableElement;
    const base = table.querySelectorAll('tr[data-row="round-size"] td')[1]!;
    expect(base.textContent).toBe("$55B");
    expect(base.getAttribute("title")).toBe("$54,999,999,895");
    expect(table.querySelector("tbody")!.textContent).not.toMatch(/\d{1,3}(,\d{3}){3}/);
  });

  it("WEB-12 shows each scenario's figures as `roundtable scenarios` reports them, in French formats", async () => {
    window.location.hash = href.view("examples", "openai-round", "scenarios");
    renderApp(new MemoryDataAccess(exampleFiles()), "fr");
    const table = (await screen.findByRole("table", {
      name: "2026 mega-round, par scénario",
    })) as HTMLTableElement;
    const deal = openaiDeal();
    const report = scenariosReportOf(deal, scenarioNames(deal));
    if (!report.ok) throw new Error("no report");
    const columns = report.value.scenarios;
    expect(columns.map((c) => c.scenario).slice(0, 3)).toEqual(["low", "base", "high"]);
    // Amounts by their exact value (the cell's title), other cells by their text.
    const cells = (row: string) =>
      [...table.querySelectorAll(`tr[data-row="${row}"] td`)].map(
        (td) => td.getAttribute("title") ?? td.textContent ?? "",
      );
    const shown = (row: string) =>
      [...table.querySelectorAll(`tr[data-row="${row}"] td`)].map((td) => td.textContent ?? "");
    const exact = (m: Money) => formatMoney(m, m.amount.isInteger() ? 0 : 2, "fr");
    expect(cells("round-size")).toEqual(columns.map((c) => exact(c.roundSize)));
    expect(shown("round-size")).toEqual(columns.map((c) => compactMoney(c.roundSize, "fr")));
    expect(cells("price")).toEqual(columns.map((c) => formatMoney(c.pricePerShare, 4, "fr")));
    expect(cells("post-money")).toEqual(columns.map((c) => exact(c.postMoneyValuation)));
    expect(shown("post-money")).toEqual(columns.map((c) => compactMoney(c.postMoneyValuation, "fr")));
    const amazon = cells("ownership:amazon");
    columns.forEach((c, i) => {
      const h = c.holders.find((x) => x.holder.id === "amazon")!;
      expect(amazon[i]).toBe(formatPercent(h.fullyDilutedAfter, 4, "fr"));
    });
    // French formats: narrow no-break spaces between groups, a no-break space before the unit, a decimal comma.
    expect(cells("round-size")[1]).toBe("54\u202f999\u202f999\u202f895\u00a0$");
    // What a reader sees: the core's compact form, in French milliards.
    expect(shown("round-size")[1]).toBe("55 Md$");
    expect(amazon[1]).toMatch(/^\d+,\d{4}\u00a0%$/);
    // In the scenarios table (the charts' tables, kept in the page for screen readers, have the column too).
    await waitFor(() =>
      expect(
        within(document.getElementById("scenarios-table")!).getByRole("columnheader", { name: "De base" }),
      ).toBeTruthy(),
    );
  });
});
