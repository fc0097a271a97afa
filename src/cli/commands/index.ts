import type { Command } from "commander";
import type { CliIo } from "../io.js";
import { registerAddConvertibles } from "./add-convertible.js";
import { registerAddRound } from "./add-round.js";
import { registerAudit } from "./audit.js";
import { registerBackup, registerRestore } from "./backup.js";
import { registerCapTable } from "./captable.js";
import { registerClaims } from "./claims.js";
import { registerDiff } from "./diff.js";
import { registerExit } from "./exit.js";
import { registerFlows } from "./flows.js";
import { registerImport } from "./import.js";
import { registerIngest } from "./ingest.js";
import { registerModel } from "./model.js";
import { registerOcf } from "./ocf.js";
import { registerScenarios } from "./scenarios.js";
import { registerServe } from "./serve.js";
import { registerSimulate } from "./simulate.js";
import { registerSolve } from "./solve.js";
import { registerUser } from "./user.js";
import { registerValidate } from "./validate.js";

/** Every command of the CLI, in the order `--help` lists them. */
export const COMMANDS: readonly ((program: Command, io: CliIo) => void)[] = [
  registerModel,
  registerValidate,
  registerDiff,
  registerAddRound,
  registerAddConvertibles,
  registerSolve,
  registerCapTable,
  registerClaims,
  registerScenarios,
  registerSimulate,
  registerExit,
  registerIngest,
  registerFlows,
  registerImport,
  registerOcf,
  registerServe,
  registerUser,
  registerAudit,
  registerBackup,
  registerRestore,
];
