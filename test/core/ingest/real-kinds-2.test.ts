/**
 * Amounts, claim kinds and statuses of real reports (issue 18, development batch 5; docs/spec/ingest.md
 * ING-AMT-9/10/11, ING-KIND-2b/2e/2f/2g/2h/2i/2j, ING-KIND-3e/3f, ING-KIND-5g/5h, ING-STAT-11/12/13,
 * ING-TEMP-5). The sentences are written for these tests in the manner of press reports, with
 * fictional companies; none is copied from a report.
 */
import { describe, expect, it } from "vitest";
import { brief, briefs, claims } from "../../support/ingest-text.js";

const withStatus = (text: string): string[] =>
  claims(text).map((c) => `${brief(c)} ${c.status} ${c.temporal}`);

describe("ING-AMT-9 a line break inside a sentence is a space", () => {
  it("joins a figure and its scale word, and the words of a cue", () => {
    expect(
      withStatus(
        "Corvane Labs is in\ntalks to raise up to $2\nbillion at a valuation of $15\nbillion, people familiar with the matter said.",
      ),
    ).toEqual([
      "round_target Corvane Labs <- - up_to 2000000000 USD in_talks current",
      "valuation_post Corvane Labs <- - exact 15000000000 USD in_talks current",
    ]);
  });
});

describe("ING-KIND-5g a round being sought is a target", () => {
  it("'is nearing a deal to raise', 'is seeking to raise'", () => {
    expect(
      withStatus(
        "Tessaly Robotics is nearing a deal to raise $300 million, according to two people briefed on the talks.",
      ),
    ).toEqual(["round_target Tessaly Robotics <- - exact 300000000 USD in_talks current"]);
    expect(withStatus("Brindle Health is seeking to raise about $250 million, the people said.")).toEqual([
      "round_target Brindle Health <- - about 250000000 USD in_talks current",
    ]);
  });

  it("'serait en négociation pour lever', 'cherche à lever'", () => {
    expect(withStatus("La fintech Paylo serait en négociation pour lever 60 millions d'euros.")).toEqual([
      "round_target Paylo <- - exact 60000000 EUR in_talks current",
    ]);
    expect(withStatus("Ardoise cherche à lever 12 millions d'euros auprès de fonds européens.")).toEqual([
      "round_target Ardoise <- - exact 12000000 EUR in_talks current",
    ]);
  });

  it("ING-STAT-11: 'a annoncé son intention de lever' is announced, and so are the round's linked parts", () => {
    const out = claims(
      "Mirelo a annoncé mardi son intention de lever 40 millions d'euros. Le financement comprend une offre de 25 millions d'euros d'obligations convertibles et une offre de 15 millions d'euros d'actions nouvelles.",
    );
    expect(out.map((c) => `${brief(c)} ${c.status}`)).toEqual([
      "round_target Mirelo <- - exact 40000000 EUR announced",
      "round_target Mirelo <- - exact 25000000 EUR announced",
      "round_target Mirelo <- - exact 15000000 EUR announced",
    ]);
    expect(out[0]!.rules).toContain("ING-STAT-11");
  });
});

describe("ING-KIND-5h a raise in the passive", () => {
  it("'$40 million was picked up by X': X's round", () => {
    const out = claims("Of the week's total, $40 million was picked up by fintech startup Zephyr.");
    expect(out.map(brief)).toEqual(["round_size Zephyr <- - exact 40000000 USD"]);
    expect(out[0]!.rules).toContain("ING-KIND-5h");
  });
});

