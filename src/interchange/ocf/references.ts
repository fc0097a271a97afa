import type { ErrorCode } from "../../core/shared/errors.js";
import type { Problem } from "../../core/shared/problem.js";
import { isJsonObject, type JsonObject } from "./json.js";
import type { OcfFileKind } from "./model.js";
import {
  canonicalType,
  isIssuance,
  locate,
  objectId,
  objectType,
  type PackageObject,
  str,
  strList,
} from "./package-objects.js";
import { ocfProblem } from "./problems.js";

export interface ReferenceCheck {
  /** Each problem with the package position (`seq`) of the object it is about. */
  readonly problems: readonly { readonly seq: number; readonly problem: Problem }[];
}

const NAMES: Readonly<Record<OcfFileKind, string>> = {
  stakeholders: "stakeholder",
  stock_classes: "stock class",
  stock_plans: "stock plan",
  vesting_terms: "vesting terms",
  valuations: "valuation",
  stock_legend_templates: "stock legend template",
  transactions: "transaction",
  financings: "financing",
  documents: "document",
};

/**
 * The referential integrity of a package (OCF-REF-1..OCF-REF-4): ids unique within their kind,
 * each security issued once and created by at most one transaction, and every id an object
 * names defined in the package. Pure: reads only the objects given.
 */
