/**
 * `--format` of close-round and export-ocf (one check, `textOrJsonFormat`): text or json, and
 * anything else a usage failure (exit 2) naming the flag, its choices and the value given,
 * before any file is read or written.
 */
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cli, tempFile } from "../support/cli.js";

const DEAL = readFileSync("examples/seed-to-series-a.yaml", "utf8");

describe("--format text|json", () => {
  it("close-round refuses another format, names the file, and leaves the file as it was", async () => {
    const file = tempFile("deal.yaml", DEAL);
    const r = await cli(["close-round", file, "--format", "yaml", "--write"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--format");
    expect(r.stderr).toContain("yaml");
    expect(r.stderr).toContain("json");
    expect(r.stderr).toContain(file);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(file, "utf8")).toBe(DEAL);
  });

  it("export-ocf refuses another format with the same message, and writes nothing", async () => {
    const out = `${tempFile("keep.txt", "")}.ocf`;
    const r = await cli(["export-ocf", "examples/seed-to-series-a.yaml", "--out", out, "--format", "csv"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--format");
    expect(r.stderr).toContain("csv");
    expect(r.stdout).toBe("");
    expect(existsSync(out)).toBe(false);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
