import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { importOcf, importOcfFiles } from "../../../src/interchange/ocf/import.js";
import { zipPackage } from "../../../src/interchange/ocf/package-writer.js";
import { expectOk, expectProblems, packageFiles, SCHEMA_DIR } from "./helpers.js";

const options = { schemaDir: SCHEMA_DIR };
const stakeholder = {
  object_type: "STAKEHOLDER",
  id: "ada",
  name: { legal_name: "Ada" },
  stakeholder_type: "INDIVIDUAL",
};
const files = () => packageFiles({ stakeholders: [stakeholder] });

function folderWith(entries: { path: string; bytes: Uint8Array }[]): string {
  const dir = mkdtempSync(join(tmpdir(), "ocf-pkg-"));
  for (const e of entries) {
    mkdirSync(join(dir, e.path, ".."), { recursive: true });
    writeFileSync(join(dir, e.path), e.bytes);
  }
  return dir;
}

describe("OCF-PKG-1 a package is a folder, a .zip or a manifest", () => {
  it("reads a folder, finding its Manifest.ocf.json", async () => {
    const result = expectOk(await importOcf(folderWith(files()), options));
    expect(result.ledger.stakeholders.map((s) => s.name)).toEqual(["Ada"]);
  });

  it("reads the manifest path itself, the package being its folder", async () => {
    const dir = folderWith(files());
    expect(
      expectOk(await importOcf(join(dir, "Manifest.ocf.json"), options)).ledger.stakeholders,
    ).toHaveLength(1);
  });

  it("finds a manifest under another name by its file_type", async () => {
    const renamed = files().map((f) =>
      f.path === "Manifest.ocf.json" ? { ...f, path: "acme.ocf.json" } : f,
    );
    expect(expectOk(await importOcf(folderWith(renamed), options)).ledger.stakeholders).toHaveLength(1);
  });

  it("reads a .zip, with the package in a folder inside it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ocf-zip-"));
    const zip = join(dir, "acme.zip");
    writeFileSync(zip, zipPackage(files().map((f) => ({ ...f, path: `acme/${f.path}` }))));
    expect(expectOk(await importOcf(zip, options)).ledger.stakeholders).toHaveLength(1);
  });

  it("a corrupt zip", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ocf-zip-"));
    const zip = join(dir, "broken.zip");
    const bytes = zipPackage(files());
    writeFileSync(zip, bytes.slice(0, bytes.length - 40));
    const [p] = expectProblems(await importOcf(zip, options));
    expect(p!.code).toBe("ocf_package_unreadable");
    expect(p!.message).toMatch(new RegExp(`^${zip.replace(/[.]/g, "\\.")} is not a readable zip archive: `));
  });

  it("a folder with no manifest, and one with two", async () => {
    const none = folderWith(files().filter((f) => f.path !== "Manifest.ocf.json"));
    const [p] = expectProblems(await importOcf(none, options));
    expect(p!.code).toBe("ocf_package_unreadable");
    expect(p!.message).toBe(
      `${none} holds no OCF manifest (no Manifest.ocf.json, and no .json file with file_type "OCF_MANIFEST_FILE")`,
    );
    const zip = join(mkdtempSync(join(tmpdir(), "ocf-zip-")), "two.zip");
    writeFileSync(
      zip,
      zipSync({ "a/Manifest.ocf.json": strToU8("{}"), "b/manifest.ocf.json": strToU8("{}") }),
    );
    const [q] = expectProblems(await importOcf(zip, options));
    expect(q!.message).toBe(
      `${zip} holds 2 manifests (a/Manifest.ocf.json, b/manifest.ocf.json); a package has one`,
    );
  });

  it("a source that does not exist", async () => {
    const [p] = expectProblems(await importOcf("/nonexistent/package", options));
    expect(p!.code).toBe("file_unreadable");
    expect(p!.message).toBe("/nonexistent/package cannot be read: no such file or folder");
  });
});

