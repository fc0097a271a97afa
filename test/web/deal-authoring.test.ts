import { describe, expect, it } from "vitest";
import { newConvertibleEntries } from "../../src/deal/add-convertible.js";
import { newRoundEntries } from "../../src/deal/add-round.js";
import { appendToDealText } from "../../src/deal/edit.js";
import { loadDeal } from "../../src/deal/load.js";
import { dealDocumentFromText } from "../../src/web/api/deal-text.js";
import {
  addConvertible,
  addRound,
  appendEntries,
  checkNewDeal,
  deleteRecord,
  pushEdit,
  putRecord,
  recordFromFields,
  redo,
  startHistory,
  undo,
} from "../../src/web/engine/deal-authoring.js";
import { whatIfFromQuery, whatIfQuery } from "../../src/web/engine/what-if-link.js";
import { exampleText } from "./support/examples.js";

/** The text the CLI writes for the same additions, read back into the document the app stores. */
function cliEdit(text: string, additions: Record<string, readonly Record<string, unknown>[]>) {
  const edited = appendToDealText(text, additions);
  if (!edited.ok) throw new Error(edited.error);
  return dealDocumentFromText(edited.text)!;
}

function validated(text: string) {
  const loaded = loadDeal(text, "deal.yaml");
  if (!loaded.ok) throw new Error(loaded.diagnostics[0]!.message);
  return loaded.deal.document;
}

const START = `roundtable: 1
company:
  name: Acme Robotics
  formed: 2024-01-10
  currency: USD
stakeholders:
  - id: ada
    name: Ada Founder
    type: individual
classes:
  - id: common
    name: Common
    type: common
pools:
  - id: esop
    name: Employee pool
    class: common
    reserved: 1_000_000
transactions:
  - id: t1
    type: issue
    date: 2024-01-10
    holder: ada
    class: common
    shares: 8_000_000
`;