describe("ING-KIND-2 figures that are not claims", () => {
  it("ING-KIND-2b: a total to date with 'now'; the earlier round it includes stays", () => {
    expect(
      withStatus(
        "Founded in 2015, Kestrel Bio has now raised $85m in outside funding, including a $30m Series B in 2019.",
      ),
    ).toEqual(["round_size Kestrel Bio <- - exact 30000000 USD closed background"]);
    // A round, not a total: "has now secured $X in a new funding round".
    expect(
      briefs("Halden Robotics has now secured $150 million in a new funding round led by Ossory."),
    ).toContain("round_size Halden Robotics <- - exact 150000000 USD");
  });

  it("ING-KIND-2f: market totals in the present and over several deals", () => {
    expect(
      briefs(
        "Les start-up françaises lèvent 812 millions d'euros en mai. Les jeunes pousses de la santé récoltent 64 millions d'euros en quatre opérations.",
      ),
    ).toEqual([]);
    expect(briefs("This week there were six Series A deals amounting to $30 million.")).toEqual([]);
    expect(briefs("In the first week of May, startups raised $180 million across 19 deals.")).toEqual([]);
  });

  it("ING-KIND-2e: a difference", () => {
    expect(
      briefs("Velora's new valuation is about $100 million higher than the price discussed in March."),
    ).toEqual([]);
    expect(briefs("Les jeunes pousses récoltent 40 millions d'euros de plus qu'en février.")).toEqual([]);
  });

  it("ING-KIND-2g/2h: money set aside, poured into a sector, spent on a plant", () => {
    expect(
      briefs(
        "The deal is one of the first investments from the £500m Corran put aside last year to invest in start-ups.",
      ),
    ).toEqual([]);
    expect(
      briefs("In recent months, investors have poured more than $200 million into fusion startups."),
    ).toEqual([]);
    expect(briefs("Helix Motors said it will invest $30 million in a battery factory near Austin.")).toEqual(
      [],
    );
  });

  it("ING-KIND-2i/2j: an offer rejected, a market value", () => {
    expect(briefs("Tamsel had already rejected an offer of $2 billion from a rival.")).toEqual([]);
    expect(briefs("Sonar Group's market value of $4 billion makes it the sector's largest.")).toEqual([]);
  });
});

describe("ING-KIND-3e/3f valuations", () => {
  it("'worth', and a valuation stated after its figure: background when past", () => {
    expect(
      withStatus(
        "Brixton Vapor is seeking to raise $1 billion. Its valuation is expected to be far below the $12 billion it was worth in 2021.",
      ),
    ).toEqual([
      "round_target Brixton Vapor <- - exact 1000000000 USD in_talks current",
      "valuation_post Brixton Vapor <- - exact 12000000000 USD closed background",
    ]);
    expect(
      withStatus(
        "Lumio is in talks to raise $1 billion. The valuation would be a third less than the $50 billion the company was reportedly valued at in a funding round last year.",
      ),
    ).toEqual([
      "round_target Lumio <- - exact 1000000000 USD in_talks current",
      "valuation_post Lumio <- - exact 50000000000 USD closed background",
    ]);
    expect(briefs("Quillon is now worth $3 billion after the deal.")).toEqual([
      "valuation_post Quillon <- - exact 3000000000 USD",
    ]);
  });

  it("ING-KIND-3f: a valuation word past a semicolon is the clause before's", () => {
    expect(
      briefs(
        "In 2019 Garnet Labs raised $20 million at a $120 million valuation; in 2021 Garnet Labs completed a round of $75 million.",
      ),
    ).toEqual([
      "round_size Garnet Labs <- - exact 20000000 USD",
      "valuation_post Garnet Labs <- - exact 120000000 USD",
      "round_size Garnet Labs <- - exact 75000000 USD",
    ]);
  });
});

describe("ING-AMT-10/11 amounts written without a number or in Indian scales", () => {
  it("ING-AMT-10: 'a franchi le milliard', 'dépassait le milliard d'euros': more than a billion", () => {
    expect(
      briefs(
        "Orvalis a franchi mardi le milliard de dollars de valorisation après son dernier tour de table.",
      ),
    ).toEqual(["valuation_post Orvalis <- - more_than 1000000000 USD"]);
    expect(
      briefs(
        "Payflow annonce que sa valorisation dépassait le milliard d'euros après une levée de 90 millions d'euros.",
      ),
    ).toEqual([
      "valuation_post Payflow <- - more_than 1000000000 EUR",
      "round_size Payflow <- - exact 90000000 EUR",
    ]);
  });

  it("ING-AMT-11: 'Rs 250 crore ($30 million)': one claim in rupees", () => {
    expect(
      briefs("Food delivery startup Zaika raised Rs 250 crore ($30 million) from Harbor Capital."),
    ).toEqual(["round_size Zaika <- - exact 2500000000 INR", "investment Zaika <- Harbor Capital -"]);
  });
});

