import type { JsonObject } from "../../../src/interchange/ocf/json.js";

/** Small constructors for OCF objects in tests: only the fields the schemas require, plus those given. */
export const usd = (amount: string): JsonObject => ({ amount, currency: "USD" });

export const stakeholder = (id: string, name = id): JsonObject => ({
  object_type: "STAKEHOLDER",
  id,
  name: { legal_name: name },
  stakeholder_type: "INDIVIDUAL",
});

export const commonStock = (id = "common", authorized = "10000000"): JsonObject => ({
  object_type: "STOCK_CLASS",
  id,
  name: "Common",
  class_type: "COMMON",
  default_id_prefix: "CS-",
  initial_shares_authorized: authorized,
  votes_per_share: "1",
  seniority: "1",
});

export const preferredStock = (id: string, extra: JsonObject = {}): JsonObject => ({
  object_type: "STOCK_CLASS",
  id,
  name: `Series ${id}`,
  class_type: "PREFERRED",
  default_id_prefix: "PS-",
  initial_shares_authorized: "1000000",
  votes_per_share: "1",
  seniority: "2",
  price_per_share: usd("1.00"),
  liquidation_preference_multiple: "1",
  conversion_rights: [
    {
      type: "STOCK_CLASS_CONVERSION_RIGHT",
      conversion_mechanism: {
        type: "RATIO_CONVERSION",
        conversion_price: usd("1.00"),
        ratio: { numerator: "1", denominator: "1" },
        rounding_type: "FLOOR",
      },
      converts_to_stock_class_id: "common",
    },
  ],
  ...extra,
});

export const plan = (id = "plan", reserved = "1000", extra: JsonObject = {}): JsonObject => ({
  object_type: "STOCK_PLAN",
  id,
  plan_name: "Plan",
  initial_shares_reserved: reserved,
  stock_class_ids: ["common"],
  ...extra,
});

export const stockIssuance = (
  id: string,
  date: string,
  security: string,
  holder: string,
  quantity: string,
  extra: JsonObject = {},
): JsonObject => ({
  object_type: "TX_STOCK_ISSUANCE",
  id,
  date,
  security_id: security,
  custom_id: security,
  stakeholder_id: holder,
  stock_class_id: "common",
  share_price: usd("1.00"),
  quantity,
  security_law_exemptions: [],
  stock_legend_ids: [],
  ...extra,
});

export const optionIssuance = (
  id: string,
  date: string,
  security: string,
  holder: string,
  quantity: string,
  extra: JsonObject = {},
): JsonObject => ({
  object_type: "TX_EQUITY_COMPENSATION_ISSUANCE",
  id,
  date,
  security_id: security,
  custom_id: security,
  stakeholder_id: holder,
  stock_plan_id: "plan",
  compensation_type: "OPTION",
  quantity,
  exercise_price: usd("0.10"),
  expiration_date: null,
  termination_exercise_windows: [],
  security_law_exemptions: [],
  ...extra,
});

export const safeIssuance = (
  id: string,
  date: string,
  security: string,
  holder: string,
  amount: string,
): JsonObject => ({
  object_type: "TX_CONVERTIBLE_ISSUANCE",
  id,
  date,
  security_id: security,
  custom_id: security,
  stakeholder_id: holder,
  convertible_type: "SAFE",
  investment_amount: usd(amount),
  conversion_triggers: [
    {
      trigger_id: "next-round",
      type: "AUTOMATIC_ON_CONDITION",
      trigger_condition: "Next equity financing",
      conversion_right: {
        type: "CONVERTIBLE_CONVERSION_RIGHT",
        conversion_mechanism: {
          type: "SAFE_CONVERSION",
          conversion_mfn: false,
          conversion_timing: "POST_MONEY",
          conversion_valuation_cap: usd("5000000"),
        },
        converts_to_future_round: true,
      },
    },
  ],
  seniority: 1,
  security_law_exemptions: [],
});

export const tx = (object_type: string, id: string, date: string, fields: JsonObject): JsonObject => ({
  object_type,
  id,
  date,
  ...fields,
});
