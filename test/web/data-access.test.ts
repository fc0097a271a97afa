import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { API_BASE } from "../../src/web/api/contract.js";
import { HttpDataAccess } from "../../src/web/api/http-data-access.js";
import { MemoryDataAccess } from "../../src/web/api/memory-data-access.js";
import { exampleFiles } from "./support/examples.js";

describe("WEB-5 the in-memory data access behaves as the API does", () => {
  it("WEB-5 lists the examples, returns copies, saves with versions and refuses a stale version with 409", async () => {
    const data = new MemoryDataAccess(exampleFiles());
    const workspaces = await data.listWorkspaces();
    expect(workspaces.ok && workspaces.value.map((w) => w.id)).toEqual(["examples"]);
    const deals = await data.listDeals("examples");
    expect(deals.ok && deals.value.map((d) => [d.id, d.company, d.version])).toEqual([
      ["openai-round", "OpenAI Group PBC", 1],
      ["seed-to-series-a", "Acme Robotics, Inc.", 1],
      ["down-round", expect.any(String), 1],
      // Workspace documents are listed under their workspace's name.
      ["ai-ecosystem", "OpenAI's 2026 round and its investors' agreements", 1],
      ["cloud-partners", "Helios Cloud and its customers", 1],
    ]);
    const got = await data.getDeal("examples", "openai-round");
    if (!got.ok) throw new Error("getDeal");
    // Numbers stay the text written.
    expect((got.value.document.transactions as Record<string, unknown>[])[0]!.shares).toBe("2_700_000_000");
    (got.value.document.company as Record<string, unknown>).name = "changed in the copy";
    const again = await data.getDeal("examples", "openai-round");
    expect(again.ok && (again.value.document.company as Record<string, unknown>).name).toBe(
      "OpenAI Group PBC",
    );

    const saved = await data.saveDeal("examples", "openai-round", got.value.document, 1);
    expect(saved.ok && [saved.value.version, saved.value.company]).toEqual([2, "changed in the copy"]);
    const stale = await data.saveDeal("examples", "openai-round", got.value.document, 1);
    expect(stale.ok).toBe(false);
    if (!stale.ok) {
      expect(stale.kind).toBe("conflict");
      expect(stale.status).toBe(409);
      if (stale.kind === "conflict") expect(stale.currentVersion).toBe(2);
    }
    const missing = await data.getDeal("examples", "nope");
    expect(missing.ok ? 0 : missing.status).toBe(404);
  });

  it("WEB-5 signing out makes me() answer 401; signing in again restores it", async () => {
    const data = new MemoryDataAccess([]);
    await data.logout();
    const me = await data.me();
    expect(me.ok ? 200 : me.status).toBe(401);
    await data.login("a@b.c", "x");
    expect((await data.me()).ok).toBe(true);
  });
});

interface Call {
  url: string;
  method: string;
  body: unknown;
}

function fakeFetch(answer: (call: Call) => { status: number; body?: unknown } | Error) {
  const calls: Call[] = [];
  const fetchImpl = async (url: string, init?: RequestInit) => {
    const call = {
      url,
      method: init?.method ?? "GET",
      body: init?.body ? JSON.parse(String(init.body)) : undefined,
    };
    calls.push(call);
    const a = answer(call);
    if (a instanceof Error) throw a;
    return new Response(a.body === undefined ? "" : JSON.stringify(a.body), { status: a.status });
  };
  return { calls, data: new HttpDataAccess(fetchImpl) };
}

