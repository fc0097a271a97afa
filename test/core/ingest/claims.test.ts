/**
 * Claims read from whole texts: who invests in whom, kinds, status, time, agreements,
 * stakes, conflicts, names, offsets, warnings, and reading in pieces
 * (docs/spec/ingest.md ING-ROLE, ING-KIND, ING-STAT, ING-TEMP, ING-AGR, ING-STAKE,
 * ING-CONF, ING-ENT, ING-OUT, ING-LIM-2). The sentences are written for these tests.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type ClaimJson, type IngestJson, ingestOutputToJson } from "../../../src/core/ingest/claim-json.js";
import { ingest, startIngest } from "../../../src/core/ingest/ingest.js";
import type { IngestOptions } from "../../../src/core/ingest/types.js";

function read(text: string, options: IngestOptions = {}): IngestJson {
  const r = ingest(text, options);
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join("; "));
  return ingestOutputToJson(r.value);
}

/** A claim in one line: kind, subject ← counterparty, hedge and figure. */
function brief(c: ClaimJson): string {
  const who =
    c.counterparty === null ? "-" : Array.isArray(c.counterparty) ? c.counterparty.join("+") : c.counterparty;
  const a = c.amount;
  const figure = a
    ? `${c.qualifier} ${a.point ?? a.min ?? a.max}${c.qualifier === "range" ? `-${a.max}` : ""} ${a.currency}`
    : "-";
  return `${c.kind} ${c.subject} <- ${who} ${figure}`;
}

const briefs = (text: string, options?: IngestOptions) => read(text, options).claims.map(brief);

describe("ING-ROLE-1 source prepositions", () => {
  it("ING-PART-4 Y lève … auprès de X et de Z: the round, in the raiser, with X and Z as participants", () => {
    expect(
      briefs(
        "La start-up bordelaise Ondine lève 12 millions d'euros auprès de Seraphin Capital et de Bpifrance.",
      ),
    ).toEqual([
      "round_size Ondine <- - exact 12000000 EUR",
      "investment Ondine <- Seraphin Capital -",
      "investment Ondine <- Bpifrance -",
    ]);
  });

  it("… provenant de X, Y et Z, and 'from X and Y'", () => {
    expect(
      briefs("Ondine discute d'un financement de 30 millions d'euros provenant de Gallia, Norma et Vesta."),
    ).toEqual(["investment Ondine <- Gallia+Norma+Vesta exact 30000000 EUR"]);
    expect(briefs("Tandem Labs is raising $45m from Halberd Ventures and Oakmoor Capital.")).toEqual([
      "round_target Tandem Labs <- - exact 45000000 USD",
      "investment Tandem Labs <- Halberd Ventures -",
      "investment Tandem Labs <- Oakmoor Capital -",
    ]);
  });

  it("a list introduced by 'including' or 'notamment' is not exhaustive: the round's size", () => {
    expect(briefs("Tandem Labs raised $45m from investors including Halberd Ventures.")).toEqual([
      "round_size Tandem Labs <- - exact 45000000 USD",
      "investment Tandem Labs <- Halberd Ventures -",
    ]);
  });
});

describe("ING-ROLE-2 and ING-ROLE-3 investors named by nouns and verbs", () => {
  it("X investirait … dans Y; X could invest … in Y; voir X investir", () => {
    expect(briefs("Le groupe Fenris investirait 200 millions d'euros dans Ondine.")).toEqual([
      "investment Ondine <- Fenris exact 200000000 EUR",
    ]);
    expect(briefs("Halberd Ventures could invest about $20m in Tandem Labs.")).toEqual([
      "investment Tandem Labs <- Halberd Ventures about 20000000 USD",
    ]);
    expect(
      briefs("Ondine prépare une levée. Les discussions pourraient voir Gallia investir jusqu'à 8 M€."),
    ).toEqual(["investment Ondine <- Gallia up_to 8000000 EUR"]);
  });

  it("la contribution de X; X's share", () => {
    expect(briefs("Ondine prépare une levée. La contribution de Gallia serait inférieure à 5 M€.")).toEqual([
      "investment Ondine <- Gallia less_than 5000000 EUR",
    ]);
    expect(briefs("Tandem Labs is raising money. Halberd's share would be $10m.")).toEqual([
      "investment Tandem Labs <- Halberd exact 10000000 USD",
    ]);
  });

  it("the antecedent of a relative pronoun, even after a preposition", () => {
    expect(
      briefs("Le tour est mené par le fonds Gallia, qui apporte 6 millions d'euros, dans Ondine."),
    ).toEqual(["investment Ondine <- Gallia exact 6000000 EUR"]);
  });

  it("a list as the subject: X, Y et Z apporteraient ensemble …", () => {
    expect(
      briefs(
        "Ondine négocie une levée. Gallia, Norma et le fonds Vesta Partners apporteraient ensemble 20 M€.",
      ),
    ).toEqual(["investment Ondine <- Gallia+Norma+Vesta Partners exact 20000000 EUR"]);
  });

  it("a company does not invest in itself: its own verb names no investor", () => {
    expect(briefs("Ondine investira 3 millions d'euros dans une nouvelle usine.")).toEqual([]);
  });
});

