import type { Command } from "commander";
import { message } from "../../core/shared/messages.js";
import { queueTimingFrom, serveUntilSignalled } from "../../server/serve.js";
import { backendConfigFrom } from "../../storage/backend.js";
import { CommandFailure } from "../failure.js";
import type { CliIo } from "../io.js";
import { VERSION } from "../version.js";

function portNumber(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535)
    throw CommandFailure.of("usage", message("flag_port", { got: text }));
  return port;
}

export function registerServe(program: Command, io: CliIo): void {
  program
    .command("serve")
    .description(
      "run the HTTP API for teams: SQLite in the data directory, or PostgreSQL when DATABASE_URL is set",
    )
    .option("--port <port>", "the port to listen on (default: PORT or 3000)")
    .option("--host <host>", "the address to listen on", "127.0.0.1")
    .option("--data <dir>", "the data directory for SQLite (default: ROUNDTABLE_DATA or ./.roundtable)")
    .option(
      "--demo",
      "on an empty store, create the demo account and load the examples into a demo workspace",
    )
    .option(
      "--trust-proxy",
      "trust X-Forwarded-For and X-Forwarded-Proto from a reverse proxy (secure cookies behind HTTPS)",
    )
    .option(
      "--jobs <where>",
      "on PostgreSQL: shared (in the database, run by `roundtable worker` processes) or memory (in this process)",
      "shared",
    )
    .action(
      async (options: {
        port?: string;
        host: string;
        data?: string;
        demo?: boolean;
        trustProxy?: boolean;
        jobs: string;
      }) => {
        const port = portNumber(options.port ?? io.env.PORT ?? "3000");
        if (options.jobs !== "shared" && options.jobs !== "memory")
          throw CommandFailure.of(
            "usage",
            message("flag_choice", { flag: "--jobs", choices: ["shared", "memory"], got: options.jobs }),
          );
        let timing: ReturnType<typeof queueTimingFrom>;
        try {
          timing = queueTimingFrom(io.env);
        } catch (error) {
          throw CommandFailure.of("usage", (error as Error).message);
        }
        await serveUntilSignalled({
          backend: backendConfigFrom({ data: options.data, env: io.env, cwd: io.cwd }),
          port,
          host: options.host,
          demo: options.demo === true,
          trustProxy: options.trustProxy === true || io.env.ROUNDTABLE_TRUST_PROXY === "1",
          logLevel: io.env.LOG_LEVEL ?? "info",
          version: VERSION,
          print: (text) => io.stderr.write(text),
          jobs: options.jobs === "memory" ? { kind: "memory" } : { kind: "shared", timing },
        });
      },
    );
}
