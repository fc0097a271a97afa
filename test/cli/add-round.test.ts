import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runDeal } from "../../src/core/round/timeline.js";
import { cli, tempFile } from "../support/cli.js";
import { dealFrom } from "../support/deal.js";

/** A company with no round: two founders and an option pool, as a spreadsheet import gives. */
const COMPANY = `roundtable: 1
company: { name: Atelier Lumière SAS, currency: EUR, formed: 2024-01-10 }
stakeholders:
  - { id: claire, name: Claire Martin, type: individual }
  - { id: hugo, name: Hugo Bernard, type: individual }
classes:
  - { id: ordinaires, name: Actions ordinaires, type: common }
pools:
  - { id: bspce, name: BSPCE 2024, class: ordinaires, reserved: 100000 }
transactions:
  - { type: issue, date: 2024-01-10, holder: claire, class: ordinaires, shares: 600000 }
  - { type: issue, date: 2024-01-10, holder: hugo, class: ordinaires, shares: 400000 }
`;

/** The same round written by hand. */
const BY_HAND = (pre: string, kima: string, claire: string) => `${COMPANY.replace(
  "stakeholders:\n",
  "stakeholders:\n  - { id: kima-ventures, name: Kima Ventures }\n",
)}rounds:
  - id: seed
    name: Seed
    date: 2025-03-01
    class:
      id: seed-preferred
      name: Seed Preferred
      preference: { multiple: 1x, seniority: 1, participation: none }
      antiDilution: broad_based_weighted_average
    preMoney: ${pre}
    investments:
      - { investor: kima-ventures, amount: ${kima}, lead: true }
      - { investor: claire, amount: ${claire} }
    pool: { pool: bspce, target: 10%, inPreMoney: true }
`;

const args = (file: string, pre: string, kima: string, claire: string) => [
  "add-round",
  file,
  "--name",
  "Seed",
  "--date",
  "2025-03-01",
  "--pre-money",
  pre,
  "--invest",
  `Kima Ventures=${kima}`,
  "--invest",
  `Claire Martin=${claire}`,
  "--pool-target",
  "10%",
];

function summary(text: string) {
  const deal = dealFrom(text);
  const run = runDeal(deal.ledger, deal.rounds);
  if (!run.ok) throw new Error(run.problems[0]!.message);
  const o = run.value.rounds.at(-1)!;
  return {
    price: o.pricePerShare.amount.toString(),
    post: o.postMoneyValuation.amount.toString(),
    shares: o.investments.map((i) => `${i.investor}:${i.shares}`),
    pool: o.poolIncrease.toString(),
  };
}

