import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import type { CapTable } from "../../src/core/ledger/cap-table.js";
import { capTableView } from "../../src/core/ledger/views.js";
import { runDeal } from "../../src/core/round/timeline.js";
import { closeRound, closeRoundInWorkspace } from "../../src/deal/close-round.js";
import { loadDeal } from "../../src/deal/load.js";
import { loadWorkspace, type ReadIncluded } from "../../src/deal/workspace.js";
import { cli, tempFile } from "../support/cli.js";
import { dealFrom, header } from "../support/deal.js";

/** A cap table holder by holder and class by class, as comparable text. */
function holdings(table: CapTable) {
  const view = capTableView(table);
  return {
    holders: view.holders.map((h) => ({
      holder: h.holder,
      outstanding: h.outstanding.toString(),
      fullyDiluted: h.fullyDiluted.toString(),
      byClass: Object.fromEntries([...h.sharesByClass].map(([c, n]) => [c, n.toString()])),
    })),
    totals: {
      outstanding: view.totals.outstanding.toString(),
      asConverted: view.totals.asConverted.toString(),
      fullyDiluted: view.totals.fullyDiluted.toString(),
    },
    classes: [...table.classes.values()].map((c) => ({
      id: c.id,
      originalIssuePrice: c.originalIssuePrice?.amount.toString(),
      conversionPrice: c.conversionPrice?.amount.toString(),
    })),
  };
}

/** CLOSE-3: the pro forma of the round equals the cap table after closing it, exactly. */
function expectClosingKeepsProForma(text: string): void {
  const deal = dealFrom(text);
  const proForma = runDeal(deal.ledger, deal.rounds, { untilRound: deal.rounds[0]!.id });
  if (!proForma.ok) throw new Error(proForma.problems[0]!.message);
  const closed = closeRound(text, "test.yaml");
  if (!closed.ok) throw new Error(JSON.stringify(closed.diagnostics ?? closed.problems));
  const after = dealFrom(closed.value.text);
  expect(after.rounds.map((r) => r.id)).not.toContain(deal.rounds[0]!.id);
  const replayed = runDeal(after.ledger, after.rounds, {
    ...(after.rounds[0] ? { beforeRound: after.rounds[0].id } : {}),
  });
  if (!replayed.ok) throw new Error(replayed.problems[0]!.message);
  expect(holdings(replayed.value.final)).toEqual(holdings(proForma.value.final));
}

