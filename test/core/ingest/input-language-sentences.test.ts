/**
 * Input checks, limits, language detection, sentence splitting and folding
 * (docs/spec/ingest.md ING-IN, ING-LIM, ING-LANG, ING-SENT).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Rational } from "../../../src/core/exact/rational.js";
import { findConflicts } from "../../../src/core/ingest/conflicts.js";
import { EntityRegistry } from "../../../src/core/ingest/entity-registry.js";
import { ingest, startIngest } from "../../../src/core/ingest/ingest.js";
import { checkCharacters, Utf8Validator, utf8Length } from "../../../src/core/ingest/input-check.js";
import { detectLanguage } from "../../../src/core/ingest/language.js";
import { FRENCH_RULES } from "../../../src/core/ingest/lexicon-fr.js";
import { ClaimReader } from "../../../src/core/ingest/reader.js";
import { splitSentences } from "../../../src/core/ingest/sentences.js";
import { foldText } from "../../../src/core/ingest/text-fold.js";
import { LIMITS } from "../../../src/core/shared/limits.js";

const encoder = new TextEncoder();

function problemOf(result: ReturnType<typeof ingest>) {
  if (result.ok) throw new Error("expected a problem");
  return result.problems[0]!;
}

describe("ING-IN-1 UTF-8", () => {
  it("accepts valid UTF-8 bytes and reads them as text", () => {
    const r = ingest(encoder.encode("Helix Énergie a levé 45 millions d’euros auprès de Bpifrance."));
    expect(r.ok).toBe(true);
    // The round and Bpifrance as its participant (ING-PART-4).
    if (r.ok) expect(r.value.claims).toHaveLength(2);
  });

  it.each([
    ["a lone continuation byte", [0x41, 0x80, 0x41], 1],
    ["an overlong encoding of '/'", [0x41, 0x42, 0xc0, 0xaf], 2],
    ["a UTF-16 surrogate encoded in UTF-8", [0xed, 0xa0, 0x80], 0],
    ["a code point above U+10FFFF", [0xf4, 0x90, 0x80, 0x80], 0],
    ["a sequence cut short at the end", [0x41, 0xe2, 0x82], 1],
    ["Latin-1 text", [0x63, 0x61, 0x66, 0xe9, 0x20], 3],
  ])("refuses %s with its byte offset", (_label, bytes, offset) => {
    const p = problemOf(ingest(new Uint8Array(bytes)));
    expect(p.code).toBe("ingest_invalid_utf8");
    expect(p.message).toContain(`byte ${offset}`);
  });

  it("refuses a string with an unpaired surrogate, with its offset", () => {
    const p = problemOf(ingest("Helix lève 45 M€ \ud800 x"));
    expect(p.code).toBe("ingest_invalid_utf8");
    expect(p.message).toContain("offset 17");
  });

  it("accepts a surrogate pair split between two pieces of a session", () => {
    const session = startIngest();
    if (!session.ok) throw new Error("options");
    const emoji = "🚀";
    expect(session.value.push(`Helix lève 45 M€ ${emoji[0]}`)).toBeUndefined();
    expect(session.value.push(`${emoji[1]} auprès de Bpifrance.`)).toBeUndefined();
    expect(session.value.end().ok).toBe(true);
  });

  it("validates a multi-byte character split between byte pieces", () => {
    const bytes = encoder.encode("Aérolis a levé 40 M€.");
    const v = new Utf8Validator();
    expect(v.push(bytes.slice(0, 2))).toBeUndefined();
    expect(v.push(bytes.slice(2))).toBeUndefined();
    expect(v.end()).toBeUndefined();
  });
});

describe("ING-IN-2 binary input", () => {
  it("refuses NUL bytes with their byte offset", () => {
    const p = problemOf(ingest(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00])));
    expect(p.code).toBe("ingest_binary_input");
    expect(p.message).toContain("byte 4");
  });

  it("refuses a NUL character in a string, counting from the start of the whole input", () => {
    const session = startIngest();
    if (!session.ok) throw new Error("options");
    expect(session.value.push("OpenAI envisage ")).toBeUndefined();
    const p = session.value.push("de lever\u0000");
    expect(p?.code).toBe("ingest_binary_input");
    expect(p?.message).toContain("offset 24");
    expect(checkCharacters("ab\u0000", 10)?.message).toContain("offset 12");
  });
});

describe("ING-IN-3 empty input", () => {
  it.each([[""], ["   \n\n\t  "], [new Uint8Array()]])("refuses %j", (input) => {
    const p = problemOf(ingest(input));
    expect(p.code).toBe("ingest_empty_input");
    expect(p.message).toContain("empty");
  });
});

describe("ING-IN-4 options", () => {
  it.each([
    [{ lang: "de" }, "lang"],
    [{ sourceDate: "2026-02-30" }, "sourceDate"],
    [{ sourceDate: "28/01/2026" }, "sourceDate"],
    [{ knownStakeholders: [{ id: "", name: "Amazon" }] }, "knownStakeholders[0].id"],
    [{ knownStakeholders: [{ id: "amazon", name: " " }] }, "knownStakeholders[0].name"],
    [{ knownStakeholders: [{ id: "a", name: "A", aliases: "AWS" }] }, "knownStakeholders[0].aliases"],
    [
      {
        knownStakeholders: [
          { id: "a", name: "A" },
          { id: "a", name: "B" },
        ],
      },
      "given twice",
    ],
  ])("refuses %j naming the field", (options, expected) => {
    const r = ingest("Helix lève 45 M€.", options as never);
    const p = problemOf(r);
    expect(p.code).toBe("ingest_invalid_option");
    expect(p.message).toContain(expected);
  });

  it("refuses pushing to a session that has ended, and mixing text and bytes", () => {
    const s = startIngest();
    if (!s.ok) throw new Error("options");
    expect(s.value.push("Helix lève 45 M€.")).toBeUndefined();
    expect(s.value.push(new Uint8Array([0x41]))?.code).toBe("usage");
    const t = startIngest();
    if (!t.ok) throw new Error("options");
    t.value.push("Helix lève 45 M€.");
    t.value.end();
    expect(t.value.push("more")?.code).toBe("usage");
  });
});

describe("ING-LIM-1 size limit", () => {
  it("refuses a string over LIMITS.ingestTextBytes before reading it, naming the limit", () => {
    const p = problemOf(ingest("a".repeat(LIMITS.ingestTextBytes + 1)));
    expect(p.code).toBe("input_too_large");
    expect(p.message).toContain("64.0 MiB");
    expect(p.message).toContain("LIMITS.ingestTextBytes");
  });

  it("counts bytes across the pieces of a session", () => {
    const s = startIngest();
    if (!s.ok) throw new Error("options");
    const piece = new Uint8Array(LIMITS.ingestTextBytes / 2).fill(0x20);
    expect(s.value.push(piece)).toBeUndefined();
    expect(s.value.push(piece)).toBeUndefined();
    expect(s.value.push(new Uint8Array([0x20]))?.code).toBe("input_too_large");
  });

  it("counts UTF-8 bytes, not characters: é is two bytes, 🚀 four", () => {
    expect(utf8Length("é🚀a")).toBe(7);
    expect(utf8Length("x".repeat(100), 10)).toBe(11);
  });
});

describe("ING-LANG-1 language detection", () => {
  it.each([
    ["OpenAI envisage de lever jusqu'à 100 milliards de dollars dans un nouveau cycle de financement.", "fr"],
    ["Brightwave Robotics is in talks to raise up to $300 million in a new funding round.", "en"],
    ["La start-up a levé 45 millions d'euros auprès de ses investisseurs historiques.", "fr"],
    ["The company said it had agreed a round led by Tidewater Capital.", "en"],
  ])("tells %j is %s", (text, language) => {
    expect(detectLanguage(text).language).toBe(language);
  });

  it("gives no language and no confidence on text with no function words", () => {
    const guess = detectLanguage("40 Md$ — Nvidia, Microsoft, Amazon");
    expect(guess.language).toBeUndefined();
    expect(guess.confidence).toBe(0);
    const r = ingest("40 Md$ — Nvidia, Microsoft, Amazon");
    expect(r.ok && r.value.warnings.map((w) => w.code)).toContain("ingest_language_uncertain");
  });

  it("uses the language given without detection, with confidence 1", () => {
    const r = ingest("Helix lève 45 M€.", { lang: "fr" });
    expect(r.ok && [r.value.language, r.value.languageConfidence]).toEqual(["fr", 1]);
  });
});

describe("ING-LANG-2 paragraphs in the other language", () => {
  it("reads an English paragraph of a French batch with English rules", () => {
    const text = [
      "OpenAI envisage de lever jusqu'à 100 milliards de dollars dans un nouveau cycle de financement, selon des sources proches du dossier. La société est en pourparlers avec ses partenaires.",
      "Separately, Pallas Energy has closed a $2.1bn funding round led by Meridian Capital, the company announced on Wednesday, and the investment values the company at $12bn before the new money.",
    ].join("\n\n");
    const r = ingest(text);
    if (!r.ok) throw new Error(r.problems[0]!.message);
    expect(r.value.language).toBe("fr");
    expect(r.value.claims.map((c) => [c.kind, c.language])).toEqual([
      ["round_target", "fr"],
      ["round_size", "en"],
      ["valuation_pre", "en"],
      ["investment", "en"],
    ]);
  });
});

describe("ING-SENT-1 sentences", () => {
  const split = (text: string) => splitSentences(text, foldText(text)).map((s) => text.slice(s.start, s.end));

  it("does not end a sentence at abbreviations, initials, U.S. or decimals", () => {
    expect(split("M. Dupont a investi 1.5 M€ env. dans la société. Elle vaut 10 M€.")).toEqual([
      "M. Dupont a investi 1.5 M€ env. dans la société.",
      "Elle vaut 10 M€.",
    ]);
    expect(split("J. Smith of the U.S. fund said it paid $2.5m. The deal closed.")).toEqual([
      "J. Smith of the U.S. fund said it paid $2.5m.",
      "The deal closed.",
    ]);
  });

  it("ends a sentence after a company suffix only when a sentence starter follows", () => {
    expect(split("Acme Inc. invested $5m in Beta Corp. The round closed.")).toEqual([
      "Acme Inc. invested $5m in Beta Corp.",
      "The round closed.",
    ]);
    expect(split("Acme Inc. Ventures invested.")).toEqual(["Acme Inc. Ventures invested."]);
  });

  it("ends headlines at the line break, not lines wrapped inside a sentence", () => {
    expect(
      split("OpenAI en quête d'un tour de table record\nOpenAI envisage de lever\njusqu'à 100 Md$."),
    ).toEqual(["OpenAI en quête d'un tour de table record", "OpenAI envisage de lever\njusqu'à 100 Md$."]);
  });

  it("keeps ':' and ';' inside a sentence, and ends at '?', '!' and '…'", () => {
    expect(split("Microsoft : l'entreprise y a investi; pourquoi ? Parce que… Voilà !")).toEqual([
      "Microsoft : l'entreprise y a investi; pourquoi ?",
      "Parce que…",
      "Voilà !",
    ]);
  });

  it("cuts a run-on text at LIMITS.ingestSentenceChars", () => {
    const text = "mot ".repeat(3000);
    const parts = splitSentences(text, foldText(text));
    expect(parts.length).toBeGreaterThan(2);
    for (const p of parts) expect(p.end - p.start).toBeLessThanOrEqual(LIMITS.ingestSentenceChars);
  });
});

describe("ING-SENT-2 folding", () => {
  it("folds case, accents, apostrophes, dashes and spaces", () => {
    expect(foldText("L’Énergie d’OpenAI — 40\u00a0Md$ «ok»")).toBe("l'energie d'openai - 40 md$ \"ok\"");
  });

  it("keeps the length of any text, so offsets in the folded copy are offsets in the input", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 60 }), (s) => {
        expect(foldText(s).length).toBe(s.length);
      }),
      { numRuns: 200 },
    );
  });
});

describe("ING-LIM-3 and ING-LIM-4 bounded work", () => {
  it("a reader stops keeping claims at its limit and says so", () => {
    const reader = new ClaimReader(new EntityRegistry([]), undefined, 2);
    for (const text of ["Ondine lève 5 M€.", "Brisa lève 6 M€.", "Corail lève 7 M€."]) {
      reader.read({ text, folded: foldText(text), start: 0, rules: FRENCH_RULES });
    }
    expect(reader.claims).toHaveLength(2);
    expect(reader.truncated).toBe(true);
  });

  it("conflicts compare a claim only with the claims of its window", () => {
    const figure = (v: string) => ({
      kind: "round_size" as const,
      basisStated: undefined,
      subject: "ondine",
      counterparty: [],
      current: true,
      alternative: false,
      amount: {
        currency: "EUR",
        min: Rational.parse(v)!,
        max: Rational.parse(v)!,
        point: Rational.parse(v)!,
      },
      qualifier: "exact" as const,
    });
    const claims = [figure("10"), figure("10"), figure("10"), figure("20")];
    const types = (window: number) => findConflicts(claims, window, () => "").map((k) => k.claims);
    expect(types(3)).toEqual([
      [0, 3],
      [1, 3],
      [2, 3],
    ]);
    expect(types(1)).toEqual([[2, 3]]);
  });
});
