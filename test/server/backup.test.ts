import { mkdtempSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, test } from "vitest";
import { openBackend } from "../../src/storage/backend.js";
import { storeHoldsData } from "../../src/storage/backup.js";
import { Store } from "../../src/storage/store.js";
import { cli } from "../support/cli.js";
import { type BackendFactory, describeEachBackend } from "./support/backends.js";
import { as, type Credentials, type Persona, seedTeam, teamApp, yamlOf } from "./support/team.js";

/**
 * STORE-8 and AUDIT-4: a backup taken while writes go on through the API restores into a
 * new database with every write acknowledged before it began, whole, and an audit trail
 * that verifies against the head the backup printed.
 */

interface Acknowledged {
  readonly slug: string;
  readonly version: number;
  readonly documentHash: string;
  readonly at: number;
}

async function freshCli(factory: BackendFactory) {
  const fresh = await factory.freshConfig();
  return {
    ...fresh,
    run: (args: string[]) => cli([...args, ...fresh.args], { env: fresh.env }),
  };
}

describeEachBackend("backups that restore", (factory) => {
  let app: FastifyInstance;
  let store: Store;
  let team: Record<Persona, Credentials>;
  let source: Awaited<ReturnType<typeof freshCli>>;
  const folder = mkdtempSync(path.join(os.tmpdir(), "roundtable-backup-"));

  beforeAll(async () => {
    source = await freshCli(factory);
    store = new Store(await openBackend(source.config));
    team = await seedTeam(store);
    app = await teamApp(store);
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  test("STORE-8: a backup under concurrent writes restores every acknowledged write; audit verify --expect-head passes", async () => {
    const document = yamlOf("examples/seed-to-series-a.yaml");
    const acknowledged: Acknowledged[] = [];
    let writing = true;
    const writer = (async () => {
      for (let i = 0; writing || i < 10; i++) {
        const slug = `deal-${i}`;
        const response = await as(app, team.editor, {
          method: "PUT",
          url: `/api/v1/workspaces/acme/deals/${slug}?expectedVersion=0`,
          headers: { "content-type": "application/yaml" },
          payload: document,
        });
        expect(response.statusCode, response.body).toBe(201);
        acknowledged.push({
          slug,
          version: response.json().version,
          documentHash: response.json().documentHash,
          at: performance.now(),
        });
      }
    })();
    // Let some writes through, then back up while the writer goes on.
    while (acknowledged.length < 5) await new Promise((resolve) => setTimeout(resolve, 10));
    const backupStarted = performance.now();
    const file = path.join(folder, `backup-${factory.kind}.jsonl.gz`);
    const backup = await source.run(["backup", "--out", file]);
    writing = false;
    await writer;
    expect(backup.code, backup.stderr).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const head = /audit head: ([0-9a-f]{64})/.exec(backup.stdout)?.[1];
    expect(head, backup.stdout).toBeDefined();
    const before = acknowledged.filter((w) => w.at < backupStarted);
    expect(before.length).toBeGreaterThanOrEqual(5);
    // The writes went on during the backup: some were acknowledged after it began.
    expect(acknowledged.length).toBeGreaterThan(before.length);

    const target = await freshCli(factory);
    const restored = await target.run(["restore", file]);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toContain(`audit head: ${head}`);
    const verified = await target.run(["audit", "verify", "--expect-head", head!]);
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.stdout).toContain(`last hash: ${head}`);
    expect(verified.stdout).toContain("the expected head is in the trail, 0 entries before its end");

    const copy = new Store(await openBackend(target.config));
    try {
      for (const write of before) {
        const revision = await copy.revision("acme", write.slug, write.version);
        expect(revision?.documentHash, write.slug).toBe(write.documentHash);
      }
      // Everything the backup holds is whole: the users and the examples too.
      expect((await copy.listDeals("acme")).map((d) => d.id)).toEqual(
        expect.arrayContaining(["openai", "seed", ...before.map((w) => w.slug)]),
      );
      expect(await copy.contentDigest()).not.toBe("");
    } finally {
      await copy.close();
    }

    // A store that holds data is refused without --force, and nothing changes.
    const again = await target.run(["restore", file]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("the database is not empty");
    const forced = await target.run(["restore", file, "--force"]);
    expect(forced.code, forced.stderr).toBe(0);
    expect((await target.run(["audit", "verify", "--expect-head", head!])).code).toBe(0);

    // The source went on: its trail still holds the backup's head, some entries before its end.
    const later = await source.run(["audit", "verify", "--expect-head", head!]);
    expect(later.code, later.stderr).toBe(0);
    expect(later.stdout).toMatch(/the expected head is in the trail, [1-9][0-9]* entries before its end/);
  }, 300_000);

  test("STORE-8 / SRV-SHARE: documents shared with investors are backed up and restored; a backup written before them restores", async () => {
    const owner = await store.findUserByName("owner");
    const shared = await store.shareDocument(
      {
        workspaceId: "acme",
        deal: "seed",
        version: 1,
        report: "captable",
        format: "xlsx",
        title: "Seed cap table",
        recipient: "investor",
      },
      owner!.id,
    );
    expect(shared.ok).toBe(true);
    const file = path.join(folder, `shared-${factory.kind}.jsonl.gz`);
    expect((await source.run(["backup", "--out", file])).code).toBe(0);
    const target = await freshCli(factory);
    const restored = await target.run(["restore", file]);
    expect(restored.code, restored.stderr).toBe(0);
    const copy = new Store(await openBackend(target.config));
    try {
      expect(await copy.listSharedDocuments("acme")).toEqual(await store.listSharedDocuments("acme"));
    } finally {
      await copy.close();
    }

    // The same backup as the format wrote it before shared documents: no count, no rows.
    const { gunzipSync, gzipSync } = await import("node:zlib");
    const { readFileSync, writeFileSync } = await import("node:fs");
    const [headerLine, ...rows] = gunzipSync(readFileSync(file)).toString("utf8").trim().split("\n");
    const header = JSON.parse(headerLine!);
    delete header.rows.shared_documents;
    const older = path.join(folder, `older-${factory.kind}.jsonl.gz`);
    writeFileSync(
      older,
      gzipSync(
        `${[JSON.stringify(header), ...rows.filter((r) => !r.startsWith('{"table":"shared_documents"'))].join("\n")}\n`,
      ),
    );
    const olderTarget = await freshCli(factory);
    const olderRestored = await olderTarget.run(["restore", older]);
    expect(olderRestored.code, olderRestored.stderr).toBe(0);
    expect((await olderTarget.run(["audit", "verify"])).code).toBe(0);
  });

  test("AUDIT-4: an empty trail is refused, and so is a trail that no longer holds the expected head", async () => {
    const empty = await freshCli(factory);
    // Opening the store creates its tables, and nothing else.
    await (await openBackend(empty.config)).close();
    const verified = await empty.run(["audit", "verify"]);
    expect(verified.code).toBe(1);
    expect(verified.stderr).toContain("the audit trail is empty");

    const wrong = await source.run(["audit", "verify", "--expect-head", "a".repeat(64)]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain(`no entry has the expected hash ${"a".repeat(64)}`);
  });

  test("STORE-8: a damaged or truncated backup is refused, and nothing is written", async () => {
    const file = path.join(folder, `damaged-${factory.kind}.jsonl.gz`);
    expect((await source.run(["backup", "--out", file])).code).toBe(0);
    const { gunzipSync, gzipSync } = await import("node:zlib");
    const { readFileSync, writeFileSync } = await import("node:fs");
    const lines = gunzipSync(readFileSync(file)).toString("utf8").trim().split("\n");
    writeFileSync(file, gzipSync(`${lines.slice(0, -3).join("\n")}\n`));
    const target = await freshCli(factory);
    const restored = await target.run(["restore", file]);
    expect(restored.code).toBe(1);
    expect(restored.stderr).toContain("truncated or damaged");
    writeFileSync(file, "not a backup");
    expect((await target.run(["restore", file])).stderr).toContain("not a roundtable backup");
    const copy = new Store(await openBackend(target.config));
    try {
      expect(await storeHoldsData(copy.backend.db)).toBe(false);
    } finally {
      await copy.close();
    }
  });

  if (factory.kind === "sqlite")
    test("STORE-8: the data folder is created 0700 and the database 0600", async () => {
      const fresh = await factory.freshConfig();
      const file = path.join(
        path.dirname((fresh.config as { file: string }).file),
        "nested",
        "roundtable.sqlite",
      );
      await (await openBackend({ kind: "sqlite", file })).close();
      expect(statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
      expect(statSync(file).mode & 0o777).toBe(0o600);
    });
});
