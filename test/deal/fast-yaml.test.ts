import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { syntheticDealYaml } from "../../bench/model.bench.js";
import { parseYamlFast, parseYamlFull } from "../../src/deal/load.js";

function full(text: string): unknown {
  const parsed = parseYamlFull(text);
  if (!parsed.ok) throw new Error(parsed.doc.errors[0]!.message);
  return parsed.value;
}

/** Scalars a deal file holds, written the ways users write them. */
const scalar = fc.oneof(
  fc.constantFrom(
    "12",
    "-1.5",
    "2.5e9",
    "0x1F",
    "0o17",
    ".inf",
    "-.Inf",
    ".nan",
    "1_000",
    "007",
    "true",
    "False",
    "TRUE",
    "yes",
    "no",
    "on",
    "null",
    "~",
    "Null",
    "2024-06-01",
    "2024-06-01T10:00:00Z",
    "$2M",
    "15%",
    "'quoted 12'",
    '"double \\u00e9"',
    "a: b",
    "#not a comment",
    "",
  ),
  fc.string({ maxLength: 12 }),
  fc.integer().map(String),
  fc.double({ noNaN: true }).map(String),
);

const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: "small" }, scalar, tie("list"), tie("map")),
  list: fc.array(tie("node"), { maxLength: 4 }),
  map: fc.dictionary(fc.stringMatching(/^[a-z][a-zA-Z0-9_-]{0,8}$/), tie("node"), { maxKeys: 4 }),
})).node;

describe("the fast YAML reader gives the same data as the full parser (issue 19)", () => {
  it("on every example deal and a generated 1,000-holder deal", () => {
    const texts = readdirSync("examples")
      .filter((f) => f.endsWith(".yaml"))
      .map((f) => readFileSync(`examples/${f}`, "utf8"));
    texts.push(syntheticDealYaml(1_000));
    for (const text of texts) {
      const fast = parseYamlFast(text);
      // The examples may use anchors, which the fast reader leaves to the full parser.
      if (fast !== undefined) expect(fast).toEqual(full(text));
    }
  });

  it("on generated documents, in block and flow style, with plain scalars as users type them (property)", () => {
    fc.assert(
      fc.property(value, fc.boolean(), (v, flow) => {
        // Written with the scalars plain where YAML allows, so that both readers resolve them.
        const text = stringify(
          { root: v },
          { defaultStringType: "PLAIN", collectionStyle: flow ? "flow" : "block" },
        );
        const fast = parseYamlFast(text);
        if (fast === undefined) return;
        expect(fast).toEqual(full(text));
      }),
      { numRuns: 500 },
    );
  });

  it("on hand-written plain scalars that YAML 1.1 and 1.2 read differently", () => {
    for (const s of [
      "yes",
      "no",
      "on",
      "off",
      "y",
      "2024-06-01",
      "0o17",
      "017",
      "1_000",
      "0b101",
      "1:20",
      "<<",
    ]) {
      const text = `a: ${s}\nlist: [${s}, x]\n`;
      expect(parseYamlFast(text)).toEqual(full(text));
    }
  });

  it("leaves anchors, aliases and errors to the full parser", () => {
    expect(parseYamlFast("a: &x 1\nb: *x\n")).toBeUndefined();
    expect(parseYamlFast("a: 1\na: 2\n")).toBeUndefined();
    expect(parseYamlFast("a: [1, 2\n")).toBeUndefined();
    expect(parseYamlFast("a: 1\n---\nb: 2\n")).toBeUndefined();
  });
});
