/**
 * Participants and backers of real reports, second pass (issue 18, development batch 5;
 * docs/spec/ingest.md ING-PART-9..13, ING-STAKE-7, ING-ENT-17). The sentences are written
 * for these tests in the manner of press reports, with fictional companies; none is copied
 * from a report.
 */
import { describe, expect, it } from "vitest";
import { brief, briefs, claims, entityNames } from "../../support/ingest-text.js";

describe("ING-PART-9 descriptors before investors' names", () => {
  it("a descriptor before each member of a list, and a place-like name before its fund", () => {
    expect(
      briefs(
        "Corvina is seeking to close a new round of $300 million from existing investors including Oslo sovereign wealth fund Nordvik, venture capital group Pellston Partners and private equity group Harwick Atlantic.",
      ),
    ).toEqual([
      "round_target Corvina <- - exact 300000000 USD",
      "investment Corvina <- Nordvik -",
      "investment Corvina <- Pellston Partners -",
      "investment Corvina <- Harwick Atlantic -",
    ]);
  });

  it("an owner before its fund, an initial, 'also included investments by'", () => {
    const out = claims(
      "Tessel Robotics has raised $40 million in a Series B round led by Quillon Ventures. Brisk Ventures and Halvard's Ember Capital were among the existing investors participating in the round, which also included investments by Marlow Capital, J. Ranford Price and grocery chain Bellmart.",
    );
    expect(out.map(brief)).toEqual([
      "round_size Tessel Robotics <- - exact 40000000 USD",
      "investment Tessel Robotics <- Quillon Ventures -",
      "investment Tessel Robotics <- Marlow Capital -",
      "investment Tessel Robotics <- J. Ranford Price -",
      "investment Tessel Robotics <- Bellmart -",
      "investment Tessel Robotics <- Brisk Ventures -",
      "investment Tessel Robotics <- Ember Capital -",
    ]);
    expect(out.slice(1).every((c) => c.status === "closed" && c.temporal === "current")).toBe(true);
  });

  it("'which also featured' a list whose members all carry a descriptor", () => {
    expect(
      briefs(
        "Brisa Labs has raised $25 million in its Series B round, which also featured trading house Okamura, carmaker Velden Motors and private equity firm Greyrock, all of which took part as existing backers.",
      ),
    ).toEqual([
      "round_size Brisa Labs <- - exact 25000000 USD",
      "investment Brisa Labs <- Okamura -",
      "investment Brisa Labs <- Velden Motors -",
      "investment Brisa Labs <- Greyrock -",
    ]);
  });

  it("ING-ENT-17: a hard-wrapped report breaks lines inside a sentence and a name", () => {
    expect(
      briefs(
        "Corvina is in talks to raise up to $300 million, the paper\nreported. The retailer is seeking to close the round from\nexisting investors including venture capital group Pellston\nCapital and private equity group Harwick Atlantic, the\nreport added.",
      ),
    ).toEqual([
      "round_target Corvina <- - up_to 300000000 USD",
      "investment Corvina <- Pellston Capital -",
      "investment Corvina <- Harwick Atlantic -",
    ]);
  });

  it("a verb after a member's comma ends the list ('which includes X, allows Y to expand')", () => {
    expect(
      briefs(
        "Tessel Labs has raised $40 million. The Series B round, which includes venture capital firm Harwick Partners, allows Tessel Labs to expand.",
      ),
    ).toEqual([
      "round_size Tessel Labs <- - exact 40000000 USD",
      "investment Tessel Labs <- Harwick Partners -",
    ]);
  });

  it("ING-ENT-17: 'Plus' ends an English name; an apposition ends the list", () => {
    expect(
      briefs(
        "Stratos raised $60 million in a round led by strategic partner and licensee Vantor Plus, a Korean battery group.",
      ),
    ).toEqual(["round_size Stratos <- - exact 60000000 USD", "investment Stratos <- Vantor Plus -"]);
  });

  it("ING-ENT-17: a person after a company and a role ('former Lumio CEO Dana Whitlock') invests", () => {
    expect(
      briefs(
        "Orbel has raised $50 million in a round led by Tallis Capital. This follows a previous $20 million round from backers including Ferrow Capital and former Lumio CEO Dana Whitlock.",
      ),
    ).toContain("investment Orbel <- Dana Whitlock -");
  });

  it("ING-ENT-17: 'Nvidia CEO Jensen Huang' names the company and the person", () => {
    expect(entityNames("Orvane CEO Dana Whitlock said the company will invest.")).toEqual([
      "Orvane",
      "Dana Whitlock",
    ]);
  });

  it("the whole list leading a round ('Harlow and Fenwick are leading')", () => {
    expect(
      briefs("This week Harlow and Fenwick Motors are leading a $50 million funding round in Quanta Cells."),
    ).toEqual([
      "round_size Quanta Cells <- - exact 50000000 USD",
      "investment Quanta Cells <- Harlow -",
      "investment Quanta Cells <- Fenwick Motors -",
    ]);
  });

  it("ING-PART-9 in French: a description in front of a listed name, 'rejoignent …, notamment'", () => {
    expect(
      briefs(
        "Mardi, Alvena et Technor ont signé un accord préliminaire en vue d'investir dans Zephyr Europe. D'autres investisseurs rejoignent les deux groupes, notamment le pétrolier norvégien Skarn et la société de gestion italienne Fiora.",
      ),
    ).toEqual([
      "investment Zephyr Europe <- Alvena -",
      "investment Zephyr Europe <- Technor -",
      "investment Zephyr Europe <- Skarn -",
      "investment Zephyr Europe <- Fiora -",
    ]);
  });

  it("ING-PART-9: a founder in apposition inside a list is skipped, the list goes on", () => {
    expect(
      briefs(
        "Ondine a levé 20 millions d'euros auprès d'investisseurs. Ondine compte parmi ses investisseurs Ferrand Capital, fondé par l'entrepreneur Luc Ferrand, Orsay Capital et Quinta Ventures.",
      ),
    ).toEqual([
      "round_size Ondine <- - exact 20000000 EUR",
      "existing_stake Ondine <- Ferrand Capital -",
      "existing_stake Ondine <- Orsay Capital -",
      "existing_stake Ondine <- Quinta Ventures -",
    ]);
  });

  it("a co-shareholding in another company is no participation", () => {
    expect(
      briefs(
        "Ondine a levé 20 millions d'euros. La holding est aussi co-actionnaire de Tamaris aux côtés de Verlen.",
      ),
    ).toEqual(["round_size Ondine <- - exact 20000000 EUR"]);
  });
});

