import { createHash } from "node:crypto";
import { posix } from "node:path";
import { LIMITS } from "../../core/shared/limits.js";
import type { Problem } from "../../core/shared/problem.js";
import { isJsonObject, type Json, type JsonObject, parseJson } from "./json.js";
import {
  OCF_FILE_KIND_SPECS,
  OCF_FILE_KINDS,
  OCF_MANIFEST_FILE_TYPE,
  type OcfFile,
  type OcfPackage,
} from "./model.js";
import { fileLocation, ocfProblem, ocfWarning } from "./problems.js";
import type { OcfSchemas } from "./schema-validator.js";

/** Where the files of a package come from: a folder, a zip or a bare manifest, all read the same way. */
export interface PackageSource {
  /** The manifest's path inside the package ("Manifest.ocf.json", or "acme/Manifest.ocf.json" in a zip). */
  readonly manifestPath: string;
  /** A file's bytes by its path inside the package; undefined when there is no such file. */
  read(path: string): Uint8Array | undefined | { readonly error: string };
}

export interface Assembly {
  /** Undefined when a problem stops the reading before the files can be listed. */
  readonly pkg: OcfPackage | undefined;
  readonly problems: readonly Problem[];
  readonly warnings: readonly Problem[];
}

export function md5Hex(bytes: Uint8Array): string {
  return createHash("md5").update(bytes).digest("hex");
}

/** Reads text as UTF-8 (a leading byte-order mark is dropped) and parses it as JSON, locating any error. */
export function readJsonFile(path: string, bytes: Uint8Array): { json: Json } | { problem: Problem } {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { problem: ocfProblem("ocf_json_invalid", fileLocation(path), "is not UTF-8 text") };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const parsed = parseJson(text);
  if (!parsed.ok) {
    return {
      problem: ocfProblem(
        "ocf_json_invalid",
        fileLocation(path),
        `is not well-formed JSON: ${parsed.reason} at line ${parsed.line}, column ${parsed.column}`,
      ),
    };
  }
  return { json: parsed.value };
}

/**
 * Reads a package through its manifest (OCF-PKG-1..OCF-PKG-4): the manifest is valid, each file it
 * lists is inside the package, readable, well-formed, of the file type its list says, valid
 * against its schema, and has the MD5 the manifest gives (a mismatch is an error, or a warning
 * when `hashMismatch` is "warning").
 */
