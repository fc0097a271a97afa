import type { Currency, ExchangeRate } from "../../core/exact/money.js";
import { Rational } from "../../core/exact/rational.js";
import type { Company } from "../../core/ledger/company.js";
import type { OptionPoolDefinition } from "../../core/ledger/ledger.js";
import type { ShareClass } from "../../core/ledger/share-class.js";
import type { Stakeholder } from "../../core/ledger/stakeholder.js";
import { parseIsoDate } from "../../core/shared/date.js";
import { poolId, type ShareClassId, shareClassId, stakeholderId } from "../../core/shared/ids.js";
import type { Problem } from "../../core/shared/problem.js";
import { isJsonObject, type JsonObject } from "./json.js";
import { readMonetary, readNumeric, readRatio, readWholeNumeric } from "./numbers.js";
import { locate, type PackageObject, str, strList } from "./package-objects.js";
import { ocfProblem, ocfWarning } from "./problems.js";

export type Mapped<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problem: Problem };

/** The issuer as the ledger's company (OCF-MAP-2). */
export function readCompany(
  issuer: JsonObject,
  currency: Currency,
  exchangeRates: readonly ExchangeRate[],
): Company {
  const formation =
    typeof issuer.formation_date === "string" ? parseIsoDate(issuer.formation_date) : undefined;
  return {
    name: typeof issuer.legal_name === "string" ? issuer.legal_name : "",
    formationDate: formation,
    currency,
    exchangeRates,
  };
}

/** A stakeholder (OCF-MAP-3): its legal name and type; contact details stay in the preserved object. */
export function readStakeholder(o: PackageObject): Stakeholder {
  const name = isJsonObject(o.object.name) ? str(o.object.name, "legal_name") : undefined;
  return {
    kind: "stakeholder",
    id: stakeholderId(String(o.object.id)),
    name: name ?? "",
    type: o.object.stakeholder_type === "INSTITUTION" ? "institution" : "individual",
    aliases: [],
  };
}

/**
 * A stock class (OCF-MAP-4). The first conversion right with a ratio mechanism and a target
 * class gives `convertsTo`, the conversion price and the base ratio chosen so that the
 * ledger's conversion rate equals the stated ratio; preference and participation cap map
 * to the liquidation preference.
 */
