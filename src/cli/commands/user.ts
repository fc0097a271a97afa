import type { Command } from "commander";
import { hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "../../app/credentials.js";
import { INVITATION_DAYS, invitationLink, issueInvitation } from "../../app/invitations.js";
import { message } from "../../core/shared/messages.js";
import { backendConfigFrom, openBackend } from "../../storage/backend.js";
import { ROLES, type Role, Store } from "../../storage/store.js";
import { CommandFailure } from "../failure.js";
import type { CliIo } from "../io.js";

const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$/;
const WORKSPACE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** Reads the password: the first line of standard input, or a prompt without echo on a terminal. */
async function readPassword(io: CliIo): Promise<string> {
  const text = io.readSecret ? await io.readSecret("Password: ") : io.readStdin().toString("utf8");
  const password = text.split(/\r?\n/)[0] ?? "";
  if (password.length < MIN_PASSWORD_LENGTH || password.length > MAX_PASSWORD_LENGTH)
    throw CommandFailure.of(
      "usage",
      message("password_length", { min: MIN_PASSWORD_LENGTH, max: MAX_PASSWORD_LENGTH }),
    );
  return password;
}

export function registerUser(program: Command, io: CliIo): void {
  const user = program.command("user").description("manage the server's user accounts");
  user
    .command("create")
    .description(
      "create a user, reading the password from standard input (or a prompt); --owner makes the first administrator, owner of a workspace",
    )
    .argument("<username>", "the user name: letters, digits, ., _, @ or -")
    .option("--owner", "an administrator who owns the workspace named by --workspace")
    .option("--workspace <id>", "the workspace an --owner owns (created if missing)", "main")
    .option("--data <dir>", "the data directory for SQLite (default: ROUNDTABLE_DATA or ./.roundtable)")
    .action(async (username: string, options: { owner?: boolean; workspace: string; data?: string }) => {
      if (!USERNAME.test(username))
        throw CommandFailure.of("usage", message("user_name_form", { got: username }));
      if (!WORKSPACE.test(options.workspace))
        throw CommandFailure.of("usage", message("workspace_id_form", { got: options.workspace }));
      const password = await readPassword(io);
      const store = new Store(
        await openBackend(backendConfigFrom({ data: options.data, env: io.env, cwd: io.cwd })),
      );
      try {
        const created = await store.createUser(
          { username, passwordHash: await hashPassword(password), admin: options.owner === true },
          "system",
        );
        if (!created) throw CommandFailure.of("already_exists", message("user_exists", { name: username }));
        io.stdout.write(`created ${options.owner ? "administrator" : "user"} ${username}\n`);
        if (options.owner) {
          const workspace = await store.createWorkspace(
            { id: options.workspace, name: options.workspace, ownerId: created.id },
            "system",
          );
          if (workspace) io.stdout.write(`created workspace ${options.workspace}, owned by ${username}\n`);
          else {
            await store.setMember(options.workspace, created.id, "owner", [], "system");
            io.stdout.write(`${username} is now an owner of workspace ${options.workspace}\n`);
          }
        }
      } finally {
        await store.close();
      }
    });
  user
    .command("invite")
    .description(
      "invite a person who has no account to a workspace: prints a one-time code and link (shown once) with which they choose a password (SPEC AUTH-8)",
    )
    .argument("<username>", "the new account's user name: letters, digits, ., _, @ or -")
    .requiredOption("--workspace <id>", "the workspace they join")
    .option("--role <role>", `their role: ${ROLES.join(", ")}`, "viewer")
    .option(
      "--stakeholder <id>",
      "for an investor: a stakeholder id whose holdings they see (repeatable)",
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .option(
      "--expires-days <n>",
      `days the invitation stays open (1 to ${INVITATION_DAYS.max})`,
      String(INVITATION_DAYS.default),
    )
    .option("--url <base>", "the server's address, to print the link in full", "http://127.0.0.1:3000")
    .option("--data <dir>", "the data directory for SQLite (default: ROUNDTABLE_DATA or ./.roundtable)")
    .action(
      async (
        username: string,
        options: {
          workspace: string;
          role: string;
          stakeholder: string[];
          expiresDays: string;
          url: string;
          data?: string;
        },
      ) => {
        if (!USERNAME.test(username))
          throw CommandFailure.of("usage", message("user_name_form", { got: username }));
        if (!WORKSPACE.test(options.workspace))
          throw CommandFailure.of("usage", message("workspace_id_form", { got: options.workspace }));
        if (!(ROLES as readonly string[]).includes(options.role))
          throw CommandFailure.of(
            "usage",
            message("flag_is_one_of", { flag: "--role", choices: ROLES, got: options.role }),
          );
        const role = options.role as Role;
        if ((role === "investor") !== options.stakeholder.length > 0)
          throw CommandFailure.of("usage", message("investor_stakeholders", {}));
        const days = Number(options.expiresDays);
        if (!/^[0-9]+$/.test(options.expiresDays) || days < 1 || days > INVITATION_DAYS.max)
          throw CommandFailure.of(
            "usage",
            message("flag_whole_number_is", {
              flag: "--expires-days",
              what: "days",
              min: 1,
              max: INVITATION_DAYS.max,
              got: options.expiresDays,
            }),
          );
        const store = new Store(
          await openBackend(backendConfigFrom({ data: options.data, env: io.env, cwd: io.cwd })),
        );
        try {
          if (!(await store.getWorkspace(options.workspace)))
            throw CommandFailure.of("not_found", message("no_workspace", { id: options.workspace }));
          const issued = await issueInvitation(
            store,
            {
              workspaceId: options.workspace,
              username,
              role,
              stakeholders: options.stakeholder,
              expiresInDays: days,
            },
            new Date(),
            "system",
          );
          if (!issued.ok)
            throw CommandFailure.of(
              "already_exists",
              message("user_exists", { name: username, invited: true }),
            );
          io.stdout.write(
            [
              `invited ${username} to workspace ${options.workspace} as ${role}; the invitation expires ${issued.invitation.expiresAt}`,
              `one-time code (shown once, never stored): ${issued.code}`,
              `link: ${invitationLink(issued.code, options.url)}`,
              "",
            ].join("\n"),
          );
        } finally {
          await store.close();
        }
      },
    );
}
