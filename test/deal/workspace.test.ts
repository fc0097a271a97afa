import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { Rational } from "../../src/core/exact/rational.js";
import { investmentMetrics } from "../../src/core/flows/metrics.js";
import { loadWorkspace, resolveWorkspace, type Workspace } from "../../src/deal/workspace.js";
import { exposureReport, flowModelOf, flowsReport } from "../../src/report/flows-report.js";

const fromExamples = (relative: string) => {
  try {
    const file = path.join("examples", relative);
    return { ok: true as const, text: readFileSync(file, "utf8"), file };
  } catch (error) {
    return { ok: false as const, message: (error as Error).message };
  }
};

function load(file: string): Workspace {
  const loaded = loadWorkspace(readFileSync(file, "utf8"), file, fromExamples);
  if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => `${d.line}: ${d.message}`).join("\n"));
  return loaded.workspace;
}

function reportOf(ws: Workspace) {
  const model = flowModelOf(ws);
  if (!model.ok) throw new Error(model.problems.map((p) => p.message).join("\n"));
  return { model: model.value, report: flowsReport(ws, model.value) };
}

describe("examples/cloud-partners.yaml, every metric checked by hand", () => {
  const ws = load("examples/cloud-partners.yaml");
  const { model, report } = reportOf(ws);
  const investment = (company: string, investor: string) =>
    report.investments.find((i) => i.company === company && i.investor === investor)!;

  it("Nimbus's Series B: $320M pre-money over 10,000,000 shares is $32.00; Helios buys 1,562,500 shares for $50M", () => {
    const helios = investment("nimbus", "helios");
    expect(helios).toMatchObject({
      gross: "50000000",
      shares: "1562500",
      returned: "40000000",
      // $40M × 35% margin.
      returnedProfit: "14000000",
      netCash: "10000000",
      roundTripRatio: "0.8",
      // ($50M − $14M) ÷ 1,562,500.
      effectivePricePerShare: "23.04",
      linked: ["nimbus-compute"],
    });
    expect(investment("nimbus", "orbit")).toMatchObject({
      gross: "30000000",
      shares: "937500",
      roundTripRatio: "0",
    });
  });

  it("Stratus's Series A: the yearly minimums ($1.5M + $2M + $2.5M) come back against $9M", () => {
    expect(investment("stratus", "helios")).toMatchObject({
      gross: "9000000",
      shares: "1500000",
      returned: "6000000",
      returnedProfit: "2100000",
      netCash: "3000000",
      effectivePricePerShare: "4.6",
    });
    // Exact in the metrics; the report writes 18 decimal places.
    const exact = investmentMetrics(model).find((m) => m.company === "stratus")!;
    expect(exact.roundTripRatio.toString()).toBe("2/3");
    expect(investment("stratus", "helios").roundTripRatio).toBe("0.666666666666666667");
  });

  it("suppliers' share: Helios's $50M of Nimbus's $80M; all of Stratus's $9M", () => {
    expect(report.rounds).toEqual([
      {
        company: "nimbus",
        round: "series-b",
        newMoney: "80000000",
        suppliers: ["helios"],
        fromSuppliers: "50000000",
        supplierShare: "0.625",
      },
      {
        company: "stratus",
        round: "stratus-a",
        newMoney: "9000000",
        suppliers: ["helios"],
        fromSuppliers: "9000000",
        supplierShare: "1",
      },
    ]);
  });

  it("net cash: the estimate between $5M and $15M for Volt's chips is taken at $10M; the total is zero", () => {
    const net = Object.fromEntries(report.netCash.map((n) => [n.party, n.net]));
    expect(net).toMatchObject({
      nimbus: "30000000",
      stratus: "3000000",
      helios: "-13000000",
      orbit: "-30000000",
      volt: "10000000",
      cirrus: "0",
    });
  });

  it("Helios's exposure: 12.5% of Nimbus, 3/11 of Stratus, the declared 12% of Cirrus", () => {
    const ex = exposureReport(ws, model, "helios");
    expect(
      ex.companies.map((c) => [c.company, c.ownership, c.invested, c.valuation, c.value, c.agreementRevenue]),
    ).toEqual([
      ["nimbus", "0.125", "50000000", "400000000", "50000000", "40000000"],
      ["stratus", "0.272727272727272727", "9000000", "33000000", "9000000", "6000000"],
      ["cirrus", "0.12", "15000000", "200000000", "24000000", "0"],
    ]);
    expect(ex.totals).toEqual({
      invested: "74000000",
      value: "83000000",
      agreementRevenue: "46000000",
      investedUnknownIn: [],
    });
  });

  it("the graph: companies and parties as nodes; investments, agreements and stakes as links", () => {
    expect(report.graph.nodes.filter((n) => n.kind === "company").map((n) => n.id)).toEqual([
      "nimbus",
      "stratus",
      "cirrus",
    ]);
    const kinds = report.graph.links.map((l) => l.kind);
    expect(kinds.filter((k) => k === "investment")).toHaveLength(3);
    expect(kinds.filter((k) => k === "agreement")).toHaveLength(3);
    expect(report.graph.links.find((l) => l.kind === "stake" && l.target === "cirrus")).toMatchObject({
      source: "helios",
      fraction: "0.12",
    });
    // Every Sankey link goes from a payer node to a receiver node, so cycles cannot occur.
    for (const l of report.sankey.links) {
      expect(l.source.endsWith(":pays")).toBe(true);
      expect(l.target.endsWith(":receives")).toBe(true);
    }
  });
});

