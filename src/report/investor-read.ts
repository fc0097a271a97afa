import type { WaterfallAtValue } from "../app/exit-report.js";
import type { ScenarioColumn } from "../app/scenarios-report.js";
import type { Currency } from "../core/exact/money.js";
import type { Rational } from "../core/exact/rational.js";
import { type At, currencyCode, exact, field, type JsonRead, list, readJson, text } from "./json-read.js";

/**
 * An investor's own figures as the server's investor routes answer them (SPEC WEB-21,
 * AUTH-7), typed: the web's investor view (WEB-23) renders these and parses nothing. The
 * figures are the JSON's exact decimal strings (OUT-1, 18 places), read as written.
 */

/** A holder's fully diluted ownership before and after the round, and its dilution (null for a new holder). */
export type OwnershipInRound = ScenarioColumn["holders"][number];

/** Each scenario's own holders (GET …/scenarios as an investor sees it), or the deal as stated (…/model). */
export interface InvestorOwnership {
  readonly company: { readonly name: string; readonly currency: Currency };
  readonly scenarios: readonly { readonly scenario: string; readonly holders: readonly OwnershipInRound[] }[];
}

/** The round's pro forma for the investor's own holders (GET …/model as an investor sees it). */
export interface InvestorProForma {
  readonly company: { readonly name: string; readonly currency: Currency };
  readonly holders: readonly OwnershipInRound[];
}

/** A holder's payout at one exit value, as the waterfall computes it (EXIT-1..EXIT-14). */
export type HolderPayout = Pick<
  WaterfallAtValue["holders"][number],
  "holder" | "proceeds" | "exercisePaid" | "net" | "carveOut" | "total"
>;

/** The waterfall at the exit values asked for, the investor's own holders' payouts only (GET …/exit?at=). */
export interface InvestorPayouts {
  readonly currency: Currency;
  readonly outcomes: readonly { readonly exitValue: Rational; readonly holders: readonly HolderPayout[] }[];
}

function ownershipOf(h: At): OwnershipInRound {
  const dilution = field(h, "dilution");
  return {
    holder: { id: text(field(h, "id")), name: text(field(h, "name")) },
    fullyDilutedBefore: exact(field(h, "fullyDilutedBefore")),
    fullyDilutedAfter: exact(field(h, "fullyDilutedAfter")),
    dilution: dilution.value === null ? null : exact(dilution),
  };
}

const companyOf = (root: At) => ({
  name: text(field(root, "company")),
  currency: currencyCode(field(root, "currency")),
});

/**
 * The scenarios report's holders (`scenariosJson`, or its investor's cut): each scenario's
 * name and its holders' ownership. The round's figures an owner may share are not read: the
 * investor view shows the holders' own.
 */
export function investorOwnershipFromJson(json: unknown): JsonRead<InvestorOwnership> {
  return readJson("the scenarios the server answered", json, (root) => ({
    company: companyOf(root),
    scenarios: list(field(root, "scenarios"), (s) => ({
      scenario: text(field(s, "scenario")),
      holders: list(field(s, "holders"), ownershipOf),
    })),
  }));
}

/** The model report's holders (`modelReport`'s JSON, or its investor's cut): each one's ownership before and after the round. */
export function investorProFormaFromJson(json: unknown): JsonRead<InvestorProForma> {
  return readJson("the pro forma the server answered", json, (root) => ({
    company: companyOf(root),
    holders: list(field(root, "holders"), ownershipOf),
  }));
}

/** The exit report at exit values (`exitJson` of a waterfall, or its investor's cut): each value's holders' payouts. */
export function investorPayoutsFromJson(json: unknown): JsonRead<InvestorPayouts> {
  return readJson("the payouts the server answered", json, (root) => ({
    currency: currencyCode(field(root, "currency")),
    outcomes: list(field(root, "outcomes"), (o) => ({
      exitValue: exact(field(o, "exitValue")),
      holders: list(field(o, "holders"), (h) => ({
        holder: { id: text(field(h, "id")), name: text(field(h, "name")) },
        proceeds: exact(field(h, "proceeds")),
        exercisePaid: exact(field(h, "exercisePaid")),
        net: exact(field(h, "net")),
        carveOut: exact(field(h, "carveOut")),
        total: exact(field(h, "total")),
      })),
    })),
  }));
}