describe("ING-PART-1 cues of real reports, and ING-PART-13", () => {
  it("'Parmi les investisseurs de ce nouveau tour de table, on retrouve' a list", () => {
    expect(
      briefs(
        "Neuralis a levé 45 millions d'euros. Parmi les investisseurs de ce nouveau tour de table, on retrouve Orsay Capital, Lemaire Partners et Quinta Ventures.",
      ),
    ).toEqual([
      "round_size Neuralis <- - exact 45000000 EUR",
      "investment Neuralis <- Orsay Capital -",
      "investment Neuralis <- Lemaire Partners -",
      "investment Neuralis <- Quinta Ventures -",
    ]);
  });

  it("'tels que', and historical investors alongside whom the new ones take part are current (ING-PART-13)", () => {
    const out = claims(
      "Ondine a levé 20 millions d'euros. Aux côtés de ses investisseurs historiques que sont Orsay Capital et Bpifrance, de nouveaux entrants tels que Kerala Fund ont participé.",
    );
    expect(out.map(brief)).toEqual([
      "round_size Ondine <- - exact 20000000 EUR",
      "investment Ondine <- Orsay Capital -",
      "investment Ondine <- Bpifrance -",
      "investment Ondine <- Kerala Fund -",
    ]);
    expect(out.every((c) => c.temporal === "current")).toBe(true);
  });

  it("a lender inside a round: 'dont un prêt de', 'including a loan from'", () => {
    expect(briefs("Brisa a levé 8 millions d'euros, dont un prêt de Bpifrance.")).toEqual([
      "round_size Brisa <- - exact 8000000 EUR",
      "investment Brisa <- Bpifrance -",
    ]);
    expect(briefs("Tamsel Bio raised $12 million in a round, including a loan from Norvane Bank.")).toEqual([
      "round_size Tamsel Bio <- - exact 12000000 USD",
      "investment Tamsel Bio <- Norvane Bank -",
    ]);
  });

  it("'longtime shareholders' giving money", () => {
    expect(
      briefs(
        "Kestrel Labs is seeking to raise $200 million. The company got a lifeline in March from longtime shareholders Ron Adler and Mira Castell.",
      ),
    ).toEqual([
      "round_target Kestrel Labs <- - exact 200000000 USD",
      "investment Kestrel Labs <- Ron Adler -",
      "investment Kestrel Labs <- Mira Castell -",
    ]);
  });

  it("'has joined as a new strategic investor', 'joined a … round'", () => {
    expect(briefs("Selene raised $30m. Meridian Corp has joined as a new strategic investor.")).toEqual([
      "round_size Selene <- - exact 30000000 USD",
      "investment Selene <- Meridian -",
    ]);
  });
});