describe("examples/ai-ecosystem.yaml", () => {
  const ws = load("examples/ai-ecosystem.yaml");

  it("reads OpenAI's deal from openai-round.yaml and prices its round in the claims' base scenario", () => {
    const { report } = reportOf(ws);
    const amazon = report.investments.find((i) => i.investor === "amazon")!;
    // The base scenario of openai-round.yaml gives Amazon $27B, at a whole number of shares.
    expect(Number(amazon.gross)).toBeCloseTo(27e9, -3);
    // Linked: AWS usage (between $10B and $50B → $30B) and distribution (up to $5B → $2.5B).
    expect(amazon.returned).toBe("32500000000");
    expect(amazon.linked).toEqual(["aws-usage-2026", "amazon-distribution-2026"]);
    // 30B × 35% + 2.5B × 70%: each margin at the midpoint of its assumed range.
    expect(amazon.returnedProfit).toBe("12250000000");
    const microsoft = report.investments.find((i) => i.investor === "microsoft")!;
    expect(microsoft.roundTripRatio).toBe("0");
  });

  it("Amazon's exposure includes its declared stake in Anthropic, valued at the Series F post-money", () => {
    const { model } = reportOf(ws);
    const ex = exposureReport(ws, model, "amazon");
    expect(ex.companies.find((c) => c.company === "anthropic")).toMatchObject({
      ownership: "0.15",
      invested: "8000000000",
      valuation: "183000000000",
      value: "27450000000",
      agreementRevenue: "12500000000",
    });
  });

  it("the report's scenarios resolve the workspace too; Amazon's investment is larger in the $60B version", () => {
    const sixty = resolveWorkspace(ws, "version-60");
    if (!sixty.ok) throw new Error(sixty.problems[0]!.message);
    const gross = (w: Workspace) =>
      Rational.parse(reportOf(w).report.investments.find((i) => i.investor === "amazon")!.gross)!;
    expect(gross(sixty.value).gt(gross(ws))).toBe(true);
    expect(resolveWorkspace(ws, "no-such").ok).toBe(false);
  });
});

// ---------------------------------------------------------------------------
// Bad input: each names the file, the line and the field.

const BASE = `roundtable: 1
workspace: { name: Test, currency: USD }
parties:
  - { id: helios, name: Helios }
companies:
  - id: nimbus
    deal:
      company: { name: Nimbus, currency: USD }
      stakeholders: [{ id: founders, name: Founders }]
      classes: [{ id: common, name: Common, type: common }]
      transactions: [{ type: issue, date: 2024-01-01, holder: founders, class: common, shares: 1000000 }]
      rounds:
        - id: a
          name: Series A
          date: 2025-01-01
          class: { id: pref, name: Preferred }
          preMoney: $10M
          investments: [{ investor: helios, amount: $2M }]
  - { id: cirrus, name: Cirrus, valuation: $100M }
`;

function problemsOf(text: string) {
  const loaded = loadWorkspace(text, "ws.yaml", (relative) =>
    relative === "missing.yaml" ? { ok: false, message: "no such file" } : fromExamples(relative),
  );
  if (loaded.ok) return [];
  return loaded.diagnostics.map(
    (d) => `${d.file}:${d.line}: ${d.path?.join(".") ?? ""}: ${d.message} (${d.code})`,
  );
}

