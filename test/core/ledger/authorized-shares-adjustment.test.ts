import { describe, expect, it } from "vitest";
import type { Ledger } from "../../../src/core/ledger/ledger.js";
import { replay } from "../../../src/core/ledger/replay.js";
import type { Transaction } from "../../../src/core/ledger/transaction.js";
import { securityId, shareClassId, stakeholderId, transactionId } from "../../../src/core/shared/ids.js";
import { commonClass, d, usd } from "../../interchange/ocf/fixtures.js";

const common = shareClassId("common");

function ledger(...transactions: Transaction[]): Ledger {
  return {
    company: { name: "Co", formationDate: d("2020-01-01"), currency: usd("0").currency, exchangeRates: [] },
    stakeholders: [
      { kind: "stakeholder", id: stakeholderId("ada"), name: "Ada", type: "individual", aliases: [] },
    ],
    classes: [commonClass("common", 1_000n)],
    pools: [],
    vestingSchedules: [],
    transactions,
  };
}

const issue = (id: string, date: string, shares: bigint): Transaction => ({
  type: "stock_issuance",
  id: transactionId(id),
  date: d(date),
  security: securityId(id),
  holder: stakeholderId("ada"),
  classId: common,
  shares,
  pricePerShare: undefined,
  investedAmount: undefined,
  vestingId: undefined,
  vestingStart: undefined,
});

const authorize = (id: string, date: string, authorizedShares: bigint | undefined): Transaction => ({
  type: "authorized_shares_adjustment",
  id: transactionId(id),
  date: d(date),
  classId: common,
  authorizedShares,
});

describe("authorized shares adjustment (a charter amendment)", () => {
  it("raises the limit from its date on: 1,000 authorized, 800 issued, raised to 2,000, then 900 more", () => {
    const result = replay(
      ledger(
        issue("i1", "2020-02-01", 800n),
        authorize("a1", "2020-03-01", 2_000n),
        issue("i2", "2020-04-01", 900n),
      ),
    );
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.classes.get(common)?.authorizedShares).toBe(2_000n);
  });

  it("before the raise, the same issuance exceeds the limit", () => {
    const result = replay(
      ledger(
        issue("i1", "2020-02-01", 800n),
        issue("i2", "2020-02-15", 900n),
        authorize("a1", "2020-03-01", 2_000n),
      ),
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.code).toBe("issuance_exceeds_authorized");
  });

  it("cannot go below the shares issued", () => {
    const result = replay(ledger(issue("i1", "2020-02-01", 800n), authorize("a1", "2020-03-01", 799n)));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems[0]).toMatchObject({
        code: "issuance_exceeds_authorized",
        message:
          "transaction a1 (authorized_shares_adjustment, 2020-03-01) sets Common Stock to 799 authorized shares, below the 800 already issued",
      });
    }
  });

  it("may lift the limit, and refuses a negative one", () => {
    const unlimited = replay(
      ledger(authorize("a1", "2020-03-01", undefined), issue("i1", "2020-04-01", 5_000n)),
    );
    expect(unlimited.ok).toBe(true);
    const negative = replay(ledger(authorize("a1", "2020-03-01", -1n)));
    expect(negative.ok ? undefined : negative.problems[0]!.code).toBe("deal_invalid_field");
  });

  it("names an existing class", () => {
    const result = replay(
      ledger({ ...authorize("a1", "2020-03-01", 5n), classId: shareClassId("B") } as Transaction),
    );
    expect(result.ok ? undefined : result.problems[0]!.code).toBe("deal_unknown_reference");
  });
});
