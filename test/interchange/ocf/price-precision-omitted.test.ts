import { describe, expect, it } from "vitest";
import { buildCheckedOcfPackage } from "../../../src/interchange/ocf/export.js";
import { dealFrom, header } from "../../support/deal.js";
import { expectOk, SCHEMA_DIR } from "./helpers.js";

const options = {
  schemaDir: SCHEMA_DIR,
  generatedAt: "2024-05-01T12:00:00Z",
  issuer: { countryOfFormation: "US" },
};

/** A SAFE and a note that state their own conversion-price precisions (ROUND-9). */
const DEAL = `${header(["founder", "angel", "lender"])}transactions:
  - { type: issue, date: 2020-01-01, holder: founder, class: common, shares: 10000000 }
  - type: safe
    id: s1
    date: 2020-06-01
    holder: angel
    amount: $500K
    cap: $5M
    discount: 20%
    capPricePrecision: { places: 4, rounding: half_up, sharesFromRoundedPrice: true }
    discountPricePrecision: { places: 3, rounding: down, sharesFromRoundedPrice: false }
  - { type: note, id: n1, date: 2020-07-01, holder: lender, principal: $200K, interestRate: 6%, cap: $8M,
      capPricePrecision: { places: 2, rounding: up, sharesFromRoundedPrice: true } }
`;

describe("OCF export reports the conversion-price precisions it cannot write (ROUND-9, OCF-EXP)", () => {
  it("ROUND-9: each stated cap and discount price precision is listed among the omitted fields, naming the transaction", () => {
    const exported = expectOk(buildCheckedOcfPackage(dealFrom(DEAL).ledger, undefined, options));
    const omitted = exported.report.omitted.filter((o) => o.includes("PricePrecision"));
    expect(omitted).toEqual([
      "transaction s1: the cap price's precision (capPricePrecision: 4 places, half up, shares from the rounded price) has no OCF 1.2.0 field",
      "transaction s1: the discount price's precision (discountPricePrecision: 3 places, down, shares from the exact price) has no OCF 1.2.0 field",
      "transaction n1: the cap price's precision (capPricePrecision: 2 places, up, shares from the rounded price) has no OCF 1.2.0 field",
    ]);
  });

  it("ROUND-9: a SAFE without stated precisions adds no such omission", () => {
    const plain = `${header(["founder", "angel"])}transactions:
  - { type: issue, date: 2020-01-01, holder: founder, class: common, shares: 10000000 }
  - { type: safe, id: s1, date: 2020-06-01, holder: angel, amount: $500K, cap: $5M, discount: 20% }
`;
    expect(plain).not.toContain("PricePrecision");
    const exported = expectOk(buildCheckedOcfPackage(dealFrom(plain).ledger, undefined, options));
    expect(exported.report.omitted.filter((o) => o.includes("PricePrecision"))).toEqual([]);
  });
});