export function checkReferences(
  objects: readonly PackageObject[],
  issuerId: string | undefined,
): ReferenceCheck {
  const problems: { seq: number; problem: Problem }[] = [];
  const broken = new Set<number>();
  const report = (o: PackageObject, field: readonly (string | number)[], code: ErrorCode, text: string) => {
    problems.push({ seq: o.seq, problem: ocfProblem(code, locate(o, field), text) });
    broken.add(o.seq);
  };

  // OCF-REF-1: ids are unique within a kind; the first object with an id is the one others refer to.
  const byKind = new Map<OcfFileKind, Map<string, PackageObject>>();
  for (const o of objects) {
    const ids = byKind.get(o.kind) ?? new Map<string, PackageObject>();
    byKind.set(o.kind, ids);
    const id = objectId(o);
    const first = ids.get(id);
    if (first) {
      report(
        o,
        ["id"],
        "ocf_duplicate_id",
        `repeats the ${NAMES[o.kind]} id "${id}" of ${first.file} item ${first.index}`,
      );
    } else ids.set(id, o);
  }
  const ids = (kind: OcfFileKind) => byKind.get(kind) ?? new Map<string, PackageObject>();

  // OCF-REF-2: each security is issued once and results from at most one transaction.
  const issuances = new Map<string, PackageObject>();
  for (const o of objects) {
    if (!isIssuance(o) || broken.has(o.seq)) continue;
    const security = str(o.object, "security_id") ?? "";
    const first = issuances.get(security);
    if (first) {
      report(
        o,
        ["security_id"],
        "ocf_duplicate_id",
        `issues security "${security}" again; ${objectType(first)} "${objectId(first)}" already issues it`,
      );
    } else issuances.set(security, o);
  }
  const createdBy = new Map<string, PackageObject>();
  for (const o of objects) {
    if (o.kind !== "transactions") continue;
    const created = [
      ...strList(o.object, "resulting_security_ids").map((id, i) => ({
        id,
        field: ["resulting_security_ids", i],
      })),
      ...(str(o.object, "balance_security_id") === undefined
        ? []
        : [{ id: str(o.object, "balance_security_id")!, field: ["balance_security_id"] }]),
    ];
    for (const { id, field } of created) {
      const first = createdBy.get(id);
      if (first && first !== o) {
        report(
          o,
          field,
          "ocf_duplicate_id",
          `creates security "${id}", which ${objectType(first)} "${objectId(first)}" already creates`,
        );
      } else createdBy.set(id, o);
    }
  }

  // OCF-REF-3: every id named resolves.
  const need = (o: PackageObject, field: readonly (string | number)[], id: string, kind: OcfFileKind) => {
    if (!ids(kind).has(id)) {
      report(
        o,
        field,
        "ocf_broken_reference",
        `names ${NAMES[kind]} "${id}", which no ${kind} file of the package defines`,
      );
    }
  };
  const needSecurity = (o: PackageObject, field: readonly (string | number)[], id: string) => {
    if (!issuances.has(id)) {
      report(
        o,
        field,
        "ocf_broken_reference",
        `names security "${id}", which no issuance transaction of the package issues`,
      );
    }
  };
  const allIds = new Set<string>(issuerId === undefined ? [] : [issuerId]);
  for (const o of objects) allIds.add(objectId(o));

  for (const o of objects) {
    const obj = o.object;
    const type = canonicalType(objectType(o));
    const s = str(obj, "stakeholder_id");
    if (s !== undefined) need(o, ["stakeholder_id"], s, "stakeholders");
    const c = str(obj, "stock_class_id");
    if (c !== undefined) need(o, ["stock_class_id"], c, "stock_classes");
    for (const [i, id] of strList(obj, "stock_class_ids").entries())
      need(o, ["stock_class_ids", i], id, "stock_classes");
    const p = str(obj, "stock_plan_id");
    if (p !== undefined) need(o, ["stock_plan_id"], p, "stock_plans");
    const v = str(obj, "vesting_terms_id");
    if (v !== undefined) need(o, ["vesting_terms_id"], v, "vesting_terms");
    for (const [i, id] of strList(obj, "stock_legend_ids").entries()) {
      need(o, ["stock_legend_ids", i], id, "stock_legend_templates");
    }
    for (const [i, right] of (Array.isArray(obj.conversion_rights) ? obj.conversion_rights : []).entries()) {
      const target = isJsonObject(right) ? str(right, "converts_to_stock_class_id") : undefined;
      if (target !== undefined)
        need(o, ["conversion_rights", i, "converts_to_stock_class_id"], target, "stock_classes");
    }
    for (const key of ["exercise_triggers", "conversion_triggers"]) {
      for (const [i, trigger] of (Array.isArray(obj[key]) ? obj[key] : []).entries()) {
        const right = isJsonObject(trigger) ? trigger.conversion_right : undefined;
        const target = isJsonObject(right) ? str(right, "converts_to_stock_class_id") : undefined;
        if (target !== undefined) {
          need(o, [key, i, "conversion_right", "converts_to_stock_class_id"], target, "stock_classes");
        }
      }
    }
    if (o.kind === "transactions" && !isIssuance(o)) {
      const security = str(obj, "security_id");
      if (security !== undefined) needSecurity(o, ["security_id"], security);
      for (const [i, id] of strList(obj, "resulting_security_ids").entries()) {
        needSecurity(o, ["resulting_security_ids", i], id);
      }
      const balance = str(obj, "balance_security_id");
      if (balance !== undefined) needSecurity(o, ["balance_security_id"], balance);
      const issuer = str(obj, "issuer_id");
      if (issuer !== undefined && issuer !== issuerId) {
        report(
          o,
          ["issuer_id"],
          "ocf_broken_reference",
          `names issuer "${issuer}"; the manifest's issuer is "${issuerId ?? ""}"`,
        );
      }
      const split = str(obj, "split_transaction_id");
      if (split !== undefined) {
        const target = ids("transactions").get(split);
        if (!target || objectType(target) !== "TX_STOCK_CLASS_SPLIT") {
          report(
            o,
            ["split_transaction_id"],
            "ocf_broken_reference",
            `names split transaction "${split}", which no TX_STOCK_CLASS_SPLIT of the package has as id`,
          );
        }
      }
      const issuance = security === undefined ? undefined : issuances.get(security);
      checkConditionAndTrigger(o, type, issuance, ids("vesting_terms"), report);
    }
    if (o.kind === "financings") {
      for (const [i, id] of strList(obj, "issuance_ids").entries()) {
        const target = ids("transactions").get(id);
        if (!target || !isIssuance(target)) {
          report(
            o,
            ["issuance_ids", i],
            "ocf_broken_reference",
            `names issuance "${id}", which no issuance transaction of the package has as id`,
          );
        }
      }
    }
    if (o.kind === "documents") {
      for (const [i, related] of (Array.isArray(obj.related_objects) ? obj.related_objects : []).entries()) {
        const id = isJsonObject(related) ? str(related, "object_id") : undefined;
        if (id !== undefined && !allIds.has(id)) {
          report(
            o,
            ["related_objects", i, "object_id"],
            "ocf_broken_reference",
            `names object "${id}", which the package does not hold`,
          );
        }
      }
    }
    if (o.kind === "vesting_terms") checkConditionGraph(o, report);
  }
  return { problems };
}

