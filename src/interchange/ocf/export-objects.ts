import type { Money } from "../../core/exact/money.js";
import { Rational } from "../../core/exact/rational.js";
import type { OptionPoolDefinition } from "../../core/ledger/ledger.js";
import { conversionRatio, type ShareClass } from "../../core/ledger/share-class.js";
import type { Stakeholder } from "../../core/ledger/stakeholder.js";
import { type Problem, problem } from "../../core/shared/problem.js";
import type { JsonObject } from "./json.js";
import { writeMonetary, writeNumeric, writeRatio } from "./numbers.js";
import { isProblem } from "./problems.js";

/** An OCF object written from a ledger record, or why it cannot be, and what OCF has no place for. */
export type Written =
  | { readonly object: JsonObject; readonly omitted: readonly string[] }
  | { readonly problem: Problem };

/** Keys of an OCF object the ledger record decides; on rewriting a changed record, the others are kept (OCF-EXP-4). */
export const OWNED_KEYS: Readonly<Record<string, readonly string[]>> = {
  STAKEHOLDER: ["name", "stakeholder_type"],
  STOCK_CLASS: [
    "name",
    "class_type",
    "initial_shares_authorized",
    "price_per_share",
    "conversion_rights",
    "liquidation_preference_multiple",
    "participation_cap_multiple",
    "seniority",
  ],
  STOCK_PLAN: [
    "plan_name",
    "initial_shares_reserved",
    "stock_class_ids",
    "stock_class_id",
    "default_cancellation_behavior",
  ],
  VESTING_TERMS: ["name", "description", "allocation_type", "vesting_conditions"],
};

/** `fresh` laid over `earlier`: the keys the ledger decides come from `fresh`, the rest stay as they were. */
export function overlay(earlier: JsonObject, fresh: JsonObject): JsonObject {
  const owned = OWNED_KEYS[String(fresh.object_type)] ?? [];
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(earlier)) if (!owned.includes(key)) out[key] = value;
  for (const [key, value] of Object.entries(fresh))
    if (owned.includes(key) || !(key in out)) out[key] = value;
  return out;
}

export function writeStakeholder(s: Stakeholder): Written {
  return {
    object: {
      object_type: "STAKEHOLDER",
      id: s.id,
      name: { legal_name: s.name },
      stakeholder_type: s.type === "institution" ? "INSTITUTION" : "INDIVIDUAL",
    },
    omitted:
      s.aliases.length > 0
        ? [`stakeholder "${s.id}": aliases (${s.aliases.join(", ")}) have no OCF field`]
        : [],
  };
}

function money(value: Money, what: string): JsonObject | Problem {
  return (
    writeMonetary(value) ??
    problem(
      "ocf_export_incomplete",
      `${what} ${value.amount.toString()} ${value.currency} needs more than 10 decimal places, which OCF amounts cannot hold`,
    )
  );
}

function numeric(value: Rational, what: string): string | Problem {
  return (
    writeNumeric(value) ??
    problem(
      "ocf_export_incomplete",
      `${what} ${value.toString()} needs more than 10 decimal places, which OCF numbers cannot hold`,
    )
  );
}

/**
 * A share class as an OCF stock class (OCF-EXP-5). Votes per share, which the ledger does not
 * hold, are written as 1; common classes take a seniority just below the lowest preferred.
 */
export function writeShareClass(c: ShareClass, commonSeniority: Rational): Written {
  const omitted: string[] = [];
  const object: JsonObject = {
    object_type: "STOCK_CLASS",
    id: c.id,
    name: c.name,
    class_type: c.type === "preferred" ? "PREFERRED" : "COMMON",
    default_id_prefix: c.type === "preferred" ? "PS-" : "CS-",
    initial_shares_authorized: c.authorizedShares === undefined ? "UNLIMITED" : c.authorizedShares.toString(),
    votes_per_share: "1",
    conversion_rights: [],
  };
  const seniority =
    c.type === "preferred" && c.preference
      ? Rational.fromNumberText(c.preference.seniority)
      : commonSeniority;
  const s = numeric(seniority, `class "${c.id}": seniority`);
  if (isProblem(s)) return { problem: s };
  object.seniority = s;
  if (c.originalIssuePrice) {
    const p = money(c.originalIssuePrice, `class "${c.id}": original issue price`);
    if (isProblem(p)) return { problem: p };
    object.price_per_share = p;
  }
  if (c.type === "preferred" && c.convertsTo !== undefined) {
    const price = c.conversionPrice ?? c.originalIssuePrice;
    if (!price) {
      return {
        problem: problem(
          "ocf_export_incomplete",
          `class "${c.id}" converts into "${c.convertsTo}" but has neither a conversion price nor an original issue price; OCF's ratio conversion requires a conversion price`,
        ),
      };
    }
    const p = money(price, `class "${c.id}": conversion price`);
    if (isProblem(p)) return { problem: p };
    object.conversion_rights = [
      {
        type: "STOCK_CLASS_CONVERSION_RIGHT",
        conversion_mechanism: {
          type: "RATIO_CONVERSION",
          conversion_price: p,
          ratio: writeRatio(conversionRatio(c)),
          rounding_type: "FLOOR",
        },
        converts_to_stock_class_id: c.convertsTo,
      },
    ];
  }
  if (c.type === "preferred" && c.preference) {
    const m = numeric(c.preference.multiple, `class "${c.id}": liquidation preference multiple`);
    if (isProblem(m)) return { problem: m };
    object.liquidation_preference_multiple = m;
    const participation = c.preference.participation;
    if (participation.kind === "capped") {
      const cap = numeric(participation.capMultiple, `class "${c.id}": participation cap`);
      if (isProblem(cap)) return { problem: cap };
      object.participation_cap_multiple = cap;
    } else if (participation.kind === "full") {
      omitted.push(
        `class "${c.id}": uncapped participation has no OCF field (OCF states only a participation cap)`,
      );
    }
    if (c.preference.base === "amount_invested")
      omitted.push(`class "${c.id}": a preference on the amount invested has no OCF field`);
  }
  if (c.antiDilution !== "none")
    omitted.push(`class "${c.id}": ${c.antiDilution} anti-dilution has no OCF 1.2.0 field`);
  if (c.dividends) omitted.push(`class "${c.id}": dividends have no OCF 1.2.0 field`);
  if (c.ipoRatchetMultiple) omitted.push(`class "${c.id}": the IPO ratchet has no OCF 1.2.0 field`);
  if (c.qualifiedIpoPrice) omitted.push(`class "${c.id}": the qualified-IPO price has no OCF 1.2.0 field`);
  if (c.qualifiedIpoMinProceeds)
    omitted.push(`class "${c.id}": the qualified-IPO minimum gross proceeds have no OCF 1.2.0 field`);
  return { object, omitted };
}

/** An option pool as an OCF stock plan (OCF-EXP-5); cancelled options return to it, as in the ledger (LED-6). */
export function writePool(p: OptionPoolDefinition): Written {
  return {
    object: {
      object_type: "STOCK_PLAN",
      id: p.id,
      plan_name: p.name,
      initial_shares_reserved: p.initialReserved.toString(),
      default_cancellation_behavior: "RETURN_TO_POOL",
      stock_class_ids: [p.classId],
    },
    omitted: [],
  };
}
