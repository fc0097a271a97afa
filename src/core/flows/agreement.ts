import type { Money } from "../exact/money.js";
import type { Rational } from "../exact/rational.js";
import type { IsoDate } from "../shared/date.js";

export type AgreementKind =
  | "cloud_compute"
  | "chips_hardware"
  | "distribution"
  | "revenue_share"
  | "licensing"
  | "other";

/** The investment an agreement accompanies: an investor's investment in one round of one company. */
export interface InvestmentLink {
  readonly company: string;
  readonly round: string;
  readonly investor: string;
}

export type AgreementSchedule =
  | {
      readonly kind: "total";
      readonly start: IsoDate | undefined;
      readonly end: IsoDate | undefined;
      readonly years: number | undefined;
    }
  | {
      readonly kind: "yearly";
      readonly amounts: readonly { readonly year: number; readonly amount: Money }[];
    };

/**
 * A commercial agreement between two parties (SPEC FLOW-1): the payer pays the payee
 * `value` in total over the schedule's period. `value` is undefined when no figure is
 * known (the agreement is then in the graph and the lists, and out of the sums).
 */
export interface Agreement {
  readonly kind: "agreement";
  readonly id: string;
  readonly name: string;
  readonly type: AgreementKind;
  readonly payer: string;
  readonly payee: string;
  readonly value: Money | undefined;
  readonly schedule: AgreementSchedule | undefined;
  readonly conditions: string | undefined;
  readonly linkedTo: InvestmentLink | undefined;
  /** The payee's gross margin on this revenue, 0 to 1. */
  readonly sellerMargin: Rational | undefined;
}
