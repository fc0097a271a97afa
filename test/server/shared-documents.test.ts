import { execFileSync } from "node:child_process";
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { beforeAll, expect, it } from "vitest";
import { tokenHash } from "../../src/server/auth.js";
import type { Store } from "../../src/storage/store.js";
import { describeEachBackend } from "./support/backends.js";
import { as, type Credentials, type Persona, seedTeam, teamApp, yamlOf } from "./support/team.js";

const SHARED = "/api/v1/workspaces/acme/shared-documents";

/**
 * SRV-SHARE-1..5: documents an owner shares with investors. The team's investor is linked to
 * Amazon and angel-a; a second investor, "investor-b", is added here.
 */
describeEachBackend("documents shared with investors (SRV-SHARE)", (backends) => {
  let store: Store;
  let app: FastifyInstance;
  let team: Record<Persona, Credentials>;
  let investorB: Credentials;

  beforeAll(async () => {
    store = await backends.freshStore();
    team = await seedTeam(store);
    app = await teamApp(store);
    const owner = await store.findUserByName("owner");
    const created = await store.createUser(
      { username: "investor-b", passwordHash: "x", admin: false },
      owner!.id,
    );
    await store.setMember("acme", created!.id, "investor", ["microsoft"], owner!.id);
    const token = "rt_investor-b-token-for-shared-documents-tests-0000";
    await store.createToken(created!.id, "test", tokenHash(token));
    investorB = { token, username: "investor-b" };
    // A workspace document naming a stored deal (STORE-3): no report of it can be shared.
    for (const [slug, file] of [
      ["openai-round", "examples/openai-round.yaml"],
      ["ecosystem", "examples/ai-ecosystem.yaml"],
    ] as const) {
      const put = await as(app, team.owner, {
        method: "PUT",
        url: `/api/v1/workspaces/acme/deals/${slug}?expectedVersion=0`,
        headers: { "content-type": "application/yaml" },
        payload: yamlOf(file),
      });
      expect(put.statusCode, put.body).toBe(201);
    }
    return () => app.close();
  });

  const share = (credentials: Credentials, payload: Record<string, unknown>) =>
    as(app, credentials, { method: "POST", url: SHARED, payload });
  const list = async (credentials: Credentials) => {
    const response = await as(app, credentials, { method: "GET", url: SHARED });
    expect(response.statusCode, response.body).toBe(200);
    return response.json().sharedDocuments as { id: string; title: string; withdrawnAt: string | null }[];
  };
  const download = (credentials: Credentials, id: string, server: FastifyInstance = app) =>
    as(server, credentials, { method: "GET", url: `${SHARED}/${id}/file` });

  it("SRV-SHARE-1 an owner shares the pro forma of the latest version as a PDF with every investor; the share is audited", async () => {
    const response = await share(team.owner, { deal: "openai", report: "model", format: "pdf" });
    expect(response.statusCode, response.body).toBe(201);
    const shared = response.json().sharedDocument;
    expect(shared).toMatchObject({
      deal: "openai",
      version: 1,
      report: "model",
      format: "pdf",
      recipient: null,
      sharedBy: "owner",
      withdrawnAt: null,
      file: `${SHARED}/${shared.id}/file`,
    });
    expect(shared.title).toBe("OpenAI Group PBC pro forma, version 1");
    const audit = (await as(app, team.owner, { method: "GET", url: "/api/v1/workspaces/acme/audit" })).json();
    const entry = audit.entries.find((e: { target: string }) => e.target === `shared-document:${shared.id}`);
    expect(entry).toMatchObject({
      actor: "owner",
      action: "document.share",
      after: { deal: "openai", version: 1, report: "model", format: "pdf", recipient: null },
    });
    expect(entry.after.documentHash).toMatch(/^[0-9a-f]{64}$/);
    expect((await store.verifyAudit()).ok).toBe(true);
  });

  it("SRV-SHARE-2 the file is the report route's file of that version, byte for byte, on every download", async () => {
    const { sharedDocument } = (
      await share(team.owner, { deal: "openai", report: "model", format: "pdf" })
    ).json();
    const first = await download(team.investor, sharedDocument.id);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.headers["content-type"]).toBe("application/pdf");
    expect(first.headers["content-disposition"]).toBe('attachment; filename="openai-model-v1.pdf"');
    const again = await download(investorB, sharedDocument.id);
    expect(Buffer.compare(first.rawPayload, again.rawPayload)).toBe(0);
    const owners = await as(app, team.owner, {
      method: "GET",
      url: "/api/v1/workspaces/acme/deals/openai/model?format=pdf",
    });
    expect(Buffer.compare(first.rawPayload, owners.rawPayload)).toBe(0);
    // The second download came from the kept file. Another server renders it afresh on SQLite
    // (its memory holds nothing yet) and reads the kept copy from the database on PostgreSQL
    // (SRV-6): the same bytes either way.
    const other = await teamApp(store);
    try {
      const fresh = await download(team.investor, sharedDocument.id, other);
      expect(fresh.statusCode).toBe(200);
      expect(Buffer.compare(first.rawPayload, fresh.rawPayload)).toBe(0);
    } finally {
      await other.close();
    }
    const text = execFileSync("pdftotext", ["-", "-"], { input: first.rawPayload, encoding: "utf8" });
    expect(text).toContain("Document version 1");
    // In French (`?lang=fr`, the web app's French interface): the French file of the report
    // route, kept apart from the English one.
    const french = await as(app, team.investor, {
      method: "GET",
      url: `${SHARED}/${sharedDocument.id}/file?lang=fr`,
    });
    expect(french.statusCode, french.body).toBe(200);
    const ownersFrench = await as(app, team.owner, {
      method: "GET",
      url: "/api/v1/workspaces/acme/deals/openai/model?format=pdf&lang=fr",
    });
    expect(Buffer.compare(french.rawPayload, ownersFrench.rawPayload)).toBe(0);
    expect(execFileSync("pdftotext", ["-", "-"], { input: french.rawPayload, encoding: "utf8" })).toContain(
      "Version du document 1",
    );
    const englishAgain = await download(team.investor, sharedDocument.id);
    expect(Buffer.compare(first.rawPayload, englishAgain.rawPayload)).toBe(0);
  });

  it("SRV-SHARE-2 a share of an earlier version keeps that version's figures after the deal moves on", async () => {
    const before = (
      await as(app, team.owner, {
        method: "GET",
        url: "/api/v1/workspaces/acme/deals/seed/captable?format=xlsx",
      })
    ).rawPayload;
    const { sharedDocument } = (
      await share(team.owner, { deal: "seed", report: "captable", format: "xlsx", version: 1 })
    ).json();
    const appended = await as(app, team.owner, {
      method: "POST",
      url: "/api/v1/workspaces/acme/deals/seed/transactions?expectedVersion=1",
      payload: { type: "issue", date: "2021-06-01", holder: "ada", class: "common", shares: 10 },
    });
    expect(appended.statusCode, appended.body).toBe(201);
    const after = (
      await as(app, team.owner, {
        method: "GET",
        url: "/api/v1/workspaces/acme/deals/seed/captable?format=xlsx",
      })
    ).rawPayload;
    expect(Buffer.compare(before, after)).not.toBe(0);
    const file = await download(team.investor, sharedDocument.id);
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-disposition"]).toBe('attachment; filename="seed-captable-v1.xlsx"');
    expect(Buffer.compare(file.rawPayload, before)).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    expect(workbook.getWorksheet("By holder")!.getCell("B4").value).toBe(4625000);
  });

  it("SRV-SHARE-3 a document shared with one investor member is listed and downloaded by that member only", async () => {
    const response = await share(team.owner, {
      deal: "seed",
      report: "model",
      format: "pdf",
      recipient: "investor-b",
      title: "Board pack for B",
    });
    expect(response.statusCode, response.body).toBe(201);
    const { id } = response.json().sharedDocument;
    expect((await list(investorB)).map((d) => d.id)).toContain(id);
    expect((await list(team.investor)).map((d) => d.id)).not.toContain(id);
    const refused = await download(team.investor, id);
    expect(refused.statusCode).toBe(404);
    expect(refused.json().error.code).toBe("not_found");
    expect((await download(investorB, id)).statusCode).toBe(200);
    for (const persona of ["editor", "viewer"] as const) {
      expect((await as(app, team[persona], { method: "GET", url: SHARED })).statusCode).toBe(403);
      expect((await download(team[persona], id)).statusCode).toBe(403);
    }
    expect((await as(app, team.outsider, { method: "GET", url: SHARED })).statusCode).toBe(404);
  });

  it("SRV-SHARE-4 a withdrawn document disappears for investors and stays in the owners' list with its date", async () => {
    const { sharedDocument } = (
      await share(team.owner, { deal: "seed", report: "model", format: "xlsx" })
    ).json();
    expect((await list(team.investor)).map((d) => d.id)).toContain(sharedDocument.id);
    const withdrawn = await as(app, team.owner, { method: "DELETE", url: `${SHARED}/${sharedDocument.id}` });
    expect(withdrawn.statusCode).toBe(204);
    expect((await list(team.investor)).map((d) => d.id)).not.toContain(sharedDocument.id);
    expect((await download(team.investor, sharedDocument.id)).statusCode).toBe(404);
    const owners = await list(team.owner);
    expect(owners.find((d) => d.id === sharedDocument.id)?.withdrawnAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    const again = await as(app, team.owner, { method: "DELETE", url: `${SHARED}/${sharedDocument.id}` });
    expect(again.statusCode).toBe(404);
    const audit = (await as(app, team.owner, { method: "GET", url: "/api/v1/workspaces/acme/audit" })).json();
    expect(
      audit.entries.filter(
        (e: { target: string; action: string }) =>
          e.target === `shared-document:${sharedDocument.id}` && e.action === "document.withdraw",
      ),
    ).toHaveLength(1);
  });

  it.each([
    ["an unknown deal", { deal: "nope", report: "model", format: "pdf" }, 404, "not_found", "body.deal"],
    [
      "an unknown version",
      { deal: "openai", report: "model", format: "pdf", version: 99 },
      404,
      "not_found",
      "body.version",
    ],
    [
      "an unknown report",
      { deal: "openai", report: "exit", format: "pdf" },
      400,
      "request_invalid",
      "body.report",
    ],
    [
      "an unknown format",
      { deal: "openai", report: "model", format: "docx" },
      400,
      "request_invalid",
      "body.format",
    ],
    [
      "a version of zero",
      { deal: "openai", report: "model", format: "pdf", version: 0 },
      400,
      "request_invalid",
      "body.version",
    ],
    [
      "a viewer as recipient",
      { deal: "openai", report: "model", format: "pdf", recipient: "viewer" },
      400,
      "request_invalid",
      "body.recipient",
    ],
    [
      "a user who is no member",
      { deal: "openai", report: "model", format: "pdf", recipient: "outsider" },
      400,
      "request_invalid",
      "body.recipient",
    ],
    [
      "a workspace document",
      { deal: "ecosystem", report: "model", format: "pdf" },
      400,
      "document_kind_wrong",
      undefined,
    ],
  ] as const)(
    "SRV-SHARE-5 %s is refused with a clear message, and nothing is written",
    async (_what, payload, status, code, path) => {
      const before = await store.contentDigest();
      const response = await share(team.owner, payload);
      expect(response.statusCode, response.body).toBe(status);
      const error = response.json().error;
      expect(error.code).toBe(code);
      expect(error.message.length).toBeGreaterThan(10);
      if (path) expect(error.problems.map((p: { path: string }) => p.path)).toContain(path);
      expect(await store.contentDigest()).toBe(before);
    },
  );

  it("SRV-SHARE-5 a deleted deal's earlier version can still be shared; its latest (a deletion) cannot", async () => {
    const head = await store.headRevision("acme", "seed");
    await store.writeDeal({
      workspaceId: "acme",
      slug: "gone",
      expectedVersion: 0,
      action: "create",
      document: head!.document,
      actorId: "system",
    });
    await store.writeDeal({
      workspaceId: "acme",
      slug: "gone",
      expectedVersion: 1,
      action: "delete",
      document: null,
      actorId: "system",
    });
    const latest = await share(team.owner, { deal: "gone", report: "captable", format: "pdf" });
    expect(latest.statusCode).toBe(404);
    const deleted = await share(team.owner, { deal: "gone", report: "captable", format: "pdf", version: 2 });
    expect(deleted.statusCode).toBe(404);
    expect(deleted.json().error.message).toContain("deleted");
    const earlier = await share(team.owner, { deal: "gone", report: "captable", format: "pdf", version: 1 });
    expect(earlier.statusCode, earlier.body).toBe(201);
  });

  it("SRV-SHARE-3 investors and others cannot share or withdraw", async () => {
    const { sharedDocument } = (
      await share(team.owner, { deal: "openai", report: "captable", format: "pdf" })
    ).json();
    for (const persona of ["editor", "viewer", "investor"] as const) {
      const before = await store.contentDigest();
      expect(
        (await share(team[persona], { deal: "openai", report: "model", format: "pdf" })).statusCode,
      ).toBe(403);
      expect(
        (await as(app, team[persona], { method: "DELETE", url: `${SHARED}/${sharedDocument.id}` }))
          .statusCode,
      ).toBe(403);
      expect(await store.contentDigest()).toBe(before);
    }
  });
});
