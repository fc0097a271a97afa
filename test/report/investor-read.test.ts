import { describe, expect, it } from "vitest";
import { exit } from "../../src/app/exit.js";
import { model } from "../../src/app/model.js";
import { scenarios } from "../../src/app/scenarios.js";
import { Rational } from "../../src/core/exact/rational.js";
import { decimal, decimalsSummingTo, fractionsSummingToOne } from "../../src/report/format.js";
import {
  investorOwnershipFromJson,
  investorPayoutsFromJson,
  investorProFormaFromJson,
} from "../../src/report/investor-read.js";
import type { JsonRead } from "../../src/report/json-read.js";
import { investorExitReport, investorScenariosReport } from "../../src/server/access.js";
import { apiGolden, EXAMPLES, exampleDeal, typedReport } from "./report-reading.js";

function value<T>(read: JsonRead<T>): T {
  if (!read.ok) throw new Error(read.message);
  return read.value;
}

/** A figure as the JSON writes it (OUT-1: 18 places), read back exactly. */
const written = (x: Rational) => Rational.parse(decimal(x))!;

describe("WEB-23 the investor routes' JSON reads back into the typed figures the use cases return", () => {
  for (const name of EXAMPLES) {
    it(`WEB-23 ${name}: the scenarios answer is each scenario's holders' ownership and dilution`, async () => {
      const report = await typedReport(scenarios, exampleDeal(name), {});
      const json = apiGolden(`${name}.scenarios.`);
      expect(scenarios.json(report)).toEqual(json);
      expect(value(investorOwnershipFromJson(json))).toEqual({
        company: report.company,
        scenarios: report.scenarios.map((s) => ({
          scenario: s.scenario,
          holders: s.holders.map((h) => ({
            holder: h.holder,
            fullyDilutedBefore: written(h.fullyDilutedBefore),
            fullyDilutedAfter: written(h.fullyDilutedAfter),
            dilution: h.dilution === null ? null : written(h.dilution),
          })),
        })),
      });
    });

    it(`WEB-23 ${name}: the model answer is the pro forma's holders (fractions summing to 1, OUT-2)`, async () => {
      const report = await typedReport(model, exampleDeal(name), {});
      const json = apiGolden(`${name}.model.`);
      expect(model.json(report)).toEqual(json);
      const before = fractionsSummingToOne(report.holders.map((h) => h.fullyDilutedBefore));
      const after = fractionsSummingToOne(report.holders.map((h) => h.fullyDilutedAfter));
      const read = value(investorProFormaFromJson(json));
      expect(read).toEqual({
        company: { name: report.company.name, currency: report.company.currency },
        holders: report.holders.map((h, i) => ({
          holder: { id: h.holder.id, name: h.holder.name },
          fullyDilutedBefore: Rational.parse(before[i]!),
          fullyDilutedAfter: Rational.parse(after[i]!),
          dilution: h.dilution === undefined ? null : written(h.dilution),
        })),
      });
      expect(Rational.sum(read.holders.map((h) => h.fullyDilutedAfter)).eq(Rational.ONE)).toBe(true);
    });

    it(`WEB-23 ${name}: the exit answer at values is each holder's payout as written (sums exact, OUT-2)`, async () => {
      const at = "15M;60M;1B;1T";
      const report = await typedReport(exit, exampleDeal(name), { at });
      const json = apiGolden(`${name}.exit.at=15M_60M_1B_1T`);
      expect(exit.json(report)).toEqual(json);
      if (report.kind !== "waterfall") throw new Error(report.kind);
      const read = value(investorPayoutsFromJson(json));
      expect(read.currency).toBe(exampleDeal(name).ledger.company.currency);
      expect(read.outcomes.map((o) => o.exitValue.toDecimalString())).toEqual([
        "15000000",
        "60000000",
        "1000000000",
        "1000000000000",
      ]);
      // Proceeds and totals are written so that their decimals sum to the exact sums (OUT-2).
      const summing = (xs: readonly Rational[]) =>
        decimalsSummingTo(xs, Rational.sum(xs)).map((t) => Rational.parse(t)!);
      expect(read.outcomes).toEqual(
        report.outcomes.map((o) => {
          const proceeds = summing(o.holders.map((h) => h.proceeds));
          const totals = summing(o.holders.map((h) => h.total));
          return {
            exitValue: written(o.exitValue),
            holders: o.holders.map((h, i) => ({
              holder: { id: h.holder.id, name: h.holder.name },
              proceeds: proceeds[i],
              exercisePaid: written(h.exercisePaid),
              net: written(h.net),
              carveOut: written(h.carveOut),
              total: totals[i],
            })),
          };
        }),
      );
      for (const [i, o] of read.outcomes.entries())
        expect(
          Rational.sum(o.holders.map((h) => h.total)).eq(
            Rational.sum(report.outcomes[i]!.holders.map((h) => h.total)),
          ),
        ).toBe(true);
    });
  }

  it("WEB-23 an investor's cut of each (AUTH-7) reads, with its own holders only", async () => {
    const deal = exampleDeal("seed-to-series-a");
    const view = { stakeholders: new Set(["seed-fund"]), shared: new Set<never>() };
    const own = investorScenariosReport(
      scenarios.json(await typedReport(scenarios, deal, {})) as Record<string, unknown>,
      view,
    );
    const ownership = value(investorOwnershipFromJson(JSON.parse(JSON.stringify(own))));
    expect(ownership.scenarios.length).toBeGreaterThan(0);
    for (const s of ownership.scenarios) expect(s.holders.map((h) => h.holder.id)).toEqual(["seed-fund"]);
    const payouts = investorExitReport(
      exit.json(await typedReport(exit, deal, { at: "60M" })) as Record<string, unknown>,
      view,
    );
    const read = value(investorPayoutsFromJson(JSON.parse(JSON.stringify(payouts))));
    expect(read.outcomes[0]!.holders.map((h) => h.holder.id)).toEqual(["seed-fund"]);
  });
});