type Report = (o: PackageObject, field: readonly (string | number)[], code: ErrorCode, text: string) => void;

/** Vesting transactions name a condition of their security's terms; conversions and exercises name one of its triggers. */
function checkConditionAndTrigger(
  o: PackageObject,
  type: string,
  issuance: PackageObject | undefined,
  terms: ReadonlyMap<string, PackageObject>,
  report: Report,
): void {
  if (!issuance) return;
  const condition = str(o.object, "vesting_condition_id");
  const termsId = str(issuance.object, "vesting_terms_id");
  const vestingTerms = termsId === undefined ? undefined : terms.get(termsId);
  if (condition !== undefined && vestingTerms) {
    const conditions = Array.isArray(vestingTerms.object.vesting_conditions)
      ? vestingTerms.object.vesting_conditions
      : [];
    if (!conditions.some((c) => isJsonObject(c) && c.id === condition)) {
      report(
        o,
        ["vesting_condition_id"],
        "ocf_broken_reference",
        `names vesting condition "${condition}", which vesting terms "${termsId}" of its security do not define`,
      );
    }
  }
  const trigger = str(o.object, "trigger_id");
  if (trigger !== undefined && (type === "TX_CONVERTIBLE_CONVERSION" || type === "TX_WARRANT_EXERCISE")) {
    const key = type === "TX_WARRANT_EXERCISE" ? "exercise_triggers" : "conversion_triggers";
    const triggers = Array.isArray(issuance.object[key]) ? issuance.object[key] : [];
    if (!triggers.some((t) => isJsonObject(t) && t.trigger_id === trigger)) {
      report(
        o,
        ["trigger_id"],
        "ocf_broken_reference",
        `names trigger "${trigger}", which the issuance of its security ("${objectId(issuance)}") does not define`,
      );
    }
  }
}

/** Conditions of vesting terms refer only to conditions of the same terms. */
function checkConditionGraph(o: PackageObject, report: Report): void {
  const conditions = Array.isArray(o.object.vesting_conditions) ? o.object.vesting_conditions : [];
  const known = new Set(
    conditions.flatMap((c) => (isJsonObject(c) && typeof c.id === "string" ? [c.id] : [])),
  );
  for (const [i, c] of conditions.entries()) {
    if (!isJsonObject(c)) continue;
    for (const [j, next] of strList(c, "next_condition_ids").entries()) {
      if (!known.has(next)) {
        report(
          o,
          ["vesting_conditions", i, "next_condition_ids", j],
          "ocf_broken_reference",
          `names vesting condition "${next}", which these terms do not define`,
        );
      }
    }
    const trigger = c.trigger;
    const relative = isJsonObject(trigger)
      ? str(trigger as JsonObject, "relative_to_condition_id")
      : undefined;
    if (relative !== undefined && !known.has(relative)) {
      report(
        o,
        ["vesting_conditions", i, "trigger", "relative_to_condition_id"],
        "ocf_broken_reference",
        `names vesting condition "${relative}", which these terms do not define`,
      );
    }
  }
}
