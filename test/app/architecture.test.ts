import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * The folders are the architecture (STYLE 1, 13; SPEC APP-8): the pure core imports only
 * itself, and the faces (the CLI, the server, the web app) never import one another — what
 * two faces share lives in the application layer (src/app) or below. These tests read every
 * import of every source file, static and dynamic, and resolve it to the folder it names.
 */
const SRC = path.resolve(import.meta.dirname, "..", "..", "src");
const FACES = ["cli", "server", "web"] as const;

/**
 * The imports from a face into another that the architecture has: `roundtable serve` and
 * `roundtable worker` are the launchers of the server and of its job worker, the composition
 * roots that start them, each through one entry module (nothing else of the CLI runs in the
 * server, and the server never reaches back).
 */
const LAUNCHERS: readonly [from: string, to: string][] = [
  ["cli/commands/serve.ts", "server/serve.ts"],
  ["cli/commands/worker.ts", "server/job-worker.ts"],
];

interface Import {
  readonly file: string;
  readonly line: number;
  readonly specifier: string;
  /** The file it names, relative to src, or undefined for a package or a builtin. */
  readonly target: string | undefined;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [full] : [];
  });
}

/**
 * Every module a file names: static imports and re-exports, side-effect imports and dynamic
 * `import("…")`, as the TypeScript compiler's own pre-processor reads them (never text in a
 * string or a comment).
 */
function importsOf(file: string): Import[] {
  const text = readFileSync(file, "utf8");
  const lineOf = (pos: number) => text.slice(0, pos).split("\n").length;
  return ts.preProcessFile(text, true, true).importedFiles.map((ref) => {
    const specifier = ref.fileName;
    const target = specifier.startsWith(".")
      ? path
          .relative(SRC, path.resolve(path.dirname(file), specifier))
          .replace(/\.js$/, ".ts")
          .split(path.sep)
          .join("/")
      : undefined;
    return {
      file: path.relative(SRC, file).split(path.sep).join("/"),
      line: lineOf(ref.pos),
      specifier,
      target,
    };
  });
}

const folderOf = (relative: string) => relative.split("/")[0]!;
const ALL = sourceFiles(SRC).flatMap(importsOf);

describe("architecture", () => {
  it("APP-8: the reader finds the imports (the rule below is not vacuous)", () => {
    // A sample of imports known to exist: one per face and one dynamic import.
    const has = (file: string, target: string) => ALL.some((i) => i.file === file && i.target === target);
    expect(has("cli/commands/exit.ts", "app/exit.ts")).toBe(true);
    expect(has("server/computations.ts", "app/exit.ts")).toBe(true);
    expect(has("cli/commands/serve.ts", "server/serve.ts")).toBe(true);
    expect(ALL.filter((i) => folderOf(i.file) === "web").length).toBeGreaterThan(50);
  });

  it("APP-8: no face imports another face (src/cli, src/server, src/web)", () => {
    const crossings = ALL.filter((i) => {
      if (i.target === undefined) return false;
      const from = folderOf(i.file);
      const to = folderOf(i.target);
      return (
        (FACES as readonly string[]).includes(from) &&
        (FACES as readonly string[]).includes(to) &&
        from !== to &&
        !LAUNCHERS.some(([f, t]) => f === i.file && t === i.target)
      );
    });
    expect(crossings.map((i) => `src/${i.file}:${i.line} imports "${i.specifier}"`)).toEqual([]);
  });

  it("APP-8: src/core imports nothing outside src/core, and no package", () => {
    const outside = ALL.filter(
      (i) => folderOf(i.file) === "core" && (i.target === undefined || folderOf(i.target) !== "core"),
    );
    expect(outside.map((i) => `src/${i.file}:${i.line} imports "${i.specifier}"`)).toEqual([]);
  });

  it("APP-8: src/app and src/report import no face", () => {
    const faces = ALL.filter(
      (i) =>
        ["app", "report"].includes(folderOf(i.file)) &&
        i.target !== undefined &&
        (FACES as readonly string[]).includes(folderOf(i.target)),
    );
    expect(faces.map((i) => `src/${i.file}:${i.line} imports "${i.specifier}"`)).toEqual([]);
  });
});
