// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { modelOf } from "../../../src/app/model.js";
import { parseAmount } from "../../../src/core/exact/amount-parse.js";
import type { Currency } from "../../../src/core/exact/money.js";
import { loadDeal } from "../../../src/deal/load.js";
import { explanationFr } from "../../../src/report/fr.js";
import { pricingText } from "../../../src/report/model-text.js";
import { MemoryDataAccess } from "../../../src/web/api/memory-data-access.js";
import { App } from "../../../src/web/app/App.js";
import { href } from "../../../src/web/app/routes.js";
import { cli as runCli } from "../../support/cli.js";
import { exampleFiles, exampleText } from "../support/examples.js";
import { preloadLazyViews } from "../support/lazy-views.js";

const ROUND = href.round("examples", "openai-round", "round-2026");

function renderApp(data: MemoryDataAccess) {
  return render(<App dataAccess={data} mode="memory" locale="en" />);
}

async function amazonTyped(): Promise<HTMLInputElement> {
  return (await screen.findByLabelText("Amazon’s amount")) as HTMLInputElement;
}

function typeAndApply(input: HTMLInputElement, text: string) {
  fireEvent.change(input, { target: { value: text } });
  fireEvent.keyDown(input, { key: "Enter" });
}

beforeEach(() => {
  localStorage.clear();
  window.location.hash = ROUND;
});
afterEach(() => cleanup());

// The views load on demand in the app; imported ahead, so that no query waits for a transform.
beforeAll(preloadLazyViews, 120_000);

describe("WEB-3 the round builder shows errors next to the field that caused them", () => {
  it("WEB-3 an unreadable amount shows the parser's message under the field, linked to it", async () => {
    renderApp(new MemoryDataAccess(exampleFiles()));
    const input = await amazonTyped();
    typeAndApply(input, "fifty-ish");
    const expected = parseAmount("fifty-ish", { defaultCurrency: "USD" as Currency });
    if (expected.ok) throw new Error("expected a parser error");
    const alert = await screen.findByText(expected.error);
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(input.getAttribute("aria-describedby")).toContain(alert.id);
    // The field keeps what was typed, and the other fields are untouched.
    expect(input.value).toBe("fifty-ish");
    expect(
      ((await screen.findByLabelText("Nvidia’s amount")) as HTMLInputElement).getAttribute("aria-invalid"),
    ).toBeNull();
  });

  it("WEB-3 the slider and the typed field both reprice the round", async () => {
    renderApp(new MemoryDataAccess(exampleFiles()));
    const input = await amazonTyped();
    typeAndApply(input, "40 Md$");
    // $40B + the base scenario's $8.5B, $4.5B and $15B.
    await waitFor(() => expect(document.getElementById("figure-new-money")?.textContent).toBe("$68B"));
    const slider = screen.getByLabelText("Amazon’s amount, slider") as HTMLInputElement;
    // The slider's range is $0 to $100B in 1,000 steps of $100M.
    expect(slider.value).toBe("400");
    fireEvent.change(slider, { target: { value: "600" } });
    await waitFor(() => expect(input.value).toBe("$60B"));
    expect(document.getElementById("figure-new-money")?.textContent).toBe("$88B");
    expect(slider.getAttribute("aria-valuetext")).toBe("$60B");
  });
});

describe("WEB-9 a failed save loses nothing typed", () => {
  it("WEB-9 keeps the edits in the page and in localStorage after a failed save, and restores them after a reload", async () => {
    const data = new MemoryDataAccess(exampleFiles());
    const view = renderApp(data);
    typeAndApply(await amazonTyped(), "$45B");
    data.failNextSave = { status: 503, code: "unavailable", message: "the server is restarting" };
    fireEvent.click(await screen.findByRole("button", { name: "Save" }));
    await screen.findByText(/The save failed: the server is restarting/);
    expect((await amazonTyped()).value).toBe("$45B");
    const stored = JSON.parse(localStorage.getItem("roundtable:draft:examples/openai-round") ?? "null");
    expect(stored.baseVersion).toBe(1);
    expect(stored.rounds["round-2026"].current.amountTexts[0]).toBe("$45B");

    // A reload: a new page on the same storage.
    view.unmount();
    renderApp(data);
    expect((await amazonTyped()).value).toBe("$45B");
    await screen.findByText(/Unsaved changes from an earlier visit were restored/);
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await screen.findByText("Saved as version 2.");
    expect(localStorage.getItem("roundtable:draft:examples/openai-round")).toBeNull();
    const saved = await data.getDeal("examples", "openai-round");
    const amount = saved.ok
      ? (saved.value.document.rounds as { investments: { amount: unknown }[] }[])[0]!.investments[0]!.amount
      : null;
    expect(amount).toBe("$45B");
  });

  it("WEB-9 a conflicting save keeps the edits and offers to save over the newer version", async () => {
    const data = new MemoryDataAccess(exampleFiles());
    renderApp(data);
    typeAndApply(await amazonTyped(), "$44B");
    data.saveElsewhere("openai-round");
    fireEvent.click(await screen.findByRole("button", { name: "Save" }));
    const alert = await screen.findByText(/Someone saved this deal \(now version 2\)/);
    expect((await amazonTyped()).value).toBe("$44B");
    const over = within(alert.closest("div")!).getByRole("button", { name: "Save over version 2" });
    await act(async () => fireEvent.click(over));
    await screen.findByText("Saved as version 3.");
  });
});

describe("APP-2 the round builder reads the model's typed report: its explanations in the interface's language", () => {
  it("ROUND-5 the priced valuation's difference from the stated one: the CLI's words in English, src/report/fr.ts's in French", async () => {
    const loaded = loadDeal(exampleText("openai-round"), "openai-round.yaml");
    if (!loaded.ok) throw new Error(loaded.diagnostics[0]!.message);
    const report = modelOf(loaded.deal, { round: "round-2026" });
    if (!report.ok) throw new Error(report.problems[0]!.message);
    const pricing = report.value.round.pricing;
    expect(pricing.code).toBe("valuation_differs_from_stated");
    const cli = await runCli(["model", "examples/openai-round.yaml"]);
    expect(cli.code).toBe(0);

    renderApp(new MemoryDataAccess(exampleFiles()));
    const english = (await screen.findByText(/^stated post-money/)).textContent!;
    expect(english).toBe(pricingText(pricing, "USD", {}).trim().slice(1, -1));
    expect(cli.stdout).toContain(english);
    cleanup();

    render(<App dataAccess={new MemoryDataAccess(exampleFiles())} mode="memory" locale="fr" />);
    await waitFor(() => expect(document.getElementById("pricing-note")).not.toBeNull());
    expect(document.getElementById("pricing-note")!.textContent).toBe(explanationFr(pricing, "USD"));
    expect(document.getElementById("pricing-note")!.textContent).toMatch(
      /^La valorisation post-money calculée/,
    );
  });
});
