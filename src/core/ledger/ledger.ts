import type { PoolId, ShareClassId } from "../shared/ids.js";
import type { Company } from "./company.js";
import type { ShareClass } from "./share-class.js";
import type { Stakeholder } from "./stakeholder.js";
import type { Transaction } from "./transaction.js";
import type { VestingSchedule } from "./vesting.js";

/** An option pool as declared: its initial reserve; increases are transactions. */
export interface OptionPoolDefinition {
  readonly id: PoolId;
  readonly name: string;
  readonly classId: ShareClassId;
  readonly initialReserved: bigint;
}

/**
 * Everything the ledger records: the company, its stakeholders, classes, pools and
 * vesting schedules, and the dated transactions. The cap table at any date is a replay.
 */
export interface Ledger {
  readonly company: Company;
  readonly stakeholders: readonly Stakeholder[];
  readonly classes: readonly ShareClass[];
  readonly pools: readonly OptionPoolDefinition[];
  readonly vestingSchedules: readonly VestingSchedule[];
  readonly transactions: readonly Transaction[];
}
