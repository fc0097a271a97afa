/**
 * The company raising money, identified robustly (issue 18; docs/spec/ingest.md
 * ING-TOPIC, ING-ENT-7/8/9). The sentences are written for these tests in the manner of
 * press reports, with fictional companies and people; none is copied from a report.
 */
import { describe, expect, it } from "vitest";
import { brief, briefs, claims, subjects } from "../../support/ingest-text.js";

describe("ING-TOPIC-1 the company the report is about", () => {
  it("an investor named first ('Fund to invest $Xm in Company') is not the company", () => {
    expect(
      subjects(
        "Corvane Capital to invest about $8m in Lumio's Series C round. The startup is allotting new preference shares to the fund, which values it at $90 million.",
      ),
    ).toEqual(["Lumio"]);
  });

  it("an earlier investment by the investor ('X avait investi … dans Y') makes Y the company, not X", () => {
    const out = claims(
      "Le fonds japonais a promis de réunir jusqu'à 12 milliards de dollars pour la start-up. Norikawa avait investi 2 milliards de dollars dans Veltra en 2024. La nouvelle opération valoriserait Veltra à 90 milliards de dollars.",
    );
    expect(out.map((c) => c.subject).every((s) => s === "Veltra")).toBe(true);
  });

  it("the object of 'auprès de' in a fronted phrase is the investor; the main clause's subject is the company", () => {
    expect(
      briefs(
        "Avec un tour de table de 4 millions d'euros bouclé auprès de Solvane Investissement, Brasme Énergies signe la plus grosse opération de la semaine.",
      )[0],
    ).toBe("round_size Brasme Énergies <- - exact 4000000 EUR");
  });

  it("a term in quotes is not the company ('le « Deep Sea »')", () => {
    expect(
      subjects(
        "Les jeunes pousses européennes veulent leur part du « Deep Sea ». C'est le pari de Nautile. La société a levé 6 millions d'euros auprès du fonds Abysse Partners.",
      ),
    ).toEqual(["Nautile"]);
  });

  it("a company that reports its own raise ('X revealed it raised') is the company, not a source", () => {
    expect(
      briefs("Data platform Quorix revealed it raised $45 million, putting its valuation at $600 million."),
    ).toEqual([
      "round_size Quorix <- - exact 45000000 USD",
      "valuation_post Quorix <- - exact 600000000 USD",
    ]);
  });
});

describe("ING-TOPIC-2 no person and no investor as the company", () => {
  it("a person named by surname after a full name with a role is a person, never the company", () => {
    const out = claims(
      'Orbitel said it raised $30 million. "They will need more," said Maren Holt, an analyst with Pellow Research. Holt noted that Sarnia, which recently completed a $90 million funding round, is bigger.',
    );
    expect(out.map((c) => c.subject)).not.toContain("Holt");
    expect(out.map((c) => c.subject)).not.toContain("Maren Holt");
  });

  it("'dirigé par' a person: the person is not the company", () => {
    const out = claims(
      "Le géant de l'IA dirigé par Paul Verlaine viserait une valorisation de 80 milliards de dollars, selon la presse. Quantix cherche à lever 10 milliards de dollars.",
    );
    expect(out.map((c) => c.subject)).not.toContain("Paul Verlaine");
  });
});

describe("ING-ENT-7, ING-ENT-8 names with glued descriptors and a leading 'The'", () => {
  it("ING-ENT-7: 'the New York-headquartered Corvane' is Corvane", () => {
    const out = claims(
      "Lumio raised $20 million from Corvane Capital. The New York-headquartered Corvane led the round.",
    );
    const names = out.flatMap((c) => (Array.isArray(c.counterparty) ? c.counterparty : [c.counterparty]));
    expect(names.some((n) => typeof n === "string" && /York/.test(n))).toBe(false);
  });

  it("ING-ENT-8: a capitalised 'The' inside a sentence belongs to the name", () => {
    expect(subjects("Corvane Capital will invest $5 million in The Rolling Pixel's new round.")).toEqual([
      "The Rolling Pixel",
    ]);
  });

  it("ING-ENT-8: a 'The' opening the sentence does not", () => {
    expect(subjects("The Rolling Pixel has raised $5 million from Corvane Capital.")).toEqual([
      "Rolling Pixel",
    ]);
  });
});

