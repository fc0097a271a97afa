/**
 * The company raising money on unseen reports (issue 18, batch 5; docs/spec/ingest.md
 * ING-TOPIC-7 … ING-TOPIC-12): datelines and headings, leads named first, a person's
 * employer, the first company named corrected by a later raising cue, roundups. The
 * sentences are written for these tests in the manner of press reports, with fictional
 * companies and people; none is copied from a report.
 */
import { describe, expect, it } from "vitest";
import { brief, briefs, claims, subjects } from "../../support/ingest-text.js";

describe("ING-TOPIC-8 names that frame the report", () => {
  it("a dateline in capitals is no company", () => {
    expect(
      subjects(
        "HAMBURG -- Corvane and Meltis are leading a $90 million funding round in a hydrogen storage startup, Aerolyt, the companies said on Monday.",
      ),
    ).toEqual(["Aerolyt"]);
  });

  it("a news agency in brackets before the dash is no company", () => {
    expect(
      briefs(
        "(Dow Newswire) -- Tavora Inc., the meal-kit company that nearly folded last year, is seeking to raise about $300 million, according to people familiar with the matter.",
      ),
    ).toEqual(["round_target Tavora <- - about 300000000 USD"]);
  });

  it("a heading line in capitals is no company", () => {
    expect(
      subjects(
        "MOBILITY\n\nThe scooter maker Rollina said it had raised $25 million in a Series B round led by Quent Partners.",
      ),
    ).toEqual(["Rollina"]);
  });

  it("the leads named before a round 'in' a company are investors; the company owns the round", () => {
    const out = claims(
      "Halvor et Brissac mènent le tour de table de 40 millions d'euros dans la start-up lyonnaise Ondalys.",
    );
    expect(out.map(brief)[0]).toBe("round_size Ondalys <- - exact 40000000 EUR");
  });
});

describe("ING-TOPIC-9 a person's employer is not the company", () => {
  it("'the founder of … company X' names the founder's former company, not the one raising", () => {
    expect(
      subjects(
        "Mara Lind, the founder of delivery company Parcelo, stepped down last month. She has now secured $40 million in a funding round led by Quent Partners for her new startup, Fieldbot. The company is now valued at $300 million.",
      ),
    ).toEqual(["Fieldbot"]);
  });

  it("French: 'la soeur du patron de X' names X for the person", () => {
    expect(
      subjects(
        "C'est ce que vient de faire Orbalis. La société a réalisé une extension de son amorçage. L'opération de quatre millions d'euros a été menée par Jeanne Morel, soeur du patron de Veltrix.",
      ),
    ).toEqual(["Orbalis"]);
  });
});

describe("ING-TOPIC-7 the first company named, corrected by a raising cue", () => {
  it("a company named first only as a complement gives way to the company a raise names", () => {
    const out = claims(
      "Kyra Dahl left Tessarine last year. She has now closed a $12 million seed round for her startup, Loomwork. The company is valued at $60 million.",
    );
    expect(out.map((c) => c.subject)).toEqual(["Loomwork", "Loomwork"]);
  });

  it("a company named first as the subject of its verb keeps the claims before another company's raise", () => {
    const out = claims(
      "Zenora was locked in a price war with Kivo. In June, the hotel aggregator raised $12 million, led by Quent Partners. A month later, Kivo raised $80 million.",
    );
    expect(out.filter((c) => c.amount !== null).map((c) => c.subject)).toEqual(["Zenora", "Kivo"]);
  });
});

describe("ING-TOPIC-10 the agent of a passive raise", () => {
  it("English: '$Nm was swept up by … startup X' in a weekly roundup", () => {
    const out = claims(
      "Kovana Labs topped last week's list. This week, startups raised $120 million across 18 deals. Of this, $45 million was secured by freight-tech startup Truckora. The deal values the company at $400 million.",
    );
    expect(out.filter((c) => c.kind === "valuation_post").map((c) => c.subject)).toEqual(["Truckora"]);
  });

  it("French: 'celui de 80 millions d'euros bouclé par X'", () => {
    const out = claims(
      "Les jeunes pousses françaises lèvent 500 millions d'euros en mai, portées par deux tours de table, dont celui de 80 millions d'euros bouclé par Vertalis.",
    );
    expect(out.map(brief)).toContain("round_size Vertalis <- - exact 80000000 EUR");
  });
});