describe("roundtable add-round (SPEC DEAL-ROUND-1..3)", () => {
  it("prints the pro forma without writing; --write appends, every other byte unchanged", async () => {
    const file = tempFile("co.yaml", COMPANY);
    const preview = await cli(args(file, "4 M€", "800 k€", "50 k€"));
    expect(preview.stderr).toBe("");
    expect(preview.code).toBe(0);
    expect(preview.stdout).toContain("Seed (2025-03-01): price €3.515 per share");
    expect(preview.stdout).toContain("new stakeholder: Kima Ventures (id kima-ventures)");
    expect(preview.stdout).toContain("not written");
    expect(readFileSync(file, "utf8")).toBe(COMPANY);
    const written = await cli([...args(file, "4 M€", "800 k€", "50 k€"), "--write"]);
    expect(written.code).toBe(0);
    const after = readFileSync(file, "utf8");
    // The original lines are all there, in order; only new lines were inserted.
    const added = after.split("\n").filter((line) => !COMPANY.split("\n").includes(line));
    expect(after.split("\n").filter((line) => !added.includes(line))).toEqual(COMPANY.split("\n"));
    expect(summary(after)).toEqual(summary(BY_HAND("4 M€", "800 k€", "50 k€")));
  });

  it("property: the round added from options prices as the round written by hand", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 0, max: 500 }),
        async (preM, kimaK, claireK) => {
          const file = tempFile("co.yaml", COMPANY);
          const claire = claireK === 0 ? "1 €" : `${claireK} k€`;
          const r = await cli([...args(file, `${preM} M€`, `${kimaK} k€`, claire), "--write"]);
          expect(r.code, r.stderr).toBe(0);
          expect(summary(readFileSync(file, "utf8"))).toEqual(
            summary(BY_HAND(`${preM} M€`, `${kimaK} k€`, claire)),
          );
        },
      ),
      { numRuns: 6 },
    );
  });

  it.each([
    [["--post-money", "5 M€"], 2, "exactly one of --pre-money, --post-money or --price"],
    [["--invest", "Kima=lots"], 1, 'the new round: "lots"'],
    [["--invest", "Claire Martin=1 k€"], 2, "names Claire Martin twice"],
    [["--lead", "Nobody"], 2, "--lead Nobody is not one of the round's investors"],
    [["--date", "01/03/2025"], 2, "--date is a date as YYYY-MM-DD"],
    [["--pool", "stock-options"], 1, "--pool stock-options is not a pool of the deal"],
    [["--seniority", "high"], 2, "--seniority is a whole number"],
  ] as const)(
    "bad input %j is refused with its option named, nothing written",
    async (extra, code, words) => {
      const file = tempFile("co.yaml", COMPANY);
      const r = await cli([...args(file, "4 M€", "800 k€", "50 k€"), ...extra, "--write"]);
      expect(r.code).toBe(code);
      expect(r.stderr).toContain(words);
      expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
      expect(readFileSync(file, "utf8")).toBe(COMPANY);
    },
  );

  it("DEAL-ROUND-4 a pool target on a deal with no pool creates the pool with the round, as written by hand", async () => {
    const noPool = COMPANY.replace(
      "pools:\n  - { id: bspce, name: BSPCE 2024, class: ordinaires, reserved: 100000 }\n",
      "",
    );
    const byHand = BY_HAND("4 M€", "800 k€", "50 k€")
      .replace(
        "pools:\n  - { id: bspce, name: BSPCE 2024, class: ordinaires, reserved: 100000 }\n",
        "pools:\n  - { id: option-pool, name: Option pool, class: ordinaires, reserved: 0 }\n",
      )
      .replace("pool: { pool: bspce,", "pool: { pool: option-pool,");
    const file = tempFile("co.yaml", noPool);
    const r = await cli([...args(file, "4 M€", "800 k€", "50 k€"), "--write"]);
    expect(r.code, r.stderr).toBe(0);
    const after = readFileSync(file, "utf8");
    expect(after).toContain(
      "pools:\n  - id: option-pool\n    name: Option pool\n    class: ordinaires\n    reserved: 0\n",
    );
    expect(summary(after)).toEqual(summary(byHand));
    // The pool holds 10% of the post-money fully diluted shares (POOL-1).
    expect(BigInt(summary(after).pool)).toBeGreaterThan(0n);
    // Naming a pool the deal does not have says how to create one.
    const file2 = tempFile("co.yaml", noPool);
    const named = await cli([...args(file2, "4 M€", "800 k€", "50 k€"), "--pool", "esop", "--write"]);
    expect(named.code).toBe(1);
    expect(named.stderr).toContain(
      "--pool esop is not a pool of the deal, which has none: leave --pool out to create one with the round",
    );
    expect(readFileSync(file2, "utf8")).toBe(noPool);
  });

  it("a JSON deal file keeps its key order and number texts", async () => {
    const json = JSON.stringify(
      {
        roundtable: 1,
        company: { name: "Acme", currency: "USD" },
        stakeholders: [{ id: "ada", name: "Ada" }],
        classes: [{ id: "common", name: "Common", type: "common" }],
        transactions: [
          { type: "issue", date: "2024-01-01", holder: "ada", class: "common", shares: 1000000 },
        ],
      },
      null,
      2,
    );
    const file = tempFile("co.json", json);
    const r = await cli([
      "add-round",
      file,
      "--name",
      "Series A",
      "--date",
      "2025-01-01",
      "--pre-money",
      "$8M",
      "--invest",
      "Ada=$1M",
      "--invest",
      "Beta Capital=$2M",
      "--lead",
      "Beta Capital",
      "--write",
    ]);
    expect(r.code, r.stderr).toBe(0);
    const after = JSON.parse(readFileSync(file, "utf8"));
    expect(after.rounds[0].investments).toEqual([
      { investor: "ada", amount: "$1M" },
      { investor: "beta-capital", amount: "$2M", lead: true },
    ]);
    expect(Object.keys(after)).toEqual([
      "roundtable",
      "company",
      "stakeholders",
      "classes",
      "transactions",
      "rounds",
    ]);
  });
});