describe("close-round: a modelled round becomes ledger transactions (SPEC CLOSE-3)", () => {
  it.each(["down-round.yaml", "down-round-pay-to-play.yaml", "seed-to-series-a.yaml", "openai-round.yaml"])(
    "CLOSE-3: closing examples/%s gives its pro forma, holder by holder, and changes no other byte",
    (file) => {
      const text = readFileSync(`examples/${file}`, "utf8");
      expectClosingKeepsProForma(text);
      const closed = closeRound(text, file);
      if (!closed.ok) throw new Error("not closed");
      // Every line of the original outside the round's entry is still there, in order.
      const doc = parseDocument(text);
      const rounds = doc.get("rounds", true) as { range: [number, number, number] };
      const roundsKey = text.lastIndexOf("\nrounds:", rounds.range[0]);
      const kept = text.slice(0, roundsKey) + text.slice(rounds.range[2]);
      const lines = closed.value.text.split("\n");
      let at = 0;
      for (const line of kept.split("\n")) {
        const found = lines.indexOf(line, at);
        expect(found, line).toBeGreaterThanOrEqual(at);
        at = found + 1;
      }
    },
  );

  it("CLOSE-4: claims that name a closed round still load, as its history; the round is listed in closedRounds", () => {
    const text = readFileSync("examples/openai-round.yaml", "utf8");
    const closed = closeRound(text, "openai-round.yaml");
    if (!closed.ok) throw new Error(JSON.stringify(closed.diagnostics ?? closed.problems));
    expect(closed.value.text).toMatch(
      /\nclosedRounds:\n {2}- id: round-2026\n {4}name: 2026 mega-round\n {4}date: 2026-03-31\n {4}pricePerShare: USD [\d.]+\n {4}postMoney: USD [\d.]+\n$/,
    );
    const after = dealFrom(closed.value.text);
    expect(after.rounds).toEqual([]);
    expect(after.document.claims.map((c) => c.id)).toContain("amazon-50");
    // The two tranches are dated by their closings (CLOSE-2): SoftBank's shares come on 2026-06-30.
    const issues = after.ledger.transactions.filter((t) => t.id.startsWith("round-2026:invest:"));
    expect(issues.map((t) => t.date)).toEqual(["2026-03-31", "2026-03-31", "2026-03-31", "2026-06-30"]);
  });

  it("CLOSE-4: a modelled round may not take the id of a closed round", () => {
    const text = `${readFileSync("examples/down-round.yaml", "utf8")}closedRounds:\n  - { id: series-b, name: Series B, date: 2023-01-01 }\n`;
    const loaded = loadDeal(text, "deal.yaml");
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.diagnostics.map((d) => d.message)).toContain(
      'rounds[0] has the id "series-b" of a round already closed into the ledger (closedRounds); give it another id',
    );
  });

  it("CLOSE-3: the pro forma equals the cap table after closing, on generated deals (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1_000_000, max: 20_000_000 }),
        fc.array(
          fc.record({
            amount: fc.integer({ min: 10, max: 2000 }).map((k) => k * 1000),
            cap: fc.option(
              fc.integer({ min: 2, max: 40 }).map((m) => m * 1_000_000),
              { nil: undefined },
            ),
            discount: fc.option(fc.integer({ min: 5, max: 30 }), { nil: undefined }),
            note: fc.boolean(),
            shadow: fc.option(fc.boolean(), { nil: undefined }),
          }),
          { maxLength: 3 },
        ),
        fc.integer({ min: 5, max: 60 }).map((m) => m * 1_000_000),
        fc.array(
          fc.tuple(
            fc.integer({ min: 100, max: 5000 }).map((k) => k * 1000),
            fc.nat(2),
          ),
          {
            minLength: 1,
            maxLength: 3,
          },
        ),
        fc.option(fc.integer({ min: 5, max: 20 }), { nil: undefined }),
        (founderShares, convertibles, preMoney, investments, poolTarget) => {
          // Convertibles well inside the pre-money: terms that cannot be priced are another rule's (ROUND-8).
          fc.pre(convertibles.reduce((sum, c) => sum + c.amount, 0) * 4 < preMoney);
          const investors = investments.map((_, i) => `investor-${i}`);
          const holders = convertibles.map((_, i) => `convertible-${i}`);
          const text = `${header(
            ["founders", ...holders, ...investors],
            `pools:
  - { id: plan, name: Plan, class: common, reserved: 500000 }
`,
          )}transactions:
  - { type: issue, date: 2020-01-01, holder: founders, class: common, shares: ${founderShares} }
${convertibles
  .map((c, i) => {
    // A SAFE needs a cap or a discount: with neither drawn, it takes a 20% discount.
    const discount = c.discount ?? (c.cap === undefined ? 20 : undefined);
    const terms = `${c.cap ? `, cap: $${c.cap}` : ""}${discount ? `, discount: ${discount}%` : ""}${c.shadow === undefined ? "" : `, shadowSeries: ${c.shadow}`}`;
    return c.note
      ? `  - { type: note, date: 2020-06-01, holder: ${holders[i]}, principal: $${c.amount}, interestRate: 6%${terms} }`
      : `  - { type: safe, date: 2020-06-01, holder: ${holders[i]}, amount: $${c.amount}${terms} }`;
  })
  .join("\n")}
rounds:
  - id: a
    name: Series A
    date: 2022-01-01
    class: { id: series-a, name: Series A Preferred }
    preMoney: $${preMoney}
    closings: [{ id: c0, date: 2022-01-01 }, { id: c1, date: 2022-02-01 }, { id: c2, date: 2022-03-15 }]
    investments: [${investments.map(([amount, c], i) => `{ investor: ${investors[i]}, amount: $${amount}, closing: c${c} }`).join(", ")}]
    conventions: { pricePrecision: { places: 4, rounding: half_up } }
${poolTarget ? `    pool: { pool: plan, target: ${poolTarget}% }\n` : ""}`;
          expectClosingKeepsProForma(text);
        },
      ),
      { numRuns: 25, seed: 7 },
    );
  });

  it("CLOSE-3: a round whose exact price has no decimal end is refused, with the setting that fixes it", () => {
    const text = `${header(["founders", "lead"])}transactions:
  - { type: issue, date: 2020-01-01, holder: founders, class: common, shares: 3000000 }
rounds:
  - id: a
    name: Series A
    date: 2022-01-01
    class: { id: series-a, name: Series A Preferred }
    preMoney: $10M
    investments: [{ investor: lead, amount: $1M }]
`;
    const closed = closeRound(text, "test.yaml");
    expect(closed.ok).toBe(false);
    if (closed.ok) return;
    expect(closed.problems![0]!.message).toBe(
      "round Series A cannot be closed: its price per share, 10/3, is not a decimal that ends; state the round's pricePrecision (conventions: { pricePrecision: { places: 4, rounding: half_up } }, or add-round --price-places 4) so that its record has exact prices",
    );
    expectClosingKeepsProForma(
      text.replace(
        "investments:",
        "conventions: { pricePrecision: { places: 4, rounding: half_up } }\n    investments:",
      ),
    );
  });

  it("CLOSE-3: the CLI prints the transactions without --write and writes the file with it", async () => {
    const file = tempFile("deal.yaml", readFileSync("examples/down-round.yaml", "utf8"));
    const dry = await cli(["close-round", file]);
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toMatch(/type: adjust_conversion_price/);
    expect(readFileSync(file, "utf8")).toBe(readFileSync("examples/down-round.yaml", "utf8"));
    const wrote = await cli(["close-round", file, "--write"]);
    expect(wrote.code, wrote.stderr).toBe(0);
    expect(wrote.stdout).toBe(
      `closed Series B (down round) into ${file}: 1 class and 3 transactions added, round series-b removed\n`,
    );
    expect((await cli(["validate", file])).code).toBe(0);
    const again = await cli(["close-round", file]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/no modelled round to close/);
    const unknown = await cli([
      "close-round",
      tempFile("d.yaml", readFileSync("examples/down-round.yaml", "utf8")),
      "--round",
      "nope",
    ]);
    expect(unknown.code).toBe(2);
  });
});