describe("WEB-23 a JSON that is not the investor's report gives a message naming the field", () => {
  type Row = Record<string, unknown>;
  const exitJson = () =>
    JSON.parse(JSON.stringify(apiGolden("seed-to-series-a.exit.at=15M_60M_1B_1T"))) as {
      outcomes: { holders: Row[] }[];
    } & Row;
  const scenariosJson = () =>
    JSON.parse(JSON.stringify(apiGolden("seed-to-series-a.scenarios."))) as {
      scenarios: { holders: Row[] }[];
    } & Row;

  it("WEB-23 a payout as a float number, a missing exit value, no outcomes", () => {
    const a = exitJson();
    a.outcomes[1]!.holders[0]!.total = 1.5;
    expect(investorPayoutsFromJson(a)).toEqual({
      ok: false,
      message: "the payouts the server answered: outcomes[1].holders[0].total: 1.5 is not a decimal number",
    });
    const b = exitJson();
    delete (b.outcomes[0] as Row).exitValue;
    expect(investorPayoutsFromJson(b)).toEqual({
      ok: false,
      message: "the payouts the server answered: outcomes[0].exitValue: missing is not a decimal number",
    });
    expect(investorPayoutsFromJson({ currency: "USD" })).toEqual({
      ok: false,
      message: "the payouts the server answered: outcomes: missing is not a list",
    });
  });

  it("WEB-23 a dilution as a percent text, a holder without a name", () => {
    const a = scenariosJson();
    a.scenarios[0]!.holders[0]!.dilution = "12%";
    expect(investorOwnershipFromJson(a)).toEqual({
      ok: false,
      message:
        'the scenarios the server answered: scenarios[0].holders[0].dilution: "12%" is not a decimal number',
    });
    const b = scenariosJson();
    delete b.scenarios[2]!.holders[1]!.name;
    expect(investorOwnershipFromJson(b)).toEqual({
      ok: false,
      message: "the scenarios the server answered: scenarios[2].holders[1].name: missing is not a text",
    });
    expect(investorProFormaFromJson([])).toEqual({
      ok: false,
      message: "the pro forma the server answered: a list is not an object",
    });
  });
});
