import type { StakeholderId } from "../shared/ids.js";

export type StakeholderType = "individual" | "institution";

/** A person or organisation that holds, or may hold, securities of the company. */
export interface Stakeholder {
  readonly kind: "stakeholder";
  readonly id: StakeholderId;
  readonly name: string;
  readonly type: StakeholderType;
  /** Other names the stakeholder is known by ("AWS" for Amazon), for matching reports. */
  readonly aliases: readonly string[];
}
