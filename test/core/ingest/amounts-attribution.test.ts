/**
 * Sums of money, hedges and attribution phrases, French and English
 * (docs/spec/ingest.md ING-AMT, ING-QUAL, ING-ATTR).
 */
import { describe, expect, it } from "vitest";
import { findAttributions } from "../../../src/core/ingest/attribution.js";
import { ENGLISH_RULES } from "../../../src/core/ingest/lexicon-en.js";
import { FRENCH_RULES } from "../../../src/core/ingest/lexicon-fr.js";
import { findMoney } from "../../../src/core/ingest/money-mentions.js";
import { foldText } from "../../../src/core/ingest/text-fold.js";

type Shown = [
  qualifier: string,
  currency: string | undefined,
  min: string | null,
  max: string | null,
  point: string | null,
];

function money(text: string, language: "fr" | "en"): Shown[] {
  const rules = language === "fr" ? FRENCH_RULES : ENGLISH_RULES;
  return findMoney(text, foldText(text), rules, language === "en" ? "en" : "auto").map((m) => [
    m.qualifier,
    m.currency,
    m.min?.toDecimalString() ?? null,
    m.max?.toDecimalString() ?? null,
    m.point?.toDecimalString() ?? null,
  ]);
}

const exact = (v: string, c: string): Shown => ["exact", c, v, v, v];

describe("ING-AMT-1 every amount form", () => {
  it.each<[string, "fr" | "en", Shown]>([
    ["OpenAI lèverait 100 milliards de dollars.", "fr", exact("100000000000", "USD")],
    ["Nvidia mettrait 40 Md$ sur la table.", "fr", exact("40000000000", "USD")],
    ["Nvidia could put $40bn in.", "en", exact("40000000000", "USD")],
    ["Lumora raised $1.5 billion.", "en", exact("1500000000", "USD")],
    ["Elle a levé 2,5 millions d'euros.", "fr", exact("2500000", "EUR")],
    ["Il a investi 2.5M€.", "fr", exact("2500000", "EUR")],
    ["Atlas will invest USD 300m.", "en", exact("300000000", "USD")],
    ["Aérolis a bouclé un tour d'un milliard d'euros.", "fr", exact("1000000000", "EUR")],
    ["Keystone contributed a billion dollars.", "en", exact("1000000000", "USD")],
    ["Nuvia lèverait un milliard et demi d'euros.", "fr", exact("1500000000", "EUR")],
    ["Fenwick raised £25m.", "en", exact("25000000", "GBP")],
    ["Elle a levé 450 000 euros.", "fr", exact("450000", "EUR")],
    ["The round totals 1,500 million dollars.", "en", exact("1500000000", "USD")],
    ["Le fonds apporte 3 M€.", "fr", exact("3000000", "EUR")],
    ["It raised CHF 12 million.", "en", exact("12000000", "CHF")],
  ])("%s", (text, language, expected) => {
    expect(money(text, language)).toEqual([expected]);
  });
});

describe("ING-AMT-2 what is not money", () => {
  it.each<[string, "fr" | "en"]>([
    ["La société compte 1 milliard d'utilisateurs.", "fr"],
    ["The app has 1 billion users.", "en"],
    ["Elle détient 27 % du capital depuis 2019.", "fr"],
    ["It owns 27% of the company, after the 2023 round.", "en"],
    ["Les 3 entreprises discutent depuis 12 mois.", "fr"],
  ])("%s", (text, language) => {
    expect(money(text, language)).toEqual([]);
  });

  it("reads a figure with a scale and no currency as money when money can follow", () => {
    expect(money("Amazon a investi 4 milliards dans Anthropic.", "fr")).toEqual([
      ["exact", undefined, "4000000000", "4000000000", "4000000000"],
    ]);
  });
});