export function readShareClass(o: PackageObject, warnings: Problem[]): Mapped<ShareClass> {
  const obj = o.object;
  const type = obj.class_type === "PREFERRED" ? "preferred" : "common";
  let authorizedShares: bigint | undefined;
  if (typeof obj.initial_shares_authorized === "string" && readNumeric(obj.initial_shares_authorized)) {
    authorizedShares = readWholeNumeric(obj.initial_shares_authorized);
    if (authorizedShares === undefined) {
      return fail(
        o,
        ["initial_shares_authorized"],
        `authorizes a fractional number of shares (${obj.initial_shares_authorized})`,
      );
    }
  }
  const originalIssuePrice = readMonetary(obj.price_per_share);
  let convertsTo: ShareClassId | undefined;
  let conversionPrice: ShareClass["conversionPrice"];
  let baseConversionRatio = Rational.ONE;
  const rights = Array.isArray(obj.conversion_rights) ? obj.conversion_rights.filter(isJsonObject) : [];
  const usable = rights.findIndex(
    (r) =>
      typeof r.converts_to_stock_class_id === "string" &&
      isJsonObject(r.conversion_mechanism) &&
      r.conversion_mechanism.type === "RATIO_CONVERSION",
  );
  if (type === "common" && rights.length > 0) {
    warnings.push(
      ocfWarning(
        "ocf_unmappable",
        locate(o, ["conversion_rights"]),
        "states conversion rights for a common class; the ledger converts only preferred classes, so they are kept for export only",
      ),
    );
  } else if (usable >= 0) {
    const right = rights[usable]!;
    const mechanism = right.conversion_mechanism as JsonObject;
    const ratio = readRatio(mechanism.ratio);
    if (ratio === undefined || !ratio.isPositive()) {
      return fail(
        o,
        ["conversion_rights", usable, "conversion_mechanism", "ratio"],
        "states a conversion ratio that is not positive",
      );
    }
    convertsTo = shareClassId(String(right.converts_to_stock_class_id));
    conversionPrice = readMonetary(mechanism.conversion_price);
    baseConversionRatio =
      originalIssuePrice &&
      conversionPrice &&
      originalIssuePrice.amount.isPositive() &&
      conversionPrice.currency === originalIssuePrice.currency
        ? ratio.mul(conversionPrice.amount).div(originalIssuePrice.amount)
        : ratio;
    if (conversionPrice && originalIssuePrice && conversionPrice.currency !== originalIssuePrice.currency) {
      // The ledger's rate is base x OIP / price; with two currencies it would not be the stated ratio.
      conversionPrice = undefined;
      baseConversionRatio = ratio;
    }
    if (rights.length > 1) {
      warnings.push(
        ocfWarning(
          "ocf_unmappable",
          locate(o, ["conversion_rights"]),
          `states ${rights.length} conversion rights; the ledger models the first one with a ratio and a target class`,
        ),
      );
    }
  } else if (rights.length > 0) {
    warnings.push(
      ocfWarning(
        "ocf_unmappable",
        locate(o, ["conversion_rights"]),
        "states no conversion right into a known class with a ratio; the class is modelled as not converting",
      ),
    );
  }
  let preference: ShareClass["preference"];
  if (type === "preferred" && obj.liquidation_preference_multiple !== undefined) {
    const multiple = readNumeric(obj.liquidation_preference_multiple) ?? Rational.ONE;
    const cap = readNumeric(obj.participation_cap_multiple);
    preference = {
      multiple,
      base: "original_issue_price",
      seniority: Number(readNumeric(obj.seniority)?.toDecimalString(10) ?? "0"),
      participation: cap === undefined ? { kind: "none" } : { kind: "capped", capMultiple: cap },
    };
  }
  return {
    ok: true,
    value: {
      kind: "share_class",
      id: shareClassId(String(obj.id)),
      name: typeof obj.name === "string" ? obj.name : "",
      type,
      authorizedShares,
      originalIssuePrice,
      conversionPrice,
      baseConversionRatio,
      convertsTo,
      preference,
      antiDilution: "none",
      dividends: undefined,
      ipoRatchetMultiple: undefined,
    },
  };
}

/**
 * A stock plan as an option pool (OCF-MAP-5): its initial reserve and the first of its stock
 * classes; a plan naming no class draws on the package's first common class.
 */
export function readPool(
  o: PackageObject,
  classes: readonly ShareClass[],
  warnings: Problem[],
): Mapped<OptionPoolDefinition> {
  const obj = o.object;
  const listed = [
    ...strList(obj, "stock_class_ids"),
    ...(str(obj, "stock_class_id") === undefined ? [] : [str(obj, "stock_class_id")!]),
  ];
  let classId = listed[0];
  if (classId === undefined) {
    classId = classes.find((c) => c.type === "common")?.id;
    if (classId === undefined) {
      return fail(
        o,
        ["stock_class_ids"],
        "names no stock class, and the package has no common class for its pool to draw on",
      );
    }
    warnings.push(
      ocfWarning(
        "ocf_unmappable",
        locate(o, ["stock_class_ids"]),
        `names no stock class; its pool draws on the first common class, "${classId}"`,
      ),
    );
  } else if (listed.length > 1) {
    warnings.push(
      ocfWarning(
        "ocf_unmappable",
        locate(o, ["stock_class_ids"]),
        `names ${listed.length} stock classes; the ledger's pool draws on the first, "${classId}"`,
      ),
    );
  }
  const reserved = readWholeNumeric(obj.initial_shares_reserved);
  if (reserved === undefined || reserved < 0n) {
    return fail(
      o,
      ["initial_shares_reserved"],
      `reserves ${JSON.stringify(obj.initial_shares_reserved)} shares, not a whole number`,
    );
  }
  return {
    ok: true,
    value: {
      id: poolId(String(obj.id)),
      name: typeof obj.plan_name === "string" ? obj.plan_name : "",
      classId: shareClassId(classId),
      initialReserved: reserved,
    },
  };
}

function fail<T>(o: PackageObject, field: readonly (string | number)[], text: string): Mapped<T> {
  return { ok: false, problem: ocfProblem("ocf_unmappable", locate(o, field), text) };
}
