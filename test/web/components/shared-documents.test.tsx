// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { ShareDocumentRequest, SharedDocumentJson } from "../../../src/web/api/contract.js";
import { type ApiResult, failure } from "../../../src/web/api/data-access.js";
import { MemoryDataAccess } from "../../../src/web/api/memory-data-access.js";
import { App } from "../../../src/web/app/App.js";
import { DataAccessProvider } from "../../../src/web/app/data-context.js";
import { href } from "../../../src/web/app/routes.js";
import {
  formatFileSize,
  SharedDocumentsList,
  SharedDocumentsManager,
} from "../../../src/web/components/SharedDocuments.js";
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
    expect(data.shared).toEqual([
      {
        deal: "openai-round",
        report: "captable",
        format: "xlsx",
        version: 1,
        title: "OpenAI Group PBC cap table, version 1",
      },
    ]);
    fireEvent.change(screen.getByLabelText(/Investor's user name/), { target: { value: "viewer" } });
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Share" })));
    expect((await screen.findByRole("alert")).textContent).toBe(
      '"viewer" is not an investor member of workspace "examples"',
    );
    expect(data.shared).toHaveLength(1);
  });

  it("SRV-SHARE-1 in French, the document's default title is French; a title the owner writes is sent as written", async () => {
    window.location.hash = href.capTable("examples", "openai-round");
    const data = new SharingDataAccess(exampleFiles());
    render(<App dataAccess={data} mode="memory" locale="fr" />);
    fireEvent.click(await screen.findByText("Partager avec les investisseurs"));
    const title = screen.getByLabelText("Titre que voient les investisseurs") as HTMLInputElement;
    expect(title.value).toBe("OpenAI Group PBC — pro forma, version 1");
    fireEvent.change(screen.getByLabelText("Rapport"), { target: { value: "captable" } });
    expect(title.value).toBe("OpenAI Group PBC — table de capitalisation, version 1");
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Partager" })));
    await screen.findByRole("status");
    expect(data.shared.at(-1)?.title).toBe("OpenAI Group PBC — table de capitalisation, version 1");
    fireEvent.change(title, { target: { value: "Dossier du conseil" } });
    // Once written, the title stays the owner's when the report changes.
    fireEvent.change(screen.getByLabelText("Rapport"), { target: { value: "model" } });
    expect(title.value).toBe("Dossier du conseil");
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Partager" })));
    expect(data.shared.at(-1)).toMatchObject({ report: "model", title: "Dossier du conseil" });
    expect(data.shared).toHaveLength(2);
  });
});

/** An owner's server: the deal's shared documents, their files' sizes, and withdrawals. */
class OwnerDataAccess extends MemoryDataAccess {
  listed: SharedDocumentJson[] = [
    { ...DOCUMENTS[0]!, deal: "openai-round", id: "a1", title: "Pro forma v3" },
    { ...DOCUMENTS[1]!, deal: "openai-round", id: "b2", title: "Board pack" },
    { ...DOCUMENTS[1]!, deal: "other-deal", id: "c3", title: "Elsewhere" },
  ];
  readonly withdrawn: string[] = [];

  override async listSharedDocuments(): Promise<ApiResult<readonly SharedDocumentJson[]>> {
    return { ok: true, value: this.listed.map((d) => ({ ...d })) };
  }

  override async sharedDocumentSize(file: string): Promise<ApiResult<number | null>> {
    return { ok: true, value: file === DOCUMENTS[0]!.file ? 48_213 : 900 };
  }

  override async withdrawSharedDocument(_workspace: string, id: string): Promise<ApiResult<null>> {
    if (id === "b2") return failure(404, "not_found", 'no document "b2" is shared in workspace "acme"');
    this.withdrawn.push(id);
    this.listed = this.listed.map((d) =>
      d.id === id ? { ...d, withdrawnAt: "2026-12-07T05:00:00.000Z" } : d,
    );
    return { ok: true, value: null };
  }
}

