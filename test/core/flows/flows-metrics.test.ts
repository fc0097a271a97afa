import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { currency, type Money } from "../../../src/core/exact/money.js";
import { Rational } from "../../../src/core/exact/rational.js";
import type { Agreement } from "../../../src/core/flows/agreement.js";
import { type CapitalFlowModel, flowEdges, netCash } from "../../../src/core/flows/capital-flows.js";
import { exposure, investmentMetrics, supplierMetrics } from "../../../src/core/flows/metrics.js";
import { loadWorkspace } from "../../../src/deal/workspace.js";
import { flowModelOf, flowsReport } from "../../../src/report/flows-report.js";

const USD = currency("USD");
const usd = (v: string | number): Money => ({
  kind: "money",
  currency: USD,
  amount: Rational.parse(String(v))!,
});
const r = (v: string) => Rational.parse(v)!;

function agreement(
  id: string,
  payer: string,
  payee: string,
  value: string | undefined,
  extra: Partial<Agreement> = {},
) {
  return {
    kind: "agreement",
    id,
    name: id,
    type: "cloud_compute",
    payer,
    payee,
    value: value === undefined ? undefined : usd(value),
    schedule: undefined,
    conditions: undefined,
    linkedTo: undefined,
    sellerMargin: undefined,
    ...extra,
  } satisfies Agreement;
}

/** A hand-built model: Helios ($50M) and Orbit ($30M) buy 12.5% and 7.5% of Nimbus at $32 a share. */
function nimbusModel(agreements: Agreement[]): CapitalFlowModel {
  return {
    currency: "USD",
    parties: [
      { id: "nimbus", name: "Nimbus", company: true },
      { id: "helios", name: "Helios", company: false },
      { id: "orbit", name: "Orbit", company: false },
      { id: "volt", name: "Volt", company: false },
    ],
    rounds: [
      {
        company: "nimbus",
        round: "b",
        roundName: "Series B",
        pricePerShare: usd(32),
        postMoneyValuation: usd(400_000_000),
        newMoney: usd(80_000_000),
        investments: [
          { investor: "orbit", paid: usd(30_000_000), shares: 937_500n },
          { investor: "helios", paid: usd(50_000_000), shares: 1_562_500n },
        ],
      },
    ],
    agreements,
    holdings: [
      {
        company: "nimbus",
        holder: "helios",
        ownership: r("0.125"),
        invested: usd(50_000_000),
        valuation: usd(400_000_000),
      },
      {
        company: "nimbus",
        holder: "orbit",
        ownership: r("0.075"),
        invested: usd(30_000_000),
        valuation: usd(400_000_000),
      },
    ],
  };
}

const LINK = { company: "nimbus", round: "b", investor: "helios" };

describe("FLOW-4 investment metrics, checked by hand", () => {
  it("a $40M compute commitment at 35% margin linked to a $50M investment", () => {
    const model = nimbusModel([
      agreement("compute", "nimbus", "helios", "40000000", { linkedTo: LINK, sellerMargin: r("0.35") }),
    ]);
    const helios = investmentMetrics(model).find((m) => m.investor === "helios")!;
    expect(helios.gross.toString()).toBe("50000000");
    expect(helios.returned.toString()).toBe("40000000");
    // 40M × 35% = 14M of profit comes back.
    expect(helios.returnedProfit!.toString()).toBe("14000000");
    expect(helios.netCash.toString()).toBe("10000000");
    expect(helios.roundTripRatio.toString()).toBe("4/5");
    // (50M − 14M) ÷ 1,562,500 shares = $23.04.
    expect(helios.effectivePricePerShare!.toDecimalString(2)).toBe("23.04");
    const orbit = investmentMetrics(model).find((m) => m.investor === "orbit")!;
    expect(orbit.roundTripRatio.isZero()).toBe(true);
    expect(orbit.effectivePricePerShare!.toString()).toBe("32");
  });

  it("an agreement linked the other way (the investor pays the company) is not money that comes back", () => {
    const model = nimbusModel([agreement("license", "helios", "nimbus", "5000000", { linkedTo: LINK })]);
    const helios = investmentMetrics(model).find((m) => m.investor === "helios")!;
    expect(helios.returned.isZero()).toBe(true);
    expect(helios.linked).toEqual([]);
  });

  it("a linked agreement without a value is named apart and counts for nothing; without a margin the profit is unknown", () => {
    const model = nimbusModel([
      agreement("compute", "nimbus", "helios", undefined, { linkedTo: LINK }),
      agreement("support", "nimbus", "helios", "2000000", { linkedTo: LINK }),
    ]);
    const helios = investmentMetrics(model).find((m) => m.investor === "helios")!;
    expect(helios.linkedWithoutValue).toEqual(["compute"]);
    expect(helios.returned.toString()).toBe("2000000");
    expect(helios.returnedProfit).toBeUndefined();
    expect(helios.effectivePricePerShare).toBeUndefined();
  });

  it("FLOW-5: the share of new money from the company's own suppliers", () => {
    const model = nimbusModel([
      agreement("compute", "nimbus", "helios", "40000000"),
      agreement("chips", "nimbus", "volt", "10000000"),
    ]);
    const [round] = supplierMetrics(model);
    expect(round!.suppliers).toEqual(["helios"]);
    expect(round!.fromSuppliers.toString()).toBe("50000000");
    expect(round!.supplierShare.toString()).toBe("5/8");
  });

  it("FLOW-6: exposure values each holding at its company's valuation and sums agreement revenue", () => {
    const model = nimbusModel([
      agreement("compute", "nimbus", "helios", "40000000", { linkedTo: LINK }),
      agreement("extra", "nimbus", "helios", "1000000"),
    ]);
    const [row] = exposure(model, "helios");
    expect(row!.value!.toString()).toBe("50000000");
    expect(row!.agreementRevenue.toString()).toBe("41000000");
  });

  it("FLOW-2: the graph has investment, agreement and stake edges; stakes carry a fraction, not money", () => {
    const model = nimbusModel([agreement("compute", "nimbus", "helios", "40000000")]);
    const edges = flowEdges(model);
    expect(edges.map((e) => e.kind)).toEqual(["investment", "investment", "agreement", "stake", "stake"]);
    const net = netCash(model);
    expect(net.get("nimbus")!.toString()).toBe("40000000");
    expect(net.get("helios")!.toString()).toBe("-10000000");
  });
});