describe("ING-ROLE-4 carry-over from earlier sentences", () => {
  it("l'entreprise / la firme in an investor's place stand for the investor last spoken of", () => {
    const text =
      "Ondine prépare une levée de fonds. Gallia, un fonds lyonnais, suit le dossier. L'entreprise pourrait investir 4 millions d'euros. La firme détient déjà 10 % de la société.";
    expect(briefs(text)).toEqual([
      "investment Ondine <- Gallia exact 4000000 EUR",
      "existing_stake Ondine <- Gallia -",
    ]);
  });

  it("the company in a company's place stands for the article's subject", () => {
    expect(
      briefs(
        "Tandem Labs is in talks with Halberd Ventures. The round would value the company at $200m before the new money.",
      ),
    ).toEqual(["valuation_pre Tandem Labs <- - exact 200000000 USD"]);
  });

  it("it / il as the subject of an investment verb", () => {
    expect(briefs("Tandem Labs is raising money. Halberd Ventures is keen. It could put in $15m.")).toEqual([
      "investment Tandem Labs <- Halberd Ventures exact 15000000 USD",
    ]);
  });

  it("ces trois entreprises / these three companies: the last list of three names", () => {
    const fr = "Ondine discute avec Gallia, Norma et Vesta. Ces trois entreprises mettraient 30 M€ au total.";
    expect(briefs(fr)).toEqual(["investment Ondine <- Gallia+Norma+Vesta exact 30000000 EUR"]);
    const en =
      "Tandem Labs is in talks with Halberd, Oakmoor and Pike. These three companies could contribute $60m.";
    expect(briefs(en)).toEqual(["investment Tandem Labs <- Halberd+Oakmoor+Pike exact 60000000 USD"]);
  });

  it("the clitic y: the company named before it", () => {
    expect(
      briefs("Gallia est partenaire d'Ondine : le fonds y a déjà investi 2 millions d'euros en 2022."),
    ).toEqual(["investment Ondine <- Gallia exact 2000000 EUR"]);
  });

  it("the article's subject changes with a new raiser", () => {
    const text =
      "Ondine lève 5 millions d'euros. De son côté, Brisa a bouclé un tour de 9 millions d'euros. La société est valorisée 40 millions d'euros.";
    expect(briefs(text)).toEqual([
      "round_size Ondine <- - exact 5000000 EUR",
      "round_size Brisa <- - exact 9000000 EUR",
      "valuation_post Brisa <- - exact 40000000 EUR",
    ]);
  });
});

describe("ING-ROLE-5, ING-ROLE-6 and ING-ROLE-7", () => {
  it("a name with the verb left out after an investment", () => {
    expect(briefs("Gallia a apporté 3 M€ à Ondine, et Norma au moins 1 M€.")).toEqual([
      "investment Ondine <- Gallia exact 3000000 EUR",
      "investment Ondine <- Norma at_least 1000000 EUR",
    ]);
  });

  it("a term sheet with X for an investment of $N", () => {
    expect(
      briefs("Tandem Labs signed a term sheet with Oakmoor Capital for an investment of $8 million."),
    ).toEqual(["investment Tandem Labs <- Oakmoor Capital exact 8000000 USD"]);
  });

  it("spending is not an investment: dans des centres de données, in data centres", () => {
    expect(briefs("Gallia investira 40 millions d'euros dans des centres de données.")).toEqual([]);
    expect(briefs("Halberd will invest $40m in data centres.")).toEqual([]);
  });

  it("invested in other companies, such as X: the example named", () => {
    expect(
      briefs("Tandem Labs is raising. Halberd has invested billions in other startups, such as Kora."),
    ).toEqual(["investment Kora <- Halberd at_least 1000000000 USD"]);
  });
});

