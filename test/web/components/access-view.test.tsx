// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { MemoryDataAccess } from "../../../src/web/api/memory-data-access.js";
import { App } from "../../../src/web/app/App.js";
import { href } from "../../../src/web/app/routes.js";
import { exampleFiles } from "../support/examples.js";
import { preloadLazyViews } from "../support/lazy-views.js";

beforeEach(() => {
  localStorage.clear();
  window.location.hash = href.access("examples");
});
afterEach(() => cleanup());

// The views load on demand in the app; imported ahead, so that no query waits for a transform.
beforeAll(preloadLazyViews, 120_000);

describe("WEB-16 the owners' access view", () => {
  it("WEB-16 lists the members, adds one, changes a role and shows the server's refusal beside the member", async () => {
    const data = new MemoryDataAccess(exampleFiles());
    render(<App dataAccess={data} mode="memory" locale="en" />);
    const table = await screen.findByRole("table", { name: "Members of the workspace" });
    expect([...table.querySelectorAll("tbody tr")].map((r) => r.getAttribute("data-member"))).toEqual([
      "dev",
    ]);
    expect((screen.getByLabelText("Role of dev") as HTMLSelectElement).value).toBe("owner");

    // The add-member form, beside the invitation form that has fields of the same kind.
    const add = within(screen.getByRole("form", { name: "Add a member" }));
    fireEvent.change(add.getByLabelText("User name"), { target: { value: "ana" } });
    fireEvent.change(add.getByLabelText("Role", { selector: "select" }), {
      target: { value: "investor" },
    });
    fireEvent.change(add.getByLabelText("Stakeholders seen (investors)", { selector: "input" }), {
      target: { value: "amazon, nvidia" },
    });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Add the member" })));
    await screen.findByText("ana saved.");
    const ana = await screen.findByLabelText("Role of ana");
    expect((ana as HTMLSelectElement).value).toBe("investor");
    expect((screen.getByLabelText("Stakeholders ana sees") as HTMLInputElement).value).toBe("amazon, nvidia");

    // The last owner cannot become a viewer: the refusal names the member.
    fireEvent.change(screen.getByLabelText("Role of dev"), { target: { value: "viewer" } });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Save dev" })));
    expect((await screen.findByRole("alert")).textContent).toBe(
      "dev: a workspace keeps at least one owner: name another owner first",
    );

    const row = document.querySelector('tr[data-member="ana"]') as HTMLElement;
    await act(async () => fireEvent.click(within(row).getByRole("button", { name: "Remove ana" })));
    await screen.findByText("ana removed.");
    const listed = await data.listMembers("examples");
    expect(listed.ok && listed.value.map((m) => m.username)).toEqual(["dev"]);
  });

  it("WEB-16 the deal page links owners to the access view", async () => {
    window.location.hash = href.capTable("examples", "openai-round");
    render(<App dataAccess={new MemoryDataAccess(exampleFiles())} mode="memory" locale="fr" />);
    const link = await screen.findByRole("link", { name: "Membres et rôles" });
    expect(link.getAttribute("href")).toBe(href.access("examples"));
  });
});
