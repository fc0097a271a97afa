// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { MemoryDataAccess } from "../../../src/web/api/memory-data-access.js";
import { App } from "../../../src/web/app/App.js";
import { href } from "../../../src/web/app/routes.js";
import { exampleFiles } from "../support/examples.js";
import { preloadLazyViews } from "../support/lazy-views.js";

beforeEach(() => {
  localStorage.clear();
});
afterEach(() => cleanup());

// The views load on demand in the app; imported ahead, so that no query waits for a transform.
beforeAll(preloadLazyViews, 120_000);

/** A deal whose round price has no decimal end (10/3): the use case refuses to close it. */
const ENDLESS = `roundtable: 1
company: { name: Endless Inc, currency: USD }
stakeholders:
  - { id: founders, name: Founders }
  - { id: lead, name: Lead }
classes:
  - { id: common, name: Common, type: common }
transactions:
  - { type: issue, date: 2020-01-01, holder: founders, class: common, shares: 3000000 }
rounds:
  - id: a
    name: Series A
    date: 2022-01-01
    class: { id: series-a, name: Series A Preferred }
    preMoney: $10M
    investments: [{ investor: lead, amount: $1M }]
`;

describe("CLOSE-3 the round page's close action", () => {
  it("CLOSE-3 asks for confirmation, closes the round as a new version, then shows the closed deal's cap table", async () => {
    const data = new MemoryDataAccess(exampleFiles());
    window.location.hash = href.round("examples", "down-round", "series-b");
    render(<App dataAccess={data} mode="memory" locale="en" />);
    const button = await screen.findByRole("button", { name: "Close Series B (down round)…" });
    fireEvent.click(button);
    const dialog = await screen.findByRole("alertdialog");
    expect(dialog.textContent).toMatch(
      /Close Series B \(down round\) into the ledger\? Version 1 becomes the record/,
    );
    // Cancelling leaves everything as it was.
    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("alertdialog")).toBeNull();
    const unchanged = await data.getDeal("examples", "down-round");
    expect(unchanged.ok && unchanged.value.version).toBe(1);

    fireEvent.click(screen.getByRole("button", { name: "Close Series B (down round)…" }));
    await act(async () =>
      fireEvent.click(screen.getByRole("button", { name: "Yes, close Series B (down round)" })),
    );
    await waitFor(() => expect(window.location.hash).toBe(href.capTable("examples", "down-round")));
    const stored = await data.getDeal("examples", "down-round");
    if (!stored.ok) throw new Error(stored.error.message);
    expect(stored.value.version).toBe(2);
    expect(stored.value.document.rounds).toBeUndefined();
    expect(stored.value.document.closedRounds).toEqual([
      // The record keeps the round's price and post-money (CLOSE-6), which the flows read.
      {
        id: "series-b",
        name: "Series B (down round)",
        date: "2023-11-20",
        pricePerShare: "USD 1.2",
        postMoney: "USD 21776779.2",
      },
    ]);
    // The round's tab is gone: it is no longer modelled.
    await waitFor(() => expect(screen.queryByRole("link", { name: /Series B \(down round\)/ })).toBeNull());
  });

  it("CLOSE-3 a round that cannot be closed shows the reason and writes nothing", async () => {
    const data = new MemoryDataAccess([{ id: "endless", name: "endless.yaml", text: ENDLESS }]);
    window.location.hash = href.round("examples", "endless", "a");
    render(<App dataAccess={data} mode="memory" locale="en" />);
    fireEvent.click(await screen.findByRole("button", { name: "Close Series A…" }));
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Yes, close Series A" })));
    expect((await screen.findByText(/The round was not closed/)).textContent).toBe(
      "The round was not closed: round Series A cannot be closed: its price per share, 10/3, is not a decimal that ends; state the round's pricePrecision (conventions: { pricePrecision: { places: 4, rounding: half_up } }, or add-round --price-places 4) so that its record has exact prices",
    );
    const stored = await data.getDeal("examples", "endless");
    expect(stored.ok && stored.value.version).toBe(1);
  });
});