describe("ING-KIND kinds", () => {
  it("ING-KIND-5b a target after intent, ING-KIND-5a a size otherwise", () => {
    expect(briefs("Ondine envisage de lever jusqu'à 50 M€.")).toEqual([
      "round_target Ondine <- - up_to 50000000 EUR",
    ]);
    expect(briefs("Tandem Labs aims to raise $30m.")).toEqual([
      "round_target Tandem Labs <- - exact 30000000 USD",
    ]);
    expect(briefs("Ondine a levé 50 M€.")).toEqual(["round_size Ondine <- - exact 50000000 EUR"]);
    expect(briefs("Tandem Labs closed a $30m Series A led by Oakmoor.")).toEqual([
      "round_size Tandem Labs <- - exact 30000000 USD",
      "investment Tandem Labs <- Oakmoor -",
    ]);
  });

  it("ING-KIND-3 valuations: pre, post, and unstated read as post with basis_stated false", () => {
    const claims = read(
      "Ondine a levé 10 M€, sur une valorisation pré-money de 40 M€, soit 50 M€ post-money. Elle avait été valorisée 20 M€ en 2022.",
    ).claims;
    expect(claims.map((c) => [c.kind, c.basis_stated, c.amount?.point])).toEqual([
      ["round_size", undefined, 10000000],
      ["valuation_pre", true, 40000000],
      ["valuation_post", true, 50000000],
      ["valuation_post", false, 20000000],
    ]);
  });

  it("ING-KIND-2 revenue, spending, acquisitions and totals to date are not claims", () => {
    expect(
      briefs(
        "Ondine a réalisé 8 M€ de chiffre d'affaires. Elle a racheté Brisa pour 3 M€. Depuis sa création, elle a levé au total 60 M€.",
      ),
    ).toEqual([]);
    expect(
      briefs(
        "Tandem Labs spent $12m on research last year. It has raised more than $90m to date. Revenue reached $20m.",
      ),
    ).toEqual([]);
  });

  it("ING-KIND-6 and ING-KIND-7: 'le montant' and another version take the last figure's kind and parties", () => {
    expect(
      briefs(
        "Gallia pourrait investir 10 M€ dans Ondine. Le montant pourrait atteindre 15 M€. D'autres sources évoquent 20 M€.",
      ),
    ).toEqual([
      "investment Ondine <- Gallia exact 10000000 EUR",
      "investment Ondine <- Gallia exact 15000000 EUR",
      "investment Ondine <- Gallia exact 20000000 EUR",
    ]);
  });
});

describe("ING-STAT status", () => {
  const statuses = (text: string) => read(text).claims.map((c) => c.status);

  it("ING-STAT-1 hedged reports are rumoured, even inside the attribution", () => {
    expect(statuses("Des rapports suggèrent que Gallia investirait 5 M€ dans Ondine.")).toEqual(["rumored"]);
    // ING-STAT-12 (real reports' convention): "reportedly" hedges the report; the round is still being raised.
    expect(statuses("Tandem Labs is reportedly raising $30m.")).toEqual(["in_talks"]);
    expect(statuses("Tandem Labs is rumoured to be raising $30m.")).toEqual(["rumored"]);
  });

  it("ING-STAT-2 the nearest status word", () => {
    expect(statuses("Ondine a bouclé une levée de 5 M€.")).toEqual(["closed"]);
    // ING-STAT-11: a raise announced is done (real reports' convention).
    expect(statuses("Ondine annonce une levée de 5 M€.")).toEqual(["closed"]);
    expect(statuses("Ondine a annoncé son intention de lever 5 M€.")).toEqual(["announced"]);
    expect(statuses("Gallia a signé une lettre d'intention pour investir 5 M€ dans Ondine.")).toEqual([
      "agreed",
    ]);
    expect(statuses("Ondine est en pourparlers pour lever 5 M€.")).toEqual(["in_talks"]);
    expect(statuses("Tandem Labs has signed a deal with Oakmoor, which will invest $4m.")).toEqual([
      "agreed",
    ]);
  });

  it("ING-STAT-3 a conditional keeps the deal's status; agreements in the conditional are rumoured", () => {
    expect(
      statuses(
        "Ondine est en négociations pour lever 20 M€. Gallia pourrait apporter 5 M€. L'accord pourrait s'accompagner d'un contrat de distribution avec Gallia.",
      ),
    ).toEqual(["in_talks", "in_talks", "rumored"]);
  });

  it("ING-STAT-5 words in a relative clause stay in it", () => {
    const text =
      "Tandem Labs is in talks to raise $50m. Oakmoor, which led Tandem's $10m Series A last year, is likely to take part.";
    expect(read(text).claims.map((c) => [c.kind, c.status, c.temporal])).toEqual([
      ["round_target", "in_talks", "current"],
      ["round_size", "closed", "background"],
      // ING-PART-2, ING-PART-5: Oakmoor takes part in the round sought, not in the one of the relative clause.
      ["investment", "rumored", "current"],
    ]);
  });
});

