import { capTableView } from "../src/core/ledger/views.js";
import { priceRound } from "../src/core/round/price-round.js";
import { runDeal } from "../src/core/round/timeline.js";
import { loadDeal } from "../src/deal/load.js";
import { type BenchReport, timeMedian } from "./harness.js";

/** A synthetic deal: `holders` common holders, a pool, SAFEs, and a priced round with four investors. */
export function syntheticDealYaml(holders: number): string {
  const lines = [
    "roundtable: 1",
    "company: { name: Synthetic, formed: 2020-01-01 }",
    "stakeholders:",
    ...Array.from({ length: holders }, (_, i) => `  - { id: h${i}, name: Holder ${i} }`),
    ...Array.from({ length: 4 }, (_, i) => `  - { id: v${i}, name: Investor ${i} }`),
    "classes: [{ id: common, name: Common, type: common }]",
    "pools: [{ id: plan, name: Plan, class: common, reserved: 1000000 }]",
    "transactions:",
    ...Array.from(
      { length: holders },
      (_, i) =>
        `  - { type: issue, date: 2020-01-01, holder: h${i}, class: common, shares: ${10_000 + ((i * 7919) % 90_000)} }`,
    ),
    ...Array.from(
      { length: Math.min(20, holders) },
      (_, i) =>
        `  - { type: safe, date: 2021-01-01, holder: h${i}, amount: ${50_000 + i * 1000}, cap: ${200_000_000 + i * 1_000_000}, discount: 15% }`,
    ),
    "rounds:",
    "  - id: a",
    "    name: Series A",
    "    date: 2022-01-01",
    "    class: { id: series-a, name: Series A }",
    "    preMoney: $400M",
    "    investments:",
    ...Array.from(
      { length: 4 },
      (_, i) => `      - { investor: v${i}, amount: ${10_000_000 + i * 2_500_000} }`,
    ),
    "    pool: { pool: plan, target: 10% }",
  ];
  return `${lines.join("\n")}\n`;
}

export default async function (): Promise<readonly BenchReport[]> {
  const reports: BenchReport[] = [];
  for (const holders of [1_000, 10_000, 100_000]) {
    const text = syntheticDealYaml(holders);
    const load = timeMedian(() => void loadDeal(text, "synthetic.yaml"), { minMs: 300, minRuns: 3 });
    const loaded = loadDeal(text, "synthetic.yaml");
    if (!loaded.ok) throw new Error(loaded.diagnostics[0]!.message);
    const { ledger, rounds } = loaded.deal;
    const before = runDeal(ledger, rounds, { beforeRound: rounds[0]!.id });
    if (!before.ok) throw new Error(before.problems[0]!.message);
    const table = before.value.final;
    const round = timeMedian(() => void priceRound(table, rounds[0]!), { minMs: 500 });
    const view = timeMedian(() => void capTableView(table), { minMs: 300 });
    const whole = timeMedian(() => void runDeal(ledger, rounds), { minMs: 500, minRuns: 3 });
    reports.push({
      name: `exact model, ${holders.toLocaleString("en-US")} holders, 20 SAFEs, pool top-up (one core)`,
      figures: [
        { label: "load and validate the deal file", value: load, unit: "ms" },
        { label: "replay the ledger and price the round", value: whole, unit: "ms" },
        { label: "price the round on a replayed cap table", value: round, unit: "ms" },
        { label: "cap-table view (outstanding, as-converted, fully diluted)", value: view, unit: "ms" },
      ],
    });
  }
  return reports;
}