function readBeside(dir: string): ReadIncluded {
  return (relative) => ({
    ok: true,
    text: readFileSync(`${dir}/${relative}`, "utf8"),
    file: `${dir}/${relative}`,
  });
}

/** CLOSE-5: the company's pro forma in the workspace equals its cap table after closing, exactly. */
function expectWorkspaceClosingKeepsProForma(text: string, company: string, read: ReadIncluded): string {
  const before = loadWorkspace(text, "ws.yaml", read);
  if (!before.ok) throw new Error(JSON.stringify(before.diagnostics));
  const c = before.workspace.companies.find((x) => x.id === company)!;
  const rounds = before.workspace.rounds.get(company)!;
  const proForma = runDeal(c.deal!.ledger, rounds, { untilRound: rounds[0]!.id });
  if (!proForma.ok) throw new Error(proForma.problems[0]!.message);
  const closed = closeRoundInWorkspace(text, "ws.yaml", read, { company });
  if (!closed.ok) throw new Error(JSON.stringify(closed.diagnostics ?? closed.problems));
  const afterRead: ReadIncluded =
    closed.value.file === "ws.yaml"
      ? read
      : (relative) => {
          const r = read(relative);
          return r.ok && r.file === closed.value.file ? { ...r, text: closed.value.text } : r;
        };
  const after = loadWorkspace(
    closed.value.file === "ws.yaml" ? closed.value.text : text,
    "ws.yaml",
    afterRead,
  );
  if (!after.ok) throw new Error(JSON.stringify(after.diagnostics));
  const cAfter = after.workspace.companies.find((x) => x.id === company)!;
  const left = after.workspace.rounds.get(company) ?? [];
  expect(left.map((r) => r.id)).not.toContain(rounds[0]!.id);
  const replayed = runDeal(cAfter.deal!.ledger, left, left[0] ? { beforeRound: left[0].id } : {});
  if (!replayed.ok) throw new Error(replayed.problems[0]!.message);
  expect(holdings(replayed.value.final)).toEqual(holdings(proForma.value.final));
  return closed.value.text;
}

