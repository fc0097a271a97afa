/**
 * Branded identifiers. Each kind of record has its own id type so that passing a share
 * class id where a stakeholder id is expected does not compile. In deal files ids are
 * short slugs chosen by the user ("amazon", "series-a").
 */
type Brand<B extends string> = string & { readonly __brand: B };

export type StakeholderId = Brand<"StakeholderId">;
export type ShareClassId = Brand<"ShareClassId">;
export type PoolId = Brand<"PoolId">;
export type SecurityId = Brand<"SecurityId">;
export type VestingScheduleId = Brand<"VestingScheduleId">;
export type TransactionId = Brand<"TransactionId">;
export type RoundId = Brand<"RoundId">;

export const stakeholderId = (id: string): StakeholderId => id as StakeholderId;
export const shareClassId = (id: string): ShareClassId => id as ShareClassId;
export const poolId = (id: string): PoolId => id as PoolId;
export const securityId = (id: string): SecurityId => id as SecurityId;
export const vestingScheduleId = (id: string): VestingScheduleId => id as VestingScheduleId;
export const transactionId = (id: string): TransactionId => id as TransactionId;
export const roundId = (id: string): RoundId => id as RoundId;