describe("ING-AMT-3 ranges", () => {
  it.each<[string, "fr" | "en", Shown]>([
    [
      "Corvanne mettrait entre 80 et 100 millions d'euros.",
      "fr",
      ["range", "EUR", "80000000", "100000000", null],
    ],
    [
      "Qatar Horizon contribuerait de 400 à 500 millions d'euros.",
      "fr",
      ["range", "EUR", "400000000", "500000000", null],
    ],
    ["It will raise between £80m and £100m.", "en", ["range", "GBP", "80000000", "100000000", null]],
    ["It seeks $30-40bn.", "en", ["range", "USD", "30000000000", "40000000000", null]],
    ["It seeks 30 to 40 billion dollars.", "en", ["range", "USD", "30000000000", "40000000000", null]],
  ])("%s", (text, language, expected) => {
    expect(money(text, language)).toEqual([expected]);
  });

  it("does not read years or a falling pair as a range", () => {
    expect(money("Entre 2021 et 2023, elle a levé 40 M€.", "fr")).toEqual([exact("40000000", "EUR")]);
    expect(money("It raised $50m to $40m.", "en")).toEqual([
      exact("50000000", "USD"),
      exact("40000000", "USD"),
    ]);
  });
});

describe("ING-AMT-4 vague scale words, by the fixtures' convention", () => {
  it.each<[string, "fr" | "en", Shown]>([
    ["Amazon a investi des milliards de dollars.", "fr", ["at_least", "USD", "1000000000", null, null]],
    ["Amazon invested billions of dollars.", "en", ["at_least", "USD", "1000000000", null, null]],
    [
      "Amazon investirait des dizaines de milliards de dollars.",
      "fr",
      ["range", "USD", "10000000000", "100000000000", null],
    ],
    [
      "Amazon investirait de dizaines de milliards de dollars.",
      "fr",
      ["range", "USD", "10000000000", "100000000000", null],
    ],
    [
      "Amazon would invest tens of billions of dollars.",
      "en",
      ["range", "USD", "10000000000", "100000000000", null],
    ],
    [
      "Northgate investirait des dizaines de millions d'euros.",
      "fr",
      ["range", "EUR", "10000000", "100000000", null],
    ],
    ["It raised hundreds of millions of pounds.", "en", ["range", "GBP", "100000000", "1000000000", null]],
    [
      "La valorisation atteindrait une centaine de millions d'euros.",
      "fr",
      ["about", "EUR", null, null, "100000000"],
    ],
    ["A multibillion-dollar investment.", "en", ["at_least", "USD", "1000000000", null, null]],
  ])("%s", (text, language, expected) => {
    expect(money(text, language)).toEqual([expected]);
  });
});

describe("ING-QUAL-1 hedges", () => {
  it.each<[string, "fr" | "en", Shown]>([
    ["lever jusqu'à 100 milliards de dollars", "fr", ["up_to", "USD", null, "100000000000", null]],
    ["lever jusqu’à 100 milliards de dollars", "fr", ["up_to", "USD", null, "100000000000", null]],
    ["raise up to $300 million", "en", ["up_to", "USD", null, "300000000", null]],
    ["invest as much as $25bn", "en", ["up_to", "USD", null, "25000000000", null]],
    ["mettrait moins d'un milliard de dollars", "fr", ["less_than", "USD", null, "1000000000", null]],
    ["une somme inférieure à 10 milliards de dollars", "fr", ["less_than", "USD", null, "10000000000", null]],
    ["put in less than $5bn", "en", ["less_than", "USD", null, "5000000000", null]],
    ["a cheque of under £40m", "en", ["less_than", "GBP", null, "40000000", null]],
    ["a apporté plus de 300 millions d'euros", "fr", ["more_than", "EUR", "300000000", null, null]],
    ["valued at more than $2 billion", "en", ["more_than", "USD", "2000000000", null, null]],
    ["invested over $700m", "en", ["more_than", "USD", "700000000", null, null]],
    ["au moins 150 millions d'euros", "fr", ["at_least", "EUR", "150000000", null, null]],
    ["at least $50 million", "en", ["at_least", "USD", "50000000", null, null]],
    ["environ 150 millions d'euros", "fr", ["about", "EUR", null, null, "150000000"]],
    ["près de 5 Md$", "fr", ["about", "USD", null, null, "5000000000"]],
    ["autour de 40 milliards de dollars", "fr", ["about", "USD", null, null, "40000000000"]],
    ["de l'ordre de 300 millions d'euros", "fr", ["about", "EUR", null, null, "300000000"]],
    ["about $8bn", "en", ["about", "USD", null, null, "8000000000"]],
    ["roughly $120m", "en", ["about", "USD", null, null, "120000000"]],
    ["nearly a billion dollars", "en", ["about", "USD", null, null, "1000000000"]],
    ["approximately $450 million", "en", ["about", "USD", null, null, "450000000"]],
    ["40 milliards de dollars environ", "fr", ["about", "USD", null, null, "40000000000"]],
    ["$5bn or more", "en", ["at_least", "USD", "5000000000", null, null]],
    ["a total of 60 milliards de dollars", "fr", exact("60000000000", "USD")],
  ])("%s", (text, language, expected) => {
    expect(money(text, language)).toEqual([expected]);
  });
});