describe("subject of a verb after a closed relative clause", () => {
  it("'X, which counted A and B among its investors, raised $N': X raised it", () => {
    const out = claims(
      "The same month, the much-larger Halvio, which counted Borrow Capital and Gresham Ventures among its backers, raised $80 million in a Series B round.",
    );
    expect(out.find((c) => c.kind === "round_size")?.subject).toBe("Halvio");
  });
});

describe("ING-KIND-2b totals raised to date are not claims", () => {
  it("'having already raised', 'in N funding rounds', 'before this latest round', 'pour l'instant récolté'", () => {
    expect(
      briefs(
        "Veltra has closed a $40 million Series B. The company, having already raised about $25 million from angels, plans to hire. Veltra had raised $12 million before this latest round. It has raised $77 million in four funding rounds.",
      ),
    ).toEqual(["round_size Veltra <- - exact 40000000 USD"]);
    expect(
      briefs(
        "Orlane a levé 9 millions d'euros. La société a pour l'instant récolté 15 millions d'euros, selon Dealroom.",
      ),
    ).toEqual(["round_size Orlane <- - exact 9000000 EUR"]);
  });
});

describe("ING-PART-7, ING-ROLE-11 staff and managers are not investors", () => {
  it("'led by former X execs' names no investor", () => {
    expect(
      briefs(
        "Quorix raised $15 million from Halden Ventures. Quorix is led by former Brightmoor execs including its CEO.",
      ),
    ).toEqual(["round_size Quorix <- - exact 15000000 USD", "investment Quorix <- Halden Ventures -"]);
  });

  it("'X, led by CEO Jane Roe, will invest $N': X alone invests", () => {
    expect(
      briefs(
        "Quorix is raising $300 million. Halden, led by CEO Marta Solberg, will invest nearly $100 million.",
      ),
    ).toContain("investment Quorix <- Halden about 100000000 USD");
  });
});

describe("ING-ENT-10 stock tickers and '.com'", () => {
  it("'(NASDAQ: ABCD)' names nothing and its number is no figure; 'Shopwell.com' is Shopwell", () => {
    const out = briefs(
      "Corvane (NASDAQ: CRVN), Halden (NYSE: HLD) and Shopwell.com (NASDAQ: SHPW) are in talks to invest as much as $9 billion combined in Quorix. Norikawa Group (TYO: 9984) is in talks to invest up to $3 billion in Quorix.",
    );
    expect(out[0]).toBe("investment Quorix <- Corvane+Halden+Shopwell up_to 9000000000 USD");
    expect(out.join("\n")).not.toMatch(/CRVN|HLD|SHPW|TYO|9984/);
  });
});

describe("kinds: valuation far from its verb, a lead's ticket, a lead still to come", () => {
  it("ING-KIND-3c: 'un tour qui valoriserait le champion … et créateur de X à N' is a valuation", () => {
    expect(
      briefs(
        "Quorix est en pourparlers pour lever jusqu'à 4 milliards d'euros dans le cadre d'un tour de table qui valoriserait le champion français du logiciel d'entreprise (ERP) et éditeur de la suite Tessel à 34 milliards d'euros, selon la presse.",
      ),
    ).toEqual([
      "round_target Quorix <- - up_to 4000000000 EUR",
      "valuation_post Quorix <- - exact 34000000000 EUR",
    ]);
  });

  it("ING-KIND-4b: 'X would lead the round in Y with an investment of $N' is X's ticket", () => {
    expect(
      briefs(
        "Earlier reports said Halden would be leading the Series D round in Quorix with an investment of $60 million.",
      ),
    ).toEqual(["investment Quorix <- Halden exact 60000000 USD"]);
  });

  it("ING-PART-6a, ING-KIND-5c: 'X will lead a $N round' is a round sought, X a participant", () => {
    const out = claims(
      "Quorix is close to a new deal. Corvane Global will lead a $150 Mn round, people familiar said.",
    );
    expect(out.map(brief)).toEqual([
      "round_target Quorix <- - exact 150000000 USD",
      "investment Quorix <- Corvane Global -",
    ]);
    expect(out[0]!.status).toBe("in_talks");
  });

  it("ING-KIND-5c in French: 'visant à lever' is a target", () => {
    expect(
      briefs(
        "Norikawa investirait 3 milliards d'euros dans Quorix, dans un tour plus large visant à lever 10 milliards d'euros.",
      ),
    ).toContain("round_target Quorix <- - exact 10000000000 EUR");
  });
});

