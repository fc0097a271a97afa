/**
 * Roundups and biotech reports (issue 18, second round on the blind set; docs/spec/ingest.md
 * ING-ENT-12..14, ING-PART-1/2, ING-STAT-9/10, ING-KIND-3g, ING-KIND-5f). The sentences are
 * written for these tests in the manner of press reports, with fictional companies and
 * investors; none is copied from a report.
 */
import { describe, expect, it } from "vitest";
import { briefs, claims, entityNames, subjects } from "../../support/ingest-text.js";

describe("ING-ENT-13 places, legal forms and fragments are no company", () => {
  it("a state abbreviation before '-based' is not the company ('Cambridge, Mass.-based')", () => {
    expect(
      subjects(
        "Lumenra Therapeutics Inc., a Cambridge, Mass.-based company editing liver genes, has raised $120 million in series B financing to reach the clinic.",
      ),
    ).toEqual(["Lumenra Therapeutics"]);
  });

  it("the cities after 'based in' are places, not the company raising money", () => {
    const text =
      "Norvane Pharmaceuticals, based in Suzhou and Pittsburgh, launched with a $60 million series A financing to develop pain drugs. Halden Capital and Orbex Partners co-led the round.";
    expect(subjects(text)).toEqual(["Norvane Pharmaceuticals"]);
    expect(entityNames(text)).not.toContain("Pittsburgh");
  });

  it("a single capital joined to a common word ('T-cell') is no name", () => {
    const text =
      "Quillon Bio, a company developing bispecific T-cell engagers for solid tumours, has raised $42 million in series A financing. Brakewell Partners led the round.";
    expect(entityNames(text)).toEqual(["Quillon Bio", "Brakewell Partners"]);
    const out = briefs(text);
    expect(out).toEqual([
      "round_size Quillon Bio <- - exact 42000000 USD",
      "investment Quillon Bio <- Brakewell Partners -",
    ]);
  });

  it("'Co. Ltd.' leaves the investor's name, not 'Ltd', as the payer", () => {
    expect(
      briefs(
        "Hanro Co. Ltd. invested $12m into cell therapy firm Veltis Biomedical through its Series B round.",
      ),
    ).toEqual(["investment Veltis Biomedical <- Hanro exact 12000000 USD"]);
  });
});

describe("ING-ENT-14 investor names that start oddly", () => {
  it("names opened by digits or by a single capital, and names ending in 'Investments', are investors", () => {
    expect(
      briefs(
        "Quillon Bio has raised $40 million in series A financing, it said. Brakewell Venture Fund and 7Oaks Ventures led the round, with further investments from K Ventures, Halden Venture Fund and Corrib Life Investments.",
      ),
    ).toEqual([
      "round_size Quillon Bio <- - exact 40000000 USD",
      "investment Quillon Bio <- K Ventures -",
      "investment Quillon Bio <- Halden Venture Fund -",
      "investment Quillon Bio <- Corrib Life Investments -",
      "investment Quillon Bio <- Brakewell Venture Fund -",
      "investment Quillon Bio <- 7Oaks Ventures -",
    ]);
  });

  it("a figure with its unit glued ('5Bn') does not open a name", () => {
    expect(briefs("Tarvo raised 5Bn dollars from Orbex Partners.").some((b) => b.includes("5Bn"))).toBe(
      false,
    );
  });

  it("a company opening its sentence before a legal form ('Tamsel Ltd. has closed') is the company", () => {
    expect(
      briefs(
        "Tamsel Ltd. has closed a $20 million series B financing. The Oslo-based company attracted support for the round from Orbex, Nordlys Biotech Fund and Vanta Ltd.",
      ),
    ).toEqual([
      "round_size Tamsel <- - exact 20000000 USD",
      "investment Tamsel <- Orbex -",
      "investment Tamsel <- Nordlys Biotech Fund -",
      "investment Tamsel <- Vanta -",
    ]);
  });
});

describe("ING-ENT-12 the company's display name", () => {
  it("a biotech introduced with its sector noun, then named short, is shown short", () => {
    expect(
      subjects(
        "Pemberton Therapeutics expanded its Series A round to $80 million. Pemberton, which designs oral peptides, had raised $55 million in that round last spring.",
      ),
    ).toEqual(["Pemberton"]);
  });

  it("other designators stay part of the name ('Corvane Materials' … 'Corvane')", () => {
    expect(
      subjects("Corvane Materials raised $30 million in a Series B round. Corvane makes recycled cathodes."),
    ).toEqual(["Corvane Materials"]);
  });
});

describe("French roundups: leads, present tense, targets, valuations", () => {
  it("'dirigé par' names the lead; a company opening with 'réalise' is the company (ING-PART-1, ING-ENT-1)", () => {
    expect(
      briefs(
        "Pyxane réalise un tour de table de 20 M$ en série B, dirigé par Halden Venture Fund et avec la participation de Orbex et Bpifrance La société utilisera les fonds pour ses essais",
      ),
    ).toEqual([
      "round_size Pyxane <- - exact 20000000 USD",
      "investment Pyxane <- Halden Venture Fund -",
      "investment Pyxane <- Orbex -",
      "investment Pyxane <- Bpifrance -",
    ]);
  });

  it("'X, co-lead sur le tour' takes part (ING-PART-2)", () => {
    expect(
      briefs(
        "Ostrya réalise une série A de 12 M€ menée auprès de Garance Santé, investisseur historique, et de Lorvik, co-lead sur le tour La société développe des anticorps",
      ),
    ).toContain("investment Ostrya <- Lorvik -");
  });

  it("the journalistic present ('lève') states the round closed, whatever is wished after it (ING-STAT-9)", () => {
    const out = claims(
      "Velanor lève 6 M€ auprès de Corbin Santé dans le cadre d'une série A, qu'elle souhaite élargir plus tard.",
    );
    expect(out.find((c) => c.kind === "round_size")?.status).toBe("closed");
  });

  it("'est en train de boucler' is a round sought, in talks (ING-STAT-10)", () => {
    const out = claims(
      "Selon nos informations, Quorel est en train de boucler une levée de fonds de plus de 80 millions de dollars.",
    );
    expect(out.map((c) => `${c.kind} ${c.status}`)).toEqual(["round_target in_talks"]);
  });

  it("'est désormais estimée à' states a valuation (ING-KIND-3g)", () => {
    expect(
      briefs(
        "Le constructeur Varlen a levé 700 millions de dollars. La société est désormais estimée à plus de 4 milliards de dollars.",
      ),
    ).toEqual([
      "round_size Varlen <- - exact 700000000 USD",
      "valuation_post Varlen <- - more_than 4000000000 USD",
    ]);
  });

  it("the subject of 'reçoit' is the company; a preposition far past the figure names no company (ING-ROLE-15)", () => {
    expect(
      briefs(
        "Velanor lève 6 M€ auprès de Corbin Santé. Ostrya reçoit un financement de 7 M€ de la part de Pelican Repair Impact Fund La biotech lyonnaise développe des antifongiques contre les infections à Gram négatif Avec ces fonds, Ostrya va accélérer son programme",
      ),
    ).toContain("investment Ostrya <- Pelican Repair Impact Fund exact 7000000 EUR");
  });
});

describe("ING-ENT-14 a digit ending a word makes no figure", () => {
  it("'H2 Green Steel' is one name, not 'Steel'", () => {
    expect(
      subjects(
        "Swedish steelmaker H2 Green Steel bagged $4.7 billion in debt and equity to build its plant.",
      ),
    ).toEqual(["H2 Green Steel"]);
  });
});