describe("ING-TEMP time", () => {
  it("ING-TEMP-1 closed claims in an earlier time are background; years against the publication date", () => {
    const text = "Ondine a levé 12 M€ en mars 2026. Elle avait levé 3 M€ l'an dernier.";
    expect(read(text, { sourceDate: "2026-04-01" }).claims.map((c) => c.temporal)).toEqual([
      "current",
      "background",
    ]);
    expect(read(text).claims.map((c) => c.temporal)).toEqual(["background", "background"]);
  });

  it("ING-TEMP-2 a stake held is background", () => {
    expect(read("Gallia détient 15 % d'Ondine.").claims.map((c) => [c.kind, c.temporal])).toEqual([
      ["existing_stake", "background"],
    ]);
  });
});

describe("ING-AGR commercial agreements", () => {
  it("ING-AGR-1 only when tied to an investor", () => {
    const text =
      "Gallia investira 5 M€ dans Ondine. Ondine a aussi signé un contrat de fourniture avec Gallia. Elle a signé un contrat de distribution avec Brisa.";
    expect(briefs(text)).toEqual([
      "investment Ondine <- Gallia exact 5000000 EUR",
      "commercial_agreement Ondine <- Gallia -",
    ]);
  });

  it("ING-AGR-1 with a value; ING-AGR-3 investors known from a verb without a figure", () => {
    const text =
      "Tandem Labs closed a $20m round. Oakmoor Capital joined the round. Separately, Tandem agreed to buy $5m of chips from Oakmoor Capital.";
    expect(briefs(text)).toEqual([
      "round_size Tandem Labs <- - exact 20000000 USD",
      "commercial_agreement Tandem Labs <- Oakmoor Capital exact 5000000 USD",
    ]);
  });

  it("ING-AGR-2 one claim per item", () => {
    const text =
      "Gallia investirait 10 M€ dans Ondine. L'opération s'accompagnerait d'accords commerciaux, notamment pour l'utilisation du cloud de Gallia et la distribution des logiciels d'Ondine.";
    const claims = read(text).claims.filter((c) => c.kind === "commercial_agreement");
    expect(claims.map((c) => [c.counterparty, c.status, c.evidence])).toEqual([
      ["Gallia", "rumored", "accords commerciaux, notamment pour l'utilisation du cloud de Gallia"],
      ["Gallia", "rumored", "la distribution des logiciels d'Ondine"],
    ]);
  });
});

describe("ING-STAKE stakes", () => {
  it("ING-STAKE-1 with a percentage or a fraction, hedged; a negation cancels it", () => {
    const claims = read(
      "Ondine lève 5 M€. Gallia détient environ 20 % du capital. Norma possède un quart de la société. Brisa ne détient pas de part.",
    ).claims.filter((c) => c.kind === "existing_stake");
    expect(claims.map((c) => [c.counterparty, c.subject, c.fraction])).toEqual([
      ["Gallia", "Ondine", { qualifier: "about", point: 0.2 }],
      ["Norma", "Ondine", { qualifier: "exact", point: 0.25 }],
    ]);
  });

  it("ING-STAKE-2 shareholder nouns in apposition", () => {
    expect(briefs("Tandem Labs drew $6m from Pike Fund, its largest existing shareholder.")).toEqual([
      "investment Tandem Labs <- Pike Fund exact 6000000 USD",
      "existing_stake Tandem Labs <- Pike Fund -",
    ]);
  });
});