describe("ING-PART-1, ING-PART-2 more participation phrases", () => {
  it("'also invested', 'also chipped in', 'also joined the round', 'saw participation from'", () => {
    for (const tail of [
      "Marlow Capital and Brisk Ventures also invested.",
      "Marlow Capital and Brisk Ventures also chipped in.",
      "Marlow Capital and Brisk Ventures also joined the round.",
      "The round saw participation from Marlow Capital and Brisk Ventures.",
    ]) {
      expect(briefs(`Tessel Labs has raised $40 million. ${tail}`)).toEqual([
        "round_size Tessel Labs <- - exact 40000000 USD",
        "investment Tessel Labs <- Marlow Capital -",
        "investment Tessel Labs <- Brisk Ventures -",
      ]);
    }
  });

  it("'remettent au pot', 'réinvestissent', 'l'opération a réuni'", () => {
    for (const tail of [
      "Ses investisseurs historiques Calypso Invest et Vertumne remettent au pot.",
      "Calypso Invest et Vertumne réinvestissent également.",
      "L'opération a réuni Calypso Invest et Vertumne.",
    ]) {
      expect(briefs(`Orlane lève 5 millions d'euros. ${tail}`)).toEqual([
        "round_size Orlane <- - exact 5000000 EUR",
        "investment Orlane <- Calypso Invest -",
        "investment Orlane <- Vertumne -",
      ]);
    }
  });

  it("'The round included A and B', 'A joins existing backers B and C'", () => {
    expect(
      briefs("Tessel Labs has raised $40 million. The round included Quillon and Harwick Partners."),
    ).toEqual([
      "round_size Tessel Labs <- - exact 40000000 USD",
      "investment Tessel Labs <- Quillon -",
      "investment Tessel Labs <- Harwick Partners -",
    ]);
    expect(
      briefs(
        "Tessel Labs has raised $40 million from Marlow Capital. Harwick Partners joins existing backers Quillon and Ostrava Fund.",
      ),
    ).toEqual([
      "round_size Tessel Labs <- - exact 40000000 USD",
      "investment Tessel Labs <- Marlow Capital -",
      "investment Tessel Labs <- Quillon -",
      "investment Tessel Labs <- Ostrava Fund -",
      "investment Tessel Labs <- Harwick Partners -",
    ]);
  });

  it("'avec le concours de', 'fait entrer à son capital', 'entre au capital de'", () => {
    expect(
      briefs("Orlane a levé 12 millions d'euros avec le concours de Calypso Invest et de Bpifrance."),
    ).toEqual([
      "round_size Orlane <- - exact 12000000 EUR",
      "investment Orlane <- Calypso Invest -",
      "investment Orlane <- Bpifrance -",
    ]);
    expect(
      briefs(
        "Orlane a levé 12 millions d'euros et fait entrer à son capital Calypso Invest et Norvane Capital.",
      ),
    ).toEqual([
      "round_size Orlane <- - exact 12000000 EUR",
      "investment Orlane <- Calypso Invest -",
      "investment Orlane <- Norvane Capital -",
    ]);
    expect(briefs("Le fonds Calypso Invest entre au capital d'Orlane.")).toEqual([
      "investment Orlane <- Calypso Invest -",
    ]);
  });

  it("a round 'backed by' investors: participants, not earlier backers; 'also backed the round'", () => {
    for (const text of [
      "Tessel Labs has raised $40 million. The round was backed by Brisk Ventures and Harwick Partners.",
      "Tessel Labs has raised $40 million in a round backed by Brisk Ventures and Harwick Partners.",
      "Tessel Labs has raised $40 million. Brisk Ventures and Harwick Partners also backed the round.",
    ]) {
      expect(briefs(text)).toEqual([
        "round_size Tessel Labs <- - exact 40000000 USD",
        "investment Tessel Labs <- Brisk Ventures -",
        "investment Tessel Labs <- Harwick Partners -",
      ]);
    }
    // The company "backed by" an investor keeps its existing backer (ING-STAKE-3).
    expect(briefs("Tessel Labs, backed by Brisk Ventures, has raised $40 million.")).toEqual([
      "round_size Tessel Labs <- - exact 40000000 USD",
      "existing_stake Tessel Labs <- Brisk Ventures -",
    ]);
  });

  it("'ont également souscrit à l'augmentation de capital'", () => {
    expect(
      briefs(
        "Orlane a levé 12 millions d'euros. Calypso Invest et Vertumne ont également souscrit à l'augmentation de capital.",
      ),
    ).toEqual([
      "round_size Orlane <- - exact 12000000 EUR",
      "investment Orlane <- Calypso Invest -",
      "investment Orlane <- Vertumne -",
    ]);
  });

  it("a round raised 'auprès de ses investisseurs historiques A et B': current, A and B take part", () => {
    const out = claims(
      "Orlane lève 5 millions d'euros auprès de ses investisseurs historiques Calypso Invest et Vertumne.",
    );
    expect(out.map(brief)).toEqual([
      "round_size Orlane <- - exact 5000000 EUR",
      "investment Orlane <- Calypso Invest -",
      "investment Orlane <- Vertumne -",
    ]);
    expect(out.every((c) => c.temporal === "current")).toBe(true);
  });
});

