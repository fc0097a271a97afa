import type { JsonObject } from "../../../src/interchange/ocf/json.js";
import { type PackageParts, sample } from "./helpers.js";

/**
 * The official sample package, made consistent. Its transactions are examples of each object type
 * and name stakeholders, classes and plans it does not define ("stakeholder-id", "stock-class-id",
 * ...). Here a selection of them, copied verbatim, has those ids replaced by the sample's own
 * stakeholders, classes and plan, and is put in an order where each security is issued before it
 * is used. The replacement map is the only change.
 */
export function repairedSample(): PackageParts {
  const ids: Record<string, string> = {
    "stakeholder-id": "stakeholder-sample-institution-all-fields",
    "test-stakeholder-id": "stakeholder-sample-individual-all-fields",
    "stock-class-id": "8d8371e8-d41d-4a49-9f42-b91758fd155d",
    "series-a-preferred-stock": "cc775778-7d6e-4f8a-93cf-4df2242d7d6d",
    "test-stock-plan-id": "257e5da9-5268-465c-84be-f6d4d4703a9b",
    "2022 Stock Option Plan": "257e5da9-5268-465c-84be-f6d4d4703a9b",
    "stock-legend-id-1": "f04e7c40-0a64-4d2e-9208-8828098d73d5",
    "stock-legend-id-2": "f04e7c40-0a64-4d2e-9208-8828098d73d5",
    "one-year-quarterly": "4yr-1yr-cliff-schedule",
  };
  const repair = (value: unknown): unknown =>
    typeof value === "string"
      ? (ids[value] ?? value)
      : Array.isArray(value)
        ? value.map(repair)
        : value !== null && typeof value === "object"
          ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, repair(v)]))
          : value;
  const byId = new Map((sample("Transactions.ocf.json").items as JsonObject[]).map((t) => [t.id, t]));
  const selected = [
    "test-plan-security-issuance-minimal",
    "test-plan-security-id-vesting-start",
    "founder-vest-acceleration-1",
    "test-stock-issuance-minimal",
    "test-stock-issuance-full-fields",
    "test-stock-issuance-security-id-vesting-start",
    "common-2-for-1-split",
    "test-stock-repurchase-minimal",
    "test-stock-cancellation-minimal",
    "test-warrant-issuance-full-fields",
    "increase_sop_pool",
    "decrease-authorized-series-a-preferred-after-financing",
  ];
  return {
    issuer: sample("Manifest.ocf.json").issuer as JsonObject,
    stakeholders: sample("Stakeholders.ocf.json").items as JsonObject[],
    stock_classes: sample("StockClasses.ocf.json").items as JsonObject[],
    stock_plans: sample("StockPlans.ocf.json").items as JsonObject[],
    vesting_terms: sample("VestingTerms.ocf.json").items as JsonObject[],
    stock_legend_templates: sample("StockLegends.ocf.json").items as JsonObject[],
    valuations: sample("Valuations.ocf.json").items as JsonObject[],
    transactions: selected.map((id) => repair(byId.get(id)) as JsonObject),
  };
}