function manager(data: OwnerDataAccess, locale: "en" | "fr") {
  return render(
    <I18nProvider initial={locale}>
      <DataAccessProvider value={data}>
        <SharedDocumentsManager workspace="acme" dealId="openai-round" generation={0} />
      </DataAccessProvider>
    </I18nProvider>,
  );
}

describe("WEB-24 an owner manages the documents shared from a deal", () => {
  it("WEB-24 file sizes: bytes below 1 KB, else KB to one place, half-even, in both languages", () => {
    expect(formatFileSize(900, "en")).toBe("900 B");
    expect(formatFileSize(48_213, "en")).toBe("47.1 KB");
    // 1,280 bytes is exactly 1.25 KB and 1,792 bytes 1.75 KB: ties, to the even place.
    expect(formatFileSize(1_280, "en")).toBe("1.2 KB");
    expect(formatFileSize(1_792, "en")).toBe("1.8 KB");
    expect(formatFileSize(48_213, "fr")).toBe("47,1\u00a0Ko");
    expect(formatFileSize(900, "fr")).toBe("900\u00a0o");
  });

  it("WEB-24 lists this deal's documents with size, recipient and link; withdraws after a confirmation; a refusal stays in its row", async () => {
    const data = new OwnerDataAccess(exampleFiles());
    manager(data, "en");
    const table = await screen.findByRole("table", { name: /shared with investors from this deal/ });
    const rows = () =>
      [...table.querySelectorAll("tbody tr")].map((row) =>
        [...row.querySelectorAll("th, td")].map((c) => c.textContent),
      );
    await screen.findByText("47.1 KB");
    expect(rows()).toEqual([
      [
        "Pro forma v3",
        "Pro forma, PDF",
        "3",
        "every investor member",
        "owner",
        expect.stringMatching(/Dec 7, 2026.*4:30/),
        "47.1 KB",
        "Download Pro forma v3",
        "Shared Withdraw",
      ],
      [
        "Board pack",
        "Cap table, XLSX",
        "1",
        "investor",
        "ceo",
        expect.stringMatching(/Dec 6, 2026.*9:15/),
        "900 B",
        "Download Board pack",
        "Shared Withdraw",
      ],
    ]);
    // Cancelling leaves the document shared; nothing is sent.
    fireEvent.click(screen.getByRole("button", { name: "Withdraw Pro forma v3" }));
    screen.getByText("Withdraw “Pro forma v3”? Investors will no longer see or download it.");
    expect(document.activeElement?.textContent).toBe("Cancel");
    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(data.withdrawn).toEqual([]);
    fireEvent.click(screen.getByRole("button", { name: "Withdraw Pro forma v3" }));
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Yes, withdraw" })));
    await screen.findByText("Withdrawn: Pro forma v3.");
    expect(data.withdrawn).toEqual(["a1"]);
    await screen.findByText(/^Withdrawn on Dec 7, 2026/);
    // The list as read again.
    const reread = screen.getByRole("table", { name: /shared with investors from this deal/ });
    expect(within(reread).queryByRole("link", { name: "Download Pro forma v3" })).toBeNull();
    // The server's refusal is shown in the row it is about.
    fireEvent.click(screen.getByRole("button", { name: "Withdraw Board pack" }));
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "Yes, withdraw" })));
    const refused = await screen.findByRole("alert");
    expect(refused.textContent).toContain('no document "b2" is shared in workspace "acme"');
    expect(refused.closest("tr")?.getAttribute("data-shared-document")).toBe("b2");
  });

  it("WEB-24 in French", async () => {
    manager(new OwnerDataAccess(exampleFiles()), "fr");
    await screen.findByRole("heading", { name: "Partagés depuis cette opération" });
    // The text matcher reads U+00A0 as a space.
    await screen.findByText("47,1 Ko");
    screen.getByRole("button", { name: "Retirer Pro forma v3" });
    screen.getByText("tous les membres investisseurs");
  });
});
