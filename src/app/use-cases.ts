import { captable, replay } from "./captable.js";
import { claims } from "./claims.js";
import { exit } from "./exit.js";
import { exposure } from "./exposure.js";
import { flows } from "./flows.js";
import { ingest } from "./ingest.js";
import { ingestIntoDeal } from "./ingest-into-deal.js";
import { model } from "./model.js";
import { scenarios } from "./scenarios.js";
import { simulate } from "./simulate.js";
import { solve } from "./solve.js";
import type { UseCase } from "./use-case.js";
import { validate } from "./validate.js";

/** Every use case of the application layer, by name (APP-1). */
export const USE_CASES: readonly UseCase<never, never>[] = [
  model,
  solve,
  captable,
  replay,
  validate,
  claims,
  scenarios,
  simulate,
  exit,
  flows,
  exposure,
  ingest,
  ingestIntoDeal,
] as never;