describe("WEB-AUTH-1 an edit in the app gives the same document as the same edit by hand or by the CLI", () => {
  it("WEB-AUTH-1 a SAFE added from the form equals roundtable add-safe's edit of the same file", () => {
    const options = {
      kind: "safe" as const,
      investor: "Seed Fund",
      date: "2024-06-01",
      amount: "$1M",
      cap: "$10M",
      safeType: "post_money" as const,
      mfn: false,
      proRata: false,
    };
    const app = addConvertible(dealDocumentFromText(START)!, options);
    if (!app.ok) throw new Error(app.problems[0]!.message);
    const entries = newConvertibleEntries(validated(START), options);
    if (!entries.ok) throw new Error("cli");
    expect(app.document).toEqual(cliEdit(START, entries.value.additions));
    expect(app.document.transactions).toContainEqual({
      id: "safe-seed-fund",
      type: "safe",
      date: "2024-06-01",
      holder: "seed-fund",
      amount: "$1M",
      cap: "$10M",
      safeType: "post_money",
    });
  });

  it("WEB-AUTH-1 a note added from the form equals roundtable add-note's edit", () => {
    const options = {
      kind: "note" as const,
      investor: "ada",
      date: "2024-07-01",
      principal: "$250K",
      interestRate: "6%",
      interest: "simple" as const,
      capBasis: "pre_money" as const,
      cap: "$8M",
      proRata: false,
    };
    const app = addConvertible(dealDocumentFromText(START)!, options);
    if (!app.ok) throw new Error(app.problems[0]!.message);
    const entries = newConvertibleEntries(validated(START), options);
    if (!entries.ok) throw new Error("cli");
    expect(app.document).toEqual(cliEdit(START, entries.value.additions));
  });

  it("WEB-AUTH-1 a round added from the form equals roundtable add-round's edit; pro rata and closings are written as by hand", () => {
    const options = {
      name: "Series A",
      date: "2025-03-01",
      preMoney: "$20M",
      investments: ["Lead Capital=$5M"],
      poolTarget: "10%",
    };
    const app = addRound(dealDocumentFromText(START)!, options);
    if (!app.ok) throw new Error(app.problems[0]!.message);
    const entries = newRoundEntries(validated(START), options);
    if (!entries.ok) throw new Error("cli");
    expect(app.document).toEqual(cliEdit(START, entries.value.additions));

    const withProRata = addRound(dealDocumentFromText(START)!, {
      ...options,
      proRata: ["Ada Founder"],
      closings: ["first=2025-03-01"],
    });
    if (!withProRata.ok) throw new Error(withProRata.problems[0]!.message);
    const round = (withProRata.document.rounds as Record<string, unknown>[])[0]!;
    expect(round.investments).toEqual([
      { investor: "lead-capital", amount: "$5M", lead: true },
      { investor: "ada", proRata: true },
    ]);
    expect(round.closings).toEqual([{ id: "first", date: "2025-03-01" }]);
  });

  it("WEB-AUTH-1 a stakeholder, a class and a transaction from forms equal the same entries written by hand", () => {
    let doc = dealDocumentFromText(START)!;
    const steps: [Parameters<typeof putRecord>[1], Record<string, string | boolean>, string[]][] = [
      ["stakeholders", { name: "Bea Engineer", type: "individual" }, ["name", "type"]],
      [
        "classes",
        {
          id: "seed",
          name: "Seed Preferred",
          type: "preferred",
          originalIssuePrice: "$1.25",
          "preference.multiple": "1x",
          "preference.participation": "none",
        },
        ["id", "name", "type", "originalIssuePrice", "preference.multiple", "preference.participation"],
      ],
      [
        "transactions",
        {
          type: "grant",
          date: "2024-03-01",
          holder: "bea-engineer",
          pool: "esop",
          quantity: "100_000",
          exercisePrice: "$0.10",
        },
        ["type", "date", "holder", "pool", "quantity", "exercisePrice"],
      ],
      [
        "transactions",
        { type: "pool_increase", date: "2024-04-01", pool: "esop", shares: "500_000" },
        ["type", "date", "pool", "shares"],
      ],
    ];
    for (const [list, fields, shown] of steps) {
      const result = putRecord(doc, list, recordFromFields(fields, shown));
      if (!result.ok) throw new Error(result.problems.map((p) => `${p.field}: ${p.message}`).join("; "));
      doc = result.document;
    }
    const byHand = dealDocumentFromText(`${START.replace(
      "classes:\n",
      "  - id: bea-engineer\n    name: Bea Engineer\n    type: individual\nclasses:\n",
    ).replace(
      "pools:\n",
      `  - id: seed
    name: Seed Preferred
    type: preferred
    originalIssuePrice: $1.25
    preference:
      multiple: 1x
      participation: none
pools:
`,
    )}  - type: grant
    date: 2024-03-01
    holder: bea-engineer
    pool: esop
    quantity: 100_000
    exercisePrice: $0.10
  - type: pool_increase
    date: 2024-04-01
    pool: esop
    shares: 500_000
`)!;
    expect(doc).toEqual(byHand);
    expect(loadDeal(JSON.stringify(doc), "x.json").ok).toBe(true);
  });
});

