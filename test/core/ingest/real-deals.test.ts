/**
 * Status, time and deal attribution as real reports write them (issue 18, second pass;
 * docs/spec/ingest.md ING-STAT-7, ING-TEMP-3, ING-TEMP-4, ING-CONF-4). The sentences are
 * written for these tests in the manner of press reports, with fictional companies; none
 * is copied from a report.
 */
import { describe, expect, it } from "vitest";
import { brief, claims, read } from "../../support/ingest-text.js";

const statuses = (text: string) => claims(text).map((c) => c.status);
const times = (text: string, sourceDate?: string) => claims(text, sourceDate).map((c) => c.temporal);

describe("ING-STAT-7 a raise made official, completed, or near", () => {
  it("'a officialisé une levée' is closed; 'doit officialiser' is not", () => {
    expect(statuses("Verdane Bio a officialisé mardi une levée de 12 millions d'euros.")).toEqual(["closed"]);
    expect(statuses("Verdane Bio officialise une levée de 12 millions d'euros.")).toEqual(["closed"]);
    expect(
      statuses("Verdane Bio doit officialiser dans les prochains jours une levée de 12 millions d'euros."),
    ).not.toEqual(["closed"]);
  });

  it("'announced the completion of' a round is closed, and so are those who participated", () => {
    const out = claims(
      "Quarry Labs has announced the completion of a $45 million Series B. Halden Ventures and Ostrow Capital participated in the round.",
    );
    expect(out.map((c) => [brief(c), c.status])).toEqual([
      ["round_size Quarry Labs <- - exact 45000000 USD", "closed"],
      ["investment Quarry Labs <- Halden Ventures -", "closed"],
      ["investment Quarry Labs <- Ostrow Capital -", "closed"],
    ]);
    // A plain announcement of a raise states it done (ING-STAT-11, the real reports' convention).
    expect(statuses("Ondine annonce une levée de 5 M€.")).toEqual(["closed"]);
  });

  it("'close to securing' and 'en passe de' are talks, not rumours", () => {
    expect(
      statuses("Brisa Health is close to securing a $30 million round that would value it at $300 million."),
    ).toEqual(["in_talks", "in_talks"]);
    expect(statuses("Solvane est en passe de lever 8 millions d'euros.")).toEqual(["in_talks"]);
  });

  it("'annoncé par Reuters' is the source's act: the deal keeps its own status", () => {
    const out = claims(
      "Ce tour de table, qui avait été annoncé par Reuters, porte la valorisation de Kestra à 90 millions d'euros.",
    );
    expect(out.map((c) => c.status)).not.toContain("announced");
  });

  it("a state in the imperfect ('s'élevait', 's'établissait') was so: closed", () => {
    expect(statuses("Sa valorisation s'établissait alors à 40 millions d'euros.")).toEqual(["closed"]);
    expect(statuses("Kestra avait conclu une levée de 3 millions d'euros.")).toEqual(["closed"]);
  });
});

describe("ING-STAT-7 payments scheduled, plans and rounds being assembled", () => {
  it("a payment that 'sera réalisé' or 'est conditionnée' is agreed", () => {
    expect(
      statuses(
        "Kestra a obtenu 40 millions d'euros. Un premier versement de 10 millions d'euros sera réalisé en avril. La seconde tranche, pouvant atteindre 30 millions d'euros, est conditionnée à une restructuration.",
      ),
    ).toEqual(["closed", "agreed", "agreed"]);
  });

  it("'had planned for' and 'is assembling' are talks; 'avait conclu début octobre une levée' is closed", () => {
    expect(
      statuses(
        "Corvane has closed a $20 billion round. Corvane had planned for roughly $8 billion of equity and up to $12 billion of debt.",
      ),
    ).toEqual(["closed", "in_talks", "in_talks"]);
    expect(statuses("Corvane is reportedly assembling a round of up to $10 billion.")).toEqual(["in_talks"]);
    expect(
      statuses("Kestra avait conclu début octobre une levée de fonds majeure de 6 millions d'euros."),
    ).toEqual(["closed"]);
  });
});

