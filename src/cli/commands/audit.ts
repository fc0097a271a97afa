import type { Command } from "commander";
import { message } from "../../core/shared/messages.js";
import { backendConfigFrom, openBackend } from "../../storage/backend.js";
import { Store } from "../../storage/store.js";
import { CommandFailure } from "../failure.js";
import type { CliIo } from "../io.js";

export function registerAudit(program: Command, io: CliIo): void {
  const audit = program.command("audit").description("check the server's audit trail");
  audit
    .command("verify")
    .description(
      "verify the audit trail's hash chain and every deal revision against it; names the first broken link",
    )
    .option(
      "--data <dir>",
      "the data directory for SQLite (default: ROUNDTABLE_DATA, or DATABASE_URL for PostgreSQL)",
    )
    .option(
      "--expect-head <hash>",
      "the last hash printed by an earlier verify or backup, kept elsewhere: the trail must still hold it",
    )
    .action(async (options: { data?: string; expectHead?: string }) => {
      const config = backendConfigFrom({ data: options.data, env: io.env, cwd: io.cwd });
      const store = new Store(await openBackend(config));
      try {
        const result = await store.verifyAudit(
          options.expectHead === undefined ? {} : { expectHead: options.expectHead.trim().toLowerCase() },
        );
        if (!result.ok) {
          throw CommandFailure.of(
            "audit_chain_broken",
            message("audit_broken", {
              ...(result.seq === null ? {} : { seq: result.seq }),
              reason: result.reason,
            }),
            store.backend.description,
          );
        }
        io.stdout.write(
          `${store.backend.description}: audit trail verified: ${result.entries} entries, ${result.revisions} deal revisions\n` +
            `last hash: ${result.head} (keep it elsewhere; check it later with --expect-head)\n` +
            (result.sinceExpectedHead === undefined
              ? ""
              : `the expected head is in the trail, ${result.sinceExpectedHead} entries before its end\n`),
        );
      } finally {
        await store.close();
      }
    });
}