describe("close-round in a workspace (SPEC CLOSE-5)", () => {
  it.each([
    ["cloud-partners.yaml", "nimbus"],
    ["cloud-partners.yaml", "stratus"],
    ["ai-ecosystem.yaml", "openai"],
  ])(
    "CLOSE-5: examples/%s, company %s, linked to agreements (CLOSE-6): the pro forma equals the cap table after closing",
    (file, company) => {
      const text = readFileSync(`examples/${file}`, "utf8");
      const read = readBeside("examples");
      const out = expectWorkspaceClosingKeepsProForma(text, company, read);
      if (file === "cloud-partners.yaml") {
        // Inline: the workspace file is edited; the other companies' text is unchanged.
        const other = company === "nimbus" ? "  - id: stratus\n" : "  - id: nimbus\n";
        const start = text.indexOf(other);
        expect(out).toContain(text.slice(start, text.indexOf("\n  - id: ", start + 1)));
        expect(out).toMatch(
          new RegExp(
            `\\n      closedRounds:\\n        - id: ${company === "nimbus" ? "series-b" : "stratus-a"}\\n`,
          ),
        );
      }
    },
  );

  it("CLOSE-5: a company whose deal is a file of its own has that file edited", () => {
    const closed = closeRoundInWorkspace(
      readFileSync("examples/ai-ecosystem.yaml", "utf8"),
      "examples/ai-ecosystem.yaml",
      readBeside("examples"),
      { company: "openai" },
    );
    if (!closed.ok) throw new Error(JSON.stringify(closed.problems ?? closed.diagnostics));
    expect(closed.value.file).toBe("examples/openai-round.yaml");
    expect(closed.value.text).toBe(closeRoundOk(readFileSync("examples/openai-round.yaml", "utf8")));
  });

  it("CLOSE-5: without --company, or with an unknown one, the message lists the companies", () => {
    const text = readFileSync("examples/cloud-partners.yaml", "utf8");
    const none = closeRoundInWorkspace(text, "ws.yaml", readBeside("examples"), {});
    expect(!none.ok && none.problems![0]!.message).toBe(
      "a workspace holds several companies: name the one whose round to close with --company (nimbus, stratus)",
    );
    const unknown = closeRoundInWorkspace(text, "ws.yaml", readBeside("examples"), { company: "acme" });
    expect(!unknown.ok && unknown.problems![0]!.message).toBe(
      'no company "acme" in the workspace; its companies are nimbus, stratus, cirrus',
    );
    const valued = closeRoundInWorkspace(text, "ws.yaml", readBeside("examples"), { company: "cirrus" });
    expect(!valued.ok && valued.problems![0]!.message).toBe(
      "company Cirrus Robotics has no cap table in the workspace: it has no round to close",
    );
  });

  it("CLOSE-5: the CLI writes the workspace file with --company and --write", async () => {
    const file = tempFile("ws.yaml", readFileSync("examples/cloud-partners.yaml", "utf8"));
    const wrote = await cli(["close-round", file, "--company", "stratus", "--write"]);
    expect(wrote.code, wrote.stderr).toBe(0);
    expect(wrote.stdout).toBe(
      `closed Series A into ${file}: 1 class and 1 transaction added, round stratus-a removed\n`,
    );
    expect((await cli(["validate", file])).code).toBe(0);
    // CLOSE-6: a round that agreements are linked to closes too.
    const linked = tempFile("ws.yaml", readFileSync("examples/cloud-partners.yaml", "utf8"));
    const closedLinked = await cli(["close-round", linked, "--company", "stratus", "--write"]);
    expect(closedLinked.code, closedLinked.stderr).toBe(0);
    expect((await cli(["validate", linked])).code).toBe(0);
  });
});

function closeRoundOk(text: string): string {
  const closed = closeRound(text, "deal.yaml");
  if (!closed.ok) throw new Error("not closed");
  return closed.value.text;
}