describe("ING-TEMP-3 earlier deals in real reports", () => {
  it("'alors', 'l'année dernière', 'début octobre' and 'months after' mark an earlier deal", () => {
    expect(times("Sa valorisation s'établissait alors à 40 millions d'euros.")).toEqual(["background"]);
    expect(times("Kestra avait conclu début octobre une levée de 3 millions d'euros.")).toEqual([
      "background",
    ]);
    expect(
      times(
        "Brisa Health is in talks to raise $30 million. The talks come three months after Brisa Health secured $8 million.",
      ),
    ).toEqual(["current", "background"]);
    expect(times("In March, Loomis raised $12 million.", "2026-06-01")).toEqual(["background"]);
  });

  it("a time word after the figure and a comma speaks of what follows", () => {
    expect(
      times(
        "Kestra a levé 40 millions d'euros à un prix la valorisant 200 millions d'euros, soit le double de sa valorisation précédente.",
      ),
    ).toEqual(["current", "current"]);
  });

  it("a full date dates the report's own deal; a bare earlier year does not", () => {
    expect(
      times("Verdane Bio a officialisé, le 9 septembre 2025, une levée de 12 millions d'euros."),
    ).toEqual(["current"]);
    expect(times("Verdane Bio a levé 3 millions d'euros en 2023.")).toEqual(["background"]);
  });
});

describe("ING-TEMP-4 a stake taken with the reported deal is current", () => {
  it("'détiendra environ 11 %' and 'will hold a 9% stake' are current; a stake held is background", () => {
    const fr = claims(
      "Lumen Capital a investi 20 millions d'euros dans Kestra. Lumen Capital détiendra environ 11 % de Kestra.",
    );
    expect(fr.map((c) => [c.kind, c.temporal])).toContainEqual(["existing_stake", "current"]);
    const en = claims(
      "Halden Ventures invested $20 million in Quarry Labs and will hold a 9% stake in Quarry Labs.",
    );
    expect(en.map((c) => [c.kind, c.temporal])).toContainEqual(["existing_stake", "current"]);
    const held = claims("Halden Ventures holds a 9% stake in Quarry Labs.");
    expect(held.map((c) => [c.kind, c.temporal])).toEqual([["existing_stake", "background"]]);
  });
});

describe("ING-CONF-4 conflicts only within one deal", () => {
  it("the equity and debt parts of a round are not competing figures for the round", () => {
    const out = read(
      "Corvane is raising $20 billion in its current round. The financing combines $7.5 billion in equity and $12.5 billion in debt.",
    );
    expect(out.claims.map((c) => c.kind)).toEqual(["round_target", "round_target", "round_target"]);
    expect(out.conflicts).toEqual([]);
  });

  it("two rounds named differently are two deals; the same round with two figures still conflicts", () => {
    const two = read(
      "Loomis raised $12 million in a Series A round. Loomis raised $40 million in a Series B round.",
    );
    expect(two.conflicts).toEqual([]);
    const one = read(
      "Loomis raised $40 million in a Series B. Other reports put the Series B at $45 million.",
    );
    expect(one.conflicts.length).toBe(1);
  });
});