describe("WEB-AUTH-1 a form's problems are the loader's, on the field they are about", () => {
  it("WEB-AUTH-1 a share count of 12,5k is refused on the shares field with the loader's message", () => {
    const doc = dealDocumentFromText(START)!;
    const result = putRecord(
      doc,
      "transactions",
      recordFromFields(
        { type: "issue", date: "2024-02-01", holder: "ada", class: "common", shares: "12,5k" },
        ["type", "date", "holder", "class", "shares"],
      ),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]!.field).toBe("shares");
    const hand = loadDeal(
      `${START}  - type: issue\n    date: 2024-02-01\n    holder: ada\n    class: common\n    shares: 12,5k\n`,
      "deal.yaml",
    );
    expect(hand.ok).toBe(false);
    if (hand.ok) return;
    expect(result.problems[0]!.message).toBe(hand.diagnostics[0]!.message);
  });

  it("WEB-AUTH-1 an unknown class and a bad date are each on their field; a SAFE without cap or discount names --cap as the CLI does", () => {
    const doc = dealDocumentFromText(START)!;
    const unknownClass = putRecord(
      doc,
      "transactions",
      recordFromFields(
        { type: "issue", date: "2024-02-01", holder: "ada", class: "series-z", shares: "10" },
        ["type", "date", "holder", "class", "shares"],
      ),
    );
    expect(unknownClass.ok).toBe(false);
    if (!unknownClass.ok) expect(unknownClass.problems.map((p) => p.field)).toContain("class");
    const badDate = putRecord(doc, "stakeholders", { name: "X", type: "person" });
    expect(badDate.ok).toBe(false);
    if (!badDate.ok) expect(badDate.problems[0]!.field).toBe("type");
    const safe = addConvertible(doc, {
      kind: "safe",
      investor: "Angel",
      date: "2024-06-01",
      amount: "$100K",
      safeType: "post_money",
      mfn: false,
      proRata: false,
    });
    expect(safe).toEqual({
      ok: false,
      problems: [
        { field: "cap", message: "a SAFE needs a valuation cap (--cap), a discount (--discount), or both" },
      ],
    });
  });

  it("WEB-AUTH-1 a new deal's company is checked as the loader checks it", () => {
    const bad = checkNewDeal({ name: "Acme", currency: "usd" });
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.problems).toEqual([{ field: "currency", message: expect.stringContaining("ISO 4217") }]);
    const good = checkNewDeal({ name: "Acme", currency: "EUR", formed: "2024-01-01" });
    expect(good).toEqual({
      ok: true,
      document: { roundtable: 1, company: { name: "Acme", formed: "2024-01-01", currency: "EUR" } },
      warnings: [],
    });
  });

  it("WEB-AUTH-1 removing a record another names is refused with the loader's message", () => {
    const doc = dealDocumentFromText(START)!;
    const result = deleteRecord(doc, "stakeholders", 0);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.message).toMatch(/ada/);
  });

  it("WEB-AUTH-1 appending to a list the document lacks creates it, as the CLI's text edit does", () => {
    const text = exampleText("seed-to-series-a");
    const additions = { scenarios: [{ id: "bear", name: "Bear", pick: "low" }] };
    expect(appendEntries(dealDocumentFromText(text)!, additions)).toEqual(cliEdit(text, additions));
  });
});

describe("WEB-AUTH-2 undo and redo of unsaved edits", () => {
  it("WEB-AUTH-2 undo steps back, redo forward, and a new edit drops what was undone", () => {
    const a = { roundtable: 1, company: { name: "A" } };
    const b = { ...a, company: { name: "B" } };
    const c = { ...a, company: { name: "C" } };
    let h = pushEdit(pushEdit(startHistory(a), b), c);
    h = undo(h);
    expect(h.present).toBe(b);
    h = undo(h);
    expect(h.present).toBe(a);
    expect(undo(h)).toBe(h);
    h = redo(h);
    expect(h.present).toBe(b);
    h = pushEdit(h, c);
    expect(h.future).toEqual([]);
    expect(redo(h)).toBe(h);
    expect(h.past).toEqual([a, b]);
  });
});

describe("WEB-AUTH-6 a what-if as a link", () => {
  it("WEB-AUTH-6 the builder's state reads back from its link, and a link that does not fit the round is ignored", () => {
    const edit = {
      basis: "pre_money" as const,
      valueText: "$830B",
      amountTexts: ["$50B", null, "10 Md$"],
      poolTargetText: null,
    };
    const query = new URLSearchParams(whatIfQuery(edit).toString());
    expect(whatIfFromQuery(query, 3)).toEqual(edit);
    expect(whatIfFromQuery(query, 2)).toBeUndefined();
    expect(whatIfFromQuery(new URLSearchParams("whatif=%5B1%5D"), 3)).toBeUndefined();
    expect(whatIfFromQuery(new URLSearchParams("whatif=not-json"), 3)).toBeUndefined();
    expect(whatIfFromQuery(new URLSearchParams(""), 3)).toBeUndefined();
  });
});