describe("ING-TOPIC-11 a name used as a common noun before the company's own", () => {
  it("'dans le Spotify indien Ravela': Ravela is the company invested in", () => {
    expect(
      subjects(
        "Le fonds Brennor s'apprêterait à investir une centaine de millions de dollars dans le Spotify indien Ravela, selon la presse.",
      ),
    ).toEqual(["Ravela"]);
  });
});

describe("ING-ENT-18 a company named with digits and capitals", () => {
  it("'the battery company 9V' is a name, not a figure; later '9V' alone is the same company", () => {
    const out = claims(
      "Last week, the battery company 9V announced it had closed a $40 million Series C round led by Quent Partners. 9V is planning a second close of the round.",
    );
    expect(out.map(brief)[0]).toBe("round_size 9V <- - exact 40000000 USD");
  });

  it("French: 'la start-up 4D' is a name", () => {
    expect(subjects("La start-up 4D a levé 3 millions d'euros auprès du fonds Brennor.")).toEqual(["4D"]);
  });
});

describe("ING-TOPIC-12 a company reporting its own raise", () => {
  it("'X announced that it had raised': 'it' is X, not a company named before", () => {
    const out = claims(
      "Kovana Labs had a quiet summer. Last week, the materials company Ferrolyt announced that it had raised $30 million in a Series B round.",
    );
    expect(out.map((c) => c.subject)).toEqual(["Ferrolyt"]);
  });

  it("a line holding only a name (a caption, a logo) is no company", () => {
    expect(
      subjects(
        "Listen on:\nPodlane Logo\n\nThe biotech Celvia said it raised €12 million from Brennor Capital.",
      ),
    ).toEqual(["Celvia"]);
  });
});

describe("ING-TOPIC-13 roundups: each figure's own company", () => {
  it("'Among the Series A deals, X took a chunk of $Nm' is X's round, not the company before", () => {
    const out = claims(
      "Spice maker Kesaro raised $2 million in its seed round led by Brennor Capital. Among the three Series B deals, Paynest took a chunk of $18 million, led by Quent Partners.",
    );
    expect(out.map(brief)).toContain("round_size Paynest <- - exact 18000000 USD");
  });

  it("French: 'Parmi les opérations de la semaine, X a empoché 5 millions d'euros'", () => {
    const out = claims(
      "La start-up Kesaro a levé 2 millions d'euros auprès de Brennor. Parmi les autres tours de table, Paynest empoche 5 millions d'euros.",
    );
    expect(out.map(brief)).toContain("round_size Paynest <- - exact 5000000 EUR");
  });
});

describe("ING-TOPIC-8 an investor by its predicate", () => {
  it("'X was a surprise investor in Y': Y is the company", () => {
    expect(
      subjects(
        "Brennor was a surprise investor in delivery robot maker Rovalo during a recent $300 million Series D round. Chipotle is also an investor in the company.",
      ),
    ).toEqual(["Rovalo"]);
  });
});

describe("ING-ROLE-8 a round's owner, not a relative clause's subject", () => {
  it("'a series B round in which X invested $Nm': X is the investor, not the round's owner", () => {
    const out = claims(
      "Founded in 2009, Celvia has now raised $60m in total, including $12m in a 2014 series B round in which Brennor invested $4m.",
    );
    expect(out.map(brief)).toContain("investment Celvia <- Brennor exact 4000000 USD");
    expect(out.map((c) => c.subject)).not.toContain("Brennor");
  });
});

describe("ING-TOPIC-14 the company a stake is taken in", () => {
  it("'X has taken a stake in Y, investing $Nm in the startup': Y is the company", () => {
    expect(
      briefs("Brennor has taken a stake in Rovalo, investing $20 million in the logistics startup."),
    ).toEqual(["investment Rovalo <- Brennor exact 20000000 USD"]);
  });

  it("French: 'X entre au capital de Y' makes Y the report's company", () => {
    expect(
      subjects(
        "Le fonds Brennor entre au capital de Rovalo. La jeune pousse lève 8 millions d'euros pour recruter.",
      ),
    ).toEqual(["Rovalo"]);
  });
});

describe("ING-ROLE-8 more owners of a round", () => {
  it("'led a $50 million round in X' (a round with no qualifier)", () => {
    expect(subjects("Angel investor Mara Lind led a $5 million round in Rovalo.")).toEqual(["Rovalo"]);
  });

  it("French: 'la série A de X, d'un montant de …'", () => {
    expect(
      briefs("La série A de Rovalo, d'un montant de 6 millions d'euros, a été menée par Brennor.")[0],
    ).toBe("round_size Rovalo <- - exact 6000000 EUR");
  });
});