describe("ING-ROLE-8 the company raising money, named through its round or its product", () => {
  it("'the funding round of X has raised' and 'a round in X' name the company raising", () => {
    expect(
      claims("The latest funding round of Brisa Health, a Lisbon medtech, has raised $30 million.").map(
        brief,
      ),
    ).toEqual(["round_size Brisa Health <- - exact 30000000 USD"]);
    const out = claims(
      "Halden Ventures is in the last stage of talks to lead a $50 million funding round in grocery startup Pantrio. Halden Ventures would value the company at $400 million.",
    );
    expect(out.map((c) => c.subject)).toEqual(["Pantrio", "Pantrio"]);
  });

  it("a product names its maker: 'the Loomchat developer', 'créateur de Loomchat', 'Loomis (Loomchat)'", () => {
    const en = claims(
      "Loomis is assembling a round of up to $2 billion that would value the Loomchat developer at about $20 billion.",
    );
    expect(en.map((c) => c.subject)).toEqual(["Loomis", "Loomis"]);
    const fr = claims(
      "Loomis (Loomchat) cherche à lever 2 milliards de dollars, ce qui valoriserait le créateur de Loomchat à 20 milliards de dollars.",
    );
    expect(fr.map((c) => c.subject)).toEqual(["Loomis", "Loomis"]);
  });

  it("a roundup's company opens its sentence with a verb of ranking ('Syntavo arrive deuxième')", () => {
    const out = claims(
      "Kestra signe la levée la plus importante avec 20 millions d'euros. Syntavo arrive juste derrière avec une opération de 15 millions d'euros.",
    );
    expect(out.map((c) => c.subject)).toEqual(["Kestra", "Syntavo"]);
  });
});

describe("ING-ENT-5 a date or a year before a name is not a figure with its unit", () => {
  it("' date 2025-04 Loomis …' and 'In 2021 Loomis …' name Loomis", () => {
    expect(
      claims(" date 2025-04 Loomis a bouclé une levée de 40 millions d'euros.").map((c) => c.subject),
    ).toEqual(["Loomis"]);
    expect(
      claims(
        "Founded in 2019, Loomis raised $12 million in 2021. In 2024 Loomis raised $40 million.",
        "2024-06-01",
      ).map((c) => c.subject),
    ).toEqual(["Loomis", "Loomis"]);
  });
});

describe("ING-LINK-3 a second figure that restates or continues the first", () => {
  it("'more than $10bn, potentially even more than $20bn' is one investor's, twice", () => {
    const out = claims(
      "Corvane is raising a new round. Halden Ventures is in talks to invest more than $1 billion in Corvane, potentially even more than $2 billion.",
    );
    expect(out.map(brief)).toEqual([
      "investment Corvane <- Halden Ventures more_than 1000000000 USD",
      "investment Corvane <- Halden Ventures more_than 2000000000 USD",
    ]);
    expect(out[1]!.rules).toContain("ING-LINK-3");
  });

  it("'10 M€ en avril et jusqu'à 30 M€ en décembre' and '$5m now and $15m later' are two tranches of one investor", () => {
    const fr = claims(
      "Kestra lève 40 millions d'euros. Lumen Capital investira 10 millions d'euros en avril et jusqu'à 30 millions d'euros en décembre.",
    ).slice(1);
    expect(fr.map(brief)).toEqual([
      "investment Kestra <- Lumen Capital exact 10000000 EUR",
      "investment Kestra <- Lumen Capital up_to 30000000 EUR",
    ]);
    const text =
      "Quarry Labs is raising $20 million. Halden Ventures will invest $5 million now and $15 million later.";
    const en = claims(text).slice(1);
    // Tranches are parts: they do not compete with each other (ING-CONF-4).
    expect(read(text).conflicts).toEqual([]);
    expect(en.map(brief)).toEqual([
      "investment Quarry Labs <- Halden Ventures exact 5000000 USD",
      "investment Quarry Labs <- Halden Ventures exact 15000000 USD",
    ]);
  });

  it("two figures of different things joined by 'and' are not linked", () => {
    const out = claims("Quarry Labs raised $40 million and its valuation reached $400 million.");
    expect(out.map((c) => c.kind)).toEqual(["round_size", "valuation_post"]);
  });
});

