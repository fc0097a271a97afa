// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { MemoryDataAccess } from "../../../src/web/api/memory-data-access.js";
import { App } from "../../../src/web/app/App.js";
import { href } from "../../../src/web/app/routes.js";
import { dateText, readDate } from "../../../src/web/components/DateField.js";
import { I18nProvider } from "../../../src/web/i18n/i18n.js";
import { DifferenceTables } from "../../../src/web/views/HistoryView.js";
import { exampleFiles } from "../support/examples.js";
import { preloadLazyViews } from "../support/lazy-views.js";

beforeEach(() => localStorage.clear());
afterEach(() => cleanup());
beforeAll(preloadLazyViews, 120_000);

/**
 * What a new user of the French interface met in English or in the browser's American form
 * (found by hand in Chromium): dates as mm/dd/yyyy, transaction kinds and the choices of the
 * editor's lists as the deal file's values.
 */
describe("WEB-FR-1 French forms", () => {
  it("WEB-FR-1 a date reads and writes as the interface's language does: 28/10/2025 in French, ISO in English", () => {
    expect(dateText("2025-10-28", "fr")).toBe("28/10/2025");
    expect(dateText("2025-10-28", "en")).toBe("2025-10-28");
    expect(readDate("28/10/2025", "fr")).toBe("2025-10-28");
    expect(readDate("1/2/2026", "fr")).toBe("2026-02-01");
    expect(readDate("2025-10-28", "fr")).toBe("2025-10-28");
    // Not calendar dates, or not the language's form: nothing is read.
    expect(readDate("31/02/2026", "fr")).toBeUndefined();
    expect(readDate("10/28/2025", "fr")).toBeUndefined();
    expect(readDate("28/10/2025", "en")).toBeUndefined();
    expect(readDate("2025-13-01", "en")).toBeUndefined();
  });

  it("WEB-FR-1 the cap table's date is typed jj/mm/aaaa in French and gives the cap table of that day; a wrong date is said, not used", async () => {
    window.location.hash = href.capTable("examples", "openai-round");
    render(<App dataAccess={new MemoryDataAccess(exampleFiles())} mode="memory" locale="fr" />);
    const field = (await screen.findByLabelText("À la date du")) as HTMLInputElement;
    // A text field in the interface's form, not the browser's date input (mm/dd/yyyy in an American browser).
    expect(field.type).toBe("text");
    expect(field.placeholder).toBe("jj/mm/aaaa");
    fireEvent.change(field, { target: { value: "01/01/2026" } });
    await screen.findByRole("heading", { name: "OpenAI Group PBC — table de capitalisation au 01/01/2026" });
    expect(window.location.hash).toContain("asOf=2026-01-01");
    fireEvent.change(field, { target: { value: "31/02/2026" } });
    expect(field.getAttribute("aria-invalid")).toBe("true");
    expect(field.getAttribute("aria-describedby")).toContain("as-of-help");
    const problem = field
      .getAttribute("aria-describedby")!
      .split(" ")
      .find((id) => id !== "as-of-help")!;
    expect(document.getElementById(problem)?.textContent).toBe(
      "Ce n’est pas une date : écrivez-la 28/10/2025.",
    );
    // The cap table stays the one of the last date read.
    expect(window.location.hash).toContain("asOf=2026-01-01");
  });

  it("WEB-FR-1 the editor's lists name transactions by their kind in French, with French dates; its choices are French words", async () => {
    window.location.hash = href.view("examples", "openai-round", "edit");
    render(<App dataAccess={new MemoryDataAccess(exampleFiles())} mode="memory" locale="fr" />);
    const operations = (await screen.findByRole("heading", { name: "Opérations" })).closest("section")!;
    const items = [...operations.querySelectorAll(".record-list li")].map((li) => li.textContent ?? "");
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(item).toContain(" · Émission d’actions · 28/10/2025");
      expect(item).not.toContain("issue");
    }
    const stakeholders = screen.getByRole("heading", { name: "Parties prenantes" }).closest("section")!;
    fireEvent.click(within(stakeholders).getByText("Ajouter — Parties prenantes"));
    const kind = within(stakeholders).getByLabelText("Nature") as HTMLSelectElement;
    expect([...kind.options].map((o) => [o.value, o.textContent])).toEqual([
      ["institution", "Personne morale"],
      ["individual", "Personne physique"],
      ["", "—"],
    ]);
    // The formation date is the same date field, in French.
    const formed = screen.getByLabelText("Date de création") as HTMLInputElement;
    expect(formed.placeholder).toBe("jj/mm/aaaa");
  });

  it("WEB-FR-1 the round builder says which scenario its uncertain figures start from in French, its claims by what they are about, not their ids", async () => {
    window.location.hash = href.round("examples", "openai-round", "round-2026");
    render(<App dataAccess={new MemoryDataAccess(exampleFiles())} mode="memory" locale="fr" />);
    const note = (await screen.findByText(/partent du scénario/)).textContent ?? "";
    expect(note).toContain("partent du scénario de base (affirmations : ");
    // Grouped by source, each claim by what it is about (as the scenarios' and simulation's files name them).
    expect(note).toContain("Amazon + Nvidia + Microsoft");
    for (const id of ["trio-about-40", "amazon-tens-of-billions", "microsoft-under-10", "valuation-830"])
      expect(note).not.toContain(id);
  });

  it("WEB-FR-1 the history's pro forma figures are named in French (were the JSON's ids: 'post money'); an unmoved pro forma is said in words, not an empty table", () => {
    const moved = {
      from: 1,
      to: 2,
      records: [],
      proForma: {
        round: { before: "Series A", after: "Series A" },
        figures: [
          { figure: "price_per_share", currency: "USD", before: "1.5", after: "1.6" },
          { figure: "post_money", currency: "USD", before: "15000000", after: "16000000" },
        ],
        holders: [],
      },
    };
    const view = render(
      <I18nProvider initial="fr">
        <DifferenceTables difference={moved} />
      </I18nProvider>,
    );
    const table = screen.getByRole("table", { name: "Évolution du pro forma (Series A)" });
    expect([...table.querySelectorAll("tbody th")].map((th) => th.textContent)).toEqual([
      "Prix par action",
      "Post-money",
    ]);
    view.unmount();
    render(
      <I18nProvider initial="fr">
        <DifferenceTables difference={{ ...moved, proForma: { ...moved.proForma, figures: [] } }} />
      </I18nProvider>,
    );
    expect(screen.queryByRole("table")).toBeNull();
    screen.getByText("Le pro forma (Series A) est le même dans les deux versions.");
  });
});