describe("WEB-6 the HTTP data access follows the API contract", () => {
  it("WEB-6 builds the server's paths, methods and bodies and maps its answers onto the app's records", async () => {
    const document = { roundtable: 1, company: { name: "Acme", currency: "USD" } };
    const { calls, data } = fakeFetch((call) => {
      if (call.url.endsWith("/auth/me"))
        return {
          status: 200,
          body: { user: { username: "ada", admin: false }, via: "session", csrfToken: "t", workspaces: [] },
        };
      if (call.url.endsWith("/workspaces"))
        return { status: 200, body: { workspaces: [{ id: "w/1", name: "W", role: "owner" }] } };
      if (call.url.endsWith("/deals"))
        return {
          status: 200,
          body: {
            deals: [{ id: "d 1", kind: "deal", company: "Acme", version: 3, updatedAt: "2026-01-01" }],
          },
        };
      if (call.method === "PUT")
        return {
          status: 200,
          body: { id: "d 1", kind: "deal", version: 4, documentHash: "h", warnings: [] },
        };
      return {
        status: 200,
        body: { id: "d 1", version: 4, updatedAt: "2026-01-02", action: "replace", document },
      };
    });
    expect(await data.me()).toEqual({ ok: true, value: { username: "ada", admin: false } });
    expect(await data.listWorkspaces()).toEqual({
      ok: true,
      value: [{ id: "w/1", name: "W", role: "owner" }],
    });
    expect(await data.listDeals("w/1")).toEqual({
      ok: true,
      value: [{ id: "d 1", name: "d 1", company: "Acme", version: 3, updatedAt: "2026-01-01" }],
    });
    const record = {
      id: "d 1",
      name: "d 1",
      company: "Acme",
      version: 4,
      updatedAt: "2026-01-02",
      workspaceId: "w/1",
      document,
    };
    expect(await data.getDeal("w/1", "d 1")).toEqual({ ok: true, value: record });
    // A save writes the document and reads the stored deal back.
    expect(await data.saveDeal("w/1", "d 1", document, 3)).toEqual({ ok: true, value: record });
    expect(calls.map((c) => [c.method, c.url])).toEqual([
      ["GET", `${API_BASE}/auth/me`],
      ["GET", `${API_BASE}/workspaces`],
      ["GET", `${API_BASE}/workspaces/w%2F1/deals`],
      ["GET", `${API_BASE}/workspaces/w%2F1/deals/d%201`],
      ["PUT", `${API_BASE}/workspaces/w%2F1/deals/d%201?expectedVersion=3`],
      ["GET", `${API_BASE}/workspaces/w%2F1/deals/d%201`],
    ]);
    expect(calls[4]!.body).toEqual(document);
  });

  it("WEB-6 reads a 409 as a conflict with the current version, and other failures as errors", async () => {
    const conflict = fakeFetch((call) =>
      call.method === "PUT"
        ? {
            status: 409,
            body: {
              error: {
                code: "version_conflict",
                message: "the deal is at version 7, not 5",
                problems: [
                  {
                    code: "version_conflict",
                    message: "current version is 7",
                    path: "query.expectedVersion",
                  },
                ],
              },
            },
          }
        : { status: 200, body: { id: "d", version: 7, updatedAt: "", document: {} } },
    );
    const saved = await conflict.data.saveDeal("w", "d", {}, 5);
    expect(saved.ok ? null : [saved.kind, saved.status, saved.error.code, saved.error.path]).toEqual([
      "conflict",
      409,
      "version_conflict",
      "query.expectedVersion",
    ]);
    expect(!saved.ok && saved.kind === "conflict" ? saved.currentVersion : null).toBe(7);
    const invalid = fakeFetch(() => ({
      status: 400,
      body: { error: { code: "deal_invalid_field", message: "bad", path: "rounds[0].preMoney" } },
    }));
    expect(await invalid.data.saveDeal("w", "d", {}, 5)).toEqual({
      ok: false,
      kind: "error",
      status: 400,
      error: { code: "deal_invalid_field", message: "bad", path: "rounds[0].preMoney" },
    });
    const unauthenticated = fakeFetch(() => ({ status: 401 }));
    const me = await unauthenticated.data.me();
    expect(me.ok ? null : [me.status, me.error.code]).toEqual([401, "unauthenticated"]);
    const down = fakeFetch(() => new TypeError("Failed to fetch"));
    const list = await down.data.listWorkspaces();
    expect(list.ok ? null : [list.status, list.error.code]).toEqual([0, "network"]);
    const html = fakeFetch(() => ({ status: 502, body: undefined }));
    const deal = await html.data.getDeal("w", "d");
    expect(deal.ok ? null : deal.status).toBe(502);
  });
});

describe("WEB-5 the in-memory import runs the import use case, as the server's compute/import", () => {
  const csv = new TextEncoder().encode('Holder,Class,Shares\nAlice,Common,"12,5k"\nBob,Common,-3\n');

  it("WEB-5 the template's CSV reads to the deal the use case reads, its warnings as the API writes them", async () => {
    const { spreadsheetImport } = await import("../../src/app/import.js");
    const bytes = new Uint8Array(readFileSync("examples/captable-template.csv"));
    const data = new MemoryDataAccess(exampleFiles());
    const preview = await data.previewImport(bytes, { name: "captable-template.csv", company: "Acme SAS" });
    if (!preview.ok) throw new Error(JSON.stringify(preview));
    const direct = await spreadsheetImport.run(
      { bytes, name: "captable-template.csv" },
      spreadsheetImport.input.parse({ company: "Acme SAS" }),
    );
    if (!direct.ok) throw new Error("import");
    expect(preview.value.yaml).toBe(direct.value.yaml);
    expect(preview.value.layout).toBe(direct.value.layout);
    expect(preview.value.counts).toEqual(direct.value.counts);
    expect(preview.value.warnings.map((w) => w.code)).toEqual(direct.warnings.map((w) => w.code));
    expect((preview.value.document as { company?: { name?: string } }).company?.name).toBe("Acme SAS");
  });

  it("WEB-5 a bad cell names the spreadsheet, a bad mapping names the mapping, a bad query is request_invalid", async () => {
    const data = new MemoryDataAccess(exampleFiles());
    const bad = await data.previewImport(csv, { name: "bad.csv" });
    expect(bad.ok).toBe(false);
    if (bad.ok || bad.kind !== "error") throw new Error("expected an error");
    expect(bad.error.code).toBe("import_invalid_cell");
    expect(bad.error.message).toMatch(
      /^the spreadsheet bad\.csv is not valid: \d+ problems, first: sheet "bad", row 2/,
    );
    const mapping = await data.previewImport(csv, { name: "bad.csv", mapping: "columns: [" });
    if (mapping.ok || mapping.kind !== "error") throw new Error("expected an error");
    expect(mapping.error.message).toMatch(/^the mapping is not valid: /);
    const layout = await data.previewImport(csv, { name: "bad.csv", layout: "sideways" as never });
    if (layout.ok || layout.kind !== "error") throw new Error("expected an error");
    expect(layout.status).toBe(400);
    expect(layout.error.code).toBe("request_invalid");
  });
});
