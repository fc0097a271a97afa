import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { runDeal } from "../../src/core/round/timeline.js";
import { loadDeal, parseDealText } from "../../src/deal/load.js";
import { isWorkspaceText, loadWorkspace, type Workspace } from "../../src/deal/workspace.js";
import { flowModelOf, flowsReport } from "../../src/report/flows-report.js";
import { openBackend } from "../../src/storage/backend.js";
import { canonicalJson } from "../../src/storage/canonical-json.js";
import {
  appendToDocument,
  exportDocument,
  includedDealSlugs,
  storableDeal,
  storableDocument,
  storedDeal,
} from "../../src/storage/deal-document.js";
import { Store } from "../../src/storage/store.js";
import { modelReport } from "../support/report-json.js";
import { describeEachBackend } from "./support/backends.js";

const EXAMPLES = readdirSync("examples").filter((f) => f.endsWith(".yaml"));
const isWorkspaceExample = (file: string) => {
  const parsed = parseDealText(readFileSync(`examples/${file}`, "utf8"), file);
  return parsed.ok && isWorkspaceText(parsed.value.raw);
};
const DEAL_EXAMPLES = EXAMPLES.filter((f) => !isWorkspaceExample(f));
const WORKSPACE_EXAMPLES = EXAMPLES.filter(isWorkspaceExample);

/** A workspace file loaded as the CLI loads it: company files read beside it. */
function loadWorkspaceFile(file: string) {
  const loaded = loadWorkspace(readFileSync(file, "utf8"), file, (relative) => {
    const resolved = path.resolve(path.dirname(file), relative);
    return existsSync(resolved)
      ? { ok: true, text: readFileSync(resolved, "utf8"), file: resolved }
      : { ok: false, message: "no such file" };
  });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
  return loaded.workspace;
}

function flowsJson(ws: Workspace): string {
  const model = flowModelOf(ws);
  if (!model.ok) throw new Error(JSON.stringify(model.problems));
  return JSON.stringify(flowsReport(ws, model.value));
}

function modelJson(text: string, file: string): string {
  const loaded = loadDeal(text, file);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.diagnostics));
  const run = runDeal(loaded.deal.ledger, loaded.deal.rounds);
  if (!run.ok) throw new Error(JSON.stringify(run.problems));
  return JSON.stringify(modelReport(loaded.deal, run.value.rounds.at(-1)!, run.warnings));
}

describe("canonical JSON (STORE-3)", () => {
  it("sorts keys at every depth and writes no whitespace", () => {
    expect(canonicalJson({ b: 1, a: [{ d: "x", c: null }], e: undefined })).toBe(
      '{"a":[{"c":null,"d":"x"}],"b":1}',
    );
  });
});