// ---------------------------------------------------------------------------
// Properties over generated workspaces, loaded from their text as a user's would be.

const INVESTORS = ["inv-a", "inv-b", "inv-c", "inv-d"];

interface GenRound {
  founders: number;
  preMoney: number;
  investments: { investor: string; amount: number }[];
}
interface GenAgreement {
  payer: number;
  payee: number;
  value: number;
  margin: number;
  link: boolean;
}

const roundArb: fc.Arbitrary<GenRound> = fc.record({
  founders: fc.integer({ min: 1_000_000, max: 20_000_000 }),
  preMoney: fc.integer({ min: 1, max: 500 }).map((m) => m * 1_000_000),
  investments: fc
    .uniqueArray(fc.constantFrom(...INVESTORS), { minLength: 1, maxLength: 3 })
    .chain((ids) =>
      fc.tuple(
        ...ids.map((id) =>
          fc.integer({ min: 1, max: 5000 }).map((k) => ({ investor: id, amount: k * 10_000 })),
        ),
      ),
    ),
});

const agreementArb: fc.Arbitrary<GenAgreement> = fc.record({
  payer: fc.nat(20),
  payee: fc.nat(20),
  value: fc.integer({ min: 0, max: 80_000_000 }),
  margin: fc.integer({ min: 0, max: 100 }),
  link: fc.boolean(),
});

function workspaceText(rounds: GenRound[], agreements: GenAgreement[], order: number[]): string {
  const parties = [...rounds.map((_, i) => `co-${i}`), ...INVESTORS];
  const lines = [
    "roundtable: 1",
    "workspace: { name: Generated, currency: USD }",
    "parties:",
    ...INVESTORS.map((id) => `  - { id: ${id}, name: ${id} }`),
    "companies:",
  ];
  for (const i of order) {
    const g = rounds[i]!;
    lines.push(
      `  - id: co-${i}`,
      "    deal:",
      `      company: { name: Company ${i}, currency: USD }`,
      `      stakeholders: [{ id: founders-${i}, name: Founders ${i} }]`,
      "      classes: [{ id: common, name: Common, type: common }]",
      `      transactions: [{ type: issue, date: 2024-01-01, holder: founders-${i}, class: common, shares: ${g.founders} }]`,
      "      rounds:",
      `        - id: round-${i}`,
      `          name: Round ${i}`,
      "          date: 2025-01-01",
      `          class: { id: pref-${i}, name: Preferred ${i} }`,
      `          preMoney: ${g.preMoney}`,
      "          conventions: { pricePrecision: { places: 6, rounding: half_up } }",
      "          investments:",
      ...g.investments.map((inv) => `            - { investor: ${inv.investor}, amount: ${inv.amount} }`),
    );
  }
  const kept: string[] = [];
  agreements.forEach((a, k) => {
    const payer = parties[a.payer % parties.length]!;
    const payee = parties[a.payee % parties.length]!;
    if (payer === payee) return;
    let link = "";
    const company = /^co-(\d+)$/.exec(payer);
    if (a.link && company && rounds[Number(company[1])]!.investments.some((inv) => inv.investor === payee))
      link = `, linkedTo: { company: ${payer}, round: round-${company[1]}, investor: ${payee} }`;
    kept.push(
      `  - { id: a-${k}, kind: other, payer: ${payer}, payee: ${payee}, value: ${a.value}, sellerMargin: ${a.margin}%${link} }`,
    );
  });
  if (kept.length > 0) lines.push("agreements:", ...kept);
  return `${lines.join("\n")}\n`;
}

