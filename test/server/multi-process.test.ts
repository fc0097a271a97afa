import { beforeAll, expect, it } from "vitest";
import { openBackend } from "../../src/storage/backend.js";
import { Store } from "../../src/storage/store.js";
import { cli } from "../support/cli.js";
import { type BackendFactory, describeEachBackend } from "./support/backends.js";
import { startServerProcess } from "./support/server-process.js";
import { type Credentials, type Persona, seedTeam } from "./support/team.js";

const WRITERS = 6;
const WRITES_EACH = 5;

describeEachBackend(
  "two server processes on one database (STORE-6)",
  (backends: BackendFactory) => {
    let setup: Awaited<ReturnType<BackendFactory["freshConfig"]>>;
    let team: Record<Persona, Credentials>;

    beforeAll(async () => {
      setup = await backends.freshConfig();
      const store = new Store(await openBackend(setup.config));
      team = await seedTeam(store);
      await store.close();
    });

    it("many concurrent writers lose no update, and every conflict is answered 409", async () => {
      const servers = await Promise.all([
        startServerProcess(setup.args, setup.env),
        startServerProcess(setup.args, setup.env),
      ]);
      const headers = { authorization: `Bearer ${team.editor.token}`, "content-type": "application/json" };
      const url = "/api/v1/workspaces/acme/deals/seed";
      const acknowledged: number[] = [];
      const statuses = new Map<number, number>();
      let conflicts = 0;
      const writer = async (w: number) => {
        for (let k = 0; k < WRITES_EACH; ) {
          const server = servers[(w + k + conflicts) % 2]!;
          const head = (await (await fetch(`${server.url}${url}`, { headers })).json()) as {
            version: number;
          };
          const shares = 1 + w * 100 + k;
          const other = servers[(w + k + 1) % 2]!;
          const response = await fetch(`${other.url}${url}/transactions?expectedVersion=${head.version}`, {
            method: "POST",
            headers,
            body: JSON.stringify({
              type: "issue",
              date: "2021-06-01",
              holder: "grace",
              class: "common",
              shares,
            }),
          });
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          const body = (await response.json()) as { error?: { code: string } };
          if (response.status === 201) {
            acknowledged.push(shares);
            k++;
          } else {
            expect(response.status).toBe(409);
            expect(body.error?.code).toBe("version_conflict");
            conflicts++;
          }
        }
      };
      await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
      expect(
        [...statuses.keys()].every((s) => s === 201 || s === 409),
        JSON.stringify([...statuses]),
      ).toBe(true);
      expect(acknowledged).toHaveLength(WRITERS * WRITES_EACH);

      for (const server of servers) expect(await server.stop()).toBe(0);
      // The database is the judge: reads through a server may trail another server's
      // commit by the time its notification takes (SPEC STORE-7).
      const store = new Store(await openBackend(setup.config));
      const head = (await store.headRevision("acme", "seed"))!;
      await store.close();
      // Version 1 was the import; each acknowledged write made exactly one more.
      expect(head.version).toBe(1 + acknowledged.length);
      const written = (JSON.parse(head.document!) as { transactions: { shares: string }[] }).transactions.map(
        (t) => t.shares,
      );
      for (const shares of acknowledged) expect(written.filter((s) => s === String(shares))).toHaveLength(1);
      console.info(
        `two servers, ${WRITERS} writers: ${acknowledged.length} writes, ${conflicts} conflicts answered 409`,
      );

      const verify = await cli(["audit", "verify", ...setup.args], { env: setup.env });
      expect(verify.code, verify.stderr).toBe(0);
    });
  },
  ["postgres"],
);
