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
  it("WEB-6 builds the contract's paths, methods and bodies and unwraps the responses", async () => {
    const deal = {
      id: "d 1",
      name: "n",
      company: "c",
      version: 3,
      updatedAt: "",
      workspaceId: "w/1",
      document: {},
    };
    const { calls, data } = fakeFetch((call) => {
      if (call.url.endsWith("/auth/me"))
        return { status: 200, body: { user: { id: "u", email: "e", name: "N" } } };
      if (call.url.endsWith("/workspaces"))
        return { status: 200, body: { workspaces: [{ id: "w/1", name: "W", role: "owner" }] } };
      if (call.url.endsWith("/deals")) return { status: 200, body: { deals: [deal] } };
      if (call.method === "PUT") return { status: 200, body: { deal: { ...deal, version: 4 } } };
      if (call.url.endsWith("/ingest")) return { status: 200, body: { claims: [{ kind: "amount" }] } };
      return { status: 200, body: { deal } };
    });
    expect(await data.me()).toEqual({ ok: true, value: { id: "u", email: "e", name: "N" } });
    expect(await data.listWorkspaces()).toEqual({
      ok: true,
      value: [{ id: "w/1", name: "W", role: "owner" }],
    });
    expect(await data.listDeals("w/1")).toEqual({ ok: true, value: [deal] });
    expect(await data.getDeal("w/1", "d 1")).toEqual({ ok: true, value: deal });
    const saved = await data.saveDeal("w/1", "d 1", { roundtable: 1 }, 3);
    expect(saved.ok && saved.value.version).toBe(4);
    expect((await data.ingest("w/1", "OpenAI lève 40 Md$", "fr")).ok).toBe(true);
    expect(calls.map((c) => [c.method, c.url])).toEqual([
      ["GET", `${API_BASE}/auth/me`],
      ["GET", `${API_BASE}/workspaces`],
      ["GET", `${API_BASE}/workspaces/w%2F1/deals`],
      ["GET", `${API_BASE}/workspaces/w%2F1/deals/d%201`],
      ["PUT", `${API_BASE}/workspaces/w%2F1/deals/d%201`],
      ["POST", `${API_BASE}/workspaces/w%2F1/ingest`],
    ]);
    expect(calls[4]!.body).toEqual({ document: { roundtable: 1 }, expectedVersion: 3 });
    expect(calls[5]!.body).toEqual({ text: "OpenAI lève 40 Md$", language: "fr" });
  });

  it("WEB-6 reads a 409 as a conflict with the current version, and other failures as errors", async () => {
    const conflict = fakeFetch(() => ({
      status: 409,
      body: { error: { code: "conflict", message: "saved since" }, currentVersion: 7 },
    }));
    const saved = await conflict.data.saveDeal("w", "d", {}, 5);
    expect(saved).toEqual({
      ok: false,
      kind: "conflict",
      status: 409,
      error: { code: "conflict", message: "saved since" },
      currentVersion: 7,
    });
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