describe("ING-STAKE-7 a company's investors listed as such", () => {
  it("'Among X's investors are … including' a list: existing stakes", () => {
    const out = claims(
      "Among Kestrel's strategic investors are a number of Japanese groups, including the electronics maker Hoshida, the chemicals company Tamura Kasei and the trading house Ogawa.",
    );
    expect(out.map(brief)).toEqual([
      "existing_stake Kestrel <- Hoshida -",
      "existing_stake Kestrel <- Tamura Kasei -",
      "existing_stake Kestrel <- Ogawa -",
    ]);
    expect(out.every((c) => c.temporal === "background")).toBe(true);
  });

  it("'which counts A and B among its investors', 'qui compte déjà A parmi ses actionnaires', 'A-backed X'", () => {
    expect(
      briefs(
        "Tessel Labs, which counts Harwick and Brisk Ventures among its investors, has raised $40 million.",
      ),
    ).toEqual([
      "round_size Tessel Labs <- - exact 40000000 USD",
      "existing_stake Tessel Labs <- Harwick -",
      "existing_stake Tessel Labs <- Brisk Ventures -",
    ]);
    expect(
      briefs(
        "Orlane a levé 12 millions d'euros. La start-up, qui compte déjà Calypso Invest parmi ses actionnaires, prévoit de recruter.",
      ),
    ).toEqual(["round_size Orlane <- - exact 12000000 EUR", "existing_stake Orlane <- Calypso Invest -"]);
    expect(
      briefs("Tessel Labs raised $40 million. Last year Harwick-backed Orvane raised $10 million."),
    ).toContain("existing_stake Orvane <- Harwick -");
  });

  it("'investors in the startup include' are its backers; 'investors in the round include' take part", () => {
    expect(
      briefs("Tessel Labs raised $40 million. Investors in the startup include Harwick and Brisk Ventures."),
    ).toEqual([
      "round_size Tessel Labs <- - exact 40000000 USD",
      "existing_stake Tessel Labs <- Harwick -",
      "existing_stake Tessel Labs <- Brisk Ventures -",
    ]);
    expect(
      briefs("Tessel Labs raised $40 million. Investors in the round include Harwick and Brisk Ventures."),
    ).toEqual([
      "round_size Tessel Labs <- - exact 40000000 USD",
      "investment Tessel Labs <- Harwick -",
      "investment Tessel Labs <- Brisk Ventures -",
    ]);
  });

  it("a fund's own backers are no stake in the company ('a fund … that counts X among its investors')", () => {
    expect(
      briefs(
        "Tessel Labs raised $10 million in a round led by Orin Ventures, a fund managed by Harwick Partners that counts Brisk Foods among its investors.",
      ),
    ).toEqual([
      "round_size Tessel Labs <- - exact 10000000 USD",
      "investment Tessel Labs <- Orin Ventures -",
    ]);
  });

  it("'compte parmi ses investisseurs' a list: existing stakes of the subject", () => {
    expect(
      briefs(
        "Verdane, dirigée par Paul Marchal, compte parmi ses investisseurs Ardenne Capital, Solvay Ventures et Moreau Invest.",
      ),
    ).toEqual([
      "existing_stake Verdane <- Ardenne Capital -",
      "existing_stake Verdane <- Solvay Ventures -",
      "existing_stake Verdane <- Moreau Invest -",
    ]);
  });
});

