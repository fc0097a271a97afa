import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { importOcfFiles } from "../../src/interchange/ocf/import.js";
import { OWN_CHECKS } from "../../src/interchange/ocf/own-checks.js";
import { cli } from "../support/cli.js";

/**
 * OCF-VAL-4: a fresh install, with no schema folder beside it, exports and imports OCF
 * with roundtable's own checks and says so. The CLI runs from a copy of the project in a
 * temporary folder (nothing named shared/ next to it), without $ROUNDTABLE_OCF_SCHEMAS.
 */
function freshCopy(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), "roundtable-fresh-"));
  const project = path.join(root, "roundtable");
  mkdirSync(project);
  for (const entry of ["src", "scripts", "package.json", "tsconfig.json"])
    cpSync(entry, path.join(project, entry), { recursive: true });
  mkdirSync(path.join(project, "examples"));
  cpSync("examples/seed-to-series-a.yaml", path.join(project, "examples", "seed-to-series-a.yaml"));
  symlinkSync(path.resolve("node_modules"), path.join(project, "node_modules"), "dir");
  expect(existsSync(path.join(root, "shared"))).toBe(false);
  return project;
}

function run(project: string, args: readonly string[]): { code: number; stdout: string; stderr: string } {
  const env = { ...process.env };
  delete env.ROUNDTABLE_OCF_SCHEMAS;
  try {
    const stdout = execFileSync(
      process.execPath,
      [path.join(project, "node_modules", "tsx", "dist", "cli.mjs"), "scripts/dev-cli.ts", ...args],
      { cwd: project, env, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
    );
    return { code: 0, stdout, stderr: "" };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { code: e.status, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("OCF on a fresh install, with no schema folder (SPEC OCF-VAL-4)", () => {
  it("OCF-VAL-4: export-ocf and import-ocf run from a copy with no shared/ beside it, and say they used their own checks", async () => {
    const project = freshCopy();
    const exported = run(project, [
      "export-ocf",
      "examples/seed-to-series-a.yaml",
      "--out",
      "acme.zip",
      "--country",
      "US",
    ]);
    expect(exported.stderr).toBe("");
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain(
      "validated with roundtable's own checks only (no OCF schema folder given: pass --schemas DIR or set $ROUNDTABLE_OCF_SCHEMAS to validate against the official OCF 1.2.0 JSON Schemas)",
    );
    const imported = run(project, ["import-ocf", "acme.zip", "--out", "acme.yaml"]);
    expect(imported.code).toBe(0);
    // The example's cap table from this checkout, in process; the copy's from its own CLI.
    const before = JSON.parse(
      (await cli(["captable", "examples/seed-to-series-a.yaml", "--as-of", "2023-01-01", "--format", "json"]))
        .stdout,
    );
    const after = JSON.parse(
      run(project, ["captable", "acme.yaml", "--as-of", "2023-01-01", "--format", "json"]).stdout,
    );
    expect(after.totals).toEqual(before.totals);
    expect(readFileSync(path.join(project, "acme.yaml"), "utf8")).toMatch(
      /^# Imported from the Open Cap Format/,
    );
  }, 400_000);

  it("OCF-VAL-4: the own checks refuse what they check: a missing id, an object type a file may not hold, a bad manifest", () => {
    const item = { object_type: "STAKEHOLDER", name: { legal_name: "A" }, stakeholder_type: "INDIVIDUAL" };
    expect(
      OWN_CHECKS.validateFile("S.ocf.json", "stakeholders", {
        file_type: "OCF_STAKEHOLDERS_FILE",
        items: [item],
      })[0]!.message,
    ).toMatch(/S\.ocf\.json, STAKEHOLDER, at \/items\/0\/id: must be a string id/);
    expect(
      OWN_CHECKS.validateFile("S.ocf.json", "stakeholders", {
        file_type: "OCF_STAKEHOLDERS_FILE",
        items: [{ ...item, id: "a", object_type: "STOCK_CLASS" }],
      })[0]!.message,
    ).toMatch(/object_type "STOCK_CLASS" is not one a OCF_STAKEHOLDERS_FILE may hold/);
    const manifest = OWN_CHECKS.validateManifest("Manifest.ocf.json", {
      file_type: "OCF_MANIFEST_FILE",
      ocf_version: "1.1.0",
      issuer: { id: "i" },
      as_of: "2024-01-01",
      generated_at: "2024-01-01T00:00:00Z",
    });
    expect(manifest.map((p) => p.message)).toContain(
      'Manifest.ocf.json, manifest, at /ocf_version: must be "1.2.0"',
    );
    expect(manifest.some((p) => /stakeholders_files: is required/.test(p.message))).toBe(true);
    // An import without a schema folder runs these checks: a manifest without its fields is refused.
    const r = importOcfFiles(
      [
        {
          path: "Manifest.ocf.json",
          bytes: new TextEncoder().encode(JSON.stringify({ file_type: "OCF_MANIFEST_FILE" })),
        },
      ],
      { env: {} },
    );
    expect(r.ok ? [] : r.problems.map((p) => p.code)).toContain("ocf_schema_violation");
  });
});
