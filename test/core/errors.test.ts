import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ERROR_CATALOGUE } from "../../src/core/shared/errors.js";
import { errorsMarkdown } from "../../src/core/shared/errors-doc.js";

// Every problem's code is typed ErrorCode, so a code outside the catalogue does not compile.
describe("the error catalogue (STYLE 7)", () => {
  it("docs/errors.md lists exactly the catalogue (run npm run docs:errors after a change)", () => {
    expect(readFileSync("docs/errors.md", "utf8")).toBe(errorsMarkdown());
  });

  it("every code has an exit code of 1 or 2 and a summary that is a sentence", () => {
    for (const [code, spec] of Object.entries(ERROR_CATALOGUE)) {
      expect([1, 2], code).toContain(spec.exitCode);
      expect(spec.summary, code).toMatch(/^[A-Z].*\.( \(a warning\)\.)?$|^[A-Z].*\)\.$/);
    }
  });
});