function modelOf(text: string): CapitalFlowModel {
  const loaded = loadWorkspace(text, "generated.yaml", () => ({ ok: false, message: "no files here" }));
  if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => `${d.line}: ${d.message}`).join("\n"));
  const model = flowModelOf(loaded.workspace);
  if (!model.ok) throw new Error(model.problems.map((p) => p.message).join("\n"));
  return model.value;
}

const workspaceArb = fc
  .tuple(fc.array(roundArb, { minLength: 1, maxLength: 3 }), fc.array(agreementArb, { maxLength: 6 }))
  .chain(([rounds, agreements]) =>
    fc
      .shuffledSubarray(
        rounds.map((_, i) => i),
        { minLength: rounds.length, maxLength: rounds.length },
      )
      .map((order) => ({ rounds, agreements, order })),
  );

describe("flow properties over generated workspaces", () => {
  it("FLOW-3: the net cash over all parties sums to exactly zero", () => {
    fc.assert(
      fc.property(workspaceArb, ({ rounds, agreements, order }) => {
        const net = netCash(modelOf(workspaceText(rounds, agreements, order)));
        expect(Rational.sum([...net.values()]).isZero()).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it("FLOW-4: without linked agreements every round-trip ratio is 0 and net cash is the investment", () => {
    fc.assert(
      fc.property(workspaceArb, ({ rounds, agreements, order }) => {
        const unlinked = agreements.map((a) => ({ ...a, link: false }));
        for (const m of investmentMetrics(modelOf(workspaceText(rounds, unlinked, order)))) {
          expect(m.roundTripRatio.isZero()).toBe(true);
          expect(m.netCash.eq(m.gross)).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("FLOW-1: the metrics do not depend on the order the companies are listed in", () => {
    fc.assert(
      fc.property(workspaceArb, ({ rounds, agreements, order }) => {
        const identity = rounds.map((_, i) => i);
        const a = modelOf(workspaceText(rounds, agreements, identity));
        const b = modelOf(workspaceText(rounds, agreements, order));
        const key = (m: { company: string; round: string; investor: string }) =>
          `${m.company}/${m.round}/${m.investor}`;
        const metrics = (model: CapitalFlowModel) =>
          investmentMetrics(model)
            .map((m) =>
              [
                key(m),
                m.gross.toString(),
                m.returned.toString(),
                m.returnedProfit?.toString(),
                m.roundTripRatio.toString(),
                m.effectivePricePerShare?.toString(),
              ].join(" "),
            )
            .sort();
        expect(metrics(b)).toEqual(metrics(a));
        const supplier = (model: CapitalFlowModel) =>
          supplierMetrics(model)
            .map((s) => `${s.company} ${s.supplierShare.toString()} ${[...s.suppliers].sort().join(",")}`)
            .sort();
        expect(supplier(b)).toEqual(supplier(a));
        const net = (model: CapitalFlowModel) =>
          [...netCash(model)].map(([p, v]) => `${p} ${v.toString()}`).sort();
        expect(net(b)).toEqual(net(a));
        for (const investor of INVESTORS) {
          const rows = (model: CapitalFlowModel) =>
            exposure(model, investor)
              .map((x) => `${x.company} ${x.ownership.toString()} ${x.value?.toString()}`)
              .sort();
          expect(rows(b)).toEqual(rows(a));
        }
      }),
      { numRuns: 40 },
    );
  });

  it("FLOW-4: the round trip is returned ÷ gross and net cash is gross − returned, for every investment", () => {
    fc.assert(
      fc.property(workspaceArb, ({ rounds, agreements, order }) => {
        for (const m of investmentMetrics(modelOf(workspaceText(rounds, agreements, order)))) {
          expect(m.netCash.add(m.returned).eq(m.gross)).toBe(true);
          if (m.gross.isPositive()) expect(m.roundTripRatio.mul(m.gross).eq(m.returned)).toBe(true);
          if (m.returnedProfit) expect(m.returnedProfit.lte(m.returned)).toBe(true);
        }
      }),
      { numRuns: 40 },
    );
  });

  it("the flows report is the same for the same workspace (deterministic) and its Sankey links are the money edges", () => {
    fc.assert(
      fc.property(workspaceArb, ({ rounds, agreements, order }) => {
        const text = workspaceText(rounds, agreements, order);
        const load = () => {
          const l = loadWorkspace(text, "g.yaml", () => ({ ok: false, message: "" }));
          if (!l.ok) throw new Error("load");
          const m = flowModelOf(l.workspace);
          if (!m.ok) throw new Error("model");
          return flowsReport(l.workspace, m.value);
        };
        const a = load();
        expect(JSON.stringify(load())).toBe(JSON.stringify(a));
        const moneyLinks = a.graph.links.filter(
          (l) => l.kind !== "stake" && "value" in l && l.value !== null,
        );
        expect(a.sankey.links).toHaveLength(moneyLinks.length);
      }),
      { numRuns: 20 },
    );
  });
});
