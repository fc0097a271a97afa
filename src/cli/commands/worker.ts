import os from "node:os";
import type { Command } from "commander";
import { message } from "../../core/shared/messages.js";
import { queueTimingFrom, startJobWorker } from "../../server/job-worker.js";
import { backendConfigFrom } from "../../storage/backend.js";
import { CommandFailure } from "../failure.js";
import type { CliIo } from "../io.js";

/** Most chunks one worker process runs at once: each holds a chunk's results in memory. */
const MAX_CONCURRENCY = 64;

/**
 * `roundtable worker` (SPEC SRV-6, SRV-6c): runs the jobs of a deployment on PostgreSQL, on
 * this machine or another, up to `--concurrency` chunks at once (the cores by default),
 * until SIGTERM or SIGINT (then it finishes the chunks in hand). It writes one JSON line
 * per event on standard output.
 */
export function registerWorker(program: Command, io: CliIo): void {
  program
    .command("worker")
    .description(
      "run the jobs of servers on PostgreSQL (DATABASE_URL): simulation chunks, their merges and other long computations",
    )
    .option(
      "--concurrency <n>",
      "simulation chunks run at once, each on a thread of its own (default: the number of cores)",
    )
    .action(async (options: { concurrency?: string }) => {
      let concurrency = os.availableParallelism();
      if (options.concurrency !== undefined) {
        concurrency = Number(options.concurrency);
        if (!/^[0-9]+$/.test(options.concurrency) || concurrency < 1 || concurrency > MAX_CONCURRENCY)
          throw CommandFailure.of(
            "usage",
            message("flag_must_be_between", {
              flag: "--concurrency",
              min: 1,
              max: MAX_CONCURRENCY,
              got: options.concurrency,
            }),
          );
      }
      const config = backendConfigFrom({ env: io.env, cwd: io.cwd });
      if (config.kind !== "postgres") throw CommandFailure.of("usage", message("worker_needs_postgres", {}));
      let timing: ReturnType<typeof queueTimingFrom>;
      try {
        timing = queueTimingFrom(io.env);
      } catch (error) {
        throw CommandFailure.of("usage", (error as Error).message);
      }
      const worker = await startJobWorker({
        backend: config,
        timing,
        concurrency,
        log: (event) => io.stdout.write(`${JSON.stringify({ at: new Date().toISOString(), ...event })}\n`),
      });
      await new Promise<void>((resolve) => {
        let stopping = false;
        const stop = () => {
          if (stopping) return;
          stopping = true;
          worker.stop(true).then(resolve, resolve);
        };
        process.once("SIGTERM", stop);
        process.once("SIGINT", stop);
      });
    });
}
