import { describe, expect, it } from "vitest";
import { appendToDealText } from "../../src/deal/edit.js";

describe("adding entries to a deal file (SPEC DEAL-6)", () => {
  it("YAML: appends new lists at the end and keeps every other byte", () => {
    const text = "# a comment\nroundtable: 1\ncompany: { name: X }   # inline comment\n";
    const r = appendToDealText(text, { sources: [{ id: "s1", title: "T" }] });
    expect(r.ok && r.text).toBe(`${text}sources:\n  - id: s1\n    title: T\n`);
  });

  it("YAML: inserts at the end of an existing block list, before what follows", () => {
    const text = "sources:\n  - id: a\n    title: A  # keep me\nclaims: []\nnote: end\n";
    const r = appendToDealText(text, { sources: [{ id: "b" }] });
    expect(r.ok && r.text).toBe(
      "sources:\n  - id: a\n    title: A  # keep me\n  - id: b\nclaims: []\nnote: end\n",
    );
    const flow = appendToDealText(text, { claims: [{ id: "c" }] });
    expect(flow.ok).toBe(false);
  });

  it("JSON: keeps key order, every number's text and the indentation", () => {
    const text =
      '{\n    "roundtable": 1,\n    "company": { "name": "X" },\n    "big": 12345678901234567890.10\n}\n';
    const r = appendToDealText(text, { claims: [{ id: "c1", value: "up to $5B" }] });
    expect(r.ok && r.text).toContain('"big": 12345678901234567890.10');
    expect(r.ok && r.text).toContain('    "claims": [');
    expect(r.ok && JSON.parse(r.text).claims[0].id).toBe("c1");
  });
});
