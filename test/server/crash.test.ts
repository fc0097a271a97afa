import { beforeAll, expect, it } from "vitest";
import { openBackend } from "../../src/storage/backend.js";
import { storedDeal } from "../../src/storage/deal-document.js";
import { Store } from "../../src/storage/store.js";
import { cli } from "../support/cli.js";
import { type BackendFactory, describeEachBackend } from "./support/backends.js";
import { startServerProcess } from "./support/server-process.js";
import { type Credentials, type Persona, seedTeam } from "./support/team.js";

const WRITERS = 6;
const KILL_AFTER_ACKS = 30;

interface Ack {
  readonly deal: string;
  readonly version: number;
  readonly shares: number;
}

describeEachBackend("crash safety (STORE-5)", (backends: BackendFactory) => {
  let setup: Awaited<ReturnType<BackendFactory["freshConfig"]>>;
  let team: Record<Persona, Credentials>;

  beforeAll(async () => {
    setup = await backends.freshConfig();
    const store = new Store(await openBackend(setup.config));
    team = await seedTeam(store);
    const seed = await store.headRevision("acme", "seed");
    for (let w = 0; w < WRITERS; w++) {
      await store.writeDeal({
        workspaceId: "acme",
        slug: `w${w}`,
        expectedVersion: 0,
        action: "create",
        document: seed!.document,
        actorId: "system",
      });
    }
    await store.close();
  });

  it("after kill -9 in a burst of writes, every acknowledged write is there, whole, and the audit chain verifies", async () => {
    const server = await startServerProcess(setup.args, setup.env);
    const acks: Ack[] = [];
    let killed = false;
    const headers = { authorization: `Bearer ${team.editor.token}`, "content-type": "application/json" };
    const writer = async (w: number) => {
      let version = 1;
      for (let k = 0; !killed && k < 1000; k++) {
        const shares = 1 + w * 10_000 + k;
        const tx = { type: "issue", date: "2021-06-01", holder: "ada", class: "common", shares };
        let response: Response;
        try {
          response = await fetch(
            `${server.url}/api/v1/workspaces/acme/deals/w${w}/transactions?expectedVersion=${version}`,
            {
              method: "POST",
              headers,
              body: JSON.stringify(tx),
            },
          );
        } catch {
          return; // the server is gone: this write was never acknowledged
        }
        expect(response.status).toBe(201);
        const body = (await response.json()) as { version: number };
        acks.push({ deal: `w${w}`, version: body.version, shares });
        version = body.version;
        if (acks.length >= KILL_AFTER_ACKS && !killed) {
          killed = true;
          await server.kill();
        }
      }
    };
    await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
    expect(killed).toBe(true);
    expect(acks.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);

    // Restart on the same data: every acknowledged write is there.
    const again = await startServerProcess(setup.args, setup.env);
    for (const ack of acks) {
      const response = await fetch(
        `${again.url}/api/v1/workspaces/acme/deals/${ack.deal}?version=${ack.version}`,
        {
          headers: { authorization: `Bearer ${team.viewer.token}` },
        },
      );
      expect(response.status, `${ack.deal}@${ack.version}`).toBe(200);
      const body = (await response.json()) as { document: { transactions: { shares: string }[] } };
      expect(body.document.transactions.at(-1)!.shares).toBe(String(ack.shares));
    }
    expect(await again.stop()).toBe(0);

    // None half-applied: each deal's versions run 1..head, each a whole, valid document.
    const store = new Store(await openBackend(setup.config));
    for (let w = 0; w < WRITERS; w++) {
      const revisions = await store.listRevisions("acme", `w${w}`);
      expect(revisions.map((r) => r.version)).toEqual(revisions.map((_, i) => i + 1));
      for (const r of revisions) {
        const revision = await store.revision("acme", `w${w}`, r.version);
        expect(storedDeal(revision!.document!, "x").ok).toBe(true);
      }
    }
    await store.close();
    const verify = await cli(["audit", "verify", ...setup.args], { env: setup.env });
    expect(verify.stderr).toBe("");
    expect(verify.stdout).toMatch(/audit trail verified: \d+ entries/);
    expect(verify.code).toBe(0);
  });
});