export function assemblePackage(
  source: PackageSource,
  schemas: OcfSchemas,
  hashMismatch: "error" | "warning",
): Assembly {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const manifestBytes = source.read(source.manifestPath);
  if (manifestBytes === undefined || "error" in manifestBytes) {
    const why = manifestBytes === undefined ? "does not exist" : manifestBytes.error;
    return {
      pkg: undefined,
      problems: [ocfProblem("file_unreadable", fileLocation(source.manifestPath), `cannot be read: ${why}`)],
      warnings,
    };
  }
  const manifestRead = readJsonFile(source.manifestPath, manifestBytes);
  if ("problem" in manifestRead) return { pkg: undefined, problems: [manifestRead.problem], warnings };
  const manifest = manifestRead.json;
  if (!isJsonObject(manifest) || manifest.file_type !== OCF_MANIFEST_FILE_TYPE) {
    return {
      pkg: undefined,
      problems: [
        ocfProblem(
          "ocf_package_unreadable",
          fileLocation(source.manifestPath, ["file_type"]),
          `is not an OCF manifest (its file_type is not "${OCF_MANIFEST_FILE_TYPE}")`,
        ),
      ],
      warnings,
    };
  }
  const manifestProblems = schemas.validateManifest(source.manifestPath, manifest);
  if (manifestProblems.length > 0) return { pkg: undefined, problems: manifestProblems, warnings };

  const root = posix.dirname(source.manifestPath);
  const files: OcfFile[] = [];
  const seen = new Map<string, string>();
  let listed = 0;
  let bytesRead = manifestBytes.length;
  for (const kind of OCF_FILE_KINDS) {
    const spec = OCF_FILE_KIND_SPECS[kind];
    const entries = Array.isArray(manifest[spec.manifestKey]) ? (manifest[spec.manifestKey] as Json[]) : [];
    for (const [i, entry] of entries.entries()) {
      const at = fileLocation(source.manifestPath, [spec.manifestKey, i, "filepath"]);
      if (!isJsonObject(entry)) continue;
      listed += 1;
      if (listed > LIMITS.ocfFiles) {
        return {
          pkg: undefined,
          problems: [ocfProblem("input_too_large", at, `lists more than ${LIMITS.ocfFiles} files`)],
          warnings,
        };
      }
      const listedPath = String(entry.filepath);
      const path = packagePath(root, listedPath);
      if (path === undefined) {
        problems.push(
          ocfProblem("ocf_package_unreadable", at, `lists "${listedPath}", a path outside the package`),
        );
        continue;
      }
      const earlier = seen.get(path);
      if (earlier !== undefined) {
        problems.push(
          ocfProblem(
            "ocf_package_unreadable",
            at,
            `lists "${listedPath}" again (already listed at ${earlier})`,
          ),
        );
        continue;
      }
      seen.set(path, `/${spec.manifestKey}/${i}`);
      const bytes = source.read(path);
      if (bytes === undefined || "error" in bytes) {
        problems.push(
          ocfProblem(
            "file_unreadable",
            at,
            `lists "${listedPath}", which ${bytes === undefined ? "is not in the package" : `cannot be read: ${bytes.error}`}`,
          ),
        );
        continue;
      }
      bytesRead += bytes.length;
      if (bytesRead > LIMITS.ocfPackageBytes) {
        return {
          pkg: undefined,
          problems: [
            ocfProblem("input_too_large", at, `brings the package above ${LIMITS.ocfPackageBytes} bytes`),
          ],
          warnings,
        };
      }
      const md5 = md5Hex(bytes);
      const expected = String(entry.md5).toLowerCase();
      if (md5 !== expected) {
        const text = `lists "${listedPath}" with MD5 ${expected}; the file's MD5 is ${md5}`;
        const atHash = fileLocation(source.manifestPath, [spec.manifestKey, i, "md5"]);
        if (hashMismatch === "error") problems.push(ocfProblem("ocf_hash_mismatch", atHash, text));
        else warnings.push(ocfWarning("ocf_hash_mismatch", atHash, text));
      }
      const read = readJsonFile(path, bytes);
      if ("problem" in read) {
        problems.push(read.problem);
        continue;
      }
      const json = read.json;
      if (!isJsonObject(json) || json.file_type !== spec.fileType) {
        const declared = isJsonObject(json) ? JSON.stringify(json.file_type) : "nothing";
        problems.push(
          ocfProblem(
            "ocf_schema_violation",
            fileLocation(path, ["file_type"]),
            `is listed under ${spec.manifestKey} but declares file_type ${declared}, not "${spec.fileType}"`,
          ),
        );
        continue;
      }
      const violations = schemas.validateFile(path, kind, json);
      problems.push(...violations);
      files.push({
        path,
        kind,
        json: json as JsonObject,
        items: Array.isArray(json.items) ? json.items : [],
        listedMd5: expected,
      });
    }
  }
  return { pkg: { manifestPath: source.manifestPath, manifest, files }, problems, warnings };
}

/** A listed path resolved against the manifest's folder; undefined when it leaves the package. */
export function packagePath(root: string, listed: string): string | undefined {
  if (listed === "" || posix.isAbsolute(listed) || /^[A-Za-z]:[\\/]/.test(listed) || listed.includes("\\"))
    return undefined;
  const joined = posix.normalize(posix.join(root, listed));
  if (joined === ".." || joined.startsWith("../") || posix.isAbsolute(joined)) return undefined;
  return joined;
}