describe("ING-TOPIC-8, ING-TOPIC-12, ING-TOPIC-15 more framing and roundup lines", () => {
  it("a dateline with a date ('OSLO, May 4 (Newswire) -') is no company", () => {
    expect(
      subjects(
        "OSLO, May 4 (Newswire) - Norwegian battery maker Voltrane said on Tuesday it had raised $200 million from investors including Brennor.",
      ),
    ).toEqual(["Voltrane"]);
  });

  it("'Y announced on Monday that it had raised': 'it' is Y, even after another company's raise", () => {
    const out = claims(
      "Rovalo, which raised $40 million last year, is a rival of Celvia. Celvia announced on Monday that it had raised $60 million.",
    );
    expect(out.map(brief)).toContain("round_size Celvia <- - exact 60000000 USD");
  });

  it("a roundup's lines 'X : figure' each name their own company", () => {
    const out = claims(
      "Les levées de la semaine. Rovalo : 40 millions d'euros auprès de Brennor. Celvia : 20 millions d'euros menés par Quent.",
    );
    expect(out.map((c) => c.subject)).toEqual(["Rovalo", "Celvia"]);
  });
});

describe("ING-TOPIC-7 a weak pick confirmed, not corrected", () => {
  it("French: the company a description stands for keeps its raise when a rival raises next ('Chez X … La start-up a levé')", () => {
    expect(
      briefs(
        "Chez Rovalo, on ne chôme pas. La start-up a levé 40 millions d'euros. Son concurrent Celvia a levé 20 millions d'euros en mars.",
      ),
    ).toEqual(["round_size Rovalo <- - exact 40000000 EUR", "round_size Celvia <- - exact 20000000 EUR"]);
  });

  it("'The company has raised' confirms the company named first; 'Rival X' is X", () => {
    expect(
      briefs(
        "Analysts see Rovalo, the Berlin startup, as a leader. The company has raised $40 million. Rival Celvia has raised $60 million.",
      ),
    ).toEqual(["round_size Rovalo <- - exact 40000000 USD", "round_size Celvia <- - exact 60000000 USD"]);
  });
});

describe("ING-TOPIC-16 the company valued, the company opening its sentence", () => {
  it("'X and Y would be investing in Z, at a valuation of $1bn': Z is valued", () => {
    expect(
      briefs(
        "In January, reports said Gaxo, Snapline and Tweety would be investing in Chatora, at a valuation of more than $1 Bn.",
      )[0],
    ).toBe("valuation_post Chatora <- - more_than 1000000000 USD");
  });

  it("'X is finalizing a funding round that would value it at $Nbn': 'it' is X, not a company of the headlines", () => {
    expect(
      briefs(
        "What's up: Sorafund Invests $2 Billion in Intelo. Good morning. Databrix is finalizing a funding round that would value it at $100 billion.",
      ),
    ).toContain("valuation_post Databrix <- - exact 100000000000 USD");
  });

  it("French: 'X, une jeune pousse qui …, a annoncé de son côté une levée': X, not a name in the apposition", () => {
    expect(
      briefs(
        "Ce mardi, Rovalo a bouclé un tour de table de 40 millions d'euros et Celvia, une jeune pousse qui a développé un concept de cartes Pokemon 2.0, a annoncé de son côté une levée de fonds de 60 millions d'euros.",
      ),
    ).toContain("round_size Celvia <- - exact 60000000 EUR");
  });
});

describe("ING-ENT-4 a possessive written on a legal form", () => {
  it("'Novarta AG's acquisition of X': Novarta is a possessive, not the company", () => {
    expect(
      subjects(
        "Less than a year after Novarta AG's acquisition of eye specialist Lumio Inc., its successor Celvia Inc. has raised $77 million in a series A round led by Octan Capital.",
      ),
    ).toEqual(["Celvia"]);
  });
});

describe("ING-TOPIC-17 a relative clause interrupted by a source", () => {
  it("French: 'comme X, qui, selon nos informations, est en train de boucler une levée': X raises", () => {
    const out = claims(
      "Rovalo a levé 30 millions d'euros en mars. D'autres pépites ont cédé aux fonds, comme Celvia, qui, selon nos informations, est en train de boucler une levée de fonds de plus de 100 millions de dollars menée par l'américain Quent.",
    );
    expect(out.map(brief)).toContain("round_target Celvia <- - more_than 100000000 USD");
    expect(out.find((c) => c.counterparty === "Quent")?.status).toBe("in_talks");
  });

  it("English: 'X, which, sources say, is in the process of raising': X", () => {
    expect(
      briefs(
        "Rovalo raised $30 million in March. Rivals such as Celvia, which, people familiar said, is in talks to raise $100 million, are growing fast.",
      ),
    ).toContain("round_target Celvia <- - exact 100000000 USD");
  });
});