describe("no list of investors", () => {
  it("a clause before the first name: 'its investors are betting that X', 'by selling shares to X'", () => {
    expect(
      briefs("Tessel Labs raised $40 million. Its investors are betting that Harwick will buy the company."),
    ).toEqual(["round_size Tessel Labs <- - exact 40000000 USD"]);
    expect(briefs("Tessel Labs raised $5 million by selling shares to Harwick.")).toEqual([
      "round_size Tessel Labs <- - exact 5000000 USD",
    ]);
  });
});

describe("ING-STAKE-8 a stake taken", () => {
  it("'invested $400m in X and took a 10% stake': the stake, background", () => {
    const out = claims(
      "Tessel Labs raised $40m. In 2021 Harwick Capital invested $400 million in Tessel Labs and took a 10% stake.",
    );
    expect(out.map(brief)).toContain("existing_stake Tessel Labs <- Harwick Capital -");
    expect(out.find((c) => c.kind === "existing_stake")!.temporal).toBe("background");
    expect(out.find((c) => c.kind === "existing_stake")!.rules).toContain("ING-STAKE-1");
  });

  it("'ce dernier prend 49 % du capital': the latter, the investor just named", () => {
    expect(
      briefs(
        "Orlane a levé 80 millions d'euros auprès du fonds Calypso Invest. Avec cette opération, ce dernier prend 49 % du capital de l'entreprise.",
      ),
    ).toEqual([
      "round_size Orlane <- - exact 80000000 EUR",
      "investment Orlane <- Calypso Invest -",
      "existing_stake Orlane <- Calypso Invest -",
    ]);
  });
});

