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

/**
 * What the CLI and the server may take from the engine's folders (src/core, src/deal,
 * src/interchange) at run time: parsing (dates, deal and workspace files, schemas, input
 * bytes), formatting (the compact form of money, diagnostics, the ingestion's claim table),
 * the limits, the error catalogue and the messages' catalogue, and writing an OCF package (I/O of a package the
 * application layer made). A name listed as "*" is a module of such helpers only, which a
 * face may also import dynamically. Types are always free (`import type`). Everything else
 * there runs the engine (runDeal, capTableView, waterfall, solve, simulate, replay…): a face
 * calls the use case of src/app that does (APP-1, issue 16).
 */
const FACE_MAY_IMPORT: Readonly<Record<string, readonly string[] | "*">> = {
  "core/shared/limits.ts": "*",
  "core/shared/errors.ts": "*",
  "core/shared/date.ts": "*",
  "core/shared/messages.ts": "*",
  "core/shared/problem.ts": ["formatPath", "ok"],
  "core/exact/money.ts": ["compactMoney"],
  "core/ingest/input-check.ts": ["Utf8Validator"],
  "deal/diagnostics.ts": "*",
  "deal/load.ts": ["loadDeal", "parseDealText", "issueMessage"],
  "deal/workspace.ts": ["isWorkspaceText", "loadWorkspace"],
  "deal/schema.ts": ["DealSchema", "RoundSchema", "TransactionSchema", "WorkspaceSchema"],
  "interchange/ocf/index.ts": ["writeOcfPackage", "zipPackage", "validationNote"],
};
const ENGINE_FOLDERS = ["core", "deal", "interchange"];

interface NamedImport {
  readonly file: string;
  readonly line: number;
  readonly target: string;
  /** The run-time names imported, or "dynamic" for `import("…")`. */
  readonly names: readonly string[] | "dynamic";
}

/** The run-time imports of a source text from the engine's folders (type-only imports left out). */
function engineImportsOf(relative: string, text: string): NamedImport[] {
  const source = ts.createSourceFile(relative, text, ts.ScriptTarget.Latest, true);
  const out: NamedImport[] = [];
  const targetOf = (specifier: string) =>
    path.posix.normalize(path.posix.join(path.posix.dirname(relative), specifier)).replace(/\.js$/, ".ts");
  const line = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      if (node.moduleSpecifier.text.startsWith(".") && clause && !clause.isTypeOnly) {
        const names: string[] = [];
        if (clause.name) names.push("default");
        const bindings = clause.namedBindings;
        if (bindings && ts.isNamespaceImport(bindings)) names.push("*");
        if (bindings && ts.isNamedImports(bindings))
          for (const e of bindings.elements) if (!e.isTypeOnly) names.push((e.propertyName ?? e.name).text);
        if (names.length > 0)
          out.push({ file: relative, line: line(node), target: targetOf(node.moduleSpecifier.text), names });
      }
    }
    if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      if (node.moduleSpecifier.text.startsWith(".") && !node.isTypeOnly)
        out.push({
          file: relative,
          line: line(node),
          target: targetOf(node.moduleSpecifier.text),
          names: ["*"],
        });
    }
    if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [specifier] = node.arguments;
      if (specifier && ts.isStringLiteral(specifier) && specifier.text.startsWith("."))
        out.push({ file: relative, line: line(node), target: targetOf(specifier.text), names: "dynamic" });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out.filter((i) => ENGINE_FOLDERS.includes(folderOf(i.target)));
}

/** The imports of a face's file that run the engine: not on FACE_MAY_IMPORT. */
function engineRunning(relative: string, text: string): string[] {
  return engineImportsOf(relative, text).flatMap((i) => {
    const allowed = FACE_MAY_IMPORT[i.target];
    const bad =
      allowed === "*"
        ? []
        : i.names === "dynamic"
          ? ["import()"]
          : i.names.filter((n) => allowed === undefined || !allowed.includes(n));
    return bad.map((n) => `src/${i.file}:${i.line} imports ${n} from src/${i.target}`);
  });
}
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

  it("APP-1: src/cli and src/server run no engine function: they call src/app's use cases", () => {
    const faces = sourceFiles(SRC).filter((f) => ["cli", "server"].includes(folderOf(path.relative(SRC, f))));
    const found = faces.flatMap((f) =>
      engineRunning(path.relative(SRC, f).split(path.sep).join("/"), readFileSync(f, "utf8")),
    );
    expect(found).toEqual([]);
  });

  it("APP-1: the rule sees an engine call (the add-round preview as it was before its use case)", () => {
    // The imports of src/cli/commands/add-round.ts before src/app/add-round.ts existed: the
    // command ran the deal and the cap-table view itself.
    const before = [
      'import type { Command } from "commander";',
      'import { compactMoney } from "../../core/exact/money.js";',
      'import { capTableView, fractionOf } from "../../core/ledger/views.js";',
      'import { runDeal } from "../../core/round/timeline.js";',
      'import { roundId } from "../../core/shared/ids.js";',
      'import { newRoundEntries } from "../../deal/add-round.js";',
      'import type { Deal } from "../../deal/build.js";',
      'const later = () => import("../../core/exit/waterfall.js");',
    ].join("\n");
    expect(engineRunning("cli/commands/add-round.ts", before)).toEqual([
      "src/cli/commands/add-round.ts:3 imports capTableView from src/core/ledger/views.ts",
      "src/cli/commands/add-round.ts:3 imports fractionOf from src/core/ledger/views.ts",
      "src/cli/commands/add-round.ts:4 imports runDeal from src/core/round/timeline.ts",
      "src/cli/commands/add-round.ts:5 imports roundId from src/core/shared/ids.ts",
      "src/cli/commands/add-round.ts:6 imports newRoundEntries from src/deal/add-round.ts",
      "src/cli/commands/add-round.ts:8 imports import() from src/core/exit/waterfall.ts",
    ]);
    // Every module the allow-list names exists (a renamed module would leave the rule blind).
    for (const module of Object.keys(FACE_MAY_IMPORT))
      expect(
        sourceFiles(SRC).some((f) => path.relative(SRC, f).split(path.sep).join("/") === module),
        module,
      ).toBe(true);
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
