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

/**
 * IPO-Q-4: the NVCA charter's Mandatory Conversion also asks for an offering "resulting in at
 * least $[___] of gross proceeds". The Series C above with a $50,000,000 minimum besides its
 * $15 price.
 */
const WITH_PROCEEDS = DEAL.replace(
  "qualifiedIpoPrice: 15 }",
  "qualifiedIpoPrice: 15, qualifiedIpoMinProceeds: $50M }",
);

function ipoWithProceeds(pricing: IpoPricing) {
  const table = replay(dealFrom(WITH_PROCEEDS).ledger);
  if (!table.ok) throw new Error("replay failed");
  return ipoOutcome(model(table.value), pricing);
}

describe("qualified IPO: minimum gross proceeds (SPEC IPO-Q-4)", () => {
  test("IPO-Q-4: at $20 (above the price) with $50M of proceeds the class must convert", () => {
    const o = ipoWithProceeds({ kind: "price_per_share", price: rat("20"), grossProceeds: rat("50000000") });
    if (!o.ok) throw new Error(o.problems[0]!.message);
    expect(c(o.value).state).toBe("converts");
  });

  test("IPO-Q-4: below the minimum proceeds the IPO is not qualified: at $9 the Series C keeps its $10M preference", () => {
    // $9 is below $15 anyway; at $20 with $49,999,999 of proceeds the class may still choose:
    // the common ($20M) beats the preference ($10M), so it converts by choice.
    const small = ipoWithProceeds({
      kind: "price_per_share",
      price: rat("20"),
      grossProceeds: rat("49999999"),
    });
    if (!small.ok) throw new Error(small.problems[0]!.message);
    expect(c(small.value).state).toBe("converts");
    // A class with only a proceeds minimum: at $8 with $40M raised, the IPO is not qualified for
    // it and the $8M of common is less than the $10M preference: it stays preferred.
    const onlyProceeds = DEAL.replace("qualifiedIpoPrice: 15 }", "qualifiedIpoMinProceeds: $50M }");
    const table = replay(dealFrom(onlyProceeds).ledger);
    if (!table.ok) throw new Error("replay failed");
    const below = ipoOutcome(model(table.value), {
      kind: "price_per_share",
      price: rat("8"),
      grossProceeds: rat("40000000"),
    });
    if (!below.ok) throw new Error(below.problems[0]!.message);
    expect(c(below.value).state).toBe("keeps_preference");
    expect(below.value.preIpoValuation.toString()).toBe("72000000");
    // The same IPO raising $50M is qualified: the class converts at $8 whatever its preference.
    const qualified = ipoOutcome(model(table.value), {
      kind: "price_per_share",
      price: rat("8"),
      grossProceeds: rat("50000000"),
    });
    if (!qualified.ok) throw new Error(qualified.problems[0]!.message);
    expect(c(qualified.value).state).toBe("converts");
    expect(c(qualified.value).value.toString()).toBe("8000000");
  });

  test("IPO-Q-4: without the proceeds the IPO cannot be judged: refused with the option that gives them", () => {
    expectProblem(
      ipoWithProceeds({ kind: "price_per_share", price: rat("20") }),
      "exit_terms_invalid",
      "Series C converts at an IPO only when its gross proceeds are at least 50000000 (qualifiedIpoMinProceeds): give the offering's gross proceeds (--ipo-proceeds, or ipoProceeds)",
    );
  });

  test("IPO-Q-4: the CLI takes --ipo-proceeds; the minimum is written back by the serializer and named in the OCF export's omissions", async () => {
    const { cli, tempFile } = await import("../../support/cli.js");
    const file = tempFile("deal.yaml", WITH_PROCEEDS);
    const out = await cli(["exit", file, "--ipo", "$20/share", "--ipo-proceeds", "$60M", "--format", "json"]);
    expect(out.code, out.stderr).toBe(0);
    expect(
      JSON.parse(out.stdout).positions.find((p: { id: string }) => p.id === "shares:seriesC").state,
    ).toBe("converts");
    const missing = await cli(["exit", file, "--ipo", "$20/share"]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/give the offering's gross proceeds \(--ipo-proceeds, or ipoProceeds\)/);
    const alone = await cli(["exit", file, "--at", "$1M", "--ipo-proceeds", "$60M"]);
    expect(alone.code).not.toBe(0);
    expect(alone.stderr).toMatch(/ipoProceeds is the gross proceeds of an IPO: give it with ipo/);
    const { ledgerToDocument } = await import("../../../src/deal/serialize.js");
    const doc = ledgerToDocument(dealFrom(WITH_PROCEEDS).ledger) as { classes: Record<string, unknown>[] };
    expect(doc.classes.find((k) => k.id === "seriesC")).toMatchObject({
      qualifiedIpoMinProceeds: "50000000",
    });
    const { buildCheckedOcfPackage } = await import("../../../src/interchange/ocf/export.js");
    const { SCHEMA_DIR } = await import("../../interchange/ocf/helpers.js");
    const exported = buildCheckedOcfPackage(dealFrom(WITH_PROCEEDS).ledger, undefined, {
      schemaDir: SCHEMA_DIR,
      generatedAt: "2024-05-01T12:00:00Z",
      issuer: { countryOfFormation: "US" },
    });
    if (!exported.ok) throw new Error(exported.problems[0]!.message);
    expect(exported.value.report.omitted).toContain(
      'class "seriesC": the qualified-IPO minimum gross proceeds have no OCF 1.2.0 field',
    );
  });
});
