import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { type CliIo, writeFileAtomic } from "../../src/cli/io.js";
import { run } from "../../src/cli/main.js";

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in-process from the repository root, capturing its output. */
export async function cli(
  args: readonly string[],
  options: { cwd?: string; stdin?: string; env?: Record<string, string> } = {},
): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: {
      write: (t: string) => {
        stdout += t;
      },
      isTTY: false,
    },
    stderr: {
      write: (t: string) => {
        stderr += t;
      },
      isTTY: false,
    },
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? {},
    readText: (file) => readFileSync(file, "utf8"),
    readBytes: (file) => readFileSync(file),
    writeFileAtomic,
    readStdin: () => Buffer.from(options.stdin ?? ""),
  };
  const code = await run(args, io);
  return { code, stdout, stderr };
}

/** Writes `contents` to a new temporary file and returns its path. */
export function tempFile(name: string, contents: string | Buffer): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "roundtable-test-"));
  const file = path.join(dir, name);
  writeFileSync(file, contents);
  return file;
}