describe("ING-PART-10 an investment verb without a figure", () => {
  it("'when Calder Group Inc. invested in it': background, the legal form and 'Group' dropped", () => {
    const out = claims(
      "Valtis is seeking to raise $500 million. Its valuation is expected to be far lower than in 2019 when Calder Group Inc. invested in it.",
    );
    expect(out.map(brief)).toEqual([
      "round_target Valtis <- - exact 500000000 USD",
      "investment Valtis <- Calder -",
    ]);
    expect(out[1]!.temporal).toBe("background");
    expect(out[1]!.rules).toContain("ING-PART-10");
  });

  it("'was a surprise investor in X during a … round': an investment in the round", () => {
    expect(
      briefs(
        "Ravel was a surprise investor in delivery platform Kubo during a recent $300 million Series C round led by Arden Growth.",
      ),
    ).toEqual([
      "round_size Kubo <- - exact 300000000 USD",
      "investment Kubo <- Arden Growth -",
      "investment Kubo <- Ravel -",
    ]);
  });

  it("'X is also said to be discussing a potential investment': in the round reported, rumoured", () => {
    const out = claims(
      "Kubo is close to raising $200 million from Arden Growth. Nordic fund Halvik is also said to be discussing a potential investment.",
    );
    expect(out.map(brief)).toEqual([
      "round_target Kubo <- - exact 200000000 USD",
      "investment Kubo <- Arden Growth -",
      "investment Kubo <- Halvik -",
    ]);
    expect(out[2]!.status).toBe("rumored");
  });

  it("an investor's portfolio in a relative clause makes no claim", () => {
    expect(
      briefs(
        "Tessel Labs has raised $40 million in a round led by Harwick, which has invested in Stripe and Airbnb.",
      ),
    ).toEqual(["round_size Tessel Labs <- - exact 40000000 USD", "investment Tessel Labs <- Harwick -"]);
    expect(
      briefs(
        "Tessel Labs lève 5 millions d'euros auprès de Vertumne, qui a déjà investi dans Alan et Qonto.",
      ),
    ).toEqual(["round_size Tessel Labs <- - exact 5000000 EUR", "investment Tessel Labs <- Vertumne -"]);
  });

  it("a negated investment verb makes no claim", () => {
    expect(briefs("Tamsel raised $6bn. Norvik hadn't invested in Tamsel before.")).toEqual([
      "round_size Tamsel <- - exact 6000000000 USD",
    ]);
  });
});

describe("ING-PART-11, ING-PART-12 tickets and participants around a figure", () => {
  it("money received from an investor is its ticket (English, with a descriptor)", () => {
    const out = claims(
      "Lumen3 has received $12m from household appliance maker Brantley in a deal that will bring its cells to Brantley's products.",
    );
    expect(out.map(brief)).toEqual(["investment Lumen3 <- Brantley exact 12000000 USD"]);
  });

  it("money received from an investor is its ticket (French, 'vient de recevoir … de')", () => {
    const out = claims("Océa vient de recevoir 3 millions d'euros de Verdaline.");
    expect(out.map(brief)).toEqual(["investment Océa <- Verdaline exact 3000000 EUR"]);
    expect(out[0]!.rules).toContain("ING-PART-11");
  });

  it("'a round in which A invested $2m and B $1m': two tickets, the second elliptical", () => {
    expect(
      briefs(
        "Lumen3 has raised $40m to date, including $9m in a 2014 Series A round in which Holt Industries invested $2m and Marden $1m.",
      ),
    ).toEqual(
      expect.arrayContaining([
        "investment Lumen3 <- Holt Industries exact 2000000 USD",
        "investment Lumen3 <- Marden exact 1000000 USD",
      ]),
    );
  });

  it("ING-ENT-17: an acronym of a name seen before is that investor ('GM' after 'General Motors')", () => {
    expect(
      briefs(
        "Lumen3 raised $20m in a round with carmaker Gerald Motors. Lumen3 has raised $40m to date, including $9m in a 2014 round in which GM invested $2m.",
      ),
    ).toContain("investment Lumen3 <- Gerald Motors exact 2000000 USD");
  });

  it("'a seed round of $3 million by A and B'", () => {
    expect(briefs("Grainly raised a seed round of $3 million by Northway Partners and Cobalt Seed.")).toEqual(
      [
        "round_size Grainly <- - exact 3000000 USD",
        "investment Grainly <- Northway Partners -",
        "investment Grainly <- Cobalt Seed -",
      ],
    );
  });

  it("'X's investment in Y's Series C round' without a figure", () => {
    expect(
      briefs(
        "Kubo raised $300 million. Separately, Ravel's investment in Kubo's Series C round was confirmed.",
      ),
    ).toEqual(["round_size Kubo <- - exact 300000000 USD", "investment Kubo <- Ravel -"]);
  });
});
