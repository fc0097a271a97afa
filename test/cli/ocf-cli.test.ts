import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadDeal } from "../../src/deal/load.js";
import { cli as runCli } from "../support/cli.js";

const SAMPLES = "../shared/ocf/v1.2.0/samples";
/** These tests validate against the official schemas beside the checkout (OCF-VAL-1). */
const SCHEMAS = path.resolve("../shared/ocf/v1.2.0/schema");
const cli = (args: readonly string[]) => runCli(args, { env: { ROUNDTABLE_OCF_SCHEMAS: SCHEMAS } });
const tmp = () => mkdtempSync(path.join(os.tmpdir(), "roundtable-ocf-"));

describe("roundtable import-ocf and export-ocf (docs/spec/ocf.md)", () => {
  it("refuses the official sample package as published, naming each broken reference and hash", async () => {
    const r = await cli(["import-ocf", SAMPLES]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/ocf_hash_mismatch/);
    expect(r.stderr).toMatch(/Transactions\.ocf\.json, TX_\w+ "[^"]+", at \/items\/\d+\/\w+: names \w+/);
    expect(r.stdout).toBe("");
  });

  it("keeps the sample's inconsistencies when asked, and its objects come back on export", async () => {
    const dir = tmp();
    const deal = path.join(dir, "sample.yaml");
    const imported = await cli(["import-ocf", SAMPLES, "--on-inconsistency", "preserve", "--out", deal]);
    expect(imported.code).toBe(0);
    expect(imported.stderr).toMatch(/kept, with no counterpart in the ledger: .*FINANCING 1/);
    expect((await cli(["validate", deal])).code).toBe(0);
    const out = path.join(dir, "package");
    const exported = await cli(["export-ocf", deal, "--out", out, "--on-inconsistency", "preserve"]);
    expect(exported.code).toBe(0);
    expect(existsSync(path.join(out, "Manifest.ocf.json"))).toBe(true);
    // Export then import again gives the same deal (the heading comment names the package).
    const again = path.join(dir, "again.yaml");
    expect((await cli(["import-ocf", out, "--on-inconsistency", "preserve", "--out", again])).code).toBe(0);
    // The same ledger and the same kept OCF objects (key order aside: the writer sorts keys).
    const load = (f: string) => {
      const loaded = loadDeal(readFileSync(f, "utf8"), f);
      if (!loaded.ok) throw new Error(loaded.diagnostics[0]!.message);
      const preserved = JSON.parse(loaded.deal.document.ocfPreserved!);
      return {
        ledger: JSON.stringify(
          loaded.deal.ledger.transactions.map((t) => ({ ...t, path: undefined })),
          (_, v) => (typeof v === "bigint" ? String(v) : v),
        ),
        entries: preserved.entries,
        issuer: preserved.manifest.issuer,
      };
    };
    const a = load(deal);
    const b = load(again);
    expect(b.ledger).toBe(a.ledger);
    expect(b.issuer).toEqual(a.issuer);
    // The same objects, whatever the order of files and keys the writer chose.
    const canonical = (value: unknown): string =>
      JSON.stringify(value, (_, v) =>
        v && typeof v === "object" && !Array.isArray(v)
          ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => (x < y ? -1 : 1)))
          : v,
      );
    const objects = (entries: { object: unknown }[]) => entries.map((e) => canonical(e.object)).sort();
    expect(objects(b.entries)).toEqual(objects(a.entries));
  });

  it("a deal's ledger goes out as a valid package (.zip too) and comes back with the same cap table", async () => {
    const dir = tmp();
    const zip = path.join(dir, "acme.zip");
    const exported = await cli([
      "export-ocf",
      "examples/seed-to-series-a.yaml",
      "--out",
      zip,
      "--country",
      "US",
    ]);
    expect(exported.stderr).toBe("");
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain("validated against the official OCF 1.2.0 JSON Schemas");
    const deal = path.join(dir, "acme.yaml");
    expect((await cli(["import-ocf", zip, "--out", deal])).code).toBe(0);
    const before = JSON.parse(
      (await cli(["captable", "examples/seed-to-series-a.yaml", "--as-of", "2023-01-01", "--format", "json"]))
        .stdout,
    );
    const after = JSON.parse(
      (await cli(["captable", deal, "--as-of", "2023-01-01", "--format", "json"])).stdout,
    );
    expect(after.totals).toEqual(before.totals);
    expect(after.holders.map((h: { fullyDiluted: string }) => h.fullyDiluted)).toEqual(
      before.holders.map((h: { fullyDiluted: string }) => h.fullyDiluted),
    );
  });

  it("an export without the issuer's country (OCF requires it) says how to give it", async () => {
    const r = await cli(["export-ocf", "examples/down-round.yaml", "--out", path.join(tmp(), "x")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/country of formation/);
  });

  it("never overwrites without --force, and says so", async () => {
    const dir = tmp();
    const out = path.join(dir, "deal.yaml");
    await cli(["import-ocf", SAMPLES, "--on-inconsistency", "preserve", "--out", out]);
    const again = await cli(["import-ocf", SAMPLES, "--on-inconsistency", "preserve", "--out", out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/exists; pass --force/);
  });

  it("a missing package and a missing schema folder are clear errors", async () => {
    expect((await cli(["import-ocf", "no/such/package"])).code).toBe(1);
    const r = await cli(["import-ocf", SAMPLES, "--schemas", "no/such/schemas"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/ocf_schemas_missing/);
  });
});
