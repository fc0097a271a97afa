/**
 * ING-PART-G: a list of names in a sentence about who puts money in names the round's
 * participants, unless it names customers, rivals, founders, a roundup's companies, a
 * portfolio or a project's partners. The sentences are written for these tests in the manner
 * of press reports, with fictional companies; none is copied from a report.
 */
import { describe, expect, it } from "vitest";
import { briefs, claims } from "../../support/ingest-text.js";

describe("ING-PART-G lists of investors no narrower rule reads", () => {
  it("a list in apposition to the round's investors, in English", () => {
    const out = claims(
      "Corvane Bio has raised $45 million in a Series B. The round drew Halden Capital, Marlow Ventures, Quillon Partners and Tessaro Health Fund.",
    );
    const listed = out.filter((c) => c.rules.includes("ING-PART-G"));
    expect(listed.map((c) => [c.subject, c.counterparty, c.kind, c.amount])).toEqual([
      ["Corvane Bio", "Halden Capital", "investment", null],
      ["Corvane Bio", "Marlow Ventures", "investment", null],
      ["Corvane Bio", "Quillon Partners", "investment", null],
      ["Corvane Bio", "Tessaro Health Fund", "investment", null],
    ]);
  });

  it("a list after 'le tour de table est constitué de', in French, with the round's status", () => {
    const out = briefs(
      "Verdane a finalisé une levée de 11 millions d'euros. Le tour de table est constitué de Sofival, Rhône Invest, Alpenrose Capital et Forgeval.",
    );
    expect(out).toEqual([
      "round_size Verdane <- - exact 11000000 EUR",
      "investment Verdane <- Sofival -",
      "investment Verdane <- Rhône Invest -",
      "investment Verdane <- Alpenrose Capital -",
      "investment Verdane <- Forgeval -",
    ]);
  });

  it("people are investors only as angels, individual investors or shareholders", () => {
    const angels = briefs(
      "Orlane lève 3 millions d'euros auprès d'investisseurs comme Paul Verdier, Claire Osmond et Jean Talbot.",
    );
    expect(angels.filter((b) => b.startsWith("investment"))).toEqual([
      "investment Orlane <- Paul Verdier -",
      "investment Orlane <- Claire Osmond -",
      "investment Orlane <- Jean Talbot -",
    ]);
    const founders = briefs(
      "Orlane, fondée en 2021 par Paul Verdier, Claire Osmond et Jean Talbot, lève 3 millions d'euros auprès de ses investisseurs.",
    );
    expect(founders.filter((b) => b.startsWith("investment"))).toEqual([]);
  });

  it("not investors: a roundup's companies, customers, a portfolio, a project's partners", () => {
    const none = (text: string) =>
      claims(text)
        .filter((c) => c.rules.includes("ING-PART-G"))
        .map((c) => c.counterparty);
    expect(
      none(
        "Le secteur des RH se distingue cette semaine avec trois levées (Javane, Pellor et Quintal) pour 9 millions d'euros.",
      ),
    ).toEqual([]);
    expect(
      none(
        "Corvane Bio raised $45 million from its investors; its customers include Halden Health, Marlow Clinics and Quillon Labs.",
      ),
    ).toEqual([]);
    expect(
      none(
        "Northbay Capital, which raised a $2 billion fund, has invested in Halden, Marlow and Quillon over the years.",
      ),
    ).toEqual([]);
    expect(
      none(
        "Le projet Solenne, dans lequel Verdane et Forgeval sont associés aux côtés de Sofival et Alpenrose, lève 40 millions d'euros.",
      ),
    ).toEqual([]);
  });
});

describe("ING-TOPIC-19 names made as investors name themselves", () => {
  it("are not the company raising money on being named first, nor a claim's subject beside a topic", () => {
    const out = briefs(
      "Halden Capital Partners, Marlow Ventures and Tessaro Growth back $30 million round for Corvane. Corvane Bio has secured $30 million in a Series A. Halden Capital Partners and others, like seed lead Quillon Fund, joined the $30 million round.",
    );
    expect(out.filter((b) => !b.includes("<- Corvane")).every((b) => / (Corvane|Corvane Bio) /.test(b))).toBe(
      true,
    );
  });

  it("a fund raising money itself stays the subject ('Kestrel Capital raised a $200 million fund' reads no round of another)", () => {
    const out = claims("Kestrel Capital raised $40 million from its partners in March.");
    expect(out.map((c) => c.subject)).toEqual(["Kestrel Capital"]);
  });
});
