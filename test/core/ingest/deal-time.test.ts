/**
 * ING-DEAL-T: the round and date a claim's deal is given in its sentence, and ING-CONF-4's
 * use of them (claims of deals named or dated differently never conflict). The sentences are
 * written for these tests in the manner of press reports, with fictional companies.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dealDateNear, roundDisplayName } from "../../../src/core/ingest/deal-time.js";
import { foldText } from "../../../src/core/ingest/text-fold.js";
import { claims, read } from "../../support/ingest-text.js";

const near = (text: string, anchorWord: string, sourceYear?: number) => {
  const folded = foldText(text);
  return dealDateNear(folded, folded.indexOf(anchorWord), sourceYear);
};

describe("ING-DEAL-T the date of a claim's deal", () => {
  it("a month and year, a year alone, in English and French", () => {
    expect(near("In December 2011, Pellion completed a new round of $90 million.", "$90")).toBe("2011-12");
    expect(near("Quillon a levé 12 millions d'euros en avril 2023 auprès de Vertumne.", "12 millions")).toBe(
      "2023-04",
    );
    expect(near("Marlow raised $14m in a series B-1 in 2012.", "$14m")).toBe("2012");
    expect(near("La société avait levé 3 millions d'euros en 2019.", "3 millions")).toBe("2019");
  });

  it("the date nearest to the figure wins; a date too far away is not the deal's", () => {
    expect(near("After $5m in 2018, Tessaro raised $40m in March 2021.", "$40m")).toBe("2021-03");
    expect(near("After $5m in 2018, Tessaro raised $40m in March 2021.", "$5m")).toBe("2018");
    const far = `Tessaro raised $40m${" and kept on working".repeat(8)} since its start in 2015.`;
    expect(near(far, "$40m")).toBeUndefined();
  });

  it("a founding date, a goal or a period is not the deal's date", () => {
    expect(near("Founded in 2015, Orlane raised $12 million.", "$12")).toBeUndefined();
    expect(near("Créée en 2019, Orlane lève 12 millions d'euros.", "12 millions")).toBeUndefined();
    expect(near("Orlane raised $12 million to reach 500 sites by 2030.", "$12")).toBeUndefined();
    expect(
      near("Orlane lève 12 millions d'euros pour ouvrir 50 sites d'ici 2027.", "12 millions"),
    ).toBeUndefined();
  });

  it("a year that is a figure is no date (2019 million, 2020 %)", () => {
    expect(near("The fund holds 2019 million dollars of assets after a $5m round.", "$5m")).toBeUndefined();
  });

  it("'last year' / 'l'an dernier' needs the report's date", () => {
    expect(near("Norvane raised $30 million last year.", "$30", 2024)).toBe("2023");
    expect(near("Norvane avait levé 30 millions d'euros l'an dernier.", "30 millions", 2024)).toBe("2023");
    expect(near("Norvane raised $30 million last year.", "$30")).toBeUndefined();
  });

  it("property: a sentence with one dated clause gives that date, whatever the month and year", () => {
    const months = ["January", "April", "June", "September", "December"];
    fc.assert(
      fc.property(
        fc.integer({ min: 1990, max: 2039 }),
        fc.integer({ min: 0, max: months.length - 1 }),
        fc.boolean(),
        (year, m, withMonth) => {
          const when = withMonth ? `${months[m]} ${year}` : String(year);
          const expected = withMonth
            ? `${year}-${String([1, 4, 6, 9, 12][m]).padStart(2, "0")}`
            : String(year);
          return near(`Ysel Partners raised $25 million in ${when}.`, "$25") === expected;
        },
      ),
    );
  });

  it("round names as people write them", () => {
    expect(roundDisplayName("c")).toBe("Series C");
    expect(roundDisplayName("seed")).toBe("seed");
    expect(roundDisplayName("preseed")).toBe("pre-seed");
  });
});

describe("ING-DEAL-T in the claims, and ING-CONF-4", () => {
  it("each claim carries the round and date its sentence gives, null where it gives none", () => {
    const out = claims(
      "Harbor Robotics has raised $40 million in a Series B round. In March 2021, the company had raised $12 million in its Series A.",
    );
    expect(out.map((c) => [c.amount?.point, c.deal])).toEqual([
      [40000000, { round: "Series B", date: null }],
      [12000000, { round: "Series A", date: "2021-03" }],
    ]);
  });

  it("two rounds dated differently are two deals: no conflict; the same deal with two figures is one", () => {
    const dated = read(
      "Pellion raised $90 million in December 2011. Pellion raised $216 million in June 2012.",
    );
    expect(dated.claims.map((c) => c.deal.date)).toEqual(["2011-12", "2012-06"]);
    expect(dated.conflicts).toEqual([]);
    const undated = read("Pellion raised $90 million. Other reports say Pellion raised $120 million.");
    expect(undated.conflicts.length).toBeGreaterThan(0);
  });
});
