import { randomBytes } from "node:crypto";
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from "node:fs";
import path from "node:path";

/** What a command may touch: injected so that commands run in-process in tests. */
export interface CliIo {
  readonly stdout: { write(text: string): void; readonly isTTY?: boolean; readonly columns?: number };
  readonly stderr: { write(text: string): void; readonly isTTY?: boolean };
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readText(file: string): string;
  readBytes(file: string): Buffer;
  /** Writes a whole file atomically: a temporary file, fsync, then a rename. */
  writeFileAtomic(file: string, contents: string | Uint8Array): void;
  readStdin(): Buffer;
  /** Asks for a secret on a terminal without echoing it; absent when standard input is not a terminal. */
  readSecret?(prompt: string): Promise<string>;
}

export function writeFileAtomic(file: string, contents: string | Uint8Array): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString("hex")}.tmp`);
  const fd = openSync(temp, "wx");
  try {
    writeSync(fd, typeof contents === "string" ? Buffer.from(contents, "utf8") : contents);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    unlinkSync(temp);
    throw error;
  }
  closeSync(fd);
  try {
    renameSync(temp, file);
  } catch (error) {
    unlinkSync(temp);
    throw error;
  }
}

export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    env: process.env,
    readText: (file) => readFileSync(file, "utf8"),
    readBytes: (file) => readFileSync(file),
    writeFileAtomic,
    readStdin: () => readFileSync(0),
    ...(process.stdin.isTTY ? { readSecret: promptWithoutEcho } : {}),
  };
}

/** Reads one line from the terminal with echo off. */
function promptWithoutEcho(prompt: string): Promise<string> {
  return new Promise((resolve) => {
    const stdin = process.stdin;
    process.stderr.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    let text = "";
    const onData = (chunk: Buffer) => {
      for (const ch of chunk.toString("utf8")) {
        if (ch === "\r" || ch === "\n" || ch === "\u0004") {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off("data", onData);
          process.stderr.write("\n");
          resolve(text);
          return;
        }
        if (ch === "\u0003") process.exit(130);
        if (ch === "\u007f") text = text.slice(0, -1);
        else text += ch;
      }
    };
    stdin.on("data", onData);
  });
}
