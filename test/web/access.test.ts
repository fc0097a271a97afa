import { describe, expect, it } from "vitest";
import { API_BASE } from "../../src/web/api/contract.js";
import { HttpDataAccess } from "../../src/web/api/http-data-access.js";
import { MemoryDataAccess } from "../../src/web/api/memory-data-access.js";

describe("WEB-16 workspace members through the data access", () => {
  it("WEB-16 the HTTP data access builds the members routes and sends the session's CSRF token on writes", async () => {
    const calls: { method: string; url: string; body: unknown; csrf: string | undefined }[] = [];
    const data = new HttpDataAccess(async (url, init) => {
      const headers = (init?.headers ?? {}) as Record<string, string>;
      calls.push({
        method: init?.method ?? "GET",
        url,
        body: init?.body ? JSON.parse(String(init.body)) : undefined,
        csrf: headers["x-csrf-token"],
      });
      if (url.endsWith("/auth/me"))
        return new Response(
          JSON.stringify({
            user: { username: "u", admin: false },
            via: "session",
            csrfToken: "tok",
            workspaces: [],
          }),
        );
      if (init?.method === "DELETE") return new Response(null, { status: 204 });
      if (init?.method === "PUT")
        return new Response(JSON.stringify({ username: "ana", role: "investor", stakeholders: ["amazon"] }));
      return new Response(
        JSON.stringify({ members: [{ username: "ana", role: "owner", stakeholders: [] }] }),
      );
    });
    expect(await data.listMembers("w 1")).toEqual({
      ok: true,
      value: [{ username: "ana", role: "owner", stakeholders: [] }],
    });
    // Before a token is known, a write carries none; after `me` answered one, every write does.
    await data.me();
    expect(await data.setMember("w 1", "ana b", "investor", ["amazon"])).toEqual({
      ok: true,
      value: { username: "ana", role: "investor", stakeholders: ["amazon"] },
    });
    expect(await data.removeMember("w 1", "ana b")).toEqual({ ok: true, value: null });
    expect(calls.map((c) => [c.method, c.url, c.csrf])).toEqual([
      ["GET", `${API_BASE}/workspaces/w%201/members`, undefined],
      ["GET", `${API_BASE}/auth/me`, undefined],
      ["PUT", `${API_BASE}/workspaces/w%201/members/ana%20b`, "tok"],
      ["DELETE", `${API_BASE}/workspaces/w%201/members/ana%20b`, "tok"],
    ]);
    expect(calls[2]!.body).toEqual({ role: "investor", stakeholders: ["amazon"] });
  });

  it("WEB-16 the in-memory data access keeps an owner and links investors to stakeholders, as the server does", async () => {
    const data = new MemoryDataAccess([]);
    expect(await data.listMembers("examples")).toEqual({
      ok: true,
      value: [{ username: "dev", role: "owner", stakeholders: [] }],
    });
    const demote = await data.setMember("examples", "dev", "viewer", []);
    expect(demote.ok ? "" : demote.error.message).toMatch(/keeps at least one owner/);
    const noStakeholder = await data.setMember("examples", "ana", "investor", []);
    expect(noStakeholder.ok ? 0 : noStakeholder.status).toBe(400);
    expect((await data.setMember("examples", "ana", "investor", ["nvidia", "amazon", "amazon"])).ok).toBe(
      true,
    );
    const listed = await data.listMembers("examples");
    expect(listed.ok && listed.value.find((m) => m.username === "ana")?.stakeholders).toEqual([
      "amazon",
      "nvidia",
    ]);
    expect((await data.removeMember("examples", "dev")).ok).toBe(false);
    expect((await data.removeMember("examples", "ana")).ok).toBe(true);
    expect((await data.removeMember("examples", "ana")).ok).toBe(false);
  });
});