describe("OCF-PKG-2 each file the manifest lists is inside the package, readable and well-formed", () => {
  it("a listed file that is missing names the manifest entry", () => {
    const [p] = expectProblems(
      importOcfFiles(
        files().filter((f) => f.path !== "Stakeholders.ocf.json"),
        options,
      ),
    );
    expect(p!.code).toBe("file_unreadable");
    expect(p!.message).toBe(
      'Manifest.ocf.json, at /stakeholders_files/0/filepath: lists "./Stakeholders.ocf.json", which is not in the package',
    );
  });

  it("a listed file that cannot be read", async () => {
    const dir = folderWith(files().filter((f) => f.path !== "Stakeholders.ocf.json"));
    mkdirSync(join(dir, "Stakeholders.ocf.json"));
    const [p] = expectProblems(await importOcf(dir, options));
    expect(p!.code).toBe("file_unreadable");
    expect(p!.message).toBe(
      'Manifest.ocf.json, at /stakeholders_files/0/filepath: lists "./Stakeholders.ocf.json", which cannot be read: it is a folder',
    );
  });

  it("a file that is not JSON, with its line and column", () => {
    const broken = files().map((f) =>
      f.path === "Stakeholders.ocf.json"
        ? {
            ...f,
            bytes: new TextEncoder().encode('{\n  "file_type": "OCF_STAKEHOLDERS_FILE",\n  "items": [,]\n}'),
          }
        : f,
    );
    const problems = expectProblems(importOcfFiles(broken, options));
    const p = problems.find((x) => x.code === "ocf_json_invalid")!;
    expect(p.message).toBe(
      'Stakeholders.ocf.json, at /: is not well-formed JSON: expected a value, found "," at line 3, column 13',
    );
  });

  it("a path outside the package", () => {
    const manifest = JSON.parse(new TextDecoder().decode(files()[0]!.bytes));
    manifest.stakeholders_files[0].filepath = "../elsewhere/Stakeholders.ocf.json";
    const [p] = expectProblems(
      importOcfFiles(
        [{ path: "Manifest.ocf.json", bytes: new TextEncoder().encode(JSON.stringify(manifest)) }],
        options,
      ),
    );
    expect(p!.code).toBe("ocf_package_unreadable");
    expect(p!.message).toBe(
      'Manifest.ocf.json, at /stakeholders_files/0/filepath: lists "../elsewhere/Stakeholders.ocf.json", a path outside the package',
    );
  });

  it("a file listed under the wrong kind", () => {
    const manifest = JSON.parse(new TextDecoder().decode(files()[0]!.bytes));
    manifest.stock_classes_files = manifest.stakeholders_files;
    manifest.stakeholders_files = [];
    const moved = [
      { path: "Manifest.ocf.json", bytes: new TextEncoder().encode(JSON.stringify(manifest)) },
      ...files().slice(1),
    ];
    const [p] = expectProblems(importOcfFiles(moved, options));
    expect(p!.message).toBe(
      'Stakeholders.ocf.json, at /file_type: is listed under stock_classes_files but declares file_type "OCF_STAKEHOLDERS_FILE", not "OCF_STOCK_CLASSES_FILE"',
    );
  });
});

describe("OCF-PKG-3 each file has the MD5 the manifest lists", () => {
  const tampered = () => {
    const manifest = JSON.parse(new TextDecoder().decode(files()[0]!.bytes));
    manifest.stakeholders_files[0].md5 = "00000000000000000000000000000000";
    return [
      { path: "Manifest.ocf.json", bytes: new TextEncoder().encode(JSON.stringify(manifest)) },
      ...files().slice(1),
    ];
  };

  it("a mismatch fails the import, naming both hashes", () => {
    const [p] = expectProblems(importOcfFiles(tampered(), options));
    expect(p!.code).toBe("ocf_hash_mismatch");
    expect(p!.message).toMatch(
      /^Manifest\.ocf\.json, at \/stakeholders_files\/0\/md5: lists "\.\/Stakeholders\.ocf\.json" with MD5 0{32}; the file's MD5 is [0-9a-f]{32}$/,
    );
  });

  it("in preserve mode a mismatch is a warning of the report", () => {
    const result = expectOk(importOcfFiles(tampered(), { ...options, onInconsistency: "preserve" }));
    expect(result.report.warnings.map((w) => [w.code, w.severity])).toEqual([
      ["ocf_hash_mismatch", "warning"],
    ]);
  });
});