describe("ING-CONF conflicts", () => {
  it("ING-CONF-1 another version; ING-CONF-2 incompatible figures", () => {
    const out = read(
      "Gallia investirait 10 M€ dans Ondine. Dans une autre version, Gallia investirait 30 M€ dans Ondine. Ondine lève 40 M€. Ondine lève 60 M€.",
    );
    expect(out.conflicts.map((k) => [k.type, k.claims])).toEqual([
      ["alternative", [0, 1]],
      ["incompatible", [2, 3]],
    ]);
  });

  it("ING-CONF-3 members' ceilings against the group's figure", () => {
    const out = read(
      "Ondine discute d'un financement de 10 M€ provenant de Gallia et Norma. Gallia pourrait investir jusqu'à 8 M€. Norma pourrait investir jusqu'à 6 M€.",
    );
    expect(out.conflicts.map((k) => [k.type, k.claims])).toEqual([["members_exceed_group", [0, 1, 2]]]);
    const inconsistent = read(
      "Ondine discute d'un financement de 10 M€ provenant de Gallia et Norma. Gallia investirait au moins 8 M€. Norma investirait au moins 6 M€.",
    );
    expect(inconsistent.conflicts.map((k) => [k.type, k.claims])).toEqual([
      ["members_sum_inconsistent", [0, 1, 2]],
    ]);
  });

  it("no conflict between compatible figures or different quantities", () => {
    const out = read(
      "Gallia investirait jusqu'à 10 M€ dans Ondine. Gallia investirait environ 8 M€ dans Ondine. Norma investirait 30 M€ dans Ondine.",
    );
    expect(out.conflicts).toEqual([]);
  });
});

describe("ING-ENT names and known stakeholders", () => {
  it("matches known stakeholders by name or alias, ignoring case and accents", () => {
    const out = read("AÉROLIS lève 10 M€ auprès de BPI et d'AWS.", {
      knownStakeholders: [
        { id: "aerolis", name: "Aérolis SAS", aliases: ["Aerolis"] },
        { id: "bpi", name: "Bpifrance", aliases: ["BPI"] },
        { id: "amazon", name: "Amazon", aliases: ["AWS", "Amazon Web Services"] },
      ],
    });
    expect(out.claims.map((c) => [c.subject_id, c.counterparty_ids])).toEqual([
      ["aerolis", []],
      ["aerolis", ["bpi"]],
      ["aerolis", ["amazon"]],
    ]);
    expect(out.entities.filter((e) => e.proposed)).toEqual([]);
  });

  it("proposes unknown organisations a claim names, links short forms, keeps arms apart", () => {
    const out = read(
      "Meridian leads round. Meridian Capital invested $30m in Pallas Energy. Pallas agreed a cloud deal with Meridian Cloud, the cloud unit of Meridian Capital.",
    );
    expect(out.claims.map(brief)).toEqual([
      "investment Pallas Energy <- Meridian Capital exact 30000000 USD",
      "commercial_agreement Pallas Energy <- Meridian Capital -",
    ]);
    const entities = Object.fromEntries(out.entities.map((e) => [e.name, [e.id, e.proposed, e.aliases]]));
    expect(entities["Meridian Capital"]).toEqual(["meridian-capital", true, ["Meridian"]]);
    expect(entities["Pallas Energy"]).toEqual(["pallas-energy", true, ["Pallas"]]);
    expect(entities["Meridian Cloud"]).toEqual(["meridian-cloud", false, []]);
  });

  it("reads people as people and French elisions as articles", () => {
    const out = read(
      "Le business angel Claire Moreau a investi 500 000 euros dans Ondine, d'après l'Usine Nouvelle.",
    );
    expect(out.claims.map(brief)).toEqual(["investment Ondine <- Claire Moreau exact 500000 EUR"]);
    expect(out.entities.find((e) => e.name === "Claire Moreau")?.type).toBe("person");
  });
});