describe("ING-ATTR-1 attribution phrases", () => {
  function phrases(text: string, language: "fr" | "en"): string[] {
    const rules = language === "fr" ? FRENCH_RULES : ENGLISH_RULES;
    return findAttributions(text, foldText(text), rules).map((s) => text.slice(s.start, s.end));
  }

  it.each<[string, "fr" | "en", string[]]>([
    [
      "Selon des sources proches du dossier, la start-up est en pourparlers.",
      "fr",
      ["Selon des sources proches du dossier"],
    ],
    [
      "Nvidia investirait 30 Md$, selon des personnes familières avec le dossier.",
      "fr",
      ["selon des personnes familières avec le dossier"],
    ],
    ["Des sources indiquent que le montant pourrait atteindre 50 Md$.", "fr", ["Des sources indiquent"]],
    ["Dans une autre version, des rapports suggèrent un total de 60 Md$.", "fr", ["des rapports suggèrent"]],
    [
      "D’autres sources évoquent plutôt un tour de 200 millions d’euros.",
      "fr",
      ["D’autres sources évoquent"],
    ],
    ["Solvane chercherait à lever 10 Md$, a rapporté Reuters.", "fr", ["a rapporté Reuters"]],
    ["Helix a levé 45 M€, a annoncé la société mardi.", "fr", ["a annoncé la société"]],
    ["Selon nos informations, Teralis investirait 5 Md$.", "fr", ["Selon nos informations"]],
    ["Le fonds apportera 2 M€, a-t-elle précisé.", "fr", ["a-t-elle précisé"]],
    [
      "It is raising $300m, according to people familiar with the matter.",
      "en",
      ["according to people familiar with the matter"],
    ],
    ["Orion could invest $120m, the people said.", "en", ["the people said"]],
    [
      "It is raising $80bn, people familiar with the matter said.",
      "en",
      ["people familiar with the matter said"],
    ],
    ["Northwind is exploring a $50bn round, Bloomberg reported on Thursday.", "en", ["Bloomberg reported"]],
    ["Crestline raised $75m, it said on Thursday.", "en", ["it said"]],
    ["Other reports put Parallax's share at $20bn.", "en", ["Other reports"]],
    ["A person close to the deal put the figure at €300m.", "en", ["A person close to the deal"]],
    ["Rumours in the market suggest a second investor may join.", "en", ["Rumours in the market suggest"]],
  ])("%s", (text, language, expected) => {
    expect(phrases(text, language)).toEqual(expected);
  });

  it("does not take 'selon les conditions', 'variant selon' or 'X said to be' for a source", () => {
    expect(phrases("Des engagements variant selon les conditions finales.", "fr")).toEqual([]);
    expect(phrases("Le montant selon les termes de l'accord.", "fr")).toEqual([]);
    expect(phrases("Vantage AI said to be in talks for $6bn funding", "en")).toEqual([]);
    expect(phrases("Another account of the negotiations has $55bn.", "en")).toEqual([]);
  });
});