describe("ING-STAT-11/12/13 and ING-TEMP-5 statuses of real reports", () => {
  it("ING-STAT-11: a raise announced is closed; ING-TEMP-5: 'announced that it had raised' is current", () => {
    expect(withStatus("Last week, Volterra announced that it had raised a $60 million Series C.")).toEqual([
      "round_size Volterra <- - exact 60000000 USD closed current",
    ]);
    expect(withStatus("Ondine a annoncé une levée de 5 millions d'euros.")).toEqual([
      "round_size Ondine <- - exact 5000000 EUR closed current",
    ]);
  });

  it("ING-STAT-12: 'reportedly raised' is closed", () => {
    expect(withStatus("Nexora Labs reportedly raised $30 million last month.")).toEqual([
      "round_size Nexora Labs <- - exact 30000000 USD closed current",
    ]);
  });

  it("ING-STAT-13: the journalistic conditional with no deal stated is in talks", () => {
    expect(withStatus("Le fonds Gallia s'apprêterait à investir 20 millions d'euros dans Ondine.")).toEqual([
      "investment Ondine <- Gallia exact 20000000 EUR in_talks current",
    ]);
  });
});

describe("ING-AMT-12 figures given respectively; ING-AMT-7 across sentences", () => {
  it("the n-th figure is the n-th company's", () => {
    expect(
      briefs("Lydia Pay et Qonto Bank viennent de lever respectivement 40 et 104 millions d'euros."),
    ).toEqual([
      "round_size Lydia Pay <- - exact 40000000 EUR",
      "round_size Qonto Bank <- - exact 104000000 EUR",
    ]);
    expect(briefs("Alpha Labs and Beta Robotics raised $20 million and $35 million respectively.")).toEqual([
      "round_size Alpha Labs <- - exact 20000000 USD",
      "round_size Beta Robotics <- - exact 35000000 USD",
    ]);
  });

  it("a headline giving the converted figure is the body's claim, in the first currency written", () => {
    expect(
      briefs(
        "Velia raises $20.4M to expand its lending platform\n\nVelia, a Pune-based startup, has raised 1,450 million Indian rupees ($20.4 million) in a new financing round.",
      ),
    ).toEqual(["round_size Velia <- - exact 1450000000 INR"]);
  });
});

describe("ING-KIND-3h/2f the price of a raise; raises in the plural", () => {
  it("'raised … at $3 billion' is a valuation", () => {
    expect(briefs("Tessera Labs said it had raised $400 million at $3 billion.")).toEqual([
      "round_size Tessera Labs <- - exact 400000000 USD",
      "valuation_post Tessera Labs <- - exact 3000000000 USD",
    ]);
  });

  it("the total of the week's raises is no claim", () => {
    expect(
      briefs("Le montant total des levées de fonds de la semaine dépasse les 120 millions d'euros."),
    ).toEqual([]);
  });
});

describe("ING-KIND-5i/ING-STAT-14 a round in talks is a target; a raise told as done is closed", () => {
  it("ING-KIND-5i: a round whose deal is being negotiated", () => {
    const out = claims("Orvane Systems is negotiating a $30 million round with several investors.");
    expect(out.map((c) => `${brief(c)} ${c.status}`)).toEqual([
      "round_target Orvane Systems <- - exact 30000000 USD in_talks",
    ]);
    expect(out[0]!.rules).toContain("ING-KIND-5i");
    expect(
      briefs(
        "D'après Reuters, Norvane prévoit d'investir 30 millions d'euros dans Ysel, dans un tour de financement de 45 millions d'euros.",
      ),
    ).toEqual(["investment Ysel <- Norvane exact 30000000 EUR", "round_target Ysel <- - exact 45000000 EUR"]);
  });

  it("ING-STAT-14: 'after raising' is done, whatever the use of proceeds plans", () => {
    expect(
      withStatus(
        "Quintal Bio has emerged from stealth after raising a $60 million series A, with which it plans to build three new labs.",
      ),
    ).toEqual(["round_size Quintal Bio <- - exact 60000000 USD closed current"]);
  });
});

