import { randomBytes } from "node:crypto";
import { closeSync, fsyncSync, openSync, readSync, renameSync, unlinkSync, writeSync } from "node:fs";
import path from "node:path";
import { LIMITS } from "../core/shared/limits.js";
import { message } from "../core/shared/messages.js";
import { CommandFailure } from "./failure.js";

/** What a command may touch: injected so that commands run in-process in tests. */
export interface CliIo {
  readonly stdout: { write(text: string): void; readonly isTTY?: boolean; readonly columns?: number };
  readonly stderr: { write(text: string): void; readonly isTTY?: boolean };
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readText(file: string): string;
  /**
   * Reads a whole file, at most `limit` bytes (LIMITS.ingestTextBytes, the largest input the
   * CLI reads, by default): a longer file, a device or a pipe that does not end is refused
   * with `input_too_large` once the limit is passed, whatever its reported size.
   */
  readBytes(file: string, limit?: number): Buffer;
  /** Writes a whole file atomically: a temporary file, fsync, then a rename. */
  writeFileAtomic(file: string, contents: string | Uint8Array): void;
  /** Reads standard input to its end, at most LIMITS.ingestTextBytes bytes. */
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

const READ_CHUNK_BYTES = 1024 * 1024;

/** A short pause on a thread with nothing else to do (standard input not ready yet). */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function sizeInWords(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : `${bytes} bytes`;
}

/**
 * Reads a file descriptor to its end, but never more than `limit` bytes: the size a file
 * reports is not trusted (a device such as /dev/zero reports 0 and never ends), so the
 * bytes are counted as they come and the read stops one chunk past the limit.
 */
export function readCapped(fd: number, limit: number, name: string): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(READ_CHUNK_BYTES, limit + 1 - total));
    let read: number;
    try {
      read = readSync(fd, chunk, 0, chunk.length, null);
    } catch (error) {
      // A non-blocking pipe with nothing yet: wait for it as a blocking read would.
      if ((error as { code?: string }).code === "EAGAIN") {
        pause(5);
        continue;
      }
      throw error;
    }
    if (read === 0) break;
    chunks.push(read === chunk.length ? chunk : chunk.subarray(0, read));
    total += read;
    if (total > limit)
      throw CommandFailure.of(
        "input_too_large",
        message("input_too_large", { limit: sizeInWords(limit) }),
        name,
      );
  }
  return Buffer.concat(chunks, total);
}

function readFileCapped(file: string, limit: number): Buffer {
  const fd = openSync(file, "r");
  try {
    return readCapped(fd, limit, file);
  } finally {
    closeSync(fd);
  }
}

let quietOnClosedPipe = false;

/**
 * A reader that stops early (`roundtable exit deal.yaml | head`) closes the pipe: the next
 * write fails with EPIPE. The output is then not wanted, so the process ends quietly with
 * 0, as a pipeline expects, instead of an unhandled error with a stack trace.
 */
function endQuietlyOnClosedPipe(): void {
  if (quietOnClosedPipe) return;
  quietOnClosedPipe = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE") process.exit(0);
      throw error;
    });
  }
}

export function processIo(): CliIo {
  endQuietlyOnClosedPipe();
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    env: process.env,
    readText: (file) => readFileCapped(file, LIMITS.ingestTextBytes).toString("utf8"),
    readBytes: (file, limit = LIMITS.ingestTextBytes) => readFileCapped(file, limit),
    writeFileAtomic,
    readStdin: () => readCapped(0, LIMITS.ingestTextBytes, "standard input"),
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
