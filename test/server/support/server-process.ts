import { type ChildProcess, spawn } from "node:child_process";

export interface ServerProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** Everything the process wrote to standard error. */
  stderr(): string;
  /** SIGTERM, and wait for the exit. */
  stop(): Promise<number | null>;
  /** SIGKILL: no chance to finish anything. */
  kill(): Promise<void>;
}

/** Starts `roundtable serve` from source in a child process on a free port and waits for its URL. */
export function startServerProcess(
  args: readonly string[],
  env: Record<string, string>,
): Promise<ServerProcess> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "scripts/dev-cli.ts", "serve", "--port", "0", "--host", "127.0.0.1", ...args],
    { env: { ...process.env, LOG_LEVEL: "warn", ...env }, stdio: ["ignore", "ignore", "pipe"] },
  );
  let err = "";
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`the server did not start in 30 s:\n${err}`));
    }, 30_000);
    child.stderr!.on("data", (chunk: Buffer) => {
      err += chunk.toString("utf8");
      const match = /serving .* at (http:\/\/127\.0\.0\.1:\d+)/.exec(err);
      if (match) {
        clearTimeout(timer);
        resolve({
          url: match[1]!,
          child,
          stderr: () => err,
          stop: async () => {
            child.kill("SIGTERM");
            return exited;
          },
          kill: async () => {
            child.kill("SIGKILL");
            await exited;
          },
        });
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code} before it started:\n${err}`));
    });
  });
}
