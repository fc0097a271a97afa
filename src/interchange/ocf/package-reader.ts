import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join, posix, resolve } from "node:path";
import { unzipSync } from "fflate";
import { LIMITS } from "../../core/shared/limits.js";
import { fail, ok, type Result } from "../../core/shared/problem.js";
import { isJsonObject } from "./json.js";
import { OCF_MANIFEST_FILE_NAME, OCF_MANIFEST_FILE_TYPE } from "./model.js";
import { type PackageSource, readJsonFile } from "./package-assembly.js";

/**
 * Opens an OCF package (OCF-PKG-1): a folder holding a manifest, a .zip holding one, or the
 * manifest file itself (its folder is then the package). Reads lazily from folders; a zip is
 * inflated once, its JSON entries only, within LIMITS.
 */
export function openOcfSource(source: string): Result<PackageSource> {
  let stat: ReturnType<typeof statSync>;
  try {
    stat = statSync(source);
  } catch (error) {
    return fail("file_unreadable", `${source} cannot be read: ${reason(error)}`);
  }
  if (stat.isDirectory()) return openFolder(resolve(source), undefined);
  let head: Uint8Array;
  try {
    head = readFileSync(source);
  } catch (error) {
    return fail("file_unreadable", `${source} cannot be read: ${reason(error)}`);
  }
  if (isZip(head) || source.toLowerCase().endsWith(".zip")) return openZip(source, head);
  return openFolder(dirname(resolve(source)), basename(source));
}

function reason(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  if (code === "ENOENT") return "no such file or folder";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EISDIR") return "it is a folder";
  return error instanceof Error ? error.message : String(error);
}

function isZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    (bytes[2] === 3 || bytes[2] === 5) &&
    (bytes[3] === 4 || bytes[3] === 6)
  );
}

function readerFor(root: string): PackageSource["read"] {
  return (path) => {
    const full = join(root, ...path.split("/"));
    try {
      if (statSync(full).size > LIMITS.ocfPackageBytes)
        return { error: `larger than ${LIMITS.ocfPackageBytes} bytes` };
      return readFileSync(full);
    } catch (error) {
      if ((error as { code?: unknown })?.code === "ENOENT") return undefined;
      return { error: reason(error) };
    }
  };
}

function openFolder(root: string, manifest: string | undefined): Result<PackageSource> {
  const read = readerFor(root);
  if (manifest !== undefined) return ok({ manifestPath: manifest, read });
  let names: string[];
  try {
    names = readdirSync(root).sort();
  } catch (error) {
    return fail("file_unreadable", `${root} cannot be read: ${reason(error)}`);
  }
  const found = findManifest(names, read);
  if (typeof found !== "string") {
    return fail("ocf_package_unreadable", `${root} ${found.reason}`);
  }
  return ok({ manifestPath: found, read });
}

/**
 * The manifest among a package's files (OCF-PKG-1): the one file named Manifest.ocf.json (any
 * case), else the one .json file whose file_type is OCF_MANIFEST_FILE.
 */
function findManifest(paths: readonly string[], read: PackageSource["read"]): string | { reason: string } {
  const named = paths.filter((p) => posix.basename(p).toLowerCase() === OCF_MANIFEST_FILE_NAME.toLowerCase());
  if (named.length === 1) return named[0]!;
  if (named.length > 1)
    return { reason: `holds ${named.length} manifests (${named.join(", ")}); a package has one` };
  const declared = paths.filter((p) => {
    if (!p.toLowerCase().endsWith(".json")) return false;
    const bytes = read(p);
    if (bytes === undefined || "error" in bytes) return false;
    const parsed = readJsonFile(p, bytes);
    return "json" in parsed && isJsonObject(parsed.json) && parsed.json.file_type === OCF_MANIFEST_FILE_TYPE;
  });
  if (declared.length === 1) return declared[0]!;
  if (declared.length > 1)
    return { reason: `holds ${declared.length} manifests (${declared.join(", ")}); a package has one` };
  return {
    reason: `holds no OCF manifest (no ${OCF_MANIFEST_FILE_NAME}, and no .json file with file_type "${OCF_MANIFEST_FILE_TYPE}")`,
  };
}

/** Opens a zipped package held in memory (an upload); `source` names it in messages. */
export function openOcfZip(source: string, bytes: Uint8Array): Result<PackageSource> {
  return openZip(source, bytes);
}

function openZip(source: string, bytes: Uint8Array): Result<PackageSource> {
  let entries: Record<string, Uint8Array>;
  let declared = 0;
  let count = 0;
  let tooLarge = false;
  try {
    entries = unzipSync(bytes, {
      filter(file) {
        count += 1;
        if (
          file.name.endsWith("/") ||
          file.name.startsWith("__MACOSX/") ||
          !file.name.toLowerCase().endsWith(".json")
        ) {
          return false;
        }
        declared += file.originalSize;
        if (count > LIMITS.ocfFiles || declared > LIMITS.ocfPackageBytes) tooLarge = true;
        return !tooLarge;
      },
    });
  } catch (error) {
    return fail(
      "ocf_package_unreadable",
      `${source} is not a readable zip archive: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (tooLarge) {
    return fail(
      "input_too_large",
      `${source} holds more than ${LIMITS.ocfFiles} entries or more than ${LIMITS.ocfPackageBytes} bytes of JSON`,
    );
  }
  const files = new Map<string, Uint8Array>();
  for (const [name, data] of Object.entries(entries)) {
    const normal = posix.normalize(name);
    if (normal.startsWith("../") || posix.isAbsolute(normal)) {
      return fail(
        "ocf_package_unreadable",
        `${source} holds the entry "${name}", a path outside the archive`,
      );
    }
    files.set(normal, data);
  }
  const read: PackageSource["read"] = (path) => files.get(path);
  const found = findManifest([...files.keys()].sort(), read);
  if (typeof found !== "string") return fail("ocf_package_unreadable", `${source} ${found.reason}`);
  return ok({ manifestPath: found, read });
}
