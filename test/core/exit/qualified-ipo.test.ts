import { describe, expect, test } from "vitest";
import { rat } from "../../../src/core/exact/rational.js";
import { type IpoOutcome, type IpoPricing, ipoOutcome } from "../../../src/core/exit/ipo.js";
import { replay } from "../../../src/core/ledger/replay.js";
import { dealFrom, diagnosticsOf, header } from "../../support/deal.js";
import { expectProblem, model } from "./helpers.js";

/**
 * The qualified-IPO threshold of the NVCA Model Certificate of Incorporation (section
 * "Mandatory Conversion": conversion upon a firm-commitment underwritten public offering at a
 * price of at least a stated amount per share). Below it the IPO does not force the class to
 * convert. Hand calculation: founders 9,000,000 common; Series C 1,000,000 shares at $10,
 * 1x non-participating, a qualified-IPO price of $15.
 */
const DEAL = `${header(
  ["founders", "fund"],
  `  - { id: seriesC, name: Series C, type: preferred, originalIssuePrice: 10, qualifiedIpoPrice: 15 }
`,
)}transactions:
  - { type: issue, date: 2021-01-01, holder: founders, class: common, shares: 9000000 }
  - { type: issue, date: 2022-01-01, holder: fund, class: seriesC, shares: 1000000, price: 10 }
`;

function ipoAt(pricing: IpoPricing) {
  const table = replay(dealFrom(DEAL).ledger);
  if (!table.ok) throw new Error("replay failed");
  return ipoOutcome(model(table.value), pricing);
}
function ipo(pricing: IpoPricing): IpoOutcome {
  const o = ipoAt(pricing);
  if (!o.ok) throw new Error(o.problems[0]!.message);
  return o.value;
}
const c = (o: IpoOutcome) => o.positions.find((p) => p.position === "shares:seriesC")!;
const founders = (o: IpoOutcome) => o.holders.find((h) => h.holder === "founders")!;

describe("qualified IPO (SPEC IPO-Q-1..IPO-Q-3)", () => {
  test("IPO-Q-1: at or above the qualified price the class converts, as at any IPO (EXIT-18)", () => {
    const o = ipo({ kind: "price_per_share", price: rat("15") });
    expect(c(o).state).toBe("converts");
    expect(c(o).value.toString()).toBe("15000000");
    expect(o.preIpoValuation.toString()).toBe("150000000");
  });

  test("IPO-Q-2: below it, the class converts only by choice: at $12 the common ($12M) beats the $10M preference", () => {
    const o = ipo({ kind: "price_per_share", price: rat("12") });
    expect(c(o).state).toBe("converts");
    expect(c(o).value.toString()).toBe("12000000");
  });

  test("IPO-Q-2: at $8 the common would be worth $8M, less than the $10M preference: the Series C stays preferred", () => {
    const o = ipo({ kind: "price_per_share", price: rat("8") });
    expect(c(o).state).toBe("keeps_preference");
    expect(c(o).shares.toString()).toBe("0");
    expect(c(o).value.toString()).toBe("0");
    expect(founders(o).value.toString()).toBe("72000000");
    // Only the founders' common is valued at the IPO: 9,000,000 × $8.
    expect(o.preIpoValuation.toString()).toBe("72000000");
  });

  test("IPO-Q-3: a pre-IPO valuation that prices the IPO below a qualified price is refused with the way out", () => {
    expectProblem(
      ipoAt({ kind: "pre_ipo_valuation", valuation: rat("90000000") }),
      "exit_terms_invalid",
      "prices the IPO at 9 a share, below the qualified-IPO price 15 of Series C; give the IPO price per share instead",
    );
    const o = ipo({ kind: "pre_ipo_valuation", valuation: rat("200000000") });
    expect(o.pricePerShare.toString()).toBe("20");
    expect(c(o).state).toBe("converts");
  });

  test("IPO-Q-1: a qualified-IPO price on a common class is refused, naming the field", () => {
    const d = diagnosticsOf(DEAL.replace("type: common }", "type: common, qualifiedIpoPrice: 15 }"));
    expect(d[0]!.message).toMatch(
      /a common class has no preference, anti-dilution, dividends, conversion or qualified-IPO price/,
    );
    expect(d[0]!.path).toEqual(["classes", 0]);
  });
});