describe("ING-TOPIC-18 the main clause after a fronted phrase", () => {
  it("'Backed by X, Y raised …': Y raises; X is no list member of Y", () => {
    expect(briefs("Backed by Brennor, Rovalo raised $40 million in a round led by Quent.")[0]).toBe(
      "round_size Rovalo <- - exact 40000000 USD",
    );
  });

  it("French: 'Lancée par deux anciens de X, la start-up Y annonce une levée'", () => {
    expect(
      briefs(
        "Lancée en 2019 par deux anciens de Gaxo, la start-up Rovalo annonce une levée de 40 millions d'euros.",
      ),
    ).toEqual(["round_size Rovalo <- - exact 40000000 EUR"]);
  });

  it("French: 'c'est au tour de X de lever'", () => {
    expect(
      briefs("Après Celvia la semaine dernière, c'est au tour de Rovalo de lever 40 millions d'euros."),
    ).toEqual(["round_size Rovalo <- - exact 40000000 EUR"]);
  });
});

describe("ING-ENT-19 a name opening a sentence before an adverb of time", () => {
  it("'X today announced a $Nm Series B round led by Y'", () => {
    expect(briefs("Rovalo today announced a $40 million Series B round led by Brennor.")).toEqual([
      "round_size Rovalo <- - exact 40000000 USD",
      "investment Rovalo <- Brennor -",
    ]);
  });
});

describe("ING-TOPIC-1 investors named first in a list or a bet", () => {
  it("'A, B and C participated in the round' names investors, not the company", () => {
    expect(subjects("Brennor, Quent and Gaxo participated in the round. Rovalo raised $40 million.")).toEqual(
      ["Rovalo"],
    );
  });

  it("'Investors A and B are betting on X': X is the company", () => {
    expect(
      subjects("Investors Brennor and Quent are betting on Rovalo. The startup raised $40 million."),
    ).toEqual(["Rovalo"]);
  });

  it("French: 'A mise sur X'", () => {
    expect(subjects("Le fonds Brennor mise sur Rovalo. La jeune pousse lève 4 millions d'euros.")).toEqual([
      "Rovalo",
    ]);
  });

  it("'With $40m from A, X plans to …': the source list ends before the main clause", () => {
    expect(briefs("With $40 million from Brennor, Rovalo plans to expand.")).toEqual([
      "investment Rovalo <- Brennor exact 40000000 USD",
    ]);
  });
});

describe("ING-TOPIC-19 another company's round inside the report", () => {
  it("'X, which recently completed a $15bn funding round': X's round, not the report's company", () => {
    const out = claims(
      "Rovalo raised $3 billion last week. It is small compared to some vendors, notably Celvia, which recently completed a $15 billion funding round.",
    );
    expect(out.map(brief)).toContain("round_size Celvia <- - exact 15000000000 USD");
  });

  it("French: 'l'insurtech X et son tour de table de 185 millions d'euros'", () => {
    const out = claims(
      "En décembre, Rovalo avait signé une levée record de 112 millions d'euros, détrônée depuis par l'insurtech Celvia et son tour de table de 185 millions d'euros en avril.",
    );
    expect(out.map(brief)).toContain("round_size Celvia <- - exact 185000000 EUR");
  });

  it("'X is poised to reveal a new $40bn investment from Y': X receives it", () => {
    expect(
      briefs(
        "Rovalo raised $3.5 billion. Celvia is poised to reveal a new $40 billion investment from Brennor.",
      )[1],
    ).toBe("investment Celvia <- Brennor exact 40000000000 USD");
  });
});

describe("ING-ROLE-8 a possessive after the round's preposition names no owner", () => {
  it("French: 'X annonce une levée de 200 M€ pour son fonds Y': Y does not own the raise", () => {
    expect(
      subjects(
        "Rovalo annonce une première levée de 200 M€ pour son fonds Rovalo Seed Celvia a trouvé le soutien de Brennor.",
      ),
    ).toEqual(["Rovalo"]);
  });
});