describe("ING-OUT-1 offsets and the JSON schema", () => {
  const corpus = [
    "OpenAI envisage de lever jusqu’à 100 milliards de dollars. Selon des sources, Nvidia pourrait investir 30 Md$.",
    "Tandem Labs closed a $20m round. “We are thrilled,” said Ana Ruiz, its chief executive. Oakmoor invested $12m.",
  ];

  it("evidence and attribution are the exact text at their offsets", () => {
    for (const text of corpus) {
      const r = ingest(text);
      if (!r.ok) throw new Error("ingest");
      for (const c of r.value.claims) {
        expect(text.slice(c.evidence.start, c.evidence.end)).toBe(c.evidence.text);
        if (c.attribution)
          expect(text.slice(c.attribution.start, c.attribution.end)).toBe(c.attribution.text);
        expect(c.evidence.start).toBeGreaterThanOrEqual(c.sentence.start);
        expect(c.evidence.end).toBeLessThanOrEqual(c.sentence.end);
      }
    }
  });

  it("writes the fixtures' amount encoding with plain numbers", () => {
    const [c] = read("Ondine envisage de lever jusqu'à 100 milliards de dollars.").claims;
    expect(c).toMatchObject({
      kind: "round_target",
      subject: "Ondine",
      counterparty: null,
      amount: { currency: "USD", min: null, max: 100000000000, point: null },
      qualifier: "up_to",
      attribution: null,
      status: "in_talks",
      evidence: "Ondine envisage de lever jusqu'à 100 milliards de dollars",
      start: 0,
      end: 57,
      temporal: "current",
      vague: false,
    });
  });
});

describe("warnings", () => {
  it("a text with no figure gives no claim and an ingest_no_figures warning", () => {
    const out = read("La start-up grenobloise prépare sa croissance et recrute des ingénieurs.");
    expect(out.claims).toEqual([]);
    expect(out.warnings.map((w) => w.code)).toEqual(["ingest_no_figures"]);
  });

  it("ING-AMT-6 an amount with no currency takes the article's, with a warning", () => {
    const out = read(
      "Tandem Labs raised $20m. Oakmoor has invested billions in other startups, such as Kora.",
    );
    expect(out.claims[1]).toMatchObject({ amount: { currency: "USD" }, currency_inferred: true });
    expect(out.warnings.map((w) => w.code)).toEqual(["ingest_currency_inferred"]);
  });
});

describe("ING-LIM-2 reading in pieces gives the same result, deterministically", () => {
  const text = [
    "OpenAI envisage de lever jusqu’à 100 milliards de dollars dans un nouveau cycle de financement.",
    "Une partie porte sur un financement autour de 40 milliards de dollars provenant de Nvidia, Microsoft et Amazon. L'entreprise pourrait investir jusqu'à 50 Md$.",
    "Tandem Labs closed a $20m round led by Oakmoor.\nOakmoor invested $12m, and Pike Fund $3m.",
  ].join("\n\n");
  const whole = JSON.stringify(read(text));

  it("for any cut of the text, as text or as bytes", () => {
    const bytes = new TextEncoder().encode(text);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: text.length - 1 }), { maxLength: 6 }),
        fc.boolean(),
        (cuts, asBytes) => {
          const session = startIngest();
          if (!session.ok) throw new Error("options");
          const points = [0, ...cuts.sort((a, b) => a - b), asBytes ? bytes.length : text.length];
          for (let i = 0; i + 1 < points.length; i++) {
            const piece = asBytes
              ? bytes.slice(points[i]!, points[i + 1]!)
              : text.slice(points[i]!, points[i + 1]!);
            expect(session.value.push(piece)).toBeUndefined();
          }
          const end = session.value.end();
          if (!end.ok) throw new Error(end.problems[0]!.message);
          expect(JSON.stringify(ingestOutputToJson(end.value))).toBe(whole);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("cuts a paragraph longer than LIMITS.ingestParagraphChars at a sentence end and still reads it", () => {
    // Each sentence states another figure: repeats of one fact are merged (ING-DUP-1).
    const sentences: string[] = [];
    for (let k = 0, size = 0; size < 300 * 1024; k++) {
      sentences.push(`Gallia a investi ${(k % 900) + 1} M€ dans Ondine en 2020. `);
      size += sentences[k]!.length;
    }
    const out = read(sentences.join(""));
    expect(out.claims.length).toBe(sentences.length);
  });
});