describe("workspace bad input", () => {
  it("the base text loads (so each case below fails for its own reason)", () => {
    expect(problemsOf(BASE)).toEqual([]);
  });

  it.each([
    [
      "an agreement with an unknown party",
      "agreements: [{ id: x, kind: cloud_compute, payer: nimbus, payee: ghost, value: $1M }]",
      /ws\.yaml:20: agreements\.0\.payee: agreement x names unknown party "ghost" as payee/,
    ],
    [
      "a negative value",
      "agreements: [{ id: x, kind: cloud_compute, payer: nimbus, payee: helios, value: -1000000 }]",
      /agreements\.0\.value: agreement x has a negative value/,
    ],
    [
      "a margin above 100%",
      "agreements: [{ id: x, kind: other, payer: nimbus, payee: helios, value: $1M, sellerMargin: 1.5 }]",
      /agreements\.0\.sellerMargin: .*(outside 0% to 100%|above 100%)/,
    ],
    [
      "a negative margin",
      "agreements: [{ id: x, kind: other, payer: nimbus, payee: helios, value: $1M, sellerMargin: -0.1 }]",
      /agreements\.0\.sellerMargin: .*(outside 0% to 100%|negative|below)/,
    ],
    [
      "a stake above 100%",
      "stakes: [{ holder: helios, company: cirrus, fraction: 1.2 }]",
      /stakes\.0\.fraction: .*(outside 0% to 100%|above 100%)/,
    ],
    [
      "stakes adding up to more than 100%",
      "stakes: [{ holder: helios, company: cirrus, fraction: 60% }, { holder: founders, company: cirrus, fraction: 50% }]",
      /stakes\.1\.fraction: the stakes declared in cirrus add up to 110%, more than 100%/,
    ],
    [
      "a stake declared in a company whose cap table is modelled",
      "stakes: [{ holder: helios, company: nimbus, fraction: 10% }]",
      /stakes\.0\.company: nimbus's cap table is modelled/,
    ],
    [
      "a stake in an unknown company",
      "stakes: [{ holder: helios, company: ghost, fraction: 10% }]",
      /stakes\.0\.company: stake of helios in unknown company "ghost"/,
    ],
    [
      "an agreement linked to a round the company does not have",
      "agreements: [{ id: x, kind: other, payer: nimbus, payee: helios, value: $1M, linkedTo: { company: nimbus, round: b, investor: helios } }]",
      /agreements\.0\.linkedTo\.round: agreement x is linked to round "b", which nimbus does not have/,
    ],
    [
      "an agreement linked to an investment nobody made",
      "agreements: [{ id: x, kind: other, payer: nimbus, payee: founders, value: $1M, linkedTo: { company: nimbus, round: a, investor: founders } }]",
      /agreements\.0\.linkedTo\.investor: .*has no such investment/,
    ],
    [
      "the same party as payer and payee",
      "agreements: [{ id: x, kind: other, payer: helios, payee: helios, value: $1M }]",
      /agreements\.0\.payee: agreement x has the same party as payer and payee/,
    ],
    [
      "an agreement kind that does not exist",
      "agreements: [{ id: x, kind: bribery, payer: nimbus, payee: helios, value: $1M }]",
      /agreements\.0\.kind: /,
    ],
    [
      "an agreement valued in another currency",
      "agreements: [{ id: x, kind: other, payer: nimbus, payee: helios, value: €1M }]",
      /agreements\.0\.value: agreement x is valued in EUR; the workspace is in USD/,
    ],
    [
      "a company file that cannot be read",
      "  - { id: other, file: missing.yaml }",
      /cannot read missing\.yaml: no such file/,
    ],
    ["a company id used twice", "  - { id: nimbus, name: Again }", /company id "nimbus" is used twice/],
  ])("%s", (_name, extra, expected) => {
    const problems = problemsOf(`${BASE}${extra}\n`);
    expect(problems.join("\n")).toMatch(expected);
    for (const p of problems) expect(p.startsWith("ws.yaml:")).toBe(true);
  });

  it("a company file that is not a valid deal is reported in that file, at its line", () => {
    const loaded = loadWorkspace(`${BASE}  - { id: acme, file: acme.yaml }\n`, "ws.yaml", () => ({
      ok: true,
      text: "roundtable: 1\ncompany: { name: Acme }\ntransactions: [{ type: issue }]\n",
      file: "acme.yaml",
    }));
    expect(loaded.ok).toBe(false);
    if (loaded.ok) return;
    expect(loaded.diagnostics[0]!.file).toBe("acme.yaml");
    expect(loaded.diagnostics[0]!.line).toBe(3);
  });

  it("a deal file of one company is not a workspace, and says what to use", () => {
    const loaded = loadWorkspace(
      readFileSync("examples/down-round.yaml", "utf8"),
      "down-round.yaml",
      fromExamples,
    );
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.diagnostics[0]!.message).toMatch(/deal file of one company/);
  });
});