describe("investors by description and by vehicle", () => {
  it("ING-ROLE-12: 'le spécialiste néerlandais … engage N' is the investor named before", () => {
    expect(
      briefs(
        "Quorix lève 900 millions d'euros. L'essentiel est apporté par Veldhoven. Le spécialiste néerlandais des lasers engage 700 millions d'euros.",
      ),
    ).toContain("investment Quorix <- Veldhoven exact 700000000 EUR");
  });

  it("ING-ROLE-13: 'investi N dans le pionnier via son fonds X': X is the investor's vehicle, not the company", () => {
    const out = claims(
      "Quorix a levé 4 milliards de dollars auprès de Norikawa. Le conglomérat avait déjà investi 2 milliards de dollars dans le pionnier du logiciel via son fonds Horizon Fund 3.",
    );
    expect(out.map((c) => c.subject)).not.toContain("Horizon Fund");
  });
});

describe("figures whose party is written around them", () => {
  it("ING-STAKE-4: 'X's existing $N stake' is X's stake with its value", () => {
    expect(
      briefs(
        "Norikawa is in talks to invest up to $3 billion in Quorix. It would add to Norikawa's existing $4 billion stake.",
      ),
    ).toEqual([
      "investment Quorix <- Norikawa up_to 3000000000 USD",
      "existing_stake Quorix <- Norikawa exact 4000000000 USD",
    ]);
  });

  it("ING-KIND-5d: 'the $N X raised in October' is X's round, in the background", () => {
    const out = claims(
      "Quorix raised $500 million. That is less than the $900 million Brightmoor raised in October.",
    );
    expect(out.map(brief)).toEqual([
      "round_size Quorix <- - exact 500000000 USD",
      "round_size Brightmoor <- - exact 900000000 USD",
    ]);
    expect(out[1]!.temporal).toBe("background");
  });

  it("ING-ROLE-14: 'X is considering an investment of up to $N': X is the investor", () => {
    expect(
      briefs(
        "Quorix seeks to raise as much as $10 billion. Halden is said to be considering an investment of up to $3 billion.",
      ),
    ).toContain("investment Quorix <- Halden up_to 3000000000 USD");
  });
});

describe("projects are not rounds", () => {
  it("ING-KIND-2c: money put into a name introduced as a project is no claim", () => {
    expect(
      briefs(
        "Quorix et Norikawa sont associés au projet « Atlas » d'infrastructures. Quorix va également investir 5 milliards de dollars dans Atlas.",
      ),
    ).toEqual([]);
  });

  it("ING-PART-8: partners of a project ('aux côtés de') are no round's investors", () => {
    expect(
      briefs(
        "Quorix a levé 4 milliards de dollars auprès de Norikawa. Une partie financera le projet Atlas, dans lequel Quorix et Norikawa sont associés aux côtés de Brightmoor et Veldhoven.",
      ),
    ).toEqual(["round_size Quorix <- - exact 4000000000 USD", "investment Quorix <- Norikawa -"]);
  });

  it("ING-ROLE-2: 'l'investissement total de X' names X", () => {
    expect(
      briefs(
        "Quorix lève 4 milliards de dollars. Sans cette condition, l'investissement total de Norikawa tombera à 2 milliards de dollars.",
      ),
    ).toContain("investment Quorix <- Norikawa exact 2000000000 USD");
  });
});

describe("ING-STAT-8 announcements to come and commitments", () => {
  it("'doit, dans les prochaines heures, officialiser une levée' is in talks", () => {
    const out = claims(
      "Selon la presse, Quorix doit, dans les prochaines heures, officialiser une nouvelle levée de fonds de 2 milliards d'euros.",
    );
    expect(out.map((c) => [c.kind, c.status])).toEqual([["round_target", "in_talks"]]);
  });

  it("'a rendu public son engagement de réunir N' is agreed", () => {
    const out = claims(
      "Norikawa a rendu public son engagement de réunir jusqu'à 4 milliards de dollars pour Quorix.",
    );
    expect(out[0]!.status).toBe("agreed");
  });
});

