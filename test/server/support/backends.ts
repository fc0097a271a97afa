import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe } from "vitest";
import { type BackendConfig, openBackend } from "../../../src/storage/backend.js";
import { Store } from "../../../src/storage/store.js";

/** The PostgreSQL the suite uses: DATABASE_URL, or the local test database. */
export const POSTGRES_URL = process.env.DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/test";

async function probePostgres(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 2000 });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("select 1");
    return undefined;
  } catch (error) {
    return (error as Error).message || String(error);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Why the PostgreSQL suite cannot run here, or undefined when it can. */
export const postgresUnavailable = await probePostgres();

export type BackendKind = "sqlite" | "postgres";

/**
 * Fresh, isolated databases of one kind for a test file: an SQLite file in a new temporary
 * folder, or a new PostgreSQL schema, each dropped after the file's tests.
 */
export class BackendFactory {
  private readonly cleanups: (() => Promise<void>)[] = [];

  constructor(readonly kind: BackendKind) {}

  /** A configuration for a new, empty database (for a child process or openBackend). */
  async freshConfig(): Promise<{ config: BackendConfig; env: Record<string, string>; args: string[] }> {
    if (this.kind === "sqlite") {
      const dir = mkdtempSync(path.join(os.tmpdir(), "roundtable-store-"));
      this.cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
      return {
        config: { kind: "sqlite", file: path.join(dir, "roundtable.sqlite") },
        env: {},
        args: ["--data", dir],
      };
    }
    const schema = `rt_test_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.end();
    this.cleanups.push(async () => {
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      await client.query(`drop schema if exists ${schema} cascade`);
      await client.end();
    });
    const url = new URL(POSTGRES_URL);
    url.searchParams.set("options", `-c search_path=${schema}`);
    return {
      config: { kind: "postgres", url: POSTGRES_URL, schema },
      env: { DATABASE_URL: url.toString() },
      args: [],
    };
  }

  async freshStore(now?: () => Date): Promise<Store> {
    const { config } = await this.freshConfig();
    const store = new Store(await openBackend(config), now);
    this.cleanups.unshift(async () => store.close().catch(() => {}));
    return store;
  }

  async cleanup(): Promise<void> {
    for (const c of this.cleanups.splice(0)) await c();
  }
}

/**
 * Defines the same tests on every backend available (STYLE 9). Without PostgreSQL, its
 * describe is skipped and the reason printed plainly.
 */
export function describeEachBackend(
  title: string,
  tests: (factory: BackendFactory) => void,
  kinds: readonly BackendKind[] = ["sqlite", "postgres"],
): void {
  for (const kind of kinds) {
    if (kind === "postgres" && postgresUnavailable) {
      console.warn(
        `PostgreSQL suite skipped (${title}): no PostgreSQL answers at ${POSTGRES_URL} (${postgresUnavailable}). Set DATABASE_URL or start PostgreSQL to run it.`,
      );
      describe.skip(`${title} on postgres (skipped: PostgreSQL unavailable)`, () => {
        tests(new BackendFactory(kind));
      });
      continue;
    }
    describe(`${title} on ${kind}`, () => {
      const factory = new BackendFactory(kind);
      afterAll(() => factory.cleanup());
      tests(factory);
    });
  }
}