describe("ING-ROLE-9 an apposition between the investor and its verb", () => {
  it("'Halden, a longstanding backer with rights to resell Quarry's software, is in talks to invest' is Halden's investment", () => {
    const out = claims(
      "Quarry Labs is raising $300 million. Halden Ventures, a longstanding backer with exclusive rights to resell Quarry software, is in talks to invest less than $100 million.",
    );
    expect(out.map(brief)).toContain("investment Quarry Labs <- Halden Ventures less_than 100000000 USD");
    // The agreement in the apposition is not the figure's: it is a claim of its own, without amount.
    expect(out.filter((c) => c.kind === "commercial_agreement").map((c) => c.amount)).toEqual([null]);
  });
});

describe("ING-ENT-6 a name that starts with a number, in a list", () => {
  it("'Sorel, 212 Capital Partners et Brume Invest ont participé' names three investors", () => {
    const out = claims(
      "Kestra a levé 6 millions d'euros. Sorel, 212 Capital Partners et Brume Invest ont participé à l'opération.",
    );
    expect(out.map(brief)).toEqual([
      "round_size Kestra <- - exact 6000000 EUR",
      "investment Kestra <- Sorel -",
      "investment Kestra <- 212 Capital Partners -",
      "investment Kestra <- Brume Invest -",
    ]);
  });

  it("a figure's unit is still no name ('5 Md$', '40 M€', '$2 Bn')", () => {
    expect(
      claims("Kestra a levé 40 M€, puis Sorel a investi 5 Md$.").map((c) => c.counterparty),
    ).not.toContain("M€");
    expect(claims("Quarry Labs raised $2 Bn, its largest round.").map(brief)).toEqual([
      "round_size Quarry Labs <- - exact 2000000000 USD",
    ]);
  });
});

describe("ING-KIND-10 a tranche of the money is an investment", () => {
  it("'un premier versement de 10 Md$' and 'un complément pouvant atteindre 30 Md$' are investments without payer", () => {
    const out = claims(
      "Kestra a obtenu 40 millions d'euros. L'opération prévoit un premier versement de 10 millions d'euros en avril puis un complément pouvant atteindre 30 millions d'euros.",
    );
    expect(out.map(brief)).toEqual([
      "round_size Kestra <- - exact 40000000 EUR",
      "investment Kestra <- - exact 10000000 EUR",
      "investment Kestra <- - up_to 30000000 EUR",
    ]);
    expect(out[1]!.rules).toContain("ING-KIND-10");
  });

  it("'the first tranche of $10bn' is an investment; 'a round of $40m' stays a round", () => {
    expect(
      claims("Corvane closed a $40 billion round. The first tranche of $10 billion arrives in April.").map(
        brief,
      ),
    ).toEqual([
      "round_size Corvane <- - exact 40000000000 USD",
      "investment Corvane <- - exact 10000000000 USD",
    ]);
  });
});

describe("ING-ROLE-10 and ING-PART-1 investors named after the figure or in a described list", () => {
  it("'$4bn investment from retail giant X' is X's ticket; 'raised $30m from A and B' stays the round", () => {
    expect(
      claims("Quarry Labs secured an additional $400 million investment from retail giant Pantrio.").map(
        brief,
      ),
    ).toEqual(["investment Quarry Labs <- Pantrio exact 400000000 USD"]);
    expect(
      claims("Quarry Labs raised $30 million from Halden Ventures and Ostrow Capital.").map(brief),
    ).toEqual([
      "round_size Quarry Labs <- - exact 30000000 USD",
      "investment Quarry Labs <- Halden Ventures -",
      "investment Quarry Labs <- Ostrow Capital -",
    ]);
  });

  it("'from a number of top investors, including X' and a later member with its description", () => {
    expect(
      claims(
        "Brisa Health is in advanced talks to raise $30 million from a number of top Lisbon investors, including Marlow Capital.",
      ).map(brief),
    ).toEqual([
      "round_target Brisa Health <- - exact 30000000 USD",
      "investment Brisa Health <- Marlow Capital -",
    ]);
    expect(
      claims(
        "Brisa Health has raised $30 million. Alongside Marlow Capital, the Danish pension fund Ostrow and the American investment firm Tessaro Partners also took part.",
      ).map(brief),
    ).toEqual([
      "round_size Brisa Health <- - exact 30000000 USD",
      "investment Brisa Health <- Marlow Capital -",
      "investment Brisa Health <- Ostrow -",
      "investment Brisa Health <- Tessaro Partners -",
    ]);
  });
});

