import { describe, expect, it } from "vitest";
import { captable } from "../../src/app/captable.js";
import { Rational } from "../../src/core/exact/rational.js";
import {
  type CapTableOwnership,
  capTableOwnershipFromJson,
  capTableOwnershipOf,
} from "../../src/report/captable-read.js";
import { capTableJson } from "../../src/report/captable-report.js";
import { fractionsSummingToOne } from "../../src/report/format.js";
import { investorCapTableReport } from "../../src/server/access.js";
import { apiGolden, EXAMPLES, exampleDeal, typedReport, withoutSharesByClass } from "./report-reading.js";

function read(json: unknown): CapTableOwnership {
  const report = capTableOwnershipFromJson(json);
  if (!report.ok) throw new Error(report.message);
  return report.value;
}

describe("WEB-20 the API's cap table JSON reads back into the typed report the captable use case returns", () => {
  for (const name of EXAMPLES) {
    for (const asOf of [undefined, "2020-06-30"] as const) {
      it(`WEB-20 ${name}${asOf ? ` as of ${asOf}` : ""}: the golden API answer reads as the use case's report`, async () => {
        const report = await typedReport(captable, exampleDeal(name), asOf ? { asOf } : {});
        const json = apiGolden(`${name}.captable.${asOf ? `asOf=${asOf.replaceAll("-", "_")}` : ""}`);
        // The golden is what the use case writes today (json-contract.test.ts keeps it so).
        expect(captable.json(report)).toEqual(json);
        expect(read(json)).toEqual(withoutSharesByClass(capTableOwnershipOf(report)));
      });
    }
  }

  it("WEB-20 fractions are exact quotients (4/11, never its 18-place decimal) and shares by class read back when written", async () => {
    const report = await typedReport(captable, exampleDeal("down-round"), {});
    const typed = read(JSON.parse(JSON.stringify(capTableJson(report, { byClass: true }))));
    expect(typed).toEqual(capTableOwnershipOf(report));
    const founders = typed.holders.find((h) => h.subject.id === "founders")!;
    // 6,000,000 of 16,500,000 outstanding: 4/11, which the JSON writes as 0.363636363636363637.
    expect(founders.outstandingFraction.eq(Rational.of(4n, 11n))).toBe(true);
    for (const column of ["outstandingFraction", "asConvertedFraction", "fullyDilutedFraction"] as const)
      expect(Rational.sum(typed.holders.map((h) => h[column])).eq(Rational.ONE)).toBe(true);
  });

  it("WEB-20 an investor's answer (AUTH-7: own rows, no totals) reads with the fractions as written", async () => {
    const report = await typedReport(captable, exampleDeal("seed-to-series-a"), {});
    const json = investorCapTableReport(capTableJson(report) as unknown as Record<string, unknown>, {
      stakeholders: new Set(["seed-fund"]),
      shared: new Set(),
    });
    const typed = read(JSON.parse(JSON.stringify(json)));
    expect(typed.totals).toBeUndefined();
    expect(typed.classes).toEqual([]);
    const i = report.holders.findIndex((h) => h.subject.id === "seed-fund");
    const row = report.holders[i]!;
    const written = fractionsSummingToOne(report.holders.map((h) => h.fullyDilutedFraction))[i]!;
    expect(typed.holders).toEqual(
      [
        {
          ...row,
          sharesByClass: undefined,
          outstandingFraction: Rational.parse(
            fractionsSummingToOne(report.holders.map((h) => h.outstandingFraction))[i]!,
          ),
          asConvertedFraction: Rational.parse(
            fractionsSummingToOne(report.holders.map((h) => h.asConvertedFraction))[i]!,
          ),
          fullyDilutedFraction: Rational.parse(written),
        },
      ].map(({ sharesByClass: _s, ...r }) => r),
    );
  });
});

describe("WEB-20 a JSON that is not a cap table gives a message naming the field", () => {
  type Row = Record<string, unknown>;
  type Body = { holders: Row[]; classes: Row[]; totals: Row } & Row;
  const good = () => JSON.parse(JSON.stringify(apiGolden("seed-to-series-a.captable."))) as Body;
  const cases: [string, (j: Body) => unknown, string][] = [
    ["not an object", () => "oops", 'the cap table the server answered: "oops" is not an object'],
    ["no holders", (j) => ({ ...j, holders: undefined }), "holders: missing is not a list"],
    [
      "a share count with a fraction",
      (j) => {
        j.holders[1]!.outstanding = "12.5";
        return j;
      },
      'holders[1].outstanding: "12.5" is not a whole number',
    ],
    [
      "a fraction as a float number",
      (j) => {
        j.classes[0]!.fullyDilutedFraction = 0.5;
        return j;
      },
      "classes[0].fullyDilutedFraction: 0.5 is not a decimal number",
    ],
    [
      "a fraction in exponent notation",
      (j) => {
        j.holders[0]!.asConvertedFraction = "1e-3";
        return j;
      },
      'holders[0].asConvertedFraction: "1e-3" is not a decimal number',
    ],
    [
      "a fraction that does not agree with its count and the total",
      (j) => {
        j.holders[0]!.fullyDilutedFraction = "0.5";
        return j;
      },
      'holders[0].fullyDilutedFraction: "0.5" is not the count\'s fraction of the total (0.',
    ],
    ["a lower-case currency", (j) => ({ ...j, currency: "usd" }), 'currency: "usd" is not a currency code'],
    ["an impossible date", (j) => ({ ...j, asOf: "2023-13-01" }), 'asOf: "2023-13-01" is not a date'],
    [
      "an unknown row kind",
      (j) => {
        j.holders[0]!.kind = "ghost";
        return j;
      },
      'holders[0].kind: "ghost" is not one of stakeholder, unallocated_pool, class',
    ],
    [
      "totals without the unconverted amount",
      (j) => ({ ...j, totals: { ...j.totals, unconverted: undefined } }),
      "totals.unconverted: missing is not a decimal number",
    ],
    [
      "vested options without the unvested",
      (j) => {
        const row = j.holders.find((h) => h.optionsVested !== undefined)!;
        delete row.optionsUnvested;
        return j;
      },
      "optionsUnvested: missing is not a whole number",
    ],
  ];
  for (const [what, spoil, message] of cases) {
    it(`WEB-20 ${what}`, () => {
      const report = capTableOwnershipFromJson(spoil(good()));
      expect(report.ok).toBe(false);
      if (report.ok) return;
      expect(report.message).toContain(message);
      expect(report.message.startsWith("the cap table the server answered: ")).toBe(true);
    });
  }
});