describeEachBackend("storage", (backends) => {
  let store: Store;
  let ownerId: string;
  beforeAll(async () => {
    store = await backends.freshStore();
    const owner = await store.createUser({ username: "owner", passwordHash: "x", admin: true }, "system");
    ownerId = owner!.id;
    await store.createWorkspace({ id: "acme", name: "Acme", ownerId }, ownerId);
  });

  it("STORE-2: migrations run once; reopening a migrated database changes nothing", async () => {
    const { config } = await backends.freshConfig();
    const first = new Store(await openBackend(config));
    await first.createUser({ username: "u", passwordHash: "x", admin: false }, "system");
    const digest = await first.contentDigest();
    await first.close();
    const again = new Store(await openBackend(config));
    expect(await again.contentDigest()).toBe(digest);
    expect(await again.countUsers()).toBe(1);
    await again.close();
  });

  it.each(DEAL_EXAMPLES)(
    "STORE-3: %s imported, stored and exported loads back to the same deal and model",
    async (file) => {
      const text = readFileSync(`examples/${file}`, "utf8");
      const parsed = storableDeal(text, file);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      const slug = `rt-${file.replace(".yaml", "")}`;
      const written = await store.writeDeal({
        workspaceId: "acme",
        slug,
        expectedVersion: 0,
        action: "create",
        document: parsed.canonical,
        actorId: ownerId,
      });
      expect(written.ok).toBe(true);
      const head = await store.headRevision("acme", slug);
      expect(head?.document).toBe(parsed.canonical);
      for (const format of ["yaml", "json"] as const) {
        const exported = exportDocument(head!.document!, format);
        const reloaded = loadDeal(exported, `export.${format}`);
        expect(reloaded.ok).toBe(true);
        if (!reloaded.ok) return;
        expect(reloaded.deal).toEqual(parsed.deal);
        expect(modelJson(exported, `export.${format}`)).toBe(modelJson(text, file));
        expect(storableDeal(exported, "x").ok && storableDeal(exported, "x")).toMatchObject({
          canonical: parsed.canonical,
        });
      }
    },
  );

  it.each(WORKSPACE_EXAMPLES)(
    "STORE-3: workspace %s stored after the deals it names, exported with them into one folder, loads back with the same flows",
    async (file) => {
      const text = readFileSync(`examples/${file}`, "utf8");
      const raw = parseDealText(text, file);
      if (!raw.ok) throw new Error(`examples/${file} does not parse`);
      const named = includedDealSlugs(raw.value.raw);
      const readDeal = async (slug: string) =>
        (await store.headRevision("acme", slug))?.document ?? undefined;
      if (named.length > 0) {
        // Before its deals are stored, the workspace is refused at the company's file field.
        const missing = await storableDocument(text, file, readDeal);
        expect(missing.ok).toBe(false);
        if (!missing.ok)
          expect(missing.diagnostics[0]).toMatchObject({
            code: "file_unreadable",
            path: ["companies", 0, "file"],
          });
      }
      for (const slug of named) {
        const deal = storableDeal(readFileSync(`examples/${slug}.yaml`, "utf8"), `${slug}.yaml`);
        if (!deal.ok) throw new Error(`examples/${slug}.yaml does not load`);
        if (await store.headVersion("acme", slug)) continue;
        const stored = await store.writeDeal({
          workspaceId: "acme",
          slug,
          expectedVersion: 0,
          action: "create",
          document: deal.canonical,
          actorId: ownerId,
        });
        expect(stored.ok).toBe(true);
      }
      const parsed = await storableDocument(text, file, readDeal);
      expect(parsed.ok && parsed.kind).toBe("workspace");
      if (!parsed.ok) return;
      const slug = `rt-${file.replace(".yaml", "")}`;
      const written = await store.writeDeal({
        workspaceId: "acme",
        slug,
        expectedVersion: 0,
        action: "create",
        document: parsed.canonical,
        actorId: ownerId,
      });
      expect(written.ok).toBe(true);
      const head = await store.headRevision("acme", slug);
      expect(head?.document).toBe(parsed.canonical);
      const expected = flowsJson(loadWorkspaceFile(`examples/${file}`));
      for (const format of ["yaml", "json"] as const) {
        const dir = mkdtempSync(path.join(tmpdir(), "rt-export-"));
        writeFileSync(path.join(dir, `${slug}.${format}`), exportDocument(head!.document!, format));
        for (const included of named) {
          const deal = await store.headRevision("acme", included);
          writeFileSync(path.join(dir, `${included}.yaml`), exportDocument(deal!.document!, "yaml"));
        }
        expect(flowsJson(loadWorkspaceFile(path.join(dir, `${slug}.${format}`)))).toBe(expected);
        const again = await storableDocument(
          readFileSync(path.join(dir, `${slug}.${format}`), "utf8"),
          "x",
          readDeal,
        );
        expect(again.ok && again.canonical).toBe(parsed.canonical);
        rmSync(dir, { recursive: true });
      }
    },
  );

  it("STORE-4, STORE-6: a write states the version it expects; a stale one changes nothing", async () => {
    const doc = storableDeal(readFileSync("examples/seed-to-series-a.yaml", "utf8"), "x");
    if (!doc.ok) throw new Error("example does not load");
    const write = (expectedVersion: number, document: string | null) =>
      store.writeDeal({
        workspaceId: "acme",
        slug: "versions",
        expectedVersion,
        action: expectedVersion === 0 ? "create" : "replace",
        document,
        actorId: ownerId,
      });
    expect(await write(1, doc.canonical)).toEqual({
      ok: false,
      reason: "version_conflict",
      currentVersion: 0,
    });
    expect((await write(0, doc.canonical)).ok).toBe(true);
    const before = await store.contentDigest();
    expect(await write(0, doc.canonical)).toEqual({
      ok: false,
      reason: "version_conflict",
      currentVersion: 1,
    });
    expect(await write(2, doc.canonical)).toEqual({
      ok: false,
      reason: "version_conflict",
      currentVersion: 1,
    });
    expect(await store.contentDigest()).toBe(before);
    const next = appendToDocument(doc.canonical, "transactions", {
      type: "issue",
      date: "2021-06-01",
      holder: "ada",
      class: "common",
      shares: "1000",
    });
    expect(storedDeal(next, "x").ok).toBe(true);
    expect((await write(1, next)).ok).toBe(true);
    // The first version is still there, unchanged: nothing is updated in place.
    expect((await store.revision("acme", "versions", 1))?.document).toBe(doc.canonical);
    expect((await store.headRevision("acme", "versions"))?.version).toBe(2);
    expect((await store.listRevisions("acme", "versions")).map((r) => r.version)).toEqual([1, 2]);
  });

  it("STORE-6: of many writers expecting the same version, exactly one wins", async () => {
    const doc = storableDeal(readFileSync("examples/down-round.yaml", "utf8"), "x");
    if (!doc.ok) throw new Error("example does not load");
    const results = await Promise.all(
      Array.from({ length: 12 }, () =>
        store.writeDeal({
          workspaceId: "acme",
          slug: "race",
          expectedVersion: 0,
          action: "create",
          document: doc.canonical,
          actorId: ownerId,
        }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.currentVersion === 1)).toBe(true);
    expect((await store.listRevisions("acme", "race")).length).toBe(1);
  });

  it("STORE-7: what a store remembers of a deal's latest version follows every write, its own and another process's", async () => {
    const { config } = await backends.freshConfig();
    const a = new Store(await openBackend(config));
    for (let i = 0; i < 100 && !a.remembersReads; i++) await new Promise((r) => setTimeout(r, 20));
    expect(a.remembersReads).toBe(true);
    const u = await a.createUser({ username: "a", passwordHash: "x", admin: true }, "system");
    await a.createWorkspace({ id: "w", name: "W", ownerId: u!.id }, u!.id);
    const doc = storableDeal(readFileSync("examples/down-round.yaml", "utf8"), "x");
    if (!doc.ok) throw new Error("example does not load");
    const write = (store: Store, expectedVersion: number) =>
      store.writeDeal({
        workspaceId: "w",
        slug: "d",
        expectedVersion,
        action: "replace",
        document: doc.canonical,
        actorId: u!.id,
      });
    await write(a, 0);
    expect((await a.headVersion("w", "d"))?.version).toBe(1);
    await write(a, 1);
    expect((await a.headVersion("w", "d"))?.version).toBe(2);
    if (backends.kind === "postgres") {
      // Another process (here another store with its own connections) writes: the first
      // store hears of the commit and reads the new version.
      const b = new Store(await openBackend(config));
      await write(b, 2);
      let seen = 0;
      for (let i = 0; i < 100 && seen !== 3; i++) {
        seen = (await a.headVersion("w", "d"))?.version ?? 0;
        if (seen !== 3) await new Promise((r) => setTimeout(r, 20));
      }
      expect(seen).toBe(3);
      await b.close();
    }
    await a.close();
  });

  describe("the audit trail", () => {
    it("AUDIT-1, AUDIT-3: every change has an entry with who, what, and the before and after", async () => {
      const entries = await store.auditEntries("acme", { limit: 1000 });
      const creation = entries.find((e) => e.action === "deal.create" && e.target === "deal:acme/versions")!;
      expect(creation.actor).toBe("owner");
      expect(creation.before).toBeNull();
      expect(creation.after).toMatchObject({ version: 1, slug: "versions" });
      const replace = entries.find((e) => e.action === "deal.replace" && e.target === "deal:acme/versions")!;
      expect(replace.before).toMatchObject({ version: 1 });
      expect(replace.after).toMatchObject({ version: 2 });
      expect(await store.verifyAudit()).toMatchObject({ ok: true });
    });

    it("AUDIT-4: changing an entry in SQL breaks the chain at that entry", async () => {
      const s = await backends.freshStore();
      const u = await s.createUser({ username: "a", passwordHash: "x", admin: true }, "system");
      await s.createWorkspace({ id: "w", name: "W", ownerId: u!.id }, u!.id);
      await s.setSharedAggregates("w", ["totals"], u!.id);
      await s.setSharedAggregates("w", ["classes"], u!.id);
      expect(await s.verifyAudit()).toEqual({
        ok: true,
        entries: 4,
        revisions: 0,
        head: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      await sql`update audit_log set after = ${'{"sharedAggregates":["round_price"]}'} where seq = 3`.execute(
        s.backend.db,
      );
      expect(await s.verifyAudit()).toEqual({
        ok: false,
        seq: 3,
        reason: "entry 3 was changed: its hash does not match its contents",
      });
    });

    it("AUDIT-4: removing an entry, or rewriting a revision's document, is found", async () => {
      const s = await backends.freshStore();
      const u = await s.createUser({ username: "a", passwordHash: "x", admin: true }, "system");
      await s.createWorkspace({ id: "w", name: "W", ownerId: u!.id }, u!.id);
      const doc = storableDeal(readFileSync("examples/seed-to-series-a.yaml", "utf8"), "x");
      if (!doc.ok) throw new Error("example does not load");
      await s.writeDeal({
        workspaceId: "w",
        slug: "d",
        expectedVersion: 0,
        action: "create",
        document: doc.canonical,
        actorId: u!.id,
      });
      await s.setSharedAggregates("w", ["totals"], u!.id);
      expect(await s.verifyAudit()).toEqual({
        ok: true,
        entries: 4,
        revisions: 1,
        head: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      const tampered = doc.canonical.replace('"Acme Robotics, Inc."', '"Acme Robotics, Ltd."');
      expect(tampered).not.toBe(doc.canonical);
      await sql`update revisions set document = ${tampered}`.execute(s.backend.db);
      expect(await s.verifyAudit()).toMatchObject({
        ok: false,
        seq: null,
        reason: expect.stringMatching(/was changed/),
      });
      await sql`update revisions set document = ${doc.canonical}`.execute(s.backend.db);
      expect(await s.verifyAudit()).toMatchObject({ ok: true });
      await sql`delete from audit_log where seq = 2`.execute(s.backend.db);
      expect(await s.verifyAudit()).toEqual({ ok: false, seq: 2, reason: "entry 2 is missing (next is 3)" });
    });
  });
});
