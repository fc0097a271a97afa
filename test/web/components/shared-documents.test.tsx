// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ShareDocumentRequest, SharedDocumentJson } from "../../../src/web/api/contract.js";
import { type ApiResult, failure } from "../../../src/web/api/data-access.js";
import { MemoryDataAccess } from "../../../src/web/api/memory-data-access.js";
import { App } from "../../../src/web/app/App.js";
import { DataAccessProvider } from "../../../src/web/app/data-context.js";
import { href } from "../../../src/web/app/routes.js";
import { SharedDocumentsList } from "../../../src/web/components/SharedDocuments.js";
import { I18nProvider } from "../../../src/web/i18n/i18n.js";
import { exampleFiles } from "../support/examples.js";
import { preloadLazyViews } from "../support/lazy-views.js";

const DOCUMENTS: SharedDocumentJson[] = [
  {
    id: "0b6d3c1e-2f4a-4c1b-9a55-6f1f0c1d2e3f",
    deal: "openai",
    version: 3,
    report: "model",
    format: "pdf",
    title: "OpenAI Group PBC pro forma, version 3",
    recipient: null,
    sharedBy: "owner",
    sharedAt: "2026-12-07T04:30:00.000Z",
    withdrawnAt: null,
    file: "/api/v1/workspaces/acme/shared-documents/0b6d3c1e-2f4a-4c1b-9a55-6f1f0c1d2e3f/file",
  },
  {
    id: "7d0e5a1b-3c2d-4e5f-8a9b-0c1d2e3f4a5b",
    deal: "seed",
    version: 1,
    report: "captable",
    format: "xlsx",
    title: "Board pack",
    recipient: "investor",
    sharedBy: "ceo",
    sharedAt: "2026-12-06T09:15:00.000Z",
    withdrawnAt: null,
    file: "/api/v1/workspaces/acme/shared-documents/7d0e5a1b-3c2d-4e5f-8a9b-0c1d2e3f4a5b/file",
  },
];

/** The examples in memory, with a server's answers for shared documents. */
class SharingDataAccess extends MemoryDataAccess {
  readonly shared: ShareDocumentRequest[] = [];
  listed: readonly SharedDocumentJson[] = DOCUMENTS;

  override async listSharedDocuments(): Promise<ApiResult<readonly SharedDocumentJson[]>> {
    return { ok: true, value: this.listed };
  }

  override async shareDocument(
    _workspace: string,
    request: ShareDocumentRequest,
  ): Promise<ApiResult<SharedDocumentJson>> {
    if (request.recipient === "viewer")
      return failure(400, "request_invalid", '"viewer" is not an investor member of workspace "examples"');
    this.shared.push(request);
    return { ok: true, value: { ...DOCUMENTS[0]!, title: `Shared ${request.report} v${request.version}` } };
  }
}

beforeEach(() => localStorage.clear());
afterEach(() => cleanup());
beforeAll(preloadLazyViews, 120_000);

function list(data: SharingDataAccess, locale: "en" | "fr") {
  return render(
    <I18nProvider initial={locale}>
      <DataAccessProvider value={data}>
        <SharedDocumentsList workspace="acme" />
      </DataAccessProvider>
    </I18nProvider>,
  );
}

describe("SRV-SHARE-3 / WEB-23 the documents shared with an investor", () => {
  it("SRV-SHARE-3 lists each document's title, report, format, version, sharer and date, with its download link", async () => {
    list(new SharingDataAccess(exampleFiles()), "en");
    const table = await screen.findByRole("table", { name: /shared with you/ });
    const rows = [...table.querySelectorAll("tbody tr")].map((row) =>
      [...row.querySelectorAll("th, td")].map((cell) => cell.textContent),
    );
    expect(rows).toEqual([
      [
        "OpenAI Group PBC pro forma, version 3",
        "Pro forma",
        "PDF",
        "3",
        "owner",
        expect.stringMatching(/Dec 7, 2026.*4:30/),
        "Download OpenAI Group PBC pro forma, version 3",
      ],
      [
        "Board pack",
        "Cap table",
        "XLSX",
        "1",
        "ceo",
        expect.stringMatching(/Dec 6, 2026.*9:15/),
        "Download Board pack",
      ],
    ]);
    const link = within(table).getByRole("link", { name: "Download Board pack" });
    expect(link.getAttribute("href")).toBe(DOCUMENTS[1]!.file);
    expect(link.hasAttribute("download")).toBe(true);
  });

  it("SRV-SHARE-3 says so when nothing is shared, in French too", async () => {
    const data = new SharingDataAccess(exampleFiles());
    data.listed = [];
    list(data, "fr");
    await screen.findByText("Aucun document n'a encore été partagé avec vous dans cet espace.");
    expect(screen.queryByRole("table")).toBeNull();
  });

  it("SRV-SHARE-1 an owner shares the stored version from the deal page; the server's refusal is shown as it says it", async () => {
    window.location.hash = href.capTable("examples", "openai-round");
    const data = new SharingDataAccess(exampleFiles());
    render(<App dataAccess={data} mode="memory" locale="en" />);
    fireEvent.click(await screen.findByText("Share with investors"));
    fireEvent.change(screen.getByLabelText("Report"), { target: { value: "captable" } });
    fireEvent.change(screen.getByLabelText("Format"), { target: { value: "xlsx" } });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Share" })));
    await screen.findByText("Shared: Shared captable v1.");
    expect(data.shared).toEqual([{ deal: "openai-round", report: "captable", format: "xlsx", version: 1 }]);
    fireEvent.change(screen.getByLabelText(/Investor's user name/), { target: { value: "viewer" } });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Share" })));
    expect((await screen.findByRole("alert")).textContent).toBe(
      '"viewer" is not an investor member of workspace "examples"',
    );
    expect(data.shared).toHaveLength(1);
  });
});
