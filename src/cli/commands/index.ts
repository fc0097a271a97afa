import type { Command } from "commander";
import type { CliIo } from "../io.js";

/**
 * A command module, loaded only when one of its commands runs or the help lists them all
 * (SPEC APP-6): `roundtable --version` and `roundtable model` load neither the server nor
 * the storage nor the other commands. Add a command with one line here.
 */
export interface CommandModule {
  /** The commands the module registers, as typed on the command line. */
  readonly names: readonly string[];
  readonly load: () => Promise<(program: Command, io: CliIo) => void>;
}

/** Every command of the CLI, in the order `--help` lists them. */
export const COMMANDS: readonly CommandModule[] = [
  { names: ["model"], load: async () => (await import("./model.js")).registerModel },
  { names: ["validate"], load: async () => (await import("./validate.js")).registerValidate },
  { names: ["diff"], load: async () => (await import("./diff.js")).registerDiff },
  { names: ["add-round"], load: async () => (await import("./add-round.js")).registerAddRound },
  {
    names: ["add-safe", "add-note"],
    load: async () => (await import("./add-convertible.js")).registerAddConvertibles,
  },
  { names: ["solve"], load: async () => (await import("./solve.js")).registerSolve },
  { names: ["close-round"], load: async () => (await import("./close-round.js")).registerCloseRound },
  { names: ["captable"], load: async () => (await import("./captable.js")).registerCapTable },
  { names: ["claims"], load: async () => (await import("./claims.js")).registerClaims },
  { names: ["scenarios"], load: async () => (await import("./scenarios.js")).registerScenarios },
  { names: ["simulate"], load: async () => (await import("./simulate.js")).registerSimulate },
  { names: ["exit"], load: async () => (await import("./exit.js")).registerExit },
  { names: ["ingest"], load: async () => (await import("./ingest.js")).registerIngest },
  { names: ["flows", "exposure"], load: async () => (await import("./flows.js")).registerFlows },
  { names: ["import"], load: async () => (await import("./import.js")).registerImport },
  { names: ["import-ocf", "export-ocf"], load: async () => (await import("./ocf.js")).registerOcf },
  { names: ["serve"], load: async () => (await import("./serve.js")).registerServe },
  { names: ["worker"], load: async () => (await import("./worker.js")).registerWorker },
  { names: ["user"], load: async () => (await import("./user.js")).registerUser },
  { names: ["audit"], load: async () => (await import("./audit.js")).registerAudit },
  { names: ["backup"], load: async () => (await import("./backup.js")).registerBackup },
  { names: ["restore"], load: async () => (await import("./backup.js")).registerRestore },
];

/**
 * The modules a command line needs: the one naming its command; none for `--version`;
 * every one for the help, a mistyped command (the help suggests the nearest) or none given.
 */
export function modulesFor(argv: readonly string[]): readonly CommandModule[] {
  const first = argv[0];
  if (first === "--version" || first === "-V") return [];
  const named = COMMANDS.find((m) => first !== undefined && m.names.includes(first));
  return named ? [named] : COMMANDS;
}
