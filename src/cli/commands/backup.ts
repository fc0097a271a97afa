import path from "node:path";
import type { Command } from "commander";
import { backendConfigFrom, openBackend } from "../../storage/backend.js";
import { backupStore, restoreStore } from "../../storage/backup.js";
import { CommandFailure } from "../failure.js";
import type { CliIo } from "../io.js";

const DATA_OPTION = [
  "--data <dir>",
  "the data directory for SQLite (default: ROUNDTABLE_DATA, or DATABASE_URL for PostgreSQL)",
] as const;

/** `roundtable backup --out FILE`: a consistent logical backup of the store (SPEC STORE-8). */
export function registerBackup(program: Command, io: CliIo): void {
  program
    .command("backup")
    .description(
      "back up the server's store (users, workspaces, every deal version, the audit trail) into one file, while the server runs",
    )
    .requiredOption(
      "--out <file>",
      "the backup file to write (gzip'd JSON lines, created readable by you only)",
    )
    .option(...DATA_OPTION)
    .action(async (options: { out: string; data?: string }) => {
      const config = backendConfigFrom({ data: options.data, env: io.env, cwd: io.cwd });
      const backend = await openBackend(config);
      try {
        const out = path.resolve(io.cwd, options.out);
        const summary = await backupStore(backend, out);
        const { rows, auditHead } = summary.header;
        io.stdout.write(
          `${backend.description}: backed up ${rows.users} users, ${rows.workspaces} workspaces, ${rows.deals} deals, ${rows.revisions} deal versions, ${rows.audit_log} audit entries into ${options.out} (${summary.bytes} bytes)\n` +
            `audit head: ${auditHead || "(none)"}\n`,
        );
      } finally {
        await backend.close();
      }
    });
}

/** `roundtable restore FILE`: a backup into an empty store (SPEC STORE-8). */
export function registerRestore(program: Command, io: CliIo): void {
  program
    .command("restore")
    .description("restore a backup made by `roundtable backup` into an empty store (SQLite or PostgreSQL)")
    .argument("<file>", "the backup file")
    .option(...DATA_OPTION)
    .option("--force", "replace what the store holds (otherwise a store that holds data is refused)")
    .action(async (file: string, options: { data?: string; force?: boolean }) => {
      const config = backendConfigFrom({ data: options.data, env: io.env, cwd: io.cwd });
      const backend = await openBackend(config);
      try {
        const restored = await restoreStore(backend, path.resolve(io.cwd, file), {
          force: options.force === true,
        });
        if (!restored.ok) throw CommandFailure.of("file_unreadable", restored.reason, file);
        const { rows, auditHead } = restored.header;
        io.stdout.write(
          `${backend.description}: restored ${rows.users} users, ${rows.workspaces} workspaces, ${rows.deals} deals, ${rows.revisions} deal versions, ${rows.audit_log} audit entries from ${file}\n` +
            `audit head: ${auditHead || "(none)"}; check it with: roundtable audit verify --expect-head ${auditHead || "HASH"}\n`,
        );
      } finally {
        await backend.close();
      }
    });
}