describe("ING-AMT-7 and ING-KIND-2 figures as real reports write them", () => {
  it("'dont 1,3 milliard apporté par X': a sum with no currency before a participle of giving is money", () => {
    expect(
      claims(
        "Kestra a finalisé une levée de fonds de 17 millions d'euros, dont 13 millions apportés par Lumen Capital.",
      ).map(brief),
    ).toEqual([
      "round_size Kestra <- - exact 17000000 EUR",
      "investment Kestra <- Lumen Capital exact 13000000 EUR",
    ]);
  });

  it("a fund's size before a dash is not a round ('from its $3.75 billion fund— …')", () => {
    expect(
      claims(
        "Halden Ventures plans five investments from its $3.75 billion fund— Halden Growth XI — this year.",
      ),
    ).toEqual([]);
  });
});

describe("ING-KIND-3 and ING-TEMP-3 valuations and times of another company's earlier deal", () => {
  it("'In October, X raised $6bn in a round valuing the company at $150bn, while Y raised $5bn at a $40bn valuation in December'", () => {
    const out = claims(
      "Brisa Health is close to securing a $2 billion round. In October, Corvane raised $6 billion in a round valuing the company at $150 billion, while Quarry Labs raised $5 billion at a $40 billion valuation in December.",
    );
    expect(out.map((c) => [brief(c), c.temporal])).toEqual([
      ["round_target Brisa Health <- - exact 2000000000 USD", "current"],
      ["round_size Corvane <- - exact 6000000000 USD", "background"],
      ["valuation_post Corvane <- - exact 150000000000 USD", "background"],
      ["round_size Quarry Labs <- - exact 5000000000 USD", "background"],
      ["valuation_post Quarry Labs <- - exact 40000000000 USD", "background"],
    ]);
    expect(out[4]!.evidence).toBe("$40 billion valuation");
  });

  it("'valuations reached tens of billions' is no company's valuation; money 'to be used for' is no round", () => {
    expect(
      claims("Start-ups used to go public long before their valuations reached tens of billions of dollars."),
    ).toEqual([]);
    expect(
      claims(
        "Selon CNBC, sur cette levée de fonds 18 millions pourraient être utilisés pour financer des usines.",
      ),
    ).toEqual([]);
  });
});

describe("ING-ROLE-4 a holder named first is not the company raising", () => {
  it("'Lumen Capital deviendrait l'actionnaire majoritaire de Kestra … s'engagerait à hauteur de 13 M€' invests in Kestra", () => {
    const out = claims(
      "Lumen Capital serait sur le point de devenir l'actionnaire majoritaire de Kestra. Selon Reuters, Lumen Capital s'engagerait à hauteur de 13 millions d'euros dans un nouveau tour de table.",
    );
    expect(out.filter((c) => c.amount !== null).map(brief)).toEqual([
      "investment Kestra <- Lumen Capital exact 13000000 EUR",
    ]);
  });
});

describe("ING-ROLE-3 the subject of a reported clause after a long description", () => {
  it("'… a rapporté, tout comme le Courrier, que le géant japonais de l'investissement dans les technologies Lumen pourrait investir' is Lumen's", () => {
    const out = claims(
      "Le quotidien avait déjà rapporté, tout comme le Courrier Financier, que le géant japonais de l'investissement dans les technologies Lumen Group pourrait investir entre 15 et 25 millions d'euros dans Kestra.",
    );
    expect(out.map(brief)).toEqual(["investment Kestra <- Lumen Group range 15000000 EUR"]);
  });
});