describe("ING-AMT-8, ING-KIND-2e/2f/2g/2k more figures read or left out", () => {
  it("ING-AMT-8: 'cent millions de dollars'", () => {
    expect(
      briefs("La start-up Velbio prépare une levée de fonds de plus de cent millions de dollars."),
    ).toEqual(["round_target Velbio <- - more_than 100000000 USD"]);
  });

  it("ING-KIND-2k: a round right after the figure outweighs an acquisition named before", () => {
    expect(
      briefs(
        "A year after Orlix's acquisition of the unit, its successor Brevia Therapeutics is launching with $50 million in series A financing.",
      ),
    ).toEqual(["round_size Brevia Therapeutics <- - exact 50000000 USD"]);
  });

  it("ING-KIND-2f/2g: market totals in the past with a source between, money spread over startups", () => {
    expect(
      briefs(
        "Les start-up françaises à vocation industrielle ont levé, selon la banque publique, 2,1 milliards d'euros en 2024.",
      ),
    ).toEqual([]);
    expect(
      briefs("Huit jeunes pousses, soit la moitié des opérations, ont levé entre 1 et 3 millions d'euros."),
    ).toEqual([]);
    expect(briefs("Plus de six millions d'euros rassemblés pour des startups bretonnes.")).toEqual([]);
  });

  it("ING-KIND-2e: grants are no round", () => {
    expect(
      briefs(
        "Kelvo, qui avait déjà obtenu 80 millions de dollars lors d'une précédente levée et 12 millions de dollars de subventions, a levé 50 millions de dollars.",
      ),
    ).toEqual(["round_size Kelvo <- - exact 80000000 USD", "round_size Kelvo <- - exact 50000000 USD"]);
  });
});

describe("ING-TEMP-6/7 what does not make a claim background", () => {
  it("ING-TEMP-6: a founding year dates no deal", () => {
    expect(withStatus("Founded in 2015, Kestra Labs has closed a $12 million Series A.")).toEqual([
      "round_size Kestra Labs <- - exact 12000000 USD closed current",
    ]);
    expect(
      withStatus(
        "La start-up Velbio, fondée en 2019, vient de boucler un tour de table de 20 millions d'euros.",
      ),
    ).toEqual(["round_size Velbio <- - exact 20000000 EUR closed current"]);
  });

  it("ING-TEMP-7: existing investors who take part are in the current deal", () => {
    expect(
      withStatus(
        "La start-up Velbio a levé 20 millions d'euros. Plusieurs investisseurs historiques ont participé au tour de table, dont Norvane Capital et Ysel Partners.",
      ),
    ).toEqual([
      "round_size Velbio <- - exact 20000000 EUR closed current",
      "investment Velbio <- Norvane Capital - closed current",
      "investment Velbio <- Ysel Partners - closed current",
    ]);
  });
});

describe("ING-KIND-3i the valuation of a class of companies", () => {
  it("a definition or a statistic names no company's valuation", () => {
    expect(
      briefs(
        "Une licorne désigne une entreprise non cotée dont la valorisation atteint au moins un milliard de dollars.",
      ),
    ).toEqual([]);
    expect(briefs("Tiger Global has pushed the valuation of these startups beyond $1 billion.")).toEqual([]);
  });

  it("a company's own valuation after a sentence about its investors stays", () => {
    expect(
      briefs(
        "Korvel Robotics raised $50 million. All those firms invested in the company's Series A last year that valued the company at $500 million.",
      ),
    ).toEqual([
      "round_size Korvel Robotics <- - exact 50000000 USD",
      "valuation_post Korvel Robotics <- - exact 500000000 USD",
    ]);
  });
});

describe("ING-QUAL-1 'estimé à'", () => {
  it("'estimé(e) à' is an estimate: about; the valuation word inside the hedge still counts", () => {
    expect(briefs("La start-up Velbio est estimée à 300 millions d'euros.")).toEqual([
      "valuation_post Velbio <- - about 300000000 EUR",
    ]);
    expect(
      briefs(
        "Norvane investirait 10 millions d'euros dans Velbio, dans un tour de table estimé à 25 millions d'euros.",
      ),
    ).toContain("round_target Velbio <- - about 25000000 EUR");
  });
});

describe("ING-TEMP-8 a valuation told with its round takes the round's time", () => {
  it("'completed a round of $216m, $4bn valuation' in 2012: both background", () => {
    expect(
      withStatus("In 2012, Harlow Labs completed a round of $216 million, $4 billion valuation."),
    ).toEqual([
      "round_size Harlow Labs <- - exact 216000000 USD closed background",
      "valuation_post Harlow Labs <- - exact 4000000000 USD closed background",
    ]);
  });
});

