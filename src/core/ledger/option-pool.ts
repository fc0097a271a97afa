import type { PoolId, ShareClassId } from "../shared/ids.js";

/** An equity incentive plan's reserve of shares for options and RSUs. */
export interface OptionPool {
  readonly kind: "option_pool";
  readonly id: PoolId;
  readonly name: string;
  /** The class that grants from this pool convert into on exercise (usually common). */
  readonly classId: ShareClassId;
  /** All shares ever reserved, after increases. */
  readonly reserved: bigint;
  /** Reserved shares neither granted nor exercised: the unallocated pool (returns grow it). */
  readonly available: bigint;
}
