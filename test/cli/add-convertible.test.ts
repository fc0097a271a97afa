import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cli, tempFile } from "../support/cli.js";
import { dealFrom } from "../support/deal.js";

const COMPANY = `roundtable: 1
company: { name: Atelier Lumière SAS, currency: EUR, formed: 2024-01-10 }
stakeholders:
  - { id: claire, name: Claire Martin, type: individual }
classes:
  - { id: ordinaires, name: Actions ordinaires, type: common }
transactions:
  - { type: issue, date: 2024-01-10, holder: claire, class: ordinaires, shares: 1000000 }
`;

describe("roundtable add-safe and add-note (SPEC DEAL-CONV-1..2)", () => {
  it("a post-money SAFE: its ownership at the cap is amount / cap, exactly; --write appends it", async () => {
    const file = tempFile("co.yaml", COMPANY);
    const r = await cli([
      "add-safe",
      file,
      "--investor",
      "Business Angel SAS",
      "--amount",
      "150 k€",
      "--cap",
      "3 M€",
      "--date",
      "2024-09-01",
      "--write",
    ]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("converts into 5.0000% of the Company Capitalization at the cap");
    expect(r.stdout).toContain("new stakeholder: Business Angel SAS (id business-angel-sas)");
    const deal = dealFrom(readFileSync(file, "utf8"));
    const safe = deal.ledger.transactions.find((t) => t.id === "safe-business-angel-sas");
    expect(safe?.type).toBe("safe_issuance");
    if (safe?.type === "safe_issuance") {
      expect(safe.purchaseAmount.amount.toString()).toBe("150000");
      expect(safe.valuationCap?.amount.toString()).toBe("3000000");
      expect(safe.safeType).toBe("post_money");
    }
    const after = readFileSync(file, "utf8").split("\n");
    const added = after.filter((line) => !COMPANY.split("\n").includes(line));
    expect(after.filter((line) => !added.includes(line))).toEqual(COMPANY.split("\n"));
  });

  it("a note to an existing stakeholder, found by name; without --write nothing is written", async () => {
    const file = tempFile("co.yaml", COMPANY);
    const preview = await cli([
      "add-note",
      file,
      "--investor",
      "claire martin",
      "--principal",
      "50 k€",
      "--rate",
      "5%",
      "--date",
      "2024-10-01",
      "--discount",
      "20%",
    ]);
    expect(preview.code).toBe(0);
    expect(preview.stdout).toContain(
      "note note-claire: Claire Martin lends €50K on 2024-10-01 at 5.00% a year (simple interest)",
    );
    expect(readFileSync(file, "utf8")).toBe(COMPANY);
  });

  it.each([
    [["add-safe", "--investor", "X", "--amount", "$1", "--date", "2024-01-01"], 2, "needs a valuation cap"],
    [
      ["add-safe", "--investor", "X", "--amount", "lots", "--cap", "1 M€", "--date", "2024-01-01"],
      1,
      "the new SAFE",
    ],
    [
      ["add-safe", "--investor", "X", "--amount", "1 k€", "--cap", "1 M€", "--date", "1/1/2024"],
      2,
      "YYYY-MM-DD",
    ],
    [
      ["add-note", "--investor", "X", "--principal", "1 k€", "--rate", "five", "--date", "2024-01-01"],
      1,
      "the new note",
    ],
    [
      [
        "add-note",
        "--investor",
        "X",
        "--principal",
        "1 k€",
        "--rate",
        "5%",
        "--date",
        "2024-01-01",
        "--maturity",
        "soon",
      ],
      2,
      "--maturity",
    ],
  ] as const)("bad input %j is refused, nothing written", async (argv, code, words) => {
    const file = tempFile("co.yaml", COMPANY);
    const [command, ...rest] = argv;
    const r = await cli([command, file, ...rest, "--write"]);
    expect(r.code, r.stderr).toBe(code);
    expect(r.stderr).toContain(words);
    expect(readFileSync(file, "utf8")).toBe(COMPANY);
  });
});