describe("ING-AMT-8 a figure written with a three-letter number word", () => {
  it("'six millions de dollars', 'two billion dollars', 'one million' are read", () => {
    expect(briefs("Quorix a levé six millions de dollars auprès de Halden.")[0]).toBe(
      "round_size Quorix <- - exact 6000000 USD",
    );
    expect(briefs("Brightmoor raised two billion dollars from Halden.")[0]).toBe(
      "round_size Brightmoor <- - exact 2000000000 USD",
    );
  });
});

describe("ING-STAKE-5 stakes still to come and names used as modifiers", () => {
  it("'pourrait faire de X le principal bailleur de fonds', 'sur le point de devenir l'actionnaire majoritaire' are no existing stakes", () => {
    const kinds = claims(
      "Quorix cherche à lever 4 milliards d'euros. Un tel apport pourrait faire de Norikawa le principal bailleur de fonds de la start-up. Veldhoven serait sur le point de devenir l'actionnaire majoritaire de Quorix.",
    ).map((c) => c.kind);
    expect(kinds).not.toContain("existing_stake");
  });

  it("'backed by the X chips rather than the company' names no backer", () => {
    const kinds = claims(
      "Quorix raised $2 billion in debt. The loans are backed by the Halden chips rather than the company itself.",
    ).map((c) => c.kind);
    expect(kinds).not.toContain("existing_stake");
  });

  it("a stake already held stays ('déjà soutenue par X')", () => {
    expect(briefs("Quorix, déjà soutenue par Norikawa, a levé 40 millions d'euros.")).toContain(
      "existing_stake Quorix <- Norikawa -",
    );
  });
});

describe("new-user trials: other companies and founders", () => {
  it("ING-STAKE-6: 'already an investor in two other startups' is no stake in this one", () => {
    const kinds = claims(
      "Lumio has raised €18 million led by Eurazur Ventures. Eurazur Ventures, the Lyon-based fund, is already an investor in two other recycling startups.",
    ).map((c) => c.kind);
    expect(kinds).not.toContain("existing_stake");
  });

  it("ING-ENT-9: 'Fondée en 2019 par Jeanne Roux, la société avait levé …': the founder is a person, not the company", () => {
    const out = claims(
      "Verdalis lève 12 millions d'euros. Fondée en 2019 par Jeanne Roux, la société avait levé 3 millions d'euros en 2021.",
    );
    expect(out.map((c) => c.subject)).toEqual(["Verdalis", "Verdalis"]);
  });
});

describe("headlines and market statistics", () => {
  it("ING-KIND-5e: a title-case headline 'X Draws $N From A, Others' is X's round", () => {
    expect(briefs("Fintech Paylane Draws $120M From Harborview, Others")).toEqual([
      "round_size Paylane <- - exact 120000000 USD",
      "investment Paylane <- Harborview -",
    ]);
  });

  it("ING-KIND-2d: 'UK fintechs raised $3.4bn in the first half' is a market statistic", () => {
    expect(
      briefs(
        "Paylane has closed a $120 million round. UK fintechs raised $3.4 billion in the first half of the year, according to Dealroom.",
      ),
    ).toEqual(["round_size Paylane <- - exact 120000000 USD"]);
  });
});

describe("ING-TOPIC-5, ING-TOPIC-6 the company of a narrated round", () => {
  it("'it raised' right after another company's round is that company; an investor never becomes the subject", () => {
    const out = claims(
      "Zorvo raised a $15 million round led by Halden Global. Halden, the New York fund, closed 2015 with 39 deals. The same year in April, Brightmoor raised $35 million from existing investors Halden Global and Pike. Seven months later, it raised $120 million.",
    );
    expect(out.filter((c) => c.kind === "round_size").map((c) => c.subject)).toEqual([
      "Zorvo",
      "Brightmoor",
      "Brightmoor",
    ]);
  });
});