describe("ING-TEMP-9 a round some time before the reported one; a threshold passed is done", () => {
  it("'un an et demi après un tour de table de 125 M$': the earlier round is background", () => {
    expect(
      withStatus(
        "Un an et demi après un tour de table de 125 millions de dollars, la start-up Velbio a réalisé une nouvelle levée de fonds de 200 millions de dollars.",
      ),
    ).toEqual([
      "round_size Velbio <- - exact 125000000 USD closed background",
      "round_size Velbio <- - exact 200000000 USD closed current",
    ]);
  });

  it("'ont passé le milliard de valorisation' is closed", () => {
    expect(
      claims(
        "Orvalis prépare une levée. D'autres fintechs françaises ont passé le milliard de valorisation ces derniers mois.",
      ).map((c) => `${c.kind} ${c.status}`),
    ).toEqual(["valuation_post closed"]);
  });
});

describe("ING-STAT-15 a commitment told, a raise signed, a round being finalised", () => {
  it("the conditional of reported speech is agreed", () => {
    expect(
      withStatus("Le conglomérat Norvane a déclaré qu'il apporterait 10 millions d'euros à Velbio en avril."),
    ).toEqual(["investment Velbio <- Norvane exact 10000000 EUR agreed current"]);
  });

  it("'avait signé une levée' is closed; 'is finalizing a round' is in talks", () => {
    expect(withStatus("Velbio avait signé une levée de fonds de 12 millions d'euros en 2021.")).toEqual([
      "round_size Velbio <- - exact 12000000 EUR closed background",
    ]);
    expect(
      withStatus("Corvane Labs is finalizing a funding round that would value it at $10 billion."),
    ).toEqual(["valuation_post Corvane Labs <- - exact 10000000000 USD in_talks current"]);
  });
});

describe("ING-STAT-16 an investment under way", () => {
  it("is agreed, or in talks with the deal", () => {
    expect(
      withStatus(
        "Oakmoor Ventures has led a round in Tamsel Labs. Oakmoor Ventures is now injecting about $5 million in Tamsel Labs.",
      ),
    ).toEqual(["investment Tamsel Labs <- Oakmoor Ventures about 5000000 USD agreed current"]);
    expect(
      withStatus(
        "Tamsel Labs is in talks to raise $50 million. Oakmoor Ventures is investing as much as $10 million.",
      ),
    ).toEqual([
      "round_target Tamsel Labs <- - exact 50000000 USD in_talks current",
      "investment Tamsel Labs <- Oakmoor Ventures up_to 10000000 USD in_talks current",
    ]);
  });
});

describe("ING-TEMP-10/8 a decimal comma ends no clause; a valuation obtained in an earlier round", () => {
  it("'qui s'élevait à 2,4 milliards d'euros l'année dernière' is background", () => {
    expect(
      withStatus(
        "Le tour de table fait plus que doubler la valorisation de Velbio, qui s'élevait à 2,4 milliards d'euros l'année dernière.",
      ),
    ).toEqual(["valuation_post Velbio <- - exact 2400000000 EUR closed background"]);
  });

  it("'la valorisation de 2,4 Md€ obtenue lors d'un tour de table de 300 M€ l'année dernière': both background", () => {
    const out = claims(
      "Le tour de table double la valorisation de 2,4 milliards d'euros obtenue par Velbio lors d'un tour de table de 300 millions d'euros l'année dernière.",
    );
    expect(out.map((c) => `${c.kind} ${c.temporal}`)).toEqual([
      "valuation_post background",
      "round_size background",
    ]);
    expect(out[0]!.rules).toContain("ING-TEMP-8");
  });
});

describe("ING-TEMP-11 a relative clause dated by its noun", () => {
  it("'its last funding round, which was valued at $15 billion' is background", () => {
    expect(
      withStatus(
        "Corvane Labs is in talks to raise money at a valuation above $20 billion, a 30% increase from its last funding round, which was valued at $15 billion.",
      ),
    ).toEqual([
      "valuation_post Corvane Labs <- - more_than 20000000000 USD in_talks current",
      "valuation_post Corvane Labs <- - exact 15000000000 USD closed background",
    ]);
  });
});
